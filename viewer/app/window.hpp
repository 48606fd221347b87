// The kiosk window: GLFW, a GL 3.3 core context loaded by glad, and ImGui's GLFW/OpenGL3 backends.
#pragma once

#include <optional>
#include <string>
#include <utility>

struct GLFWwindow;

namespace hs::app {

class Window {
public:
    // Full screen on the primary monitor, or a window of `size`. On failure ok() is false and
    // error() says why (no display, no GL 3.3, ...).
    explicit Window(std::optional<std::pair<int, int>> size);
    ~Window();
    Window(const Window &) = delete;
    Window &operator=(const Window &) = delete;

    bool ok() const { return window_ != nullptr; }
    const std::string &error() const { return error_; }
    GLFWwindow *handle() const { return window_; }
    std::pair<int, int> framebuffer_size() const;

    // Set by every input callback, so the frame loop knows it has something to draw.
    bool take_input();

private:
    GLFWwindow *window_ = nullptr;
    bool imgui_ready_ = false;
    std::string error_;
};

} // namespace hs::app
