#include "fonts.hpp"

#include <imgui_freetype.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <algorithm>
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

bool in_text_ranges(char32_t c) {
    for (const ImWchar *r = kTextRanges; r[0]; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

// CJK ideographs, kana, CJK and full-width punctuation: what Noto Sans lacks and Noto Sans CJK has.
bool is_cjk_glyph(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

// A font file mapped read-only, once per process and never changed after. FreeType reads only
// the glyphs it rasterizes, and the pages are the file's (shared, dropped under memory pressure),
// not the heap's: a Noto Sans CJK weight is 20 MB, and ImGui would copy a file once per size.
struct MappedFont {
    void *data = nullptr;
    size_t size = 0;
    explicit MappedFont(const char *path) {
        int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void *p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) data = p, size = static_cast<size_t>(st.st_size);
        }
        ::close(fd);
    }
};
// Noto Sans CJK's collections hold Japanese, Korean, Simplified and Traditional Chinese and Hong
// Kong faces: the third is Simplified Chinese (fc-scan NotoSansCJK-Regular.ttc).
constexpr int kSimplifiedChineseFace = 2;
// HELPSTATION_CJK_FONT_DIR names another folder (tests render without the font this way).
std::string cjk_font_path(const char *file) {
    const char *dir = std::getenv("HELPSTATION_CJK_FONT_DIR");
    return std::string(dir && *dir ? dir : "/usr/share/fonts/opentype/noto") + "/" + file;
}
const MappedFont &cjk_font(bool bold) {
    static const MappedFont regular(cjk_font_path("NotoSansCJK-Regular.ttc").c_str());
    static const MappedFont heavy(cjk_font_path("NotoSansCJK-Bold.ttc").c_str());
    return bold ? heavy : regular;
}
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

std::vector<char32_t> extra_characters(const Characters *used) {
    std::vector<char32_t> out;
    if (!used) return out;
    for (char32_t c : *used)
        if (c <= 0xFFFF && !in_text_ranges(c)) out.push_back(c);
    return out;
}

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

bool FontPrebuild::take_fonts(ImFontAtlas *atlas, float scale, const std::vector<char32_t> &extra, Fonts &out) {
    bool ready = waiting_ && atlas == atlas_.get() && std::fabs(scale - scale_) < 1e-4f && extra.empty();
    waiting_ = false;
    if (ready) out = fonts_;
    return ready;
}

Fonts load_fonts(float scale, const std::vector<char32_t> &extra, FontPrebuild *prebuilt) {
    ImFontAtlas *atlas = ImGui::GetIO().Fonts;
    Fonts fonts;
    if (prebuilt && prebuilt->take_fonts(atlas, scale, extra, fonts)) return fonts;
    return load_fonts(atlas, scale, extra);
}

Fonts load_fonts(ImFontAtlas *atlas, float scale, const std::vector<char32_t> &extra) {
    Fonts fonts;
    fonts.extra = extra;
    auto ranges = std::make_shared<ImVector<ImWchar>>();
    {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(kTextRanges);
        for (char32_t c : extra) builder.AddChar(static_cast<ImWchar>(c));
        builder.BuildRanges(ranges.get());
    }
    fonts.ranges = ranges;
    bool cjk = std::any_of(extra.begin(), extra.end(), is_cjk_glyph);
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
    if (cjk && (!cjk_font(false).data || !cjk_font(true).data)) {
        fonts.problem = "Noto Sans CJK not found: " + cjk_font_path("NotoSansCJK-Regular.ttc") +
                        " (install fonts-noto-cjk): Chinese text shows as '?'";
        cjk = false;
    }

    auto add = [&](const char *file, float size_at_1080) {
        float size = size_at_1080 * scale;
        ImFontConfig cfg;
        cfg.OversampleH = 1; // FreeType renders at the final size; oversampling only costs memory
        ImFont *font = atlas->AddFontFromFileTTF(file, size, &cfg, ranges->Data);
        if (cjk) {
            // Merged after Noto Sans: a character both fonts have keeps Noto Sans's glyph.
            const MappedFont &face = cjk_font(file == bold);
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.OversampleH = 1;
            merge.FontNo = kSimplifiedChineseFace;
            // ImGui 1.86 copies font data it does not own, once per size: six copies of a 20 MB
            // font, most of the build time (page faults). So it is handed over as owned (no
            // copy) and at once marked as not owned (never freed): the mapping outlives every atlas.
            merge.FontDataOwnedByAtlas = true;
            // ImGui sizes a font by ascender + descender: Noto Sans's are 1.362 em, Noto Sans
            // CJK's 1.448 em, so at one size a Chinese character would be 6 % smaller than the
            // Latin em beside it. This gives both the same em.
            atlas->AddFontFromMemoryTTF(face.data, static_cast<int>(face.size), size * (1.448f / 1.362f), &merge,
                                        ranges->Data);
            atlas->ConfigData.back().FontDataOwnedByAtlas = false;
        }
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
