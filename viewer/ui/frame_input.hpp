// What the finger did since the last frame, as gestures, for every widget of this frame.
// Set by ui::Kiosk before each frame; read through frame_input() the way ImGui's own state is
// read through its current context, so a button does not need it passed down every call.
#pragma once

#include "core/gestures.hpp"

#include <vector>

namespace hs::ui {

struct FrameInput {
    Millis now = 0;
    std::vector<Gesture> gestures; // completed this frame, in order
    bool pressed = false;          // a finger came down this frame (stops coasting scrolls)
    bool finger_down = false;
    bool dragging = false;         // the current press is a drag: nothing under it is tapped
    float press_x = 0, press_y = 0;

    const Gesture *find(Gesture::Kind kind) const {
        for (const Gesture &g : gestures)
            if (g.kind == kind) return &g;
        return nullptr;
    }
    bool has(Gesture::Kind kind) const { return find(kind) != nullptr; }
};

const FrameInput &frame_input();
void set_frame_input(const FrameInput &input);

} // namespace hs::ui
