// The content model: what the viewer knows about topics, copied out of the plugins at load.
// Plain data, no GL, no ImGui. Field meanings are those of plugins/sdk/helpstation/plugin.h.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hs {

// Where a picture's bytes are in its plugin file, when the kiosk leaves them there instead of
// keeping a copy (picture_file.hpp): an unopened topic then costs no memory for its pictures.
struct PictureFile {
    std::string path;
    std::uint64_t offset = 0, bytes = 0;
    // The file as it was loaded; a file replaced or rewritten since is not read.
    std::uint64_t device = 0, inode = 0, file_size = 0;
    std::int64_t mtime_ns = 0;
};

struct Image {
    std::string name;
    std::string alt; // what the picture shows, for customers who cannot see it (ABI 1.1); may be empty
    // The encoded PNG/JPEG, decoded only when shown. Shared: every new catalog snapshot copies
    // its topics, and must not copy megabytes of pictures each time. Null when `file` is set:
    // read_picture() (picture_file.hpp) reads the bytes from the plugin file when needed.
    std::shared_ptr<const std::vector<unsigned char>> encoded;
    std::shared_ptr<const PictureFile> file;
    int width = 0, height = 0; // from the file header, checked at load

    const unsigned char *data() const { return encoded ? encoded->data() : nullptr; }
    size_t size() const { return encoded ? encoded->size() : 0; }
};

struct Step {
    std::string text, image, note, caution; // image: an Image name or empty
};

struct Fix {
    std::string title, intro, outcome;
    std::string support_url; // this fix's own web page (ABI 1.1); empty: none (the topic's may apply)
    std::vector<Step> steps;
};

struct Faq {
    std::string question, answer;
};

// The topic's text in one language, from a gettext catalog the plugin carries (mo_file.hpp):
// English source text -> the translation. Lookups with fallback live in translation.hpp.
struct Translation {
    std::string locale; // "es", "es-MX", "zh-CN": normalized (translation.hpp, normalize_locale)
    // The catalog as the plugin carried it, sent on unchanged to the kiosk (extraction.hpp), which
    // reads it again itself. Shared: catalog snapshots copy their topics.
    std::shared_ptr<const std::vector<unsigned char>> mo;
    std::shared_ptr<const std::map<std::string, std::string>> strings; // never null
};

struct Topic {
    std::string id, title, version, summary, category, applies_to, icon, why, ask_team_note;
    std::string support_url; // the vendor's page for the problem (ABI 1.1), shown as a QR code; may be empty
    std::vector<std::string> symptoms;
    std::vector<Fix> fixes;
    std::vector<Faq> faq;
    std::vector<Image> images;
    std::vector<Translation> translations; // valid ones only, in the plugin's order; locales unique
    std::string plugin_path; // the .so it came from

    int step_count() const;
    const Image *find_image(const std::string &name) const; // nullptr when absent
};

} // namespace hs
