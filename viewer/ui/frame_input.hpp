// What the finger did since the last frame, as gestures, for every widget of this frame.
// Made by ui::Kiosk before each frame and handed to the screens in their Context (ctx.input).
#pragma once

#include "core/gestures.hpp"

#include <string>
#include <vector>

namespace hs::ui {

struct FrameInput {
    Millis now = 0;
    std::vector<Gesture> gestures; // completed this frame, in order
    bool pressed = false;          // a finger came down this frame (stops coasting scrolls)
    bool finger_down = false;
    bool dragging = false;         // the current press is a drag: nothing under it is tapped
    float press_x = 0, press_y = 0;
    // The touch target a tap landed on, resolved against the targets of the frame on screen when
    // the finger saw it (Kiosk::resolve_tap). Only a widget of this name acts; empty: no tap.
    std::string tapped_target;

    const Gesture *find(Gesture::Kind kind) const {
        for (const Gesture &g : gestures)
            if (g.kind == kind) return &g;
        return nullptr;
    }
    bool has(Gesture::Kind kind) const { return find(kind) != nullptr; }
};


} // namespace hs::ui
