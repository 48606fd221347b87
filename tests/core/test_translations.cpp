// Translated topics (issue 18, part 1): the .mo reader on hostile bytes, the ABI 1.1 slot on real
// plugins old and new, string-by-string fallback, the extraction and the probe cache carrying
// catalogs, and the author's commands (--validate coverage, --export-pot) on the real Spanish topic.
#include "core/catalog.hpp"
#include "core/extraction.hpp"
#include "core/mo_file.hpp"
#include "core/pot.hpp"
#include "core/topic_list.hpp"
#include "core/translation.hpp"
#include "support/probe_setup.hpp"
#include "support/test_paths.hpp"

#include <helpstation/plugin.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;

// The 1.1 fields took reserved slots of the same size: a 1.0 plugin's struct is as long as ours.
static_assert(sizeof(hs_topic) == offsetof(hs_topic, ask_team_note) + 9 * sizeof(void *),
              "hs_topic changed size within ABI major version 1");
static_assert(offsetof(hs_topic, abi_minor) == offsetof(hs_topic, ask_team_note) + sizeof(void *),
              "abi_minor must take the first reserved slot");
static_assert(offsetof(hs_topic, image_alts) == offsetof(hs_topic, ask_team_note) + 6 * sizeof(void *),
              "support_url, fix_support_urls and image_alts take the next three reserved slots");

namespace {

// Writes a .mo file as msgfmt does (without the optional hash table), in either byte order; then
// lets a test bend one thing.
struct MoWriter {
    std::vector<std::pair<std::string, std::string>> entries; // msgid, msgstr; sorted by the caller
    bool big_endian = false;

    std::vector<unsigned char> bytes() const {
        std::vector<unsigned char> out;
        auto word = [&](uint32_t v) {
            for (int i = 0; i < 4; ++i)
                out.push_back(static_cast<unsigned char>(big_endian ? v >> (24 - 8 * i) : v >> (8 * i)));
        };
        uint32_t n = static_cast<uint32_t>(entries.size());
        uint32_t originals = 28, translations = originals + 8 * n, strings = translations + 8 * n;
        word(0x950412de);
        word(0);
        word(n);
        word(originals);
        word(translations);
        word(0);
        word(strings);
        std::string pool;
        std::vector<uint32_t> at_id, at_str;
        for (const auto &e : entries) {
            at_id.push_back(strings + static_cast<uint32_t>(pool.size()));
            pool += e.first + '\0';
        }
        for (const auto &e : entries) {
            at_str.push_back(strings + static_cast<uint32_t>(pool.size()));
            pool += e.second + '\0';
        }
        for (uint32_t i = 0; i < n; ++i) {
            word(static_cast<uint32_t>(entries[i].first.size()));
            word(at_id[i]);
        }
        for (uint32_t i = 0; i < n; ++i) {
            word(static_cast<uint32_t>(entries[i].second.size()));
            word(at_str[i]);
        }
        out.insert(out.end(), pool.begin(), pool.end());
        return out;
    }
};

const char *kHeader = "Content-Type: text/plain; charset=UTF-8\n";

MoWriter spanish() {
    MoWriter w;
    w.entries = {{"", kHeader}, {"Restart your iPhone.", "Reinicia tu iPhone."}, {"Tap Sign Out.", "Toca Cerrar sesión."}};
    return w;
}

void put_word(std::vector<unsigned char> &b, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + i] = static_cast<unsigned char>(v >> (8 * i));
}

std::string lang_plugin(const char *name) { return std::string(test_paths::lang_plugins) + "/" + name + ".so"; }
std::string bundled(const char *id) { return std::string(test_paths::bundled_plugins) + "/" + id + ".so"; }
const std::string kSpanishPo = std::string(HELPSTATION_SOURCE_DIR) + "/plugins/imessage-facetime-activation/po/es.po";

struct Run {
    int status = -1;
    std::string out;
};

// Runs a shell command, stdout captured; the viewer's config and cache belong to the test.
Run run(const std::string &command) {
    fs::path scratch = fs::path(test_paths::output) / "translations-xdg";
    fs::create_directories(scratch);
    std::string env = "XDG_CONFIG_HOME='" + scratch.string() + "' XDG_CACHE_HOME='" + scratch.string() + "' ";
    Run r;
    FILE *p = popen((env + command).c_str(), "r");
    if (!p) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int status = pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string sh_quote(const std::string &s) { return "'" + s + "'"; }

} // namespace

TEST_CASE("A .mo catalog is read in either byte order", "[translation][mo]") {
    for (bool big : {false, true}) {
        MoWriter w = spanish();
        w.big_endian = big;
        std::vector<unsigned char> b = w.bytes();
        hs::MoFile mo = hs::parse_mo(b.data(), b.size());
        INFO((big ? "big-endian" : "little-endian"));
        CHECK(mo.error.empty());
        CHECK(mo.strings.size() == 2); // the header is not a translation
        CHECK(mo.strings["Tap Sign Out."] == "Toca Cerrar sesión.");
    }
}

TEST_CASE("A malformed .mo catalog is refused with the reason, never read past", "[translation][mo]") {
    struct Case {
        std::string what, reason;
        std::vector<unsigned char> bytes;
    };
    std::vector<unsigned char> good = spanish().bytes();
    std::vector<Case> cases;
    cases.push_back({"text, not a catalog", "wrong magic 0x6967736d", {'m', 's', 'g', 'i', 'd', ' ', '"', '"', 0, 0, 0, 0,
                                                                       0,   0,   0,   0,   0,   0,   0,   0,   0,  0,  0, 0,
                                                                       0,   0,   0,   0}});
    cases.push_back({"cut inside the header", "cut short", std::vector<unsigned char>(good.begin(), good.begin() + 20)});
    {
        auto b = good;
        put_word(b, 12, 0xFFFFFF00); // the originals table far past the end
        cases.push_back({"table outside", "string table at 4294967040", b});
    }
    {
        auto b = good;
        put_word(b, 28 + 8 + 4, 0x7FFFFFFF); // msgid 1's offset far past the end
        cases.push_back({"string outside", "msgid 1: bytes 2147483647+20 lie outside the catalog", b});
    }
    {
        auto b = good;
        put_word(b, 28 + 8, 1000); // msgid 1 (at 77: after the 48-byte tables and the header's NUL) runs past the end
        cases.push_back({"length outside", "msgid 1: bytes 77+1000 lie outside the catalog", b});
    }
    {
        auto b = good;
        uint32_t to_end = static_cast<uint32_t>(b.size() - 77); // its NUL would be the byte after the last
        put_word(b, 28 + 8, to_end);
        cases.push_back({"NUL past the end", "msgid 1: bytes 77+" + std::to_string(to_end) + " lie outside", b});
    }
    {
        auto b = good;
        put_word(b, 28 + 8, 19); // msgid 1 one byte short: its last byte is not followed by NUL
        cases.push_back({"no NUL", "msgid 1: not NUL-terminated", b});
    }
    {
        auto b = good;
        put_word(b, 8, 1000000); // more strings than the limit (and than the file)
        cases.push_back({"count", "1000000 strings, more than the limit", b});
    }
    {
        auto b = good;
        put_word(b, 4, 0x10000); // revision 1.0
        cases.push_back({"revision", "format revision 1 is not supported", b});
    }
    {
        MoWriter w = spanish();
        w.entries[2].second = "Toca Cerrar sesi\xF3n."; // Latin-1, not UTF-8
        cases.push_back({"not UTF-8", "msgstr 2: invalid UTF-8", w.bytes()});
    }
    {
        MoWriter w = spanish();
        w.entries[0].second = "Content-Type: text/plain; charset=ISO-8859-1\n";
        cases.push_back({"charset", "charset ISO-8859-1", w.bytes()});
    }
    cases.push_back({"empty", "no bytes", {}});
    for (const Case &c : cases) {
        INFO(c.what);
        hs::MoFile mo = hs::parse_mo(c.bytes.data(), c.bytes.size());
        CHECK_THAT(mo.error, Catch::Contains(c.reason));
        CHECK(mo.strings.empty());
    }
    hs::MoLimits small;
    small.max_bytes = good.size() - 1;
    CHECK_THAT(hs::parse_mo(good.data(), good.size(), small).error, Catch::Contains("more than the limit"));
}

TEST_CASE("Locales are matched in one spelling, down to the language", "[translation]") {
    CHECK(hs::normalize_locale("es") == "es");
    CHECK(hs::normalize_locale("es_MX") == "es-MX");
    CHECK(hs::normalize_locale("ES-mx") == "es-MX");
    CHECK(hs::normalize_locale("es_MX.UTF-8@euro") == "es-MX");
    CHECK(hs::normalize_locale("es-419") == "es-419");
    CHECK(hs::normalize_locale("zh_hant") == "zh-Hant");
    CHECK(hs::normalize_locale("e") == "");
    CHECK(hs::normalize_locale("spanish") == "");
    CHECK(hs::normalize_locale("es_M") == "");
    CHECK(hs::fallback_locales("es_MX") == std::vector<std::string>{"es-MX", "es"});
    CHECK(hs::fallback_locales("es") == std::vector<std::string>{"es"});
    CHECK(hs::fallback_locales("../etc").empty());
}

TEST_CASE("A plugin built against the ABI 1.0 header still loads (no translations)", "[translation][abi]") {
    hs::PluginCheck r = check_one(std::string(test_paths::abi_plugins) + "/abi-1-0.so");
    INFO((r.rejection() ? r.rejection()->reason : ""));
    REQUIRE(r.topic);
    CHECK(r.topic->id == "abi-1-0");
    CHECK(r.topic->translations.empty());
    CHECK(r.warnings.empty());
    // ...and so does one from a newer minor version, with the slot it knows and we do not.
    hs::PluginCheck newer = check_one(std::string(test_paths::abi_plugins) + "/newer-minor.so");
    REQUIRE(newer.topic);
    CHECK(newer.topic->translations.empty());
}

TEST_CASE("Strings fall back one by one: es-MX, then es, then English", "[translation]") {
    hs::PluginCheck r = check_one(lang_plugin("translated"));
    INFO((r.rejection() ? r.rejection()->reason : ""));
    REQUIRE(r.topic);
    CHECK(r.warnings.empty());
    const hs::Topic &t = *r.topic;
    REQUIRE(t.translations.size() == 2);
    CHECK(t.translations[0].locale == "es");
    CHECK(t.translations[1].locale == "es-MX");

    // What each language shows, field by field, through localize() (what a screen would read).
    hs::Topic mx = hs::localize(t, "es_MX.UTF-8");
    CHECK(mx.title == "El tema de prueba (México)");              // es_MX has it
    CHECK(mx.summary == "Un tema que cargan las pruebas.");       // es has it
    CHECK(mx.fixes[0].title == "Primera solución (México)");
    CHECK(mx.fixes[0].steps[0].note == "Una nota.");
    CHECK(mx.fixes[2].steps[1].text == "Do another thing.");      // nobody has it: English
    CHECK(mx.faq[1].answer == "Segunda respuesta.");
    CHECK(mx.id == t.id);                                         // not text: never translated
    CHECK(mx.fixes[0].steps[0].image == t.fixes[0].steps[0].image);

    hs::Topic ar = hs::localize(t, "es-AR"); // no es_AR catalog: Spanish
    CHECK(ar.title == "El tema de prueba");
    CHECK(ar.fixes[0].title == "Primera solución");
    for (const char *english : {"en", "fr", "", "nonsense!"}) {
        INFO(english);
        hs::Topic same = hs::localize(t, english);
        CHECK(same.title == "The test topic");
        CHECK(same.fixes[0].title == "First fix");
    }
    CHECK(hs::translate(t, "es-MX", t.why) == "Porque las pruebas necesitan un motivo.");
}

TEST_CASE("A malformed catalog is left out with file and field and reason while the topic loads in English",
          "[translation]") {
    hs::PluginCheck r = check_one(lang_plugin("bad-catalog"));
    INFO((r.rejection() ? r.rejection()->reason : ""));
    REQUIRE(r.topic);
    CHECK(r.topic->title == "Written in C");
    CHECK(r.topic->translations.empty());
    CHECK(hs::localize(*r.topic, "es").title == "Written in C");
    CHECK(r.file == lang_plugin("bad-catalog"));
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].stage == hs::CheckStage::validate);
    CHECK_THAT(r.warnings[0].text(), Catch::StartsWith("translations[0] 'es': not a valid .mo catalog: wrong magic"));
}

TEST_CASE("Catalogs and warnings travel in the extraction, and are checked again there", "[translation][extraction]") {
    hs::PluginCheck r = check_one(lang_plugin("translated"));
    REQUIRE(r.topic);
    hs::PictureFile plugin;
    plugin.path = r.file;
    plugin.file_size = fs::file_size(r.file);
    std::string bytes = hs::encode_extraction(*r.topic, {"translations[2] 'fr': a warning from the probe"});
    hs::CopyResult back = hs::decode_extraction(bytes, plugin);
    INFO((back.problems.empty() ? "" : back.problems[0]));
    REQUIRE(back.topic);
    REQUIRE(back.topic->translations.size() == 2);
    CHECK(hs::localize(*back.topic, "es-MX").title == "El tema de prueba (México)");
    REQUIRE(back.warnings.size() == 1);
    CHECK(back.warnings[0] == "translations[2] 'fr': a warning from the probe");

    // A probe that forges a catalog gets it refused by the kiosk's own reading, the topic kept.
    hs::Topic forged = *r.topic;
    forged.translations[1].mo = std::make_shared<const std::vector<unsigned char>>(40, 0xAB);
    hs::CopyResult checked = hs::decode_extraction(hs::encode_extraction(forged), plugin);
    REQUIRE(checked.topic);
    CHECK(checked.topic->translations.size() == 1);
    REQUIRE(checked.warnings.size() == 1);
    CHECK_THAT(checked.warnings[0], Catch::Contains("translations[1] 'es-MX': not a valid .mo catalog"));

    // Format 1 (no translations) is not read as the current format.
    std::string old = bytes;
    old[3] = '1';
    hs::CopyResult refused = hs::decode_extraction(old, plugin);
    CHECK_FALSE(refused.topic);
    REQUIRE_FALSE(refused.problems.empty());
    CHECK_THAT(refused.problems[0], Catch::Contains("wrong magic or format version"));
}

TEST_CASE("helpstation --validate reports each language's coverage and every untranslated string", "[translation][cli]") {
    SECTION("the real Spanish topic: every string") {
        Run r = run(sh_quote(test_paths::viewer) + " --validate " + sh_quote(bundled("imessage-facetime-activation")));
        INFO(r.out);
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("imessage-facetime-activation.so: translation es: 92/92 strings\n"));
        CHECK_THAT(r.out, Catch::Contains("imessage-facetime-activation.so: translation zh-CN: 92/92 strings\n"));
        CHECK_THAT(r.out, !Catch::Contains("untranslated"));
    }
    SECTION("the second Spanish topic: every string") {
        Run r = run(sh_quote(test_paths::viewer) + " --validate " + sh_quote(bundled("wifi-calling")));
        INFO(r.out);
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("wifi-calling.so: translation es: 77/77 strings\n"));
        CHECK_THAT(r.out, Catch::Contains("wifi-calling.so: translation zh-CN: 77/77 strings\n"));
        CHECK_THAT(r.out, !Catch::Contains("untranslated"));
    }
    SECTION("the third topic, in Spanish and Chinese: every string") {
        Run r = run(sh_quote(test_paths::viewer) + " --validate " + sh_quote(bundled("bluetooth-pairing")));
        INFO(r.out);
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("bluetooth-pairing.so: translation es: 70/70 strings\n"));
        CHECK_THAT(r.out, Catch::Contains("bluetooth-pairing.so: translation zh-CN: 70/70 strings\n"));
        CHECK_THAT(r.out, !Catch::Contains("untranslated"));
    }
    SECTION("the test topic: es down to English for one string, es-MX through es") {
        Run r = run(sh_quote(test_paths::viewer) + " --validate " + sh_quote(lang_plugin("translated")));
        INFO(r.out);
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("translation es: 22/23 strings\n") &&
                              Catch::Contains("translation es-MX: 22/23 strings\n") &&
                              Catch::Contains("translation es: untranslated fixes[2].steps[1].text: \"Do another thing.\"\n"));
    }
    SECTION("a broken catalog: a warning, and the plugin passes") {
        Run r = run(sh_quote(test_paths::viewer) + " --validate " + sh_quote(lang_plugin("bad-catalog")));
        INFO(r.out);
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("bad-catalog.so: warning: translations[0] 'es': not a valid .mo catalog: "
                                          "wrong magic"));
    }
}

TEST_CASE("helpstation --export-pot writes a template msgfmt accepts and the Spanish catalog covers", "[translation][cli][pot]") {
    fs::path dir = fs::path(test_paths::output) / "pot";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string pot = (dir / "imessage-facetime-activation.pot").string();
    Run exported = run(sh_quote(test_paths::viewer) + " --export-pot " + sh_quote(bundled("imessage-facetime-activation")) +
                       " > " + sh_quote(pot));
    REQUIRE(exported.status == 0);
    std::ifstream in(pot);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK_THAT(text, Catch::Contains("#. fixes[1].steps[2].text: fix 2, step 3: the instruction\n"
                                     "#. fixes[3].steps[5].text: fix 4, step 6: the instruction\n"
                                     "msgid \"Restart your iPhone.\"\nmsgstr \"\"\n"));

    // gettext's own tools: the template is valid, has one entry per distinct string, and the
    // Spanish catalog translates every one of them (msgcmp fails on any msgid es.po lacks).
    CHECK(run("msgfmt --check -o /dev/null " + sh_quote(pot)).status == 0);
    Run stats = run("msgfmt --statistics -o /dev/null " + sh_quote(pot) + " 2>&1");
    CHECK_THAT(stats.out, Catch::Contains("92 untranslated messages"));
    CHECK(run("msgcmp " + sh_quote(kSpanishPo) + " " + sh_quote(pot) + " 2>&1").status == 0);
    std::string merged = (dir / "es.po").string();
    REQUIRE(run("msgmerge --quiet --no-fuzzy-matching -o " + sh_quote(merged) + " " + sh_quote(kSpanishPo) + " " + sh_quote(pot)).status == 0);
    Run merged_stats = run("msgfmt --check --statistics -o /dev/null " + sh_quote(merged) + " 2>&1");
    CHECK(merged_stats.status == 0);
    CHECK_THAT(merged_stats.out, Catch::Contains("92 translated messages.") && !Catch::Contains("untranslated") &&
                                     !Catch::Contains("fuzzy"));

    // A plugin the check refuses has no template: the reason, on stderr, and a failure status.
    Run refused = run(sh_quote(test_paths::viewer) + " --export-pot " +
                      sh_quote(std::string(test_paths::mixed_plugins) + "/empty-title.so") + " 2>&1");
    CHECK(refused.status == 1);
    CHECK_THAT(refused.out, Catch::Contains("title: missing or empty"));
}

TEST_CASE("A PO string keeps quotes, backslashes and lines", "[translation][pot]") {
    CHECK(hs::po_quote("Tap \"Sign Out\"") == "\"Tap \\\"Sign Out\\\"\"");
    CHECK(hs::po_quote("a\\b\tc") == "\"a\\\\b\\tc\"");
    CHECK(hs::po_quote("one\ntwo") == "\"\"\n\"one\\n\"\n\"two\"");
    CHECK(hs::po_quote("ends\n") == "\"ends\\n\"");
}

TEST_CASE("The topic list shows each topic's languages and coverage", "[translation][cli]") {
    hs::PluginCheck r = check_one(lang_plugin("translated"));
    REQUIRE(r.topic);
    hs::Catalog c;
    c.topics.push_back(*r.topic);
    nlohmann::json doc = nlohmann::json::parse(hs::list_topics_json(c));
    const nlohmann::json &languages = doc["topics"][0]["languages"];
    REQUIRE(languages.size() == 3);
    CHECK(languages[0]["locale"] == "en");
    CHECK(languages[1] == nlohmann::json({{"locale", "es"}, {"translated", 22}, {"strings", 23}}));
    CHECK(languages[2]["locale"] == "es-MX");
    CHECK_THAT(hs::list_topics_text(c), Catch::Contains("languages: en (source), es 22/23, es-MX 22/23\n"));
}
