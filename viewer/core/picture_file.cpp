#include "picture_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hs {

bool read_exactly(int fd, std::uint64_t offset, unsigned char *out, size_t n) {
    while (n > 0) {
        ssize_t got = pread(fd, out, n, static_cast<off_t>(offset));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        out += got;
        offset += static_cast<std::uint64_t>(got);
        n -= static_cast<size_t>(got);
    }
    return true;
}

std::int64_t mtime_ns(const struct stat &st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

std::shared_ptr<const std::vector<unsigned char>> read_picture(const Image &image, std::string &why) {
    if (image.encoded) return image.encoded;
    if (!image.file) {
        why = "no picture bytes";
        return nullptr;
    }
    const PictureFile &f = *image.file;
    int fd = open(f.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        why = std::string("cannot read the plugin file: ") + std::strerror(errno);
        return nullptr;
    }
    struct stat st {};
    bool same = fstat(fd, &st) == 0 && st.st_dev == f.device && st.st_ino == f.inode &&
                static_cast<std::uint64_t>(st.st_size) == f.file_size && mtime_ns(st) == f.mtime_ns;
    if (!same) {
        close(fd);
        why = "the plugin file changed since it was loaded (it is checked again)";
        return nullptr;
    }
    auto bytes = std::make_shared<std::vector<unsigned char>>(f.bytes);
    bool ok = read_exactly(fd, f.offset, bytes->data(), bytes->size());
    close(fd);
    if (!ok) {
        why = "cannot read the plugin file (cut short?)";
        return nullptr;
    }
    return bytes;
}

} // namespace hs
