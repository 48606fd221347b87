/* Plugins that misbehave the ways a probe must survive: each is the raw C topic (raw_topic.c)
 * with one fault, chosen by a compile definition (see CMakeLists.txt). Built with -O0 so the
 * compiler keeps the faults as written. Never load these into a test process: only the probe. */
#include <helpstation/plugin.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(FAULT_RECURSION)
static int recurse(int depth) {
    volatile char frame[512];
    frame[0] = (char)depth;
    return recurse(depth + 1) + frame[0]; /* not a tail call: every level keeps its frame */
}
#endif

#if defined(FAULT_THREAD)
static void *wait_forever(void *arg) {
    (void)arg;
    for (;;) pause();
    return 0;
}
#endif

#if defined(FAULT_IN_CONSTRUCTOR)
__attribute__((constructor)) static void crash_on_load(void) { *(volatile int *)0 = 1; }
#endif

static void misbehave(void) {
#if defined(FAULT_SEGV)
    *(volatile int *)0 = 1;
#elif defined(FAULT_ABORT)
    abort();
#elif defined(FAULT_EXIT)
    exit(0);
#elif defined(FAULT_HANG)
    volatile int spin = 1;
    while (spin) {
    }
#elif defined(FAULT_RECURSION)
    recurse(0);
#elif defined(FAULT_HUGE_ALLOC)
    /* 8 GiB, touched: on a machine with overcommit this would really take the memory. Under the
     * probe's address-space limit malloc fails, and the unchecked NULL crashes the probe instead. */
    size_t n = (size_t)8 << 30;
    char *p = malloc(n);
    memset(p, 1, n);
#elif defined(FAULT_THREAD)
    pthread_t thread;
    pthread_create(&thread, 0, wait_forever, 0);
#endif
}

#define TEST_BEFORE_ENTRY misbehave
#include "raw_topic.c"
