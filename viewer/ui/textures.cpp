#include "textures.hpp"

#include "core/picture_file.hpp"

#include <glad/gl.h>
#include <spdlog/spdlog.h>
#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>

namespace hs::ui {
namespace {

// The largest side a picture keeps on the GPU. Pictures are drawn at most about screen size (the
// zoom view magnifies what is there); anything larger only costs texture memory, so it is scaled
// down once, when decoded, instead of being refused. (The plugin's own limits bound what is decoded.)
constexpr int kMaxSide = 2560;
constexpr int kIconSide = 320;

using Ms = std::chrono::duration<double, std::milli>;

std::string key_of(const std::string &topic, const std::string &name) { return topic + "/" + name; }

} // namespace

TextureCache::TextureCache(Reporter report, size_t budget_bytes)
    : report_(std::move(report)), budget_(budget_bytes), side_limit_(kMaxSide) {}

// Asks the GL once, on the UI thread, before the first picture is decoded.
void TextureCache::learn_side_limit() {
    if (max_texture_size_ != 0) return;
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    max_texture_size_ = max_size > 0 ? max_size : kMaxSide;
    side_limit_ = std::min(kMaxSide, max_texture_size_);
}

TextureCache::~TextureCache() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    clear();
}

TextureCache::Pixels TextureCache::decode(const std::vector<unsigned char> &bytes, int limit) {
    auto t0 = std::chrono::steady_clock::now();
    Pixels out;
    int w = 0, h = 0, comp = 0;
    unsigned char *pixels = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &comp, 4);
    if (!pixels) {
        const char *why = stbi_failure_reason();
        out.error = std::string("cannot be decoded (") + (why ? why : "unknown") + ")";
        return out;
    }
    if (w > limit || h > limit) {
        double k = static_cast<double>(limit) / std::max(w, h);
        int sw = std::max(1, static_cast<int>(std::lround(w * k))), sh = std::max(1, static_cast<int>(std::lround(h * k)));
        out.rgba.resize(static_cast<size_t>(sw) * sh * 4);
        if (!stbir_resize_uint8(pixels, w, h, 0, out.rgba.data(), sw, sh, 0, 4)) {
            out.error = "is too large to show and cannot be scaled down";
            out.rgba.clear();
        } else {
            out.scaled_from = std::to_string(w) + "x" + std::to_string(h);
            out.width = sw;
            out.height = sh;
        }
    } else {
        out.rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
        out.width = w;
        out.height = h;
    }
    stbi_image_free(pixels);
    out.decode_ms = Ms(std::chrono::steady_clock::now() - t0).count();
    return out;
}

void TextureCache::upload(Entry &entry, Pixels &pixels) {
    auto t0 = std::chrono::steady_clock::now();
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pixels.width, pixels.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 pixels.rgba.data());
    // Pictures are usually drawn smaller than they are: mipmaps keep thin lines and text clean.
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    entry.texture = Texture{id, pixels.width, pixels.height};
    entry.bytes = static_cast<size_t>(pixels.width) * pixels.height * 4 * 4 / 3;
    bytes_ += entry.bytes;
    counts_.upload_ms += Ms(std::chrono::steady_clock::now() - t0).count();
}

std::shared_ptr<const std::vector<unsigned char>> TextureCache::encoded(const Topic &topic, const Image &img,
                                                                        std::string &why) {
    if (topic.id == topic_id_) {
        auto found = topic_bytes_.find(img.name);
        if (found != topic_bytes_.end()) return found->second;
    }
    return read_picture(img, why);
}

const Texture &TextureCache::get(const Topic &topic, const std::string &name) {
    std::string key = key_of(topic.id, name);
    auto found = textures_.find(key);
    if (found != textures_.end()) {
        found->second.used = frame_;
        return found->second.texture;
    }
    learn_side_limit();
    // A failed picture stays in the map as !ok(), so it is reported once.
    Entry &entry = textures_[key];
    entry.topic = topic.id;
    entry.icon = name == topic.icon;
    entry.used = frame_;
    const Image *img = topic.find_image(name);
    if (!img) {
        report_(topic.plugin_path, "picture '" + name + "' is missing");
        return entry.texture;
    }
    // Decoded ahead? Or being decoded right now (then wait: it is nearly done)?
    Pixels pixels;
    bool have = false;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        done_.wait(lock, [&] { return busy_ != key; });
        auto ready = ready_.find(key);
        if (ready != ready_.end()) {
            pixels = std::move(ready->second);
            ready_.erase(ready);
            have = true;
            ++counts_.prefetched;
        }
        jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(), [&](const Job &j) { return j.key == key; }), jobs_.end());
    }
    if (!have) {
        std::string why;
        auto bytes = encoded(topic, *img, why);
        if (!bytes) {
            report_(topic.plugin_path, "picture '" + name + "' cannot be read: " + why);
            return entry.texture;
        }
        // A card icon is drawn at most ~300 px (150 px at 1080p): a full-size texture of it
        // would cost ten times the memory for nothing.
        pixels = decode(*bytes, entry.icon ? std::min<int>(kIconSide, side_limit_) : side_limit_.load());
    }
    ++counts_.decoded;
    counts_.decode_ms += pixels.decode_ms;
    if (!pixels.error.empty()) {
        report_(topic.plugin_path, "picture '" + name + "' " + pixels.error);
        return entry.texture;
    }
    if (!pixels.scaled_from.empty() && !entry.icon) // icons are made small on purpose
        spdlog::info("{}: picture '{}' scaled down from {} to {}x{}", topic.plugin_path, name, pixels.scaled_from,
                     pixels.width, pixels.height);
    upload(entry, pixels);
    evict_over_budget();
    return entry.texture;
}

void TextureCache::prefetch(const Topic &topic, const std::string &name) {
    std::string key = key_of(topic.id, name);
    if (textures_.count(key)) return;
    const Image *img = topic.find_image(name);
    if (!img) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (busy_ == key || ready_.count(key)) return;
        for (const Job &j : jobs_)
            if (j.key == key) return;
    }
    std::string why;
    auto bytes = encoded(topic, *img, why);
    if (!bytes) return; // get() reports it, once, if the picture is ever shown
    learn_side_limit();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back({key, std::move(bytes), generation_});
        if (!thread_.joinable()) thread_ = std::thread([this] { worker(); });
    }
    wake_.notify_one();
}

void TextureCache::worker() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
        if (stop_) return;
        Job job = std::move(jobs_.front());
        jobs_.erase(jobs_.begin());
        busy_ = job.key;
        lock.unlock();
        Pixels pixels = decode(*job.bytes, side_limit_);
        lock.lock();
        if (job.generation == generation_) ready_[job.key] = std::move(pixels); // else: cleared meanwhile
        // Decoded pixels wait for the UI thread; keep only a few (a step ahead, not a topic).
        while (ready_.size() > 4) ready_.erase(ready_.begin());
        busy_.clear();
        done_.notify_all();
    }
}

void TextureCache::wait_for_prefetch() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return jobs_.empty() && busy_.empty(); });
}

void TextureCache::drop(std::map<std::string, Entry>::iterator it) {
    if (it->second.texture.id) glDeleteTextures(1, &it->second.texture.id);
    bytes_ -= it->second.bytes;
    textures_.erase(it);
}

void TextureCache::evict_over_budget() {
    while (bytes_ > budget_) {
        auto oldest = textures_.end();
        for (auto it = textures_.begin(); it != textures_.end(); ++it) {
            if (!it->second.texture.ok() || it->second.used >= frame_) continue; // failed, or on screen now
            if (oldest == textures_.end() || it->second.used < oldest->second.used) oldest = it;
        }
        if (oldest == textures_.end()) return; // everything left is on screen in this frame
        drop(oldest);
        ++counts_.evicted;
    }
}

void TextureCache::set_topic(const Topic *topic) {
    std::string id = topic ? topic->id : std::string();
    if (id == topic_id_) return;
    if (!topic_id_.empty()) {
        for (auto it = textures_.begin(); it != textures_.end();) {
            auto next = std::next(it);
            if (it->second.topic == topic_id_ && !it->second.icon && it->second.texture.ok()) {
                drop(it);
                ++counts_.released;
            }
            it = next;
        }
        std::lock_guard<std::mutex> lock(mutex_);
        std::string prefix = topic_id_ + "/";
        jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(), [&](const Job &j) { return j.key.rfind(prefix, 0) == 0; }),
                    jobs_.end());
        for (auto it = ready_.begin(); it != ready_.end();) it = it->first.rfind(prefix, 0) == 0 ? ready_.erase(it) : std::next(it);
    }
    topic_bytes_.clear();
    topic_id_ = id;
    if (!topic) return;
    // The topic's pictures as they are now: what the customer will see, even if the plugin file
    // is replaced while they read. (A picture that cannot be read is reported when shown.)
    for (const Image &img : topic->images) {
        std::string why;
        if (auto bytes = read_picture(img, why)) topic_bytes_[img.name] = std::move(bytes);
    }
}

void TextureCache::clear() {
    for (auto &entry : textures_)
        if (entry.second.texture.id) glDeleteTextures(1, &entry.second.texture.id);
    textures_.clear();
    bytes_ = 0;
    topic_bytes_.clear();
    topic_id_.clear();
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.clear();
    ready_.clear();
    ++generation_;
}

size_t TextureCache::size() const { return textures_.size(); }

bool TextureCache::holds(const std::string &topic_id, const std::string &name) const {
    auto found = textures_.find(key_of(topic_id, name));
    return found != textures_.end() && found->second.texture.ok();
}

size_t TextureCache::topic_bytes() const {
    size_t n = 0;
    for (const auto &entry : topic_bytes_) n += entry.second->size();
    return n;
}

} // namespace hs::ui
