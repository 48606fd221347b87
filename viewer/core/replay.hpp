// Scripted input (`--replay FILE`) for end-to-end tests and for operators reproducing a report.
// One command a line; the player turns them into the same pointer and key events a real finger
// and keyboard produce, so a replay goes through the whole input path. No GL, no ImGui.
//
//   tap X Y                     down and up at (X, Y)
//   doubletap X Y               two taps at (X, Y), 100 ms apart
//   press LABEL                 tap the middle of the touch target LABEL on the current screen
//   language LOCALE             press the language button, then the language LOCALE ("es") in
//                               the chooser it opens (targets "language" and "language:es")
//   drag X1 Y1 X2 Y2 MS         press at 1, move to 2 over MS milliseconds, release
//   swipe left|right            a quick horizontal flick across the middle ("left" = finger moves
//                               left = next step)
//   longpress X Y MS            hold still at (X, Y) for MS milliseconds
//   key NAME                    a key, e.g. escape, alt+f4, ctrl+q, a, backspace
//   type TEXT                   TEXT (the rest of the line, spaces included) typed on a physical
//                               keyboard, one character every 50 ms
//   wait MS                     let MS milliseconds pass
//   advance SECONDS             move the kiosk clock forward (idle timeouts without waiting)
//   # comment
#pragma once

#include "gestures.hpp"

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hs {

struct ReplayCommand {
    enum class Kind { Tap, DoubleTap, Press, Drag, Swipe, LongPress, Key, Type, Wait, Advance };
    Kind kind = Kind::Wait;
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    Millis ms = 0;
    std::string name; // Key: the key; Press: the target label; Swipe: "left" or "right"; Type: the text
    int line = 0;
};

struct ReplayScript {
    std::vector<ReplayCommand> commands;
    std::string error; // "FILE:LINE: reason"; the script runs up to the bad line
};

ReplayScript parse_replay(const std::string &text, const std::string &name);
ReplayScript load_replay(const std::string &path);

// What the player hands the frame loop.
struct ReplayInput {
    enum class Kind { Pointer, Key, Char, Advance };
    Kind kind = Kind::Pointer;
    PointerEvent pointer;
    std::string key;
    unsigned codepoint = 0; // Char
    Millis advance = 0;
};

class ReplayPlayer {
public:
    struct Rect {
        float x, y, w, h;
    };
    using FindTarget = std::function<std::optional<Rect>(const std::string &label)>;

    ReplayPlayer(ReplayScript script, float screen_w, float screen_h);

    // The next input due at `now`, if any. Pointer events carry their scheduled time, so gesture
    // timing does not depend on how fast frames are drawn. A new command starts only when the UI
    // has `settled` (drawn what the previous one did), so `press` finds the screen it expects
    // even when a frame was slow.
    std::optional<ReplayInput> next(Millis now, const FindTarget &find, bool settled = true);
    std::optional<Millis> next_deadline() const; // when next() has something, if known
    // Every command played, the last `wait` included.
    bool finished(Millis now) const {
        return pending_.empty() && command_ >= script_.commands.size() && now >= next_command_at_;
    }
    const std::string &error() const { return error_; } // a runtime failure (e.g. unknown target)

private:
    void start_command(Millis now, const FindTarget &find);
    ReplayScript script_;
    float w_, h_;
    size_t command_ = 0;
    std::deque<ReplayInput> pending_; // inputs of the command being played, in time order
    Millis next_command_at_ = 0;
    std::string error_;
};

} // namespace hs
