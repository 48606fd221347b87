// The analytics database's schema and its migrations. PRAGMA user_version holds the schema
// version; each migration takes the file one version up in its own transaction, so a file from
// any older Help Station is brought up to date on open and a crash mid-way leaves the old version.
//
//   v1  events(id, session, at_ms, kind, topic, fix, step, faq, duration_ms, detail)
//   v2  + events.query, events.result_count (search), index on at_ms (retention, "this week")
#pragma once

#include <sqlite3.h>

#include <string>

namespace hs::analytics {

constexpr int kSchemaVersion = 3;

// The file's schema version (0 for a new, empty file), or -1 when it cannot be read (not a
// database, damaged), with the reason in `error`.
int schema_version(sqlite3 *db, std::string *error = nullptr);

// Migrates up to `target` (tests stop at 1 to make a first-version file). Returns "" or why not;
// a file newer than this Help Station is refused rather than guessed at.
std::string migrate(sqlite3 *db, int target = kSchemaVersion);

} // namespace hs::analytics
