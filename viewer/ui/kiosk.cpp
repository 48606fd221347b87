#include "kiosk.hpp"

#include "screens.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cfloat>

namespace hs::ui {

Kiosk::Kiosk(Navigator &nav, Session &session, GestureConfig gestures, Reporter report_problem)
    : nav_(nav), session_(session), gestures_(gestures), textures_(std::move(report_problem)) {
    ui_.kinetic = Kinetic(gestures);
}

bool Kiosk::layout(int w, int h) {
    if (session_.high_contrast() != contrast_ || theme_.color.text == 0) {
        contrast_ = session_.high_contrast();
        theme_.color = contrast_ ? high_contrast_palette() : Palette{};
        apply_style(theme_);
    }
    // The characters the atlas must hold beyond Latin follow the catalog, once it is loaded (not
    // for every plugin checked on the way). A hand-made catalog (tests) is read here.
    std::vector<char32_t> extra = fonts_.extra;
    const std::shared_ptr<const Catalog> &catalog = nav_.shared_catalog();
    if (catalog.get() != fonts_catalog_.get() && !catalog->loading) {
        fonts_catalog_ = catalog;
        Characters used = catalog->characters ? *catalog->characters : used_characters(*catalog);
        if (ui_text_) ui_text_->add_characters_to(used); // the viewer's own words, in every language
        extra = extra_characters(&used);
    }
    if (w == width_ && h == height_ && session_.text_size() == text_size_ && extra == fonts_.extra) return false;
    // Sizes follow the screen's short side: the same layout on 1080p and 4K, either way up.
    theme_.scale = std::min(w, h) / 1080.0f;
    theme_.portrait = h > w;
    theme_.text_scale = session_.text_scale();
    // Built here, between frames: the frame on screen (with the old atlas) stays until the next
    // one is drawn with the new atlas, so nothing half-built is ever shown.
    fonts_ = load_fonts(theme_.scale * theme_.text_scale, extra, prebuilt_fonts_);
    if (!fonts_.problem.empty()) spdlog::error("{}", fonts_.problem);
    apply_style(theme_);
    width_ = w;
    height_ = h;
    text_size_ = session_.text_size();
    spdlog::info("layout {}x{} ({}), scale {:.2f}, text {}%, {} characters beyond Latin", w, h,
                 theme_.portrait ? "portrait" : "landscape", theme_.scale, text_size_, fonts_.extra.size());
    return true;
}

void Kiosk::input(const InputEvent &event) { queue_.push_back(event); }

void Kiosk::on_key(const InputEvent &e) {
    session_.touch(e.pointer.t);
    // Under lockdown no key leaves the kiosk (the host ignores window-close requests too);
    // without it, Escape is the developer's way out.
    if (e.key == "escape" && !session_.config().lockdown) {
        spdlog::info("Escape: leaving (lockdown is off)");
        exit_requested_ = true;
    }
    if (e.key == "backspace" && nav_.state().screen == Screen::Search && session_.admin() == AdminState::Locked)
        ui_.search.backspace();
}

// A physical keyboard types into search like the on-screen one; typing on Home opens search.
void Kiosk::on_char(const InputEvent &e) {
    session_.touch(e.pointer.t);
    if (session_.admin() != AdminState::Locked) return;
    Screen where = nav_.state().screen;
    if (where == Screen::Home && e.codepoint != ' ' && !nav_.catalog().topics.empty())
        apply(Intent::of(Intent::Kind::Search));
    if (nav_.state().screen == Screen::Search) ui_.search.type(e.codepoint);
}

void Kiosk::on_pointer(const PointerEvent &e) {
    std::vector<Gesture> out;
    gestures_.tick(e.t, out); // a long-press that came due before this event
    if (e.kind == PointerEvent::Kind::Down) {
        frame_.pressed = true;
        // A touch while the warning is up is the customer saying "still here": it must not also
        // press whatever is under the overlay.
        swallow_press_ = session_.warning(e.t);
        session_.touch(e.t);
    } else if (pointer_down_) {
        session_.touch(e.t);
    }
    // A release after a long enough hold opens the keypad even when no frame fell inside the hold
    // (a busy machine may wake for the deadline only after the finger is already up).
    if (e.kind == PointerEvent::Kind::Up) open_admin_if_held(e.t);
    gestures_.feed(e, out);
    if (!swallow_press_) frame_.gestures.insert(frame_.gestures.end(), out.begin(), out.end());
    pointer_x_ = e.x;
    pointer_y_ = e.y;
    if (e.kind == PointerEvent::Kind::Down) pointer_down_ = true;
    if (e.kind == PointerEvent::Kind::Up) pointer_down_ = false;
}

// The admin gesture: a finger held still on the top-left corner for admin_hold_ms, as of `at`.
void Kiosk::open_admin_if_held(Millis at) {
    float corner = theme_.px(160);
    if (gestures_.finger_down() && !gestures_.dragging() && gestures_.press_x() < corner &&
        gestures_.press_y() < corner && at - gestures_.press_time() >= session_.config().admin_hold_ms &&
        session_.admin() == AdminState::Locked) {
        spdlog::info("admin gesture: asking for the PIN");
        session_.open_admin_pin();
        ui_.pin_typed.clear();
        ui_.pin_message.clear();
    }
}

void Kiosk::reset_ui_state() {
    GestureConfig g = gestures_.config();
    ui_ = UiState{};
    ui_.kinetic = Kinetic(g);
    gestures_.reset();
    swallow_press_ = false;
}

// The navigator's moves since the last call, with what each one means for the UI: a reset
// forgets the visit's UI state, a move to another page starts it at its top, and leaving the
// search screen (for anything but the attract screen) ends the search run.
void Kiosk::take_changes() {
    for (Change &c : nav_.take_changes()) {
        if (c.is_reset()) {
            spdlog::info("session reset: back to the attract screen ({})", cause_name(c.cause));
            reset_ui_state();
        } else if (c.from.screen == Screen::Search && c.to.screen != Screen::Search && c.to.screen != Screen::Attract) {
            c.search = finish_search(ui_);
        }
        if (c.new_page()) new_page_ = true;
        c.language = session_.language();
        changes_.push_back(std::move(c));
    }
}

void Kiosk::begin_frame(Millis now) {
    changes_.clear();
    frame_ = FrameInput{};
    frame_.now = now;
    // Every queued press and release is taken (a fast double tap on a slow frame loses nothing),
    // until one is a tap on a target: that tap changes what is on screen, so whatever came after
    // it waits for the frame that shows the change (it is resolved against that frame's targets).
    while (!queue_.empty()) {
        InputEvent e = queue_.front();
        queue_.pop_front();
        if (e.kind == InputEvent::Kind::Key) on_key(e);
        if (e.kind == InputEvent::Kind::Char) on_char(e);
        if (e.kind != InputEvent::Kind::Pointer) continue;
        size_t seen = frame_.gestures.size();
        on_pointer(e.pointer);
        if (resolve_tap(seen)) break;
    }
    if (queue_.empty()) gestures_.tick(now, frame_.gestures);

    session_.update(now);
    take_changes(); // a route opened, a catalog taken, a reload, the idle reset, a typed letter
    open_admin_if_held(now);

    // A new drag belongs to whichever scrolling area claims it this frame (touch_scroll), or none.
    if (frame_.has(Gesture::Kind::DragBegin)) ui_.scroll_owner = 0;
    frame_.finger_down = gestures_.finger_down();
    frame_.dragging = gestures_.dragging();
    frame_.press_x = gestures_.press_x();
    frame_.press_y = gestures_.press_y();

    // A finger does not hover: ImGui sees the pointer while it is down and for the frame of the
    // release (so the tap lands), then nowhere, so nothing stays highlighted under a lifted finger.
    ImGuiIO &io = ImGui::GetIO();
    bool show = pointer_down_ || pointer_was_down_;
    io.MousePos = show ? ImVec2(pointer_x_, pointer_y_) : ImVec2(-FLT_MAX, -FLT_MAX);
    for (bool &b : io.MouseDown) b = false;
    io.MouseDown[0] = pointer_down_ && !swallow_press_;
    io.MouseWheel = io.MouseWheelH = 0;
    pointer_was_down_ = pointer_down_;
    io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
    if (!frame_.tapped_target.empty()) apply_tap();
}

// A tap (among the gestures from `from` on) on an enabled target of the frame on screen, the one
// the finger saw: frame_.tapped_target names it. Taps on nothing change nothing.
bool Kiosk::resolve_tap(size_t from) {
    for (size_t i = from; i < frame_.gestures.size(); ++i) {
        const Gesture &g = frame_.gestures[i];
        if (g.kind != Gesture::Kind::Tap) continue;
        if (const TouchTarget *t = targets_.at(g.x, g.y)) {
            frame_.tapped_target = t->name;
            return true;
        }
    }
    return false;
}

// The tap acts before the frame is drawn, so the frame drawn next already shows its answer: the
// screens are laid out once with the tap (the widget it names does what it does; nothing of this
// pass reaches the screen) and then drawn for real with the gestures and without the tap.
void Kiosk::apply_tap() {
    FrameInput drawn = frame_;
    drawn.tapped_target.clear();
    frame_.gestures.clear(); // drags and swipes act once, in the frame that is drawn
    ImGui::NewFrame();
    build_frame();
    ImGui::EndFrame();
    frame_ = std::move(drawn);
}

void Kiosk::build_frame() {
    std::vector<Intent> intents;
    Words words(ui_text_, session_.language());
    Context ctx{theme_, fonts_, textures_, nav_, nav_.catalog(), session_, ui_, intents, *host_, frame_, targets_,
                words, localized_, frame_.now};
    ctx.new_page = std::exchange(new_page_, false);
    ctx.qr = &qr_;
    if (ctx.new_page) {
        ui_.zoom_open = false;
        ui_.qr_open = false;
        ui_.kinetic.stop();
        ui_.scroll_owner = 0;
    }
    textures_.begin_frame();
    textures_.set_topic(nav_.topic()); // leaving a topic frees its pictures
    targets_.begin();
    draw_shell(ctx, ImGui::GetIO().DisplaySize);
    // Drawn: now what the screens asked for moves the navigator and the session.
    for (const Intent &intent : intents) apply(intent);
    take_changes();
    prefetch_next_picture();
}

void Kiosk::apply(const Intent &intent) {
    using K = Intent::Kind;
    switch (intent.kind) {
    case K::StillHere: session_.still_here(frame_.now); return;
    case K::CycleTextSize: session_.cycle_text_size(); return;
    case K::ToggleContrast: session_.toggle_contrast(); return;
    case K::ChooseLanguage: ui_.choosing_language = true; return;
    case K::CloseLanguages: ui_.choosing_language = false; return;
    case K::SetLanguage: set_language(intent); return;
    case K::TryPin: try_pin(intent.pin); return;
    case K::AdminMenu: session_.show_admin(AdminState::Menu); return;
    case K::AdminDiagnostics: session_.show_admin(AdminState::Diagnostics); return;
    case K::AdminOutcomes:
        // Read once, as the screen opens: never a query per frame.
        if (host_->read_outcomes) ui_.outcomes = std::make_shared<analytics::ReportResult>(host_->read_outcomes());
        else ui_.outcomes.reset();
        session_.show_admin(AdminState::Outcomes);
        return;
    case K::AdminClose: session_.lock_admin(); return;
    case K::AdminReload:
        reload_requested_ = true;
        session_.lock_admin();
        return;
    case K::AdminExit: exit_requested_ = true; return;
    default: nav_.apply(intent); return; // the customer's moves
    }
}

// The customer picked a language: the screens say everything in it from the next frame on, on
// the same page (nothing scrolls back, nothing of the visit is lost). Reported as a change of its
// own, so analytics and the log hear of it the way they hear of a move.
void Kiosk::set_language(const Intent &intent) {
    ui_.choosing_language = false;
    if (intent.language == session_.language() || !session_.set_language(intent.language)) return;
    take_changes(); // the moves asked before it come first
    Change c;
    c.from = c.to = nav_.state();
    c.intent = intent;
    c.language = session_.language();
    spdlog::info("language: {}", c.language);
    changes_.push_back(std::move(c));
}

void Kiosk::try_pin(const std::string &pin) {
    // Argon2 takes a few hundred ms here, on purpose; the UI waits that long once per try.
    switch (session_.try_pin(pin, frame_.now)) {
    case Session::PinResult::opened: spdlog::info("admin: PIN accepted"); break;
    case Session::PinResult::wrong:
        spdlog::warn("admin: wrong PIN");
        ui_.pin_message = "Wrong PIN. Try again.";
        break;
    case Session::PinResult::locked_out: spdlog::warn("admin: wrong PIN; the keypad is locked"); break;
    case Session::PinResult::no_pin: break;
    }
}

// The picture the customer most likely sees next, decoded ahead on the texture cache's worker.
void Kiosk::prefetch_next_picture() {
    const Topic *topic = nav_.topic();
    if (!topic) return;
    auto image_of = [topic](int fix, int step) -> std::string {
        if (fix < 0 || fix >= static_cast<int>(topic->fixes.size())) return {};
        const Fix &f = topic->fixes[static_cast<size_t>(fix)];
        return step >= 0 && step < static_cast<int>(f.steps.size()) ? f.steps[static_cast<size_t>(step)].image : std::string();
    };
    const NavState &s = nav_.state();
    std::string next;
    if (s.screen == Screen::Topic) next = image_of(0, 0);
    else if (s.screen == Screen::Step) next = nav_.is_last_step() ? image_of(s.fix + 1, 0) : image_of(s.fix, s.step + 1);
    if (!next.empty()) textures_.prefetch(*topic, next);
}

bool Kiosk::animating() const {
    return !queue_.empty() || pointer_down_ || pointer_was_down_ || ui_.kinetic.moving();
}

std::optional<Millis> Kiosk::next_deadline(Millis now) const {
    std::optional<Millis> next = session_.next_deadline(now);
    auto sooner = [&](std::optional<Millis> t) {
        if (t && (!next || *t < *next)) next = t;
    };
    sooner(gestures_.next_deadline());
    if (gestures_.finger_down() && session_.admin() == AdminState::Locked)
        sooner(gestures_.press_time() + session_.config().admin_hold_ms);
    return next;
}

std::string Kiosk::screen_name() const {
    switch (session_.admin()) {
    case AdminState::Pin: return "admin-pin";
    case AdminState::Menu: return "admin";
    case AdminState::Diagnostics: return "admin-diagnostics";
    case AdminState::Outcomes: return "admin-outcomes";
    case AdminState::Locked: break;
    }
    if (session_.warning(frame_.now)) return "idle-warning";
    if (ui_.zoom_open) return "picture";
    if (ui_.choosing_language) return "languages";
    if (ui_.qr_open) return "take-it-with-you";
    switch (nav_.state().screen) {
    case Screen::Attract: return "attract";
    case Screen::Home: return nav_.catalog().topics.empty() ? "no-topics" : "home";
    case Screen::Topic: return "topic";
    case Screen::Step: return "step";
    case Screen::Faq: return "faq";
    case Screen::Success: return "success";
    case Screen::AskTeam: return "ask-team";
    case Screen::Search: return "search";
    }
    return "home";
}

std::string Kiosk::describe_json() const {
    using nlohmann::json;
    const NavState &s = nav_.state();
    json j;
    j["screen"] = screen_name();
    j["route"] = nav_.route();
    j["topic"] = s.topic.empty() ? json(nullptr) : json(s.topic);
    bool has_fix = s.screen == Screen::Step || s.screen == Screen::Success || s.screen == Screen::AskTeam;
    j["fix"] = has_fix ? json(s.fix + 1) : json(nullptr);
    j["step"] = s.screen == Screen::Step ? json(s.step + 1) : json(nullptr);
    j["faq"] = s.screen == Screen::Faq && s.open_faq >= 0 ? json(s.open_faq + 1) : json(nullptr);
    j["text_scale"] = session_.text_scale();
    j["high_contrast"] = session_.high_contrast();
    j["language"] = session_.language();
    j["languages_offered"] = session_.config().languages_offered;
    j["choosing_language"] = ui_.choosing_language;
    // What the customer reads, in the visit's language: the topic's title and, on a step, its
    // instruction (tests check that a language change turns them, on the same step).
    if (const Topic *english = nav_.topic()) {
        const Topic &shown = localized_.get(*english, session_.language());
        j["shown"]["title"] = shown.title;
        if (s.screen == Screen::Step) j["shown"]["step"] = shown.fixes[static_cast<size_t>(s.fix)].steps[static_cast<size_t>(s.step)].text;
    }
    j["zoom"] = ui_.zoom_open ? json(ui_.zoom) : json(nullptr);
    j["loading"] = nav_.catalog().loading;
    j["analytics"] = host_->analytics_state;
    json topics = json::array();
    for (const Topic &t : nav_.catalog().topics) topics.push_back({{"id", t.id}, {"version", t.version}});
    j["topics"] = topics;
    j["textures"] = {{"count", textures_.size()}, {"bytes", textures_.bytes()}};
    j["width"] = width_;
    j["height"] = height_;
    json targets = json::array();
    for (const TouchTarget &t : targets_.items) {
        if (!t.enabled) continue;
        targets.push_back({{"label", t.name},
                           {"x", t.min.x},
                           {"y", t.min.y},
                           {"w", t.max.x - t.min.x},
                           {"h", t.max.y - t.min.y},
                           {"clipped", t.clipped}});
    }
    j["targets"] = targets;
    // What was typed this visit and what it found (kept while the customer looks at a result).
    json results = json::array();
    for (const SearchHit &h : ui_.search.last_results())
        results.push_back({{"topic", h.topic}, {"where", h.where}, {"route", h.route}, {"score", h.score}});
    j["search"] = {{"query", ui_.search.query()}, {"results", results}, {"nothing_found", ui_.search.nothing_found()}};
    // The admin outcomes screen: the table rows as drawn, cell by cell.
    if (session_.admin() == AdminState::Outcomes) j["outcome_rows"] = ui_.outcome_rows;
    return j.dump();
}

} // namespace hs::ui
