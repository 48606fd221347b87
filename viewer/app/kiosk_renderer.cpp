#include "kiosk_renderer.hpp"

#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>

namespace hs::app {
namespace {

// The font atlas as one channel, swizzled to (1, 1, 1, a), in place of the backend's RGBA copy:
// a quarter of the memory (with software GL, 6 MiB less at 1080p). Returns the texture.
unsigned int upload_alpha_font_texture() {
    ImGuiIO &io = ImGui::GetIO();
    unsigned char *pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(id)));
    return id;
}

// Whether the kiosk's changes from the `from`th on move the screen (a reset on the attract
// screen changes nothing there).
bool moves(const ui::Kiosk &kiosk, size_t from) {
    const std::vector<Change> &changes = kiosk.changes();
    for (size_t i = from; i < changes.size(); ++i)
        if (!(changes[i].from == changes[i].to)) return true;
    return false;
}

} // namespace

bool KioskRenderer::draw(ui::Kiosk &kiosk, int w, int h, Millis now) {
    // A new size or text size means a new font atlas. Only the font texture changes; unbind the
    // old one first, since the backend restores whatever was bound and it is being deleted.
    using ms = std::chrono::duration<double, std::milli>;
    auto t0 = std::chrono::steady_clock::now();
    bool new_atlas = kiosk.layout(w, h);
    auto t1 = std::chrono::steady_clock::now();
    bool had_device = device_ready_;
    ImGui_ImplOpenGL3_NewFrame(); // the first one creates the backend's (RGBA) font texture
    device_ready_ = true;
    if (new_atlas || !had_device) {
        // Unbind first: the backend restores whatever was bound, and these are being deleted.
        glBindTexture(GL_TEXTURE_2D, 0);
        ImGui_ImplOpenGL3_DestroyFontsTexture(); // the backend's, if it made one
        if (font_texture_) glDeleteTextures(1, &font_texture_);
        font_texture_ = upload_alpha_font_texture();
    }
    auto t2 = std::chrono::steady_clock::now();
    atlas_ms_ = new_atlas ? ms(t1 - t0).count() : 0;
    gl_objects_ms_ = (new_atlas || !had_device) ? ms(t2 - t1).count() : 0;
    ImGui_ImplGlfw_NewFrame();
    kiosk.begin_frame(now); // a tap on a target acts here, before the frame is drawn
    size_t applied = kiosk.changes().size();
    shows_change_ = moves(kiosk, 0);
    ImGui::NewFrame();
    kiosk.build_frame();
    bool moved = moves(kiosk, applied);
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
