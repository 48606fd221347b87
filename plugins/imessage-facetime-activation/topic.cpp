// Topic: iMessage and FaceTime won't activate (iPhone, iOS 26).
// Facts from Apple's guidance for iOS 26 activation problems; the wording is ours.
#include <helpstation/topic.hpp>

HELPSTATION_TOPIC(t) {
    t.id("imessage-facetime-activation")
     .title("iMessage and FaceTime won't activate")
     .version("1.0.0")
     .summary("Texts go out from your email, bubbles turn green, or FaceTime won't connect.")
     .category("Messages & calls")
     .applies_to("iPhone with iOS 26")
     .icon("topic-icon")
     .symptom("Your messages go out from your email address instead of your phone number.")
     .symptom("Texts to other iPhones show in green bubbles instead of blue.")
     .symptom("FaceTime calls don't connect.")
     .symptom("Your phone number is listed twice under Settings > Apps > Messages > Send & Receive.")
     .why("Your iPhone probably holds two SIMs with the same phone number: one active and one "
          "inactive, such as an old eSIM left behind. iOS can't tell which one to use, so your number "
          "never finishes registering with Apple. Unlike ordinary SMS texts, iMessage and FaceTime "
          "run through Apple's servers and only work once your number is registered there.")
     .closing("Removing the extra SIM, checking the network and activating again brings iMessage and "
              "FaceTime back on most iPhones. When they don't, the number needs a closer look.");

    t.fix("Remove the inactive SIM")
     .intro("Two SIMs with one number confuse activation. Removing the one you no longer use "
            "clears the conflict.")
     .step("Open Settings and tap Cellular (called Mobile Service in some countries).", "cellular-two-lines")
     .step("In the list of SIMs, find the one marked Inactive. That is the one to remove.", "cellular-two-lines")
     .note("Both lines may show the same phone number. Go by the Inactive label.")
     .step("If the inactive SIM is a physical card, push a SIM tool into the small hole in the SIM "
           "tray and take the card out.", "sim-tray")
     .note("No SIM tool? A team member can lend you one.")
     .step("If the inactive SIM is an eSIM, tap it, then tap Delete eSIM.", "delete-esim")
     .caution("Delete only the line marked Inactive. A deleted eSIM has to be set up again by your carrier.")
     .step("Go to Settings > Apps > Messages > Send & Receive and tap your phone number so it is "
           "ticked. This turns iMessage back on for it.", "send-receive")
     .outcome("Your number should now appear once under Send & Receive, with a tick.");

    t.fix("Turn iMessage and FaceTime off and on again")
     .intro("Switching both off, restarting and switching them on again makes the iPhone register "
            "your number from scratch.")
     .step("Go to Settings > Apps > Messages and turn off iMessage.", "imessage-switch")
     .step("Go to Settings > Apps > FaceTime and turn off FaceTime.", "facetime-switch")
     .step("Restart your iPhone.", "restart")
     .note("Go to Settings > General > Shut Down and drag the slider. When the screen is dark, "
           "hold the side button until the Apple logo appears.")
     .step("Go back to Settings > Messages and turn on iMessage.", "waiting-activation")
     .step("Go back to Settings > FaceTime and turn on FaceTime.", "facetime-switch")
     .note("Give it a few minutes. A spinning gear means the iPhone is still confirming your number.")
     .outcome("Wait a few minutes, then send a message to another iPhone: a blue bubble means it worked.");

    t.fix("Check the network, date & time and SMS")
     .intro("Activation needs a working internet connection and sends a text message to Apple, "
            "which can go to an international number.")
     .step("Connect to Wi-Fi or turn on cellular data.", "wifi")
     .step("Open Settings > General > Date & Time and turn on Set Automatically.", "date-time")
     .note("A wrong date or time on the iPhone makes activation fail.")
     .step("Make sure your plan lets you send SMS texts to international numbers.")
     .note("Not sure? Your carrier, or a team member, can check your plan with you.")
     .step("If the iPhone asks to send an activation SMS to Apple, allow it.", "waiting-activation")
     .note("Your carrier may charge for this message like any other international SMS.");

    t.fix("Sign out of your Apple ID and back in")
     .intro("Some customers got activation working by signing out of their Apple ID and signing "
            "back in by hand.")
     .step("Go to Settings > [your name] and tap Sign Out.", "sign-out")
     .caution("Make sure you know your Apple ID password before you sign out.")
     .step("Choose Sign Out But Don't Erase, turn off Find My, and keep all of your data on the iPhone.",
           "sign-out-keep-data")
     .note("Turning off Find My asks for your Apple ID password.")
     .step("Tap Confirm and Sign Out.", "sign-out-keep-data")
     .step("Restart the iPhone: go to Settings > General > Shut Down, then turn it back on.", "restart")
     .step("Open Settings, tap the Apple ID banner at the top, and choose Sign in Manually.",
           "sign-in-manually")
     .step("Enter your Apple ID email and password, then follow the prompts.", "sign-in-manually")
     .step("Go to Settings > Messages and turn on iMessage, then go to Settings > FaceTime and turn "
           "on FaceTime.", "waiting-activation");

    t.fix("Activate online")
     .intro("Apple also lets you activate iMessage and FaceTime from a web page.")
     .step("Visit apple.co/IMFT-mac and tap Get Started.", "online-activation")
     .step("Sign in with your Apple ID and enter your phone number.", "online-activation")
     .step("When the page confirms your number, go to Settings > Messages and turn on iMessage, "
           "then go to Settings > FaceTime and turn on FaceTime.", "waiting-activation");

    t.faq("Why do my messages go out from my email instead of my phone number?",
          "Your phone number isn't activated for iMessage yet. Open Settings > Messages > Send & "
          "Receive and tap your number so it has a tick.");
    t.faq("Can I still use FaceTime Audio if video calls fail?",
          "Often, yes. Some people find that FaceTime Audio calls go through even while video calls don't.");
    t.faq("How long does activation take?",
          "It can take up to 24 hours. Keep the iPhone connected and check that everything in "
          "\"Check the network, date & time and SMS\" is in place.");
    t.faq("Will updating to iOS 26.0.1 help?",
          "Yes. Apple's iOS 26.0.1 update improves stability and connections. Install it from "
          "Settings > General > Software Update.");
}
