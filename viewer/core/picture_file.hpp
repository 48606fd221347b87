// Pictures left in their plugin file. A topic's pictures are most of its size (a bundled topic
// carries 1.6 MB of PNGs); copying them all into memory at load makes every installed topic cost
// that much, opened or not. The kiosk instead remembers where each picture is in the .so file
// (helpstation-probe finds it: the library's loadable segments map file offsets to the addresses
// the entry point returned) and reads it from there when the topic is opened, after checking the
// file is the one that was checked.
#pragma once

#include "content.hpp"

#include <sys/stat.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hs {

// Reads exactly `n` bytes at `offset` of `fd`; false when the file is shorter or cannot be read.
bool read_exactly(int fd, std::uint64_t offset, unsigned char *out, size_t n);
// A file's modification time in nanoseconds, as PictureFile keeps it.
std::int64_t mtime_ns(const struct stat &st);

// The encoded bytes of `image`: the copy in memory, or read from its plugin file. Null with
// `why` set when the file cannot be read or is no longer the one that was loaded.
std::shared_ptr<const std::vector<unsigned char>> read_picture(const Image &image, std::string &why);

} // namespace hs
