// Text contrast in both themes, computed the way WCAG 2 defines it: every pair of text colour and
// the background it is drawn on reaches 7:1 (1.4.6, AAA), the aim for body text on a kiosk.
#include "ui/theme.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

double channel(unsigned v) {
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 col) {
    return 0.2126 * channel(col >> IM_COL32_R_SHIFT & 0xFF) + 0.7152 * channel(col >> IM_COL32_G_SHIFT & 0xFF) +
           0.0722 * channel(col >> IM_COL32_B_SHIFT & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
    double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

TEST_CASE("The contrast formula gives the known extremes", "[theme]") {
    CHECK(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(contrast(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) == Approx(4.48).epsilon(0.01));
}

TEST_CASE("Every text colour reaches 7:1 on its background, in both themes", "[theme]") {
    for (bool high : {false, true}) {
        hs::ui::Palette p = high ? hs::ui::high_contrast_palette() : hs::ui::Palette{};
        struct Pair {
            const char *what;
            ImU32 text, background;
        } pairs[] = {
            {"text on background", p.text, p.background},
            {"text on surface", p.text, p.surface},
            {"muted text on background", p.text_muted, p.background},
            {"muted text on surface", p.text_muted, p.surface},
            {"text on a secondary button", p.text, p.secondary},
            {"text on a pressed secondary button", p.text, p.secondary_pressed},
            {"text on a note", p.text, p.accent_soft},
            {"label on a primary button", p.on_accent, p.accent},
            {"label on a pressed primary button", p.on_accent, p.accent_pressed},
            {"label on a success button", p.on_accent, p.success},
            {"caution text on its box", p.caution, p.caution_soft},
            {"a word a search matched, on its highlight", p.on_highlight, p.highlight},
        };
        for (const Pair &pair : pairs) {
            INFO((high ? "high contrast: " : "standard: ") << pair.what);
            CHECK(contrast(pair.text, pair.background) >= 7.0);
        }
    }
}
