#include "plugin_loader.hpp"

#include "picture_file.hpp"

#include <helpstation/plugin.h>

#include <dlfcn.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace hs {
namespace {

// hs_topic as ABI 1.0 shipped it. Later minor versions only add fields (plugin.h), so no valid
// plugin of major version 1 has a shorter struct.
constexpr size_t kTopicSizeV1 = sizeof(hs_topic);

LoadResult reject(const std::string &path, std::string reason) {
    std::vector<std::string> problems{reason};
    return {std::nullopt, Rejection{path, std::move(reason)}, std::move(problems)};
}

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

} // namespace

const char *kind_name(RejectionKind kind) {
    switch (kind) {
    case RejectionKind::refused: return "refused";
    case RejectionKind::quarantined: return "quarantined";
    case RejectionKind::unchecked: return "unchecked";
    case RejectionKind::folder: return "folder";
    }
    return "refused";
}

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

    CopyResult copied = copy_topic(widened, limits);
    if (!copied.topic) {
        std::string reason;
        for (const std::string &p : copied.problems) reason += (reason.empty() ? "" : "; ") + p;
        LoadResult refused = reject(path, reason);
        refused.problems = std::move(copied.problems);
        return refused;
    }
    copied.topic->plugin_path = path;
    if (pictures == PictureMemory::InFile) leave_pictures_in_file(*copied.topic, widened, lib.handle, path);
    return {std::move(copied.topic), std::nullopt};
}

std::vector<std::string> list_plugin_files(const std::string &folder, std::optional<Rejection> &problem) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    std::error_code ec;
    fs::file_status status = fs::status(folder, ec);
    if (status.type() == fs::file_type::not_found) {
        problem = Rejection{folder, "plugin folder does not exist", RejectionKind::folder};
        return files;
    }
    if (ec || !fs::is_directory(status)) {
        problem = Rejection{folder, ec ? "plugin folder cannot be read: " + ec.message() : "not a folder",
                            RejectionKind::folder};
        return files;
    }
    fs::directory_iterator it(folder, ec), end;
    if (ec) {
        problem = Rejection{folder, "plugin folder cannot be read: " + ec.message(), RejectionKind::folder};
        return files;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path &p = it->path();
        if (p.extension() == ".so") files.push_back(p.string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace hs
