// The kiosk's clock: monotonic milliseconds that tests and `--replay ... advance` can move forward,
// so idle timeouts and long-presses are tested without waiting for them.
#pragma once

#include <chrono>
#include <cstdint>

namespace hs {

using Millis = std::int64_t; // milliseconds on the kiosk clock

class Clock {
public:
    Millis now() const {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count() + offset_;
    }
    void advance(Millis ms) { offset_ += ms; }

private:
    Millis offset_ = 0;
};

} // namespace hs
