// Admin diagnostics: what an operator needs to fix a kiosk without a developer. Loaded topics,
// refused plugins and every problem found (with file and reason), config problems, version,
// uptime, frame and memory figures.
#include "screens.hpp"
#include "widgets.hpp"

#include <cstdio>
#include <fstream>
#include <string>

namespace hs::ui {
namespace {

// A line of /proc/self/<file> starting with `key`, e.g. "Pss:" of smaps_rollup.
std::string proc_value(const char *file, const std::string &key) {
    std::ifstream in(std::string("/proc/self/") + file);
    std::string line;
    while (std::getline(in, line))
        if (line.compare(0, key.size(), key) == 0) {
            size_t start = line.find_first_not_of(" \t", key.size());
            return start == std::string::npos ? "" : line.substr(start);
        }
    return "unknown";
}

std::string uptime(Millis ms) {
    long s = static_cast<long>(ms / 1000);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%ldd %02ld:%02ld:%02ld", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    return buf;
}

} // namespace

void draw_diagnostics(const Context &ctx, ImVec2 screen) {
    const Theme &t = ctx.theme;
    const Palette &c = t.color;
    float bar = begin_admin_page(ctx, screen, "admin-diagnostics", "Diagnostics");

    ImGui::SetCursorPos(ImVec2(0, bar));
    ImGui::BeginChild("diagnostics-body", ImVec2(screen.x, screen.y - bar), false, ImGuiWindowFlags_NoBackground);
    float width = screen.x - 2 * t.margin();
    auto section = [&](const std::string &title) {
        ImGui::Dummy(ImVec2(0, t.gap()));
        ImGui::SetCursorPosX(t.margin());
        heading(ctx, title, width);
    };
    auto line = [&](ImU32 color, const std::string &text) {
        ImGui::SetCursorPosX(t.margin());
        wrapped_text(ctx.fonts.small, color, text, width);
    };

    section("Kiosk");
    const HostStatus &host = ctx.host;
    line(c.text, "Help Station 0.1.0, up " + uptime(ctx.now - ctx.session.started()));
    char figures[160];
    std::snprintf(figures, sizeof figures, "%llu frames drawn; last frame %.1f ms, slowest %.1f ms", host.frames,
                  host.last_frame_ms, host.slowest_frame_ms);
    line(c.text, figures);
    line(c.text, "Memory: RSS " + proc_value("status", "VmRSS:") + ", PSS " + proc_value("smaps_rollup", "Pss:") +
                     "; pictures in memory: " + std::to_string(ctx.textures.size()));
    line(c.text, "Config: " + (host.config_path.empty() ? std::string("none (defaults)") : host.config_path));
    for (const std::string &p : host.config_problems) line(c.caution, p);

    // The newest catalog, not the one on screen: an operator who just fixed a plugin sees it now.
    const Catalog &catalog = host.latest ? *host.latest : ctx.catalog;
    section("Topics loaded (" + std::to_string(catalog.topics.size()) + ")" +
            (catalog.loading ? ", more being checked" : ""));
    for (const Topic &topic : catalog.topics)
        line(c.text, topic.id + " " + topic.version + "  \xC2\xB7  " + topic.title + "  \xC2\xB7  " + topic.plugin_path);
    section("Plugins refused (" + std::to_string(catalog.rejected.size()) + ")");
    for (const Rejection &r : catalog.rejected)
        line(c.caution, std::string(kind_name(r.kind)) + ": " + r.plugin + ": " + r.reason);
    if (catalog.rejected.empty()) line(c.text_muted, "None.");
    section("Plugins shadowed by a higher version (" + std::to_string(catalog.shadowed.size()) + ")");
    for (const Rejection &r : catalog.shadowed) line(c.text, r.plugin + ": " + r.reason);
    if (catalog.shadowed.empty()) line(c.text_muted, "None.");
    section("Problems while running (" + std::to_string(host.problems.size()) + ")");
    for (const Rejection &r : host.problems) line(c.caution, r.plugin + ": " + r.reason);
    if (host.problems.empty()) line(c.text_muted, "None.");
    ImGui::Dummy(ImVec2(0, t.margin()));
    touch_scroll(ctx);
    ImGui::EndChild();
    ImGui::End();
}

} // namespace hs::ui
