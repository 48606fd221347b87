// The frame loop. It draws only when something changed (input, a new screen, a due timer such as
// the idle warning, a pending screenshot) and otherwise sleeps in glfwWaitEventsTimeout until the
// next timer, so an idle kiosk costs no frames.
//
//   for (;;) { wait for input or a timer ; replay input ; take a new catalog ; draw if owed ;
//              act on the frame's changes (analytics, log, more frames) }
#include "viewer.hpp"

#include "analytics_feed.hpp"
#include "kiosk_renderer.hpp"
#include "measure.hpp"
#include "replay_driver.hpp"
#include "screenshot.hpp"
#include "soak_driver.hpp"
#include "viewer_words.hpp"
#include "watchdog.hpp"
#include "ui/fonts.hpp"
#include "ui/kiosk.hpp"
#include "window.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <glad/gl.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

namespace hs::app {
namespace {

// Frames to draw after anything happens: ImGui lays out popups and sizes on the second frame.
constexpr int kSettleFrames = 3;
// Without a timer due, wake up this often anyway (costs no frame) in case a wake-up was missed.
constexpr Millis kLongestSleepMs = 5000;
// --open, --replay and --screenshot wait for the first full catalog, at most this long.
constexpr Millis kFirstCatalogWaitMs = 20000;

// Replaces `path` whole, so a reader never sees half a file.
void write_atomically(const std::string &path, const std::string &text) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << text << '\n';
        if (!out) {
            spdlog::error("--dump-ui: cannot write {}", tmp);
            return;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) spdlog::error("--dump-ui: cannot replace {}: {}", path, ec.message());
}

SessionConfig session_config(const Config &c) {
    SessionConfig s;
    s.idle_ms = c.idle_seconds * 1000LL;
    s.warning_ms = c.warning_seconds * 1000LL;
    s.text_size = c.text_size;
    s.high_contrast = c.high_contrast;
    s.language = c.languages.default_language;
    s.languages_offered = c.languages.offered;
    s.lockdown = c.lockdown;
    s.admin_pin_hash = c.admin_pin_hash;
    return s;
}

class FrameLoop {
public:
    FrameLoop(const ViewerSetup &setup, Window &window, Clock &clock, ui::FontPrebuild &fonts)
        : setup_(setup), fonts_(fonts), options_(setup.options), window_(window), clock_(clock),
          words_(load_viewer_words(setup.config, words_problems_)), nav_(setup.host.catalog()),
          session_(nav_, session_config(setup.config), clock.now()),
          kiosk_(nav_, session_, gestures(window), [this](const std::string &source, const std::string &why) {
              spdlog::error("{}: {}", source, why);
              status_.problems.push_back({source, why});
          }) {
        nav_.open_route("attract"); // until the route can be opened (open_route_when_ready)
        started_ = clock.now();
        status_.config_path = setup.config_path;
        status_.config_problems = setup.config_problems;
        status_.config_problems.insert(status_.config_problems.end(), words_problems_.begin(), words_problems_.end());
        status_.read_outcomes = [this] { return analytics_.read_report(); };
        status_.usage_ranking = analytics_.most_used_this_week();
        kiosk_.watch_status(status_);
        kiosk_.use_prebuilt_fonts(fonts);
        kiosk_.use_ui_text(words_);
        if (!options_.replay.empty()) {
            auto [w, h] = window.framebuffer_size();
            replay_ = std::make_unique<ReplayDriver>(options_.replay, static_cast<float>(w), static_cast<float>(h));
        }
        wake_at_ = clock.now() + kLongestSleepMs;
    }

    ui::Kiosk &kiosk() { return kiosk_; }

    int run() {
        if (options_.soak > 0) return run_soak();
        for (;;) {
            wait();
            watchdog_.ping_if_due(clock_.now()); // a hung loop stops pinging: systemd restarts us
            if (window_.take_input()) {
                owe(kSettleFrames);
                note_input();
            }
            if (close_requested()) return exit_code();
            take_new_catalog();
            open_route_when_ready();
            // The replay starts once the route is open and the first frames are drawn: ImGui knows
            // what is under the pointer only from the frame before.
            if (replay_ && route_open_ && status_.frames >= kSettleFrames && replay_->feed(clock_, kiosk_)) {
                owe(kSettleFrames);
                note_input();
                if (replay_started_frames_ < 0) {
                    replay_started_frames_ = static_cast<long long>(status_.frames);
                    replay_started_cpu_ms_ = process_cpu_ms();
                }
            }
            // A timer that came due draws a frame; the periodic wake-up alone (kLongestSleepMs) does not.
            if (timer_at_ && clock_.now() >= *timer_at_) {
                timer_at_.reset();
                owe(1);
            }
            if (clock_.now() >= wake_at_) wake_at_ = clock_.now() + kLongestSleepMs;
            if (timer_at_) wake_at_ = std::min(wake_at_, *timer_at_);
            if (frames_due_ <= 0 && !kiosk_.animating()) continue;

            auto [w, h] = window_.framebuffer_size();
            if (w <= 0 || h <= 0) { // minimised: nothing to draw until it comes back
                frames_due_ = 0;
                continue;
            }
            draw(w, h);
            watchdog_.ready(); // once: the first frame is on screen
            if (std::optional<int> done = after_frame(w, h)) return *done;
        }
    }

private:
    static GestureConfig gestures(const Window &window) { return ui::Kiosk::touch_settings(window.px_per_mm()); }
    void owe(int frames) { frames_due_ = std::max(frames_due_, frames); }
    int exit_code() const { return replay_ ? replay_->exit_code() : 0; }

    // Sleeps until input, the next timer or the next replay event, unless frames are owed.
    void wait() {
        if (frames_due_ > 0 || kiosk_.animating()) {
            glfwPollEvents();
            return;
        }
        Millis now = clock_.now(), until = wake_at_;
        if (replay_)
            if (auto r = replay_->next_deadline()) until = std::min(until, *r);
        // The watchdog ping does not draw a frame; it only wakes the loop, at least every
        // WATCHDOG_USEC/2 (and so more often than kLongestSleepMs when the watchdog is short).
        if (auto ping = watchdog_.next_ping()) until = std::min(until, *ping);
        glfwWaitEventsTimeout(std::max<Millis>(0, until - now) / 1000.0);
    }

    // The window manager's close (Alt+F4, the close button): ignored under lockdown.
    bool close_requested() {
        if (!window_.take_close_request() && !glfwWindowShouldClose(window_.handle())) return false;
        if (!setup_.config.lockdown) return true;
        spdlog::info("close request ignored: the kiosk is locked down (exit through the admin menu)");
        glfwSetWindowShouldClose(window_.handle(), GLFW_FALSE);
        return false;
    }

    // The starting route needs its topic: it is opened once every plugin has been looked at (the
    // worker publishes what is ready as it goes), or after kFirstCatalogWaitMs whatever there is.
    void open_route_when_ready() {
        if (route_open_) return;
        if (nav_.catalog().loading && clock_.now() - started_ < kFirstCatalogWaitMs) return;
        if (std::string why = nav_.open_route(options_.open_route); !why.empty())
            spdlog::warn("{}; showing home instead", why);
        route_open_ = true;
        owe(kSettleFrames);
    }

    // A new catalog is taken on Home or between customers, never from under someone reading.
    void take_new_catalog() {
        std::shared_ptr<const Catalog> latest = setup_.host.catalog();
        if (latest == nav_.shared_catalog()) return;
        Screen where = nav_.state().screen;
        // (On Search too: the results follow the new index; nothing is being read there.)
        if (where != Screen::Home && where != Screen::Attract && where != Screen::Search && !nav_.catalog().topics.empty())
            return;
        kiosk_.set_catalog(std::move(latest));
        owe(kSettleFrames);
        spdlog::info("catalog: {} topic(s){}", nav_.catalog().topics.size(), nav_.catalog().loading ? ", more loading" : "");
    }

    void draw(int w, int h) {
        auto started = std::chrono::steady_clock::now();
        if (status_.frames == 0) first_frame_started_ms_ = setup_.startup.ms();
        bool moved = frame_.draw(kiosk_, w, h, clock_.now());
        if (status_.frames == 0) {
            setup_.startup.report.fonts_ms = frame_.atlas_ms();
            setup_.startup.report.fonts_prebuilt_ms = fonts_.build_ms();
            setup_.startup.report.fonts_prebuilt_wait_ms = fonts_.wait_ms();
            setup_.startup.report.gl_objects_ms = frame_.gl_objects_ms();
        }
        if (moved) moved_frame_ = true;
        if (frame_.shows_change()) change_shown_ = true;

        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        ++status_.frames;
        status_.last_frame_ms = ms;
        status_.slowest_frame_ms = std::max(status_.slowest_frame_ms, ms);
        status_.latest = setup_.host.catalog();
        status_.analytics_state = analytics_.state();
        if (replay_) replay_->frame_drawn();
        if (!options_.dump_ui.empty() && !moved) {
            std::string dump = kiosk_.describe_json();
            if (dump != last_dump_) write_atomically(options_.dump_ui, dump);
            last_dump_ = std::move(dump);
        }
    }

    // Screenshot, exit, reload, and what the next frames and timers are. A value: exit with it.
    std::optional<int> after_frame(int w, int h) {
        bool replay_done = route_open_ && (!replay_ || replay_->finished(clock_.now()));
        if (replay_done && !kiosk_.animating()) ++frames_after_replay_;
        if (!options_.screenshot.empty()) {
            owe(2); // on to the picture
            if (replay_done && frames_after_replay_ >= kSettleFrames) return take_screenshot(w, h);
        }
        glfwSwapBuffers(window_.handle());
        if (options_.exit_after_first_frame) return report_startup();
        after_swap();
        if (kiosk_.exit_requested()) {
            spdlog::info("exit requested");
            return exit_code();
        }
        --frames_due_;
        for (const Change &c : kiosk_.changes()) { // the frame's moves, whatever made them
            analytics_.changed(c);
            if (c.cause == Cause::IdleReset) status_.usage_ranking = analytics_.most_used_this_week();
            if (c.from == c.to) continue;
            if (c.cause != Cause::Intent) spdlog::info("{} moves the screen", cause_name(c.cause));
            spdlog::info("screen: {}", Navigator::route_of(c.to));
            owe(kSettleFrames);
        }
        if (kiosk_.take_reload_request()) { // reported in the next frame's changes
            spdlog::info("reloading the topic plugins (admin menu)");
            setup_.host.reload();
            session_.reset(clock_.now(), Cause::Reload);
            owe(kSettleFrames);
        }
        // The next timer: the idle warning and its countdown, a long-press, the attract cycle.
        Millis now = clock_.now();
        wake_at_ = now + kLongestSleepMs;
        timer_at_.reset();
        if (auto d = kiosk_.next_deadline(now)) {
            timer_at_ = std::max(*d, now + 1);
            wake_at_ = std::min(wake_at_, *timer_at_);
        }
        return std::nullopt;
    }

    // Input reached the kiosk (a window event or a replayed one): tap-to-frame starts now.
    void note_input() {
        if (status_.frames == 0) return; // the window's own events at start-up are not taps
        if (input_at_ms_ < 0) input_at_ms_ = setup_.startup.ms();
        if (pending_from_ms_ < 0) pending_from_ms_ = input_at_ms_;
    }

    // After a frame is on screen: tap-to-frame figures and the --stats file.
    void after_swap() {
        double now = setup_.startup.ms();
        if (input_at_ms_ >= 0) { // the first frame after input
            taps_.next_frame_sum += now - input_at_ms_;
            taps_.next_frame_max = std::max(taps_.next_frame_max, now - input_at_ms_);
            ++taps_.count;
            input_at_ms_ = -1;
        }
        if (new_screen_from_ms_ >= 0 && !moved_frame_) { // this frame shows the new screen
            taps_.new_screen_sum += now - new_screen_from_ms_;
            ++taps_.new_screens;
            new_screen_from_ms_ = -1;
        }
        if (change_shown_ && pending_from_ms_ >= 0) { // the input moved the screen before this frame: it shows it
            taps_.new_screen_sum += now - pending_from_ms_;
            ++taps_.new_screens;
            pending_from_ms_ = -1;
        }
        change_shown_ = false;
        if (moved_frame_ && pending_from_ms_ >= 0) {
            // The screen changed while this frame was built; the next one shows the new screen.
            new_screen_from_ms_ = pending_from_ms_;
            pending_from_ms_ = -1;
        } else if (!kiosk_.animating()) {
            pending_from_ms_ = -1; // the input is used up and moved nothing (a drag, a tap on nothing)
        }
        moved_frame_ = false;
        if (replay_ && replay_started_frames_ >= 0 && replay_ended_frames_ < 0 && replay_->finished(clock_.now())) {
            replay_ended_frames_ = static_cast<long long>(status_.frames);
            replay_ended_cpu_ms_ = process_cpu_ms();
        }
        if (!options_.stats.empty()) write_stats();
    }

    void write_stats() {
        nlohmann::json j;
        j["t_ms"] = setup_.startup.ms();
        j["frames"] = status_.frames;
        j["cpu_ms"] = process_cpu_ms();
        j["rss_kib"] = rss_kib();
        j["screen"] = kiosk_.screen_name();
        j["route"] = nav_.route();
        j["loading"] = nav_.catalog().loading;
        j["topics"] = nav_.catalog().topics.size();
        j["textures"] = kiosk_.textures().size();
        j["texture_bytes"] = kiosk_.textures().bytes();
        j["topic_picture_bytes"] = kiosk_.textures().topic_bytes();
        const ImFontAtlas *atlas = ImGui::GetIO().Fonts;
        j["font_texture_bytes"] = static_cast<size_t>(atlas->TexWidth) * atlas->TexHeight; // one channel (kiosk_renderer.cpp)
        j["taps"] = {{"count", taps_.count},
                     {"next_frame_ms_mean", taps_.count ? taps_.next_frame_sum / taps_.count : 0.0},
                     {"next_frame_ms_max", taps_.next_frame_max},
                     {"new_screens", taps_.new_screens},
                     {"new_screen_ms_mean", taps_.new_screens ? taps_.new_screen_sum / taps_.new_screens : 0.0}};
        bool replay_done = replay_ended_frames_ >= 0;
        j["replay"] = {{"done", replay_done},
                       {"frames", replay_done ? replay_ended_frames_ - replay_started_frames_ : 0},
                       {"cpu_ms", replay_done ? replay_ended_cpu_ms_ - replay_started_cpu_ms_ : 0.0}};
        write_file_atomically(options_.stats, j.dump());
    }

    // --exit-after-first-frame: the first frame is presented; report and leave.
    int report_startup() {
        glFinish(); // the swap is queued; the frame is on screen when the GL has done it
        StartupReport &r = setup_.startup.report;
        r.first_frame_at_ms = setup_.startup.ms();
        r.first_frame_ms = r.first_frame_at_ms - first_frame_started_ms_ - r.fonts_ms - r.gl_objects_ms;
        r.topics_at_first_frame = nav_.catalog().topics.size();
        std::shared_ptr<const Catalog> latest = setup_.host.catalog();
        r.plugins_looked_at_first_frame = latest->topics.size() + latest->rejected.size() + latest->shadowed.size();
        const ImFontAtlas *atlas = ImGui::GetIO().Fonts;
        r.font_texture_bytes = static_cast<size_t>(atlas->TexWidth) * atlas->TexHeight; // one channel (kiosk_renderer.cpp)
        // Then how long the whole discovery takes (it never held up the frame above).
        for (int i = 0; i < 120000 / 5 && setup_.host.loading(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (!setup_.host.loading()) r.discovery_done_ms = setup_.startup.ms();
        latest = setup_.host.catalog();
        r.topics_total = latest->topics.size();
        r.probed = latest->checks.probed;
        r.from_cache = latest->checks.from_cache;
        std::printf("%s\n", setup_.startup.json().dump().c_str());
        std::fflush(stdout);
        return 0;
    }

    // --soak N: every plugin loaded first, then one navigation and one frame at a time.
    int run_soak() {
        while (setup_.host.loading() || nav_.catalog().loading) {
            glfwWaitEventsTimeout(0.05);
            take_new_catalog();
        }
        take_new_catalog();
        SoakDriver soak(options_.soak);
        auto [w, h] = window_.framebuffer_size();
        auto frame = [&] {
            glfwPollEvents();
            session_.touch(clock_.now()); // a customer who never stops: no idle reset
            draw(w, h);
            glfwSwapBuffers(window_.handle());
        };
        frame();
        long rss_start = rss_kib(), rss_warm = -1;
        int warm_at = 0;
        double cpu0 = process_cpu_ms(), t0 = setup_.startup.ms();
        while (soak.step(kiosk_, nav_.catalog())) {
            frame();
            if (rss_warm < 0 && soak.first_pass_done()) {
                rss_warm = rss_kib();
                warm_at = soak.done();
            }
        }
        nlohmann::json j;
        j["navigations"] = soak.done();
        j["frames"] = status_.frames;
        j["topics"] = nav_.catalog().topics.size();
        j["seconds"] = (setup_.startup.ms() - t0) / 1000.0;
        j["cpu_ms_per_navigation"] = soak.done() ? (process_cpu_ms() - cpu0) / soak.done() : 0.0;
        j["rss_start_kib"] = rss_start;
        j["rss_after_first_pass_kib"] = rss_warm;
        j["first_pass_navigations"] = warm_at;
        j["rss_end_kib"] = rss_kib();
        j["pss_end_kib"] = pss_kib();
        j["textures_end"] = kiosk_.textures().size();
        j["texture_bytes_end"] = kiosk_.textures().bytes();
        const ui::TextureCache::Counts &pc = kiosk_.textures().counts();
        j["pictures_decoded"] = pc.decoded;
        j["pictures_prefetched"] = pc.prefetched;
        j["textures_evicted"] = pc.evicted;
        j["textures_released"] = pc.released;
        j["decode_ms_mean"] = pc.decoded ? pc.decode_ms / pc.decoded : 0.0;
        j["upload_ms_mean"] = pc.decoded ? pc.upload_ms / pc.decoded : 0.0;
        std::printf("%s\n", j.dump().c_str());
        std::fflush(stdout);
        return 0;
    }

    int take_screenshot(int w, int h) {
        std::string error = save_screenshot(options_.screenshot, w, h);
        if (!error.empty()) {
            spdlog::critical("screenshot: {}", error);
            return 1;
        }
        spdlog::info("screenshot of '{}' ({}) written to {}", nav_.route(), kiosk_.screen_name(), options_.screenshot);
        return exit_code();
    }

    const ViewerSetup &setup_;
    ui::FontPrebuild &fonts_;
    const Options &options_;
    Window &window_;
    Clock &clock_;
    ui::HostStatus status_; // the kiosk reads it where it is (watch_status)
    std::vector<std::string> words_problems_; // catalogs of the viewer's words left out
    const UiText words_;                      // the viewer's words in every language (use_ui_text)
    Navigator nav_;
    Session session_;
    ui::Kiosk kiosk_;
    std::unique_ptr<ReplayDriver> replay_;
    Watchdog watchdog_ = Watchdog::from_environment();
    int frames_due_ = kSettleFrames;
    int frames_after_replay_ = 0;
    Millis wake_at_ = 0;                // the loop wakes up by then at the latest
    std::optional<Millis> timer_at_;    // a kiosk timer (idle warning, attract cycle...) due then
    std::string last_dump_;
    // Customer outcomes: fed from the kiosk's changes (the moves, the resets, the search runs);
    // SQLite runs on the store's thread.
    AnalyticsFeed analytics_{setup_.config, clock_, options_.screenshot.empty() || !options_.replay.empty()};
    Millis started_ = 0;
    bool route_open_ = false;
    KioskRenderer frame_;
    // Measurement (--exit-after-first-frame, --stats).
    double first_frame_started_ms_ = 0;
    double input_at_ms_ = -1, pending_from_ms_ = -1, new_screen_from_ms_ = -1;
    bool moved_frame_ = false, change_shown_ = false;
    struct {
        long long count = 0, new_screens = 0;
        double next_frame_sum = 0, next_frame_max = 0, new_screen_sum = 0;
    } taps_;
    long long replay_started_frames_ = -1, replay_ended_frames_ = -1;
    double replay_started_cpu_ms_ = 0, replay_ended_cpu_ms_ = 0;
};

// Stops the plugin worker before the window (and GLFW, which its wake-ups call) goes away.
struct StopHostFirst {
    PluginHost &host;
    ~StopHostFirst() { host.stop(); }
};

} // namespace

int run_viewer(const ViewerSetup &setup) {
    // Plugins are checked while the window opens; the first frame shows whatever is ready.
    std::atomic<bool> glfw_ready{false};
    setup.host.start([&glfw_ready] {
        if (glfw_ready) glfwPostEmptyEvent(); // wake the frame loop: a new catalog is ready
    });
    setup.startup.report.host_started_ms = setup.startup.ms();
    Clock clock;
    ui::FontPrebuild fonts; // before the window: ImGui's context uses its atlas until the window goes
    FrameLoop *loop = nullptr; // input that arrives before the loop exists is dropped
    WindowOptions window_options{setup.options.windowed, setup.config.monitor, setup.config.hide_cursor, {}};
    int text_size = setup.config.text_size;
    window_options.size_known = [text_size, &fonts](int w, int h) {
        // The scale Kiosk::layout will ask for at the first frame (fonts.hpp).
        fonts.start(static_cast<float>(std::min(w, h)) / 1080.0f * (static_cast<float>(text_size) / 100.0f));
    };
    window_options.fonts = &fonts;
    window_options.startup = &setup.startup;
    Window window(window_options, clock,
                  [&loop](const InputEvent &e) {
                      if (loop) loop->kiosk().input(e);
                  });
    setup.startup.report.window_ms = setup.startup.ms() - setup.startup.report.host_started_ms;
    if (!window.ok()) {
        spdlog::critical("{}", window.error());
        setup.host.stop();
        return 1;
    }
    StopHostFirst stop_host{setup.host};
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange; // the backend would unhide it
    glfw_ready = true;
    FrameLoop frame_loop(setup, window, clock, fonts);
    loop = &frame_loop;
    int code = frame_loop.run();
    loop = nullptr;
    return code;
}

} // namespace hs::app
