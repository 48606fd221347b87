// The shell: one full-screen window with the navigation bar (Home, Back, text size, contrast:
// always there, always working) and the current screen; then, on top, whatever overlay is up
// (the zoomed picture, the idle warning, the admin screens).
//
// Landscape: the bar runs along the top. Portrait: the screen is tall, so the bar sits at the
// bottom, in reach of a standing customer (ADA 308), and only the title stays on top.
#include "overlays.hpp"
#include "screens.hpp"
#include "widgets.hpp"

#include "core/languages.hpp"

#include <imgui_internal.h> // SetNextWindowScroll: a new screen starts at its top

namespace hs::ui {
namespace {

void brand(const Context &ctx, ImVec2 at, float height) {
    const Theme &t = ctx.theme;
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImFont *f = ctx.fonts.bold;
    float iw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon::life_ring).x;
    float y = at.y + (height - f->FontSize) * 0.5f;
    dl->AddText(f, f->FontSize, ImVec2(at.x, y), t.color.accent, icon::life_ring);
    dl->AddText(f, f->FontSize, ImVec2(at.x + iw + t.px(12), y), t.color.text, "Help Station");
}

float brand_width(const Context &ctx) {
    ImFont *f = ctx.fonts.bold;
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon::life_ring).x + ctx.theme.px(12) +
           f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Help Station").x;
}

void bar_background(const Context &ctx, float y, float width, bool line_below) {
    const Theme &t = ctx.theme;
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetWindowPos();
    float h = t.bar_height();
    dl->AddRectFilled(ImVec2(p.x, p.y + y), ImVec2(p.x + width, p.y + y + h), t.color.surface);
    float ly = line_below ? y + h : y;
    dl->AddLine(ImVec2(p.x, p.y + ly), ImVec2(p.x + width, p.y + ly), t.color.border, t.px(2));
}

// Home and Back, then the text size, contrast and language buttons, from (x, y). In portrait
// (`fill`) the row spans `width`: Home and Back share what the others leave, and when large text
// makes the row too long, the text size button drops its percentage, then Home and Back their
// words. The language button always keeps its name: it is how someone who cannot read the
// current language finds their own (each language is named in itself).
// Returns where the row ends (x).
float nav_buttons(const Context &ctx, float x, float y, float width, bool fill) {
    const Theme &t = ctx.theme;
    bool at_home = ctx.nav.state().screen == Screen::Home;
    float bh = t.button_height(), gap = t.gap();
    std::string size_label = std::to_string(ctx.session.text_size()) + "%";
    const char *home_label = ctx.tr("Home"), *back_label = ctx.tr("Back"), *size_text = size_label.c_str();
    std::string language = own_name(ctx.language());
    bool choose_language = ctx.session.config().languages_offered.size() > 1;
    auto language_w = [&] { return choose_language ? label_width(ctx, icon::globe, language.c_str()) + gap : 0.0f; };
    auto total = [&] {
        return label_width(ctx, icon::home, home_label) + label_width(ctx, icon::back, back_label) +
               label_width(ctx, icon::text_size, size_text) + label_width(ctx, icon::contrast, nullptr) + 3 * gap +
               language_w();
    };
    if (total() > width) size_text = nullptr;
    if (total() > width) home_label = back_label = nullptr;
    float home_w = label_width(ctx, icon::home, home_label), back_w = label_width(ctx, icon::back, back_label);
    float size_w = label_width(ctx, icon::text_size, size_text), contrast_w = label_width(ctx, icon::contrast, nullptr);
    if (fill) home_w = back_w = std::max(home_w, (width - size_w - contrast_w - 3 * gap - language_w()) * 0.5f);

    ImGui::SetCursorPos(ImVec2(x, y));
    if (touch_button(ctx, "home", ImVec2(home_w, bh), ButtonStyle::Secondary, icon::home, home_label, !at_home))
        ctx.ask(Intent::of(Intent::Kind::Home));
    ImGui::SetCursorPos(ImVec2(x + home_w + gap, y));
    if (touch_button(ctx, "back", ImVec2(back_w, bh), ButtonStyle::Secondary, icon::back, back_label, !at_home))
        ctx.ask(Intent::of(Intent::Kind::Back));
    // Landscape: a wider gap sets the display controls apart from navigation.
    float sx = x + home_w + back_w + (fill ? 2 * gap : 3 * gap);
    ImGui::SetCursorPos(ImVec2(sx, y));
    if (touch_button(ctx, "text-size", ImVec2(size_w, bh), ButtonStyle::Secondary, icon::text_size, size_text))
        ctx.ask(Intent::of(Intent::Kind::CycleTextSize));
    ImGui::SetCursorPos(ImVec2(sx + size_w + gap, y));
    if (touch_button(ctx, "contrast", ImVec2(contrast_w, bh), ButtonStyle::Secondary, icon::contrast, nullptr))
        ctx.ask(Intent::of(Intent::Kind::ToggleContrast));
    float end = sx + size_w + gap + contrast_w;
    if (!choose_language) return end;
    ImGui::SetCursorPos(ImVec2(end + gap, y));
    if (touch_button(ctx, "language", ImVec2(language_w() - gap, bh), ButtonStyle::Secondary, icon::globe,
                     language.c_str()))
        ctx.ask(Intent::of(Intent::Kind::ChooseLanguage));
    return end + language_w();
}

} // namespace

void draw_shell(const Context &ctx, ImVec2 screen) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(screen);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("Help Station", nullptr, flags);
    const Theme &t = ctx.theme;
    Screen screen_kind = ctx.nav.state().screen;

    if (screen_kind == Screen::Attract) {
        draw_attract(ctx, screen);
        ImGui::End();
        draw_overlays(ctx, screen);
        return;
    }

    float bar = t.bar_height();
    float bh = t.button_height();
    ImVec2 body;
    float body_top;
    if (t.portrait) {
        // Title on top (no controls up there), navigation at the bottom.
        float title_h = ctx.fonts.bold->FontSize + t.px(40);
        ImDrawList *dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(screen.x, title_h), t.color.surface);
        dl->AddLine(ImVec2(0, title_h), ImVec2(screen.x, title_h), t.color.border, t.px(2));
        brand(ctx, ImVec2((screen.x - brand_width(ctx)) * 0.5f, 0), title_h);
        bar_background(ctx, screen.y - bar, screen.x, false);
        nav_buttons(ctx, t.margin(), screen.y - bar + (bar - bh) * 0.5f, screen.x - 2 * t.margin(), true);
        body = ImVec2(screen.x, screen.y - bar - title_h);
        body_top = title_h;
    } else {
        bar_background(ctx, 0, screen.x, true);
        // The buttons come first; the name goes when large text leaves no room for it beside them.
        float brand_x = screen.x - t.margin() - brand_width(ctx);
        float end = nav_buttons(ctx, t.margin(), (bar - bh) * 0.5f, brand_x - t.gap() - t.margin(), false);
        if (end + t.gap() <= brand_x) brand(ctx, ImVec2(brand_x, 0), bar);
        body = ImVec2(screen.x, screen.y - bar);
        body_top = bar;
    }

    ImGui::SetCursorPos(ImVec2(0, body_top));
    if (ctx.new_page) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    if (screen_kind == Screen::Step) {
        ImGui::BeginChild("step", body, false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
        draw_step(ctx, body);
    } else if (screen_kind == Screen::Search) { // the keyboard stays put; only the results scroll
        ImGui::BeginChild("search", body, false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
        draw_search(ctx, body);
    } else {
        ImGui::BeginChild("body", body, false, ImGuiWindowFlags_NoBackground);
        switch (screen_kind) {
        case Screen::Home: draw_home(ctx, body); break;
        case Screen::Topic: draw_topic(ctx, body); break;
        case Screen::Faq: draw_faq(ctx, body); break;
        case Screen::Success: draw_success(ctx, body); break;
        case Screen::AskTeam: draw_ask_team(ctx, body); break;
        case Screen::Step:
        case Screen::Search:
        case Screen::Attract: break;
        }
        touch_scroll(ctx);
    }
    ImGui::EndChild();
    ImGui::End();
    draw_overlays(ctx, screen);
}

} // namespace hs::ui
