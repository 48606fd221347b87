// Tapping through the real screens: the same ui::Kiosk the viewer draws, in a real GL window on
// the test's private Xvfb, fed pointer events the way the window's callbacks feed them, so taps
// go through the gesture recognizer exactly as a finger's do.
#include "app/window.hpp"
#include "core/catalog.hpp"
#include "core/pin.hpp"
#include "support/display.hpp"
#include "support/probe_setup.hpp"
#include "support/test_paths.hpp"
#include "ui/kiosk.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cfloat>
#include <cmath>

namespace {

const std::string kTopic = "imessage-facetime-activation";
const std::string kPin = "2468";

hs::SessionConfig session_config() {
    static const std::string hash = hs::hash_pin(kPin); // slow on purpose: hash once
    hs::SessionConfig c;
    c.admin_pin_hash = hash;
    return c;
}

class Kiosk {
public:
    Kiosk(int w, int h)
        : catalog_(hs::load_catalog({test_paths::bundled_plugins}, test_probe())), nav(catalog_),
          window_((e2e::ensure_display(), hs::app::WindowOptions{std::make_pair(w, h), 0, false}), clock,
                  [](const hs::InputEvent &) {}),
          session(nav, session_config(), clock.now()),
          ui_(nav, session, hs::ui::Kiosk::touch_settings(96 / 25.4f),
              [](const std::string &, const std::string &) {}),
          w_(w),
          h_(h) {
        REQUIRE(window_.ok());
        nav.home(); // these tests start where a customer starts after the attract screen
        settle();
    }

    // One frame, 16 ms after the previous one, after `events` (with their times set to now).
    void frame(std::vector<hs::PointerEvent> events = {}) {
        clock.advance(16);
        for (hs::PointerEvent &e : events) {
            e.t = clock.now();
            hs::InputEvent in;
            in.pointer = e;
            ui_.input(in);
        }
        if (ui_.layout(w_, h_)) ImGui_ImplOpenGL3_DestroyDeviceObjects();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::GetIO().DeltaTime = 1.0f / 60;
        ui_.begin_frame(clock.now());
        ImGui::NewFrame();
        ui_.build_frame();
        ImGui::Render();
        changes.insert(changes.end(), ui_.changes().begin(), ui_.changes().end());
    }
    void settle() {
        for (int i = 0; i < 3; ++i) frame();
    }
    void pointer(hs::PointerEvent::Kind kind, ImVec2 at) { frame({hs::PointerEvent{kind, at.x, at.y, 0}}); }

    const hs::ui::TouchTarget *target(const std::string &name) const {
        for (const hs::ui::TouchTarget &t : ui_.targets())
            if (t.name == name) return &t;
        return nullptr;
    }
    const hs::ui::TouchTargets &targets() const { return ui_.targets(); }
    static ImVec2 middle(const hs::ui::TouchTarget &t) { return ImVec2((t.min.x + t.max.x) / 2, (t.min.y + t.max.y) / 2); }

    // Taps the middle of the target `name`; false when no such target is on screen.
    bool tap(const std::string &name) {
        settle();
        const hs::ui::TouchTarget *t = target(name);
        if (!t) return false;
        tap_at(middle(*t));
        return true;
    }
    void tap_at(ImVec2 at) {
        pointer(hs::PointerEvent::Kind::Down, at);
        pointer(hs::PointerEvent::Kind::Up, at);
        settle();
    }

    // Presses at `from`, moves by (dx, dy) in 10 steps of 16 ms, releases.
    void drag(ImVec2 from, float dx, float dy) {
        settle();
        pointer(hs::PointerEvent::Kind::Down, from);
        for (int i = 1; i <= 10; ++i)
            pointer(hs::PointerEvent::Kind::Move, ImVec2(from.x + dx * i / 10, from.y + dy * i / 10));
        pointer(hs::PointerEvent::Kind::Up, ImVec2(from.x + dx, from.y + dy));
    }
    // Holds still at `at` for `ms`, drawing frames as the viewer would.
    void hold(ImVec2 at, int ms) {
        pointer(hs::PointerEvent::Kind::Down, at);
        for (int t = 0; t < ms; t += 16) frame();
        pointer(hs::PointerEvent::Kind::Up, at);
        settle();
    }

    std::string screen() const { return ui_.screen_name(); }
    void watch_status(const hs::ui::HostStatus &status) { ui_.watch_status(status); }
    // Every frame's changes, in order, since the kiosk was made.
    std::vector<hs::Change> changes;

private:
    hs::Catalog catalog_; // before nav, which refers to it

public:
    hs::Navigator nav;
    hs::Clock clock;

private:
    hs::app::Window window_;

public:
    hs::Session session;

private:
    hs::ui::Kiosk ui_;
    int w_, h_;
};

} // namespace

TEST_CASE("Tapping through a fix that does not help, then one that does", "[ui][taps]") {
    Kiosk k(1920, 1080);
    REQUIRE(k.tap("topic:" + kTopic));
    CHECK(k.nav.route() == kTopic);
    REQUIRE(k.tap("fix:1"));
    CHECK(k.nav.route() == kTopic + "/fix/1/step/1");
    CHECK_FALSE(k.target("answer-yes")); // the question waits for the last step
    for (int i = 0; i < 5; ++i) REQUIRE(k.tap("step-next"));
    CHECK(k.nav.route() == kTopic + "/fix/1/step/6");
    CHECK_FALSE(k.target("step-next"));
    REQUIRE(k.tap("answer-no"));
    CHECK(k.nav.route() == kTopic + "/fix/2/step/1");
    REQUIRE(k.tap("step-next"));
    REQUIRE(k.tap("step-back"));
    CHECK(k.nav.route() == kTopic + "/fix/2/step/1");
    for (int i = 0; i < 4; ++i) REQUIRE(k.tap("step-next"));
    REQUIRE(k.tap("answer-yes"));
    CHECK(k.nav.route() == kTopic + "/fix/2/success");
    REQUIRE(k.tap("done"));
    CHECK(k.nav.route() == "home");
}

TEST_CASE("Saying No after the last fix leads to a team member", "[ui][taps]") {
    Kiosk k(1080, 1920);
    k.nav.open_route(kTopic + "/fix/5/step/6");
    REQUIRE(k.tap("answer-no"));
    CHECK(k.nav.route() == kTopic + "/ask-team");
    REQUIRE(k.tap("faq"));
    CHECK(k.nav.route() == kTopic + "/faq");
}

TEST_CASE("A tap asks once: the screen's intent is applied after drawing and reported as one change", "[ui][changes]") {
    Kiosk k(1080, 1920);
    k.nav.open_route(kTopic + "/fix/5/step/6");
    k.settle();
    k.changes.clear();
    REQUIRE(k.tap("answer-no"));
    REQUIRE(k.changes.size() == 1); // the tap pass moved it once; the drawn frames asked nothing
    const hs::Change &c = k.changes[0];
    CHECK(c.cause == hs::Cause::Intent);
    CHECK(c.answered_no());
    CHECK(hs::Navigator::route_of(c.from) == kTopic + "/fix/5/step/6");
    CHECK(hs::Navigator::route_of(c.to) == kTopic + "/ask-team");
    CHECK(k.nav.route() == kTopic + "/ask-team");
    // Text size is the session's: asked the same way, and no move of the customer's screen.
    k.changes.clear();
    REQUIRE(k.tap("text-size"));
    CHECK(k.session.text_size() == 150);
    CHECK(k.changes.empty());
}

TEST_CASE("The idle reset reaches the kiosk as a change with its cause, and forgets the visit", "[ui][changes]") {
    Kiosk k(1920, 1080);
    REQUIRE(k.tap("search"));
    REQUIRE(k.tap("key:w"));
    k.changes.clear();
    k.clock.advance(k.session.config().idle_ms + k.session.config().warning_ms);
    k.settle();
    REQUIRE(k.changes.size() == 1);
    CHECK(k.changes[0].cause == hs::Cause::IdleReset);
    CHECK(k.changes[0].from.screen == hs::Screen::Search);
    CHECK_FALSE(k.changes[0].search); // a reset is not the customer leaving the search
    CHECK(k.screen() == "attract");
}

TEST_CASE("The FAQ accordion opens and closes by tapping", "[ui][taps]") {
    Kiosk k(1920, 1080);
    k.nav.open_route(kTopic);
    REQUIRE(k.tap("faq"));
    REQUIRE(k.tap("faq:2"));
    CHECK(k.nav.state().open_faq == 1);
    REQUIRE(k.tap("faq:4"));
    CHECK(k.nav.state().open_faq == 3);
    REQUIRE(k.tap("faq:4"));
    CHECK(k.nav.state().open_faq == -1);
    REQUIRE(k.tap("back"));
    CHECK(k.nav.route() == kTopic);
}

TEST_CASE("Home and Back in the top bar work from every screen", "[ui][taps]") {
    for (const std::string route : {kTopic, kTopic + "/faq/1", kTopic + "/fix/3/step/2", kTopic + "/fix/1/success",
                                    kTopic + "/ask-team"}) {
        INFO(route);
        Kiosk k(1920, 1080);
        REQUIRE(k.nav.open_route(route).empty());
        k.settle();
        std::string before = k.nav.route();
        REQUIRE(k.tap("back"));
        CHECK(k.nav.route() != before);
        REQUIRE(k.nav.open_route(route).empty());
        REQUIRE(k.tap("home"));
        CHECK(k.nav.route() == "home");
    }
    Kiosk k(1920, 1080);
    const hs::ui::TouchTarget *back = k.target("back");
    REQUIRE(back);
    CHECK_FALSE(back->enabled); // visible on home, but nothing to go back to
}

TEST_CASE("A drag scrolls the list and does not tap what it started on", "[ui][taps]") {
    Kiosk k(1080, 1920);
    k.nav.open_route(kTopic);
    k.settle();
    const hs::ui::TouchTarget *fix = k.target("fix:1");
    REQUIRE(fix);
    float y = fix->min.y;
    k.drag(Kiosk::middle(*fix), 0, -300);
    k.settle();
    CHECK(k.nav.route() == kTopic); // no fix started
    REQUIRE(k.target("fix:1"));
    CHECK(k.target("fix:1")->min.y < y - 50); // the list moved with the finger (as far as it scrolls)
}

TEST_CASE("Keys typed on the on-screen keyboard search at every tap, and a result opens its topic", "[ui][taps][search]") {
    for (auto size : {std::make_pair(1920, 1080), std::make_pair(1080, 1920)}) {
        Kiosk k(size.first, size.second);
        REQUIRE(k.tap("search")); // the entry on home
        CHECK(k.nav.route() == "search");
        CHECK(k.screen() == "search");
        CHECK_FALSE(k.target("result:1"));
        REQUIRE(k.tap("key:v"));
        REQUIRE(k.tap("key:o"));
        REQUIRE(k.tap("key:i"));
        REQUIRE(k.tap("key:c"));
        CHECK(k.target("result:1")); // results from the first letters on
        for (char c : std::string("emial")) REQUIRE(k.tap(std::string("key:") + c)); // a typo: "voicemial"
        REQUIRE(k.tap("key:space"));
        REQUIRE(k.tap("key:x"));
        REQUIRE(k.tap("key:backspace"));
        REQUIRE(k.tap("key:backspace"));
        REQUIRE(k.tap("result:1"));
        CHECK(k.nav.route() == "voicemail");
        REQUIRE(k.tap("back"));
        CHECK(k.nav.route() == "home");
    }
}

TEST_CASE("A search run is handed to analytics once, when the customer picks a result or leaves", "[ui][search]") {
    Kiosk k(1920, 1080);
    // The search runs the kiosk's changes carry, as analytics reads them.
    auto search_runs = [&k] {
        std::vector<std::pair<std::string, int>> runs;
        for (const hs::Change &c : k.changes)
            if (c.search) runs.push_back({c.search->query, c.search->result_count});
        return runs;
    };
    std::vector<std::pair<std::string, int>> runs;
    REQUIRE(k.tap("search"));
    for (char c : std::string("rcs")) REQUIRE(k.tap(std::string("key:") + c));
    CHECK(search_runs().empty()); // not per key
    REQUIRE(k.tap("result:1"));
    runs = search_runs();
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].first == "rcs");
    CHECK(runs[0].second >= 1);
    // The same words again are the same run; new words, left with Home, are a new one.
    REQUIRE(k.tap("home"));
    REQUIRE(k.tap("search"));
    REQUIRE(k.tap("home"));
    CHECK(search_runs().size() == 1);
    REQUIRE(k.tap("search"));
    REQUIRE(k.tap("key:clear"));
    for (char c : std::string("zzqx")) REQUIRE(k.tap(std::string("key:") + c));
    REQUIRE(k.tap("home"));
    runs = search_runs();
    REQUIRE(runs.size() == 2);
    CHECK(runs[1] == std::make_pair(std::string("zzqx"), 0));
}

TEST_CASE("Touch targets are at least 64 px and 8 px apart on every screen", "[ui][targets]") {
    const std::string routes[] = {"home", kTopic, kTopic + "/faq", kTopic + "/faq/1", kTopic + "/fix/1/step/1",
                                  kTopic + "/fix/1/step/3", kTopic + "/fix/1/step/6", kTopic + "/fix/5/step/6",
                                  kTopic + "/fix/1/success", kTopic + "/ask-team", "search", "ask-team"};
    for (auto size : {std::make_pair(1920, 1080), std::make_pair(1080, 1920)}) {
        Kiosk k(size.first, size.second);
        for (const std::string &route : routes) {
            REQUIRE(k.nav.open_route(route).empty());
            k.settle();
            const hs::ui::TouchTargets &all = k.targets();
            CHECK(all.size() >= 2); // Home and Back at least
            for (size_t i = 0; i < all.size(); ++i) {
                const hs::ui::TouchTarget &a = all[i];
                INFO(size.first << "x" << size.second << " " << route << " " << a.name);
                if (!a.clipped) {
                    CHECK(a.max.x - a.min.x >= 64);
                    CHECK(a.max.y - a.min.y >= 64);
                }
                for (size_t j = i + 1; j < all.size(); ++j) {
                    const hs::ui::TouchTarget &b = all[j];
                    INFO("and " << b.name);
                    float gap_x = std::max(b.min.x - a.max.x, a.min.x - b.max.x);
                    float gap_y = std::max(b.min.y - a.max.y, a.min.y - b.max.y);
                    CHECK(std::max(gap_x, gap_y) >= 8);
                }
            }
        }
    }
}

TEST_CASE("A swipe turns the step page, a slow vertical drag does not", "[ui][gestures]") {
    Kiosk k(1920, 1080);
    REQUIRE(k.nav.open_route(kTopic + "/fix/1/step/2").empty());
    k.settle();
    // Finger to the left: the next step.
    k.drag(ImVec2(1400, 600), -500, 0);
    k.settle();
    CHECK(k.nav.route() == kTopic + "/fix/1/step/3");
    k.drag(ImVec2(600, 600), 500, 0);
    k.settle();
    CHECK(k.nav.route() == kTopic + "/fix/1/step/2");
    k.drag(ImVec2(600, 500), 0, 200);
    k.settle();
    CHECK(k.nav.route() == kTopic + "/fix/1/step/2");
}

TEST_CASE("A flicked list keeps coasting after the finger lifts, and a touch stops it", "[ui][gestures]") {
    Kiosk k(1080, 1920); // the topic page is longer than a portrait screen
    REQUIRE(k.nav.open_route(kTopic).empty());
    k.settle();
    // Where the page is, read off a touch target on it (the bars do not scroll).
    auto page_y = [&]() -> float {
        for (const hs::ui::TouchTarget &t : k.targets())
            if (t.name.rfind("fix:", 0) == 0 || t.name == "faq") return t.min.y;
        return -1e9f;
    };
    float before = page_y();
    REQUIRE(before > -1e9f);
    // A quick flick upwards: 100 px in 5 frames of 16 ms (1250 px/s).
    ImVec2 from(540, 1000);
    k.pointer(hs::PointerEvent::Kind::Down, from);
    for (int i = 1; i <= 5; ++i) k.pointer(hs::PointerEvent::Kind::Move, ImVec2(from.x, from.y - 20.0f * i));
    k.pointer(hs::PointerEvent::Kind::Up, ImVec2(from.x, from.y - 100));
    float at_release = page_y();
    CHECK(at_release < before - 50); // the page followed the finger
    for (int i = 0; i < 5; ++i) k.frame();
    float coasted = page_y();
    CHECK(coasted < at_release - 20); // and keeps moving without it
    CHECK(k.nav.route() == kTopic);   // nothing was tapped
    // A finger down stops it where it is.
    k.pointer(hs::PointerEvent::Kind::Down, ImVec2(540, 1000));
    float stopped = page_y();
    for (int i = 0; i < 5; ++i) k.frame();
    CHECK(page_y() == Approx(stopped).margin(1));
    k.pointer(hs::PointerEvent::Kind::Up, ImVec2(540, 1000));
}

TEST_CASE("A slow press still taps, a long press does not, and 3 s on the corner asks for the PIN", "[ui][gestures]") {
    Kiosk k(1920, 1080);
    REQUIRE(k.nav.open_route(kTopic).empty());
    k.settle();
    const hs::ui::TouchTarget *fix = k.target("fix:1");
    REQUIRE(fix);
    k.hold(Kiosk::middle(*fix), 2000); // held past 1.5 s: a long-press, which taps nothing
    CHECK(k.nav.route() == kTopic);
    k.hold(Kiosk::middle(*fix), 1000); // slow, but a press
    CHECK(k.nav.route() == kTopic + "/fix/1/step/1");
    k.nav.open_route(kTopic);
    k.settle();
    CHECK(k.session.admin() == hs::AdminState::Locked);
    k.hold(ImVec2(20, 20), 1500); // not long enough
    CHECK(k.session.admin() == hs::AdminState::Locked);
    k.hold(ImVec2(20, 20), 3100);
    CHECK(k.session.admin() == hs::AdminState::Pin);
    CHECK(k.screen() == "admin-pin");
    CHECK(k.nav.route() == kTopic); // the hold did not press Home under it
    for (const char *digit : {"pin:1", "pin:2", "pin:3", "pin:4"}) REQUIRE(k.tap(digit));
    REQUIRE(k.tap("pin-ok"));
    CHECK(k.session.admin() == hs::AdminState::Pin); // wrong PIN: still locked
    for (char d : kPin) REQUIRE(k.tap(std::string("pin:") + d));
    REQUIRE(k.tap("pin-ok"));
    CHECK(k.session.admin() == hs::AdminState::Menu);
    REQUIRE(k.tap("admin-close"));
    CHECK(k.session.admin() == hs::AdminState::Locked);
}

TEST_CASE("A corner hold counts even when no frame was drawn between press and release", "[ui][gestures]") {
    // A busy machine may wake for the hold's deadline only after the finger is up: the press and
    // the release then reach the same frame, and the hold must still be seen from their times.
    Kiosk k(1920, 1080);
    k.settle();
    k.pointer(hs::PointerEvent::Kind::Down, ImVec2(20, 20));
    k.clock.advance(3200);
    k.pointer(hs::PointerEvent::Kind::Up, ImVec2(20, 20));
    k.settle();
    CHECK(k.session.admin() == hs::AdminState::Pin);
    CHECK(k.screen() == "admin-pin");
}

TEST_CASE("A press and release in one frame is a tap, and that frame already shows the new screen", "[ui][taps]") {
    Kiosk k(1920, 1080);
    k.settle();
    const hs::ui::TouchTarget *topic = k.target("topic:" + kTopic);
    REQUIRE(topic);
    ImVec2 at = Kiosk::middle(*topic);
    k.frame({hs::PointerEvent{hs::PointerEvent::Kind::Down, at.x, at.y, 0},
             hs::PointerEvent{hs::PointerEvent::Kind::Up, at.x, at.y, 0}});
    CHECK(k.nav.route() == kTopic);
    // The frame just drawn is the topic's: its targets are the ones --dump-ui prints for it.
    CHECK(k.target("fix:1"));
    CHECK_FALSE(k.target("topic:" + kTopic));
    CHECK(k.screen() == "topic");
}

TEST_CASE("Two taps queued in one slow frame are both taken, the second on the screen the first opened",
          "[ui][taps]") {
    Kiosk k(1920, 1080);
    k.settle();
    const hs::ui::TouchTarget *topic = k.target("topic:" + kTopic);
    REQUIRE(topic);
    ImVec2 first = Kiosk::middle(*topic);
    // Where "fix:1" will be on the topic's screen (looked up there, then back home).
    REQUIRE(k.tap("topic:" + kTopic));
    const hs::ui::TouchTarget *fix = k.target("fix:1");
    REQUIRE(fix);
    ImVec2 second = Kiosk::middle(*fix);
    REQUIRE(k.tap("home"));
    REQUIRE(k.nav.route() == "home");
    using K = hs::PointerEvent::Kind;
    k.frame({hs::PointerEvent{K::Down, first.x, first.y, 0}, hs::PointerEvent{K::Up, first.x, first.y, 0},
             hs::PointerEvent{K::Down, second.x, second.y, 0}, hs::PointerEvent{K::Up, second.x, second.y, 0}});
    CHECK(k.nav.route() == kTopic); // the second tap waits for the frame that shows the topic
    k.frame();
    CHECK(k.nav.route() == kTopic + "/fix/1/step/1");
}

TEST_CASE("A tap on an overlay never reaches the screen under it", "[ui][taps]") {
    Kiosk k(1920, 1080);
    REQUIRE(k.tap("topic:" + kTopic));
    REQUIRE(k.tap("fix:1"));
    REQUIRE(k.tap("picture"));
    REQUIRE(k.screen() == "picture");
    // "step-next" is drawn under the full-screen picture, but the finger sees the picture.
    const hs::ui::TouchTarget *next = k.target("step-next");
    REQUIRE(next);
    k.tap_at(Kiosk::middle(*next));
    CHECK(k.nav.route() == kTopic + "/fix/1/step/1");
}
