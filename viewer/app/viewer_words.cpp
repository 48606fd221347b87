#include "viewer_words.hpp"

#include "paths.hpp"

#include "core/languages.hpp"
#include "core/translation.hpp"

#include <spdlog/spdlog.h>

namespace hs::app {
namespace {

bool has_words(const UiText &text, const std::string &language) {
    for (const std::string &l : fallback_locales(language))
        if (text.has(l)) return true;
    return false;
}

} // namespace

UiText load_viewer_words(const Config &config, std::vector<std::string> &problems) {
    std::string folder = viewer_locale_folder();
    std::vector<std::string> found;
    UiText text = UiText::load(folder, found);
    for (const std::string &l : config.languages.offered)
        if (l != kSourceLanguage && !has_words(text, l))
            found.push_back("language " + l + ": no catalog of the viewer's words in " + folder +
                            " (its screens stay in English; topics still show their translation)");
    for (const std::string &p : found) spdlog::warn("{}", p);
    std::string have;
    for (const std::string &l : text.languages()) have += (have.empty() ? "" : ", ") + l;
    spdlog::info("viewer words: {} (from {})", have.empty() ? "English only" : "English, " + have, folder);
    problems.insert(problems.end(), found.begin(), found.end());
    return text;
}

} // namespace hs::app
