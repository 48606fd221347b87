// The visit's language end to end: the real helpstation binary on the private Xvfb, driven by
// --replay (the customer's way: the language button, then a language in the chooser) and checked
// through --dump-ui (the screen, the route, the language, and what the customer reads on it) and
// the screenshots; --lang for a whole run; --search in Spanish.
//
// Each run writes its files to test_paths::output as lang-NAME.{replay,json,png,toml}.
#include "support/display.hpp"
#include "support/script_journey.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kTopic = "imessage-facetime-activation";
const std::string kStep = kTopic + "/fix/1/step/2";

using Journey = e2e::ScriptJourney;

// Runs the kiosk from `open` with `script` as its --replay and the default languages (en, es,
// zh-CN; English first); the last --dump-ui is kept.
Journey play(const std::string &name, const std::string &script, const std::string &open,
             std::vector<std::string> extra = {}, const std::string &size = "1920x1080") {
    fs::create_directories(test_paths::output);
    std::string base = std::string(test_paths::output) + "/lang-" + name;
    Journey j;
    j.script = script;
    fs::remove(base + ".json");
    std::ofstream(base + ".toml", std::ios::trunc) << ""; // never the config of the machine running the tests
    std::ofstream(base + ".replay", std::ios::trunc) << script;
    std::vector<std::string> args = {"--windowed", size, "--open", open, "--plugins", test_paths::bundled_plugins,
                                     "--config", base + ".toml", "--dump-ui", base + ".json", "--replay",
                                     base + ".replay", "--screenshot", base + ".png"};
    args.insert(args.end(), extra.begin(), extra.end());
    j.run = e2e::run_viewer(args);
    std::ifstream in(base + ".json");
    std::stringstream text;
    text << in.rdbuf();
    if (!text.str().empty()) j.ui = json::parse(text.str(), nullptr, false);
    return j;
}

bool has_target(const json &ui, const std::string &label) {
    for (const json &t : ui["targets"])
        if (t["label"] == label) return true;
    return false;
}

} // namespace

TEST_CASE("language journey: switched on a step, the same step turns Spanish, and the idle reset brings back the default",
          "[e2e][language]") {
    e2e::use_fresh_xdg_folders();
    // What the step says in English, and in Spanish when the whole run is in Spanish (--lang).
    Journey english = play("step-en", "wait 100\n", kStep);
    Journey spanish = play("step-es", "wait 100\n", kStep, {"--lang", "es"});
    std::string en_text, es_text;
    {
        INFO(english.describe() << spanish.describe());
        REQUIRE(english.ui.is_object());
        REQUIRE(spanish.ui.is_object());
        CHECK(english.ui["language"] == "en");
        CHECK(spanish.ui["language"] == "es");
        en_text = english.ui["shown"]["step"];
        es_text = spanish.ui["shown"]["step"];
        CHECK(en_text != es_text);
        CHECK(spanish.ui["shown"]["title"] == "iMessage y FaceTime no se activan");
        CHECK(has_target(english.ui, "language"));
    }

    // The chooser: every offered language is a target, each by its locale.
    Journey chooser = play("chooser", "press language\n", kStep);
    {
        INFO(chooser.describe());
        REQUIRE(chooser.ui.is_object());
        CHECK(chooser.ui["screen"] == "languages");
        CHECK(chooser.ui["choosing_language"] == true);
        CHECK(chooser.ui["languages_offered"] == json::array({"en", "es", "zh-CN"}));
        for (const char *t : {"language:en", "language:es", "language:zh-CN", "language-close"}) {
            INFO(t);
            CHECK(has_target(chooser.ui, t));
        }
    }

    // Mid-visit: on the step, the language button and Español. Same step, same route, in Spanish.
    Journey switched = play("switched", "language es\nwait 100\n", kStep);
    {
        INFO(switched.describe());
        REQUIRE(switched.run.exit_code == 0);
        REQUIRE(switched.ui.is_object());
        CHECK(switched.ui["screen"] == "step");
        CHECK(switched.ui["route"] == kStep);
        CHECK(switched.ui["language"] == "es");
        CHECK(switched.ui["choosing_language"] == false);
        CHECK(switched.ui["shown"]["step"] == es_text);
        CHECK(switched.run.err.find("language: es") != std::string::npos);
    }
    // The picture: not the English one (the words changed), and not blank.
    e2e::Picture en_png = e2e::load_png(std::string(test_paths::output) + "/lang-step-en.png");
    e2e::Picture es_png = e2e::load_png(std::string(test_paths::output) + "/lang-switched.png");
    REQUIRE(en_png.ok());
    REQUIRE(es_png.ok());
    CHECK(e2e::difference(en_png, es_png) > 0.002);

    // Then nobody answers "Still there?": the attract screen, and the next visit in English.
    Journey reset = play("reset", "language es\nadvance 16\nadvance 21\nwait 200\npress start\nwait 100\n", kStep,
                         {"--idle-seconds", "15", "--warning-seconds", "20"});
    {
        INFO(reset.describe());
        REQUIRE(reset.ui.is_object());
        CHECK(reset.ui["screen"] == "home");
        CHECK(reset.ui["language"] == "en");
        CHECK(reset.run.err.find("language: es") != std::string::npos);
        CHECK(reset.run.err.find("session reset") != std::string::npos);
    }
}

TEST_CASE("language: a Spanish query finds the seed topic, from the command line and on the kiosk",
          "[e2e][language][search]") {
    e2e::use_fresh_xdg_folders();
    for (std::vector<std::string> lang : {std::vector<std::string>{}, std::vector<std::string>{"--lang", "es"}}) {
        std::vector<std::string> args = {"--plugins", test_paths::bundled_plugins, "--search", "no puedo activar imessage",
                                         "--json"};
        args.insert(args.end(), lang.begin(), lang.end());
        e2e::Run r = e2e::run_viewer(args, false);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        json j = json::parse(r.out);
        REQUIRE_FALSE(j["results"].empty());
        CHECK(j["results"][0]["topic"] == kTopic);
    }
    // A Spanish word only the translation has (no English word is near it), typed on the on-screen
    // keys with ñ on its own key.
    std::string script = "language es\npress search\n";
    for (char c : std::string("contrase")) script += std::string("press key:") + c + "\n";
    script += "press key:ñ\npress key:a\n";
    Journey typed = play("search-es", script, "home");
    {
        INFO(typed.describe());
        REQUIRE(typed.ui.is_object());
        CHECK(typed.ui["screen"] == "search");
        CHECK(typed.ui["language"] == "es");
        CHECK(typed.ui["search"]["query"] == "contraseña");
        // Both Spanish topics speak of the password ("contraseña"): the seed one is among them,
        // matched in its Spanish text (English has no such word).
        bool found = false;
        for (const json &r : typed.ui["search"]["results"])
            if (r["topic"] == kTopic) {
                found = true;
                CHECK(r["where"].get<std::string>().find("Cierra sesión") != std::string::npos);
            }
        CHECK(found);
        CHECK(has_target(typed.ui, "key:ñ"));
    }
    Journey english = play("search-en", "press search\n", "home");
    INFO(english.describe());
    REQUIRE(english.ui.is_object());
    CHECK_FALSE(has_target(english.ui, "key:ñ")); // English needs no ñ key
}
