// What the outcome analytics record: one Event per thing a customer did, grouped by an anonymous
// session number. Nothing about the person: no names, no device, no input text (a search query
// only when the operator turns analytics.record_search_text on). No GL, no ImGui, no SQLite.
//
//   kind           topic fix step faq  duration_ms                      detail
//   session_start  -     -   -    -    -                                -
//   topic_opened   T     -   -    -    -                                -
//   fix_started    T     N   -    -    since the topic was opened       -
//   step_reached   T     N   M    -    since fix N was started          -
//   faq_opened     T     -   -    E    since the topic was opened       -
//   search         -     -   -    -    -                                query text or empty; count = results
//   outcome        T     N?  M?   -    from topic opened to the outcome fixed | not_fixed | ask_team | abandoned | no_fix_tried
//   session_end    -     -   -    -    the whole session                done | idle | shutdown
//
// Every event also carries the visit's language at the time ("es"; schema v3): an outcome is
// written in the language the customer last chose in the session.
//
// Fix, step and FAQ entry are 1-based as a person reads them (0 = none, NULL in the database).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hs::analytics {

enum class EventKind { SessionStart, TopicOpened, FixStarted, StepReached, FaqOpened, Search, Outcome, SessionEnd };

// How one topic of a session ended. Each topic opened in a session gets exactly one.
enum class Outcome {
    Fixed,      // "Yes" on the last step of fix N
    NotFixed,   // "No" on the last step of the last fix: sent to a team member
    AskTeam,    // the ask-a-team-member screen reached another way
    Abandoned,  // a fix was started and never answered (left, or reset by idle): fix F, step S
    NoFixTried, // the topic (and maybe its FAQ) was read, no fix started
};

// Why a session ended.
enum class EndReason {
    Done,     // Home or the attract screen after an outcome
    Idle,     // the idle reset (the customer walked away)
    Shutdown, // the kiosk stopped or reloaded its topics
};

struct Event {
    EventKind kind = EventKind::SessionStart;
    std::int64_t session = 0; // anonymous: a random number, new for every session
    std::int64_t at_ms = 0;   // wall clock, Unix milliseconds
    std::string topic;        // topic id; empty for none
    int fix = 0, step = 0, faq = 0;
    std::int64_t duration_ms = -1; // -1: none
    std::string detail;            // outcome or end reason name, or a search query
    int count = -1;                // search: how many topics it found; -1: none
    std::string language;          // the visit's language ("en", "es"); empty: not known
};

const char *kind_name(EventKind kind);
const char *outcome_name(Outcome outcome);
const char *end_reason_name(EndReason reason);
std::optional<EventKind> kind_from_name(const std::string &name);

} // namespace hs::analytics
