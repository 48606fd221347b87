// Attract: what the kiosk shows between customers. Calm, readable from a few steps away, and
// the whole screen is one button. The topic titles cycle so a passer-by sees what it helps with,
// and so do the offered languages: each turn invites in the next one, topic title included, so a
// passer-by who reads Spanish sees that the kiosk speaks it. The visit itself starts in the
// kiosk's default language; the language button is on every screen.
#include "screens.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace hs::ui {

void draw_attract(const Context &ctx, ImVec2 screen) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    const std::vector<std::string> &offered = ctx.session.config().languages_offered;
    std::string language = offered.empty() ? ctx.language() : offered[ctx.session.attract_index(ctx.now, offered.size())];
    Words words = ctx.words.in(language);
    ImGui::SetCursorPos(ImVec2(0, 0));
    Press press = pressable(ctx, "start", screen);
    if (press.tapped) ctx.ask(Intent::of(Intent::Kind::Home));

    ImDrawList *dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), screen, c.background);
    float width = std::min(screen.x - 2 * t.margin(), t.px(1400));
    float x = (screen.x - width) * 0.5f;
    // Portrait: the invitation sits in the middle third, at eye level for most people.
    float y = screen.y * (t.portrait ? 0.30f : 0.18f);

    auto centred = [&](ImFont *font, ImU32 color, const std::string &text) {
        float h = wrapped_height(font, text, width);
        float one = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
        ImGui::SetCursorPos(ImVec2(one < width ? (screen.x - one) * 0.5f : x, y));
        wrapped_text(font, color, text, width);
        y += h;
    };
    centred(ctx.fonts.hero, c.accent, icon::life_ring);
    y += t.gap() * 2;
    centred(ctx.fonts.h1, c.text, words("Need help with your phone?"));
    y += t.gap();
    centred(ctx.fonts.lead, c.text_muted, words("Step-by-step fixes with pictures, at your own pace."));
    y += t.px(80);

    if (!ctx.catalog.topics.empty()) {
        const Topic &english = ctx.catalog.topics[ctx.session.attract_index(ctx.now, ctx.catalog.topics.size())];
        const Topic &topic = ctx.localized.get(english, language);
        float card_w = std::min(width, t.px(1100)), pad = t.px(40);
        float title_h = wrapped_height(ctx.fonts.h2, topic.title, card_w - 2 * pad);
        float card_h = pad + ctx.fonts.small->FontSize + t.px(12) + title_h + pad;
        ImVec2 a((screen.x - card_w) * 0.5f, y);
        dl->AddRectFilled(a, ImVec2(a.x + card_w, a.y + card_h), c.surface, t.rounding());
        dl->AddRect(a, ImVec2(a.x + card_w, a.y + card_h), c.border, t.rounding(), 0, t.px(2));
        std::string label = words("For example");
        if (!topic.category.empty()) label += " \xC2\xB7 " + topic.category;
        dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(a.x + pad, a.y + pad), c.accent, label.c_str());
        ImGui::SetCursorPos(ImVec2(a.x + pad, a.y + pad + ctx.fonts.small->FontSize + t.px(12)));
        wrapped_text(ctx.fonts.h2, c.text, topic.title, card_w - 2 * pad);
        y += card_h + t.px(80);
    }

    // The call to action, as a large pill at the bottom third.
    std::string cta = std::string(icon::hand) + "   " + words("Tap anywhere to start");
    ImFont *f = ctx.fonts.h2;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, cta.c_str());
    float pill_h = ts.y + t.px(56), pill_w = ts.x + t.px(120);
    float py = std::max(y, screen.y * (t.portrait ? 0.72f : 0.76f));
    ImVec2 p((screen.x - pill_w) * 0.5f, py);
    dl->AddRectFilled(p, ImVec2(p.x + pill_w, p.y + pill_h), press.held ? c.accent_pressed : c.accent, pill_h * 0.5f);
    dl->AddText(f, f->FontSize, ImVec2(p.x + (pill_w - ts.x) * 0.5f, p.y + (pill_h - ts.y) * 0.5f), c.on_accent,
                cta.c_str());
}

} // namespace hs::ui
