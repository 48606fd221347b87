#include "export_pot.hpp"

#include "core/pot.hpp"

#include <cstdio>

namespace hs::app {

int export_pot(const std::string &file, const ProbeSetup &setup) {
    ProbeSetup fresh = setup;
    fresh.cache = nullptr; // as --validate: the author wants the plugin as it is now
    std::vector<PluginCheck> checks = check_plugins({file}, fresh);
    const PluginCheck &c = checks.front();
    if (!c.topic) {
        for (const PluginProblem &p : c.problems)
            std::fprintf(stderr, "%s: %s (%s): %s\n", file.c_str(), kind_name(p.kind), stage_name(p.stage),
                         p.text().c_str());
        return 1;
    }
    std::string pot = write_pot(*c.topic);
    std::fwrite(pot.data(), 1, pot.size(), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace hs::app
