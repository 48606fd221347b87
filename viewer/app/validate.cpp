#include "validate.hpp"

#include "core/authoring.hpp"
#include "core/plugin_loader.hpp"
#include "core/trust.hpp"

#include <cstdio>

namespace hs::app {
namespace {

void say(const std::string &file, const std::string &text) { std::printf("%s: %s\n", file.c_str(), text.c_str()); }

// True when `file` would be loaded by the kiosk.
bool validate_one(const std::string &file, const ProbeSetup &setup) {
    // The kiosk does not run an untrusted plugin at all (not even in a probe), so neither does
    // its validation.
    if (auto why = check_trust(file, setup.trust)) {
        say(file, "refused: " + *why);
        return false;
    }
    ProbeVerdict v = probe_plugin(setup.probe_exe, file, setup.options);
    switch (v.outcome) {
    case ProbeVerdict::Outcome::refused:
        for (const std::string &p : v.problems) say(file, p);
        say(file, "refused (" + std::to_string(v.problems.size()) + " problem(s))");
        return false;
    case ProbeVerdict::Outcome::quarantined:
        say(file, "quarantined: " + v.reason);
        return false;
    case ProbeVerdict::Outcome::not_run:
        say(file, "unchecked: " + v.reason);
        return false;
    case ProbeVerdict::Outcome::passed: break;
    }
    // It passed in the probe; load it here as the kiosk then would, for the summary.
    LoadResult loaded = load_plugin(file);
    if (!loaded.topic) {
        for (const std::string &p : loaded.problems) say(file, p);
        say(file, "refused");
        return false;
    }
    const Topic &t = *loaded.topic;
    char summary[512];
    std::snprintf(summary, sizeof summary,
                  "passed: %s %s \"%s\" (%zu fixes, %d steps, %zu FAQ entries, %zu pictures; checked in %.0f ms)",
                  t.id.c_str(), t.version.c_str(), t.title.c_str(), t.fixes.size(), t.step_count(), t.faq.size(),
                  t.images.size(), v.seconds * 1000);
    say(file, summary);
    // Advice, not refusals: the kiosk loads the plugin either way.
    for (const std::string &w : authoring_warnings(t)) say(file, "warning: " + w);
    return true;
}

} // namespace

int validate_plugins(const std::vector<std::string> &files, const ProbeSetup &setup) {
    bool all_pass = true;
    for (const std::string &file : files) all_pass = validate_one(file, setup) && all_pass;
    std::fflush(stdout);
    return all_pass ? 0 : 1;
}

} // namespace hs::app
