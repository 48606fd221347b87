// Topic: voicemail is not set up or not working (iPhone, iOS 26).
// Checked 2026-11-27 against:
// https://tidbits.com/2025/11/10/comparing-the-classic-and-unified-views-in-ios-26s-phone-app/
// https://softorino.com/blog/how-to-forward-calls-on-iphone
// https://techspirited.com/reset-iphone-voicemail-password
// http://techin.oureverydaylife.com/reset-iphone-voicemail-password-1017.html
// Apple's voicemail pages are not in the stored copies we could search; Set Up Now, Live Voicemail and the
// greeting screen rest on older secondary sources. Full log: docs/topic-sources.md. The wording is ours.
#include <helpstation/topic.hpp>

HELPSTATION_TOPIC(t) {
    t.id("voicemail")
     .title("Voicemail is not set up or not working")
     .version("1.0.2")
     .summary("Callers can't leave a message, or your voicemails don't show up.")
     .category("Messages & calls")
     .applies_to("iPhone with iOS 26")
     .icon("topic-icon")
     .symptom("Callers hear that your mailbox hasn't been set up.")
     .symptom("The Voicemail screen shows only a Call Voicemail button, with no list of messages.")
     .symptom("Calls you don't answer never reach your voicemail.")
     .symptom("Your iPhone keeps asking for a voicemail password you don't remember.")
     .symptom("New voicemails don't appear on your iPhone.")
     .why("Your mailbox is kept by your carrier, and a new number or plan needs it set up once, "
          "with a password and a greeting. The message list in the Phone app, called Visual "
          "Voicemail, works only if your carrier supports it on your plan. Call forwarding can send "
          "your calls to another number instead, and old carrier settings or a forgotten password "
          "stop the iPhone from fetching your messages.")
     .ask_team_note("If voicemail still won't work, the mailbox itself may need your carrier's attention. "
              "A team member can help you contact them.");

    t.fix("Set up your voicemail")
     .intro("A new number or a new plan usually needs its mailbox set up once.")
     .step("Open the Phone app and tap Voicemail at the bottom right.", "voicemail-tab")
     .note("No Voicemail tab? Your Phone app uses the Unified view. On Calls, tap the menu button "
           "at the top right and choose Classic. To switch back, choose Unified there.")
     .step("Tap Set Up Now.", "set-up-now")
     .note("Only see Call Voicemail? Your carrier doesn't offer Visual Voicemail on your plan. Use "
           "the next fix.")
     .step("Make up a voicemail password and tap Done. Type it again and tap Done.", "vm-password")
     .note("Pick one you'll remember: you may need it on a new iPhone, or to check messages from "
           "another phone.")
     .step("Choose Default, or choose Custom and tap Record to record your own greeting. Then tap Save.",
           "greeting")
     .outcome("Ask someone to call you and let it ring out. Their message should appear under Voicemail.");

    t.fix("Set it up by calling your voicemail")
     .intro("If your carrier doesn't offer Visual Voicemail, you set up your mailbox by calling it.")
     .step("Open the Phone app, tap Keypad, then touch and hold 1.", "keypad-hold-1")
     .note("You can also tap Call Voicemail on the Voicemail screen, or call your own number from "
           "this iPhone.")
     .step("Listen to the recorded instructions. Tap Keypad when you need to type a choice.",
           "calling-voicemail")
     .note("If the call doesn't connect, ask your carrier for your voicemail number.")
     .step("Choose a password and record your greeting when asked, then hang up once the mailbox is "
           "set up.", "calling-voicemail")
     .outcome("Ask someone to call you and leave a message, then touch and hold 1 to listen to it.");

    t.fix("Turn off call forwarding")
     .intro("With Call Forwarding on in Settings, every call goes straight to another number: your "
            "iPhone doesn't ring and callers never reach your voicemail.")
     .step("Open Settings, scroll down and tap Apps, then tap Phone.", "settings-apps-phone")
     .step("Tap Call Forwarding.", "phone-call-forwarding")
     .note("No Call Forwarding here? Some carriers set forwarding with a code or in their own app. "
           "Ask your carrier to check that nothing is forwarded on your line.")
     .step("Turn off Call Forwarding.", "call-forwarding-off")
     .note("Only unanswered calls go elsewhere? That forwarding is set with your carrier, often by a "
           "code, not here. Ask your carrier to turn it off.")
     .outcome("Let a call to your number ring out: the caller should now reach your voicemail.");

    t.fix("Restart and update carrier settings")
     .intro("Voicemail depends on your carrier's settings. A restart and the latest updates often "
            "bring it back.")
     .step("Restart your iPhone.", "restart")
     .note("Go to Settings > General > Shut Down and drag the slider. When the screen is dark, hold "
           "the side button until the Apple logo appears.")
     .step("Connect to Wi-Fi, go to Settings > General > About and wait a few seconds. If a Carrier "
           "Settings Update message appears, tap Update.", "carrier-update")
     .note("No message means your carrier settings are already up to date.")
     .step("Go to Settings > General > Software Update and install any update shown.",
           "software-update")
     .outcome("Open the Phone app, tap Voicemail and check for your messages.");

    t.fix("Reset a forgotten voicemail password")
     .intro("Voicemail can ask for its password on a new iPhone or after a reset. If you know the "
            "old one you can change it; if not, your carrier resets it.")
     .step("If you know your current password, go to Settings > Apps > Phone, tap Change Voicemail "
           "Password and follow the steps.", "phone-change-password")
     .step("Forgot it? Ask your carrier to reset it, in its app, on its website or by phone.",
           "carrier-reset-password")
     .note("They will want to check that the number is yours.")
     .step("When the iPhone asks for your voicemail password, enter the new one and tap Done.",
           "vm-password")
     .outcome("Open the Phone app and tap Voicemail: your messages should load.");

    t.faq("What is Live Voicemail?",
          "When you don't answer, your iPhone can take the message itself and show the caller's words "
          "on screen as they speak, so you can still pick up. These messages are kept on your iPhone "
          "with your other voicemails. Turn it on or off in Settings > Apps > Phone > Live Voicemail. "
          "It isn't offered in every country or language, and when your iPhone is off or has no "
          "signal, calls go to your carrier's voicemail instead.");
    t.faq("What is Visual Voicemail?",
          "It is the list of messages in the Phone app that you can play in any order without calling "
          "in. Your carrier has to support it on your plan. Without it, the Voicemail screen shows "
          "Call Voicemail instead.");
    t.faq("Can I change my greeting later?",
          "Yes. In the Phone app, tap Voicemail, then tap Greeting at the top of the screen. Choose "
          "Default or Custom, record a new one if you like, and tap Save.");

    // What each step's picture shows, in a sentence, for customers who cannot see it.
    t.alt("call-forwarding-off", "The Call Forwarding settings with the switch turned off.")
     .alt("calling-voicemail", "A call to voicemail with the keypad open to answer the prompts.")
     .alt("carrier-reset-password", "An example carrier app with a button to reset the voicemail password.")
     .alt("carrier-update", "A Carrier Settings Update box on the About page, with Update highlighted.")
     .alt("greeting", "The Greeting page: Default or Custom, a record button and Save.")
     .alt("keypad-hold-1", "The Phone keypad with a finger holding the 1 key.")
     .alt("phone-call-forwarding", "The Phone settings showing Call Forwarding turned on.")
     .alt("phone-change-password", "The Phone settings with Change Voicemail Password.")
     .alt("restart", "The power-off screen with the slide to power off slider.")
     .alt("set-up-now", "The Voicemail tab of the Phone app with the Set Up Now button.")
     .alt("settings-apps-phone", "The Apps list in Settings with Phone.")
     .alt("software-update", "The Software Update page with an iOS update and the Update Now button.")
     .alt("vm-password", "A box to type a new voicemail password, with Done.")
     .alt("voicemail-tab", "The Phone app in its classic view, with the Voicemail tab at the bottom right.");

    // Apple's support home page: its page for this problem is not in the stored copies we could
    // check (docs/topic-sources.md), so the customer starts from the home page and searches there.
    t.support_url("https://support.apple.com/");
}
