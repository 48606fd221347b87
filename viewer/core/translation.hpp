// A topic in the customer's language. The English text the plugin wrote is the source; each
// Translation (content.hpp) maps English strings to one language. A string is looked up string by
// string down the locale's fallback: es-MX, then es, then the English source. So a regional
// catalog need only hold what differs, and a half-done catalog shows the rest in English.
//
// topic_strings() is the one list of what is translatable in a topic and what each string is; the
// .pot export (pot.hpp), the coverage --validate reports and localize() all walk it.
#pragma once

#include "content.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hs {

// "es_MX.UTF-8@x", "ES-mx" -> "es-MX"; "" when it is not language[-_territory] (2-3 letters,
// then 2 letters, 3 digits or a 4-letter script). One spelling for matching and for showing.
std::string normalize_locale(std::string_view locale);

// "es-MX" -> {"es-MX", "es"}; "es" -> {"es"}; an invalid locale -> {}.
std::vector<std::string> fallback_locales(std::string_view locale);

// The translation for `locale` exactly (normalized), or nullptr.
const Translation *find_translation(const Topic &topic, std::string_view locale);

// `english` in `locale`, down the fallback; `english` itself when no catalog on the way has it.
const std::string &translate(const Topic &topic, std::string_view locale, const std::string &english);

// A copy of `topic` with every translatable string in `locale` (English where not translated).
// "en" or any locale the topic has no catalog for gives the topic unchanged.
Topic localize(const Topic &topic, std::string_view locale);

// One translatable string of a topic: its field ("fixes[0].steps[2].text"), what it is for a
// translator ("fix 1, step 3: the instruction") and the English text. Empty optional strings are
// not listed. In the order the customer meets them.
struct TopicString {
    std::string field, role;
    std::string english;
};
std::vector<TopicString> topic_strings(const Topic &topic);

// How much of the topic one language shows translated (down its fallback): over the distinct
// English strings, as a translator's tool counts them.
struct Coverage {
    std::string locale;
    int translated = 0, total = 0;
    std::vector<TopicString> untranslated; // the first place each untranslated string appears
};
std::vector<Coverage> coverage(const Topic &topic); // one per translation, in the topic's order

} // namespace hs
