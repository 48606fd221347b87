// Version ordering and the choice between plugins that provide the same topic id.
#include "core/versions.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

TEST_CASE("Versions order as dotted numbers, then suffixes, then text", "[versions]") {
    struct Case {
        const char *a, *b;
        int expected; // compare_versions(a, b)
    };
    const Case cases[] = {
        {"1.2.10", "1.2.9", 1},     // numbers, not text
        {"1.2.9", "1.2.10", -1},
        {"1.0", "1.0.0", 0},        // missing parts are 0
        {"1", "1.0.0", 0},
        {"1.0.1", "1", 1},
        {"2.0.0", "10.0.0", -1},
        {"1.02.0", "1.2.0", 0},     // leading zeros do not count
        {"0.0.0", "0", 0},
        {"v1.2.0", "1.2.0", 0},     // a leading v is tolerated
        {"V2", "1.9.9", 1},
        {"1.2.0-beta", "1.2.0", -1}, // a pre-release comes before its release
        {"1.2.0", "1.2.0-rc1", 1},
        {"1.2.0-beta", "1.1.9", 1},  // ... but after the versions before it
        {"1.2-beta", "1.2.0", -1},
        {"1.2.0-alpha", "1.2.0-beta", -1},
        {"1.2.0-beta.2", "1.2.0-beta.10", -1}, // digit runs in suffixes are numbers
        {"1.2.0-beta", "1.2.0-beta", 0},
        {"1.2.0+build7", "1.2.0", 0}, // build metadata does not order
        {"1.2.0-rc1+b2", "1.2.0-rc1+b1", 0},
        {"99999999999999999999.0", "99999999999999999998.9", 1}, // no overflow
        {"", "0.0.1", -1},            // garbage is below every number
        {"latest", "0.0.1", -1},
        {"1.0.0", "unknown", 1},
        {"abc", "abd", -1},           // garbage against garbage: text
        {"build10", "build9", 1},
        {"", "", 0},
        {"v", "1", -1},               // a lone v is text
        {"1.2.", "1.2", -1},          // a trailing dot is a suffix
    };
    for (const Case &c : cases) {
        INFO(c.a << " vs " << c.b);
        CHECK(hs::compare_versions(c.a, c.b) == c.expected);
        CHECK(hs::compare_versions(c.b, c.a) == -c.expected); // antisymmetric
    }
}

TEST_CASE("Sorting by compare_versions gives the release order", "[versions]") {
    std::vector<std::string> v = {"1.10.0", "garbage", "1.2.0", "1.2.0-rc.1", "1.2", "0.9", "1.2.0-beta", "2"};
    std::stable_sort(v.begin(), v.end(),
                     [](const std::string &a, const std::string &b) { return hs::compare_versions(a, b) < 0; });
    CHECK(v == std::vector<std::string>{"garbage", "0.9", "1.2.0-beta", "1.2.0-rc.1", "1.2.0", "1.2", "1.10.0", "2"});
}

TEST_CASE("The highest version of each topic wins, the others are shadowed with a reason", "[versions]") {
    std::vector<hs::VersionCandidate> c = {
        {"wifi", "1.2.0", "/usr/lib/helpstation/plugins/wifi.so"},
        {"printer", "2.0.0", "/usr/lib/helpstation/plugins/printer.so"},
        {"wifi", "1.10.0", "/opt/helpstation/wifi-new.so"},
        {"wifi", "1.3.0", "/opt/helpstation/wifi-old.so"},
        {"email", "1.0.0", "/opt/helpstation/email.so"},
    };
    hs::VersionSelection s = hs::select_versions(c);
    CHECK(s.winners == std::vector<std::size_t>{1, 2, 4}); // input order, one per id
    REQUIRE(s.shadowed.size() == 2);
    CHECK(s.shadowed[0].index == 0);
    CHECK(s.shadowed[0].by == 2);
    CHECK(s.shadowed[0].reason == "shadowed by /opt/helpstation/wifi-new.so (version 1.10.0 is higher than 1.2.0)");
    CHECK(s.shadowed[1].index == 3);
    CHECK(s.shadowed[1].by == 2);
    CHECK(s.shadowed[1].reason == "shadowed by /opt/helpstation/wifi-new.so (version 1.10.0 is higher than 1.3.0)");
}

TEST_CASE("Equal versions: the first path in name order wins, whatever the listing order", "[versions]") {
    std::vector<hs::VersionCandidate> forward = {{"wifi", "1.2.0", "/a/wifi.so"}, {"wifi", "1.2.0", "/b/wifi.so"}};
    std::vector<hs::VersionCandidate> backward = {forward[1], forward[0]};
    for (const auto &c : {forward, backward}) {
        hs::VersionSelection s = hs::select_versions(c);
        REQUIRE(s.winners.size() == 1);
        CHECK(c[s.winners[0]].path == "/a/wifi.so");
        REQUIRE(s.shadowed.size() == 1);
        CHECK(c[s.shadowed[0].index].path == "/b/wifi.so");
        CHECK(s.shadowed[0].reason == "shadowed by /a/wifi.so (same version 1.2.0, the first path in name order wins)");
    }
    // Equivalent but differently written: still a tie, and the reason shows both spellings.
    hs::VersionSelection s = hs::select_versions({{"wifi", "1.2", "/b/wifi.so"}, {"wifi", "1.2.0", "/a/wifi.so"}});
    CHECK(s.winners == std::vector<std::size_t>{1});
    REQUIRE(s.shadowed.size() == 1);
    CHECK(s.shadowed[0].reason ==
          "shadowed by /a/wifi.so (same version 1.2.0 as 1.2, the first path in name order wins)");
}

TEST_CASE("A higher version wins even when its path sorts last, a pre-release loses to its release", "[versions]") {
    hs::VersionSelection s = hs::select_versions({
        {"t", "2.0.0-beta", "/a/t.so"},
        {"t", "2.0.0", "/z/t.so"},
        {"t", "not-a-version", "/0/t.so"},
    });
    CHECK(s.winners == std::vector<std::size_t>{1});
    REQUIRE(s.shadowed.size() == 2);
    CHECK(s.shadowed[0].reason == "shadowed by /z/t.so (version 2.0.0 is higher than 2.0.0-beta)");
    CHECK(s.shadowed[1].reason == "shadowed by /z/t.so (version 2.0.0 is higher than not-a-version)");
}

TEST_CASE("No duplicates: everything wins, no candidates: nothing", "[versions]") {
    hs::VersionSelection s = hs::select_versions({{"a", "1.0.0", "/a.so"}, {"b", "1.0.0", "/b.so"}});
    CHECK(s.winners == std::vector<std::size_t>{0, 1});
    CHECK(s.shadowed.empty());
    hs::VersionSelection none = hs::select_versions({});
    CHECK(none.winners.empty());
    CHECK(none.shadowed.empty());
}

TEST_CASE("keep_highest_versions keeps winning topics in order and lists the shadowed ones", "[versions]") {
    auto topic = [](std::string id, std::string version, std::string path) {
        hs::Topic t;
        t.id = std::move(id);
        t.version = std::move(version);
        t.title = t.id + " " + t.version;
        t.plugin_path = std::move(path);
        return t;
    };
    std::vector<hs::Rejection> shadowed;
    std::vector<hs::Topic> kept = hs::keep_highest_versions(
        {topic("wifi", "1.0.0", "/p/wifi.so"), topic("mail", "1.0.0", "/p/mail.so"),
         topic("wifi", "1.1.0", "/q/wifi.so")},
        shadowed);
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].title == "mail 1.0.0");
    CHECK(kept[1].title == "wifi 1.1.0");
    REQUIRE(shadowed.size() == 1);
    CHECK(shadowed[0].plugin == "/p/wifi.so");
    CHECK(shadowed[0].reason == "shadowed by /q/wifi.so (version 1.1.0 is higher than 1.0.0)");
}
