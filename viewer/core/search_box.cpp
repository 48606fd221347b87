// The words typed into search and their results (see search_box.hpp).
#include "search_box.hpp"

#include "catalog.hpp"
#include "search_text.hpp"

namespace hs {

bool SearchBox::type(unsigned cp) {
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return false;
    // One space between words is enough, and none before the first.
    if (cp == ' ' && (query_.empty() || query_.back() == ' ')) return false;
    char buf[4];
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (query_.size() + n > kMaxBytes) return false;
    if (n == 1) {
        buf[0] = static_cast<char>(cp);
    } else if (n == 2) {
        buf[0] = static_cast<char>(0xC0 | (cp >> 6));
        buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (n == 3) {
        buf[0] = static_cast<char>(0xE0 | (cp >> 12));
        buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        buf[0] = static_cast<char>(0xF0 | (cp >> 18));
        buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
    }
    query_.append(buf, n);
    return true;
}

bool SearchBox::type(const std::string &utf8) {
    bool any = false;
    for (size_t i = 0; i < utf8.size();) {
        auto b = static_cast<unsigned char>(utf8[i]);
        size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > utf8.size()) { // not UTF-8: skipped
            ++i;
            continue;
        }
        unsigned cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
        for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        any = type(cp) || any;
        i += n;
    }
    return any;
}

void SearchBox::backspace() {
    while (!query_.empty() && (static_cast<unsigned char>(query_.back()) & 0xC0) == 0x80) query_.pop_back();
    if (!query_.empty()) query_.pop_back();
}

bool SearchBox::query_has_words() const { return !split_words(query_).empty(); }

const std::vector<SearchHit> &SearchBox::results(const Catalog &catalog, const Catalog *fallback) {
    const std::shared_ptr<const SearchIndex> &index = catalog.search;
    if (index != searched_index_ || query_ != searched_) {
        hits_ = index ? index->search(catalog.topics, query_) : std::vector<SearchHit>{};
        if (hits_.empty() && fallback && fallback->search) hits_ = fallback->search->search(fallback->topics, query_);
        searched_ = query_;
        searched_index_ = index;
        ++version_;
    }
    return hits_;
}

} // namespace hs
