// What the viewer reports about itself for bench/: the start-up breakdown printed by
// --exit-after-first-frame, the per-frame statistics file of --stats, and the process's own
// CPU time and memory. Times are CLOCK_MONOTONIC (std::chrono::steady_clock), measured from a
// clock read at the very top of main(); exec -> main comes from the launcher (bench-viewer sets
// HELPSTATION_EXEC_NS to its CLOCK_MONOTONIC just before exec) or, without it, from
// /proc/self/stat's starttime (10 ms resolution, and it counts from fork, not exec).
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

namespace hs::app {

// The start-up report, filled in as the viewer starts (all in ms since the top of main).
struct StartupReport {
    double host_started_ms = 0;   // plugin discovery started on its worker thread
    double window_ms = 0;         // window + GL 3.3 context + ImGui backends (duration)
    double glfw_init_ms = 0;      //   of which glfwInit (X connection, monitors)
    double create_window_context_ms = 0; // of which the window and its GL context (Mesa loads here)
    double fonts_ms = 0;          // font atlas built on the CPU (duration, inside the first frame)
    double fonts_prebuilt_ms = 0; // the atlas built on a thread while the window opened (duration)
    double fonts_prebuilt_wait_ms = 0; // how long the window waited for that thread
    double gl_objects_ms = 0;     // shaders and the font texture upload (duration, inside the first frame)
    double first_frame_ms = 0;    // the first frame: build, render, swap, glFinish (duration, fonts excluded)
    double first_frame_at_ms = 0; // the first frame presented (since main)
    size_t topics_at_first_frame = 0;
    size_t plugins_looked_at_first_frame = 0; // topics + rejected in the newest catalog then
    double discovery_done_ms = -1; // every plugin looked at (since main); -1: not within the wait
    size_t topics_total = 0;
    int probed = 0, from_cache = 0;
    size_t font_texture_bytes = 0;
};

// The process's start-up: its origin (made first thing in main()) and the report filled in as the
// viewer starts. main() owns it; the window and the frame loop are handed it.
class Startup {
public:
    Startup() : start_(std::chrono::steady_clock::now()) {}
    double ms() const; // since the top of main
    StartupReport report;
    nlohmann::json json() const;

private:
    std::chrono::steady_clock::time_point start_;
};

// The process: CPU time (user + system, every thread) and memory, from the kernel.
double process_cpu_ms();
long rss_kib();      // /proc/self/statm resident
long pss_kib();      // /proc/self/smaps_rollup Pss (0 when unavailable)

// Replaces `path` whole (written to path.tmp, then renamed), so a reader never sees half a file.
bool write_file_atomically(const std::string &path, const std::string &text);

} // namespace hs::app
