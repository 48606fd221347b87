// The characters the customer can be shown: what the font atlas must hold. No GL, no ImGui.
//
// ImGui 1.86's atlas cannot grow after it is built, and Chinese has tens of thousands of
// characters: all of CJK at every text size would be 64-128 MiB of texture, the characters a
// catalog uses about 1 MiB. So the atlas is built for this set, worked out once per catalog (by
// the plugin host's worker, with the search index) and built again when it changes.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace hs {

struct Catalog;
struct Topic;

// Code points, ascending, each once.
using Characters = std::vector<char32_t>;

// The text the viewer itself shows that no topic carries: each language's own name, as the
// language button shows it.
std::string_view interface_text();

// Every character of every text the catalog's topics show, in English and in each language
// their catalogs carry, and of interface_text(). Control characters are left out.
Characters used_characters(const Catalog &catalog);

// The characters of `utf8` added to `into` (a sorted set), skipping malformed bytes.
void add_characters(std::string_view utf8, Characters &into);

} // namespace hs
