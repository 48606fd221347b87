#include "replay.hpp"

#include "translation.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace hs {
namespace {

// Pauses the player adds so every step of a journey is drawn and settled before the next one.
constexpr Millis kTapHoldMs = 60;    // a finger's tap lasts about this long
constexpr Millis kAfterCommandMs = 150;
constexpr Millis kMoveEveryMs = 16;  // a touchscreen reports about 60 positions a second
constexpr Millis kSwipeMs = 120;
constexpr Millis kTypeEveryMs = 50;  // a quick typist

std::string lower(std::string s) {
    for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

ReplayScript parse_replay(const std::string &text, const std::string &name) {
    ReplayScript script;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream words(line);
        std::string verb;
        if (!(words >> verb)) continue;
        verb = lower(verb);
        ReplayCommand c;
        c.line = number;
        auto fail = [&](const std::string &why) {
            script.error = name + ":" + std::to_string(number) + ": " + why;
        };
        bool ok = true;
        if (verb == "tap") {
            c.kind = ReplayCommand::Kind::Tap;
            ok = static_cast<bool>(words >> c.x1 >> c.y1);
            if (!ok) fail("expected: tap X Y");
        } else if (verb == "doubletap") {
            c.kind = ReplayCommand::Kind::DoubleTap;
            ok = static_cast<bool>(words >> c.x1 >> c.y1);
            if (!ok) fail("expected: doubletap X Y");
        } else if (verb == "press") {
            c.kind = ReplayCommand::Kind::Press;
            ok = static_cast<bool>(words >> c.name);
            if (!ok) fail("expected: press LABEL");
        } else if (verb == "language") {
            // The customer's way: the language button, then the language in the chooser (two
            // presses, the second on the chooser the first opened).
            std::string locale;
            ok = static_cast<bool>(words >> locale) && !normalize_locale(locale).empty();
            if (!ok) {
                fail("expected: language LOCALE (es, zh-CN...)");
            } else {
                ReplayCommand open = c;
                open.kind = ReplayCommand::Kind::Press;
                open.name = "language";
                script.commands.push_back(open);
                c.kind = ReplayCommand::Kind::Press;
                c.name = "language:" + normalize_locale(locale);
            }
        } else if (verb == "drag") {
            c.kind = ReplayCommand::Kind::Drag;
            ok = static_cast<bool>(words >> c.x1 >> c.y1 >> c.x2 >> c.y2 >> c.ms) && c.ms >= 0;
            if (!ok) fail("expected: drag X1 Y1 X2 Y2 MS");
        } else if (verb == "swipe") {
            c.kind = ReplayCommand::Kind::Swipe;
            ok = static_cast<bool>(words >> c.name) && (c.name == "left" || c.name == "right");
            if (!ok) fail("expected: swipe left|right");
        } else if (verb == "longpress") {
            c.kind = ReplayCommand::Kind::LongPress;
            ok = static_cast<bool>(words >> c.x1 >> c.y1 >> c.ms) && c.ms >= 0;
            if (!ok) fail("expected: longpress X Y MS");
        } else if (verb == "key") {
            c.kind = ReplayCommand::Kind::Key;
            ok = static_cast<bool>(words >> c.name);
            c.name = lower(c.name);
            if (!ok) fail("expected: key NAME");
        } else if (verb == "type") {
            c.kind = ReplayCommand::Kind::Type;
            std::getline(words, c.name);
            if (!c.name.empty() && c.name.front() == ' ') c.name.erase(0, 1);
            while (!c.name.empty() && (c.name.back() == '\r' || c.name.back() == ' ')) c.name.pop_back();
            ok = !c.name.empty();
            if (!ok) fail("expected: type TEXT");
        } else if (verb == "wait") {
            c.kind = ReplayCommand::Kind::Wait;
            ok = static_cast<bool>(words >> c.ms) && c.ms >= 0;
            if (!ok) fail("expected: wait MS");
        } else if (verb == "advance") {
            c.kind = ReplayCommand::Kind::Advance;
            double seconds = 0;
            ok = static_cast<bool>(words >> seconds) && seconds >= 0;
            c.ms = static_cast<Millis>(seconds * 1000.0);
            if (!ok) fail("expected: advance SECONDS");
        } else {
            ok = false;
            fail("unknown command '" + verb + "'");
        }
        std::string extra;
        if (ok && words >> extra) {
            ok = false;
            fail("unexpected '" + extra + "' at the end of the line");
        }
        if (!ok) break; // a bad line stops the replay there
        script.commands.push_back(c);
    }
    return script;
}

ReplayScript load_replay(const std::string &path) {
    std::ifstream in(path);
    if (!in) {
        ReplayScript s;
        s.error = path + ": cannot be read";
        return s;
    }
    std::stringstream text;
    text << in.rdbuf();
    return parse_replay(text.str(), path);
}

ReplayPlayer::ReplayPlayer(ReplayScript script, float screen_w, float screen_h)
    : script_(std::move(script)), w_(screen_w), h_(screen_h) {}

void ReplayPlayer::start_command(Millis now, const FindTarget &find) {
    const ReplayCommand &c = script_.commands[command_++];
    auto pointer = [&](PointerEvent::Kind kind, float x, float y, Millis t) {
        ReplayInput in;
        in.pointer = PointerEvent{kind, x, y, t};
        pending_.push_back(in);
    };
    auto stroke = [&](float x1, float y1, float x2, float y2, Millis ms) {
        pointer(PointerEvent::Kind::Down, x1, y1, now);
        for (Millis t = kMoveEveryMs; t < ms; t += kMoveEveryMs) {
            float k = static_cast<float>(t) / static_cast<float>(ms);
            pointer(PointerEvent::Kind::Move, x1 + (x2 - x1) * k, y1 + (y2 - y1) * k, now + t);
        }
        pointer(PointerEvent::Kind::Move, x2, y2, now + ms);
        pointer(PointerEvent::Kind::Up, x2, y2, now + ms);
        next_command_at_ = now + ms + kAfterCommandMs;
    };
    switch (c.kind) {
    case ReplayCommand::Kind::Press: {
        std::optional<Rect> r = find ? find(c.name) : std::nullopt;
        if (!r) {
            error_ = "line " + std::to_string(c.line) + ": no touch target '" + c.name + "' on this screen";
            command_ = script_.commands.size(); // stop: the journey went somewhere unexpected
            return;
        }
        float x = r->x + r->w * 0.5f, y = r->y + r->h * 0.5f;
        pointer(PointerEvent::Kind::Down, x, y, now);
        pointer(PointerEvent::Kind::Up, x, y, now + kTapHoldMs);
        next_command_at_ = now + kTapHoldMs + kAfterCommandMs;
        break;
    }
    case ReplayCommand::Kind::Tap:
        pointer(PointerEvent::Kind::Down, c.x1, c.y1, now);
        pointer(PointerEvent::Kind::Up, c.x1, c.y1, now + kTapHoldMs);
        next_command_at_ = now + kTapHoldMs + kAfterCommandMs;
        break;
    case ReplayCommand::Kind::DoubleTap: // both taps in one command: their timing cannot drift apart
        pointer(PointerEvent::Kind::Down, c.x1, c.y1, now);
        pointer(PointerEvent::Kind::Up, c.x1, c.y1, now + kTapHoldMs);
        pointer(PointerEvent::Kind::Down, c.x1, c.y1, now + kTapHoldMs + 100);
        pointer(PointerEvent::Kind::Up, c.x1, c.y1, now + 2 * kTapHoldMs + 100);
        next_command_at_ = now + 2 * kTapHoldMs + 100 + kAfterCommandMs;
        break;
    case ReplayCommand::Kind::LongPress:
        pointer(PointerEvent::Kind::Down, c.x1, c.y1, now);
        pointer(PointerEvent::Kind::Up, c.x1, c.y1, now + c.ms);
        next_command_at_ = now + c.ms + kAfterCommandMs;
        break;
    case ReplayCommand::Kind::Drag: stroke(c.x1, c.y1, c.x2, c.y2, c.ms); break;
    case ReplayCommand::Kind::Swipe: {
        float from = w_ * (c.name == "left" ? 0.7f : 0.3f), to = w_ * (c.name == "left" ? 0.3f : 0.7f);
        stroke(from, h_ * 0.5f, to, h_ * 0.5f, kSwipeMs);
        break;
    }
    case ReplayCommand::Kind::Key: {
        ReplayInput in;
        in.kind = ReplayInput::Kind::Key;
        in.key = c.name;
        in.pointer.t = now;
        pending_.push_back(in);
        next_command_at_ = now + kAfterCommandMs;
        break;
    }
    case ReplayCommand::Kind::Type: {
        Millis t = now;
        for (size_t i = 0; i < c.name.size();) { // UTF-8 to code points; a broken byte is skipped
            auto b = static_cast<unsigned char>(c.name[i]);
            size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
            if (n == 0 || i + n > c.name.size()) {
                ++i;
                continue;
            }
            unsigned cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
            for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(c.name[i + k]) & 0x3F);
            i += n;
            ReplayInput in;
            in.kind = ReplayInput::Kind::Char;
            in.codepoint = cp;
            in.pointer.t = t;
            pending_.push_back(in);
            t += kTypeEveryMs;
        }
        next_command_at_ = t + kAfterCommandMs;
        break;
    }
    case ReplayCommand::Kind::Wait: next_command_at_ = now + c.ms; break;
    case ReplayCommand::Kind::Advance: {
        ReplayInput in;
        in.kind = ReplayInput::Kind::Advance;
        in.advance = c.ms;
        in.pointer.t = now;
        pending_.push_back(in);
        next_command_at_ = now; // the clock itself jumps; the next command starts after it
        break;
    }
    }
}

std::optional<ReplayInput> ReplayPlayer::next(Millis now, const FindTarget &find, bool settled) {
    while (settled && pending_.empty() && command_ < script_.commands.size() && now >= next_command_at_)
        start_command(now, find);
    if (pending_.empty() || pending_.front().pointer.t > now) return std::nullopt;
    ReplayInput in = pending_.front();
    pending_.pop_front();
    if (in.kind == ReplayInput::Kind::Advance) next_command_at_ += in.advance;
    return in;
}

std::optional<Millis> ReplayPlayer::next_deadline() const {
    if (!pending_.empty()) return pending_.front().pointer.t;
    if (command_ < script_.commands.size()) return next_command_at_;
    return std::nullopt;
}

} // namespace hs
