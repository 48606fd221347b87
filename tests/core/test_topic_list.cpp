#include "core/topic_list.hpp"
#include "support/test_paths.hpp"
#include "support/probe_setup.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

TEST_CASE("The list-topics JSON is one object with counts and reasons", "[list]") {
    hs::Catalog c = hs::load_catalog({test_paths::mixed_plugins}, test_probe());
    nlohmann::json doc = nlohmann::json::parse(hs::list_topics_json(c));
    REQUIRE(doc.is_object());
    REQUIRE(doc["topics"].size() == 2);
    const nlohmann::json &t = doc["topics"][0];
    for (const char *key : {"id", "title", "version", "plugin", "fixes", "steps", "faq", "images"})
        CHECK(t.contains(key));
    auto good = std::find_if(doc["topics"].begin(), doc["topics"].end(),
                             [](const nlohmann::json &j) { return j["id"] == "test-topic"; });
    REQUIRE(good != doc["topics"].end());
    CHECK((*good)["fixes"] == 3);
    CHECK((*good)["steps"] == 6);
    CHECK((*good)["faq"] == 2);
    CHECK((*good)["images"] == 1);
    REQUIRE(doc["rejected"].size() == 7);
    REQUIRE(doc["shadowed"].size() == 1); // twin-a, under twin-b's higher version
    for (const nlohmann::json &r : doc["rejected"]) {
        CHECK_FALSE(r["plugin"].get<std::string>().empty());
        CHECK_FALSE(r["reason"].get<std::string>().empty());
        CHECK(r["kind"] == "refused"); // loaded without probes: nothing can be quarantined
    }
}

TEST_CASE("The list-topics text names loaded and rejected plugins", "[list]") {
    hs::Catalog c = hs::load_catalog({test_paths::mixed_plugins}, test_probe());
    std::string text = hs::list_topics_text(c);
    CHECK_THAT(text, Catch::Contains("2 topic(s) loaded") && Catch::Contains("7 plugin(s) rejected") &&
                         Catch::Contains("1 plugin(s) shadowed") &&
                         Catch::Contains("test-topic 1.2.3") && Catch::Contains("not-elf.so"));
}

TEST_CASE("The list-topics report says what kind of rejection each is", "[list]") {
    hs::Catalog c;
    c.rejected.push_back({"/plugins/crash.so", "killed by SIGSEGV during entry", hs::RejectionKind::quarantined});
    c.rejected.push_back({"/nowhere", "plugin folder does not exist", hs::RejectionKind::folder});
    nlohmann::json doc = nlohmann::json::parse(hs::list_topics_json(c));
    CHECK(doc["rejected"][0]["kind"] == "quarantined");
    CHECK(doc["rejected"][1]["kind"] == "folder");
    CHECK_THAT(hs::list_topics_text(c), Catch::Contains("quarantined: killed by SIGSEGV during entry"));
}

TEST_CASE("The list-topics JSON survives file names that are not UTF-8", "[list]") {
    hs::Catalog c;
    c.rejected.push_back({"/plugins/bad\xff.so", "not a shared library (not an ELF file)"});
    nlohmann::json doc = nlohmann::json::parse(hs::list_topics_json(c));
    REQUIRE(doc["rejected"].size() == 1);
    CHECK_THAT(doc["rejected"][0]["plugin"].get<std::string>(), Catch::StartsWith("/plugins/bad"));
}
