// Topic: move an eSIM to a new iPhone (iPhone, iOS 26).
// Checked 2026-11-27 against:
// https://support.apple.com/en-nz/HT212780
// https://support.apple.com/en-us/HT212780
// https://www.theverge.com/23449775/esim-iphone-14-how-to-verizon-att-t-mobile
// https://nextnews.com.au/how-to/how-to-activate-esim-on-iphone
// https://www.mobigyaan.com/transfer-esim-between-apple-iphone-ios-16
// Apple's step lists are not in the stored copies we could search, so screen names rest on
// secondary sources for iOS 16-18 (not iOS 26): button names were checked for iOS 16 to 18, and iOS 26
// may word them slightly differently (an editors' note, kept here rather than shown to customers).
// Full log: docs/topic-sources.md. The wording is ours.
#include <helpstation/topic.hpp>

HELPSTATION_TOPIC(t) {
    t.id("esim-transfer")
     .title("Move your eSIM to a new iPhone")
     .version("1.1.1")
     .summary("Bring your phone number from your old iPhone to the new one, with no SIM card.")
     .category("Setup & transfer")
     .applies_to("iPhone with iOS 26")
     .icon("topic-icon")
     .symptom("You have a new iPhone, but your phone number is still on the old one.")
     .symptom("Your new iPhone shows No Service while the old one still works.")
     .symptom("You can't find Transfer From Nearby iPhone.")
     .symptom("The transfer stopped or didn't finish.")
     .symptom("Your old iPhone lost its signal after you set up the new one.")
     .why("Your phone number lives on a SIM. An eSIM is a SIM built into the iPhone, so there is no "
          "card to take out: the old iPhone hands it over with eSIM Quick Transfer, or your carrier "
          "issues a new one. Quick Transfer works only when your carrier supports it and both iPhones "
          "are close together, unlocked and have Bluetooth on. A number works on one iPhone at a "
          "time, so once the new iPhone takes over, the old one loses service.")
     .ask_team_note("Most eSIMs move over in a few minutes with both iPhones side by side. If yours won't, "
              "your carrier can issue a new eSIM for the new iPhone, and a team member can help you "
              "contact them.");

    t.fix("Transfer it while setting up the new iPhone")
     .intro("The easiest moment: the new iPhone offers to bring your number across during setup.")
     .step("Charge both iPhones and put them side by side.", "two-iphones")
     .step("Turn on Bluetooth on both iPhones: go to Settings > Bluetooth.", "bluetooth")
     .step("Unlock the old iPhone.", "two-iphones")
     .step("Turn on the new iPhone and follow the setup screens. When you reach Set Up Cellular, "
           "tap Transfer From Nearby iPhone.", "transfer-options")
     .note("If the screen lists your phone number instead, tap the number and continue.")
     .step("On the old iPhone, confirm the transfer: tap Transfer, or type the code shown on the "
           "new iPhone if it asks for one.", "old-iphone-confirm")
     .note("Some carriers then open a web page on the new iPhone to finish. Follow the steps on it.")
     .step("Keep both iPhones close together until the new one says Cellular Setup Complete.",
           "setup-complete")
     .caution("From now on, the eSIM on the old iPhone no longer works. Don't erase the old iPhone "
              "until calls work on the new one.")
     .outcome("Make a test call from the new iPhone. If it goes through, your number has moved.");

    t.fix("Transfer it later in Settings")
     .intro("Already finished setup, or skipped the cellular step? Start the transfer from Settings "
            "on the new iPhone.")
     .step("On the new iPhone, open Settings and tap Cellular (called Mobile Service in some countries).",
           "add-esim")
     .step("Tap Add eSIM.", "add-esim")
     .step("Tap Transfer From Nearby iPhone.", "transfer-options")
     .note("Keep the old iPhone unlocked, with Bluetooth on, right next to the new one.")
     .step("On the old iPhone, tap Transfer, or type the code shown on the new iPhone.",
           "old-iphone-confirm")
     .step("Wait until your line shows On in Settings > Cellular on the new iPhone.", "line-on")
     .note("If your carrier opens a web page, finish the steps there.")
     .caution("Once the line is on in the new iPhone, the eSIM in the old iPhone stops working.")
     .outcome("Make a test call from the new iPhone. If it goes through, your number has moved.");

    t.fix("If the transfer option is missing or fails")
     .intro("Quick Transfer needs both iPhones ready. Check each of these, then try again.")
     .step("Update both iPhones: go to Settings > General > Software Update.", "software-update")
     .note("eSIM Quick Transfer arrived with iOS 16. An old iPhone that can't run iOS 16 can't use "
           "it: go to the next fix.")
     .step("Turn on Bluetooth on both iPhones: go to Settings > Bluetooth.", "bluetooth")
     .step("Sign in to your Apple Account on both iPhones. Your name shows at the top of Settings "
           "when you are signed in.", "apple-account")
     .step("Unlock the old iPhone and keep it right next to the new one.", "two-iphones")
     .step("Restart both iPhones.", "restart")
     .note("To restart, go to Settings > General > Shut Down and drag the slider. When the screen "
           "is dark, hold the side button until the Apple logo appears.")
     .step("On the new iPhone, start again from Settings > Cellular > Add eSIM.", "add-esim")
     .outcome("Still no Transfer From Nearby iPhone? Your carrier may not offer it for your plan. "
              "Try the next fix.");

    t.fix("Get the eSIM from your carrier")
     .intro("When Quick Transfer isn't possible, your carrier can put your number on the new iPhone "
            "itself, in one of these ways. Once the eSIM is active on the new iPhone, the line on the "
            "old iPhone stops working.")
     .step("Ask your carrier for an eSIM for your new iPhone: in its app, on its website, in a store "
           "or by phone.", "carrier-app")
     .note("Many carrier apps set it up for you. Have your ID or account details ready: they may "
           "check the number is yours.")
     .step("If they give you a QR code, go to Settings > Cellular > Add eSIM on the new iPhone and "
           "tap Use QR Code.", "qr-option")
     .step("Point the camera at the QR code and follow the steps on the screen.", "scan-qr")
     .note("If it asks for a confirmation code, enter the one your carrier gave you.")
     .step("If your carrier sets the eSIM up from its side, a notification says Carrier Cellular "
           "Plan Ready to Be Installed. Tap it and follow the steps.", "plan-ready")
     .outcome("Make a test call from the new iPhone. If it goes through, your number has moved.");

    t.faq("Will my old iPhone still work after the transfer?",
          "Yes, but not as a phone on that number: its eSIM stops working once the new iPhone takes "
          "over. Your apps and data stay on it and it still works on Wi-Fi. Don't erase it until calls "
          "work on the new iPhone.");
    t.faq("My old iPhone uses a SIM card. Can I still move my number?",
          "Yes. If your carrier supports it, Transfer From Nearby iPhone turns the SIM card into an "
          "eSIM on the new iPhone. If the new iPhone has a SIM tray, you can also put the card in it; "
          "some carriers then offer Convert to eSIM in Settings > Cellular. Some newer iPhones have no "
          "SIM tray at all.");
    t.faq("Can I use the same number on both iPhones?",
          "Not with one eSIM: a phone number's SIM works on one iPhone at a time. Ask your carrier "
          "what they offer if you need two phones.");
    t.faq("Does moving the eSIM cost anything?",
          "eSIM Quick Transfer is built into iOS. Carriers set their own prices, and some charge for "
          "issuing a new eSIM, so ask yours before you start.");

    // What each step's picture shows, in a sentence, for customers who cannot see it.
    t.alt("add-esim", "The Cellular settings with the Add eSIM row.")
     .alt("apple-account", "The top of Settings, where your name shows you are signed in.")
     .alt("bluetooth", "The Bluetooth settings with the switch turned on (green).")
     .alt("carrier-app", "An example carrier app with a button to set up an eSIM on this iPhone.")
     .alt("line-on", "The Cellular settings showing the moved phone line switched On.")
     .alt("old-iphone-confirm", "The old iPhone asking to confirm the move, with the Transfer button.")
     .alt("plan-ready", "A notification saying a cellular plan is ready to be installed.")
     .alt("qr-option", "The Set Up Cellular screen with the Use QR Code choice.")
     .alt("restart", "The power-off screen with the slide to power off slider.")
     .alt("scan-qr", "The new iPhone's camera pointed at the carrier's eSIM QR code.")
     .alt("setup-complete", "The new iPhone saying Cellular Setup Complete.")
     .alt("software-update", "The Software Update page with an iOS update and the Update Now button.")
     .alt("transfer-options", "The Set Up Cellular screen with the Transfer From Nearby iPhone choice.")
     .alt("two-iphones", "The old and the new iPhone side by side, Bluetooth on and the old one unlocked.");

    // Apple's "eSIM on iPhone" page (apple-esim-us in docs/topic-sources.md).
    t.support_url("https://support.apple.com/en-us/HT212780");
}
