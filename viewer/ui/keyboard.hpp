// The on-screen keyboard of the search screen: a-z in QWERTY rows, backspace, clear and space
// (and, in Spanish, ñ beside the space bar: "key:ñ").
// Keys are touch targets ("key:a" ... "key:space", "key:backspace", "key:clear") that type on the
// Tap gesture like every other control. They keep their size whatever the text size: at 200 %
// the letters grow, the keys do not (they are already large enough for a finger).
#pragma once

#include "context.hpp"

namespace hs::ui {

// The height the keyboard takes at `width`.
float keyboard_height(const Context &ctx, float width);
// Draws the keyboard at the cursor, `width` wide, typing into `box`. True when a key changed it.
bool draw_keyboard(const Context &ctx, SearchBox &box, float width);

} // namespace hs::ui
