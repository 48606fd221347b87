#include "topic_list.hpp"

#include "translation.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace hs {

std::string list_topics_text(const Catalog &catalog) {
    std::ostringstream out;
    out << catalog.topics.size() << " topic(s) loaded\n";
    for (const Topic &t : catalog.topics) {
        out << "  " << t.id << " " << t.version << "  \"" << t.title << "\"  [" << t.category << "]\n"
            << "      " << t.fixes.size() << " fixes, " << t.step_count() << " steps, " << t.faq.size()
            << " FAQ entries, " << t.images.size() << " pictures  (" << t.plugin_path << ")\n";
        if (t.translations.empty()) continue;
        out << "      languages: en (source)";
        for (const Coverage &c : coverage(t)) out << ", " << c.locale << " " << c.translated << "/" << c.total;
        out << "\n";
    }
    out << catalog.rejected.size() << " plugin(s) rejected\n";
    for (const Rejection &r : catalog.rejected)
        out << "  " << r.plugin << "\n      " << kind_name(r.kind) << ": " << r.reason << "\n";
    if (!catalog.shadowed.empty()) out << catalog.shadowed.size() << " plugin(s) shadowed by a higher version\n";
    for (const Rejection &r : catalog.shadowed) out << "  " << r.plugin << "\n      " << r.reason << "\n";
    return out.str();
}

std::string list_topics_json(const Catalog &catalog) {
    nlohmann::json doc = {{"topics", nlohmann::json::array()}, {"rejected", nlohmann::json::array()}};
    for (const Topic &t : catalog.topics) {
        // Each translation's coverage as the customer sees it (down its fallback), source first.
        nlohmann::json languages = nlohmann::json::array({{{"locale", "en"}, {"source", true}}});
        for (const Coverage &c : coverage(t))
            languages.push_back({{"locale", c.locale}, {"translated", c.translated}, {"strings", c.total}});
        doc["topics"].push_back({{"id", t.id},
                                 {"title", t.title},
                                 {"version", t.version},
                                 {"category", t.category},
                                 {"plugin", t.plugin_path},
                                 {"fixes", t.fixes.size()},
                                 {"steps", t.step_count()},
                                 {"faq", t.faq.size()},
                                 {"images", t.images.size()},
                                 {"languages", languages}});
    }
    for (const Rejection &r : catalog.rejected)
        doc["rejected"].push_back({{"plugin", r.plugin}, {"kind", kind_name(r.kind)}, {"reason", r.reason}});
    doc["shadowed"] = nlohmann::json::array();
    for (const Rejection &r : catalog.shadowed) doc["shadowed"].push_back({{"plugin", r.plugin}, {"reason", r.reason}});
    // A file name need not be UTF-8: replace bad bytes rather than fail the whole report.
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace hs
