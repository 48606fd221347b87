// The catalog: every topic loaded from the plugin folders, and every plugin that was refused.
#pragma once

#include "plugin_loader.hpp"
#include "trust.hpp"
#include "vetting.hpp"

#include <memory>
#include <string>
#include <vector>

namespace hs {

class SearchIndex;

struct Catalog {
    std::vector<Topic> topics;         // sorted by category, then title
    std::vector<Rejection> rejected;   // plugins and folders that could not be used, with why
    std::vector<Rejection> shadowed;   // loaded, but a higher version of the same topic id won
    bool loading = false;              // plugins are still being checked: more may come
    VettingCounts vetting;             // how many plugins were probed, and how many the cache knew
    std::shared_ptr<const SearchIndex> search; // over `topics`, built with them (search.hpp)

    const Topic *find(const std::string &id) const; // nullptr when absent
};

// Loads every plugin of every folder, once (PluginHost::scan). Of several plugins with one topic
// id the highest version is loaded and the others are listed as shadowed.
// Each plugin is first checked by a probe process (or found in setup.cache) and only loaded into
// this process if it passed; the cache, if any, is saved before returning.
Catalog load_catalog(const std::vector<std::string> &folders, const ProbeSetup &setup,
                     const ContentLimits &limits = {});

// The same without probes: every plugin is loaded straight into this process. For tests and tools
// that load only plugins they built themselves; the kiosk always probes.
// Trust (permissions, and signatures if required) is checked all the same.
Catalog load_catalog(const std::vector<std::string> &folders, const ContentLimits &limits = {},
                     const TrustPolicy &trust = {});

} // namespace hs
