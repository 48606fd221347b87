// --render-topic: every screen of a topic as PNGs, landscape and portrait, plus contact sheets.
#include "support/display.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

const std::string kTopic = "imessage-facetime-activation";

// The screens the topic should give: overview, every step, each FAQ entry open, success, ask-team.
size_t expected_screens(const std::string &id) {
    e2e::Run run = e2e::run_viewer({"--list-topics", "--json", "--plugins", test_paths::bundled_plugins}, false);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    nlohmann::json doc = nlohmann::json::parse(run.out);
    for (const nlohmann::json &t : doc["topics"])
        if (t["id"] == id) {
            size_t faq = t["faq"].get<size_t>(), fixes = t["fixes"].get<size_t>();
            return 1 + t["steps"].get<size_t>() + std::max<size_t>(faq, 1) + (fixes > 0 ? 1 : 0) + 1;
        }
    FAIL("topic " << id << " is not listed");
    return 0;
}

// The numbered screen shots of one orientation, in reading order (the contact sheet left out).
std::vector<fs::path> shots(const fs::path &dir, const std::string &orientation) {
    std::vector<fs::path> found;
    std::string prefix = kTopic + "-" + orientation + "-";
    for (const fs::directory_entry &e : fs::directory_iterator(dir)) {
        std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && name.find("contact-sheet") == std::string::npos && e.path().extension() == ".png")
            found.push_back(e.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace

TEST_CASE("render-topic writes every screen of a topic in both orientations and a contact sheet each", "[e2e][render]") {
    size_t expected = expected_screens(kTopic);
    CHECK(expected >= 1 + 32 + 1 + 2);
    fs::path out = fs::path(test_paths::output) / "render-topic";
    fs::remove_all(out);

    auto started = std::chrono::steady_clock::now();
    e2e::Run run = e2e::run_viewer(
        {"--render-topic", kTopic, "--out", out.string(), "--plugins", test_paths::bundled_plugins});
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    WARN("rendered " << 2 * expected << " screens in " << seconds << " s");

    struct Orientation {
        const char *name;
        int w, h;
    };
    for (Orientation o : {Orientation{"landscape", 1920, 1080}, Orientation{"portrait", 1080, 1920}}) {
        INFO(o.name);
        std::vector<fs::path> files = shots(out, o.name);
        REQUIRE(files.size() == expected);
        CHECK(files.front().filename().string() == kTopic + "-" + o.name + "-01-overview.png");
        CHECK(files[1].filename().string() == kTopic + "-" + o.name + "-02-fix1-step1.png");
        CHECK_THAT(files.back().filename().string(), Catch::EndsWith("-ask-team.png"));
        e2e::Picture previous;
        for (const fs::path &f : files) {
            INFO(f.filename().string());
            e2e::Picture p = e2e::load_png(f.string());
            REQUIRE(p.ok());
            CHECK(p.width == o.w);
            CHECK(p.height == o.h);
            CHECK(e2e::colour_count(p) > 20); // text and buttons: not a blank screen
            // Each screen differs from the one before (neighbouring steps may share a picture, not text).
            if (previous.ok()) CHECK(e2e::difference(p, previous) > 0.002);
            previous = std::move(p);
        }
        fs::path sheet = out / (kTopic + "-" + o.name + "-contact-sheet.png");
        INFO(sheet.string());
        e2e::Picture s = e2e::load_png(sheet.string());
        REQUIRE(s.ok());
        CHECK(s.width > o.w / 5 * 3); // several thumbnails a row
        CHECK(s.height > o.h / 5 * 2); // several rows
        CHECK(e2e::colour_count(s) > 20);
    }
}

TEST_CASE("render-topic with an unknown topic id says so and exits 2", "[e2e][render]") {
    fs::path out = fs::path(test_paths::output) / "render-topic-unknown";
    e2e::Run run = e2e::run_viewer(
        {"--render-topic", "no-such-topic", "--out", out.string(), "--plugins", test_paths::bundled_plugins}, false);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("no topic 'no-such-topic'"));
    CHECK_FALSE(fs::exists(out / "no-such-topic-landscape-01-overview.png"));
}
