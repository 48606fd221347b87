// The gesture recognizer (pointer events to taps, long-presses, drags and swipes) and the kinetic
// coasting that follows a drag. Thresholds are in millimetres; everything here works in pixels.
#include "gestures.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace hs {

namespace {

// The release velocity looks only this far back, so a finger that stops before lifting does not fling.
constexpr Millis kVelocityWindowMs = 100;
// Below this the coasting is no longer visible as motion: stop rather than creep for seconds.
constexpr double kKineticStopMmS = 5.0;

float distance(float ax, float ay, float bx, float by) { return std::hypot(ax - bx, ay - by); }

// A monitor that reports no (or a nonsensical) size must not turn every threshold into 0 px.
float sane_px_per_mm(const GestureConfig &c) {
    return std::isfinite(c.px_per_mm) && c.px_per_mm > 0 ? c.px_per_mm : GestureConfig{}.px_per_mm;
}

Gesture make(Gesture::Kind kind, float x, float y, Millis t) {
    Gesture g;
    g.kind = kind;
    g.x = x;
    g.y = y;
    g.t = t;
    return g;
}

} // namespace

// ---- GestureRecognizer ----

float GestureRecognizer::px(float mm) const { return mm * sane_px_per_mm(config_); }

void GestureRecognizer::feed(const PointerEvent &event, std::vector<Gesture> &out) {
    if (!std::isfinite(event.x) || !std::isfinite(event.y)) return;
    PointerEvent e = event;
    e.t = std::max(e.t, last_t_);
    last_t_ = e.t;
    tick(e.t, out); // a long-press that fell due between frames happened before this event
    switch (e.kind) {
    case PointerEvent::Kind::Down: on_down(e, out); break;
    case PointerEvent::Kind::Move: track(e, out); break;
    case PointerEvent::Kind::Up: on_up(e, out); break;
    }
}

void GestureRecognizer::tick(Millis now, std::vector<Gesture> &out) {
    std::optional<Millis> due = next_deadline();
    if (!due || now < *due) return;
    long_pressed_ = true;
    tap_pending_ = false;
    out.push_back(make(Gesture::Kind::LongPress, press_x_, press_y_, *due));
}

std::optional<Millis> GestureRecognizer::next_deadline() const {
    if (!down_ || dragging_ || long_pressed_) return std::nullopt;
    return press_t_ + config_.long_press_ms;
}

void GestureRecognizer::reset() { *this = GestureRecognizer(config_); }

bool GestureRecognizer::finger_down() const { return down_; }
bool GestureRecognizer::dragging() const { return dragging_; }
float GestureRecognizer::press_x() const { return press_x_; }
float GestureRecognizer::press_y() const { return press_y_; }
Millis GestureRecognizer::press_time() const { return press_t_; }

void GestureRecognizer::on_down(const PointerEvent &e, std::vector<Gesture> &out) {
    if (down_) abandon_press(e.t, out);
    down_ = true;
    dragging_ = false;
    long_pressed_ = false;
    press_x_ = last_x_ = e.x;
    press_y_ = last_y_ = e.y;
    press_t_ = e.t;
    samples_.clear();
    add_sample(e);
}

// The Up was lost, so we cannot know what the finger meant: no Tap, no swipe, no fling. A drag still
// gets its DragEnd so that whoever saw DragBegin is not left waiting for one.
void GestureRecognizer::abandon_press(Millis t, std::vector<Gesture> &out) {
    if (dragging_) out.push_back(make(Gesture::Kind::DragEnd, last_x_, last_y_, t));
    down_ = false;
    dragging_ = false;
    tap_pending_ = false;
}

// A Move, or the position an Up reports: leaving the slop turns the press into a drag for good.
void GestureRecognizer::track(const PointerEvent &e, std::vector<Gesture> &out) {
    if (!down_ || long_pressed_) return; // hovering mouse, or a press the long-press already used
    add_sample(e);
    if (!dragging_) {
        if (distance(e.x, e.y, press_x_, press_y_) < px(config_.tap_slop_mm)) return;
        dragging_ = true;
        out.push_back(make(Gesture::Kind::DragBegin, press_x_, press_y_, e.t));
    }
    // The first Drag carries the travel through the slop too, so content stays under the finger.
    if (e.x == last_x_ && e.y == last_y_) return;
    Gesture g = make(Gesture::Kind::Drag, e.x, e.y, e.t);
    g.dx = e.x - last_x_;
    g.dy = e.y - last_y_;
    out.push_back(g);
    last_x_ = e.x;
    last_y_ = e.y;
}

void GestureRecognizer::on_up(const PointerEvent &e, std::vector<Gesture> &out) {
    if (!down_) return; // the press began before we were listening
    track(e, out);      // an Up away from the last Move still moved the finger
    down_ = false;
    if (long_pressed_) return;
    if (dragging_) {
        end_drag(e, out);
    } else {
        end_tap(e, out);
    }
}

void GestureRecognizer::end_drag(const PointerEvent &e, std::vector<Gesture> &out) {
    Gesture end = make(Gesture::Kind::DragEnd, e.x, e.y, e.t);
    release_velocity(end.vx, end.vy);
    out.push_back(end);
    if (std::optional<Gesture::Kind> swipe = swipe_kind(e.x, e.y, end.vx)) {
        out.push_back(make(*swipe, press_x_, press_y_, e.t));
    }
    dragging_ = false;
    tap_pending_ = false;
}

void GestureRecognizer::end_tap(const PointerEvent &e, std::vector<Gesture> &out) {
    out.push_back(make(Gesture::Kind::Tap, press_x_, press_y_, e.t));
    bool second = tap_pending_ && press_t_ - tap_end_t_ <= config_.double_tap_ms &&
                  distance(press_x_, press_y_, tap_x_, tap_y_) <= px(config_.double_tap_slop_mm);
    if (second) {
        out.push_back(make(Gesture::Kind::DoubleTap, press_x_, press_y_, e.t));
        tap_pending_ = false; // a third tap starts a new pair rather than making another DoubleTap
        return;
    }
    tap_pending_ = true;
    tap_x_ = press_x_;
    tap_y_ = press_y_;
    tap_end_t_ = e.t;
}

// Keeps one sample at or before the start of the velocity window as its anchor: with sparse events a
// flick still has a span to measure, and a finger that rested before lifting measures as at rest.
void GestureRecognizer::add_sample(const PointerEvent &e) {
    samples_.push_back({e.x, e.y, e.t});
    auto first_kept = samples_.begin();
    while (std::next(first_kept) != samples_.end() && std::next(first_kept)->t <= e.t - kVelocityWindowMs) {
        ++first_kept;
    }
    samples_.erase(samples_.begin(), first_kept);
}

void GestureRecognizer::release_velocity(float &vx, float &vy) const {
    vx = vy = 0;
    if (samples_.size() < 2) return;
    const Sample &from = samples_.front();
    const Sample &to = samples_.back();
    Millis dt = to.t - from.t;
    if (dt <= 0) return;
    vx = (to.x - from.x) * 1000.0f / static_cast<float>(dt);
    vy = (to.y - from.y) * 1000.0f / static_cast<float>(dt);
}

std::optional<Gesture::Kind> GestureRecognizer::swipe_kind(float x, float y, float vx) const {
    float dx = x - press_x_;
    float dy = y - press_y_;
    if (std::fabs(dx) < 2 * std::fabs(dy)) return std::nullopt; // mostly vertical: that is scrolling
    float travel = std::fabs(dx);
    bool far = travel >= px(config_.swipe_far_mm);
    bool flick = travel >= px(config_.swipe_min_mm) && vx * dx > 0 && std::fabs(vx) >= px(config_.swipe_min_speed_mm_s);
    if (!far && !flick) return std::nullopt;
    return dx < 0 ? Gesture::Kind::SwipeLeft : Gesture::Kind::SwipeRight;
}

// ---- Kinetic ----

double Kinetic::decay_rate() const {
    double d = config_.kinetic_decay_per_s;
    // A decay of 1 or more would coast forever; 0 or less has no logarithm.
    if (!(d > 0 && d < 1)) d = GestureConfig{}.kinetic_decay_per_s;
    return -std::log(d);
}

void Kinetic::release(float vx, float vy, Millis t) {
    stop();
    double ppm = sane_px_per_mm(config_);
    double speed = std::hypot(static_cast<double>(vx), static_cast<double>(vy));
    if (!std::isfinite(speed) || speed < config_.kinetic_min_speed_mm_s * ppm) return;
    moving_ = true;
    vx_ = vx;
    vy_ = vy;
    t_ = t;
    // The stop time is known from the start; ending exactly there, not at whichever frame first sees a
    // slow enough speed, keeps the total distance independent of the frame rate.
    double stop_s = std::log(speed / (kKineticStopMmS * ppm)) / decay_rate();
    stop_t_ = t + static_cast<Millis>(std::llround(std::max(0.0, stop_s) * 1000.0));
}

void Kinetic::stop() {
    moving_ = false;
    vx_ = vy_ = 0;
}

bool Kinetic::moving() const { return moving_; }

// Integrates v0 * e^(-k t) exactly over the interval, so any frame rate lands on the same path.
void Kinetic::step(Millis now, float &dx, float &dy) {
    dx = dy = 0;
    if (!moving_) return;
    Millis end = std::min(now, stop_t_);
    if (end > t_) {
        double k = decay_rate();
        double kept = std::exp(-k * static_cast<double>(end - t_) / 1000.0);
        double travel_s = (1.0 - kept) / k; // integral of e^(-k u) du over the interval, in seconds
        dx = static_cast<float>(vx_ * travel_s);
        dy = static_cast<float>(vy_ * travel_s);
        vx_ *= kept;
        vy_ *= kept;
        t_ = end;
    }
    if (now >= stop_t_) stop();
}

} // namespace hs
