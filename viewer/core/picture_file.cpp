#include "picture_file.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hs {
namespace {

struct Segment {
    uintptr_t start, end; // loaded addresses of the bytes that come from the file
    std::uint64_t offset; // file offset of `start`
};

struct Search {
    uintptr_t base;
    const char *name;
    std::vector<Segment> segments;
};

int collect_segments(dl_phdr_info *info, size_t, void *data) {
    auto *s = static_cast<Search *>(data);
    if (info->dlpi_addr != s->base || !info->dlpi_name || std::strcmp(info->dlpi_name, s->name) != 0) return 0;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr) &ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_LOAD || ph.p_filesz == 0) continue;
        uintptr_t start = info->dlpi_addr + ph.p_vaddr;
        s->segments.push_back({start, start + ph.p_filesz, ph.p_offset});
    }
    return 1;
}

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

} // namespace

void leave_pictures_in_file(Topic &topic, const hs_topic &raw, void *handle, const std::string &path) {
    link_map *map = nullptr;
    if (dlinfo(handle, RTLD_DI_LINKMAP, &map) != 0 || !map) return;
    Search search{map->l_addr, map->l_name, {}};
    dl_iterate_phdr(collect_segments, &search);
    if (search.segments.empty()) return;
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        close(fd);
        return;
    }
    std::vector<unsigned char> check;
    for (Image &img : topic.images) {
        if (!img.encoded) continue;
        const unsigned char *at = nullptr;
        for (size_t i = 0; i < raw.image_count && !at; ++i)
            if (raw.images[i].name && img.name == raw.images[i].name) at = raw.images[i].data;
        auto p = reinterpret_cast<uintptr_t>(at);
        size_t n = img.encoded->size();
        for (const Segment &seg : search.segments) {
            if (!at || p < seg.start || p + n > seg.end) continue;
            std::uint64_t offset = seg.offset + (p - seg.start);
            // Only what reads back the same is left in the file (the file is in the page cache
            // after dlopen: this costs a copy, once per plugin load).
            check.resize(n);
            if (!read_exactly(fd, offset, check.data(), n) || std::memcmp(check.data(), img.encoded->data(), n) != 0)
                break;
            auto file = std::make_shared<PictureFile>();
            file->path = path;
            file->offset = offset;
            file->bytes = n;
            file->device = st.st_dev;
            file->inode = st.st_ino;
            file->file_size = static_cast<std::uint64_t>(st.st_size);
            file->mtime_ns = mtime_ns(st);
            img.file = std::move(file);
            img.encoded.reset();
            break;
        }
    }
    close(fd);
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
