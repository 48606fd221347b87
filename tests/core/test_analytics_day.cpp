// The "done when" of the analytics: a scripted day of 200 sessions through the real recorder and
// store, then the report's numbers checked exactly against what the script did, in JSON and CSV.
// The day's database stays in the test output for a look (and the e2e screenshot test makes its own).
#include "core/analytics/report.hpp"
#include "support/scripted_day.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <sstream>

using namespace hs::analytics;

namespace {
constexpr std::int64_t kDayStart = 1'795'000'000'000; // 2026-11-18, early morning UTC
}

TEST_CASE("A scripted day of 200 sessions gives exactly the expected report", "[analytics]") {
    std::filesystem::create_directories(test_paths::output);
    std::string db = std::string(test_paths::output) + "/analytics-day.db";
    scripted_day::Expected x = scripted_day::play(db, kDayStart);
    REQUIRE(x.sessions == scripted_day::kSessions);

    std::int64_t now = kDayStart + 86'400'000;
    auto started = std::chrono::steady_clock::now();
    ReportResult result = read_report(db, parse_day(format_day(kDayStart)), now);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    WARN("report over the day's database: " << ms << " ms");
    REQUIRE(result.error.empty());
    const Report &r = result.report;
    CHECK(r.sessions == x.sessions);
    CHECK(r.idle_resets == x.idle_resets);
    CHECK(r.searches == x.searches);
    CHECK(x.idle_resets > 20); // the script does exercise every kind of ending
    CHECK(x.searches > 5);

    REQUIRE(r.topics.size() == x.topics.size());
    int previous = 1 << 30, total_outcomes = 0, kinds[5] = {0, 0, 0, 0, 0};
    for (const TopicRow &t : r.topics) {
        INFO("topic " << t.topic);
        REQUIRE(x.topics.count(t.topic) == 1);
        const TopicRow &e = x.topics.at(t.topic);
        CHECK(t.sessions == e.sessions);
        CHECK(t.fixed == e.fixed);
        CHECK(t.not_fixed == e.not_fixed);
        CHECK(t.ask_team == e.ask_team);
        CHECK(t.abandoned == e.abandoned);
        CHECK(t.no_fix_tried == e.no_fix_tried);
        CHECK(t.sessions <= previous); // most sessions first
        previous = t.sessions;
        total_outcomes += t.fixed + t.not_fixed + t.ask_team + t.abandoned + t.no_fix_tried;
        kinds[0] += t.fixed, kinds[1] += t.not_fixed, kinds[2] += t.ask_team, kinds[3] += t.abandoned, kinds[4] += t.no_fix_tried;
        CHECK(t.fixed + t.not_fixed + t.ask_team + t.abandoned + t.no_fix_tried == t.sessions); // one outcome each
    }
    for (int k : kinds) CHECK(k > 0);
    CHECK(total_outcomes >= x.sessions);

    REQUIRE(r.fixes.size() == x.fixes.size());
    for (const FixRow &f : r.fixes) {
        INFO("topic " << f.topic << " fix " << f.fix);
        REQUIRE(x.fixes.count({f.topic, f.fix}) == 1);
        const FixRow &e = x.fixes.at({f.topic, f.fix});
        CHECK(f.started == e.started);
        CHECK(f.fixed == e.fixed);
        CHECK(f.abandoned == e.abandoned);
        CHECK(f.worst_step == e.worst_step);
        CHECK(f.abandoned_at_worst == e.abandoned_at_worst);
        CHECK(f.success_rate() == Approx(e.started ? double(e.fixed) / e.started : 0.0));
    }
    // The whole day is within the week: the top of the week is the top of the day, 10 at most.
    REQUIRE(r.this_week.size() == std::min<size_t>(10, r.topics.size()));
    for (size_t i = 0; i < r.this_week.size(); ++i) CHECK(r.this_week[i].sessions == r.topics[i].sessions);
    // A report from the next day on sees nothing of it.
    ReportResult later = read_report(db, now + 86'400'000, now + 86'400'000);
    CHECK(later.report.sessions == 0);
    CHECK(later.report.topics.empty());

    // JSON and CSV carry the same numbers.
    nlohmann::json j = nlohmann::json::parse(report_json(r));
    CHECK(j["sessions"] == x.sessions);
    CHECK(j["since"] == format_day(kDayStart));
    REQUIRE(j["topics"].size() == r.topics.size());
    CHECK(j["topics"][0]["topic"] == r.topics[0].topic);
    CHECK(j["topics"][0]["fixed"] == r.topics[0].fixed);
    CHECK(j["fixes"].size() == r.fixes.size());
    std::string csv = report_csv(r);
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);
    CHECK(line == "topic,sessions,fixed,not_fixed,ask_team,abandoned,no_fix_tried");
    std::getline(lines, line);
    const TopicRow &top = r.topics[0];
    CHECK(line == top.topic + "," + std::to_string(top.sessions) + "," + std::to_string(top.fixed) + "," +
                      std::to_string(top.not_fixed) + "," + std::to_string(top.ask_team) + "," +
                      std::to_string(top.abandoned) + "," + std::to_string(top.no_fix_tried));
    CHECK(std::count(csv.begin(), csv.end(), '\n') ==
          static_cast<long>(r.topics.size() + r.fixes.size() + r.languages.size() + 5));
}

TEST_CASE("Report days parse as UTC days and bad ones are refused", "[analytics]") {
    CHECK(parse_day("1970-01-02") == 86'400'000);
    CHECK(format_day(parse_day("2026-11-27")) == "2026-11-27");
    CHECK(parse_day("2026-02-30") == -1);
    CHECK(parse_day("2026-13-01") == -1);
    CHECK(parse_day("27/11/2026") == -1);
    CHECK(parse_day("") == -1);
}

TEST_CASE("A report of a missing database says so", "[analytics]") {
    ReportResult r = read_report(std::string(test_paths::output) + "/no-such-analytics.db", 0, 1);
    CHECK_THAT(r.error, Catch::Contains("no analytics database at"));
}
