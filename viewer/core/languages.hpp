// The languages a customer can pick, each shown by its own name ("Español", "中文"), never by a
// flag: a flag is a country, and Spanish is read from Madrid to Los Angeles. No GL, no ImGui.
//
// A language is a normalized locale (translation.hpp, normalize_locale): "en", "es", "zh-CN".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hs {

// The language the viewer's words and every topic are written in (the source text).
inline constexpr const char *kSourceLanguage = "en";

// A language's name in that language ("es" -> "Español", "zh-CN" -> "中文"), or "" when the
// viewer does not know it (a locale the kiosk cannot offer, since nobody could recognise it).
// A region falls back to its language ("es-MX" -> "Español").
std::string own_name(std::string_view locale);

// The kiosk's languages: the one each visit starts in, and the ones on offer (the default first
// among them, in the order the operator wrote them otherwise).
struct LanguageSettings {
    std::string default_language = kSourceLanguage;
    std::vector<std::string> offered = {kSourceLanguage, "es", "zh-CN"};
};

} // namespace hs
