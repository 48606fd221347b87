// Gestures from pointer events: tap, double-tap, long-press, drag (with kinetic coasting after
// release) and horizontal swipe. No GL, no ImGui: GLFW callbacks and `--replay` both feed it the
// same PointerEvents, and the UI acts on the Gestures it returns.
//
// Touchscreens reach GLFW as an emulated mouse (one finger, button 1), so one pointer is all
// there is. Distances are in millimetres on the glass, converted with the screen's pixels per mm,
// so a 4K panel and a 1080p panel of the same size behave the same under a finger.
#pragma once

#include "clock.hpp"

#include <optional>
#include <vector>

namespace hs {

struct PointerEvent {
    enum class Kind { Down, Move, Up };
    Kind kind = Kind::Move;
    float x = 0, y = 0; // pixels
    Millis t = 0;
};

struct GestureConfig {
    float px_per_mm = 96.0f / 25.4f;     // from the monitor's physical size; 96 dpi when unknown
    float tap_slop_mm = 4.0f;            // a finger that moves less than this is still tapping
    Millis long_press_ms = 600;          // held this long without moving: a long-press
    Millis double_tap_ms = 350;          // the second tap must come down within this after the first ends
    float double_tap_slop_mm = 10.0f;    // ... and this close to it
    float swipe_min_mm = 12.0f;          // horizontal travel for a fast flick to count as a swipe
    float swipe_min_speed_mm_s = 120.0f; // below this speed a short move is a drag, not a swipe
    float swipe_far_mm = 40.0f;          // a horizontal move this long is a swipe at any speed
    float kinetic_min_speed_mm_s = 40.0f;// slower releases do not coast
    float kinetic_decay_per_s = 0.05f;   // coasting keeps this fraction of its speed after 1 s
};

struct Gesture {
    enum class Kind {
        Tap,        // finger down and up within the slop, before a long-press
        DoubleTap,  // a second Tap close in time and place (emitted after that Tap's own Tap)
        LongPress,  // held still for long_press_ms; emitted once while the finger is still down
        DragBegin,  // the finger left the slop: from now on this press is a drag, never a tap
        Drag,       // (dx, dy): movement since the previous Drag/DragBegin
        DragEnd,    // finger lifted after dragging; (vx, vy): release velocity in px/s
        SwipeLeft,  // finger moved to the left (= next step); emitted after DragEnd
        SwipeRight, // finger moved to the right (= previous step); emitted after DragEnd
    };
    Kind kind = Kind::Tap;
    float x = 0, y = 0;   // where: the press point for Tap/DoubleTap/LongPress/DragBegin/Swipe*, else current
    float dx = 0, dy = 0; // Drag: movement in px
    float vx = 0, vy = 0; // DragEnd: velocity in px/s
    Millis t = 0;
};

class GestureRecognizer {
public:
    explicit GestureRecognizer(GestureConfig config = {}) : config_(config) {}

    // Feeds one event; appends what it completes to `out`.
    void feed(const PointerEvent &event, std::vector<Gesture> &out);
    // Time passing with the finger still: emits LongPress when due.
    void tick(Millis now, std::vector<Gesture> &out);
    // When tick() next has something to do (a pending long-press), if anything.
    std::optional<Millis> next_deadline() const;
    // Forget everything (the session was reset).
    void reset();

    bool finger_down() const;
    bool dragging() const;           // the current press has left the slop
    float press_x() const;           // where the current (or last) press began
    float press_y() const;
    Millis press_time() const;       // when it began
    const GestureConfig &config() const { return config_; }
    void set_config(const GestureConfig &c) { config_ = c; }

private:
    struct Sample {
        float x = 0, y = 0;
        Millis t = 0;
    };
    float px(float mm) const;
    void on_down(const PointerEvent &e, std::vector<Gesture> &out);
    void track(const PointerEvent &e, std::vector<Gesture> &out);
    void on_up(const PointerEvent &e, std::vector<Gesture> &out);
    void abandon_press(Millis t, std::vector<Gesture> &out);
    void end_drag(const PointerEvent &e, std::vector<Gesture> &out);
    void end_tap(const PointerEvent &e, std::vector<Gesture> &out);
    void add_sample(const PointerEvent &e);
    void release_velocity(float &vx, float &vy) const;
    std::optional<Gesture::Kind> swipe_kind(float x, float y, float vx) const;

    GestureConfig config_;
    bool down_ = false;
    bool dragging_ = false;
    bool long_pressed_ = false; // the current press has had its LongPress: it does nothing more
    float press_x_ = 0, press_y_ = 0;
    Millis press_t_ = 0;
    float last_x_ = 0, last_y_ = 0; // where the previous Drag left the finger
    Millis last_t_ = 0;             // latest event time, so a clock stepping back cannot go negative
    std::vector<Sample> samples_;   // recent positions of this press, for the release velocity
    bool tap_pending_ = false;      // the last press was a Tap that a second one could make a DoubleTap
    float tap_x_ = 0, tap_y_ = 0;
    Millis tap_end_t_ = 0;
};

// Coasting after a drag: the scroll keeps moving at the release velocity and slows down
// exponentially; a new touch stops it at once.
class Kinetic {
public:
    explicit Kinetic(GestureConfig config = {}) : config_(config) {}
    void release(float vx, float vy, Millis t); // starts coasting (if fast enough)
    void stop();                                // a finger touched: stop at once
    bool moving() const;
    // Movement since the previous step() (or release), in px; stops itself below a minimal speed.
    void step(Millis now, float &dx, float &dy);

private:
    double decay_rate() const; // k in v(t) = v0 * e^(-k t), with t in seconds

    GestureConfig config_;
    bool moving_ = false;
    double vx_ = 0, vy_ = 0; // px/s at t_
    Millis t_ = 0;           // how far step() has integrated
    Millis stop_t_ = 0;      // when the speed falls to the stop threshold
};

} // namespace hs
