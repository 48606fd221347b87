#include "screenshot.hpp"

#include <glad/gl.h>
#include <spdlog/spdlog.h>
#include <stb_image_write.h>

#include <cstring>
#include <vector>

namespace hs::app {

std::string read_back_buffer(int width, int height, std::vector<unsigned char> &pixels) {
    pixels.assign(static_cast<size_t>(width) * height * 3, 0);
    // An error left over from earlier drawing is not this read's: report it, then start clean.
    for (GLenum e = glGetError(); e != GL_NO_ERROR; e = glGetError()) spdlog::warn("GL error 0x{:x} before the screenshot", e);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (glGetError() != GL_NO_ERROR) return "glReadPixels failed";
    // GL's rows go bottom-up, PNG's top-down.
    size_t row = static_cast<size_t>(width) * 3;
    std::vector<unsigned char> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        unsigned char *a = pixels.data() + y * row, *b = pixels.data() + (height - 1 - y) * row;
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    return {};
}

std::string write_png(const std::string &path, int width, int height, const std::vector<unsigned char> &rgb) {
    if (!stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3)) return "cannot write " + path;
    return {};
}

std::string save_screenshot(const std::string &path, int width, int height) {
    std::vector<unsigned char> pixels;
    if (std::string error = read_back_buffer(width, height, pixels); !error.empty()) return error;
    return write_png(path, width, height, pixels);
}

} // namespace hs::app
