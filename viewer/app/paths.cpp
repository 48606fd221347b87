#include "paths.hpp"

#include <filesystem>

#ifndef HELPSTATION_LOCALE_DIR_FROM_BIN
#error "HELPSTATION_LOCALE_DIR_FROM_BIN must be set by CMake"
#endif
#ifndef HELPSTATION_PLUGIN_DIR_FROM_BIN
#error "HELPSTATION_PLUGIN_DIR_FROM_BIN must be set by CMake"
#endif

namespace hs::app {
namespace {

std::filesystem::path bin_dir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path() : exe.parent_path();
}

} // namespace

std::string bundled_plugin_folder() {
    return (bin_dir() / HELPSTATION_PLUGIN_DIR_FROM_BIN).lexically_normal().string();
}

std::string viewer_locale_folder() {
    return (bin_dir() / HELPSTATION_LOCALE_DIR_FROM_BIN).lexically_normal().string();
}

std::string probe_executable() { return (bin_dir() / "helpstation-probe").string(); }

} // namespace hs::app
