// Loads topic plugins: dlopen, call the entry point once, copy the content, dlclose.
// Every failure becomes a Rejection naming the file and the reason; nothing here throws.
#pragma once

#include "descriptor.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hs {

struct Rejection {
    std::string plugin; // the file (or folder) the problem is about
    std::string reason; // one line a store operator can act on
};

struct LoadResult {
    std::optional<Topic> topic;
    std::optional<Rejection> rejection;
};

// Loads one plugin file. The library is closed again before returning: the host keeps a copy.
LoadResult load_plugin(const std::string &path, const ContentLimits &limits = {});

// The plugin files in a folder: regular files ending in ".so", sorted by name.
// A missing or unreadable folder is reported through `problem`.
std::vector<std::string> list_plugin_files(const std::string &folder, std::optional<Rejection> &problem);

} // namespace hs
