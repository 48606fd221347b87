#pragma once
#include <string>

namespace hs::app {
// Reads the current GL back buffer (width x height) and writes it to `path` as PNG.
// Returns an error message, empty on success.
std::string save_screenshot(const std::string &path, int width, int height);
} // namespace hs::app
