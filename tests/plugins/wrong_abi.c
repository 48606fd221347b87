/* A plugin built for a future ABI the viewer does not know. Written against the C header
 * directly, as an author without the C++ builder would. */
#include <helpstation/plugin.h>

static const char *symptoms[] = {"It comes from the future."};
static const hs_step steps[] = {{"Wait for the viewer to catch up.", 0, 0, 0}};
static const hs_fix fixes[] = {{"Update the viewer", 0, 0, steps, 1}};
static const hs_topic topic = {
    sizeof(hs_topic), HELPSTATION_ABI_VERSION + 1,
    "future-topic", "From the future", "1.0.0", "Built for ABI 2.", "Testing", 0, 0,
    symptoms, 1, "Because.", fixes, 1, 0, 0, 0, 0, 0, {0}};

HELPSTATION_EXPORT const hs_topic *helpstation_plugin_entry(void) { return &topic; }
