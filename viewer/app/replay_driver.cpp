#include "replay_driver.hpp"

#include <spdlog/spdlog.h>

namespace hs::app {
namespace {

ReplayScript load_and_report(const std::string &path, int &exit_code) {
    ReplayScript script = load_replay(path);
    if (!script.error.empty()) {
        spdlog::error("replay: {}{}", script.error, script.commands.empty() ? "" : " (the replay stops before that line)");
        exit_code = 2;
    }
    return script;
}

} // namespace

ReplayDriver::ReplayDriver(const std::string &path, float screen_w, float screen_h)
    : player_(load_and_report(path, exit_code_), screen_w, screen_h) {}

bool ReplayDriver::feed(Clock &clock, ui::Kiosk &kiosk) {
    auto find_target = [&kiosk](const std::string &label) -> std::optional<ReplayPlayer::Rect> {
        for (const ui::TouchTarget &t : kiosk.targets())
            if (t.name == label && t.enabled) return ReplayPlayer::Rect{t.min.x, t.min.y, t.max.x - t.min.x, t.max.y - t.min.y};
        return std::nullopt;
    };
    bool fed = false;
    // Two frames after the last input: the first draws what it did, the second settles it.
    while (auto in = player_.next(clock.now(), find_target, frames_since_input_ >= 2)) {
        frames_since_input_ = 0;
        fed = true;
        if (in->kind == ReplayInput::Kind::Advance) {
            clock.advance(in->advance);
            spdlog::debug("replay: clock advanced {} ms", in->advance);
            continue;
        }
        InputEvent e;
        e.kind = in->kind == ReplayInput::Kind::Key    ? InputEvent::Kind::Key
                 : in->kind == ReplayInput::Kind::Char ? InputEvent::Kind::Char
                                                       : InputEvent::Kind::Pointer;
        e.pointer = in->pointer;
        e.key = in->key;
        e.codepoint = in->codepoint;
        kiosk.input(e);
    }
    if (!player_.error().empty() && exit_code_ == 0) {
        spdlog::error("replay: {}", player_.error());
        exit_code_ = 2;
    }
    return fed;
}

} // namespace hs::app
