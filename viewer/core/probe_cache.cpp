#include "probe_cache.hpp"

#include "probe_protocol.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace hs {
namespace {

constexpr int kFormat = 1;
constexpr const char *kFileName = "probe-cache.json";

std::optional<struct stat> stat_file(const std::string &path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return st;
}

std::int64_t mtime_ns(const struct stat &st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

bool same(const PluginFingerprint &a, const PluginFingerprint &b) {
    return a.path == b.path && a.size == b.size && a.mtime_ns == b.mtime_ns && a.blake2b == b.blake2b;
}

} // namespace

std::optional<PluginFingerprint> fingerprint_plugin(const std::string &path, std::string &error) {
    if (sodium_init() < 0) {
        error = "libsodium cannot be initialised";
        return std::nullopt;
    }
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::string("cannot read: ") + std::strerror(errno);
        return std::nullopt;
    }
    struct stat st {};
    fstat(fd, &st);
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    unsigned char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = std::string("cannot read: ") + std::strerror(errno);
            close(fd);
            return std::nullopt;
        }
        crypto_generichash_update(&state, buf, static_cast<unsigned long long>(n));
    }
    close(fd);
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash_final(&state, hash, sizeof hash);
    char hex[2 * sizeof hash + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return PluginFingerprint{path, static_cast<std::uintmax_t>(st.st_size), mtime_ns(st), hex};
}

bool unchanged_since(const PluginFingerprint &fp) {
    auto st = stat_file(fp.path);
    return st && static_cast<std::uintmax_t>(st->st_size) == fp.size && mtime_ns(*st) == fp.mtime_ns;
}

std::string ProbeCache::default_dir() {
    namespace fs = std::filesystem;
    // XDG: a relative XDG_CACHE_HOME is invalid and must be ignored.
    if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return (fs::path(xdg) / "helpstation").string();
    const char *home = std::getenv("HOME");
    if (!home || !*home) {
        const passwd *pw = getpwuid(getuid());
        home = pw ? pw->pw_dir : nullptr;
    }
    return home && *home ? (fs::path(home) / ".cache" / "helpstation").string() : std::string();
}

ProbeCache::ProbeCache(std::string dir) : dir_(std::move(dir)) {
    if (dir_.empty()) {
        complain("no cache folder (neither XDG_CACHE_HOME nor HOME is set)");
        return;
    }
    file_ = (std::filesystem::path(dir_) / kFileName).string();
    load();
}

void ProbeCache::complain(const std::string &what) {
    if (complained_) return;
    complained_ = true;
    spdlog::warn("probe cache: {}; plugins are checked again instead", what);
}

void ProbeCache::load() {
    std::ifstream in(file_);
    if (!in) return; // no cache yet: the normal first start
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return complain(file_ + " is not valid JSON");
    if (doc.value("format", 0) != kFormat || doc.value("checks", 0) != kProbeChecksVersion) {
        // Written by another version of the viewer, whose probe checked other things.
        spdlog::info("probe cache: {} is from another version; plugins are checked again", file_);
        return;
    }
    try {
        for (const nlohmann::json &e : doc.at("entries")) {
            Entry entry{{e.at("path").get<std::string>(), e.at("size").get<std::uintmax_t>(),
                         e.at("mtime_ns").get<std::int64_t>(), e.at("blake2b").get<std::string>()}};
            entries_[entry.fp.path] = std::move(entry);
        }
    } catch (const nlohmann::json::exception &) {
        entries_.clear();
        complain(file_ + " has entries of the wrong shape");
    }
}

std::string ProbeCache::topic_file(const std::string &blake2b) const {
    return (std::filesystem::path(dir_) / "topics" / (blake2b + ".hsx")).string();
}

std::optional<std::string> ProbeCache::find(const PluginFingerprint &fp) const {
    auto it = entries_.find(fp.path);
    if (it == entries_.end() || !same(it->second.fp, fp)) return std::nullopt;
    // The hash is hex from the index; anything else is never used as part of a path.
    if (fp.blake2b.size() != 64 || fp.blake2b.find_first_not_of("0123456789abcdef") != std::string::npos)
        return std::nullopt;
    std::ifstream in(topic_file(fp.blake2b), std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return bytes;
}

void ProbeCache::remember(const PluginFingerprint &fp, const std::string &extraction) {
    if (file_.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(dir_) / "topics", ec);
    if (!write_atomically(topic_file(fp.blake2b), extraction)) return;
    Entry &e = entries_[fp.path];
    if (same(e.fp, fp)) return;
    e = {fp};
    dirty_ = true;
}

bool ProbeCache::write_atomically(const std::string &file, const std::string &text) {
    std::string tmp = file + ".XXXXXX";
    int fd = mkstemp(tmp.data());
    if (fd < 0) {
        complain("cannot write in " + std::filesystem::path(file).parent_path().string() + ": " + std::strerror(errno));
        return false;
    }
    bool ok = true;
    size_t done = 0;
    while (ok && done < text.size()) {
        ssize_t n = write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<size_t>(n);
    }
    // No fsync: after a power cut the worst case is an empty or torn file, which reads as corrupt
    // (or fails validation) and costs one probe, while an fsync would cost every start on an SD card.
    ok = close(fd) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), file.c_str()) != 0) {
        complain("cannot write " + file + ": " + std::strerror(errno));
        unlink(tmp.c_str());
        return false;
    }
    return true;
}

bool ProbeCache::save() {
    namespace fs = std::filesystem;
    if (file_.empty()) return false;
    // A plugin that was removed need not be remembered; one that is only elsewhere today (another
    // --plugins folder) still exists and keeps its entry.
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (stat_file(it->first)) {
            ++it;
        } else {
            it = entries_.erase(it);
            dirty_ = true;
        }
    }
    if (!dirty_) return true;
    // Extractions no entry refers to any more (an updated plugin's old version) are removed.
    std::set<std::string> used;
    for (const auto &[path, e] : entries_) used.insert(e.fp.blake2b + ".hsx");
    std::error_code ec;
    for (const auto &f : fs::directory_iterator(fs::path(dir_) / "topics", ec))
        if (f.path().extension() == ".hsx" && !used.count(f.path().filename().string())) fs::remove(f.path(), ec);

    nlohmann::json doc = {{"format", kFormat}, {"checks", kProbeChecksVersion}, {"entries", nlohmann::json::array()}};
    for (const auto &[path, e] : entries_)
        doc["entries"].push_back({{"path", path},
                                  {"size", e.fp.size},
                                  {"mtime_ns", e.fp.mtime_ns},
                                  {"blake2b", e.fp.blake2b}});
    // A path that is not UTF-8 would make dump() throw; such an entry is written with replacement
    // characters, never matches on reading, and only costs a probe.
    std::string text = doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";

    fs::create_directories(dir_, ec);
    if (!write_atomically(file_, text)) return false;
    dirty_ = false;
    return true;
}

} // namespace hs
