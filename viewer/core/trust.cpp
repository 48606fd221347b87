// Plugin trust: ownership and write permissions, and optional Ed25519 signatures (trust.hpp).
#include "trust.hpp"

#include <sodium.h>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace hs {
namespace {

namespace fs = std::filesystem;

// A .sig file is three short lines; anything much larger is not one, and need not be read.
constexpr std::uintmax_t kMaxSignatureFileSize = 4096;
constexpr const char *kSignatureHeader = "helpstation-signature 1";

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0; // thread-safe, and idempotent anyway
    return ready;
}

std::string user_name(uid_t uid) {
    struct passwd pw, *found = nullptr;
    char buf[4096];
    if (getpwuid_r(uid, &pw, buf, sizeof buf, &found) != 0 || !found) return {};
    return found->pw_name;
}

std::string group_name(gid_t gid) {
    struct group gr, *found = nullptr;
    char buf[4096];
    if (getgrgid_r(gid, &gr, buf, sizeof buf, &found) != 0 || !found) return {};
    return found->gr_name;
}

std::string octal_mode(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

// The rule of trust.hpp on one stat result; the reason reads after "plugin is" / "folder is".
std::optional<std::string> check_owner_and_mode(const struct stat &st) {
    const uid_t me = geteuid();
    if (st.st_uid != 0 && st.st_uid != me) {
        std::string owner = user_name(st.st_uid);
        std::string who = owner.empty() ? "uid " + std::to_string(st.st_uid) + " (no such user)"
                                        : "user '" + owner + "' (uid " + std::to_string(st.st_uid) + ")";
        std::string kiosk = me == 0 ? "" : " '" + user_name(me) + "'";
        return "owned by " + who + ", not by root or the kiosk user" + kiosk + ": fix with chown root";
    }
    if (st.st_mode & S_IWOTH)
        return "writable by other users (mode " + octal_mode(st.st_mode) + "): fix with chmod go-w";
    if ((st.st_mode & S_IWGRP) && st.st_gid != 0) {
        std::string group = group_name(st.st_gid);
        std::string which = group.empty() ? "gid " + std::to_string(st.st_gid) : "'" + group + "'";
        return "writable by group " + which + " (mode " + octal_mode(st.st_mode) + "): fix with chmod g-w";
    }
    return std::nullopt;
}

std::optional<std::string> stat_error(const std::string &path, struct stat &st) {
    if (::stat(path.c_str(), &st) != 0) return std::string("cannot read: ") + std::strerror(errno);
    return std::nullopt;
}

std::optional<std::vector<unsigned char>> from_base64(std::string_view text, size_t size) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::vector<unsigned char> bytes(size);
    size_t length = 0;
    const char *end = nullptr;
    if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size() || length != size)
        return std::nullopt;
    return bytes;
}

// "key: VALUE" -> VALUE; nullopt when the line does not start with the label.
std::optional<std::string_view> field(std::string_view line, std::string_view label) {
    if (line.size() < label.size() + 1 || line.substr(0, label.size()) != label || line[label.size()] != ':')
        return std::nullopt;
    return line.substr(label.size() + 1);
}

} // namespace

std::optional<PublicKey> parse_public_key(std::string_view base64) {
    auto bytes = from_base64(base64, PublicKey().size());
    if (!bytes) return std::nullopt;
    PublicKey key;
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

std::string to_base64(const unsigned char *bytes, size_t size) {
    std::string text(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    text.resize(std::strlen(text.c_str()));
    return text;
}

TrustPolicy make_trust_policy(bool require_signed, const std::vector<std::string> &trusted_keys,
                              std::vector<std::string> &problems) {
    TrustPolicy policy;
    policy.require_signed = require_signed;
    for (size_t i = 0; i < trusted_keys.size(); ++i) {
        if (auto key = parse_public_key(trusted_keys[i]))
            policy.keys.push_back(*key);
        else
            problems.push_back("trusted_keys[" + std::to_string(i) +
                               "]: not a base64 Ed25519 public key (44 characters, from helpstation-sign keygen)");
    }
    return policy;
}

std::optional<std::string> check_permissions(const std::string &path) {
    struct stat st;
    if (auto error = stat_error(path, st)) return error;
    return check_owner_and_mode(st);
}

std::optional<std::string> check_folder_permissions(const std::string &folder) {
    struct stat st;
    if (::stat(folder.c_str(), &st) != 0) return std::string("plugin folder cannot be read: ") + std::strerror(errno);
    if (auto why = check_owner_and_mode(st)) return "plugin folder is " + *why;
    return std::nullopt;
}

std::optional<std::string> check_signature(const std::string &path, const TrustPolicy &policy) {
    if (!policy.require_signed) return std::nullopt;
    if (policy.keys.empty())
        return std::string("signatures are required but no trusted key is configured ([plugins] trusted_keys)");
    if (!sodium_ready()) return std::string("cannot check the signature: libsodium failed to initialise");

    // The .sig file itself needs no permission check: whoever can replace it can only make the
    // plugin refused, never make a modified plugin pass.
    const std::string sig_path = path + ".sig";
    const std::string sig_name = fs::path(sig_path).filename().string();
    std::error_code ec;
    fs::file_status status = fs::status(sig_path, ec);
    if (status.type() == fs::file_type::not_found) return "no signature file " + sig_name;
    if (ec) return "cannot read signature file " + sig_name + ": " + ec.message();
    if (!fs::is_regular_file(status)) return "malformed signature file " + sig_name + ": not a regular file";
    const std::uintmax_t sig_size = fs::file_size(sig_path, ec);
    if (!ec && sig_size > kMaxSignatureFileSize)
        return "malformed signature file " + sig_name + ": larger than " + std::to_string(kMaxSignatureFileSize) +
               " bytes";

    std::string error;
    std::optional<std::string> text = read_whole_file(sig_path, error);
    if (!text) return "cannot read signature file " + sig_name + ": " + error;
    std::optional<SignatureFile> sig = parse_signature_file(*text, error);
    if (!sig) return "malformed signature file " + sig_name + ": " + error;
    if (std::find(policy.keys.begin(), policy.keys.end(), sig->key) == policy.keys.end())
        return "signed by an untrusted key " + to_base64(sig->key);

    std::optional<std::string> contents = read_whole_file(path, error);
    if (!contents) return error;
    if (crypto_sign_verify_detached(sig->sig.data(), reinterpret_cast<const unsigned char *>(contents->data()),
                                    contents->size(), sig->key.data()) != 0)
        return std::string("signature does not match the file: modified after signing");
    return std::nullopt;
}

std::optional<std::string> check_trust(const std::string &path, const TrustPolicy &policy) {
    // dlopen follows symlinks, so the file and folder that matter are the ones at the end of them.
    std::error_code ec;
    fs::path real = fs::canonical(path, ec);
    if (ec) return "cannot read: " + ec.message();
    const bool linked = real != fs::absolute(path).lexically_normal();
    if (auto why = check_permissions(real.string()))
        return linked ? "resolves to " + real.string() + ", which is " + *why : *why;
    const std::string folder = real.parent_path().string();
    if (linked) {
        struct stat st;
        if (auto error = stat_error(folder, st)) return "resolves into folder " + folder + ": " + *error;
        if (auto why = check_owner_and_mode(st)) return "resolves into folder " + folder + ", which is " + *why;
    } else if (auto why = check_folder_permissions(folder)) {
        return why;
    }
    return check_signature(path, policy);
}

std::string format_signature_file(const SignatureFile &s) {
    return std::string(kSignatureHeader) + "\nkey: " + to_base64(s.key) + "\nsig: " +
           to_base64(s.sig.data(), s.sig.size()) + "\n";
}

std::optional<SignatureFile> parse_signature_file(const std::string &text, std::string &error) {
    std::vector<std::string_view> lines;
    std::string_view rest(text);
    while (!rest.empty()) {
        size_t eol = rest.find('\n');
        std::string_view line = rest.substr(0, eol);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();

    if (lines.empty()) {
        error = "empty";
        return std::nullopt;
    }
    if (lines[0] != kSignatureHeader) {
        error = "line 1 is not '" + std::string(kSignatureHeader) + "'";
        return std::nullopt;
    }
    SignatureFile s;
    std::optional<std::string_view> key = lines.size() > 1 ? field(lines[1], "key") : std::nullopt;
    if (!key) {
        error = "line 2 is not 'key: <base64 public key>'";
        return std::nullopt;
    }
    auto key_bytes = from_base64(*key, s.key.size());
    if (!key_bytes) {
        error = "key: not a base64 Ed25519 public key (32 bytes)";
        return std::nullopt;
    }
    std::optional<std::string_view> sig = lines.size() > 2 ? field(lines[2], "sig") : std::nullopt;
    if (!sig) {
        error = "line 3 is not 'sig: <base64 signature>'";
        return std::nullopt;
    }
    auto sig_bytes = from_base64(*sig, s.sig.size());
    if (!sig_bytes) {
        error = "sig: not a base64 Ed25519 signature (64 bytes)";
        return std::nullopt;
    }
    if (lines.size() > 3) {
        error = "unexpected text after line 3";
        return std::nullopt;
    }
    std::copy(key_bytes->begin(), key_bytes->end(), s.key.begin());
    std::copy(sig_bytes->begin(), sig_bytes->end(), s.sig.begin());
    return s;
}

std::optional<std::string> read_whole_file(const std::string &path, std::string &error) {
    std::unique_ptr<FILE, int (*)(FILE *)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        error = std::string("cannot read: ") + std::strerror(errno);
        return std::nullopt;
    }
    std::string contents;
    char buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) contents.append(buffer, n);
    if (std::ferror(file.get())) {
        error = std::string("cannot read: ") + std::strerror(errno);
        return std::nullopt;
    }
    return contents;
}

} // namespace hs
