// The sd_notify protocol the viewer speaks to systemd (viewer/app/watchdog.cpp): datagrams on a
// path or abstract AF_UNIX socket, READY=1 once, WATCHDOG=1 every half watchdog timeout.
#include "app/watchdog.hpp"

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

// A datagram socket standing in for systemd's notify socket.
struct FakeSystemd {
    int fd = -1;
    std::string name; // as NOTIFY_SOCKET spells it
    explicit FakeSystemd(bool abstract) {
        fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        name = abstract ? "@helpstation-test-" + std::to_string(::getpid())
                        : std::string(TEST_OUTPUT_DIR) + "/notify-" + std::to_string(::getpid());
        if (!abstract) {
            std::filesystem::create_directories(TEST_OUTPUT_DIR);
            ::unlink(name.c_str());
        }
        std::memcpy(addr.sun_path, name.data(), name.size());
        if (abstract) addr.sun_path[0] = '\0';
        socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), len) == 0);
    }
    ~FakeSystemd() {
        ::close(fd);
        if (name[0] == '/') ::unlink(name.c_str());
    }
    // Every datagram waiting, joined by '|'.
    std::string received() {
        std::string all;
        char buf[256];
        for (;;) {
            ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n < 0) return all;
            if (!all.empty()) all += '|';
            all.append(buf, static_cast<std::size_t>(n));
        }
    }
};

} // namespace

TEST_CASE("watchdog: sd_notify reaches a path socket and an abstract one") {
    for (bool abstract : {false, true}) {
        FakeSystemd systemd(abstract);
        CHECK(hs::app::send_notify(systemd.name, "READY=1").empty());
        CHECK(systemd.received() == "READY=1");
    }
    CHECK_FALSE(hs::app::send_notify("relative/path", "READY=1").empty());
}

TEST_CASE("watchdog: READY=1 once, WATCHDOG=1 every half timeout") {
    FakeSystemd systemd(true);
    hs::app::Watchdog dog(systemd.name, 30000);
    REQUIRE(dog.interval() == 15000);
    CHECK(dog.next_ping() == 0); // the first ping is due at once
    dog.ready();
    dog.ready();
    dog.ping_if_due(1000);
    CHECK(systemd.received() == "READY=1|WATCHDOG=1");
    CHECK(dog.next_ping() == 16000);
    dog.ping_if_due(15999);
    CHECK(systemd.received().empty());
    dog.ping_if_due(16000);
    CHECK(systemd.received() == "WATCHDOG=1");
}

TEST_CASE("watchdog: without WATCHDOG_USEC only READY=1, and nothing without a socket") {
    FakeSystemd systemd(true);
    hs::app::Watchdog no_timer(systemd.name, std::nullopt);
    CHECK_FALSE(no_timer.next_ping());
    no_timer.ready();
    no_timer.ping_if_due(100000);
    CHECK(systemd.received() == "READY=1");
    hs::app::Watchdog outside_systemd;
    CHECK_FALSE(outside_systemd.enabled());
    CHECK_FALSE(outside_systemd.next_ping());
    outside_systemd.ready();
    outside_systemd.ping_if_due(0);
}
