// Keeps the catalog in step with the plugin folders, off the UI thread. No GL, no ImGui.
//
// A worker thread scans the folders, checks every plugin it has not seen in this state before
// (check_plugins: trust, fingerprint, cache or probe, validate), and publishes a new immutable
// Catalog after every few plugins, so the home screen fills in while the rest are still checked.
// Then it watches the folders (inotify, FolderWatcher) and rescans a folder when a plugin in it
// was added, replaced or removed; files that did not change (same size, mtime, inode, signature)
// are not checked again. Several versions of one topic id: the highest wins, the others are
// listed as shadowed.
//
// The UI takes the latest catalog when it suits it (on Home or between customers), so a topic
// a customer is reading is never pulled from under them.
#pragma once

#include "catalog.hpp"
#include "plugin_check.hpp"
#include "clock.hpp"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hs {

struct PluginHostSetup {
    std::vector<std::string> folders;
    ProbeSetup probe;      // probe executable, cache, time limits, trust policy, content limits
    Millis quiet_ms = 300; // a folder is rescanned after this long without changes
    size_t batch = 8;      // plugins checked between two publications of the catalog
    Millis periodic_rescan_ms = 2000; // when inotify cannot watch a folder
    Millis publish_every_ms = 250; // while checking many plugins, publish the catalog at most this often
};

class PluginHost {
public:
    explicit PluginHost(PluginHostSetup setup);
    ~PluginHost(); // stops the worker
    PluginHost(const PluginHost &) = delete;
    PluginHost &operator=(const PluginHost &) = delete;

    // Scans every folder once on this thread and returns (for --list-topics, tests).
    void scan();
    // Scans and then keeps watching on a worker thread. `on_change` is called from that thread
    // after each new catalog is published (the viewer wakes its frame loop with it).
    void start(std::function<void()> on_change);
    // Rescans everything (the admin menu's "Reload topics").
    void reload();
    // Stops the worker (and with it the on_change calls); idempotent. The destructor calls it.
    void stop();

    // The latest catalog; never null.
    std::shared_ptr<const Catalog> catalog() const;
    // True while plugins are being checked.
    bool loading() const { return loading_; }

private:
    struct FileState {
        std::string key; // size, mtime, inode of the file and its signature
        std::optional<Topic> topic;
        std::optional<Rejection> rejection;
    };
    struct FolderState {
        std::vector<std::string> files;
        std::optional<Rejection> problem;
    };
    void run();
    void scan_folders(const std::vector<std::string> &folders);
    void publish();

    PluginHostSetup setup_;
    std::map<std::string, FileState> files_;     // by path; worker thread only
    std::map<std::string, FolderState> folders_; // by folder; worker thread only
    CheckCounts counts_;                          // of the last scan
    mutable std::mutex mutex_;
    std::shared_ptr<const Catalog> catalog_;
    std::function<void()> on_change_;
    std::atomic<bool> loading_{false}, stop_{false}, reload_{false};
    int wake_fd_ = -1; // eventfd: interrupts the worker's wait (stop, reload)
    std::thread worker_;
};

} // namespace hs
