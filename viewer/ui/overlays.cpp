// Overlays: full-screen windows above the current screen. Each is its own ImGui window brought
// to the front, so nothing of the screen below can be pressed through it.
#include "overlays.hpp"
#include "touch_targets.hpp"

#include "core/languages.hpp"
#include "core/pin.hpp"
#include "frame_input.hpp"
#include "qr_texture.hpp"
#include "screens.hpp"
#include "widgets.hpp"


#include <algorithm>
#include <cmath>

namespace hs::ui {
namespace {

constexpr float kZoomIn = 2.5f;

bool begin_overlay(const Context &ctx, const char *name, ImVec2 screen, ImU32 dim) {
    ctx.targets.cover(); // full screen: nothing drawn before it can be tapped
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(screen);
    ImGui::SetNextWindowFocus();
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(dim));
    bool open = ImGui::Begin(name, nullptr, flags);
    ImGui::PopStyleColor();
    return open;
}

// A card in the middle of the screen; returns its top-left (window coordinates) and width.
ImVec2 card(const Context &ctx, ImVec2 screen, float width, float height) {
    const Theme &t = ctx.theme;
    ImVec2 at((screen.x - width) * 0.5f, std::max(t.margin(), (screen.y - height) * 0.5f));
    // Portrait: the card sits low, where a standing customer's hand is.
    if (t.portrait) at.y = std::max(screen.y * 0.4f, screen.y - height - t.margin() * 3);
    ImDrawList *dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + width, at.y + height), t.color.surface, t.rounding());
    dl->AddRect(at, ImVec2(at.x + width, at.y + height), t.color.border, t.rounding(), 0, t.px(2));
    return at;
}

float centred_text(ImFont *font, ImU32 color, const std::string &text, float x, float y, float width) {
    float h = wrapped_height(font, text, width);
    float one = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
    ImGui::SetCursorPos(ImVec2(one < width ? x + (width - one) * 0.5f : x, y));
    wrapped_text(font, color, text, width);
    return h;
}

// ---- The picture, full screen ----------------------------------------------------------------

void picture_view(const Context &ctx, ImVec2 screen) {
    UiState &ui = ctx.ui;
    const Topic *topic = ctx.catalog.find(ui.zoom_topic);
    if (!topic) {
        ui.zoom_open = false;
        return;
    }
    const Theme &t = ctx.theme;
    if (!begin_overlay(ctx, "picture", screen, IM_COL32(0x10, 0x12, 0x16, 0xFF))) return ImGui::End();
    const FrameInput &in = ctx.input;
    float close_w = label_width(ctx, icon::close, ctx.tr("Close"));
    ImVec2 close_at(screen.x - t.margin() - close_w, t.margin());

    // The picture fills the screen at zoom 1; double-tap zooms in around the finger and back out.
    ImVec2 box(screen.x - 2 * t.margin(), screen.y - 2 * t.margin());
    ImVec2 centre(screen.x * 0.5f, screen.y * 0.5f);
    bool on_top = ctx.session.admin() == AdminState::Locked && !ctx.session.warning(ctx.now);
    for (const Gesture &g : in.gestures) {
        if (!on_top) break;
        bool on_close = g.x >= close_at.x && g.y <= close_at.y + t.button_height();
        if (g.kind == Gesture::Kind::DoubleTap && !on_close) {
            if (ui.zoom > 1.0f) {
                ui.zoom = 1.0f;
                ui.zoom_pan = ImVec2(0, 0);
            } else { // keep the point under the finger where it is
                ui.zoom = kZoomIn;
                ui.zoom_pan = ImVec2((centre.x - g.x) * (kZoomIn - 1), (centre.y - g.y) * (kZoomIn - 1));
            }
        }
        if (g.kind == Gesture::Kind::Drag && ui.zoom > 1.0f) {
            ui.zoom_pan.x += g.dx;
            ui.zoom_pan.y += g.dy;
        }
    }
    // Never pan the picture out of sight: at most half the zoomed box beyond the centre.
    float lim_x = box.x * (ui.zoom - 1) * 0.5f, lim_y = box.y * (ui.zoom - 1) * 0.5f;
    ui.zoom_pan.x = std::clamp(ui.zoom_pan.x, -lim_x, lim_x);
    ui.zoom_pan.y = std::clamp(ui.zoom_pan.y, -lim_y, lim_y);

    ImVec2 zbox(box.x * ui.zoom, box.y * ui.zoom);
    ImVec2 at(centre.x - zbox.x * 0.5f + ui.zoom_pan.x, centre.y - zbox.y * 0.5f + ui.zoom_pan.y);
    ImGui::GetWindowDrawList()->PushClipRect(ImVec2(0, 0), screen);
    draw_picture(ctx, *topic, ui.zoom_image, at, zbox);
    ImGui::GetWindowDrawList()->PopClipRect();

    const char *hint = ui.zoom > 1.0f ? ctx.tr("Drag to look around · double-tap to zoom out") : ctx.tr("Double-tap to zoom in");
    ImFont *f = ctx.fonts.body;
    float hw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, hint).x;
    ImVec2 hp((screen.x - hw) * 0.5f, screen.y - t.margin() - f->FontSize);
    ImDrawList *dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(hp.x - t.px(24), hp.y - t.px(12)), ImVec2(hp.x + hw + t.px(24), hp.y + f->FontSize + t.px(12)),
                      IM_COL32(0, 0, 0, 0xC0), t.rounding());
    dl->AddText(f, f->FontSize, hp, IM_COL32_WHITE, hint);

    ImGui::SetCursorPos(close_at);
    if (touch_button(ctx, "picture-close", ImVec2(close_w, t.button_height()), ButtonStyle::Primary, icon::close,
                     ctx.tr("Close")))
        ui.zoom_open = false;
    ImGui::End();
}

// ---- "Take it with you": a fix's own web page as a QR code ------------------------------------

void take_it_with_you_view(const Context &ctx, ImVec2 screen) {
    const Theme &t = ctx.theme;
    UiState &ui = ctx.ui;
    if (!begin_overlay(ctx, "take-it-with-you", screen, IM_COL32(0, 0, 0, 0xC0))) return ImGui::End();
    const std::string &title = ui.qr_title;
    float pad = t.px(48);
    float w = std::min(screen.x - 2 * t.margin(), t.px(900)), inner = w - 2 * pad;
    float title_h = wrapped_height(ctx.fonts.h1, title, inner);
    // The code as large as the card allows, and never so large that the card leaves the screen.
    float room = screen.y - 2 * t.margin() - 2 * pad - title_h - 2 * t.gap() - t.button_height() -
                 ctx.fonts.body->FontSize * 2 - ctx.fonts.small->FontSize * 2 - t.px(24) -
                 4 * ImGui::GetStyle().ItemSpacing.y;
    float max_side = std::min({inner, t.px(560), room});
    float block = take_it_with_you_height(ctx, ui.qr_url, inner, max_side);
    float h = pad + title_h + t.gap() + block + t.gap() + t.button_height() + pad;
    ImVec2 at = card(ctx, screen, w, h);
    float y = at.y + pad;
    y += centred_text(ctx.fonts.h1, t.color.text, title, at.x + pad, y, inner) + t.gap();
    ImGui::SetCursorPos(ImVec2(at.x + pad, y));
    take_it_with_you(ctx, ui.qr_url, at.x + pad, inner, max_side);
    float bw = std::min(inner, std::max(t.px(360), label_width(ctx, icon::close, ctx.tr("Close"))));
    ImGui::SetCursorPos(ImVec2(at.x + (w - bw) * 0.5f, y + block + t.gap()));
    if (touch_button(ctx, "take-it-with-you-close", ImVec2(bw, t.button_height()), ButtonStyle::Primary, icon::close,
                     ctx.tr("Close")))
        ui.qr_open = false;
    ImGui::End();
}

// ---- "Still there?" ---------------------------------------------------------------------------

void idle_warning(const Context &ctx, ImVec2 screen) {
    const Theme &t = ctx.theme;
    if (!begin_overlay(ctx, "idle-warning", screen, IM_COL32(0, 0, 0, 0xB0))) return ImGui::End();
    int left = ctx.session.warning_seconds_left(ctx.now);
    float w = std::min(screen.x - 2 * t.margin(), t.px(1000)), pad = t.px(56);
    // TRANSLATORS: {0} is the number of seconds left (1 to 300).
    std::string message = left == 1 ? std::string(ctx.tr("No one has touched the screen for a while. To keep your visit "
                                                         "private, Help Station will start over in 1 second."))
                                    : ctx.trf("No one has touched the screen for a while. To keep your visit private, "
                                              "Help Station will start over in {0} seconds.",
                                              {std::to_string(left)});
    float inner = w - 2 * pad;
    float h = pad + ctx.fonts.hero->FontSize + t.gap() + ctx.fonts.h1->FontSize + t.gap() +
              wrapped_height(ctx.fonts.lead, message, inner) + t.px(48) + t.button_height() * 1.25f + pad;
    ImVec2 at = card(ctx, screen, w, h);
    float y = at.y + pad;
    y += centred_text(ctx.fonts.hero, t.color.accent, icon::clock, at.x + pad, y, inner) + t.gap();
    y += centred_text(ctx.fonts.h1, t.color.text, ctx.tr("Still there?"), at.x + pad, y, inner) + t.gap();
    y += centred_text(ctx.fonts.lead, t.color.text, message, at.x + pad, y, inner) + t.px(48);
    ImGui::SetCursorPos(ImVec2(at.x + pad, y));
    if (touch_button(ctx, "still-here", ImVec2(inner, t.button_height() * 1.25f), ButtonStyle::Primary, icon::hand,
                     ctx.tr("I'm still here")))
        ctx.ask(Intent::of(Intent::Kind::StillHere));
    ImGui::End();
}

// ---- The languages on offer -------------------------------------------------------------------

// Each language in its own name, one large button each (the visit's language marked), and Close.
// The title is in the visit's language, with the English under it when that is another: whoever
// opened this may read neither well, but the names below are what they look for.
void language_chooser(const Context &ctx, ImVec2 screen) {
    const Theme &t = ctx.theme;
    if (!begin_overlay(ctx, "languages", screen, IM_COL32(0, 0, 0, 0xB0))) return ImGui::End();
    const std::vector<std::string> &offered = ctx.session.config().languages_offered;
    float w = std::min(screen.x - 2 * t.margin(), t.px(900)), pad = t.px(48);
    float inner = w - 2 * pad, bh = t.button_height() * 1.2f, gap = t.gap();
    const char *english = "Choose your language"; // the same words, never translated: N_ below
    std::string title = ctx.tr(N_("Choose your language"));
    bool both = title != english;
    float title_h = wrapped_height(ctx.fonts.h1, title, inner) +
                    (both ? t.px(8) + wrapped_height(ctx.fonts.body, english, inner) : 0.0f);
    auto height = [&] { return pad + title_h + t.px(32) + offered.size() * (bh + gap) + t.px(16) + t.button_height() + pad; };
    // Large text on a short screen: plain-height buttons and a narrower frame, so Close stays in.
    float room = screen.y - 2 * t.margin();
    if (height() > room) bh = t.button_height();
    if (height() > room) {
        pad = t.px(24);
        inner = w - 2 * pad;
    }
    float h = height();
    ImVec2 at = card(ctx, screen, w, std::min(h, room));
    float y = at.y + pad;
    y += centred_text(ctx.fonts.h1, t.color.text, title, at.x + pad, y, inner);
    if (both) y += t.px(8) + centred_text(ctx.fonts.body, t.color.text_muted, english, at.x + pad, y + t.px(8), inner);
    y += t.px(32);
    for (const std::string &language : offered) {
        std::string id = "language:" + language, name = own_name(language);
        bool current = language == ctx.language();
        ImGui::SetCursorPos(ImVec2(at.x + pad, y));
        if (touch_button(ctx, id.c_str(), ImVec2(inner, bh), current ? ButtonStyle::Primary : ButtonStyle::Secondary,
                         current ? icon::check : nullptr, name.c_str()))
            ctx.ask(Intent::set_language(language));
        y += bh + gap;
    }
    y += t.px(16);
    float close_w = std::max(t.px(320), label_width(ctx, icon::close, ctx.tr("Close")));
    ImGui::SetCursorPos(ImVec2(at.x + (w - close_w) * 0.5f, y));
    if (touch_button(ctx, "language-close", ImVec2(close_w, t.button_height()), ButtonStyle::Secondary, icon::close,
                     ctx.tr("Close")))
        ctx.ask(Intent::of(Intent::Kind::CloseLanguages));
    ImGui::End();
}

// ---- Admin: PIN keypad, menu, diagnostics -----------------------------------------------------
// Staff screens stay in English whatever the visit's language: they are for the store's team,
// and their words are not in the viewer's catalogs (nothing there is marked with tr()).

void keypad(const Context &ctx, ImVec2 screen) {
    const Theme &t = ctx.theme;
    UiState &ui = ctx.ui;
    if (!begin_overlay(ctx, "admin-pin", screen, IM_COL32(0, 0, 0, 0xD0))) return ImGui::End();
    bool no_pin = ctx.session.config().admin_pin_hash.empty();
    Millis locked_for = ctx.session.pin_locked_for(ctx.now);
    if (locked_for > 0)
        ui.pin_message = "Too many wrong PINs. Try again in " + std::to_string((locked_for + 999) / 1000) + " s.";
    bool keys_on = !no_pin && locked_for == 0;
    float key = t.tpx(120), gap = t.gap(), pad = t.px(48);
    float w = 3 * key + 2 * gap + 2 * pad;
    std::string shown = no_pin ? "No admin PIN is set: add kiosk.admin_pin_hash to the config (helpstation --hash-pin)"
                               : std::string(ui.pin_typed.size(), '*');
    if (shown.empty()) shown = "Enter the PIN";
    float msg_h = ctx.fonts.body->FontSize * 2.6f;
    float h = pad + ctx.fonts.h2->FontSize + gap + ctx.fonts.h1->FontSize * 1.2f + msg_h + 4 * (key + gap) + t.button_height() + pad;
    w = std::max(w, t.px(560));
    ImVec2 at = card(ctx, screen, w, h);
    float inner = w - 2 * pad, y = at.y + pad;
    y += centred_text(ctx.fonts.h2, t.color.text, std::string(icon::lock) + "  Staff only", at.x + pad, y, inner) + gap;
    ImFont *big = no_pin ? ctx.fonts.small : ctx.fonts.h1;
    centred_text(big, t.color.text, shown, at.x + pad, y, inner);
    y += ctx.fonts.h1->FontSize * 1.2f;
    centred_text(ctx.fonts.body, t.color.caution, ui.pin_message, at.x + pad, y, inner);
    y += msg_h;

    const char *labels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"};
    float kx = at.x + (w - (3 * key + 2 * gap)) * 0.5f;
    for (int i = 0; i < 12; ++i) {
        ImGui::SetCursorPos(ImVec2(kx + (i % 3) * (key + gap), y + (i / 3) * (key + gap)));
        std::string id = std::string("pin:") + labels[i];
        const char *glyph = i == 9 ? icon::erase : i == 11 ? icon::backspace : nullptr;
        const char *label = glyph ? nullptr : labels[i];
        if (!touch_button(ctx, id.c_str(), ImVec2(key, key), ButtonStyle::Secondary, glyph, label, keys_on)) continue;
        if (i == 9) ui.pin_typed.clear();
        else if (i == 11 && !ui.pin_typed.empty()) ui.pin_typed.pop_back();
        else if (i != 11 && ui.pin_typed.size() < 12) ui.pin_typed += labels[i];
        ui.pin_message.clear();
    }
    y += 4 * (key + gap);
    float bw = (inner - gap) * 0.5f;
    ImGui::SetCursorPos(ImVec2(at.x + pad, y));
    if (touch_button(ctx, "admin-cancel", ImVec2(bw, t.button_height()), ButtonStyle::Secondary, nullptr, "Cancel")) {
        ui.pin_typed.clear();
        ctx.ask(Intent::of(Intent::Kind::AdminClose));
    }
    ImGui::SetCursorPos(ImVec2(at.x + pad + bw + gap, y));
    if (touch_button(ctx, "pin-ok", ImVec2(bw, t.button_height()), ButtonStyle::Primary, icon::check, "OK",
                     keys_on && !ui.pin_typed.empty())) {
        ctx.ask(Intent::try_pin(ui.pin_typed)); // the kiosk checks it and says what it found
        ui.pin_typed.clear();
    }
    ImGui::End();
}

void admin_menu(const Context &ctx, ImVec2 screen) {
    const Theme &t = ctx.theme;
    if (!begin_overlay(ctx, "admin", screen, IM_COL32(0, 0, 0, 0xD0))) return ImGui::End();
    float pad = t.px(48), bh = t.button_height(), gap = t.gap();
    float w = std::min(screen.x - 2 * t.margin(), t.px(900));
    float h = pad + ctx.fonts.h1->FontSize + gap * 2 + 5 * (bh + gap) + pad;
    ImVec2 at = card(ctx, screen, w, h);
    float inner = w - 2 * pad, y = at.y + pad;
    y += centred_text(ctx.fonts.h1, t.color.text, "Admin", at.x + pad, y, inner) + gap * 2;
    auto item = [&](const char *id, const char *glyph, const char *label, ButtonStyle style) {
        ImGui::SetCursorPos(ImVec2(at.x + pad, y));
        bool hit = touch_button(ctx, id, ImVec2(inner, bh), style, glyph, label);
        y += bh + gap;
        return hit;
    };
    using K = Intent::Kind;
    if (item("admin-diagnostics", icon::chart, "Diagnostics", ButtonStyle::Secondary)) ctx.ask(Intent::of(K::AdminDiagnostics));
    if (item("admin-outcomes", icon::users, "Customer outcomes", ButtonStyle::Secondary)) ctx.ask(Intent::of(K::AdminOutcomes));
    if (item("admin-reload", icon::reload, "Reload topics", ButtonStyle::Secondary)) ctx.ask(Intent::of(K::AdminReload));
    if (item("admin-exit", icon::sign_out, "Exit Help Station", ButtonStyle::Secondary)) ctx.ask(Intent::of(K::AdminExit));
    if (item("admin-close", icon::back, "Back to the kiosk", ButtonStyle::Primary)) ctx.ask(Intent::of(K::AdminClose));
    ImGui::End();
}

} // namespace

void open_picture(const Context &ctx, const std::string &topic, const std::string &image) {
    ctx.ui.zoom_open = true;
    ctx.ui.zoom_topic = topic;
    ctx.ui.zoom_image = image;
    ctx.ui.zoom = 1.0f;
    ctx.ui.zoom_pan = ImVec2(0, 0);
}

void open_take_it_with_you(const Context &ctx, const std::string &url, const std::string &title) {
    ctx.ui.qr_open = true;
    ctx.ui.qr_url = url;
    ctx.ui.qr_title = title;
}

void draw_overlays(const Context &ctx, ImVec2 screen) {
    if (ctx.ui.zoom_open) picture_view(ctx, screen);
    if (ctx.ui.qr_open) take_it_with_you_view(ctx, screen);
    if (ctx.ui.choosing_language && ctx.session.admin() == AdminState::Locked) language_chooser(ctx, screen);
    switch (ctx.session.admin()) {
    case AdminState::Pin: keypad(ctx, screen); break;
    case AdminState::Menu: admin_menu(ctx, screen); break;
    case AdminState::Diagnostics: draw_diagnostics(ctx, screen); break;
    case AdminState::Outcomes: draw_outcomes(ctx, screen); break;
    case AdminState::Locked: break;
    }
    // Above everything, the admin screens too: staff reading diagnostics get the same warning.
    if (ctx.session.warning(ctx.now)) idle_warning(ctx, screen);
}

} // namespace hs::ui
