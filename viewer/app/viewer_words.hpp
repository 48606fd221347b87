// The viewer's own words in every language it was installed with (core/ui_text.hpp), read once
// at start from viewer_locale_folder(). A broken catalog is logged and left out (its language
// shows in English); an offered language with no catalog is logged once too.
#pragma once

#include "core/config.hpp"
#include "core/ui_text.hpp"

#include <string>
#include <vector>

namespace hs::app {

// `problems` gets one line per catalog left out and per offered language without words.
UiText load_viewer_words(const Config &config, std::vector<std::string> &problems);

} // namespace hs::app
