// The two ends of a walk through the fixes: "it's fixed" and "ask a team member".
// Both offer the topic's support URL as a QR code ("take it with you"): beside the message in
// landscape, between the message and the buttons in portrait (the buttons stay low, in reach).
#include "overlays.hpp"
#include "qr_texture.hpp"
#include "screens.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace hs::ui {
namespace {

using Buttons = std::function<void(float x, float width)>;

// centred_message() with the QR code of `url` when there is one: beside the message in landscape,
// between the message and the buttons in portrait. When the message leaves no room for a code a
// phone can read (200 % text on a small screen), a "Take these steps with you" button under the
// others opens the code over the screen instead.
void message_with_code(const Context &ctx, ImVec2 body, const char *glyph, ImU32 glyph_color, const std::string &title,
                       const std::string &message, const std::string &url, const Buttons &buttons) {
    if (url.empty()) return centred_message(ctx, body, glyph, glyph_color, title, message, buttons);
    const Theme &t = ctx.theme;
    float spacing = ImGui::GetStyle().ItemSpacing.y;
    float smallest = qr_side(ctx, url, 0); // 4 px a module
    if (t.portrait) {
        float width = std::min(body.x - 2 * t.margin(), t.px(1100));
        float words = take_it_with_you_height(ctx, url, width, 0) - smallest; // the lines under the code
        float room = body.y - 2 * t.margin() - centred_message_height(ctx, body.x, message) - words - t.px(48) - spacing;
        float max_side = std::min({t.px(480), body.y * 0.3f, room});
        if (max_side >= smallest) {
            float code_h = take_it_with_you_height(ctx, url, width, max_side) + t.px(48);
            centred_message(ctx, body, glyph, glyph_color, title, message, [&](float x, float w) {
                take_it_with_you(ctx, url, x, w, max_side);
                ImGui::Dummy(ImVec2(0, t.px(48)));
                buttons(x, w);
            }, code_h);
            return;
        }
    } else {
        float column = std::min(body.x * 0.42f, t.px(800)); // the scan line fits on one line at 100 %
        float left = body.x - column - t.margin();
        if (centred_message_height(ctx, left, message) + 2 * t.margin() <= body.y) {
            ImVec2 origin = ImGui::GetCursorPos();
            ImGui::BeginChild("message", ImVec2(left, body.y), false,
                              ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
            centred_message(ctx, ImVec2(left, body.y), glyph, glyph_color, title, message, buttons);
            ImGui::EndChild();
            float width = column - t.margin();
            float words = take_it_with_you_height(ctx, url, width, 0) - smallest;
            float max_side = std::min({width, body.y - 2 * t.margin() - words, t.px(480)});
            float h = take_it_with_you_height(ctx, url, width, max_side);
            ImGui::SetCursorPos(ImVec2(origin.x + left, origin.y + std::max(t.margin(), (body.y - h) * 0.45f)));
            take_it_with_you(ctx, url, left, width, max_side);
            return;
        }
    }
    static constexpr const char *kTake = N_("Take these steps with you");
    centred_message(ctx, body, glyph, glyph_color, title, message, [&](float x, float w) {
        buttons(x, w);
        ImGui::Dummy(ImVec2(0, t.gap() - spacing));
        float bw = std::min(w, std::max(t.px(480), label_width(ctx, icon::qrcode, ctx.tr(kTake))));
        ImGui::SetCursorPosX(x + (w - bw) * 0.5f);
        if (touch_button(ctx, "take-it-with-you", ImVec2(bw, t.button_height()), ButtonStyle::Secondary, icon::qrcode,
                         ctx.tr(kTake)))
            open_take_it_with_you(ctx, url, ctx.tr(kTake));
    }, t.button_height() + t.gap());
    touch_scroll(ctx); // the message may still be longer than the screen: a finger scrolls it
}

// The page the customer takes home: the topic's, or the fix's own when the topic has none.
std::string support_url_of(const Topic &topic, int fix) {
    if (!topic.support_url.empty() || fix < 0 || fix >= static_cast<int>(topic.fixes.size())) return topic.support_url;
    return topic.fixes[static_cast<size_t>(fix)].support_url;
}

} // namespace

void draw_success(const Context &ctx, ImVec2 body) {
    const Topic *topic = ctx.topic();
    if (!topic) return;
    const Fix &fix = topic->fixes[static_cast<size_t>(ctx.nav.state().fix)];
    // TRANSLATORS: {0} is the title of the fix that worked; put it in your language's quotation marks.
    std::string message = ctx.trf("“{0}” did the trick. Thanks for using Help Station.", {fix.title});
    message_with_code(ctx, body, icon::check_circle, ctx.theme.color.success, ctx.tr("Great, it's fixed!"), message,
            support_url_of(*topic, ctx.nav.state().fix), [&](float x, float width) {
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
    message_with_code(ctx, body, icon::users, ctx.theme.color.accent, ctx.tr("Let's get a team member"), message,
            topic->support_url, [&](float x, float width) {
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
