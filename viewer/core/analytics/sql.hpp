// A thin RAII layer over the SQLite C API, just what the analytics need: a connection, a
// prepared statement with bind/step/column, and exec for plain SQL. Errors come back as text.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace hs::analytics::sql {

class Db {
public:
    Db() = default;
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;
    Db(Db &&o) noexcept : db_(o.db_) { o.db_ = nullptr; }
    ~Db() { close(); }

    // Opens `path` with `flags` (SQLITE_OPEN_*). Returns "" or why not.
    std::string open(const std::string &path, int flags);
    void close();
    sqlite3 *get() const { return db_; }
    explicit operator bool() const { return db_ != nullptr; }

    // Runs SQL without results. Returns "" or the error.
    std::string exec(const std::string &sql_text);
    // The first column of the first row as text ("" when none), or the error in `error`.
    std::string text(const std::string &sql_text, std::string *error = nullptr);
    std::string error() const; // the last error, with its code

private:
    sqlite3 *db_ = nullptr;
};

class Stmt {
public:
    Stmt(sqlite3 *db, const char *sql_text);
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;
    ~Stmt() { sqlite3_finalize(stmt_); }

    bool ok() const { return stmt_ != nullptr; }
    void bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
    void bind(int i, const std::string &v) { sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
    void bind_null(int i) { sqlite3_bind_null(stmt_, i); }
    // A positive number, or NULL for 0/-1 ("none").
    void bind_or_null(int i, std::int64_t v, std::int64_t none) { v == none ? bind_null(i) : bind(i, v); }
    void bind_or_null(int i, const std::string &v) { v.empty() ? bind_null(i) : bind(i, v); }
    int step() { return sqlite3_step(stmt_); } // SQLITE_ROW, SQLITE_DONE or an error
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string text(int col) const {
        const unsigned char *t = sqlite3_column_text(stmt_, col);
        return t ? std::string(reinterpret_cast<const char *>(t)) : std::string();
    }

private:
    sqlite3_stmt *stmt_ = nullptr;
};

} // namespace hs::analytics::sql
