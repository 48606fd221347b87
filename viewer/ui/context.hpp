// What every screen draws with: the theme, the fonts, the pictures, and the navigator it moves.
#pragma once

#include "core/navigation.hpp"
#include "fonts.hpp"
#include "textures.hpp"
#include "theme.hpp"

namespace hs::ui {

struct Context {
    const Theme &theme;
    const Fonts &fonts;
    TextureCache &textures;
    Navigator &nav;
    const Catalog &catalog;
    bool new_page = false; // first frame of a page: scrolling areas start at the top
};

} // namespace hs::ui
