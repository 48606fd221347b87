// Loading real plugins built by the test suite (tests/plugins): one good, one broken per way.
#include "core/catalog.hpp"
#include "probe/plugin_loader.hpp"
#include "support/test_paths.hpp"
#include "support/probe_setup.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

std::string plugin(const char *name) { return std::string(test_paths::mixed_plugins) + "/" + name + ".so"; }

std::string rejection_of(const hs::Catalog &c, const std::string &file) {
    for (const hs::Rejection &r : c.rejected)
        if (r.plugin == plugin(file.c_str())) return r.reason;
    return "(not rejected)";
}

} // namespace

TEST_CASE("A good plugin loads with all of its content", "[loader]") {
    hs::PluginCheck r = check_one(plugin("good"));
    REQUIRE_FALSE(r.rejection());
    REQUIRE(r.topic);
    const hs::Topic &t = *r.topic;
    CHECK(t.id == "test-topic");
    CHECK(t.title == "The test topic");
    CHECK(t.version == "1.2.3");
    CHECK(t.applies_to == "Test devices");
    CHECK(t.symptoms.size() == 2);
    REQUIRE(t.fixes.size() == 3);
    CHECK(t.fixes[0].steps.size() == 3);
    CHECK(t.fixes[0].steps[0].note == "A note.");
    CHECK(t.fixes[0].steps[1].caution == "A caution.");
    CHECK(t.step_count() == 6);
    CHECK(t.faq.size() == 2);
    REQUIRE(t.images.size() == 1);
    CHECK(t.images[0].name == "square");
    CHECK(t.images[0].width == 300); // rasterized from square.svg at build time
    CHECK(t.images[0].height == 200);
    CHECK(t.plugin_path == plugin("good"));
}

TEST_CASE("Each broken plugin is refused with its file and reason", "[loader]") {
    struct Case {
        const char *file;
        const char *reason;
    };
    const Case cases[] = {
        {"not-elf", "not a shared library (not an ELF file)"},
        {"no-entry", "no helpstation_plugin_entry() symbol"},
        {"wrong-abi", "abi_version: plugin ABI 2 is not supported"},
        {"empty-title", "title: missing or empty"},
        {"corrupt-picture", "images[1] 'corrupt': cannot be decoded as a PNG or JPEG picture"},
        {"bad-utf8", "summary: invalid UTF-8"},
        {"missing-picture", "fixes[0].steps[0].image: no picture named 'nowhere'"},
    };
    for (const Case &c : cases) {
        INFO(c.file);
        hs::PluginCheck r = check_one(plugin(c.file));
        CHECK_FALSE(r.topic);
        REQUIRE(r.rejection());
        CHECK(r.rejection()->plugin == plugin(c.file));
        CHECK_THAT(r.rejection()->reason, Catch::Contains(c.reason));
    }
}

TEST_CASE("A file that does not exist is refused, not fatal", "[loader]") {
    hs::PluginCheck r = check_one(plugin("no-such-plugin"));
    REQUIRE(r.rejection());
    CHECK_THAT(r.rejection()->reason, Catch::Contains("cannot read"));
}

TEST_CASE("A folder of good and broken plugins loads the good ones and names the rest", "[loader]") {
    hs::Catalog c = hs::load_catalog({test_paths::mixed_plugins}, test_probe());
    REQUIRE(c.topics.size() == 2); // test-topic and the higher version of the twins
    CHECK(c.find("test-topic"));
    const hs::Topic *twin = c.find("twin-topic");
    REQUIRE(twin);
    CHECK(twin->title == "Twin B"); // version 2.0.0 beats twin-a's 1.2.3, whatever the file order
    REQUIRE(c.shadowed.size() == 1);
    CHECK_THAT(c.shadowed[0].plugin, Catch::EndsWith("twin-a.so"));
    CHECK_THAT(c.shadowed[0].reason, Catch::Contains("shadowed by") && Catch::Contains("twin-b.so"));
    CHECK(c.rejected.size() == 7);
    for (const char *f : {"not-elf", "no-entry", "wrong-abi", "empty-title", "corrupt-picture", "bad-utf8",
                          "missing-picture"})
        CHECK(rejection_of(c, f) != "(not rejected)");
}

TEST_CASE("Missing plugin folders are reported and the others still load", "[loader]") {
    hs::Catalog c = hs::load_catalog({"/nonexistent/helpstation-plugins", test_paths::good_plugins}, test_probe());
    REQUIRE(c.topics.size() == 1);
    REQUIRE(c.rejected.size() == 1);
    CHECK(c.rejected[0].plugin == "/nonexistent/helpstation-plugins");
    CHECK(c.rejected[0].reason == "plugin folder does not exist");
    CHECK(c.rejected[0].kind == hs::RejectionKind::folder);
}

TEST_CASE("The bundled iMessage/FaceTime topic is complete", "[loader][content]") {
    hs::Catalog c = hs::load_catalog({test_paths::bundled_plugins}, test_probe());
    CHECK(c.rejected.empty());
    const hs::Topic *t = c.find("imessage-facetime-activation");
    REQUIRE(t);
    REQUIRE(t->fixes.size() == 5);
    const size_t steps[] = {6, 5, 4, 11, 6}; // one action a step (issue 17)
    for (size_t i = 0; i < 5; ++i) CHECK(t->fixes[i].steps.size() == steps[i]);
    CHECK(t->faq.size() >= 4);
    CHECK(t->images.size() >= 6);
    CHECK(t->symptoms.size() >= 4);
    for (const hs::Fix &fix : t->fixes) {
        bool has_picture = false;
        for (const hs::Step &s : fix.steps) has_picture = has_picture || !s.image.empty();
        CHECK(has_picture);
    }
    // Menu paths in the iOS 26 form, the article's where it gives that form.
    CHECK_THAT(t->symptoms[3], Catch::Contains("Settings > Apps > Messages > Send & Receive"));
    CHECK_THAT(t->fixes[2].steps[1].text, Catch::Contains("Settings > General > Date & Time"));
    CHECK_THAT(t->fixes[3].steps[5].note, Catch::Contains("Settings > General > Shut Down"));
}

TEST_CASE("The bundled iMessage/FaceTime topic says what a store can stand behind", "[loader][content]") {
    // Issue 17: the fact check of the seed topic. Every text a customer reads, in one list.
    hs::Catalog c = hs::load_catalog({test_paths::bundled_plugins}, test_probe());
    const hs::Topic *t = c.find("imessage-facetime-activation");
    REQUIRE(t);
    std::vector<std::string> texts = {t->title, t->summary, t->why, t->ask_team_note};
    for (const std::string &s : t->symptoms) texts.push_back(s);
    for (const hs::Fix &f : t->fixes) {
        texts.insert(texts.end(), {f.title, f.intro, f.outcome});
        for (const hs::Step &s : f.steps) texts.insert(texts.end(), {s.text, s.note, s.caution});
    }
    for (const hs::Faq &q : t->faq) texts.insert(texts.end(), {q.question, q.answer});
    for (const std::string &s : texts) {
        INFO(s);
        // One form of app settings (iOS 18 and later), and the account's current name.
        CHECK_THAT(s, !Catch::Contains("Settings > Messages") && !Catch::Contains("Settings > FaceTime"));
        CHECK_THAT(s, !Catch::Contains("Apple ID"));
        // The sign-out labels of the article that iOS does not show.
        CHECK_THAT(s, !Catch::Contains("Don't Erase") && !Catch::Contains("Confirm and Sign Out"));
    }
    // Only a SIM with the same number goes, and a team member is there when in doubt.
    const hs::Step &inactive = t->fixes[0].steps[1];
    CHECK_THAT(inactive.text, Catch::Contains("same phone number"));
    CHECK_THAT(inactive.caution, Catch::Contains("team member"));
    CHECK_THAT(t->fixes[0].steps[3].caution, Catch::Contains("number"));
    // The sender is chosen under Start New Conversations From.
    CHECK_THAT(t->fixes[0].steps[5].text, Catch::Contains("Start New Conversations From"));
    // Signing out: the iCloud data caution comes before the first tap.
    CHECK_THAT(t->fixes[3].steps[0].caution, Catch::Contains("iCloud"));
    // The update FAQ promises nothing.
    const hs::Faq &update = t->faq.back();
    CHECK_THAT(update.question, Catch::Contains("26.0.1"));
    CHECK_THAT(update.answer, !Catch::StartsWith("Yes"));
    CHECK_THAT(update.answer, Catch::Contains("latest"));
    // Online activation: a team member opens the page with the customer and checks it.
    CHECK_THAT(t->fixes[4].intro, Catch::Contains("team member"));
    CHECK_THAT(t->fixes[4].steps[0].note, Catch::Contains("apple.com"));
}

TEST_CASE("A picture is checked by its header at load, and decoded only when shown", "[loader]") {
    // Loading reads only the header; the probe then decodes every pixel, so the plugin check refuses
    // it (test_probe.cpp). Loaded without that (tests/ui), a broken picture becomes a placeholder.
    hs::LoadResult loaded = hs::load_plugin(std::string(test_paths::placeholder_plugins) + "/truncated-picture.so");
    REQUIRE(loaded.topic);
    const hs::Image *img = loaded.topic->find_image("truncated");
    REQUIRE(img);
    CHECK(img->width == 300);
    hs::PluginCheck checked = check_one(std::string(test_paths::placeholder_plugins) + "/truncated-picture.so");
    REQUIRE(checked.rejection());
    CHECK_THAT(checked.rejection()->reason, Catch::Contains("'truncated': pixels cannot be decoded"));
}

TEST_CASE("The edges of the ABI", "[loader][abi]") {
    auto load = [](const char *name) { return check_one(std::string(test_paths::abi_plugins) + "/" + name + ".so"); };
    SECTION("a plugin written against the C header alone loads") {
        hs::PluginCheck r = load("raw-c");
        REQUIRE(r.topic);
        CHECK(r.topic->title == "Written in C");
    }
    SECTION("a newer minor version (longer struct, reserved slot used) still loads") {
        hs::PluginCheck r = load("newer-minor");
        INFO((r.rejection() ? r.rejection()->reason : ""));
        REQUIRE(r.topic);
        CHECK(r.topic->id == "newer-minor");
        CHECK(r.topic->ask_team_note.empty()); // fields we do not know are not read as ours
    }
    SECTION("each broken edge is refused with its reason, never read past") {
        struct Case {
            const char *file, *reason, *also = "";
        };
        for (Case c : {Case{"abi-zero", "abi_version: plugin ABI 0 is not supported"},
                       Case{"short-struct", "is smaller than an ABI 1 topic", "struct_size:"},
                       Case{"returns-null", "helpstation_plugin_entry() returned NULL"},
                       // the builder keeps a topic file's exception inside the plugin
                       Case{"throws", "helpstation_plugin_entry() returned NULL"}}) {
            INFO(c.file);
            hs::PluginCheck r = load(c.file);
            REQUIRE(r.rejection());
            CHECK_THAT(r.rejection()->reason, Catch::Contains(c.reason) && Catch::Contains(c.also));
        }
    }
}
