#include "touch_screen.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3native.h>
#include <X11/Xlib.h>
#include <X11/extensions/XInput2.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

namespace hs::app {
namespace {

Millis steady_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

struct TouchScreen::Reader {
    Display *display = nullptr;
    int xi_opcode = 0;
    int wake[2] = {-1, -1}; // a byte written here ends the thread's poll
    std::thread thread;
    std::mutex mutex;
    std::vector<PointerEvent> queue; // .t: steady_ms() at arrival (made relative in take())
    int finger = -1;                 // the touch being followed (XI2 touch id), -1 when none

    ~Reader() {
        if (thread.joinable()) {
            char b = 0;
            (void)!write(wake[1], &b, 1);
            thread.join();
        }
        for (int fd : wake)
            if (fd >= 0) close(fd);
        if (display) XCloseDisplay(display);
    }

    void run() {
        pollfd fds[2] = {{ConnectionNumber(display), POLLIN, 0}, {wake[0], POLLIN, 0}};
        for (;;) {
            while (XPending(display)) read_one();
            if (poll(fds, 2, -1) < 0 && errno != EINTR) break;
            if (fds[1].revents) break;
            if (fds[0].revents & (POLLERR | POLLHUP)) break; // the X server went away
        }
    }

    void read_one() {
        XEvent event;
        XNextEvent(display, &event);
        XGenericEventCookie *cookie = &event.xcookie;
        if (cookie->type != GenericEvent || cookie->extension != xi_opcode || !XGetEventData(display, cookie))
            return;
        const auto *e = static_cast<const XIDeviceEvent *>(cookie->data);
        std::optional<PointerEvent::Kind> kind;
        if (cookie->evtype == XI_TouchBegin && finger < 0) {
            finger = e->detail;
            kind = PointerEvent::Kind::Down;
        } else if (e->detail == finger && cookie->evtype == XI_TouchUpdate) {
            kind = PointerEvent::Kind::Move;
        } else if (e->detail == finger && cookie->evtype == XI_TouchEnd) {
            finger = -1;
            kind = PointerEvent::Kind::Up;
        }
        if (kind) {
            spdlog::trace("touch {} {:.0f},{:.0f}", *kind == PointerEvent::Kind::Down ? "down" : *kind == PointerEvent::Kind::Up ? "up" : "move",
                          e->event_x, e->event_y);
            std::lock_guard lock(mutex);
            queue.push_back(PointerEvent{*kind, static_cast<float>(e->event_x), static_cast<float>(e->event_y), steady_ms()});
        }
        XFreeEventData(display, cookie);
        if (kind) glfwPostEmptyEvent(); // wake the frame loop (thread-safe in GLFW)
    }
};

std::unique_ptr<TouchScreen> TouchScreen::open(GLFWwindow *window, std::string &why) {
    // GLFW 3.3 has one platform per build (X11 on Debian 12), so the window is an X11 window.
    ::Window xwindow = glfwGetX11Window(window);
    if (!xwindow) {
        why = "not an X11 window";
        return nullptr;
    }
    auto reader = std::make_unique<Reader>();
    // Our own connection to the same display as GLFW's (its DisplayString).
    reader->display = XOpenDisplay(DisplayString(glfwGetX11Display()));
    if (!reader->display) {
        why = "cannot open a second connection to the X display";
        return nullptr;
    }
    int event = 0, error = 0;
    if (!XQueryExtension(reader->display, "XInputExtension", &reader->xi_opcode, &event, &error)) {
        why = "the X server has no XInput extension";
        return nullptr;
    }
    int major = 2, minor = 2;
    if (XIQueryVersion(reader->display, &major, &minor) != Success || major < 2 || (major == 2 && minor < 2)) {
        why = "the X server has no XInput 2.2 (touch events)";
        return nullptr;
    }
    unsigned char bits[XIMaskLen(XI_LASTEVENT)] = {};
    XISetMask(bits, XI_TouchBegin);
    XISetMask(bits, XI_TouchUpdate);
    XISetMask(bits, XI_TouchEnd);
    XIEventMask mask{XIAllMasterDevices, sizeof bits, bits};
    XISelectEvents(reader->display, xwindow, &mask, 1);
    XSync(reader->display, False);
    if (pipe(reader->wake) != 0) {
        why = "cannot make a pipe";
        return nullptr;
    }
    Reader *r = reader.get();
    reader->thread = std::thread([r] { r->run(); });
    return std::unique_ptr<TouchScreen>(new TouchScreen(std::move(reader)));
}

TouchScreen::TouchScreen(std::unique_ptr<Reader> reader) : reader_(std::move(reader)) {}
TouchScreen::~TouchScreen() = default;

std::vector<PointerEvent> TouchScreen::take() {
    std::vector<PointerEvent> out;
    {
        std::lock_guard lock(reader_->mutex);
        out.swap(reader_->queue);
    }
    Millis now = steady_ms();
    for (PointerEvent &e : out) e.t = now - e.t;
    return out;
}

} // namespace hs::app
