#include "frame_input.hpp"

namespace hs::ui {
namespace {
FrameInput g_input; // one kiosk per process, one frame at a time
} // namespace

const FrameInput &frame_input() { return g_input; }
void set_frame_input(const FrameInput &input) { g_input = input; }
bool take_tap() {
    g_input.tapped_target.clear();
    return true;
}

} // namespace hs::ui
