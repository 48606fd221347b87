#include "confine.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <linux/sched.h>
#include <seccomp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace hs::probe {
namespace {

// A plugin that spins after the viewer gave up on it (say, the viewer itself was killed) stops
// here. Well above any probe timeout: the viewer's timer is the one that normally decides.
// No PR_SET_PDEATHSIG: it fires when the *thread* that started the probe ends, which would kill
// probes started from a short-lived worker thread.
constexpr rlim_t kCpuSeconds = 30;
// The loader, the plugin and its libraries, the answer channel: a dozen. A plugin may not open many.
constexpr rlim_t kOpenFiles = 64;
// Counted per user (threads included) and not enforced for root: a ceiling against a thread bomb
// for a kiosk account; seccomp is what stops new processes.
constexpr rlim_t kProcesses = 256;

int g_fault_fd = -1;
int g_task_dir = -1; // /proc/self/task, opened before Landlock
uintptr_t g_stack_top = 0;
uintptr_t g_stack_size = 0;
alignas(16) char g_alt_stack[64 * 1024];
// System call names, resolved before the filter is installed: the SIGSYS handler may not allocate.
constexpr int kMaxSyscall = 512;
char g_syscall_names[kMaxSyscall][28];

void close_inherited() {
    if (close_range(3, ~0u, 0) == 0) return;
    // Older kernels: list first, then close, so the listing's own descriptor is not pulled away.
    int open_fds[1024];
    int n = 0;
    if (DIR *dir = opendir("/proc/self/fd")) {
        while (dirent *e = readdir(dir))
            if (int fd = std::atoi(e->d_name); fd > 2 && n < 1024) open_fds[n++] = fd;
        closedir(dir);
    }
    for (int i = 0; i < n; ++i) close(open_fds[i]);
}

void set_limit(int resource, rlim_t value, const char *name, std::vector<std::string> &not_applied) {
    rlimit l{value, value};
    if (setrlimit(resource, &l) != 0)
        not_applied.push_back(std::string(name) + " (" + std::strerror(errno) + ")");
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
    char line[160];
    char *at = line;
    append(at, "fault ");
    auto addr = reinterpret_cast<uintptr_t>(info->si_addr);
    // The main stack grows down from g_stack_top; the kernel keeps a guard gap below its limit.
    const uintptr_t guard = 1024 * 1024;
    if (sig == SIGSYS) {
        append(at, "forbidden system call ");
        int nr = info->si_syscall;
        if (nr >= 0 && nr < kMaxSyscall && g_syscall_names[nr][0]) append(at, g_syscall_names[nr]);
        else append_hex(at, static_cast<uintptr_t>(nr));
    } else if (sig == SIGSEGV && addr < g_stack_top && g_stack_top - addr <= g_stack_size + guard) {
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
    // the process with the same signal; a trapped call or one sent by kill() is raised again here.
    raise(sig);
}

// Landlock: read-only, to what loading a plugin needs. Returns what was not applied, or "".
std::string restrict_files(const std::string &plugin, int abi_cap) {
#if defined(__SANITIZE_ADDRESS__)
    (void)plugin;
    (void)abi_cap;
    return "Landlock (sanitizer build: ASan and LSan read /proc)";
#else
    long abi = syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
    if (abi < 1) return std::string("Landlock (the kernel does not offer it: ") + std::strerror(errno) + ")";
    if (abi_cap > 0 && abi > abi_cap) abi = abi_cap; // tests: the rules an older kernel applies
    const __u64 read_file = LANDLOCK_ACCESS_FS_READ_FILE;
    const __u64 read_dir = LANDLOCK_ACCESS_FS_READ_DIR;
    // Everything ABI 1 can refuse; ABI 2 adds REFER, ABI 3 TRUNCATE. Kernels with less get less,
    // and seccomp still forbids writing, truncating and the network.
    __u64 handled = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | read_file | read_dir |
                    LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR |
                    LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |
                    LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
#ifdef LANDLOCK_ACCESS_FS_REFER
    if (abi >= 2) handled |= LANDLOCK_ACCESS_FS_REFER;
#endif
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
    if (abi >= 3) handled |= LANDLOCK_ACCESS_FS_TRUNCATE;
#endif
    landlock_ruleset_attr attr{};
    attr.handled_access_fs = handled;
    int ruleset = static_cast<int>(syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0));
    if (ruleset < 0) return std::string("Landlock (") + std::strerror(errno) + ")";
    auto allow = [ruleset](const char *path, __u64 access) {
        int fd = open(path, O_PATH | O_CLOEXEC);
        if (fd < 0) return; // /lib64 need not exist
        landlock_path_beneath_attr rule{};
        rule.allowed_access = access;
        rule.parent_fd = fd;
        syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
        close(fd);
    };
    for (const char *dir : {"/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/local/lib"}) allow(dir, read_file | read_dir);
    allow("/etc/ld.so.cache", read_file);
    allow(plugin.c_str(), read_file);
    std::string failed;
    if (syscall(SYS_landlock_restrict_self, ruleset, 0) != 0)
        failed = std::string("Landlock (") + std::strerror(errno) + ")";
    close(ruleset);
    return failed;
#endif
}

} // namespace

int confine(size_t memory_limit_mb, const void *stack_top, const std::string &plugin, int landlock_abi_cap,
            std::vector<std::string> &not_applied) {
    close_inherited();
    int answer = fcntl(1, F_DUPFD_CLOEXEC, 3);
    if (answer < 0) return -1;
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, 0);
        close(null);
    }
    dup2(2, 1); // a plugin's printf must not be mistaken for an answer: it goes to the capped stderr
    g_task_dir = open("/proc/self/task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    const rlim_t bytes = static_cast<rlim_t>(memory_limit_mb) * 1024 * 1024;
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer reserves terabytes of shadow address space up front: under an address-space
    // limit the probe could not even start. Its huge allocations fail in ASan's allocator instead
    // (allocator_may_return_null).
    (void)bytes;
    not_applied.push_back("RLIMIT_AS (sanitizer build)");
#else
    set_limit(RLIMIT_AS, bytes, "RLIMIT_AS", not_applied);
#endif
    set_limit(RLIMIT_CORE, 0, "RLIMIT_CORE", not_applied);
    set_limit(RLIMIT_CPU, kCpuSeconds, "RLIMIT_CPU", not_applied);
    set_limit(RLIMIT_NOFILE, kOpenFiles, "RLIMIT_NOFILE", not_applied);
    set_limit(RLIMIT_FSIZE, 0, "RLIMIT_FSIZE", not_applied);
    if (geteuid() == 0) not_applied.push_back("RLIMIT_NPROC (not enforced for root)");
    else set_limit(RLIMIT_NPROC, kProcesses, "RLIMIT_NPROC", not_applied);
    // RLIMIT_CORE alone does not stop a core_pattern pipe (systemd-coredump); this does.
    prctl(PR_SET_DUMPABLE, 0);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        not_applied.push_back(std::string("PR_SET_NO_NEW_PRIVS (") + std::strerror(errno) + ")");

    std::string landlock = restrict_files(plugin, landlock_abi_cap);
    if (!landlock.empty()) not_applied.push_back(landlock);

    rlimit stack{};
    getrlimit(RLIMIT_STACK, &stack);
    g_stack_top = reinterpret_cast<uintptr_t>(stack_top);
    g_stack_size = stack.rlim_cur == RLIM_INFINITY ? 64u * 1024 * 1024 : static_cast<uintptr_t>(stack.rlim_cur);
    return answer;
}

void confine_calls(int answer, std::vector<std::string> &not_applied) {
#if defined(__SANITIZE_ADDRESS__)
    (void)answer;
    not_applied.push_back("seccomp (sanitizer build: LeakSanitizer uses ptrace and threads)");
#else
    for (int nr = 0; nr < kMaxSyscall; ++nr) {
        if (char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr)) {
            std::strncpy(g_syscall_names[nr], name, sizeof g_syscall_names[nr] - 1);
            std::free(name);
        }
    }
    // Whatever is not listed traps (SIGSYS): the plugin is quarantined, named after the call.
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_TRAP);
    if (!ctx) {
        not_applied.push_back("seccomp (cannot create a filter)");
        return;
    }
    const pid_t self = getpid();
    bool ok = true;
    auto allow = [&](int nr, std::initializer_list<scmp_arg_cmp> args = {}) {
        ok = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, nr, static_cast<unsigned>(args.size()), args.begin()) == 0 && ok;
    };
    auto refuse = [&](int nr, int err) { ok = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 0) == 0 && ok; };

    // Memory, time, the plugin's own threads' housekeeping.
    for (int nr : {SCMP_SYS(brk), SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mremap), SCMP_SYS(mprotect),
                   SCMP_SYS(madvise), SCMP_SYS(futex), SCMP_SYS(set_robust_list), SCMP_SYS(get_robust_list),
                   SCMP_SYS(rseq), SCMP_SYS(set_tid_address), SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres),
                   SCMP_SYS(gettimeofday), SCMP_SYS(time), SCMP_SYS(nanosleep), SCMP_SYS(clock_nanosleep),
                   SCMP_SYS(sched_yield), SCMP_SYS(getpid), SCMP_SYS(gettid), SCMP_SYS(getuid), SCMP_SYS(geteuid),
                   SCMP_SYS(getgid), SCMP_SYS(getegid), SCMP_SYS(getrandom), SCMP_SYS(pause), SCMP_SYS(exit),
                   SCMP_SYS(exit_group), SCMP_SYS(restart_syscall), SCMP_SYS(rt_sigreturn),
                   SCMP_SYS(rt_sigprocmask), SCMP_SYS(sigaltstack), SCMP_SYS(arch_prctl), SCMP_SYS(membarrier)})
        allow(nr);
    // Reading: files opened for reading only (Landlock says which), and what is open.
    const scmp_datum_t write_flags = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND;
    allow(SCMP_SYS(openat), {SCMP_A2(SCMP_CMP_MASKED_EQ, write_flags, 0)});
    allow(SCMP_SYS(open), {SCMP_A1(SCMP_CMP_MASKED_EQ, write_flags, 0)});
    for (int nr : {SCMP_SYS(read), SCMP_SYS(pread64), SCMP_SYS(readv), SCMP_SYS(close), SCMP_SYS(fstat),
                   SCMP_SYS(newfstatat), SCMP_SYS(stat), SCMP_SYS(lstat), SCMP_SYS(statx), SCMP_SYS(lseek),
                   SCMP_SYS(getdents64), SCMP_SYS(access), SCMP_SYS(faccessat), SCMP_SYS(faccessat2)})
        allow(nr);
    for (int cmd : {F_GETFD, F_SETFD, F_GETFL, F_SETFL}) allow(SCMP_SYS(fcntl), {SCMP_A1(SCMP_CMP_EQ, cmd)});
    // Writing: stdout and stderr (one capped pipe) and the answer channel, nothing else.
    for (int fd : {1, 2, answer}) {
        allow(SCMP_SYS(write), {SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(fd))});
        allow(SCMP_SYS(writev), {SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(fd))});
    }
    // Threads yes (the contract forbids them, and the probe refuses a plugin that leaves one
    // running: it must be able to start one to be caught), processes no. glibc 2.36 tries clone3
    // first, whose flags sit in a struct seccomp cannot read: ENOSYS makes it fall back to clone.
    allow(SCMP_SYS(clone), {SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD)});
    refuse(SCMP_SYS(clone3), ENOSYS);
    // Signals: its own handlers (but not SIGSYS's: the trap must stay ours), and only to itself.
    allow(SCMP_SYS(rt_sigaction), {SCMP_A0(SCMP_CMP_NE, SIGSYS)});
    allow(SCMP_SYS(tgkill), {SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(self))});
    allow(SCMP_SYS(kill), {SCMP_A0(SCMP_CMP_EQ, static_cast<scmp_datum_t>(self))});
    // Reading its own limits only.
    allow(SCMP_SYS(prlimit64), {SCMP_A0(SCMP_CMP_EQ, 0), SCMP_A2(SCMP_CMP_EQ, 0)});
    allow(SCMP_SYS(getrlimit));
    // What the C library asks on its own and copes without: an error, not a trap.
    for (int nr : {SCMP_SYS(sched_getaffinity), SCMP_SYS(ioctl), SCMP_SYS(sysinfo), SCMP_SYS(uname),
                   SCMP_SYS(readlink), SCMP_SYS(readlinkat), SCMP_SYS(getcwd), SCMP_SYS(prctl),
                   SCMP_SYS(sched_getparam), SCMP_SYS(sched_getscheduler), SCMP_SYS(getppid)})
        refuse(nr, EPERM);

    if (!ok) not_applied.push_back("seccomp (a rule could not be added)");
    if (seccomp_load(ctx) != 0) not_applied.push_back("seccomp (the filter could not be loaded)");
    seccomp_release(ctx);
#endif
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
    sigaction(SIGSYS, &sa, nullptr);
}

int thread_count() {
    if (g_task_dir < 0) return 0;
    // getdents64 on the descriptor opened before Landlock: no path lookup, so /proc stays shut.
    if (lseek(g_task_dir, 0, SEEK_SET) != 0) return 0;
    alignas(8) char buf[4096];
    int n = 0;
    for (;;) {
        long got = syscall(SYS_getdents64, g_task_dir, buf, sizeof buf);
        if (got <= 0) break;
        for (long at = 0; at < got;) {
            auto *d = reinterpret_cast<dirent64 *>(buf + at);
            if (d->d_name[0] != '.') ++n;
            at += d->d_reclen;
        }
    }
    return n;
}

} // namespace hs::probe
