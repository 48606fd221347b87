// The frame loop. It draws only when something changed (input, a new screen, a pending
// screenshot) and otherwise sleeps in glfwWaitEventsTimeout, so an idle kiosk costs no frames.
#include "viewer.hpp"

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
#include <cfloat>

namespace hs::app {
namespace {

// Frames to draw after anything happens: ImGui lays out popups and sizes on the second frame.
constexpr int kSettleFrames = 3;

// A finger does not hover. ImGui needs the pointer where it was for the frame of the release (so
// the tap lands), then it is moved away so nothing stays highlighted under a lifted finger.
void forget_pointer_after_release(bool &was_down) {
    ImGuiIO &io = ImGui::GetIO();
    bool down = false;
    for (bool b : io.MouseDown) down = down || b;
    if (!down && !was_down) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    was_down = down;
}

} // namespace

int run_viewer(const Options &options, Catalog &catalog) {
    Window window(options.windowed);
    if (!window.ok()) {
        spdlog::critical("{}", window.error());
        return 1;
    }

    Navigator nav(catalog);
    if (std::string why = nav.open_route(options.open_route); !why.empty())
        spdlog::warn("{}; showing home instead", why);
    ui::Kiosk kiosk(catalog, nav, [&catalog](const std::string &source, const std::string &reason) {
        spdlog::error("{}: {}", source, reason);
        catalog.problems.push_back({source, reason});
    });

    bool pointer_was_down = false;
    int frames_due = kSettleFrames;
    int frames_drawn = 0;
    NavState last_state = nav.state();
    while (!glfwWindowShouldClose(window.handle())) {
        if (frames_due > 0) glfwPollEvents();
        else glfwWaitEventsTimeout(1.0);
        if (window.take_input()) frames_due = std::max(frames_due, kSettleFrames);
        if (frames_due <= 0) continue;

        auto [w, h] = window.framebuffer_size();
        if (w <= 0 || h <= 0) { // minimised: nothing to draw until it comes back
            frames_due = 0;
            continue;
        }
        // A new size means a new font atlas: the backend re-creates its objects, the font texture
        // among them, on the next NewFrame.
        bool new_atlas = kiosk.layout(w, h);
        if (new_atlas) ImGui_ImplOpenGL3_DestroyDeviceObjects();

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        forget_pointer_after_release(pointer_was_down);
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
        ++frames_drawn;

        if (!options.screenshot.empty() && frames_drawn >= kSettleFrames) {
            std::string error = save_screenshot(options.screenshot, w, h);
            if (!error.empty()) {
                spdlog::critical("screenshot: {}", error);
                return 1;
            }
            spdlog::info("screenshot of '{}' written to {}", nav.route(), options.screenshot);
            return 0;
        }
        glfwSwapBuffers(window.handle());

        --frames_due;
        if (pointer_was_down) frames_due = std::max(frames_due, 1); // follow the finger at full rate
        if (!(nav.state() == last_state)) {
            spdlog::info("screen: {}", nav.route());
            last_state = nav.state();
            frames_due = std::max(frames_due, kSettleFrames);
        }
    }
    return 0;
}

} // namespace hs::app
