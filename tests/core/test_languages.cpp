// The visit's language (issue 18): the viewer's own words looked up string by string down the
// fallback from the catalogs the build compiled (viewer/po), every word of the template translated
// in every shipped language, the [language] settings checked like every other, the Session's
// language kept per visit, and topics localized once per language.
#include "core/config.hpp"
#include "core/languages.hpp"
#include "core/localized_topics.hpp"
#include "core/search.hpp"
#include "core/session.hpp"
#include "core/ui_text.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace hs;

namespace {

const std::string kPoDir = std::string(HELPSTATION_SOURCE_DIR) + "/viewer/po";

std::string read(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The msgids of a .pot or .po written with --no-wrap (one line each), header left out.
std::set<std::string> msgids(const std::string &text) {
    std::set<std::string> out;
    std::regex line(R"re(^msgid "(.*)"$)re");
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) {
        std::smatch m;
        if (std::regex_match(l, m, line) && !m[1].str().empty()) {
            std::string id = std::regex_replace(m[1].str(), std::regex(R"(\\")"), "\"");
            out.insert(std::regex_replace(id, std::regex(R"(\\\\)"), "\\"));
        }
    }
    return out;
}

UiText installed_words() {
    std::vector<std::string> problems;
    UiText text = UiText::load(VIEWER_LOCALE_DIR, problems);
    INFO(problems.size());
    CHECK(problems.empty());
    return text;
}

std::string problems_of(const ConfigResult &r) {
    std::string all;
    for (const ConfigProblem &p : r.problems) all += p.message() + "\n";
    return all;
}

} // namespace

TEST_CASE("The font atlas's characters include the viewer's own words in every language", "[language][cjk]") {
    UiText text = installed_words();
    Characters chars;
    add_characters("abc", chars);
    text.add_characters_to(chars);
    auto has = [&](char32_t c) { return std::binary_search(chars.begin(), chars.end(), c); };
    CHECK(has(U'a'));   // what was there stays
    CHECK(has(U'首'));  // "Home" in Chinese: 首页
    CHECK(has(U'页'));
    CHECK(has(U'ó'));   // "¿Se solucionó?"
    CHECK(has(U'¿'));
    CHECK(!has(U'龍')); // and not a whole CJK block
    CHECK(std::is_sorted(chars.begin(), chars.end()));
    CHECK(std::adjacent_find(chars.begin(), chars.end()) == chars.end());
}

TEST_CASE("fill puts arguments by position, in the translator's order", "[language]") {
    CHECK(fill("Fix {0} of {1}", {"2", "5"}) == "Fix 2 of 5");
    CHECK(fill("第 {1} 个中的第 {0} 个", {"2", "5"}) == "第 5 个中的第 2 个"); // reordered
    CHECK(fill("{0}{0}", {"a"}) == "aa");
    CHECK(fill("{{0}} is literal", {"x"}) == "{0} is literal");
    CHECK(fill("a {1} missing", {"x"}) == "a {1} missing"); // a translator's typo shows, not vanishes
    CHECK(fill("{x} {", {"x"}) == "{x} {");
}

TEST_CASE("The viewer's words come from the compiled catalogs, down the fallback, English otherwise", "[language]") {
    UiText text = installed_words();
    CHECK(text.languages() == std::vector<std::string>{"es", "zh-CN"});
    REQUIRE(text.find("es", "Did this fix it?"));
    CHECK(*text.find("es", "Did this fix it?") == "¿Se solucionó?");
    REQUIRE(text.find("es-MX", "Did this fix it?")); // no es_MX catalog: Spanish
    CHECK(*text.find("es-MX", "Did this fix it?") == "¿Se solucionó?");
    CHECK(*text.find("zh-CN", "Home") == "首页");
    CHECK(text.find("fr", "Home") == nullptr);
    CHECK(text.find("es", "A string nobody marked") == nullptr);

    Words es(&text, "es"), en(&text, "en"), fr(&text, "fr"), none;
    CHECK(std::string(es("Home")) == "Inicio");
    const char *english = "Home";
    CHECK(en(english) == english); // the source language: the very same text
    CHECK(fr(english) == english);
    CHECK(none(english) == english);
    CHECK(es.format("Fix {0} of {1}", {"2", "5"}) == "Solución 2 de 5");
    CHECK(es.in("zh-CN").format("Step {0} of {1}", {"1", "3"}) == "第 1 步，共 3 步");
}

TEST_CASE("A broken catalog of the viewer's words is left out with its file and reason, the others load",
          "[language]") {
    fs::path dir = fs::path(test_paths::output) / "viewer-words-broken";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(fs::path(VIEWER_LOCALE_DIR) / "es.mo", dir / "es.mo");
    std::ofstream(dir / "zh_CN.mo") << "not a catalog";
    std::ofstream(dir / "x.mo") << "";
    std::vector<std::string> problems;
    UiText text = UiText::load(dir.string(), problems);
    CHECK(text.languages() == std::vector<std::string>{"es"});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("x.mo: the name is not a language") != std::string::npos);
    CHECK(problems[1].find("zh_CN.mo: ") != std::string::npos);
    std::vector<std::string> none;
    CHECK(UiText::load((dir / "missing").string(), none).languages().empty());
    CHECK(none.empty());
}

TEST_CASE("Every string of the viewer's template is translated in every shipped language, and the template is "
          "current", "[language][po]") {
    std::set<std::string> pot = msgids(read(kPoDir + "/helpstation.pot"));
    REQUIRE(pot.size() > 50);
    CHECK(pot.count("Did this fix it?") == 1);
    CHECK(pot.count("Fix {0} of {1}") == 1);
    UiText text = installed_words();
    for (const std::string &language : {"es", "zh-CN"}) {
        std::vector<std::string> missing;
        for (const std::string &id : pot)
            if (!text.find(language, id)) missing.push_back(id);
        INFO(language << ": untranslated: " << (missing.empty() ? "" : missing.front()));
        CHECK(missing.empty());
    }
    // Each translation keeps the template's {N} places: a lost {0} would drop a number.
    for (const std::string &id : pot) {
        static const std::regex place(R"(\{\d\})");
        std::set<std::string> places;
        for (auto it = std::sregex_iterator(id.begin(), id.end(), place); it != std::sregex_iterator(); ++it)
            places.insert(it->str());
        for (const std::string &language : {"es", "zh-CN"}) {
            const std::string *t = text.find(language, id);
            if (!t) continue;
            for (const std::string &p : places) {
                INFO(language << ": " << id);
                CHECK(t->find(p) != std::string::npos);
            }
        }
    }
    // The template says what the code marks today: extracted again, the same strings.
    fs::path fresh = fs::path(test_paths::output) / "viewer-words.pot";
    std::string cmd = "cd '" + std::string(HELPSTATION_SOURCE_DIR) +
                      "' && xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=tr --keyword=trf:1 "
                      "--keyword=N_ --keyword=words --no-wrap -o '" + fresh.string() + "' viewer/ui/*.cpp";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(msgids(read(fresh)) == pot);
}

TEST_CASE("[language] default and offered: normalized, named, the default always offered", "[language][config]") {
    ConfigResult defaults = parse_config("", "t.toml");
    CHECK(defaults.config.languages.default_language == "en");
    CHECK(defaults.config.languages.offered == std::vector<std::string>{"en", "es", "zh-CN"});

    ConfigResult ok = parse_config("[language]\ndefault = \"es_MX\"\noffered = [\"es-MX\", \"en\", \"zh_CN\", \"en\"]\n",
                                   "t.toml");
    INFO(problems_of(ok));
    CHECK(ok.problems.empty());
    CHECK(ok.config.languages.default_language == "es-MX");
    CHECK(ok.config.languages.offered == std::vector<std::string>{"es-MX", "en", "zh-CN"}); // the repeat dropped

    ConfigResult bad = parse_config("[language]\ndefault = \"spanish\"\noffered = [\"en\", \"xx\", 3, \"es\"]\n",
                                    "/etc/hs/t.toml");
    REQUIRE(bad.problems.size() == 3);
    CHECK(bad.problems[0].message() ==
          "/etc/hs/t.toml:2: language.default: must be a language such as \"es\" or \"zh-CN\", got \"spanish\"");
    CHECK(bad.problems[1].key == "language.offered[1]");
    CHECK(bad.problems[1].reason.find("no name known for the language \"xx\"") == 0);
    CHECK(bad.problems[2].message() == "/etc/hs/t.toml:3: language.offered[2]: expected a string, got an integer");
    CHECK(bad.config.languages.default_language == "en");
    CHECK(bad.config.languages.offered == std::vector<std::string>{"en", "es"});

    ConfigResult missing = parse_config("[language]\ndefault = \"es\"\noffered = [\"en\", \"zh-CN\"]\n", "t.toml");
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].message() == "t.toml:3: language.offered: does not include the default language \"es\"; "
                                           "added first");
    CHECK(missing.config.languages.offered == std::vector<std::string>{"es", "en", "zh-CN"});

    ConfigResult empty = parse_config("[language]\noffered = []\n", "t.toml");
    REQUIRE(empty.problems.size() == 1);
    CHECK(empty.problems[0].key == "language.offered");
    CHECK(empty.config.languages.offered == LanguageSettings{}.offered);
}

TEST_CASE("Each language is offered by its own name", "[language]") {
    CHECK(own_name("en") == "English");
    CHECK(own_name("es") == "Español");
    CHECK(own_name("es_MX") == "Español");
    CHECK(own_name("zh-CN") == "中文");
    CHECK(own_name("ar") == "العربية");
    CHECK(own_name("xx").empty());
    CHECK(own_name("not a locale").empty());
}

TEST_CASE("The visit's language: only an offered one is taken, and the reset brings back the default",
          "[language][session]") {
    Catalog catalog;
    Navigator nav(catalog);
    SessionConfig config;
    config.language = "en";
    config.languages_offered = {"en", "es"};
    Session session(nav, config, 0);
    CHECK(session.language() == "en");
    CHECK_FALSE(session.set_language("zh-CN")); // not offered here
    CHECK(session.language() == "en");
    CHECK(session.set_language("es"));
    CHECK(session.language() == "es");
    session.cycle_text_size();
    session.reset(1000, Cause::IdleReset);
    CHECK(session.language() == "en");
    CHECK(session.text_size() == 100);
}

TEST_CASE("Topics are localized once per topic and language, and again for a new copy of the topic",
          "[language]") {
    Topic t;
    t.id = "t";
    t.version = "1";
    t.title = "Restart your iPhone.";
    t.category = "Calls";
    Translation es;
    es.locale = "es";
    es.strings = std::make_shared<const std::map<std::string, std::string>>(
        std::map<std::string, std::string>{{"Restart your iPhone.", "Reinicia tu iPhone."}});
    t.translations.push_back(es);

    LocalizedTopics cache;
    CHECK(&cache.get(t, "en") == &t); // the source language: the topic itself, no copy
    const Topic &a = cache.get(t, "es");
    CHECK(a.title == "Reinicia tu iPhone.");
    CHECK(a.category == "Calls"); // untranslated: English
    CHECK(&cache.get(t, "es") == &a);   // made once
    CHECK(&cache.get(t, "es-MX") != &a); // its own language (the same text, down the fallback)
    CHECK(cache.get(t, "es-MX").title == "Reinicia tu iPhone.");
    Topic copy = t; // a new catalog's copy of the topic
    copy.title = "Restart your iPhone.";
    CHECK(&cache.get(copy, "es") != &t);
    CHECK(cache.size() == 2);
}

TEST_CASE("Spanish search: accents and ñ fold, and the localized catalog finds Spanish words", "[language][search]") {
    Topic t;
    t.id = "t";
    t.version = "1";
    t.title = "The phone does not turn on";
    t.why = "The battery is empty this year.";
    Translation es;
    es.locale = "es";
    es.strings = std::make_shared<const std::map<std::string, std::string>>(std::map<std::string, std::string>{
        {"The phone does not turn on", "El teléfono no enciende"}, {"The battery is empty this year.", "La batería está vacía este año."}});
    t.translations.push_back(es);
    Catalog english;
    english.topics = {t};
    english.search = SearchIndex::build(english.topics);
    LocalizedTopics cache;
    const Catalog &spanish = cache.catalog(english, "es");
    CHECK(&cache.catalog(english, "es") == &spanish); // made once
    CHECK(&cache.catalog(english, "en") == &english);
    for (const char *query : {"telefono", "TELÉFONO", "bateria", "ano", "año", "enciende"}) {
        std::vector<SearchHit> hits = search(spanish, query);
        INFO(query);
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].topic == "t");
    }
    CHECK(search(spanish, "telefono")[0].title == "El teléfono no enciende");
    CHECK(search(english, "telefono").empty()); // the English text has no Spanish words
}
