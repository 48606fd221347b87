// What a customer has typed into search during their visit, and the results for it. No GL, no
// ImGui: the on-screen keyboard, a physical keyboard and --replay all edit it the same way, and
// the results are worked out again only when the words or the catalog's index change.
#pragma once

#include "search.hpp"

#include <memory>
#include <string>
#include <vector>

namespace hs {

class SearchBox {
public:
    static constexpr size_t kMaxBytes = 80; // a problem in a few words, not an essay

    const std::string &query() const { return query_; }
    // Typed text: letters, digits and spaces (other control characters are ignored). False
    // when nothing was added (full, or not text).
    bool type(unsigned codepoint);
    bool type(const std::string &utf8); // every character of it
    void backspace();                   // the last character, whole (UTF-8)
    void clear() { query_.clear(); }

    // The results for the current words in `catalog` (searched again only when the words or the
    // catalog's index changed). When they find nothing there and `fallback` is given (the English
    // catalog, when `catalog` is a translation of it), in `fallback`.
    const std::vector<SearchHit> &results(const Catalog &catalog, const Catalog *fallback = nullptr);
    const std::vector<SearchHit> &last_results() const { return hits_; }
    unsigned version() const { return version_; } // changes whenever the results are worked out again
    // True when there are words and they found nothing.
    bool nothing_found() const { return query_has_words() && searched_index_ && hits_.empty(); }
    bool query_has_words() const;

private:
    std::string query_;
    std::string searched_;
    std::shared_ptr<const SearchIndex> searched_index_;
    std::vector<SearchHit> hits_;
    unsigned version_ = 0;
};

} // namespace hs
