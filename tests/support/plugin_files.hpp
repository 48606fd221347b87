// Scratch folders and plugin installs for the tests that change plugin folders while a PluginHost
// or a running viewer watches them (core/test_plugin_host.cpp, e2e/test_hot_plugins.cpp).
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace support {

namespace fs = std::filesystem;
using SteadyTime = std::chrono::steady_clock::time_point;

// A private folder under the temporary folder, removed with everything in it at the end. mkdtemp
// makes it 0700 and owned by whoever runs the tests, so the kiosk trusts it as a plugin folder.
struct ScratchDir {
    fs::path path;
    explicit ScratchDir(const std::string &prefix = "helpstation-test") {
        std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
        path = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    ScratchDir(const ScratchDir &) = delete;
    ScratchDir &operator=(const ScratchDir &) = delete;
    fs::path operator/(const std::string &name) const { return path / name; }
};

// Installs `source` as folder/name the supported way (folder_watch.hpp): copied under a temporary
// name that does not end in ".so", given its mode, then renamed over the final name in one step.
// Returns the time of the rename.
inline SteadyTime install(const fs::path &source, const fs::path &folder, const std::string &name, mode_t mode = 0644) {
    const fs::path temp = folder / ("." + name + ".tmp");
    fs::copy_file(source, temp, fs::copy_options::overwrite_existing);
    if (::chmod(temp.c_str(), mode) != 0) throw std::runtime_error("chmod failed on " + temp.string());
    SteadyTime at = std::chrono::steady_clock::now();
    fs::rename(temp, folder / name);
    return at;
}

inline double seconds_since(SteadyTime t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Polls `ready` every `step_ms` until it is true (returns true) or `timeout_s` has passed (false).
inline bool wait_until(const std::function<bool()> &ready, double timeout_s, int step_ms = 5) {
    const SteadyTime start = std::chrono::steady_clock::now();
    for (;;) {
        if (ready()) return true;
        if (seconds_since(start) > timeout_s) return ready();
        std::this_thread::sleep_for(std::chrono::milliseconds(step_ms));
    }
}

inline std::string read_text(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void write_text(const fs::path &path, const std::string &text, std::ios::openmode mode = std::ios::trunc) {
    std::ofstream out(path, std::ios::binary | mode);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

} // namespace support
