// The probe: the fault suite (tests/plugins/faults.c and friends) through the real
// helpstation-probe, each fault named with its reason while the good plugins next to them load.
#include "core/catalog.hpp"
#include "core/probe.hpp"
#include "core/probe_protocol.hpp"
#include "support/test_paths.hpp"

#include "core/extraction.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include <csignal>
#include <map>
#include <string>

namespace {

// What the kiosk would make of a probe's answer.
hs::Topic extracted(const hs::ProbeVerdict &v, const std::string &file) {
    hs::PictureFile f;
    f.path = file;
    f.file_size = std::filesystem::file_size(file);
    hs::CopyResult r = hs::decode_extraction(v.topic_data, f);
    INFO((r.problems.empty() ? "" : r.problems[0]));
    REQUIRE(r.topic);
    return *r.topic;
}

std::string fault(const std::string &name) { return std::string(test_paths::fault_plugins) + "/" + name + ".so"; }

// Long enough that a good plugin never times out on a loaded machine; the one hanging plugin
// costs it once, in the folder test.
constexpr int kTimeoutMs = 1000;

hs::ProbeSetup setup() {
    hs::ProbeSetup s{test_paths::probe, nullptr, {}};
    s.options.timeout_ms = kTimeoutMs;
    return s;
}

} // namespace

TEST_CASE("Every fault is quarantined or refused with its reason, and the good plugins beside them load", "[probe]") {
    struct Case {
        const char *file;
        hs::RejectionKind kind;
        const char *reason;
    };
    using K = hs::RejectionKind;
    const Case cases[] = {
        {"segfault", K::quarantined, "killed by SIGSEGV during entry (NULL pointer access)"},
        {"constructor-crash", K::quarantined, "killed by SIGSEGV during dlopen"},
        {"abort", K::quarantined, "killed by SIGABRT during entry"},
        {"exit", K::quarantined, "exited with status 0 before answering (during entry)"},
        {"hang", K::quarantined, "no answer in 1 s (stuck during entry)"},
        {"recursion", K::quarantined, "killed by SIGSEGV during entry (stack overflow)"},
        {"huge-alloc", K::quarantined, "killed by SIGSEGV during entry"}, // malloc failed under RLIMIT_AS
        {"thread", K::refused, "plugin: 1 thread(s) still running when the library was to be closed"},
        {"returns-null", K::refused, "helpstation_plugin_entry() returned NULL"},
        {"wrong-abi", K::refused, "abi_version: plugin ABI 2 is not supported"},
        {"short-struct", K::refused, "struct_size: "},
        {"no-entry", K::refused, "no helpstation_plugin_entry() symbol"},
        {"not-elf", K::refused, "not a shared library (not an ELF file)"},
        {"empty", K::refused, "not a shared library (not an ELF file)"},
        {"bad-utf8", K::refused, "summary: invalid UTF-8"},
        {"no-picture-bytes", K::refused, "images[0] 'empty': no picture bytes"},
        {"corrupt-picture", K::refused, "images[1] 'corrupt': cannot be decoded as a PNG or JPEG picture"},
        {"truncated-picture", K::refused, "images[1] 'truncated': pixels cannot be decoded"},
        {"huge-picture", K::refused, "images[1] 'huge': 20000x20000 pixels is larger than the limit"},
    };

    hs::Catalog c = hs::load_catalog({test_paths::fault_plugins}, setup());

    REQUIRE(c.topics.size() == 2);
    CHECK(c.find("test-topic"));
    CHECK(c.find("raw-topic"));
    CHECK(c.checks.probed == 23); // every file, the good ones too: nothing is loaded unprobed
    // The good topic's twins (same version, older) lose to it and are listed as shadowed.
    CHECK(c.shadowed.size() == 2);
    std::map<std::string, const hs::Rejection *> rejected;
    for (const hs::Rejection &r : c.rejected) rejected[r.plugin] = &r;
    CHECK(c.rejected.size() == std::size(cases));
    for (const Case &x : cases) {
        INFO(x.file);
        const hs::Rejection *r = rejected[fault(x.file)];
        REQUIRE(r);
        CHECK(hs::kind_name(r->kind) == std::string(hs::kind_name(x.kind)));
        CHECK_THAT(r->reason, Catch::Contains(x.reason));
    }
}

TEST_CASE("A passing probe answers with the whole topic as data", "[probe]") {
    hs::ProbeVerdict v = hs::probe_plugin(test_paths::probe, fault("good"));
    INFO(v.reason);
    REQUIRE(v.passed());
    hs::Topic t = extracted(v, fault("good"));
    CHECK(t.id == "test-topic");
    CHECK(t.version == "1.2.3");
    CHECK(t.title == "The test topic");
    CHECK(t.step_count() == 6);
    REQUIRE(t.images.size() == 1);
    REQUIRE(t.images[0].file); // left in the plugin file: the kiosk reads it from there
    CHECK(t.images[0].width == 300);
    CHECK(v.phase == "pictures"); // it got all the way
}

TEST_CASE("A refused verdict keeps each problem on its own", "[probe]") {
    hs::ProbeVerdict v = hs::probe_plugin(test_paths::probe, fault("truncated-picture"));
    REQUIRE(v.outcome == hs::ProbeVerdict::Outcome::refused);
    REQUIRE(v.problems.size() == 1);
    CHECK_THAT(v.problems[0], Catch::StartsWith("images[1] 'truncated': pixels cannot be decoded ("));
    CHECK(v.reason == v.problems[0]);
    CHECK(v.phase == "pictures");
}

TEST_CASE("Many probes run side by side and come back in the order asked", "[probe]") {
    std::vector<std::string> files;
    for (int i = 0; i < 6; ++i)
        for (const char *f : {"good", "abort", "raw-good", "not-elf", "exit"}) files.push_back(fault(f));
    hs::ProbeOptions options;
    options.timeout_ms = kTimeoutMs * 5;
    options.max_parallel = 3;
    std::vector<hs::ProbeVerdict> v = hs::probe_plugins(test_paths::probe, files, options);
    REQUIRE(v.size() == files.size());
    using O = hs::ProbeVerdict::Outcome;
    for (size_t i = 0; i < v.size(); i += 5) {
        CHECK(v[i].outcome == O::passed);
        CHECK(extracted(v[i], files[i]).id == "test-topic");
        CHECK_THAT(v[i + 1].reason, Catch::Contains("SIGABRT"));
        CHECK(extracted(v[i + 2], files[i + 2]).id == "raw-topic");
        CHECK(v[i + 3].outcome == O::refused);
        CHECK_THAT(v[i + 4].reason, Catch::Contains("exited with status 0"));
    }
}

TEST_CASE("Decoding pictures has its own time limit, apart from the plugin's code", "[probe]") {
    hs::ProbeOptions options;
    options.timeout_ms = 5000;
    options.decode_timeout_ms = 1; // no real topic decodes in 1 ms
    std::string bundled = std::string(test_paths::bundled_plugins) + "/imessage-facetime-activation.so";
    hs::ProbeVerdict v = hs::probe_plugin(test_paths::probe, bundled, options);
    CHECK(v.outcome == hs::ProbeVerdict::Outcome::quarantined);
    CHECK(v.reason == "no answer in 0.001 s (stuck while decoding pictures)");
}

TEST_CASE("Without a probe to run, plugins stay out and say why", "[probe]") {
    hs::ProbeSetup s = setup();
    s.probe_exe = "/nonexistent/helpstation-probe";
    hs::Catalog c = hs::load_catalog({test_paths::good_plugins}, s);
    CHECK(c.topics.empty());
    REQUIRE(c.rejected.size() == 1);
    CHECK(c.rejected[0].kind == hs::RejectionKind::unchecked);
    CHECK_THAT(c.rejected[0].reason, Catch::Contains("could not be checked: cannot start /nonexistent/helpstation-probe"));
}

TEST_CASE("The probe's own lines are read back", "[probe][protocol]") {
    SECTION("phases, a fault, no answer") {
        hs::ProbeTranscript t = hs::read_transcript("phase dlopen\nphase entry\nfault stack overflow\n");
        CHECK(t.phase == "entry");
        CHECK(t.fault == "stack overflow");
        CHECK_FALSE(t.answer);
        CHECK_FALSE(t.garbled);
    }
    SECTION("an answer round-trips") {
        hs::ProbeAnswer a;
        a.problems = {"title: missing or empty (required)", "why: \"quoted\"\nand a newline"};
        hs::ProbeTranscript t = hs::read_transcript(hs::phase_line("validate") + hs::answer_line(a));
        REQUIRE(t.answer);
        CHECK_FALSE(t.answer->ok);
        CHECK(t.answer->problems == a.problems);
    }
    SECTION("an answer that is not one") {
        CHECK(hs::read_transcript("{\"ok\":\"yes\"}\n").garbled);
        CHECK(hs::read_transcript("topic 99\nshort").garbled); // a topic block cut short
        CHECK(hs::read_transcript("{\"ok\":false,\"problems\":[]}\n").garbled);
        CHECK(hs::read_transcript("{not json\n").garbled);
    }
    CHECK(hs::describe_phase("") == "before loading the plugin");
    CHECK(hs::describe_phase("pictures") == "while decoding pictures");
    CHECK(hs::signal_name(SIGSEGV) == "SIGSEGV");
    CHECK(hs::signal_name(SIGKILL) == "SIGKILL");
}
