// The kiosk's user interface as one object: input in, one ImGui frame out. It turns pointer
// events into gestures, keeps the session (idle warning, reset, admin), and draws the screens
// over a Navigator. It knows nothing of windows: the frame loop (app/viewer.cpp) and the tap
// tests (tests/ui) feed it the same events and drive exactly the same code.
//
// Per frame:  kiosk.input(...)* ; kiosk.layout(w, h) ; ImGui_ImplGlfw_NewFrame() (it writes the mouse,
// so it comes first) ; kiosk.begin_frame(now) ; ImGui::NewFrame() ; kiosk.build_frame() ; render ;
// then the caller reads kiosk.changes().
//
// One tap: the window's callback queues a pointer event (input) -> begin_frame makes gestures of
// it and resolves the tap against the targets of the frame on screen -> the screens, laid out with
// the tap, ask for an Intent -> apply() hands it to the Navigator or the Session, which report the
// Change -> changes() (new page, search run, analytics, log) -> the frame drawn next shows it.
#pragma once

#include "context.hpp"
#include "core/input.hpp"
#include "core/session.hpp"
#include "frame_input.hpp"
#include "qr_texture.hpp"
#include "touch_targets.hpp"

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hs::ui {

class Kiosk {
public:
    using Reporter = TextureCache::Reporter;
    // Shows the navigator's catalog; `nav` and `session` are the caller's and outlive the kiosk.
    Kiosk(Navigator &nav, Session &session, GestureConfig gestures, Reporter report_problem);
    Kiosk(const Kiosk &) = delete;
    Kiosk &operator=(const Kiosk &) = delete;

    // The kiosk's touch settings for a screen of `px_per_mm`. A press counts as a tap for up to
    // 1.5 s: people who press slowly and deliberately still press the button (customers have no
    // long-press gesture; the admin corner wants 3 s).
    static GestureConfig touch_settings(float px_per_mm) {
        GestureConfig g;
        g.px_per_mm = px_per_mm;
        g.long_press_ms = 1500;
        return g;
    }

    // Lays out for a framebuffer of w x h at the session's text size and contrast, with a font
    // atlas for the characters of the catalog shown. Returns true when the font atlas was rebuilt
    // (the renderer must then re-create its font texture).
    bool layout(int w, int h);

    // Queues input for the coming frames (GLFW callbacks and --replay both end here).
    void input(const InputEvent &event);
    // Before ImGui::NewFrame(): takes the queued input, makes gestures of it, resolves a tap
    // against the targets of the frame on screen and applies it (a pass of ImGui::NewFrame ..
    // EndFrame that is never rendered), and places ImGui's pointer (for the pressed colours).
    void begin_frame(Millis now);
    // Between ImGui::NewFrame() and ImGui::Render(). The screens ask; their intents are applied
    // once they are drawn.
    void build_frame();
    // Applies an intent the way a screen's is applied (the soak driver asks this way too).
    void apply(const Intent &intent);
    // The moves since begin_frame, in order, whatever made them (an intent, a route, the idle
    // reset, a new catalog, a reload), each with the search run it ended, if any.
    const std::vector<Change> &changes() const { return changes_; }

    // Draw the next frame at once: a finger is down, a list is coasting, input is queued.
    bool animating() const;
    // The next time something changes without input (idle warning, countdown, admin hold...).
    std::optional<Millis> next_deadline(Millis now) const;

    // What the admin menu (or Escape without lockdown) asked the host for.
    bool exit_requested() const { return exit_requested_; }
    bool take_reload_request() { return std::exchange(reload_requested_, false); }
    // The font atlas built while the window opened (the first layout at its scale takes it).
    void use_prebuilt_fonts(FontPrebuild &fonts) { prebuilt_fonts_ = &fonts; }
    // The host's figures for the admin screens, read where the caller keeps them (not copied).
    void watch_status(const HostStatus &status) { host_ = &status; }
    // Shows `catalog` from the next frame on (the navigator goes home if its page went away).
    void set_catalog(std::shared_ptr<const Catalog> catalog) {
        nav_.set_catalog(std::move(catalog));
        textures_.clear(); // an updated plugin may carry new pictures under the same names
        localized_.clear();
    }
    // The viewer's words in every language it has (the caller's, read at start; outlives the
    // kiosk). Without it every screen is in English.
    void use_ui_text(const UiText &text) { ui_text_ = &text; }

    // The state for --dump-ui: screen, topic, fix, step, text scale and every touch target.
    std::string describe_json() const;
    std::string screen_name() const;

    const Theme &theme() const { return theme_; }
    const Fonts &fonts() const { return fonts_; }
    const TouchTargets &targets() const { return targets_.items; }
    const Session &session() const { return session_; }
    const TextureCache &textures() const { return textures_; }

private:
    void on_pointer(const PointerEvent &e);
    void on_key(const InputEvent &e);
    void on_char(const InputEvent &e);
    void reset_ui_state();
    void take_changes();
    void try_pin(const std::string &pin);
    void open_admin_if_held(Millis at);
    void prefetch_next_picture();
    bool resolve_tap(size_t from);
    void apply_tap();
    void set_language(const Intent &intent);

    Navigator &nav_;
    Session &session_;
    GestureRecognizer gestures_;
    TextureCache textures_;
    QrTexture qr_;
    Theme theme_;
    Fonts fonts_;
    std::shared_ptr<const Catalog> fonts_catalog_; // the catalog whose characters the atlas was built for
    TouchTargetList targets_; // of the frame last drawn: the one on screen
    const UiText *ui_text_ = nullptr;
    mutable LocalizedTopics localized_; // a cache: describe_json() reads through it too
    UiState ui_;
    HostStatus no_status_;               // until watch_status()
    const HostStatus *host_ = &no_status_;
    FontPrebuild *prebuilt_fonts_ = nullptr;
    FrameInput frame_;
    std::vector<Change> changes_;        // since begin_frame
    bool new_page_ = true;               // a change moved to another page: it starts at its top
    bool exit_requested_ = false, reload_requested_ = false;
    std::deque<InputEvent> queue_;
    int width_ = 0, height_ = 0, text_size_ = 0;
    bool contrast_ = false;
    bool swallow_press_ = false; // this press only dismissed the idle warning
    float pointer_x_ = -1, pointer_y_ = -1;
    bool pointer_down_ = false, pointer_was_down_ = false;
};

} // namespace hs::ui
