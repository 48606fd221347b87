// Topic: RCS chats won't turn on (Android, Google Messages).
// Checked 2026-11-27 against: https://support.google.com/messages/answer/9487020
// (read via a stored mirror, google-support.mirrorblogs.com)
// https://www.howtogeek.com/746068/how-to-fix-google-chat-rcs-messaging-problems-on-android/
// https://stop-sms-spam.com/rcs-chats-are-not-sending/
// Phone Settings menu names are from Google Pixel; other makers differ.
// Full log: docs/topic-sources.md. The wording is ours.
#include <helpstation/topic.hpp>

HELPSTATION_TOPIC(t) {
    t.id("rcs-android")
     .title("RCS chats won't turn on (Android)")
     .version("1.1.1")
     .summary("RCS is stuck on \"Setting up\" or \"Disconnected\", and chats go out as plain texts.")
     .category("Messages & calls")
     .applies_to("Android 12 or later with a recent version of Google Messages")
     .icon("topic-icon")
     .symptom("In Google Messages, RCS chats says \"Setting up\" and never finishes.")
     .symptom("RCS chats says \"Disconnected\", or the switch won't stay on.")
     .symptom("The message box says \"Text message\" instead of \"RCS message\".")
     .symptom("You don't see typing dots or read receipts, and photos you send arrive blurry.")
     .why("RCS chats send your messages over mobile data or Wi-Fi instead of as SMS. To switch them "
          "on, Google Messages has to be your default texting app, and your phone number has to be "
          "verified by Google or your carrier, often with a text message sent in the background. An "
          "out-of-date app, no data connection or a failed verification leaves RCS stuck, and your "
          "messages go out as ordinary SMS and MMS instead.")
     .ask_team_note("Updating the apps, checking the connection and verifying your number gets RCS "
              "connected on most phones. If it still won't connect, a team member can check with "
              "your carrier that RCS is available for your line.");

    t.fix("Make Google Messages your default texting app")
     .intro("RCS chats only work when Google Messages is the app that handles your texts. The "
            "phone menus below are from Google Pixel; other phones use similar names.")
     .step("Open your phone's Settings and go to Apps > Default apps > SMS app.", "default-sms")
     .note("On Samsung phones: Settings > Apps > Choose default apps > SMS app.")
     .step("Choose Messages (Google Messages) and confirm.", "default-sms")
     .note("Google Messages not on the phone? Install it from the Play Store first. When you open "
           "it, it offers to become your default SMS app.");

    t.fix("Check the RCS status and turn RCS on")
     .intro("Google Messages shows whether RCS is working, and lets you switch it on.")
     .step("Open Google Messages and tap your profile picture or icon at the top right.",
           "messages-profile")
     .step("Tap Messages settings.", "messages-menu")
     .step("Tap RCS chats.", "rcs-chats-row")
     .note("Older versions call this Chat features. If you don't see RCS chats, look for that.")
     .step("Look at the Status at the top. Connected means RCS works. Setting up means your number "
           "is still being verified. Any other status, such as Disconnected, means RCS isn't working now.",
           "rcs-status")
     .step("If the Turn on RCS chats switch is off, turn it on.", "rcs-turn-on")
     .outcome("The status should change to Connected. This can take a few minutes.");

    t.fix("Check the connection and your phone number")
     .intro("RCS needs mobile data or Wi-Fi, and your phone number must be verified.")
     .step("Swipe down from the top of the screen and check Internet: you need Wi-Fi or mobile data "
           "turned on.", "quick-internet")
     .step("If your phone has two SIMs, open Settings > Network & internet and make sure mobile data "
           "uses the SIM whose number you text from.", "dual-sim")
     .note("Menus for two SIMs differ a lot between phone makers. A team member can help you find them.")
     .step("Tap Airplane mode to turn it on, wait about 15 seconds, then tap it again to turn it off.",
           "quick-airplane")
     .step("If the status has said Setting up for more than a day, open RCS chats again, tap Retry "
           "and confirm your phone number when asked.", "rcs-verify")
     .note("Check that the number is yours and complete, with the right country code.");

    t.fix("Update Google Messages and Carrier Services")
     .intro("RCS relies on two Google apps: Messages, and Carrier Services, which works in the "
            "background. Both should be up to date.")
     .step("Open the Play Store, search for Google Messages and tap Update.", "store-messages")
     .note("If you see Open instead of Update, the app is already up to date.")
     .step("Search for Carrier Services and tap Update.", "store-carrier")
     .step("Open the power menu: swipe down from the top of the screen twice and tap the power icon.",
           "android-restart")
     .note("Or press and hold power and volume up together (Pixel), or the side key and volume down "
           "together (Samsung).")
     .step("Tap Restart.", "android-restart")
     .outcome("Open Google Messages > Messages settings > RCS chats and check the status again.");

    t.fix("Clear the storage of Carrier Services")
     .intro("Clearing Carrier Services makes it set RCS up again from scratch. It doesn't delete your "
            "messages. Menu names are from Google Pixel; other phones use similar ones.")
     .step("Open Settings, tap Apps, then See all apps, and tap Carrier Services.", "carrier-app")
     .note("Carrier Services is a system app. On some phones, such as Samsung, you first choose to "
           "show system apps in the list's filter or menu.")
     .step("Tap Storage & cache (on some phones just Storage).", "carrier-storage")
     .step("Tap Clear storage (on some phones Clear data) and confirm.", "carrier-clear")
     .caution("Clear storage only for Carrier Services. Don't clear Google Messages: that isn't "
              "needed here and can remove your settings and chat history.")
     .step("Restart the phone, then check Messages settings > RCS chats again. Reconnecting can "
           "take a few minutes.", "rcs-status");

    t.faq("Why do some of my messages still go out as SMS?",
          "RCS is only used when everyone in the conversation has RCS turned on. With anyone else, "
          "Google Messages sends an ordinary SMS or MMS. In RCS chats > Resend messages you can "
          "choose what happens when an RCS message can't be sent.");
    t.faq("Can I send RCS chats to iPhones?",
          "Yes, if the iPhone has iOS 18 or later and its carrier supports RCS. Otherwise your "
          "messages to that iPhone go as SMS and MMS.");
    t.faq("Does RCS cost extra?",
          "RCS chats use mobile data or Wi-Fi, not your text allowance. On mobile data they count "
          "toward your data plan, but text chats use very little.");
    t.faq("What does \"Setting up\" mean?",
          "Your phone number is still being verified. That usually takes a few minutes. If it lasts "
          "more than a day, follow \"Check the connection and your phone number\".");

    // What each step's picture shows, in a sentence, for customers who cannot see it.
    t.alt("android-restart", "The Android power menu with the Restart button.")
     .alt("carrier-app", "The list of all apps in Android Settings with Carrier Services.")
     .alt("carrier-clear", "Carrier Services storage with the Clear storage button.")
     .alt("carrier-storage", "The app info page of Carrier Services with Storage & cache.")
     .alt("default-sms", "The default apps settings with Messages chosen as the SMS app.")
     .alt("dual-sim", "The SIM settings: mobile data set to the SIM whose number you text from.")
     .alt("messages-menu", "The Google Messages menu under your profile picture, with Messages settings.")
     .alt("messages-profile", "Google Messages with your profile picture at the top right.")
     .alt("quick-airplane", "Quick Settings with the Airplane mode tile.")
     .alt("quick-internet", "Quick Settings with the Internet tile showing Wi-Fi or mobile data.")
     .alt("rcs-chats-row", "The Google Messages settings with the RCS chats row.")
     .alt("rcs-status", "The RCS chats page: Status Connected and the switch turned on.")
     .alt("rcs-turn-on", "The RCS chats page with the Turn on RCS chats switch.")
     .alt("rcs-verify", "The RCS chats page: Status Setting up, with a Retry button.")
     .alt("store-carrier", "The Play Store page of Carrier Services with its Update button.")
     .alt("store-messages", "The Play Store page of Google Messages with its Update button.");

    // Google Messages Help on RCS chats (google-rcs in docs/topic-sources.md).
    t.support_url("https://support.google.com/messages/answer/9487020");
}
