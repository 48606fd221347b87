#include "window.hpp"

#include <glad/gl.h>
// glad provides the GL declarations; keep GLFW from including the system GL header over them.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <spdlog/spdlog.h>

namespace hs::app {
namespace {

bool g_input = false; // one window per process: a flag is enough

void on_glfw_error(int code, const char *text) { spdlog::error("GLFW error {}: {}", code, text); }

// These run before ImGui's own callbacks (ImGui chains to the ones installed before it).
void mark_input() { g_input = true; }
void on_cursor(GLFWwindow *, double, double) { mark_input(); }
void on_button(GLFWwindow *, int, int, int) { mark_input(); }
void on_scroll(GLFWwindow *, double, double) { mark_input(); }
void on_key(GLFWwindow *, int, int, int, int) { mark_input(); }
void on_char(GLFWwindow *, unsigned) { mark_input(); }
void on_focus(GLFWwindow *, int) { mark_input(); }
void on_size(GLFWwindow *, int, int) { mark_input(); }

} // namespace

Window::Window(std::optional<std::pair<int, int>> size) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        error_ = "cannot open a display (is DISPLAY set? on a machine without one, run under xvfb-run)";
        return;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);
    // A full-screen kiosk stays on screen when something else takes focus for a moment.
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);

    if (size) {
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        window_ = glfwCreateWindow(size->first, size->second, "Help Station", nullptr, nullptr);
    } else {
        GLFWmonitor *monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode *mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) {
            error_ = "no monitor found for full screen";
            return;
        }
        glfwWindowHint(GLFW_RED_BITS, mode->redBits);
        glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
        glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        window_ = glfwCreateWindow(mode->width, mode->height, "Help Station", monitor, nullptr);
    }
    if (!window_) {
        error_ = "cannot create a window with an OpenGL 3.3 core context";
        return;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    if (!gladLoadGL(glfwGetProcAddress)) {
        error_ = "cannot load OpenGL 3.3 functions";
        glfwDestroyWindow(window_);
        window_ = nullptr;
        return;
    }
    spdlog::info("GL {} on {}", reinterpret_cast<const char *>(glGetString(GL_VERSION)),
                 reinterpret_cast<const char *>(glGetString(GL_RENDERER)));

    glfwSetCursorPosCallback(window_, on_cursor);
    glfwSetMouseButtonCallback(window_, on_button);
    glfwSetScrollCallback(window_, on_scroll);
    glfwSetKeyCallback(window_, on_key);
    glfwSetCharCallback(window_, on_char);
    glfwSetWindowFocusCallback(window_, on_focus);
    glfwSetFramebufferSizeCallback(window_, on_size);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO &io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imgui_ready_ = true;
}

Window::~Window() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

std::pair<int, int> Window::framebuffer_size() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return {w, h};
}

bool Window::take_input() {
    bool had = g_input;
    g_input = false;
    return had;
}

} // namespace hs::app
