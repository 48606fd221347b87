// One customer's visit, and the kiosk's life between visits. No GL, no ImGui.
//
//   attract --tap--> home ... (any touch keeps the session alive)
//   no touch for idle_ms      -> "Still there?" warning, counting down warning_ms
//   "I'm still here"          -> back to where they were, nothing lost
//   warning runs out          -> reset: attract screen, text size, contrast and language back to the
//                                kiosk's defaults, admin locked; the navigator reports it as a
//                                Change with cause IdleReset, so the UI drops scroll positions,
//                                the zoomed picture and the PIN typed, and analytics ends the visit.
//
// The admin menu is reached by holding the top-left corner for admin_hold_ms, then a PIN.
#pragma once

#include "clock.hpp"
#include "navigation.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace hs {

struct SessionConfig {
    Millis idle_ms = 90'000;
    Millis warning_ms = 30'000; // WCAG 2.2.1: at least 20 s to say "I'm still here"
    Millis admin_hold_ms = 3'000;
    Millis attract_cycle_ms = 4'000; // the attract screen shows the next topic title this often
    int text_size = 100;             // percent: 100, 150, 200
    bool high_contrast = false;
    bool lockdown = true;            // no key or window-close request leaves the kiosk
    std::string admin_pin_hash;      // empty: no PIN set, the admin menu cannot be opened
    // The language each visit starts in, and those the language button offers (normalized
    // locales, the default among them: config.cpp checks both).
    std::string language = "en";
    std::vector<std::string> languages_offered = {"en"};
};

enum class AdminState { Locked, Pin, Menu, Diagnostics, Outcomes };

class Session {
public:
    Session(Navigator &nav, SessionConfig config, Millis now);

    // Any touch or key: the visit goes on.
    void touch(Millis now);
    // Moves the idle clock on; resets the session when the warning has run out (the change).
    std::optional<Change> update(Millis now);
    // When update() next has something to do (warning, its countdown each second, reset, attract).
    std::optional<Millis> next_deadline(Millis now) const;

    bool warning(Millis now) const;        // the "Still there?" overlay is up
    int warning_seconds_left(Millis now) const;
    void still_here(Millis now);           // the button on the warning
    // Back to attract, everything of the visit forgotten; `cause` IdleReset or Reload.
    Change reset(Millis now, Cause cause);

    // Text size (100/150/200 %) and contrast, per visit.
    int text_size() const { return text_size_; }
    float text_scale() const { return text_size_ / 100.0f; }
    void cycle_text_size();
    bool high_contrast() const { return high_contrast_; }
    void toggle_contrast() { high_contrast_ = !high_contrast_; }
    // The visit's language ("es"): the customer's choice, back to the kiosk's default at the
    // reset. Only an offered language is taken; returns whether it was.
    const std::string &language() const { return language_; }
    bool set_language(const std::string &language);

    // Admin: the corner hold opens the keypad; only try_pin() with the right PIN opens the menu.
    AdminState admin() const { return admin_; }
    void open_admin_pin() { admin_ = AdminState::Pin; }
    // Wrong PINs: after kMaxPinTries in a row the keypad refuses every PIN, the right one too, for
    // kPinLockoutMs, so a passer-by cannot try PINs one after the other.
    static constexpr int kMaxPinTries = 5;
    static constexpr Millis kPinLockoutMs = 60'000;
    enum class PinResult { opened, wrong, locked_out, no_pin };
    // The one way into the admin menu, from the PIN keypad: checks `pin` against the configured
    // hash (Argon2: a few hundred ms, on purpose) and counts wrong tries.
    PinResult try_pin(const std::string &pin, Millis now);
    Millis pin_locked_for(Millis now) const { return std::max<Millis>(0, pin_locked_until_ - now); }
    // Moves between the admin pages (Menu, Diagnostics, Outcomes) once try_pin() opened the menu;
    // ignored while locked or at the keypad.
    void show_admin(AdminState page);
    void lock_admin() { admin_ = AdminState::Locked; }

    // Which topic title the attract screen shows now (cycles every attract_cycle_ms).
    size_t attract_index(Millis now, size_t count) const;

    const SessionConfig &config() const { return config_; }
    Millis started() const { return started_; }

private:
    Navigator &nav_;
    SessionConfig config_;
    Millis last_touch_;
    Millis attract_since_;
    Millis started_;
    int text_size_;
    bool high_contrast_;
    std::string language_;
    AdminState admin_ = AdminState::Locked;
    int wrong_pins_ = 0;
    Millis pin_locked_until_ = 0;
};

} // namespace hs
