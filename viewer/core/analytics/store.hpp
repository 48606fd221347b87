// The analytics store: an SQLite database in WAL mode, written by its own thread so the kiosk's
// frame loop never waits on the disk. add() only queues; the writer commits what is queued in
// small transactions as soon as it arrives (well within a second), so a SIGKILL loses at most the
// last second and never corrupts the file (WAL commits are atomic).
//
// Nothing here ever stops the kiosk: a folder that cannot be created or written, a full disk, a
// damaged file or one from a newer Help Station turns the store "off" with the reason, which is
// logged once and shown on the admin screen; events are dropped from then on.
//
// Retention: events older than retention_days are deleted when the store opens and every day.
#pragma once

#include "events.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace hs::analytics {

struct StoreOptions {
    std::string path;        // the database file; its folder is created when missing
    int retention_days = 180;
    // The wall clock in Unix milliseconds (tests move it to check retention).
    std::function<std::int64_t()> wall_ms;
    std::int64_t prune_every_ms = 24LL * 3600 * 1000;
    // For tests: a database that may not grow beyond this many pages acts like a full disk.
    std::int64_t max_pages = 0;
};

// $XDG_STATE_HOME/helpstation/analytics.db, ~/.local/state/helpstation/analytics.db by default.
std::string default_database_path();
std::int64_t system_wall_ms();

class Store {
public:
    explicit Store(StoreOptions options); // returns at once; the writer thread opens the file
    ~Store();                             // commits what is queued, then stops
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Queues an event for the writer. Never blocks on the disk; dropped when the store is off.
    void add(Event event);
    // Waits until everything added before the call is committed (or dropped because off).
    void flush();

    // "starting", "on", or "off: <reason>".
    std::string state() const;
    bool is_off() const;
    const std::string &path() const { return options_.path; }
    std::uint64_t committed() const { return committed_; } // events written since the store opened
    std::uint64_t pruned() const { return pruned_; }       // events deleted by retention since then

private:
    void run();
    bool open();
    bool write(std::deque<Event> &batch);
    void prune();
    void go_off(const std::string &reason);

    StoreOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::deque<Event> queue_;
    std::uint64_t added_ = 0, handled_ = 0; // under mutex_: for flush()
    bool stop_ = false;
    std::string state_ = "starting";
    std::atomic<bool> off_{false};
    std::atomic<std::uint64_t> committed_{0}, pruned_{0};
    struct Connection;
    std::unique_ptr<Connection> db_; // the writer thread's own
    std::thread thread_;
};

} // namespace hs::analytics
