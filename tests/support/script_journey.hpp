// A replayed journey's script and what came of it (the run, the last --dump-ui), described for
// INFO(): the search and language journeys read their results the same way.
#pragma once

#include "display.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace e2e {

struct ScriptJourney {
    std::string script;
    Run run;
    nlohmann::json ui;
    std::string describe() const {
        return "--- script:\n" + script + "--- exit " + std::to_string(run.exit_code) +
               "\n--- ui: " + (ui.is_null() ? std::string("none") : ui.dump()) + "\n--- stderr:\n" + run.err;
    }
};

} // namespace e2e
