#include "measure.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hs::app {
namespace {

// exec -> the top of main (`start`, `since_main_ms` ago), in ms, and how it was measured.
std::pair<double, std::string> exec_to_main_ms(std::chrono::steady_clock::time_point start, double since_main_ms) {
    using namespace std::chrono;
    double main_ns = static_cast<double>(duration_cast<nanoseconds>(start.time_since_epoch()).count());
    if (const char *env = std::getenv("HELPSTATION_EXEC_NS")) {
        double exec_ns = std::strtod(env, nullptr);
        if (exec_ns > 0) return {(main_ns - exec_ns) / 1e6, "launcher CLOCK_MONOTONIC before exec"};
    }
    // Field 22 of /proc/self/stat: start time in clock ticks since boot (CLOCK_BOOTTIME).
    std::ifstream in("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t close = stat.rfind(')');
    if (close == std::string::npos) return {-1, "unknown"};
    std::istringstream fields(stat.substr(close + 2));
    std::string f;
    for (int i = 3; i <= 22 && fields >> f; ++i) {
    }
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    double now_since_boot_ms = boot.tv_sec * 1e3 + boot.tv_nsec / 1e6;
    double started_ms = std::strtod(f.c_str(), nullptr) * 1e3 / static_cast<double>(sysconf(_SC_CLK_TCK));
    return {now_since_boot_ms - since_main_ms - started_ms, "/proc/self/stat starttime (10 ms resolution, from fork)"};
}

} // namespace

double Startup::ms() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
}

nlohmann::json Startup::json() const {
    const StartupReport &r = report;
    auto [exec_ms, how] = exec_to_main_ms(start_, ms());
    nlohmann::json j;
    j["clock"] = "CLOCK_MONOTONIC from the top of main";
    j["exec_to_main_ms"] = exec_ms;
    j["exec_to_main_clock"] = how;
    j["plugin_discovery_started_ms"] = r.host_started_ms;
    j["window_gl_context_ms"] = r.window_ms;
    j["window_glfw_init_ms"] = r.glfw_init_ms;
    j["window_create_and_gl_context_ms"] = r.create_window_context_ms;
    j["fonts_atlas_ms"] = r.fonts_ms;
    j["fonts_atlas_on_thread_ms"] = r.fonts_prebuilt_ms;
    j["fonts_atlas_wait_ms"] = r.fonts_prebuilt_wait_ms;
    j["gl_objects_font_upload_ms"] = r.gl_objects_ms;
    j["first_frame_ms"] = r.first_frame_ms;
    j["main_to_first_frame_ms"] = r.first_frame_at_ms;
    j["exec_to_first_frame_ms"] = exec_ms >= 0 ? exec_ms + r.first_frame_at_ms : -1;
    j["topics_at_first_frame"] = r.topics_at_first_frame;
    j["plugins_looked_at_first_frame"] = r.plugins_looked_at_first_frame;
    j["plugin_discovery_done_ms"] = r.discovery_done_ms;
    j["topics_total"] = r.topics_total;
    j["plugins_probed"] = r.probed;
    j["plugins_from_probe_cache"] = r.from_cache;
    j["font_texture_bytes"] = r.font_texture_bytes;
    return j;
}

double process_cpu_ms() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

long rss_kib() {
    std::ifstream in("/proc/self/statm");
    long size = 0, resident = 0;
    in >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

long pss_kib() {
    std::ifstream in("/proc/self/smaps_rollup");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("Pss:", 0) == 0) return std::strtol(line.c_str() + 4, nullptr, 10);
    return 0;
}

bool write_file_atomically(const std::string &path, const std::string &text) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << text << '\n';
        if (!out) return false;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    return !ec;
}

} // namespace hs::app
