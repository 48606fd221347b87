// What is drawn over the screens: the zoomed picture, the idle warning and the admin screens.
#pragma once

#include "context.hpp"

namespace hs::ui {

void draw_overlays(const Context &ctx, ImVec2 screen);

// Opens `image` of `topic` full screen.
void open_picture(const Context &ctx, const std::string &topic, const std::string &image);

// Opens the QR code of `url` (a support URL) over the screen under `title`, with Close.
void open_take_it_with_you(const Context &ctx, const std::string &url, const std::string &title);

} // namespace hs::ui
