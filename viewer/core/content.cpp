#include "content.hpp"

namespace hs {

int Topic::step_count() const {
    int n = 0;
    for (const Fix &f : fixes) n += static_cast<int>(f.steps.size());
    return n;
}

const Image *Topic::find_image(const std::string &name) const {
    for (const Image &img : images)
        if (img.name == name) return &img;
    return nullptr;
}

} // namespace hs
