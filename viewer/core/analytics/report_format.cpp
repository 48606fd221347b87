// The report as JSON (one object, for log shippers) and as CSV (for spreadsheets), and the UTC
// day format of --since.
#include "report.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>
#include <regex>

namespace hs::analytics {
namespace {

std::string csv_field(const std::string &s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string rate(double r) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", r);
    return buf;
}

nlohmann::json topic_json(const TopicRow &t) {
    return {{"topic", t.topic},         {"sessions", t.sessions},   {"fixed", t.fixed},
            {"not_fixed", t.not_fixed}, {"ask_team", t.ask_team},   {"abandoned", t.abandoned},
            {"no_fix_tried", t.no_fix_tried}};
}

} // namespace

std::string report_json(const Report &r) {
    using nlohmann::json;
    json j;
    j["report"] = "helpstation-outcomes";
    j["since"] = format_day(r.since_ms);
    j["since_ms"] = r.since_ms;
    j["until_ms"] = r.until_ms;
    j["first_event_ms"] = r.first_ms;
    j["sessions"] = r.sessions;
    j["idle_resets"] = r.idle_resets;
    j["searches"] = r.searches;
    j["topics"] = json::array();
    for (const TopicRow &t : r.topics) j["topics"].push_back(topic_json(t));
    j["fixes"] = json::array();
    for (const FixRow &f : r.fixes)
        j["fixes"].push_back({{"topic", f.topic},
                              {"fix", f.fix},
                              {"started", f.started},
                              {"fixed", f.fixed},
                              {"success_rate", std::stod(rate(f.success_rate()))},
                              {"abandoned", f.abandoned},
                              {"most_abandoned_step", f.worst_step == 0 ? json(nullptr) : json(f.worst_step)},
                              {"abandoned_at_that_step", f.abandoned_at_worst}});
    j["languages"] = json::array();
    for (const LanguageRow &l : r.languages)
        j["languages"].push_back({{"language", l.language.empty() ? json(nullptr) : json(l.language)},
                                  {"sessions", l.sessions},
                                  {"fixed", l.fixed},
                                  {"not_fixed", l.not_fixed},
                                  {"ask_team", l.ask_team},
                                  {"abandoned", l.abandoned},
                                  {"no_fix_tried", l.no_fix_tried}});
    j["top_topics_this_week"] = json::array();
    for (const TopicRow &t : r.this_week) j["top_topics_this_week"].push_back({{"topic", t.topic}, {"sessions", t.sessions}});
    return j.dump() + "\n";
}

std::string report_csv(const Report &r) {
    std::string out = "topic,sessions,fixed,not_fixed,ask_team,abandoned,no_fix_tried\n";
    for (const TopicRow &t : r.topics)
        out += csv_field(t.topic) + "," + std::to_string(t.sessions) + "," + std::to_string(t.fixed) + "," +
               std::to_string(t.not_fixed) + "," + std::to_string(t.ask_team) + "," + std::to_string(t.abandoned) + "," +
               std::to_string(t.no_fix_tried) + "\n";
    out += "\ntopic,fix,started,fixed,success_rate,abandoned,most_abandoned_step,abandoned_at_that_step\n";
    for (const FixRow &f : r.fixes)
        out += csv_field(f.topic) + "," + std::to_string(f.fix) + "," + std::to_string(f.started) + "," +
               std::to_string(f.fixed) + "," + rate(f.success_rate()) + "," + std::to_string(f.abandoned) + "," +
               (f.worst_step ? std::to_string(f.worst_step) : std::string()) + "," +
               std::to_string(f.abandoned_at_worst) + "\n";
    // Third table: outcomes by the language they were read in ("not recorded": before schema 3).
    out += "\nlanguage,sessions,fixed,not_fixed,ask_team,abandoned,no_fix_tried\n";
    for (const LanguageRow &l : r.languages)
        out += (l.language.empty() ? std::string("not recorded") : csv_field(l.language)) + "," +
               std::to_string(l.sessions) + "," + std::to_string(l.fixed) + "," + std::to_string(l.not_fixed) + "," +
               std::to_string(l.ask_team) + "," + std::to_string(l.abandoned) + "," + std::to_string(l.no_fix_tried) +
               "\n";
    return out;
}

std::int64_t parse_day(const std::string &text) {
    std::smatch m;
    if (!std::regex_match(text, m, std::regex(R"((\d{4})-(\d{2})-(\d{2}))"))) return -1;
    std::tm tm{};
    tm.tm_year = std::stoi(m[1]) - 1900;
    tm.tm_mon = std::stoi(m[2]) - 1;
    tm.tm_mday = std::stoi(m[3]);
    if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31) return -1;
    const int day = tm.tm_mday;
    std::time_t t = timegm(&tm);
    std::tm back{};
    gmtime_r(&t, &back);
    if (back.tm_mday != day) return -1; // e.g. 2026-02-30
    return static_cast<std::int64_t>(t) * 1000;
}

std::string format_day(std::int64_t unix_ms) {
    std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

} // namespace hs::analytics
