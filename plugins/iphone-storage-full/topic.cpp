// Topic: iPhone storage is full (iPhone, iOS 26).
// Checked 2026-11-27 against: https://cleanor.app/blog/how-to-check-whats-using-iphone-storage
// https://abcyapi.net/how-to-free-up-iphone-storage/
// https://drivecanvas.com/how-to-remove-recently-deleted-photos-on-iphone/
// https://www.imore.com/ios-16-will-lock-deleted-and-hidden-photos-away-behind-face-id-touch-id
// Apple's storage pages are not in the stored copies we could search; Settings paths are the iOS 18 layout
// (app settings under Settings > Apps). Full log: docs/topic-sources.md. The wording is ours.
#include <helpstation/topic.hpp>

HELPSTATION_TOPIC(t) {
    t.id("iphone-storage-full")
     .title("iPhone storage is full")
     .version("1.1.1")
     .summary("\"Storage Almost Full\" keeps popping up, and photos, apps or updates won't fit.")
     .category("Storage & battery")
     .applies_to("iPhone with iOS 26")
     .icon("topic-icon")
     .symptom("A message keeps saying your iPhone storage is almost full.")
     .symptom("The camera won't take any more photos or videos.")
     .symptom("Apps won't download or update.")
     .symptom("A software update says there isn't enough space to install it.")
     .symptom("The iPhone feels slow and apps close by themselves.")
     .why("An iPhone has a fixed amount of storage, and it fills up slowly: photos and videos, the "
          "pictures and clips people send you in Messages, downloaded music and shows, and apps with "
          "everything they save. iOS also needs some free space to work and to install updates. Once "
          "the space is gone, new photos, apps and updates have nowhere to go.")
     .ask_team_note("Offloading apps, trimming messages and letting iCloud keep the full-size photos frees "
              "up space on most iPhones. If it's still full, a team member can look at the storage "
              "with you or talk through a bigger iCloud plan.");

    t.fix("See what uses space, and offload apps you don't use")
     .intro("iOS shows what takes up room and suggests ways to free some. Offloading removes an app "
            "but keeps your documents and data, so nothing is lost when you download it again.")
     .step("Open Settings, tap General, then tap iPhone Storage. The bar at the top shows how much "
           "space is used and by what.", "storage-overview")
     .note("The bar and the list can take a minute to appear.")
     .step("Under Recommendations, find Offload Unused Apps and tap Enable.", "offload-unused")
     .note("The iPhone then offloads apps you haven't used for a while when storage runs low. Not "
           "listed? It may already be on (Settings > Apps > App Store).")
     .step("Look at the list of apps below. The largest are at the top, counting everything each "
           "app has saved. Tap one you rarely use.", "storage-apps")
     .step("Tap Offload App, then tap Offload App again to confirm.", "offload-app")
     .caution("Delete App is different: it removes the app and everything saved in it. When in "
              "doubt, choose Offload App.")
     .step("The app's icon stays on the Home Screen, with a small cloud before its name. Tap it "
           "whenever you want the app back.", "offloaded-icon")
     .note("It downloads again from the App Store: that needs internet, and the app must still be "
           "in the store.");

    t.fix("Clean up old messages and attachments")
     .intro("Years of messages, with the photos and videos people sent you, can take many gigabytes.")
     .step("Go to Settings > Apps > Messages, scroll down to Message History and tap Keep Messages.",
           "messages-history")
     .step("Choose 1 Year or 30 Days.", "keep-messages")
     .caution("The next tap permanently deletes every message and attachment older than that, also on "
              "your other Apple devices if Messages in iCloud is on. Save photos you want first.")
     .step("Tap Delete to confirm.", "keep-messages")
     .step("To remove big attachments only, go to Settings > General > iPhone Storage, tap Messages, "
           "then tap Videos or Photos.", "message-attachments")
     .note("If iPhone Storage suggests Review Large Attachments, tap it to see the biggest files first.")
     .step("Tap Edit, tick the files you don't need, then tap the trash button.", "message-edit")
     .caution("Files deleted here are gone from the conversation too.");

    t.fix("Make room from Photos")
     .intro("iCloud Photos can keep the full-size originals in iCloud and leave smaller copies on "
            "the iPhone. Photos you deleted also keep using space for a while.")
     .step("Go to Settings > [your name] > iCloud and tap Photos.", "icloud-photos")
     .step("Turn on Sync this iPhone.", "icloud-photos")
     .note("Your iCloud plan needs room for your whole library. The free plan has 5 GB, so a large "
           "library may need a bigger plan. The first upload works best on Wi-Fi and can take hours.")
     .step("On the same screen, tap Optimize iPhone Storage so it has a tick.", "optimize-storage")
     .note("The iPhone swaps originals for smaller copies gradually, as it needs the space.")
     .step("Open the Photos app and tap Collections (on iOS 18, just scroll down). Under Utilities, "
           "tap Recently Deleted.", "photos-utilities")
     .note("Deleted photos and videos wait here for 30 days before they're removed, and they "
           "take up space until then.")
     .step("Unlock the album with Face ID, Touch ID or your passcode.", "photos-utilities")
     .step("Tap Select, then Delete All, and confirm.", "recently-deleted")
     .note("No Delete All? Tap the More button (•••) at the bottom first.")
     .caution("After this, those photos and videos can't be recovered. With iCloud Photos on, they're "
              "removed from all your devices.");

    t.fix("Clear browser data and downloads")
     .intro("Saved website data and downloaded music, podcasts and videos are easy to remove, and "
            "you can download them again later.")
     .step("Go to Settings > Apps > Safari and tap Clear History and Website Data. Choose All History, "
           "then tap Clear History.", "safari-clear")
     .note("This signs you out of websites. Your saved passwords are kept.")
     .step("Go to Settings > General > iPhone Storage and tap Music.", "media-downloads")
     .step("Swipe left on an artist or album you don't need on the phone, then tap Delete.",
           "media-downloads")
     .note("Podcasts and TV work much the same way. Deleting a download only removes the copy on "
           "your iPhone.")
     .step("Video and music streaming apps keep their downloads inside the app. Open the app's "
           "downloads section and remove what you've already watched or heard.", "app-downloads");

    t.fix("Restart the iPhone")
     .intro("A restart lets iOS tidy up temporary files it no longer needs, and updates the free "
            "space it shows.")
     .step("Go to Settings > General > Shut Down and drag the slider. When the screen is dark, hold "
           "the side button until the Apple logo appears.", "restart")
     .step("Open Settings > General > iPhone Storage again and check the bar.", "storage-overview")
     .note("The free space can take a few minutes to update after a restart.")
     .outcome("With a few gigabytes free, photos, apps and updates fit again.");

    t.faq("What is System Data, and can I delete it?",
          "System Data is space iOS uses for things like caches, logs and temporary files. It grows "
          "and shrinks by itself, and you can't delete it directly. Freeing space elsewhere and "
          "restarting the iPhone often lets iOS clear some of it.");
    t.faq("Will offloading an app delete my data?",
          "No. Offloading removes only the app itself. Your documents and data stay on the iPhone and "
          "are there again when you download the app back. Deleting an app is different: that "
          "removes its data too.");
    t.faq("Does buying more iCloud storage give me more space on the iPhone?",
          "Not by itself. iCloud storage and iPhone storage are separate. It helps when you use it "
          "for iCloud Photos with Optimize iPhone Storage turned on, so full-size photos live in "
          "iCloud instead of on the phone.");
    t.faq("I deleted lots of photos, so why is my storage still full?",
          "Deleted photos stay in the Recently Deleted album for 30 days. Empty that album (see "
          "\"Make room from Photos\") to free the space straight away.");

    // What each step's picture shows, in a sentence, for customers who cannot see it.
    t.alt("app-downloads", "A video or music app's Downloads list, with downloads to remove.")
     .alt("icloud-photos", "The iCloud Photos settings with the Sync this iPhone switch.")
     .alt("keep-messages", "The Keep Messages choices: 30 Days, 1 Year or Forever.")
     .alt("media-downloads", "Downloaded music in iPhone Storage, swiped left to show Delete.")
     .alt("message-attachments", "The Messages page of iPhone Storage: photos, videos and other attachments with their sizes.")
     .alt("message-edit", "A list of message videos with some ticked and the trash button.")
     .alt("messages-history", "The Messages settings with Keep Messages under Message History.")
     .alt("offload-app", "An app's page in iPhone Storage with the Offload App button.")
     .alt("offload-unused", "The iPhone Storage page suggesting Offload Unused Apps, with an Enable button.")
     .alt("offloaded-icon", "A Home Screen icon with a small cloud before the app's name: the app was offloaded.")
     .alt("optimize-storage", "The iCloud Photos settings with Optimize iPhone Storage ticked.")
     .alt("photos-utilities", "The Photos app's Utilities, with the locked Recently Deleted album.")
     .alt("recently-deleted", "The Recently Deleted album with the Select and Delete All buttons.")
     .alt("restart", "The power-off screen with its slider, and the side button held to start again.")
     .alt("safari-clear", "The Safari settings with Clear History and Website Data.")
     .alt("storage-apps", "The iPhone Storage page with apps listed from largest to smallest.")
     .alt("storage-overview", "The iPhone Storage page: a coloured bar shows what fills the iPhone.");

    // Apple's support home page: its page for this problem is not in the stored copies we could
    // check (docs/topic-sources.md), so the customer starts from the home page and searches there.
    t.support_url("https://support.apple.com/");
}
