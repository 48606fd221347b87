// Search in Chinese (issue 18, item 5): the CJK pieces (pairs of neighbours, lone characters) text
// and query are cut into, matching and highlighting with them, and each language's own
// index built from the real bundled topics as translated (zh-CN), off the caller's thread.
#include "core/catalog.hpp"
#include "core/search.hpp"
#include "core/search_languages.hpp"
#include "core/search_text.hpp"
#include "support/probe_setup.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

namespace {

std::vector<std::string> folded(const std::vector<hs::Word> &words) {
    std::vector<std::string> out;
    for (const hs::Word &w : words) out.push_back(w.folded);
    return out;
}

std::string describe(const std::vector<hs::SearchHit> &hits) {
    std::string s;
    for (const hs::SearchHit &h : hits) s += "  " + std::to_string(h.score) + " " + h.route + " " + h.snippet + "\n";
    return s.empty() ? "  (no results)\n" : s;
}

hs::Topic topic(const std::string &id, const std::string &title, const std::string &step) {
    hs::Topic t;
    t.id = id;
    t.version = "1.0.0";
    t.title = title;
    t.fixes.push_back({});
    t.fixes[0].title = "修复";
    t.fixes[0].steps.push_back({});
    t.fixes[0].steps[0].text = step;
    return t;
}

const std::shared_ptr<const hs::Catalog> &bundled() {
    static const std::shared_ptr<const hs::Catalog> catalog =
        std::make_shared<const hs::Catalog>(hs::load_catalog({test_paths::bundled_plugins}, test_probe()));
    return catalog;
}

} // namespace

TEST_CASE("A CJK run is read as pairs of neighbours, a lone character as itself", "[search][cjk]") {
    const std::string text = "无法激活 iMessage。信息 卡";
    std::vector<hs::Word> words = hs::split_words(text);
    CHECK(folded(words) == std::vector<std::string>{"无法", "法激", "激活", "imessage", "信息", "卡"});
    // Each piece knows its bytes in the text: a pair spans both characters, and pairs overlap.
    CHECK(text.substr(words[1].begin, words[1].end - words[1].begin) == "法激");
    CHECK(words[1].begin < words[0].end);
    CHECK(text.substr(words[3].begin, words[3].end - words[3].begin) == "iMessage");
    CHECK(text.substr(words[5].begin, words[5].end - words[5].begin) == "卡");
    // Latin letters touching a run end where it begins, and begin where it ends.
    CHECK(folded(hs::split_words("iPhone上的Wi-Fi")) == std::vector<std::string>{"iphone", "上的", "wi", "fi"});
    // Chinese punctuation splits: no pair across a comma or a full stop.
    CHECK(folded(hs::split_words("设置，蜂窝。网络")) ==
          std::vector<std::string>{"设置", "蜂窝", "网络"});
    // Full-width letters and digits are the ASCII ones.
    CHECK(folded(hs::split_words("ｉＭｅｓｓａｇｅ ２６")) == std::vector<std::string>{"imessage", "26"});
    CHECK(hs::is_cjk_word("信息"));
    CHECK_FALSE(hs::is_cjk_word("imessage"));
    CHECK(hs::is_stop_word("的"));
    CHECK(hs::is_stop_word("我的"));
    CHECK_FALSE(hs::is_stop_word("信"));
}

TEST_CASE("Chinese queries match by pairs, exactly, and mark the whole run", "[search][cjk]") {
    std::vector<hs::Topic> topics = {topic("msg", "iMessage 信息无法激活", "打开“设置”，轻点“信息”。"),
                                     topic("bt", "蓝牙配件无法配对", "打开“设置”，轻点“蓝牙”。"),
                                     topic("wifi", "无线局域网通话不可用", "前往“设置”>“蜂窝网络”。")};
    hs::SearchIndex index(topics);
    auto first = [&](const std::string &query) {
        std::vector<hs::SearchHit> hits = index.search(topics, query);
        INFO("query '" << query << "':\n" << describe(hits));
        REQUIRE_FALSE(hits.empty());
        return hits.front();
    };
    CHECK(first("信息 激活").topic == "msg");
    CHECK(first("无法激活 iMessage").topic == "msg");
    CHECK(first("配对").topic == "bt");
    CHECK(first("蜂窝网络").topic == "wifi");
    // Pairs across the query's own words (我的, 的信, 息无) are in no topic: they are not needed.
    CHECK(first("我的信息无法激活").topic == "msg");
    // A single character, being typed, finds the pairs it begins.
    CHECK(first("蓝").topic == "bt");
    CHECK(index.search(topics, "蓝 ").empty()); // typed and done: no word 蓝 alone
    // No typos in Chinese: a pair a byte away from 激活 is another word.
    CHECK(index.search(topics, "激沽").empty());
    // Only the topics that have the words: 无法 alone is in two, 无法配对 in one.
    std::vector<hs::SearchHit> pair = index.search(topics, "无法配对");
    INFO(describe(pair));
    REQUIRE_FALSE(pair.empty());
    CHECK(pair.front().topic == "bt");
    CHECK(pair.front().score > 1.5 * (pair.size() > 1 ? pair[1].score : 0));
    // The marks: one over the run that matched, not one per overlapping piece.
    hs::SearchHit hit = first("无法激活");
    REQUIRE(hit.highlights.size() == 1);
    CHECK(hit.snippet.substr(hit.highlights[0].first, hit.highlights[0].second - hit.highlights[0].first) == "无法激活");
}

TEST_CASE("Each language has its own index, built from its translation off the caller's thread", "[search][cjk]") {
    hs::LanguageSearches languages(bundled());
    std::shared_ptr<const hs::LanguageSearch> zh = languages.wait("zh_CN.UTF-8");
    REQUIRE(zh);
    CHECK(zh->locale == "zh-CN");
    CHECK(zh->index != bundled()->search); // its own, not the English one
    CHECK(languages.get("zh-CN") == zh);   // built once
    for (const std::string query : {"无法激活 iMessage", "信息 激活"}) {
        std::vector<hs::SearchHit> hits = zh->search(query);
        INFO("query '" << query << "':\n" << describe(hits));
        REQUIRE_FALSE(hits.empty());
        CHECK(hits.front().topic == "imessage-facetime-activation");
        CHECK(hits.front().title == "iMessage 信息和 FaceTime 通话无法激活"); // shown in the language searched
    }
    // The English index has no Chinese words; the Chinese one has the topics' Chinese words only.
    CHECK(bundled()->search->search(bundled()->topics, "信息 激活").empty());
    CHECK(zh->search("activation").empty()); // the English words went; brand names (iMessage) stay
    // A language no topic is translated into searches English with the catalog's own index.
    std::shared_ptr<const hs::LanguageSearch> fr = languages.wait("fr");
    CHECK(fr->locale == "en");
    CHECK(fr->index == bundled()->search);
    CHECK(languages.get("en")->index == bundled()->search);
    // Spanish: its own index, its own words.
    std::vector<hs::SearchHit> es = languages.wait("es-MX")->search("no puedo activar imessage");
    INFO(describe(es));
    REQUIRE_FALSE(es.empty());
    CHECK(es.front().topic == "imessage-facetime-activation");
}
