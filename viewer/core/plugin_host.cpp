#include "plugin_host.hpp"

#include "folder_watch.hpp"
#include "search.hpp"
#include "used_characters.hpp"
#include "versions.hpp"

#include <spdlog/spdlog.h>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace hs {
namespace {

// What identifies one state of a plugin file without reading it: replaced, rewritten, touched or
// re-signed, one of these changes. (The probe cache then tells by content whether it was seen.)
std::string file_key(const std::string &path) {
    auto stat_key = [](const std::string &p) {
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) return std::string("-");
        return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
               std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_mode);
    };
    return stat_key(path) + "|" + stat_key(path + ".sig");
}

} // namespace

PluginHost::PluginHost(PluginHostSetup setup) : setup_(std::move(setup)) {
    auto first = std::make_shared<Catalog>();
    first->loading = true; // nothing has been looked at yet
    catalog_ = std::move(first);
    wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

PluginHost::~PluginHost() {
    stop();
    if (wake_fd_ >= 0) close(wake_fd_);
}

void PluginHost::stop() {
    stop_ = true;
    if (wake_fd_ >= 0) {
        uint64_t one = 1;
        (void)!write(wake_fd_, &one, sizeof one);
    }
    if (worker_.joinable()) worker_.join();
}

std::shared_ptr<const Catalog> PluginHost::catalog() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return catalog_;
}

void PluginHost::scan() { scan_folders(setup_.folders); }

void PluginHost::start(std::function<void()> on_change) {
    on_change_ = std::move(on_change);
    loading_ = true;
    worker_ = std::thread([this] {
        // Nothing a plugin folder holds may end the kiosk: out of memory while copying a topic
        // stops the watching, logged, and the topics already shown stay.
        try {
            run();
        } catch (const std::exception &e) {
            spdlog::critical("plugin folders are no longer watched: {}", e.what());
        }
        loading_ = false;
    });
}

void PluginHost::reload() {
    reload_ = true;
    uint64_t one = 1;
    if (wake_fd_ >= 0) (void)!write(wake_fd_, &one, sizeof one);
}

void PluginHost::publish() {
    auto next = std::make_shared<Catalog>();
    std::vector<Topic> topics;
    for (const std::string &folder : setup_.folders) {
        auto f = folders_.find(folder);
        if (f == folders_.end()) continue;
        if (f->second.problem) next->rejected.push_back(*f->second.problem);
        for (const std::string &file : f->second.files) {
            auto s = files_.find(file);
            if (s == files_.end()) continue; // not checked yet
            if (s->second.topic) topics.push_back(*s->second.topic);
            if (s->second.rejection) next->rejected.push_back(*s->second.rejection);
        }
    }
    next->topics = keep_highest_versions(std::move(topics), next->shadowed);
    std::stable_sort(next->topics.begin(), next->topics.end(), [](const Topic &a, const Topic &b) {
        return a.category != b.category ? a.category < b.category : a.title < b.title;
    });
    next->loading = loading_;
    next->checks = counts_;
    next->search = SearchIndex::build(next->topics); // here, on the worker: never on the UI thread
    next->characters = std::make_shared<const Characters>(used_characters(*next)); // the font atlas's
    {
        std::lock_guard<std::mutex> lock(mutex_);
        catalog_ = std::move(next);
    }
    if (on_change_) on_change_();
}

void PluginHost::scan_folders(const std::vector<std::string> &folders) {
    auto started = std::chrono::steady_clock::now();
    std::vector<std::string> todo;
    std::vector<std::string> keys;
    for (const std::string &folder : folders) {
        FolderState state;
        state.files = list_plugin_files(folder, state.problem);
        // A folder others can write into could have any plugin swapped in: none of it is used.
        if (auto why = state.problem ? std::nullopt : check_folder_permissions(folder)) {
            state.problem = Rejection{folder, *why + "; none of its plugins was loaded", RejectionKind::folder};
            state.files.clear();
        }
        if (state.problem) spdlog::warn("plugin folder {}: {}", folder, state.problem->reason);
        // Forget what left the folder.
        for (const std::string &was : folders_[folder].files) {
            if (std::find(state.files.begin(), state.files.end(), was) != state.files.end()) continue;
            spdlog::info("plugin removed: {}", was);
            files_.erase(was);
        }
        for (const std::string &file : state.files) {
            std::string key = file_key(file);
            auto known = files_.find(file);
            if (known != files_.end() && known->second.key == key) continue;
            todo.push_back(file);
            keys.push_back(key);
        }
        folders_[folder] = std::move(state);
    }
    loading_ = !todo.empty();
    publish(); // removals show at once

    counts_ = {};
    auto published = std::chrono::steady_clock::now();
    for (size_t start = 0; start < todo.size() && !stop_; start += setup_.batch) {
        size_t end = std::min(todo.size(), start + setup_.batch);
        std::vector<std::string> chunk(todo.begin() + start, todo.begin() + end);
        CheckCounts counts;
        ProbeSetup probe = setup_.probe;
        probe.options.cancel = &stop_; // stopping (the kiosk exits) does not wait for a hung probe
        std::vector<PluginCheck> checked = check_plugins(chunk, probe, &counts);
        if (stop_) {
            size_t cut = 0;
            for (const PluginCheck &c : checked)
                if (!c.topic && c.problems.size() == 1 && c.problems[0].kind == RejectionKind::unchecked) ++cut;
            spdlog::info("plugin checks stopped with the viewer: {} cut short", cut);
            break;
        }
        counts_.probed += counts.probed;
        counts_.from_cache += counts.from_cache;
        for (size_t i = 0; i < chunk.size(); ++i) {
            const std::string &file = chunk[i];
            PluginCheck &c = checked[i];
            FileState state;
            state.key = keys[start + i];
            if (c.topic && !unchanged_since(*c.fingerprint)) {
                // What was checked must be what is shown. The watcher reports the change and the
                // file is checked again then; until that check is done, what was shown stays.
                auto previous = files_.find(file);
                if (previous != files_.end() && previous->second.topic) {
                    previous->second.key.clear();
                    continue;
                }
                state.key.clear();
                c.topic.reset();
                c.problems = {{CheckStage::fingerprint, RejectionKind::unchecked, {},
                               "changed while it was being checked; checked again when it settles"}};
            }
            if (c.topic) {
                spdlog::info("topic loaded: {} {} from {}{}", c.topic->id, c.topic->version, file,
                             c.from_cache ? " (probe cache)" : "");
                state.topic = std::move(c.topic);
            } else {
                state.rejection = c.rejection();
                for (const PluginProblem &p : c.problems)
                    spdlog::error("plugin {}: {}: {}: {}", kind_name(p.kind), file, stage_name(p.stage), p.text());
            }
            files_[file] = std::move(state);
        }
        // The home screen fills in as plugins pass, but each new catalog costs a copy of every
        // topic and a few frames: with hundreds of plugins, publish by time, not by batch.
        auto now = std::chrono::steady_clock::now();
        if (end < todo.size() && now - published >= std::chrono::milliseconds(setup_.publish_every_ms)) {
            publish();
            published = now;
        }
    }
    if (setup_.probe.cache && !todo.empty()) setup_.probe.cache->save();
    loading_ = false;
    publish();
    if (!todo.empty())
        spdlog::info("{} plugin(s) checked in {:.2f} s: {} probed, {} known from the cache", todo.size(),
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                     counts_.probed, counts_.from_cache);
}

void PluginHost::run() {
    // Watch first, then scan: a plugin that arrives after the scan listed its folder is then
    // reported by the watcher (a change during the scan costs one more, cheap, rescan).
    Clock clock;
    FolderWatcher watcher(setup_.folders, setup_.quiet_ms);
    scan_folders(setup_.folders);
    Millis next_periodic = clock.now() + setup_.periodic_rescan_ms;
    while (!stop_) {
        Millis now = clock.now();
        Millis until = now + 1000;
        if (auto d = watcher.next_deadline()) until = std::min(until, std::max(*d, now));
        if (watcher.needs_periodic_rescan()) until = std::min(until, next_periodic);
        pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
        ::poll(fds, watcher.fd() >= 0 ? 2 : 1, static_cast<int>(std::max<Millis>(0, until - now)));
        if (stop_) break;
        uint64_t drained = 0;
        (void)!read(wake_fd_, &drained, sizeof drained);

        now = clock.now();
        watcher.read_events(now);
        for (const std::string &p : watcher.take_problems()) spdlog::warn("plugin folders: {}", p);
        std::vector<std::string> dirty;
        for (const FolderChange &c : watcher.take_changed(now)) dirty.push_back(c.folder);
        if (watcher.needs_periodic_rescan() && now >= next_periodic) {
            dirty = setup_.folders;
            next_periodic = now + setup_.periodic_rescan_ms;
        }
        if (reload_.exchange(false)) {
            // Everything is checked again (the probe cache still saves the probes); what is shown
            // stays until its new check is done.
            for (auto &entry : files_) entry.second.key.clear();
            dirty = setup_.folders;
        }
        if (!dirty.empty()) scan_folders(dirty);
    }
}

} // namespace hs
