// `helpstation --validate FILE.so...`: checks plugin files exactly as the kiosk checks a plugin it
// has not seen before (check_plugins: trust, fingerprint, probe, validate), prints every problem as "FILE: KIND (STAGE): field:
// reason" and returns the exit status: 0 when every file would be loaded, 1 otherwise.
#pragma once

#include "core/plugin_check.hpp"

#include <string>
#include <vector>

namespace hs::app {

int validate_plugins(const std::vector<std::string> &files, const ProbeSetup &setup);

} // namespace hs::app
