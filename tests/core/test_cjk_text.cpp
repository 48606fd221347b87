// Chinese text outside search (issue 18, item 4): the characters a catalog makes the font atlas
// hold (exactly those of its content, read here from the .po files themselves, never a whole
// CJK block), and where a line of Chinese may end.
#include "core/catalog.hpp"
#include "core/line_break.hpp"
#include "core/search.hpp"
#include "core/used_characters.hpp"
#include "support/probe_setup.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Every translated string (msgstr) of a .po file, unescaped; the header entry is left out.
std::vector<std::string> po_translations(const fs::path &file) {
    std::ifstream in(file);
    std::vector<std::string> out;
    std::string line, id, str, *field = nullptr;
    auto unquote = [](const std::string &q) {
        std::string s;
        for (size_t i = 1; i + 1 < q.size(); ++i) {
            if (q[i] == '\\' && i + 2 < q.size()) {
                char c = q[++i];
                s += c == 'n' ? '\n' : c == 't' ? '\t' : c;
            } else {
                s += q[i];
            }
        }
        return s;
    };
    auto flush = [&] {
        if (!id.empty() && !str.empty()) out.push_back(str);
        id.clear(), str.clear(), field = nullptr;
    };
    while (std::getline(in, line)) {
        if (line.rfind("msgid ", 0) == 0) {
            flush();
            id = unquote(line.substr(6)), field = &id;
            if (id.empty()) id = "\x01"; // a multi-line msgid starts empty; the header stays empty
        } else if (line.rfind("msgstr ", 0) == 0) {
            if (id == "\x01") id.clear(); // msgid "" and no more: the header
            str = unquote(line.substr(7)), field = &str;
        } else if (!line.empty() && line[0] == '"' && field) {
            if (field == &id && id == "\x01") id.clear();
            *field += unquote(line);
        }
    }
    flush();
    return out;
}

std::set<char32_t> characters_of(const std::string &s) {
    std::set<char32_t> out;
    for (size_t i = 0; i < s.size();) {
        char32_t c = hs::next_character(s, i);
        if (c >= 0x20) out.insert(c);
    }
    return out;
}

} // namespace

TEST_CASE("The font atlas holds exactly the characters of the content, in every language", "[fonts][cjk]") {
    hs::Catalog catalog = hs::load_catalog({test_paths::bundled_plugins}, test_probe());
    // What the content is, read another way: the English text of the loaded topics, and the
    // translations as the .po files in the source tree say them.
    std::set<char32_t> expected = characters_of(std::string(hs::interface_text()));
    auto take = [&](const std::string &s) {
        for (char32_t c : characters_of(s)) expected.insert(c);
    };
    size_t catalogs = 0;
    for (const hs::Topic &t : catalog.topics) {
        hs::for_each_field(t, [&](hs::MatchPlace, const std::string &text, int, int, int) { take(text); });
        take(t.category);
        take(t.applies_to);
        fs::path po = fs::path(HELPSTATION_SOURCE_DIR) / "plugins" / t.id / "po";
        if (!fs::exists(po)) continue;
        for (const auto &file : fs::directory_iterator(po)) {
            for (const std::string &s : po_translations(file.path())) take(s);
            ++catalogs;
        }
    }
    REQUIRE(catalogs >= 6); // es and zh_CN of three topics at least
    hs::Characters used = hs::used_characters(catalog);
    CHECK(std::is_sorted(used.begin(), used.end()));
    CHECK(std::set<char32_t>(used.begin(), used.end()) == expected);
    CHECK(used.size() == expected.size()); // each once
    // The content's Chinese, and not a block of it: 信 is in the seed topic, 龍 in no topic.
    CHECK(std::count(used.begin(), used.end(), U'信') == 1);
    CHECK(std::count(used.begin(), used.end(), U'中') == 1); // the language's own name, 中文
    CHECK(std::count(used.begin(), used.end(), U'龍') == 0);
    size_t cjk = std::count_if(used.begin(), used.end(), [](char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; });
    CHECK(cjk > 300);  // three topics of Chinese
    CHECK(cjk < 2000); // of the 20,992 in the block
    // The plugin host works them out with the catalog.
    REQUIRE(catalog.characters);
    CHECK(*catalog.characters == used);
}

TEST_CASE("Characters are added to a set once, in order, malformed bytes skipped", "[fonts][cjk]") {
    hs::Characters set;
    hs::add_characters("信息 ab", set);
    hs::add_characters("ba\xFF" "信\n", set);
    CHECK(set == hs::Characters{U' ', U'a', U'b', U'信', U'息'});
}

TEST_CASE("A line of Chinese may end between characters, not before closing punctuation", "[cjk][wrap]") {
    auto pieces = [](const std::string &text) {
        std::vector<std::string> out;
        for (size_t i = 0; i < text.size();) {
            if (text[i] == ' ') {
                ++i;
                continue;
            }
            size_t end = hs::unbreakable_end(text, i);
            REQUIRE(end > i);
            out.push_back(text.substr(i, end - i));
            i = end;
        }
        return out;
    };
    // Latin words stay whole; CJK characters are pieces of their own.
    CHECK(pieces("Turn on Wi-Fi.") == std::vector<std::string>{"Turn", "on", "Wi-Fi."});
    CHECK(pieces("轻点信息") == std::vector<std::string>{"轻", "点", "信", "息"});
    // Closing punctuation stays with the character before it, opening with the one after.
    CHECK(pieces("打开“设置”，轻点。") == std::vector<std::string>{"打", "开", "“设", "置”，", "轻", "点。"});
    // Between a Latin word and a CJK character a line may end too.
    CHECK(pieces("iPhone上的FaceTime通话") == std::vector<std::string>{"iPhone", "上", "的", "FaceTime", "通", "话"});
    CHECK(hs::can_break_between(U'信', U'息'));
    CHECK_FALSE(hs::can_break_between(U'信', U'。'));
    CHECK_FALSE(hs::can_break_between(U'（', U'信'));
    CHECK_FALSE(hs::can_break_between(U'a', U'b'));
}
