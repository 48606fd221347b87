// bench-fonts: what the font atlas costs per language. The kiosk builds the atlas at every text
// size change (100, 150, 200 %) at several sizes; with Chinese topics it also holds the Chinese
// characters the catalog uses (ui/fonts.cpp). This builds the same atlas as the kiosk at a
// 1080 px screen, with the characters of the text files given (e.g. the topics' .po files) and
// without, and reports the build time (FreeType rasterizing, on the calling thread) and the
// texture's size (one byte a pixel: the kiosk uploads it as a single channel).
//
//   bench-fonts plugins/*/po/zh_CN.po
#include "core/used_characters.hpp"
#include "ui/fonts.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {
// CPU time of this thread: on a machine shared with other work, the part of the wall time that
// was really spent building (shown beside the wall time).
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
} // namespace

int main(int argc, char **argv) {
    hs::Characters used;
    hs::add_characters(hs::interface_text(), used);
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i]);
        std::stringstream text;
        text << in.rdbuf();
        hs::add_characters(text.str(), used);
    }
    std::vector<char32_t> extra = hs::ui::extra_characters(&used);
    std::string json = "{\"bench\":\"fonts\",\"extra_characters\":" + std::to_string(extra.size()) + ",\"figures\":[";
    std::fprintf(stderr, "%zu characters beyond Latin\n%-8s %-6s %10s %10s %12s %10s\n", extra.size(), "text", "CJK",
                 "build ms", "cpu ms", "texture", "MiB");
    bool first = true;
    for (int percent : {100, 150, 200})
        for (bool cjk : {false, true}) {
            ImFontAtlas atlas;
            auto t0 = std::chrono::steady_clock::now();
            double c0 = cpu_ms();
            hs::ui::Fonts fonts = hs::ui::load_fonts(&atlas, percent / 100.0f, cjk ? extra : std::vector<char32_t>{});
            double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            double cpu = cpu_ms() - c0;
            double mib = static_cast<double>(atlas.TexWidth) * atlas.TexHeight / (1024.0 * 1024.0);
            std::fprintf(stderr, "%-8d %-6s %10.1f %10.1f %5dx%-6d %10.2f%s%s\n", percent, cjk ? "yes" : "no", ms, cpu, atlas.TexWidth,
                         atlas.TexHeight, mib, fonts.problem.empty() ? "" : "  ", fonts.problem.c_str());
            char figure[256];
            std::snprintf(figure, sizeof figure,
                          "%s{\"text_size\":%d,\"cjk\":%s,\"build_ms\":%.1f,\"cpu_ms\":%.1f,\"width\":%d,\"height\":%d,"
                          "\"mib\":%.2f}",
                          first ? "" : ",", percent, cjk ? "true" : "false", ms, cpu, atlas.TexWidth, atlas.TexHeight, mib);
            json += figure;
            first = false;
        }
    std::printf("%s]}\n", json.c_str());
    return 0;
}
