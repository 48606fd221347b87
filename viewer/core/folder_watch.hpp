// Watches the plugin folders with inotify so topics appear, disappear and update without a restart.
// No threads, no GL: the watcher exposes its file descriptor for the frame loop (or a thread) to
// poll, and is driven by explicit kiosk-clock times so debouncing is tested without sleeping.
//
// Installing a plugin: the supported way is atomic. Copy the file into the same folder under a
// temporary name that does not end in ".so" (".topic.so.tmp", "topic.so.part"), then rename it to
// its final "*.so" name: `cp x.so DIR/.x.so.tmp && mv DIR/.x.so.tmp DIR/x.so`, or rsync, which
// does this by itself. The rename replaces the old file in one step and the temporary name is
// never reported. It must happen within one filesystem: `mv` from another filesystem, and
// `install`, write straight onto the final name. That works too, since a folder is only reported
// once the file is closed and quiet, but a writer that reopens the file right after the report
// can be caught mid-copy by the rescan; the rename avoids that. A signature goes in the same way,
// as "*.so.sig", before its plugin, so a kiosk that requires signatures never sees one without it.
//
// What is reported: folders, not files. The viewer rescans a reported folder, so a folder is
// reported once every plugin-file event in it is at least `quiet_ms` old and no plugin file in it
// is still open for writing; a burst of replacements or several plugins copied one after the
// other give one report, not one each. A file seen as written but never closed (hard-linked in
// some unusual way, or a writer holding it open idle) is given up on after `stalled_write_ms`.
// A folder that appears (created after start, permission fixed), disappears or is swapped for
// another is reported with `rescan` set, after the same quiet period.
//
// A loop drives it like this (the frame loop does the same with its own frame timeout):
//
//   for (;;) {
//       w.poll(timeout_until(w.next_deadline()));
//       w.read_events(clock.now());
//       for (const FolderChange &c : w.take_changed(clock.now())) rescan(c.folder);
//   }
#pragma once

#include "clock.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hs {

struct WatchTiming {
    Millis quiet_ms = 300;           // a folder is reported after this long without plugin events
    Millis retry_ms = 1000;          // missing/unwatchable folders retried, watched ones re-checked
    Millis stalled_write_ms = 10000; // a file open for writing this long without events: report
};

struct FolderChange {
    std::string folder;              // as given to the watcher
    std::vector<std::string> files;  // plugin files (folder/name) that changed, sorted; informative
    bool rescan = false;             // the folder appeared, disappeared or events were lost: the
                                     // file list is incomplete (the caller rescans anyway)
};

// Driven by one thread at a time (the frame loop, or a watcher thread that hands changes over).
class FolderWatcher {
public:
    explicit FolderWatcher(std::vector<std::string> folders, Millis quiet_ms = 300);
    FolderWatcher(std::vector<std::string> folders, WatchTiming timing);
    ~FolderWatcher();
    FolderWatcher(const FolderWatcher &) = delete;
    FolderWatcher &operator=(const FolderWatcher &) = delete;

    // The inotify descriptor (non-blocking), readable when events are waiting; -1 when inotify is
    // unavailable (see needs_periodic_rescan).
    int fd() const { return fd_; }

    // Waits up to `timeout_ms` for events without consuming them; true when some are waiting.
    // With no descriptor it just sleeps, so a loop built on it still paces itself.
    bool poll(int timeout_ms) const;

    // Drains the waiting events (never blocks), stamping them with `now`, and when due retries
    // folders that are missing or could not be watched. Call it on every loop turn, also when
    // poll() timed out: retries and re-checks happen here.
    void read_events(Millis now);

    // Folders whose contents changed and have now been quiet, in the order they were given.
    // Each is reported once per burst of changes.
    std::vector<FolderChange> take_changed(Millis now);

    // When read_events/take_changed next have something to do (a folder due to turn quiet, a
    // retry or re-check); at or before `now` means now. Empty only without inotify.
    std::optional<Millis> next_deadline() const;

    // One line per folder that cannot be watched and why, each reported once until the cause
    // changes. A folder that merely does not exist yet is not a problem: it is retried quietly.
    std::vector<std::string> take_problems();

    // True while some folder can only be kept current by rescanning it periodically (inotify
    // unavailable, watch limit reached, permission denied).
    bool needs_periodic_rescan() const;

private:
    struct PendingFile {
        Millis last = 0;      // time of the latest event for this name
        bool writing = false; // modified or created, not yet closed
    };
    struct Folder {
        std::string path;
        int wd = -1;                              // -1: not watched (missing or failed)
        std::uint64_t dev = 0, ino = 0;           // what was watched, to notice a swapped folder
        std::string error;                        // why it cannot be watched; empty when missing
        bool error_reported = false;
        std::map<std::string, PendingFile> files; // by name
        std::optional<Millis> rescan_since;
    };

    void try_watch(Folder &f, Millis now, bool report_appearance);
    void unwatch(Folder &f, Millis now);
    void check_folders(Millis now);
    void handle_event(int wd, unsigned mask, const char *name, Millis now);
    std::optional<Millis> ready_at(const Folder &f) const;

    std::vector<Folder> folders_;
    WatchTiming timing_;
    int fd_ = -1;
    std::optional<Millis> next_check_; // empty: check on the first read_events
    std::vector<std::string> problems_;
};

// True for the names the loader considers: "*.so" and "*.so.sig" (not ".so" alone, not "x.so.tmp").
bool is_plugin_file_name(const std::string &name);

} // namespace hs
