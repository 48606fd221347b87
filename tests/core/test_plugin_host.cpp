// PluginHost (core/plugin_host.hpp) on real folders: the worker thread, the real probe process, a
// probe cache, inotify. Each test has its own scratch folder, copies of real test plugins and its
// own host; every wait polls with a generous timeout, so the normal case stays fast.
#include "core/plugin_host.hpp"
#include "core/probe_cache.hpp"
#include "support/plugin_files.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using support::install;
using support::seconds_since;

namespace {

const std::string kHot = "hot-topic"; // hot-v1.so (1.0.0) and hot-v2.so (2.0.0)
const std::string kGood = "test-topic";

fs::path hot_build(const std::string &name) { return fs::path(test_paths::hot_plugins) / (name + ".so"); }
fs::path good_build() { return fs::path(test_paths::good_plugins) / "good-alone.so"; }

// The version of topic `id` in the catalog; "" when it is not there.
std::string version_of(const hs::Catalog &c, const std::string &id) {
    const hs::Topic *t = c.find(id);
    return t ? t->version : "";
}

// The rejection of the plugin (or folder) whose file name is `name`; nullptr when there is none.
const hs::Rejection *find_by_name(const std::vector<hs::Rejection> &list, const std::string &name) {
    for (const hs::Rejection &r : list)
        if (fs::path(r.plugin).filename() == name) return &r;
    return nullptr;
}

std::string describe(const hs::Catalog &c) {
    std::string s = "catalog: loading=" + std::string(c.loading ? "true" : "false") +
                    " probed=" + std::to_string(c.checks.probed) +
                    " from_cache=" + std::to_string(c.checks.from_cache) + "\n";
    for (const hs::Topic &t : c.topics) s += "  topic " + t.id + " " + t.version + " from " + t.plugin_path + "\n";
    for (const hs::Rejection &r : c.rejected)
        s += "  rejected (" + std::string(hs::kind_name(r.kind)) + ") " + r.plugin + ": " + r.reason + "\n";
    for (const hs::Rejection &r : c.shadowed) s += "  shadowed " + r.plugin + ": " + r.reason + "\n";
    return s;
}

// A PluginHost on folders of a scratch directory, with the real probe and a probe cache of its own,
// and every catalog it published as seen from its on_change callback.
struct Host {
    support::ScratchDir dir{"hs-plugin-host"};
    fs::path plugins = dir / "plugins";
    hs::ProbeCache cache{(dir / "cache").string()};
    hs::PluginHostSetup setup;
    // Called on the worker thread with each new catalog (after it is recorded).
    std::function<void(const hs::Catalog &)> on_publish;

    mutable std::mutex mutex;
    std::vector<std::shared_ptr<const hs::Catalog>> published;
    bool null_seen = false;

    std::unique_ptr<hs::PluginHost> host; // last: stopped before everything above goes

    Host() {
        fs::create_directory(plugins);
        setup.folders = {plugins.string()};
        setup.probe.probe_exe = test_paths::probe;
        setup.probe.cache = &cache;
        setup.probe.options.timeout_ms = 10000; // a busy test machine is not a hanging plugin
    }
    // Stopped before it is reset: unique_ptr::reset() clears `host` before the destructor joins
    // the worker, and a publication still on its way would otherwise call back into a null host.
    ~Host() {
        if (host) host->stop();
        host.reset();
    }

    hs::PluginHost &make() {
        host = std::make_unique<hs::PluginHost>(setup);
        return *host;
    }
    hs::PluginHost &start() {
        hs::PluginHost &started = make();
        // The callback holds the host itself, not `host`: it may run while `host` is being reset.
        started.start([this, &started] {
            std::shared_ptr<const hs::Catalog> c = started.catalog();
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (!c) null_seen = true;
                published.push_back(c);
            }
            if (c && on_publish) on_publish(*c);
        });
        return started;
    }

    std::shared_ptr<const hs::Catalog> catalog() const { return host->catalog(); }

    // Waits (up to `timeout_s`) for a catalog for which `ready` holds; checks on the way that
    // catalog() is never null. The limit only matters when something is wrong: a CI machine
    // running two e2e tests beside real probe processes can take seconds for what takes 50 ms.
    bool wait(const std::function<bool(const hs::Catalog &)> &ready, double timeout_s = 30) {
        bool null = false;
        bool ok = support::wait_until(
            [&] {
                std::shared_ptr<const hs::Catalog> c = host->catalog();
                if (!c) null = true;
                return c && ready(*c);
            },
            timeout_s);
        CHECK_FALSE(null);
        return ok;
    }

    size_t publications() const {
        std::lock_guard<std::mutex> lock(mutex);
        return published.size();
    }
    std::vector<std::shared_ptr<const hs::Catalog>> since(size_t from) const {
        std::lock_guard<std::mutex> lock(mutex);
        return {published.begin() + static_cast<std::ptrdiff_t>(std::min(from, published.size())), published.end()};
    }
};

// REQUIREs that the host reaches a catalog for which `ready` holds, showing the last one if not.
#define REQUIRE_EVENTUALLY(h, ready, ...)                                                                              \
    do {                                                                                                               \
        bool reached_ = (h).wait(ready, ##__VA_ARGS__);                                                                \
        INFO(describe(*(h).catalog()));                                                                                \
        REQUIRE(reached_);                                                                                             \
    } while (0)

auto has_version(const std::string &id, const std::string &version) {
    return [id, version](const hs::Catalog &c) { return version_of(c, id) == version; };
}
auto lacks(const std::string &id) {
    return [id](const hs::Catalog &c) { return c.find(id) == nullptr; };
}

void report_timing(const char *what, double seconds) {
    std::printf("timing: %s: %.0f ms\n", what, seconds * 1000);
    std::fflush(stdout);
}

} // namespace

TEST_CASE("plugin host: scan() checks every plugin once, on the calling thread", "[host]") {
    Host h;
    install(good_build(), h.plugins, "good.so");
    install(hot_build("hot-v1"), h.plugins, "hot.so");
    fs::copy_file(fs::path(test_paths::fault_plugins) / "not-elf.so", h.plugins / "not-elf.so");
    const std::string missing = (h.dir / "missing").string();
    h.setup.folders.push_back(missing);

    hs::PluginHost &host = h.make();
    REQUIRE(host.catalog()); // never null, even before anything was scanned
    CHECK(host.catalog()->topics.empty());
    CHECK_FALSE(host.loading());

    host.scan();
    std::shared_ptr<const hs::Catalog> c = host.catalog();
    REQUIRE(c);
    INFO(describe(*c));
    CHECK_FALSE(c->loading);
    CHECK_FALSE(host.loading());
    CHECK(c->topics.size() == 2);
    CHECK(version_of(*c, kGood) == "1.2.3");
    CHECK(version_of(*c, kHot) == "1.0.0");
    REQUIRE(c->rejected.size() == 2);
    const hs::Rejection *not_elf = find_by_name(c->rejected, "not-elf.so");
    REQUIRE(not_elf);
    CHECK(not_elf->kind == hs::RejectionKind::refused);
    CHECK_THAT(not_elf->reason, Catch::Contains("not an ELF file"));
    const hs::Rejection *folder = find_by_name(c->rejected, "missing");
    REQUIRE(folder);
    CHECK(folder->kind == hs::RejectionKind::folder);
    CHECK(folder->reason == "plugin folder does not exist");
    CHECK(c->checks.probed == 3);
    CHECK(c->checks.from_cache == 0);

    SECTION("a second scan checks nothing that did not change") {
        host.scan();
        std::shared_ptr<const hs::Catalog> again = host.catalog();
        INFO(describe(*again));
        CHECK(again->topics.size() == 2);
        CHECK(again->rejected.size() == 2);
        CHECK(again->checks.probed == 0);
        CHECK(again->checks.from_cache == 0);
    }
    SECTION("another host on the same cache knows the passes and probes only the refused one") {
        h.host.reset();
        hs::ProbeCache reread((h.dir / "cache").string());
        h.setup.probe.cache = &reread;
        hs::PluginHost &second = h.make();
        second.scan();
        std::shared_ptr<const hs::Catalog> next = second.catalog();
        INFO(describe(*next));
        CHECK(next->topics.size() == 2);
        CHECK(next->checks.from_cache == 2);
        CHECK(next->checks.probed == 1); // failures are not remembered
        h.host.reset();
    }
}

TEST_CASE("plugin host: the first scan publishes the plugins as they are checked, then loading ends", "[host]") {
    Host h;
    install(good_build(), h.plugins, "good.so");
    install(hot_build("hot-v1"), h.plugins, "hot.so");
    install(hot_build("hot-other"), h.plugins, "other.so");
    h.setup.batch = 1; // a catalog after every plugin
    h.setup.publish_every_ms = 0;
    hs::PluginHost &host = h.start();
    REQUIRE(host.catalog());
    REQUIRE_EVENTUALLY(h, [&](const hs::Catalog &c) { return c.topics.size() == 3 && !c.loading && !host.loading(); });

    std::vector<std::shared_ptr<const hs::Catalog>> all = h.since(0);
    REQUIRE(all.size() >= 2);
    CHECK_FALSE(h.null_seen);
    CHECK(all.front()->loading); // published before the first plugin was checked...
    CHECK(all.front()->topics.empty());
    CHECK_FALSE(all.back()->loading); // ...and once all were
    // Filling in: some catalog in between had part of the topics, and said more were coming.
    bool partial = std::any_of(all.begin(), all.end(),
                               [](const auto &c) { return c->loading && !c->topics.empty() && c->topics.size() < 3; });
    CHECK(partial);
    // Topics are sorted by category, then title (all three are in "Testing").
    std::shared_ptr<const hs::Catalog> c = h.catalog();
    INFO(describe(*c));
    REQUIRE(c->topics.size() == 3);
    CHECK(c->topics[0].title == "Another hot topic");
    CHECK(c->topics[1].title == "Hot topic");
    CHECK(c->topics[2].title == "The test topic");
    CHECK(c->checks.probed == 3);
    CHECK(c->rejected.empty());
    CHECK(c->shadowed.empty());
}

TEST_CASE("plugin host: a plugin installed atomically appears and goes when removed", "[host]") {
    Host h;
    install(good_build(), h.plugins, "good.so");
    h.start();
    REQUIRE_EVENTUALLY(h, [&](const hs::Catalog &c) { return c.topics.size() == 1 && !c.loading; });
    const size_t before = h.publications();

    support::SteadyTime renamed = install(hot_build("hot-v1"), h.plugins, "hot.so");
    REQUIRE_EVENTUALLY(h, has_version(kHot, "1.0.0"));
    double added = seconds_since(renamed);
    report_timing("plugin host: hot add, rename to catalog", added);
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return !c.loading; });

    auto removed_at = std::chrono::steady_clock::now();
    fs::remove(h.plugins / "hot.so");
    REQUIRE_EVENTUALLY(h, lacks(kHot));
    double removed = seconds_since(removed_at);
    report_timing("plugin host: hot remove, unlink to catalog", removed);
    std::shared_ptr<const hs::Catalog> c = h.catalog();
    INFO(describe(*c));
    CHECK(c->topics.size() == 1);
    CHECK(c->rejected.empty());
    // The topic that did not change was in every catalog on the way.
    for (const auto &each : h.since(before)) CHECK(each->find(kGood));
}

TEST_CASE("plugin host: an atomic replacement with another version replaces the old one", "[host]") {
    Host h;
    install(hot_build("hot-v1"), h.plugins, "hot.so");
    h.start();
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return version_of(c, kHot) == "1.0.0" && !c.loading; });
    size_t before = h.publications();

    support::SteadyTime renamed = install(hot_build("hot-v2"), h.plugins, "hot.so");
    REQUIRE_EVENTUALLY(h, has_version(kHot, "2.0.0"));
    report_timing("plugin host: hot update, rename to catalog", seconds_since(renamed));
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return !c.loading; });
    std::shared_ptr<const hs::Catalog> c = h.catalog();
    INFO(describe(*c));
    CHECK(c->topics.size() == 1);
    CHECK(c->topics[0].title == "Hot topic, second build");
    CHECK(c->shadowed.empty()); // one file, one topic: replaced, not shadowed
    CHECK(c->rejected.empty());
    // The old version stayed until the new one was ready: never a catalog without the topic.
    for (const auto &each : h.since(before)) CHECK(each->find(kHot));

    // Back to the older build: the file decides, not the version.
    before = h.publications();
    install(hot_build("hot-v1"), h.plugins, "hot.so");
    REQUIRE_EVENTUALLY(h, has_version(kHot, "1.0.0"));
    for (const auto &each : h.since(before)) CHECK(each->find(kHot));
}

TEST_CASE("plugin host: of two plugins with one id the higher version wins until it goes", "[host]") {
    Host h;
    install(hot_build("hot-v1"), h.plugins, "hot-old.so");
    h.start();
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return version_of(c, kHot) == "1.0.0" && !c.loading; });

    install(hot_build("hot-v2"), h.plugins, "hot-new.so");
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return version_of(c, kHot) == "2.0.0" && !c.loading; });
    std::shared_ptr<const hs::Catalog> c = h.catalog();
    INFO(describe(*c));
    CHECK(c->topics.size() == 1);
    CHECK_THAT(c->topics[0].plugin_path, Catch::EndsWith("hot-new.so"));
    REQUIRE(c->shadowed.size() == 1);
    CHECK_THAT(c->shadowed[0].plugin, Catch::EndsWith("hot-old.so"));
    CHECK_THAT(c->shadowed[0].reason, Catch::Contains("hot-new.so (version 2.0.0 is higher than 1.0.0)"));
    CHECK(c->rejected.empty());

    size_t before = h.publications();
    fs::remove(h.plugins / "hot-new.so");
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return version_of(c, kHot) == "1.0.0" && !c.loading; });
    c = h.catalog();
    INFO(describe(*c));
    CHECK_THAT(c->topics[0].plugin_path, Catch::EndsWith("hot-old.so"));
    CHECK(c->shadowed.empty());
    // The lower version was loaded all along: it comes back without a gap.
    for (const auto &each : h.since(before)) CHECK(each->find(kHot));
}

TEST_CASE("plugin host: a plugin still being written is never loaded", "[host]") {
    Host h;
    hs::PluginHost &host = h.start();
    REQUIRE_EVENTUALLY(h, [&](const hs::Catalog &c) { return h.publications() > 0 && !c.loading && !host.loading(); });
    CHECK(h.catalog()->topics.empty());
    const size_t before = h.publications();
    const std::string bytes = support::read_text(hot_build("hot-v1"));
    REQUIRE(bytes.size() > 1000);
    const size_t half = bytes.size() / 2;

    SECTION("under a temporary name, then renamed") {
        // Half a plugin under names the loader ignores, one of them still open for writing.
        support::write_text(h.plugins / "hot.so.part", bytes.substr(0, half));
        std::ofstream tmp(h.plugins / ".hot.so.tmp", std::ios::binary);
        tmp.write(bytes.data(), static_cast<std::streamsize>(half));
        tmp.flush();
        // Well past the quiet period: nothing was reported, scanned or published.
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        CHECK(h.publications() == before);
        std::shared_ptr<const hs::Catalog> c = h.catalog();
        CHECK(c->topics.empty());
        CHECK(c->rejected.empty());

        tmp.write(bytes.data() + half, static_cast<std::streamsize>(bytes.size() - half));
        tmp.close();
        REQUIRE(::chmod((h.plugins / ".hot.so.tmp").c_str(), 0644) == 0);
        support::SteadyTime renamed = std::chrono::steady_clock::now();
        fs::rename(h.plugins / ".hot.so.tmp", h.plugins / "hot.so");
        REQUIRE_EVENTUALLY(h, has_version(kHot, "1.0.0"));
        report_timing("plugin host: hot add after a slow write, rename to catalog", seconds_since(renamed));
    }
    SECTION("under its final name, while the writer still holds it open") {
        // Not the supported way (folder_watch.hpp), but a file open for writing is waited for.
        std::ofstream direct(h.plugins / "hot.so", std::ios::binary);
        direct.write(bytes.data(), static_cast<std::streamsize>(half));
        direct.flush();
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        CHECK(h.publications() == before);
        std::shared_ptr<const hs::Catalog> c = h.catalog();
        CHECK(c->topics.empty());
        CHECK(c->rejected.empty());

        direct.write(bytes.data() + half, static_cast<std::streamsize>(bytes.size() - half));
        direct.close();
        REQUIRE_EVENTUALLY(h, has_version(kHot, "1.0.0"));
    }
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return !c.loading; });
    std::shared_ptr<const hs::Catalog> c = h.catalog();
    INFO(describe(*c));
    CHECK(c->rejected.empty());
    // No catalog on the way ever had half a plugin in it, loaded or refused.
    for (const auto &each : h.since(before)) {
        CHECK(each->rejected.empty());
        CHECK(each->topics.size() <= 1);
    }
}

TEST_CASE("plugin host: a plugin others can write is refused until its mode is fixed", "[host]") {
    Host h;
    install(good_build(), h.plugins, "good.so");
    install(hot_build("hot-v1"), h.plugins, "hot.so");
    h.start();
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return c.topics.size() == 2 && !c.loading; });
    const std::string hot = (h.plugins / "hot.so").string();

    REQUIRE(::chmod(hot.c_str(), 0646) == 0); // o+w
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return !c.find(kHot) && find_by_name(c.rejected, "hot.so"); });
    std::shared_ptr<const hs::Catalog> c = h.catalog();
    INFO(describe(*c));
    const hs::Rejection *r = find_by_name(c->rejected, "hot.so");
    REQUIRE(r);
    CHECK(r->kind == hs::RejectionKind::refused);
    CHECK(r->reason == "writable by other users (mode 0646): fix with chmod go-w");
    CHECK(c->find(kGood)); // the other plugin is not affected

    REQUIRE(::chmod(hot.c_str(), 0644) == 0);
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return c.find(kHot) && c.rejected.empty(); });
    c = h.catalog();
    INFO(describe(*c));
    CHECK(c->topics.size() == 2);
}

TEST_CASE("plugin host: a folder created after the start is picked up, and one removed is reported", "[host]") {
    Host h;
    const fs::path later = h.dir / "later";
    h.setup.folders = {later.string()};
    h.start();
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return !c.loading && find_by_name(c.rejected, "later"); });
    std::shared_ptr<const hs::Catalog> c = h.catalog();
    CHECK(c->topics.empty());
    CHECK(find_by_name(c->rejected, "later")->reason == "plugin folder does not exist");
    CHECK(find_by_name(c->rejected, "later")->kind == hs::RejectionKind::folder);

    auto created = std::chrono::steady_clock::now();
    fs::create_directory(later);
    install(hot_build("hot-v1"), later, "hot.so");
    // Found by the watcher's retry (once a second) and then the quiet period.
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return c.find(kHot) && c.rejected.empty() && !c.loading; });
    report_timing("plugin host: folder created after start, mkdir to catalog", seconds_since(created));

    fs::remove_all(later);
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return !c.find(kHot) && find_by_name(c.rejected, "later"); });
}

TEST_CASE("plugin host: a plugin installed while the first scan is still checking is not missed", "[host]") {
    // The first catalog is published once the folders are listed, before anything is checked:
    // a plugin that arrives then is after the listing, so only the watcher can report it.
    std::atomic<bool> installed{false}; // before the host: its worker reads it until the host stops
    Host h;
    install(good_build(), h.plugins, "good.so");
    h.on_publish = [&](const hs::Catalog &c) {
        if (installed || !c.loading) return;
        installed = true;
        install(hot_build("hot-v1"), h.plugins, "hot.so");
    };
    h.start();
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return c.find(kGood) && !c.loading; });
    CHECK(installed);
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return c.find(kHot) && !c.loading; });
}

TEST_CASE("plugin host: reload() checks every plugin again", "[host]") {
    Host h;
    install(good_build(), h.plugins, "good.so");
    install(hot_build("hot-v1"), h.plugins, "hot.so");
    hs::PluginHost &host = h.start();
    REQUIRE_EVENTUALLY(h, [](const hs::Catalog &c) { return c.topics.size() == 2 && !c.loading; });
    std::shared_ptr<const hs::Catalog> first = h.catalog();
    CHECK(first->checks.probed == 2);
    const size_t before = h.publications();

    host.reload();
    // Checked again: the probe cache knows both now, so neither is probed.
    REQUIRE_EVENTUALLY(h, [&](const hs::Catalog &c) {
        return &c != first.get() && !c.loading && c.checks.from_cache == 2 && c.topics.size() == 2;
    });
    std::shared_ptr<const hs::Catalog> c = h.catalog();
    INFO(describe(*c));
    CHECK(c->checks.probed == 0);
    CHECK(c->rejected.empty());
    CHECK_FALSE(host.loading());
    // On the way the catalog was published while the plugins were checked again, saying so, and
    // what was shown stayed shown until its new check was done.
    std::vector<std::shared_ptr<const hs::Catalog>> during = h.since(before);
    REQUIRE(during.size() >= 2);
    CHECK(during.front()->loading);
    CHECK_FALSE(during.back()->loading);
    for (const auto &each : during) CHECK(each->topics.size() == 2);

    SECTION("stop() ends the worker: no more catalogs, and it can be called again") {
        host.stop();
        const size_t stopped_at = h.publications();
        install(hot_build("hot-other"), h.plugins, "other.so");
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
        CHECK(h.publications() == stopped_at);
        CHECK_FALSE(h.catalog()->find("hot-other"));
        host.stop();
    }
}

TEST_CASE("plugin host: destroyed while its callback runs, it waits for it, and the callback can still read it",
          "[host]") {
    // What the viewer relies on: its callback may run while the host is being destroyed, and the
    // host's members stay alive until the worker is joined.
    std::atomic<bool> in_callback{false}, done{false}, read{false}; // before the host: the worker uses them
    Host h;
    install(good_build(), h.plugins, "good.so");
    hs::PluginHost &started = h.make();
    started.start([&] {
        if (in_callback.exchange(true)) return; // only the first publication is slow
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        read = started.catalog() != nullptr;
        done = true;
    });
    REQUIRE(support::wait_until([&] { return in_callback.load(); }, 30));
    h.host.reset(); // not stopped first: the destructor alone must wait
    CHECK(done);
    CHECK(read);
}
