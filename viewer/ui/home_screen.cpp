// Home: the search entry ("Describe your problem"), then a grid of topic cards grouped by
// category (the catalog is already sorted that way).
#include "screens.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace hs::ui {
namespace {

// One card: the topic's icon, its title and summary. The whole card is the touch target.
bool topic_card(const Context &ctx, const Topic &topic, ImVec2 size) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    std::string id = "topic:" + topic.id;
    auto [tapped, held] = pressable(ctx, id.c_str(), size);
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 end(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, end, held ? c.accent_soft : c.surface, t.rounding());
    dl->AddRect(pos, end, held ? c.accent : c.border, t.rounding(), 0, t.px(2));

    float pad = t.px(32);
    float icon = std::min(t.px(150), size.y - 2 * pad);
    ImVec2 icon_pos(pos.x + pad, pos.y + (size.y - icon) * 0.5f);
    if (!topic.icon.empty()) {
        draw_picture(ctx, topic, topic.icon, icon_pos, ImVec2(icon, icon));
    } else {
        dl->AddRectFilled(icon_pos, ImVec2(icon_pos.x + icon, icon_pos.y + icon), c.accent_soft, t.rounding());
        ImFont *f = ctx.fonts.h1;
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon::life_ring);
        dl->AddText(f, f->FontSize, ImVec2(icon_pos.x + (icon - ts.x) / 2, icon_pos.y + (icon - ts.y) / 2), c.accent,
                    icon::life_ring);
    }
    float text_x = pos.x + pad + icon + pad;
    float text_w = end.x - pad - t.px(40) - text_x;
    float title_h = wrapped_height(ctx.fonts.h2, topic.title, text_w);
    float summary_h = wrapped_height(ctx.fonts.small, topic.summary, text_w);
    float y = pos.y + std::max(pad, (size.y - title_h - t.px(8) - summary_h) * 0.5f);
    dl->AddText(ctx.fonts.h2, ctx.fonts.h2->FontSize, ImVec2(text_x, y), c.text, topic.title.c_str(), nullptr, text_w);
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(text_x, y + title_h + t.px(8)), c.text_muted,
                topic.summary.c_str(), nullptr, text_w);
    ImFont *b = ctx.fonts.bold;
    dl->AddText(b, b->FontSize, ImVec2(end.x - pad - t.px(16), pos.y + (size.y - b->FontSize) * 0.5f), c.accent,
                icon::next);
    return tapped;
}

// The way into search: as wide as the cards, a field that looks like it takes words. Tapping it
// opens the search screen and its keyboard.
void search_entry(const Context &ctx, float width, float h) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    auto [tapped, held] = pressable(ctx, "search", ImVec2(width, h));
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 end(pos.x + width, pos.y + h);
    dl->AddRectFilled(pos, end, held ? c.accent_soft : c.surface, t.rounding());
    dl->AddRect(pos, end, c.accent, t.rounding(), 0, t.px(3));
    ImFont *f = ctx.fonts.lead;
    float pad = t.px(36), y = pos.y + (h - f->FontSize) * 0.5f;
    float iw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon::search).x;
    dl->AddText(f, f->FontSize, ImVec2(pos.x + pad, y), c.accent, icon::search);
    // The button-like end says what a tap does; it goes when large text needs the room.
    const char *go = ctx.tr("Search");
    const char *describe = ctx.tr("Describe your problem");
    float go_w = label_width(ctx, nullptr, go), go_h = t.button_height() * 0.8f;
    float text_x = pos.x + pad + iw + t.px(28);
    bool show_go = text_x + f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, describe).x + t.gap() + go_w <
                   end.x - t.px(16);
    float text_end = show_go ? end.x - t.px(16) - go_w - t.gap() : end.x - pad;
    dl->PushClipRect(ImVec2(text_x, pos.y), ImVec2(text_end, end.y), true);
    dl->AddText(f, f->FontSize, ImVec2(text_x, y), c.text_muted, describe);
    dl->PopClipRect();
    if (show_go) {
        ImVec2 g0(end.x - t.px(16) - go_w, pos.y + (h - go_h) * 0.5f), g1(end.x - t.px(16), g0.y + go_h);
        dl->AddRectFilled(g0, g1, held ? c.accent_pressed : c.accent, t.rounding());
        ImFont *b = ctx.fonts.bold;
        ImVec2 ts = b->CalcTextSizeA(b->FontSize, FLT_MAX, 0, go);
        dl->AddText(b, b->FontSize, ImVec2(g0.x + (go_w - ts.x) * 0.5f, g0.y + (go_h - ts.y) * 0.5f), c.on_accent, go);
    }
    if (tapped) ctx.ask(Intent::of(Intent::Kind::Search));
}

// The height a card needs for its title and summary at `width` (at least the usual 230 px).
float card_height(const Context &ctx, const Topic &topic, float width) {
    const Theme &t = ctx.theme;
    float pad = t.px(32), text_w = width - 3 * pad - t.px(150) - t.px(40);
    float text_h = wrapped_height(ctx.fonts.h2, topic.title, text_w) + t.px(8) +
                   wrapped_height(ctx.fonts.small, topic.summary, text_w);
    return std::max(t.px(230), text_h + 2 * pad);
}

} // namespace

void draw_home(const Context &ctx, ImVec2 body) {
    const Theme &t = ctx.theme;
    if (ctx.catalog.topics.empty()) {
        // Nothing loaded (yet): say so calmly; the reasons are in the log for the operator.
        centred_message(ctx, body, icon::life_ring, t.color.accent,
                        ctx.catalog.loading ? ctx.tr("Getting the help topics ready") : ctx.tr("Help is being set up"),
                        ctx.tr("Please ask a team member: they will be glad to help you."), [](float, float) {});
        return;
    }
    float width = body.x - 2 * t.margin();
    const char *title = ctx.tr("What do you need help with?"),
               *hint = ctx.tr("Describe your problem, or tap the one that looks like yours.");
    if (t.portrait) {
        // A tall screen: the question fills the top third (out of reach is fine for reading), and
        // the topic cards, the controls, start below it.
        float band = ImGui::GetIO().DisplaySize.y / 3 - (ImGui::GetIO().DisplaySize.y - body.y) * 0.25f;
        float text_h = ctx.fonts.hero->FontSize + t.gap() + wrapped_height(ctx.fonts.h1, title, width) + t.px(12) +
                       wrapped_height(ctx.fonts.body, hint, width);
        float y = std::max(t.margin(), (band - text_h) * 0.5f);
        ImFont *hero = ctx.fonts.hero;
        float iw = hero->CalcTextSizeA(hero->FontSize, FLT_MAX, 0, icon::life_ring).x;
        ImGui::GetWindowDrawList()->AddText(hero, hero->FontSize,
                                            ImVec2(ImGui::GetWindowPos().x + (body.x - iw) * 0.5f,
                                                   ImGui::GetWindowPos().y + y),
                                            t.color.accent, icon::life_ring);
        y += hero->FontSize + t.gap();
        auto centred = [&](ImFont *f, ImU32 c, const char *text) {
            float one = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text).x;
            ImGui::SetCursorPos(ImVec2(one < width ? (body.x - one) * 0.5f : t.margin(), y));
            wrapped_text(f, c, text, width);
            y += wrapped_height(f, text, width);
        };
        centred(ctx.fonts.h1, t.color.text, title);
        y += t.px(12);
        centred(ctx.fonts.body, t.color.text_muted, hint);
        ImGui::SetCursorPos(ImVec2(t.margin(), std::max(y + t.gap(), band)));
        search_entry(ctx, width, t.tpx(120));
        ImGui::Dummy(ImVec2(0, t.gap()));
    } else {
        // Landscape: the search entry beside the question when they fit side by side (the cards
        // stay where they were), under it when large text needs the width.
        ImFont *h1 = ctx.fonts.h1, *body_font = ctx.fonts.body;
        float text_w = std::max(h1->CalcTextSizeA(h1->FontSize, FLT_MAX, 0, title).x,
                                body_font->CalcTextSizeA(body_font->FontSize, FLT_MAX, 0, hint).x);
        float entry_w = width - text_w - 2 * t.gap();
        bool beside = entry_w >= t.px(640);
        float column = beside ? text_w + t.gap() : width;
        ImGui::SetCursorPos(ImVec2(t.margin(), t.margin()));
        float top = ImGui::GetCursorPosY();
        wrapped_text(h1, t.color.text, title, column);
        ImGui::SetCursorPosX(t.margin());
        wrapped_text(body_font, t.color.text_muted, hint, column);
        float below = ImGui::GetCursorPosY();
        if (beside) {
            float h = std::max(t.button_height(), below - top);
            ImGui::SetCursorPos(ImVec2(t.margin() + width - entry_w, top));
            search_entry(ctx, entry_w, h);
            ImGui::SetCursorPosY(std::max(below, top + h));
        } else {
            ImGui::Dummy(ImVec2(0, t.gap()));
            ImGui::SetCursorPosX(t.margin());
            search_entry(ctx, width, t.tpx(120));
        }
        ImGui::Dummy(ImVec2(0, t.gap()));
    }

    int columns = t.portrait ? 1 : 2;
    float card_w = (width - (columns - 1) * t.gap()) / columns;
    // One height for every card, so the grid stays a grid; it grows with the text size.
    ImVec2 card(card_w, 0);
    for (const Topic &topic : ctx.catalog.topics) card.y = std::max(card.y, card_height(ctx, ctx.shown(topic), card_w));
    std::string category;
    int column = 0;
    for (const Topic &english : ctx.catalog.topics) {
        const Topic &topic = ctx.shown(english);
        if (english.category != category) { // grouped as sorted: by the English category
            category = english.category;
            if (column != 0) ImGui::Dummy(ImVec2(0, card.y + t.gap()));
            column = 0;
            // The group's heading in the visit's language if any of its topics translates it.
            std::string shown_category = english.category;
            for (const Topic &other : ctx.catalog.topics)
                if (other.category == english.category && ctx.shown(other).category != english.category)
                    shown_category = ctx.shown(other).category;
            ImGui::SetCursorPosX(t.margin());
            heading(ctx, shown_category, width);
        }
        float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(t.margin() + column * (card_w + t.gap()), y));
        if (topic_card(ctx, topic, card)) ctx.ask(Intent::open_topic(topic.id));
        if (++column == columns) {
            column = 0;
            ImGui::SetCursorPosY(y + card.y + t.gap());
        } else {
            ImGui::SetCursorPosY(y);
        }
    }
    if (column != 0) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + card.y + t.gap());
    if (ctx.catalog.loading) { // quiet: more topics are on their way, nothing to do about it
        ImGui::SetCursorPosX(t.margin());
        wrapped_text(ctx.fonts.small, t.color.text_muted, std::string(icon::clock) + "  " + ctx.tr("More topics are loading…"),
                     width);
    }
    ImGui::Dummy(ImVec2(0, t.margin()));
}

} // namespace hs::ui
