// A picture the viewer cannot decode is drawn as a placeholder and reported once. The probe now
// refuses such a plugin before the kiosk sees it, so this loads it without a probe, straight into
// the test: the placeholder stays for what the probe cannot foresee (the e2e test shows one for a
// picture too wide for the GPU).
#include "app/window.hpp"
#include "core/catalog.hpp"
#include "support/display.hpp"
#include "probe/plugin_loader.hpp"
#include "support/test_paths.hpp"
#include "ui/kiosk.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_impl_opengl3.h>


TEST_CASE("A picture whose pixels are cut off is drawn as a placeholder and reported once", "[ui][placeholder]") {
    hs::LoadResult loaded = hs::load_plugin(std::string(test_paths::placeholder_plugins) + "/truncated-picture.so");
    REQUIRE(loaded.topic);
    hs::Catalog catalog;
    catalog.topics.push_back(*loaded.topic);
    hs::Navigator nav(catalog);
    REQUIRE(nav.open_route("truncated-picture/fix/1/step/1").empty());
    e2e::ensure_display();
    hs::Clock clock;
    hs::app::Window window(hs::app::WindowOptions{std::make_pair(1920, 1080), 0, false}, clock,
                           [](const hs::InputEvent &) {});
    REQUIRE(window.ok());
    hs::Session session(nav, hs::SessionConfig{}, clock.now());
    std::vector<std::string> reports;
    hs::ui::Kiosk ui(nav, session, hs::GestureConfig{},
                     [&reports](const std::string &source, const std::string &reason) {
                         reports.push_back(source + ": " + reason);
                     });
    for (int i = 0; i < 3; ++i) { // several frames: the failure is remembered, not retried
        if (ui.layout(1920, 1080)) ImGui_ImplOpenGL3_DestroyDeviceObjects();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::GetIO().DeltaTime = 1.0f / 60;
        ui.begin_frame(clock.now());
        ImGui::NewFrame();
        ui.build_frame();
        ImGui::Render();
    }
    REQUIRE(reports.size() == 1);
    CHECK_THAT(reports[0], Catch::Contains("truncated-picture.so: picture 'truncated' cannot be decoded"));
}
