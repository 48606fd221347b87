// The outcome report: what the admin screen and `helpstation report` show, read from the
// analytics database on a connection of its own (read-only, so it never blocks the writer).
//
//   per topic: sessions that opened it, and how they ended (fixed, not fixed, ask a team member,
//              abandoned, no fix tried)
//   per fix:   sessions that started it, how often "Yes" followed it (success rate), and the step
//              where customers abandon it most
//   the top topics of the last 7 days
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hs::analytics {

struct TopicRow {
    std::string topic;
    int sessions = 0, fixed = 0, not_fixed = 0, ask_team = 0, abandoned = 0, no_fix_tried = 0;
};

struct FixRow {
    std::string topic;
    int fix = 0;       // 1-based
    int started = 0;   // sessions that started it
    int fixed = 0;     // ... and answered "Yes" on its last step
    int abandoned = 0; // ... and left it unanswered
    int worst_step = 0;           // the step where it is abandoned most (0: never abandoned)
    int abandoned_at_worst = 0;   // how many sessions left it there
    double success_rate() const { return started > 0 ? static_cast<double>(fixed) / started : 0.0; }
};

// How the sessions read in one language ended (outcome rows by the language they were written in).
struct LanguageRow {
    std::string language; // "en", "es"; empty: recorded before languages were (schema < 3)
    int sessions = 0, fixed = 0, not_fixed = 0, ask_team = 0, abandoned = 0, no_fix_tried = 0;
};

struct Report {
    std::int64_t since_ms = 0; // events from here on (Unix ms)
    std::int64_t until_ms = 0; // when the report was made
    std::int64_t first_ms = 0; // the oldest event reported (0: none)
    int sessions = 0, idle_resets = 0, searches = 0;
    std::vector<TopicRow> topics;     // most sessions first
    std::vector<FixRow> fixes;        // by topic (as in `topics`), then fix number
    std::vector<TopicRow> this_week;  // the last 7 days, most sessions first (at most 10)
    std::vector<LanguageRow> languages; // outcomes by language, most sessions first
};

struct ReportResult {
    Report report;
    std::string error; // empty when the report was read
};

constexpr std::int64_t kWeekMs = 7LL * 86'400'000;

// Reads the report for events at or after `since_ms`; "this week" is the 7 days up to `now_ms`.
ReportResult read_report(const std::string &db_path, std::int64_t since_ms, std::int64_t now_ms);

// For fleet collection: one JSON object, or CSV (three tables: topics, fixes, then outcomes by
// language, each with its header line, separated by an empty line).
std::string report_json(const Report &report);
std::string report_csv(const Report &report);

// "2026-11-20" (a UTC day) to Unix milliseconds at its start; -1 when not such a date.
std::int64_t parse_day(const std::string &text);
std::string format_day(std::int64_t unix_ms); // the UTC day of `unix_ms`, "YYYY-MM-DD"

} // namespace hs::analytics
