// systemd's notify protocol, without libsystemd: READY=1 once the kiosk shows its first frame,
// then WATCHDOG=1 from the frame loop at half of WATCHDOG_USEC, so a hung loop gets the viewer
// restarted (packaging/helpstation.service: Type=notify, WatchdogSec=30, Restart=always).
// Outside systemd (no NOTIFY_SOCKET) every call is a no-op.
#pragma once

#include "core/clock.hpp"

#include <optional>
#include <string>

namespace hs::app {

// Sends one datagram to the AF_UNIX socket `socket_path` ('@' at the start: the abstract
// namespace). Returns an empty string, or why it could not.
std::string send_notify(const std::string &socket_path, const std::string &message);

class Watchdog {
public:
    Watchdog() = default;
    Watchdog(std::string socket_path, std::optional<Millis> timeout_ms)
        : socket_(std::move(socket_path)), timeout_ms_(timeout_ms) {}
    // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID (the watchdog is ours only if that is our
    // pid, or unset). They are left set (unsetenv races the plugin worker's threads); the probes
    // that inherit them never notify.
    static Watchdog from_environment();

    bool enabled() const { return !socket_.empty(); }
    // How often to ping: half the watchdog timeout; nothing when systemd set no watchdog.
    std::optional<Millis> interval() const;
    // READY=1, once.
    void ready();
    // WATCHDOG=1 if a ping is due at `now`.
    void ping_if_due(Millis now);
    // When the next ping is due, for the frame loop's sleep; nothing when there is no watchdog.
    std::optional<Millis> next_ping() const;

private:
    std::string socket_;
    std::optional<Millis> timeout_ms_;
    bool ready_sent_ = false;
    std::optional<Millis> next_ping_; // unset until the first ping, which is due at once
};

} // namespace hs::app
