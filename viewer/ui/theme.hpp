// Colours and sizes of the kiosk. One place, so contrast and touch sizes can be checked at once.
//
// Sizes are in pixels at 1080 px (the short side of a 1080p screen) and multiplied by
// Theme::scale, so the kiosk looks the same on 1080p and 4K, landscape or portrait.
// Text colours reach 7:1 against their backgrounds (WCAG 1.4.6 AAA), touch targets are at
// least 64 px at 1080p with 8 px or more between them (design.md section 5).
#pragma once

#include <imgui.h>

namespace hs::ui {

struct Palette {
    ImU32 background = IM_COL32(0xF3, 0xF5, 0xF8, 0xFF);
    ImU32 surface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);   // cards, bars
    ImU32 border = IM_COL32(0xC9, 0xD0, 0xDA, 0xFF);
    ImU32 text = IM_COL32(0x14, 0x18, 0x1F, 0xFF);      // 17:1 on surface
    ImU32 text_muted = IM_COL32(0x3D, 0x45, 0x52, 0xFF); // 9.6:1 on surface
    ImU32 accent = IM_COL32(0x0B, 0x4F, 0xC4, 0xFF);    // primary buttons; white text 7.6:1
    ImU32 accent_pressed = IM_COL32(0x08, 0x3A, 0x91, 0xFF);
    ImU32 accent_soft = IM_COL32(0xE3, 0xEC, 0xFB, 0xFF); // selected / note background
    ImU32 on_accent = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 success = IM_COL32(0x0A, 0x5C, 0x2D, 0xFF);    // white text 8.1:1
    ImU32 caution = IM_COL32(0x7A, 0x3E, 0x00, 0xFF);    // on caution_soft 8.3:1
    ImU32 caution_soft = IM_COL32(0xFF, 0xF1, 0xD6, 0xFF);
    ImU32 secondary = IM_COL32(0xE6, 0xEA, 0xF0, 0xFF);  // secondary buttons; text 14:1
    ImU32 secondary_pressed = IM_COL32(0xCD, 0xD4, 0xDE, 0xFF);
    ImU32 placeholder = IM_COL32(0xE1, 0xE5, 0xEB, 0xFF);
    ImU32 highlight = IM_COL32(0xFF, 0xE2, 0x8A, 0xFF);  // behind the words a search matched
    ImU32 on_highlight = IM_COL32(0x14, 0x18, 0x1F, 0xFF); // 13:1 on highlight
};

// High contrast: white and yellow on black. Body text 21:1, muted text 15:1, black on yellow 15:1.
Palette high_contrast_palette();

struct Theme {
    Palette color;
    float scale = 1.0f;      // short side of the screen / 1080
    float text_scale = 1.0f; // the customer's text size: 1, 1.5 or 2
    bool portrait = false;

    float px(float at1080) const { return at1080 * scale; }
    // Controls that hold text grow with it, a little less than the text does.
    float tpx(float at1080) const { return px(at1080) * (0.5f + 0.5f * text_scale); }
    float margin() const { return px(48); }
    float gap() const { return px(24); }
    float button_height() const { return tpx(96); } // >= 64 px touch target
    float bar_height() const { return button_height() + px(24); } // top bar and bottom action bar
    float rounding() const { return px(20); }
};

// Applies the theme to ImGui's style: no hover colour changes (a finger does not hover),
// large scrollbars, generous padding.
void apply_style(const Theme &theme);

} // namespace hs::ui
