// The topic as data (extraction.hpp): what the probe sends and the cache keeps reads back exactly,
// and no byte string, however cut or scrambled, makes the reader crash, allocate without bound or
// accept something the validator would not.
#include "core/extraction.hpp"
#include "probe/plugin_loader.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

namespace {

hs::PictureFile file_of(const std::string &path) {
    hs::PictureFile f;
    f.path = path;
    f.file_size = std::filesystem::file_size(path);
    return f;
}

std::string bundled() { return std::string(test_paths::bundled_plugins) + "/imessage-facetime-activation.so"; }

} // namespace

TEST_CASE("A topic sent as data reads back field for field", "[extraction]") {
    hs::LoadResult loaded = hs::load_plugin(bundled(), {}, {}, hs::PictureMemory::InFile);
    REQUIRE(loaded.topic);
    const hs::Topic &t = *loaded.topic;
    std::string data = hs::encode_extraction(t);
    CHECK(data.size() < hs::max_extraction_bytes({}));
    hs::CopyResult back = hs::decode_extraction(data, file_of(bundled()));
    INFO((back.problems.empty() ? "" : back.problems[0]));
    REQUIRE(back.topic);
    const hs::Topic &u = *back.topic;
    CHECK(u.id == t.id);
    CHECK(u.title == t.title);
    CHECK(u.why == t.why);
    CHECK(u.symptoms == t.symptoms);
    REQUIRE(u.fixes.size() == t.fixes.size());
    for (size_t i = 0; i < t.fixes.size(); ++i) {
        REQUIRE(u.fixes[i].steps.size() == t.fixes[i].steps.size());
        for (size_t j = 0; j < t.fixes[i].steps.size(); ++j) {
            CHECK(u.fixes[i].steps[j].text == t.fixes[i].steps[j].text);
            CHECK(u.fixes[i].steps[j].caution == t.fixes[i].steps[j].caution);
        }
    }
    REQUIRE(u.images.size() == t.images.size());
    for (size_t i = 0; i < t.images.size(); ++i) {
        REQUIRE(t.images[i].file);
        REQUIRE(u.images[i].file);
        CHECK(u.images[i].file->offset == t.images[i].file->offset);
        CHECK(u.images[i].width == t.images[i].width);
    }
    CHECK(u.plugin_path == bundled());
}

TEST_CASE("A picture range outside the plugin file is refused, not read", "[extraction]") {
    hs::LoadResult loaded = hs::load_plugin(bundled(), {}, {}, hs::PictureMemory::InFile);
    REQUIRE(loaded.topic);
    std::string data = hs::encode_extraction(*loaded.topic);
    hs::PictureFile small = file_of(bundled());
    small.file_size = 1000; // as if the file were this short
    hs::CopyResult r = hs::decode_extraction(data, small);
    CHECK_FALSE(r.topic);
    REQUIRE_FALSE(r.problems.empty());
    CHECK_THAT(r.problems[0], Catch::Contains("lie outside the plugin file"));
}

TEST_CASE("Cut or scrambled data is refused with a reason, never crashes", "[extraction]") {
    hs::LoadResult loaded = hs::load_plugin(std::string(test_paths::good_plugins) + "/good-alone.so");
    REQUIRE(loaded.topic); // its picture is a copy: it travels inline
    std::string data = hs::encode_extraction(*loaded.topic);
    hs::PictureFile f = file_of(std::string(test_paths::good_plugins) + "/good-alone.so");
    REQUIRE(hs::decode_extraction(data, f).topic);
    for (size_t n = 0; n < data.size(); n += 1 + n / 64) {
        hs::CopyResult r = hs::decode_extraction(std::string_view(data).substr(0, n), f);
        CHECK_FALSE(r.topic);
        CHECK_FALSE(r.problems.empty());
    }
    std::mt19937 rng(7);
    int accepted = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string bad = data;
        for (int k = 0; k < 4; ++k) bad[rng() % bad.size()] = static_cast<char>(rng());
        hs::CopyResult r = hs::decode_extraction(bad, f);
        CHECK(r.topic.has_value() == r.problems.empty());
        if (r.topic) ++accepted; // a flipped byte inside a picture or a letter still validates
    }
    CHECK(accepted < 2000);
}

TEST_CASE("Support URLs and alt texts travel with the topic, in lists as long as the fixes and pictures",
          "[extraction][abi11]") {
    hs::LoadResult loaded = hs::load_plugin(bundled(), {}, {}, hs::PictureMemory::InFile);
    REQUIRE(loaded.topic);
    hs::Topic t = *loaded.topic;
    REQUIRE_FALSE(t.support_url.empty());
    std::string data = hs::encode_extraction(t);
    hs::CopyResult back = hs::decode_extraction(data, file_of(bundled()));
    REQUIRE(back.topic);
    CHECK(back.topic->support_url == t.support_url);
    bool any_fix_url = false;
    for (size_t i = 0; i < t.fixes.size(); ++i) {
        CHECK(back.topic->fixes[i].support_url == t.fixes[i].support_url);
        any_fix_url = any_fix_url || !t.fixes[i].support_url.empty();
    }
    CHECK(any_fix_url);
    for (size_t i = 0; i < t.images.size(); ++i) CHECK(back.topic->images[i].alt == t.images[i].alt);

    // One alt text more than there are pictures: malformed, and the list is named.
    for (hs::Image &img : t.images) img.alt.clear();
    t.images[0].alt = "ALT-MARKER";
    data = hs::encode_extraction(t);
    size_t at = data.find("ALT-MARKER");
    REQUIRE(at != std::string::npos);
    data[at - 8] = static_cast<char>(t.images.size() + 1); // the list's count, before the first alt's length
    hs::CopyResult refused = hs::decode_extraction(data, file_of(bundled()));
    CHECK_FALSE(refused.topic);
    REQUIRE_FALSE(refused.problems.empty());
    CHECK_THAT(refused.problems[0], Catch::Contains("image_alts: " + std::to_string(t.images.size() + 1) +
                                                    " entries for " + std::to_string(t.images.size()) + " pictures"));
}
