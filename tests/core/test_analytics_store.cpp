// The analytics store on real SQLite files (in the test output folder): WAL mode, the schema
// migrated from a first-version file, retention pruning at open and daily, and every way the file
// can be unusable turning analytics off with a reason while add() and flush() keep working.
#include "core/analytics/report.hpp"
#include "core/analytics/schema.hpp"
#include "core/analytics/store.hpp"
#include "support/test_paths.hpp"
#include "support/as_nobody.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace hs::analytics;

namespace {

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kNow = 1'790'000'000'000; // a fixed "now" for the tests' wall clock

// An empty folder of the test output for one test.
std::string fresh_dir(const std::string &name) {
    fs::path dir = fs::path(test_paths::output) / "analytics-store" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

Event event(EventKind kind, std::int64_t at_ms, const std::string &topic = "wifi-calling") {
    Event e;
    e.kind = kind;
    e.session = 42;
    e.at_ms = at_ms;
    e.topic = topic;
    return e;
}

// A plain connection for looking at what the store wrote.
struct Raw {
    sqlite3 *db = nullptr;
    explicit Raw(const std::string &path) { REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK); }
    ~Raw() { sqlite3_close(db); }
    std::string text(const std::string &q) {
        sqlite3_stmt *s = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, q.c_str(), -1, &s, nullptr) == SQLITE_OK);
        std::string out;
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
            out = reinterpret_cast<const char *>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
        return out;
    }
    long long number(const std::string &q) { return std::stoll(text(q)); }
    void exec(const std::string &q) { REQUIRE(sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK); }
};

// Waits (up to 5 s) for the store to leave "starting".
std::string settled_state(const Store &s) {
    for (int i = 0; i < 500 && s.state() == "starting"; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return s.state();
}

StoreOptions at(const std::string &path, std::int64_t now = kNow) {
    StoreOptions o;
    o.path = path;
    o.wall_ms = [now] { return now; };
    return o;
}

} // namespace

TEST_CASE("Store: a new database is created with its folder, in WAL mode, at the current schema", "[analytics]") {
    std::string path = fresh_dir("new") + "/state/helpstation/analytics.db";
    {
        Store store(at(path));
        for (int i = 0; i < 50; ++i) store.add(event(EventKind::TopicOpened, kNow + i));
        Event search = event(EventKind::Search, kNow + 100, "");
        search.detail = "wifi";
        search.count = 2;
        store.add(search);
        store.flush();
        CHECK(store.state() == "on");
        CHECK(store.committed() == 51);
        Raw raw(path); // while the store is open: the WAL file is in use
        CHECK(raw.text("PRAGMA journal_mode") == "wal");
        CHECK(fs::exists(path + "-wal"));
        CHECK(raw.number("PRAGMA user_version") == kSchemaVersion);
        CHECK(raw.number("SELECT COUNT(*) FROM events WHERE kind = 'topic_opened'") == 50);
        CHECK(raw.text("SELECT query FROM events WHERE kind = 'search'") == "wifi");
        CHECK(raw.number("SELECT result_count FROM events WHERE kind = 'search'") == 2);
        CHECK(raw.text("SELECT COUNT(*) FROM events WHERE fix IS NOT NULL OR step IS NOT NULL") == "0"); // none is NULL
    }
    Raw after(path);
    CHECK(after.text("PRAGMA integrity_check") == "ok");
    CHECK(after.number("SELECT COUNT(*) FROM events") == 51);
}

TEST_CASE("Store: a first-version file is migrated on open and keeps its events", "[analytics]") {
    std::string path = fresh_dir("v1") + "/analytics.db";
    {
        Raw raw(path);
        REQUIRE(migrate(raw.db, 1).empty());
        CHECK(raw.number("PRAGMA user_version") == 1);
        raw.exec("INSERT INTO events (session, at_ms, kind, topic, fix, detail) VALUES (7, " + std::to_string(kNow - kDay) +
                 ", 'outcome', 'wifi-calling', 2, 'fixed')");
        // The v1 table has no search columns: that is what v2 adds.
        sqlite3_stmt *s = nullptr;
        CHECK(sqlite3_prepare_v2(raw.db, "SELECT query FROM events", -1, &s, nullptr) != SQLITE_OK);
        sqlite3_finalize(s);
    }
    {
        Store store(at(path));
        Event search = event(EventKind::Search, kNow, "");
        search.count = 0;
        store.add(search);
        store.flush();
        REQUIRE(store.state() == "on");
    }
    Raw raw(path);
    CHECK(raw.number("PRAGMA user_version") == kSchemaVersion);
    CHECK(raw.number("SELECT COUNT(*) FROM events") == 2);
    CHECK(raw.text("SELECT detail FROM events WHERE session = 7") == "fixed");
    CHECK(raw.number("SELECT result_count FROM events WHERE kind = 'search'") == 0);
    CHECK(raw.text("SELECT name FROM sqlite_master WHERE name = 'events_at'") == "events_at");
    CHECK(raw.text("PRAGMA integrity_check") == "ok");
}

TEST_CASE("Store: a second-version file gains the language column and the report splits by language, old rows as not "
          "recorded", "[analytics][language]") {
    std::string path = fresh_dir("v2") + "/analytics.db";
    auto outcome = [](std::int64_t session, const char *detail, const char *language) {
        Event e = event(EventKind::Outcome, kNow - 1000);
        e.session = session;
        e.fix = 1;
        e.detail = detail;
        e.language = language;
        return e;
    };
    {
        // A file as a kiosk of schema 2 left it: two visits, no language anywhere.
        Raw raw(path);
        REQUIRE(migrate(raw.db, 2).empty());
        for (int session : {1, 2})
            raw.exec("INSERT INTO events (session, at_ms, kind, topic, fix, detail) VALUES (" + std::to_string(session) +
                     ", " + std::to_string(kNow - kDay) + ", 'outcome', 'wifi-calling', 1, 'fixed')");
    }
    {
        // Read as it is (read-only, never migrated): every outcome is "not recorded".
        ReportResult before = read_report(path, 0, kNow);
        REQUIRE(before.error.empty());
        REQUIRE(before.report.languages.size() == 1);
        CHECK(before.report.languages[0].language.empty());
        CHECK(before.report.languages[0].sessions == 2);
        CHECK(before.report.languages[0].fixed == 2);
    }
    {
        Store store(at(path));
        store.add(outcome(3, "fixed", "es"));
        store.add(outcome(4, "abandoned", "es"));
        store.add(outcome(5, "not_fixed", "en"));
        store.flush();
        REQUIRE(store.state() == "on");
    }
    Raw raw(path);
    CHECK(raw.number("PRAGMA user_version") == 3);
    CHECK(raw.number("SELECT COUNT(*) FROM events WHERE language IS NULL") == 2); // the old rows keep NULL
    CHECK(raw.text("SELECT language FROM events WHERE session = 3") == "es");
    ReportResult r = read_report(path, 0, kNow);
    REQUIRE(r.error.empty());
    REQUIRE(r.report.languages.size() == 3);
    const LanguageRow *es = nullptr, *en = nullptr, *old = nullptr;
    for (const LanguageRow &l : r.report.languages)
        (l.language == "es" ? es : l.language == "en" ? en : old) = &l;
    REQUIRE(es);
    REQUIRE(en);
    REQUIRE(old);
    CHECK(r.report.languages[0].sessions == 2); // most sessions first (es and the old rows tie at 2)
    CHECK(es->sessions == 2);
    CHECK(es->fixed == 1);
    CHECK(es->abandoned == 1);
    CHECK(en->not_fixed == 1);
    CHECK(old->fixed == 2);
    std::string csv = report_csv(r.report);
    CHECK(csv.find("\nlanguage,sessions,fixed,not_fixed,ask_team,abandoned,no_fix_tried\n") != std::string::npos);
    CHECK(csv.find("\nes,2,1,0,0,1,0\n") != std::string::npos);
    CHECK(csv.find("\nnot recorded,2,2,0,0,0,0\n") != std::string::npos);
}

TEST_CASE("Store: events older than the retention are deleted at open and daily", "[analytics]") {
    std::string path = fresh_dir("retention") + "/analytics.db";
    {
        StoreOptions o = at(path, kNow - 400 * kDay); // the clock of long ago: nothing is old yet
        Store store(o);
        store.add(event(EventKind::TopicOpened, kNow - 200 * kDay));
        store.add(event(EventKind::TopicOpened, kNow - 181 * kDay));
        store.add(event(EventKind::TopicOpened, kNow - 179 * kDay));
        store.add(event(EventKind::TopicOpened, kNow - 1));
        store.flush();
        CHECK(store.pruned() == 0);
    }
    {
        Store store(at(path)); // 180 days by default
        store.flush();
        REQUIRE(settled_state(store) == "on");
        CHECK(store.pruned() == 2);
    }
    Raw raw(path);
    CHECK(raw.number("SELECT COUNT(*) FROM events") == 2);
    CHECK(raw.number("SELECT MIN(at_ms) FROM events") == kNow - 179 * kDay);

    // Daily: the kiosk runs on; when the clock passes the next prune, the old events go.
    auto now = std::make_shared<std::atomic<std::int64_t>>(kNow);
    StoreOptions o;
    o.path = path;
    o.retention_days = 30;
    o.prune_every_ms = kDay;
    o.wall_ms = [now] { return now->load(); };
    Store store(o);
    REQUIRE(settled_state(store) == "on");
    CHECK(store.pruned() == 1); // the 179-day-old event, at open with 30 days
    store.add(event(EventKind::TopicOpened, kNow + 1));
    store.flush();
    *now = kNow + 31 * kDay; // a month later: the event of "now" is past 30 days
    for (int i = 0; i < 200 && store.pruned() < 3; ++i) {
        store.add(event(EventKind::TopicOpened, now->load())); // wakes the writer, as customers would
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(store.pruned() == 3);
}

TEST_CASE("Store: a path whose folder cannot be created turns analytics off with the reason", "[analytics]") {
    std::string dir = fresh_dir("not-a-folder");
    std::ofstream(dir + "/file") << "x";
    Store store(at(dir + "/file/analytics.db"));
    store.add(event(EventKind::TopicOpened, kNow));
    store.flush(); // returns: nothing waits on a store that is off
    std::string state = settled_state(store);
    CHECK_THAT(state, Catch::StartsWith("off: cannot create the folder"));
    CHECK_THAT(state, Catch::Contains(dir + "/file"));
    CHECK(store.is_off());
    store.add(event(EventKind::TopicOpened, kNow)); // dropped, not queued forever
    store.flush();
    CHECK(store.committed() == 0);
}

TEST_CASE("Store: a read-only folder turns analytics off with the reason", "[analytics]") {
    std::string dir = fresh_dir("read-only");
    fs::create_directories(dir + "/ro");
    fs::permissions(dir + "/ro", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                     fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    // Root writes anywhere: the store then runs in a child as the unprivileged "nobody".
    std::string state = support::as_nobody([&] {
        Store store(at(dir + "/ro/analytics.db"));
        store.add(event(EventKind::TopicOpened, kNow));
        store.flush();
        return settled_state(store);
    });
    fs::permissions(dir + "/ro", fs::perms::owner_all);
    INFO(state);
    CHECK_THAT(state, Catch::StartsWith("off: cannot create or open " + dir + "/ro/analytics.db"));
    CHECK_FALSE(fs::exists(dir + "/ro/analytics.db"));
}

TEST_CASE("Store: a damaged file and a file from a newer Help Station turn analytics off", "[analytics]") {
    std::string dir = fresh_dir("damaged");
    {
        std::ofstream out(dir + "/garbage.db", std::ios::binary);
        for (int i = 0; i < 4096; ++i) out.put(static_cast<char>(i * 7));
    }
    Store garbage(at(dir + "/garbage.db"));
    garbage.flush();
    CHECK_THAT(settled_state(garbage), Catch::Contains("not an SQLite database"));

    // A real database whose pages were overwritten in the middle.
    std::string path = dir + "/torn.db";
    {
        Store store(at(path));
        for (int i = 0; i < 3000; ++i) store.add(event(EventKind::StepReached, kNow + i, "topic-" + std::to_string(i % 50)));
        store.flush();
        REQUIRE(store.state() == "on");
    }
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096 * 3 + 100);
        for (int i = 0; i < 8000; ++i) f.put(static_cast<char>(0xA5));
    }
    Store torn(at(path));
    torn.flush();
    std::string state = settled_state(torn);
    CHECK_THAT(state, Catch::StartsWith("off: "));
    CHECK_THAT(state, Catch::Contains("damaged"));

    std::string newer = dir + "/newer.db";
    {
        Raw raw(newer);
        raw.exec("PRAGMA user_version = 99");
    }
    Store future(at(newer));
    future.flush();
    CHECK_THAT(settled_state(future), Catch::Contains("newer than this Help Station"));
}

TEST_CASE("Store: a full disk turns analytics off with the reason and keeps what was committed", "[analytics]") {
    std::string path = fresh_dir("full") + "/analytics.db";
    StoreOptions o = at(path);
    o.max_pages = 40; // a "disk" of 40 pages of 4 KiB
    Store store(o);
    int added = 0;
    for (; added < 20000 && !store.is_off(); ++added) {
        store.add(event(EventKind::StepReached, kNow + added, std::string(60, 'x')));
        if (added % 100 == 0) store.flush();
    }
    store.flush();
    std::string state = store.state();
    CHECK_THAT(state, Catch::StartsWith("off: cannot write to " + path + ": the disk is full"));
    CHECK(store.committed() > 0);
    CHECK(store.committed() < static_cast<std::uint64_t>(added));
    Raw raw(path);
    CHECK(raw.text("PRAGMA integrity_check") == "ok");
    CHECK(raw.number("SELECT COUNT(*) FROM events") == static_cast<long long>(store.committed()));
}
