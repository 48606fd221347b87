#include "authoring.hpp"

#include <set>

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
    // A step's picture without an alt text is silent for a customer who cannot see it (speech reads
    // the alt text). Once per picture, at the first step that shows it.
    std::set<std::string> told;
    for (size_t f = 0; f < topic.fixes.size(); ++f)
        for (size_t s = 0; s < topic.fixes[f].steps.size(); ++s) {
            const std::string &name = topic.fixes[f].steps[s].image;
            if (name.empty() || !told.insert(name).second) continue;
            const Image *img = topic.find_image(name);
            if (img && !img->alt.empty()) continue;
            out.push_back("fixes[" + std::to_string(f) + "].steps[" + std::to_string(s) + "].image '" + name +
                          "': the picture has no alt text (say what it shows: t.alt(\"" + name + "\", \"...\"))");
        }
    return out;
}

} // namespace hs
