#include "languages.hpp"

#include "translation.hpp"

#include <utility>

namespace hs {

std::string own_name(std::string_view locale) {
    // Endonyms, as each language writes its own name (CLDR). Chinese is offered as written: the
    // simplified script says "中文" either way; a traditional catalog would be zh-TW, "繁體中文".
    static const std::pair<const char *, const char *> kNames[] = {
        {"en", "English"},          {"es", "Español"},    {"zh-CN", "中文"},       {"zh-TW", "繁體中文"},
        {"zh", "中文"},             {"ar", "العربية"},    {"fr", "Français"},     {"de", "Deutsch"},
        {"pt", "Português"},        {"it", "Italiano"},   {"vi", "Tiếng Việt"},   {"ko", "한국어"},
        {"ja", "日本語"},           {"ru", "Русский"},    {"pl", "Polski"},       {"tl", "Tagalog"},
        {"nl", "Nederlands"},       {"tr", "Türkçe"},     {"uk", "Українська"},   {"hi", "हिन्दी"},
    };
    for (const std::string &l : fallback_locales(locale))
        for (const auto &[code, name] : kNames)
            if (l == code) return name;
    return {};
}

} // namespace hs
