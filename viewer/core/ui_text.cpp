#include "ui_text.hpp"

#include "mo_file.hpp"
#include "translation.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace hs {

std::string fill(std::string_view pattern, const std::vector<std::string> &args) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            out += '}';
            ++i;
            continue;
        }
        size_t close = c == '{' ? pattern.find('}', i) : std::string_view::npos;
        if (close != std::string_view::npos && close > i + 1 && close - i <= 3) {
            std::string_view digits = pattern.substr(i + 1, close - i - 1);
            bool number = std::all_of(digits.begin(), digits.end(), [](char d) { return d >= '0' && d <= '9'; });
            size_t n = number ? std::stoul(std::string(digits)) : args.size();
            if (n < args.size()) {
                out += args[n];
                i = close;
                continue;
            }
        }
        out += c;
    }
    return out;
}

UiText UiText::load(const std::string &folder, std::vector<std::string> &problems) {
    namespace fs = std::filesystem;
    UiText text;
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".mo") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const fs::path &file : files) {
        std::string locale = normalize_locale(file.stem().string());
        if (locale.empty()) {
            problems.push_back(file.string() + ": the name is not a language (es.mo, zh_CN.mo)");
            continue;
        }
        std::ifstream in(file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        MoFile mo = parse_mo(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
        if (!mo.error.empty()) {
            problems.push_back(file.string() + ": " + mo.error);
            continue;
        }
        text.add(locale, Strings(mo.strings.begin(), mo.strings.end()));
    }
    return text;
}

void UiText::add(const std::string &locale, Strings strings) {
    std::string l = normalize_locale(locale);
    if (!l.empty()) catalogs_[l] = std::move(strings);
}

bool UiText::has(std::string_view locale) const { return catalogs_.find(normalize_locale(locale)) != catalogs_.end(); }

std::vector<std::string> UiText::languages() const {
    std::vector<std::string> out;
    for (const auto &[locale, strings] : catalogs_) out.push_back(locale);
    return out;
}

void UiText::add_characters_to(Characters &into) const {
    std::string all; // one pass over one text: add_characters() sets up a table per call
    for (const auto &[locale, strings] : catalogs_)
        for (const auto &[english, translated] : strings) all += translated;
    add_characters(all, into);
}

const std::string *UiText::find(std::string_view language, std::string_view english) const {
    for (const std::string &l : fallback_locales(language)) {
        auto catalog = catalogs_.find(l);
        if (catalog == catalogs_.end()) continue;
        auto it = catalog->second.find(english);
        if (it != catalog->second.end()) return &it->second;
    }
    return nullptr;
}

const char *Words::operator()(const char *english) const {
    if (text_ == nullptr) return english;
    const std::string *t = text_->find(language_, english);
    return t ? t->c_str() : english;
}

} // namespace hs
