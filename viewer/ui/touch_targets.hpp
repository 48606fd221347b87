// Every touch target drawn in a frame, by a stable name ("home", "fix:2", "answer-yes"...).
// Tests tap them by name and check their size and spacing, --dump-ui prints them, and the kiosk
// resolves every tap against the list of the frame on screen (Kiosk::begin_frame).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace hs::ui {

struct TouchTarget {
    std::string name;
    ImVec2 min, max; // screen pixels, the visible part
    bool enabled = true;
    bool clipped = false; // partly scrolled out of view
    int layer = 0;        // 0: the screen; each full-screen overlay drawn after it covers it (TouchTargetList::cover)
};

using TouchTargets = std::vector<TouchTarget>;

// The targets of one frame, as it is drawn (in the frame context: ctx.targets).
struct TouchTargetList {
    TouchTargets items;
    int top_layer = 0; // the layer a tap can reach: that of the topmost overlay, or 0

    void begin() {
        items.clear();
        top_layer = 0;
    }
    // Records the last item (ImGui's) as the touch target `name`.
    void record(const std::string &name, bool enabled = true);
    // A full-screen overlay starts: targets recorded so far are under it and cannot be tapped.
    void cover() { ++top_layer; }
    // The enabled target on the top layer under (x, y); the last drawn wins. nullptr: none.
    const TouchTarget *at(float x, float y) const;
};

} // namespace hs::ui
