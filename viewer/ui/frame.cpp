// The frame: one full-screen window, the top bar with Home and Back (always there, always
// working), and the current screen below it.
#include "screens.hpp"
#include "widgets.hpp"

#include <imgui_internal.h> // SetNextWindowScroll: a new screen starts at its top

namespace hs::ui {
namespace {

void top_bar(const Context &ctx, float width) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    float h = t.bar_height();
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetWindowPos();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), c.surface);
    dl->AddLine(ImVec2(p.x, p.y + h), ImVec2(p.x + width, p.y + h), c.border, t.px(2));

    bool at_home = ctx.nav.state().screen == Screen::Home;
    float bh = t.button_height(), y = (h - bh) * 0.5f;
    ImGui::SetCursorPos(ImVec2(t.margin(), y));
    if (touch_button(ctx, "home", ImVec2(t.px(230), bh), ButtonStyle::Secondary, icon::home, "Home", !at_home))
        ctx.nav.home();
    ImGui::SetCursorPos(ImVec2(t.margin() + t.px(230) + t.gap(), y));
    if (touch_button(ctx, "back", ImVec2(t.px(230), bh), ButtonStyle::Secondary, icon::back, "Back", !at_home))
        ctx.nav.back();

    const char *brand = "Help Station";
    ImFont *f = ctx.fonts.bold;
    float bw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, brand).x;
    float iw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon::life_ring).x;
    float x = p.x + width - t.margin() - bw;
    dl->AddText(f, f->FontSize, ImVec2(x, p.y + (h - f->FontSize) * 0.5f), c.text, brand);
    dl->AddText(f, f->FontSize, ImVec2(x - iw - t.px(12), p.y + (h - f->FontSize) * 0.5f), c.accent, icon::life_ring);
}

} // namespace

void draw_frame(const Context &ctx, ImVec2 screen) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(screen);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("Help Station", nullptr, flags);
    top_bar(ctx, screen.x);

    const Theme &t = ctx.theme;
    ImVec2 body(screen.x, screen.y - t.bar_height());
    ImGui::SetCursorPos(ImVec2(0, t.bar_height()));
    Screen screen_kind = ctx.nav.state().screen;
    if (ctx.new_page) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    if (screen_kind == Screen::Step) {
        ImGui::BeginChild("step", body, false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
        draw_step(ctx, body);
    } else {
        ImGui::BeginChild("body", body, false, ImGuiWindowFlags_NoBackground);
        switch (screen_kind) {
        case Screen::Home: draw_home(ctx, body); break;
        case Screen::Topic: draw_topic(ctx, body); break;
        case Screen::Faq: draw_faq(ctx, body); break;
        case Screen::Fixed: draw_fixed(ctx, body); break;
        case Screen::AskTeam: draw_ask_team(ctx, body); break;
        case Screen::Step: break;
        }
        touch_scroll(ctx);
    }
    ImGui::EndChild();
    ImGui::End();
}

} // namespace hs::ui
