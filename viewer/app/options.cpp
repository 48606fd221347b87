#include "options.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <regex>

namespace hs::app {

std::optional<int> parse_options(int argc, char **argv, Options &out) {
    CLI::App cli{"Help Station: a touch kiosk that walks customers through fixes, one step at a time."};
    cli.set_version_flag("--version", "Help Station 0.1.0");
    std::string windowed;
    cli.add_option("--windowed", windowed, "Run in a window of WxH pixels instead of full screen (e.g. 1920x1080)");
    cli.add_option("--plugins", out.plugin_dirs, "A folder of topic plugins (repeatable; default: the bundled ones)");
    cli.add_option("--open", out.open_route,
                   "Start at a route: home, TOPIC, TOPIC/faq, TOPIC/fix/N, TOPIC/fix/N/step/M (1-based)");
    cli.add_option("--screenshot", out.screenshot, "Render the route at the window size, save a PNG and exit");
    cli.add_flag("--list-topics", out.list_topics, "Print the loaded topics and the rejected plugins, then exit");
    cli.add_flag("--json", out.json, "With --list-topics: print one JSON object");
    cli.add_option("--validate", out.validate,
                   "Check a plugin file as the kiosk would, print every problem and exit (non-zero if refused)")
        ->type_name("FILE.so");
    cli.add_option("--log-level", out.log_level, "trace, debug, info, warn, error or off")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        return cli.exit(e);
    }
    if (!windowed.empty()) {
        std::smatch m;
        if (!std::regex_match(windowed, m, std::regex(R"((\d{2,5})x(\d{2,5}))"))) {
            std::fprintf(stderr, "--windowed: expected WxH such as 1920x1080, got '%s'\n", windowed.c_str());
            return 2;
        }
        out.windowed = std::make_pair(std::stoi(m[1]), std::stoi(m[2]));
    }
    if (out.json && !out.list_topics) {
        std::fprintf(stderr, "--json only goes with --list-topics\n");
        return 2;
    }
    return std::nullopt;
}

} // namespace hs::app
