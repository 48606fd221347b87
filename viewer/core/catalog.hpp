// The catalog: every topic loaded from the plugin folders, and every plugin that was refused.
#pragma once

#include "plugin_check.hpp"

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
    CheckCounts checks;                // how many plugins were probed, and how many the cache knew
    std::shared_ptr<const SearchIndex> search; // over `topics`, built with them (search.hpp)
    // Every character the topics show in any of their languages (used_characters.hpp): what the
    // font atlas holds. Worked out with them; null for a catalog made by hand (then worked out when asked).
    std::shared_ptr<const std::vector<char32_t>> characters;

    const Topic *find(const std::string &id) const; // nullptr when absent
};

// Checks every plugin of every folder, once (PluginHost::scan, check_plugins). Of several plugins
// with one topic id the highest version is used and the others are listed as shadowed. The cache,
// if any, is saved before returning.
Catalog load_catalog(const std::vector<std::string> &folders, const ProbeSetup &setup);

} // namespace hs
