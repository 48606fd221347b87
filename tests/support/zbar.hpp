// What zbarimg (zbar-tools) reads in a picture file: each code's text on a line of its own (its
// --raw output). Its stderr (D-Bus noise from ImageMagick on a machine without a system bus) is
// not part of it. Shared by the QR unit tests and the take-it-with-you screenshots.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

namespace test_support {

inline std::string zbar_decode(const std::string &path) {
    std::string out;
    FILE *p = popen(("zbarimg --raw -q '" + path + "' 2>/dev/null").c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

} // namespace test_support
