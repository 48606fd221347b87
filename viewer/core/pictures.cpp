#include "pictures.hpp"

#include "picture_file.hpp"

#include <stb_image.h>

namespace hs {

std::vector<std::string> undecodable_pictures(const Topic &topic) {
    std::vector<std::string> problems;
    for (size_t i = 0; i < topic.images.size(); ++i) {
        const Image &img = topic.images[i];
        std::string why_not;
        std::shared_ptr<const std::vector<unsigned char>> bytes = read_picture(img, why_not);
        if (!bytes) {
            problems.push_back("images[" + std::to_string(i) + "] '" + img.name + "': " + why_not);
            continue;
        }
        int w = 0, h = 0, comp = 0;
        // 4 channels, as the viewer decodes them for upload: the same code path, the same failures.
        unsigned char *pixels =
            stbi_load_from_memory(bytes->data(), static_cast<int>(bytes->size()), &w, &h, &comp, 4);
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
