// Names of the analytics events as they are stored and reported (one spelling everywhere).
#include "events.hpp"

#include <array>

namespace hs::analytics {
namespace {
constexpr std::array<const char *, 8> kKinds = {"session_start", "topic_opened", "fix_started", "step_reached",
                                                "faq_opened",    "search",       "outcome",     "session_end"};
} // namespace

const char *kind_name(EventKind kind) { return kKinds[static_cast<size_t>(kind)]; }

std::optional<EventKind> kind_from_name(const std::string &name) {
    for (size_t i = 0; i < kKinds.size(); ++i)
        if (name == kKinds[i]) return static_cast<EventKind>(i);
    return std::nullopt;
}

const char *outcome_name(Outcome outcome) {
    switch (outcome) {
    case Outcome::Fixed: return "fixed";
    case Outcome::NotFixed: return "not_fixed";
    case Outcome::AskTeam: return "ask_team";
    case Outcome::Abandoned: return "abandoned";
    case Outcome::NoFixTried: return "no_fix_tried";
    }
    return "?";
}

const char *end_reason_name(EndReason reason) {
    switch (reason) {
    case EndReason::Done: return "done";
    case EndReason::Idle: return "idle";
    case EndReason::Shutdown: return "shutdown";
    }
    return "?";
}

} // namespace hs::analytics
