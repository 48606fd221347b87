#include "theme.hpp"

namespace hs::ui {

Palette high_contrast_palette() {
    Palette p;
    p.background = IM_COL32(0x00, 0x00, 0x00, 0xFF);
    p.surface = IM_COL32(0x0A, 0x0A, 0x0A, 0xFF);
    p.border = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    p.text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    p.text_muted = IM_COL32(0xE6, 0xE6, 0xE6, 0xFF);
    p.accent = IM_COL32(0xFF, 0xDD, 0x00, 0xFF);
    p.accent_pressed = IM_COL32(0xC8, 0xAD, 0x00, 0xFF);
    p.accent_soft = IM_COL32(0x1F, 0x1F, 0x1F, 0xFF);
    p.on_accent = IM_COL32(0x00, 0x00, 0x00, 0xFF);
    p.success = IM_COL32(0x5C, 0xF0, 0x8A, 0xFF);
    p.caution = IM_COL32(0xFF, 0xB8, 0x4D, 0xFF);
    p.caution_soft = IM_COL32(0x1F, 0x14, 0x00, 0xFF);
    p.secondary = IM_COL32(0x26, 0x26, 0x26, 0xFF);
    p.secondary_pressed = IM_COL32(0x4D, 0x4D, 0x4D, 0xFF);
    p.placeholder = IM_COL32(0x26, 0x26, 0x26, 0xFF);
    p.highlight = IM_COL32(0xFF, 0xDD, 0x00, 0xFF);
    p.on_highlight = IM_COL32(0x00, 0x00, 0x00, 0xFF);
    return p;
}

void apply_style(const Theme &theme) {
    ImGuiStyle &s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsLight(&s);
    const Palette &c = theme.color;
    auto v = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
    s.Colors[ImGuiCol_WindowBg] = v(c.background);
    s.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    s.Colors[ImGuiCol_Text] = v(c.text);
    s.Colors[ImGuiCol_TextDisabled] = v(c.text_muted);
    s.Colors[ImGuiCol_Border] = v(c.border);
    // Touch has no hover: hovered looks exactly like idle, only "pressed" gives feedback.
    s.Colors[ImGuiCol_Button] = v(c.secondary);
    s.Colors[ImGuiCol_ButtonHovered] = v(c.secondary);
    s.Colors[ImGuiCol_ButtonActive] = v(c.secondary_pressed);
    s.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    s.Colors[ImGuiCol_ScrollbarGrab] = v(c.border);
    s.Colors[ImGuiCol_ScrollbarGrabHovered] = v(c.border);
    s.Colors[ImGuiCol_ScrollbarGrabActive] = v(c.text_muted);
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.FrameRounding = theme.rounding();
    s.ScrollbarSize = theme.px(16);
    s.ScrollbarRounding = theme.px(8);
    s.ItemSpacing = ImVec2(theme.px(16), theme.px(16));
    s.FramePadding = ImVec2(theme.px(24), theme.px(16));
    s.TouchExtraPadding = ImVec2(0, 0);
    s.AntiAliasedFill = true;
    s.AntiAliasedLines = true;
}

} // namespace hs::ui
