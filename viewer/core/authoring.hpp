// Advice for topic authors: things that load fine but make a topic worse on a kiosk. Shown by
// `helpstation --validate`; they never keep a plugin out. No GL, no ImGui.
#pragma once

#include "content.hpp"

#include <string>
#include <vector>

namespace hs {

// A step (with its note and caution) longer than this is more than one screen of text at 200 %
// in portrait, even without its picture (about ten lines of ~22 characters of the 88 px step
// font). A heuristic from character counts, not a layout: shorter steps may still scroll there.
constexpr size_t kLongStepChars = 220;

// "field: advice" lines, e.g. "fixes[1]: no step has a picture", or a step's picture without an alt text.
std::vector<std::string> authoring_warnings(const Topic &topic);

} // namespace hs
