// Search ranking on the real bundled topics, with queries written the way customers say and type
// them (typos, word order, plurals, missing spaces, accents, half-typed words), plus the text
// helpers under it and the index following a catalog that changes.
#include "core/navigation.hpp"
#include "core/plugin_host.hpp"
#include "core/search.hpp"
#include "core/search_box.hpp"
#include "core/search_text.hpp"
#include "support/plugin_files.hpp"
#include "support/probe_setup.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace {

const std::string kMessages = "imessage-facetime-activation";
const std::string kEsim = "esim-transfer";
const std::string kWifi = "wifi-calling";
const std::string kVoicemail = "voicemail";
const std::string kStorage = "iphone-storage-full";
const std::string kBluetooth = "bluetooth-pairing";
const std::string kRcs = "rcs-android";

// The bundled topics, loaded once for every test here.
const hs::Catalog &bundled() {
    static const hs::Catalog catalog = hs::load_catalog({test_paths::bundled_plugins}, test_probe());
    return catalog;
}

std::vector<hs::SearchHit> search(const std::string &query) {
    REQUIRE(bundled().search);
    return bundled().search->search(bundled().topics, query);
}

std::string describe(const std::vector<hs::SearchHit> &hits) {
    std::string s;
    for (const hs::SearchHit &h : hits)
        s += "  " + std::to_string(h.score) + " " + h.route + " [" + h.where + "] " + h.snippet + "\n";
    return s.empty() ? "  (no results)\n" : s;
}

// The first result is topic `id`.
void check_first(const std::string &query, const std::string &id) {
    std::vector<hs::SearchHit> hits = search(query);
    INFO("query '" << query << "':\n" << describe(hits));
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().topic == id);
}

// The words highlighted in a hit's snippet.
std::vector<std::string> marked(const hs::SearchHit &h) {
    std::vector<std::string> out;
    for (auto [b, e] : h.highlights) out.push_back(h.snippet.substr(b, e - b));
    return out;
}

} // namespace

// --- The text under search ---------------------------------------------------------------------

TEST_CASE("search text: words are folded to lower case without accents or apostrophes", "[search]") {
    std::vector<hs::Word> w = hs::split_words("FaceTime won\xE2\x80\x99t connect: T\xC3\xA9l\xC3\xA9phone, Wi-Fi!");
    REQUIRE(w.size() == 6);
    CHECK(w[0].folded == "facetime");
    CHECK(w[1].folded == "wont"); // a typographic apostrophe joins the word, as a plain one does
    CHECK(w[2].folded == "connect");
    CHECK(w[3].folded == "telephone");
    CHECK(w[4].folded == "wi");
    CHECK(w[5].folded == "fi");
    // Byte ranges point at the original words, accents and all.
    std::string text = "Caf\xC3\xA9 au lait";
    std::vector<hs::Word> cafe = hs::split_words(text);
    REQUIRE(cafe.size() == 3);
    CHECK(text.substr(cafe[0].begin, cafe[0].end - cafe[0].begin) == "Caf\xC3\xA9");
    CHECK(cafe[0].folded == "cafe");
    CHECK(hs::split_words("Stra\xC3\x9F" "e \xC5\x92uvre")[0].folded == "strasse");
    CHECK(hs::split_words("Stra\xC3\x9F" "e \xC5\x92uvre")[1].folded == "oeuvre");
}

TEST_CASE("search text: a scanned word hashes as the same word given whole", "[search]") {
    // The index finds words by hash: the scanner's hash (worked out eight bytes at a time from its
    // own buffer) must be the one a query's word gets, at every length around the 8-byte chunks.
    std::string text = "a ab abcdefg abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq T\xC3\xA9l\xC3\xA9phone "
                       "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 " + std::string(100, 'x');
    hs::WordScanner scan(text);
    int words = 0;
    while (scan.next()) {
        ++words;
        INFO("word '" << scan.folded() << "'");
        CHECK(scan.hash() == hs::word_hash(scan.folded()));
        CHECK(scan.chunk(0) == hs::word_chunk(scan.folded(), 0));
    }
    CHECK(words == 10);
    CHECK(hs::word_hash("abcdefgh") != hs::word_hash("abcdefghi"));
}

TEST_CASE("search text: plurals stem to the singular", "[search]") {
    CHECK(hs::stem("bubbles") == "bubble");
    CHECK(hs::stem("texts") == "text");
    CHECK(hs::stem("batteries") == "battery");
    CHECK(hs::stem("boxes") == "box");
    CHECK(hs::stem("watches") == "watch");
    CHECK(hs::stem("messages") == hs::stem("message"));
    CHECK(hs::stem("wireless") == "wireless"); // not a plural
    CHECK(hs::stem("status") == "status");
    CHECK(hs::stem("ios") == "ios");
}

TEST_CASE("search text: the distance counts one swap, one missing or one extra letter as one", "[search]") {
    CHECK(hs::bounded_distance("voicemial", "voicemail", 2) == 1); // swap
    CHECK(hs::bounded_distance("imesage", "imessage", 2) == 1);    // missing
    CHECK(hs::bounded_distance("activaton", "activation", 2) == 1);
    CHECK(hs::bounded_distance("bluetoooth", "bluetooth", 2) == 1); // extra
    CHECK(hs::bounded_distance("storage", "storage", 1) == 0);
    CHECK(hs::bounded_distance("kitten", "sitting", 1) == 2); // beyond the limit: limit + 1
    CHECK(hs::bounded_distance("abc", "abcdef", 2) == 3);
}

// --- Ranking, topic by topic, from what customers say ---------------------------------------------

TEST_CASE("search: iMessage and FaceTime, as customers put it", "[search][ranking]") {
    for (const char *q : {"green bubbles", "bubbles green", "green bubble", "my texts come from my email",
                          "waiting for activation", "imessage", "imesage", "facetime", "facetim", "face time",
                          "i message not working", "activaton", "FACETIME WONT CONNECT", "texts are green"})
        check_first(q, kMessages);
}

TEST_CASE("search: moving an eSIM, as customers put it", "[search][ranking]") {
    for (const char *q : {"esim", "move esim to new iphone", "new iphone no service", "e sim transfer",
                          "transfer from nearby iphone", "transfer my number", "esim tranfer"})
        check_first(q, kEsim);
}

TEST_CASE("search: Wi-Fi Calling, as customers put it", "[search][ranking]") {
    for (const char *q : {"wifi calling", "wi-fi calling", "calling wifi", "wifi calling grey", "calls drop indoors",
                          "emergency address", "wifi caling"})
        check_first(q, kWifi);
}

TEST_CASE("search: voicemail, as customers put it", "[search][ranking]") {
    for (const char *q : {"voicemail", "voicemial", "voice mail", "voicemail password", "mailbox not set up",
                          "callers cant leave a message", "visual voicemail", "v\xC3\xB3icemail", "voicemails"})
        check_first(q, kVoicemail);
}

TEST_CASE("search: iPhone storage, as customers put it", "[search][ranking]") {
    for (const char *q : {"storage full", "full storage", "storage almost full", "not enough space for update",
                          "cant take more photos", "camera wont take photo", "storage alomst full", "system data"})
        check_first(q, kStorage);
}

TEST_CASE("search: Bluetooth pairing, as customers put it", "[search][ranking]") {
    for (const char *q : {"bluetooth wont pair", "pair bluetooth", "bluetooth", "bluetoth", "headphones wont pair",
                          "speaker not connected", "car wont pair", "accessory keeps connecting to my laptop"})
        check_first(q, kBluetooth);
}

TEST_CASE("search: RCS on Android, as customers put it", "[search][ranking]") {
    for (const char *q : {"rcs", "rcs chats", "android chats setting up", "rcs disconnected", "typing dots",
                          "read receipts", "photos arrive blurry", "google messages rcs"})
        check_first(q, kRcs);
}

// --- Tolerance ---------------------------------------------------------------------------------

TEST_CASE("search: word order does not change the ranking", "[search][ranking]") {
    auto a = search("bluetooth wont pair"), b = search("pair wont bluetooth");
    REQUIRE_FALSE(a.empty());
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].topic == b[i].topic);
}

TEST_CASE("search: the word being typed matches as a prefix", "[search][ranking]") {
    // Letter by letter, a word shows its topic well before it is finished.
    check_first("voicem", kVoicemail);
    check_first("bluet", kBluetooth);
    check_first("green bub", kMessages);
    check_first("wifi cal", kWifi);
    check_first("face t", kMessages); // joined and completed: facetime
    // Once a space follows it, a word is finished: "voicem " is no word of any topic.
    CHECK(search("voicem ").empty());
}

TEST_CASE("search: a typo in the word being typed still finds it", "[search][ranking]") {
    check_first("imesa", kMessages);
    check_first("voicemia", kVoicemail);
}

TEST_CASE("search: short words need to be right, long ones may have a typo or two", "[search]") {
    CHECK(search("rsc ").empty());           // three letters: no typo allowed
    check_first("rcs ", kRcs);
    CHECK(search("voicemaiil ").size() >= 1); // 9+ letters: one typo...
    check_first("actvationn ", kMessages);   // ...or two
    CHECK(search("stoarge ").front().topic == kStorage); // 5+ letters: one swap
}

TEST_CASE("search: nothing found is an empty list", "[search]") {
    CHECK(search("").empty());
    CHECK(search("   ").empty());
    CHECK(search("pizza delivery").empty());
    CHECK(search("xyzzy").empty());
    CHECK(search("!!! ???").empty());
}

TEST_CASE("search: a result says where it matched and opens there", "[search]") {
    SECTION("a symptom opens the topic") {
        auto hits = search("green bubbles");
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].place == hs::MatchPlace::Symptom);
        CHECK(hits[0].where == "Symptom");
        CHECK(hits[0].route == kMessages);
        CHECK(marked(hits[0]) == std::vector<std::string>{"green", "bubbles"});
    }
    SECTION("an FAQ question opens that FAQ entry") {
        auto hits = search("does rcs cost extra");
        REQUIRE_FALSE(hits.empty());
        INFO(describe(hits));
        CHECK(hits[0].topic == kRcs);
        CHECK(hits[0].place == hs::MatchPlace::FaqQuestion);
        CHECK(hits[0].route == kRcs + "/faq/3");
        CHECK(hits[0].where == "FAQ");
    }
    SECTION("a fix's title opens the fix at its first step") {
        auto hits = search("turn off call forwarding");
        REQUIRE_FALSE(hits.empty());
        INFO(describe(hits));
        CHECK(hits[0].topic == kVoicemail);
        CHECK(hits[0].route == kVoicemail + "/fix/3/step/1");
        CHECK(hits[0].where == "Fix 3");
    }
    SECTION("a step opens that step") {
        auto hits = search("touch and hold 1");
        REQUIRE_FALSE(hits.empty());
        INFO(describe(hits));
        CHECK(hits[0].topic == kVoicemail);
        CHECK(hits[0].place == hs::MatchPlace::Step);
        CHECK(hits[0].route == kVoicemail + "/fix/2/step/1");
        CHECK(hits[0].where == "Fix 2, step 1");
    }
    SECTION("every route a search gives opens") {
        for (const char *q : {"green", "password", "forwarding", "restart", "update", "cost", "carrier", "photos"}) {
            for (const hs::SearchHit &h : search(q)) {
                hs::Navigator nav(bundled());
                INFO(q << " -> " << h.route);
                CHECK(nav.open_route(h.route).empty());
                CHECK(nav.route() == h.route);
            }
        }
    }
}

TEST_CASE("search: a long text is cut around the match and keeps its highlights", "[search]") {
    for (const char *q : {"visual voicemail carrier plan", "forgotten password", "unanswered calls"}) {
        auto hits = search(q);
        REQUIRE_FALSE(hits.empty());
        for (const hs::SearchHit &h : hits) {
            INFO(q << ": " << h.snippet);
            CHECK(h.snippet.size() <= 160);
            for (auto [b, e] : h.highlights) {
                REQUIRE(e <= h.snippet.size());
                CHECK(b < e);
            }
        }
    }
}

TEST_CASE("search: the most-used topics come from a ranking, then the catalog", "[search]") {
    const hs::Catalog &c = bundled();
    std::vector<std::string> none = hs::most_used_topics(c, {}, 3);
    REQUIRE(none.size() == 3);
    CHECK(none[0] == c.topics[0].id);
    CHECK(none[2] == c.topics[2].id);
    std::vector<std::string> ranked = hs::most_used_topics(c, {kVoicemail, "gone-topic", kRcs, kVoicemail}, 3);
    REQUIRE(ranked.size() == 3);
    CHECK(ranked[0] == kVoicemail);
    CHECK(ranked[1] == kRcs); // an id that is not loaded is skipped, a repeat counted once
    CHECK(ranked[2] == c.topics[0].id);
}

TEST_CASE("search: words that share their first eight letters stay apart", "[search]") {
    // The vocabulary compares words by hash and by their first sixteen bytes at once: a word of
    // eight letters and the words that start with it must still be three words.
    std::vector<hs::Topic> topics(3);
    const char *words[] = {"abcdefghij", "abcdefgh", "abcdefg"}; // longest first: it is met first
    for (size_t i = 0; i < 3; ++i) topics[i].id = "t" + std::to_string(i), topics[i].title = words[i];
    hs::SearchIndex index(topics);
    CHECK(index.vocabulary_size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        std::vector<hs::SearchHit> hits = index.search(topics, std::string(words[i]) + " ");
        REQUIRE_FALSE(hits.empty());
        CHECK(hits.front().topic == topics[i].id);
        CHECK(hits.front().snippet == words[i]);
    }
}

TEST_CASE("search: an index given other topics than its own leaves them out instead of misreading them", "[search]") {
    // The index keeps no text of its own: a search reads it from the topics it is given. Given a
    // catalog it was not built from (a newer one), it shows nothing of it rather than wrong places.
    const hs::Catalog &c = bundled();
    REQUIRE(c.topics.size() >= 2);
    std::vector<hs::Topic> other = c.topics;
    std::swap(other[0], other[1]);
    std::vector<hs::SearchHit> mine = c.search->search(c.topics, "voicemail password");
    REQUIRE_FALSE(mine.empty());
    CHECK(mine.front().topic == kVoicemail);
    for (const hs::SearchHit &h : c.search->search(other, "voicemail password"))
        CHECK((h.topic != c.topics[0].id && h.topic != c.topics[1].id)); // never a topic with another's words
    other.pop_back();
    other.erase(other.begin(), other.begin() + 2);
    CHECK_NOTHROW(c.search->search(other, "voicemail password"));
    CHECK(c.search->search({}, "voicemail password").empty());
    // The same topic in a newer version, or with a text more, is another topic to the index.
    auto without_voicemail = [&](const std::vector<hs::Topic> &topics) {
        for (const hs::SearchHit &h : c.search->search(topics, "voicemail password"))
            if (h.topic == kVoicemail) return false;
        return true;
    };
    std::vector<hs::Topic> newer = c.topics, edited = c.topics;
    for (hs::Topic &t : newer)
        if (t.id == kVoicemail) t.version += ".1";
    for (hs::Topic &t : edited)
        if (t.id == kVoicemail) t.symptoms.insert(t.symptoms.begin(), "A symptom added since the index was built.");
    CHECK(without_voicemail(newer));
    CHECK(without_voicemail(edited));
    CHECK_FALSE(without_voicemail(c.topics));
    CHECK(hs::search(c, "voicemail password").front().topic == kVoicemail);
}

TEST_CASE("search box: typing, backspace and clear edit the words, and results follow", "[search]") {
    hs::SearchBox box;
    const hs::Catalog &catalog = bundled();
    CHECK(box.results(catalog).empty());
    CHECK_FALSE(box.nothing_found()); // nothing typed is not "nothing found"
    CHECK_FALSE(box.type(' '));       // no space before the first word
    box.type("voicemial");
    CHECK(box.query() == "voicemial");
    REQUIRE_FALSE(box.results(catalog).empty());
    CHECK(box.results(catalog).front().topic == kVoicemail);
    box.type(" q");
    box.type(' ');
    CHECK_FALSE(box.type(' ')); // one space between words
    CHECK(box.query() == "voicemial q ");
    box.backspace();
    box.backspace();
    box.backspace();
    CHECK(box.query() == "voicemial");
    box.type("\xC3\xA9"); // é, a two-byte character, goes whole
    box.backspace();
    CHECK(box.query() == "voicemial");
    box.clear();
    box.type("xyzzy");
    CHECK(box.results(catalog).empty());
    CHECK(box.nothing_found());
    CHECK_FALSE(box.type(0x1B)); // control characters are not text
    std::string longest(hs::SearchBox::kMaxBytes + 10, 'a');
    box.clear();
    box.type(longest);
    CHECK(box.query().size() == hs::SearchBox::kMaxBytes);
}

TEST_CASE("search: the index follows plugins added to and removed from a folder", "[search][host]") {
    support::ScratchDir dir("helpstation-search");
    hs::PluginHostSetup setup;
    setup.probe = test_probe();
    setup.folders = {dir.path.string()};
    hs::PluginHost host(setup);
    auto find = [&](const std::string &query) {
        std::shared_ptr<const hs::Catalog> c = host.catalog();
        REQUIRE(c->search);
        std::vector<std::string> ids;
        for (const hs::SearchHit &h : c->search->search(c->topics, query)) ids.push_back(h.topic);
        return ids;
    };
    std::string bundled_dir = test_paths::bundled_plugins;
    support::install(bundled_dir + "/voicemail.so", dir.path, "voicemail.so");
    host.scan();
    CHECK(find("voicemial") == std::vector<std::string>{kVoicemail});
    CHECK(find("bluetooth").empty());

    support::install(bundled_dir + "/bluetooth-pairing.so", dir.path, "bluetooth-pairing.so");
    host.scan();
    CHECK(find("bluetooth wont pair").front() == kBluetooth);

    std::filesystem::remove(dir / "voicemail.so");
    host.scan();
    CHECK(find("voicemail").empty());
    CHECK(find("bluetooth").front() == kBluetooth);
}
