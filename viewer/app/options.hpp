// Command line of the helpstation executable. Settings also in the config file are optional
// here: given, they override the file.
#pragma once

#include "core/config.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hs::app {

struct Options {
    std::optional<std::pair<int, int>> windowed; // --windowed WxH; full screen when absent
    std::vector<std::string> plugin_folders;        // --plugins DIR (repeatable); default from config, then bundled
    std::string open_route = "attract";          // --open ROUTE
    std::string screenshot;                      // --screenshot FILE.png: render, save, exit
    std::string replay;                          // --replay FILE: scripted input
    std::string dump_ui;                         // --dump-ui FILE: JSON of the UI state after each change
    std::string render_topic;                    // --render-topic ID: every screen of a topic as PNGs, then exit
    std::string out;                             // --out DIR (with --render-topic)
    bool list_topics = false;                    // --list-topics
    bool json = false;                           // --json (with --list-topics or --search)
    std::optional<std::string> search;           // --search QUERY: print the ranked topics, exit
    bool hash_pin = false;                       // --hash-pin: read a PIN on stdin, print its hash
    std::string export_pot;                      // --export-pot FILE.so: print the topic's .pot, exit
    std::vector<std::string> validate;           // --validate FILE.so (repeatable): check, report, exit
    std::string log_level = "info";
    std::string config;                          // --config FILE
    // Measurement (bench/): none of these changes what the kiosk shows.
    bool exit_after_first_frame = false;         // --exit-after-first-frame: print the start-up report, exit
    std::string stats;                           // --stats FILE: frames, CPU, textures, after every frame
    int soak = 0;                                // --soak N: N scripted navigations, one frame each, report, exit

    // `helpstation report`: the customer outcomes, for fleet collection; no display needed.
    bool report = false;
    std::string report_since;                    // --since YYYY-MM-DD (UTC); empty: all that is kept
    std::string report_format = "csv";           // --format csv|json
    std::string report_db;                       // --db FILE; empty: analytics.path, then the state folder

    // Overrides of the config file.
    std::optional<int> idle_seconds, warning_seconds, monitor, text_size;
    std::optional<std::string> theme, cursor;
    std::optional<std::string> lang; // --lang LOCALE: the language each visit starts in
    std::optional<bool> lockdown;
};

// Parses argv. Returns an exit code when the program should stop right away (--help, errors).
std::optional<int> parse_options(int argc, char **argv, Options &out);

// The config with the command line's overrides applied (and checked like the file's values).
void apply_overrides(const Options &options, Config &config, std::vector<ConfigProblem> &problems);

} // namespace hs::app
