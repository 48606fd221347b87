// The catalog: every topic loaded from the plugin folders, and every plugin that was refused.
#pragma once

#include "plugin_loader.hpp"
#include "trust.hpp"

#include <string>
#include <vector>

namespace hs {

struct Catalog {
    std::vector<Topic> topics;         // sorted by category, then title
    std::vector<Rejection> rejected;   // plugins and folders that could not be used, with why
    std::vector<Rejection> problems;   // found while running (e.g. a picture that failed to decode)

    const Topic *find(const std::string &id) const; // nullptr when absent
};

// Loads every plugin of every folder. A second plugin with an id already loaded is refused.
// Folders and plugins must pass `trust` (trust.hpp) first; the default still checks permissions.
Catalog load_catalog(const std::vector<std::string> &folders, const ContentLimits &limits = {},
                     const TrustPolicy &trust = {});

} // namespace hs
