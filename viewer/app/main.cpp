// helpstation: loads the topic plugins, then either reports on them (--list-topics, --validate) or
// runs the kiosk (optionally just long enough to take a --screenshot).
#include "core/catalog.hpp"
#include "core/topic_list.hpp"
#include "options.hpp"
#include "paths.hpp"
#include "validate.hpp"
#include "viewer.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>

int main(int argc, char **argv) {
    hs::app::Options options;
    if (auto code = hs::app::parse_options(argc, argv, options)) return *code;

    // The log goes to stderr: stdout carries --list-topics output (one JSON object with --json).
    spdlog::set_default_logger(spdlog::stderr_color_mt("helpstation"));
    spdlog::set_level(spdlog::level::from_str(options.log_level));
    bool report_only = options.list_topics || !options.validate.empty();
    if (report_only && options.log_level == "info") spdlog::set_level(spdlog::level::warn);

    // Every plugin is first loaded in a helpstation-probe process; only those that pass are loaded here.
    hs::ProbeSetup probe{hs::app::probe_executable(), nullptr, {}};
    if (!options.validate.empty()) return hs::app::validate_plugins(options.validate, probe.probe_exe, probe.options);

    hs::ProbeCache cache;
    probe.cache = &cache;
    if (options.plugin_dirs.empty()) options.plugin_dirs.push_back(hs::app::default_plugin_dir());
    hs::Catalog catalog = hs::load_catalog(options.plugin_dirs, probe);
    spdlog::info("{} topic(s) loaded, {} plugin(s) rejected", catalog.topics.size(), catalog.rejected.size());

    if (options.list_topics) {
        std::string report = options.json ? hs::list_topics_json(catalog) : hs::list_topics_text(catalog);
        std::fputs(report.c_str(), stdout);
        return 0;
    }
    return hs::app::run_viewer(options, catalog);
}
