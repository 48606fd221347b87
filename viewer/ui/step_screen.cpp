// Step: one instruction at a time with its picture, and at the end of a fix the question
// "Did this fix it?". The action bar sits at the bottom, where a standing customer's hand is.
#include "frame_input.hpp"
#include "overlays.hpp"
#include "screens.hpp"
#include "widgets.hpp"

#include <imgui_internal.h> // SetNextWindowScroll: each step starts at its top

#include <algorithm>

namespace hs::ui {
namespace {

// The step's picture as a touch target: a tap opens it full screen to zoom and pan.
void step_picture(const Context &ctx, const Topic &topic, const std::string &image, ImVec2 at, ImVec2 box) {
    ImVec2 cursor = ImGui::GetCursorPos();
    ImGui::SetCursorScreenPos(at);
    if (pressable(ctx, "picture", box).tapped) open_picture(ctx, topic.id, image);
    ImGui::SetCursorPos(cursor);
    draw_picture(ctx, topic, image, at, box);
    // A small magnifier in the corner says the picture can be opened.
    const Theme &t = ctx.theme;
    float r = t.px(36);
    ImVec2 c(at.x + box.x - r - t.px(8), at.y + box.y - r - t.px(8));
    ImDrawList *dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(c, r, t.color.accent, 32);
    ImFont *f = ctx.fonts.bold;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon::zoom_in);
    dl->AddText(f, f->FontSize, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), t.color.on_accent, icon::zoom_in);
}

// "Fix 2 of 5 · Step 3 of 7", the fix title, and one segment per step.
float progress_header(const Context &ctx, const Topic &topic, const Fix &fix, float width) {
    const Theme &t = ctx.theme;
    const NavState &s = ctx.nav.state();
    float top = ImGui::GetCursorPosY();
    // TRANSLATORS: {0} is the fix the customer is on, {1} how many fixes the topic has.
    std::string where = ctx.trf("Fix {0} of {1}", {std::to_string(s.fix + 1), std::to_string(topic.fixes.size())}) +
                        "  \xC2\xB7  " +
                        // TRANSLATORS: {0} is the step the customer is on, {1} how many steps the fix has.
                        ctx.trf("Step {0} of {1}", {std::to_string(s.step + 1), std::to_string(fix.steps.size())});
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
    if (!fix.support_url.empty()) {
        // The fix's own web page, as a QR code the customer scans to finish at home.
        static constexpr const char *kTake = N_("Take this fix with you");
        ImGui::SetCursorPosX(x);
        float w = std::min(width, label_width(ctx, icon::qrcode, ctx.tr(kTake)));
        if (touch_button(ctx, "take-it-with-you", ImVec2(w, t.button_height()), ButtonStyle::Secondary, icon::qrcode,
                         ctx.tr(kTake)))
            open_take_it_with_you(ctx, fix.support_url, ctx.tr(kTake));
        ImGui::Dummy(ImVec2(0, t.gap()));
    }
}

// How the answer row is laid out: beside the question (landscape, when it fits), or the question
// above two buttons side by side, or above two stacked buttons (large text on a narrow screen).
enum class AnswerLayout { Inline, TwoColumns, Stacked };

const char *no_label(const Context &ctx, const Topic &topic) {
    bool more_fixes = ctx.nav.state().fix + 1 < static_cast<int>(topic.fixes.size());
    return more_fixes ? ctx.tr("No, try the next fix") : ctx.tr("No, still not working");
}
constexpr const char *kYes = N_("Yes, it's fixed");
constexpr const char *kQuestion = N_("Did this fix it?");

AnswerLayout answer_layout(const Context &ctx, const Topic &topic, float width) {
    const Theme &t = ctx.theme;
    float yes = label_width(ctx, icon::check, ctx.tr(kYes)), no = label_width(ctx, nullptr, no_label(ctx, topic));
    ImFont *q = ctx.fonts.h2;
    float qw = q->CalcTextSizeA(q->FontSize, FLT_MAX, 0, ctx.tr(kQuestion)).x;
    float back = label_width(ctx, icon::back, ctx.tr("Back"));
    if (!t.portrait && back + qw + yes + no + 5 * t.gap() + 2 * t.margin() <= width) return AnswerLayout::Inline;
    if (std::max(yes, no) <= (width - 2 * t.margin() - t.gap()) * 0.5f) return AnswerLayout::TwoColumns;
    return AnswerLayout::Stacked;
}

float action_bar_height(const Context &ctx, const Topic &topic, float width) {
    const Theme &t = ctx.theme;
    float bh = t.button_height(), q = ctx.fonts.h2->FontSize;
    if (!ctx.nav.is_last_step()) return bh + t.px(54);
    switch (answer_layout(ctx, topic, width)) {
    case AnswerLayout::Inline: return bh + t.px(54);
    case AnswerLayout::TwoColumns: return t.px(28) + q + t.px(24) + bh + t.px(28);
    case AnswerLayout::Stacked: return t.px(28) + q + t.px(24) + 2 * bh + t.gap() + t.px(28);
    }
    return bh;
}

void action_bar(const Context &ctx, const Topic &topic, ImVec2 origin, ImVec2 size) {
    const Theme &t = ctx.theme;
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
        float back_w = std::max(t.px(300), label_width(ctx, icon::back, ctx.tr("Back")));
        ImGui::SetCursorPos(ImVec2(origin.x + t.margin(), y));
        if (touch_button(ctx, "step-back", ImVec2(back_w, bh), ButtonStyle::Secondary, icon::back, ctx.tr("Back")))
            ctx.ask(Intent::of(Intent::Kind::Back));
        const std::string next_label = std::string(ctx.tr("Next step")) + "   " + icon::next; // icon after the words
        float w = std::max(t.px(420), label_width(ctx, nullptr, next_label.c_str()));
        ImGui::SetCursorPos(ImVec2(right - w, y));
        if (touch_button(ctx, "step-next", ImVec2(w, bh), ButtonStyle::Primary, nullptr, next_label.c_str()))
            ctx.ask(Intent::of(Intent::Kind::NextStep));
        return;
    }
    const char *no = no_label(ctx, topic);
    ImFont *q = ctx.fonts.h2;
    float qw = q->CalcTextSizeA(q->FontSize, FLT_MAX, 0, ctx.tr(kQuestion)).x;
    AnswerLayout layout = answer_layout(ctx, topic, size.x);
    if (layout != AnswerLayout::Inline) {
        // The question on its own row, the answers below it.
        dl->AddText(q, q->FontSize, ImVec2(a.x + (size.x - qw) * 0.5f, a.y + t.px(28)), t.color.text, ctx.tr(kQuestion));
        float full = size.x - 2 * t.margin();
        float by = origin.y + t.px(28) + q->FontSize + t.px(24);
        bool stacked = layout == AnswerLayout::Stacked;
        float w = stacked ? full : (full - t.gap()) * 0.5f;
        ImGui::SetCursorPos(ImVec2(origin.x + t.margin(), by));
        if (touch_button(ctx, "answer-yes", ImVec2(w, bh), ButtonStyle::Success, icon::check, ctx.tr(kYes)))
            ctx.ask(Intent::answer(true));
        ImGui::SetCursorPos(stacked ? ImVec2(origin.x + t.margin(), by + bh + t.gap())
                                    : ImVec2(origin.x + t.margin() + w + t.gap(), by));
        if (touch_button(ctx, "answer-no", ImVec2(w, bh), ButtonStyle::Primary, nullptr, no)) ctx.ask(Intent::answer(false));
        return;
    }
    float back_w = std::max(t.px(240), label_width(ctx, icon::back, ctx.tr("Back")));
    ImGui::SetCursorPos(ImVec2(origin.x + t.margin(), y));
    if (touch_button(ctx, "step-back", ImVec2(back_w, bh), ButtonStyle::Secondary, icon::back, ctx.tr("Back")))
        ctx.ask(Intent::of(Intent::Kind::Back));
    float no_w = std::max(t.px(460), label_width(ctx, nullptr, no));
    float yes_w = std::max(t.px(400), label_width(ctx, icon::check, ctx.tr(kYes)));
    ImGui::SetCursorPos(ImVec2(right - no_w, y));
    if (touch_button(ctx, "answer-no", ImVec2(no_w, bh), ButtonStyle::Primary, nullptr, no)) ctx.ask(Intent::answer(false));
    ImGui::SetCursorPos(ImVec2(right - no_w - t.gap() - yes_w, y));
    if (touch_button(ctx, "answer-yes", ImVec2(yes_w, bh), ButtonStyle::Success, icon::check, ctx.tr(kYes)))
        ctx.ask(Intent::answer(true));
    float qx = right - no_w - t.gap() - yes_w - t.margin() - qw;
    ImVec2 win = ImGui::GetWindowPos();
    dl->AddText(q, q->FontSize, ImVec2(win.x + qx, win.y + y + (bh - q->FontSize) * 0.5f), t.color.text, ctx.tr(kQuestion));
}

} // namespace

void draw_step(const Context &ctx, ImVec2 body) {
    const Topic *topic = ctx.topic();
    const NavState &s = ctx.nav.state();
    if (!topic) return;
    const Fix &fix = topic->fixes[static_cast<size_t>(s.fix)];
    const Step &step = fix.steps[static_cast<size_t>(s.step)];
    const Theme &t = ctx.theme;

    bool asking = ctx.nav.is_last_step();
    float bar_h = action_bar_height(ctx, *topic, body.x);
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
            step_picture(ctx, *topic, step.image, ImVec2(p.x + t.margin(), p.y), ImVec2(width, pic_h));
            ImGui::Dummy(ImVec2(0, pic_h + t.gap()));
        }
        instruction(ctx, fix, step, t.margin(), width);
    } else {
        float text_w = has_picture ? width * 0.55f : width;
        if (has_picture) {
            ImVec2 p = ImGui::GetCursorScreenPos();
            float pic_x = t.margin() + text_w + t.margin();
            step_picture(ctx, *topic, step.image, ImVec2(p.x + pic_x, p.y),
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

    // A horizontal swipe turns the page: finger to the left for the next step, to the right for
    // the previous one (the last step waits for the answer to "Did this fix it?").
    bool on_top = !ctx.ui.zoom_open && !ctx.ui.qr_open && !ctx.ui.choosing_language &&
                  ctx.session.admin() == AdminState::Locked && !ctx.session.warning(ctx.now);
    if (on_top) {
        if (ctx.input.has(Gesture::Kind::SwipeLeft)) ctx.ask(Intent::of(Intent::Kind::NextStep));
        else if (ctx.input.has(Gesture::Kind::SwipeRight)) ctx.ask(Intent::of(Intent::Kind::PrevStep));
    }
}

} // namespace hs::ui
