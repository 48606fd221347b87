// Pictures on screen: decodes a topic's embedded PNG/JPEG with stb_image and uploads it as a GL
// texture when first shown. A picture that fails to decode or upload is remembered as failed
// (drawn as a neutral placeholder) and reported once through the callback.
//
// Memory: with software GL a texture is ordinary process memory (a 600x1100 step picture with
// its mipmaps is 3.5 MiB), so the cache keeps a budget. Past it, the pictures drawn longest ago
// are dropped (never one drawn in the current frame); leaving a topic drops its pictures but its
// card icon. The topic on screen keeps its encoded bytes in memory (read once from the plugin
// file, picture_file.hpp), so a plugin replaced while a customer reads still shows what they
// started with. The next step's picture is decoded ahead on a worker thread (prefetch); the
// upload stays on the UI thread, which owns the GL context.
#pragma once

#include "core/content.hpp"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hs::ui {

struct Texture {
    unsigned int id = 0; // GL texture name; 0 when the picture could not be shown
    int width = 0, height = 0;
    bool ok() const { return id != 0; }
};

class TextureCache {
public:
    using Reporter = std::function<void(const std::string &source, const std::string &reason)>;
    // 16 MiB: the pictures of four steps at 1080p (this one, the one ahead, two behind) plus the
    // card icons of a home screen; going further back costs one decode (~20 ms).
    static constexpr size_t kDefaultBudget = 16u * 1024 * 1024;

    explicit TextureCache(Reporter report, size_t budget_bytes = kDefaultBudget);
    ~TextureCache(); // stops the worker and frees every texture (needs the GL context)
    TextureCache(const TextureCache &) = delete;
    TextureCache &operator=(const TextureCache &) = delete;

    // Once per frame, before anything is drawn: what get() is asked for from now on is "in use".
    void begin_frame() { ++frame_; }
    // The texture for picture `name` of `topic`; a failed or unknown picture gives !ok(). The
    // reference stays valid until the next begin_frame().
    const Texture &get(const Topic &topic, const std::string &name);
    // Decodes `name` of `topic` on the worker thread, so that a later get() only uploads it.
    void prefetch(const Topic &topic, const std::string &name);
    // The topic now on screen (nullptr: none, e.g. home). Leaving one frees its pictures (all but
    // its card icon) and their bytes; entering one reads its pictures' bytes from the plugin.
    void set_topic(const Topic *topic);
    void clear();

    // Figures (the admin screen, --stats, bench/, tests).
    size_t size() const; // textures made, failed pictures included
    bool holds(const std::string &topic_id, const std::string &name) const;
    size_t bytes() const { return bytes_; } // GPU memory: RGBA8 with mipmaps (4/3 of the base level)
    size_t budget() const { return budget_; }
    size_t topic_bytes() const; // encoded bytes of the topic on screen, kept in memory
    struct Counts {
        long long decoded = 0;        // pictures decoded (on this thread or ahead)
        long long prefetched = 0;     // of those, decoded ahead on the worker
        long long evicted = 0;        // textures dropped for the budget
        long long released = 0;       // textures dropped on leaving their topic
        double decode_ms = 0, upload_ms = 0; // time spent decoding / uploading (GL), summed
    };
    const Counts &counts() const { return counts_; }
    // Waits until the worker has nothing left to decode (tests).
    void wait_for_prefetch();

private:
    struct Pixels {
        std::vector<unsigned char> rgba;
        int width = 0, height = 0;
        std::string error;  // set when the picture cannot be decoded
        std::string scaled_from; // "WxH" when it was larger than a texture may be
        double decode_ms = 0;
    };
    struct Entry {
        Texture texture;
        std::string topic;  // id
        bool icon = false;  // the topic's card icon: kept when the topic is left
        size_t bytes = 0;
        unsigned long long used = 0; // frame of the last get()
    };
    std::shared_ptr<const std::vector<unsigned char>> encoded(const Topic &topic, const Image &img, std::string &why);
    static Pixels decode(const std::vector<unsigned char> &bytes, int limit);
    void upload(Entry &entry, Pixels &pixels);
    void drop(std::map<std::string, Entry>::iterator it);
    void evict_over_budget();
    void worker();
    void learn_side_limit();

    Reporter report_;
    size_t budget_;
    std::map<std::string, Entry> textures_; // key: topic id + '/' + picture name
    size_t bytes_ = 0;
    unsigned long long frame_ = 1;
    Counts counts_;
    int max_texture_size_ = 0;
    // The largest side a picture is decoded to: set on the UI thread before any decoding, read
    // by the worker.
    std::atomic<int> side_limit_;
    // The topic on screen and its pictures' encoded bytes, by picture name.
    std::string topic_id_;
    std::map<std::string, std::shared_ptr<const std::vector<unsigned char>>> topic_bytes_;

    // Prefetch: jobs in, pixels out, guarded by mutex_.
    struct Job {
        std::string key;
        std::shared_ptr<const std::vector<unsigned char>> bytes;
        unsigned generation = 0;
    };
    mutable std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::vector<Job> jobs_;
    std::string busy_; // key being decoded
    std::map<std::string, Pixels> ready_;
    bool stop_ = false;
    unsigned generation_ = 0; // clear() makes what is being decoded stale
    std::thread thread_;
};

} // namespace hs::ui
