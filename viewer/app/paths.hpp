#pragma once
#include <string>

namespace hs::app {
// The folder of bundled plugins, found relative to the running executable so that it works from
// the build tree (build/bin -> build/lib/helpstation/plugins) and after `cmake --install`.
std::string default_plugin_dir();
} // namespace hs::app
