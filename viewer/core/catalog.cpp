#include "catalog.hpp"

#include "trust.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

namespace hs {
namespace {

struct Folder {
    std::vector<std::string> files;
    std::optional<Rejection> problem;
};

Catalog load(const std::vector<std::string> &folders, const ProbeSetup *setup, const ContentLimits &limits,
             const TrustPolicy &trust) {
    auto started = std::chrono::steady_clock::now();
    Catalog catalog;
    auto refuse = [&](Rejection r) {
        spdlog::error("plugin {}: {}: {}", kind_name(r.kind), r.plugin, r.reason);
        catalog.rejected.push_back(std::move(r));
    };

    std::vector<Folder> listed;
    std::vector<std::string> all_files;
    for (const std::string &folder : folders) {
        Folder f;
        f.files = list_plugin_files(folder, f.problem);
        // A folder others can write into could have any plugin swapped in: none of it is used.
        if (auto why = f.problem ? std::nullopt : check_folder_permissions(folder)) {
            f.problem = Rejection{folder, *why + "; none of its plugins was loaded", RejectionKind::folder};
            f.files.clear();
        }
        all_files.insert(all_files.end(), f.files.begin(), f.files.end());
        listed.push_back(std::move(f));
    }
    // All at once, so the probes of every folder share the cores.
    std::vector<Vetted> vetted;
    if (setup) vetted = vet_plugins(all_files, *setup, &catalog.vetting);

    size_t n = 0;
    for (Folder &folder : listed) {
        for (const std::string &file : folder.files) {
            const size_t i = n++;
            if (!setup) {
                if (auto why = check_trust(file, trust)) {
                    refuse({file, *why});
                    continue;
                }
            } else {
                if (vetted[i].rejection) {
                    refuse(std::move(*vetted[i].rejection));
                    continue;
                }
                // What passed must be what is loaded: a file replaced since its check waits for
                // the next one.
                if (!unchanged_since(*vetted[i].fingerprint)) {
                    refuse({file, "changed while it was being checked; it is checked again at the next start",
                            RejectionKind::unchecked});
                    continue;
                }
            }
            LoadResult loaded = load_plugin(file, limits);
            if (loaded.rejection) {
                refuse(std::move(*loaded.rejection));
                continue;
            }
            if (const Topic *existing = catalog.find(loaded.topic->id)) {
                refuse({file, "id: duplicate topic id '" + loaded.topic->id + "' (already loaded from " +
                                  existing->plugin_path + ")"});
                continue;
            }
            spdlog::info("topic loaded: {} {} from {}", loaded.topic->id, loaded.topic->version, file);
            catalog.topics.push_back(std::move(*loaded.topic));
        }
        if (folder.problem) refuse(std::move(*folder.problem));
    }
    std::stable_sort(catalog.topics.begin(), catalog.topics.end(), [](const Topic &a, const Topic &b) {
        return a.category != b.category ? a.category < b.category : a.title < b.title;
    });
    if (setup) {
        if (setup->cache) setup->cache->save();
        spdlog::info("{} plugin(s) checked in {:.2f} s: {} probed, {} known from the cache", all_files.size(),
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                     catalog.vetting.probed, catalog.vetting.from_cache);
    }
    return catalog;
}

} // namespace

const Topic *Catalog::find(const std::string &id) const {
    for (const Topic &t : topics)
        if (t.id == id) return &t;
    return nullptr;
}

Catalog load_catalog(const std::vector<std::string> &folders, const ProbeSetup &setup, const ContentLimits &limits) {
    return load(folders, &setup, limits, setup.trust);
}

Catalog load_catalog(const std::vector<std::string> &folders, const ContentLimits &limits, const TrustPolicy &trust) {
    return load(folders, nullptr, limits, trust);
}

} // namespace hs
