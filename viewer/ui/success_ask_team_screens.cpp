// The two ends of a walk through the fixes: "it's fixed" and "ask a team member".
#include "screens.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace hs::ui {
void draw_success(const Context &ctx, ImVec2 body) {
    const Topic *topic = ctx.topic();
    if (!topic) return;
    const Fix &fix = topic->fixes[static_cast<size_t>(ctx.nav.state().fix)];
    // TRANSLATORS: {0} is the title of the fix that worked; put it in your language's quotation marks.
    std::string message = ctx.trf("“{0}” did the trick. Thanks for using Help Station.", {fix.title});
    centred_message(ctx, body, icon::check_circle, ctx.theme.color.success, ctx.tr("Great, it's fixed!"), message,
            [&](float x, float width) {
                float w = std::min(width, ctx.theme.px(480));
                ImGui::SetCursorPosX(x + (width - w) * 0.5f);
                if (touch_button(ctx, "done", ImVec2(w, ctx.theme.button_height()), ButtonStyle::Primary, icon::home,
                                 ctx.tr("Done")))
                    ctx.ask(Intent::of(Intent::Kind::Home));
            });
}

void draw_ask_team(const Context &ctx, ImVec2 body) {
    const Topic *topic = ctx.topic();
    if (!topic) { // from a search that found nothing
        centred_message(ctx, body, icon::users, ctx.theme.color.accent, ctx.tr("Let's get a team member"),
                        ctx.tr("A team member will be glad to help you find what is wrong: show them this screen."),
                        [&](float x, float width) {
                            const Theme &t = ctx.theme;
                            float w = std::min((width - t.gap()) * 0.5f, t.px(480));
                            float start = x + (width - 2 * w - t.gap()) * 0.5f;
                            float y = ImGui::GetCursorPosY();
                            ImGui::SetCursorPos(ImVec2(start, y));
                            if (touch_button(ctx, "search", ImVec2(w, t.button_height()), ButtonStyle::Secondary,
                                             icon::search, ctx.tr("Search again")))
                                ctx.ask(Intent::of(Intent::Kind::Search));
                            ImGui::SetCursorPos(ImVec2(start + w + t.gap(), y));
                            if (touch_button(ctx, "done", ImVec2(w, t.button_height()), ButtonStyle::Primary,
                                             icon::home, ctx.tr("Done")))
                                ctx.ask(Intent::of(Intent::Kind::Home));
                        });
        return;
    }
    std::string message;
    if (!topic->ask_team_note.empty()) message = topic->ask_team_note + "\n\n";
    // TRANSLATORS: {0} is how many fixes the customer tried, {1} the topic's title.
    message += ctx.trf("You have tried all {0} fixes for “{1}”. A team member will take it from here: show "
                       "them this screen.",
                       {std::to_string(topic->fixes.size()), topic->title});
    centred_message(ctx, body, icon::users, ctx.theme.color.accent, ctx.tr("Let's get a team member"), message,
            [&](float x, float width) {
                const Theme &t = ctx.theme;
                float w = std::min((width - t.gap()) * 0.5f, t.px(480));
                float start = x + (width - 2 * w - t.gap()) * 0.5f;
                float y = ImGui::GetCursorPosY();
                ImGui::SetCursorPos(ImVec2(start, y));
                bool has_faq = !topic->faq.empty();
                if (touch_button(ctx, "faq", ImVec2(w, t.button_height()), ButtonStyle::Secondary, icon::question,
                                 ctx.tr("Questions & answers"), has_faq))
                    ctx.ask(Intent::of(Intent::Kind::OpenFaq));
                ImGui::SetCursorPos(ImVec2(start + w + t.gap(), y));
                if (touch_button(ctx, "done", ImVec2(w, t.button_height()), ButtonStyle::Primary, icon::home, ctx.tr("Done")))
                    ctx.ask(Intent::of(Intent::Kind::Home));
            });
}

} // namespace hs::ui
