/* Plugins that attack the kiosk instead of failing by accident: each is the raw C topic
 * (tests/plugins/raw_topic.c) with one attack, chosen by a compile definition (CMakeLists.txt).
 * Every attack leaves a trace the test can look for if it ever worked: a file, a connection, a
 * process, a changed byte. Only ever run by helpstation-probe; never load one into a test. */
#define _GNU_SOURCE
#include <helpstation/plugin.h>

#include <dlfcn.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* Where the traces go, one set per user (the suite runs as root and as an unprivileged user); the
 * test looks for them (tests/hostile/test_hostile.cpp, which computes the same names). */
#define TRACE_DIR "/tmp/helpstation-hostile-%u"
#define TCP_PORT (40000 + getuid() % 20000)
#define UNIX_NAME "helpstation-hostile-%u" /* abstract socket namespace */

static char summary[512] = "A topic without the builder.";

static void leave_trace(const char *name) {
    char path[256];
    snprintf(path, sizeof path, TRACE_DIR "/%s", getuid(), name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("the plugin ran here\n", f);
        fclose(f);
    }
}

#if defined(HOSTILE_TWO_FACED)
/* Behaves in the probe, crashes anywhere else: the kiosk must never be "anywhere else". */
__attribute__((constructor)) static void two_faced(void) {
    char exe[512] = "";
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) exe[n] = '\0';
    if (n > 0 && strstr(exe, "helpstation-probe")) return;
    leave_trace("two-faced");
    *(volatile int *)0 = 1;
}
#endif

static void attack(void) {
#if defined(HOSTILE_SOMETIMES)
    /* Crashes one time in two. */
    unsigned char coin = 0;
    if (getrandom(&coin, 1, 0) == 1 && (coin & 1)) *(volatile int *)0 = 1;
#elif defined(HOSTILE_WRITE_TMP)
    leave_trace("write-tmp");
#elif defined(HOSTILE_WRITE_OWN_FOLDER)
    Dl_info info;
    if (dladdr((void *)attack, &info) && info.dli_fname) {
        char path[512];
        snprintf(path, sizeof path, "%s.dropped", info.dli_fname);
        FILE *f = fopen(path, "w");
        if (f) fclose(f);
    }
#elif defined(HOSTILE_TCP)
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(TCP_PORT);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s >= 0) connect(s, (struct sockaddr *)&a, sizeof a);
#elif defined(HOSTILE_UNIX)
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    int n = snprintf(a.sun_path + 1, sizeof a.sun_path - 1, UNIX_NAME, getuid());
    if (s >= 0) connect(s, (struct sockaddr *)&a, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n));
#elif defined(HOSTILE_FORK_SETSID)
    /* A child in a session of its own, out of reach of a process-group kill, that lives on. */
    if (fork() == 0) {
        setsid();
        prctl(PR_SET_NAME, "hs-hostile-kid");
        leave_trace("forked");
        for (;;) pause();
    }
#elif defined(HOSTILE_EXEC)
    char command[256];
    snprintf(command, sizeof command, "echo ran > " TRACE_DIR "/exec", getuid());
    execl("/bin/sh", "sh", "-c", command, (char *)0);
#elif defined(HOSTILE_FLOOD)
    /* 64 MiB on each of stdout and stderr, then an honest answer. */
    static char block[65536];
    memset(block, 'x', sizeof block);
    for (int i = 0; i < 1024; ++i) {
        if (write(1, block, sizeof block) < 0) break;
        if (write(2, block, sizeof block) < 0) break;
    }
#elif defined(HOSTILE_FORGE_HUGE) || defined(HOSTILE_FORGE_MALFORMED)
    /* Finds the answer channel (the one pipe besides stdout and stderr) and answers "passed" on it
     * with a topic of its own making. */
    static char junk[65536];
    memset(junk, 'A', sizeof junk);
    for (int fd = 3; fd < 16; ++fd) {
        struct stat st;
        if (fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode)) continue;
#if defined(HOSTILE_FORGE_HUGE)
        dprintf(fd, "topic 4000000000\n");
        for (int i = 0; i < 2048; ++i)
            if (write(fd, junk, sizeof junk) < 0) break;
#else
        dprintf(fd, "topic 64\nHSX2");
        write(fd, junk, 60);
#endif
        dprintf(fd, "{\"ok\":true}\n");
    }
    _exit(0);
#elif defined(HOSTILE_REWRITE_SELF)
    Dl_info info;
    if (dladdr((void *)attack, &info) && info.dli_fname) {
        int fd = open(info.dli_fname, O_WRONLY);
        if (fd >= 0) {
            pwrite(fd, "XXXX", 4, 0);
            close(fd);
        }
    }
#elif defined(HOSTILE_ALLOCATE)
    for (;;) {
        char *p = malloc(64u << 20);
        if (p) memset(p, 1, 64u << 20);
    }
#elif defined(HOSTILE_READ_SECRET)
    /* The kiosk's analytics database stands for every file a plugin has no business reading. */
    char path[256];
    snprintf(path, sizeof path, TRACE_DIR "/secret/analytics.sqlite", getuid());
    FILE *f = fopen(path, "r");
    if (f) {
        char got[128] = "";
        if (fgets(got, sizeof got, f)) snprintf(summary, sizeof summary, "Stolen: %s", got);
        fclose(f);
    }
#endif
}

#if defined(HOSTILE_SPIN_DESTRUCTOR)
__attribute__((destructor)) static void spin_on_unload(void) {
    volatile int spin = 1;
    while (spin) {
    }
}
#endif

#define TEST_BEFORE_ENTRY attack
#define TEST_SUMMARY_VAR summary
#include "../plugins/raw_topic.c"
