#include "qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace hs {
namespace {

constexpr unsigned kEciUtf8 = 26; // ECI assignment number of UTF-8

bool plain_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c > 0x7F) return false;
    return true;
}

std::string failure(const char *what) {
    return std::string(what) + ": " + (errno ? std::strerror(errno) : "unknown error");
}

} // namespace

QrCode make_qr_code(std::string_view text) {
    QrCode out;
    if (text.empty()) {
        out.error = "no text";
        return out;
    }
    // QRinput rather than QRcode_encodeString: only it can put the ECI header first. The whole
    // text goes in as 8-bit bytes (its own mode choice would split a URL into many short segments
    // and gain little).
    std::unique_ptr<QRinput, void (*)(QRinput *)> input(QRinput_new2(0, QR_ECLEVEL_M), QRinput_free);
    if (!input) {
        out.error = failure("QRinput_new2");
        return out;
    }
    out.eci_utf8 = !plain_ascii(text);
    errno = 0;
    if (out.eci_utf8 && QRinput_appendECIheader(input.get(), kEciUtf8) != 0) {
        out.error = failure("QRinput_appendECIheader");
        return out;
    }
    if (QRinput_append(input.get(), QR_MODE_8, static_cast<int>(text.size()),
                       reinterpret_cast<const unsigned char *>(text.data())) != 0) {
        out.error = failure("QRinput_append");
        return out;
    }
    std::unique_ptr<QRcode, void (*)(QRcode *)> code(QRcode_encodeInput(input.get()), QRcode_free);
    if (!code) { // ERANGE: too long for any version
        out.error = failure("QRcode_encodeInput");
        return out;
    }
    out.size = code->width;
    out.version = code->version;
    out.dark.resize(static_cast<size_t>(out.size) * out.size);
    for (size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = code->data[i] & 1; // bit 0: dark
    return out;
}

std::vector<unsigned char> qr_pixels(const QrCode &code, int quiet) {
    int side = code.size + 2 * quiet;
    std::vector<unsigned char> px(static_cast<size_t>(side) * side, 255);
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size; ++x)
            if (code.at(x, y)) px[static_cast<size_t>(y + quiet) * side + x + quiet] = 0;
    return px;
}

} // namespace hs
