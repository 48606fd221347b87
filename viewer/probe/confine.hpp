// Turns the helpstation-probe process into a safe place to run one untrusted plugin: no files of
// the viewer that started it, bounded memory and CPU, no core dump, and a last word on a crash.
#pragma once

#include <cstddef>

namespace hs::probe {

// Closes every inherited descriptor above stderr, moves the answer channel (the original stdout)
// out of the plugin's way, points the plugin's stdout at /dev/null and sets the limits.
// Returns the descriptor to answer on. `stack_top` is the address of a local of main().
int confine(size_t memory_limit_mb, const void *stack_top);

// From now on a SIGSEGV or SIGBUS writes one "fault ..." line to `fd` (a stack overflow, a NULL
// pointer, another address) before the process dies of it as it would have anyway.
void report_faults_to(int fd);

// Threads of this process still running (1 when only main is left); 0 when it cannot be told.
int thread_count();

} // namespace hs::probe
