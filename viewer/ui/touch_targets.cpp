#include "touch_targets.hpp"

namespace hs::ui {
namespace {
TouchTargets *g_targets = nullptr; // one UI per process, drawn on one thread
}

void begin_targets(TouchTargets &into) {
    into.clear();
    g_targets = &into;
}

void record_target(const std::string &name, bool enabled) {
    if (!g_targets) return;
    // Clip to the visible part of the window: a target scrolled out of view cannot be tapped.
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
    ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    min = ImVec2(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    max = ImVec2(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    if (max.x <= min.x || max.y <= min.y) return;
    g_targets->push_back({name, min, max, enabled});
}

} // namespace hs::ui
