// "Take it with you" end to end: the real viewer draws a topic's support URL as a QR code on the
// success and ask-team screens (and a fix's own URL over its steps), and a real decoder (zbarimg,
// from zbar-tools) reads exactly that URL back from the screenshot, in every orientation.
// The validator's side: a bad URL is refused with its field named, a step picture without an alt
// text is a --validate warning.
#include "support/display.hpp"
#include "support/test_paths.hpp"
#include "support/zbar.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

std::string out_path(const std::string &name) {
    fs::path dir = fs::path(test_paths::output) / "take-it-with-you";
    fs::create_directories(dir);
    return (dir / name).string();
}

std::string decode(const std::string &path) { return test_support::zbar_decode(path); }

// A folder holding only the test plugin `name` from the ABI folder (which also holds one that throws).
std::string alone(const std::string &name) {
    fs::path dir = fs::path(test_paths::output) / "take-it-with-you" / ("plugins-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(fs::path(test_paths::abi_plugins) / (name + ".so"), dir / (name + ".so"));
    return dir.string();
}

std::string screenshot(const std::string &name, const std::string &size, const std::string &route,
                       const std::string &plugins, const std::string &replay = "") {
    std::string shot = out_path(name + ".png");
    fs::remove(shot);
    std::vector<std::string> args = {"--windowed", size, "--open", route, "--plugins", plugins, "--screenshot", shot};
    if (!replay.empty()) {
        std::string script = out_path(name + ".replay");
        std::ofstream(script, std::ios::trunc) << replay;
        args.insert(args.end(), {"--replay", script});
    }
    e2e::Run run = e2e::run_viewer(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return shot;
}

const std::string kRcsUrl = "https://support.google.com/messages/answer/9487020";

} // namespace

TEST_CASE("take it with you: the success and ask-team screens' QR code reads back as the topic's URL",
          "[e2e][qr]") {
    struct Case {
        const char *name, *size, *route;
    } cases[] = {
        {"success-landscape", "1920x1080", "rcs-android/fix/2/success"},
        {"success-portrait", "1080x1920", "rcs-android/fix/2/success"},
        {"success-small", "1366x768", "rcs-android/fix/2/success"},
        {"ask-team-landscape", "1920x1080", "rcs-android/ask-team"},
        {"ask-team-portrait", "1080x1920", "rcs-android/ask-team"},
        {"ask-team-small", "1366x768", "rcs-android/ask-team"},
    };
    for (const Case &c : cases) {
        SECTION(c.name) {
            std::string shot = screenshot(c.name, c.size, c.route, test_paths::bundled_plugins);
            CHECK(decode(shot) == kRcsUrl + "\n");
        }
    }
}

TEST_CASE("take it with you: a URL that is not ASCII reads back as the same UTF-8", "[e2e][qr]") {
    std::string shot = screenshot("utf8-success", "1920x1080", "take-home-utf8/fix/1/success", alone("take-home-utf8"));
    CHECK(decode(shot) == "https://example.com/ayuda/configuraci\xC3\xB3n-m\xC3\xB3vil\n");
}

TEST_CASE("take it with you: a fix with its own URL offers its code on its steps", "[e2e][qr]") {
    std::string plugins = alone("take-home");
    // Fix 4 has its own page: its step has the button, and the code it opens is that page's.
    std::string shot = screenshot("fix-landscape", "1920x1080", "take-home/fix/4/step/1", plugins,
                                  "press take-it-with-you\nwait 300\n");
    CHECK(decode(shot) == "https://support.example.com/take-home/fix-4\n");
    std::string portrait = screenshot("fix-portrait", "1080x1920", "take-home/fix/4/step/1", plugins,
                                      "press take-it-with-you\nwait 300\n");
    CHECK(decode(portrait) == "https://support.example.com/take-home/fix-4\n");
    // Fix 1 has none: no button, and no code on the screen.
    std::string none = screenshot("fix-without-url", "1920x1080", "take-home/fix/1/step/1", plugins);
    CHECK(decode(none).empty());
}

TEST_CASE("validate: a support URL that is not a web address refuses the plugin, naming the field", "[e2e][qr][cli]") {
    e2e::Run run = e2e::run_viewer({"--validate", std::string(test_paths::abi_plugins) + "/bad-fix-url.so"}, false);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.out, Catch::Contains("fix_support_urls[3]: 'support.example.com/no-scheme' does not start with "
                                        "https:// (or http://)"));
}

TEST_CASE("validate: a step picture without an alt text is a warning, and the plugin passes", "[e2e][qr][cli]") {
    e2e::Run bare = e2e::run_viewer({"--validate", std::string(test_paths::good_plugins) + "/good-alone.so"}, false);
    CHECK(bare.exit_code == 0);
    CHECK_THAT(bare.out, Catch::Contains("good-alone.so: warning: fixes[0].steps[0].image 'square': the picture has no "
                                         "alt text"));
    e2e::Run described = e2e::run_viewer({"--validate", std::string(test_paths::abi_plugins) + "/take-home.so"}, false);
    CHECK(described.exit_code == 0);
    CHECK_THAT(described.out, !Catch::Contains("alt text"));
    // Every bundled topic describes its step pictures.
    for (const fs::directory_entry &e : fs::directory_iterator(test_paths::bundled_plugins)) {
        if (e.path().extension() != ".so") continue;
        e2e::Run r = e2e::run_viewer({"--validate", e.path().string()}, false);
        INFO(e.path());
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, !Catch::Contains("alt text"));
    }
}
