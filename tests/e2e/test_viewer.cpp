// End to end: the real helpstation binary, the real plugins, a real X display (Xvfb).
#include "support/display.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

namespace {

const std::string kTopic = "imessage-facetime-activation";

std::string shot_path(const std::string &name) {
    std::filesystem::create_directories(test_paths::output);
    return std::string(test_paths::output) + "/" + name + ".png";
}

// Renders `route` at `size` and returns the picture; fails the test when the viewer fails.
e2e::Picture render(const std::string &route, const std::string &size, const std::string &name,
                    std::vector<std::string> extra = {}) {
    std::string path = shot_path(name);
    std::filesystem::remove(path);
    std::vector<std::string> args = {"--windowed", size, "--open", route, "--screenshot", path};
    args.insert(args.end(), extra.begin(), extra.end());
    e2e::Run run = e2e::run_viewer(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    e2e::Picture p = e2e::load_png(path);
    REQUIRE(p.ok());
    return p;
}

} // namespace

TEST_CASE("The viewer lists the bundled topic as JSON without a display", "[e2e]") {
    e2e::Run run = e2e::run_viewer({"--list-topics", "--json"}, false);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    nlohmann::json doc = nlohmann::json::parse(run.out); // exactly one JSON object on stdout
    REQUIRE(doc["topics"].size() >= 1);
    auto t = std::find_if(doc["topics"].begin(), doc["topics"].end(),
                          [](const nlohmann::json &j) { return j["id"] == kTopic; });
    REQUIRE(t != doc["topics"].end());
    CHECK((*t)["fixes"] == 5);
    CHECK((*t)["faq"] >= 4);
    CHECK((*t)["images"] >= 6);
    CHECK(doc["rejected"].empty());
}

TEST_CASE("The viewer names each broken plugin and keeps the good one", "[e2e]") {
    e2e::Run run = e2e::run_viewer({"--list-topics", "--json", "--plugins", test_paths::mixed_plugins}, false);
    INFO(run.err);
    REQUIRE(run.exit_code == 0); // rejected plugins are not an error of the viewer
    nlohmann::json doc = nlohmann::json::parse(run.out);
    CHECK(doc["topics"].size() == 2);
    REQUIRE(doc["rejected"].size() == 7);
    std::map<std::string, std::string> reasons; // file name -> reason
    for (const nlohmann::json &r : doc["rejected"])
        reasons[std::filesystem::path(r["plugin"].get<std::string>()).filename().string()] = r["reason"];
    CHECK_THAT(reasons["not-elf.so"], Catch::Contains("not an ELF file"));
    CHECK_THAT(reasons["no-entry.so"], Catch::Contains("no helpstation_plugin_entry() symbol"));
    CHECK_THAT(reasons["wrong-abi.so"], Catch::Contains("plugin ABI 2 is not supported"));
    CHECK_THAT(reasons["empty-title.so"], Catch::Contains("title: missing or empty"));
    CHECK_THAT(reasons["corrupt-picture.so"], Catch::Contains("'corrupt': cannot be decoded"));
    CHECK_THAT(reasons["bad-utf8.so"], Catch::Contains("summary: invalid UTF-8"));
    CHECK_THAT(reasons["missing-picture.so"], Catch::Contains("no picture named 'nowhere'"));
    // Two plugins of one topic id: the higher version is shown, the other listed as shadowed.
    REQUIRE(doc["shadowed"].size() == 1);
    CHECK_THAT(doc["shadowed"][0]["plugin"].get<std::string>(), Catch::EndsWith("twin-a.so"));
    CHECK_THAT(doc["shadowed"][0]["reason"].get<std::string>(), Catch::Contains("twin-b.so (version 2.0.0 is higher"));
    bool twin_b_shown = false;
    for (const nlohmann::json &t : doc["topics"]) twin_b_shown |= t["title"] == "Twin B";
    CHECK(twin_b_shown);
}

TEST_CASE("Every step of the seed topic renders to a real picture, landscape and portrait", "[e2e][screens]") {
    struct Orientation {
        const char *name, *size;
        int w, h;
    };
    const size_t steps[] = {6, 5, 4, 11, 6};
    for (Orientation o : {Orientation{"landscape", "1920x1080", 1920, 1080}, Orientation{"portrait", "1080x1920", 1080, 1920}}) {
        e2e::Picture previous;
        for (size_t fix = 1; fix <= 5; ++fix) {
            for (size_t step = 1; step <= steps[fix - 1]; ++step) {
                std::string route = kTopic + "/fix/" + std::to_string(fix) + "/step/" + std::to_string(step);
                INFO(o.name << " " << route);
                e2e::Picture p = render(route, o.size,
                                        std::string(o.name) + "-fix" + std::to_string(fix) + "-step" + std::to_string(step));
                CHECK(p.width == o.w);
                CHECK(p.height == o.h);
                CHECK(e2e::colour_count(p) > 50); // text, a picture, buttons: not a blank screen
                // Every step of this topic that has a picture shows it, not the placeholder.
                CHECK(e2e::count_colour(p, 0xE1, 0xE5, 0xEB) < 1000);
                // Neighbouring steps may share a picture: their text still differs.
                if (previous.ok()) CHECK(e2e::difference(p, previous) > 0.002);
                previous = std::move(p);
            }
        }
    }
}

TEST_CASE("Each screen kind renders", "[e2e][screens]") {
    e2e::Picture home = render("home", "1920x1080", "home");
    e2e::Picture topic = render(kTopic, "1920x1080", "topic");
    e2e::Picture faq = render(kTopic + "/faq/1", "1920x1080", "faq-open");
    e2e::Picture fixed = render(kTopic + "/fix/1/success", "1920x1080", "success");
    e2e::Picture ask = render(kTopic + "/ask-team", "1920x1080", "ask-team");
    for (const e2e::Picture *p : {&home, &topic, &faq, &fixed, &ask}) CHECK(e2e::colour_count(*p) > 20);
    CHECK(e2e::difference(home, topic) > 0.02);
    CHECK(e2e::difference(topic, faq) > 0.02);
    CHECK(e2e::difference(fixed, ask) > 0.01);
}

TEST_CASE("An invalid route falls back to home and says why", "[e2e][routes]") {
    e2e::Picture home = render("home", "1920x1080", "route-home");
    std::string path = shot_path("route-invalid");
    e2e::Run run = e2e::run_viewer({"--windowed", "1920x1080", "--open", kTopic + "/fix/9", "--screenshot", path});
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.err, Catch::Contains("fix '9' does not exist") && Catch::Contains("showing home instead"));
    CHECK(e2e::difference(e2e::load_png(path), home) == 0.0);
}

TEST_CASE("A picture wider than the GPU takes is scaled down and shown, not refused", "[e2e]") {
    // too-wide.png is valid and passes the probe, but at 32769 pixels it is wider than any GPU's
    // largest texture: the viewer scales it down when it first shows it.
    std::string path = shot_path("scaled-down");
    e2e::Run run = e2e::run_viewer({"--windowed", "1920x1080", "--open", "too-wide-picture/fix/1/step/1", "--screenshot",
                                    path, "--plugins", test_paths::placeholder_plugins});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.err, Catch::Contains("too-wide-picture.so: picture 'too-wide' scaled down from 32769x1 to 2560x1"));
    e2e::Picture shown = e2e::load_png(path);
    REQUIRE(shown.ok());
    // No placeholder panel (theme colour E1E5EB, tests/ui/test_placeholder.cpp draws one).
    CHECK(e2e::count_colour(shown, 0xE1, 0xE5, 0xEB) < 1000);
}

TEST_CASE("A picture whose pixels are cut off is refused by the probe before the kiosk sees it", "[e2e][probe]") {
    // Its header is fine, so loading alone would accept it (tests/ui/test_placeholder.cpp shows
    // what the viewer does with it then); the probe decodes every picture and refuses it.
    e2e::Run run = e2e::run_viewer({"--list-topics", "--json", "--plugins", test_paths::placeholder_plugins}, false);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    nlohmann::json doc = nlohmann::json::parse(run.out);
    REQUIRE(doc["topics"].size() == 1);
    CHECK(doc["topics"][0]["id"] == "too-wide-picture");
    REQUIRE(doc["rejected"].size() == 1);
    CHECK(doc["rejected"][0]["kind"] == "refused");
    CHECK_THAT(doc["rejected"][0]["reason"].get<std::string>(),
               Catch::Contains("images[1] 'truncated': pixels cannot be decoded"));
}

TEST_CASE("Bad command lines are refused with a message", "[e2e]") {
    e2e::Run run = e2e::run_viewer({"--windowed", "big"}, false);
    CHECK(run.exit_code != 0);
    CHECK_THAT(run.err, Catch::Contains("--windowed"));
}

TEST_CASE("With no topics at all the kiosk still comes up and says help is being set up", "[e2e]") {
    std::string path = shot_path("no-topics");
    e2e::Run run = e2e::run_viewer({"--windowed", "1920x1080", "--plugins", "/nonexistent/helpstation-topics",
                                    "--screenshot", path});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.err, Catch::Contains("/nonexistent/helpstation-topics: plugin folder does not exist"));
    e2e::Picture empty = e2e::load_png(path);
    REQUIRE(empty.ok());
    CHECK(e2e::colour_count(empty) > 10);
    CHECK(e2e::difference(empty, render("home", "1920x1080", "home-for-no-topics")) > 0.01);
}

TEST_CASE("The viewer survives every fault in a folder and lists the good topics beside them", "[e2e][probe]") {
    // The real viewer, the default 2 s time limit: the hanging plugin costs that once.
    e2e::Run run = e2e::run_viewer({"--list-topics", "--json", "--plugins", test_paths::fault_plugins}, false);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    nlohmann::json doc = nlohmann::json::parse(run.out);
    REQUIRE(doc["topics"].size() == 2);
    CHECK(doc["topics"][0]["id"] == "test-topic"); // "Testing": the raw C topic's title sorts after
    CHECK(doc["topics"][1]["id"] == "raw-topic");
    std::map<std::string, std::pair<std::string, std::string>> rejected; // file name -> kind, reason
    for (const nlohmann::json &r : doc["rejected"])
        rejected[std::filesystem::path(r["plugin"].get<std::string>()).filename().string()] = {r["kind"], r["reason"]};
    CHECK(rejected.size() == 19);
    // The twins of the good topic, one of the same version and one older: shadowed, not loaded.
    std::map<std::string, std::string> shadowed;
    for (const nlohmann::json &r : doc["shadowed"])
        shadowed[std::filesystem::path(r["plugin"].get<std::string>()).filename().string()] = r["reason"];
    CHECK(shadowed.size() == 2);
    CHECK_THAT(shadowed["twin-of-good.so"], Catch::Contains("same version 1.2.3"));
    CHECK_THAT(shadowed["older-twin-of-good.so"], Catch::Contains("is higher than 0.9.0"));
    for (const char *f : {"segfault", "constructor-crash", "abort", "exit", "hang", "recursion", "huge-alloc"}) {
        INFO(f);
        CHECK(rejected[std::string(f) + ".so"].first == "quarantined");
    }
    for (const char *f : {"thread", "returns-null", "wrong-abi", "short-struct", "no-entry", "not-elf", "empty", "bad-utf8",
                          "no-picture-bytes", "corrupt-picture", "truncated-picture", "huge-picture"}) {
        INFO(f);
        CHECK(rejected[std::string(f) + ".so"].first == "refused");
    }
    CHECK_THAT(rejected["segfault.so"].second, Catch::Contains("killed by SIGSEGV during entry"));
    CHECK_THAT(rejected["abort.so"].second, Catch::Contains("killed by SIGABRT during entry"));
    CHECK_THAT(rejected["exit.so"].second, Catch::Contains("exited with status 0 before answering"));
    CHECK_THAT(rejected["hang.so"].second, Catch::Contains("no answer in 2 s"));
    CHECK_THAT(rejected["recursion.so"].second, Catch::Contains("(stack overflow)"));
    CHECK_THAT(rejected["truncated-picture.so"].second, Catch::Contains("pixels cannot be decoded"));
    CHECK_THAT(rejected["huge-picture.so"].second, Catch::Contains("20000x20000 pixels is larger than the limit"));
}

TEST_CASE("Validating passes a good plugin and names every problem of a bad one", "[e2e][probe]") {
    auto validate = [](const char *file) {
        return e2e::run_viewer({"--validate", std::string(test_paths::fault_plugins) + "/" + file}, false);
    };
    e2e::Run good = validate("good.so");
    INFO(good.out << good.err);
    CHECK(good.exit_code == 0);
    CHECK_THAT(good.out, Catch::Contains("good.so: passed: test-topic 1.2.3 \"The test topic\" (3 fixes, 6 steps"));

    e2e::Run bad = validate("truncated-picture.so");
    INFO(bad.out << bad.err);
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.out, Catch::Contains("truncated-picture.so: refused (probe): images[1] 'truncated': pixels cannot be decoded") &&
                            Catch::Contains("truncated-picture.so: refused (1 problem(s))"));

    e2e::Run crash = validate("abort.so");
    INFO(crash.out << crash.err);
    CHECK(crash.exit_code == 1);
    CHECK_THAT(crash.out, Catch::Contains("abort.so: quarantined (probe): killed by SIGABRT during entry"));
}
