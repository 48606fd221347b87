#include "screenshot.hpp"

#include <glad/gl.h>
#include <spdlog/spdlog.h>
#include <stb_image_write.h>

#include <cstring>
#include <vector>

namespace hs::app {

std::string save_screenshot(const std::string &path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 3);
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
    if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), static_cast<int>(row)))
        return "cannot write " + path;
    return {};
}

} // namespace hs::app
