#include "pot.hpp"

#include "translation.hpp"

#include <map>

namespace hs {
namespace {

std::string escape(const std::string &s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace

std::string po_quote(const std::string &text) {
    size_t nl = text.find('\n');
    if (nl == std::string::npos || nl + 1 == text.size()) return "\"" + escape(text) + "\"";
    std::string out = "\"\"";
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find('\n', at);
        end = end == std::string::npos ? text.size() : end + 1;
        out += "\n\"" + escape(text.substr(at, end - at)) + "\"";
        at = end;
    }
    return out;
}

std::string write_pot(const Topic &topic) {
    std::string out;
    out += "# Translation template of the Help Station topic \"" + topic.title + "\" (" + topic.id + " " +
           topic.version + ").\n";
    out += "# Made by helpstation --export-pot from the plugin. Copy it to po/LOCALE.po beside topic.cpp\n";
    out += "# (po/es.po, po/es_MX.po), translate, and list it in add_help_topic(... TRANSLATIONS ...).\n";
    out += "# Keep the English text as msgid: the kiosk finds a translation by it.\n";
    out += "#\n#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n";
    for (const char *line : {"Project-Id-Version: ", "Report-Msgid-Bugs-To: \\n", "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n",
                             "Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n", "Language-Team: LANGUAGE <LL@li.org>\\n",
                             "Language: \\n", "MIME-Version: 1.0\\n", "Content-Type: text/plain; charset=UTF-8\\n",
                             "Content-Transfer-Encoding: 8bit\\n"}) {
        std::string l = line;
        if (l == "Project-Id-Version: ") l += escape(topic.id + " " + topic.version) + "\\n";
        out += "\"" + l + "\"\n";
    }

    // Distinct strings in order of first appearance, each with every place it appears.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const TopicString *>> places;
    std::vector<TopicString> strings = topic_strings(topic);
    for (const TopicString &s : strings) {
        auto &p = places[s.english];
        if (p.empty()) order.push_back(s.english);
        p.push_back(&s);
    }
    for (const std::string &english : order) {
        out += "\n";
        for (const TopicString *s : places[english]) out += "#. " + s->field + ": " + s->role + "\n";
        out += "msgid " + po_quote(english) + "\nmsgstr \"\"\n";
    }
    return out;
}

} // namespace hs
