// Turns the helpstation-probe process into a safe place to run one untrusted plugin, with what
// Linux gives an unprivileged process (no root, no user namespaces needed):
//
//   descriptors  every inherited one closed; the answer channel moved out of the plugin's way;
//                stdout joins stderr (the viewer keeps the first 16 KiB of it for the log)
//   rlimits      RLIMIT_AS (memory), RLIMIT_CPU, RLIMIT_NOFILE, RLIMIT_FSIZE=0 (no file grows),
//                RLIMIT_NPROC, RLIMIT_CORE=0
//   privileges   PR_SET_NO_NEW_PRIVS, PR_SET_DUMPABLE=0
//   Landlock     read-only access to the system's libraries, the loader's cache and the plugin
//                file itself; nothing else (no /proc, no /home, no /var) where the kernel has it
//   seccomp      an allow-list (confine.cpp): no sockets, no new processes (threads only), no
//                execve, no ptrace, no signals to others, no file opened for writing, no write but
//                to stdout/stderr and the answer channel. A forbidden call traps: the SIGSYS handler
//                writes "fault forbidden system call NAME" on the answer channel and the process
//                dies of SIGSYS, which quarantines the plugin with that reason.
//
// The viewer adds the rest from outside (probe.cpp): an empty environment, a session of its own
// killed as a whole, a time limit, capped pipes. Whatever cannot be applied is returned in
// `not_applied` and logged by the viewer (the probe writes it on stderr), never silently skipped.
// The sanitizer build (HELPSTATION_SANITIZE) applies neither Landlock nor seccomp nor RLIMIT_AS:
// AddressSanitizer reserves terabytes of address space and LeakSanitizer uses ptrace; it says so.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hs::probe {

// Everything but the seccomp filter, which comes last (confine_calls): call it before the plugin
// is opened. Returns the descriptor to answer on (-1 when that fails). `stack_top` is the address
// of a local of main(). `landlock_abi_cap` > 0 applies only the rules of that Landlock ABI (tests
// use 2: Debian 12's kernel 6.1).
int confine(size_t memory_limit_mb, const void *stack_top, const std::string &plugin, int landlock_abi_cap,
            std::vector<std::string> &not_applied);

// Installs the seccomp filter; from here on only the calls the probe and a well-behaved plugin
// need are possible. `answer` is the answer channel, the one descriptor besides stdout and stderr
// that may be written.
void confine_calls(int answer, std::vector<std::string> &not_applied);

// From now on a SIGSEGV, SIGBUS or SIGSYS writes one "fault ..." line to `fd` (a stack overflow, a
// NULL pointer, another address, a forbidden system call) before the process dies of it.
void report_faults_to(int fd);

// Threads of this process still running (1 when only main is left); 0 when it cannot be told.
// Reads /proc/self/task through a descriptor opened by confine(), before Landlock shut /proc.
int thread_count();

} // namespace hs::probe
