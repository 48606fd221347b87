// Every transition of the navigator, on a catalog built in memory.
#include "core/navigation.hpp"

#include <catch2/catch.hpp>

namespace {

hs::Topic make_topic(const std::string &id, std::vector<int> steps_per_fix, int faq) {
    hs::Topic t;
    t.id = id;
    t.title = "Topic " + id;
    for (size_t i = 0; i < steps_per_fix.size(); ++i) {
        hs::Fix f;
        f.title = "Fix " + std::to_string(i + 1);
        for (int s = 0; s < steps_per_fix[i]; ++s) f.steps.push_back({"Step " + std::to_string(s + 1), "", "", ""});
        t.fixes.push_back(f);
    }
    for (int q = 0; q < faq; ++q) t.faq.push_back({"Q" + std::to_string(q + 1), "A"});
    return t;
}

hs::Catalog make_catalog() {
    hs::Catalog c;
    c.topics.push_back(make_topic("wifi", {3, 1, 2}, 2));
    c.topics.push_back(make_topic("esim", {2}, 0));
    return c;
}

} // namespace

TEST_CASE("Navigation starts at home and opens topics", "[navigation]") {
    hs::Catalog c = make_catalog();
    hs::Navigator nav(c);
    CHECK(nav.state().screen == hs::Screen::Home);
    CHECK(nav.route() == "home");
    CHECK_FALSE(nav.back()); // nothing behind home
    CHECK_FALSE(nav.open_topic("nope"));
    CHECK(nav.state().screen == hs::Screen::Home);
    REQUIRE(nav.open_topic("wifi"));
    CHECK(nav.state().screen == hs::Screen::Topic);
    CHECK(nav.route() == "wifi");
    CHECK(nav.topic()->id == "wifi");
}

TEST_CASE("Walking through the steps of a fix", "[navigation]") {
    hs::Catalog c = make_catalog();
    hs::Navigator nav(c);
    nav.open_topic("wifi");
    REQUIRE(nav.start_fix(0));
    CHECK(nav.route() == "wifi/fix/1/step/1");
    CHECK_FALSE(nav.previous());
    CHECK_FALSE(nav.is_last_step());
    CHECK_FALSE(nav.answer(true)); // the question is only asked on the last step
    REQUIRE(nav.next());
    REQUIRE(nav.next());
    CHECK(nav.route() == "wifi/fix/1/step/3");
    CHECK(nav.is_last_step());
    CHECK_FALSE(nav.next()); // no step after the last: the customer answers instead
    REQUIRE(nav.back());
    CHECK(nav.route() == "wifi/fix/1/step/2");
}

TEST_CASE("Back from the first step returns to the topic, and from the topic to home", "[navigation]") {
    hs::Catalog c = make_catalog();
    hs::Navigator nav(c);
    nav.open_topic("wifi");
    nav.start_fix(1);
    REQUIRE(nav.back());
    CHECK(nav.state().screen == hs::Screen::Topic);
    REQUIRE(nav.back());
    CHECK(nav.state().screen == hs::Screen::Home);
}

TEST_CASE("Did this fix it? Yes goes to the success screen after any fix", "[navigation]") {
    hs::Catalog c = make_catalog();
    for (int fix = 0; fix < 3; ++fix) {
        hs::Navigator nav(c);
        nav.open_topic("wifi");
        nav.start_fix(fix);
        while (nav.next()) {}
        REQUIRE(nav.answer(true));
        CHECK(nav.state().screen == hs::Screen::Success);
        CHECK(nav.state().fix == fix);
        CHECK(nav.route() == "wifi/fix/" + std::to_string(fix + 1) + "/success");
        // Back from success returns to the question that was answered.
        REQUIRE(nav.back());
        CHECK(nav.is_last_step());
        CHECK(nav.state().fix == fix);
    }
}

TEST_CASE("Did this fix it? No moves on to the next fix, then to a team member", "[navigation]") {
    hs::Catalog c = make_catalog();
    hs::Navigator nav(c);
    nav.open_topic("wifi");
    nav.start_fix(0);
    while (nav.next()) {}
    REQUIRE(nav.answer(false));
    CHECK(nav.route() == "wifi/fix/2/step/1");
    CHECK(nav.is_last_step()); // fix 2 has a single step
    REQUIRE(nav.answer(false));
    CHECK(nav.route() == "wifi/fix/3/step/1");
    nav.next();
    REQUIRE(nav.answer(false));
    CHECK(nav.state().screen == hs::Screen::AskTeam);
    CHECK(nav.route() == "wifi/ask-team");
    REQUIRE(nav.back());
    CHECK(nav.route() == "wifi/fix/3/step/2");
}

TEST_CASE("The FAQ opens one entry at a time", "[navigation]") {
    hs::Catalog c = make_catalog();
    hs::Navigator nav(c);
    CHECK_FALSE(nav.open_faq()); // no topic yet
    nav.open_topic("wifi");
    REQUIRE(nav.open_faq());
    CHECK(nav.route() == "wifi/faq");
    CHECK_FALSE(nav.toggle_faq(2));
    REQUIRE(nav.toggle_faq(1));
    CHECK(nav.state().open_faq == 1);
    CHECK(nav.route() == "wifi/faq/2");
    REQUIRE(nav.toggle_faq(0));
    CHECK(nav.state().open_faq == 0);
    REQUIRE(nav.toggle_faq(0));
    CHECK(nav.state().open_faq == -1);
    REQUIRE(nav.back());
    CHECK(nav.state().screen == hs::Screen::Topic);
}

TEST_CASE("Home works from every screen", "[navigation]") {
    hs::Catalog c = make_catalog();
    for (const char *route : {"wifi", "wifi/faq", "wifi/faq/1", "wifi/fix/1", "wifi/fix/1/step/3", "wifi/fix/2/success",
                              "wifi/ask-team", "esim/fix/1/step/2"}) {
        hs::Navigator nav(c);
        REQUIRE(nav.open_route(route).empty());
        CHECK(nav.route() == (std::string(route) == "wifi/fix/1" ? "wifi/fix/1/step/1" : route));
        nav.home();
        CHECK(nav.state() == hs::NavState{});
    }
}

TEST_CASE("Valid deep-link routes open the right screen", "[navigation][routes]") {
    hs::Catalog c = make_catalog();
    hs::Navigator nav(c);
    CHECK(nav.open_route("home").empty());
    CHECK(nav.state().screen == hs::Screen::Home);
    CHECK(nav.open_route("esim").empty());
    CHECK(nav.state().screen == hs::Screen::Topic);
    CHECK(nav.open_route("wifi/faq").empty());
    CHECK(nav.state().screen == hs::Screen::Faq);
    CHECK(nav.open_route("wifi/fix/3").empty());
    CHECK((nav.state().fix == 2 && nav.state().step == 0));
    CHECK(nav.open_route("wifi/fix/1/step/3").empty());
    CHECK((nav.state().screen == hs::Screen::Step && nav.state().fix == 0 && nav.state().step == 2));
}

TEST_CASE("The success screen's old route name still opens it", "[navigation][routes]") {
    // Routes were renamed once (fixed -> success); the old name is an alias for a release.
    hs::Catalog c = make_catalog();
    hs::Navigator nav(c);
    REQUIRE(nav.open_route("wifi/fix/2/fixed").empty());
    CHECK((nav.state().screen == hs::Screen::Success && nav.state().fix == 1));
    CHECK(nav.route() == "wifi/fix/2/success"); // shown under its one name
}

TEST_CASE("Invalid routes fall back to home with a reason", "[navigation][routes]") {
    hs::Catalog c = make_catalog();
    struct Case {
        const char *route, *reason;
    };
    for (Case k : {Case{"nope", "no topic 'nope'"}, Case{"wifi/fix/0", "fix '0' does not exist (1 to 3)"},
                   Case{"wifi/fix/4", "fix '4' does not exist"}, Case{"wifi/fix/one", "fix 'one' does not exist"},
                   Case{"wifi/fix/1/step/4", "step '4' does not exist (1 to 3)"},
                   Case{"wifi/fix/1/step", "expected TOPIC/fix/N/step/M"}, Case{"wifi/faq/3", "FAQ entry '3'"},
                   Case{"esim/faq/1", "FAQ entry '1' does not exist"}, Case{"wifi/settings", "expected faq, fix/N"},
                   Case{"wifi/fix/1/step/1/extra", "expected TOPIC/fix/N/step/M"}, Case{"wifi/fix", "expected faq"}}) {
        INFO(k.route);
        hs::Navigator nav(c);
        nav.open_topic("esim"); // wherever we were, an invalid route lands on home
        std::string why = nav.open_route(k.route);
        CHECK_THAT(why, Catch::Contains(k.reason) && Catch::Contains(k.route));
        CHECK(nav.state() == hs::NavState{});
    }
}

TEST_CASE("route() and open_route() agree", "[navigation][routes]") {
    hs::Catalog c = make_catalog();
    hs::Navigator walker(c);
    walker.open_topic("wifi");
    walker.start_fix(0);
    do {
        hs::Navigator other(c);
        REQUIRE(other.open_route(walker.route()).empty());
        CHECK(other.state() == walker.state());
    } while (walker.next() || (walker.is_last_step() && walker.answer(false) && walker.state().screen == hs::Screen::Step));
}

// ---- Intents in, changes out ------------------------------------------------------------------

TEST_CASE("An intent the navigator applies comes back as one change with its cause", "[navigation][changes]") {
    hs::Catalog c = make_catalog();
    hs::Navigator nav(c);
    REQUIRE(nav.open_route("wifi/fix/1/step/3").empty());
    nav.take_changes();
    std::optional<hs::Change> no = nav.apply(hs::Intent::answer(false));
    REQUIRE(no);
    CHECK(no->cause == hs::Cause::Intent);
    CHECK(no->answered_no());
    CHECK(hs::Navigator::route_of(no->from) == "wifi/fix/1/step/3");
    CHECK(hs::Navigator::route_of(no->to) == "wifi/fix/2/step/1");
    CHECK(no->new_page());
    // The same change is in the list the kiosk takes, once.
    REQUIRE(nav.changes().size() == 1);
    CHECK(nav.changes()[0].to == no->to);
    // An intent that does not apply here changes nothing and reports nothing.
    CHECK_FALSE(nav.apply(hs::Intent::of(hs::Intent::Kind::PrevStep)));
    CHECK_FALSE(nav.apply(hs::Intent::of(hs::Intent::Kind::StillHere))); // the session's, not the navigator's
    CHECK(nav.take_changes().size() == 1);
    CHECK(nav.changes().empty());
}

TEST_CASE("Routes, a catalog swap and a restart are reported with their causes", "[navigation][changes]") {
    hs::Catalog c = make_catalog();
    auto shared = std::make_shared<hs::Catalog>(c);
    hs::Navigator nav(shared);
    CHECK(&nav.catalog() == shared.get());
    nav.open_route("esim/fix/1/step/2");
    // Opening the FAQ entry is the same page as the FAQ: it does not start at the top again.
    nav.open_route("wifi/faq");
    nav.toggle_faq(1);
    // A catalog without esim or wifi: we were on wifi's FAQ, so we go home.
    auto smaller = std::make_shared<hs::Catalog>();
    smaller->topics.push_back(c.topics[1]);
    smaller->topics.back().id = "other";
    nav.set_catalog(smaller);
    CHECK(&nav.catalog() == smaller.get());
    hs::Change reset = nav.restart(hs::Cause::IdleReset);
    std::vector<hs::Change> changes = nav.take_changes();
    REQUIRE(changes.size() == 5);
    CHECK(changes[0].cause == hs::Cause::Route);
    CHECK(changes[1].cause == hs::Cause::Route);
    CHECK(changes[2].cause == hs::Cause::Intent);
    CHECK(changes[2].intent.kind == hs::Intent::Kind::ToggleFaq);
    CHECK_FALSE(changes[2].new_page());
    CHECK(changes[3].cause == hs::Cause::CatalogSwap);
    CHECK(changes[3].to.screen == hs::Screen::Home);
    CHECK(changes[4].cause == hs::Cause::IdleReset);
    CHECK(changes[4].is_reset());
    CHECK(reset.to.screen == hs::Screen::Attract);
    // A catalog that still has the page we are on moves nothing, and says nothing.
    nav.open_route("other");
    nav.take_changes();
    nav.set_catalog(smaller);
    CHECK(nav.changes().empty());
}

TEST_CASE("A search result that no longer opens its route opens its topic", "[navigation][changes]") {
    hs::Catalog c = make_catalog();
    hs::Navigator nav(c);
    nav.search();
    std::optional<hs::Change> r = nav.apply(hs::Intent::open_result("wifi/fix/9", "wifi"));
    REQUIRE(r);
    CHECK(r->from.screen == hs::Screen::Search);
    CHECK(nav.route() == "wifi");
    nav.search();
    r = nav.apply(hs::Intent::open_result("gone/faq/1", "gone"));
    REQUIRE(r); // neither opens: home, and that is a move too
    CHECK(nav.route() == "home");
}
