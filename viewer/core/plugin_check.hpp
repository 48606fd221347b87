// The one plugin check. Every plugin file the kiosk, --list-topics, --search, --render-topic or
// --validate looks at goes through check_plugins(), in these stages, each named by one verb in code,
// log and README:
//
//   trust        who may write the file and its folder; its signature when one is required.
//                Nothing of an untrusted plugin runs anywhere, not even in the probe.
//   fingerprint  the file's BLAKE2b hash, size and mtime.
//   cache        a fingerprint the probe cache knows: its extraction is read from the cache and no
//                plugin code runs at all.
//   probe        otherwise helpstation-probe, a confined process of its own (viewer/probe), loads the
//                plugin, validates it, decodes its pictures and sends the topic back as data.
//   validate     the topic data (from the probe or the cache) is checked again here with the same
//                validator: the plugin could have written anything on the probe's answer channel.
//
// The kiosk's own process never maps a plugin: it only reads the plugin file's bytes (the hash, and
// later the pictures it shows).
#pragma once

#include "content.hpp"
#include "descriptor.hpp"
#include "probe.hpp"
#include "probe_cache.hpp"
#include "trust.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hs {

enum class CheckStage { trust, fingerprint, cache, probe, validate };
const char *stage_name(CheckStage stage); // "trust", "fingerprint", ...

// Why a plugin (or folder) is not in the catalog. The operator acts differently on each: fix the
// content, replace a plugin that crashes, hangs or tries what it must not, or fix the kiosk itself.
enum class RejectionKind {
    refused,     // it ran fine but is not a valid topic, is not trusted, or its id is taken
    quarantined, // it misbehaved while being checked: crashed, hung, tried a forbidden system call,
                 // or sent something that is not a valid topic
    unchecked,   // it could not be checked (the probe did not start, the file changed meanwhile)
    folder,      // a plugin folder that is missing, unreadable or writable by others
};
const char *kind_name(RejectionKind kind); // "refused", "quarantined", "unchecked", "folder"

// One problem found by the check: where, what sort, about which field (may be empty), and why.
struct PluginProblem {
    CheckStage stage = CheckStage::probe;
    RejectionKind kind = RejectionKind::refused;
    std::string field;   // "fixes[1].steps[0].text", "" when about the plugin as a whole
    std::string message; // one sentence a store operator can act on
    std::string text() const; // "field: message", or the message alone
};

// A plugin (or folder) that is not used, with every problem found.
struct Rejection {
    std::string plugin; // the file (or folder) the problem is about
    std::string reason; // the problems in one line ("field: message; ...")
    RejectionKind kind = RejectionKind::refused;
    std::vector<PluginProblem> problems; // may be empty for folders and shadowed versions
};

struct ProbeSetup {
    std::string probe_exe;       // the helpstation-probe executable
    ProbeCache *cache = nullptr; // optional: extractions found here are not probed again, new ones are added
    ProbeOptions options;
    TrustPolicy trust;
    ContentLimits limits;        // for the validate stage
};

// The result for one file: a topic, or the problems that keep it out.
struct PluginCheck {
    std::string file;
    std::optional<Topic> topic;
    std::vector<PluginProblem> problems;
    // With a topic: parts left out while it loads (a broken translation), kind `refused`, stage
    // `validate`; logged by check_plugins and printed by --validate.
    std::vector<PluginProblem> warnings;
    std::optional<PluginFingerprint> fingerprint; // set when the file could be read
    bool from_cache = false;
    double probe_seconds = 0; // wall time of the probe; 0 from the cache

    std::optional<Rejection> rejection() const; // nullopt with a topic
};

struct CheckCounts {
    int probed = 0, from_cache = 0;
};

// One result per file, in order. Probes the files the cache does not know in parallel; remembers
// new passes in the cache but does not save it (the caller does, once).
std::vector<PluginCheck> check_plugins(const std::vector<std::string> &files, const ProbeSetup &setup,
                                       CheckCounts *counts = nullptr);

// The plugin files in a folder: regular files ending in ".so", sorted by name.
// A missing or unreadable folder is reported through `problem`.
std::vector<std::string> list_plugin_files(const std::string &folder, std::optional<Rejection> &problem);

} // namespace hs
