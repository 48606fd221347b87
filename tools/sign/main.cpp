// helpstation-sign: the signing side of viewer/core/trust.hpp.
//
//   helpstation-sign keygen --secret kiosk.key --public kiosk.pub
//   helpstation-sign sign --secret kiosk.key topic.so            # writes topic.so.sig
//   helpstation-sign verify --public kiosk.pub topic.so          # or --key BASE64
//
// The secret key file holds the 64-byte libsodium Ed25519 secret key in base64, one line, mode
// 0600. The public key file holds the 32-byte public key in base64, one line: the text that goes
// into [plugins] trusted_keys. Exit status: 0 fine, 1 a plugin failed verification (or could not
// be signed), 2 the tool was used wrongly or a key file is unusable.
#include "core/trust.hpp"

#include <CLI/CLI.hpp>
#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace {

using SecretKey = std::array<unsigned char, crypto_sign_SECRETKEYBYTES>;

// Thrown for the "exit 2" cases: a problem with the tool's own inputs, not with a plugin.
struct UsageError {
    std::string message;
};

std::string errno_text() { return std::strerror(errno); }

bool write_all(int fd, const std::string &data) {
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

// Write to a temporary file beside `path`, then rename: a kiosk starting meanwhile sees the old
// .sig or the new one, never half of one.
std::optional<std::string> write_atomically(const std::string &path, const std::string &data, mode_t mode) {
    std::string temp = path + ".XXXXXX";
    int fd = ::mkstemp(temp.data());
    if (fd < 0) return "cannot create " + temp + ": " + errno_text();
    bool ok = write_all(fd, data) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
    std::string error = ok ? "" : errno_text();
    if (::close(fd) != 0 && ok) {
        ok = false;
        error = errno_text();
    }
    if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
        ok = false;
        error = errno_text();
    }
    if (!ok) {
        ::unlink(temp.c_str());
        return "cannot write " + path + ": " + error;
    }
    return std::nullopt;
}

std::string read_key_text(const std::string &path) {
    std::string error;
    std::optional<std::string> text = hs::read_whole_file(path, error);
    if (!text) throw UsageError{path + ": " + error};
    return *text;
}

hs::PublicKey load_public_key(const std::string &path) {
    std::optional<hs::PublicKey> key = hs::parse_public_key(read_key_text(path));
    if (!key) throw UsageError{path + ": not a base64 Ed25519 public key (from helpstation-sign keygen)"};
    return *key;
}

SecretKey load_secret_key(const std::string &path) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077))
        std::fprintf(stderr, "warning: %s can be read by other users (mode %04o): chmod 600 it\n", path.c_str(),
                     static_cast<unsigned>(st.st_mode & 07777));
    std::string text = read_key_text(path);
    SecretKey secret{};
    size_t length = 0;
    const char *end = nullptr;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    bool ok = sodium_base642bin(secret.data(), secret.size(), text.data(), text.size(), nullptr, &length, &end,
                                sodium_base64_VARIANT_ORIGINAL) == 0 &&
              end == text.data() + text.size() && length == secret.size();
    sodium_memzero(text.data(), text.size());
    // The secret key is seed + public key: rebuilding it from the seed catches a damaged file
    // before it signs anything a kiosk would then refuse.
    unsigned char seed[crypto_sign_SEEDBYTES], pk[crypto_sign_PUBLICKEYBYTES];
    SecretKey rebuilt{};
    if (ok) {
        crypto_sign_ed25519_sk_to_seed(seed, secret.data());
        crypto_sign_seed_keypair(pk, rebuilt.data(), seed);
        ok = sodium_memcmp(rebuilt.data(), secret.data(), secret.size()) == 0;
    }
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(rebuilt.data(), rebuilt.size());
    if (!ok) {
        sodium_memzero(secret.data(), secret.size());
        throw UsageError{path + ": not a helpstation-sign secret key (base64, 64 bytes)"};
    }
    return secret;
}

int keygen(const std::string &secret_path, const std::string &public_path) {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    SecretKey secret{};
    crypto_sign_keypair(pk, secret.data());
    std::string secret_text = hs::to_base64(secret.data(), secret.size()) + "\n";
    sodium_memzero(secret.data(), secret.size());

    // O_EXCL: never overwrite a secret key, which may be the only copy of one kiosks trust.
    int fd = ::open(secret_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        std::string why = errno == EEXIST ? "already exists; not overwriting a secret key" : errno_text();
        sodium_memzero(secret_text.data(), secret_text.size());
        throw UsageError{secret_path + ": " + why};
    }
    bool ok = ::fchmod(fd, 0600) == 0 && write_all(fd, secret_text) && ::fsync(fd) == 0;
    std::string error = ok ? "" : errno_text();
    ok = ::close(fd) == 0 && ok;
    sodium_memzero(secret_text.data(), secret_text.size());
    if (!ok) {
        ::unlink(secret_path.c_str());
        throw UsageError{"cannot write " + secret_path + ": " + error};
    }

    hs::PublicKey key;
    std::copy(pk, pk + sizeof pk, key.begin());
    const std::string public_text = hs::to_base64(key);
    if (auto problem = write_atomically(public_path, public_text + "\n", 0644)) {
        ::unlink(secret_path.c_str()); // a secret key without its public half is of no use
        throw UsageError{*problem};
    }
    std::printf("%s\n", public_text.c_str());
    std::fprintf(stderr, "secret key: %s (keep it off the kiosks)\npublic key: %s (add it to [plugins] trusted_keys)\n",
                 secret_path.c_str(), public_path.c_str());
    return 0;
}

int sign(const std::string &secret_path, const std::vector<std::string> &plugins) {
    SecretKey secret = load_secret_key(secret_path);
    hs::SignatureFile s;
    std::copy(secret.begin() + crypto_sign_SEEDBYTES, secret.end(), s.key.begin());
    int status = 0;
    for (const std::string &plugin : plugins) {
        std::string error;
        std::optional<std::string> bytes = hs::read_whole_file(plugin, error);
        if (!bytes) {
            std::fprintf(stderr, "%s: %s\n", plugin.c_str(), error.c_str());
            status = 1;
            continue;
        }
        crypto_sign_detached(s.sig.data(), nullptr, reinterpret_cast<const unsigned char *>(bytes->data()),
                             bytes->size(), secret.data());
        if (auto problem = write_atomically(plugin + ".sig", hs::format_signature_file(s), 0644)) {
            std::fprintf(stderr, "%s\n", problem->c_str());
            status = 1;
            continue;
        }
        std::printf("%s.sig: signed by %s\n", plugin.c_str(), hs::to_base64(s.key).c_str());
    }
    sodium_memzero(secret.data(), secret.size());
    return status;
}

int verify(const std::vector<std::string> &public_paths, const std::vector<std::string> &keys,
           const std::vector<std::string> &plugins) {
    hs::TrustPolicy policy;
    policy.require_signed = true;
    for (const std::string &path : public_paths) policy.keys.push_back(load_public_key(path));
    for (const std::string &text : keys) {
        std::optional<hs::PublicKey> key = hs::parse_public_key(text);
        if (!key) throw UsageError{"--key " + text + ": not a base64 Ed25519 public key"};
        policy.keys.push_back(*key);
    }
    if (policy.keys.empty()) throw UsageError{"verify: give the signer's key with --public FILE or --key BASE64"};
    int status = 0;
    for (const std::string &plugin : plugins) {
        if (auto why = hs::check_signature(plugin, policy)) {
            std::fprintf(stderr, "%s: %s\n", plugin.c_str(), why->c_str());
            status = 1;
        } else {
            std::printf("%s: good signature\n", plugin.c_str());
        }
    }
    return status;
}

} // namespace

int main(int argc, char **argv) {
    CLI::App cli{"helpstation-sign: Ed25519 keys and signatures for Help Station topic plugins."};
    cli.set_version_flag("--version", "helpstation-sign 0.1.0");
    cli.require_subcommand(1);

    std::string secret_path, public_path;
    CLI::App *keygen_cmd = cli.add_subcommand("keygen", "Make a key pair (the secret file is created with mode 0600)");
    keygen_cmd->add_option("--secret", secret_path, "Secret key file to create (never overwritten)")->required();
    keygen_cmd->add_option("--public", public_path, "Public key file to write: its line goes into trusted_keys")
        ->required();

    std::vector<std::string> plugins;
    CLI::App *sign_cmd = cli.add_subcommand("sign", "Write PLUGIN.so.sig beside each plugin");
    sign_cmd->add_option("--secret", secret_path, "Secret key file (from keygen)")
        ->required()
        ->check(CLI::ExistingFile);
    sign_cmd->add_option("plugins", plugins, "Plugin files")->required();

    std::vector<std::string> public_paths, keys;
    CLI::App *verify_cmd = cli.add_subcommand("verify", "Check each plugin against its .sig (exit 1 if any fails)");
    // One value per --public/--key, so the plugins after them stay plugins.
    verify_cmd->add_option("--public", public_paths, "Public key file (repeatable)")->allow_extra_args(false);
    verify_cmd->add_option("--key", keys, "Public key in base64, as in trusted_keys (repeatable)")
        ->allow_extra_args(false);
    verify_cmd->add_option("plugins", plugins, "Plugin files")->required();

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        int code = cli.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (sodium_init() < 0) {
        std::fprintf(stderr, "libsodium failed to initialise\n");
        return 2;
    }
    try {
        if (keygen_cmd->parsed()) return keygen(secret_path, public_path);
        if (sign_cmd->parsed()) return sign(secret_path, plugins);
        return verify(public_paths, keys, plugins);
    } catch (const UsageError &e) {
        std::fprintf(stderr, "%s\n", e.message.c_str());
        return 2;
    }
}
