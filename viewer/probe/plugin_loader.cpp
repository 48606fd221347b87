#include "plugin_loader.hpp"

#include "core/picture_file.hpp"

#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <helpstation/plugin.h>

#include <dlfcn.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

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

// For each picture of `topic` (copied from `raw` while the library `handle` of `path` is still
// open): when its bytes lie in the file as they are in memory, replace the copy by a PictureFile.
// Pictures that cannot be found in the file (built at run time, say) keep their copy.

// hs_topic as ABI 1.0 shipped it. Later minor versions only add fields (plugin.h), so no valid
// plugin of major version 1 has a shorter struct.
constexpr size_t kTopicSizeV1 = sizeof(hs_topic);

LoadResult reject(const std::string &, std::string reason) { return {std::nullopt, {std::move(reason)}}; }

// Read the first bytes ourselves: dlopen's message for a text file is cryptic
// ("invalid ELF header"), and an operator should read "not a plugin".
std::optional<std::string> check_elf(const std::string &path) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec) return "cannot read: " + ec.message();
    if (!std::filesystem::is_regular_file(status)) return "not a regular file";
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::string("cannot read: ") + std::strerror(errno);
    char magic[4] = {};
    in.read(magic, 4);
    if (in.gcount() < 4 || std::memcmp(magic, "\x7f" "ELF", 4) != 0)
        return "not a shared library (not an ELF file)";
    return std::nullopt;
}

// Closing runs the plugin's destructors, which can crash too: that is a phase of its own.
struct Library {
    void *handle = nullptr;
    const LoadPhaseFn &phase;
    ~Library() {
        if (!handle) return;
        if (phase) phase("close");
        dlclose(handle);
    }
};

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

} // namespace

LoadResult load_plugin(const std::string &path, const ContentLimits &limits, const LoadPhaseFn &phase,
                       PictureMemory pictures) {
    if (auto problem = check_elf(path)) return reject(path, *problem);

    // dlopen runs the plugin's constructors: its first chance to crash.
    if (phase) phase("dlopen");
    Library lib{nullptr, phase};
    // RTLD_LOCAL: one plugin's symbols never resolve another's. RTLD_NOW: a missing symbol
    // fails here, with a message, instead of crashing later.
    lib.handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib.handle) {
        const char *err = dlerror();
        return reject(path, std::string("cannot be loaded: ") + (err ? err : "unknown dlopen error"));
    }
    dlerror();
    auto entry = reinterpret_cast<hs_entry_fn>(dlsym(lib.handle, HELPSTATION_ENTRY_SYMBOL));
    if (!entry)
        return reject(path, "no " HELPSTATION_ENTRY_SYMBOL "() symbol: not a Help Station topic plugin");

    if (phase) phase("entry");
    const hs_topic *raw = nullptr;
    try {
        raw = entry();
    } catch (...) {
        // The contract says the entry must not throw; if it does anyway, the kiosk carries on.
        return reject(path, HELPSTATION_ENTRY_SYMBOL "() threw an exception");
    }
    if (!raw) return reject(path, HELPSTATION_ENTRY_SYMBOL "() returned NULL");
    if (raw->abi_version == 0 || raw->abi_version > HELPSTATION_ABI_VERSION)
        return reject(path, "abi_version: plugin ABI " + std::to_string(raw->abi_version) +
                                " is not supported (this viewer supports 1 to " +
                                std::to_string(HELPSTATION_ABI_VERSION) + "); rebuild the plugin or update the viewer");
    if (raw->struct_size < kTopicSizeV1)
        return reject(path, "struct_size: " + std::to_string(raw->struct_size) + " bytes is smaller than an ABI " +
                                std::to_string(raw->abi_version) + " topic (" + std::to_string(kTopicSizeV1) + ")");

    if (phase) phase("validate");
    // Read what the plugin provides into a zero-filled struct of our own; fields a newer minor
    // version appended beyond our struct are ignored.
    hs_topic widened{};
    std::memcpy(&widened, raw, std::min<size_t>(raw->struct_size, sizeof widened));
    // copy_topic reads the 1.1 fields (translations) only when abi_minor says the plugin knows them.

    CopyResult copied = copy_topic(widened, limits);
    if (!copied.topic) {
        return {std::nullopt, std::move(copied.problems)};
    }
    copied.topic->plugin_path = path;
    if (pictures == PictureMemory::InFile) leave_pictures_in_file(*copied.topic, widened, lib.handle, path);
    return {std::move(copied.topic), {}, std::move(copied.warnings)};
}

} // namespace hs
