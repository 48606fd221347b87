// Full decoding of a topic's pictures. Loading reads only each picture's header (fast, and enough
// for the size limits); this decodes every pixel, which catches a file whose header is fine but
// whose data is cut off or corrupt. helpstation-probe runs it, outside the kiosk's process.
#pragma once

#include "content.hpp"

#include <string>
#include <vector>

namespace hs {

// One "images[i] 'name': reason" per picture that does not decode; empty when all do.
// The header check at load has already bounded every picture's pixel count, so no decode here
// allocates more than ContentLimits::max_image_pixels * 4 bytes.
std::vector<std::string> undecodable_pictures(const Topic &topic);

} // namespace hs
