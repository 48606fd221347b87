// Draws one frame of a ui::Kiosk into the current GL context: the font texture kept in step with
// the kiosk's layout, then ImGui's frame, then the GL calls. Shared by the frame loop and
// --render-topic, so both draw exactly what a customer sees.
#pragma once

#include "core/clock.hpp"
#include "core/navigation.hpp"
#include "ui/kiosk.hpp"

namespace hs::app {

class KioskFrame {
public:
    // Draws at w x h; `now` is the kiosk clock. Returns true when `watch` (if given) moved while
    // the frame was built: a tap in this frame, so its touch targets are the old screen's.
    bool draw(ui::Kiosk &kiosk, int w, int h, Millis now, const Navigator *watch = nullptr);

private:
    bool device_ready_ = false; // the backend's GL objects exist (after the first frame)
};

} // namespace hs::app
