// Every touch target drawn in a frame, by a stable name ("home", "fix:2", "answer-yes"...).
// Tests tap them by name and check their size and spacing; nothing in the kiosk depends on it.
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
};

using TouchTargets = std::vector<TouchTarget>;

// Records the last item (ImGui's) as the touch target `name` in the current frame's list.
void record_target(const std::string &name, bool enabled = true);
// Starts a new frame's list, recording into `into`.
void begin_targets(TouchTargets &into);

} // namespace hs::ui
