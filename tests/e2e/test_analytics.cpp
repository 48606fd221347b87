// Customer outcomes end to end: journeys played by --replay through the real viewer write the
// expected rows into the analytics database named in the config, `helpstation report` prints the
// same numbers, a path that cannot be written leaves the kiosk running with analytics off, and
// the admin outcomes screen shows a scripted day (its screenshots are the ones in docs/).
#include "support/display.hpp"
#include "support/scripted_day.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kTopic = "imessage-facetime-activation"; // fixes of 6 and 5 steps first
const std::string kPin = "2468";

std::string out_dir() {
    fs::path dir = fs::path(test_paths::output) / "analytics-e2e";
    fs::create_directories(dir);
    return dir.string();
}

void write_file(const std::string &path, const std::string &text) {
    std::ofstream out(path, std::ios::trunc);
    out << text;
    REQUIRE(out.good());
}

std::string read_file(const std::string &path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Played {
    e2e::Run run;
    json ui;
    std::string shot;
};

// Runs the kiosk with `config` and `script` (a --replay), starting on the attract screen.
Played play(const std::string &name, const std::string &config, const std::string &script,
            const std::string &size = "1920x1080", std::vector<std::string> extra = {}) {
    std::string base = out_dir() + "/" + name;
    write_file(base + ".toml", config);
    write_file(base + ".replay", script);
    Played p;
    p.shot = base + ".png";
    fs::remove(base + ".json");
    fs::remove(p.shot);
    std::vector<std::string> args = {"--windowed", size, "--open", "attract", "--plugins", test_paths::bundled_plugins,
                                     "--config", base + ".toml", "--replay", base + ".replay", "--dump-ui", base + ".json",
                                     "--screenshot", p.shot};
    args.insert(args.end(), extra.begin(), extra.end());
    p.run = e2e::run_viewer(args);
    if (fs::exists(base + ".json")) p.ui = json::parse(read_file(base + ".json"), nullptr, false);
    return p;
}

std::string press(const std::string &label) { return "press " + label + "\n"; }
std::string swipes(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "swipe left\n";
    return s;
}

// The rows of the events table as "kind topic fix step detail" lines, in order.
std::vector<std::string> rows(const std::string &db_path) {
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt *s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT kind, IFNULL(topic, '-'), IFNULL(fix, 0), IFNULL(step, 0), IFNULL(detail, '-') "
                               "FROM events ORDER BY id",
                               -1, &s, nullptr) == SQLITE_OK);
    std::vector<std::string> out;
    while (sqlite3_step(s) == SQLITE_ROW) {
        std::string line;
        for (int c = 0; c < 5; ++c) line += std::string(c ? " " : "") + reinterpret_cast<const char *>(sqlite3_column_text(s, c));
        out.push_back(line);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

std::string report(const std::vector<std::string> &args, int *code = nullptr) {
    std::vector<std::string> all = {"report"};
    all.insert(all.end(), args.begin(), args.end());
    e2e::Run r = e2e::run_viewer(all, false);
    INFO(r.err);
    if (code) *code = r.exit_code;
    else REQUIRE(r.exit_code == 0);
    return r.out;
}

std::string pin_line() {
    static std::string line;
    if (!line.empty()) return line;
    std::string command = "printf '%s\\n' '" + kPin + "' | '" + test_paths::viewer + "' --hash-pin";
    FILE *p = popen(command.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[512] = {};
    REQUIRE(fgets(buf, sizeof buf, p) != nullptr);
    pclose(p);
    line = buf;
    return line;
}

std::string to_admin_outcomes() {
    std::string s = "longpress 20 20 3200   # admin corner\n";
    for (char c : kPin) s += std::string("press pin:") + c + "\n";
    return s + press("pin-ok") + press("admin-outcomes");
}

} // namespace

TEST_CASE("analytics: replayed journeys write the expected rows and the report counts them", "[e2e][analytics]") {
    const std::string db = out_dir() + "/journeys.db";
    for (const char *suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    const std::string config = "[analytics]\npath = \"" + db + "\"\n";

    // 1. Fix 1 does not help, fix 2 does; Done goes Home and ends the session.
    Played fixed = play("fixed-by-fix-2", config,
                        "tap 960 700   # the attract screen\n" + press("topic:" + kTopic) + press("fix:1") + swipes(5) +
                            press("answer-no") + swipes(4) + press("answer-yes") + press("done"));
    INFO(fixed.run.err);
    REQUIRE(fixed.run.exit_code == 0);
    CHECK(fixed.ui["screen"] == "home");
    CHECK(fixed.ui["analytics"] == "on");
    std::vector<std::string> expected = {"session_start - 0 0 -", "topic_opened " + kTopic + " 0 0 -",
                                         "fix_started " + kTopic + " 1 0 -"};
    for (int s = 1; s <= 6; ++s) expected.push_back("step_reached " + kTopic + " 1 " + std::to_string(s) + " -");
    expected.push_back("fix_started " + kTopic + " 2 0 -");
    for (int s = 1; s <= 5; ++s) expected.push_back("step_reached " + kTopic + " 2 " + std::to_string(s) + " -");
    expected.push_back("outcome " + kTopic + " 2 0 fixed");
    expected.push_back("session_end - 0 0 done");
    CHECK(rows(db) == expected);

    // 2. The next customer stops at step 3 of fix 1 and walks away: the idle reset ends it.
    Played away = play("walked-away", config,
                       "tap 960 700\n" + press("topic:" + kTopic) + press("fix:1") + swipes(2) +
                           "advance 16   # the idle warning\nadvance 21   # the reset\nwait 300\n",
                       "1920x1080", {"--idle-seconds", "15", "--warning-seconds", "20"});
    INFO(away.run.err);
    REQUIRE(away.run.exit_code == 0);
    CHECK(away.ui["screen"] == "attract");
    std::vector<std::string> all = rows(db);
    REQUIRE(all.size() == expected.size() + 8);
    std::vector<std::string> tail(all.end() - 8, all.end());
    CHECK(tail == std::vector<std::string>{"session_start - 0 0 -", "topic_opened " + kTopic + " 0 0 -",
                                           "fix_started " + kTopic + " 1 0 -", "step_reached " + kTopic + " 1 1 -",
                                           "step_reached " + kTopic + " 1 2 -", "step_reached " + kTopic + " 1 3 -",
                                           "outcome " + kTopic + " 1 3 abandoned", "session_end - 0 0 idle"});

    // 3. `helpstation report` counts those two sessions.
    json j = json::parse(report({"--db", db, "--format", "json"}));
    CHECK(j["sessions"] == 2);
    CHECK(j["idle_resets"] == 1);
    REQUIRE(j["topics"].size() == 1);
    CHECK(j["topics"][0] == json({{"topic", kTopic}, {"sessions", 2}, {"fixed", 1}, {"not_fixed", 0}, {"ask_team", 0},
                                  {"abandoned", 1}, {"no_fix_tried", 0}}));
    REQUIRE(j["fixes"].size() == 2);
    CHECK(j["fixes"][0]["fix"] == 1);
    CHECK(j["fixes"][0]["started"] == 2);
    CHECK(j["fixes"][0]["fixed"] == 0);
    CHECK(j["fixes"][0]["most_abandoned_step"] == 3);
    CHECK(j["fixes"][1]["fix"] == 2);
    CHECK(j["fixes"][1]["success_rate"] == 1.0);
    CHECK(j["top_topics_this_week"][0]["topic"] == kTopic);
    std::string csv = report({"--db", db});
    CHECK_THAT(csv, Catch::Contains(kTopic + ",2,1,0,0,1,0\n"));
    CHECK_THAT(csv, Catch::Contains(kTopic + ",1,2,0,0.000,1,3,1\n"));
    CHECK_THAT(csv, Catch::Contains(kTopic + ",2,1,1,1.000,0,,0\n"));
    // The database named in the config is found without --db; a day after today sees nothing.
    CHECK(report({"--config", out_dir() + "/walked-away.toml"}) == csv);
    json none = json::parse(report({"--db", db, "--format", "json", "--since", "2099-01-01"}));
    CHECK(none["sessions"] == 0);
    int code = 0;
    report({"--db", db, "--since", "yesterday"}, &code);
    CHECK(code == 2);
    report({"--db", out_dir() + "/missing.db"}, &code);
    CHECK(code == 1);
}

TEST_CASE("analytics: an unwritable path or analytics turned off leave the kiosk running", "[e2e][analytics]") {
    std::string blocker = out_dir() + "/a-file";
    write_file(blocker, "not a folder");
    Played blocked = play("unwritable", "[analytics]\npath = \"" + blocker + "/analytics.db\"\n",
                          "tap 960 700\n" + press("topic:" + kTopic) + press("fix:1"));
    INFO(blocked.run.err);
    CHECK(blocked.run.exit_code == 0);
    CHECK(blocked.ui["screen"] == "step");
    CHECK_THAT(blocked.ui["analytics"].get<std::string>(), Catch::StartsWith("off: cannot create the folder " + blocker));
    CHECK_THAT(blocked.run.err, Catch::Contains("analytics off: cannot create the folder"));
    CHECK(fs::exists(blocked.shot));

    std::string db = out_dir() + "/disabled.db";
    fs::remove(db);
    Played off = play("disabled", "[analytics]\nenabled = false\npath = \"" + db + "\"\n",
                      "tap 960 700\n" + press("topic:" + kTopic) + press("fix:1"));
    CHECK(off.run.exit_code == 0);
    CHECK_THAT(off.ui["analytics"].get<std::string>(), Catch::Contains("analytics.enabled = false"));
    CHECK_FALSE(fs::exists(db));

    // A bare screenshot (documentation, `setup.sh run` without a display) is not a customer.
    std::string shot_db = out_dir() + "/screenshot-only.db";
    fs::remove(shot_db);
    write_file(out_dir() + "/screenshot-only.toml", "[analytics]\npath = \"" + shot_db + "\"\n");
    e2e::Run shot = e2e::run_viewer({"--windowed", "1280x720", "--open", kTopic + "/fix/1/step/2", "--plugins",
                                     test_paths::bundled_plugins, "--config", out_dir() + "/screenshot-only.toml",
                                     "--screenshot", out_dir() + "/screenshot-only.png"});
    INFO(shot.err);
    CHECK(shot.exit_code == 0);
    CHECK_FALSE(fs::exists(shot_db));
}

TEST_CASE("analytics: the admin outcomes screen shows a scripted day, landscape and portrait", "[e2e][analytics]") {
    const std::string db = out_dir() + "/scripted-day.db";
    std::int64_t now = 0;
    {
        using namespace std::chrono;
        now = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
    scripted_day::Expected x = scripted_day::play(db, now - 20 * 3600 * 1000LL); // a day ending now
    const std::string config = "[kiosk]\n" + pin_line() + "[analytics]\npath = \"" + db + "\"\n";
    for (const char *size : {"1920x1080", "1080x1920"}) {
        std::string tag = std::string("outcomes-") + (size[0] == '1' && size[1] == '9' ? "landscape" : "portrait");
        Played p = play(tag, config, to_admin_outcomes(), size);
        INFO(p.run.err);
        REQUIRE(p.run.exit_code == 0);
        CHECK(p.ui["screen"] == "admin-outcomes");
        CHECK(p.ui["analytics"] == "on");
        // Its one control, the way back, is a full-size touch target.
        bool back = false;
        for (const json &t : p.ui["targets"])
            if (t["label"] == "admin-menu") {
                back = true;
                CHECK(t["w"].get<double>() >= 64);
                CHECK(t["h"].get<double>() >= 64);
            }
        CHECK(back);
        REQUIRE(fs::exists(p.shot));
        e2e::Picture pic = e2e::load_png(p.shot);
        CHECK(e2e::colour_count(pic) > 20);
        // The bars are drawn: the "fixed" green of the stacked bars and success rates is there.
        CHECK(e2e::count_colour(pic, 0x0A, 0x5C, 0x2D) > 5000);
    }
    // A finger drags the body up to the fixes: the screen scrolls (the back button stays).
    Played scrolled = play("outcomes-landscape-fixes", config,
                           to_admin_outcomes() + "drag 960 950 960 150 900\nwait 1500\n", "1920x1080");
    INFO(scrolled.run.err);
    CHECK(scrolled.run.exit_code == 0);
    CHECK(scrolled.ui["screen"] == "admin-outcomes");
    REQUIRE(fs::exists(scrolled.shot));
    // The screen's numbers are the report's: each topic row drawn (from --dump-ui) holds the very
    // numbers `helpstation report` prints for that topic, cell by cell.
    json j = json::parse(report({"--db", db, "--format", "json"}));
    CHECK(j["sessions"] == x.sessions);
    CHECK(j["top_topics_this_week"][0]["sessions"] == j["topics"][0]["sessions"]);
    Played shown = play("outcomes-rows", config, to_admin_outcomes(), "1920x1080");
    REQUIRE(shown.ui["outcome_rows"].is_array());
    int matched = 0;
    for (const json &t : j["topics"]) {
        std::vector<std::string> numbers;
        for (const char *k : {"sessions", "fixed", "not_fixed", "ask_team", "abandoned", "no_fix_tried"})
            numbers.push_back(std::to_string(t[k].get<long long>()));
        for (const json &row : shown.ui["outcome_rows"]) {
            if (row.size() != 7) continue;
            std::vector<std::string> cells = row.get<std::vector<std::string>>();
            if (std::vector<std::string>(cells.begin() + 1, cells.end()) == numbers) ++matched;
        }
    }
    INFO(shown.ui["outcome_rows"].dump());
    CHECK(matched >= 1);
    CHECK(matched == static_cast<int>(j["top_topics_this_week"].size()));
}
