#pragma once

#include "core/catalog.hpp"
#include "core/config.hpp"
#include "options.hpp"

#include <functional>
#include <string>
#include <vector>

namespace hs::app {

struct ViewerSetup {
    const Options &options;
    const Config &config;
    std::string config_path;                  // the file read, if any
    std::vector<std::string> config_problems; // shown on the admin diagnostics screen
    std::function<Catalog()> load;            // (re)loads the catalog from the plugin folders
};

// Opens the window and runs the kiosk until the admin menu exits it (or, with --screenshot,
// until the picture is written). Returns the process exit code.
int run_viewer(const ViewerSetup &setup);

} // namespace hs::app
