// --render-topic ID --out DIR: the topic authoring kit. Renders every screen of one topic (the
// overview, every step of every fix, the FAQ with each entry open, the success and ask-team
// screens) in landscape 1920x1080 and portrait 1080x1920, one PNG each, plus one contact sheet per
// orientation (thumbnails in reading order), so an author can proofread a topic without a kiosk.
// One window per orientation, every screen drawn in it in turn; no process per screen.
#pragma once

#include "core/catalog.hpp"
#include "core/config.hpp"

#include <string>
#include <vector>

namespace hs::app {

// One screen of the topic: its route and the name its picture gets ("01-overview", "02-fix1-step1").
struct TopicShot {
    std::string route, name;
};

// Every screen of `topic`, in the order the topic reads.
std::vector<TopicShot> topic_shots(const Topic &topic);

// Renders the topic into `out_dir` (created if missing). Returns the process exit code:
// 0 done, 2 unknown topic id, 1 anything else (no display, a file that cannot be written).
int render_topic(const std::string &id, const std::string &out_dir, const Catalog &catalog, const Config &config);

} // namespace hs::app
