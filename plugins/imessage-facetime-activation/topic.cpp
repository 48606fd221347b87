// Topic: iMessage and FaceTime won't activate (iPhone, iOS 26).
// Facts from the seed article (shared/seed/imessage-facetime-ios26.txt), checked 2026-12-05 against:
// https://www.idropnews.com/how-to/imessage-not-activating-in-ios-26-heres-the-fix/253673 (quotes Apple)
// https://support.apple.com/lt-lt/119859 (Apple's activation page, Lithuanian, English labels)
// https://pcglance.com/imessage-wont-activate-ios-26/ (quotes Apple; iOS 26 paths under Settings > Apps)
// Full log, claim by claim, with what is still unverified: docs/topic-sources.md.
// Menu paths use the iOS 18+ form (Settings > Apps > Messages) everywhere. The wording is ours.
#include <helpstation/topic.hpp>

HELPSTATION_TOPIC(t) {
    t.id("imessage-facetime-activation")
     .title("iMessage and FaceTime won't activate")
     .version("1.1.1")
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
     .ask_team_note("Removing the extra SIM, checking the network and activating again brings iMessage and "
              "FaceTime back on most iPhones. When they don't, the number needs a closer look.");

    t.fix("Remove the inactive SIM")
     .intro("Two SIMs with one number confuse activation. Removing the inactive one with your number "
            "clears the conflict.")
     .step("Open Settings and tap Cellular (called Mobile Service in some countries).", "cellular-two-lines")
     .step("Find a SIM marked Inactive with the same phone number as your active line.",
           "cellular-two-lines")
     .caution("Only a SIM with your active line's number is the problem. Keep a travel eSIM or a "
              "second number. Not sure? Ask a team member.")
     .step("If that inactive SIM is a physical card, push a SIM tool into the small hole in the SIM "
           "tray and take the card out.", "sim-tray")
     .note("No SIM tool? A team member can lend you one.")
     .step("If that inactive SIM is an eSIM, tap it, then tap Delete eSIM.", "delete-esim")
     .caution("Delete only the inactive eSIM with your active line's number. A deleted eSIM has to be "
              "set up again by your carrier.")
     .step("Go to Settings > Apps > Messages > Send & Receive. Under \"You can be reached by iMessage "
           "at\", tap your phone number so it has a tick.", "send-receive")
     .step("Under \"Start New Conversations From\", tap your phone number so it has a tick.",
           "send-receive-start")
     .note("This is what makes your messages go out from your number instead of your email.")
     .outcome("Your number now appears once, with a tick, and new messages go out from it.");

    t.fix("Turn iMessage and FaceTime off and on again")
     .intro("Switching both off, restarting and switching them on again makes the iPhone register "
            "your number from scratch.")
     .step("Go to Settings > Apps > Messages and turn off iMessage.", "imessage-switch")
     .step("Go to Settings > Apps > FaceTime and turn off FaceTime.", "facetime-switch")
     .step("Restart your iPhone.", "restart")
     .note("Go to Settings > General > Shut Down and drag the slider. When the screen is dark, "
           "hold the side button until the Apple logo appears.")
     .step("Go back to Settings > Apps > Messages and turn on iMessage.", "waiting-activation")
     .step("Go back to Settings > Apps > FaceTime and turn on FaceTime.", "facetime-on")
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
     .step("If a message says your carrier may charge for the SMS used to activate FaceTime and "
           "iMessage, tap Turn On.", "activation-sms")
     .note("Your carrier may charge for this text like any other international SMS.");

    t.fix("Sign out of your Apple Account and back in")
     .intro("Some customers got activation working by signing out of their Apple Account and signing "
            "back in by hand. You need your Apple Account password for this.")
     .step("Go to Settings > [your name], scroll down and tap Sign Out.", "sign-out")
     .caution("Until you sign back in, iCloud Photos and iCloud Drive files leave this iPhone (they stay "
              "in iCloud), and the cards in Wallet are removed.")
     .step("Enter your Apple Account password and tap Turn Off. This turns off Find My.",
           "sign-out-password")
     .note("Don't know the password? Stop here and ask a team member: you need it to sign back in.")
     .step("Turn on the switch for each kind of data you want to keep a copy of on this iPhone.",
           "sign-out-keep-data")
     .step("Tap Sign Out at the top right.", "sign-out-keep-data")
     .step("Tap Sign Out again to confirm.", "sign-out-confirm")
     .step("Restart your iPhone.", "restart")
     .note("Go to Settings > General > Shut Down and drag the slider. When the screen is dark, "
           "hold the side button until the Apple logo appears.")
     .step("Open Settings and tap Apple Account at the top.", "sign-in-manually")
     .step("Tap Sign in Manually.", "sign-in-manually")
     .step("Enter your Apple Account email and password, then follow the prompts.", "sign-in-manually")
     .step("Go to Settings > Apps > Messages and turn on iMessage.", "waiting-activation")
     .step("Go to Settings > Apps > FaceTime and turn on FaceTime.", "facetime-on");

    t.fix("Activate online")
     .support_url("https://apple.co/IMFT-mac") // the seed's activation page: the customer can finish at home
     .intro("Apple also lets you activate iMessage and FaceTime from a web page. You sign in there "
            "with your Apple Account, so ask a team member to open the page with you.")
     .step("With a team member, open Safari and go to apple.co/IMFT-mac.", "online-activation")
     .note("Team member: check that the page is on apple.com before the customer signs in.")
     .step("Tap Get Started.", "online-activation")
     .step("Sign in with your Apple Account.", "online-activation-sign-in")
     .step("Enter your phone number.", "online-activation-sign-in")
     .step("When the page confirms your number, go to Settings > Apps > Messages and turn on iMessage.",
           "waiting-activation")
     .step("Go to Settings > Apps > FaceTime and turn on FaceTime.", "facetime-on");

    t.faq("Why do my messages go out from my email instead of my phone number?",
          "New conversations start from the address ticked under Start New Conversations From. Open "
          "Settings > Apps > Messages > Send & Receive and tap your number there. If your number isn't "
          "listed, it isn't activated yet: try the fixes above.");
    t.faq("Can I still use FaceTime Audio if video calls fail?",
          "Often, yes. Some people find that FaceTime Audio calls go through even while video calls don't.");
    t.faq("How long does activation take?",
          "It can take up to 24 hours. Keep the iPhone connected and check that everything in "
          "\"Check the network, date & time and SMS\" is in place.");
    t.faq("Will updating to iOS 26.0.1 help?",
          "Maybe not: some people still had the problem after iOS 26.0.1. Install the latest iOS "
          "update from Settings > General > Software Update, then try the fixes here.");

    // What each step's picture shows, in a sentence, for customers who cannot see it.
    t.alt("activation-sms", "The Messages settings with a note about the activation text message and Turn On.")
     .alt("cellular-two-lines", "The Cellular settings listing two lines with the same number, one of them inactive.")
     .alt("date-time", "The Date & Time settings with Set Automatically turned on.")
     .alt("delete-esim", "The settings page of the old line, with Delete eSIM at the bottom.")
     .alt("facetime-on", "The FaceTime settings with the FaceTime switch turned on (green).")
     .alt("facetime-switch", "The FaceTime settings with the FaceTime switch at the top.")
     .alt("imessage-switch", "The Messages settings with the iMessage switch at the top.")
     .alt("online-activation", "Apple's activation page open in Safari, with the Get Started button.")
     .alt("online-activation-sign-in", "Apple's activation page in Safari asking you to sign in and type your phone number.")
     .alt("restart", "The power-off screen with the slide to power off slider.")
     .alt("send-receive", "The Send & Receive settings, your phone number listed once with a tick.")
     .alt("send-receive-start", "The Send & Receive settings with your phone number chosen for new conversations.")
     .alt("sign-in-manually", "The top of Settings with the choice to sign in to your Apple Account by hand.")
     .alt("sign-out", "Your Apple Account page with Sign Out at the bottom.")
     .alt("sign-out-confirm", "A box asking to confirm, with Sign Out once more.")
     .alt("sign-out-keep-data", "A list of data to keep a copy of on this iPhone, with switches, above Sign Out.")
     .alt("sign-out-password", "A box asking for your Apple Account password, with Turn Off.")
     .alt("sim-tray", "The side of an iPhone with a SIM tool pushed into the small hole of the SIM tray.")
     .alt("waiting-activation", "The Messages settings saying iMessage is waiting for activation.")
     .alt("wifi", "The Wi-Fi settings, connected to the store's guest network.");

    // Apple's support home page: Apple's page for this problem (119859) is in our sources only in
    // Lithuanian (support.apple.com/lt-lt/119859, docs/topic-sources.md), so the customer starts from the home page.
    t.support_url("https://support.apple.com/");
}
