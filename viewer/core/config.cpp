// Reading helpstation.toml. The kiosk must come up whatever the file says, so nothing here throws
// or gives up: each key is checked on its own, a bad one is reported (file, line, dotted key,
// what would have been accepted) and keeps its default, and the rest of the file still applies.
#include "config.hpp"

#include "pin.hpp"
#include "translation.hpp"

#include <sodium.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace hs {
namespace {

namespace fs = std::filesystem;

// Sane bounds. Idle below 15 s would interrupt someone still reading a step; above an hour the
// next visitor inherits the last one's screen. The warning is at least 20 s (WCAG 2.2.1, Timing
// Adjustable) and at most 5 min. The probe timeout bounds how long one hung plugin can delay start.
constexpr int kIdleMin = 15, kIdleMax = 3600;
constexpr int kWarningMin = 20, kWarningMax = 300;
constexpr int kMonitorMin = 0, kMonitorMax = 15;
constexpr int kProbeMin = 100, kProbeMax = 60000;
// A day at least (pruning is daily); ten years at most, far beyond any reporting need.
constexpr int kRetentionMin = 1, kRetentionMax = 3650;
// Far above any real config; keeps a wrong --config (a disk image, a log) from being read whole.
constexpr std::uintmax_t kMaxFileBytes = 1024 * 1024;
constexpr size_t kTrustedKeyBytes = 32; // Ed25519 public key

int line_of(const toml::source_region &r) { return static_cast<int>(r.begin.line); }

std::string lower(std::string s) {
    for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Optimal string alignment distance, so a swapped pair of letters ("idel") counts as one typo.
size_t edit_distance(const std::string &a, const std::string &b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

std::string leaf_of(const std::string &dotted) {
    size_t dot = dotted.rfind('.');
    return dot == std::string::npos ? dotted : dotted.substr(dot + 1);
}

// The closest of `candidates` to `given`, or "" when none is close enough to be a typo. A key
// with the right name in the wrong table ("kiosk.theme") also counts as close.
std::string closest(const std::string &given, const std::vector<std::string> &candidates) {
    const std::string g = lower(given), g_leaf = leaf_of(g);
    std::string best;
    size_t best_score = 3; // more than two edits is a different word, not a typo
    for (const std::string &c : candidates) {
        size_t score = std::min(edit_distance(g, c), edit_distance(g_leaf, leaf_of(c)) + 1);
        if (score < best_score) {
            best_score = score;
            best = c;
        }
    }
    return best;
}

const char *type_name(const toml::node &n) {
    switch (n.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a decimal number";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: return "a date or time";
    case toml::node_type::array: return "a list";
    case toml::node_type::table: return "a table";
    default: return "nothing";
    }
}

std::string quoted(const std::string &s) { return "\"" + s + "\""; }

// Applies one TOML file to a Config, collecting problems.
class Reader {
public:
    Reader(std::string file, fs::path base_dir, ConfigResult &result)
        : file_(std::move(file)), base_dir_(std::move(base_dir)), result_(result) {}

    void problem(int line, const std::string &key, const std::string &reason) {
        result_.problems.push_back({file_, line, key, reason});
    }

    void wrong_type(const toml::node &n, const std::string &key, const char *expected) {
        problem(line_of(n.source()), key, std::string("expected ") + expected + ", got " + type_name(n));
    }

    // An integer in [lo, hi]; nullopt (reported) otherwise. Decimal numbers are refused rather
    // than rounded: "1.5" minutes typed as seconds is a mistake to show, not to guess at.
    std::optional<int> integer(const toml::node &n, const std::string &key, int lo, int hi, const char *unit) {
        const auto *v = n.as_integer();
        if (v == nullptr) {
            wrong_type(n, key, "an integer");
            return std::nullopt;
        }
        int64_t x = v->get();
        if (x < lo || x > hi) {
            problem(line_of(n.source()), key,
                    "must be " + std::to_string(lo) + " to " + std::to_string(hi) + unit + ", got " +
                        std::to_string(x));
            return std::nullopt;
        }
        return static_cast<int>(x);
    }

    std::optional<bool> boolean(const toml::node &n, const std::string &key) {
        const auto *v = n.as_boolean();
        if (v == nullptr) {
            wrong_type(n, key, "true or false");
            return std::nullopt;
        }
        return v->get();
    }

    const std::string *string(const toml::node &n, const std::string &key) {
        const auto *v = n.as_string();
        if (v == nullptr) {
            wrong_type(n, key, "a string");
            return nullptr;
        }
        return &v->get();
    }

    // One of `choices`, as its index; nullopt (reported) otherwise.
    std::optional<size_t> choice(const toml::node &n, const std::string &key, const std::vector<std::string> &choices) {
        const std::string *s = string(n, key);
        if (s == nullptr) return std::nullopt;
        for (size_t i = 0; i < choices.size(); ++i)
            if (*s == choices[i]) return i;
        std::string accepted;
        for (size_t i = 0; i < choices.size(); ++i)
            accepted += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + quoted(choices[i]);
        problem(line_of(n.source()), key, "must be " + accepted + ", got " + quoted(*s));
        return std::nullopt;
    }

    // A list of strings, each passed through `accept` (which reports and returns nullopt for a bad
    // one). Bad entries are dropped and the good ones kept: one mistyped folder should not hide
    // the others, and one malformed key only narrows what is trusted, so it fails closed.
    std::optional<std::vector<std::string>> strings(
        const toml::node &n, const std::string &key,
        const std::function<std::optional<std::string>(const std::string &, const toml::node &, const std::string &)>
            &accept) {
        const auto *arr = n.as_array();
        if (arr == nullptr) {
            wrong_type(n, key, "a list of strings");
            return std::nullopt;
        }
        std::vector<std::string> out;
        for (size_t i = 0; i < arr->size(); ++i) {
            const toml::node &item = *arr->get(i);
            const std::string item_key = key + "[" + std::to_string(i) + "]";
            if (const std::string *s = string(item, item_key))
                if (std::optional<std::string> ok = accept(*s, item, item_key)) out.push_back(std::move(*ok));
        }
        return out;
    }

    const fs::path &base_dir() const { return base_dir_; }

private:
    std::string file_;
    fs::path base_dir_;
    ConfigResult &result_;
};

// A language setting: a locale the viewer can name in its own language ("es", "zh_CN" -> "zh-CN").
std::optional<std::string> language(Reader &r, const std::string &s, const toml::node &n, const std::string &key) {
    std::string l = normalize_locale(s);
    if (l.empty()) {
        r.problem(line_of(n.source()), key, "must be a language such as \"es\" or \"zh-CN\", got " + quoted(s));
        return std::nullopt;
    }
    if (own_name(l).empty()) {
        r.problem(line_of(n.source()), key,
                  "no name known for the language \"" + l + "\" (viewer/core/languages.cpp), so a customer could "
                  "not recognise it");
        return std::nullopt;
    }
    return l;
}

// One known key: its table, its name, and how to check and apply it.
struct KeySpec {
    const char *table;
    const char *name;
    std::function<void(Reader &, const toml::node &, const std::string &, Config &)> apply;
};

const std::vector<KeySpec> &key_specs() {
    static const std::vector<KeySpec> specs = {
        {"kiosk", "idle_seconds",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.integer(n, k, kIdleMin, kIdleMax, " (seconds)")) c.idle_seconds = *v;
         }},
        {"kiosk", "warning_seconds",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             // The lower bound is WCAG's: people who read slowly need 20 s to respond.
             if (auto v = r.integer(n, k, kWarningMin, kWarningMax, " (seconds)")) c.warning_seconds = *v;
         }},
        {"kiosk", "lockdown",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.boolean(n, k)) c.lockdown = *v;
         }},
        {"kiosk", "cursor",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.choice(n, k, {"hidden", "visible"})) c.hide_cursor = *v == 0;
         }},
        {"kiosk", "monitor",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.integer(n, k, kMonitorMin, kMonitorMax, "")) c.monitor = *v;
         }},
        {"kiosk", "admin_pin_hash",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             // The value is never echoed: someone may have typed the PIN itself here.
             const std::string *s = r.string(n, k);
             if (s == nullptr) return;
             if (s->empty()) {
                 c.admin_pin_hash.clear();
             } else if (s->rfind("$argon2", 0) != 0) {
                 r.problem(line_of(n.source()), k, "not a PIN hash: run helpstation --hash-pin");
             } else if (!is_pin_hash(*s)) {
                 r.problem(line_of(n.source()), k,
                           "not a complete PIN hash (cut short when copied?): run helpstation --hash-pin");
             } else {
                 c.admin_pin_hash = *s;
             }
         }},
        {"display", "theme",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.choice(n, k, {"standard", "high-contrast"})) c.high_contrast = *v == 1;
         }},
        {"display", "text_size",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             const auto *v = n.as_integer();
             if (v == nullptr) {
                 r.wrong_type(n, k, "an integer");
             } else if (v->get() != 100 && v->get() != 150 && v->get() != 200) {
                 r.problem(line_of(n.source()), k,
                           "must be 100, 150 or 200 (percent), got " + std::to_string(v->get()));
             } else {
                 c.text_size = static_cast<int>(v->get());
             }
         }},
        {"plugins", "folders",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             auto accept = [&r](const std::string &s, const toml::node &item,
                                const std::string &key) -> std::optional<std::string> {
                 if (s.empty()) {
                     r.problem(line_of(item.source()), key, "must be a folder, got \"\"");
                     return std::nullopt;
                 }
                 // Relative to the config file, not to wherever the kiosk happened to be started.
                 fs::path p(s);
                 if (p.is_relative() && !r.base_dir().empty()) p = r.base_dir() / p;
                 return p.lexically_normal().string();
             };
             if (auto v = r.strings(n, k, accept)) c.plugin_folders = std::move(*v);
         }},
        {"plugins", "require_signed",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.boolean(n, k)) c.require_signed = *v;
         }},
        {"plugins", "trusted_keys",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             auto accept = [&r](const std::string &s, const toml::node &item,
                                const std::string &key) -> std::optional<std::string> {
                 unsigned char bin[kTrustedKeyBytes];
                 size_t bin_len = 0;
                 // No end pointer: trailing characters that are not base64 make the call fail.
                 bool ok = sodium_base642bin(bin, sizeof bin, s.data(), s.size(), nullptr, &bin_len, nullptr,
                                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
                           bin_len == kTrustedKeyBytes;
                 if (!ok) {
                     r.problem(line_of(item.source()), key,
                               "must be a public key from helpstation-sign keygen (base64 of 32 bytes, 44 "
                               "characters ending in \"=\")");
                     return std::nullopt;
                 }
                 return s;
             };
             if (auto v = r.strings(n, k, accept)) c.trusted_keys = std::move(*v);
         }},
        {"plugins", "probe_timeout_ms",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.integer(n, k, kProbeMin, kProbeMax, " (milliseconds)")) c.probe_timeout_ms = *v;
         }},
        {"analytics", "enabled",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.boolean(n, k)) c.analytics_enabled = *v;
         }},
        {"analytics", "path",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             const std::string *s = r.string(n, k);
             if (s == nullptr) return;
             if (s->empty()) {
                 c.analytics_path.clear();
                 return;
             }
             if (s->back() == '/') {
                 r.problem(line_of(n.source()), k, "must be a file, got the folder " + quoted(*s));
                 return;
             }
             // Relative to the config file, like plugins.folders.
             fs::path p(*s);
             if (p.is_relative() && !r.base_dir().empty()) p = r.base_dir() / p;
             c.analytics_path = p.lexically_normal().string();
         }},
        {"analytics", "retention_days",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.integer(n, k, kRetentionMin, kRetentionMax, " (days)")) c.analytics_retention_days = *v;
         }},
        {"analytics", "record_search_text",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             if (auto v = r.boolean(n, k)) c.analytics_record_search_text = *v;
         }},
        {"language", "default",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             const std::string *s = r.string(n, k);
             if (s == nullptr) return;
             if (std::optional<std::string> l = language(r, *s, n, k)) c.languages.default_language = *l;
         }},
        {"language", "offered",
         [](Reader &r, const toml::node &n, const std::string &k, Config &c) {
             auto accept = [&r](const std::string &s, const toml::node &item,
                                const std::string &key) -> std::optional<std::string> {
                 return language(r, s, item, key);
             };
             auto v = r.strings(n, k, accept);
             if (!v) return;
             std::vector<std::string> unique;
             for (std::string &l : *v)
                 if (std::find(unique.begin(), unique.end(), l) == unique.end()) unique.push_back(std::move(l));
             if (unique.empty()) {
                 r.problem(line_of(n.source()), k, "must name at least one language, got none; offering the default");
                 return;
             }
             c.languages.offered = std::move(unique);
         }},
    };
    return specs;
}

std::vector<std::string> known_tables() {
    std::vector<std::string> out;
    for (const KeySpec &s : key_specs())
        if (std::find(out.begin(), out.end(), s.table) == out.end()) out.push_back(s.table);
    return out;
}

std::vector<std::string> known_keys() {
    std::vector<std::string> out;
    for (const KeySpec &s : key_specs()) out.push_back(std::string(s.table) + "." + s.name);
    return out;
}

std::string unknown_key_reason(const std::string &dotted) {
    std::string hint = closest(dotted, known_keys());
    return hint.empty() ? "unknown key" : "unknown key, did you mean " + hint + "?";
}

void apply_table(Reader &r, const std::string &table_name, const toml::table &table, Config &c) {
    for (auto &&[key, node] : table) {
        const std::string dotted = table_name + "." + std::string(key.str());
        auto spec = std::find_if(key_specs().begin(), key_specs().end(), [&](const KeySpec &s) {
            return table_name == s.table && key.str() == s.name;
        });
        if (spec == key_specs().end())
            r.problem(line_of(key.source()), dotted, unknown_key_reason(dotted));
        else
            spec->apply(r, node, dotted, c);
    }
}

ConfigResult parse_in(const std::string &text, const std::string &name, const fs::path &base_dir) {
    ConfigResult result;
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error &e) {
        // One syntax error makes the whole file untrustworthy: everything stays at its default.
        result.problems.push_back({name, line_of(e.source()), "", std::string(e.description())});
        return result;
    }

    Reader reader(name, base_dir, result);
    const std::vector<std::string> tables = known_tables();
    for (auto &&[key, node] : root) {
        const std::string k(key.str());
        if (std::find(tables.begin(), tables.end(), k) != tables.end()) {
            if (const toml::table *t = node.as_table())
                apply_table(reader, k, *t, result.config);
            else
                reader.wrong_type(node, k, "a table");
        } else if (node.is_table()) {
            std::string hint = closest(k, tables);
            reader.problem(line_of(key.source()), k,
                           hint.empty() ? "unknown table" : "unknown table, did you mean [" + hint + "]?");
        } else {
            // Usually a key written above its [table] header.
            reader.problem(line_of(key.source()), k, unknown_key_reason(k));
        }
    }
    // The default is always on offer: first, when the list left it out.
    LanguageSettings &lang = result.config.languages;
    if (std::find(lang.offered.begin(), lang.offered.end(), lang.default_language) == lang.offered.end()) {
        if (const toml::node *n = root.at_path("language.offered").node())
            reader.problem(line_of(n->source()), "language.offered",
                           "does not include the default language \"" + lang.default_language + "\"; added first");
        lang.offered.insert(lang.offered.begin(), lang.default_language);
    }
    // The tables iterate in key order; the operator reads the file top to bottom.
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const ConfigProblem &a, const ConfigProblem &b) { return a.line < b.line; });
    return result;
}

} // namespace

std::string ConfigProblem::message() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
    if (!key.empty()) out += key + ": ";
    return out + reason;
}

ConfigResult parse_config(const std::string &text, const std::string &name) {
    return parse_in(text, name, fs::path(name).parent_path());
}

ConfigResult load_config(const std::string &path, bool required) {
    auto unreadable = [&](const std::string &why) {
        ConfigResult result;
        result.problems.push_back({path, 0, "", "cannot be read (" + why + "); using the defaults"});
        return result;
    };
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) {
        ConfigResult result;
        if (required) result.problems.push_back({path, 0, "", "not found; using the defaults"});
        return result;
    }
    if (ec) return unreadable(ec.message()); // e.g. a folder on the way that we may not enter
    if (fs::is_directory(status)) return unreadable("it is a folder");
    uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > kMaxFileBytes) return unreadable("larger than 1 MiB");

    std::ifstream in(path, std::ios::binary);
    if (!in) return unreadable(std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return unreadable("read error");

    fs::path absolute = fs::absolute(path, ec);
    ConfigResult result = parse_in(text.str(), path, ec ? fs::path(path).parent_path() : absolute.parent_path());
    result.path = path;
    return result;
}

std::string default_config_path() {
    std::vector<std::string> candidates;
    // XDG says a relative $XDG_CONFIG_HOME is invalid and must be ignored.
    const char *xdg = std::getenv("XDG_CONFIG_HOME");
    const char *home = std::getenv("HOME");
    if (xdg != nullptr && xdg[0] == '/')
        candidates.push_back(std::string(xdg) + "/helpstation/helpstation.toml");
    else if (home != nullptr && home[0] != '\0')
        candidates.push_back(std::string(home) + "/.config/helpstation/helpstation.toml");
    candidates.push_back("/etc/helpstation/helpstation.toml");
    for (const std::string &c : candidates) {
        std::error_code ec;
        if (fs::exists(c, ec)) return c;
    }
    return candidates.front();
}

} // namespace hs
