#pragma once

#include "core/config.hpp"
#include "core/plugin_host.hpp"
#include "measure.hpp"
#include "options.hpp"

#include <string>
#include <vector>

namespace hs::app {

struct ViewerSetup {
    const Options &options;
    const Config &config;
    std::string config_path;                  // the file read, if any
    std::vector<std::string> config_problems; // shown on the admin diagnostics screen
    PluginHost &host;                         // the topics, kept in step with the plugin folders
    Startup &startup;                         // main()'s: the start-up times and report
};

// Opens the window and runs the kiosk until the admin menu exits it (or, with --screenshot,
// until the picture is written). Returns the process exit code.
int run_viewer(const ViewerSetup &setup);

} // namespace hs::app
