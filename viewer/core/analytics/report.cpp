// The report's queries. Every count is of sessions: the recorder writes at most one topic_opened
// and one outcome per topic, and one fix_started per fix, in a session, so counting rows counts
// sessions. "+kind" keeps SQLite from choosing the kind index over the time index: with a --since
// (or "this week") the time range is what narrows the rows (100 ms -> 5 ms on 180 busy days).
#include "report.hpp"

#include "sql.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace hs::analytics {
namespace {

// Columns 1-6 of a by-topic or by-language row: sessions, then the outcome counts in the order the
// queries below SUM them.
template <class Row> void read_counts(sql::Stmt &s, Row &r) {
    r.sessions = static_cast<int>(s.integer(1));
    r.fixed = static_cast<int>(s.integer(2));
    r.not_fixed = static_cast<int>(s.integer(3));
    r.ask_team = static_cast<int>(s.integer(4));
    r.abandoned = static_cast<int>(s.integer(5));
    r.no_fix_tried = static_cast<int>(s.integer(6));
}

void read_topics(sql::Db &db, std::int64_t since, std::vector<TopicRow> &out, int limit) {
    std::string text =
        "SELECT topic,"
        " SUM(kind = 'topic_opened'),"
        " SUM(kind = 'outcome' AND detail = 'fixed'),"
        " SUM(kind = 'outcome' AND detail = 'not_fixed'),"
        " SUM(kind = 'outcome' AND detail = 'ask_team'),"
        " SUM(kind = 'outcome' AND detail = 'abandoned'),"
        " SUM(kind = 'outcome' AND detail = 'no_fix_tried')"
        " FROM events WHERE at_ms >= ?1 AND topic IS NOT NULL AND +kind IN ('topic_opened', 'outcome')"
        " GROUP BY topic ORDER BY 2 DESC, topic";
    if (limit > 0) text += " LIMIT " + std::to_string(limit);
    sql::Stmt s(db.get(), text.c_str());
    s.bind(1, since);
    while (s.step() == SQLITE_ROW) {
        TopicRow r;
        r.topic = s.text(0);
        read_counts(s, r);
        out.push_back(r);
    }
}

void read_fixes(sql::Db &db, std::int64_t since, const std::vector<TopicRow> &topics, std::vector<FixRow> &out) {
    std::map<std::pair<std::string, int>, FixRow> rows;
    {
        sql::Stmt s(db.get(),
                    "SELECT topic, fix, SUM(kind = 'fix_started'), SUM(kind = 'outcome' AND detail = 'fixed'),"
                    " SUM(kind = 'outcome' AND detail = 'abandoned')"
                    " FROM events WHERE at_ms >= ?1 AND fix IS NOT NULL AND +kind IN ('fix_started', 'outcome')"
                    " GROUP BY topic, fix");
        s.bind(1, since);
        while (s.step() == SQLITE_ROW) {
            FixRow r;
            r.topic = s.text(0);
            r.fix = static_cast<int>(s.integer(1));
            r.started = static_cast<int>(s.integer(2));
            r.fixed = static_cast<int>(s.integer(3));
            r.abandoned = static_cast<int>(s.integer(4));
            rows[{r.topic, r.fix}] = r;
        }
    }
    {
        // Most abandonments first; on a tie the earlier step, which loses everyone after it too.
        sql::Stmt s(db.get(),
                    "SELECT topic, fix, step, COUNT(*) AS n FROM events"
                    " WHERE at_ms >= ?1 AND +kind = 'outcome' AND detail = 'abandoned' AND step IS NOT NULL"
                    " GROUP BY topic, fix, step ORDER BY topic, fix, n DESC, step");
        s.bind(1, since);
        while (s.step() == SQLITE_ROW) {
            auto it = rows.find({s.text(0), static_cast<int>(s.integer(1))});
            if (it == rows.end() || it->second.worst_step != 0) continue;
            it->second.worst_step = static_cast<int>(s.integer(2));
            it->second.abandoned_at_worst = static_cast<int>(s.integer(3));
        }
    }
    // In the order of the topics (most sessions first), then by fix number.
    for (const TopicRow &t : topics)
        for (auto it = rows.lower_bound({t.topic, 0}); it != rows.end() && it->first.first == t.topic;)
            out.push_back(it->second), it = rows.erase(it);
    for (auto &[key, r] : rows) out.push_back(r); // fixes of topics opened before `since`
}

// Outcomes by language. A database no kiosk has written to since schema 3 has no language column
// (the report opens it read-only and never migrates): every outcome there is "not recorded".
void read_languages(sql::Db &db, std::int64_t since, std::vector<LanguageRow> &out) {
    bool has_column = sql::Stmt(db.get(), "SELECT language FROM events LIMIT 0").ok();
    std::string text = std::string("SELECT ") + (has_column ? "IFNULL(language, '')" : "''") +
                       ", COUNT(DISTINCT session),"
                       " SUM(detail = 'fixed'), SUM(detail = 'not_fixed'), SUM(detail = 'ask_team'),"
                       " SUM(detail = 'abandoned'), SUM(detail = 'no_fix_tried')"
                       " FROM events WHERE at_ms >= ?1 AND +kind = 'outcome' GROUP BY 1 ORDER BY 2 DESC, 1";
    sql::Stmt s(db.get(), text.c_str());
    s.bind(1, since);
    while (s.step() == SQLITE_ROW) {
        LanguageRow r;
        r.language = s.text(0);
        read_counts(s, r);
        out.push_back(r);
    }
}

int count(sql::Db &db, const char *text, std::int64_t since) {
    sql::Stmt s(db.get(), text);
    s.bind(1, since);
    return s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : 0;
}

} // namespace

ReportResult read_report(const std::string &db_path, std::int64_t since_ms, std::int64_t now_ms) {
    ReportResult result;
    Report &r = result.report;
    r.since_ms = since_ms;
    r.until_ms = now_ms;
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec)) {
        result.error = "no analytics database at " + db_path + " (nothing recorded yet?)";
        return result;
    }
    sql::Db db;
    if (std::string why = db.open(db_path, SQLITE_OPEN_READONLY); !why.empty()) {
        result.error = "cannot open " + db_path + ": " + why;
        return result;
    }
    sqlite3_busy_timeout(db.get(), 2000);
    // One read transaction: every number comes from the same moment, whatever the writer does.
    db.exec("BEGIN");
    std::string error;
    db.text("SELECT COUNT(*) FROM events", &error);
    if (!error.empty()) {
        result.error = "cannot read " + db_path + ": " + error;
        return result;
    }
    {
        sql::Stmt s(db.get(), "SELECT IFNULL(MIN(at_ms), 0) FROM events WHERE at_ms >= ?1");
        s.bind(1, since_ms);
        if (s.step() == SQLITE_ROW) r.first_ms = s.integer(0);
    }
    r.sessions = count(db, "SELECT COUNT(DISTINCT session) FROM events WHERE at_ms >= ?1", since_ms);
    r.idle_resets =
        count(db, "SELECT COUNT(*) FROM events WHERE at_ms >= ?1 AND kind = 'session_end' AND detail = 'idle'", since_ms);
    r.searches = count(db, "SELECT COUNT(*) FROM events WHERE at_ms >= ?1 AND kind = 'search'", since_ms);
    read_topics(db, since_ms, r.topics, 0);
    read_fixes(db, since_ms, r.topics, r.fixes);
    read_topics(db, std::max(since_ms, now_ms - kWeekMs), r.this_week, 10);
    read_languages(db, since_ms, r.languages);
    db.exec("COMMIT");
    return result;
}

} // namespace hs::analytics
