// Navigation: where the customer is, and the taps that move them. No GL, no ImGui.
//
//   Attract (between customers; any tap) -> Home -> Topic -> Step (fix N, step M) -> ... last step asks "Did this fix it?"
//                                            Yes -> Success;  No -> next fix, or AskTeam after the last
//           Topic -> FAQ (one entry open at a time)
//           Home -> Search (typed words, results) -> a result opens its topic at the match: the
//                   topic, a fix's step or an FAQ entry; nothing found -> AskTeam without a topic
//
// Back is structural, not history: it always goes to the screen that contains this one
// (a step's Back is the previous step, or the topic from the first step), so it is predictable
// for someone who walked up in the middle of another customer's session.
//
// Every move is reported as a Change with its cause (intent.hpp), kept in changes() until the
// kiosk takes them: whoever moved the navigator (a screen's intent, a route, the idle reset, a
// new catalog), the same list says so.
#pragma once

#include "catalog.hpp"
#include "intent.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hs {

class Navigator {
public:
    // The navigator owns the catalog it shows (the one place that says which catalog is on screen).
    explicit Navigator(std::shared_ptr<const Catalog> catalog) : catalog_(std::move(catalog)) {}
    // Shows `catalog`, which the caller keeps alive (tests).
    explicit Navigator(const Catalog &catalog) : catalog_(std::shared_ptr<const Catalog>(), &catalog) {}

    const NavState &state() const { return state_; }
    const Catalog &catalog() const { return *catalog_; }
    const std::shared_ptr<const Catalog> &shared_catalog() const { return catalog_; }
    // A new catalog (plugins added, updated or removed). Where we are must still exist in it;
    // otherwise we go home (cause CatalogSwap).
    void set_catalog(std::shared_ptr<const Catalog> catalog);
    const Topic *topic() const; // the current topic, nullptr on Home
    bool is_last_step() const;  // on the last step of a fix: time to ask "Did this fix it?"

    // The one way a customer's intent moves us. Returns the change, or nothing (and changes
    // nothing) when the intent does not apply where we are or is not the navigator's.
    std::optional<Change> apply(const Intent &intent);
    // The attract screen between customers, everything of the last one forgotten (the Session's
    // reset: `cause` IdleReset or Reload). Reported even when already there.
    Change restart(Cause cause);

    // The same moves by name (tests, tools). Each returns false when it does not apply.
    bool home() { return ask(Intent::of(Intent::Kind::Home)); }
    bool back() { return ask(Intent::of(Intent::Kind::Back)); }
    bool open_topic(const std::string &id) { return ask(Intent::open_topic(id)); }
    bool start_fix(int fix) { return ask(Intent::start_fix(fix)); }
    bool next() { return ask(Intent::of(Intent::Kind::NextStep)); }
    bool previous() { return ask(Intent::of(Intent::Kind::PrevStep)); }
    bool answer(bool fixed) { return ask(Intent::answer(fixed)); }
    bool open_faq() { return ask(Intent::of(Intent::Kind::OpenFaq)); }
    bool toggle_faq(int entry) { return ask(Intent::toggle_faq(entry)); }
    bool search() { return ask(Intent::of(Intent::Kind::Search)); }  // the search screen
    bool ask_team() { return ask(Intent::of(Intent::Kind::AskTeam)); } // with no topic: a search that found nothing

    // Routes, 1-based as a person reads them:
    //   attract | home | TOPIC | TOPIC/faq | TOPIC/faq/N | TOPIC/fix/N | TOPIC/fix/N/step/M
    //   | TOPIC/fix/N/success | TOPIC/ask-team | search | ask-team
    // (TOPIC/fix/N/fixed, the old name of the success route, still opens it)
    std::string route() const { return route_of(state_); }
    static std::string route_of(const NavState &state);
    // Opens a route (cause Route); an invalid one leaves us on Home and returns the reason (empty
    // when valid).
    std::string open_route(const std::string &route);

    // The moves since the last take_changes(), oldest first.
    const std::vector<Change> &changes() const { return changes_; }
    std::vector<Change> take_changes() { return std::exchange(changes_, {}); }

private:
    bool ask(const Intent &intent) { return apply(intent).has_value(); }
    bool move(const Intent &intent); // the moves themselves, unreported
    std::string move_to(const std::string &route);
    const Change &report(const NavState &from, Cause cause, const Intent &intent = {});
    const Fix *fix() const;
    std::shared_ptr<const Catalog> catalog_;
    NavState state_;
    std::vector<Change> changes_;
};

} // namespace hs
