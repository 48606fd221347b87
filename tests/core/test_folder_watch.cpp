// The plugin folder watcher against real folders and files. The kernel queues inotify events as
// each file operation returns, but the tests still wait (up to 1 s) for them to be readable; the
// debounce itself is decided by the explicit kiosk times passed in, never by sleeping.
#include "core/folder_watch.hpp"
#include "support/as_nobody.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>


#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "hs-watch-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string &name) const { return (path / name).string(); }
};

void write_file(const std::string &path, const std::string &bytes = "\x7f" "ELF not really") {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.good());
}

void append_file(const std::string &path, const std::string &bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << bytes;
    REQUIRE(out.good());
}

// Waits (briefly, for real) until events are readable, then hands them over stamped `now`.
void pump(hs::FolderWatcher &w, hs::Millis now) {
    w.poll(1000);
    w.read_events(now);
}

std::vector<std::string> changed_folders(hs::FolderWatcher &w, hs::Millis now) {
    std::vector<std::string> out;
    for (const hs::FolderChange &c : w.take_changed(now)) out.push_back(c.folder);
    return out;
}

} // namespace

TEST_CASE("Plugin names: *.so and *.so.sig only", "[watch]") {
    CHECK(hs::is_plugin_file_name("topic.so"));
    CHECK(hs::is_plugin_file_name("topic.so.sig"));
    CHECK(hs::is_plugin_file_name(".hidden.so")); // the loader lists it, so the watcher reports it
    CHECK_FALSE(hs::is_plugin_file_name(".topic.so.tmp"));
    CHECK_FALSE(hs::is_plugin_file_name("topic.so.part"));
    CHECK_FALSE(hs::is_plugin_file_name("topic.sox"));
    CHECK_FALSE(hs::is_plugin_file_name("topic.sig"));
    CHECK_FALSE(hs::is_plugin_file_name(".so"));
    CHECK_FALSE(hs::is_plugin_file_name(".so.sig"));
    CHECK_FALSE(hs::is_plugin_file_name("notes.txt"));
    CHECK_FALSE(hs::is_plugin_file_name(""));
}

TEST_CASE("A file written in place is reported once, after the quiet period", "[watch]") {
    TempDir dir, other;
    hs::FolderWatcher w({dir.path.string(), other.path.string()});
    CHECK(w.fd() >= 0);
    CHECK(w.take_problems().empty());
    CHECK_FALSE(w.needs_periodic_rescan());

    const hs::Millis t0 = 5000;
    write_file(dir / "topic.so");
    CHECK(w.poll(1000));
    w.read_events(t0);
    CHECK_FALSE(w.poll(0)); // drained
    REQUIRE(w.next_deadline());
    CHECK(*w.next_deadline() == t0 + 300);

    CHECK(w.take_changed(t0).empty());
    CHECK(w.take_changed(t0 + 299).empty());
    std::vector<hs::FolderChange> changes = w.take_changed(t0 + 300);
    REQUIRE(changes.size() == 1); // only the folder that changed
    CHECK(changes[0].folder == dir.path.string());
    CHECK(changes[0].files == std::vector<std::string>{dir / "topic.so"});
    CHECK_FALSE(changes[0].rescan);
    CHECK(w.take_changed(t0 + 301).empty()); // once
    CHECK(w.take_changed(t0 + 100000).empty());
}

TEST_CASE("The quiet period is configurable", "[watch]") {
    TempDir dir;
    hs::FolderWatcher w({dir.path.string()}, 50);
    write_file(dir / "topic.so");
    pump(w, 0);
    CHECK(w.take_changed(49).empty());
    CHECK(changed_folders(w, 50) == std::vector<std::string>{dir.path.string()});
}

TEST_CASE("An atomic copy is reported when renamed to *.so, the temporary name alone is not", "[watch]") {
    TempDir dir;
    hs::FolderWatcher w({dir.path.string()});
    for (const char *temp : {".topic.so.tmp", "topic.so.part"}) {
        INFO(temp);
        write_file(dir / temp);
        pump(w, 1000);
        CHECK(w.take_changed(1000 + 5000).empty());
    }
    REQUIRE(rename((dir / ".topic.so.tmp").c_str(), (dir / "topic.so").c_str()) == 0);
    pump(w, 20000);
    CHECK(w.take_changed(20299).empty());
    std::vector<hs::FolderChange> changes = w.take_changed(20300);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].files == std::vector<std::string>{dir / "topic.so"});

    // Replacing an existing plugin the same way, signature first.
    write_file(dir / ".topic.so.sig.tmp");
    write_file(dir / ".topic.so.tmp", "\x7f" "ELF version 2");
    REQUIRE(rename((dir / ".topic.so.sig.tmp").c_str(), (dir / "topic.so.sig").c_str()) == 0);
    REQUIRE(rename((dir / ".topic.so.tmp").c_str(), (dir / "topic.so").c_str()) == 0);
    pump(w, 30000);
    changes = w.take_changed(30300);
    REQUIRE(changes.size() == 1); // one report for the pair
    CHECK(changes[0].files == std::vector<std::string>{dir / "topic.so", dir / "topic.so.sig"});
}

TEST_CASE("A file written in chunks with short pauses is reported once, after the last close", "[watch]") {
    TempDir dir;
    hs::FolderWatcher w({dir.path.string()});
    hs::Millis t = 1000;
    for (int chunk = 0; chunk < 5; ++chunk, t += 250) { // 250 ms apart: never quiet for 300
        append_file(dir / "topic.so", std::string(4096, char('a' + chunk)));
        pump(w, t);
        CHECK(w.take_changed(t).empty());
        CHECK(w.take_changed(t + 249).empty());
    }
    const hs::Millis last = t - 250;
    CHECK(w.take_changed(last + 299).empty());
    CHECK(changed_folders(w, last + 300) == std::vector<std::string>{dir.path.string()});
    CHECK(w.take_changed(last + 10000).empty());
}

TEST_CASE("A file still open for writing is not reported until it is closed and quiet", "[watch]") {
    TempDir dir;
    hs::FolderWatcher w({dir.path.string()});
    int fd = open((dir / "topic.so").c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, "\x7f" "ELF", 4) == 4);
    pump(w, 1000);
    CHECK(w.take_changed(1300).empty());
    CHECK(w.take_changed(5000).empty()); // long pauses: the writer may be a slow copy

    REQUIRE(write(fd, "more", 4) == 4);
    pump(w, 6000);
    CHECK(w.take_changed(6300).empty());
    REQUIRE(close(fd) == 0);
    pump(w, 7000);
    CHECK(w.take_changed(7299).empty());
    CHECK(changed_folders(w, 7300) == std::vector<std::string>{dir.path.string()});
}

TEST_CASE("An existing plugin overwritten in place is not reported while still open", "[watch]") {
    TempDir dir;
    write_file(dir / "topic.so", "\x7f" "ELF version 1");
    hs::FolderWatcher w({dir.path.string()});
    int fd = open((dir / "topic.so").c_str(), O_WRONLY | O_TRUNC); // no IN_CREATE: only IN_MODIFY says so
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, "\x7f" "ELF", 4) == 4);
    pump(w, 1000);
    CHECK(w.take_changed(1300).empty());
    CHECK(w.take_changed(5000).empty());
    REQUIRE(close(fd) == 0);
    pump(w, 6000);
    CHECK(w.take_changed(6299).empty());
    CHECK(changed_folders(w, 6300) == std::vector<std::string>{dir.path.string()});
}

TEST_CASE("Opened for writing but never closed: given up on after the stall time", "[watch]") {
    TempDir dir;
    hs::WatchTiming timing;
    timing.stalled_write_ms = 3000;
    timing.retry_ms = 60000; // keep the periodic re-check out of next_deadline
    hs::FolderWatcher w({dir.path.string()}, timing);
    int fd = open((dir / "topic.so").c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    pump(w, 1000); // IN_CREATE of a fresh regular file: its writer is at work
    CHECK(w.take_changed(3999).empty());
    CHECK(w.next_deadline() == hs::Millis(4000));
    CHECK(changed_folders(w, 4000) == std::vector<std::string>{dir.path.string()});
    close(fd);
}

TEST_CASE("A hard link or symlink arrives complete and is reported after the quiet period", "[watch]") {
    TempDir dir, elsewhere;
    write_file(elsewhere / "topic.so");
    hs::FolderWatcher w({dir.path.string()});
    REQUIRE(link((elsewhere / "topic.so").c_str(), (dir / "linked.so").c_str()) == 0);
    REQUIRE(symlink((elsewhere / "topic.so").c_str(), (dir / "symlinked.so").c_str()) == 0);
    pump(w, 1000);
    std::vector<hs::FolderChange> changes = w.take_changed(1300);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].files == std::vector<std::string>{dir / "linked.so", dir / "symlinked.so"});
}

TEST_CASE("Deleting, renaming away and chmod of a plugin are reported", "[watch]") {
    TempDir dir, elsewhere;
    write_file(dir / "a.so");
    write_file(dir / "b.so");
    write_file(dir / "c.so");
    write_file(dir / "d.so.sig");
    hs::FolderWatcher w({dir.path.string()});

    struct Case {
        const char *what;
        std::function<void()> act;
        std::string file;
    };
    const Case cases[] = {
        {"delete", [&] { REQUIRE(fs::remove(dir / "a.so")); }, dir / "a.so"},
        {"rename to a non-plugin name", [&] { fs::rename(dir / "b.so", dir / "b.so.disabled"); }, dir / "b.so"},
        {"move to another folder", [&] { fs::rename(dir / "d.so.sig", elsewhere / "d.so.sig"); }, dir / "d.so.sig"},
        {"chmod", [&] { REQUIRE(chmod((dir / "c.so").c_str(), 0600) == 0); }, dir / "c.so"},
    };
    hs::Millis t = 1000;
    for (const Case &c : cases) {
        INFO(c.what);
        c.act();
        pump(w, t);
        CHECK(w.take_changed(t + 299).empty());
        std::vector<hs::FolderChange> changes = w.take_changed(t + 300);
        REQUIRE(changes.size() == 1);
        CHECK(changes[0].files == std::vector<std::string>{c.file});
        t += 1000;
    }
}

TEST_CASE("Non-plugin names, subfolders and their contents are ignored", "[watch]") {
    TempDir dir;
    hs::FolderWatcher w({dir.path.string()});
    write_file(dir / "notes.txt");
    write_file(dir / "topic.sox");
    write_file(dir / ".so");
    write_file(dir / "topic.so.part");
    fs::rename(dir / "topic.so.part", dir / "topic.so.old");
    fs::remove(dir / "notes.txt");
    fs::create_directory(dir / "sub.so"); // a folder, even with a plugin name
    write_file(dir / "sub.so/inner.so");  // not recursive
    pump(w, 1000);
    CHECK(w.take_changed(100000).empty());
    // Only the periodic re-check is pending.
    CHECK(w.next_deadline() == hs::Millis(2000));
}

TEST_CASE("A folder created after the watcher started is picked up by the retry", "[watch]") {
    TempDir parent;
    const std::string folder = parent / "plugins";
    hs::FolderWatcher w({folder});
    CHECK(w.take_problems().empty()); // missing is not a problem, just not there yet
    CHECK_FALSE(w.needs_periodic_rescan());
    CHECK(w.next_deadline() <= hs::Millis(1000)); // first retry due at once

    w.read_events(1000); // still missing: next try a second later
    CHECK(w.next_deadline() == hs::Millis(2000));
    fs::create_directory(folder);
    w.read_events(1500); // not yet due
    CHECK(w.take_changed(100000).empty());
    w.read_events(2000);
    CHECK(w.take_changed(2299).empty());
    std::vector<hs::FolderChange> changes = w.take_changed(2300);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].folder == folder);
    CHECK(changes[0].rescan);
    CHECK(changes[0].files.empty());

    write_file(folder + "/topic.so"); // and it is now watched
    pump(w, 3000);
    changes = w.take_changed(3300);
    REQUIRE(changes.size() == 1);
    CHECK_FALSE(changes[0].rescan);
    CHECK(changes[0].files == std::vector<std::string>{folder + "/topic.so"});
}

TEST_CASE("A deleted folder is reported, retried, and works again once recreated", "[watch]") {
    TempDir parent;
    const std::string folder = parent / "plugins";
    fs::create_directory(folder);
    write_file(folder + "/old.so");
    hs::FolderWatcher w({folder});

    fs::remove_all(folder);
    pump(w, 1000);
    std::vector<hs::FolderChange> changes = w.take_changed(1300);
    REQUIRE(changes.size() == 1); // its plugins are gone
    CHECK(changes[0].rescan);
    CHECK(w.take_problems().empty());

    fs::create_directory(folder);
    w.read_events(1500);
    CHECK(w.take_changed(100000).empty());
    w.read_events(2000); // the retry
    changes = w.take_changed(2300);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].rescan);

    write_file(folder + "/new.so");
    pump(w, 3000);
    changes = w.take_changed(3300);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].files == std::vector<std::string>{folder + "/new.so"});
}

TEST_CASE("A folder deleted and recreated at once, or swapped by renames, keeps working", "[watch]") {
    TempDir parent;
    const std::string folder = parent / "plugins";
    fs::create_directory(folder);
    hs::FolderWatcher w({folder});
    // After either change: one rescan, and a file added later is seen as such.
    auto keeps_working = [&] {
        pump(w, 1000);
        std::vector<hs::FolderChange> changes = w.take_changed(1300);
        REQUIRE(changes.size() == 1);
        CHECK(changes[0].rescan);

        write_file(folder + "/after.so");
        pump(w, 2000);
        changes = w.take_changed(2300);
        REQUIRE(changes.size() == 1);
        CHECK(changes[0].files == std::vector<std::string>{folder + "/after.so"});
    };

    SECTION("recreated before the watcher saw it go") {
        fs::remove_all(folder);
        fs::create_directory(folder);
        keeps_working();
    }
    SECTION("a new folder renamed into the old one's place") {
        fs::create_directory(parent / "plugins.new");
        write_file(parent / "plugins.new/topic.so");
        fs::rename(folder, parent / "plugins.old");
        fs::rename(parent / "plugins.new", folder);
        keeps_working();
    }
}

TEST_CASE("A folder moved away with its parent is noticed by the periodic re-check", "[watch]") {
    TempDir parent, moved;
    const std::string folder = parent / "plugins";
    fs::create_directory(folder);
    hs::FolderWatcher w({folder});
    w.read_events(500); // the first check: next one at 1500

    // No inotify event reaches the folder itself when its parent is renamed.
    fs::rename(parent.path, moved / "parent");
    fs::create_directories(folder);
    w.read_events(1000);
    CHECK(w.take_changed(100000).empty());
    w.read_events(1500);
    std::vector<hs::FolderChange> changes = w.take_changed(1800);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].rescan);

    write_file(folder + "/after.so");
    pump(w, 2000);
    changes = w.take_changed(2300);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].files == std::vector<std::string>{folder + "/after.so"});
}

TEST_CASE("200 rapid replacements of one plugin give one report", "[watch]") {
    TempDir dir;
    hs::FolderWatcher w({dir.path.string()});
    hs::Millis t = 1000;
    int reports = 0;
    for (int i = 0; i < 200; ++i, t += 20) {
        if (i % 2) {
            write_file(dir / ".topic.so.tmp", "version " + std::to_string(i));
            fs::rename(dir / ".topic.so.tmp", dir / "topic.so");
        } else {
            write_file(dir / "topic.so", "version " + std::to_string(i));
        }
        pump(w, t);
        reports += static_cast<int>(w.take_changed(t).size());
    }
    CHECK(reports == 0);
    CHECK(w.take_changed(t - 20 + 299).empty());
    CHECK(w.take_changed(t - 20 + 300).size() == 1);
    CHECK(w.take_changed(t + 100000).empty());
}

TEST_CASE("A path that cannot be watched is a problem reported once, fixed, it is watched", "[watch]") {
    TempDir parent;
    const std::string folder = parent / "plugins";
    write_file(folder, "a file where the folder should be");
    hs::FolderWatcher w({folder});
    std::vector<std::string> problems = w.take_problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == folder + ": cannot be watched for plugin changes: not a folder");
    CHECK(w.needs_periodic_rescan());

    w.read_events(1000);
    w.read_events(2000); // retried, same cause: not repeated
    CHECK(w.take_problems().empty());
    CHECK(w.needs_periodic_rescan());

    fs::remove(folder);
    fs::create_directory(folder);
    w.read_events(3000);
    CHECK(w.take_problems().empty());
    CHECK_FALSE(w.needs_periodic_rescan());
    std::vector<hs::FolderChange> changes = w.take_changed(3300);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].rescan);
}

TEST_CASE("A folder without read permission is a problem, for root and for an ordinary user", "[watch]") {
    // Root is not stopped by permissions: as root the case runs in a child that became `nobody`
    // (the kiosk's account is an ordinary one), and says what it saw on a pipe. Never skipped.
    auto scenario = [] {
        std::string seen;
        TempDir parent;
        const std::string folder = parent / "plugins";
        fs::create_directory(folder);
        fs::permissions(folder, fs::perms::none);
        hs::FolderWatcher w({folder});
        for (const std::string &p : w.take_problems()) seen += "problem " + p.substr(folder.size()) + "\n";
        seen += std::string("periodic ") + (w.needs_periodic_rescan() ? "yes" : "no") + "\n";
        fs::permissions(folder, fs::perms::owner_all);
        w.read_events(1000);
        seen += std::string("periodic ") + (w.needs_periodic_rescan() ? "yes" : "no") + "\n";
        seen += "changed " + std::to_string(changed_folders(w, 1300).size()) + "\n";
        return seen;
    };
    std::string seen = support::as_nobody(scenario);
    CHECK(seen == "problem : cannot be watched for plugin changes: permission denied\n"
                  "periodic yes\nperiodic no\nchanged 1\n");
}
