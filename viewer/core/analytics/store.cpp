// The analytics writer thread: open (create, WAL, check, migrate, prune), then commit whatever is
// queued, batch by batch, until stopped. Any SQLite error turns the store off with its reason.
#include "store.hpp"

#include "schema.hpp"
#include "sql.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace hs::analytics {
namespace {

namespace fs = std::filesystem;

// What an SQLite result code means for the person reading the admin screen.
std::string plain(int code) {
    switch (code & 0xFF) {
    case SQLITE_FULL: return "the disk is full";
    case SQLITE_READONLY: return "the file or its folder is read-only";
    case SQLITE_CANTOPEN: return "the file cannot be created or opened (is its folder read-only?)";
    case SQLITE_PERM:
    case SQLITE_AUTH: return "no permission to write it";
    case SQLITE_NOTADB: return "the file is not an SQLite database (damaged, or another program's file)";
    case SQLITE_CORRUPT: return "the database is damaged";
    case SQLITE_IOERR: return "a disk error";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "another program keeps the database locked";
    default: return "an SQLite error";
    }
}

constexpr const char *kInsert =
    "INSERT INTO events (session, at_ms, kind, topic, fix, step, faq, duration_ms, detail, query, result_count, "
    "language) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

} // namespace

std::int64_t system_wall_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string default_database_path() {
    // XDG: a relative $XDG_STATE_HOME is invalid and must be ignored.
    const char *xdg = std::getenv("XDG_STATE_HOME");
    const char *home = std::getenv("HOME");
    std::string base;
    if (xdg != nullptr && xdg[0] == '/') base = xdg;
    else if (home != nullptr && home[0] != '\0') base = std::string(home) + "/.local/state";
    else base = "/var/tmp"; // no home: a service user; better than the working folder
    return base + "/helpstation/analytics.db";
}

struct Store::Connection {
    sql::Db db;
    std::unique_ptr<sql::Stmt> insert;
};

Store::Store(StoreOptions options) : options_(std::move(options)) {
    if (!options_.wall_ms) options_.wall_ms = system_wall_ms;
    thread_ = std::thread([this] { run(); });
}

Store::~Store() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void Store::add(Event event) {
    if (off_) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(std::move(event));
        ++added_;
    }
    wake_.notify_one();
}

void Store::flush() {
    std::unique_lock<std::mutex> lock(mutex_);
    std::uint64_t target = added_;
    done_.wait(lock, [&] { return handled_ >= target || off_; });
}

std::string Store::state() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return state_;
}

bool Store::is_off() const { return off_; }

void Store::go_off(const std::string &reason) {
    spdlog::error("analytics off: {}", reason);
    db_.reset(); // closed before anyone is told: the file is free for a look once we are off
    {
        std::lock_guard<std::mutex> lock(mutex_);
        state_ = "off: " + reason;
        off_ = true;
        handled_ += queue_.size();
        queue_.clear();
    }
    done_.notify_all();
}

bool Store::open() {
    const std::string &path = options_.path;
    std::error_code ec;
    fs::path folder = fs::path(path).parent_path();
    if (!folder.empty()) {
        fs::create_directories(folder, ec);
        if (ec) {
            go_off("cannot create the folder " + folder.string() + " (" + ec.message() + ")");
            return false;
        }
    }
    db_ = std::make_unique<Connection>();
    sql::Db &db = db_->db;
    if (std::string why = db.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX); !why.empty()) {
        go_off("cannot create or open " + path + " (" + why + "; can its folder be written?)");
        return false;
    }
    auto fail = [&](const std::string &what) {
        go_off(what + " " + path + ": " + plain(sqlite3_extended_errcode(db.get())) + " (" + db.error() + ")");
        return false;
    };
    // A reader (the report, the admin screen) may hold a lock for a moment: wait rather than fail.
    sqlite3_busy_timeout(db.get(), 2000);
    std::string error;
    // Reading the header first tells a damaged or foreign file from a folder we cannot write.
    if (schema_version(db.get(), &error) < 0) return fail("cannot read");
    std::string mode = db.text("PRAGMA journal_mode=WAL", &error);
    if (mode != "wal") return error.empty() ? (go_off("cannot use WAL mode for " + path + " (got '" + mode + "')"), false)
                                            : fail("cannot switch to WAL mode:");
    // FULL in WAL mode: each commit is on the disk (the WAL synced) before it returns, so a power
    // cut, which kiosks meet (a store's breaker at closing time), loses no committed event; NORMAL
    // lost the last seconds of a customer's session in the boot test's power cut. The cost is one
    // fsync per commit on the writer thread, a few per customer action, never on the UI thread.
    db.exec("PRAGMA synchronous=FULL");
    if (options_.max_pages > 0) db.text("PRAGMA max_page_count=" + std::to_string(options_.max_pages));
    std::string check = db.text("PRAGMA quick_check", &error);
    if (!error.empty()) return fail("cannot check");
    if (check != "ok") {
        std::string first = check.substr(0, check.find('\n')); // the check lists every bad page
        go_off("the database " + path + " is damaged (" + first + "); move it away to start a new one");
        return false;
    }
    if (std::string why = migrate(db.get()); !why.empty()) {
        go_off("cannot use " + path + ": " + why);
        return false;
    }
    db_->insert = std::make_unique<sql::Stmt>(db.get(), kInsert);
    if (!db_->insert->ok()) return fail("cannot prepare writing to");
    prune();
    if (off_) return false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        state_ = "on";
    }
    spdlog::info("analytics: recording to {} (retention {} days)", path, options_.retention_days);
    return true;
}

void Store::prune() {
    std::int64_t before = options_.wall_ms() - static_cast<std::int64_t>(options_.retention_days) * 86'400'000;
    sql::Stmt del(db_->db.get(), "DELETE FROM events WHERE at_ms < ?1");
    del.bind(1, before);
    if (del.step() != SQLITE_DONE) {
        go_off("cannot delete old events from " + options_.path + ": " + plain(sqlite3_extended_errcode(db_->db.get())) +
               " (" + db_->db.error() + ")");
        return;
    }
    auto n = static_cast<std::uint64_t>(sqlite3_changes(db_->db.get()));
    pruned_ += n;
    if (n > 0) spdlog::info("analytics: {} event(s) older than {} days deleted", n, options_.retention_days);
}

bool Store::write(std::deque<Event> &batch) {
    sql::Db &db = db_->db;
    sql::Stmt &ins = *db_->insert;
    auto fail = [&] {
        int code = sqlite3_extended_errcode(db.get());
        std::string why = db.error();
        db.exec("ROLLBACK");
        go_off("cannot write to " + options_.path + ": " + plain(code) + " (" + why + ")");
        return false;
    };
    if (!db.exec("BEGIN IMMEDIATE").empty()) return fail();
    for (const Event &e : batch) {
        ins.reset();
        ins.bind(1, e.session);
        ins.bind(2, e.at_ms);
        ins.bind(3, std::string(kind_name(e.kind)));
        ins.bind_or_null(4, e.topic);
        ins.bind_or_null(5, e.fix, 0);
        ins.bind_or_null(6, e.step, 0);
        ins.bind_or_null(7, e.faq, 0);
        ins.bind_or_null(8, e.duration_ms, -1);
        if (e.kind == EventKind::Search) {
            ins.bind_null(9);
            ins.bind_or_null(10, e.detail);
            ins.bind_or_null(11, e.count, -1);
        } else {
            ins.bind_or_null(9, e.detail);
        }
        ins.bind_or_null(12, e.language);
        if (ins.step() != SQLITE_DONE) return fail();
    }
    if (!db.exec("COMMIT").empty()) return fail();
    committed_ += batch.size();
    return true;
}

void Store::run() {
    bool ok = open();
    std::int64_t next_prune = options_.wall_ms() + options_.prune_every_ms;
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        // Sleeps until events arrive; wakes now and then to see whether the daily prune is due.
        std::int64_t to_prune = std::max<std::int64_t>(1, next_prune - options_.wall_ms());
        auto sleep = std::chrono::milliseconds(std::min<std::int64_t>(to_prune, 60'000));
        wake_.wait_for(lock, sleep, [&] { return stop_ || !queue_.empty(); });
        std::deque<Event> batch;
        batch.swap(queue_);
        bool stopping = stop_;
        lock.unlock();
        if (!batch.empty() && ok && !off_) ok = write(batch);
        if (ok && !off_ && options_.wall_ms() >= next_prune) {
            prune();
            next_prune = options_.wall_ms() + options_.prune_every_ms;
        }
        lock.lock();
        handled_ += batch.size();
        done_.notify_all();
        if (stopping && queue_.empty()) break;
    }
    lock.unlock();
    db_.reset(); // the last connection closed checkpoints the WAL into the database
}

} // namespace hs::analytics
