// Topic: a Bluetooth accessory won't pair (iPhone, iOS 26).
// Checked 2026-11-27 against: https://appfixguide.com/categories/iphone-cannot-pair-with-devices
// https://www.technobezz.com/iphone-ipad-wont-connect-pair-to-bluetooth
// https://tinygrab.com/how-to-recover-a-forgotten-bluetooth-device-on-iphone
// https://ustrends.net/posts/what-does-reset-do-on-iphone-155547.html
// https://www.mytech-fix.com/fix/phone-tablet/iphone/bluetooth-wont-pair
// Apple's Bluetooth page is not in the stored copies we could search. Full log: docs/topic-sources.md.
// The wording is ours.
#include <helpstation/topic.hpp>

HELPSTATION_TOPIC(t) {
    t.id("bluetooth-pairing")
     .title("A Bluetooth accessory won't pair")
     .version("1.1.1")
     .summary("Headphones, a speaker or a car won't show up, won't pair, or won't reconnect.")
     .category("Connections")
     .applies_to("iPhone with iOS 26")
     .icon("topic-icon")
     .symptom("Your headphones or speaker don't appear in the list on your iPhone.")
     .symptom("You tap the accessory's name, but pairing never finishes or fails.")
     .symptom("It worked before, but now it stays \"Not Connected\".")
     .symptom("The accessory keeps connecting to another phone or a laptop instead.")
     .why("An accessory can only be found while it is in pairing mode, and many leave that mode "
          "after a minute or two. Most accessories also connect to one device at a time, and "
          "reconnect to the last one they used. A low battery, or an old pairing remembered by the "
          "iPhone or the accessory, can stop a new connection too.")
     .ask_team_note("Charging the accessory, putting it in pairing mode and pairing it again fixes most "
              "Bluetooth problems. If it still won't pair, a team member can test it with you, "
              "or the maker can check the accessory.");

    t.fix("Check Bluetooth and charge the accessory")
     .intro("Start with the basics: Bluetooth on, accessory charged, and both close together.")
     .step("Open Settings and tap Bluetooth. Make sure the Bluetooth switch is on (green).", "bt-switch")
     .note("Use Settings to check. The Bluetooth button in Control Center only disconnects "
           "accessories; it doesn't turn Bluetooth fully off.")
     .step("Charge the accessory or put in fresh batteries, then keep it right next to your iPhone "
           "while you pair.", "acc-charge")
     .note("Walls, and other wireless gear nearby, can weaken the signal.");

    t.fix("Put the accessory in pairing mode")
     .intro("Your iPhone can only find an accessory while it is in pairing mode (sometimes called "
            "discovery mode).")
     .step("Turn the accessory on and put it in pairing mode. On most accessories you hold the "
           "power or pairing button until a light flashes.", "acc-pairing")
     .note("Every accessory does this differently. Its manual, or the maker's website, shows how.")
     .step("On your iPhone, keep Settings > Bluetooth open and wait for the accessory's name to "
           "appear under Other Devices.", "bt-other-devices")
     .note("Pairing mode often ends after a minute or two. No name yet? Put the accessory in "
           "pairing mode again.")
     .step("Tap the accessory's name.", "bt-other-devices")
     .step("If your iPhone asks, tap Pair, or enter the code from the accessory's manual.",
           "bt-pair-request")
     .outcome("The accessory moves up to My Devices and shows Connected.");

    t.fix("Forget the accessory and pair it again")
     .intro("If the accessory was paired before, an old pairing can get in the way. Forgetting it "
            "lets both start fresh.")
     .step("Go to Settings > Bluetooth and tap the info button (i) next to the accessory under My "
           "Devices.", "bt-info")
     .step("Tap Forget This Device.", "bt-forget")
     .step("Tap Forget Device to confirm.", "bt-forget-confirm")
     .note("Forgetting AirPods removes them from every device signed in to your Apple Account: "
           "you pair them again on each. Other accessories just pair again here.")
     .step("Put the accessory in pairing mode and pair it again, as in \"Put the accessory in "
           "pairing mode\".", "acc-pairing")
     .note("Some accessories also keep their own list of phones. The manual explains how to clear "
           "it, often with a reset.");

    t.fix("Free it from other devices and restart both")
     .intro("An accessory that is still connected to another phone, tablet or computer may ignore "
            "your iPhone.")
     .step("If the accessory was used with another device, disconnect it there, or turn Bluetooth "
           "off on that device for now.", "acc-other-device")
     .step("Turn the accessory off, wait a few seconds, and turn it back on.", "acc-power-cycle")
     .step("Restart your iPhone: go to Settings > General > Shut Down and drag the slider. When the "
           "screen is dark, hold the side button until the Apple logo appears.", "restart")
     .step("Put the accessory in pairing mode and try pairing again.", "bt-other-devices");

    t.fix("Update iOS, then reset network settings")
     .intro("Updates fix Bluetooth problems. Resetting network settings is the last thing to try "
            "on the iPhone.")
     .step("Go to Settings > General > Software Update. If an update is offered, install it.",
           "software-update")
     .note("Keep the iPhone on Wi-Fi and charging. An accessory with its own app may have an update "
           "in that app too.")
     .step("Still no luck? Go to Settings > General > Transfer or Reset iPhone and tap Reset.",
           "reset-network")
     .step("Tap Reset Network Settings.", "reset-network")
     .caution("This removes saved Wi-Fi networks and passwords, VPN and cellular settings, and you may "
              "need to pair accessories again. Photos, apps and messages stay. Have your Wi-Fi "
              "password ready.")
     .step("Enter your passcode, then tap Reset Network Settings to confirm. The iPhone restarts.",
           "reset-network-confirm")
     .step("Join your Wi-Fi network again, then pair the accessory as in \"Put the accessory in "
           "pairing mode\".", "bt-other-devices");

    t.faq("Why does my accessory keep connecting to my laptop or another phone?",
          "Many accessories reconnect to the last device they used. Disconnect the accessory on that "
          "device, or turn off its Bluetooth, then connect it to your iPhone.");
    t.faq("My fitness band or smart device isn't listed in Settings. What now?",
          "Some accessories, such as fitness trackers and smart-home devices, are set up in their "
          "maker's app instead of in Settings > Bluetooth. Install the maker's app and follow its "
          "setup steps.");
    t.faq("Do I need a code to pair?",
          "Most accessories pair without one. If your iPhone asks for a code, look in the "
          "accessory's manual. Some older accessories use a simple code such as 0000.");
    t.faq("Will Reset Network Settings delete my photos or apps?",
          "No. It only removes network settings, such as saved Wi-Fi networks and passwords, VPN "
          "and cellular settings. Your photos, apps and messages stay.");

    // What each step's picture shows, in a sentence, for customers who cannot see it.
    t.alt("acc-charge", "An accessory on its charger, lying right beside the iPhone.")
     .alt("acc-other-device", "The accessory still connected to another phone, which has to let it go first.")
     .alt("acc-pairing", "A finger holding the accessory's pairing button while its light flashes.")
     .alt("acc-power-cycle", "The accessory being switched off and, a few seconds later, on again.")
     .alt("bt-forget", "The accessory's Bluetooth page, with Forget This Device near the bottom.")
     .alt("bt-forget-confirm", "A box asking to confirm, with the Forget Device button.")
     .alt("bt-info", "The Bluetooth list under My Devices, with the round info button beside the accessory's name.")
     .alt("bt-other-devices", "The Bluetooth settings with the accessory's name listed under Other Devices.")
     .alt("bt-pair-request", "A Bluetooth Pairing Request box with the Pair button.")
     .alt("bt-switch", "The Bluetooth settings with the Bluetooth switch turned on (green).")
     .alt("reset-network", "The Reset menu with Reset Network Settings highlighted.")
     .alt("reset-network-confirm", "A box asking to confirm Reset Network Settings after the passcode.")
     .alt("restart", "The power-off screen with its slider, and the side button held to start again.")
     .alt("software-update", "The Software Update page offering an iOS update to install.");

    // Apple's support home page: its page for this problem is not in the stored copies we could
    // check (docs/topic-sources.md), so the customer starts from the home page and searches there.
    t.support_url("https://support.apple.com/");
}
