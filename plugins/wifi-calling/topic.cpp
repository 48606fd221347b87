// Topic: Wi-Fi Calling is not available (iPhone, iOS 26).
// Checked 2026-11-27 against: https://www.apple.com/uk/legal/privacy/data/en/wi-fi-calling/
// https://www.groovypost.com/howto/what-is-wi-fi-calling-and-how-does-it-work/
// https://coveragecritic.com/wi-fi-calling/
// https://onlyerrorcodes.com/operating-systems/ios/carrier-settings-update-failed/
// https://appfixguide.com/categories/iphone-cannot-pair-with-devices
// Apple's Wi-Fi Calling support page is not in the stored copies we could search; where the
// switch lives (Cellular, or Apps > Phone) varies.
// Full log: docs/topic-sources.md. The wording is ours.
#include <helpstation/topic.hpp>

HELPSTATION_TOPIC(t) {
    t.id("wifi-calling")
     .title("Wi-Fi Calling is not available")
     .version("1.0.2")
     .summary("Calls drop indoors, or the Wi-Fi Calling switch is missing or grey.")
     .category("Messages & calls")
     .applies_to("iPhone with iOS 26")
     .icon("topic-icon")
     .symptom("Calls drop or won't connect indoors, even though your Wi-Fi works.")
     .symptom("You can't find Wi-Fi Calling in Settings, or its switch is grey.")
     .symptom("Control Center never shows Wi-Fi after your carrier's name.")
     .symptom("Your iPhone asks for an emergency address and won't turn Wi-Fi Calling on.")
     .why("Wi-Fi Calling is a service from your carrier, not only an iPhone setting. Your carrier has "
          "to offer it on your plan and switch it on for your line, and many carriers also need an "
          "emergency address first. Your iPhone needs up-to-date carrier settings to use it, and some "
          "Wi-Fi networks block the connection it relies on.")
     .ask_team_note("If Wi-Fi Calling still won't turn on, only your carrier can switch it on for your line. "
              "A team member can help you check your plan with them.");

    t.fix("Turn on Wi-Fi Calling")
     .intro("Wi-Fi Calling lets your iPhone make ordinary phone calls over Wi-Fi where the cellular "
            "signal is weak. It stays off until you turn it on.")
     .step("Open Settings and tap Cellular (called Mobile Service in some countries).",
           "cellular-wifi-calling")
     .note("No Wi-Fi Calling under Cellular? With some carriers and iOS versions it is in "
           "Settings > Apps > Phone instead.")
     .step("Tap Wi-Fi Calling.", "cellular-wifi-calling")
     .note("Two phone lines on this iPhone? Tap the line first, then Wi-Fi Calling.")
     .step("Turn on Wi-Fi Calling on This iPhone.", "wifi-calling-switch")
     .note("If Wi-Fi Calling is missing or its switch is grey, your carrier usually hasn't turned it "
           "on for your line. Ask them to add it.")
     .step("If a message asks you to confirm, tap Enable.", "enable-wifi-calling")
     .step("If your carrier asks for an emergency address, fill it in and save it.", "emergency-form")
     .step("Swipe down from the top-right corner to open Control Center. When Wi-Fi Calling is ready, "
           "Wi-Fi appears after your carrier's name.", "control-center")
     .note("On an iPhone with a Home button, look at the top-left corner of the screen instead.")
     .outcome("Make a test call while you are connected to Wi-Fi.");

    t.fix("Add or update your emergency address")
     .intro("Many carriers won't switch Wi-Fi Calling on until they know where to send emergency "
            "services if you call them over Wi-Fi.")
     .step("Go to Settings > Cellular > Wi-Fi Calling.", "emergency-address")
     .note("Not there? With some carriers and iOS versions it is in Settings > Apps > Phone > "
           "Wi-Fi Calling instead.")
     .step("Tap Update Emergency Address.", "emergency-address")
     .step("Fill in your carrier's form with the address where you use the iPhone most, then save it.",
           "emergency-form")
     .note("The form comes from your carrier. If it won't open, check your internet connection, or "
           "ask your carrier to add the address for you.")
     .step("Turn Wi-Fi Calling on This iPhone off, then on again.", "wifi-calling-switch")
     .outcome("Open Control Center and look for Wi-Fi after your carrier's name.");

    t.fix("Restart and update")
     .intro("A restart and the latest carrier settings and iOS fix many Wi-Fi Calling problems.")
     .step("Restart your iPhone.", "restart")
     .note("Go to Settings > General > Shut Down and drag the slider. When the screen is dark, hold "
           "the side button until the Apple logo appears.")
     .step("Connect to Wi-Fi, go to Settings > General > About and wait a few seconds. If a Carrier "
           "Settings Update message appears, tap Update.", "carrier-update")
     .note("No message means your carrier settings are already up to date.")
     .step("Go to Settings > General > Software Update and install any update shown.",
           "software-update")
     .note("Keep the iPhone on Wi-Fi and charging while it updates. It restarts by itself.")
     .outcome("Check Wi-Fi Calling again, in Settings > Cellular or Settings > Apps > Phone.");

    t.fix("Try a different Wi-Fi network")
     .intro("Not every Wi-Fi network lets Wi-Fi Calling through. Trying another one shows whether the "
            "network is the problem.")
     .step("Go to Settings > Wi-Fi and join another network you trust.", "wifi-networks")
     .step("Go to Wi-Fi Calling in Settings > Cellular (or Settings > Apps > Phone) and turn Wi-Fi "
           "Calling on This iPhone off, then on again.", "wifi-calling-switch")
     .step("Open Control Center and look for Wi-Fi after your carrier's name.", "control-center")
     .outcome("If Wi-Fi Calling works here but not on your usual network, that network is blocking "
              "it. Whoever runs that network, or its internet provider, can check it.");

    t.fix("Reset network settings")
     .intro("A last resort: it clears every network setting on the iPhone so they start fresh.")
     .step("Go to Settings > General > Transfer or Reset iPhone.", "general-reset")
     .caution("This forgets every saved Wi-Fi network and its password, your VPN and cellular "
              "settings, and may unpair Bluetooth accessories. Know your Wi-Fi password first.")
     .step("Tap Reset, then Reset Network Settings.", "reset-menu")
     .caution("Don't tap Erase All Content and Settings: it wipes everything on the iPhone.")
     .step("Enter your passcode if asked, then tap Reset Network Settings to confirm.", "reset-confirm")
     .note("The iPhone restarts.")
     .step("Go to Settings > Wi-Fi and join your network again with its password.", "wifi-networks")
     .step("Go to Wi-Fi Calling in Settings > Cellular (or Settings > Apps > Phone) and turn on "
           "Wi-Fi Calling on This iPhone.", "wifi-calling-switch")
     .outcome("Open Control Center and look for Wi-Fi after your carrier's name.");

    t.faq("Does Wi-Fi Calling cost extra?",
          "With most carriers, calls over Wi-Fi count like ordinary calls on your plan. Calls made "
          "from abroad can be billed differently, so check with your carrier.");
    t.faq("How do I know a call is using Wi-Fi?",
          "Open Control Center: when Wi-Fi Calling is available, Wi-Fi appears after your carrier's "
          "name. On an iPhone with a Home button, it shows at the top of the screen.");
    t.faq("Can I call emergency services over Wi-Fi?",
          "Your iPhone uses the cellular network for emergency calls whenever it can. If there is no "
          "cellular service, an emergency call may go over Wi-Fi Calling. That is why carriers ask for "
          "an emergency address: keep it up to date when you move.");
    t.faq("Does Wi-Fi Calling work abroad?",
          "It depends on your carrier: some allow it from other countries and some don't. Ask them "
          "before you travel.");

    // What each step's picture shows, in a sentence, for customers who cannot see it.
    t.alt("carrier-update", "A Carrier Settings Update box on the About page, with Update highlighted.")
     .alt("cellular-wifi-calling", "The Cellular settings with the Wi-Fi Calling row.")
     .alt("control-center", "Control Center with Wi-Fi shown after the carrier's name.")
     .alt("emergency-address", "The Wi-Fi Calling settings with Update Emergency Address.")
     .alt("emergency-form", "An example emergency address form from a carrier, with Save Address.")
     .alt("enable-wifi-calling", "A box asking Enable Wi-Fi Calling?, with the Enable button.")
     .alt("general-reset", "The General settings with Transfer or Reset iPhone near the bottom.")
     .alt("reset-confirm", "A box asking to confirm Reset Network Settings.")
     .alt("reset-menu", "The Reset menu with Reset Network Settings highlighted.")
     .alt("restart", "The power-off screen with the slide to power off slider.")
     .alt("software-update", "The Software Update page with an iOS update and the Update Now button.")
     .alt("wifi-calling-switch", "The Wi-Fi Calling settings with Wi-Fi Calling on This iPhone turned on.")
     .alt("wifi-networks", "The Wi-Fi settings listing other networks to join.");

    // Apple's support home page: its page for this problem is not in the stored copies we could
    // check (docs/topic-sources.md), so the customer starts from the home page and searches there.
    t.support_url("https://support.apple.com/");
}
