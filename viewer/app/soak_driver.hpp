// --soak N: N scripted navigations through every topic of the catalog, the way customers move
// (home -> topic -> fix 1 step by step -> "No" -> fix 2 step by step -> "Yes" -> FAQ entries ->
// home, then the next topic), one command per call. The frame loop draws a frame after each, so
// pictures are decoded and textures made and dropped as in a real day. bench/ reads the RSS it
// reports at the start, after the first pass through every topic, and at the end.
#pragma once

#include "core/catalog.hpp"
#include "core/intent.hpp"
#include "ui/kiosk.hpp"

#include <vector>

namespace hs::app {

class SoakDriver {
public:
    explicit SoakDriver(int navigations) : left_(navigations) {}

    // Asks `kiosk` for one navigation, the way a screen asks; false when all are done (or there
    // is no topic).
    bool step(ui::Kiosk &kiosk, const Catalog &catalog);
    int done() const { return done_; }
    // Every topic has been walked through once (the RSS measured after it is the warm start).
    bool first_pass_done() const { return passes_ > 0; }

private:
    void plan_topic(const Topic &topic);

    int left_;
    int done_ = 0;
    int passes_ = 0;
    size_t next_topic_ = 0;
    std::vector<Intent> plan_;
    size_t at_ = 0;
};

} // namespace hs::app
