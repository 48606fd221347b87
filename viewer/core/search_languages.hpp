// Search in the customer's language. Each language has its own index, built from the catalog's
// topics localized into it (translation.hpp), so a query finds the words the customer reads, and
// results show them. English is the catalog's own index (built with the catalog, by the plugin
// host's worker). Another language's is built the first time that language is searched, on a
// thread of its own: never on the UI thread, which asks again on a later frame. No GL, no ImGui.
#pragma once

#include "catalog.hpp"
#include "search.hpp"

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hs {

// One language's search over one catalog.
struct LanguageSearch {
    std::string locale; // normalized ("zh-CN"); "en" for the catalog's own text
    std::shared_ptr<const std::vector<Topic>> topics; // in that language, in the catalog's order
    std::shared_ptr<const SearchIndex> index;          // built from `topics`

    std::vector<SearchHit> search(std::string_view query, size_t limit = 20) const {
        return index->search(*topics, query, limit);
    }
};

// `locale`'s search over `catalog`, built now on the calling thread. A locale no topic has a
// catalog for (down its fallback), "en" or an invalid one gives the catalog's own (English) index.
std::shared_ptr<const LanguageSearch> build_language_search(const std::shared_ptr<const Catalog> &catalog,
                                                            std::string_view locale);

// A copy of `catalog` with every topic in `locale` (English where not translated) and its own
// search index: what the screens show in that language. An empty locale gives `catalog` itself.
std::shared_ptr<const Catalog> catalog_in_language(const std::shared_ptr<const Catalog> &catalog,
                                                   std::string_view locale);

// The searches of one catalog, one per language, each built once.
class LanguageSearches {
public:
    explicit LanguageSearches(std::shared_ptr<const Catalog> catalog) : catalog_(std::move(catalog)) {}
    LanguageSearches(const LanguageSearches &) = delete;
    LanguageSearches &operator=(const LanguageSearches &) = delete;
    ~LanguageSearches() = default; // a build under way is waited for (std::async's future)

    // `locale`'s search if it is built; otherwise starts building it (once, on its own thread) and
    // returns null: ask again later. English is always ready.
    std::shared_ptr<const LanguageSearch> get(std::string_view locale);
    // The same, waiting for the build (the command line, tests).
    std::shared_ptr<const LanguageSearch> wait(std::string_view locale);

    const std::shared_ptr<const Catalog> &catalog() const { return catalog_; }

private:
    std::shared_future<std::shared_ptr<const LanguageSearch>> &started(std::string_view locale);

    std::shared_ptr<const Catalog> catalog_;
    std::mutex mutex_;
    std::map<std::string, std::shared_future<std::shared_ptr<const LanguageSearch>>, std::less<>> builds_;
};

} // namespace hs
