#include "probe.hpp"

#include "probe_protocol.hpp"

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
#include <thread>

extern char **environ;

namespace hs {
namespace {

using Clock = std::chrono::steady_clock;

// An honest answer is a few KiB (a few hundred problems at most); a child that writes more is
// stuck in a loop, and must not grow the kiosk's memory with it.
constexpr size_t kMaxOutput = 1024 * 1024;

// How often to look for a child's exit when the kernel offers no pidfd to wait on.
constexpr int kExitPollMs = 5;

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

// Starts the probe for `plugin`. stdin is /dev/null, stdout the pipe; stderr is shared, so what a
// plugin complains about lands in the viewer's log next to the verdict. The child leads its own
// process group, so a plugin that forks is killed along with it.
bool spawn(Child &c, const std::string &exe, const std::string &plugin, const ProbeOptions &options,
           std::string &error) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        error = std::string("cannot create a pipe: ") + std::strerror(errno);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
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
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

    std::string memory = std::to_string(options.memory_limit_mb);
    const char *argv[] = {exe.c_str(), "--memory-limit-mb", memory.c_str(), "--", plugin.c_str(), nullptr};
    c.started = Clock::now();
    int rc = posix_spawn(&c.pid, exe.c_str(), &actions, &attr, const_cast<char *const *>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        error = "cannot start " + exe + ": " + std::strerror(rc);
        return false;
    }
    c.out = fds[0];
    fcntl(c.out, F_SETFL, O_NONBLOCK);
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
}

bool has_exited(const Child &c) {
    siginfo_t info{};
    // WNOWAIT: a zombie keeps its pid (and process group) reserved until finish() reaps it.
    return waitid(P_PID, static_cast<id_t>(c.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == c.pid;
}

ProbeVerdict judge(const Child &c, int status, const ProbeOptions &options) {
    ProbeVerdict v;
    ProbeTranscript t = read_transcript(c.output);
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
    } else if (t.answer->ok && WEXITSTATUS(status) == 0) {
        v.outcome = ProbeVerdict::Outcome::passed;
        v.id = t.answer->id;
        v.version = t.answer->version;
        v.title = t.answer->title;
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
ProbeVerdict finish(Child &c, const ProbeOptions &options) {
    kill(-c.pid, SIGKILL); // the group: the child if still running, and anything it forked
    int status = 0;
    while (waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
    }
    drain(c); // a killed child's last lines are still in the pipe
    if (c.out >= 0) close(c.out);
    if (c.pidfd >= 0) close(c.pidfd);
    c.out = c.pidfd = -1;
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
            if (c.pidfd >= 0) fds.push_back({c.pidfd, POLLIN, 0});
            else need_tick = true;
            wake = std::min(wake, c.deadline);
        }
        auto until = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now()).count() + 1;
        int timeout = static_cast<int>(std::max<long long>(0, until));
        if (need_tick) timeout = std::min(timeout, kExitPollMs);
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
                verdicts[c.index] = finish(c, options);
                running.erase(running.begin() + static_cast<long>(i));
            } else {
                ++i;
            }
        }
    }
    return verdicts;
}

} // namespace hs
