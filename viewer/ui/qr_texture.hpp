// "Take it with you": a QR code of a support URL on screen (core/qr_code.hpp makes the modules).
// One texel per module, quiet zone included, sampled nearest-neighbour and drawn at a whole number
// of pixels per module, so every edge is sharp for a phone's camera.
#pragma once

#include "context.hpp"

#include <string>

namespace hs::ui {

// The texture of the code on screen; a new URL replaces it. Needs the GL context (UI thread).
class QrTexture {
public:
    QrTexture() = default;
    ~QrTexture();
    QrTexture(const QrTexture &) = delete;
    QrTexture &operator=(const QrTexture &) = delete;

    // The texture for `url` (made on first use); id 0 when the URL cannot be encoded.
    // width/height are in modules, quiet zone included.
    const Texture &get(const std::string &url);

private:
    std::string url_;
    Texture texture_;
};

// The block the success, ask-team and fix screens show: the code of `url`, "Scan with your phone's
// camera..." and the URL itself, centred in `width` from `x` at the cursor; the code is at most
// `max_side` px. Advances the cursor below it.
void take_it_with_you(const Context &ctx, const std::string &url, float x, float width, float max_side);

// The height take_it_with_you() needs for the same arguments.
float take_it_with_you_height(const Context &ctx, const std::string &url, float width, float max_side);

// The side of the code in px: a whole number of px per module, as large as fits in `max_side`.
float qr_side(const Context &ctx, const std::string &url, float max_side);

} // namespace hs::ui
