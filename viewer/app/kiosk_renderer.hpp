// The kiosk renderer: draws one frame of a ui::Kiosk into the current GL context: the font texture kept in step with
// the kiosk's layout, then ImGui's frame, then the GL calls. Shared by the frame loop and
// --render-topic, so both draw exactly what a customer sees.
#pragma once

#include "core/clock.hpp"
#include "ui/kiosk.hpp"

namespace hs::app {

class KioskRenderer {
public:
    // Draws at w x h; `now` is the kiosk clock. Returns true when the screen moved while the frame
    // was built (a swipe: not a tap, which acts before, see shows_change()), so the frame and its
    // touch targets are the old screen's.
    bool draw(ui::Kiosk &kiosk, int w, int h, Millis now);

    // Of the last frame: building the font atlas (0 unless it was rebuilt), and creating the
    // renderer's GL objects and font texture (0 unless that happened). For the start-up report.
    double atlas_ms() const { return atlas_ms_; }
    double gl_objects_ms() const { return gl_objects_ms_; }
    // The last frame shows a screen moved to before it was drawn (a tap applied at once).
    bool shows_change() const { return shows_change_; }

private:
    double atlas_ms_ = 0, gl_objects_ms_ = 0;
    bool shows_change_ = false;
    unsigned int font_texture_ = 0; // ours (one channel), not the backend's
    bool device_ready_ = false; // the backend's GL objects exist (after the first frame)
};

} // namespace hs::app
