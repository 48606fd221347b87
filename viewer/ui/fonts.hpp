// Fonts: Noto Sans (fonts-noto-core) rasterized by FreeType, with Font Awesome 4 icons
// (fonts-font-awesome) merged into every size so an icon can sit inline in any label, and Noto
// Sans CJK SC (fonts-noto-cjk) merged into the text sizes for the Chinese characters the catalog
// uses, and only those (core/used_characters.hpp): ImGui 1.86's atlas cannot grow, and all of CJK
// at every size would be tens of MiB of texture.
#pragma once

#include "core/used_characters.hpp"

#include <imgui.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace hs::ui {

// Font Awesome 4 code points, UTF-8 encoded, for inline use in labels.
namespace icon {
inline constexpr const char *home = "\xef\x80\x95";          // U+F015
inline constexpr const char *back = "\xef\x81\x93";          // U+F053 chevron-left
inline constexpr const char *next = "\xef\x81\x94";          // U+F054 chevron-right
inline constexpr const char *check = "\xef\x80\x8c";         // U+F00C
inline constexpr const char *check_circle = "\xef\x81\x98";  // U+F058
inline constexpr const char *question = "\xef\x81\x99";      // U+F059 question-circle
inline constexpr const char *plus = "\xef\x81\xa7";          // U+F067
inline constexpr const char *minus = "\xef\x81\xa8";         // U+F068
inline constexpr const char *warning = "\xef\x81\xb1";       // U+F071 exclamation-triangle
inline constexpr const char *users = "\xef\x83\x80";         // U+F0C0
inline constexpr const char *picture = "\xef\x80\xbe";       // U+F03E picture-o
inline constexpr const char *life_ring = "\xef\x87\x8d";     // U+F1CD
inline constexpr const char *lightbulb = "\xef\x83\xab";     // U+F0EB
inline constexpr const char *contrast = "\xef\x81\x82";      // U+F042 adjust
inline constexpr const char *text_size = "\xef\x80\xb1";     // U+F031 font
inline constexpr const char *zoom_in = "\xef\x80\x8e";       // U+F00E search-plus
inline constexpr const char *close = "\xef\x80\x8d";         // U+F00D times
inline constexpr const char *lock = "\xef\x80\xa3";          // U+F023
inline constexpr const char *reload = "\xef\x80\xa1";        // U+F021 refresh
inline constexpr const char *sign_out = "\xef\x82\x8b";      // U+F08B
inline constexpr const char *chart = "\xef\x82\x80";         // U+F080 bar-chart
inline constexpr const char *hand = "\xef\x89\x9a";          // U+F25A hand-pointer-o
inline constexpr const char *erase = "\xef\x84\xad";         // U+F12D eraser
inline constexpr const char *backspace = "\xef\x81\xa0";     // U+F060 arrow-left
inline constexpr const char *clock = "\xef\x80\x97";         // U+F017 clock-o
inline constexpr const char *search = "\xef\x80\x82";        // U+F002
inline constexpr const char *qrcode = "\xef\x80\xa9";        // U+F029
inline constexpr const char *globe = "\xef\x82\xac";         // U+F0AC: the language button
// Only these glyphs go into the font atlas: the whole icon font at every text size would be
// most of the atlas (tens of MiB of texture).
inline constexpr const char *all[] = {home, back, next, check, check_circle, question, plus, minus,
                                      warning, users, picture, life_ring, lightbulb, contrast, text_size, zoom_in,
                                      close, lock, reload, sign_out, chart, hand, erase, backspace, clock, search, qrcode, globe};
} // namespace icon

struct Fonts {
    ImFont *small = nullptr;   // 28 px: labels, progress
    ImFont *body = nullptr;    // 34 px: body text
    ImFont *bold = nullptr;    // 34 px bold: button labels, card titles
    ImFont *lead = nullptr;    // 44 px: the instruction of a step
    ImFont *h2 = nullptr;      // 44 px bold: section headings
    ImFont *h1 = nullptr;      // 60 px bold: screen titles
    ImFont *hero = nullptr;    // 120 px: icons on the outcome screens
    std::string problem;       // why a font could not be loaded (then ImGui's default is used)
    // What the atlas holds beyond the fixed Latin ranges (extra_characters()), and those as
    // ImGui's glyph ranges: the atlas reads them whenever it is built, so they live as long as it.
    std::vector<char32_t> extra;
    std::shared_ptr<const ImVector<ImWchar>> ranges;
};

// Of `used`, the characters the fixed ranges lack that an atlas can hold (ImGui 1.86 as Debian
// builds it has 16-bit ImWchar: the Basic Multilingual Plane, where all of everyday CJK is).
std::vector<char32_t> extra_characters(const Characters *used);

// Start-up: building the atlas (~70 ms of FreeType) needs no window, so it runs on a thread while
// the window and its GL context open. take_atlas() waits for it and hands it to ImGui's context
// (ImGui::CreateContext(atlas)); the first load_fonts() at that scale then costs nothing. The
// owner keeps it until ImGui's context is gone (the viewer makes it before the window).
class FontPrebuild {
public:
    FontPrebuild() = default;
    FontPrebuild(const FontPrebuild &) = delete;
    FontPrebuild &operator=(const FontPrebuild &) = delete;
    ~FontPrebuild();
    void start(float scale);   // once, for the fixed ranges only; later calls do nothing
    ImFontAtlas *take_atlas(); // null without start()
    // The fonts built at `scale` into `atlas` (with no extra characters), once, if that is what was built.
    bool take_fonts(ImFontAtlas *atlas, float scale, const std::vector<char32_t> &extra, Fonts &out);
    // For the start-up report: how long the build took on its thread, and how long take_atlas()
    // waited for it (ms; 0 without a prebuild).
    double build_ms() const { return build_ms_; }
    double wait_ms() const { return wait_ms_; }

private:
    std::unique_ptr<ImFontAtlas> atlas_;
    Fonts fonts_;
    float scale_ = 0;
    bool waiting_ = false; // built, in ImGui's context, not yet asked for by load_fonts()
    double build_ms_ = 0, wait_ms_ = 0;
    std::thread thread_;
};

// Builds ImGui's atlas at `scale` (1.0 at 1080 px) with the fixed ranges and `extra`
// (extra_characters()). Call before the renderer creates its font texture. When `prebuilt`
// already built that into ImGui's atlas, returns those fonts.
Fonts load_fonts(float scale, const std::vector<char32_t> &extra, FontPrebuild *prebuilt = nullptr);
// The same into any atlas (no ImGui context needed: FreeType and ImGui's atlas code only).
Fonts load_fonts(ImFontAtlas *atlas, float scale, const std::vector<char32_t> &extra = {});

} // namespace hs::ui
