// Plugin trust (core/trust.hpp): who may own and write a plugin and its folder, and signatures.
// Fixtures are made at test time in a private temporary folder from a copy of the good test
// plugin, then chmod-ed, chown-ed, signed or modified.
#include "core/catalog.hpp"
#include "core/trust.hpp"
#include "support/test_paths.hpp"
#include "support/probe_setup.hpp"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "helpstation-trust-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()));
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string &name) const { return (path / name).string(); }
};

// A copy of the good plugin, readable by all and writable by its owner only, in `folder`.
std::string copy_good_plugin(const fs::path &folder, const std::string &name = "good.so") {
    fs::path target = folder / name;
    fs::copy_file(fs::path(test_paths::good_plugins) / "good-alone.so", target, fs::copy_options::overwrite_existing);
    REQUIRE(::chmod(target.c_str(), 0644) == 0);
    return target.string();
}

struct KeyPair {
    hs::PublicKey pk{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> sk{};
    KeyPair() {
        REQUIRE(sodium_init() >= 0);
        crypto_sign_keypair(pk.data(), sk.data());
    }
};

std::string read_text(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_text(const std::string &path, const std::string &text, std::ios::openmode mode = std::ios::trunc) {
    std::ofstream out(path, std::ios::binary | mode);
    out << text;
    REQUIRE(out.good());
}

void sign(const std::string &plugin, const KeyPair &key) {
    std::string bytes = read_text(plugin);
    hs::SignatureFile s;
    s.key = key.pk;
    crypto_sign_detached(s.sig.data(), nullptr, reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size(),
                         key.sk.data());
    write_text(plugin + ".sig", hs::format_signature_file(s));
}

hs::TrustPolicy requiring(std::vector<hs::PublicKey> keys) { return hs::TrustPolicy{true, std::move(keys)}; }

std::string reason(const std::optional<std::string> &why) { return why ? *why : "(accepted)"; }

// Runs a shell command; returns its exit status, with its stderr in `err`.
int run(const std::string &command, const TempDir &dir, std::string *err = nullptr) {
    const std::string err_file = dir / "stderr.txt";
    int status = std::system((command + " >/dev/null 2>'" + err_file + "'").c_str());
    if (err) *err = read_text(err_file);
    REQUIRE(WIFEXITED(status));
    return WEXITSTATUS(status);
}

const struct passwd *nobody() { return ::getpwnam("nobody"); }

} // namespace

TEST_CASE("Plugin files writable by others, or owned by another user, are refused with why", "[trust]") {
    TempDir dir;
    const std::string plugin = copy_good_plugin(dir.path);

    SECTION("owner-only write (0644 and 0755) is accepted") {
        CHECK(reason(hs::check_permissions(plugin)) == "(accepted)");
        REQUIRE(::chmod(plugin.c_str(), 0755) == 0);
        CHECK(reason(hs::check_permissions(plugin)) == "(accepted)");
        CHECK(reason(hs::check_trust(plugin, {})) == "(accepted)");
    }
    SECTION("world-writable") {
        REQUIRE(::chmod(plugin.c_str(), 0666) == 0);
        CHECK(reason(hs::check_permissions(plugin)) == "writable by other users (mode 0666): fix with chmod go-w");
        CHECK(reason(hs::check_trust(plugin, {})) == "writable by other users (mode 0666): fix with chmod go-w");
    }
    SECTION("group-writable, group other than root") {
        if (getegid() == 0 && geteuid() != 0) {
            WARN("cannot give the fixture a group other than root: skipped");
            return;
        }
        if (geteuid() == 0) REQUIRE(::chown(plugin.c_str(), -1, 65534) == 0); // nogroup
        REQUIRE(::chmod(plugin.c_str(), 0664) == 0);
        CHECK_THAT(reason(hs::check_permissions(plugin)), Catch::StartsWith("writable by group ") &&
                                                              Catch::EndsWith(" (mode 0664): fix with chmod g-w"));
    }
    SECTION("group-writable with group root is accepted, as sudo does for sudoers") {
        if (geteuid() != 0) {
            WARN("only root can give the fixture group root: skipped");
            return;
        }
        REQUIRE(::chown(plugin.c_str(), 0, 0) == 0);
        REQUIRE(::chmod(plugin.c_str(), 0664) == 0);
        CHECK(reason(hs::check_permissions(plugin)) == "(accepted)");
    }
    SECTION("owned by another user") {
        if (geteuid() != 0 || !nobody()) {
            WARN("only root can give a file to another user: skipped");
            return;
        }
        REQUIRE(::chown(plugin.c_str(), nobody()->pw_uid, nobody()->pw_gid) == 0);
        CHECK(reason(hs::check_permissions(plugin)) ==
              "owned by user 'nobody' (uid " + std::to_string(nobody()->pw_uid) +
                  "), not by root or the kiosk user: fix with chown root");
    }
    SECTION("missing") {
        CHECK_THAT(reason(hs::check_permissions(dir / "absent.so")), Catch::StartsWith("cannot read: "));
    }
}

TEST_CASE("A plugin folder writable by others, or owned by another user, is refused", "[trust]") {
    TempDir dir;
    const fs::path folder = dir.path / "plugins";
    fs::create_directory(folder);
    REQUIRE(::chmod(folder.c_str(), 0755) == 0);
    const std::string plugin = copy_good_plugin(folder);

    SECTION("0755 is accepted") { CHECK(reason(hs::check_folder_permissions(folder)) == "(accepted)"); }
    SECTION("world-writable, even with the sticky bit") {
        REQUIRE(::chmod(folder.c_str(), 0777) == 0);
        CHECK(reason(hs::check_folder_permissions(folder)) ==
              "plugin folder is writable by other users (mode 0777): fix with chmod go-w");
        // The file is fine, but anyone could replace it: the plugin alone is refused too.
        CHECK(reason(hs::check_trust(plugin, {})) ==
              "plugin folder is writable by other users (mode 0777): fix with chmod go-w");
        REQUIRE(::chmod(folder.c_str(), 01777) == 0);
        CHECK_THAT(reason(hs::check_folder_permissions(folder)), Catch::Contains("(mode 1777)"));
    }
    SECTION("owned by another user") {
        if (geteuid() != 0 || !nobody()) {
            WARN("only root can give a folder to another user: skipped");
            return;
        }
        REQUIRE(::chown(folder.c_str(), nobody()->pw_uid, nobody()->pw_gid) == 0);
        CHECK_THAT(reason(hs::check_folder_permissions(folder)),
                   Catch::StartsWith("plugin folder is owned by user 'nobody'"));
    }
    SECTION("a symlink to a plugin elsewhere is judged by the file it leads to") {
        const fs::path elsewhere = dir.path / "elsewhere";
        fs::create_directory(elsewhere);
        REQUIRE(::chmod(elsewhere.c_str(), 0777) == 0);
        const std::string target = copy_good_plugin(elsewhere, "real.so");
        fs::create_symlink(target, folder / "linked.so");
        CHECK(reason(hs::check_trust((folder / "linked.so").string(), {})) ==
              "resolves into folder " + elsewhere.string() +
                  ", which is writable by other users (mode 0777): fix with chmod go-w");
    }
}

TEST_CASE("load_catalog refuses untrusted plugins and folders and loads the rest", "[trust]") {
    TempDir dir;
    const fs::path folder = dir.path / "plugins";
    fs::create_directory(folder);
    REQUIRE(::chmod(folder.c_str(), 0755) == 0);
    const std::string open = copy_good_plugin(folder, "a-open.so");
    const std::string good = copy_good_plugin(folder, "b-good.so");
    REQUIRE(::chmod(open.c_str(), 0666) == 0);

    SECTION("a world-writable plugin beside a good one") {
        hs::Catalog c = hs::load_catalog({folder.string()}, test_probe(hs::TrustPolicy{}));
        REQUIRE(c.topics.size() == 1);
        CHECK(c.topics[0].plugin_path == good);
        REQUIRE(c.rejected.size() == 1);
        CHECK(c.rejected[0].plugin == open);
        CHECK(c.rejected[0].reason == "writable by other users (mode 0666): fix with chmod go-w");
    }
    SECTION("a world-writable folder: nothing in it loads") {
        REQUIRE(::chmod(folder.c_str(), 0777) == 0);
        hs::Catalog c = hs::load_catalog({folder.string(), test_paths::good_plugins}, test_probe());
        CHECK(c.topics.size() == 1); // from the other, good folder
        REQUIRE(c.rejected.size() == 1);
        CHECK(c.rejected[0].plugin == folder.string());
        CHECK_THAT(c.rejected[0].reason, Catch::StartsWith("plugin folder is writable by other users (mode 0777)") &&
                                             Catch::EndsWith("none of its plugins was loaded"));
    }
    SECTION("signatures required: only the signed plugin loads") {
        REQUIRE(::chmod(open.c_str(), 0644) == 0);
        KeyPair key;
        sign(good, key);
        hs::Catalog c = hs::load_catalog({folder.string()}, test_probe(requiring({key.pk})));
        REQUIRE(c.topics.size() == 1);
        CHECK(c.topics[0].plugin_path == good);
        REQUIRE(c.rejected.size() == 1);
        CHECK(c.rejected[0].plugin == open);
        CHECK(c.rejected[0].reason == "no signature file a-open.so.sig");
    }
}

TEST_CASE("Signatures: each way a plugin fails has its own reason", "[trust]") {
    TempDir dir;
    const std::string plugin = copy_good_plugin(dir.path);
    KeyPair trusted, stranger;
    const hs::TrustPolicy policy = requiring({trusted.pk});
    std::set<std::string> reasons;
    auto refused = [&](const std::string &why) {
        reasons.insert(why);
        return why;
    };

    SECTION("unsigned: refused when signatures are required, accepted when not") {
        CHECK(refused(reason(hs::check_signature(plugin, policy))) == "no signature file good.so.sig");
        CHECK(reason(hs::check_trust(plugin, policy)) == "no signature file good.so.sig");
        CHECK(reason(hs::check_signature(plugin, {})) == "(accepted)");
        CHECK(reason(hs::check_trust(plugin, {})) == "(accepted)");
    }
    SECTION("signed by a trusted key: accepted") {
        sign(plugin, trusted);
        CHECK(reason(hs::check_signature(plugin, policy)) == "(accepted)");
        CHECK(reason(hs::check_trust(plugin, requiring({stranger.pk, trusted.pk}))) == "(accepted)");
    }
    SECTION("every failure is told apart") {
        CHECK(refused(reason(hs::check_signature(plugin, policy))) == "no signature file good.so.sig");

        sign(plugin, stranger);
        CHECK(refused(reason(hs::check_signature(plugin, policy))) ==
              "signed by an untrusted key " + hs::to_base64(stranger.pk));

        sign(plugin, trusted);
        write_text(plugin, std::string(1, '\0'), std::ios::app); // one byte more after signing
        CHECK(refused(reason(hs::check_signature(plugin, policy))) ==
              "signature does not match the file: modified after signing");

        write_text(plugin + ".sig", "not a signature\n");
        CHECK(refused(reason(hs::check_signature(plugin, policy))) ==
              "malformed signature file good.so.sig: line 1 is not 'helpstation-signature 1'");
        CHECK(reasons.size() == 4);
    }
    SECTION("malformed .sig files say what is wrong") {
        const std::string key_line = "key: " + hs::to_base64(trusted.pk) + "\n";
        const std::string sig_line = "sig: " + std::string(86, 'A') + "==\n";
        struct Case {
            std::string text;
            std::string why;
        };
        const Case cases[] = {
            {"", "empty"},
            {"helpstation-signature 2\n" + key_line + sig_line, "line 1 is not 'helpstation-signature 1'"},
            {"helpstation-signature 1\n", "line 2 is not 'key: <base64 public key>'"},
            {"helpstation-signature 1\nkey: abc\n" + sig_line, "key: not a base64 Ed25519 public key (32 bytes)"},
            {"helpstation-signature 1\n" + key_line, "line 3 is not 'sig: <base64 signature>'"},
            {"helpstation-signature 1\n" + key_line + "sig: @@@\n", "sig: not a base64 Ed25519 signature (64 bytes)"},
            {"helpstation-signature 1\n" + key_line + sig_line + "more\n", "unexpected text after line 3"},
        };
        for (const Case &c : cases) {
            INFO(c.text);
            write_text(plugin + ".sig", c.text);
            CHECK(reason(hs::check_signature(plugin, policy)) == "malformed signature file good.so.sig: " + c.why);
        }
        // Well formed, with a trusted key: the parse is fine, the (all-zero) signature is not.
        write_text(plugin + ".sig", "helpstation-signature 1\r\n" + key_line + sig_line + "\n\n");
        CHECK(reason(hs::check_signature(plugin, policy)) ==
              "signature does not match the file: modified after signing");
    }
    SECTION("signatures required without any trusted key: nothing loads") {
        sign(plugin, trusted);
        CHECK_THAT(reason(hs::check_signature(plugin, requiring({}))),
                   Catch::StartsWith("signatures are required but no trusted key is configured"));
    }
}

TEST_CASE("Trusted keys from the config: base64, bad ones reported", "[trust]") {
    KeyPair key;
    const std::string text = hs::to_base64(key.pk);
    CHECK(text.size() == 44);
    REQUIRE(hs::parse_public_key(" " + text + "\n"));
    CHECK(*hs::parse_public_key(text) == key.pk);
    CHECK_FALSE(hs::parse_public_key(text.substr(0, 40)));
    CHECK_FALSE(hs::parse_public_key(hs::to_base64(key.pk.data(), 31)));
    CHECK_FALSE(hs::parse_public_key(""));

    std::vector<std::string> problems;
    hs::TrustPolicy policy = hs::make_trust_policy(true, {"nonsense", text}, problems);
    CHECK(policy.require_signed);
    REQUIRE(policy.keys.size() == 1);
    CHECK(policy.keys[0] == key.pk);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("trusted_keys[0]: not a base64 Ed25519 public key"));
}

TEST_CASE("helpstation-sign makes keys, signs, and verifies", "[trust]") {
    TempDir dir;
    const std::string exe = std::string("'") + HELPSTATION_SIGN_EXE + "'";
    const std::string secret = dir / "kiosk.key", pub = dir / "kiosk.pub";
    const std::string plugin = copy_good_plugin(dir.path);
    std::string err;

    REQUIRE(run(exe + " keygen --secret '" + secret + "' --public '" + pub + "'", dir, &err) == 0);
    struct stat st;
    REQUIRE(::stat(secret.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::optional<hs::PublicKey> key = hs::parse_public_key(read_text(pub));
    REQUIRE(key);
    // Never overwrites a secret key.
    CHECK(run(exe + " keygen --secret '" + secret + "' --public '" + dir / "other.pub" + "'", dir, &err) == 2);
    CHECK_THAT(err, Catch::Contains("already exists"));

    REQUIRE(run(exe + " sign --secret '" + secret + "' '" + plugin + "'", dir, &err) == 0);
    CHECK(reason(hs::check_trust(plugin, requiring({*key}))) == "(accepted)"); // the viewer agrees
    CHECK(run(exe + " verify --public '" + pub + "' '" + plugin + "'", dir) == 0);
    CHECK(run(exe + " verify --key " + hs::to_base64(*key) + " '" + plugin + "'", dir) == 0);
    CHECK(run(exe + " verify --key " + hs::to_base64(KeyPair().pk) + " '" + plugin + "'", dir, &err) == 1);
    CHECK_THAT(err, Catch::Contains("signed by an untrusted key"));

    // Several plugins after a key option: all are checked, and one bad one fails the run.
    const std::string second = copy_good_plugin(dir.path, "second.so");
    REQUIRE(run(exe + " sign --secret '" + secret + "' '" + plugin + "' '" + second + "'", dir) == 0);
    CHECK(run(exe + " verify --public '" + pub + "' '" + plugin + "' '" + second + "'", dir) == 0);
    write_text(plugin, "x", std::ios::app);
    CHECK(run(exe + " verify --public '" + pub + "' '" + second + "' '" + plugin + "'", dir, &err) == 1);
    CHECK_THAT(err, Catch::Contains("signature does not match the file: modified after signing"));

    CHECK(run(exe + " verify --key nonsense '" + plugin + "'", dir) == 2);
    CHECK(run(exe + " verify '" + plugin + "'", dir) == 2);
}
