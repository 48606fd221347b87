#include "vetting.hpp"

#include <spdlog/spdlog.h>

namespace hs {
namespace {

Rejection rejection_for(const std::string &file, const ProbeVerdict &v) {
    switch (v.outcome) {
    case ProbeVerdict::Outcome::refused: return {file, v.reason, RejectionKind::refused};
    case ProbeVerdict::Outcome::quarantined: return {file, v.reason, RejectionKind::quarantined};
    case ProbeVerdict::Outcome::not_run:
    case ProbeVerdict::Outcome::passed: break;
    }
    return {file, v.reason, RejectionKind::unchecked};
}

} // namespace

std::vector<Vetted> vet_plugins(const std::vector<std::string> &files, const ProbeSetup &setup,
                                VettingCounts *counts) {
    std::vector<Vetted> out(files.size());
    std::vector<std::string> to_probe;
    std::vector<size_t> probe_index;
    for (size_t i = 0; i < files.size(); ++i) {
        // Trust first, before anything of the plugin runs, even in the probe: a file that others
        // can write, or that is not signed when signatures are required, is never opened.
        if (auto why = check_trust(files[i], setup.trust)) {
            out[i].rejection = Rejection{files[i], *why, RejectionKind::refused};
            continue;
        }
        std::string error;
        out[i].fingerprint = fingerprint_plugin(files[i], error);
        if (!out[i].fingerprint) {
            out[i].rejection = Rejection{files[i], error, RejectionKind::refused};
            continue;
        }
        if (setup.cache && setup.cache->find(*out[i].fingerprint)) {
            out[i].from_cache = true;
            if (counts) ++counts->from_cache;
            continue;
        }
        to_probe.push_back(files[i]);
        probe_index.push_back(i);
    }

    std::vector<ProbeVerdict> verdicts = probe_plugins(setup.probe_exe, to_probe, setup.options);
    for (size_t k = 0; k < verdicts.size(); ++k) {
        const ProbeVerdict &v = verdicts[k];
        Vetted &vetted = out[probe_index[k]];
        spdlog::debug("probe: {}: {} in {:.3f} s", to_probe[k], v.passed() ? "passed" : v.reason, v.seconds);
        if (v.passed()) {
            if (setup.cache) setup.cache->remember(*vetted.fingerprint, {v.id, v.version, v.title});
        } else {
            vetted.rejection = rejection_for(to_probe[k], v);
        }
    }
    if (counts) counts->probed += static_cast<int>(to_probe.size());
    return out;
}

} // namespace hs
