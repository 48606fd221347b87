#include "session.hpp"

#include "pin.hpp"

#include <algorithm>

namespace hs {

Session::Session(Navigator &nav, SessionConfig config, Millis now)
    : nav_(nav), config_(config), last_touch_(now), attract_since_(now), started_(now),
      text_size_(config.text_size), high_contrast_(config.high_contrast),
      language_(config.language) {}

void Session::touch(Millis now) { last_touch_ = now; }

namespace {
// Nothing to time out on the attract screen, which is what a reset leads to, unless the admin
// menu was opened there: that must lock itself again when staff walk away.
bool at_rest(const Navigator &nav, AdminState admin) {
    return nav.state().screen == Screen::Attract && admin == AdminState::Locked;
}
} // namespace

bool Session::warning(Millis now) const {
    return !at_rest(nav_, admin_) && now - last_touch_ >= config_.idle_ms;
}

int Session::warning_seconds_left(Millis now) const {
    Millis left = last_touch_ + config_.idle_ms + config_.warning_ms - now;
    return static_cast<int>(std::max<Millis>(0, (left + 999) / 1000));
}

void Session::still_here(Millis now) { touch(now); }

std::optional<Change> Session::update(Millis now) {
    if (at_rest(nav_, admin_) || now - last_touch_ < config_.idle_ms + config_.warning_ms) return std::nullopt;
    return reset(now, Cause::IdleReset);
}

Change Session::reset(Millis now, Cause cause) {
    Change change = nav_.restart(cause);
    text_size_ = config_.text_size;
    high_contrast_ = config_.high_contrast;
    language_ = config_.language;
    admin_ = AdminState::Locked;
    last_touch_ = now;
    attract_since_ = now;
    return change;
}

std::optional<Millis> Session::next_deadline(Millis now) const {
    if (at_rest(nav_, admin_)) {
        Millis into = (now - attract_since_) % config_.attract_cycle_ms;
        return now + (config_.attract_cycle_ms - into);
    }
    Millis warn_at = last_touch_ + config_.idle_ms;
    if (now < warn_at) return warn_at;
    Millis reset_at = warn_at + config_.warning_ms;
    // While warning, the countdown changes every second: wake on the next whole second left.
    Millis left = reset_at - now;
    Millis tick = left % 1000 == 0 ? 1000 : left % 1000;
    return std::min(reset_at, now + tick);
}

Session::PinResult Session::try_pin(const std::string &pin, Millis now) {
    if (admin_ != AdminState::Pin) return PinResult::wrong; // only from the keypad
    if (config_.admin_pin_hash.empty()) return PinResult::no_pin;
    if (pin_locked_for(now) > 0) return PinResult::locked_out;
    if (verify_pin(config_.admin_pin_hash, pin)) {
        wrong_pins_ = 0;
        admin_ = AdminState::Menu;
        return PinResult::opened;
    }
    if (++wrong_pins_ >= kMaxPinTries) {
        wrong_pins_ = 0;
        pin_locked_until_ = now + kPinLockoutMs;
        return PinResult::locked_out;
    }
    return PinResult::wrong;
}

void Session::show_admin(AdminState page) {
    bool open = admin_ == AdminState::Menu || admin_ == AdminState::Diagnostics || admin_ == AdminState::Outcomes;
    if (open && page != AdminState::Locked && page != AdminState::Pin) admin_ = page;
}

bool Session::set_language(const std::string &language) {
    const auto &offered = config_.languages_offered;
    if (std::find(offered.begin(), offered.end(), language) == offered.end()) return false;
    language_ = language;
    return true;
}

void Session::cycle_text_size() { text_size_ = text_size_ >= 200 ? 100 : text_size_ + 50; }

size_t Session::attract_index(Millis now, size_t count) const {
    if (count == 0) return 0;
    return static_cast<size_t>((now - attract_since_) / config_.attract_cycle_ms) % count;
}

} // namespace hs
