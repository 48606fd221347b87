#include "background_viewer.hpp"

#include "display.hpp"
#include "test_paths.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace e2e {

BackgroundViewer::BackgroundViewer(const std::vector<std::string> &args) {
    ensure_display();
    use_fresh_xdg_folders();
    char log_path[] = "/tmp/helpstation-bg-XXXXXX";
    int log_fd = mkstemp(log_path);
    if (log_fd < 0) throw std::runtime_error("cannot create a log file");
    log_path_ = log_path;
    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(test_paths::viewer));
    for (const std::string &a : args) argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        dup2(log_fd, 1);
        dup2(log_fd, 2);
        alarm(120); // a viewer the test forgot fails the test instead of living on
        execv(test_paths::viewer, argv.data());
        _exit(127);
    }
    close(log_fd);
}

BackgroundViewer::~BackgroundViewer() {
    if (pid_ > 0) stop();
    if (!log_path_.empty()) unlink(log_path_.c_str());
}

bool BackgroundViewer::running() {
    if (status_ || pid_ <= 0) return false;
    int status = 0;
    pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == 0) return true;
    status_ = r == pid_ ? status : -1;
    return false;
}

int BackgroundViewer::stop() {
    if (!running()) return status_.value_or(-1);
    kill(pid_, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (running()) {
        kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
        status_ = status;
    }
    return *status_;
}

std::string BackgroundViewer::log() const {
    std::ifstream in(log_path_, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string describe_wait_status(int status) {
    if (status == -1) return "unknown (not a child)";
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        const char *name = sigabbrev_np(WTERMSIG(status));
        return "killed by signal " + std::to_string(WTERMSIG(status)) + (name ? std::string(" (SIG") + name + ")" : "");
    }
    return "status " + std::to_string(status);
}

} // namespace e2e
