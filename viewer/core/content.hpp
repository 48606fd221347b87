// The content model: what the viewer knows about topics, copied out of the plugins at load.
// Plain data, no GL, no ImGui. Field meanings are those of plugins/sdk/helpstation/plugin.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hs {

struct Image {
    std::string name;
    // The encoded PNG/JPEG, decoded only when shown. Shared: every new catalog snapshot copies
    // its topics, and must not copy megabytes of pictures each time.
    std::shared_ptr<const std::vector<unsigned char>> encoded;
    int width = 0, height = 0; // from the file header, checked at load

    const unsigned char *data() const { return encoded ? encoded->data() : nullptr; }
    size_t size() const { return encoded ? encoded->size() : 0; }
};

struct Step {
    std::string text, image, note, caution; // image: an Image name or empty
};

struct Fix {
    std::string title, intro, outcome;
    std::vector<Step> steps;
};

struct Faq {
    std::string question, answer;
};

struct Topic {
    std::string id, title, version, summary, category, applies_to, icon, why, closing;
    std::vector<std::string> symptoms;
    std::vector<Fix> fixes;
    std::vector<Faq> faq;
    std::vector<Image> images;
    std::string plugin_path; // the .so it came from

    int step_count() const;
    const Image *find_image(const std::string &name) const; // nullptr when absent
};

} // namespace hs
