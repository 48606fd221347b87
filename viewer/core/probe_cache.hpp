// Remembers what the probe extracted from each plugin file that passed, across restarts, so a kiosk
// starts without running any plugin code at all: neither a probe per plugin nor the plugin itself.
// A file is known by its path, size, mtime and BLAKE2b content hash: any change to the file (even
// one that keeps the mtime) probes it again.
//
// Stored in $XDG_CACHE_HOME/helpstation/ (~/.cache/... by default): probe-cache.json, the index
// (path -> fingerprint), and topics/<blake2b>.hsx, the topic as data (extraction.hpp), each written
// atomically (temporary file + rename). What is read from here is validated again like a probe's
// answer (plugin_check.hpp). The cache is only ever an optimisation: a file that is missing,
// corrupt, from another version or unwritable is logged once and costs a probe.
//
// Only passes are remembered. A failure may be the machine's rather than the plugin's (a probe
// that timed out on a busy boot, a probe that could not start); remembering it would keep a good
// plugin out until its file changed. A bad plugin costs one probe per start; a good one none.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace hs {

struct PluginFingerprint {
    std::string path;
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string blake2b; // hex, 32 bytes
};

// Reads the whole file to hash it; nullopt (and `error`) when it cannot be read.
std::optional<PluginFingerprint> fingerprint_plugin(const std::string &path, std::string &error);

// True when the file still has the size and mtime it had when fingerprinted (a cheap stat, to
// notice a file replaced between its check and its loading).
bool unchanged_since(const PluginFingerprint &fp);

class ProbeCache {
public:
    // Reads `dir`/probe-cache.json if there is one. The folder is created only when saving.
    explicit ProbeCache(std::string dir);
    ProbeCache() : ProbeCache(default_dir()) {}

    // The extraction of a file with this fingerprint; nullopt when not known (or unreadable).
    std::optional<std::string> find(const PluginFingerprint &fp) const;
    // Writes the extraction at once (so a crash later loses nothing); the index at save().
    void remember(const PluginFingerprint &fp, const std::string &extraction);
    // Writes the file if anything changed, leaving out files that no longer exist. False (and
    // one log line per cache) when it cannot be written; the kiosk carries on regardless.
    bool save();

    const std::string &file() const { return file_; }
    // $XDG_CACHE_HOME/helpstation, or ~/.cache/helpstation.
    static std::string default_dir();

private:
    struct Entry {
        PluginFingerprint fp;
    };
    void load();
    void complain(const std::string &what);
    std::string topic_file(const std::string &blake2b) const;
    bool write_atomically(const std::string &file, const std::string &bytes);

    std::string dir_, file_;
    std::map<std::string, Entry> entries_; // by path
    bool dirty_ = false;
    bool complained_ = false;
};

} // namespace hs
