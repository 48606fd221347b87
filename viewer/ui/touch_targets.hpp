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
    int layer = 0;        // 0: the screen; each full-screen overlay drawn after it covers it (cover_targets)
};

using TouchTargets = std::vector<TouchTarget>;

// Records the last item (ImGui's) as the touch target `name` in the current frame's list.
void record_target(const std::string &name, bool enabled = true);
// Starts a new frame's list, recording into `into`.
void begin_targets(TouchTargets &into);
// A full-screen overlay starts: targets recorded so far are under it and cannot be tapped.
void cover_targets();
// The layer a tap can reach in the list last recorded (that of the topmost overlay, or 0).
int top_layer();
// The enabled target of `targets` on `top` under (x, y); the last drawn wins. nullptr: none.
const TouchTarget *target_at(const TouchTargets &targets, int top, float x, float y);

} // namespace hs::ui
