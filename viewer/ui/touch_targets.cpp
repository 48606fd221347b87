#include "touch_targets.hpp"

#include <algorithm>

namespace hs::ui {
namespace {
TouchTargets *g_targets = nullptr; // one UI per process, drawn on one thread
int g_layer = 0;                   // of the list being recorded
}

void begin_targets(TouchTargets &into) {
    into.clear();
    g_targets = &into;
    g_layer = 0;
}

void cover_targets() { ++g_layer; }
int top_layer() { return g_layer; }

const TouchTarget *target_at(const TouchTargets &targets, int top, float x, float y) {
    const TouchTarget *hit = nullptr;
    for (const TouchTarget &t : targets)
        if (t.layer == top && x >= t.min.x && x < t.max.x && y >= t.min.y && y < t.max.y) hit = &t;
    return hit && hit->enabled ? hit : nullptr;
}

void record_target(const std::string &name, bool enabled) {
    if (!g_targets) return;
    // Clip to the visible part of the window: a target scrolled out of view cannot be tapped.
    ImVec2 item_min = ImGui::GetItemRectMin(), item_max = ImGui::GetItemRectMax();
    ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
    ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    ImVec2 min(std::max(item_min.x, clip_min.x), std::max(item_min.y, clip_min.y));
    ImVec2 max(std::min(item_max.x, clip_max.x), std::min(item_max.y, clip_max.y));
    if (max.x <= min.x || max.y <= min.y) return;
    bool clipped = min.x != item_min.x || min.y != item_min.y || max.x != item_max.x || max.y != item_max.y;
    g_targets->push_back({name, min, max, enabled, clipped, g_layer});
}

} // namespace hs::ui
