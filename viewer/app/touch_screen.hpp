// Touch screens on X11, read as touches (XInput 2.2 touch events) rather than through the pointer
// the X server emulates from them. Two faults of the emulated pointer were seen on a real kiosk
// stack (libinput -> cage -> Xwayland), in the boot test:
//   - the first touch after the window appeared moved the emulated pointer but pressed nothing:
//     the customer's first tap after every start was lost;
//   - GLFW places a button event where the pointer is *now* (glfwGetCursorPos asks the server), so
//     a swipe that queued up whole during a slow frame became a tap where the finger lifted.
// Each XI2 touch event carries its own position, in order, and a window that selects touch events
// gets no emulated pointer events for touches, so a touch is never seen twice. A mouse (a
// technician's) still goes through GLFW.
//
// The events are read on a second X connection by a thread of their own: GLFW owns the first
// connection and its event queue, and the thread also stamps each touch when it arrives, not when
// a busy frame gets round to it. Only the first finger down is followed (the kiosk's gestures are
// one-finger gestures); others are ignored until it lifts.
#pragma once

#include "core/gestures.hpp"

#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;

namespace hs::app {

class TouchScreen {
public:
    // Selects touch events on the window; null (and `why`) when the display is not X11 or has no
    // XInput 2.2: then touches arrive as the emulated pointer, through GLFW, as before.
    static std::unique_ptr<TouchScreen> open(GLFWwindow *window, std::string &why);
    ~TouchScreen();
    TouchScreen(const TouchScreen &) = delete;
    TouchScreen &operator=(const TouchScreen &) = delete;

    // The touches read since the last call, in order, with .t = how many ms ago each arrived.
    std::vector<PointerEvent> take();

    struct Reader; // the thread and its X connection (touch_screen.cpp)

private:
    explicit TouchScreen(std::unique_ptr<Reader> reader);
    std::unique_ptr<Reader> reader_;
};

} // namespace hs::app
