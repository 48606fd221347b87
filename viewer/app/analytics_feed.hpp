// The kiosk's end of the outcome analytics: the frame loop hands it the kiosk's changes (where
// the customer moved and why, the search runs ended); it records through the
// Recorder into the Store, whose own thread does the SQLite work. It also reads the report for
// the admin outcomes screen. With analytics.enabled = false it records nothing and says so.
#pragma once

#include "core/analytics/recorder.hpp"
#include "core/analytics/report.hpp"
#include "core/analytics/store.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"

#include <memory>
#include <string>
#include <vector>

namespace hs::app {

class AnalyticsFeed {
public:
    // `record` false: nothing is recorded (a bare --screenshot is not a customer).
    AnalyticsFeed(const Config &config, const Clock &clock, bool record = true);
    ~AnalyticsFeed(); // ends the session in progress ("shutdown") and commits what is queued

    // Each of the kiosk's changes, in order: the moves, the resets and the search runs they ended
    // (the words are dropped unless analytics.record_search_text is on).
    void changed(const Change &change) { recorder_.on_change(change, wall_ms()); }

    std::string state() const; // "on", "starting", or "off: <reason>"
    const std::string &path() const { return path_; }
    // The last 30 days, read on a connection of its own. Not all that is kept: on 180 busy days
    // (550 000 events) that takes most of a second, and the screen reads on the UI thread.
    static constexpr std::int64_t kScreenDays = 30;
    analytics::ReportResult read_report() const;
    // Topic ids, most opened in the last 7 days first: the search screen offers them when nothing
    // is found. Read between customers (start, idle reset), never while someone is typing.
    std::vector<std::string> most_used_this_week() const;

private:
    // Wall time that moves with the kiosk clock, so `--replay ... advance` moves both alike.
    std::int64_t wall_ms() const { return wall_at_start_ + (clock_.now() - kiosk_at_start_); }

    const Clock &clock_;
    std::int64_t wall_at_start_, kiosk_at_start_;
    std::string path_, disabled_;
    std::unique_ptr<analytics::Store> store_; // null when disabled
    analytics::Recorder recorder_;
};

} // namespace hs::app
