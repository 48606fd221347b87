// Chinese on screen (issue 18, items 4 and 5): the real viewer shows the seed topic's step in
// Simplified Chinese (--lang zh-CN) with real glyphs from Noto Sans CJK, checked against the same
// render without the font, where ImGui draws its '?' for every missing character; and --search
// finds the topic from a Chinese query.
#include "support/display.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

const std::string kTopic = "imessage-facetime-activation";

struct Shot {
    e2e::Picture picture;
    std::string log;
};

// The step at `size` in `lang`; without the CJK font when `cjk_font` is false (its folder moved
// away through HELPSTATION_CJK_FONT_DIR).
Shot render(const std::string &route, const std::string &size, const std::string &lang, bool cjk_font,
            const std::string &name) {
    std::filesystem::create_directories(test_paths::output);
    std::string path = std::string(test_paths::output) + "/" + name + ".png";
    std::filesystem::remove(path);
    if (!cjk_font) setenv("HELPSTATION_CJK_FONT_DIR", "/nonexistent-fonts", 1);
    std::vector<std::string> args = {"--windowed", size, "--open", route, "--screenshot", path};
    if (!lang.empty()) args.insert(args.end(), {"--lang", lang});
    e2e::Run run = e2e::run_viewer(args);
    unsetenv("HELPSTATION_CJK_FONT_DIR");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    Shot s{e2e::load_png(path), run.err};
    REQUIRE(s.picture.ok());
    return s;
}

// Pixels of text ink, dark on the light theme, where the step's words are at 1920x1080: the
// fix's title, the intro and the instruction (left of the picture, under the progress line).
size_t ink(const e2e::Picture &p) {
    size_t n = 0;
    for (int y = 200; y < 700 && y < p.height; ++y)
        for (int x = 40; x < 1300 && x < p.width; ++x) {
            const unsigned char *px = &p.rgb[(static_cast<size_t>(y) * p.width + x) * 3];
            if (px[0] + px[1] + px[2] < 3 * 110) ++n;
        }
    return n;
}

} // namespace

TEST_CASE("A Chinese step is drawn with real glyphs, not ImGui's '?' for missing ones", "[e2e][cjk]") {
    const std::string route = kTopic + "/fix/1/step/1";
    Shot zh = render(route, "1920x1080", "zh-CN", true, "zh-step");
    Shot missing = render(route, "1920x1080", "zh-CN", false, "zh-step-no-cjk-font");
    Shot english = render(route, "1920x1080", "", true, "en-step");
    // The atlas took the catalog's Chinese; without the font the log says what to install.
    CHECK_THAT(zh.log, !Catch::Contains("Noto Sans CJK not found"));
    CHECK_THAT(missing.log, Catch::Contains("Noto Sans CJK not found") && Catch::Contains("install fonts-noto-cjk"));
    // The same screen in the same language, with and without the glyphs: the words differ...
    CHECK(e2e::difference(zh.picture, missing.picture) > 0.005);
    // ...and real Chinese characters, many strokes each, carry far more ink than a row of '?'.
    INFO("ink: with the font " << ink(zh.picture) << ", without " << ink(missing.picture) << ", English "
                               << ink(english.picture));
    CHECK(ink(zh.picture) > 1.6 * static_cast<double>(ink(missing.picture)));
    // Not the English screen either: the topic is shown translated.
    CHECK(e2e::difference(zh.picture, english.picture) > 0.005);
}

TEST_CASE("Searching with --lang zh-CN finds the seed topic from Chinese words", "[e2e][cjk][search]") {
    for (const std::string query : {"无法激活 iMessage", "信息 激活"}) {
        e2e::Run run = e2e::run_viewer({"--search", query, "--lang", "zh-CN", "--json"}, false);
        INFO(query << "\n" << run.err);
        REQUIRE(run.exit_code == 0);
        nlohmann::json doc = nlohmann::json::parse(run.out);
        REQUIRE_FALSE(doc["results"].empty());
        CHECK(doc["results"][0]["topic"] == kTopic);
        CHECK(doc["results"][0]["title"] == "iMessage 信息和 FaceTime 通话无法激活");
    }
    // In English the same words find nothing: the Chinese index is the language's own.
    e2e::Run en = e2e::run_viewer({"--search", "信息 激活", "--lang", "en", "--json"}, false);
    REQUIRE(en.exit_code == 0);
    CHECK(nlohmann::json::parse(en.out)["results"].empty());
    // A locale that is not one is refused.
    CHECK(e2e::run_viewer({"--search", "x", "--lang", "not a locale"}, false).exit_code == 2);
}
