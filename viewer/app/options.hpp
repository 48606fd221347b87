// Command line of the helpstation executable.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hs::app {

struct Options {
    std::optional<std::pair<int, int>> windowed; // --windowed WxH; full screen when absent
    std::vector<std::string> plugin_dirs;        // --plugins DIR (repeatable); default next to the binary
    std::string open_route = "home";             // --open ROUTE
    std::string screenshot;                      // --screenshot FILE.png: render, save, exit
    bool list_topics = false;                    // --list-topics
    bool json = false;                           // --json (with --list-topics)
    std::vector<std::string> validate;           // --validate FILE.so (repeatable): check, report, exit
    std::string log_level = "info";
};

// Parses argv. Returns an exit code when the program should stop right away (--help, errors).
std::optional<int> parse_options(int argc, char **argv, Options &out);

} // namespace hs::app
