// Validation of the plain-C descriptor, field by field, without building a plugin for each case.
#include "core/descriptor.hpp"

#include <helpstation/plugin.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

// A 1x1 PNG, so descriptors built here have a real picture.
const unsigned char kPng[] = {
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
    0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
    0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x64, 0xF8, 0xCF, 0x50, 0x0F, 0x00, 0x03, 0x86, 0x01, 0x80,
    0x5A, 0x34, 0x7D, 0x6B, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};

// A valid descriptor each test case breaks in one place.
struct Fixture {
    const char *symptoms[1] = {"It is broken."};
    hs_step steps[2] = {{"Do this.", "pic", nullptr, nullptr}, {"Then this.", nullptr, "A note.", ""}};
    hs_fix fixes[1] = {{"The fix", nullptr, nullptr, steps, 2}};
    hs_faq faq[1] = {{"Why?", "Because."}};
    hs_image images[1] = {{"pic", kPng, sizeof kPng}};
    hs_topic topic{};

    Fixture() {
        topic.struct_size = sizeof(hs_topic);
        topic.abi_version = HELPSTATION_ABI_VERSION;
        topic.id = "valid-topic";
        topic.title = "A valid topic";
        topic.version = "2.0.1";
        topic.summary = "One line.";
        topic.category = "Tests";
        topic.symptoms = symptoms;
        topic.symptom_count = 1;
        topic.why = "Reasons.";
        topic.fixes = fixes;
        topic.fix_count = 1;
        topic.faq = faq;
        topic.faq_count = 1;
        topic.images = images;
        topic.image_count = 1;
    }
};

std::string problems_of(const hs::CopyResult &r) {
    std::string all;
    for (const std::string &p : r.problems) all += p + "\n";
    return all;
}

} // namespace

TEST_CASE("A valid descriptor is copied completely", "[descriptor]") {
    Fixture f;
    hs::CopyResult r = hs::copy_topic(f.topic);
    REQUIRE(r.problems.empty());
    REQUIRE(r.topic);
    const hs::Topic &t = *r.topic;
    CHECK(t.id == "valid-topic");
    CHECK(t.version == "2.0.1");
    REQUIRE(t.fixes.size() == 1);
    REQUIRE(t.fixes[0].steps.size() == 2);
    CHECK(t.fixes[0].steps[0].image == "pic");
    CHECK(t.fixes[0].steps[1].note == "A note.");
    CHECK(t.fixes[0].steps[1].caution.empty());
    REQUIRE(t.images.size() == 1);
    CHECK(t.images[0].width == 1);
    CHECK(t.images[0].size() == sizeof kPng);
    CHECK(t.faq[0].answer == "Because.");
}

// The fixture as changed by one section is refused, and says `expected`.
void expect_refused(const Fixture &f, const std::string &expected) {
    hs::CopyResult r = hs::copy_topic(f.topic);
    CHECK_FALSE(r.topic);
    CHECK_THAT(problems_of(r), Catch::Contains(expected));
}

TEST_CASE("Every required field is checked and named", "[descriptor]") {
    Fixture f;
    SECTION("id") { f.topic.id = nullptr; expect_refused(f, "id: missing"); }
    SECTION("title") { f.topic.title = ""; expect_refused(f, "title: missing"); }
    SECTION("version") { f.topic.version = nullptr; expect_refused(f, "version: missing"); }
    SECTION("summary") { f.topic.summary = ""; expect_refused(f, "summary: missing"); }
    SECTION("category") { f.topic.category = nullptr; expect_refused(f, "category: missing"); }
    SECTION("why") { f.topic.why = ""; expect_refused(f, "why: missing"); }
    SECTION("symptoms") { f.topic.symptom_count = 0; expect_refused(f, "symptoms: empty"); }
    SECTION("fixes") { f.topic.fix_count = 0; expect_refused(f, "fixes: empty"); }
    SECTION("fix title") { f.fixes[0].title = ""; expect_refused(f, "fixes[0].title: missing"); }
    SECTION("steps") { f.fixes[0].step_count = 0; expect_refused(f, "fixes[0].steps: empty"); }
    SECTION("step text") { f.steps[1].text = nullptr; expect_refused(f, "fixes[0].steps[1].text: missing"); }
    SECTION("faq answer") { f.faq[0].answer = ""; expect_refused(f, "faq[0].answer: missing"); }
    SECTION("picture name") { f.images[0].name = nullptr; expect_refused(f, "images[0].name: missing"); }
}

TEST_CASE("Malformed values are rejected with the field and the reason", "[descriptor]") {
    Fixture f;
    SECTION("id with capitals") { f.topic.id = "Bad_Id"; expect_refused(f, "id: 'Bad_Id' must be 1-64 lowercase letters"); }
    SECTION("version") { f.topic.version = "one"; expect_refused(f, "version: 'one' is not MAJOR.MINOR.PATCH"); }
    SECTION("version without patch") { f.topic.version = "1.2"; expect_refused(f, "version: '1.2' is not MAJOR.MINOR.PATCH"); }
    SECTION("reserved id") { f.topic.id = "home"; expect_refused(f, "id: 'home' must be"); }
    SECTION("a GIF is not a PNG or JPEG") {
        static const unsigned char gif[] = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0};
        f.images[0].data = gif;
        f.images[0].size = sizeof gif;
        expect_refused(f, "images[0] 'pic': cannot be decoded as a PNG or JPEG picture (neither signature found)");
    }
    SECTION("invalid UTF-8") { f.symptoms[0] = "caf\xC3\x28"; expect_refused(f, "symptoms[0]: invalid UTF-8"); }
    SECTION("NULL list with a count") { f.topic.faq = nullptr; expect_refused(f, "faq: count is 1 but the pointer is NULL"); }
    SECTION("absurd count") { f.topic.symptom_count = 100000; expect_refused(f, "symptoms: 100000 entries, more than the limit"); }
    SECTION("undecodable picture") {
        static const unsigned char junk[] = "not a picture at all";
        f.images[0].data = junk;
        f.images[0].size = sizeof junk;
        expect_refused(f, "images[0] 'pic': cannot be decoded as a PNG or JPEG picture");
    }
    SECTION("picture without bytes") { f.images[0].size = 0; expect_refused(f, "images[0] 'pic': no picture bytes"); }
    SECTION("step refers to a missing picture") {
        f.steps[0].image = "elsewhere";
        expect_refused(f, "fixes[0].steps[0].image: no picture named 'elsewhere'");
    }
    SECTION("icon refers to a missing picture") { f.topic.icon = "logo"; expect_refused(f, "icon: no picture named 'logo'"); }
}

TEST_CASE("Limits bound strings and pictures", "[descriptor]") {
    Fixture f;
    hs::ContentLimits limits;
    limits.max_string_bytes = 8;
    f.topic.why = "far longer than eight bytes";
    CHECK_THAT(problems_of(hs::copy_topic(f.topic, limits)), Catch::Contains("why: longer than 8 bytes"));

    Fixture g;
    hs::ContentLimits tiny;
    tiny.max_image_pixels = 0;
    CHECK_THAT(problems_of(hs::copy_topic(g.topic, tiny)), Catch::Contains("1x1 pixels is larger than the limit"));
}

TEST_CASE("Several problems are all reported", "[descriptor]") {
    Fixture f;
    f.topic.title = "";
    f.topic.version = "x";
    hs::CopyResult r = hs::copy_topic(f.topic);
    CHECK(r.problems.size() == 2);
}

TEST_CASE("Topic ids", "[descriptor]") {
    CHECK(hs::is_valid_topic_id("imessage-facetime-activation"));
    CHECK(hs::is_valid_topic_id("wifi2"));
    CHECK_FALSE(hs::is_valid_topic_id(""));
    CHECK_FALSE(hs::is_valid_topic_id("-leading"));
    CHECK_FALSE(hs::is_valid_topic_id("trailing-"));
    CHECK_FALSE(hs::is_valid_topic_id("has space"));
    CHECK_FALSE(hs::is_valid_topic_id(std::string(65, 'a')));
    CHECK_FALSE(hs::is_valid_topic_id("home")); // the route "home" is the home screen
}

// ---- ABI 1.1: support URLs and alt texts --------------------------------------------------------

namespace {

struct Fixture11 : Fixture {
    const char *fix_urls[1] = {"https://support.example.com/fix-one"};
    const char *alts[1] = {"A test picture."};
    Fixture11() {
        topic.abi_minor = 1;
        topic.support_url = "https://support.example.com/topic";
        topic.fix_support_urls = fix_urls;
        topic.image_alts = alts;
    }
};

} // namespace

TEST_CASE("ABI 1.1: the support URLs and the pictures' alt texts are copied", "[descriptor][abi11]") {
    Fixture11 f;
    hs::CopyResult r = hs::copy_topic(f.topic);
    INFO(problems_of(r));
    REQUIRE(r.topic);
    CHECK(r.topic->support_url == "https://support.example.com/topic");
    CHECK(r.topic->fixes[0].support_url == "https://support.example.com/fix-one");
    CHECK(r.topic->images[0].alt == "A test picture.");

    SECTION("http:// and an internationalized path are web addresses too") {
        f.topic.support_url = "http://example.com/ayuda/teléfono";
        hs::CopyResult http = hs::copy_topic(f.topic);
        REQUIRE(http.topic);
        CHECK(http.topic->support_url == "http://example.com/ayuda/teléfono");
    }
    SECTION("every entry is optional: NULL and \"\" mean none") {
        f.fix_urls[0] = nullptr;
        f.alts[0] = "";
        f.topic.support_url = nullptr;
        hs::CopyResult none = hs::copy_topic(f.topic);
        REQUIRE(none.topic);
        CHECK(none.topic->support_url.empty());
        CHECK(none.topic->fixes[0].support_url.empty());
        CHECK(none.topic->images[0].alt.empty());
    }
}

TEST_CASE("ABI 1.1: a support URL that is not a web address is refused, naming the field", "[descriptor][abi11]") {
    Fixture11 f;
    SECTION("another scheme") {
        f.topic.support_url = "ftp://support.example.com/topic";
        expect_refused(f, "support_url: 'ftp://support.example.com/topic' does not start with https:// (or http://)");
    }
    SECTION("no scheme") {
        f.fix_urls[0] = "support.example.com/fix";
        expect_refused(f, "fix_support_urls[0]: 'support.example.com/fix' does not start with https://");
    }
    SECTION("a space") {
        f.topic.support_url = "https://support.example.com/my topic";
        expect_refused(f, "support_url: holds a space or a control character");
    }
    SECTION("no host") {
        f.fix_urls[0] = "https:///path";
        expect_refused(f, "fix_support_urls[0]: names no host after the scheme");
    }
    SECTION("longer than 2 KiB") {
        std::string long_url = "https://example.com/" + std::string(2100, 'a');
        f.topic.support_url = long_url.c_str();
        expect_refused(f, "support_url: " + std::to_string(long_url.size()) + " bytes, longer than the limit of 2048");
    }
    SECTION("invalid UTF-8") {
        f.topic.support_url = "https://example.com/\xC3(";
        expect_refused(f, "support_url: invalid UTF-8");
    }
    SECTION("an alt text in invalid UTF-8") {
        f.alts[0] = "A picture \xFF";
        expect_refused(f, "image_alts[0]: invalid UTF-8");
    }
}

TEST_CASE("A 1.0 plugin's reserved slots are never read as 1.1 fields", "[descriptor][abi11]") {
    Fixture11 f;
    f.topic.abi_minor = 0; // a 1.0 plugin: what is in the slots is not ours to read
    f.topic.support_url = "not a URL";
    hs::CopyResult r = hs::copy_topic(f.topic);
    INFO(problems_of(r));
    REQUIRE(r.topic);
    CHECK(r.topic->support_url.empty());
    CHECK(r.topic->fixes[0].support_url.empty());
    CHECK(r.topic->images[0].alt.empty());
}
