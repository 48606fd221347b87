// Analytics figures (printed, never asserted): what add() costs the frame loop, what the writer
// thread costs per event, and how long the report takes on a day and on 180 busy days.
//
//   build/bin/analytics_bench [FOLDER]     (default: the current folder; writes bench-*.db there)
#include "core/analytics/report.hpp"
#include "core/analytics/store.hpp"
#include "support/scripted_day.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

using namespace hs::analytics;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

void remove_db(const std::string &path) {
    for (const char *suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

double report_ms(const std::string &db, std::int64_t since, std::int64_t now, int runs = 5) {
    double best = 1e9;
    for (int i = 0; i < runs; ++i) {
        auto t = Clock::now();
        ReportResult r = read_report(db, since, now);
        best = std::min(best, ms_since(t));
        if (!r.error.empty()) std::printf("report error: %s\n", r.error.c_str());
    }
    return best;
}

} // namespace

int main(int argc, char **argv) {
    std::string folder = argc > 1 ? argv[1] : ".";
    std::filesystem::create_directories(folder);
    const std::int64_t day = 86'400'000, start = 1'780'000'000'000;

    // 1. The frame loop's side: add() only queues.
    std::string path = folder + "/bench-writer.db";
    remove_db(path);
    const int n = 100'000;
    {
        StoreOptions o;
        o.path = path;
        Store store(o);
        store.flush();
        auto t = Clock::now();
        for (int i = 0; i < n; ++i) {
            Event e;
            e.kind = EventKind::StepReached;
            e.session = 1 + i / 20;
            e.at_ms = start + i;
            e.topic = "wifi-calling";
            e.fix = 1 + i % 5;
            e.step = 1 + i % 4;
            e.duration_ms = i;
            store.add(e);
        }
        double add_ms = ms_since(t);
        store.flush();
        double all_ms = ms_since(t);
        std::printf("add() on the calling thread: %.2f us per event (%d events)\n", add_ms * 1000 / n, n);
        std::printf("writer thread, queued to committed: %.2f us per event, %.0f events/s (batched as they come)\n",
                    all_ms * 1000 / n, n / (all_ms / 1000));
    }
    // One event per transaction: the cost when customers tap slowly (the usual case).
    {
        StoreOptions o;
        o.path = path;
        Store store(o);
        store.flush();
        auto t = Clock::now();
        const int one = 2000;
        for (int i = 0; i < one; ++i) {
            Event e;
            e.kind = EventKind::TopicOpened;
            e.session = 9;
            e.at_ms = start + i;
            e.topic = "voicemail";
            store.add(e);
            store.flush();
        }
        std::printf("one event per commit (WAL, synchronous=FULL): %.1f us per event\n", ms_since(t) * 1000 / one);
    }

    // 2. The report: one scripted day, then the same day copied over 180 days.
    std::string day_db = folder + "/bench-day.db";
    scripted_day::play(day_db, start);
    std::printf("report of one day (200 sessions): %.2f ms\n", report_ms(day_db, 0, start + day));

    std::string big = folder + "/bench-180-days.db";
    remove_db(big);
    std::filesystem::copy_file(day_db, big);
    sqlite3 *db = nullptr;
    sqlite3_open(big.c_str(), &db);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int k = 1; k < 180; ++k) {
        std::string q = "INSERT INTO events (session, at_ms, kind, topic, fix, step, faq, duration_ms, detail, query, "
                        "result_count) SELECT session + " + std::to_string(k) + " * 1000000000, at_ms + " +
                        std::to_string(k * day) + ", kind, topic, fix, step, faq, duration_ms, detail, query, result_count "
                        "FROM events WHERE at_ms < " + std::to_string(start + day);
        sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM events", -1, &s, nullptr);
    sqlite3_step(s);
    long long rows = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    std::int64_t now = start + 180 * day;
    std::printf("180 days x 200 sessions = %lld events, %.1f MB\n", rows,
                std::filesystem::file_size(big) / 1048576.0);
    std::printf("report of 180 days (admin screen, helpstation report without --since): %.1f ms\n",
                report_ms(big, 0, now, 3));
    std::printf("report of the last 7 days of them: %.1f ms\n", report_ms(big, now - 7 * day, now, 3));
    {
        auto t = Clock::now();
        StoreOptions o;
        o.path = big;
        o.retention_days = 90;
        o.wall_ms = [now] { return now; };
        Store store(o);
        store.flush();
        while (store.state() == "starting") std::this_thread::sleep_for(std::chrono::milliseconds(1));
        std::printf("open with check, migration and pruning 90 of 180 days (%llu events): %.1f ms\n",
                    static_cast<unsigned long long>(store.pruned()), ms_since(t));
    }
    return 0;
}
