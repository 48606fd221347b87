// FAQ: the questions as an accordion. Tapping a question opens its answer (and closes the other).
#include "screens.hpp"
#include "widgets.hpp"

namespace hs::ui {

void draw_faq(const Context &ctx, ImVec2 body) {
    const Topic *topic = ctx.topic();
    if (!topic) return;
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    float width = body.x - 2 * t.margin();
    ImGui::SetCursorPos(ImVec2(t.margin(), t.margin()));
    wrapped_text(ctx.fonts.h1, c.text, ctx.tr("Questions & answers"), width);
    ImGui::SetCursorPosX(t.margin());
    wrapped_text(ctx.fonts.body, c.text_muted, topic->title, width);
    ImGui::Dummy(ImVec2(0, t.gap()));

    ImFont *qf = ctx.fonts.bold;
    float pad = t.px(32), icon_w = t.px(56);
    for (size_t i = 0; i < topic->faq.size(); ++i) {
        const Faq &entry = topic->faq[i];
        bool open = ctx.nav.state().open_faq == static_cast<int>(i);
        float text_w = width - 2 * pad - icon_w;
        float q_h = std::max(t.button_height(), wrapped_height(qf, entry.question, text_w) + 2 * pad);
        float a_h = open ? wrapped_height(ctx.fonts.body, entry.answer, text_w) + pad : 0;

        ImGui::SetCursorPosX(t.margin());
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImDrawList *dl = ImGui::GetWindowDrawList();
        ImVec2 end(pos.x + width, pos.y + q_h + a_h);
        std::string id = "faq:" + std::to_string(i + 1);
        auto [tapped, held] = pressable(ctx, id.c_str(), ImVec2(width, q_h + a_h));
        dl->AddRectFilled(pos, end, held ? c.accent_soft : c.surface, t.rounding());
        dl->AddRect(pos, end, open ? c.accent : c.border, t.rounding(), 0, t.px(open ? 3 : 2));
        dl->AddText(qf, qf->FontSize, ImVec2(pos.x + pad, pos.y + pad), c.text, entry.question.c_str(), nullptr, text_w);
        dl->AddText(qf, qf->FontSize, ImVec2(end.x - pad - qf->FontSize, pos.y + (q_h - qf->FontSize) * 0.5f), c.accent,
                    open ? icon::minus : icon::plus);
        if (open)
            dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(pos.x + pad, pos.y + q_h - pad * 0.25f), c.text,
                        entry.answer.c_str(), nullptr, text_w);
        if (tapped) ctx.ask(Intent::toggle_faq(static_cast<int>(i)));
        ImGui::Dummy(ImVec2(0, t.px(4)));
    }
    ImGui::Dummy(ImVec2(0, t.margin()));
}

} // namespace hs::ui
