// Turns a plugin's plain-C hs_topic into the content model, checking every field on the way.
// This is the one place that reads plugin memory; everything after works on the copy.
#pragma once

#include "content.hpp"

#include <optional>
#include <string>
#include <vector>

struct hs_topic;

namespace hs {

// Upper bounds that keep one plugin from exhausting the kiosk's memory.
struct ContentLimits {
    size_t max_string_bytes = 16 * 1024;
    size_t max_list = 256;                      // symptoms, fixes, steps per fix, FAQ, images
    size_t max_image_bytes = 16u * 1024 * 1024; // one encoded picture
    long long max_image_pixels = 16LL * 1024 * 1024;
};

struct CopyResult {
    std::optional<Topic> topic;        // set when the descriptor is valid
    std::vector<std::string> problems; // "field: reason", empty when valid
};

// `raw` has already been checked for abi_version/struct_size and widened to the host's struct.
CopyResult copy_topic(const hs_topic &raw, const ContentLimits &limits = {});

// Lowercase letters, digits and '-', 1..64 characters, no leading/trailing '-'.
bool is_valid_topic_id(const std::string &id);

} // namespace hs
