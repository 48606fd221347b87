// inotify-based plugin folder watching; see folder_watch.hpp for what is reported when.
#include "folder_watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>

namespace hs {
namespace {

// IN_MODIFY is what tells a file still being written from a finished one. IN_ATTRIB because a
// chmod can make a plugin loadable or not. IN_ONLYDIR: a file at the folder's path is a problem,
// not something to watch.
constexpr uint32_t kWatchMask = IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE |
                                IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

std::string describe_errno(int err) {
    switch (err) {
    case EACCES: return "permission denied";
    case ENOTDIR: return "not a folder";
    case ENOSPC: return "the inotify watch limit is reached (sysctl fs.inotify.max_user_watches)";
    case EMFILE: return "the inotify instance limit is reached (sysctl fs.inotify.max_user_instances)";
    default: return std::strerror(err);
    }
}

// A regular file that has just been created with a single link was made by open(O_CREAT): its
// writer is still at work, and its IN_CLOSE_WRITE will follow. A symlink or a hard link (more
// than one link) arrives complete, and no close will ever come for it.
bool created_for_writing(const std::string &path) {
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0) return false;
    return S_ISREG(st.st_mode) && st.st_nlink == 1;
}

} // namespace

bool is_plugin_file_name(const std::string &name) {
    // Same rule as list_plugin_files (extension() of a dot-file like ".so" is empty).
    namespace fs = std::filesystem;
    fs::path p(name);
    if (p.extension() == ".so") return true;
    return p.extension() == ".sig" && p.stem().extension() == ".so";
}

FolderWatcher::FolderWatcher(std::vector<std::string> folders, Millis quiet_ms)
    : FolderWatcher(std::move(folders), WatchTiming{quiet_ms}) {}

FolderWatcher::FolderWatcher(std::vector<std::string> folders, WatchTiming timing) : timing_(timing) {
    for (std::string &path : folders) {
        Folder f;
        f.path = std::move(path);
        folders_.push_back(std::move(f));
    }
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) {
        problems_.push_back("plugin folders cannot be watched for changes: " + describe_errno(errno));
        return;
    }
    // The caller has just scanned the folders: what is there now is not a change.
    for (Folder &f : folders_) try_watch(f, 0, false);
}

FolderWatcher::~FolderWatcher() {
    if (fd_ >= 0) close(fd_);
}

bool FolderWatcher::poll(int timeout_ms) const {
    if (fd_ < 0) {
        if (timeout_ms > 0) ::poll(nullptr, 0, timeout_ms);
        return false;
    }
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, timeout_ms) > 0 && (p.revents & POLLIN);
}

void FolderWatcher::try_watch(Folder &f, Millis now, bool report_appearance) {
    int wd = inotify_add_watch(fd_, f.path.c_str(), kWatchMask);
    if (wd < 0) {
        int err = errno;
        if (err == ENOENT) {
            // Not there (yet): retried quietly. Forget an earlier error so it is reported again
            // should it come back.
            f.error.clear();
            f.error_reported = false;
            return;
        }
        std::string error = describe_errno(err);
        if (error != f.error) {
            f.error = error;
            f.error_reported = false;
        }
        if (!f.error_reported) {
            problems_.push_back(f.path + ": cannot be watched for plugin changes: " + error);
            f.error_reported = true;
        }
        return;
    }
    struct stat st {};
    if (stat(f.path.c_str(), &st) == 0) {
        f.dev = st.st_dev;
        f.ino = st.st_ino;
    }
    f.wd = wd;
    f.error.clear();
    f.error_reported = false;
    if (report_appearance) f.rescan_since = now;
}

void FolderWatcher::unwatch(Folder &f, Millis now) {
    int wd = f.wd;
    f.wd = -1;
    // Two configured paths can name the same folder and share one watch descriptor.
    bool shared = std::any_of(folders_.begin(), folders_.end(), [&](const Folder &o) { return o.wd == wd; });
    if (!shared) inotify_rm_watch(fd_, wd); // fails harmlessly when the kernel already dropped it
    // Whatever was being written there is gone with the folder; the rescan covers the rest.
    for (auto &entry : f.files) entry.second.writing = false;
    f.rescan_since = now;
}

void FolderWatcher::check_folders(Millis now) {
    next_check_ = now + timing_.retry_ms;
    for (Folder &f : folders_) {
        if (f.wd < 0) {
            try_watch(f, now, true);
            continue;
        }
        // inotify follows the folder's inode, not its path: a renamed parent, or a folder swapped
        // in while a self event was being handled, leaves the watch on something else.
        struct stat st {};
        if (stat(f.path.c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_dev) != f.dev ||
            static_cast<std::uint64_t>(st.st_ino) != f.ino) {
            unwatch(f, now);
            try_watch(f, now, true);
        }
    }
}

void FolderWatcher::read_events(Millis now) {
    if (fd_ < 0) return;
    alignas(inotify_event) char buffer[16 * 1024];
    for (;;) {
        ssize_t n = read(fd_, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break; // EAGAIN: drained
        for (char *p = buffer; p < buffer + n;) {
            const auto *ev = reinterpret_cast<const inotify_event *>(p);
            handle_event(ev->wd, ev->mask, ev->len ? ev->name : "", now);
            p += sizeof(inotify_event) + ev->len;
        }
    }
    if (!next_check_ || now >= *next_check_) check_folders(now);
}

void FolderWatcher::handle_event(int wd, unsigned mask, const char *name, Millis now) {
    if (mask & IN_Q_OVERFLOW) {
        // Events were lost: any watched folder may have changed.
        for (Folder &f : folders_)
            if (f.wd >= 0) f.rescan_since = now;
        return;
    }
    for (Folder &f : folders_) {
        if (f.wd != wd) continue;
        if (mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)) {
            // The folder went away (its IN_IGNORED follows and then matches nothing). A new one
            // may already be in its place, as when a whole folder is swapped by two renames.
            unwatch(f, now);
            try_watch(f, now, true);
            continue;
        }
        if ((mask & IN_ISDIR) || !is_plugin_file_name(name)) continue;
        PendingFile &file = f.files[name];
        file.last = now;
        if (mask & IN_MODIFY) file.writing = true;
        if (mask & IN_CREATE) file.writing = created_for_writing((std::filesystem::path(f.path) / name).string());
        if (mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)) file.writing = false;
    }
}

std::optional<Millis> FolderWatcher::ready_at(const Folder &f) const {
    std::optional<Millis> at;
    if (f.rescan_since) at = *f.rescan_since + timing_.quiet_ms;
    for (const auto &entry : f.files) {
        const PendingFile &file = entry.second;
        Millis t = file.last + (file.writing ? std::max(timing_.stalled_write_ms, timing_.quiet_ms) : timing_.quiet_ms);
        at = at ? std::max(*at, t) : t;
    }
    return at;
}

std::vector<FolderChange> FolderWatcher::take_changed(Millis now) {
    std::vector<FolderChange> changes;
    for (Folder &f : folders_) {
        std::optional<Millis> at = ready_at(f);
        if (!at || *at > now) continue;
        FolderChange change;
        change.folder = f.path;
        for (const auto &entry : f.files)
            change.files.push_back((std::filesystem::path(f.path) / entry.first).string());
        change.rescan = f.rescan_since.has_value();
        f.files.clear();
        f.rescan_since.reset();
        changes.push_back(std::move(change));
    }
    return changes;
}

std::optional<Millis> FolderWatcher::next_deadline() const {
    if (fd_ < 0) return std::nullopt;
    Millis deadline = next_check_ ? *next_check_ : std::numeric_limits<Millis>::min();
    for (const Folder &f : folders_)
        if (std::optional<Millis> at = ready_at(f)) deadline = std::min(deadline, *at);
    return deadline;
}

std::vector<std::string> FolderWatcher::take_problems() {
    std::vector<std::string> out;
    out.swap(problems_);
    return out;
}

bool FolderWatcher::needs_periodic_rescan() const {
    if (fd_ < 0) return true;
    return std::any_of(folders_.begin(), folders_.end(), [](const Folder &f) { return f.wd < 0 && !f.error.empty(); });
}

} // namespace hs
