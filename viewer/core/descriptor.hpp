// Turns a plugin's plain-C hs_topic into the content model, checking every field on the way.
// This is the one place that reads plugin memory; everything after works on the copy.
#pragma once

#include "content.hpp"

#include <memory>
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
    size_t max_text_bytes = 4u * 1024 * 1024;            // all of a topic's strings together
    size_t max_inline_picture_bytes = 32u * 1024 * 1024; // pictures a plugin made at run time, together
    size_t max_translations = 64;                        // languages
    size_t max_translation_bytes = 4u * 1024 * 1024;     // one compiled catalog (.mo)
    size_t max_translations_bytes = 16u * 1024 * 1024;   // all of a topic's catalogs together
};

// A picture the kiosk leaves in the plugin file (extraction.hpp): where its bytes are, and its
// size as helpstation-probe decoded it. The kiosk itself decodes it only when it is shown.
struct FilePicture {
    std::shared_ptr<const PictureFile> file; // null: the picture's bytes are in hs_image.data
    int width = 0, height = 0;
};

struct CopyResult {
    std::optional<Topic> topic;        // set when the descriptor is valid
    std::vector<std::string> problems; // "field: reason", empty when valid
    // "field: reason" for parts left out while the topic still loads: a translation that is not a
    // valid catalog (the topic then shows that language's strings in English).
    std::vector<std::string> warnings;
};

// `raw` has already been checked for abi_version/struct_size and widened to the host's struct.
// `in_file`, when given, is indexed like raw.images: an entry with a file stands for a picture whose
// hs_image.data is NULL (the kiosk's side of an extraction); its place and size are checked instead
// of its bytes.
CopyResult copy_topic(const hs_topic &raw, const ContentLimits &limits = {},
                      const std::vector<FilePicture> *in_file = nullptr);

// Lowercase letters, digits and '-', 1..64 characters, no leading/trailing '-'.
bool is_valid_topic_id(const std::string &id);

} // namespace hs
