// The characters a catalog shows (see used_characters.hpp).
#include "used_characters.hpp"

#include "catalog.hpp"
#include "search.hpp"

#include <algorithm>

namespace hs {
namespace {

// Marks each character of `s` in `seen` (a bit per code point of Unicode: 136 KiB, and no
// allocation per string, for catalogs of thousands of topics).
void mark(std::string_view s, std::vector<uint64_t> &seen) {
    for (size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) { // the catalog checked its UTF-8: this is only a guard
            ++i;
            continue;
        }
        char32_t cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
        for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += n;
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp > 0x10FFFF) continue; // drawn as nothing
        seen[cp >> 6] |= uint64_t{1} << (cp & 63);
    }
}

Characters listed(const std::vector<uint64_t> &seen) {
    Characters out;
    for (size_t w = 0; w < seen.size(); ++w)
        for (uint64_t bits = seen[w]; bits; bits &= bits - 1)
            out.push_back(static_cast<char32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
    return out;
}

} // namespace

std::string_view interface_text() {
    // The language names (each in its own language). The viewer's translated words join them
    // in the kiosk's layout (UiText::add_characters_to).
    return "English Español 中文 简体中文";
}

Characters used_characters(const Catalog &catalog) {
    std::vector<uint64_t> seen((0x10FFFF >> 6) + 1, 0);
    mark(interface_text(), seen);
    for (const Topic &t : catalog.topics) {
        for_each_field(t, [&](MatchPlace, const std::string &text, int, int, int) { mark(text, seen); });
        mark(t.category, seen);
        mark(t.applies_to, seen);
        for (const Translation &tr : t.translations)
            for (const auto &[english, translated] : *tr.strings) mark(translated, seen);
    }
    return listed(seen);
}

void add_characters(std::string_view utf8, Characters &into) {
    std::vector<uint64_t> seen((0x10FFFF >> 6) + 1, 0);
    for (char32_t c : into) seen[c >> 6] |= uint64_t{1} << (c & 63);
    mark(utf8, seen);
    into = listed(seen);
}

} // namespace hs
