// Topic template: copy this folder, then change the words below. See docs/writing-a-topic.md.
//
// Each line starting with a dot fills in one part of the topic. Text goes between "double quotes";
// to run a long text over several lines, close the quotes at the end of one line and open them again
// on the next (no comma in between). Keep every line that does not start with // as it is shaped.
#include <helpstation/topic.hpp>

HELPSTATION_TOPIC(t) {
    // --- The topic card on the home screen -----------------------------------------------------
    t.id("my-topic")                         // unique name, lower case and dashes; same as in CMakeLists.txt
     .title("Bluetooth headphones won't connect") // the question the customer has, in a few words
     .version("1.0.1")                        // raise it when you change the topic: the highest one is shown
     .summary("Your headphones don't show up, or they connect and drop again.") // one sentence
     .category("Connections")                 // topics with the same category are grouped together
     .applies_to("iPhone with iOS 26")        // always say the device and the system version
     .icon("topic-icon")                      // picture images/topic-icon.svg, shown on the card

    // --- What the customer sees, and why it happens ------------------------------------------
     .symptom("Your headphones are not in the list under Settings > Bluetooth.")
     .symptom("They connect, then disconnect after a few seconds.")
     .why("Headphones only show up while they are in pairing mode, and an old pairing that went "
          "wrong can keep them from connecting again.")

    // --- Said at the end of the topic --------------------------------------------------------
     .ask_team_note("Most headphones connect again after these steps. If yours still don't, ask a "
              "team member: the headphones may need a repair.");

    // --- Fixes: one or more, tried in order. One instruction per step. ----------------------
    t.fix("Turn Bluetooth off and on again")
     .intro("This takes a few seconds and fixes most connection problems.") // optional
     .step("Open Settings and tap Bluetooth.", "open-settings") // the second text names a picture
     .step("Turn off Bluetooth, wait five seconds, then turn it on again.")
     .note("Your other Bluetooth devices, such as a watch, reconnect by themselves.") // tip for the step above
     .outcome("Your headphones should appear under My Devices."); // optional: what success looks like

    t.fix("Forget the headphones and pair them again")
     .intro("Removing the old pairing lets the iPhone and the headphones start from scratch.")
     .step("Open Settings and tap Bluetooth.", "open-settings")
     .step("Tap the i button next to your headphones, then tap Forget This Device.")
     .caution("Forgetting removes them from every device signed in with your Apple Account.") // warning for the step above
     .step("Restart your iPhone.", "restart")
     .step("Put your headphones in pairing mode, then tap their name under Other Devices.")
     .outcome("Your headphones are listed as Connected.");

    // --- Questions and answers (optional) ----------------------------------------------------
    t.faq("Will I lose my music?", "No. Pairing again does not touch anything stored on the iPhone.");
    t.faq("How do I put my headphones in pairing mode?",
          "It depends on the model. Most have a button to hold until a light flashes.");

    // --- Pictures described, and a web page to take home (optional) -------------------------
    // Say in a sentence what each step's picture shows: customers who cannot see it hear it read out.
    t.alt("open-settings", "The Settings app with the Bluetooth row highlighted.")
     .alt("restart", "The power-off screen with the slide to power off slider.");

    // Optional: the vendor's web page for the problem (https://). The success and ask-team screens
    // show it as a QR code the customer scans to take the steps home. Use the vendor's support home page
    // when you have no page for this very problem.
    t.support_url("https://support.apple.com/");
}
