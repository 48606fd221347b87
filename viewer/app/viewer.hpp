#pragma once

#include "core/catalog.hpp"
#include "options.hpp"

namespace hs::app {
// Opens the window and runs the kiosk until it is closed (or, with --screenshot, until the
// picture is written). Returns the process exit code.
int run_viewer(const Options &options, Catalog &catalog);
} // namespace hs::app
