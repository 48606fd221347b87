// Where the viewer finds what was installed with it, relative to its own executable, so that it
// works from the build tree (build/bin -> build/lib/helpstation/plugins) and after `cmake --install`.
#pragma once
#include <string>

namespace hs::app {
// The folder of bundled plugins.
std::string bundled_plugin_folder();
// The viewer's own words, compiled catalogs <lang>.mo (build/share/helpstation/locale in the build
// tree, <datadir>/helpstation/locale installed).
std::string viewer_locale_folder();
// helpstation-probe, which sits next to helpstation.
std::string probe_executable();
} // namespace hs::app
