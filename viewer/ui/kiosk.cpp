#include "kiosk.hpp"

#include "screens.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace hs::ui {

Kiosk::Kiosk(const Catalog &catalog, Navigator &nav, Reporter report_problem)
    : catalog_(catalog), nav_(nav), textures_(std::move(report_problem)) {}

bool Kiosk::layout(int w, int h) {
    if (w == width_ && h == height_) return false;
    // Sizes follow the screen's short side: the same layout on 1080p and 4K, either way up.
    theme_.scale = std::min(w, h) / 1080.0f;
    theme_.portrait = h > w;
    fonts_ = load_fonts(theme_.scale);
    if (!fonts_.problem.empty()) spdlog::error("{}", fonts_.problem);
    apply_style(theme_);
    width_ = w;
    height_ = h;
    spdlog::info("layout {}x{} ({}), scale {:.2f}", w, h, theme_.portrait ? "portrait" : "landscape", theme_.scale);
    return true;
}

void Kiosk::build_frame() {
    Context ctx{theme_, fonts_, textures_, nav_, catalog_};
    ctx.new_page = !drawn_any_ || !nav_.state().same_page(drawn_page_);
    drawn_page_ = nav_.state();
    drawn_any_ = true;
    begin_targets(targets_);
    draw_frame(ctx, ImGui::GetIO().DisplaySize);
}

} // namespace hs::ui
