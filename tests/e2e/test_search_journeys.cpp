// Search journeys end to end: the real helpstation binary on the private Xvfb, typing on the
// on-screen keyboard (press key:X) or a physical one (type TEXT), checked through --dump-ui (the
// query, the results, the route a result opens) and --search --json; plus the touch target rules
// on the search screen in both orientations and at 200 % text.
//
// Each run writes its files to test_paths::output as search-NAME.{replay,json,png,toml}.
#include "support/display.hpp"
#include "support/script_journey.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string out_path(const std::string &name) {
    fs::create_directories(test_paths::output);
    return std::string(test_paths::output) + "/search-" + name;
}

using Journey = e2e::ScriptJourney;

// Runs the kiosk at `size` from `open` with `script` as its --replay; the last --dump-ui is kept.
Journey play(const std::string &name, const std::string &script, const std::string &open = "home",
             const std::string &size = "1920x1080", std::vector<std::string> extra = {},
             const std::string &config_text = "", const std::string &plugins = test_paths::bundled_plugins) {
    Journey j;
    j.script = script;
    std::string replay = out_path(name + ".replay"), dump = out_path(name + ".json"),
                config = out_path(name + ".toml"), shot = out_path(name + ".png");
    fs::remove(dump);
    std::ofstream(config, std::ios::trunc) << config_text; // never the config of the machine running the tests
    std::ofstream(replay, std::ios::trunc) << script;
    std::vector<std::string> args = {"--windowed", size, "--open", open, "--plugins", plugins,
                                     "--config", config, "--dump-ui", dump, "--replay", replay, "--screenshot", shot};
    args.insert(args.end(), extra.begin(), extra.end());
    j.run = e2e::run_viewer(args);
    std::ifstream in(dump);
    std::stringstream text;
    text << in.rdbuf();
    if (!text.str().empty()) j.ui = json::parse(text.str(), nullptr, false);
    return j;
}

// Presses of the on-screen keyboard's keys for `text` (letters and spaces).
std::string keys(const std::string &text) {
    std::string s;
    for (char c : text) s += c == ' ' ? "press key:space\n" : std::string("press key:") + c + "\n";
    return s;
}

bool has_target(const json &ui, const std::string &label) {
    for (const json &t : ui["targets"])
        if (t["label"] == label) return true;
    return false;
}

std::vector<std::string> result_topics(const json &ui) {
    std::vector<std::string> ids;
    for (const json &r : ui["search"]["results"]) ids.push_back(r["topic"]);
    return ids;
}

// Every target at least 64 x 64 px, and 8 px from every other (scrolled-off rows left out).
void check_targets(const Journey &j) {
    INFO(j.describe());
    REQUIRE(j.ui.is_object());
    std::vector<json> seen;
    for (const json &t : j.ui["targets"])
        if (!t["clipped"].get<bool>()) seen.push_back(t);
    REQUIRE(seen.size() >= 30); // 26 letters, space, backspace, clear, the bar
    for (const json &t : seen) {
        INFO(t.dump());
        CHECK(t["w"].get<double>() >= 64 - 0.01);
        CHECK(t["h"].get<double>() >= 64 - 0.01);
    }
    for (size_t a = 0; a < seen.size(); ++a)
        for (size_t b = a + 1; b < seen.size(); ++b) {
            const json &p = seen[a], &q = seen[b];
            double px = p["x"], py = p["y"], pw = p["w"], ph = p["h"];
            double qx = q["x"], qy = q["y"], qw = q["w"], qh = q["h"];
            double gap = std::max(std::max(qx - (px + pw), px - (qx + qw)), std::max(qy - (py + ph), py - (qy + qh)));
            INFO(p.dump() << " and " << q.dump() << ": " << gap << " px apart");
            CHECK(gap >= 8 - 0.01);
        }
}

} // namespace

TEST_CASE("search journey: typed on the on-screen keyboard, a result opens its topic there", "[e2e][search]") {
    // From home: the search entry, then "green bubles" (a typo) on the keys, then the first result.
    Journey typed = play("keyboard-results", "press search\n" + keys("green bubles"));
    {
        INFO(typed.describe());
        REQUIRE(typed.run.exit_code == 0);
        REQUIRE(typed.ui.is_object());
        CHECK(typed.ui["screen"] == "search");
        CHECK(typed.ui["route"] == "search");
        CHECK(typed.ui["search"]["query"] == "green bubles");
        std::vector<std::string> ids = result_topics(typed.ui);
        REQUIRE_FALSE(ids.empty());
        CHECK(ids.front() == "imessage-facetime-activation");
        CHECK(has_target(typed.ui, "result:1"));
    }
    // Backspace and clear on the keys.
    Journey edited = play("keyboard-edit", "press search\n" + keys("voicemx") + "press key:backspace\n");
    {
        INFO(edited.describe());
        REQUIRE(edited.ui.is_object());
        CHECK(edited.ui["search"]["query"] == "voicem");
        REQUIRE_FALSE(result_topics(edited.ui).empty());
        CHECK(result_topics(edited.ui).front() == "voicemail");
    }
    Journey cleared = play("keyboard-clear", "press search\n" + keys("rcs") + "press key:clear\n");
    {
        INFO(cleared.describe());
        REQUIRE(cleared.ui.is_object());
        CHECK(cleared.ui["search"]["query"] == "");
        CHECK(cleared.ui["search"]["results"].empty());
    }
    // A step found by its words opens at that step.
    Journey opened = play("open-step", "press search\n" + keys("touch and hold") + "press result:1\n");
    {
        INFO(opened.describe());
        REQUIRE(opened.ui.is_object());
        CHECK(opened.ui["screen"] == "step");
        CHECK(opened.ui["route"] == "voicemail/fix/2/step/1");
        CHECK(opened.ui["search"]["query"] == "touch and hold"); // kept for the visit: Back, Search...
    }
    // Back from search goes home.
    Journey back = play("back-home", "press search\n" + keys("esim") + "press back\n");
    INFO(back.describe());
    REQUIRE(back.ui.is_object());
    CHECK(back.ui["screen"] == "home");
}

TEST_CASE("search journey: a physical keyboard types too, and an FAQ result opens that entry", "[e2e][search]") {
    // Typing on home opens search at once; keys never leave the kiosk (lockdown is on by default).
    Journey j = play("physical-faq", "type does rcs cost extra\nkey alt+f4\nkey ctrl+q\nkey escape\npress result:1\n");
    INFO(j.describe());
    REQUIRE(j.run.exit_code == 0);
    REQUIRE(j.ui.is_object());
    CHECK(j.ui["screen"] == "faq");
    CHECK(j.ui["route"] == "rcs-android/faq/3");
    CHECK(j.ui["faq"] == 3);
    CHECK(j.ui["search"]["query"] == "does rcs cost extra");

    Journey backspace = play("physical-backspace", "type wifi callingg\nkey backspace\n", "search");
    INFO(backspace.describe());
    REQUIRE(backspace.ui.is_object());
    CHECK(backspace.ui["search"]["query"] == "wifi calling");
    CHECK(result_topics(backspace.ui).front() == "wifi-calling");
}

TEST_CASE("search journey: nothing found offers the most-used topics and a team member", "[e2e][search]") {
    // Analytics off: no usage is known, so the most-used topics are the catalog's first ones.
    Journey j = play("nothing-found", "type pizza delivery\n", "search", "1920x1080", {}, "[analytics]\nenabled = false\n");
    {
        INFO(j.describe());
        REQUIRE(j.ui.is_object());
        CHECK(j.ui["search"]["nothing_found"] == true);
        CHECK(j.ui["search"]["results"].empty());
        CHECK(has_target(j.ui, "ask-team"));
        CHECK(has_target(j.ui, "popular:" + j.ui["topics"][0]["id"].get<std::string>()));
    }
    Journey ask = play("ask-team", "type pizza delivery\npress ask-team\n", "search");
    {
        INFO(ask.describe());
        REQUIRE(ask.ui.is_object());
        CHECK(ask.ui["screen"] == "ask-team");
        CHECK(ask.ui["route"] == "ask-team");
        CHECK(ask.ui["topic"].is_null());
    }
    Journey again = play("ask-team-back", "type pizza delivery\npress ask-team\npress back\n", "search");
    INFO(again.describe());
    REQUIRE(again.ui.is_object());
    CHECK(again.ui["screen"] == "search");
    CHECK(again.ui["search"]["query"] == "pizza delivery");
}

TEST_CASE("search journey: with no topics at all, search still offers a team member", "[e2e][search]") {
    // Every plugin removed while the kiosk runs: the search screen has nothing to offer but a person.
    std::string empty = out_path("no-topics-plugins");
    fs::remove_all(empty);
    fs::create_directories(empty);
    fs::permissions(empty, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec);
    Journey j = play("no-topics", "type pizza delivery\n", "search", "1080x1920", {}, "", empty);
    INFO(j.describe());
    REQUIRE(j.ui.is_object());
    CHECK(j.ui["topics"].empty());
    CHECK(j.ui["search"]["nothing_found"] == true);
    CHECK(has_target(j.ui, "ask-team"));
    for (const json &t : j.ui["targets"]) CHECK(t["label"].get<std::string>().rfind("popular:", 0) != 0);
}

TEST_CASE("search journey: nothing found offers the topics most opened this week first", "[e2e][search][analytics]") {
    // A week in which customers opened the catalog's second topic: it comes first, before the
    // catalog's first topic.
    std::string db = out_path("usage.db");
    for (const char *suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
    std::string config = "[analytics]\npath = \"" + db + "\"\n";
    Journey first = play("usage-home", "", "home", "1920x1080", {}, config);
    INFO(first.describe());
    REQUIRE(first.ui.is_object());
    std::string opened = first.ui["topics"][1]["id"];
    REQUIRE(opened != first.ui["topics"][0]["id"].get<std::string>());
    for (int visit = 0; visit < 2; ++visit) {
        Journey open = play("usage-open", "press topic:" + opened + "\npress home\n", "home", "1920x1080", {}, config);
        INFO(open.describe());
        REQUIRE(open.run.exit_code == 0);
    }
    Journey none = play("usage-nothing-found", "type pizza delivery\n", "search", "1920x1080", {}, config);
    INFO(none.describe());
    REQUIRE(none.ui.is_object());
    REQUIRE(none.ui["search"]["nothing_found"] == true);
    std::string first_popular;
    for (const json &t : none.ui["targets"]) {
        std::string label = t["label"];
        if (label.rfind("popular:", 0) == 0) {
            first_popular = label;
            break;
        }
    }
    CHECK(first_popular == "popular:" + opened);
}

TEST_CASE("search journey: the idle reset forgets the query", "[e2e][search]") {
    Journey j = play("idle-reset", "type voicemail\nadvance 16\nadvance 21\ntap 960 540\npress search\n", "home",
                     "1920x1080", {"--idle-seconds", "15", "--warning-seconds", "20"});
    INFO(j.describe());
    REQUIRE(j.run.exit_code == 0);
    REQUIRE(j.ui.is_object());
    CHECK_THAT(j.run.err, Catch::Contains("session reset"));
    CHECK(j.ui["screen"] == "search");
    CHECK(j.ui["search"]["query"] == "");
    CHECK(j.ui["search"]["results"].empty());
}

TEST_CASE("search journey: keys and results keep the touch target rules", "[e2e][search][targets]") {
    for (const char *size : {"1920x1080", "1080x1920"}) {
        for (bool large : {false, true}) {
            std::string name = std::string(size) + (large ? "-200" : "-100");
            INFO(name);
            std::string script = (large ? "press text-size\npress text-size\n" : "") + std::string("type password\n");
            Journey results = play("targets-" + name, script, "search", size);
            CHECK(results.ui["search"]["results"].size() >= 2);
            check_targets(results);
            Journey none = play("targets-none-" + name, script + "type zzz\n", "search", size);
            CHECK(has_target(none.ui, "ask-team"));
            check_targets(none);
        }
    }
    Journey home = play("targets-home-portrait", "", "home", "1080x1920");
    REQUIRE(home.ui.is_object());
    bool found = false;
    for (const json &t : home.ui["targets"])
        if (t["label"] == "search") {
            found = true;
            // Portrait: the way into search is in the lower two thirds, in reach (ADA 308).
            CHECK(t["y"].get<double>() >= 1920.0 / 3 - 1);
        }
    CHECK(found);
}

TEST_CASE("search from the command line: --search QUERY --json ranks the topics", "[e2e][search]") {
    e2e::Run run = e2e::run_viewer({"--plugins", test_paths::bundled_plugins, "--search", "voicemial pasword", "--json"},
                                   false);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    json j = json::parse(run.out);
    CHECK(j["query"] == "voicemial pasword");
    REQUIRE_FALSE(j["results"].empty());
    const json &first = j["results"][0];
    CHECK(first["topic"] == "voicemail");
    CHECK(first["score"].get<double>() > 0);
    CHECK_FALSE(first["where"].get<std::string>().empty());
    CHECK(first["route"].get<std::string>().rfind("voicemail", 0) == 0);
    CHECK_FALSE(first["snippet"].get<std::string>().empty());

    e2e::Run none = e2e::run_viewer({"--plugins", test_paths::bundled_plugins, "--search", "pizza", "--json"}, false);
    REQUIRE(none.exit_code == 0);
    CHECK(json::parse(none.out)["results"].empty());
}
