// The SQLite wrapper's few non-inline parts.
#include "sql.hpp"

namespace hs::analytics::sql {

std::string Db::open(const std::string &path, int flags) {
    close();
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(db_, 1);
        return {};
    }
    std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    close();
    return why;
}

void Db::close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
}

std::string Db::error() const {
    if (!db_) return "no database";
    return std::string(sqlite3_errmsg(db_)) + " (SQLite code " + std::to_string(sqlite3_extended_errcode(db_)) + ")";
}

std::string Db::exec(const std::string &sql_text) {
    char *msg = nullptr;
    int rc = sqlite3_exec(db_, sql_text.c_str(), nullptr, nullptr, &msg);
    if (rc == SQLITE_OK) return {};
    std::string why = msg ? msg : sqlite3_errstr(rc);
    sqlite3_free(msg);
    return why + " (SQLite code " + std::to_string(sqlite3_extended_errcode(db_)) + ")";
}

std::string Db::text(const std::string &sql_text, std::string *error) {
    Stmt s(db_, sql_text.c_str());
    if (!s.ok()) {
        if (error) *error = this->error();
        return {};
    }
    int rc = s.step();
    if (rc == SQLITE_ROW) return s.text(0);
    if (rc != SQLITE_DONE && error) *error = this->error();
    return {};
}

Stmt::Stmt(sqlite3 *db, const char *sql_text) {
    if (sqlite3_prepare_v2(db, sql_text, -1, &stmt_, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
}

} // namespace hs::analytics::sql
