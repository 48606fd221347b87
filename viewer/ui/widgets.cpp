#include "widgets.hpp"

#include "frame_input.hpp"
#include "touch_targets.hpp"
#include "core/line_break.hpp"

#include <imgui_internal.h> // GetCurrentWindow: which scrolling area a drag belongs to

#include <algorithm>
#include <string>

namespace hs::ui {

Press pressable(const Context &ctx, const char *id, ImVec2 size, bool enabled) {
    if (!enabled) ImGui::BeginDisabled();
    Press p;
    // ImGui lays the control out (and says whether a finger is on it, for the pressed colour);
    // whether it was tapped was decided before this frame: the gesture recognizer's tap, resolved
    // by its point against the targets of the frame the finger saw.
    FrameInput &in = ctx.input;
    ImGui::InvisibleButton(id, size);
    p.tapped = enabled && !in.tapped_target.empty() && in.tapped_target == id;
    if (p.tapped) in.tapped_target.clear(); // used up: a second widget of the same name does not act too
    p.held = ImGui::IsItemActive() && !in.dragging;
    if (!enabled) ImGui::EndDisabled();
    ctx.targets.record(id, enabled);
    return p;
}

bool touch_button(const Context &ctx, const char *id, ImVec2 size, ButtonStyle style, const char *icon,
                  const char *label, bool enabled) {
    const Palette &c = ctx.theme.color;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    auto [tapped, held] = pressable(ctx, id, size, enabled);

    ImU32 fill, text;
    switch (style) {
    case ButtonStyle::Primary: fill = held ? c.accent_pressed : c.accent; text = c.on_accent; break;
    case ButtonStyle::Success: fill = held ? c.accent_pressed : c.success; text = c.on_accent; break;
    case ButtonStyle::Row: fill = held ? c.accent_soft : c.surface; text = c.text; break;
    default: fill = held ? c.secondary_pressed : c.secondary; text = c.text; break;
    }
    if (!enabled) { // outlined and quiet: visibly there, visibly not for now
        fill = c.background;
        text = c.text_muted;
    }
    ImDrawList *dl = ImGui::GetWindowDrawList();
    ImVec2 end(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, end, fill, ctx.theme.rounding());
    if (style == ButtonStyle::Row || !enabled) dl->AddRect(pos, end, c.border, ctx.theme.rounding(), 0, ctx.theme.px(2));

    ImFont *font = ctx.fonts.bold;
    std::string content = icon ? std::string(icon) + (label && *label ? "   " : "") : std::string();
    if (label) content += label;
    ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, content.c_str());
    ImVec2 at(pos.x + std::max(ctx.theme.px(16), (size.x - ts.x) * 0.5f), pos.y + (size.y - ts.y) * 0.5f);
    dl->PushClipRect(pos, end, true);
    dl->AddText(font, font->FontSize, at, text, content.c_str());
    dl->PopClipRect();
    return tapped;
}

std::string wrap_lines(ImFont *font, const std::string &text, float width) {
    const float size = font->FontSize;
    auto measure = [&](size_t b, size_t e) { return font->CalcTextSizeA(size, FLT_MAX, 0, text.data() + b, text.data() + e).x; };
    std::string out;
    out.reserve(text.size() + 16);
    float x = 0;                    // the width of the line so far
    size_t spaces = 0, spaces_at = 0; // spaces before the next piece: dropped where the line breaks
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '\n') {
            out += '\n';
            x = 0, spaces = 0, ++i;
            continue;
        }
        if (text[i] == ' ') {
            if (spaces == 0) spaces_at = i;
            ++spaces, ++i;
            continue;
        }
        size_t end = unbreakable_end(text, i);
        float w = measure(i, end), sw = spaces ? measure(spaces_at, spaces_at + spaces) : 0;
        if (x > 0 && x + sw + w > width) {
            out += '\n';
            x = 0;
        } else if (spaces) {
            out.append(text, spaces_at, spaces);
            x += sw;
        }
        spaces = 0;
        if (x == 0 && w > width) {
            // Longer than a whole line (a long address): cut between characters, as ImGui does.
            for (size_t at = i; at < end;) {
                size_t next = at;
                next_character(text, next);
                float cw = measure(at, next);
                if (x > 0 && x + cw > width) out += '\n', x = 0;
                out.append(text, at, next - at);
                x += cw;
                at = next;
            }
        } else {
            out.append(text, i, end - i);
            x += w;
        }
        i = end;
    }
    return out;
}

float wrapped_height(ImFont *font, const std::string &text, float width) {
    std::string lines = wrap_lines(font, text, width);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, lines.data(), lines.data() + lines.size()).y;
}

void wrapped_text(ImFont *font, ImU32 color, const std::string &text, float width) {
    std::string lines = wrap_lines(font, text, width);
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void draw_picture(const Context &ctx, const Topic &topic, const std::string &name, ImVec2 pos, ImVec2 box) {
    // Off screen (a card scrolled out of view): nothing is decoded for it.
    if (!ImGui::IsRectVisible(pos, ImVec2(pos.x + box.x, pos.y + box.y))) return;
    ImDrawList *dl = ImGui::GetWindowDrawList();
    const Texture &tex = ctx.textures.get(topic, name);
    if (tex.ok()) {
        float k = std::min(box.x / tex.width, box.y / tex.height);
        ImVec2 size(tex.width * k, tex.height * k);
        ImVec2 at(pos.x + (box.x - size.x) * 0.5f, pos.y + (box.y - size.y) * 0.5f);
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex.id)), at,
                     ImVec2(at.x + size.x, at.y + size.y));
        return;
    }
    // Placeholder: a calm grey panel; the problem itself went to the log and the problem list.
    const Palette &c = ctx.theme.color;
    float w = std::min(box.x, box.y * 0.6f), h = std::min(box.y, w / 0.6f);
    ImVec2 at(pos.x + (box.x - w) * 0.5f, pos.y + (box.y - h) * 0.5f);
    dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), c.placeholder, ctx.theme.rounding());
    ImFont *f = ctx.fonts.h1;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, icon::picture);
    dl->AddText(f, f->FontSize, ImVec2(at.x + (w - ts.x) * 0.5f, at.y + h * 0.5f - ts.y), c.text_muted, icon::picture);
    const char *msg = ctx.tr("Picture not available");
    ImFont *s = ctx.fonts.small;
    ImVec2 ms = s->CalcTextSizeA(s->FontSize, FLT_MAX, 0, msg);
    dl->AddText(s, s->FontSize, ImVec2(at.x + (w - ms.x) * 0.5f, at.y + h * 0.5f + ctx.theme.px(12)), c.text_muted, msg);
}

void callout(const Context &ctx, CalloutKind kind, const std::string &text, float width) {
    const Palette &c = ctx.theme.color;
    const Theme &t = ctx.theme;
    bool caution = kind == CalloutKind::Caution;
    ImU32 bg = caution ? c.caution_soft : c.accent_soft;
    ImU32 fg = caution ? c.caution : c.text;
    const char *ic = caution ? icon::warning : icon::lightbulb;
    ImFont *font = ctx.fonts.body;
    float pad = t.px(24), icon_w = font->FontSize * 1.4f;
    float text_w = width - 2 * pad - icon_w;
    float h = wrapped_height(font, text, text_w) + 2 * pad;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList *dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), bg, t.rounding());
    dl->AddRectFilled(pos, ImVec2(pos.x + t.px(8), pos.y + h), caution ? c.caution : c.accent, t.rounding(),
                      ImDrawFlags_RoundCornersLeft);
    dl->AddText(font, font->FontSize, ImVec2(pos.x + pad, pos.y + pad), caution ? c.caution : c.accent, ic);
    ImVec2 cursor = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(cursor.x + pad + icon_w, cursor.y + pad));
    wrapped_text(font, fg, text, text_w);
    ImGui::SetCursorPos(ImVec2(cursor.x, cursor.y + h + t.gap()));
    ImGui::Dummy(ImVec2(width, 0));
}

void touch_scroll(const Context &ctx) {
    const FrameInput &in = ctx.input;
    UiState &ui = ctx.ui;
    ImGuiID self = ImGui::GetCurrentWindow()->ID;
    if (in.pressed) ui.kinetic.stop(); // a finger on the glass stops a coasting list at once
    // A drag belongs to the scrolling area under the finger when it becomes a drag (the Kiosk
    // cleared the owner at DragBegin); ImGui's hover test already excludes windows under an overlay.
    if (in.has(Gesture::Kind::DragBegin) && ImGui::GetScrollMaxY() > 0 &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        ui.scroll_owner = self;
    if (ui.scroll_owner != self) return;
    float dy = 0;
    for (const Gesture &g : in.gestures) {
        if (g.kind == Gesture::Kind::Drag) dy += g.dy;
        if (g.kind == Gesture::Kind::DragEnd) ui.kinetic.release(0, g.vy, g.t);
    }
    if (!in.finger_down && ui.kinetic.moving()) {
        float kx = 0, ky = 0;
        ui.kinetic.step(in.now, kx, ky);
        dy += ky;
    }
    if (dy == 0) return;
    float y = ImGui::GetScrollY() - dy;
    float clamped = std::clamp(y, 0.0f, ImGui::GetScrollMaxY());
    if (clamped != y) ui.kinetic.stop(); // coasting ends at the top or bottom edge
    ImGui::SetScrollY(clamped);
}

float label_width(const Context &ctx, const char *icon, const char *label) {
    ImFont *font = ctx.fonts.bold;
    std::string content = icon ? std::string(icon) + (label && *label ? "   " : "") : std::string();
    if (label) content += label;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, content.c_str()).x + 2 * ctx.theme.px(32);
}

float centred_message_height(const Context &ctx, float body_width, const std::string &message) {
    const Theme &t = ctx.theme;
    float width = std::min(body_width - 2 * t.margin(), t.px(1100));
    return ctx.fonts.hero->FontSize + t.gap() + ctx.fonts.h1->FontSize * 2 + wrapped_height(ctx.fonts.lead, message, width) +
           t.px(60) + t.button_height();
}

void centred_message(const Context &ctx, ImVec2 body, const char *glyph, ImU32 glyph_color, const std::string &title,
                     const std::string &message, const std::function<void(float x, float width)> &buttons,
                     float extra_height) {
    const Theme &t = ctx.theme;
    float width = std::min(body.x - 2 * t.margin(), t.px(1100));
    float x = (body.x - width) * 0.5f;
    float block = centred_message_height(ctx, body.x, message) + extra_height;
    ImGui::SetCursorPosY(std::max(t.margin(), (body.y - block) * 0.4f));

    ImFont *hero = ctx.fonts.hero;
    float gw = hero->CalcTextSizeA(hero->FontSize, FLT_MAX, 0, glyph).x;
    ImGui::SetCursorPosX((body.x - gw) * 0.5f);
    ImGui::PushFont(hero);
    ImGui::PushStyleColor(ImGuiCol_Text, glyph_color);
    ImGui::TextUnformatted(glyph);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, t.gap()));

    float tw = std::min(width, ctx.fonts.h1->CalcTextSizeA(ctx.fonts.h1->FontSize, FLT_MAX, 0, title.c_str()).x);
    ImGui::SetCursorPosX((body.x - tw) * 0.5f);
    wrapped_text(ctx.fonts.h1, t.color.text, title, tw + 1);
    ImGui::Dummy(ImVec2(0, t.px(12)));
    // A message that fits on one line is centred like the title; a longer one reads better ragged-right.
    float one_line = ctx.fonts.lead->CalcTextSizeA(ctx.fonts.lead->FontSize, FLT_MAX, 0, message.c_str()).x;
    ImGui::SetCursorPosX(one_line < width ? (body.x - one_line) * 0.5f : x);
    wrapped_text(ctx.fonts.lead, t.color.text, message, width);
    ImGui::Dummy(ImVec2(0, t.px(48)));
    buttons(x, width);
}

void heading(const Context &ctx, const std::string &text, float width) {
    wrapped_text(ctx.fonts.h2, ctx.theme.color.text, text, width);
    ImGui::Dummy(ImVec2(0, ctx.theme.px(4)));
}

void number_badge(const Context &ctx, ImVec2 centre, float radius, int number, ImU32 fill, ImU32 text) {
    ImDrawList *dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(centre, radius, fill, 48);
    std::string n = std::to_string(number);
    ImFont *f = ctx.fonts.bold;
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, n.c_str());
    dl->AddText(f, f->FontSize, ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f), text, n.c_str());
}

float begin_admin_page(const Context &ctx, ImVec2 screen, const char *id, const char *title) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(screen);
    ImGui::SetNextWindowFocus();
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin(id, nullptr, flags);
    float bar = t.bar_height(), bh = t.button_height();
    ImDrawList *dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(screen.x, bar), c.surface);
    dl->AddLine(ImVec2(0, bar), ImVec2(screen.x, bar), c.border, t.px(2));
    ImGui::SetCursorPos(ImVec2(t.margin(), (bar - bh) * 0.5f));
    if (touch_button(ctx, "admin-menu", ImVec2(label_width(ctx, icon::back, "Admin"), bh), ButtonStyle::Secondary,
                     icon::back, "Admin"))
        ctx.ask(Intent::of(Intent::Kind::AdminMenu));
    ImFont *h = ctx.fonts.h2;
    dl->AddText(h, h->FontSize,
                ImVec2(screen.x - t.margin() - h->CalcTextSizeA(h->FontSize, FLT_MAX, 0, title).x, (bar - h->FontSize) * 0.5f),
                c.text, title);
    return bar;
}

} // namespace hs::ui
