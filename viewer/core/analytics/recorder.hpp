// The visit recorder: reads the navigator's changes (each move, its cause, and the search run it
// ended) and turns them into anonymous analytics Events (events.hpp) for one session at a time.
// Pure logic, no clock of its own and no I/O: the caller passes the time and takes the events
// through `sink` (the frame loop hands them to the Store, tests collect them).
//
// A session starts at the first topic opened (or search) after the attract screen or an ended
// session, and ends at the idle reset, or on Home or the attract screen once a topic has an
// outcome. Each topic opened in the session gets one outcome, written when the session ends;
// the last answer counts (a "Yes" taken back with Back and answered "No" is a "No").
#pragma once

#include "core/navigation.hpp"
#include "events.hpp"

#include <cstdint>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace hs::analytics {

class Recorder {
public:
    using Sink = std::function<void(Event)>;
    struct Options {
        bool record_search_text = false; // off: a search is counted, its words are not kept
    };

    Recorder(Sink sink, Options options);

    // The customer moved (every change, in order, the first route included). An idle reset ends
    // the session ("idle"), a reload too ("shutdown"); "No" on a fix's last step is "not fixed"
    // because the change says it was answered so, not because of where the customer came from.
    void on_change(const Change &change, std::int64_t at_ms);
    // The kiosk stops: the session in progress ends as "shutdown".
    void close(std::int64_t at_ms) { on_reset(at_ms, EndReason::Shutdown); }

    bool in_session() const { return session_ != 0; }

private:
    struct TopicVisit {
        std::string topic;
        std::int64_t opened_at = 0;
        std::set<int> fixes_started;             // 1-based
        std::set<std::pair<int, int>> steps;     // (fix, step) reached
        std::set<int> faqs;                      // entries opened
        std::vector<std::int64_t> fix_started_at; // by fix number - 1
        int last_fix = 0, last_step = 0;         // where the customer last was in a fix
        bool has_outcome = false;
        Outcome outcome = Outcome::NoFixTried;
        int outcome_fix = 0;
        std::int64_t outcome_at = 0;
    };

    void emit(Event e);
    void start_session(std::int64_t at_ms);
    void end_session(std::int64_t at_ms, EndReason reason);
    TopicVisit &visit(const std::string &topic, std::int64_t at_ms);
    void on_step(TopicVisit &v, int fix, int step, std::int64_t at_ms);
    void on_state(const NavState &state, bool answered_no, std::int64_t at_ms);
    void on_reset(std::int64_t at_ms, EndReason reason);
    void on_search(const SearchRun &run, std::int64_t at_ms);

    Sink sink_;
    Options options_;
    std::mt19937_64 random_;
    std::int64_t session_ = 0; // 0: no session
    std::int64_t session_started_ = 0;
    std::vector<TopicVisit> topics_; // in the order they were opened
    std::string language_;           // the visit's language, from the changes (Change::language)
};

} // namespace hs::analytics
