#include "display.hpp"

#include "test_paths.hpp"

#include <stb_image.h>

#include <filesystem>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace e2e {
namespace {

pid_t g_xvfb = 0;

void stop_xvfb() {
    if (g_xvfb > 0) {
        kill(g_xvfb, SIGTERM);
        waitpid(g_xvfb, nullptr, 0);
        g_xvfb = 0;
    }
}

// Starts Xvfb on display :number; returns its pid once it accepts clients, or 0 if it exited
// (the number was taken). -noreset: by default an X server resets when its last client leaves,
// and a window opened during that reset fails to find the display.
pid_t start_xvfb(int number) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        std::string display = ":" + std::to_string(number), fd = std::to_string(fds[1]);
        execlp("Xvfb", "Xvfb", display.c_str(), "-displayfd", fd.c_str(), "-screen", "0", "1920x1920x24", "-noreset", "-nolisten",
               "tcp", static_cast<char *>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    std::string ready;
    char ch;
    while (read(fds[0], &ch, 1) == 1 && ch != '\n') ready += ch; // written once it listens
    close(fds[0]);
    if (!ready.empty()) return pid;
    waitpid(pid, nullptr, 0);
    return 0;
}

} // namespace

void ensure_display() {
    const char *display = std::getenv("DISPLAY");
    if ((display && *display) || g_xvfb) return;
    // Each test process has its own server. Numbers start from the pid, not from 0: with
    // parallel tests, a server shutting down on :0 removes the socket a new :0 just made.
    int number = 100 + static_cast<int>(getpid() % 800);
    for (int tries = 0; tries < 50 && !(g_xvfb = start_xvfb(number)); ++tries) ++number;
    if (!g_xvfb) throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
    setenv("DISPLAY", (":" + std::to_string(number)).c_str(), 1);
    std::atexit(stop_xvfb);
}

namespace {

std::string read_all(int fd) {
    std::string s;
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
    return s;
}

} // namespace

void use_fresh_xdg_folders() {
    // The viewer's probe cache and analytics database belong to this test process, not to whoever
    // runs the tests nor to the tests before it: a cache left by an earlier run would skip the
    // probe. One fresh pair per test process (each test case is one), removed at its exit.
    static std::string root;
    if (!root.empty()) return;
    std::string tmpl = std::string(test_paths::output) + "/xdg-XXXXXX";
    std::filesystem::create_directories(test_paths::output);
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a scratch XDG folder");
    root = tmpl;
    setenv("XDG_CACHE_HOME", (root + "/cache").c_str(), 1);
    setenv("XDG_STATE_HOME", (root + "/state").c_str(), 1);
    std::atexit([] {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    });
}

Run run_viewer(const std::vector<std::string> &args, bool needs_display) {
    if (needs_display) ensure_display();
    use_fresh_xdg_folders();
    char err_path[] = "/tmp/helpstation-e2e-XXXXXX";
    int err_fd = mkstemp(err_path);
    int out[2];
    if (err_fd < 0 || pipe(out) != 0) throw std::runtime_error("cannot create pipes");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(err_fd, 2);
        close(out[0]);
        std::vector<char *> argv;
        argv.push_back(const_cast<char *>(test_paths::viewer));
        for (const std::string &a : args) argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);
        alarm(120); // a hung viewer fails the test instead of hanging it
        execv(test_paths::viewer, argv.data());
        _exit(127);
    }
    close(out[1]);
    Run run;
    run.out = read_all(out[0]);
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream err(err_path);
    std::stringstream ss;
    ss << err.rdbuf();
    run.err = ss.str();
    close(err_fd);
    unlink(err_path);
    return run;
}

Picture load_png(const std::string &path) {
    Picture p;
    int comp = 0;
    unsigned char *data = stbi_load(path.c_str(), &p.width, &p.height, &comp, 3);
    if (!data) return Picture{};
    p.rgb.assign(data, data + static_cast<size_t>(p.width) * p.height * 3);
    stbi_image_free(data);
    return p;
}

int colour_count(const Picture &p) {
    std::set<int> colours;
    for (size_t i = 0; i + 2 < p.rgb.size(); i += 3)
        colours.insert((p.rgb[i] >> 4) << 8 | (p.rgb[i + 1] >> 4) << 4 | (p.rgb[i + 2] >> 4));
    return static_cast<int>(colours.size());
}

size_t count_colour(const Picture &p, unsigned char r, unsigned char g, unsigned char b) {
    size_t n = 0;
    for (size_t i = 0; i + 2 < p.rgb.size(); i += 3)
        if (p.rgb[i] == r && p.rgb[i + 1] == g && p.rgb[i + 2] == b) ++n;
    return n;
}

double difference(const Picture &a, const Picture &b) {
    if (a.width != b.width || a.height != b.height || a.rgb.empty()) return 1.0;
    size_t differ = 0, pixels = a.rgb.size() / 3;
    for (size_t i = 0; i < a.rgb.size(); i += 3)
        if (a.rgb[i] != b.rgb[i] || a.rgb[i + 1] != b.rgb[i + 1] || a.rgb[i + 2] != b.rgb[i + 2]) ++differ;
    return static_cast<double>(differ) / pixels;
}

} // namespace e2e
