// The kiosk's settings, read from a TOML file. A bad file never stops the kiosk: every problem
// (syntax error, unknown key, wrong type, value out of range) is reported with file, line and key,
// and the setting it concerns keeps its safe default. No GL, no ImGui.
//
//   [kiosk]
//   idle_seconds = 90          # no touch this long: the "Still there?" warning
//   warning_seconds = 30       # the warning counts down this long (at least 20), then resets
//   lockdown = true            # ignore Esc, Alt+F4, Ctrl+Q, window close...; exit only via admin
//   cursor = "hidden"          # "hidden" or "visible"
//   monitor = 0                # which monitor to fill (0 = primary)
//   admin_pin_hash = "$argon2id$..."   # from `helpstation --hash-pin`
//
//   [display]
//   theme = "standard"         # or "high-contrast"
//   text_size = 100            # 100, 150 or 200 (percent): where each session starts
//
//   [plugins]
//   folders = ["/usr/lib/helpstation/plugins"]
//   require_signed = false
//   trusted_keys = []          # Ed25519 public keys, base64 (from `helpstation-sign keygen`)
//   probe_timeout_ms = 2000
//
//   [analytics]
//   enabled = true             # anonymous outcome analytics (README: what is recorded)
//   path = ""                  # the database; empty: $XDG_STATE_HOME/helpstation/analytics.db
//   retention_days = 180       # older events are deleted
//   record_search_text = false # keep what customers typed in the search (off: only that they searched)
//
//   [language]
//   default = "en"             # each visit starts in it, and goes back to it at the idle reset
//   offered = ["en", "es", "zh-CN"]  # the language button's choices, each shown by its own name
#pragma once

#include "languages.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hs {

struct Config {
    // [kiosk]
    int idle_seconds = 90;
    int warning_seconds = 30;
    bool lockdown = true;
    bool hide_cursor = true;
    int monitor = 0;
    std::string admin_pin_hash; // empty: no PIN set, the admin menu cannot be opened
    // [display]
    bool high_contrast = false;
    int text_size = 100;
    // [plugins]
    std::vector<std::string> plugin_folders; // empty: the bundled folder
    bool require_signed = false;
    std::vector<std::string> trusted_keys;
    int probe_timeout_ms = 2000;
    // [analytics]
    bool analytics_enabled = true;
    std::string analytics_path; // empty: the state folder (analytics::default_database_path)
    int analytics_retention_days = 180;
    bool analytics_record_search_text = false;
    // [language]: normalized locales; the default is always among the offered (first if it was
    // not listed), and every offered one has a name the viewer knows (languages.hpp).
    LanguageSettings languages;
};

struct ConfigProblem {
    std::string file;
    int line = 0;    // 0 when the problem is about the whole file
    std::string key; // "kiosk.idle_seconds"; empty when about the whole file
    std::string reason;
    std::string message() const; // "FILE:LINE: KEY: REASON", for the log and the admin screen
};

struct ConfigResult {
    Config config;
    std::optional<std::string> path; // the file actually read, if any
    std::vector<ConfigProblem> problems;
};

// Reads `path`. A missing file is a problem when `required` (the operator named it with
// --config); otherwise (the default location) it just means defaults.
ConfigResult load_config(const std::string &path, bool required);

// Same, from text already in memory (`name` is used in problems). For tests.
ConfigResult parse_config(const std::string &text, const std::string &name);

// Where the kiosk looks without --config: $XDG_CONFIG_HOME/helpstation/helpstation.toml
// (~/.config/... by default), then /etc/helpstation/helpstation.toml. The first that exists,
// or the first of them when none does.
std::string default_config_path();

} // namespace hs
