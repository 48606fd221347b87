// The viewer's own words ("Home", "Did this fix it?") in the customer's language, the gettext
// way: the English text in the code is the msgid, marked with tr("...") (or N_("...") where it is
// only named, trf("...", ...) where it has numbers) so that xgettext finds it; viewer/po/<lang>.po
// holds the translations, compiled by msgfmt at build time into <lang>.mo, which mo_file reads.
// A string is looked up down the language's fallback (es-MX, es, English), one string at a time,
// like a topic's (translation.hpp). No GL, no ImGui.
//
// Numbers go into a string by position, "Fix {0} of {1}", so a translator sees them and may move
// them ("第 {0} 个方法，共 {1} 个").
#pragma once

#include "used_characters.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

// Marks a string for xgettext where it is only named, not shown yet (a constant).
#define N_(english) english

namespace hs {

// "Fix {0} of {1}" with {"2", "5"} -> "Fix 2 of 5". "{{" is a literal "{"; a {N} with no argument
// is left as written, so a translator's typo shows instead of vanishing.
std::string fill(std::string_view pattern, const std::vector<std::string> &args);

// Every catalog of the viewer's words it was installed with, one per language.
class UiText {
public:
    using Strings = std::map<std::string, std::string, std::less<>>; // English -> translation

    // Reads every <locale>.mo in `folder` (es.mo, zh_CN.mo). A catalog that is not a valid .mo is
    // left out and said in `problems` ("FILE: REASON"); a missing folder is no catalog at all.
    static UiText load(const std::string &folder, std::vector<std::string> &problems);

    void add(const std::string &locale, Strings strings); // `locale` normalized on the way in
    bool has(std::string_view locale) const;             // a catalog for exactly this language
    std::vector<std::string> languages() const;           // those with a catalog, sorted

    // `english` in `language`, down its fallback; nullptr when no catalog on the way has it.
    const std::string *find(std::string_view language, std::string_view english) const;

    // Every character of every translation added to `into`: the font atlas must hold them (the
    // attract screen speaks each offered language, whatever the visit's).
    void add_characters_to(Characters &into) const;

private:
    std::map<std::string, Strings, std::less<>> catalogs_;
};

// The viewer's words in one language: what a frame's screens read through ctx.tr().
class Words {
public:
    Words() = default;
    Words(const UiText *text, std::string language) : text_(text), language_(std::move(language)) {}

    const std::string &language() const { return language_; }
    const UiText *text() const { return text_; }
    // The same words in another language (the attract screen speaks each offered one in turn).
    Words in(std::string language) const { return Words(text_, std::move(language)); }
    // The translation, or `english` itself (the pointer stays valid as long as the UiText).
    const char *operator()(const char *english) const;
    // The translation of `pattern` with its {0}, {1}... filled in.
    std::string format(const char *pattern, const std::vector<std::string> &args) const {
        return fill((*this)(pattern), args);
    }

private:
    const UiText *text_ = nullptr;
    std::string language_ = "en";
};

} // namespace hs
