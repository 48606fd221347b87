// bench-viewer: measures the real helpstation binary on the current DISPLAY (bench/run.sh gives
// it a private Xvfb at 1920x1080) and prints ONE JSON object, {"bench":"viewer","figures":[...],
// "details":{...}}, for bench-report. Nothing here is a pass/fail test: it prints figures.
//
//   bench-viewer --viewer build/bin/helpstation --bundled DIR [--generated DIR] --work DIR
//                [--soak N] [--runs N] [--sets 100,500,1000]
//
// Figures: start-up (exec -> first frame, cold and warm probe cache, with the viewer's own
// breakdown from --exit-after-first-frame), PSS settled on home (bundled, and with N generated
// plugins: growth per plugin), texture memory, idle frames and CPU over 10 s on home/step/attract,
// CPU per frame while dragging and swiping (--replay), tap -> next frame, picture decode + upload,
// and the soak (--soak N: RSS at start, after one pass through every topic, and at the end).
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Args {
    std::string viewer, bundled, generated, work;
    int soak = 20000, runs = 3;
    std::vector<int> sets{100, 500, 1000};
} g;

json g_figures = json::array();
json g_details = json::object();

void figure(const std::string &name, double value, const std::string &unit, const std::string &goal = "") {
    json f{{"figure", name}, {"value", std::round(value * 100) / 100}, {"unit", unit}};
    if (!goal.empty()) f["goal"] = goal;
    g_figures.push_back(f);
    std::fprintf(stderr, "bench-viewer: %-60s %10.2f %s\n", name.c_str(), value, unit.c_str());
}

double mono_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
void sleep_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

std::string read_text(const std::string &path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// One viewer process: stdout to a file, stderr (the log) to another.
struct Viewer {
    pid_t pid = -1;
    std::string out, log;
    int status = -1;

    Viewer(const std::vector<std::string> &args, const std::string &cache, const std::string &name) {
        out = g.work + "/" + name + ".out";
        log = g.work + "/" + name + ".log";
        fs::create_directories(cache);
        pid = fork();
        if (pid == 0) {
            int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int e = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(o, 1);
            dup2(e, 2);
            setenv("XDG_CACHE_HOME", cache.c_str(), 1);
            setenv("XDG_CONFIG_HOME", (g.work + "/config").c_str(), 1); // no config file: defaults
            std::vector<char *> argv;
            argv.push_back(const_cast<char *>(g.viewer.c_str()));
            for (const std::string &a : args) argv.push_back(const_cast<char *>(a.c_str()));
            argv.push_back(nullptr);
            timespec now{};
            clock_gettime(CLOCK_MONOTONIC, &now);
            setenv("HELPSTATION_EXEC_NS", std::to_string(now.tv_sec * 1000000000LL + now.tv_nsec).c_str(), 1);
            execv(g.viewer.c_str(), argv.data());
            _exit(127);
        }
    }
    ~Viewer() { stop(); }
    bool running() {
        if (status >= 0) return false;
        int st = 0;
        if (waitpid(pid, &st, WNOHANG) == pid) {
            status = st;
            return false;
        }
        return true;
    }
    bool wait(double timeout_ms) {
        double until = mono_ms() + timeout_ms;
        while (running() && mono_ms() < until) sleep_ms(5);
        return !running();
    }
    void stop() {
        if (pid <= 0 || !running()) return;
        kill(pid, SIGTERM);
        if (!wait(5000)) {
            kill(pid, SIGKILL);
            wait(5000);
        }
    }
    // utime + stime of every thread, ms.
    double cpu_ms() const {
        std::string stat = read_text("/proc/" + std::to_string(pid) + "/stat");
        size_t close = stat.rfind(')');
        if (close == std::string::npos) return -1;
        std::istringstream f(stat.substr(close + 2));
        std::string x;
        double ut = 0, st = 0;
        for (int i = 3; i <= 15 && f >> x; ++i) {
            if (i == 14) ut = std::atof(x.c_str());
            if (i == 15) st = std::atof(x.c_str());
        }
        return (ut + st) * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    // A field of /proc/PID/smaps_rollup ("Pss", "Pss_Anon", ...), KiB.
    long rollup_kib(const std::string &field = "Pss") const {
        std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
        std::string line;
        while (std::getline(in, line))
            if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
        return -1;
    }
    long pss_kib() const { return rollup_kib("Pss"); }
    // PSS by mapping (file name, [heap], anonymous...), the largest first.
    json pss_by_mapping(size_t top) const {
        std::ifstream in("/proc/" + std::to_string(pid) + "/smaps");
        std::map<std::string, long> by;
        std::string line, current;
        while (std::getline(in, line)) {
            if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') < 17) {
                std::istringstream f(line);
                std::string range, perms, off, dev, inode, name;
                f >> range >> perms >> off >> dev >> inode;
                std::getline(f, name);
                name.erase(0, name.find_first_not_of(' '));
                current = name.empty() ? "[anonymous]" : name;
            } else if (line.rfind("Pss:", 0) == 0) {
                by[current] += std::atol(line.c_str() + 4);
            }
        }
        std::vector<std::pair<long, std::string>> v;
        for (auto &[k, kib] : by) v.push_back({kib, k});
        std::sort(v.rbegin(), v.rend());
        json out = json::array();
        for (size_t i = 0; i < v.size() && i < top; ++i) out.push_back({{"mapping", v[i].second}, {"pss_kib", v[i].first}});
        return out;
    }
};

json read_json(const std::string &path) {
    try {
        return json::parse(read_text(path));
    } catch (...) {
        return json();
    }
}

std::vector<std::string> plugin_args(const std::vector<std::string> &folders) {
    std::vector<std::string> a;
    for (const std::string &f : folders) a.insert(a.end(), {"--plugins", f});
    return a;
}

std::vector<std::string> base_args() { return {"--windowed", "1920x1080", "--lockdown", "false", "--log-level", "warn"}; }

// A folder with the first n generated plugins (hard links: same files, no copies).
std::string generated_set(int n) {
    std::string dir = g.work + "/generated-" + std::to_string(n);
    if (fs::exists(dir)) return dir;
    std::vector<fs::path> files;
    for (auto &e : fs::directory_iterator(g.generated))
        if (e.path().extension() == ".so") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms(0755));
    for (int i = 0; i < n && i < static_cast<int>(files.size()); ++i)
        fs::create_hard_link(files[i], dir + "/" + files[i].filename().string());
    return dir;
}

double median(std::vector<double> v) {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// --- start-up ---------------------------------------------------------------------------------
json startup_once(const std::vector<std::string> &folders, const std::string &cache, const std::string &name) {
    std::vector<std::string> args = base_args();
    args.push_back("--exit-after-first-frame");
    for (auto &a : plugin_args(folders)) args.push_back(a);
    Viewer v(args, cache, name);
    if (!v.wait(180000)) {
        std::fprintf(stderr, "bench-viewer: %s did not exit (see %s)\n", name.c_str(), v.log.c_str());
        return json();
    }
    return read_json(v.out);
}

void startup(const std::string &label, const std::vector<std::string> &folders, const std::string &goal) {
    std::string cache = g.work + "/cache-startup-" + label;
    fs::remove_all(cache);
    json cold = startup_once(folders, cache, "startup-" + label + "-cold");
    std::vector<double> warm;
    json last;
    for (int r = 0; r < g.runs; ++r) {
        json j = startup_once(folders, cache, "startup-" + label + "-warm");
        if (j.is_object()) {
            warm.push_back(j.value("exec_to_first_frame_ms", -1.0));
            last = j;
        }
    }
    g_details["startup_" + label] = {{"cold", cold}, {"warm_last", last}};
    if (cold.is_object())
        figure("exec -> first frame, " + label + ", cold probe cache", cold.value("exec_to_first_frame_ms", -1.0), "ms");
    figure("exec -> first frame, " + label + ", warm (median of " + std::to_string(warm.size()) + ")", median(warm),
           "ms", goal);
    if (last.is_object()) {
        figure("  of which exec -> main, " + label, last.value("exec_to_main_ms", -1.0), "ms");
        figure("  of which window + GL context, " + label, last.value("window_gl_context_ms", -1.0), "ms");
        figure("    window: glfwInit, " + label, last.value("window_glfw_init_ms", -1.0), "ms");
        figure("    window: window + GL context (Mesa, LLVM load), " + label,
               last.value("window_create_and_gl_context_ms", -1.0), "ms");
        figure("  of which fonts / atlas on the UI thread (incl. waiting for the thread), " + label,
               last.value("fonts_atlas_ms", -1.0) + last.value("fonts_atlas_wait_ms", 0.0), "ms");
        figure("  font atlas built on a thread while the window opens, " + label,
               last.value("fonts_atlas_on_thread_ms", -1.0), "ms");
        figure("  of which GL objects + font upload, " + label, last.value("gl_objects_font_upload_ms", -1.0), "ms");
        figure("  of which first frame, " + label, last.value("first_frame_ms", -1.0), "ms");
        figure("  topics ready at first frame / total, " + label + " (warm)",
               last.value("topics_at_first_frame", 0), "topics");
        figure("  plugin discovery done, " + label + " (warm)", last.value("plugin_discovery_done_ms", -1.0), "ms");
    }
    if (cold.is_object())
        figure("  plugin discovery done, " + label + " (cold: every plugin probed)",
               cold.value("plugin_discovery_done_ms", -1.0), "ms");
}

// --- a viewer that runs until stopped, with --stats ----------------------------------------------
struct Running {
    std::string stats;
    Viewer viewer;
    Running(const std::string &name, const std::vector<std::string> &extra, const std::vector<std::string> &folders,
            const std::string &cache)
        : stats(g.work + "/" + name + ".stats.json"), viewer(make_args(name, extra, folders), cache, name) {}
    std::vector<std::string> make_args(const std::string &name, const std::vector<std::string> &extra,
                                       const std::vector<std::string> &folders) {
        fs::remove(g.work + "/" + name + ".stats.json");
        std::vector<std::string> a = base_args();
        a.insert(a.end(), {"--stats", g.work + "/" + name + ".stats.json"});
        a.insert(a.end(), extra.begin(), extra.end());
        for (auto &p : plugin_args(folders)) a.push_back(p);
        return a;
    }
    // The last stats the viewer wrote (retried: the file is replaced by rename, but may not exist yet).
    json read() const {
        for (int i = 0; i < 20; ++i) {
            json j = read_json(stats);
            if (j.is_object()) return j;
            sleep_ms(50);
        }
        std::fprintf(stderr, "bench-viewer: no stats in %s (viewer log: %s)\n", stats.c_str(), viewer.log.c_str());
        return json::object();
    }
    // Every plugin loaded and no frame drawn for quiet_ms (timeout: whatever there is).
    json settle(int quiet_ms = 1500, double timeout_ms = 240000) {
        double until = mono_ms() + timeout_ms, quiet_since = mono_ms();
        long long frames = -1;
        json j;
        while (mono_ms() < until && viewer.running()) {
            j = read_json(stats);
            long long f = j.is_object() ? j.value("frames", -1LL) : -1;
            bool loading = !j.is_object() || j.value("loading", true);
            if (f != frames || loading) {
                frames = f;
                quiet_since = mono_ms();
            } else if (mono_ms() - quiet_since >= quiet_ms) {
                return j;
            }
            sleep_ms(50);
        }
        return j;
    }
};

std::vector<std::string> bundled() { return {g.bundled}; }

// --- memory -----------------------------------------------------------------------------------
// PSS divides shared pages among the processes mapping them: libLLVM's pages count less while
// other GL programs run. Pss_Anon (the heap, textures, buffers: this process's own) does not
// move with the neighbours, so growth per plugin is computed from it.
struct Memory {
    long pss = -1, anon = -1, file = -1;
};

Memory home_pss(const std::string &label, const std::vector<std::string> &folders, json *stats_out = nullptr) {
    Running r("memory-" + label, {"--open", "home"}, folders, g.work + "/cache-startup-" + label);
    r.settle();
    sleep_ms(1000);
    Memory m{r.viewer.rollup_kib("Pss"), r.viewer.rollup_kib("Pss_Anon"), r.viewer.rollup_kib("Pss_File")};
    if (stats_out) *stats_out = r.read();
    g_details["pss_by_mapping_home_" + label] = r.viewer.pss_by_mapping(14);
    g_details["rollup_home_" + label] = {{"pss_kib", m.pss}, {"pss_anon_kib", m.anon}, {"pss_file_kib", m.file}};
    return m;
}

// --- idle -------------------------------------------------------------------------------------
void idle(const std::string &route, const std::string &label) {
    Running r("idle-" + label, {"--open", route}, bundled(), g.work + "/cache-startup-bundled");
    r.settle(2000);
    json a = r.read();
    double cpu0 = r.viewer.cpu_ms();
    sleep_ms(10000);
    json b = r.read();
    double cpu1 = r.viewer.cpu_ms();
    figure("idle 10 s on " + label + ": frames drawn", b.value("frames", 0LL) - a.value("frames", 0LL), "frames",
           label == "attract" ? "<= 8 (due timers: title cycle every 4 s)" : "0");
    figure("idle 10 s on " + label + ": CPU time", cpu1 - cpu0, "ms");
}

// --- interaction (--replay) -------------------------------------------------------------------
json replay(const std::string &name, const std::string &route, const std::string &script) {
    std::string path = g.work + "/" + name + ".replay";
    std::ofstream(path) << script;
    Running r(name, {"--open", route, "--replay", path}, bundled(), g.work + "/cache-startup-bundled");
    double until = mono_ms() + 300000;
    json j;
    while (mono_ms() < until && r.viewer.running()) {
        j = read_json(r.stats);
        if (j.is_object() && j["replay"].value("done", false)) break;
        sleep_ms(50);
    }
    r.settle(1000, 10000);
    return r.read();
}

void interaction() {
    std::string drags;
    for (int i = 0; i < 12; ++i) drags += i % 2 ? "drag 960 300 960 900 500\n" : "drag 960 900 960 300 500\n";
    json d = replay("drag-home", "home", drags);
    double frames = d["replay"].value("frames", 0.0), cpu = d["replay"].value("cpu_ms", 0.0);
    figure("drag-scrolling home: CPU per frame", frames > 0 ? cpu / frames : -1, "ms");
    figure("drag-scrolling home: frames drawn for 12 drags of 500 ms", frames, "frames");

    std::string swipes;
    for (int i = 0; i < 6; ++i) swipes += "swipe left\nwait 300\n";
    for (int i = 0; i < 6; ++i) swipes += "swipe right\nwait 300\n";
    json s = replay("swipe-steps", "imessage-facetime-activation/fix/1/step/1", swipes);
    frames = s["replay"].value("frames", 0.0), cpu = s["replay"].value("cpu_ms", 0.0);
    figure("swiping steps: CPU per frame", frames > 0 ? cpu / frames : -1, "ms");

    std::string taps = "press topic:imessage-facetime-activation\npress fix:1\n";
    for (int i = 0; i < 4; ++i) taps += "press step-next\n";
    taps += "press home\npress topic:wifi-calling\npress faq\npress home\n";
    json t = replay("taps", "home", taps);
    figure("tap -> next frame presented (mean)", t["taps"].value("next_frame_ms_mean", -1.0), "ms");
    figure("tap -> next frame presented (max)", t["taps"].value("next_frame_ms_max", -1.0), "ms");
    figure("tap -> frame showing the new screen (mean)", t["taps"].value("new_screen_ms_mean", -1.0), "ms");
    g_details["taps"] = t;
}

// --- soak ----------------------------------------------------------------------------------
void soak() {
    std::vector<std::string> args = base_args();
    args.insert(args.end(), {"--soak", std::to_string(g.soak)});
    for (auto &p : plugin_args(bundled())) args.push_back(p);
    Viewer v(args, g.work + "/cache-startup-bundled", "soak");
    if (!v.wait(3600 * 1000.0)) return;
    json j = read_json(v.out);
    g_details["soak"] = j;
    if (!j.is_object()) return;
    double start = j.value("rss_start_kib", 0.0), warm = j.value("rss_after_first_pass_kib", 0.0),
           end = j.value("rss_end_kib", 0.0);
    figure("soak: navigations (every topic, one frame each)", j.value("navigations", 0), "navigations");
    figure("soak: RSS at start", start / 1024, "MiB");
    figure("soak: RSS after one pass through every topic", warm / 1024, "MiB");
    figure("soak: RSS at end", end / 1024, "MiB");
    figure("soak: RSS drift, after first pass -> end", (end - warm) / 1024, "MiB", "<= 1 MiB");
    figure("soak: RSS drift, start -> end", (end - start) / 1024, "MiB");
    figure("PSS after visiting every topic (soak end), bundled", j.value("pss_end_kib", 0.0) / 1024, "MiB");
    figure("texture memory after visiting every topic", j.value("texture_bytes_end", 0.0) / 1048576, "MiB");
    figure("picture decode per picture (mean)", j.value("decode_ms_mean", -1.0), "ms");
    figure("picture upload per picture (mean)", j.value("upload_ms_mean", -1.0), "ms");
    figure("soak: CPU per navigation (one frame)", j.value("cpu_ms_per_navigation", -1.0), "ms");
}

void usage() {
    std::fprintf(stderr, "usage: bench-viewer --viewer EXE --bundled DIR [--generated DIR] --work DIR [--soak N] "
                         "[--runs N] [--sets 100,500,1000]\n");
    std::exit(2);
}

} // namespace

int main(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (i + 1 >= argc) usage();
        std::string v = argv[++i];
        if (a == "--viewer") g.viewer = v;
        else if (a == "--bundled") g.bundled = v;
        else if (a == "--generated") g.generated = v;
        else if (a == "--work") g.work = v;
        else if (a == "--soak") g.soak = std::atoi(v.c_str());
        else if (a == "--runs") g.runs = std::max(1, std::atoi(v.c_str()));
        else if (a == "--sets") {
            g.sets.clear();
            std::istringstream s(v);
            for (std::string n; std::getline(s, n, ',');) g.sets.push_back(std::atoi(n.c_str()));
        } else usage();
    }
    if (g.viewer.empty() || g.bundled.empty() || g.work.empty()) usage();
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "bench-viewer: no DISPLAY (bench/run.sh starts a private Xvfb)\n");
        return 2;
    }
    fs::create_directories(g.work + "/config");

    startup("bundled", bundled(), "<= 150 ms");
    std::map<int, std::vector<std::string>> sets;
    if (!g.generated.empty())
        for (int n : g.sets) {
            sets[n] = {g.bundled, generated_set(n)};
            startup("bundled + " + std::to_string(n), sets[n], n >= 1000 ? "<= 250 ms" : "");
        }

    json home_stats;
    Memory home = home_pss("bundled", bundled(), &home_stats);
    figure("PSS settled on home, bundled topics", home.pss / 1024.0, "MiB", "<= 48 MiB");
    figure("  of which anonymous (heap, textures, buffers)", home.anon / 1024.0, "MiB");
    figure("  of which file-backed (libLLVM, Mesa, the binary...)", home.file / 1024.0, "MiB");
    if (g_details["pss_by_mapping_home_bundled"].is_array())
        for (json &m : g_details["pss_by_mapping_home_bundled"])
            if (m["pss_kib"].get<long>() >= 2048)
                figure("  PSS of " + m["mapping"].get<std::string>(), m["pss_kib"].get<long>() / 1024.0, "MiB");
    figure("texture memory on home: pictures", home_stats.value("texture_bytes", 0.0) / 1048576, "MiB");
    figure("texture memory on home: font atlas", home_stats.value("font_texture_bytes", 0.0) / 1048576, "MiB");
    for (auto &[n, folders] : sets) {
        Memory m = home_pss("bundled + " + std::to_string(n), folders);
        figure("PSS settled on home, bundled + " + std::to_string(n), m.pss / 1024.0, "MiB");
        figure("PSS growth per unopened topic plugin, anonymous PSS (" + std::to_string(n) + ")",
               static_cast<double>(m.anon - home.anon) / n, "KiB", n == g.sets.back() ? "<= 64 KiB" : "");
        figure("  the same from total PSS (moves with other GL processes)", static_cast<double>(m.pss - home.pss) / n,
               "KiB");
    }

    idle("home", "home");
    idle("imessage-facetime-activation/fix/1/step/2", "step");
    idle("attract", "attract");
    interaction();
    soak();

    json out{{"bench", "viewer"}, {"figures", g_figures}, {"details", g_details}};
    std::printf("%s\n", out.dump().c_str());
    return 0;
}
