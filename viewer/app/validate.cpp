#include "validate.hpp"

#include "core/authoring.hpp"
#include "core/translation.hpp"

#include <cstdio>

namespace hs::app {
namespace {

void say(const std::string &file, const std::string &text) { std::printf("%s: %s\n", file.c_str(), text.c_str()); }

// True when `check` would be shown by the kiosk.
bool report(const PluginCheck &check) {
    const std::string &file = check.file;
    if (!check.topic) {
        std::optional<Rejection> r = check.rejection();
        for (const PluginProblem &p : check.problems)
            say(file, std::string(kind_name(p.kind)) + " (" + stage_name(p.stage) + "): " + p.text());
        say(file, std::string(kind_name(r->kind)) + " (" + std::to_string(check.problems.size()) + " problem(s))");
        return false;
    }
    const Topic &t = *check.topic;
    char summary[512];
    std::snprintf(summary, sizeof summary,
                  "passed: %s %s \"%s\" (%zu fixes, %d steps, %zu FAQ entries, %zu pictures; checked in %.0f ms)",
                  t.id.c_str(), t.version.c_str(), t.title.c_str(), t.fixes.size(), t.step_count(), t.faq.size(),
                  t.images.size(), check.probe_seconds * 1000);
    say(file, summary);
    // Advice, not refusals: the kiosk shows the topic either way.
    for (const std::string &w : authoring_warnings(t)) say(file, "warning: " + w);
    for (const PluginProblem &w : check.warnings) say(file, "warning: " + w.text());
    // Each language as the customer would see it (down its fallback), and what stays in English.
    for (const Coverage &c : coverage(t)) {
        say(file, "translation " + c.locale + ": " + std::to_string(c.translated) + "/" + std::to_string(c.total) +
                      " strings");
        for (const TopicString &s : c.untranslated)
            say(file, "translation " + c.locale + ": untranslated " + s.field + ": \"" + s.english + "\"");
    }
    return true;
}

} // namespace

int validate_plugins(const std::vector<std::string> &files, const ProbeSetup &setup) {
    // The same check the kiosk makes, always with a fresh probe (no cache): an author validating a
    // plugin wants it run now.
    ProbeSetup fresh = setup;
    fresh.cache = nullptr;
    bool all_pass = true;
    for (const PluginCheck &c : check_plugins(files, fresh)) all_pass = report(c) && all_pass;
    std::fflush(stdout);
    return all_pass ? 0 : 1;
}

} // namespace hs::app
