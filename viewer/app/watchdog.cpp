#include "watchdog.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace hs::app {

std::string send_notify(const std::string &socket_path, const std::string &message) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (socket_path.size() < 2 || (socket_path[0] != '/' && socket_path[0] != '@'))
        return "NOTIFY_SOCKET is neither a path nor an abstract socket: " + socket_path;
    if (socket_path.size() >= sizeof(addr.sun_path)) return "NOTIFY_SOCKET is too long";
    std::memcpy(addr.sun_path, socket_path.data(), socket_path.size());
    if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0'; // the abstract namespace
    socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_path.size());

    int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return std::string("socket: ") + std::strerror(errno);
    ssize_t sent = ::sendto(fd, message.data(), message.size(), MSG_NOSIGNAL, reinterpret_cast<sockaddr *>(&addr), len);
    int err = errno;
    ::close(fd);
    if (sent < 0) return "sendto " + socket_path + ": " + std::strerror(err);
    return {};
}

Watchdog Watchdog::from_environment() {
    auto get = [](const char *name) -> std::string {
        const char *v = std::getenv(name);
        return v ? v : "";
    };
    std::string socket = get("NOTIFY_SOCKET"), usec = get("WATCHDOG_USEC"), pid = get("WATCHDOG_PID");
    std::optional<Millis> timeout;
    bool ours = pid.empty() || std::strtoll(pid.c_str(), nullptr, 10) == static_cast<long long>(::getpid());
    if (!usec.empty() && ours) {
        long long us = std::strtoll(usec.c_str(), nullptr, 10);
        if (us > 0) timeout = std::max<Millis>(1, us / 1000);
    }
    if (!socket.empty()) spdlog::info("systemd notify socket {}, watchdog {} ms (0: none)", socket, timeout.value_or(0));
    return Watchdog(socket, timeout);
}

std::optional<Millis> Watchdog::interval() const {
    if (!enabled() || !timeout_ms_) return std::nullopt;
    return std::max<Millis>(1, *timeout_ms_ / 2);
}

void Watchdog::ready() {
    if (!enabled() || ready_sent_) return;
    ready_sent_ = true;
    if (std::string why = send_notify(socket_, "READY=1"); !why.empty()) spdlog::warn("sd_notify READY=1: {}", why);
}

void Watchdog::ping_if_due(Millis now) {
    auto every = interval();
    if (!every) return;
    if (next_ping_ && now < *next_ping_) return;
    next_ping_ = now + *every;
    if (std::string why = send_notify(socket_, "WATCHDOG=1"); !why.empty())
        spdlog::warn("sd_notify WATCHDOG=1: {}", why);
}

std::optional<Millis> Watchdog::next_ping() const {
    if (!interval()) return std::nullopt;
    return next_ping_ ? *next_ping_ : 0;
}

} // namespace hs::app
