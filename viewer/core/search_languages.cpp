// One search index per language (see search_languages.hpp).
#include "search_languages.hpp"

#include "translation.hpp"

namespace hs {
namespace {

// Whether any topic has a catalog on `locale`'s fallback: if none has, the language shows the
// English text and searches it with the English index.
bool translated(const Catalog &catalog, std::string_view locale) {
    std::vector<std::string> chain = fallback_locales(locale);
    for (const Topic &t : catalog.topics)
        for (const std::string &l : chain)
            if (find_translation(t, l)) return true;
    return false;
}

} // namespace

std::shared_ptr<const LanguageSearch> build_language_search(const std::shared_ptr<const Catalog> &catalog,
                                                            std::string_view locale) {
    auto out = std::make_shared<LanguageSearch>();
    std::string normal = normalize_locale(locale);
    if (normal.empty() || normal == "en" || !translated(*catalog, normal)) {
        out->locale = "en";
        out->topics = std::shared_ptr<const std::vector<Topic>>(catalog, &catalog->topics); // shares the catalog
        out->index = search_index(*catalog);
        return out;
    }
    auto topics = std::make_shared<std::vector<Topic>>();
    topics->reserve(catalog->topics.size());
    for (const Topic &t : catalog->topics) topics->push_back(localize(t, normal));
    out->locale = normal;
    out->index = SearchIndex::build(*topics);
    out->topics = std::move(topics);
    return out;
}

std::shared_ptr<const Catalog> catalog_in_language(const std::shared_ptr<const Catalog> &catalog,
                                                   std::string_view locale) {
    if (locale.empty()) return catalog;
    std::shared_ptr<const LanguageSearch> search = build_language_search(catalog, locale);
    auto out = std::make_shared<Catalog>(*catalog);
    out->topics = *search->topics;
    out->search = search->index; // built from these very topics
    return out;
}

std::shared_future<std::shared_ptr<const LanguageSearch>> &LanguageSearches::started(std::string_view locale) {
    std::string key = normalize_locale(locale);
    if (key.empty()) key = "en";
    auto it = builds_.find(key);
    if (it != builds_.end()) return it->second;
    std::shared_future<std::shared_ptr<const LanguageSearch>> build;
    if (key == "en") {
        // The catalog's own index: nothing to build, nothing to wait for.
        std::promise<std::shared_ptr<const LanguageSearch>> ready;
        ready.set_value(build_language_search(catalog_, key));
        build = ready.get_future().share();
    } else {
        build = std::async(std::launch::async, [catalog = catalog_, key] { return build_language_search(catalog, key); })
                    .share();
    }
    return builds_.emplace(key, std::move(build)).first->second;
}

std::shared_ptr<const LanguageSearch> LanguageSearches::get(std::string_view locale) {
    std::lock_guard lock(mutex_);
    auto &build = started(locale);
    return build.wait_for(std::chrono::seconds(0)) == std::future_status::ready ? build.get() : nullptr;
}

std::shared_ptr<const LanguageSearch> LanguageSearches::wait(std::string_view locale) {
    std::shared_future<std::shared_ptr<const LanguageSearch>> build;
    {
        std::lock_guard lock(mutex_);
        build = started(locale);
    }
    return build.get();
}

} // namespace hs
