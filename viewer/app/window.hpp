// The kiosk window: GLFW, a GL 3.3 core context loaded by glad, and ImGui's OpenGL3 backend.
// Input does not go to ImGui directly: every callback becomes an InputEvent for ui::Kiosk, the
// same events a --replay script produces.
#pragma once

#include "core/clock.hpp"
#include "core/input.hpp"
#include "measure.hpp"
#include "touch_screen.hpp"
#include "ui/fonts.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

struct GLFWwindow;

namespace hs::app {

struct WindowOptions {
    std::optional<std::pair<int, int>> size; // a window of this size; full screen when absent
    int monitor = 0;                         // full screen on this monitor (0 = primary)
    bool hide_cursor = true;
    // Leave GLFW, and so the X connection, open when this window goes: another window follows at
    // once (--render-topic). An X server that resets when its last client leaves would refuse it.
    bool keep_display = false;
    // Called with the window's size once it is known, before the (slow) window and GL context are
    // made: the viewer starts building the font atlas then (ui::FontPrebuild::start).
    std::function<void(int w, int h)> size_known;
    // The atlas built meanwhile, handed to ImGui's context (none: ImGui makes its own).
    ui::FontPrebuild *fonts = nullptr;
    // Where the start-up times go (none: not measured).
    Startup *startup = nullptr;
};

class Window {
public:
    using Sink = std::function<void(const InputEvent &)>;
    // On failure ok() is false and error() says why (no display, no GL 3.3, ...).
    Window(const WindowOptions &options, const Clock &clock, Sink sink);
    ~Window();
    Window(const Window &) = delete;
    Window &operator=(const Window &) = delete;

    bool ok() const { return window_ != nullptr; }
    const std::string &error() const { return error_; }
    GLFWwindow *handle() const { return window_; }
    std::pair<int, int> framebuffer_size() const;
    // Pixels per millimetre of the monitor, for gesture thresholds (96 dpi when unknown).
    float px_per_mm() const { return px_per_mm_; }

    // Set by every callback (input, resize, focus): the frame loop has something to draw. Touches
    // read since the last call (TouchScreen) go to the sink first.
    bool take_input();
    // The window manager asked to close (Alt+F4, the close button). Cleared by reading.
    bool take_close_request();

    // What the GLFW callbacks write: input arrived, a close was requested, and where input goes.
    // The window's user pointer points here (the Window is neither copied nor moved).
    struct Events {
        bool input = false;
        bool close = false;
        const Clock &clock;
        Sink sink;
    };

private:
    GLFWwindow *window_ = nullptr;
    bool imgui_ready_ = false;
    bool keep_display_ = false;
    float px_per_mm_ = 96.0f / 25.4f;
    std::string error_;
    Events events_;
    std::unique_ptr<TouchScreen> touch_; // null: touches come as GLFW's emulated pointer
};

// GLFW key + modifiers as the kiosk names them: "escape", "alt+f4", "ctrl+q", "a", "backspace".
std::string key_name(int key, int mods);

} // namespace hs::app
