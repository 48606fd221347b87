#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using hs::is_valid_utf8;

TEST_CASE("UTF-8 validation accepts well-formed text", "[utf8]") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII"));
    CHECK(is_valid_utf8("caf\xC3\xA9"));                  // é
    CHECK(is_valid_utf8("\xE2\x80\x9Cquoted\xE2\x80\x9D")); // “ ”
    CHECK(is_valid_utf8("\xF0\x9F\x93\xB1"));             // 📱, four bytes
}

TEST_CASE("UTF-8 validation rejects malformed text", "[utf8]") {
    CHECK_FALSE(is_valid_utf8("caf\xC3\x28"));     // bad continuation byte
    CHECK_FALSE(is_valid_utf8("\xC3"));            // truncated
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));        // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));    // UTF-16 surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xFF"));
    CHECK_FALSE(is_valid_utf8(std::string("\x80", 1)));
}
