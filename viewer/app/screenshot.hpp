#pragma once
#include <string>
#include <vector>

namespace hs::app {
// Reads the current GL back buffer (width x height) into `rgb`, top row first, 3 bytes a pixel.
// Returns an error message, empty on success.
std::string read_back_buffer(int width, int height, std::vector<unsigned char> &rgb);
// Writes top-down RGB pixels to `path` as PNG. Returns an error message, empty on success.
std::string write_png(const std::string &path, int width, int height, const std::vector<unsigned char> &rgb);
// Reads the current GL back buffer (width x height) and writes it to `path` as PNG.
// Returns an error message, empty on success.
std::string save_screenshot(const std::string &path, int width, int height);
} // namespace hs::app
