#include "translation.hpp"

#include <set>

namespace hs {
namespace {

bool all(std::string_view s, bool (*pred)(char)) {
    for (char c : s)
        if (!pred(c)) return false;
    return true;
}
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

// Calls fn(field, role, text) for every translatable string of `t`, in reading order. A template
// so that topic_strings() reads and localize() rewrites through the same walk.
template <typename T, typename Fn> void each_string(T &t, Fn fn) {
    fn("title", "the topic's title, what the customer taps", t.title);
    fn("summary", "one line under the title on the home screen", t.summary);
    fn("category", "the group of topics on the home screen", t.category);
    fn("applies_to", "the devices the steps are written for", t.applies_to);
    for (size_t i = 0; i < t.symptoms.size(); ++i)
        fn("symptoms[" + std::to_string(i) + "]", "symptom " + std::to_string(i + 1) + ": what the customer sees",
           t.symptoms[i]);
    fn("why", "why it happens", t.why);
    for (size_t i = 0; i < t.fixes.size(); ++i) {
        auto &f = t.fixes[i];
        std::string field = "fixes[" + std::to_string(i) + "]", fix = "fix " + std::to_string(i + 1);
        fn(field + ".title", fix + ": its title", f.title);
        fn(field + ".intro", fix + ": when and why to try it", f.intro);
        for (size_t j = 0; j < f.steps.size(); ++j) {
            auto &s = f.steps[j];
            std::string sf = field + ".steps[" + std::to_string(j) + "]", step = fix + ", step " + std::to_string(j + 1);
            fn(sf + ".text", step + ": the instruction", s.text);
            fn(sf + ".note", step + ": a note under the instruction", s.note);
            fn(sf + ".caution", step + ": a warning under the instruction", s.caution);
        }
        fn(field + ".outcome", fix + ": what to check after the last step", f.outcome);
    }
    for (size_t i = 0; i < t.faq.size(); ++i) {
        std::string field = "faq[" + std::to_string(i) + "]", q = "FAQ " + std::to_string(i + 1);
        fn(field + ".question", q + ": the question", t.faq[i].question);
        fn(field + ".answer", q + ": the answer", t.faq[i].answer);
    }
    // Alt texts are read aloud in the customer's language; support URLs are addresses, not text.
    for (size_t i = 0; i < t.images.size(); ++i)
        fn("images[" + std::to_string(i) + "].alt",
           "what the picture '" + t.images[i].name + "' shows, for customers who cannot see it", t.images[i].alt);
    fn("ask_team_note", "shown when no fix worked, on the ask-a-team-member screen", t.ask_team_note);
}

// The catalogs `locale` reads from, most specific first.
std::vector<const Translation *> chain(const Topic &topic, std::string_view locale) {
    std::vector<const Translation *> out;
    for (const std::string &l : fallback_locales(locale))
        if (const Translation *t = find_translation(topic, l)) out.push_back(t);
    return out;
}

const std::string &lookup(const std::vector<const Translation *> &catalogs, const std::string &english) {
    for (const Translation *t : catalogs) {
        auto it = t->strings->find(english);
        if (it != t->strings->end()) return it->second;
    }
    return english;
}

} // namespace

std::string normalize_locale(std::string_view locale) {
    locale = locale.substr(0, locale.find_first_of(".@")); // encoding and modifier say nothing of the language
    size_t sep = locale.find_first_of("-_");
    std::string_view lang = locale.substr(0, sep);
    if (lang.size() < 2 || lang.size() > 3 || !all(lang, alpha)) return {};
    std::string out;
    for (char c : lang) out += lower(c);
    if (sep == std::string_view::npos) return out;
    std::string_view region = locale.substr(sep + 1);
    if (region.size() == 2 && all(region, alpha)) {
        out += '-';
        for (char c : region) out += upper(c);
    } else if (region.size() == 3 && all(region, digit)) {
        out += '-';
        out += region;
    } else if (region.size() == 4 && all(region, alpha)) { // a script: zh_Hant -> zh-Hant
        out += '-';
        out += upper(region[0]);
        for (char c : region.substr(1)) out += lower(c);
    } else {
        return {};
    }
    return out;
}

std::vector<std::string> fallback_locales(std::string_view locale) {
    std::string l = normalize_locale(locale);
    if (l.empty()) return {};
    std::vector<std::string> out{l};
    size_t dash = l.find('-');
    if (dash != std::string::npos) out.push_back(l.substr(0, dash));
    return out;
}

const Translation *find_translation(const Topic &topic, std::string_view locale) {
    std::string l = normalize_locale(locale);
    for (const Translation &t : topic.translations)
        if (t.locale == l) return &t;
    return nullptr;
}

const std::string &translate(const Topic &topic, std::string_view locale, const std::string &english) {
    return lookup(chain(topic, locale), english);
}

Topic localize(const Topic &topic, std::string_view locale) {
    Topic out = topic;
    std::vector<const Translation *> catalogs = chain(topic, locale);
    if (catalogs.empty()) return out;
    each_string(out, [&](const std::string &, const std::string &, std::string &text) {
        if (!text.empty()) text = lookup(catalogs, text);
    });
    return out;
}

std::vector<TopicString> topic_strings(const Topic &topic) {
    std::vector<TopicString> out;
    each_string(topic, [&](const std::string &field, const std::string &role, const std::string &text) {
        if (!text.empty()) out.push_back({field, role, text});
    });
    return out;
}

std::vector<Coverage> coverage(const Topic &topic) {
    std::vector<TopicString> strings = topic_strings(topic);
    std::vector<Coverage> out;
    for (const Translation &t : topic.translations) {
        Coverage c;
        c.locale = t.locale;
        std::vector<const Translation *> catalogs = chain(topic, t.locale);
        std::set<std::string> seen;
        for (const TopicString &s : strings) {
            if (!seen.insert(s.english).second) continue;
            ++c.total;
            if (&lookup(catalogs, s.english) != &s.english)
                ++c.translated;
            else
                c.untranslated.push_back(s);
        }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace hs
