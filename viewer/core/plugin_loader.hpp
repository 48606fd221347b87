// Loads topic plugins: dlopen, call the entry point once, copy the content, dlclose.
// Every failure becomes a Rejection naming the file and the reason; nothing here throws.
#pragma once

#include "descriptor.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hs {

// Why a plugin (or folder) is not in the catalog. The operator acts differently on each: fix the
// content, replace a plugin that crashes or hangs, or fix the kiosk's own installation.
enum class RejectionKind {
    refused,     // it ran fine but is not a valid topic (or its id is taken)
    quarantined, // it misbehaved while being checked: crashed, aborted, exited or hung
    unchecked,   // it could not be checked (the probe did not start), so it is not loaded
    folder,      // a plugin folder that is missing or unreadable
};
const char *kind_name(RejectionKind kind); // "refused", "quarantined", "unchecked", "folder"

struct Rejection {
    std::string plugin; // the file (or folder) the problem is about
    std::string reason; // one line a store operator can act on
    RejectionKind kind = RejectionKind::refused;
};

struct LoadResult {
    std::optional<Topic> topic;
    std::optional<Rejection> rejection;
    std::vector<std::string> problems; // with a rejection: each "field: reason" on its own
};

// Told where load_plugin has got to ("dlopen", "entry", "validate", "close") before it gets
// there, so a process that dies on the way knows which step killed it (see helpstation-probe).
using LoadPhaseFn = std::function<void(const char *phase)>;

// Where a loaded topic's pictures live: copied into memory, or left in the plugin file and read
// from it when shown (the kiosk; see picture_file.hpp).
enum class PictureMemory { Copy, InFile };

// Loads one plugin file. The library is closed again before returning: the host keeps a copy.
LoadResult load_plugin(const std::string &path, const ContentLimits &limits = {}, const LoadPhaseFn &phase = {},
                       PictureMemory pictures = PictureMemory::Copy);

// The plugin files in a folder: regular files ending in ".so", sorted by name.
// A missing or unreadable folder is reported through `problem`.
std::vector<std::string> list_plugin_files(const std::string &folder, std::optional<Rejection> &problem);

} // namespace hs
