#include "qr_texture.hpp"

#include "core/qr_code.hpp"
#include "widgets.hpp"

#include <glad/gl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace hs::ui {
namespace {

constexpr const char *kScanLine = N_("Scan with your phone's camera to take these steps with you");

} // namespace

QrTexture::~QrTexture() {
    if (texture_.id) glDeleteTextures(1, &texture_.id);
}

const Texture &QrTexture::get(const std::string &url) {
    if (url == url_) return texture_;
    if (texture_.id) glDeleteTextures(1, &texture_.id);
    texture_ = {};
    url_ = url;
    QrCode code = make_qr_code(url);
    if (!code.ok()) {
        spdlog::warn("no QR code for {}: {}", url, code.error);
        return texture_;
    }
    std::vector<unsigned char> grey = qr_pixels(code);
    int side = code.size + 2 * kQrQuietZone;
    std::vector<unsigned char> rgba(grey.size() * 4);
    for (size_t i = 0; i < grey.size(); ++i) {
        rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = grey[i];
        rgba[4 * i + 3] = 255;
    }
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glGenTextures(1, &texture_.id);
    glBindTexture(GL_TEXTURE_2D, texture_.id);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, side, side, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    // Nearest: a module is a hard-edged square at any scale; linear would blur every edge.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    texture_.width = texture_.height = side;
    return texture_;
}

float qr_side(const Context &ctx, const std::string &url, float max_side) {
    const Texture &tex = ctx.qr->get(url);
    if (!tex.ok()) return 0;
    // Whole pixels per module: a fractional scale would make some modules a pixel wider than
    // others. At least 4 px a module; the code grows to max_side, not beyond.
    float per = std::max(4.0f, std::floor(max_side / static_cast<float>(tex.width)));
    return per * static_cast<float>(tex.width);
}

float take_it_with_you_height(const Context &ctx, const std::string &url, float width, float max_side) {
    const Theme &t = ctx.theme;
    float side = qr_side(ctx, url, max_side);
    if (side == 0) return 0;
    // Four items (the code's space, the line, a gap, the URL), each followed by ImGui's item spacing.
    return side + t.px(16) + wrapped_height(ctx.fonts.body, ctx.tr(kScanLine), width) + t.px(8) +
           wrapped_height(ctx.fonts.small, url, width) + 4 * ImGui::GetStyle().ItemSpacing.y;
}

void take_it_with_you(const Context &ctx, const std::string &url, float x, float width, float max_side) {
    const Theme &t = ctx.theme;
    float side = qr_side(ctx, url, max_side);
    if (side == 0) return;
    const Texture &tex = ctx.qr->get(url);
    ImVec2 at = ImGui::GetCursorScreenPos();
    at.x = ImGui::GetWindowPos().x + x + (width - side) * 0.5f;
    // The quiet zone is part of the texture: light even in high contrast, where the page is dark
    // (a camera needs dark modules on light).
    ImGui::GetWindowDrawList()->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex.id)), at,
                                         ImVec2(at.x + side, at.y + side));
    ImGui::Dummy(ImVec2(0, side + t.px(16)));
    auto centred = [&](ImFont *font, ImU32 color, const std::string &text) {
        float one = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
        ImGui::SetCursorPosX(one < width ? x + (width - one) * 0.5f : x);
        wrapped_text(font, color, text, width);
    };
    centred(ctx.fonts.body, t.color.text, ctx.tr(kScanLine));
    ImGui::Dummy(ImVec2(0, t.px(8)));
    centred(ctx.fonts.small, t.color.text_muted, url);
}

} // namespace hs::ui
