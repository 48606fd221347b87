// For the kill test (tests/core/test_analytics_kill.cpp): writes numbered events through the real
// analytics Store as fast as a busy kiosk never would, and reports on stdout, every few
// milliseconds, how many it has added and how many the store has committed, until it is killed.
//
//   analytics_writer DB FIRST_NUMBER     (the number goes in duration_ms: 1, 2, 3, ... across runs)
#include "core/analytics/store.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: analytics_writer DB FIRST_NUMBER\n");
        return 2;
    }
    using namespace std::chrono;
    spdlog::set_default_logger(spdlog::stderr_color_mt("writer")); // stdout carries the reports only
    hs::analytics::StoreOptions options;
    options.path = argv[1];
    hs::analytics::Store store(options);
    std::int64_t number = std::stoll(argv[2]);
    std::uint64_t added = 0;
    auto last_report = steady_clock::now() - milliseconds(10);
    for (;;) {
        hs::analytics::Event e;
        e.kind = hs::analytics::EventKind::StepReached;
        e.session = 1;
        e.at_ms = hs::analytics::system_wall_ms();
        e.topic = "kill-test";
        e.fix = 1;
        e.step = 1;
        e.duration_ms = number++;
        store.add(e);
        ++added;
        auto now = steady_clock::now();
        if (now - last_report >= milliseconds(2)) {
            last_report = now;
            // write(2), not stdio: what the test reads is exactly what was said before the kill.
            char line[96];
            int n = std::snprintf(line, sizeof line, "%lld %llu %llu\n",
                                  static_cast<long long>(duration_cast<milliseconds>(now.time_since_epoch()).count()),
                                  static_cast<unsigned long long>(added),
                                  static_cast<unsigned long long>(store.committed()));
            if (write(1, line, static_cast<size_t>(n)) != n) return 1;
        }
        std::this_thread::sleep_for(microseconds(200));
    }
}
