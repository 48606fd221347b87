// Wires the analytics Recorder to the Store and the report to the admin screen.
#include "analytics_feed.hpp"

#include <spdlog/spdlog.h>

namespace hs::app {

AnalyticsFeed::AnalyticsFeed(const Config &config, const Clock &clock, bool record)
    : clock_(clock), wall_at_start_(analytics::system_wall_ms()), kiosk_at_start_(clock.now()),
      path_(config.analytics_path.empty() ? analytics::default_database_path() : config.analytics_path),
      recorder_(
          [this](analytics::Event e) {
              if (store_) store_->add(std::move(e));
          },
          analytics::Recorder::Options{config.analytics_record_search_text}) {
    if (!record) {
        disabled_ = "off: not recorded for a --screenshot without --replay";
        return;
    }
    if (!config.analytics_enabled) {
        disabled_ = "off: turned off in the config (analytics.enabled = false)";
        spdlog::info("analytics: {}", disabled_);
        return;
    }
    analytics::StoreOptions o;
    o.path = path_;
    o.retention_days = config.analytics_retention_days;
    store_ = std::make_unique<analytics::Store>(o);
}

AnalyticsFeed::~AnalyticsFeed() { recorder_.close(wall_ms()); }

std::string AnalyticsFeed::state() const { return store_ ? store_->state() : disabled_; }

analytics::ReportResult AnalyticsFeed::read_report() const {
    if (store_) store_->flush(); // the screen shows the session just ended too
    std::int64_t now = wall_ms();
    return analytics::read_report(path_, now - kScreenDays * 86'400'000, now);
}

std::vector<std::string> AnalyticsFeed::most_used_this_week() const {
    std::vector<std::string> ids;
    if (!store_) return ids;
    std::int64_t now = wall_ms();
    analytics::ReportResult r = analytics::read_report(path_, now - analytics::kWeekMs, now);
    if (!r.error.empty()) return ids; // no file yet, or analytics off: the catalog's order
    for (const analytics::TopicRow &row : r.report.this_week) ids.push_back(row.topic);
    return ids;
}

} // namespace hs::app
