// The kiosk config: every mistake is reported with file, line and key and never stops the kiosk,
// and the documented example stays true to the real defaults. Also the admin PIN hashing.
#include "core/config.hpp"
#include "core/pin.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// A valid trusted key: base64 of the 32 bytes 0..31.
const std::string kKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

std::string problems_of(const hs::ConfigResult &r) {
    std::string all;
    for (const hs::ConfigProblem &p : r.problems) all += p.message() + "\n";
    return all;
}

// Checks every field against a default-constructed Config, one CHECK each so a failure names it.
void check_defaults(const hs::Config &c) {
    const hs::Config d;
    CHECK(c.idle_seconds == d.idle_seconds);
    CHECK(c.warning_seconds == d.warning_seconds);
    CHECK(c.lockdown == d.lockdown);
    CHECK(c.hide_cursor == d.hide_cursor);
    CHECK(c.monitor == d.monitor);
    CHECK(c.admin_pin_hash == d.admin_pin_hash);
    CHECK(c.high_contrast == d.high_contrast);
    CHECK(c.text_size == d.text_size);
    CHECK(c.plugin_folders == d.plugin_folders);
    CHECK(c.require_signed == d.require_signed);
    CHECK(c.trusted_keys == d.trusted_keys);
    CHECK(c.probe_timeout_ms == d.probe_timeout_ms);
    CHECK(c.analytics_enabled == d.analytics_enabled);
    CHECK(c.analytics_path == d.analytics_path);
    CHECK(c.analytics_retention_days == d.analytics_retention_days);
    CHECK(c.analytics_record_search_text == d.analytics_record_search_text);
}

// Parses `text` and requires exactly one problem, which it returns.
hs::ConfigProblem only_problem(const std::string &text, hs::ConfigResult *out = nullptr) {
    hs::ConfigResult r = hs::parse_config(text, "/etc/hs/test.toml");
    INFO(problems_of(r));
    REQUIRE(r.problems.size() == 1);
    if (out != nullptr) *out = r;
    return r.problems.front();
}

// A fresh folder under the system temp folder, removed with everything in it at the end.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string templ = (fs::temp_directory_path() / "hs-config-XXXXXX").string();
        REQUIRE(mkdtemp(templ.data()) != nullptr);
        path = templ;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string write(const std::string &name, const std::string &text) const {
        fs::path p = path / name;
        fs::create_directories(p.parent_path());
        std::ofstream(p) << text;
        return p.string();
    }
};

// Sets an environment variable for one scope and puts the old value back.
struct EnvVar {
    std::string name;
    std::optional<std::string> old;
    EnvVar(std::string n, const std::optional<std::string> &value) : name(std::move(n)) {
        if (const char *v = std::getenv(name.c_str())) old = v;
        if (value)
            setenv(name.c_str(), value->c_str(), 1);
        else
            unsetenv(name.c_str());
    }
    ~EnvVar() {
        if (old)
            setenv(name.c_str(), old->c_str(), 1);
        else
            unsetenv(name.c_str());
    }
};

} // namespace

TEST_CASE("An empty file gives the defaults and no problems", "[config]") {
    hs::ConfigResult r = hs::parse_config("", "empty.toml");
    CHECK(problems_of(r).empty());
    check_defaults(r.config);
    CHECK(r.config.idle_seconds == 90);
    CHECK(r.config.warning_seconds == 30);
    CHECK(r.config.lockdown);
    CHECK(r.config.hide_cursor);
    CHECK(r.config.text_size == 100);
    CHECK(r.config.probe_timeout_ms == 2000);
}

TEST_CASE("Every key set to a valid non-default value is applied", "[config]") {
    const std::string hash = hs::hash_pin("2468");
    REQUIRE(!hash.empty());
    hs::ConfigResult r = hs::parse_config(R"(
[kiosk]
idle_seconds = 120
warning_seconds = 45
lockdown = false
cursor = "visible"
monitor = 2
admin_pin_hash = ")" + hash + R"("

[display]
theme = "high-contrast"
text_size = 150

[plugins]
folders = ["/opt/help/a", "/opt/help/b"]
require_signed = true
trusted_keys = [")" + kKey + R"("]
probe_timeout_ms = 5000
)",
                                          "/etc/hs/full.toml");
    INFO(problems_of(r));
    REQUIRE(r.problems.empty());
    const hs::Config &c = r.config;
    CHECK(c.idle_seconds == 120);
    CHECK(c.warning_seconds == 45);
    CHECK_FALSE(c.lockdown);
    CHECK_FALSE(c.hide_cursor);
    CHECK(c.monitor == 2);
    CHECK(c.admin_pin_hash == hash);
    CHECK(c.high_contrast);
    CHECK(c.text_size == 150);
    CHECK(c.plugin_folders == std::vector<std::string>{"/opt/help/a", "/opt/help/b"});
    CHECK(c.require_signed);
    CHECK(c.trusted_keys == std::vector<std::string>{kKey});
    CHECK(c.probe_timeout_ms == 5000);

    // The other values of the choices, and the ends of the ranges, are accepted too.
    hs::ConfigResult edges = hs::parse_config(R"(
kiosk.idle_seconds = 3600
kiosk.warning_seconds = 20
kiosk.monitor = 15
kiosk.cursor = "hidden"
display.theme = "standard"
display.text_size = 200
plugins.probe_timeout_ms = 100
)",
                                              "edges.toml");
    INFO(problems_of(edges));
    CHECK(edges.problems.empty());
    CHECK(edges.config.idle_seconds == 3600);
    CHECK(edges.config.warning_seconds == 20);
    CHECK(edges.config.monitor == 15);
    CHECK(edges.config.text_size == 200);
    CHECK(edges.config.probe_timeout_ms == 100);
}

TEST_CASE("A syntax error names the file and line, and everything stays at its default", "[config]") {
    hs::ConfigProblem p =
        only_problem("[kiosk]\nidle_seconds = 120\nwarning_seconds = = 40\n[display]\ntheme = \"high-contrast\"\n");
    CHECK(p.file == "/etc/hs/test.toml");
    CHECK(p.line == 3);
    CHECK(p.key.empty());
    CHECK(!p.reason.empty());
    CHECK(p.message().rfind("/etc/hs/test.toml:3: ", 0) == 0);

    hs::ConfigResult r = hs::parse_config("[kiosk]\nidle_seconds = 120\ncursor = \"visible\n", "x.toml");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 3);
    check_defaults(r.config); // not even the valid line before the error
}

TEST_CASE("An unknown key names its line and key, and the other keys still apply", "[config]") {
    hs::ConfigResult r;
    hs::ConfigProblem p = only_problem("[kiosk]\nwarning_seconds = 40\nidel_seconds = 120\ncursor = \"visible\"\n", &r);
    CHECK(p.line == 3);
    CHECK(p.key == "kiosk.idel_seconds");
    CHECK(p.message() == "/etc/hs/test.toml:3: kiosk.idel_seconds: unknown key, did you mean kiosk.idle_seconds?");
    CHECK(r.config.warning_seconds == 40);
    CHECK_FALSE(r.config.hide_cursor);
    CHECK(r.config.idle_seconds == 90);

    SECTION("a right key in the wrong table") {
        hs::ConfigProblem q = only_problem("[kiosk]\ntheme = \"high-contrast\"\n");
        CHECK(q.key == "kiosk.theme");
        CHECK(q.reason == "unknown key, did you mean display.theme?");
    }
    SECTION("a key above any table") {
        hs::ConfigProblem q = only_problem("idle_seconds = 120\n[kiosk]\n");
        CHECK(q.line == 1);
        CHECK(q.key == "idle_seconds");
        CHECK(q.reason == "unknown key, did you mean kiosk.idle_seconds?");
    }
    SECTION("an unknown table") {
        hs::ConfigResult rt;
        hs::ConfigProblem q = only_problem("[display]\ntext_size = 200\n\n[kisok]\nidle_seconds = 120\n", &rt);
        CHECK(q.line == 4);
        CHECK(q.key == "kisok");
        CHECK(q.reason == "unknown table, did you mean [kiosk]?");
        CHECK(rt.config.text_size == 200);
    }
    SECTION("nothing close: no hint") {
        hs::ConfigProblem q = only_problem("[plugins]\nwallpaper = \"x.png\"\n");
        CHECK(q.line == 2);
        CHECK(q.message() == "/etc/hs/test.toml:2: plugins.wallpaper: unknown key");
    }
    SECTION("a known table that is not a table") {
        hs::ConfigProblem q = only_problem("display = \"high-contrast\"\n");
        CHECK(q.key == "display");
        CHECK(q.reason == "expected a table, got a string");
    }
}

TEST_CASE("Problems come in file order", "[config]") {
    hs::ConfigResult r =
        hs::parse_config("[plugins]\nprobe_timeout_ms = 5\n[kiosk]\nmonitor = 99\nabc = 1\n", "o.toml");
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[1].line == 4);
    CHECK(r.problems[2].line == 5);
}

TEST_CASE("A wrong type names what was expected and keeps that key's default", "[config]") {
    struct Case {
        const char *text;
        const char *key;
        const char *expected;
    };
    const Case cases[] = {
        {"[kiosk]\nidle_seconds = \"ninety\"", "kiosk.idle_seconds", "expected an integer, got a string"},
        {"[kiosk]\nidle_seconds = 90.0", "kiosk.idle_seconds", "expected an integer, got a decimal number"},
        {"[kiosk]\nwarning_seconds = true", "kiosk.warning_seconds", "expected an integer, got true/false"},
        {"[kiosk]\nmonitor = [1]", "kiosk.monitor", "expected an integer, got a list"},
        {"[kiosk]\nlockdown = \"yes\"", "kiosk.lockdown", "expected true or false, got a string"},
        {"[kiosk]\nlockdown = 0", "kiosk.lockdown", "expected true or false, got an integer"},
        {"[kiosk]\ncursor = false", "kiosk.cursor", "expected a string, got true/false"},
        {"[kiosk]\nadmin_pin_hash = 1234", "kiosk.admin_pin_hash", "expected a string, got an integer"},
        {"[display]\ntheme = 2", "display.theme", "expected a string, got an integer"},
        {"[display]\ntext_size = \"150%\"", "display.text_size", "expected an integer, got a string"},
        {"[plugins]\nfolders = \"/opt/help\"", "plugins.folders", "expected a list of strings, got a string"},
        {"[plugins]\nrequire_signed = 1", "plugins.require_signed", "expected true or false, got an integer"},
        {"[plugins]\ntrusted_keys = { a = 1 }", "plugins.trusted_keys", "expected a list of strings, got a table"},
        {"[plugins]\nprobe_timeout_ms = 1979-05-27", "plugins.probe_timeout_ms",
         "expected an integer, got a date or time"},
    };
    for (const Case &c : cases) {
        INFO(c.text);
        hs::ConfigResult r;
        hs::ConfigProblem p = only_problem(c.text, &r);
        CHECK(p.line == 2);
        CHECK(p.key == c.key);
        CHECK(p.reason == c.expected);
        check_defaults(r.config);
    }
}

TEST_CASE("A bad value names what is accepted and keeps that key's default", "[config]") {
    struct Case {
        std::string text;
        const char *key;
        const char *reason;
    };
    const Case cases[] = {
        {"[kiosk]\nidle_seconds = 0", "kiosk.idle_seconds", "must be 15 to 3600 (seconds), got 0"},
        {"[kiosk]\nidle_seconds = 1000000000", "kiosk.idle_seconds", "must be 15 to 3600 (seconds), got 1000000000"},
        {"[kiosk]\nidle_seconds = 14", "kiosk.idle_seconds", "must be 15 to 3600 (seconds), got 14"},
        {"[kiosk]\nidle_seconds = -90", "kiosk.idle_seconds", "must be 15 to 3600 (seconds), got -90"},
        {"[kiosk]\nidle_seconds = 9223372036854775807", "kiosk.idle_seconds",
         "must be 15 to 3600 (seconds), got 9223372036854775807"},
        {"[kiosk]\nwarning_seconds = 19", "kiosk.warning_seconds", "must be 20 to 300 (seconds), got 19"},
        {"[kiosk]\nwarning_seconds = 301", "kiosk.warning_seconds", "must be 20 to 300 (seconds), got 301"},
        {"[kiosk]\nmonitor = -1", "kiosk.monitor", "must be 0 to 15, got -1"},
        {"[kiosk]\nmonitor = 16", "kiosk.monitor", "must be 0 to 15, got 16"},
        {"[kiosk]\ncursor = \"Hidden\"", "kiosk.cursor", "must be \"hidden\" or \"visible\", got \"Hidden\""},
        {"[kiosk]\nadmin_pin_hash = \"1234\"", "kiosk.admin_pin_hash", "not a PIN hash: run helpstation --hash-pin"},
        {"[display]\ntheme = \"dark\"", "display.theme", "must be \"standard\" or \"high-contrast\", got \"dark\""},
        {"[display]\ntext_size = 120", "display.text_size", "must be 100, 150 or 200 (percent), got 120"},
        {"[display]\ntext_size = 0", "display.text_size", "must be 100, 150 or 200 (percent), got 0"},
        {"[plugins]\nprobe_timeout_ms = 99", "plugins.probe_timeout_ms",
         "must be 100 to 60000 (milliseconds), got 99"},
        {"[plugins]\nprobe_timeout_ms = 60001", "plugins.probe_timeout_ms",
         "must be 100 to 60000 (milliseconds), got 60001"},
    };
    for (const Case &c : cases) {
        INFO(c.text);
        hs::ConfigResult r;
        hs::ConfigProblem p = only_problem(c.text, &r);
        CHECK(p.line == 2);
        CHECK(p.key == c.key);
        CHECK(p.reason == c.reason);
        check_defaults(r.config);
    }
}

TEST_CASE("The PIN hash in the config is checked without being echoed", "[config]") {
    const std::string hash = hs::hash_pin("1357");
    REQUIRE(!hash.empty());

    SECTION("a hash cut short") {
        hs::ConfigResult r;
        hs::ConfigProblem p = only_problem("[kiosk]\nadmin_pin_hash = \"" + hash.substr(0, hash.size() / 2) + "\"", &r);
        CHECK(p.key == "kiosk.admin_pin_hash");
        CHECK(p.reason.find("run helpstation --hash-pin") != std::string::npos);
        CHECK(r.config.admin_pin_hash.empty());
    }
    SECTION("the PIN itself typed in") {
        hs::ConfigProblem p = only_problem("[kiosk]\nadmin_pin_hash = \"987654\"");
        CHECK(p.message().find("987654") == std::string::npos);
    }
    SECTION("empty means no PIN, and is not a problem") {
        hs::ConfigResult r = hs::parse_config("[kiosk]\nadmin_pin_hash = \"\"", "x.toml");
        CHECK(r.problems.empty());
        CHECK(r.config.admin_pin_hash.empty());
    }
}

TEST_CASE("List entries are checked one by one: bad ones are reported and dropped", "[config]") {
    SECTION("trusted keys") {
        const std::string bad[] = {
            "not base64!",
            kKey.substr(0, 40),                         // too short
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gIQ==", // 34 bytes
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",  // no padding: not the original variant
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=x", // trailing junk
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8_", // URL-safe alphabet
            "",
        };
        for (const std::string &b : bad) {
            INFO(b);
            hs::ConfigResult r;
            hs::ConfigProblem p =
                only_problem("[plugins]\ntrusted_keys = [\n  \"" + kKey + "\",\n  \"" + b + "\",\n]", &r);
            CHECK(p.line == 4);
            CHECK(p.key == "plugins.trusted_keys[1]");
            CHECK(p.reason.find("base64 of 32 bytes") != std::string::npos);
            CHECK(r.config.trusted_keys == std::vector<std::string>{kKey});
        }
    }
    SECTION("folders") {
        hs::ConfigResult r2 = hs::parse_config("[plugins]\nfolders = [\"/opt/a\", 5, \"\", \"/opt/b\"]", "f.toml");
        REQUIRE(r2.problems.size() == 2);
        CHECK(r2.problems[0].key == "plugins.folders[1]");
        CHECK(r2.problems[0].reason == "expected a string, got an integer");
        CHECK(r2.problems[1].key == "plugins.folders[2]");
        CHECK(r2.config.plugin_folders == std::vector<std::string>{"/opt/a", "/opt/b"});
    }
    SECTION("an empty list is valid") {
        hs::ConfigResult r = hs::parse_config("[plugins]\nfolders = []\ntrusted_keys = []", "f.toml");
        CHECK(r.problems.empty());
        check_defaults(r.config);
    }
}

TEST_CASE("ConfigProblem::message leaves out a missing line or key", "[config]") {
    CHECK(hs::ConfigProblem{"a.toml", 7, "kiosk.monitor", "bad"}.message() == "a.toml:7: kiosk.monitor: bad");
    CHECK(hs::ConfigProblem{"a.toml", 7, "", "bad"}.message() == "a.toml:7: bad");
    CHECK(hs::ConfigProblem{"a.toml", 0, "", "bad"}.message() == "a.toml: bad");
    CHECK(hs::ConfigProblem{"a.toml", 0, "kiosk", "bad"}.message() == "a.toml: kiosk: bad");
}

TEST_CASE("load_config reads a real file", "[config]") {
    TempDir dir;

    SECTION("a valid file") {
        std::string path = dir.write("hs.toml", "[kiosk]\nidle_seconds = 300\n");
        hs::ConfigResult r = hs::load_config(path, true);
        CHECK(problems_of(r).empty());
        REQUIRE(r.path);
        CHECK(*r.path == path);
        CHECK(r.config.idle_seconds == 300);
    }
    SECTION("problems name the file as given") {
        std::string path = dir.write("hs.toml", "\n\n[display]\ntext_size = 175\n");
        hs::ConfigResult r = hs::load_config(path, false);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].message() == path + ":4: display.text_size: must be 100, 150 or 200 (percent), got 175");
    }
    SECTION("a missing optional file is just the defaults") {
        hs::ConfigResult r = hs::load_config((dir.path / "none.toml").string(), false);
        CHECK(r.problems.empty());
        CHECK_FALSE(r.path);
        check_defaults(r.config);
    }
    SECTION("a missing required file is one problem, and the defaults") {
        const std::string path = (dir.path / "none.toml").string();
        hs::ConfigResult r = hs::load_config(path, true);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].file == path);
        CHECK(r.problems[0].line == 0);
        CHECK(r.problems[0].reason.find("not found") != std::string::npos);
        CHECK_FALSE(r.path);
        check_defaults(r.config);
    }
    SECTION("an unreadable file is a problem even when optional") {
        fs::create_directories(dir.path / "folder.toml");
        hs::ConfigResult r = hs::load_config((dir.path / "folder.toml").string(), false);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].reason.find("cannot be read") != std::string::npos);
        check_defaults(r.config);
    }
    SECTION("relative plugin folders are resolved against the config file's folder") {
        std::string path =
            dir.write("etc/hs.toml", "[plugins]\nfolders = [\"plugins\", \"../shared/topics\", \"/abs/topics\"]\n");
        hs::ConfigResult r = hs::load_config(path, true);
        INFO(problems_of(r));
        REQUIRE(r.problems.empty());
        CHECK(r.config.plugin_folders == std::vector<std::string>{(dir.path / "etc/plugins").string(),
                                                                   (dir.path / "shared/topics").string(),
                                                                   "/abs/topics"});
    }
    SECTION("relative to a relative config path, the folders are still absolute") {
        dir.write("hs.toml", "[plugins]\nfolders = [\"topics\"]\n");
        fs::path old = fs::current_path();
        fs::current_path(dir.path);
        hs::ConfigResult r = hs::load_config("hs.toml", true);
        fs::current_path(old);
        REQUIRE(r.problems.empty());
        REQUIRE(r.config.plugin_folders.size() == 1);
        CHECK(fs::path(r.config.plugin_folders[0]).is_absolute());
        CHECK(fs::equivalent(fs::path(r.config.plugin_folders[0]).parent_path(), dir.path));
    }
}

TEST_CASE("default_config_path prefers the user's config, then /etc", "[config]") {
    TempDir dir;
    SECTION("XDG_CONFIG_HOME, when the file exists") {
        std::string path = dir.write("xdg/helpstation/helpstation.toml", "");
        EnvVar xdg("XDG_CONFIG_HOME", (dir.path / "xdg").string());
        CHECK(hs::default_config_path() == path);
    }
    SECTION("~/.config without XDG_CONFIG_HOME") {
        std::string path = dir.write("home/.config/helpstation/helpstation.toml", "");
        EnvVar xdg("XDG_CONFIG_HOME", std::nullopt);
        EnvVar home("HOME", (dir.path / "home").string());
        CHECK(hs::default_config_path() == path);
    }
    SECTION("none exists: the user's path, where the operator would create it") {
        EnvVar xdg("XDG_CONFIG_HOME", (dir.path / "xdg").string());
        std::string expected = (dir.path / "xdg/helpstation/helpstation.toml").string();
        if (fs::exists("/etc/helpstation/helpstation.toml")) expected = "/etc/helpstation/helpstation.toml";
        CHECK(hs::default_config_path() == expected);
    }
}

TEST_CASE("The documented example is valid and shows the real defaults", "[config]") {
    hs::ConfigResult r = hs::load_config(test_paths::example_config, true);
    INFO(problems_of(r));
    CHECK(r.problems.empty());
    CHECK(r.path);
    check_defaults(r.config);

    // An unknown key would have been a problem above, so every documented key is real; the count
    // shows that every real key (one per Config field) is documented.
    std::ifstream in(test_paths::example_config);
    std::string line;
    int keys = 0;
    while (std::getline(in, line))
        if (!line.empty() && line[0] != '#' && line[0] != '[' && line.find('=') != std::string::npos) ++keys;
    CHECK(keys == 18);
}

TEST_CASE("A PIN hashes and verifies, a wrong PIN or a malformed hash does not", "[config]") {
    const std::string hash = hs::hash_pin("4821");
    REQUIRE(!hash.empty());
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("4821") == std::string::npos);
    CHECK(hs::is_pin_hash(hash));
    CHECK(hs::verify_pin(hash, "4821"));
    CHECK_FALSE(hs::verify_pin(hash, "4822"));
    CHECK_FALSE(hs::verify_pin(hash, "48210"));
    CHECK_FALSE(hs::verify_pin(hash, ""));

    // Salted: the same PIN twice gives different hashes, both of which verify.
    const std::string again = hs::hash_pin("4821");
    CHECK(again != hash);
    CHECK(hs::verify_pin(again, "4821"));

    CHECK_FALSE(hs::verify_pin("", "4821"));
    CHECK_FALSE(hs::verify_pin("4821", "4821"));
    CHECK_FALSE(hs::verify_pin(hash.substr(0, hash.size() - 5), "4821"));
    CHECK_FALSE(hs::verify_pin("$argon2id$v=19$m=65536,t=2,p=1$garbage", "4821"));
    CHECK_FALSE(hs::verify_pin(hash + std::string(200, 'A'), "4821"));
    CHECK_FALSE(hs::verify_pin(std::string(hash).insert(12, 1, '\0'), "4821"));
    CHECK_FALSE(hs::is_pin_hash(""));
    CHECK_FALSE(hs::is_pin_hash("4821"));
    CHECK_FALSE(hs::is_pin_hash(hash.substr(0, hash.size() / 2)));
}

TEST_CASE("is_valid_pin accepts 4 to 12 ASCII digits", "[config]") {
    CHECK(hs::is_valid_pin("0000"));
    CHECK(hs::is_valid_pin("1234"));
    CHECK(hs::is_valid_pin("123456789012"));
    CHECK_FALSE(hs::is_valid_pin(""));
    CHECK_FALSE(hs::is_valid_pin("123"));
    CHECK_FALSE(hs::is_valid_pin("1234567890123"));
    CHECK_FALSE(hs::is_valid_pin("12a4"));
    CHECK_FALSE(hs::is_valid_pin("12 34"));
    CHECK_FALSE(hs::is_valid_pin(" 1234"));
    CHECK_FALSE(hs::is_valid_pin("-123"));
    CHECK_FALSE(hs::is_valid_pin("１２３４")); // full-width digits are not ASCII
    CHECK_FALSE(hs::is_valid_pin(std::string("12\0" "34", 5)));
}

TEST_CASE("The analytics table sets the database, the retention and the search text, and refuses bad values", "[config]") {
    hs::ConfigResult r = hs::parse_config("[analytics]\nenabled = false\npath = \"state/outcomes.db\"\n"
                                          "retention_days = 30\nrecord_search_text = true\n",
                                          "/etc/hs/test.toml");
    INFO(problems_of(r));
    CHECK(r.problems.empty());
    CHECK_FALSE(r.config.analytics_enabled);
    CHECK(r.config.analytics_path == "/etc/hs/state/outcomes.db"); // relative to the config file
    CHECK(r.config.analytics_retention_days == 30);
    CHECK(r.config.analytics_record_search_text);

    const hs::Config d;
    CHECK(d.analytics_enabled);
    CHECK_FALSE(d.analytics_record_search_text); // what customers type is not kept unless asked for
    CHECK(d.analytics_retention_days == 180);

    hs::ConfigResult bad;
    hs::ConfigProblem p = only_problem("[analytics]\nretention_days = 0\n", &bad);
    CHECK(p.key == "analytics.retention_days");
    CHECK_THAT(p.reason, Catch::Contains("1 to 3650"));
    CHECK(bad.config.analytics_retention_days == 180);
    p = only_problem("[analytics]\npath = \"/var/lib/hs/\"\n");
    CHECK(p.key == "analytics.path");
    CHECK_THAT(p.reason, Catch::Contains("must be a file"));
    p = only_problem("[analytics]\nrecord_serch_text = true\n");
    CHECK_THAT(p.reason, Catch::Contains("did you mean analytics.record_search_text?"));
}
