// Topic: what you see, why it happens, the fixes in order, and the way to the FAQ.
// Landscape: explanation on the left, fixes on the right. Portrait: one column, fixes below,
// which keeps the things to tap in the lower part of a tall screen.
#include "screens.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace hs::ui {
namespace {

void explanation(const Context &ctx, const Topic &topic, float x, float width) {
    const Theme &t = ctx.theme;
    ImGui::SetCursorPosX(x);
    heading(ctx, ctx.tr("What you see"), width);
    ImFont *f = ctx.fonts.body;
    for (const std::string &s : topic.symptoms) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + x + t.px(10), p.y + f->FontSize * 0.55f), t.px(7),
                                                     t.color.accent);
        ImGui::SetCursorPosX(x + t.px(40));
        wrapped_text(f, t.color.text, s, width - t.px(40));
        ImGui::Dummy(ImVec2(0, t.px(2)));
    }
    ImGui::Dummy(ImVec2(0, t.gap()));
    ImGui::SetCursorPosX(x);
    heading(ctx, ctx.tr("Why it happens"), width);
    ImGui::SetCursorPosX(x);
    wrapped_text(f, t.color.text, topic.why, width);
}

bool faq_button(const Context &ctx, const Topic &topic, float width) {
    // TRANSLATORS: {0} is how many questions the topic answers.
    std::string label = ctx.trf("Questions & answers ({0})", {std::to_string(topic.faq.size())});
    return touch_button(ctx, "faq", ImVec2(width, ctx.theme.button_height()), ButtonStyle::Secondary, icon::question,
                        label.c_str());
}

void fixes(const Context &ctx, const Topic &topic, float x, float width) {
    const Theme &t = ctx.theme;
    ImGui::SetCursorPosX(x);
    heading(ctx, ctx.tr("Try these fixes, in order"), width);
    for (size_t i = 0; i < topic.fixes.size(); ++i) {
        const Fix &fix = topic.fixes[i];
        ImGui::SetCursorPosX(x);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float r = t.px(30);
        float tx_off = t.px(24) + 2 * r + t.px(24);
        float tw = width - t.px(64) - tx_off;
        float th = wrapped_height(ctx.fonts.bold, fix.title, tw);
        // The row grows with its title: two lines at 200 % text still fit inside it.
        float h = std::max(t.px(120), th + ctx.fonts.small->FontSize + t.px(32));
        std::string id = "fix:" + std::to_string(i + 1);
        if (touch_button(ctx, id.c_str(), ImVec2(width, h), ButtonStyle::Row, nullptr, nullptr))
            ctx.ask(Intent::start_fix(static_cast<int>(i)));
        number_badge(ctx, ImVec2(pos.x + t.px(24) + r, pos.y + h * 0.5f), r, static_cast<int>(i) + 1, t.color.accent,
                     t.color.on_accent);
        float tx = pos.x + tx_off;
        ImDrawList *dl = ImGui::GetWindowDrawList();
        std::string steps = fix.steps.size() == 1 ? std::string(ctx.tr("1 step"))
                                                  : ctx.trf("{0} steps", {std::to_string(fix.steps.size())});
        float y = pos.y + (h - th - ctx.fonts.small->FontSize) * 0.5f;
        dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(tx, y), t.color.text, fix.title.c_str(), nullptr, tw);
        dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(tx, y + th), t.color.text_muted, steps.c_str());
        dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize,
                    ImVec2(pos.x + width - t.px(48), pos.y + (h - ctx.fonts.bold->FontSize) * 0.5f), t.color.accent,
                    icon::next);
    }
}

} // namespace

void draw_topic(const Context &ctx, ImVec2 body) {
    const Topic *topic = ctx.topic();
    if (!topic) return;
    const Theme &t = ctx.theme;
    float width = body.x - 2 * t.margin();
    bool has_faq = !topic->faq.empty();
    // Landscape: the FAQ button sits beside the title, visible without scrolling.
    std::string faq_label = ctx.trf("Questions & answers ({0})", {std::to_string(topic->faq.size())});
    float faq_w = std::max(t.px(520), label_width(ctx, icon::question, faq_label.c_str()));
    float title_w = !t.portrait && has_faq ? width - faq_w - t.gap() : width;
    ImGui::SetCursorPos(ImVec2(t.margin(), t.margin()));
    wrapped_text(ctx.fonts.h1, t.color.text, topic->title, title_w);
    if (!topic->applies_to.empty()) {
        ImGui::SetCursorPosX(t.margin());
        wrapped_text(ctx.fonts.small, t.color.text_muted, ctx.trf("For {0}", {topic->applies_to}), title_w);
    }
    if (!t.portrait && has_faq) {
        float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(t.margin() + width - faq_w, t.margin()));
        if (faq_button(ctx, *topic, faq_w)) ctx.ask(Intent::of(Intent::Kind::OpenFaq));
        ImGui::SetCursorPosY(std::max(y, t.margin() + t.button_height()));
    }
    ImGui::Dummy(ImVec2(0, t.gap()));

    if (t.portrait) {
        explanation(ctx, *topic, t.margin(), width);
        ImGui::Dummy(ImVec2(0, t.gap()));
        fixes(ctx, *topic, t.margin(), width);
        if (has_faq) {
            ImGui::Dummy(ImVec2(0, t.px(8)));
            ImGui::SetCursorPosX(t.margin());
            if (faq_button(ctx, *topic, width)) ctx.ask(Intent::of(Intent::Kind::OpenFaq));
        }
    } else {
        float col = (width - t.margin()) * 0.5f;
        float top = ImGui::GetCursorPosY();
        explanation(ctx, *topic, t.margin(), col);
        float left_end = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(top);
        fixes(ctx, *topic, t.margin() + col + t.margin(), col);
        ImGui::SetCursorPosY(std::max(left_end, ImGui::GetCursorPosY()));
    }
    ImGui::Dummy(ImVec2(0, t.margin()));
}

} // namespace hs::ui
