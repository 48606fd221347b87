#include "authoring.hpp"

namespace hs {
namespace {

// Characters, not bytes: "é" is one letter on screen.
size_t characters(const std::string &s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

} // namespace

std::vector<std::string> authoring_warnings(const Topic &topic) {
    std::vector<std::string> out;
    if (topic.faq.empty()) out.push_back("faq: no questions and answers (customers look there when no fix helps)");
    if (topic.icon.empty()) out.push_back("icon: no icon (the home card shows a generic one)");
    if (topic.symptoms.empty()) out.push_back("symptoms: none (customers recognise their problem by them)");
    for (size_t f = 0; f < topic.fixes.size(); ++f) {
        const Fix &fix = topic.fixes[f];
        std::string where = "fixes[" + std::to_string(f) + "]";
        bool any_picture = false;
        for (size_t s = 0; s < fix.steps.size(); ++s) {
            const Step &step = fix.steps[s];
            any_picture = any_picture || !step.image.empty();
            size_t n = characters(step.text) + characters(step.note) + characters(step.caution);
            if (n > kLongStepChars)
                out.push_back(where + ".steps[" + std::to_string(s) + "]: " + std::to_string(n) +
                              " characters with its note and caution: more than a screen at 200 % text in portrait "
                              "(split it, or keep it under " + std::to_string(kLongStepChars) + ")");
        }
        if (!any_picture) out.push_back(where + " '" + fix.title + "': no step has a picture");
    }
    return out;
}

} // namespace hs
