// The report subcommand: picks the database (--db, then the config, then the state folder),
// reads the report and prints it.
#include "report_command.hpp"

#include "core/analytics/report.hpp"
#include "core/analytics/store.hpp"

#include <cstdio>

namespace hs::app {

int report_command(const Options &options, const Config &config) {
    std::int64_t since = 0;
    if (!options.report_since.empty()) {
        since = analytics::parse_day(options.report_since);
        if (since < 0) {
            std::fprintf(stderr, "report: --since: expected a day as YYYY-MM-DD, got '%s'\n", options.report_since.c_str());
            return 2;
        }
    }
    std::string db = !options.report_db.empty()          ? options.report_db
                     : !config.analytics_path.empty()    ? config.analytics_path
                                                         : analytics::default_database_path();
    analytics::ReportResult r = analytics::read_report(db, since, analytics::system_wall_ms());
    if (!r.error.empty()) {
        std::fprintf(stderr, "report: %s\n", r.error.c_str());
        return 1;
    }
    std::string text = options.report_format == "json" ? analytics::report_json(r.report) : analytics::report_csv(r.report);
    std::fputs(text.c_str(), stdout);
    return 0;
}

} // namespace hs::app
