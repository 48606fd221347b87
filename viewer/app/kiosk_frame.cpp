#include "kiosk_frame.hpp"

#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace hs::app {

bool KioskFrame::draw(ui::Kiosk &kiosk, int w, int h, Millis now, const Navigator *watch) {
    // A new size or text size means a new font atlas. Only the font texture changes; unbind the
    // old one first, since the backend restores whatever was bound and it is being deleted.
    bool new_atlas = kiosk.layout(w, h);
    bool had_device = device_ready_;
    ImGui_ImplOpenGL3_NewFrame(); // the first one creates the font texture from the atlas
    device_ready_ = true;
    if (new_atlas && had_device) {
        glBindTexture(GL_TEXTURE_2D, 0);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplGlfw_NewFrame();
    kiosk.begin_frame(now);
    NavState before = watch ? watch->state() : NavState{};
    ImGui::NewFrame();
    kiosk.build_frame();
    bool moved = watch && !(watch->state() == before);
    ImGui::Render();
    glViewport(0, 0, w, h);
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(kiosk.theme().color.background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // The atlas is on the GPU now; its CPU copy (~10 MiB at 1080p) is rebuilt if ever needed.
    if (new_atlas) ImGui::GetIO().Fonts->ClearTexData();
    return moved;
}

} // namespace hs::app
