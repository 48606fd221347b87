// The visit recorder: navigation in, anonymous events out. One journey per outcome kind, plus the
// rules that keep the counts honest (one fix_started per fix, the last answer counts, nothing
// about the person, the search text only when allowed).
#include "core/analytics/recorder.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace hs;
using namespace hs::analytics;

namespace {

const std::string kT = "wifi-calling", kU = "imessage-facetime-activation";

NavState topic(const std::string &t) { return NavState{Screen::Topic, t}; }
NavState step(const std::string &t, int fix, int s) { return NavState{Screen::Step, t, fix - 1, s - 1}; }
NavState faq(const std::string &t, int entry) { return NavState{Screen::Faq, t, 0, 0, entry - 1}; }
NavState fixed(const std::string &t, int fix) { return NavState{Screen::Success, t, fix - 1}; }
NavState ask(const std::string &t, int fix) { return NavState{Screen::AskTeam, t, fix - 1}; }
const NavState kHome{Screen::Home}, kAttract{Screen::Attract};

struct Log {
    std::vector<Event> events;
    Recorder recorder;
    std::int64_t t = 1'700'000'000'000;
    explicit Log(bool search_text = false)
        : recorder([this](Event e) { events.push_back(std::move(e)); }, Recorder::Options{search_text}) {}
    NavState at{Screen::Attract};
    // Goes to `s` `after` ms after the last move, the way a route would.
    Log &to(const NavState &s, std::int64_t after = 1000) { return move(s, Cause::Route, {}, after); }
    // Goes to `s` by answering No.
    Log &no(const NavState &s, std::int64_t after = 1000) { return move(s, Cause::Intent, Intent::answer(false), after); }
    Log &move(const NavState &s, Cause cause, const Intent &intent, std::int64_t after) {
        recorder.on_change(Change{std::exchange(at, s), s, cause, intent}, t += after);
        return *this;
    }
    // Nobody answered "Still there?".
    void idle_reset(std::int64_t after) { move(NavState{Screen::Attract}, Cause::IdleReset, {}, after); }
    // A search run, ended by leaving the search screen for Home.
    void search(const std::string &query, int results, std::int64_t after) {
        to(NavState{Screen::Search}, 0);
        Change c;
        c.from = at;
        c.to = at = NavState{Screen::Home};
        c.cause = Cause::Intent;
        c.intent = Intent::of(Intent::Kind::Home);
        c.search = SearchRun{query, results};
        recorder.on_change(c, t += after);
    }
    std::vector<Event> of(EventKind k) const {
        std::vector<Event> out;
        for (const Event &e : events)
            if (e.kind == k) out.push_back(e);
        return out;
    }
    std::vector<std::string> kinds() const {
        std::vector<std::string> out;
        for (const Event &e : events) out.push_back(kind_name(e.kind));
        return out;
    }
};

} // namespace

TEST_CASE("Recorder: Yes on the last step of fix 2 is fixed by fix 2, and Home ends the session", "[analytics]") {
    Log l;
    l.to(kAttract).to(kHome);
    CHECK(l.events.empty()); // no session until a topic is opened
    l.to(topic(kT)).to(step(kT, 1, 1)).to(step(kT, 1, 2)).to(step(kT, 2, 1), 5000).to(step(kT, 2, 2)).to(fixed(kT, 2));
    CHECK(l.of(EventKind::Outcome).empty()); // the outcome is written when the session ends
    CHECK(l.recorder.in_session());
    l.to(kHome, 2000);
    CHECK_FALSE(l.recorder.in_session());
    CHECK(l.kinds() == std::vector<std::string>{"session_start", "topic_opened", "fix_started", "step_reached",
                                                 "step_reached", "fix_started", "step_reached", "step_reached",
                                                 "outcome", "session_end"});
    auto outcome = l.of(EventKind::Outcome);
    REQUIRE(outcome.size() == 1);
    CHECK(outcome[0].detail == "fixed");
    CHECK(outcome[0].topic == kT);
    CHECK(outcome[0].fix == 2);
    CHECK(outcome[0].duration_ms == 9000); // topic opened -> Fixed screen
    auto started = l.of(EventKind::FixStarted);
    CHECK(started[1].fix == 2);
    CHECK(started[1].duration_ms == 7000); // since the topic was opened
    CHECK(l.of(EventKind::StepReached).back().duration_ms == 1000); // fix 2 step 2: since fix 2 started
    auto end = l.of(EventKind::SessionEnd);
    CHECK(end[0].detail == "done");
    CHECK(end[0].duration_ms == 11000);
    std::set<std::int64_t> sessions;
    for (const Event &e : l.events) sessions.insert(e.session);
    CHECK(sessions.size() == 1);
    CHECK(*sessions.begin() > 0);
}

TEST_CASE("Recorder: No on the last step of the last fix is not fixed", "[analytics]") {
    Log l;
    l.to(topic(kT)).to(step(kT, 1, 1)).to(step(kT, 2, 1)).to(step(kT, 2, 3)).no(ask(kT, 2)).to(kAttract);
    auto outcome = l.of(EventKind::Outcome);
    REQUIRE(outcome.size() == 1);
    CHECK(outcome[0].detail == "not_fixed");
    CHECK(outcome[0].fix == 2);
    CHECK(l.of(EventKind::SessionEnd)[0].detail == "done");
}

TEST_CASE("Recorder: the ask-a-team-member screen reached without answering is ask team", "[analytics]") {
    Log l;
    l.to(topic(kT)).to(ask(kT, 3)).to(kHome);
    auto outcome = l.of(EventKind::Outcome);
    REQUIRE(outcome.size() == 1);
    CHECK(outcome[0].detail == "ask_team");
    CHECK(outcome[0].fix == 0);
    CHECK(l.of(EventKind::FixStarted).empty());
}

TEST_CASE("Recorder: walking away in the middle of a fix is abandoned at that fix and step, ended by idle", "[analytics]") {
    Log l;
    l.to(topic(kT)).to(step(kT, 1, 1)).to(step(kT, 1, 2)).to(step(kT, 1, 3)).to(step(kT, 1, 2)); // Back once
    l.to(kHome); // Home without an outcome: the session goes on
    CHECK(l.recorder.in_session());
    CHECK(l.of(EventKind::Outcome).empty());
    l.idle_reset(120'000);
    CHECK_FALSE(l.recorder.in_session());
    auto outcome = l.of(EventKind::Outcome);
    REQUIRE(outcome.size() == 1);
    CHECK(outcome[0].detail == "abandoned");
    CHECK(outcome[0].fix == 1);
    CHECK(outcome[0].step == 2); // where they last were, not the furthest step
    CHECK(l.of(EventKind::SessionEnd)[0].detail == "idle");
    CHECK(l.of(EventKind::StepReached).size() == 3); // step 2 again is not reached twice
}

TEST_CASE("Recorder: reset by idle after only reading the topic and its FAQ is no fix tried", "[analytics]") {
    Log l;
    l.to(topic(kT)).to(faq(kT, 0 + 1)).to(faq(kT, 2)).to(faq(kT, 1)).to(faq(kT, 0));
    l.idle_reset(90'000);
    auto faqs = l.of(EventKind::FaqOpened);
    REQUIRE(faqs.size() == 2); // entry 1 opened twice counts once; closing is not an event
    CHECK(faqs[0].faq == 1);
    CHECK(faqs[1].faq == 2);
    auto outcome = l.of(EventKind::Outcome);
    REQUIRE(outcome.size() == 1);
    CHECK(outcome[0].detail == "no_fix_tried");
    CHECK(l.of(EventKind::SessionEnd)[0].detail == "idle");
}

TEST_CASE("Recorder: a session with two topics gives each its own outcome", "[analytics]") {
    Log l;
    l.to(topic(kT)).to(step(kT, 1, 1)).to(kHome).to(topic(kU)).to(step(kU, 1, 1)).to(fixed(kU, 1)).to(kHome);
    auto outcome = l.of(EventKind::Outcome);
    REQUIRE(outcome.size() == 2);
    CHECK(outcome[0].topic == kT);
    CHECK(outcome[0].detail == "abandoned");
    CHECK(outcome[1].topic == kU);
    CHECK(outcome[1].detail == "fixed");
    CHECK(l.of(EventKind::SessionStart).size() == 1);
}

TEST_CASE("Recorder: the last answer counts and a fix started twice counts once", "[analytics]") {
    Log l;
    // Yes, then Back to the question, then No (the next fix), then fix 2 does it.
    l.to(topic(kT)).to(step(kT, 1, 1)).to(fixed(kT, 1)).to(step(kT, 1, 1)).to(step(kT, 2, 1)).to(topic(kT));
    l.to(step(kT, 2, 1)).to(fixed(kT, 2)).to(kHome);
    auto outcome = l.of(EventKind::Outcome);
    REQUIRE(outcome.size() == 1);
    CHECK(outcome[0].detail == "fixed");
    CHECK(outcome[0].fix == 2);
    CHECK(l.of(EventKind::FixStarted).size() == 2);
    // Yes taken back and never answered again is abandoned, not fixed.
    Log m;
    m.to(topic(kT)).to(step(kT, 1, 2)).to(fixed(kT, 1)).to(step(kT, 1, 2));
    m.idle_reset(1000);
    CHECK(m.of(EventKind::Outcome)[0].detail == "abandoned");
}

TEST_CASE("Recorder: sessions are anonymous and new after each end", "[analytics]") {
    Log l;
    l.to(topic(kT)).to(fixed(kT, 1)).to(kHome).to(topic(kT)).to(kHome);
    CHECK(l.recorder.in_session()); // no outcome yet: Home does not end it
    l.recorder.close(l.t += 10);
    auto starts = l.of(EventKind::SessionStart);
    REQUIRE(starts.size() == 2);
    CHECK(starts[0].session != starts[1].session);
    auto ends = l.of(EventKind::SessionEnd);
    REQUIRE(ends.size() == 2);
    CHECK(ends[1].detail == "shutdown");
    // A reset with no session in progress writes nothing.
    size_t n = l.events.size();
    l.idle_reset(10);
    CHECK(l.events.size() == n);
}

TEST_CASE("Recorder: a search is counted, its words kept only when the config allows it", "[analytics]") {
    Log off;
    off.search("my phone number is 0612345678", 3, 10);
    auto s = off.of(EventKind::Search);
    REQUIRE(s.size() == 1);
    CHECK(s[0].detail.empty());
    CHECK(s[0].count == 3);
    CHECK(off.recorder.in_session()); // a search starts a session
    Log on(true);
    on.search("wifi calling", 1, 10);
    CHECK(on.of(EventKind::Search)[0].detail == "wifi calling");
}

TEST_CASE("Recorder: not fixed comes from the No the change carries, not from where the customer was", "[analytics][changes]") {
    // From the last step of the last fix to the ask-a-team-member screen: by a route it is not
    // an answer (ask team); by the No intent it is not fixed, whatever came before it.
    Log route;
    route.to(topic(kT)).to(step(kT, 2, 3)).to(ask(kT, 2)).to(kHome);
    auto outcome = route.of(EventKind::Outcome);
    REQUIRE(outcome.size() == 1);
    CHECK(outcome[0].detail == "ask_team");
    Log no;
    no.to(topic(kT)).no(ask(kT, 2)).to(kHome);
    outcome = no.of(EventKind::Outcome);
    REQUIRE(outcome.size() == 1);
    CHECK(outcome[0].detail == "not_fixed");
    CHECK(outcome[0].fix == 2);
}

TEST_CASE("Recorder: an idle reset change ends the session as idle, a reload as shutdown", "[analytics][changes]") {
    Log idle;
    idle.to(topic(kT)).to(step(kT, 1, 1));
    idle.idle_reset(1000);
    REQUIRE(idle.of(EventKind::SessionEnd).size() == 1);
    CHECK(idle.of(EventKind::SessionEnd)[0].detail == "idle");
    Log reload;
    reload.to(topic(kT)).to(step(kT, 1, 1)).move(kAttract, Cause::Reload, {}, 1000);
    REQUIRE(reload.of(EventKind::SessionEnd).size() == 1);
    CHECK(reload.of(EventKind::SessionEnd)[0].detail == "shutdown");
}

TEST_CASE("Recorder: events carry the visit's language, a language change moves nobody, the outcome is in the last one",
          "[analytics][language]") {
    Log log;
    auto change = [&](const NavState &to, Cause cause, const Intent &intent, const std::string &language) {
        Change c{std::exchange(log.at, to), to, cause, intent};
        c.language = language;
        log.recorder.on_change(c, log.t += 1000);
    };
    change(topic(kT), Cause::Intent, Intent::open_topic(kT), "en");
    change(step(kT, 1, 1), Cause::Intent, Intent::start_fix(0), "en");
    size_t before = log.events.size();
    change(step(kT, 1, 1), Cause::Intent, Intent::set_language("es"), "es");
    CHECK(log.events.size() == before); // the same step: nothing reached, nothing started
    change(step(kT, 1, 2), Cause::Intent, Intent::of(Intent::Kind::NextStep), "es");
    change(kAttract, Cause::IdleReset, {}, "en"); // the reset brings the default back
    REQUIRE(log.of(EventKind::TopicOpened).size() == 1);
    CHECK(log.of(EventKind::TopicOpened)[0].language == "en");
    std::vector<Event> steps = log.of(EventKind::StepReached);
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].language == "en");
    CHECK(steps[1].language == "es");
    std::vector<Event> outcomes = log.of(EventKind::Outcome);
    REQUIRE(outcomes.size() == 1);
    CHECK(outcomes[0].detail == "abandoned");
    CHECK(outcomes[0].language == "es"); // the visit that walked away was reading Spanish
    CHECK(log.of(EventKind::SessionEnd)[0].language == "es");
    change(topic(kU), Cause::Intent, Intent::open_topic(kU), "en");
    CHECK(log.events.back().language == "en"); // the next visit, in the default again
}
