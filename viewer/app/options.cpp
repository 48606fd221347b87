#include "options.hpp"

#include "core/translation.hpp"
#include <algorithm>

#include <CLI/CLI.hpp>

#include <cstdio>
#include <regex>

namespace hs::app {

std::optional<int> parse_options(int argc, char **argv, Options &out) {
    CLI::App cli{"Help Station: a touch kiosk that walks customers through fixes, one step at a time."};
    cli.set_version_flag("--version", "Help Station 0.1.0");
    std::string windowed;
    cli.add_option("--config", out.config,
                   "The config file (default: $XDG_CONFIG_HOME/helpstation/helpstation.toml, then "
                   "/etc/helpstation/helpstation.toml)");
    cli.add_option("--windowed", windowed, "Run in a window of WxH pixels instead of full screen (e.g. 1920x1080)");
    cli.add_option("--plugins", out.plugin_folders, "A folder of topic plugins (repeatable; overrides plugins.folders)");
    cli.add_option("--open", out.open_route,
                   "Start at a route: attract, home, TOPIC, TOPIC/faq, TOPIC/fix/N, TOPIC/fix/N/step/M (1-based)");
    cli.add_option("--screenshot", out.screenshot,
                   "Render (after --replay, if given), save a PNG and exit");
    cli.add_option("--render-topic", out.render_topic,
                   "Render every screen of topic ID (landscape and portrait) plus a contact sheet each into --out, "
                   "then exit")
        ->type_name("ID");
    cli.add_option("--out", out.out, "With --render-topic: the folder for the PNGs (created if missing)")
        ->type_name("DIR");
    cli.add_option("--replay", out.replay, "Play scripted input from FILE (see README: tap, drag, swipe, key, ...)");
    cli.add_option("--dump-ui", out.dump_ui, "After each change, write the UI state and touch targets as JSON to FILE");
    cli.add_flag("--list-topics", out.list_topics, "Print the loaded topics and the rejected plugins, then exit");
    cli.add_flag("--json", out.json, "With --list-topics or --search: print one JSON object");
    cli.add_option("--search", out.search,
                   "Print the topics that match QUERY, best first (with where they matched), then exit; searched in --lang's "
                   "language, else in each offered language until one finds something")
        ->type_name("QUERY");
    cli.add_flag("--hash-pin", out.hash_pin, "Read an admin PIN (4-12 digits) on stdin and print the config line");
    cli.add_option("--validate", out.validate,
                   "Check a plugin file as the kiosk would, print every problem and exit (non-zero if refused)")
        ->type_name("FILE.so");
    cli.add_option("--export-pot", out.export_pot,
                   "Print the translation template (.pot) of a plugin's topic for translators, then exit")
        ->type_name("FILE.so");
    cli.add_option("--log-level", out.log_level, "trace, debug, info, warn, error or off")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
    auto *bench = "Measurement (bench/)";
    cli.add_flag("--exit-after-first-frame", out.exit_after_first_frame,
                 "Exit right after the first frame is presented; print the start-up times as JSON on stdout")
        ->group(bench);
    cli.add_option("--stats", out.stats,
                   "After every frame, rewrite FILE with frames drawn, CPU time and texture memory (JSON)")
        ->group(bench);
    cli.add_option("--soak", out.soak,
                   "Make N navigations through every topic, one frame each, print RSS at start and end as JSON, exit")
        ->group(bench)
        ->check(CLI::Range(1, 100000000));
    auto *kiosk = "Kiosk settings (override the config file)";
    cli.add_option("--idle-seconds", out.idle_seconds, "No touch this long shows the 'Still there?' warning")
        ->group(kiosk);
    cli.add_option("--warning-seconds", out.warning_seconds, "How long the warning counts down before a reset (>= 20)")
        ->group(kiosk);
    cli.add_option("--monitor", out.monitor, "Which monitor to fill (0 = primary)")->group(kiosk);
    cli.add_option("--text-size", out.text_size, "Text size each visit starts at: 100, 150 or 200")->group(kiosk);
    cli.add_option("--theme", out.theme, "standard or high-contrast")->group(kiosk);
    cli.add_option("--lang", out.lang,
                   "The language each visit starts in (es, zh-CN...; language.default): with --screenshot, --open "
                   "or --render-topic, every screen in it")
        ->type_name("LOCALE")
        ->group(kiosk);
    cli.add_option("--cursor", out.cursor, "hidden or visible")->group(kiosk);
    cli.add_option("--lockdown", out.lockdown,
                   "true: no key or close request leaves the kiosk (only the admin menu); false: Escape quits")
        ->group(kiosk);
    CLI::App *report = cli.add_subcommand(
        "report", "Print the customer outcomes (per topic and per fix) from the analytics database, then exit");
    report->add_option("--since", out.report_since, "Only events from this UTC day on (YYYY-MM-DD); default: all kept")
        ->type_name("DATE");
    report->add_option("--format", out.report_format, "csv (three tables: topics, fixes, then outcomes by language) or json (one object)")
        ->check(CLI::IsMember({"csv", "json"}));
    report->add_option("--db", out.report_db, "The analytics database (default: analytics.path of the config, then "
                                              "$XDG_STATE_HOME/helpstation/analytics.db)")
        ->type_name("FILE");
    report->fallthrough(); // --config and --log-level may follow `report`
    try {
        cli.parse(argc, argv);
        out.report = report->parsed();
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
    if (out.render_topic.empty() != out.out.empty()) {
        std::fprintf(stderr, "--render-topic ID and --out DIR go together\n");
        return 2;
    }
    if (out.lang && normalize_locale(*out.lang).empty()) {
        std::fprintf(stderr, "--lang: expected a locale such as zh-CN or es, got '%s'\n", out.lang->c_str());
        return 2;
    }
    if (out.json && !out.list_topics && !out.search) {
        std::fprintf(stderr, "--json only goes with --list-topics or --search\n");
        return 2;
    }
    return std::nullopt;
}

void apply_overrides(const Options &o, Config &config, std::vector<ConfigProblem> &problems) {
    // The same checks as the file's: written as a tiny TOML document and parsed by the same code.
    std::string toml = "[kiosk]\n";
    auto quote = [](const std::string &s) {
        std::string q = "\"";
        for (char c : s) q += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
        return q + "\"";
    };
    if (o.idle_seconds) toml += "idle_seconds = " + std::to_string(*o.idle_seconds) + "\n";
    if (o.warning_seconds) toml += "warning_seconds = " + std::to_string(*o.warning_seconds) + "\n";
    if (o.monitor) toml += "monitor = " + std::to_string(*o.monitor) + "\n";
    if (o.cursor) toml += "cursor = " + quote(*o.cursor) + "\n";
    if (o.lockdown) toml += std::string("lockdown = ") + (*o.lockdown ? "true" : "false") + "\n";
    toml += "[display]\n";
    if (o.text_size) toml += "text_size = " + std::to_string(*o.text_size) + "\n";
    if (o.theme) toml += "theme = " + quote(*o.theme) + "\n";
    toml += "[language]\n";
    if (o.lang) toml += "default = " + quote(*o.lang) + "\n";
    ConfigResult cli = parse_config(toml, "command line");
    auto bad = [&](const std::string &key) {
        for (const ConfigProblem &p : cli.problems)
            if (p.key == key) return true;
        return false;
    };
    for (ConfigProblem &p : cli.problems) {
        p.line = 0;
        problems.push_back(p);
    }
    const Config &c = cli.config;
    if (o.idle_seconds && !bad("kiosk.idle_seconds")) config.idle_seconds = c.idle_seconds;
    if (o.warning_seconds && !bad("kiosk.warning_seconds")) config.warning_seconds = c.warning_seconds;
    if (o.monitor && !bad("kiosk.monitor")) config.monitor = c.monitor;
    if (o.cursor && !bad("kiosk.cursor")) config.hide_cursor = c.hide_cursor;
    if (o.lockdown) config.lockdown = c.lockdown;
    if (o.text_size && !bad("display.text_size")) config.text_size = c.text_size;
    if (o.theme && !bad("display.theme")) config.high_contrast = c.high_contrast;
    if (o.lang && !bad("language.default")) {
        LanguageSettings &l = config.languages;
        l.default_language = c.languages.default_language;
        if (std::find(l.offered.begin(), l.offered.end(), l.default_language) == l.offered.end())
            l.offered.insert(l.offered.begin(), l.default_language);
    }
    if (!o.plugin_folders.empty()) config.plugin_folders = o.plugin_folders;
}

} // namespace hs::app
