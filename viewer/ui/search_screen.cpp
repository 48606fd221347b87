// Search: the words typed so far in a large field, the results under them (updated on every key),
// and the on-screen keyboard. A result shows the topic, where it matched ("Symptom", "Fix 2,
// step 3", "FAQ: ...") and the matched words highlighted; tapping it opens the topic there.
// Nothing found: a kind word, the most-used topics, and "Ask a team member".
//
// Landscape: the field across the top, results on the left, the keyboard bottom right.
// Portrait: results on top, then the field, then the keyboard at the bottom, in reach (ADA 308).
#include "keyboard.hpp"
#include "screens.hpp"
#include "widgets.hpp"

#include "core/line_break.hpp"
#include "core/search.hpp"

#include <imgui_internal.h> // SetNextWindowScroll: new results start at the top

#include <algorithm>

namespace hs::ui {
namespace {

using Marks = std::vector<std::pair<uint32_t, uint32_t>>;

// Text wrapped at `width` with the byte ranges `marks` drawn on the highlight colour. ImGui 1.86
// has no rich text, so it is laid out word by word. Draws at `at` when `draw`; returns the height.
float marked_text(const Context &ctx, ImFont *font, const std::string &text, const Marks &marks, float width,
                  ImVec2 at, bool draw) {
    const Palette &c = ctx.theme.color;
    ImDrawList *dl = ImGui::GetWindowDrawList();
    float size = font->FontSize, line_h = size * 1.3f, pad = ctx.theme.px(3);
    float space = font->CalcTextSizeA(size, FLT_MAX, 0, " ").x;
    auto marked = [&](size_t b, size_t e) {
        for (auto [mb, me] : marks)
            if (b < me && e > mb) return true;
        return false;
    };
    float x = 0, y = 0;
    size_t i = 0;
    bool after_space = false;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\n') {
            after_space = true;
            ++i;
            continue;
        }
        // One piece that stays on a line: a word up to a space, or a CJK character (Chinese has
        // no spaces: core/line_break.hpp), in pieces where a mark starts or ends inside it ("bubbles.").
        size_t end = unbreakable_end(text, i);
        if (x > 0 && after_space) x += space;
        after_space = false;
        std::vector<size_t> cuts = {i};
        for (auto [mb, me] : marks) {
            if (mb > i && mb < end) cuts.push_back(mb);
            if (me > i && me < end) cuts.push_back(me);
        }
        std::sort(cuts.begin(), cuts.end());
        cuts.push_back(end);
        float w = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str() + i, text.c_str() + end).x;
        if (x > 0 && x + w > width) {
            x = 0;
            y += line_h;
        }
        float px = at.x + x;
        for (size_t k = 0; k + 1 < cuts.size(); ++k) {
            const char *b = text.c_str() + cuts[k], *e = text.c_str() + cuts[k + 1];
            float pw = font->CalcTextSizeA(size, FLT_MAX, 0, b, e).x;
            bool mark = marked(cuts[k], cuts[k + 1]);
            if (draw) {
                if (mark)
                    dl->AddRectFilled(ImVec2(px - pad, at.y + y - pad * 0.5f),
                                      ImVec2(px + pw + pad, at.y + y + size + pad * 0.5f), c.highlight, pad * 1.5f);
                dl->AddText(font, size, ImVec2(px, at.y + y), mark ? c.on_highlight : c.text, b, e);
            }
            px += pw;
        }
        x += w;
        i = end;
    }
    return y + size;
}

// The ">" at the right end of a row, and the width it takes there.
float chevron_width(const Context &ctx) {
    ImFont *b = ctx.fonts.bold;
    return b->CalcTextSizeA(b->FontSize, FLT_MAX, 0, icon::next).x + ctx.theme.px(16);
}
void chevron(const Context &ctx, ImVec2 end, float top, float h) {
    ImFont *b = ctx.fonts.bold;
    float w = b->CalcTextSizeA(b->FontSize, FLT_MAX, 0, icon::next).x;
    ImGui::GetWindowDrawList()->AddText(b, b->FontSize, ImVec2(end.x - ctx.theme.px(24) - w, top + (h - b->FontSize) * 0.5f),
                                        ctx.theme.color.accent, icon::next);
}

// The large field showing what was typed, with the caret at its end.
void query_field(const Context &ctx, ImVec2 pos, ImVec2 size) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 end(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, end, c.surface, t.rounding());
    dl->AddRect(pos, end, c.accent, t.rounding(), 0, t.px(3));
    ImFont *f = ctx.fonts.lead;
    float pad = t.px(28);
    float icon_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon::search).x;
    float ty = pos.y + (size.y - f->FontSize) * 0.5f;
    dl->AddText(f, f->FontSize, ImVec2(pos.x + pad, ty), c.accent, icon::search);
    float x0 = pos.x + pad + icon_w + t.px(24), room = end.x - pad - x0;
    const std::string &q = ctx.ui.search.query();
    dl->PushClipRect(ImVec2(x0, pos.y), ImVec2(end.x - pad * 0.5f, end.y), true);
    if (q.empty()) {
        dl->AddText(f, f->FontSize, ImVec2(x0, ty), c.text_muted, ctx.tr("Describe your problem"));
        dl->AddRectFilled(ImVec2(x0, ty), ImVec2(x0 + t.px(4), ty + f->FontSize), c.accent);
    } else {
        // A long query shows its end, where the typing is.
        float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, q.c_str()).x;
        float x = std::min(x0, x0 + room - t.px(12) - w);
        dl->AddText(f, f->FontSize, ImVec2(x, ty), c.text, q.c_str());
        dl->AddRectFilled(ImVec2(x + w + t.px(4), ty), ImVec2(x + w + t.px(8), ty + f->FontSize), c.accent);
    }
    dl->PopClipRect();
}

// Where in the topic a result matched, for people, in the visit's language: "Symptom", "Fix 2,
// step 3", "FAQ: Does RCS cost extra?" (search.cpp says the same in English, for --search).
std::string where_label(const Context &ctx, const SearchHit &hit) {
    const Topic *topic = ctx.catalog.find(hit.topic);
    const Topic *shown = topic ? &ctx.shown(*topic) : nullptr;
    std::string fix_n = std::to_string(hit.fix + 1);
    auto fix_title = [&] {
        bool ok = shown && hit.fix >= 0 && hit.fix < static_cast<int>(shown->fixes.size());
        return ok ? shown->fixes[static_cast<size_t>(hit.fix)].title : std::string();
    };
    switch (hit.place) {
    case MatchPlace::Title:
    case MatchPlace::AskTeamNote: return ctx.tr("Topic");
    case MatchPlace::Summary: return ctx.tr("Summary");
    case MatchPlace::Symptom: return ctx.tr("Symptom");
    case MatchPlace::Why: return ctx.tr("Why it happens");
    case MatchPlace::FixTitle: return ctx.trf("Fix {0}", {fix_n});
    case MatchPlace::FixIntro:
    case MatchPlace::FixOutcome:
        // TRANSLATORS: {0} is the fix's number, {1} its title.
        return ctx.trf("Fix {0}: {1}", {fix_n, fix_title()});
    case MatchPlace::Step:
    case MatchPlace::StepNote: return ctx.trf("Fix {0}, step {1}", {fix_n, std::to_string(hit.step + 1)});
    case MatchPlace::FaqQuestion: return ctx.tr("FAQ");
    case MatchPlace::FaqAnswer: {
        bool ok = shown && hit.faq >= 0 && hit.faq < static_cast<int>(shown->faq.size());
        // TRANSLATORS: {0} is the question of the FAQ entry the words were found in.
        return ok ? ctx.trf("FAQ: {0}", {shown->faq[static_cast<size_t>(hit.faq)].question}) : ctx.tr("FAQ");
    }
    }
    return hit.where;
}

// One result: the topic's title, where it matched, and the matched text. Returns true on tap.
bool result_card(const Context &ctx, const SearchHit &hit, int n, float width) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    float pad = t.px(28), text_w = width - 2 * pad - chevron_width(ctx);
    bool in_title = hit.place == MatchPlace::Title;
    static const Marks none;
    const Marks &title_marks = in_title ? hit.highlights : none;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float title_h = marked_text(ctx, ctx.fonts.bold, hit.title, title_marks, text_w, origin, false);
    std::string where = std::string(icon::search) + "  " + where_label(ctx, hit);
    float where_h = wrapped_height(ctx.fonts.small, where, text_w);
    float snippet_h = in_title ? 0 : marked_text(ctx, ctx.fonts.body, hit.snippet, hit.highlights, text_w, origin, false);
    float h = pad + title_h + t.px(8) + where_h + (in_title ? 0 : t.px(12) + snippet_h) + pad;

    std::string id = "result:" + std::to_string(n);
    auto [tapped, held] = pressable(ctx, id.c_str(), ImVec2(width, h));
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 end(origin.x + width, origin.y + h);
    dl->AddRectFilled(origin, end, held ? c.accent_soft : c.surface, t.rounding());
    dl->AddRect(origin, end, held ? c.accent : c.border, t.rounding(), 0, t.px(2));
    float x = origin.x + pad, y = origin.y + pad;
    marked_text(ctx, ctx.fonts.bold, hit.title, title_marks, text_w, ImVec2(x, y), true);
    y += title_h + t.px(8);
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(x, y), c.text_muted, where.c_str(), nullptr, text_w);
    y += where_h + t.px(12);
    if (!in_title) marked_text(ctx, ctx.fonts.body, hit.snippet, hit.highlights, text_w, ImVec2(x, y), true);
    chevron(ctx, end, origin.y, h);
    ImGui::Dummy(ImVec2(0, t.px(16)));
    return tapped;
}

// A topic offered when nothing (or nothing yet) was typed or found: its title and summary.
bool topic_row(const Context &ctx, const Topic &topic, float width) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    float pad = t.px(28), text_w = width - 2 * pad - chevron_width(ctx);
    float title_h = wrapped_height(ctx.fonts.bold, topic.title, text_w);
    float summary_h = wrapped_height(ctx.fonts.small, topic.summary, text_w);
    float h = std::max(t.button_height(), pad + title_h + t.px(6) + summary_h + pad);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    std::string id = "popular:" + topic.id;
    auto [tapped, held] = pressable(ctx, id.c_str(), ImVec2(width, h));
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 end(pos.x + width, pos.y + h);
    dl->AddRectFilled(pos, end, held ? c.accent_soft : c.surface, t.rounding());
    dl->AddRect(pos, end, held ? c.accent : c.border, t.rounding(), 0, t.px(2));
    dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(pos.x + pad, pos.y + pad), c.text, topic.title.c_str(),
                nullptr, text_w);
    dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(pos.x + pad, pos.y + pad + title_h + t.px(6)),
                c.text_muted, topic.summary.c_str(), nullptr, text_w);
    chevron(ctx, end, pos.y, h);
    ImGui::Dummy(ImVec2(0, t.px(16)));
    return tapped;
}

// The most-used topics (analytics' last 7 days, then the catalog's order), under a heading.
void popular_topics(const Context &ctx, float x, float width, const char *heading_text) {
    std::vector<std::string> ids = most_used_topics(ctx.catalog, ctx.host.usage_ranking, 4);
    if (ids.empty()) return; // no topics (all removed while the kiosk runs): no heading over nothing
    ImGui::SetCursorPosX(x);
    heading(ctx, heading_text, width);
    ImGui::Dummy(ImVec2(0, ctx.theme.px(4)));
    for (const std::string &id : ids) {
        const Topic *topic = ctx.catalog.find(id);
        ImGui::SetCursorPosX(x);
        if (topic && topic_row(ctx, ctx.shown(*topic), width)) ctx.ask(Intent::open_topic(id));
    }
}

void ask_team_button(const Context &ctx, float width) {
    const Theme &t = ctx.theme;
    const char *label = ctx.tr("Ask a team member");
    float bw = std::min(width, std::max(t.px(520), label_width(ctx, icon::users, label)));
    if (touch_button(ctx, "ask-team", ImVec2(bw, t.button_height()), ButtonStyle::Primary, icon::users, label))
        ctx.ask(Intent::of(Intent::Kind::AskTeam));
}

// The results for what was typed, searched in the visit's language: the localized topics have
// their own index (made the first time a visit searches in that language); when the words find
// nothing there, the English text is searched too (a customer may type the English they see on
// their phone).
const std::vector<SearchHit> &search_results(const Context &ctx) {
    const Catalog &shown = ctx.localized.catalog(ctx.catalog, ctx.language());
    return ctx.ui.search.results(shown, &shown == &ctx.catalog ? nullptr : &ctx.catalog);
}

// The scrolling list under (or above) the field: results, or what to do without any.
void results_list(const Context &ctx, ImVec2 pos, ImVec2 size, bool show_hint) {
    const Theme &t = ctx.theme;
    SearchBox &box = ctx.ui.search;
    const std::vector<SearchHit> &hits = search_results(ctx);
    ImGui::SetCursorPos(pos);
    // New results start at their top (the finger is on the keyboard, not on the list).
    if (box.version() != ctx.ui.search_version_drawn || ctx.new_page) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    ctx.ui.search_version_drawn = box.version();
    ImGui::BeginChild("results", size, false, ImGuiWindowFlags_NoBackground);
    float width = size.x - t.px(24); // room for the scrollbar
    if (!hits.empty()) {
        std::string count = hits.size() == 1 ? std::string(ctx.tr("1 topic matches"))
                                             : ctx.trf("{0} topics match", {std::to_string(hits.size())});
        wrapped_text(ctx.fonts.small, t.color.text_muted, count, width);
        ImGui::Dummy(ImVec2(0, t.px(4)));
        for (size_t i = 0; i < hits.size(); ++i)
            if (result_card(ctx, hits[i], static_cast<int>(i + 1), width))
                ctx.ask(Intent::open_result(hits[i].route, hits[i].topic));
    } else if (box.nothing_found()) {
        // TRANSLATORS: {0} is what the customer typed.
        std::string title = ctx.trf("Sorry, nothing matches “{0}”", {box.query()});
        wrapped_text(ctx.fonts.h2, t.color.text, title, width);
        ImGui::Dummy(ImVec2(0, t.px(8)));
        wrapped_text(ctx.fonts.body, t.color.text,
                     ctx.catalog.topics.empty()
                         ? ctx.tr("Try other words, or ask us.")
                         : ctx.tr("Try fewer or other words, pick one of the topics people ask about most, or ask us."),
                     width);
        ImGui::Dummy(ImVec2(0, t.gap()));
        if (!t.portrait) { // portrait: below the list, down where a hand reaches (draw_search)
            ask_team_button(ctx, width);
            ImGui::Dummy(ImVec2(0, t.gap()));
        }
        popular_topics(ctx, ImGui::GetCursorPosX(), width, ctx.tr("Most asked about"));
    } else {
        if (show_hint) {
            wrapped_text(ctx.fonts.body, t.color.text, ctx.tr("Type what you see, for example “green bubbles” or “no service”."),
                         width);
            ImGui::Dummy(ImVec2(0, t.gap()));
        }
        popular_topics(ctx, ImGui::GetCursorPosX(), width, ctx.tr("Most asked about"));
    }
    touch_scroll(ctx);
    ImGui::EndChild();
}

} // namespace

std::optional<SearchRun> finish_search(UiState &ui) {
    SearchBox &box = ui.search;
    if (!box.query_has_words() || box.query() == ui.search_recorded) return std::nullopt;
    ui.search_recorded = box.query();
    return SearchRun{box.query(), static_cast<int>(box.last_results().size())};
}

void draw_search(const Context &ctx, ImVec2 body) {
    const Theme &t = ctx.theme;
    float m = t.margin(), gap = t.gap();
    float field_h = t.tpx(104);
    if (t.portrait) {
        float width = body.x - 2 * m;
        float kb_h = keyboard_height(ctx, width);
        float kb_y = body.y - gap - kb_h;
        float field_y = kb_y - gap - field_h;
        // Nothing found: "Ask a team member" stays in view just above the field, whatever the
        // text size and however far the list is scrolled.
        search_results(ctx);
        float list_end = field_y - gap;
        if (ctx.ui.search.nothing_found()) {
            list_end -= t.button_height() + gap;
            ImGui::SetCursorPos(ImVec2(m, list_end + gap));
            ask_team_button(ctx, width);
        }
        results_list(ctx, ImVec2(m, gap), ImVec2(width, list_end - gap), true);
        query_field(ctx, ImVec2(ImGui::GetWindowPos().x + m, ImGui::GetWindowPos().y + field_y), ImVec2(width, field_h));
        ImGui::SetCursorPos(ImVec2(m, kb_y));
        draw_keyboard(ctx, ctx.ui.search, width);
        return;
    }
    float kb_w = std::min(t.px(900), (body.x - 2 * m - gap) * 0.46f);
    float left_w = body.x - 2 * m - gap - kb_w, right_x = m + left_w + gap;
    ImVec2 win = ImGui::GetWindowPos();
    query_field(ctx, ImVec2(win.x + m, win.y + m * 0.5f), ImVec2(body.x - 2 * m, field_h));
    float top = m * 0.5f + field_h + gap;
    float kb_h = keyboard_height(ctx, kb_w);
    float kb_y = std::max(top, body.y - m * 0.5f - kb_h);
    // Above the keyboard, what to type (as much of it as fits): the list on the left is for results.
    const char *heading_text = ctx.tr("Describe your problem");
    const char *hint = ctx.tr("Type what you see, for example “green bubbles” or “no service”. The results change as you type.");
    float room = kb_y - gap - top, heading_h = wrapped_height(ctx.fonts.h2, heading_text, kb_w);
    ImGui::SetCursorPos(ImVec2(right_x, top));
    if (heading_h <= room) wrapped_text(ctx.fonts.h2, t.color.text, heading_text, kb_w);
    ImGui::SetCursorPosX(right_x);
    if (heading_h + wrapped_height(ctx.fonts.body, hint, kb_w) <= room)
        wrapped_text(ctx.fonts.body, t.color.text_muted, hint, kb_w);
    results_list(ctx, ImVec2(m, top), ImVec2(left_w, body.y - top - m * 0.25f), false);
    ImGui::SetCursorPos(ImVec2(right_x, kb_y));
    draw_keyboard(ctx, ctx.ui.search, kb_w);
}

} // namespace hs::ui
