#include "render_topic.hpp"

#include "viewer_words.hpp"

#include "kiosk_renderer.hpp"
#include "screenshot.hpp"
#include "ui/kiosk.hpp"
#include "window.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <spdlog/spdlog.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace hs::app {
namespace {

// Frames drawn on each screen before its picture: ImGui lays out popups and sizes on the second
// frame (as kSettleFrames in viewer.cpp). More while the kiosk still animates, up to a limit.
constexpr int kSettleFrames = 3;
constexpr int kMostFrames = 30;
// The contact sheet: thumbnails at 1/kThumbDivisor of the screen, kGap pixels apart.
constexpr int kThumbDivisor = 5;
constexpr int kGap = 12;
constexpr unsigned char kSheetBackground = 0x50;

struct Orientation {
    const char *name;
    int width, height, columns; // columns of the contact sheet
};
constexpr Orientation kOrientations[] = {{"landscape", 1920, 1080, 5}, {"portrait", 1080, 1920, 8}};

struct Thumbnail {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
};

std::string number(size_t n, size_t total) {
    int digits = std::max<int>(2, static_cast<int>(std::to_string(total).size()));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*zu", digits, n);
    return buf;
}

// Thumbnails in reading order, `columns` to a row, on a grey ground.
std::string write_contact_sheet(const std::string &path, const std::vector<Thumbnail> &thumbs, int columns) {
    if (thumbs.empty()) return "no screens";
    int tw = thumbs[0].width, th = thumbs[0].height;
    int cols = std::min<int>(columns, static_cast<int>(thumbs.size()));
    int rows = (static_cast<int>(thumbs.size()) + cols - 1) / cols;
    int w = kGap + cols * (tw + kGap), h = kGap + rows * (th + kGap);
    std::vector<unsigned char> sheet(static_cast<size_t>(w) * h * 3, kSheetBackground);
    for (size_t i = 0; i < thumbs.size(); ++i) {
        const Thumbnail &t = thumbs[i];
        int x0 = kGap + static_cast<int>(i % cols) * (tw + kGap), y0 = kGap + static_cast<int>(i / cols) * (th + kGap);
        for (int y = 0; y < std::min(t.height, th); ++y)
            std::copy_n(t.rgb.data() + static_cast<size_t>(y) * t.width * 3, std::min(t.width, tw) * 3,
                        sheet.data() + (static_cast<size_t>(y0 + y) * w + x0) * 3);
    }
    return write_png(path, w, h, sheet);
}

// One orientation: a window of its size, every screen drawn and saved in turn.
class TopicRenderer {
public:
    TopicRenderer(const Catalog &catalog, const Config &config, Window &window, Clock &clock)
        : window_(window), clock_(clock), words_(load_viewer_words(config, words_problems_)), nav_(catalog),
          session_(nav_, session_config(config), clock.now()),
          kiosk_(nav_, session_, ui::Kiosk::touch_settings(window.px_per_mm()),
                 [this](const std::string &source, const std::string &why) {
                     spdlog::error("{}: {}", source, why);
                     ++problems_;
                 }) {
        kiosk_.use_ui_text(words_);
    }

    int problems() const { return problems_; }

    // Opens `route`, draws until settled, and reads the picture back into `rgb`.
    std::string shoot(const std::string &route, int w, int h, std::vector<unsigned char> &rgb) {
        if (std::string why = nav_.open_route(route); !why.empty()) return "route " + route + ": " + why;
        for (int frame = 1;; ++frame) {
            glfwPollEvents();
            frame_.draw(kiosk_, w, h, clock_.now());
            bool settled = frame >= kSettleFrames && !kiosk_.animating();
            if (settled || frame >= kMostFrames) return read_back_buffer(w, h, rgb);
            glfwSwapBuffers(window_.handle());
        }
    }

private:
    static SessionConfig session_config(const Config &c) {
        SessionConfig s;
        s.idle_ms = 24LL * 3600 * 1000; // no "Still there?" in the middle of a long topic
        s.text_size = c.text_size;
        s.high_contrast = c.high_contrast;
        s.language = c.languages.default_language;
        s.languages_offered = c.languages.offered;
        return s;
    }

    Window &window_;
    Clock &clock_;
    std::vector<std::string> words_problems_; // logged by load_viewer_words
    const UiText words_;
    Navigator nav_;
    Session session_;
    ui::Kiosk kiosk_;
    KioskRenderer frame_;
    int problems_ = 0;
};

int render_orientation(const Orientation &o, const Topic &topic, const std::vector<TopicShot> &shots,
                       const std::string &out_dir, const Catalog &catalog, const Config &config, int &written) {
    Clock clock;
    WindowOptions options{std::make_pair(o.width, o.height), 0, true};
    options.keep_display = &o != &kOrientations[std::size(kOrientations) - 1]; // the next orientation follows
    Window window(options, clock, [](const InputEvent &) {});
    if (!window.ok()) {
        spdlog::critical("{}", window.error());
        return 1;
    }
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    glfwSwapInterval(0); // nobody watches: no waiting for a vertical blank between frames
    auto [w, h] = window.framebuffer_size();
    if (w != o.width || h != o.height)
        spdlog::warn("{}: the window is {}x{}, not {}x{} (a screen too small, or a window manager)", o.name, w, h,
                     o.width, o.height);
    int tw = std::max(1, w / kThumbDivisor), th = std::max(1, h / kThumbDivisor);
    TopicRenderer renderer(catalog, config, window, clock);
    std::vector<Thumbnail> thumbs;
    std::vector<unsigned char> rgb;
    std::string prefix = out_dir + "/" + topic.id + "-" + o.name + "-";
    auto started = std::chrono::steady_clock::now();
    for (const TopicShot &shot : shots) {
        std::string path = prefix + shot.name + ".png";
        std::string error = renderer.shoot(shot.route, w, h, rgb);
        if (error.empty()) error = write_png(path, w, h, rgb);
        if (!error.empty()) {
            spdlog::critical("{}", error);
            return 1;
        }
        ++written;
        Thumbnail t{tw, th, std::vector<unsigned char>(static_cast<size_t>(tw) * th * 3)};
        stbir_resize_uint8(rgb.data(), w, h, 0, t.rgb.data(), tw, th, 0, 3);
        thumbs.push_back(std::move(t));
        spdlog::debug("{} -> {}", shot.route, path);
    }
    std::string sheet = prefix + "contact-sheet.png";
    if (std::string error = write_contact_sheet(sheet, thumbs, o.columns); !error.empty()) {
        spdlog::critical("contact sheet: {}", error);
        return 1;
    }
    ++written;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    spdlog::info("{}: {} screens and {} in {:.1f} s", o.name, shots.size(), sheet, s);
    if (renderer.problems() > 0) spdlog::warn("{}: {} problem(s) while drawing (see above)", o.name, renderer.problems());
    return 0;
}

} // namespace

std::vector<TopicShot> topic_shots(const Topic &topic) {
    std::vector<TopicShot> shots;
    shots.push_back({topic.id, "overview"});
    for (size_t f = 0; f < topic.fixes.size(); ++f)
        for (size_t s = 0; s < topic.fixes[f].steps.size(); ++s)
            shots.push_back({topic.id + "/fix/" + std::to_string(f + 1) + "/step/" + std::to_string(s + 1),
                             "fix" + std::to_string(f + 1) + "-step" + std::to_string(s + 1)});
    for (size_t q = 0; q < topic.faq.size(); ++q)
        shots.push_back({topic.id + "/faq/" + std::to_string(q + 1), "faq" + std::to_string(q + 1)});
    if (topic.faq.empty()) shots.push_back({topic.id + "/faq", "faq"});
    if (!topic.fixes.empty()) shots.push_back({topic.id + "/fix/1/success", "success"});
    shots.push_back({topic.id + "/ask-team", "ask-team"});
    for (size_t i = 0; i < shots.size(); ++i) shots[i].name = number(i + 1, shots.size()) + "-" + shots[i].name;
    return shots;
}

int render_topic(const std::string &id, const std::string &out_dir, const Catalog &catalog, const Config &config) {
    const Topic *topic = catalog.find(id);
    if (!topic) {
        std::string known;
        for (const Topic &t : catalog.topics) known += (known.empty() ? "" : ", ") + t.id;
        std::fprintf(stderr, "--render-topic: no topic '%s' (loaded: %s)\n", id.c_str(),
                     known.empty() ? "none" : known.c_str());
        return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        std::fprintf(stderr, "--out: cannot create %s: %s\n", out_dir.c_str(), ec.message().c_str());
        return 1;
    }
    std::vector<TopicShot> shots = topic_shots(*topic);
    int written = 0;
    for (const Orientation &o : kOrientations)
        if (int code = render_orientation(o, *topic, shots, out_dir, catalog, config, written)) return code;
    std::printf("%d pictures of '%s' written to %s\n", written, id.c_str(), out_dir.c_str());
    return 0;
}

} // namespace hs::app
