// The kiosk's user interface as one object: theme, fonts, pictures and the screens, driven by a
// Navigator. It builds one ImGui frame at a time and knows nothing of windows or input devices,
// so the frame loop (app/viewer.cpp) and the tap tests (tests/ui) drive exactly the same code.
#pragma once

#include "context.hpp"
#include "touch_targets.hpp"

#include <functional>
#include <string>

namespace hs::ui {

class Kiosk {
public:
    using Reporter = TextureCache::Reporter;
    Kiosk(const Catalog &catalog, Navigator &nav, Reporter report_problem);

    // Lays out for a framebuffer of w x h: scale, orientation, and the font atlas at that scale.
    // Returns true when something changed (the renderer must then re-create its font texture).
    bool layout(int w, int h);

    // Builds one ImGui frame: call between ImGui::NewFrame() and ImGui::Render().
    void build_frame();

    const Theme &theme() const { return theme_; }
    const Fonts &fonts() const { return fonts_; }
    const TouchTargets &targets() const { return targets_; } // the touch targets of the last frame

private:
    const Catalog &catalog_;
    Navigator &nav_;
    TextureCache textures_;
    Theme theme_;
    Fonts fonts_;
    TouchTargets targets_;
    int width_ = 0, height_ = 0;
    NavState drawn_page_;
    bool drawn_any_ = false;
};

} // namespace hs::ui
