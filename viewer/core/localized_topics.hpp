// The topics in the visit's language, localized once per topic and language and kept: a frame
// asks for the topic it draws many times, and localize() copies the whole topic. No GL, no ImGui.
#pragma once

#include "catalog.hpp"
#include "content.hpp"

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace hs {

class LocalizedTopics {
public:
    // `english` in `language` (translation.hpp, localize). The English topic itself when the
    // language is the source or the topic has no catalog on its fallback. The reference stays
    // valid until clear() or until the same topic id is asked for with a new English topic (a
    // new catalog carries a new copy of each topic; its localization is then made again).
    const Topic &get(const Topic &english, const std::string &language);
    // The whole catalog in `language`, with a search index over the localized text (so a customer
    // searches in the words they read), made when the language is first searched in and kept
    // until the English catalog's index changes. `english` itself for the source language.
    const Catalog &catalog(const Catalog &english, const std::string &language);
    void clear() {
        cache_.clear();
        catalogs_.clear();
    }
    size_t size() const { return cache_.size(); }

private:
    struct Entry {
        const Topic *source = nullptr;
        std::unique_ptr<Topic> localized;
    };
    std::map<std::pair<std::string, std::string>, Entry> cache_; // (topic id, language)
    struct CatalogEntry {
        const SearchIndex *source = nullptr; // the English catalog's index it was made for
        std::unique_ptr<Catalog> localized;
    };
    std::map<std::string, CatalogEntry> catalogs_; // by language
};

} // namespace hs
