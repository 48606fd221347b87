// Plays a --replay script into the kiosk: pointer and key events into the same queue the window's
// callbacks fill, `advance` into the kiosk's clock. A command starts only once the frames of the
// one before it are drawn, so `press LABEL` sees the screen the script expects.
#pragma once

#include "core/replay.hpp"
#include "ui/kiosk.hpp"

#include <optional>
#include <string>

namespace hs::app {

class ReplayDriver {
public:
    ReplayDriver(const std::string &path, float screen_w, float screen_h);

    // Hands the kiosk every input due at `now` (moving `clock` for `advance`). True when it did.
    bool feed(Clock &clock, ui::Kiosk &kiosk);
    void frame_drawn() { ++frames_since_input_; }

    bool finished(Millis now) const { return player_.finished(now); }
    std::optional<Millis> next_deadline() const { return player_.next_deadline(); }
    // 0, or 2 when the script had a bad line or a `press` found no such target.
    int exit_code() const { return exit_code_; }

private:
    int exit_code_ = 0; // before player_: its constructor may set it
    ReplayPlayer player_;
    int frames_since_input_ = 0;
};

} // namespace hs::app
