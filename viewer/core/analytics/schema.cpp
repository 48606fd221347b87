// The schema versions, oldest first. Never edit a migration that has shipped: add the next one.
#include "schema.hpp"

#include "sql.hpp"

#include <array>

namespace hs::analytics {
namespace {

// migrations[i] takes the file from version i to version i + 1.
constexpr std::array<const char *, kSchemaVersion> kMigrations = {
    // v1: one table of events; sessions are the rows sharing a session number.
    R"(CREATE TABLE events (
         id          INTEGER PRIMARY KEY,
         session     INTEGER NOT NULL,
         at_ms       INTEGER NOT NULL,
         kind        TEXT    NOT NULL,
         topic       TEXT,
         fix         INTEGER,
         step        INTEGER,
         faq         INTEGER,
         duration_ms INTEGER,
         detail      TEXT);
       CREATE INDEX events_session ON events(session);)",
    // v2: searches (the query only when the operator allows it), and time-ordered reads for
    // retention pruning and "this week".
    R"(ALTER TABLE events ADD COLUMN query TEXT;
       ALTER TABLE events ADD COLUMN result_count INTEGER;
       CREATE INDEX events_at ON events(at_ms);
       CREATE INDEX events_kind_topic ON events(kind, topic, fix);)",
    // v3: the language the customer was reading in (issue 18). Rows written before it keep NULL:
    // the report counts them as "not recorded", not as English.
    R"(ALTER TABLE events ADD COLUMN language TEXT;)",
};

} // namespace

int schema_version(sqlite3 *db, std::string *error) {
    sql::Stmt s(db, "PRAGMA user_version");
    if (!s.ok() || s.step() != SQLITE_ROW) {
        if (error) *error = std::string(sqlite3_errmsg(db)) + " (SQLite code " + std::to_string(sqlite3_extended_errcode(db)) + ")";
        return -1;
    }
    return static_cast<int>(s.integer(0));
}

std::string migrate(sqlite3 *db, int target) {
    std::string error;
    int version = schema_version(db, &error);
    if (version < 0) return error;
    if (version > kSchemaVersion)
        return "the database has schema version " + std::to_string(version) + ", newer than this Help Station's " +
               std::to_string(kSchemaVersion);
    for (int v = version; v < target && v < kSchemaVersion; ++v) {
        std::string text = std::string("BEGIN IMMEDIATE;") + kMigrations[static_cast<size_t>(v)] +
                           "; PRAGMA user_version = " + std::to_string(v + 1) + "; COMMIT;";
        char *msg = nullptr;
        if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
            std::string why = "migration to schema version " + std::to_string(v + 1) + " failed: " +
                              (msg ? msg : "unknown error") + " (SQLite code " +
                              std::to_string(sqlite3_extended_errcode(db)) + ")";
            sqlite3_free(msg);
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            return why;
        }
    }
    return {};
}

} // namespace hs::analytics
