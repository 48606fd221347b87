// A QR code as a matrix of modules, made with libqrencode: what the success and ask-team screens
// show of a support URL ("take it with you"). Plain data, no GL: the ui uploads qr_pixels() as a
// texture. Only the URL goes in; nothing about the visit or the customer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hs {

// The light margin a reader needs around the code, in modules (ISO/IEC 18004 asks for 4).
constexpr int kQrQuietZone = 4;

struct QrCode {
    int size = 0;                    // modules per side, quiet zone not included; 0 when it failed
    int version = 0;                 // 1..40
    std::vector<unsigned char> dark; // size * size, row by row: 1 = a dark module
    bool eci_utf8 = false;           // starts with ECI 26 (UTF-8): the text is not plain ASCII
    std::string error;               // why there is no code

    bool ok() const { return size > 0; }
    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

// The code of `text` at error correction level M (15 %: a smudged screen still scans), the smallest
// version that holds it. Text with any byte over 0x7F is announced as UTF-8 with an ECI header, so a
// phone does not read it as Latin-1; plain ASCII needs none.
QrCode make_qr_code(std::string_view text);

// One byte per module, quiet zone included: (size + 2 * quiet)^2 grey levels, 0 dark, 255 light.
std::vector<unsigned char> qr_pixels(const QrCode &code, int quiet = kQrQuietZone);

} // namespace hs
