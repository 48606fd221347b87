// Input as the kiosk sees it, whether it came from GLFW or from a `--replay` script.
#pragma once

#include "gestures.hpp"

#include <string>

namespace hs {

struct InputEvent {
    enum class Kind { Pointer, Key, Char };
    Kind kind = Kind::Pointer;
    PointerEvent pointer; // Pointer (its .t is the time of every kind)
    std::string key;      // Key: "escape", "alt+f4", "ctrl+q", "backspace", "a"...
    unsigned codepoint = 0; // Char: typed text (for search)
};

} // namespace hs
