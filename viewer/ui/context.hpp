// What every screen draws with: the theme, the fonts, the pictures, where the customer is (the
// navigator and the session, read only), the small per-visit UI state (scroll coasting, the
// zoomed picture, the PIN typed), and the frame's intents: a screen asks (ctx.ask), the kiosk
// moves the navigator and the session after drawing (intent.hpp).
#pragma once

#include "core/analytics/report.hpp"
#include "core/gestures.hpp"
#include "core/localized_topics.hpp"
#include "core/navigation.hpp"
#include "core/search_box.hpp"
#include "core/session.hpp"
#include "core/ui_text.hpp"
#include "fonts.hpp"
#include "frame_input.hpp"
#include "textures.hpp"
#include "theme.hpp"
#include "touch_targets.hpp"

#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hs::ui {

class QrTexture; // qr_texture.hpp

// State of this visit that is not navigation. Cleared at every session reset.
struct UiState {
    // The scrolling area a drag began on, and its coasting after release.
    ImGuiID scroll_owner = 0;
    Kinetic kinetic{};
    // The picture opened full screen: which, how far zoomed, where panned (offset in px).
    bool zoom_open = false;
    std::string zoom_topic, zoom_image;
    float zoom = 1.0f;
    ImVec2 zoom_pan{0, 0};
    // Search: the words typed this visit and their results.
    SearchBox search;
    unsigned search_version_drawn = 0; // the results list scrolls back to the top when they change
    std::string search_recorded;       // the last query handed to analytics (once per search run)
    // The admin keypad.
    std::string pin_typed;
    std::string pin_message;
    // The admin outcomes screen's report, read when the screen opened, and the table rows it drew
    // in the last frame (what --dump-ui reports as the screen's numbers).
    std::shared_ptr<const analytics::ReportResult> outcomes;
    std::vector<std::vector<std::string>> outcome_rows;
    // "Take it with you" opened by a button (a fix's step; an outcome screen with no room for the
    // code): the QR code of a support URL over the screen, under a title.
    bool qr_open = false;
    std::string qr_url, qr_title;
    // The language chooser is up (the language button opened it).
    bool choosing_language = false;
};

// What the host knows and the admin diagnostics screen shows.
struct HostStatus {
    unsigned long long frames = 0; // drawn since start
    double last_frame_ms = 0;      // CPU time to build and render the last frame
    double slowest_frame_ms = 0;
    std::string config_path;                  // the config file read, or empty
    std::vector<std::string> config_problems; // "FILE:LINE: KEY: REASON"
    std::vector<Rejection> problems;          // found while running (a picture that failed to decode)
    std::shared_ptr<const Catalog> latest;    // the newest catalog, which the screen may not show yet
    std::string analytics_state;              // "on", or "off: <reason>"
    std::function<analytics::ReportResult()> read_outcomes; // for the admin outcomes screen, when it opens
    std::vector<std::string> usage_ranking;   // topic ids, most used first: search offers them (may be empty)
};

struct Context {
    const Theme &theme;
    const Fonts &fonts;
    TextureCache &textures;
    const Navigator &nav;
    const Catalog &catalog; // the navigator's
    const Session &session;
    UiState &ui;
    std::vector<Intent> &intents; // what was asked this frame, applied after drawing
    const HostStatus &host;
    FrameInput &input;       // what the finger did since the last frame (the tap taken by its widget)
    TouchTargetList &targets; // this frame's touch targets, as they are drawn
    const Words &words;       // the viewer's words in the visit's language
    LocalizedTopics &localized; // the topics in the visit's language, made once and kept
    Millis now = 0;
    bool new_page = false; // first frame of a page: scrolling areas start at the top
    QrTexture *qr = nullptr; // the QR code of a support URL (never null while the kiosk draws)

    // What a tap or a swipe asks for; nothing moves until the frame is drawn.
    void ask(Intent intent) const { intents.push_back(std::move(intent)); }

    // The viewer's words in the visit's language: tr("Home"); with numbers by position,
    // trf("Fix {0} of {1}", {"2", "5"}). xgettext finds both (the viewer-pot build target).
    const char *tr(const char *english) const { return words(english); }
    std::string trf(const char *pattern, const std::vector<std::string> &args) const {
        return words.format(pattern, args);
    }
    const std::string &language() const { return words.language(); }
    // Topics as the customer reads them: in the visit's language, English where not translated.
    const Topic *topic() const {
        const Topic *t = nav.topic();
        return t ? &localized.get(*t, language()) : nullptr;
    }
    const Topic &shown(const Topic &english) const { return localized.get(english, language()); }
};

} // namespace hs::ui
