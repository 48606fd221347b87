// The texture cache keeps to its memory budget by dropping the pictures drawn longest ago (never
// one on screen in this frame), frees a topic's pictures (but its card icon) when the customer
// leaves it, and decodes the next picture ahead on its worker. Counts, not times.
#include "app/kiosk_renderer.hpp"
#include "app/window.hpp"
#include "core/catalog.hpp"
#include "support/display.hpp"
#include "support/probe_setup.hpp"
#include "support/test_paths.hpp"
#include "ui/kiosk.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

struct Gl {
    hs::Clock clock;
    hs::app::Window window{hs::app::WindowOptions{std::make_pair(1920, 1080), 0, false}, clock,
                           [](const hs::InputEvent &) {}};
};

Gl &gl() {
    e2e::ensure_display();
    static Gl instance; // one window (and GL context) per test process
    REQUIRE(instance.window.ok());
    return instance;
}

const hs::Catalog &bundled() {
    static hs::Catalog catalog = hs::load_catalog({test_paths::bundled_plugins}, test_probe());
    return catalog;
}

// The step pictures of the seed topic's first fix, in order (each 600x1100: 3.5 MiB with mipmaps).
std::vector<std::string> step_pictures(const hs::Topic &topic) {
    std::vector<std::string> names;
    for (const hs::Step &s : topic.fixes.at(0).steps)
        if (!s.image.empty() && std::find(names.begin(), names.end(), s.image) == names.end()) names.push_back(s.image);
    return names;
}

} // namespace

TEST_CASE("texture cache: over budget it drops the picture drawn longest ago, never one drawn in this frame",
          "[ui][textures]") {
    gl();
    const hs::Topic *topic = bundled().find("imessage-facetime-activation");
    REQUIRE(topic);
    std::vector<std::string> pics = step_pictures(*topic);
    REQUIRE(pics.size() >= 3);
    std::vector<std::string> reports;
    hs::ui::TextureCache cache([&](const std::string &, const std::string &r) { reports.push_back(r); },
                               8u * 1024 * 1024); // two step pictures fit, three do not
    cache.set_topic(topic);
    for (int i = 0; i < 3; ++i) { // one picture a frame, as a customer steps through
        cache.begin_frame();
        REQUIRE(cache.get(*topic, pics[i]).ok());
    }
    CHECK(cache.counts().evicted == 1);
    CHECK_FALSE(cache.holds(topic->id, pics[0])); // the oldest went
    CHECK(cache.holds(topic->id, pics[1]));
    CHECK(cache.holds(topic->id, pics[2]));
    CHECK(cache.bytes() <= cache.budget());

    // Three pictures on screen at once: over budget, but none of them is taken from under the frame.
    cache.begin_frame();
    for (int i = 0; i < 3; ++i) REQUIRE(cache.get(*topic, pics[i]).ok());
    for (int i = 0; i < 3; ++i) CHECK(cache.holds(topic->id, pics[i]));
    CHECK(cache.bytes() > cache.budget());
    // The next frame shows one of them: the first new picture brings the cache back within budget.
    cache.begin_frame();
    REQUIRE(cache.get(*topic, pics[2]).ok());
    REQUIRE(pics.size() >= 4);
    REQUIRE(cache.get(*topic, pics[3]).ok());
    CHECK(cache.bytes() <= cache.budget());
    CHECK(cache.holds(topic->id, pics[2]));
    CHECK(cache.holds(topic->id, pics[3]));
    CHECK(reports.empty());
}

TEST_CASE("texture cache: leaving a topic frees its pictures but keeps its card icon", "[ui][textures]") {
    gl();
    const hs::Topic *topic = bundled().find("imessage-facetime-activation");
    REQUIRE(topic);
    REQUIRE_FALSE(topic->icon.empty());
    hs::ui::TextureCache cache([](const std::string &, const std::string &) {});
    cache.set_topic(topic);
    CHECK(cache.topic_bytes() > 0); // the topic's pictures, read from its file while it is open
    cache.begin_frame();
    std::vector<std::string> pics = step_pictures(*topic);
    for (const std::string &p : pics) REQUIRE(cache.get(*topic, p).ok());
    REQUIRE(cache.get(*topic, topic->icon).ok());
    cache.set_topic(nullptr); // back home
    for (const std::string &p : pics) CHECK_FALSE(cache.holds(topic->id, p));
    CHECK(cache.holds(topic->id, topic->icon));
    CHECK(cache.size() == 1);
    CHECK(cache.counts().released == static_cast<long long>(pics.size()));
    CHECK(cache.topic_bytes() == 0);
}

TEST_CASE("texture cache: a prefetched picture is decoded on the worker and only uploaded when shown",
          "[ui][textures]") {
    gl();
    const hs::Topic *topic = bundled().find("imessage-facetime-activation");
    REQUIRE(topic);
    std::vector<std::string> pics = step_pictures(*topic);
    hs::ui::TextureCache cache([](const std::string &, const std::string &) {});
    cache.set_topic(topic);
    cache.prefetch(*topic, pics[1]);
    cache.wait_for_prefetch();
    CHECK_FALSE(cache.holds(topic->id, pics[1])); // decoded, not yet a texture
    cache.begin_frame();
    REQUIRE(cache.get(*topic, pics[1]).ok());
    REQUIRE(cache.get(*topic, pics[0]).ok());
    CHECK(cache.counts().decoded == 2);
    CHECK(cache.counts().prefetched == 1);
}

TEST_CASE("kiosk: the home screen after a topic holds no picture of that topic but card icons", "[ui][textures]") {
    Gl &g = gl();
    const hs::Catalog &catalog = bundled();
    hs::Navigator nav(catalog);
    REQUIRE(nav.open_route("imessage-facetime-activation/fix/1/step/2").empty());
    hs::Session session(nav, hs::SessionConfig{}, g.clock.now());
    hs::ui::Kiosk ui(nav, session, hs::GestureConfig{}, [](const std::string &, const std::string &) {});
    hs::app::KioskRenderer frame;
    auto draw = [&] {
        for (int i = 0; i < 2; ++i) frame.draw(ui, 1920, 1080, g.clock.now());
    };
    draw();
    const hs::Topic *topic = catalog.find("imessage-facetime-activation");
    const std::string shown = topic->fixes[0].steps[1].image;
    REQUIRE_FALSE(shown.empty());
    CHECK(ui.textures().holds(topic->id, shown));
    nav.home();
    draw();
    CHECK_FALSE(ui.textures().holds(topic->id, shown));
    for (const hs::Topic &t : catalog.topics) {
        INFO(t.id);
        for (const hs::Image &img : t.images)
            if (img.name != t.icon) CHECK_FALSE(ui.textures().holds(t.id, img.name));
    }
    CHECK(ui.textures().size() > 0); // the cards' icons
    CHECK(ui.textures().counts().released >= 1);
}
