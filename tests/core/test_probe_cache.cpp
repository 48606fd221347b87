// The probe cache: passes are remembered across restarts (a new ProbeCache on the same folder is a
// restart), any change to a file probes it again, and a broken cache only ever costs probes.
#include "core/catalog.hpp"
#include "core/picture_file.hpp"
#include "core/probe_cache.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace {

// A scratch folder with two good plugins and one refused one, and a cache folder beside it.
struct Scratch {
    fs::path root, plugins, cache;
    Scratch() {
        std::string tmpl = (fs::temp_directory_path() / "hs-probe-cache-XXXXXX").string();
        root = mkdtemp(tmpl.data());
        plugins = root / "plugins";
        cache = root / "cache";
        fs::create_directories(plugins);
        for (const char *f : {"good.so", "raw-good.so", "not-elf.so"})
            fs::copy_file(fs::path(test_paths::fault_plugins) / f, plugins / f);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }

    // One start of the kiosk: a fresh cache object reading the same folder.
    hs::Catalog start(const fs::path &cache_dir, const std::string &probe = test_paths::probe) const {
        hs::ProbeCache probe_cache(cache_dir.string());
        hs::ProbeSetup setup;
        setup.probe_exe = probe;
        setup.cache = &probe_cache;
        setup.options.timeout_ms = 5000;
        return hs::load_catalog({plugins.string()}, setup);
    }
    hs::Catalog start() const { return start(cache); }
};

void write(const fs::path &p, const std::string &text) { std::ofstream(p, std::ios::binary) << text; }

} // namespace

TEST_CASE("A second start probes nothing it has seen pass", "[probe][cache]") {
    Scratch s;
    hs::Catalog first = s.start();
    CHECK(first.topics.size() == 2);
    CHECK(first.checks.probed == 3);
    CHECK(fs::exists(s.cache / "probe-cache.json"));

    hs::Catalog second = s.start();
    CHECK(second.topics.size() == 2);
    CHECK(second.checks.from_cache == 2);
    // Only passes are remembered: the refused file is probed on every start.
    CHECK(second.checks.probed == 1);
    REQUIRE(second.rejected.size() == 1);
    CHECK_THAT(second.rejected[0].reason, Catch::Contains("not an ELF file"));
}

TEST_CASE("A touched or modified plugin is probed again", "[probe][cache]") {
    Scratch s;
    s.start();
    fs::path good = s.plugins / "good.so";

    SECTION("a new mtime") {
        fs::last_write_time(good, fs::last_write_time(good) + std::chrono::seconds(5));
        hs::Catalog c = s.start();
        CHECK(c.checks.probed == 2); // good.so and the refused one
        CHECK(c.topics.size() == 2);
    }
    SECTION("new content with the same size and mtime") {
        auto mtime = fs::last_write_time(good);
        {
            // The last bytes of a shared library are its section headers, which the dynamic
            // loader does not read: the library still loads, but its hash is different.
            std::fstream f(good, std::ios::in | std::ios::out | std::ios::binary);
            f.seekg(-1, std::ios::end);
            char last = static_cast<char>(f.get());
            f.seekp(-1, std::ios::end);
            f.put(static_cast<char>(last ^ 0x5A));
        }
        fs::last_write_time(good, mtime);
        hs::Catalog c = s.start();
        CHECK(c.checks.probed == 2);
        CHECK(c.checks.from_cache == 1);
    }
    SECTION("a removed plugin is forgotten") {
        fs::remove(good);
        s.start();
        std::ifstream in(s.cache / "probe-cache.json");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK_THAT(text, !Catch::Contains("/good.so\"") && Catch::Contains("raw-good.so"));
    }
}

TEST_CASE("A corrupt or foreign cache file only costs a probe", "[probe][cache]") {
    Scratch s;
    s.start();
    auto only_costs_probes = [&] {
        hs::Catalog again = s.start();
        CHECK(again.checks.probed == 3);
        CHECK(again.topics.size() == 2);
        // ...and the file is good again afterwards.
        CHECK(s.start().checks.probed == 1);
    };
    SECTION("not JSON") {
        write(s.cache / "probe-cache.json", "{\"format\": 1, \"entries\": [tru");
        only_costs_probes();
    }
    SECTION("entries of the wrong shape") {
        write(s.cache / "probe-cache.json", R"({"format": 1, "checks": 2, "entries": [{"path": 3}]})");
        only_costs_probes();
    }
    SECTION("from a viewer whose probe checked other things") {
        write(s.cache / "probe-cache.json", R"({"format": 1, "checks": 999, "entries": []})");
        only_costs_probes();
    }
}

TEST_CASE("A cache folder that cannot be written changes nothing but the probing", "[probe][cache]") {
    Scratch s;
    write(s.root / "a-file", "not a folder");
    fs::path impossible = s.root / "a-file" / "helpstation"; // below a regular file: even root cannot
    for (int start = 0; start < 2; ++start) {
        hs::Catalog c = s.start(impossible);
        CHECK(c.topics.size() == 2);
        CHECK(c.checks.probed == 3);
    }
}

TEST_CASE("A fingerprint changes with the content", "[probe][cache]") {
    Scratch s;
    std::string error;
    auto a = hs::fingerprint_plugin((s.plugins / "good.so").string(), error);
    auto b = hs::fingerprint_plugin((s.plugins / "raw-good.so").string(), error);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->blake2b.size() == 64);
    CHECK(a->blake2b != b->blake2b);
    CHECK(hs::fingerprint_plugin((s.plugins / "good.so").string(), error)->blake2b == a->blake2b);
    CHECK(hs::unchanged_since(*a));
    CHECK_FALSE(hs::fingerprint_plugin((s.plugins / "missing.so").string(), error));
    CHECK_THAT(error, Catch::Contains("cannot read"));
}

TEST_CASE("The default cache folder follows XDG", "[probe][cache]") {
    const char *old = std::getenv("XDG_CACHE_HOME");
    std::string saved = old ? old : "";
    setenv("XDG_CACHE_HOME", "/var/cache/kiosk", 1);
    CHECK(hs::ProbeCache::default_dir() == "/var/cache/kiosk/helpstation");
    setenv("XDG_CACHE_HOME", "relative/is/ignored", 1);
    CHECK_THAT(hs::ProbeCache::default_dir(), Catch::EndsWith("/.cache/helpstation"));
    if (old) setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    else unsetenv("XDG_CACHE_HOME");
}

TEST_CASE("A warm start builds every cached topic without running any plugin code", "[probe][cache]") {
    Scratch s;
    hs::Catalog first = s.start();
    REQUIRE(first.topics.size() == 2);
    // No probe can run at all now: what loads comes from the cache, as data.
    hs::Catalog warm = s.start(s.cache, "/nonexistent/helpstation-probe");
    CHECK(warm.checks.from_cache == 2);
    REQUIRE(warm.topics.size() == 2);
    const hs::Topic *t = warm.find("test-topic");
    REQUIRE(t);
    CHECK(t->step_count() == 6);
    REQUIRE(t->images.size() == 1);
    REQUIRE(t->images[0].file); // read from the plugin file when shown
    std::string why;
    auto bytes = hs::read_picture(t->images[0], why);
    INFO(why);
    REQUIRE(bytes);
    CHECK(bytes->size() == t->images[0].file->bytes);
    CHECK((*bytes)[1] == 'P'); // a PNG, read by its byte range
}

TEST_CASE("A cached topic that was tampered with is validated again and quarantined", "[probe][cache]") {
    Scratch s;
    REQUIRE(s.start().topics.size() == 2);
    int tampered = 0;
    for (const auto &f : fs::directory_iterator(s.cache / "topics")) {
        std::string bytes;
        {
            std::ifstream in(f.path(), std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        bytes.resize(bytes.size() / 2); // cut in half
        write(f.path(), bytes);
        ++tampered;
    }
    REQUIRE(tampered == 2);
    hs::Catalog c = s.start(s.cache, "/nonexistent/helpstation-probe");
    CHECK(c.topics.empty());
    REQUIRE(c.rejected.size() == 3);
    int quarantined = 0;
    for (const hs::Rejection &r : c.rejected) {
        if (r.kind != hs::RejectionKind::quarantined) continue;
        ++quarantined;
        CHECK_THAT(r.reason, Catch::Contains("not a valid topic extraction") && Catch::Contains("(in the probe cache)"));
        REQUIRE_FALSE(r.problems.empty());
        CHECK(r.problems[0].stage == hs::CheckStage::validate);
    }
    CHECK(quarantined == 2);
}

TEST_CASE("A cache written by an older viewer (extraction format 2, before support URLs) is probed again, not quarantined",
          "[probe][cache][translation]") {
    Scratch s;
    REQUIRE(s.start().topics.size() == 2);
    // Make the cache what the viewer before support URLs and alt texts left: checks 3 in the index,
    // "HSX2" extractions (the viewer before translations, checks 2 and "HSX1", is dropped the same way).
    nlohmann::json doc;
    {
        std::ifstream in(s.cache / "probe-cache.json");
        doc = nlohmann::json::parse(in);
    }
    doc["checks"] = 3;
    write(s.cache / "probe-cache.json", doc.dump());
    int old = 0;
    for (const auto &f : fs::directory_iterator(s.cache / "topics")) {
        std::string bytes;
        {
            std::ifstream in(f.path(), std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        REQUIRE(bytes.compare(0, 4, "HSX3") == 0);
        bytes[3] = '2';
        write(f.path(), bytes);
        ++old;
    }
    REQUIRE(old == 2);
    hs::Catalog c = s.start();
    CHECK(c.checks.probed == 3);
    CHECK(c.topics.size() == 2);
    REQUIRE(c.rejected.size() == 1); // only not-elf.so, as always
    CHECK(c.rejected[0].kind == hs::RejectionKind::refused);
    CHECK(s.start().checks.from_cache == 2); // and the cache is of the new format again
}
