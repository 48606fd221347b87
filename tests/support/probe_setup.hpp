// The plugin check as the kiosk makes it, for tests: the real helpstation-probe, no cache.
#pragma once

#include "core/plugin_check.hpp"
#include "support/test_paths.hpp"

inline hs::ProbeSetup test_probe(const hs::TrustPolicy &trust = {}) {
    hs::ProbeSetup s;
    s.probe_exe = test_paths::probe;
    s.trust = trust;
    return s;
}

// One plugin file through the whole check.
inline hs::PluginCheck check_one(const std::string &file, const hs::TrustPolicy &trust = {}) {
    return hs::check_plugins({file}, test_probe(trust)).front();
}
