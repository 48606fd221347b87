#include "textures.hpp"

#include <glad/gl.h>
#include <spdlog/spdlog.h>
#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace hs::ui {
namespace {

// The largest side a picture keeps on the GPU. Pictures are drawn at most about screen size (the
// zoom view magnifies what is there); anything larger only costs texture memory, so it is scaled
// down once, here, instead of being refused. (The plugin's own limits bound what is decoded.)
constexpr int kMaxSide = 2560;

} // namespace

const Texture &TextureCache::get(const Topic &topic, const std::string &name) {
    std::string key = topic.id + "/" + name;
    auto found = textures_.find(key);
    if (found != textures_.end()) return found->second;

    Texture &tex = textures_[key]; // a failed picture stays in the map as !ok(), reported once
    const Image *img = topic.find_image(name);
    if (!img) {
        report_(topic.plugin_path, "picture '" + name + "' is missing");
        return tex;
    }
    int w = 0, h = 0, comp = 0;
    unsigned char *pixels = stbi_load_from_memory(img->data(), static_cast<int>(img->size()),
                                                  &w, &h, &comp, 4);
    if (!pixels) {
        const char *why = stbi_failure_reason();
        report_(topic.plugin_path, "picture '" + name + "' cannot be decoded (" + (why ? why : "unknown") + ")");
        return tex;
    }
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    int limit = std::min<int>(kMaxSide, max_size > 0 ? max_size : kMaxSide);
    std::vector<unsigned char> scaled;
    if (w > limit || h > limit) {
        double k = static_cast<double>(limit) / std::max(w, h);
        int sw = std::max(1, static_cast<int>(std::lround(w * k))), sh = std::max(1, static_cast<int>(std::lround(h * k)));
        scaled.resize(static_cast<size_t>(sw) * sh * 4);
        if (!stbir_resize_uint8(pixels, w, h, 0, scaled.data(), sw, sh, 0, 4)) {
            report_(topic.plugin_path, "picture '" + name + "' is too large to show and cannot be scaled down");
            stbi_image_free(pixels);
            return tex;
        }
        spdlog::info("{}: picture '{}' scaled down from {}x{} to {}x{}", topic.plugin_path, name, w, h, sw, sh);
        stbi_image_free(pixels);
        pixels = nullptr;
        w = sw;
        h = sh;
    }
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels ? pixels : scaled.data());
    // Pictures are usually drawn smaller than they are: mipmaps keep thin lines and text clean.
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    if (pixels) stbi_image_free(pixels);
    tex = Texture{id, w, h};
    return tex;
}

void TextureCache::clear() {
    for (auto &entry : textures_)
        if (entry.second.id) glDeleteTextures(1, &entry.second.id);
    textures_.clear();
}

} // namespace hs::ui
