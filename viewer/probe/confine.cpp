#include "confine.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace hs::probe {
namespace {

// A plugin that spins after the viewer gave up on it (say, the viewer itself was killed) stops
// here. Well above any probe timeout: the viewer's timer is the one that normally decides.
// No PR_SET_PDEATHSIG: it fires when the *thread* that started the probe ends, which would kill
// probes started from a short-lived worker thread.
constexpr rlim_t kCpuSeconds = 30;

int g_fault_fd = -1;
uintptr_t g_stack_top = 0;
uintptr_t g_stack_size = 0;
alignas(16) char g_alt_stack[64 * 1024];

void close_inherited() {
    if (close_range(3, ~0u, 0) == 0) return;
    // Older kernels: list first, then close, so the listing's own descriptor is not pulled away.
    std::vector<int> open;
    if (DIR *dir = opendir("/proc/self/fd")) {
        while (dirent *e = readdir(dir))
            if (int fd = std::atoi(e->d_name); fd > 2) open.push_back(fd);
        closedir(dir);
    }
    for (int fd : open) close(fd);
}

void set_limit(int resource, rlim_t soft, rlim_t hard) {
    rlimit l{soft, hard};
    setrlimit(resource, &l);
}

// Async-signal-safe: fixed buffers and write() only.
void append(char *&at, const char *text) {
    while (*text) *at++ = *text++;
}

void append_hex(char *&at, uintptr_t value) {
    char digits[2 * sizeof value];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[value & 0xF];
        value >>= 4;
    } while (value);
    append(at, "0x");
    while (n) *at++ = digits[--n];
}

void on_fault(int sig, siginfo_t *info, void *) {
    char line[128];
    char *at = line;
    append(at, "fault ");
    auto addr = reinterpret_cast<uintptr_t>(info->si_addr);
    // The main stack grows down from g_stack_top; the kernel keeps a guard gap below its limit.
    const uintptr_t guard = 1024 * 1024;
    if (sig == SIGSEGV && addr < g_stack_top && g_stack_top - addr <= g_stack_size + guard) {
        append(at, "stack overflow");
    } else if (addr < 4096) {
        append(at, "NULL pointer access");
    } else {
        append(at, sig == SIGBUS ? "bus error at " : "invalid access at ");
        append_hex(at, addr);
    }
    *at++ = '\n';
    if (g_fault_fd >= 0) {
        ssize_t ignored = write(g_fault_fd, line, static_cast<size_t>(at - line));
        (void)ignored;
    }
    // The handler is reset to the default (SA_RESETHAND): a real fault recurs on return and ends
    // the process with the same signal; one sent by kill() is raised again here.
    raise(sig);
}

} // namespace

int confine(size_t memory_limit_mb, const void *stack_top) {
    close_inherited();
    int answer = fcntl(1, F_DUPFD_CLOEXEC, 3);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1); // a plugin's printf must not be mistaken for an answer
        if (null > 2) close(null);
    }

    const rlim_t bytes = static_cast<rlim_t>(memory_limit_mb) * 1024 * 1024;
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer reserves terabytes of shadow address space up front: under an address-space
    // limit the probe could not even start. The sanitizer build (HELPSTATION_SANITIZE) goes
    // without it; its huge allocations fail in ASan's allocator instead (allocator_may_return_null).
    (void)bytes;
#else
    set_limit(RLIMIT_AS, bytes, bytes);
#endif
    set_limit(RLIMIT_CORE, 0, 0);
    set_limit(RLIMIT_CPU, kCpuSeconds, kCpuSeconds + 1);
    // RLIMIT_CORE alone does not stop a core_pattern pipe (systemd-coredump); this does.
    prctl(PR_SET_DUMPABLE, 0);

    rlimit stack{};
    getrlimit(RLIMIT_STACK, &stack);
    g_stack_top = reinterpret_cast<uintptr_t>(stack_top);
    g_stack_size = stack.rlim_cur == RLIM_INFINITY ? 64u * 1024 * 1024 : static_cast<uintptr_t>(stack.rlim_cur);
    return answer;
}

void report_faults_to(int fd) {
    g_fault_fd = fd;
    // The handler needs a stack of its own: on a stack overflow the normal one is gone.
    stack_t alt{};
    alt.ss_sp = g_alt_stack;
    alt.ss_size = sizeof g_alt_stack;
    sigaltstack(&alt, nullptr);
    struct sigaction sa {};
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, nullptr);
    sigaction(SIGBUS, &sa, nullptr);
}

int thread_count() {
    DIR *dir = opendir("/proc/self/task");
    if (!dir) return 0;
    int n = 0;
    while (dirent *e = readdir(dir))
        if (e->d_name[0] != '.') ++n;
    closedir(dir);
    return n;
}

} // namespace hs::probe
