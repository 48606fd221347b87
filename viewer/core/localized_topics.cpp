#include "localized_topics.hpp"

#include "languages.hpp"
#include "search.hpp"
#include "translation.hpp"

namespace hs {

const Topic &LocalizedTopics::get(const Topic &english, const std::string &language) {
    if (language == kSourceLanguage || english.translations.empty()) return english;
    Entry &e = cache_[{english.id, language}];
    if (e.source != &english || !e.localized) {
        e.source = &english;
        e.localized = std::make_unique<Topic>(localize(english, language));
    }
    return *e.localized;
}

const Catalog &LocalizedTopics::catalog(const Catalog &english, const std::string &language) {
    if (language == kSourceLanguage) return english;
    CatalogEntry &e = catalogs_[language];
    if (!e.localized || e.source != english.search.get()) {
        auto c = std::make_unique<Catalog>(english);
        for (Topic &t : c->topics)
            if (!t.translations.empty()) t = localize(t, language);
        // Built here, on the UI thread, the first time a visit searches in this language: a few
        // ms for the bundled topics (the English index is built by the plugin host's worker).
        c->search = SearchIndex::build(c->topics);
        e.source = english.search.get();
        e.localized = std::move(c);
    }
    return *e.localized;
}

} // namespace hs
