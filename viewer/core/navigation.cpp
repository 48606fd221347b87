#include "navigation.hpp"

#include <sstream>
#include <vector>

namespace hs {

const Topic *Navigator::topic() const {
    return state_.topic.empty() ? nullptr : catalog_->find(state_.topic);
}

const Fix *Navigator::fix() const {
    const Topic *t = topic();
    if (!t || state_.fix < 0 || state_.fix >= static_cast<int>(t->fixes.size())) return nullptr;
    return &t->fixes[static_cast<size_t>(state_.fix)];
}

bool Navigator::is_last_step() const {
    const Fix *f = fix();
    return state_.screen == Screen::Step && f && state_.step == static_cast<int>(f->steps.size()) - 1;
}

void Navigator::home() { state_ = NavState{}; }

void Navigator::set_catalog(const Catalog &catalog) {
    std::string here = route();
    catalog_ = &catalog;
    if (state_.screen == Screen::Attract || state_.screen == Screen::Home) return;
    if (!open_route(here).empty()) home(); // the topic went away, or lost the fix we were on
}

void Navigator::attract() { state_ = NavState{Screen::Attract}; }

void Navigator::search() { state_ = NavState{Screen::Search}; }

void Navigator::ask_team() { state_ = NavState{Screen::AskTeam}; }

bool Navigator::open_topic(const std::string &id) {
    if (!catalog_->find(id)) return false;
    state_ = NavState{Screen::Topic, id};
    return true;
}

bool Navigator::start_fix(int n) {
    const Topic *t = topic();
    if (!t || n < 0 || n >= static_cast<int>(t->fixes.size())) return false;
    state_ = NavState{Screen::Step, state_.topic, n, 0};
    return true;
}

bool Navigator::next() {
    const Fix *f = fix();
    if (state_.screen != Screen::Step || !f || is_last_step()) return false;
    ++state_.step;
    return true;
}

bool Navigator::previous() {
    if (state_.screen != Screen::Step || state_.step == 0) return false;
    --state_.step;
    return true;
}

bool Navigator::answer(bool fixed) {
    if (!is_last_step()) return false;
    const Topic *t = topic();
    if (fixed) {
        state_ = NavState{Screen::Success, state_.topic, state_.fix, 0};
    } else if (state_.fix + 1 < static_cast<int>(t->fixes.size())) {
        state_ = NavState{Screen::Step, state_.topic, state_.fix + 1, 0};
    } else {
        state_ = NavState{Screen::AskTeam, state_.topic, state_.fix, 0};
    }
    return true;
}

bool Navigator::open_faq() {
    if (!topic()) return false;
    state_ = NavState{Screen::Faq, state_.topic};
    return true;
}

bool Navigator::toggle_faq(int entry) {
    const Topic *t = topic();
    if (state_.screen != Screen::Faq || !t || entry < 0 || entry >= static_cast<int>(t->faq.size())) return false;
    state_.open_faq = state_.open_faq == entry ? -1 : entry;
    return true;
}

bool Navigator::back() {
    const Topic *t = topic();
    switch (state_.screen) {
    case Screen::Attract:
    case Screen::Home:
        return false;
    case Screen::Topic:
    case Screen::Search:
        home();
        return true;
    case Screen::Faq:
        state_ = NavState{Screen::Topic, state_.topic};
        return true;
    case Screen::Step:
        if (state_.step > 0) return previous();
        state_ = NavState{Screen::Topic, state_.topic};
        return true;
    case Screen::Success:
    case Screen::AskTeam: {
        if (state_.topic.empty()) { // reached from a search that found nothing: back to it
            search();
            return true;
        }
        // Back to the question they answered: the last step of that fix.
        int steps = t ? static_cast<int>(t->fixes[static_cast<size_t>(state_.fix)].steps.size()) : 1;
        state_ = NavState{Screen::Step, state_.topic, state_.fix, steps - 1};
        return true;
    }
    }
    return false;
}

std::string Navigator::route() const {
    const std::string &id = state_.topic;
    switch (state_.screen) {
    case Screen::Attract: return "attract";
    case Screen::Home: return "home";
    case Screen::Topic: return id;
    case Screen::Faq:
        return state_.open_faq < 0 ? id + "/faq" : id + "/faq/" + std::to_string(state_.open_faq + 1);
    case Screen::Step:
        return id + "/fix/" + std::to_string(state_.fix + 1) + "/step/" + std::to_string(state_.step + 1);
    case Screen::Success: return id + "/fix/" + std::to_string(state_.fix + 1) + "/success";
    case Screen::AskTeam: return id.empty() ? "ask-team" : id + "/ask-team";
    case Screen::Search: return "search";
    }
    return "home";
}

namespace {

std::vector<std::string> split(const std::string &s) {
    std::vector<std::string> parts;
    std::stringstream in(s);
    std::string part;
    while (std::getline(in, part, '/')) parts.push_back(part);
    if (!s.empty() && s.back() == '/') parts.push_back("");
    return parts;
}

// A 1-based number within [1, count]; -1 otherwise.
int parse_index(const std::string &s, size_t count) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return -1;
    int n = std::stoi(s);
    return n >= 1 && static_cast<size_t>(n) <= count ? n - 1 : -1;
}

} // namespace

std::string Navigator::open_route(const std::string &route) {
    home();
    if (route.empty() || route == "home") return {};
    if (route == "attract") return attract(), std::string{};
    if (route == "search") return search(), std::string{};
    if (route == "ask-team") return ask_team(), std::string{};
    auto fail = [&](const std::string &why) {
        home();
        return "route '" + route + "': " + why;
    };
    std::vector<std::string> p = split(route);
    const Topic *t = catalog_->find(p[0]);
    if (!t) return fail("no topic '" + p[0] + "' is loaded");
    state_ = NavState{Screen::Topic, t->id};
    if (p.size() == 1) return {};

    if (p[1] == "faq") {
        if (p.size() == 2) return open_faq(), std::string{};
        if (p.size() != 3) return fail("expected TOPIC/faq/N");
        int n = parse_index(p[2], t->faq.size());
        if (n < 0) return fail("FAQ entry '" + p[2] + "' does not exist (1 to " + std::to_string(t->faq.size()) + ")");
        open_faq();
        toggle_faq(n);
        return {};
    }
    if (p[1] == "ask-team" && p.size() == 2) {
        state_ = NavState{Screen::AskTeam, t->id, static_cast<int>(t->fixes.size()) - 1, 0};
        return {};
    }
    if (p[1] != "fix" || p.size() < 3) return fail("expected faq, fix/N or ask-team after the topic");
    int fix = parse_index(p[2], t->fixes.size());
    if (fix < 0) return fail("fix '" + p[2] + "' does not exist (1 to " + std::to_string(t->fixes.size()) + ")");
    start_fix(fix);
    if (p.size() == 3) return {};
    const Fix &f = t->fixes[static_cast<size_t>(fix)];
    if (p.size() == 4 && (p[3] == "success" || p[3] == "fixed")) { // "fixed": the old name, kept as an alias
        state_ = NavState{Screen::Success, t->id, fix, 0};
        return {};
    }
    if (p.size() != 5 || p[3] != "step") return fail("expected TOPIC/fix/N/step/M");
    int step = parse_index(p[4], f.steps.size());
    if (step < 0) return fail("step '" + p[4] + "' does not exist (1 to " + std::to_string(f.steps.size()) + ")");
    state_.step = step;
    return {};
}

} // namespace hs
