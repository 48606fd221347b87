#include "fonts.hpp"

#include <imgui_freetype.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <thread>

namespace hs::ui {
namespace {

const char *first_existing(std::initializer_list<const char *> paths) {
    for (const char *p : paths)
        if (std::filesystem::exists(p)) return p;
    return nullptr;
}

// Latin, Latin-1, Latin Extended-A and the punctuation real text uses (’ “ ” … • ·).
const ImWchar kTextRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190, 0x2193, 0};
// The code points of icon::all, in the form ImGui wants. Made once, never changed after: every
// atlas built in the process points into it, so it must outlive them all.
const ImWchar *icon_ranges() {
    static const ImVector<ImWchar> ranges = [] {
        ImVector<ImWchar> r;
        ImFontGlyphRangesBuilder builder;
        for (const char *glyph : icon::all) builder.AddText(glyph);
        builder.BuildRanges(&r);
        return r;
    }();
    return ranges.Data;
}

} // namespace

FontPrebuild::~FontPrebuild() {
    if (thread_.joinable()) thread_.join();
}

void FontPrebuild::start(float scale) {
    if (atlas_) return; // once, at start-up
    atlas_ = std::make_unique<ImFontAtlas>();
    scale_ = scale;
    thread_ = std::thread([this] {
        auto t0 = std::chrono::steady_clock::now();
        fonts_ = load_fonts(atlas_.get(), scale_);
        build_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    });
}

ImFontAtlas *FontPrebuild::take_atlas() {
    if (!atlas_) return nullptr;
    auto t0 = std::chrono::steady_clock::now();
    if (thread_.joinable()) thread_.join();
    wait_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    waiting_ = true;
    return atlas_.get();
}

bool FontPrebuild::take_fonts(ImFontAtlas *atlas, float scale, Fonts &out) {
    bool ready = waiting_ && atlas == atlas_.get() && std::fabs(scale - scale_) < 1e-4f;
    waiting_ = false;
    if (ready) out = fonts_;
    return ready;
}

Fonts load_fonts(float scale, FontPrebuild *prebuilt) {
    ImFontAtlas *atlas = ImGui::GetIO().Fonts;
    Fonts fonts;
    if (prebuilt && prebuilt->take_fonts(atlas, scale, fonts)) return fonts;
    return load_fonts(atlas, scale);
}

Fonts load_fonts(ImFontAtlas *atlas, float scale) {
    Fonts fonts;
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    const char *regular = first_existing({"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"});
    const char *bold = first_existing({"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                                       "/usr/share/fonts/truetype/noto/NotoSans-SemiBold.ttf"});
    const char *icons = first_existing({"/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"});
    if (!regular || !bold) {
        fonts.problem = "Noto Sans not found in /usr/share/fonts/truetype/noto (install fonts-noto-core)";
        ImFont *f = atlas->AddFontDefault();
        fonts.small = fonts.body = fonts.bold = fonts.lead = fonts.h2 = fonts.h1 = fonts.hero = f;
        return fonts;
    }
    if (!icons) fonts.problem = "Font Awesome not found (install fonts-font-awesome): icons are missing";

    auto add = [&](const char *file, float size_at_1080) {
        float size = size_at_1080 * scale;
        ImFontConfig cfg;
        cfg.OversampleH = 1; // FreeType renders at the final size; oversampling only costs memory
        ImFont *font = atlas->AddFontFromFileTTF(file, size, &cfg, kTextRanges);
        if (icons) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.GlyphMinAdvanceX = size; // icons line up in a column
            merge.GlyphOffset = ImVec2(0, size * 0.06f);
            atlas->AddFontFromFileTTF(icons, size * 0.9f, &merge, icon_ranges());
        }
        return font;
    };
    fonts.body = add(regular, 34); // first font added is ImGui's default
    fonts.small = add(regular, 28);
    fonts.bold = add(bold, 34);
    fonts.lead = add(regular, 44);
    fonts.h2 = add(bold, 44);
    fonts.h1 = add(bold, 58);
    // The hero size only ever shows icons (on the outcome screens).
    fonts.hero = icons ? atlas->AddFontFromFileTTF(icons, 120 * scale, nullptr, icon_ranges()) : fonts.h1;
    atlas->Build();
    spdlog::debug("font atlas {}x{}", atlas->TexWidth, atlas->TexHeight);
    return fonts;
}

} // namespace hs::ui
