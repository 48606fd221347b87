#include "paths.hpp"

#include <filesystem>

#ifndef HELPSTATION_PLUGIN_DIR_FROM_BIN
#error "HELPSTATION_PLUGIN_DIR_FROM_BIN must be set by CMake"
#endif

namespace hs::app {

std::string default_plugin_dir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    fs::path bin = ec ? fs::current_path() : exe.parent_path();
    return (bin / HELPSTATION_PLUGIN_DIR_FROM_BIN).lexically_normal().string();
}

} // namespace hs::app
