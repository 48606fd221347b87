// helpstation: reads the config, loads the topic plugins, then either reports on them
// (--list-topics), hashes an admin PIN (--hash-pin), or runs the kiosk (optionally just long
// enough to play a --replay and take a --screenshot).
#include "core/catalog.hpp"
#include "core/config.hpp"
#include "core/pin.hpp"
#include "core/localized_topics.hpp"
#include "core/search.hpp"
#include "core/topic_list.hpp"
#include "measure.hpp"
#include "options.hpp"
#include "paths.hpp"
#include "render_topic.hpp"
#include "report_command.hpp"
#include "validate.hpp"
#include "export_pot.hpp"
#include "viewer.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <malloc.h>
#include <iostream>

namespace {

int hash_pin_command() {
    std::string pin;
    std::getline(std::cin, pin);
    if (!hs::is_valid_pin(pin)) {
        std::fprintf(stderr, "a PIN is 4 to 12 digits\n");
        return 2;
    }
    std::string hash = hs::hash_pin(pin);
    if (hash.empty()) {
        std::fprintf(stderr, "could not hash the PIN (out of memory?)\n");
        return 1;
    }
    std::printf("admin_pin_hash = \"%s\"\n", hash.c_str());
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    hs::app::Startup startup; // the origin of the --exit-after-first-frame times
    // Decoded pictures are megabyte buffers, made and freed as customers move through topics.
    // glibc raises its mmap threshold each time such a buffer is freed, after which they come from
    // the heap and stay there: measured with --soak 2500, RSS after one pass through every topic
    // was 174 MiB with the default and 129 MiB with a fixed threshold (which also stops the raising).
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    hs::app::Options options;
    if (auto code = hs::app::parse_options(argc, argv, options)) return *code;

    // The log goes to stderr: stdout carries --list-topics output (one JSON object with --json).
    spdlog::set_default_logger(spdlog::stderr_color_mt("helpstation"));
    spdlog::set_level(spdlog::level::from_str(options.log_level));
    bool report_only = options.list_topics || !options.validate.empty() || options.report || options.search ||
                       !options.export_pot.empty();
    if (report_only && options.log_level == "info") spdlog::set_level(spdlog::level::warn);
    if (options.hash_pin) return hash_pin_command();

    // A bad config never stops the kiosk: each problem is logged and shown to the admin, and the
    // setting it concerns keeps its default.
    bool named = !options.config.empty();
    hs::ConfigResult config = hs::load_config(named ? options.config : hs::default_config_path(), named);
    hs::app::apply_overrides(options, config.config, config.problems);
    std::vector<std::string> config_problems;
    std::vector<std::string> key_problems;
    hs::TrustPolicy trust =
        hs::make_trust_policy(config.config.require_signed, config.config.trusted_keys, key_problems);
    for (const std::string &p : key_problems) config_problems.push_back("config: plugins." + p);
    for (const hs::ConfigProblem &p : config.problems) config_problems.push_back(p.message());
    for (const std::string &p : config_problems) spdlog::error("config: {}", p);
    if (config.path) spdlog::info("config: {}", *config.path);
    if (options.report) return hs::app::report_command(options, config.config);
    std::vector<std::string> folders = config.config.plugin_folders;
    if (folders.empty()) folders.push_back(hs::app::bundled_plugin_folder());

    // Plugins are only ever loaded in helpstation-probe; this process gets each topic as data.
    hs::ProbeSetup probe;
    probe.probe_exe = hs::app::probe_executable();
    probe.options.timeout_ms = config.config.probe_timeout_ms;
    probe.trust = trust;
    if (!options.validate.empty()) return hs::app::validate_plugins(options.validate, probe);
    if (!options.export_pot.empty()) return hs::app::export_pot(options.export_pot, probe);
    hs::ProbeCache cache;
    probe.cache = &cache;

    hs::PluginHostSetup host_setup;
    host_setup.folders = folders;
    host_setup.probe = probe;
    hs::PluginHost host(host_setup);
    if (!options.render_topic.empty()) {
        host.scan();
        return hs::app::render_topic(options.render_topic, options.out, *host.catalog(), config.config);
    }
    if (options.list_topics) {
        host.scan();
        std::shared_ptr<const hs::Catalog> catalog = host.catalog();
        std::string report = options.json ? hs::list_topics_json(*catalog) : hs::list_topics_text(*catalog);
        std::fputs(report.c_str(), stdout);
        return 0;
    }
    if (options.search) {
        host.scan();
        // As a visit searches (the localized text, then the English): in --lang's language; without
        // it, in the default language, then in each other offered one until one finds something
        // (someone at the command line may type any of the kiosk's languages).
        std::shared_ptr<const hs::Catalog> english = host.catalog();
        hs::LocalizedTopics localized;
        const hs::LanguageSettings &languages = config.config.languages;
        std::vector<std::string> order = {languages.default_language};
        if (!options.lang)
            for (const std::string &l : languages.offered)
                if (l != languages.default_language) order.push_back(l);
        std::vector<hs::SearchHit> hits;
        for (const std::string &language : order) {
            const hs::Catalog &shown = localized.catalog(*english, language);
            hits = hs::search(shown, *options.search);
            if (hits.empty() && &shown != english.get()) hits = hs::search(*english, *options.search);
            if (!hits.empty()) break;
        }
        if (options.json) {
            std::fputs(hs::search_results_json(*options.search, hits).c_str(), stdout);
        } else {
            if (hits.empty()) std::printf("No topic matches \"%s\".\n", options.search->c_str());
            for (const hs::SearchHit &h : hits)
                std::printf("%8.3f  %-32s %s\n          %s\n", h.score, h.route.c_str(), h.where.c_str(),
                            h.snippet.c_str());
        }
        return 0;
    }
    return hs::app::run_viewer({options, config.config, config.path.value_or(""), config_problems, host, startup});
}
