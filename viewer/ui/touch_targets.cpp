#include "touch_targets.hpp"

#include <algorithm>

namespace hs::ui {

const TouchTarget *TouchTargetList::at(float x, float y) const {
    const TouchTarget *hit = nullptr;
    for (const TouchTarget &t : items)
        if (t.layer == top_layer && x >= t.min.x && x < t.max.x && y >= t.min.y && y < t.max.y) hit = &t;
    return hit && hit->enabled ? hit : nullptr;
}

void TouchTargetList::record(const std::string &name, bool enabled) {
    // Clip to the visible part of the window: a target scrolled out of view cannot be tapped.
    ImVec2 item_min = ImGui::GetItemRectMin(), item_max = ImGui::GetItemRectMax();
    ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
    ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    ImVec2 min(std::max(item_min.x, clip_min.x), std::max(item_min.y, clip_min.y));
    ImVec2 max(std::min(item_max.x, clip_max.x), std::min(item_max.y, clip_max.y));
    if (max.x <= min.x || max.y <= min.y) return;
    bool clipped = min.x != item_min.x || min.y != item_min.y || max.x != item_max.x || max.y != item_max.y;
    items.push_back({name, min, max, enabled, clipped, top_layer});
}

} // namespace hs::ui
