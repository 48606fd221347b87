// A scripted day at the kiosk: 200 customer sessions over the bundled topics, played through the
// real analytics Recorder into a real Store (an SQLite file) with an injected clock. It also
// tallies, from the script alone, what the report must say, so a test can check it exactly.
// Used by the core day test and by the e2e test that photographs the admin outcomes screen.
#pragma once

#include "core/analytics/report.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace scripted_day {

struct Expected {
    int sessions = 0, idle_resets = 0, searches = 0;
    std::map<std::string, hs::analytics::TopicRow> topics;
    std::map<std::pair<std::string, int>, hs::analytics::FixRow> fixes;
    std::map<std::pair<std::string, int>, std::map<int, int>> abandoned_at; // (topic, fix) -> step -> sessions
};

constexpr int kSessions = 200;

// Plays the day starting at `day_start_ms` (Unix ms) into a new database at `db_path`.
Expected play(const std::string &db_path, std::int64_t day_start_ms);

} // namespace scripted_day
