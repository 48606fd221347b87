#include "window.hpp"

#include "measure.hpp"
#include "ui/fonts.hpp"

#include <glad/gl.h>
// glad provides the GL declarations; keep GLFW from including the system GL header over them.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <spdlog/spdlog.h>

#include <cctype>

namespace hs::app {
namespace {

// GLFW's error callback is given no user pointer (and may come before any window exists): it
// only logs, and reaches nothing else.
void on_glfw_error(int code, const char *text) { spdlog::error("GLFW error {}: {}", code, text); }

// The window's callbacks reach its Window::Events through GLFW's user pointer.
Window::Events &events(GLFWwindow *w) { return *static_cast<Window::Events *>(glfwGetWindowUserPointer(w)); }

void send(GLFWwindow *w, InputEvent e) {
    Window::Events &ev = events(w);
    ev.input = true;
    e.pointer.t = ev.clock.now();
    if (ev.sink) ev.sink(e);
}

// Only moves with the button held matter (nothing on the kiosk depends on hover). The others are
// dropped: cage moves the pointer after every touch, and those moves, stamped when GLFW reads them,
// would sit among the touches (TouchScreen), stamped when the finger made them.
void on_cursor(GLFWwindow *w, double x, double y) {
    spdlog::trace("pointer move {:.0f},{:.0f}", x, y);
    if (glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) != GLFW_PRESS) return;
    InputEvent e;
    e.pointer = PointerEvent{PointerEvent::Kind::Move, static_cast<float>(x), static_cast<float>(y), 0};
    send(w, e);
}

// A touchscreen is an emulated left button; other buttons (a stray mouse) are ignored.
void on_button(GLFWwindow *w, int button, int action, int) {
    if (button != GLFW_MOUSE_BUTTON_LEFT || action == GLFW_REPEAT) return;
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    spdlog::trace("pointer {} {:.0f},{:.0f}", action == GLFW_PRESS ? "press" : "release", x, y);
    InputEvent e;
    e.pointer = PointerEvent{action == GLFW_PRESS ? PointerEvent::Kind::Down : PointerEvent::Kind::Up,
                             static_cast<float>(x), static_cast<float>(y), 0};
    send(w, e);
}

void on_key(GLFWwindow *w, int key, int, int action, int mods) {
    if (action == GLFW_RELEASE) return;
    std::string name = key_name(key, mods);
    if (name.empty()) return;
    InputEvent e;
    e.kind = InputEvent::Kind::Key;
    e.key = name;
    send(w, e);
}

void on_char(GLFWwindow *w, unsigned codepoint) {
    InputEvent e;
    e.kind = InputEvent::Kind::Char;
    e.codepoint = codepoint;
    send(w, e);
}

void on_close(GLFWwindow *w) {
    events(w).close = true;
    events(w).input = true;
}

void on_other(GLFWwindow *w, int, int) { events(w).input = true; }
void on_focus(GLFWwindow *w, int) { events(w).input = true; }

float monitor_px_per_mm(GLFWmonitor *monitor) {
    int mm_w = 0, mm_h = 0;
    glfwGetMonitorPhysicalSize(monitor, &mm_w, &mm_h);
    const GLFWvidmode *mode = glfwGetVideoMode(monitor);
    // Some panels report nothing or nonsense (a few mm); then assume 96 dpi.
    if (!mode || mm_w < 100) return 96.0f / 25.4f;
    return static_cast<float>(mode->width) / static_cast<float>(mm_w);
}

} // namespace

std::string key_name(int key, int mods) {
    std::string base;
    if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) base = std::string(1, static_cast<char>('a' + (key - GLFW_KEY_A)));
    else if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) base = std::string(1, static_cast<char>('0' + (key - GLFW_KEY_0)));
    else if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F25) base = "f" + std::to_string(key - GLFW_KEY_F1 + 1);
    else {
        switch (key) {
        case GLFW_KEY_ESCAPE: base = "escape"; break;
        case GLFW_KEY_ENTER: base = "enter"; break;
        case GLFW_KEY_BACKSPACE: base = "backspace"; break;
        case GLFW_KEY_TAB: base = "tab"; break;
        case GLFW_KEY_SPACE: base = "space"; break;
        case GLFW_KEY_DELETE: base = "delete"; break;
        case GLFW_KEY_LEFT: base = "left"; break;
        case GLFW_KEY_RIGHT: base = "right"; break;
        case GLFW_KEY_UP: base = "up"; break;
        case GLFW_KEY_DOWN: base = "down"; break;
        default: return {}; // modifiers alone and keys the kiosk has no use for
        }
    }
    std::string name;
    if (mods & GLFW_MOD_CONTROL) name += "ctrl+";
    if (mods & GLFW_MOD_ALT) name += "alt+";
    if (mods & GLFW_MOD_SUPER) name += "super+";
    if (mods & GLFW_MOD_SHIFT) name += "shift+";
    return name + base;
}

Window::Window(const WindowOptions &options, const Clock &clock, Sink sink)
    : keep_display_(options.keep_display), events_{false, false, clock, std::move(sink)} {
    glfwSetErrorCallback(on_glfw_error);
    Startup none;
    Startup &startup = options.startup ? *options.startup : none;
    double t0 = startup.ms();
    if (!glfwInit()) {
        error_ = "cannot open a display (is DISPLAY set? on a machine without one, run under xvfb-run)";
        return;
    }
    startup.report.glfw_init_ms = startup.ms() - t0;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);
    // A full-screen kiosk stays on screen when something else takes focus for a moment.
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);

    int count = 0;
    GLFWmonitor **monitors = glfwGetMonitors(&count);
    GLFWmonitor *monitor = glfwGetPrimaryMonitor();
    if (options.monitor > 0 && options.monitor < count) monitor = monitors[options.monitor];
    else if (options.monitor > 0) spdlog::warn("monitor {} does not exist ({} found): using the primary one",
                                               options.monitor, count);
    if (monitor) px_per_mm_ = monitor_px_per_mm(monitor);

    if (options.size) {
        if (options.size_known) options.size_known(options.size->first, options.size->second);
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        window_ = glfwCreateWindow(options.size->first, options.size->second, "Help Station", nullptr, nullptr);
    } else {
        const GLFWvidmode *mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) {
            error_ = "no monitor found for full screen";
            return;
        }
        glfwWindowHint(GLFW_RED_BITS, mode->redBits);
        glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
        glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        if (options.size_known) options.size_known(mode->width, mode->height);
        window_ = glfwCreateWindow(mode->width, mode->height, "Help Station", monitor, nullptr);
    }
    if (!window_) {
        error_ = "cannot create a window with an OpenGL 3.3 core context";
        return;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    startup.report.create_window_context_ms = startup.ms() - t0 - startup.report.glfw_init_ms;
    if (!gladLoadGL(glfwGetProcAddress)) {
        error_ = "cannot load OpenGL 3.3 functions";
        glfwDestroyWindow(window_);
        window_ = nullptr;
        return;
    }
    spdlog::info("GL {} on {}; {:.2f} px/mm", reinterpret_cast<const char *>(glGetString(GL_VERSION)),
                 reinterpret_cast<const char *>(glGetString(GL_RENDERER)), px_per_mm_);
    if (options.hide_cursor) glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

    glfwSetWindowUserPointer(window_, &events_);
    glfwSetCursorPosCallback(window_, on_cursor);
    glfwSetMouseButtonCallback(window_, on_button);
    glfwSetKeyCallback(window_, on_key);
    glfwSetCharCallback(window_, on_char);
    glfwSetWindowCloseCallback(window_, on_close);
    glfwSetWindowFocusCallback(window_, on_focus);
    glfwSetFramebufferSizeCallback(window_, on_other);
    std::string why;
    touch_ = TouchScreen::open(window_, why);
    if (touch_) spdlog::info("touch screens: read as touches (XInput 2.2)");
    else spdlog::info("touch screens: through the emulated pointer ({})", why);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext(options.fonts ? options.fonts->take_atlas() : nullptr); // null: ImGui makes its own
    ImGuiIO &io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    // false: ImGui installs no callbacks of its own; ui::Kiosk feeds it from our events.
    ImGui_ImplGlfw_InitForOpenGL(window_, false);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imgui_ready_ = true;
}

Window::~Window() {
    touch_.reset(); // its thread and X connection go before GLFW's
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_) glfwDestroyWindow(window_);
    if (!keep_display_) glfwTerminate();
}

std::pair<int, int> Window::framebuffer_size() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return {w, h};
}

bool Window::take_input() {
    if (touch_) {
        for (PointerEvent p : touch_->take()) {
            InputEvent e;
            e.pointer = p;
            e.pointer.t = events_.clock.now() - p.t; // when the finger did it, not now
            events_.input = true;
            if (events_.sink) events_.sink(e);
        }
    }
    return std::exchange(events_.input, false);
}
bool Window::take_close_request() { return std::exchange(events_.close, false); }

} // namespace hs::app
