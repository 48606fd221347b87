// The frame loop. It draws only when something changed (input, a new screen, a due timer such as
// the idle warning, a pending screenshot) and otherwise sleeps in glfwWaitEventsTimeout until the
// next timer, so an idle kiosk costs no frames.
#include "viewer.hpp"

#include "core/replay.hpp"
#include "screenshot.hpp"
#include "ui/kiosk.hpp"
#include "window.hpp"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <atomic>
#include <memory>
#include <mutex>

namespace hs::app {
namespace {

// Frames to draw after anything happens: ImGui lays out popups and sizes on the second frame.
constexpr int kSettleFrames = 3;
// Without a timer due, wake up this often anyway (costs no frame) in case a wake-up was missed.
constexpr Millis kLongestSleepMs = 5000;

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
    s.lockdown = c.lockdown;
    s.admin_pin_hash = c.admin_pin_hash;
    return s;
}

} // namespace

int run_viewer(const ViewerSetup &setup) {
    const Options &options = setup.options;
    // Plugins are checked while the window opens; the first frame shows whatever is ready.
    // The host outlives this function and calls back from its worker thread, so the callback owns
    // what it uses, and GLFW is only woken between the window's creation and its destruction
    // (WakeOff below, destroyed before the Window), never during or after glfwTerminate.
    struct Wake {
        std::mutex mutex;
        bool glfw_ready = false;
    };
    auto wake = std::make_shared<Wake>();
    setup.host.start([wake] {
        std::lock_guard<std::mutex> lock(wake->mutex);
        if (wake->glfw_ready) glfwPostEmptyEvent(); // wake the frame loop: a new catalog is ready
    });
    Clock clock;
    ui::Kiosk *kiosk_ptr = nullptr; // events that arrive before the kiosk exists are dropped
    Window window({options.windowed, setup.config.monitor, setup.config.hide_cursor}, clock,
                  [&kiosk_ptr](const InputEvent &e) {
                      if (kiosk_ptr) kiosk_ptr->input(e);
                  });
    if (!window.ok()) {
        spdlog::critical("{}", window.error());
        return 1;
    }
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange; // the backend would unhide it
    struct WakeOff {
        std::shared_ptr<Wake> wake;
        ~WakeOff() {
            std::lock_guard<std::mutex> lock(wake->mutex);
            wake->glfw_ready = false;
        }
    } wake_off{wake};
    {
        std::lock_guard<std::mutex> lock(wake->mutex);
        wake->glfw_ready = true;
    }
    std::shared_ptr<const Catalog> shown = setup.host.catalog();
    ui::HostStatus status;

    Navigator nav(*shown);
    if (std::string why = nav.open_route(options.open_route); !why.empty())
        spdlog::warn("{}; showing home instead", why);
    Session session(nav, session_config(setup.config), clock.now());
    GestureConfig gestures;
    gestures.px_per_mm = window.px_per_mm();
    ui::Kiosk kiosk(*shown, nav, session, gestures, [&status](const std::string &source, const std::string &reason) {
        spdlog::error("{}: {}", source, reason);
        status.problems.push_back({source, reason});
    });
    kiosk_ptr = &kiosk;
    status.config_path = setup.config_path;
    status.config_problems = setup.config_problems;

    std::unique_ptr<ReplayPlayer> replay;
    int exit_code = 0;
    if (!options.replay.empty()) {
        ReplayScript script = load_replay(options.replay);
        if (!script.error.empty()) {
            spdlog::error("replay: {} (the replay stops before that line)", script.error);
            exit_code = 2;
        }
        auto [w, h] = window.framebuffer_size();
        replay = std::make_unique<ReplayPlayer>(std::move(script), static_cast<float>(w), static_cast<float>(h));
    }
    auto find_target = [&kiosk](const std::string &label) -> std::optional<ReplayPlayer::Rect> {
        for (const ui::TouchTarget &t : kiosk.targets())
            if (t.name == label && t.enabled)
                return ReplayPlayer::Rect{t.min.x, t.min.y, t.max.x - t.min.x, t.max.y - t.min.y};
        return std::nullopt;
    };

    int frames_due = kSettleFrames;
    int frames_after_replay = 0;
    Millis wake_at = clock.now() + kLongestSleepMs;
    std::string last_dump;
    NavState last_state = nav.state();
    for (;;) {
        // Sleep until input or the next timer, unless frames are owed.
        Millis now = clock.now();
        if (frames_due > 0 || kiosk.animating()) {
            glfwPollEvents();
        } else {
            Millis until = wake_at;
            if (replay) {
                if (auto r = replay->next_deadline()) until = std::min(until, *r);
            }
            glfwWaitEventsTimeout(std::max<Millis>(0, until - now) / 1000.0);
        }
        now = clock.now();
        if (window.take_input()) frames_due = std::max(frames_due, kSettleFrames);
        if (window.take_close_request() || glfwWindowShouldClose(window.handle())) {
            if (setup.config.lockdown) {
                spdlog::info("close request ignored: the kiosk is locked down (exit through the admin menu)");
                glfwSetWindowShouldClose(window.handle(), GLFW_FALSE);
            } else {
                break;
            }
        }
        // The replay starts once the first frames are drawn: ImGui only knows what is under the
        // pointer from the frame before.
        if (replay && status.frames >= kSettleFrames) {
            while (auto in = replay->next(now, find_target)) {
                if (in->kind == ReplayInput::Kind::Advance) {
                    clock.advance(in->advance);
                    now = clock.now();
                    spdlog::debug("replay: clock advanced {} ms", in->advance);
                } else {
                    InputEvent e;
                    e.kind = in->kind == ReplayInput::Kind::Key ? InputEvent::Kind::Key : InputEvent::Kind::Pointer;
                    e.pointer = in->pointer;
                    e.key = in->key;
                    kiosk.input(e);
                }
                frames_due = std::max(frames_due, kSettleFrames);
            }
            if (!replay->error().empty() && exit_code == 0) {
                spdlog::error("replay: {}", replay->error());
                exit_code = 2;
            }
        }
        if (now >= wake_at) frames_due = std::max(frames_due, 1);
        // A new catalog is taken on Home or between customers, never from under someone reading.
        if (auto latest = setup.host.catalog(); latest != shown) {
            Screen where = nav.state().screen;
            if (where == Screen::Home || where == Screen::Attract || shown->topics.empty()) {
                shown = std::move(latest);
                nav.set_catalog(*shown);
                kiosk.set_catalog(*shown);
                frames_due = std::max(frames_due, kSettleFrames);
                spdlog::info("catalog: {} topic(s){}", shown->topics.size(), shown->loading ? ", more loading" : "");
            }
        }
        if (frames_due <= 0 && !kiosk.animating()) continue;

        auto [w, h] = window.framebuffer_size();
        if (w <= 0 || h <= 0) { // minimised: nothing to draw until it comes back
            frames_due = 0;
            continue;
        }
        auto started = std::chrono::steady_clock::now();
        // A new size or text size means a new font atlas: the backend re-creates its objects,
        // the font texture among them, on the next NewFrame.
        bool new_atlas = kiosk.layout(w, h);
        if (new_atlas) {
            // Only the font texture changes; the shaders and buffers stay. Unbind the old
            // texture first: the backend restores whatever was bound and it is about to be deleted.
            glBindTexture(GL_TEXTURE_2D, 0);
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        kiosk.begin_frame(now);
        ImGui::NewFrame();
        kiosk.build_frame();
        ImGui::Render();
        glViewport(0, 0, w, h);
        ImVec4 bg = ImGui::ColorConvertU32ToFloat4(kiosk.theme().color.background);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        // The atlas is on the GPU now; its CPU copy (~10 MiB at 1080p) is rebuilt if ever needed.
        if (new_atlas) ImGui::GetIO().Fonts->ClearTexData();
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        ++status.frames;
        status.last_frame_ms = ms;
        status.slowest_frame_ms = std::max(status.slowest_frame_ms, ms);
        kiosk.set_status(status);

        if (!options.dump_ui.empty()) {
            std::string dump = kiosk.describe_json();
            if (dump != last_dump) write_atomically(options.dump_ui, dump);
            last_dump = std::move(dump);
        }
        bool replay_done = !replay || replay->finished();
        if (replay_done && !kiosk.animating()) ++frames_after_replay;
        if (!options.screenshot.empty()) frames_due = std::max(frames_due, 2); // on to the picture
        if (!options.screenshot.empty() && replay_done && frames_after_replay >= kSettleFrames) {
            std::string error = save_screenshot(options.screenshot, w, h);
            if (!error.empty()) {
                spdlog::critical("screenshot: {}", error);
                return 1;
            }
            spdlog::info("screenshot of '{}' ({}) written to {}", nav.route(), kiosk.screen_name(), options.screenshot);
            return exit_code;
        }
        glfwSwapBuffers(window.handle());

        if (kiosk.exit_requested()) {
            spdlog::info("exit requested from the admin menu");
            break;
        }
        if (kiosk.take_reload_request()) {
            spdlog::info("reloading the topic plugins (admin menu)");
            setup.host.reload();
            session.reset(clock.now());
        }

        --frames_due;
        if (!(nav.state() == last_state)) {
            spdlog::info("screen: {}", nav.route());
            last_state = nav.state();
            frames_due = std::max(frames_due, kSettleFrames);
        }
        // The next timer: the idle warning and its countdown, a long-press, the attract cycle.
        now = clock.now();
        wake_at = now + kLongestSleepMs;
        if (auto d = kiosk.next_deadline(now)) wake_at = std::min(wake_at, std::max(*d, now + 1));
    }
    return exit_code;
}

} // namespace hs::app
