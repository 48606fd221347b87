// Runs the real viewer for end-to-end tests. Without a DISPLAY, the first call starts a private
// Xvfb (1920x1920, so landscape and portrait windows both fit) on a free display number chosen by
// Xvfb itself (-displayfd), which keeps parallel test processes from colliding.
#pragma once

#include <string>
#include <vector>

namespace e2e {

struct Run {
    int exit_code = -1;
    std::string out; // stdout
    std::string err; // stderr (the log)
};

// Makes sure DISPLAY names an X server, starting the private Xvfb if there is none.
void ensure_display();

// Points XDG_CACHE_HOME and XDG_STATE_HOME at folders of this test process alone (made once,
// removed at exit): every test starts with no probe cache and no analytics of another.
void use_fresh_xdg_folders();

// Runs the helpstation binary with `args` (each passed as one argument), on a display.
Run run_viewer(const std::vector<std::string> &args, bool needs_display = true);

struct Picture {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
    bool ok() const { return width > 0; }
};
Picture load_png(const std::string &path);

// How many distinct colours (quantized to 4 bits a channel) a picture has: a blank one has 1.
int colour_count(const Picture &p);
// How many pixels have exactly this colour.
size_t count_colour(const Picture &p, unsigned char r, unsigned char g, unsigned char b);
// The fraction of pixels that differ between two pictures of the same size (1.0 if sizes differ).
double difference(const Picture &a, const Picture &b);

} // namespace e2e
