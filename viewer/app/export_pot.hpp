// `helpstation --export-pot FILE.so`: the translation template (.pot) of a plugin's topic on
// stdout (core/pot.hpp). The plugin goes through the same check as --validate (trust, probe,
// validate): its code runs only in helpstation-probe. Problems go to stderr; exit status 0 when the
// template was written, 1 when the plugin is refused.
#pragma once

#include "core/plugin_check.hpp"

#include <string>

namespace hs::app {

int export_pot(const std::string &file, const ProbeSetup &setup);

} // namespace hs::app
