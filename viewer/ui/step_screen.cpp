// Step: one instruction at a time with its picture, and at the end of a fix the question
// "Did this fix it?". The action bar sits at the bottom, where a standing customer's hand is.
#include "screens.hpp"
#include "widgets.hpp"

#include <imgui_internal.h> // SetNextWindowScroll: each step starts at its top

#include <algorithm>

namespace hs::ui {
namespace {

// "Fix 2 of 5 · Step 3 of 7", the fix title, and one segment per step.
float progress_header(const Context &ctx, const Topic &topic, const Fix &fix, float width) {
    const Theme &t = ctx.theme;
    const NavState &s = ctx.nav.state();
    float top = ImGui::GetCursorPosY();
    std::string where = "Fix " + std::to_string(s.fix + 1) + " of " + std::to_string(topic.fixes.size()) +
                        "  \xC2\xB7  Step " + std::to_string(s.step + 1) + " of " + std::to_string(fix.steps.size());
    ImGui::SetCursorPosX(t.margin());
    wrapped_text(ctx.fonts.bold, t.color.accent, where, width);
    ImGui::SetCursorPosX(t.margin());
    wrapped_text(ctx.fonts.h2, t.color.text, fix.title, width);
    ImGui::Dummy(ImVec2(0, t.px(4)));

    ImVec2 p = ImGui::GetCursorScreenPos();
    p.x += t.margin();
    size_t n = fix.steps.size();
    float seg_gap = t.px(8), seg_w = (width - seg_gap * (n - 1)) / n;
    ImDrawList *dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < n; ++i) {
        ImVec2 a(p.x + i * (seg_w + seg_gap), p.y);
        ImU32 col = static_cast<int>(i) <= s.step ? t.color.accent : t.color.border;
        dl->AddRectFilled(a, ImVec2(a.x + seg_w, a.y + t.px(10)), col, t.px(5));
    }
    ImGui::Dummy(ImVec2(0, t.px(10) + t.gap()));
    return ImGui::GetCursorPosY() - top;
}

void instruction(const Context &ctx, const Fix &fix, const Step &step, float x, float width) {
    const Theme &t = ctx.theme;
    if (ctx.nav.state().step == 0 && !fix.intro.empty()) {
        // The first step says why this fix is worth trying.
        ImGui::SetCursorPosX(x);
        wrapped_text(ctx.fonts.body, t.color.text_muted, fix.intro, width);
        ImGui::Dummy(ImVec2(0, t.px(8)));
    }
    ImGui::SetCursorPosX(x);
    wrapped_text(ctx.fonts.lead, t.color.text, step.text, width);
    ImGui::Dummy(ImVec2(0, t.gap()));
    if (!step.note.empty()) {
        ImGui::SetCursorPosX(x);
        callout(ctx, CalloutKind::Note, step.note, width);
    }
    if (!step.caution.empty()) {
        ImGui::SetCursorPosX(x);
        callout(ctx, CalloutKind::Caution, step.caution, width);
    }
}

void action_bar(const Context &ctx, const Topic &topic, ImVec2 origin, ImVec2 size) {
    const Theme &t = ctx.theme;
    const NavState &s = ctx.nav.state();
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 a = ImGui::GetWindowPos();
    a.x += origin.x;
    a.y += origin.y;
    dl->AddRectFilled(a, ImVec2(a.x + size.x, a.y + size.y), t.color.surface);
    dl->AddLine(a, ImVec2(a.x + size.x, a.y), t.color.border, t.px(2));

    float bh = t.button_height();
    float y = origin.y + (size.y - bh) * 0.5f;
    float right = origin.x + size.x - t.margin();
    if (!ctx.nav.is_last_step()) {
        ImGui::SetCursorPos(ImVec2(origin.x + t.margin(), y));
        if (touch_button(ctx, "step-back", ImVec2(t.px(300), bh), ButtonStyle::Secondary, icon::back, "Back"))
            ctx.nav.back();
        float w = t.px(420);
        static const std::string next_label = std::string("Next step   ") + icon::next; // icon after the words
        ImGui::SetCursorPos(ImVec2(right - w, y));
        if (touch_button(ctx, "step-next", ImVec2(w, bh), ButtonStyle::Primary, nullptr, next_label.c_str()))
            ctx.nav.next();
        return;
    }
    bool more_fixes = s.fix + 1 < static_cast<int>(topic.fixes.size());
    const char *no_label = more_fixes ? "No, try the next fix" : "No, still not working";
    ImFont *q = ctx.fonts.h2;
    const char *question = "Did this fix it?";
    float qw = q->CalcTextSizeA(q->FontSize, FLT_MAX, 0, question).x;
    if (t.portrait) {
        // Two rows: the question, then the two answers side by side.
        float qy = origin.y + t.px(28);
        dl->AddText(q, q->FontSize, ImVec2(a.x + (size.x - qw) * 0.5f, a.y + t.px(28)), t.color.text, question);
        float w = (size.x - 2 * t.margin() - t.gap()) * 0.5f;
        float by = qy + q->FontSize + t.px(24);
        ImGui::SetCursorPos(ImVec2(origin.x + t.margin(), by));
        if (touch_button(ctx, "answer-yes", ImVec2(w, bh), ButtonStyle::Success, icon::check, "Yes, it's fixed"))
            ctx.nav.answer(true);
        ImGui::SetCursorPos(ImVec2(origin.x + t.margin() + w + t.gap(), by));
        if (touch_button(ctx, "answer-no", ImVec2(w, bh), ButtonStyle::Primary, nullptr, no_label))
            ctx.nav.answer(false);
        return;
    }
    ImGui::SetCursorPos(ImVec2(origin.x + t.margin(), y));
    if (touch_button(ctx, "step-back", ImVec2(t.px(240), bh), ButtonStyle::Secondary, icon::back, "Back"))
        ctx.nav.back();
    float no_w = t.px(460), yes_w = t.px(400);
    ImGui::SetCursorPos(ImVec2(right - no_w, y));
    if (touch_button(ctx, "answer-no", ImVec2(no_w, bh), ButtonStyle::Primary, nullptr, no_label))
        ctx.nav.answer(false);
    ImGui::SetCursorPos(ImVec2(right - no_w - t.gap() - yes_w, y));
    if (touch_button(ctx, "answer-yes", ImVec2(yes_w, bh), ButtonStyle::Success, icon::check, "Yes, it's fixed"))
        ctx.nav.answer(true);
    float qx = right - no_w - t.gap() - yes_w - t.margin() - qw;
    ImVec2 win = ImGui::GetWindowPos();
    dl->AddText(q, q->FontSize, ImVec2(win.x + qx, win.y + y + (bh - q->FontSize) * 0.5f), t.color.text, question);
}

} // namespace

void draw_step(const Context &ctx, ImVec2 body) {
    const Topic *topic = ctx.nav.topic();
    const NavState &s = ctx.nav.state();
    if (!topic) return;
    const Fix &fix = topic->fixes[static_cast<size_t>(s.fix)];
    const Step &step = fix.steps[static_cast<size_t>(s.step)];
    const Theme &t = ctx.theme;

    bool asking = ctx.nav.is_last_step();
    float bar_h = t.portrait && asking ? t.px(250) : t.px(150);
    ImVec2 origin = ImGui::GetCursorPos();
    float width = body.x - 2 * t.margin();

    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + t.margin() * 0.75f));
    float header_h = progress_header(ctx, *topic, fix, width);
    float content_top = origin.y + t.margin() * 0.75f + header_h;
    float content_h = body.y - bar_h - (content_top - origin.y) - t.gap();

    ImGui::SetCursorPos(ImVec2(origin.x, content_top));
    if (ctx.new_page) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    ImGui::BeginChild("step-content", ImVec2(body.x, content_h), false, ImGuiWindowFlags_NoBackground);
    bool has_picture = !step.image.empty();
    if (t.portrait) {
        float pic_h = has_picture ? content_h * 0.5f : 0;
        if (has_picture) {
            ImVec2 p = ImGui::GetCursorScreenPos();
            draw_picture(ctx, *topic, step.image, ImVec2(p.x + t.margin(), p.y), ImVec2(width, pic_h));
            ImGui::Dummy(ImVec2(0, pic_h + t.gap()));
        }
        instruction(ctx, fix, step, t.margin(), width);
    } else {
        float text_w = has_picture ? width * 0.55f : width;
        if (has_picture) {
            ImVec2 p = ImGui::GetCursorScreenPos();
            float pic_x = t.margin() + text_w + t.margin();
            draw_picture(ctx, *topic, step.image, ImVec2(p.x + pic_x, p.y),
                         ImVec2(body.x - pic_x - t.margin(), content_h - t.px(8)));
        }
        ImGui::SetCursorPosY(t.px(8));
        instruction(ctx, fix, step, t.margin(), text_w);
        if (asking && !fix.outcome.empty()) {
            ImGui::SetCursorPosX(t.margin());
            wrapped_text(ctx.fonts.body, t.color.text_muted, fix.outcome, text_w);
        }
    }
    if (t.portrait && asking && !fix.outcome.empty()) {
        ImGui::SetCursorPosX(t.margin());
        wrapped_text(ctx.fonts.body, t.color.text_muted, fix.outcome, width);
    }
    touch_scroll(ctx);
    ImGui::EndChild();

    action_bar(ctx, *topic, ImVec2(origin.x, origin.y + body.y - bar_h), ImVec2(body.x, bar_h));
}

} // namespace hs::ui
