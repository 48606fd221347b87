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
#pragma once

#include "catalog.hpp"

#include <string>

namespace hs {

enum class Screen { Attract, Home, Topic, Step, Faq, Success, AskTeam, Search };

struct NavState {
    Screen screen = Screen::Home;
    std::string topic; // id; empty on Home and Search (and on AskTeam reached from a search)
    int fix = 0;       // 0-based, meaningful on Step, Success and AskTeam (the fix answered)
    int step = 0;      // 0-based, meaningful on Step
    int open_faq = -1; // the FAQ entry shown open, -1 for none

    // The same page, whatever FAQ entry is open: a new page starts scrolled to its top.
    bool same_page(const NavState &o) const {
        return screen == o.screen && topic == o.topic && fix == o.fix && step == o.step;
    }
    bool operator==(const NavState &o) const { return same_page(o) && open_faq == o.open_faq; }
};

class Navigator {
public:
    explicit Navigator(const Catalog &catalog) : catalog_(&catalog) {}

    const NavState &state() const { return state_; }
    // A new catalog (plugins added, updated or removed). Where we are must still exist in it;
    // otherwise we go home.
    void set_catalog(const Catalog &catalog);
    const Topic *topic() const; // the current topic, nullptr on Home
    bool is_last_step() const;  // on the last step of a fix: time to ask "Did this fix it?"

    // Commands. Each returns false (and changes nothing) when it does not apply where we are.
    void home();
    void attract(); // the calm screen between customers: everything of the last one forgotten
    bool back();
    bool open_topic(const std::string &id);
    bool start_fix(int fix);
    bool next();
    bool previous();
    bool answer(bool fixed);
    bool open_faq();
    bool toggle_faq(int entry);
    void search();   // the search screen (what was typed is the UI's, kept for the visit)
    void ask_team(); // "Ask a team member" with no topic: a search that found nothing

    // Routes, 1-based as a person reads them:
    //   attract | home | TOPIC | TOPIC/faq | TOPIC/faq/N | TOPIC/fix/N | TOPIC/fix/N/step/M
    //   | TOPIC/fix/N/success | TOPIC/ask-team | search | ask-team
    // (TOPIC/fix/N/fixed, the old name of the success route, still opens it)
    std::string route() const;
    // Opens a route; an invalid one leaves us on Home and returns the reason (empty when valid).
    std::string open_route(const std::string &route);

private:
    const Fix *fix() const;
    const Catalog *catalog_;
    NavState state_;
};

} // namespace hs
