// Loads a topic plugin: dlopen, call the entry point once, copy the content, dlclose.
// Only helpstation-probe links this (and tests that load plugins they built): the kiosk never maps
// a plugin, it receives the topic as data (core/extraction.hpp). Nothing here throws.
#pragma once

#include "core/descriptor.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hs {

struct LoadResult {
    std::optional<Topic> topic;
    std::vector<std::string> problems; // without a topic: each "field: reason", or one sentence
    std::vector<std::string> warnings; // with a topic: parts left out (CopyResult::warnings)
};

// Told where load_plugin has got to ("dlopen", "entry", "validate", "close") before it gets
// there, so a process that dies on the way knows which step killed it (see helpstation-probe).
using LoadPhaseFn = std::function<void(const char *phase)>;

// Where a loaded topic's pictures live: copied into memory, or left in the plugin file (where the
// file holds them as the entry point returned them; see core/picture_file.hpp).
enum class PictureMemory { Copy, InFile };

// Loads one plugin file. The library is closed again before returning: the caller has a copy.
LoadResult load_plugin(const std::string &path, const ContentLimits &limits = {}, const LoadPhaseFn &phase = {},
                       PictureMemory pictures = PictureMemory::Copy);

} // namespace hs
