// The real viewer running in the background while a test changes its plugin folder, on the same
// display and with the same environment as e2e::run_viewer (display.hpp).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace e2e {

class BackgroundViewer {
public:
    // Starts the helpstation binary with `args` (each passed as one argument); its stdout and
    // stderr go to a log file (log()).
    explicit BackgroundViewer(const std::vector<std::string> &args);
    // Stops it (stop()) if it still runs, and removes the log file.
    ~BackgroundViewer();
    BackgroundViewer(const BackgroundViewer &) = delete;
    BackgroundViewer &operator=(const BackgroundViewer &) = delete;

    pid_t pid() const { return pid_; }
    // True while the process runs. Once it has ended, status() holds its wait status.
    bool running();
    std::optional<int> status() const { return status_; }
    // Ends it with SIGTERM (SIGKILL if it is still there 5 s later) and returns its wait status;
    // when it had already ended, the status it ended with.
    int stop();
    // Everything it has written to stdout and stderr so far.
    std::string log() const;

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
    std::string log_path_;
};

// "exited with status N", "killed by signal N (SIGTERM)", for messages.
std::string describe_wait_status(int status);

} // namespace e2e
