// Runs a piece of a test as an ordinary user. Root is not stopped by file permissions, and the
// kiosk runs as an ordinary account: a case about permissions runs, as root, in a child that became
// `nobody` (uid and gid 65534, no supplementary groups), and as any other user in this process.
// Never a skip either way. The child's result comes back as text on a pipe.
#pragma once

#include <catch2/catch.hpp>

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>

namespace support {

inline std::string as_nobody(const std::function<std::string()> &body) {
    if (geteuid() != 0) return body();
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        if (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0) _exit(3);
        std::string out = body();
        _exit(write(fds[1], out.data(), out.size()) == static_cast<ssize_t>(out.size()) ? 0 : 4);
    }
    close(fds[1]);
    std::string out;
    char buf[1024];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    INFO("the child that became nobody: " << out);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return out;
}

} // namespace support
