// Intents in, changes out. No GL, no ImGui.
//
// A screen never changes where the customer is: it *asks*, by pushing an Intent (what was tapped
// means "next step", "No", "open this topic"...) into the frame's list. After drawing, the kiosk
// applies the list through the Navigator and the Session, the only two that change state; each
// move they make is reported as a Change {from, to, cause}. Everything that reacts to a move
// (a new page scrolled to its top, the search run handed to analytics, the analytics events,
// the log) reads the changes, and none of them compares states of its own.
#pragma once

#include <optional>
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

// What someone asked for with a tap, a swipe or a key.
struct Intent {
    enum class Kind {
        // The customer's moves (Navigator)
        Home, Back, OpenTopic, StartFix, NextStep, PrevStep, Answer, OpenFaq, ToggleFaq, Search, AskTeam,
        OpenResult, // a search result: its route, or its topic when the route no longer opens
        // The visit (Session)
        StillHere, CycleTextSize, ToggleContrast,
        ChooseLanguage, // the language button: shows the languages on offer
        CloseLanguages, // the chooser closed without a choice
        SetLanguage,    // one of them tapped (`language`); the customer stays on their screen
        // Staff (Session, and the host for reload and exit)
        TryPin, AdminMenu, AdminDiagnostics, AdminOutcomes, AdminClose, AdminReload, AdminExit,
    };
    Kind kind = Kind::Home;
    std::string topic; // OpenTopic, OpenResult (the fallback)
    std::string route; // OpenResult
    std::string pin;   // TryPin: what was typed
    std::string language; // SetLanguage: a normalized locale, "es"
    int index = 0;     // StartFix: the fix; ToggleFaq: the entry (0-based)
    bool yes = false;  // Answer: "Yes, it is fixed"

    static Intent of(Kind k) { return Intent{k}; }
    static Intent open_topic(std::string id) { Intent i{Kind::OpenTopic}; i.topic = std::move(id); return i; }
    static Intent start_fix(int fix) { Intent i{Kind::StartFix}; i.index = fix; return i; }
    static Intent answer(bool fixed) { Intent i{Kind::Answer}; i.yes = fixed; return i; }
    static Intent toggle_faq(int entry) { Intent i{Kind::ToggleFaq}; i.index = entry; return i; }
    static Intent open_result(std::string route, std::string topic) {
        Intent i{Kind::OpenResult};
        i.route = std::move(route);
        i.topic = std::move(topic);
        return i;
    }
    static Intent set_language(std::string language) {
        Intent i{Kind::SetLanguage};
        i.language = std::move(language);
        return i;
    }
    static Intent try_pin(std::string pin) { Intent i{Kind::TryPin}; i.pin = std::move(pin); return i; }
};

// Why the customer's screen moved.
enum class Cause {
    Intent,      // someone asked (Change::intent says what)
    Route,       // --open, a replay or a test opened a route
    IdleReset,   // nobody answered "Still there?": back to attract, the visit forgotten
    CatalogSwap, // the topic shown went away with a new catalog: back home
    Reload,      // staff reloaded the topics from the admin menu: back to attract
};
const char *cause_name(Cause c);

// A search run the move ended (the customer picked a result, asked a team member, or left).
struct SearchRun {
    std::string query;
    int result_count = 0;
};

struct Change {
    NavState from, to;
    Cause cause = Cause::Intent;
    Intent intent;                 // meaningful when cause is Intent
    std::optional<SearchRun> search; // set by the kiosk when the move leaves a search run behind
    // The visit's language once the change is made (set by the kiosk). A SetLanguage intent is a
    // change of its own, from and to the same place: the customer does not move.
    std::string language;

    bool new_page() const { return !from.same_page(to); }
    bool is_reset() const { return cause == Cause::IdleReset || cause == Cause::Reload; }
    // "No" on the last step of a fix: what analytics counts as "not fixed".
    bool answered_no() const { return cause == Cause::Intent && intent.kind == Intent::Kind::Answer && !intent.yes; }
};

} // namespace hs
