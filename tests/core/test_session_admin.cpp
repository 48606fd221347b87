// The admin gate lives in Session: only the right PIN, typed on the keypad the corner hold opened,
// opens the menu; five wrong ones in a row lock the keypad for a minute; the menu closes itself at
// the idle reset, also when it was opened on the attract screen.
#include "core/catalog.hpp"
#include "core/pin.hpp"
#include "core/session.hpp"

#include <catch2/catch.hpp>

namespace {

using hs::AdminState;
using R = hs::Session::PinResult;

struct Kiosk {
    hs::Catalog catalog;
    hs::Navigator nav{catalog};
    hs::SessionConfig config;
    std::unique_ptr<hs::Session> session;
    explicit Kiosk(const std::string &pin) {
        config.admin_pin_hash = pin.empty() ? "" : hs::hash_pin(pin);
        session = std::make_unique<hs::Session>(nav, config, 0);
    }
};

} // namespace

TEST_CASE("Only the right PIN on the keypad opens the admin menu", "[session][admin]") {
    Kiosk k("2468");
    hs::Session &s = *k.session;
    // Not from anywhere but the keypad: the page buttons do nothing while locked.
    s.show_admin(AdminState::Diagnostics);
    CHECK(s.admin() == AdminState::Locked);
    CHECK(s.try_pin("2468", 0) == R::wrong);
    CHECK(s.admin() == AdminState::Locked);

    s.open_admin_pin();
    CHECK(s.try_pin("1357", 100) == R::wrong);
    CHECK(s.admin() == AdminState::Pin);
    CHECK(s.try_pin("2468", 200) == R::opened);
    CHECK(s.admin() == AdminState::Menu);
    s.show_admin(AdminState::Outcomes);
    CHECK(s.admin() == AdminState::Outcomes);
    s.show_admin(AdminState::Menu);
    CHECK(s.admin() == AdminState::Menu);
}

TEST_CASE("Five wrong PINs lock the keypad, the right one too, until the lockout expires", "[session][admin]") {
    Kiosk k("2468");
    hs::Session &s = *k.session;
    s.open_admin_pin();
    for (int i = 0; i < hs::Session::kMaxPinTries - 1; ++i) CHECK(s.try_pin("0000", i) == R::wrong);
    CHECK(s.pin_locked_for(10) == 0);
    CHECK(s.try_pin("0000", 10) == R::locked_out);
    CHECK(s.pin_locked_for(10) == hs::Session::kPinLockoutMs);
    CHECK(s.try_pin("2468", 20) == R::locked_out); // the right PIN is refused while locked
    CHECK(s.admin() == AdminState::Pin);
    const hs::Millis after = 10 + hs::Session::kPinLockoutMs;
    CHECK(s.pin_locked_for(after) == 0);
    CHECK(s.try_pin("2468", after) == R::opened);
    CHECK(s.admin() == AdminState::Menu);
}

TEST_CASE("A right PIN starts the count of wrong ones again", "[session][admin]") {
    Kiosk k("2468");
    hs::Session &s = *k.session;
    s.open_admin_pin();
    for (int i = 0; i < hs::Session::kMaxPinTries - 1; ++i) CHECK(s.try_pin("0000", i) == R::wrong);
    CHECK(s.try_pin("2468", 10) == R::opened);
    s.lock_admin();
    s.open_admin_pin();
    CHECK(s.try_pin("0000", 20) == R::wrong); // one wrong, not the fifth
    CHECK(s.pin_locked_for(20) == 0);
}

TEST_CASE("Without a PIN configured the keypad opens nothing", "[session][admin]") {
    Kiosk k("");
    hs::Session &s = *k.session;
    s.open_admin_pin();
    CHECK(s.try_pin("", 0) == R::no_pin);
    CHECK(s.try_pin("1234", 0) == R::no_pin);
    CHECK(s.admin() == AdminState::Pin);
}

TEST_CASE("The admin menu closes at the idle reset, also when opened on the attract screen", "[session][admin]") {
    Kiosk k("2468");
    hs::Session &s = *k.session;
    k.nav.open_route("attract");
    REQUIRE(k.nav.state().screen == hs::Screen::Attract);
    s.open_admin_pin();
    REQUIRE(s.try_pin("2468", 0) == R::opened);
    const hs::Millis idle = k.config.idle_ms + k.config.warning_ms;
    CHECK_FALSE(s.update(idle - 1));
    CHECK(s.admin() == AdminState::Menu);
    std::optional<hs::Change> reset = s.update(idle);
    CHECK(s.admin() == AdminState::Locked);
    REQUIRE(reset); // reported although the screen stays the attract screen
    CHECK(reset->cause == hs::Cause::IdleReset);
    CHECK(reset->from == reset->to);

    // From a topic page the same.
    k.nav.home();
    s.open_admin_pin();
    REQUIRE(s.try_pin("2468", idle) == R::opened);
    s.update(2 * idle);
    CHECK(s.admin() == AdminState::Locked);
    CHECK(k.nav.state().screen == hs::Screen::Attract);
}

TEST_CASE("The idle reset is a change with cause idle reset, from where the customer was", "[session][changes]") {
    Kiosk k("");
    hs::Session &s = *k.session;
    k.nav.home();
    k.nav.take_changes();
    const hs::Millis idle = k.config.idle_ms + k.config.warning_ms;
    s.cycle_text_size();
    CHECK_FALSE(s.update(idle - 1));
    CHECK(k.nav.changes().empty());
    std::optional<hs::Change> reset = s.update(idle);
    REQUIRE(reset);
    CHECK(reset->cause == hs::Cause::IdleReset);
    CHECK(reset->from.screen == hs::Screen::Home);
    CHECK(reset->to.screen == hs::Screen::Attract);
    CHECK(s.text_size() == k.config.text_size);
    // The navigator's list says the same, once: the kiosk reads it there.
    REQUIRE(k.nav.changes().size() == 1);
    CHECK(k.nav.changes()[0].cause == hs::Cause::IdleReset);
    // At rest on the attract screen nothing times out.
    k.nav.take_changes();
    CHECK_FALSE(s.update(10 * idle));
}
