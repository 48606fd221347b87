// Touch widgets: large buttons, wrapped text, pictures, callouts. All sizes come from the Theme.
// Nothing here changes on hover; a pressed control darkens while the finger is down.
#pragma once

#include "context.hpp"

#include <imgui.h>

#include <functional>
#include <string>

namespace hs::ui {

enum class ButtonStyle { Primary, Secondary, Success, Row };

// The touch surface under every control: an invisible button of `size` at the cursor, recorded as
// the touch target `id`. The caller draws it, darker while `held`.
struct Press {
    bool tapped = false, held = false;
};
Press pressable(const Context &ctx, const char *id, ImVec2 size, bool enabled = true);

// A button of `size` at the cursor, with an optional icon before the label. Returns true on tap.
// `id` is unique on the screen and names the touch target ("home", "fix:2").
bool touch_button(const Context &ctx, const char *id, ImVec2 size, ButtonStyle style, const char *icon,
                  const char *label, bool enabled = true);

// Text wrapped at `width` from the cursor, in `font` and `color`; advances the cursor below it.
// Lines end at spaces and between CJK characters (core/line_break.hpp): ImGui 1.86 wraps only at
// spaces, so a Chinese sentence, which has none, would run on or jump whole to the next line.
void wrapped_text(ImFont *font, ImU32 color, const std::string &text, float width);
float wrapped_height(ImFont *font, const std::string &text, float width);
// `text` with a newline wherever it wraps at `width` in `font` (what the two above draw).
std::string wrap_lines(ImFont *font, const std::string &text, float width);

// The topic's picture `name`, as large as fits in `box` at `pos`, centred, aspect ratio kept.
// A missing or broken picture draws a neutral placeholder instead.
void draw_picture(const Context &ctx, const Topic &topic, const std::string &name, ImVec2 pos, ImVec2 box);

enum class CalloutKind { Note, Caution };
// A tinted box with an icon and wrapped text (a step's note or caution); advances the cursor.
void callout(const Context &ctx, CalloutKind kind, const std::string &text, float width);

// Call inside a scrolling child, after its content: a finger dragging anywhere on it scrolls it,
// and after a flick it coasts and slows down (a touch stops it). A drag never taps the button it
// started on: pressable() only fires on a Tap gesture.
void touch_scroll(const Context &ctx);

// The width a touch_button needs for its icon and label at the current text size.
float label_width(const Context &ctx, const char *icon, const char *label);

// An admin page (diagnostics, outcomes): a full-screen window `id` with a top bar holding the way
// back to the admin menu and `title` on the right. Returns the bar's height; the caller draws the
// body below it and ends the window with ImGui::End().
float begin_admin_page(const Context &ctx, ImVec2 screen, const char *id, const char *title);

// A calm full-screen message: a large icon, a title, a message, and below them whatever
// `buttons(x, width)` draws (the column's left edge and width are given). Used for the ends of a
// walk through the fixes and for "no topics yet". `extra_height`: what `buttons` draws above the
// buttons themselves (a QR code), so that the whole block is placed to fit.
void centred_message(const Context &ctx, ImVec2 body, const char *glyph, ImU32 glyph_color, const std::string &title,
                     const std::string &message, const std::function<void(float x, float width)> &buttons,
                     float extra_height = 0);
// The height centred_message() takes in a body `body_width` wide, without `extra_height`.
float centred_message_height(const Context &ctx, float body_width, const std::string &message);

// A section heading.
void heading(const Context &ctx, const std::string &text, float width);

// A round badge with a number in it, e.g. the fix number in the list of fixes.
void number_badge(const Context &ctx, ImVec2 centre, float radius, int number, ImU32 fill, ImU32 text);

} // namespace hs::ui
