#include "probe.hpp"

#include "extraction.hpp"
#include "probe_protocol.hpp"

#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <set>
#include <thread>

extern char **environ;

namespace hs {
namespace {

using Clock = std::chrono::steady_clock;

// An honest answer is the topic as data (at most what the content limits allow) and a few lines;
// a child that writes more is stuck in a loop or hostile, and must not grow the kiosk's memory.
const size_t kMaxOutput = max_extraction_bytes(ContentLimits{}) + 1024 * 1024;
// What the child writes on stderr (the C library's complaints, a plugin's prints) is kept up to
// this much for the log; the rest is read and dropped, so a flood neither blocks nor grows it.
constexpr size_t kMaxStderr = 16 * 1024;

// How often to look for a child's exit when the kernel offers no pidfd to wait on.
constexpr int kExitPollMs = 5;
// How often to look at ProbeOptions::cancel while children run.
constexpr int kCancelPollMs = 50;

unsigned usable_cores() {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
    return std::max(1u, std::thread::hardware_concurrency());
}

std::string format_seconds(int ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g s", ms / 1000.0);
    return buf;
}

// One running probe.
struct Child {
    size_t index = 0;
    pid_t pid = -1;
    int out = -1;   // read end of the child's stdout; -1 once closed
    int err = -1;   // read end of the child's stderr; -1 once closed
    std::string errors; // the first kMaxStderr bytes of its stderr
    size_t errors_dropped = 0;
    int pidfd = -1; // readable once the child has exited; -1 when the kernel has none
    Clock::time_point started, deadline;
    std::string output;
    bool decoding = false; // reached the pictures phase: the plugin's own code is done
    bool exited = false, timed_out = false, overflowed = false;
};

int open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
    return static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
#else
    return -1;
#endif
}

// The child's environment: none. A plugin has no business with the kiosk's (display, home, paths),
// and the C library's LD_* variables must not reach the loader that maps the plugin. The sanitizer
// build passes its own options on, or the probe would run without them.
std::vector<const char *> child_environment() {
    std::vector<const char *> env;
#if defined(__SANITIZE_ADDRESS__)
    for (const char *name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
        for (char **e = environ; *e; ++e)
            if (std::strncmp(*e, name, std::strlen(name)) == 0 && (*e)[std::strlen(name)] == '=') env.push_back(*e);
#endif
    env.push_back(nullptr);
    return env;
}

// Starts the probe for `plugin`. stdin is /dev/null, stdout and stderr are pipes of their own: the
// answer channel, and what it complains about (logged with the verdict). A stderr on a file would
// not do: the probe may not write files (RLIMIT_FSIZE=0 kills a writer with SIGXFSZ). The child
// leads a session of its own, killed as a whole at the end; its seccomp filter forbids creating
// processes, so nothing it starts can leave the session.
bool spawn(Child &c, const std::string &exe, const std::string &plugin, const ProbeOptions &options,
           std::string &error) {
    int fds[2], errs[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        error = std::string("cannot create a pipe: ") + std::strerror(errno);
        return false;
    }
    if (pipe2(errs, O_CLOEXEC) != 0) {
        error = std::string("cannot create a pipe: ") + std::strerror(errno);
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errs[1], 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
    posix_spawn_file_actions_addclosefrom_np(&actions, 3); // the kiosk's own files are not the plugin's
#endif
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    // Signals the viewer blocks or ignores must not be blocked or ignored in the child.
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSID);

    std::string memory = std::to_string(options.memory_limit_mb);
    const char *argv[] = {exe.c_str(), "--memory-limit-mb", memory.c_str(), "--", plugin.c_str(), nullptr};
    std::vector<const char *> env = child_environment();
    c.started = Clock::now();
    int rc = posix_spawn(&c.pid, exe.c_str(), &actions, &attr, const_cast<char *const *>(argv),
                         const_cast<char *const *>(env.data()));
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(fds[1]);
    close(errs[1]);
    if (rc != 0) {
        close(fds[0]);
        close(errs[0]);
        error = "cannot start " + exe + ": " + std::strerror(rc);
        return false;
    }
    c.out = fds[0];
    c.err = errs[0];
    fcntl(c.out, F_SETFL, O_NONBLOCK);
    fcntl(c.err, F_SETFL, O_NONBLOCK);
    c.pidfd = open_pidfd(c.pid);
    c.deadline = c.started + std::chrono::milliseconds(options.timeout_ms);
    return true;
}

// Reads what is there without blocking; closes the pipe at end of file.
void drain(Child &c) {
    char buf[16384];
    while (c.out >= 0) {
        ssize_t n = read(c.out, buf, sizeof buf);
        if (n > 0) {
            c.output.append(buf, static_cast<size_t>(n));
            if (c.output.size() > kMaxOutput) {
                c.overflowed = true;
                return;
            }
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) {
            close(c.out);
            c.out = -1;
        }
        return; // EAGAIN: nothing more for now
    }
    while (c.err >= 0) {
        ssize_t n = read(c.err, buf, sizeof buf);
        if (n > 0) {
            size_t keep = std::min(static_cast<size_t>(n), kMaxStderr - std::min(kMaxStderr, c.errors.size()));
            c.errors.append(buf, keep);
            c.errors_dropped += static_cast<size_t>(n) - keep;
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) {
            close(c.err);
            c.err = -1;
        }
        return;
    }
}

bool has_exited(const Child &c) {
    siginfo_t info{};
    // WNOWAIT: a zombie keeps its pid (and process group) reserved until finish() reaps it.
    return waitid(P_PID, static_cast<id_t>(c.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == c.pid;
}

// A limit a probe could not apply is said once per process and limit, not once per plugin.
void log_unconfined(const std::vector<std::string> &what) {
    static std::mutex mutex;
    static std::set<std::string> said;
    std::lock_guard<std::mutex> lock(mutex);
    for (const std::string &w : what)
        if (said.insert(w).second) spdlog::warn("probe: not applied: {}", w);
}

ProbeVerdict judge(const Child &c, int status, const ProbeOptions &options) {
    ProbeVerdict v;
    ProbeTranscript t = read_transcript(c.output);
    log_unconfined(t.unconfined);
    v.phase = t.phase;
    v.seconds = std::chrono::duration<double>(Clock::now() - c.started).count();
    v.outcome = ProbeVerdict::Outcome::quarantined;
    std::string where = describe_phase(t.phase);

    if (c.overflowed) {
        v.reason = "wrote more than " + std::to_string(kMaxOutput / 1024) + " KiB of output " + where;
    } else if (c.timed_out) {
        std::string limit = format_seconds(c.decoding ? options.decode_timeout_ms : options.timeout_ms);
        v.reason = t.answer ? "answered but did not exit within " + limit : "no answer in " + limit + " (stuck " + where + ")";
    } else if (WIFSIGNALED(status)) {
        v.reason = "killed by " + signal_name(WTERMSIG(status)) + " " + (t.answer ? "after answering" : where);
        if (!t.fault.empty()) v.reason += " (" + t.fault + ")";
    } else if (t.garbled) {
        v.reason = "answered something that is not a probe answer " + where;
    } else if (!t.answer) {
        v.reason = "exited with status " + std::to_string(WEXITSTATUS(status)) + " before answering (" + where + ")";
    } else if (t.answer->ok && WEXITSTATUS(status) == 0 && t.topic.empty()) {
        v.reason = "answered that it passed, but sent no topic";
    } else if (t.answer->ok && WEXITSTATUS(status) == 0) {
        v.outcome = ProbeVerdict::Outcome::passed;
        v.topic_data = std::move(t.topic);
    } else if (!t.answer->ok && WEXITSTATUS(status) == 1) {
        v.outcome = ProbeVerdict::Outcome::refused;
        v.problems = t.answer->problems;
        for (const std::string &p : v.problems) v.reason += (v.reason.empty() ? "" : "; ") + p;
    } else {
        v.reason = "exited with status " + std::to_string(WEXITSTATUS(status)) + " after answering";
    }
    return v;
}

// The child is done (exited, or past its deadline or output limit): kill what is left of its
// process group, reap it and say what happened.
ProbeVerdict finish(Child &c, const std::string &plugin, const ProbeOptions &options) {
    kill(-c.pid, SIGKILL); // its session's process group: the child if still running, and any thread
    int status = 0;
    while (waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
    }
    drain(c); // a killed child's last lines are still in the pipe
    if (c.out >= 0) close(c.out);
    if (c.err >= 0) close(c.err);
    if (c.pidfd >= 0) close(c.pidfd);
    c.out = c.err = c.pidfd = -1;
    if (!c.errors.empty() || c.errors_dropped) {
        while (!c.errors.empty() && c.errors.back() == '\n') c.errors.pop_back();
        spdlog::warn("probe of {} wrote on stderr: {}{}", plugin, c.errors,
                     c.errors_dropped ? " [" + std::to_string(c.errors_dropped) + " more bytes dropped]" : "");
    }
    return judge(c, status, options);
}

ProbeVerdict not_run(std::string reason) {
    ProbeVerdict v;
    v.outcome = ProbeVerdict::Outcome::not_run;
    v.reason = std::move(reason);
    return v;
}

} // namespace

std::string signal_name(int sig) {
    const char *abbrev = sigabbrev_np(sig);
    return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

ProbeVerdict probe_plugin(const std::string &probe_exe, const std::string &plugin, const ProbeOptions &options) {
    return probe_plugins(probe_exe, {plugin}, options).front();
}

std::vector<ProbeVerdict> probe_plugins(const std::string &probe_exe, const std::vector<std::string> &plugins,
                                        const ProbeOptions &options) {
    std::vector<ProbeVerdict> verdicts(plugins.size());
    const size_t parallel = options.max_parallel ? options.max_parallel : usable_cores();
    std::vector<Child> running;
    size_t next = 0;
    while (next < plugins.size() || !running.empty()) {
        if (options.cancel && options.cancel->load()) {
            for (Child &c : running) {
                kill(-c.pid, SIGKILL);
                while (waitpid(c.pid, nullptr, 0) < 0 && errno == EINTR) {
                }
                for (int fd : {c.out, c.err, c.pidfd})
                    if (fd >= 0) close(fd);
                verdicts[c.index] = not_run("not checked: the viewer stopped first");
            }
            for (; next < plugins.size(); ++next) verdicts[next] = not_run("not checked: the viewer stopped first");
            break;
        }
        while (running.size() < parallel && next < plugins.size()) {
            Child c;
            c.index = next++;
            std::string error;
            if (spawn(c, probe_exe, plugins[c.index], options, error)) running.push_back(std::move(c));
            else verdicts[c.index] = not_run("could not be checked: " + error);
        }
        if (running.empty()) continue;

        // Wait for output, an exit or the nearest deadline, whichever comes first.
        std::vector<pollfd> fds;
        Clock::time_point wake = Clock::time_point::max();
        bool need_tick = false;
        for (const Child &c : running) {
            if (c.out >= 0) fds.push_back({c.out, POLLIN, 0});
            if (c.err >= 0) fds.push_back({c.err, POLLIN, 0});
            if (c.pidfd >= 0) fds.push_back({c.pidfd, POLLIN, 0});
            else need_tick = true;
            wake = std::min(wake, c.deadline);
        }
        auto until = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now()).count() + 1;
        int timeout = static_cast<int>(std::max<long long>(0, until));
        if (need_tick) timeout = std::min(timeout, kExitPollMs);
        if (options.cancel) timeout = std::min(timeout, kCancelPollMs);
        if (poll(fds.data(), fds.size(), timeout) < 0 && errno != EINTR) {
            // Should not happen; do not spin: fall back to ticking.
            std::this_thread::sleep_for(std::chrono::milliseconds(kExitPollMs));
        }

        Clock::time_point now = Clock::now();
        for (size_t i = 0; i < running.size();) {
            Child &c = running[i];
            drain(c);
            if (!c.decoding && c.output.find(phase_line("pictures")) != std::string::npos) {
                c.decoding = true;
                c.deadline = now + std::chrono::milliseconds(options.decode_timeout_ms);
            }
            // An exit is final even while something the child forked still holds the pipe open:
            // everything the child wrote is already in the pipe.
            c.exited = has_exited(c);
            c.timed_out = !c.exited && !c.overflowed && now >= c.deadline;
            if (c.exited || c.timed_out || c.overflowed) {
                verdicts[c.index] = finish(c, plugins[c.index], options);
                running.erase(running.begin() + static_cast<long>(i));
            } else {
                ++i;
            }
        }
    }
    return verdicts;
}

} // namespace hs
