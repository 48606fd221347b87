#include "core/authoring.hpp"

#include <catch2/catch.hpp>

namespace {

hs::Topic complete_topic() {
    hs::Topic t;
    t.id = "t";
    t.icon = "icon";
    t.symptoms = {"It does not work."};
    t.faq = {{"Why?", "Because."}};
    hs::Fix fix;
    fix.title = "Restart";
    fix.steps = {{"Hold the side button.", "restart", "", ""}, {"Wait.", "", "", ""}};
    t.fixes = {fix};
    hs::Image restart, reset;
    restart.name = "restart";
    restart.alt = "The power-off slider.";
    reset.name = "reset";
    reset.alt = "The Reset menu.";
    t.images = {restart, reset};
    return t;
}

bool mentions(const std::vector<std::string> &warnings, const std::string &what) {
    for (const std::string &w : warnings)
        if (w.find(what) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("A complete topic gets no authoring warnings", "[authoring]") {
    CHECK(hs::authoring_warnings(complete_topic()).empty());
}

TEST_CASE("Authoring warnings name a fix without pictures, a long step, no FAQ, no icon", "[authoring]") {
    hs::Topic t = complete_topic();
    t.faq.clear();
    t.icon.clear();
    t.fixes[0].steps[0].image.clear();
    hs::Fix second = t.fixes[0];
    second.title = "Reset";
    second.steps[0].image = "reset";
    second.steps[1].text = std::string(hs::kLongStepChars - 10, 'a');
    second.steps[1].note = std::string(20, 'b'); // the note counts too: 10 over
    t.fixes.push_back(second);
    std::vector<std::string> w = hs::authoring_warnings(t);
    CHECK(w.size() == 4);
    CHECK(mentions(w, "faq: no questions"));
    CHECK(mentions(w, "icon: no icon"));
    CHECK(mentions(w, "fixes[0] 'Restart': no step has a picture"));
    CHECK(mentions(w, "fixes[1].steps[1]: " + std::to_string(hs::kLongStepChars + 10) + " characters"));
    CHECK_FALSE(mentions(w, "fixes[1] 'Reset'")); // it has a picture
}

TEST_CASE("Step length is counted in characters, not bytes", "[authoring]") {
    hs::Topic t = complete_topic();
    std::string e_acute = "\xC3\xA9"; // two bytes, one letter
    t.fixes[0].steps[1].text.clear();
    for (size_t i = 0; i < hs::kLongStepChars; ++i) t.fixes[0].steps[1].text += e_acute;
    CHECK(hs::authoring_warnings(t).empty()); // exactly at the limit: fine
}

TEST_CASE("A step picture without an alt text is named once, at the first step that shows it", "[authoring]") {
    hs::Topic t = complete_topic();
    t.images[0].alt.clear(); // "restart"
    t.fixes[0].steps[1].image = "restart";
    hs::Fix second = t.fixes[0];
    second.steps[0].image = "reset"; // has one
    t.fixes.push_back(second);
    std::vector<std::string> w = hs::authoring_warnings(t);
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "fixes[0].steps[0].image 'restart': the picture has no alt text (say what it shows: "
                  "t.alt(\"restart\", \"...\"))");
    t.images[0].alt = "The power-off slider.";
    CHECK(hs::authoring_warnings(t).empty());
}
