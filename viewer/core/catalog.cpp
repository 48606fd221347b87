#include "catalog.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace hs {

const Topic *Catalog::find(const std::string &id) const {
    for (const Topic &t : topics)
        if (t.id == id) return &t;
    return nullptr;
}

Catalog load_catalog(const std::vector<std::string> &folders, const ContentLimits &limits, const TrustPolicy &trust) {
    Catalog catalog;
    auto refuse = [&](Rejection r) {
        spdlog::error("plugin refused: {}: {}", r.plugin, r.reason);
        catalog.rejected.push_back(std::move(r));
    };
    for (const std::string &folder : folders) {
        std::optional<Rejection> folder_problem;
        std::vector<std::string> files = list_plugin_files(folder, folder_problem);
        if (auto why = folder_problem ? std::nullopt : check_folder_permissions(folder)) {
            folder_problem = Rejection{folder, *why + "; none of its plugins was loaded"};
            files.clear();
        }
        for (const std::string &file : files) {
            if (auto why = check_trust(file, trust)) {
                refuse({file, *why});
                continue;
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
        if (folder_problem) refuse(std::move(*folder_problem));
    }
    std::stable_sort(catalog.topics.begin(), catalog.topics.end(), [](const Topic &a, const Topic &b) {
        return a.category != b.category ? a.category < b.category : a.title < b.title;
    });
    return catalog;
}

} // namespace hs
