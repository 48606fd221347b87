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
// The code points of icon::all, in the form ImGui wants (built once; must outlive the atlas).
const ImWchar *icon_ranges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        for (const char *glyph : icon::all) builder.AddText(glyph);
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}

struct Prebuilt {
    std::unique_ptr<ImFontAtlas> atlas;
    Fonts fonts;
    float scale = 0;
    bool waiting = false; // built, in ImGui's context, not yet asked for by load_fonts()
    double build_ms = 0, wait_ms = 0;
    std::thread thread;
    ~Prebuilt() {
        if (thread.joinable()) thread.join();
    }
};

Prebuilt &prebuilt() {
    static Prebuilt p;
    return p;
}

} // namespace

void prebuild_fonts(float scale) {
    Prebuilt &p = prebuilt();
    if (p.atlas) return; // once, at start-up
    p.atlas = std::make_unique<ImFontAtlas>();
    p.scale = scale;
    p.thread = std::thread([&p] {
        auto t0 = std::chrono::steady_clock::now();
        p.fonts = load_fonts(p.atlas.get(), p.scale);
        p.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    });
}

ImFontAtlas *take_prebuilt_atlas() {
    Prebuilt &p = prebuilt();
    if (!p.atlas) return nullptr;
    auto t0 = std::chrono::steady_clock::now();
    if (p.thread.joinable()) p.thread.join();
    p.wait_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    p.waiting = true;
    return p.atlas.get();
}

double prebuilt_fonts_ms() { return prebuilt().build_ms; }
double prebuilt_fonts_wait_ms() { return prebuilt().wait_ms; }

Fonts load_fonts(float scale) {
    Prebuilt &p = prebuilt();
    ImFontAtlas *atlas = ImGui::GetIO().Fonts;
    bool ready = p.waiting && atlas == p.atlas.get() && std::fabs(scale - p.scale) < 1e-4f;
    p.waiting = false;
    if (ready) return p.fonts;
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
