// The QR code of a support URL (core/qr_code.hpp): the matrix libqrencode makes, checked by
// reading it back with a real decoder (zbarimg, from zbar-tools) rather than by its bytes.
#include "core/qr_code.hpp"
#include "support/test_paths.hpp"
#include "support/zbar.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

// The code as a PGM picture, `scale` pixels a module, quiet zone included, as the kiosk draws it.
std::string write_pgm(const hs::QrCode &code, const std::string &name, int scale = 6) {
    std::vector<unsigned char> px = hs::qr_pixels(code);
    int side = code.size + 2 * hs::kQrQuietZone;
    std::filesystem::path dir = std::filesystem::path(test_paths::output) / "qr";
    std::filesystem::create_directories(dir);
    std::string path = (dir / (name + ".pgm")).string();
    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << side * scale << " " << side * scale << "\n255\n";
    for (int y = 0; y < side * scale; ++y)
        for (int x = 0; x < side * scale; ++x) out.put(static_cast<char>(px[static_cast<size_t>(y / scale) * side + x / scale]));
    return path;
}

std::string decode(const std::string &path) { return test_support::zbar_decode(path); }

// The 7x7 finder pattern of ISO/IEC 18004 with its top-left corner at (x, y).
bool finder_at(const hs::QrCode &c, int x, int y) {
    for (int j = 0; j < 7; ++j)
        for (int i = 0; i < 7; ++i) {
            bool ring = i == 0 || j == 0 || i == 6 || j == 6;
            bool centre = i >= 2 && i <= 4 && j >= 2 && j <= 4;
            if (c.at(x + i, y + j) != (ring || centre)) return false;
        }
    return true;
}

} // namespace

TEST_CASE("A URL becomes a QR matrix that decodes to exactly that URL", "[qr]") {
    const std::string url = "https://support.google.com/messages/answer/9487020";
    hs::QrCode code = hs::make_qr_code(url);
    REQUIRE(code.ok());
    INFO(code.error);
    CHECK(code.size == 17 + 4 * code.version); // the size of a QR code of its version
    CHECK(code.dark.size() == static_cast<size_t>(code.size * code.size));
    CHECK(finder_at(code, 0, 0));
    CHECK(finder_at(code, code.size - 7, 0));
    CHECK(finder_at(code, 0, code.size - 7));
    CHECK_FALSE(code.eci_utf8); // plain ASCII needs no ECI header

    // The quiet zone: four light modules all round.
    std::vector<unsigned char> px = hs::qr_pixels(code);
    int side = code.size + 2 * hs::kQrQuietZone;
    REQUIRE(px.size() == static_cast<size_t>(side * side));
    for (int i = 0; i < side; ++i)
        for (int q = 0; q < hs::kQrQuietZone; ++q) {
            CHECK(px[static_cast<size_t>(q) * side + i] == 255);
            CHECK(px[static_cast<size_t>(i) * side + q] == 255);
        }
    CHECK(px[static_cast<size_t>(hs::kQrQuietZone) * side + hs::kQrQuietZone] == 0); // the finder's corner

    CHECK(decode(write_pgm(code, "ascii")) == url + "\n");
}

TEST_CASE("A URL with non-ASCII characters is announced as UTF-8 (ECI 26) and reads back as UTF-8", "[qr]") {
    const std::string url = "https://example.com/ayuda/configuraci\xC3\xB3n-m\xC3\xB3vil";
    hs::QrCode code = hs::make_qr_code(url);
    REQUIRE(code.ok());
    CHECK(code.eci_utf8);
    CHECK(decode(write_pgm(code, "utf8")) == url + "\n");
}

TEST_CASE("Text no QR code can hold gives no code and says why", "[qr]") {
    hs::QrCode empty = hs::make_qr_code("");
    CHECK_FALSE(empty.ok());
    CHECK(empty.error == "no text");
    hs::QrCode huge = hs::make_qr_code("https://example.com/" + std::string(4000, 'a'));
    CHECK_FALSE(huge.ok());
    CHECK_THAT(huge.error, Catch::StartsWith("QRcode_encodeInput"));
    // The longest support URL the validator lets through still makes a code.
    CHECK(hs::make_qr_code("https://example.com/" + std::string(2048 - 20, 'a')).ok());
}
