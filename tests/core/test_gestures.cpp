// The gesture recognizer and kinetic coasting, driven by synthetic pointer events with explicit times.
#include "core/gestures.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace {

using hs::Gesture;
using hs::GestureConfig;
using hs::Millis;
using hs::PointerEvent;
using Kind = Gesture::Kind;

// 96 dpi: the default px_per_mm, 3.78 px a millimetre. Thresholds below are worked out from it.
const float kPpm = GestureConfig{}.px_per_mm;

const char *name(Kind k) {
    switch (k) {
    case Kind::Tap: return "Tap";
    case Kind::DoubleTap: return "DoubleTap";
    case Kind::LongPress: return "LongPress";
    case Kind::DragBegin: return "DragBegin";
    case Kind::Drag: return "Drag";
    case Kind::DragEnd: return "DragEnd";
    case Kind::SwipeLeft: return "SwipeLeft";
    case Kind::SwipeRight: return "SwipeRight";
    }
    return "?";
}

GestureConfig with_ppm(float ppm) {
    GestureConfig c;
    c.px_per_mm = ppm;
    return c;
}

struct Driver {
    hs::GestureRecognizer r;
    std::vector<Gesture> out;

    explicit Driver(GestureConfig c = {}) : r(c) {}
    Driver &down(float x, float y, Millis t) { return feed(PointerEvent::Kind::Down, x, y, t); }
    Driver &move(float x, float y, Millis t) { return feed(PointerEvent::Kind::Move, x, y, t); }
    Driver &up(float x, float y, Millis t) { return feed(PointerEvent::Kind::Up, x, y, t); }
    Driver &tick(Millis t) {
        r.tick(t, out);
        return *this;
    }
    Driver &feed(PointerEvent::Kind kind, float x, float y, Millis t) {
        r.feed({kind, x, y, t}, out);
        return *this;
    }
    // Down, a Move every `step` ms along a straight line, Up at the end.
    Driver &stroke(float x0, float y0, float x1, float y1, Millis t0, Millis duration, Millis step = 10) {
        down(x0, y0, t0);
        for (Millis t = step; t < duration; t += step) {
            float f = static_cast<float>(t) / static_cast<float>(duration);
            move(x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, t0 + t);
        }
        move(x1, y1, t0 + duration);
        return up(x1, y1, t0 + duration);
    }
    Driver &tap(float x, float y, Millis t0, Millis t1) { return down(x, y, t0).up(x, y, t1); }

    // Every gesture, in order.
    std::string names() const {
        std::string s;
        for (const Gesture &g : out) s += (s.empty() ? "" : " ") + std::string(name(g.kind));
        return s;
    }
    // The same with each run of Drags written once as "Drag*", for strokes of many Moves.
    std::string summary() const {
        std::string s;
        for (size_t i = 0; i < out.size(); ++i) {
            if (out[i].kind == Kind::Drag && i > 0 && out[i - 1].kind == Kind::Drag) continue;
            s += (s.empty() ? "" : " ") + std::string(name(out[i].kind));
            if (out[i].kind == Kind::Drag) s += "*";
        }
        return s;
    }
    const Gesture &find(Kind k) const {
        for (const Gesture &g : out) {
            if (g.kind == k) return g;
        }
        FAIL("no " << name(k) << " in: " << names());
        return out.front();
    }
};

// A short press that moves `dx` px to the right and lifts.
std::string press_moving(GestureConfig c, float dx) {
    Driver d(c);
    d.down(100, 100, 0).move(100 + dx, 100, 50).up(100 + dx, 100, 100);
    return d.names();
}

} // namespace

// ---- Tap and the slop ----

TEST_CASE("Gestures: a press that stays in the slop is a tap, one that leaves it is a drag", "[gestures]") {
    // 4 mm at 96 dpi is 15.1 px.
    CHECK(press_moving({}, 0) == "Tap");
    CHECK(press_moving({}, 15) == "Tap");
    CHECK(press_moving({}, 15.5f) == "DragBegin Drag DragEnd");
    CHECK(press_moving({}, -15.5f) == "DragBegin Drag DragEnd");

    Driver diagonal; // 11.5 px each way is 16.3 px away: the slop is a circle, not a square
    diagonal.down(100, 100, 0).move(111.5f, 111.5f, 50).up(111.5f, 111.5f, 100);
    CHECK(diagonal.names() == "DragBegin Drag DragEnd");

    Driver tap;
    tap.down(100, 100, 0).move(110, 104, 40).up(112, 100, 90);
    REQUIRE(tap.names() == "Tap");
    CHECK(tap.out[0].x == 100); // where the finger came down, not where it lifted
    CHECK(tap.out[0].y == 100);
    CHECK(tap.out[0].t == 90);
}

TEST_CASE("Gestures: the slop is in millimetres, so a denser screen needs more pixels", "[gestures]") {
    GestureConfig dense = with_ppm(10); // 4 mm = 40 px
    CHECK(press_moving(dense, 15.5f) == "Tap");
    CHECK(press_moving(dense, 39) == "Tap");
    CHECK(press_moving(dense, 41) == "DragBegin Drag DragEnd");
    CHECK(press_moving(with_ppm(2), 7) == "Tap"); // 4 mm = 8 px
    CHECK(press_moving(with_ppm(2), 9) == "DragBegin Drag DragEnd");
}

TEST_CASE("Gestures: a nonsensical px_per_mm falls back to 96 dpi", "[gestures]") {
    CHECK(press_moving(with_ppm(0), 10) == "Tap"); // 0 px/mm would make every press a drag
    CHECK(press_moving(with_ppm(-3), 10) == "Tap");
    CHECK(press_moving(with_ppm(std::numeric_limits<float>::quiet_NaN()), 10) == "Tap");
    CHECK(press_moving(with_ppm(0), 16) == "DragBegin Drag DragEnd");
}

// ---- Drag ----

TEST_CASE("Gestures: drag deltas follow the finger, the first one including the slop", "[gestures]") {
    Driver d;
    d.down(100, 100, 0).move(110, 100, 10);
    CHECK(d.names().empty());
    CHECK_FALSE(d.r.dragging());
    d.move(120, 100, 20);
    REQUIRE(d.names() == "DragBegin Drag");
    CHECK(d.r.dragging());
    CHECK(d.out[0].x == 100); // DragBegin: the press point
    CHECK(d.out[0].t == 20);
    CHECK(d.out[1].dx == 20); // from the press point, so the content does not lag the finger
    CHECK(d.out[1].dy == 0);
    CHECK(d.out[1].x == 120);
    d.move(130, 105, 30).move(130, 105, 40); // a Move that goes nowhere adds no Drag
    REQUIRE(d.names() == "DragBegin Drag Drag");
    CHECK(d.out[2].dx == 10);
    CHECK(d.out[2].dy == 5);
    d.move(125, 107, 50).up(125, 107, 60);
    REQUIRE(d.names() == "DragBegin Drag Drag Drag DragEnd");
    CHECK(d.out[3].dx == -5);
    CHECK(d.out[3].dy == 2);
    CHECK(d.out[4].x == 125);
    CHECK(d.out[4].y == 107);
    CHECK(d.out[4].t == 60);
    CHECK_FALSE(d.r.dragging());
    CHECK_FALSE(d.r.finger_down());
}

TEST_CASE("Gestures: an Up away from the last Move still moves the drag", "[gestures]") {
    Driver d;
    d.down(100, 100, 0).move(100, 130, 20).up(100, 140, 30);
    REQUIRE(d.names() == "DragBegin Drag Drag DragEnd");
    CHECK(d.out[2].dy == 10);

    Driver no_moves; // some drivers send no Move at all
    no_moves.down(100, 100, 0).up(100, 160, 30);
    REQUIRE(no_moves.names() == "DragBegin Drag DragEnd");
    CHECK(no_moves.out[1].dy == 60);
}

// ---- Release velocity ----

TEST_CASE("Gestures: release velocity comes from the last 100 ms, not the whole press", "[gestures]") {
    SECTION("steady movement") {
        Driver d;
        d.stroke(100, 500, 700, 200, 0, 300); // +2 px/ms, -1 px/ms
        const Gesture &end = d.find(Kind::DragEnd);
        CHECK(end.vx == Approx(2000).epsilon(0.01));
        CHECK(end.vy == Approx(-1000).epsilon(0.01));
    }
    SECTION("slow, then a fast flick: the flick's speed") {
        Driver d;
        d.down(0, 500, 0);
        for (Millis t = 10; t <= 500; t += 10) d.move(0, 500 - 0.1f * t, t); // 0.1 px/ms up
        for (Millis t = 510; t <= 600; t += 10) d.move(0, 450 - 3.0f * (t - 500), t); // 3 px/ms up
        d.up(0, 150, 600);
        CHECK(d.find(Kind::DragEnd).vy == Approx(-3000).epsilon(0.01)); // the whole press averages -583
        CHECK(d.find(Kind::DragEnd).vx == 0);
    }
    SECTION("a finger that stops before lifting has no velocity") {
        Driver d;
        d.down(100, 100, 0);
        for (Millis t = 10; t <= 100; t += 10) d.move(100, 100 + 3.0f * t, t);
        d.up(100, 400, 250);
        CHECK(d.find(Kind::DragEnd).vy == 0);
    }
    SECTION("sparse events still measure a flick") {
        Driver d;
        d.down(0, 0, 0).move(0, 150, 150).move(0, 300, 300).up(0, 300, 300);
        CHECK(d.find(Kind::DragEnd).vy == Approx(1000).epsilon(0.01));
    }
}

// ---- Swipe ----

TEST_CASE("Gestures: a fast horizontal flick is a swipe, after DragEnd", "[gestures]") {
    // 12 mm = 45.4 px; 120 mm/s = 454 px/s.
    Driver left;
    left.stroke(400, 300, 340, 300, 0, 60); // 60 px at 1000 px/s
    REQUIRE(left.summary() == "DragBegin Drag* DragEnd SwipeLeft");
    CHECK(left.out.back().x == 400); // the press point
    CHECK(left.out.back().t == 60);

    Driver right;
    right.stroke(400, 300, 460, 300, 0, 60);
    CHECK(right.summary() == "DragBegin Drag* DragEnd SwipeRight");

    Driver short_flick; // fast, but only 40 px
    short_flick.stroke(400, 300, 360, 300, 0, 40);
    CHECK(short_flick.summary() == "DragBegin Drag* DragEnd");

    Driver slow; // 100 px at 100 px/s
    slow.stroke(400, 300, 300, 300, 0, 1000);
    CHECK(slow.summary() == "DragBegin Drag* DragEnd");

    Driver stopped; // a fast 60 px that rests before lifting
    stopped.down(400, 300, 0).move(370, 300, 30).move(340, 300, 60).up(340, 300, 260);
    CHECK(stopped.summary() == "DragBegin Drag* DragEnd");
}

TEST_CASE("Gestures: the swipe thresholds are in millimetres too", "[gestures]") {
    Driver dense(with_ppm(10)); // 12 mm = 120 px, 120 mm/s = 1200 px/s
    dense.stroke(400, 300, 340, 300, 0, 60);
    CHECK(dense.summary() == "DragBegin Drag* DragEnd");
    dense.out.clear();
    dense.stroke(400, 300, 250, 300, 1000, 60); // 150 px at 2500 px/s
    CHECK(dense.summary() == "DragBegin Drag* DragEnd SwipeLeft");
}

TEST_CASE("Gestures: a long horizontal drag is a swipe at any speed", "[gestures]") {
    // 40 mm = 151 px; 100 px/s is far below the flick speed.
    Driver far;
    far.stroke(400, 300, 240, 300, 0, 1600);
    CHECK(far.summary() == "DragBegin Drag* DragEnd SwipeLeft");
    Driver not_far;
    not_far.stroke(400, 300, 260, 300, 0, 1400);
    CHECK(not_far.summary() == "DragBegin Drag* DragEnd");
    Driver far_right_then_rest; // resting before lifting does not undo a long move
    far_right_then_rest.down(100, 300, 0).move(200, 300, 100).move(300, 300, 200).up(300, 300, 900);
    CHECK(far_right_then_rest.summary() == "DragBegin Drag* DragEnd SwipeRight");
}

TEST_CASE("Gestures: a vertical or diagonal drag is scrolling, not a swipe", "[gestures]") {
    Driver vertical;
    vertical.stroke(400, 300, 400, 500, 0, 100);
    CHECK(vertical.summary() == "DragBegin Drag* DragEnd");
    Driver diagonal; // |dx| < 2 |dy|
    diagonal.stroke(400, 300, 300, 360, 0, 60);
    CHECK(diagonal.summary() == "DragBegin Drag* DragEnd");
    Driver mostly_horizontal; // |dx| >= 2 |dy|
    mostly_horizontal.stroke(400, 300, 300, 345, 0, 60);
    CHECK(mostly_horizontal.summary() == "DragBegin Drag* DragEnd SwipeLeft");
}

// ---- Long-press ----

TEST_CASE("Gestures: long-press fires once at the deadline while held, and no Tap follows", "[gestures]") {
    Driver d;
    CHECK_FALSE(d.r.next_deadline());
    d.down(100, 100, 1000);
    REQUIRE(d.r.next_deadline());
    CHECK(*d.r.next_deadline() == 1600);
    d.tick(1599).move(105, 103, 1599).tick(1599); // a wobble inside the slop does not cancel it
    CHECK(d.names().empty());
    d.tick(1600);
    REQUIRE(d.names() == "LongPress");
    CHECK(d.out[0].x == 100);
    CHECK(d.out[0].y == 100);
    CHECK(d.out[0].t == 1600);
    CHECK_FALSE(d.r.next_deadline());
    CHECK(d.r.finger_down());
    d.tick(1700).tick(5000);
    d.move(200, 100, 5100).up(200, 100, 5200); // the long-press owns the press: no drag, no tap
    CHECK(d.names() == "LongPress");
    CHECK_FALSE(d.r.next_deadline());
}

TEST_CASE("Gestures: a release or a drag before the deadline is no long-press", "[gestures]") {
    Driver tap;
    tap.down(100, 100, 0).up(100, 100, 599).tick(600).tick(2000);
    CHECK(tap.names() == "Tap");
    CHECK_FALSE(tap.r.next_deadline());

    Driver drag;
    drag.down(100, 100, 0).move(100, 140, 300);
    CHECK_FALSE(drag.r.next_deadline());
    drag.tick(600).tick(2000).up(100, 140, 2100);
    CHECK(drag.names() == "DragBegin Drag DragEnd");
}

TEST_CASE("Gestures: a long-press that fell due between ticks comes before the next event", "[gestures]") {
    Driver up_late; // nobody called tick(): the Up itself finds the long-press due
    up_late.down(100, 100, 0).up(100, 100, 700);
    REQUIRE(up_late.names() == "LongPress");
    CHECK(up_late.out[0].t == 600);

    Driver move_late;
    move_late.down(100, 100, 0).move(100, 200, 650).up(100, 200, 700);
    CHECK(move_late.names() == "LongPress");
}

TEST_CASE("Gestures: long_press_ms comes from the config", "[gestures]") {
    GestureConfig c;
    c.long_press_ms = 1000;
    Driver d(c);
    d.down(0, 0, 0).tick(999);
    CHECK(d.names().empty());
    CHECK(*d.r.next_deadline() == 1000);
    d.tick(1000);
    CHECK(d.names() == "LongPress");
}

// ---- Double-tap ----

TEST_CASE("Gestures: two taps close in time and place make a double-tap", "[gestures]") {
    Driver d; // the second must come down within 350 ms of the first ending, within 10 mm (37.8 px)
    d.tap(100, 100, 0, 80).tap(100, 100, 430, 500);
    REQUIRE(d.names() == "Tap Tap DoubleTap");
    CHECK(d.out[2].t == 500);

    Driver near;
    near.tap(100, 100, 0, 80).tap(130, 100, 200, 260);
    REQUIRE(near.names() == "Tap Tap DoubleTap");
    CHECK(near.out[2].x == 130); // where the second tap was
}

TEST_CASE("Gestures: taps too far apart in time or place are just taps", "[gestures]") {
    Driver late;
    late.tap(100, 100, 0, 80).tap(100, 100, 431, 500);
    CHECK(late.names() == "Tap Tap");

    Driver apart;
    apart.tap(100, 100, 0, 80).tap(100, 140, 200, 260);
    CHECK(apart.names() == "Tap Tap");

    Driver dense(with_ppm(2)); // the same 40 px is 20 mm here
    dense.tap(100, 100, 0, 80).tap(100, 115, 200, 260);
    CHECK(dense.names() == "Tap Tap DoubleTap");
    dense.out.clear();
    dense.tap(100, 100, 1000, 1080).tap(100, 121, 1200, 1260); // 10.5 mm
    CHECK(dense.names() == "Tap Tap");
}

TEST_CASE("Gestures: a third tap starts a new pair, a drag or long-press between taps breaks it", "[gestures]") {
    Driver triple;
    triple.tap(100, 100, 0, 50).tap(100, 100, 150, 200).tap(100, 100, 300, 350);
    CHECK(triple.names() == "Tap Tap DoubleTap Tap");
    triple.tap(100, 100, 450, 500);
    CHECK(triple.names() == "Tap Tap DoubleTap Tap Tap DoubleTap");

    Driver drag_between;
    drag_between.tap(100, 100, 0, 50).down(100, 100, 100).move(100, 200, 150).up(100, 200, 200);
    drag_between.tap(100, 100, 250, 300);
    CHECK(drag_between.names() == "Tap DragBegin Drag DragEnd Tap");

    GestureConfig quick;
    quick.long_press_ms = 200; // so that the last tap still comes down within 350 ms of the first
    Driver long_between(quick);
    long_between.tap(100, 100, 0, 50).down(100, 100, 100).tick(300).up(100, 100, 320).tap(100, 100, 350, 400);
    CHECK(long_between.names() == "Tap LongPress Tap");
}

// ---- Robustness ----

TEST_CASE("Gestures: Up or Move without a Down do nothing", "[gestures]") {
    Driver d;
    d.up(100, 100, 0).move(200, 200, 10).move(300, 300, 20).up(300, 300, 30).tick(5000);
    CHECK(d.names().empty());
    CHECK_FALSE(d.r.finger_down());
    CHECK_FALSE(d.r.dragging());
    CHECK_FALSE(d.r.next_deadline());
    d.tap(50, 50, 6000, 6050); // and the next press is normal
    CHECK(d.names() == "Tap");
}

TEST_CASE("Gestures: a Down while down ends the previous press silently", "[gestures]") {
    Driver tap_lost;
    tap_lost.down(100, 100, 0).down(300, 300, 50);
    CHECK(tap_lost.names().empty()); // we never saw the first finger lift: it was no tap
    CHECK(tap_lost.r.press_x() == 300);
    CHECK(tap_lost.r.press_time() == 50);
    CHECK(*tap_lost.r.next_deadline() == 650); // the long-press clock restarts
    tap_lost.tick(600);
    CHECK(tap_lost.names().empty());
    tap_lost.up(300, 300, 100);
    CHECK(tap_lost.names() == "Tap");

    Driver no_double; // the lost press cannot be the first half of a double-tap
    no_double.tap(100, 100, 0, 50).down(100, 100, 100).down(100, 100, 150).up(100, 100, 200);
    CHECK(no_double.names() == "Tap Tap");

    Driver drag_lost; // a drag still gets its DragEnd, but no fling and no swipe
    drag_lost.down(400, 300, 0).move(300, 300, 20).move(200, 300, 40).down(200, 300, 60);
    REQUIRE(drag_lost.names() == "DragBegin Drag Drag DragEnd");
    CHECK(drag_lost.out[3].vx == 0);
    CHECK(drag_lost.out[3].x == 200);
    CHECK_FALSE(drag_lost.r.dragging());
    CHECK(drag_lost.r.finger_down());
}

TEST_CASE("Gestures: a clock stepping back or NaN coordinates do no harm", "[gestures]") {
    Driver back;
    back.down(100, 100, 1000).up(100, 100, 900);
    REQUIRE(back.names() == "Tap");
    CHECK(back.out[0].t == 1000);

    Driver back_drag;
    back_drag.down(100, 100, 1000).move(200, 100, 500).up(300, 100, 400);
    REQUIRE(back_drag.names() == "DragBegin Drag Drag DragEnd SwipeRight");
    CHECK(std::isfinite(back_drag.out[3].vx));

    const float nan = std::numeric_limits<float>::quiet_NaN();
    Driver bad;
    bad.down(nan, 100, 0);
    CHECK_FALSE(bad.r.finger_down());
    bad.down(100, 100, 10).move(nan, nan, 20).up(100, 100, 30);
    CHECK(bad.names() == "Tap");
}

TEST_CASE("Gestures: reset forgets the press and the pending double-tap", "[gestures]") {
    Driver d;
    d.down(100, 100, 0);
    d.r.reset();
    CHECK_FALSE(d.r.finger_down());
    d.tick(5000).up(100, 100, 5100);
    CHECK(d.names().empty());
    d.tap(100, 100, 6000, 6050);
    d.r.reset();
    d.tap(100, 100, 6100, 6150);
    CHECK(d.names() == "Tap Tap");
}

// ---- Kinetic ----

namespace {

// k in v(t) = v0 * e^(-k t) for the default decay of 0.05 a second.
const double kRate = std::log(1.0 / GestureConfig{}.kinetic_decay_per_s);

struct Coast {
    float x = 0, y = 0;
};

// Steps every `frame` ms from `t0` until `until` (or until it stops by itself), summing the movement.
Coast run(hs::Kinetic &k, Millis t0, Millis frame, Millis until) {
    Coast c;
    for (Millis t = t0 + frame; t <= until && k.moving(); t += frame) {
        float dx = 0, dy = 0;
        k.step(t, dx, dy);
        c.x += dx;
        c.y += dy;
    }
    return c;
}

} // namespace

TEST_CASE("Kinetic: coasting slows down monotonically and stops on its own", "[gestures]") {
    hs::Kinetic k;
    k.release(1000, 0, 0);
    REQUIRE(k.moving());
    float previous = std::numeric_limits<float>::max();
    float total = 0;
    Millis t = 0;
    while (k.moving() && t < 10000) {
        t += 16;
        float dx = 0, dy = 0;
        k.step(t, dx, dy);
        CHECK(dy == 0);
        if (!k.moving()) break; // the last step may be cut short at the stop time
        CHECK(dx > 0);
        CHECK(dx < previous);
        previous = dx;
        total += dx;
    }
    CHECK_FALSE(k.moving());
    // It stops when the speed falls to 5 mm/s (18.9 px/s): ln(1000 / 18.9) / ln(20) = 1.325 s.
    CHECK(t >= 1325);
    CHECK(t < 1325 + 16);
    float dx = 1, dy = 1;
    k.step(t + 100, dx, dy);
    CHECK(dx == 0);
    CHECK(dy == 0);
}

TEST_CASE("Kinetic: the total distance is the analytic v0 / ln(1/decay)", "[gestures]") {
    hs::Kinetic k;
    k.release(1000, -500, 100);
    Coast c = run(k, 100, 16, 20000);
    CHECK_FALSE(k.moving());
    // What stopping at 5 mm/s leaves out is (5 mm/s) / k, about 6.3 px of the speed's 373 px.
    const double stop_tail = 5 * kPpm / kRate;
    const double speed = std::hypot(1000.0, 500.0);
    const double analytic = speed / kRate;
    const double travelled = std::hypot(c.x, c.y);
    CHECK(travelled == Approx(analytic - stop_tail).margin(0.5));
    CHECK(travelled < analytic);
    CHECK(c.x / c.y == Approx(-2.0).epsilon(1e-4)); // straight on in the release direction
}

TEST_CASE("Kinetic: the speed keeps kinetic_decay_per_s of itself each second", "[gestures]") {
    GestureConfig c;
    c.kinetic_decay_per_s = 0.2f;
    hs::Kinetic k(c);
    k.release(0, 2000, 0);
    float first = 0, second = 0, dx = 0;
    k.step(100, dx, first);       // 0 .. 100 ms
    k.step(1000, dx, second);     // (skip to 1 s)
    k.step(1100, dx, second);     // 1000 .. 1100 ms
    CHECK(second / first == Approx(0.2).epsilon(1e-4));
}

TEST_CASE("Kinetic: the path does not depend on the frame rate", "[gestures]") {
    hs::Kinetic fast, slow;
    fast.release(800, -300, 1000);
    slow.release(800, -300, 1000);
    // 264 ms is a whole number of both frames, so both have been stepped to the same instants.
    for (Millis until = 1264; until <= 1000 + 264 * 6; until += 264) {
        Coast a = run(fast, until - 264, 8, until);
        Coast b = run(slow, until - 264, 33, until);
        CHECK(a.x == Approx(b.x).margin(0.01));
        CHECK(a.y == Approx(b.y).margin(0.01));
    }
    hs::Kinetic eight, thirty_three; // and both reach the same final position
    eight.release(800, -300, 0);
    thirty_three.release(800, -300, 0);
    Coast a = run(eight, 0, 8, 20000);
    Coast b = run(thirty_three, 0, 33, 20000);
    CHECK(a.x == Approx(b.x).margin(0.05));
    CHECK(a.y == Approx(b.y).margin(0.05));
    // ... and match x(t) = v0 (1 - e^(-kt)) / k at a common instant.
    hs::Kinetic one;
    one.release(800, 0, 0);
    Coast at_half_second = run(one, 0, 8, 504);
    CHECK(at_half_second.x == Approx(800 * (1 - std::exp(-kRate * 0.504)) / kRate).margin(0.01));
}

TEST_CASE("Kinetic: stop() stops at once, and a new release replaces the old", "[gestures]") {
    hs::Kinetic k;
    k.release(1000, 0, 0);
    float dx = 0, dy = 0;
    k.step(100, dx, dy);
    CHECK(dx > 0);
    k.stop();
    CHECK_FALSE(k.moving());
    k.step(200, dx, dy);
    CHECK(dx == 0);
    CHECK(dy == 0);

    k.release(0, 1000, 300);
    k.step(400, dx, dy);
    CHECK(dx == 0);
    CHECK(dy > 0);
}

TEST_CASE("Kinetic: slow releases do not coast, the threshold is in mm/s", "[gestures]") {
    // 40 mm/s is 151.2 px/s at 96 dpi and 400 px/s at 10 px/mm.
    hs::Kinetic k;
    k.release(150, 0, 0);
    CHECK_FALSE(k.moving());
    float dx = 1, dy = 1;
    k.step(100, dx, dy);
    CHECK(dx == 0);
    k.release(0, -152, 0);
    CHECK(k.moving());
    k.release(0, 0, 0);
    CHECK_FALSE(k.moving());

    hs::Kinetic dense(with_ppm(10));
    dense.release(300, 0, 0);
    CHECK_FALSE(dense.moving());
    dense.release(401, 0, 0);
    CHECK(dense.moving());
}

TEST_CASE("Kinetic: time standing still or stepping back moves nothing", "[gestures]") {
    hs::Kinetic k;
    k.release(1000, 0, 1000);
    float dx = 1, dy = 1;
    k.step(1000, dx, dy);
    CHECK(dx == 0);
    k.step(900, dx, dy);
    CHECK(dx == 0);
    CHECK(k.moving());
    k.step(1100, dx, dy);
    CHECK(dx == Approx(1000 * (1 - std::exp(-kRate * 0.1)) / kRate).margin(0.01));
}
