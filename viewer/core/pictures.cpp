#include "pictures.hpp"

#include <stb_image.h>

namespace hs {

std::vector<std::string> undecodable_pictures(const Topic &topic) {
    std::vector<std::string> problems;
    for (size_t i = 0; i < topic.images.size(); ++i) {
        const Image &img = topic.images[i];
        int w = 0, h = 0, comp = 0;
        // 4 channels, as the viewer decodes them for upload: the same code path, the same failures.
        unsigned char *pixels =
            stbi_load_from_memory(img.data(), static_cast<int>(img.size()), &w, &h, &comp, 4);
        if (pixels) {
            stbi_image_free(pixels);
            continue;
        }
        const char *why = stbi_failure_reason();
        problems.push_back("images[" + std::to_string(i) + "] '" + img.name + "': pixels cannot be decoded (" +
                           (why ? why : "unknown reason") + ")");
    }
    return problems;
}

} // namespace hs
