#include "navigation.hpp"

#include <sstream>
#include <vector>

namespace hs {

const char *cause_name(Cause c) {
    switch (c) {
    case Cause::Intent: return "intent";
    case Cause::Route: return "route";
    case Cause::IdleReset: return "idle reset";
    case Cause::CatalogSwap: return "catalog swap";
    case Cause::Reload: return "reload";
    }
    return "?";
}

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

const Change &Navigator::report(const NavState &from, Cause cause, const Intent &intent) {
    Change c;
    c.from = from;
    c.to = state_;
    c.cause = cause;
    c.intent = intent;
    changes_.push_back(std::move(c));
    return changes_.back();
}

std::optional<Change> Navigator::apply(const Intent &intent) {
    NavState from = state_;
    if (!move(intent)) return std::nullopt;
    return report(from, Cause::Intent, intent);
}

Change Navigator::restart(Cause cause) {
    NavState from = state_;
    state_ = NavState{Screen::Attract};
    return report(from, cause);
}

void Navigator::set_catalog(std::shared_ptr<const Catalog> catalog) {
    std::string here = route();
    NavState from = state_;
    catalog_ = std::move(catalog);
    if (state_.screen == Screen::Attract || state_.screen == Screen::Home) return;
    if (!move_to(here).empty()) state_ = NavState{}; // the topic went away, or lost the fix we were on
    if (!(state_ == from)) report(from, Cause::CatalogSwap);
}

std::string Navigator::open_route(const std::string &route) {
    NavState from = state_;
    std::string why = move_to(route);
    report(from, Cause::Route);
    return why;
}

bool Navigator::move(const Intent &intent) {
    using K = Intent::Kind;
    const Topic *t = topic();
    switch (intent.kind) {
    case K::Home: state_ = NavState{}; return true;
    case K::Search: state_ = NavState{Screen::Search}; return true;
    case K::AskTeam: state_ = NavState{Screen::AskTeam}; return true;
    case K::OpenTopic:
        if (!catalog_->find(intent.topic)) return false;
        state_ = NavState{Screen::Topic, intent.topic};
        return true;
    case K::OpenResult: // a route that no longer opens leaves us Home, unless the topic still does
        if (!move_to(intent.route).empty()) move(Intent::open_topic(intent.topic));
        return true;
    case K::StartFix:
        if (!t || intent.index < 0 || intent.index >= static_cast<int>(t->fixes.size())) return false;
        state_ = NavState{Screen::Step, state_.topic, intent.index, 0};
        return true;
    case K::NextStep:
        if (state_.screen != Screen::Step || !fix() || is_last_step()) return false;
        ++state_.step;
        return true;
    case K::PrevStep:
        if (state_.screen != Screen::Step || state_.step == 0) return false;
        --state_.step;
        return true;
    case K::Answer:
        if (!is_last_step()) return false;
        if (intent.yes) {
            state_ = NavState{Screen::Success, state_.topic, state_.fix, 0};
        } else if (state_.fix + 1 < static_cast<int>(t->fixes.size())) {
            state_ = NavState{Screen::Step, state_.topic, state_.fix + 1, 0};
        } else {
            state_ = NavState{Screen::AskTeam, state_.topic, state_.fix, 0};
        }
        return true;
    case K::OpenFaq:
        if (!t) return false;
        state_ = NavState{Screen::Faq, state_.topic};
        return true;
    case K::ToggleFaq:
        if (state_.screen != Screen::Faq || !t || intent.index < 0 || intent.index >= static_cast<int>(t->faq.size()))
            return false;
        state_.open_faq = state_.open_faq == intent.index ? -1 : intent.index;
        return true;
    case K::Back:
        switch (state_.screen) {
        case Screen::Attract:
        case Screen::Home:
            return false;
        case Screen::Topic:
        case Screen::Search:
            state_ = NavState{};
            return true;
        case Screen::Faq:
            state_ = NavState{Screen::Topic, state_.topic};
            return true;
        case Screen::Step:
            if (state_.step > 0) return move(Intent::of(K::PrevStep));
            state_ = NavState{Screen::Topic, state_.topic};
            return true;
        case Screen::Success:
        case Screen::AskTeam: {
            if (state_.topic.empty()) { // reached from a search that found nothing: back to it
                state_ = NavState{Screen::Search};
                return true;
            }
            // Back to the question they answered: the last step of that fix.
            int steps = t ? static_cast<int>(t->fixes[static_cast<size_t>(state_.fix)].steps.size()) : 1;
            state_ = NavState{Screen::Step, state_.topic, state_.fix, steps - 1};
            return true;
        }
        }
        return false;
    default:
        return false; // the Session's, not the navigator's
    }
}

std::string Navigator::route_of(const NavState &s) {
    const std::string &id = s.topic;
    switch (s.screen) {
    case Screen::Attract: return "attract";
    case Screen::Home: return "home";
    case Screen::Topic: return id;
    case Screen::Faq:
        return s.open_faq < 0 ? id + "/faq" : id + "/faq/" + std::to_string(s.open_faq + 1);
    case Screen::Step:
        return id + "/fix/" + std::to_string(s.fix + 1) + "/step/" + std::to_string(s.step + 1);
    case Screen::Success: return id + "/fix/" + std::to_string(s.fix + 1) + "/success";
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

std::string Navigator::move_to(const std::string &route) {
    state_ = NavState{};
    if (route.empty() || route == "home") return {};
    if (route == "attract") return state_ = NavState{Screen::Attract}, std::string{};
    if (route == "search") return state_ = NavState{Screen::Search}, std::string{};
    if (route == "ask-team") return state_ = NavState{Screen::AskTeam}, std::string{};
    auto fail = [&](const std::string &why) {
        state_ = NavState{};
        return "route '" + route + "': " + why;
    };
    std::vector<std::string> p = split(route);
    const Topic *t = catalog_->find(p[0]);
    if (!t) return fail("no topic '" + p[0] + "' is loaded");
    state_ = NavState{Screen::Topic, t->id};
    if (p.size() == 1) return {};

    if (p[1] == "faq") {
        if (p.size() == 2) return move(Intent::of(Intent::Kind::OpenFaq)), std::string{};
        if (p.size() != 3) return fail("expected TOPIC/faq/N");
        int n = parse_index(p[2], t->faq.size());
        if (n < 0) return fail("FAQ entry '" + p[2] + "' does not exist (1 to " + std::to_string(t->faq.size()) + ")");
        move(Intent::of(Intent::Kind::OpenFaq));
        move(Intent::toggle_faq(n));
        return {};
    }
    if (p[1] == "ask-team" && p.size() == 2) {
        state_ = NavState{Screen::AskTeam, t->id, static_cast<int>(t->fixes.size()) - 1, 0};
        return {};
    }
    if (p[1] != "fix" || p.size() < 3) return fail("expected faq, fix/N or ask-team after the topic");
    int fix = parse_index(p[2], t->fixes.size());
    if (fix < 0) return fail("fix '" + p[2] + "' does not exist (1 to " + std::to_string(t->fixes.size()) + ")");
    move(Intent::start_fix(fix));
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
