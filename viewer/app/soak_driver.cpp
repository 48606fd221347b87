#include "soak_driver.hpp"

namespace hs::app {

void SoakDriver::plan_topic(const Topic &topic) {
    plan_.clear();
    at_ = 0;
    std::string id = topic.id;
    using K = Intent::Kind;
    plan_.push_back(Intent::of(K::Home));
    plan_.push_back(Intent::open_topic(id));
    // Fix 1 to its last step, "No" (on to fix 2, or the ask-a-team-member screen), the next fix
    // to its last step, "Yes".
    for (int fix = 0; fix < 2 && fix < static_cast<int>(topic.fixes.size()); ++fix) {
        if (fix == 0) plan_.push_back(Intent::start_fix(0));
        for (size_t s = 1; s < topic.fixes[fix].steps.size(); ++s) plan_.push_back(Intent::of(K::NextStep));
        plan_.push_back(Intent::answer(fix == 1));
    }
    plan_.push_back(Intent::open_topic(id));
    plan_.push_back(Intent::of(K::OpenFaq));
    for (int q = 0; q < 2 && q < static_cast<int>(topic.faq.size()); ++q) plan_.push_back(Intent::toggle_faq(q));
    plan_.push_back(Intent::of(K::Back));
}

bool SoakDriver::step(ui::Kiosk &kiosk, const Catalog &catalog) {
    if (left_ <= 0 || catalog.topics.empty()) return false;
    if (at_ >= plan_.size()) {
        if (next_topic_ >= catalog.topics.size()) {
            next_topic_ = 0;
            ++passes_;
        }
        plan_topic(catalog.topics[next_topic_++]);
    }
    kiosk.apply(plan_[at_++]); // an intent that does not apply (a one-fix topic) still counts: one frame
    --left_;
    ++done_;
    return true;
}

} // namespace hs::app
