// The on-screen keyboard (see keyboard.hpp).
#include "keyboard.hpp"

#include "widgets.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace hs::ui {
namespace {

constexpr const char *kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

struct Metrics {
    float unit, height, gap;
};

// Ten keys and nine gaps across `width`; keys no wider than a thumb needs.
Metrics metrics(const Context &ctx, float width) {
    const Theme &t = ctx.theme;
    float gap = t.px(12);
    float unit = std::min((width - 9 * gap) / 10, t.px(140));
    return {unit, std::max(t.px(88), std::min(unit, t.px(100))), gap};
}

// A key's label in the bold font, at the theme's text size but never wider than the key.
bool key(const Context &ctx, const std::string &id, ImVec2 at, ImVec2 size, const char *icon_glyph,
         const char *label) {
    ImGui::SetCursorScreenPos(at);
    const char *text = label;
    if (label && label_width(ctx, icon_glyph, label) > size.x) text = icon_glyph ? nullptr : label;
    return touch_button(ctx, id.c_str(), size, ButtonStyle::Secondary, icon_glyph, text);
}

struct Extra {
    const char *id;    // the touch target is "key:<id>"
    const char *label; // as printed on the key
    unsigned codepoint;
};

// Spanish: ñ is a letter of its own (año is not ano), so it gets a key.
std::vector<Extra> extra_letters(const std::string &language) {
    if (language == "es" || language.rfind("es-", 0) == 0) return {{"ñ", "Ñ", 0xF1}};
    return {};
}

} // namespace

float keyboard_height(const Context &ctx, float width) {
    Metrics m = metrics(ctx, width);
    return 4 * m.height + 3 * m.gap;
}

bool draw_keyboard(const Context &ctx, SearchBox &box, float width) {
    Metrics m = metrics(ctx, width);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float full = 10 * m.unit + 9 * m.gap;
    origin.x += (width - full) * 0.5f; // keys capped in width: the keyboard is centred
    bool changed = false;
    float y = origin.y;
    for (int row = 0; row < 3; ++row) {
        // Rows step in by half a key, as on a real keyboard.
        float x = origin.x + row * 0.5f * (m.unit + m.gap);
        for (const char *c = kRows[row]; *c; ++c) {
            char upper[2] = {static_cast<char>(*c - 'a' + 'A'), 0};
            if (key(ctx, std::string("key:") + *c, ImVec2(x, y), ImVec2(m.unit, m.height), nullptr, upper))
                changed = box.type(static_cast<unsigned>(*c)) || changed;
            x += m.unit + m.gap;
        }
        if (row == 2) { // backspace takes the rest of the last letter row
            float w = origin.x + full - x;
            if (key(ctx, "key:backspace", ImVec2(x, y), ImVec2(w, m.height), icon::backspace, ctx.tr("Delete"))) {
                box.backspace();
                changed = true;
            }
        }
        y += m.height + m.gap;
    }
    float clear_w = 2.5f * m.unit + 1.5f * m.gap;
    if (key(ctx, "key:clear", ImVec2(origin.x, y), ImVec2(clear_w, m.height), icon::erase, ctx.tr("Clear"))) {
        box.clear();
        changed = true;
    }
    float space_x = origin.x + clear_w + m.gap;
    // The letters the visit's language needs beyond a-z, left of the space bar. Accented vowels
    // need no key: search folds accents away (search_text.hpp), so "telefono" finds "teléfono".
    for (const Extra &extra : extra_letters(ctx.language())) {
        if (key(ctx, std::string("key:") + extra.id, ImVec2(space_x, y), ImVec2(m.unit, m.height), nullptr,
                extra.label))
            changed = box.type(extra.codepoint) || changed;
        space_x += m.unit + m.gap;
    }
    if (key(ctx, "key:space", ImVec2(space_x, y), ImVec2(origin.x + full - space_x, m.height), nullptr,
            ctx.tr("space")))
        changed = box.type(' ') || changed;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y + m.height));
    ImGui::Dummy(ImVec2(0, 0));
    return changed;
}

} // namespace hs::ui
