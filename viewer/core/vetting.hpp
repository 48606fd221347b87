// Decides which plugin files may be loaded into the kiosk's own process: those the probe cache
// knows as passed, and those that pass a probe now. Everything else is rejected with the probe's
// reason, as "refused" (invalid content), "quarantined" (misbehaved) or "unchecked".
#pragma once

#include "plugin_loader.hpp"
#include "probe.hpp"
#include "probe_cache.hpp"
#include "trust.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hs {

struct ProbeSetup {
    std::string probe_exe;       // the helpstation-probe executable
    ProbeCache *cache = nullptr; // optional: passes found here are not probed again, new ones are added
    ProbeOptions options;
    TrustPolicy trust;           // checked before anything of a plugin runs, even in a probe
};

struct Vetted {
    std::optional<Rejection> rejection;           // set: must not be loaded
    std::optional<PluginFingerprint> fingerprint; // set when the file could be read
    bool from_cache = false;
};

struct VettingCounts {
    int probed = 0, from_cache = 0;
};

// One result per file, in order. Runs the probes of files not in the cache in parallel; does not
// save the cache (the caller does, once).
std::vector<Vetted> vet_plugins(const std::vector<std::string> &files, const ProbeSetup &setup,
                                VettingCounts *counts = nullptr);

} // namespace hs
