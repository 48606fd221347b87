// Pictures on screen: decodes a topic's embedded PNG/JPEG with stb_image and uploads it as a GL
// texture, once, when first shown. A picture that fails to decode or upload is remembered as
// failed (drawn as a neutral placeholder) and reported once through the callback.
#pragma once

#include "core/content.hpp"

#include <functional>
#include <map>
#include <string>

namespace hs::ui {

struct Texture {
    unsigned int id = 0; // GL texture name; 0 when the picture could not be shown
    int width = 0, height = 0;
    bool ok() const { return id != 0; }
};

class TextureCache {
public:
    using Reporter = std::function<void(const std::string &source, const std::string &reason)>;
    explicit TextureCache(Reporter report) : report_(std::move(report)) {}
    ~TextureCache() { clear(); }
    TextureCache(const TextureCache &) = delete;
    TextureCache &operator=(const TextureCache &) = delete;

    // The texture for picture `name` of `topic`; a failed or unknown picture gives !ok().
    const Texture &get(const Topic &topic, const std::string &name);
    void clear();
    size_t size() const { return textures_.size(); }

private:
    Reporter report_;
    std::map<std::string, Texture> textures_; // key: topic id + '/' + picture name
};

} // namespace hs::ui
