#include "catalog.hpp"

#include "plugin_host.hpp"

namespace hs {

const Topic *Catalog::find(const std::string &id) const {
    for (const Topic &t : topics)
        if (t.id == id) return &t;
    return nullptr;
}

Catalog load_catalog(const std::vector<std::string> &folders, const ProbeSetup &setup) {
    PluginHostSetup host_setup;
    host_setup.folders = folders;
    host_setup.probe = setup;
    PluginHost host(host_setup);
    host.scan();
    return *host.catalog();
}

} // namespace hs
