// Which plugins the kiosk is willing to dlopen: a plugin runs with the kiosk's rights, so whoever
// can write the file, or the folder it is in, can run code as the kiosk.
//
// Permissions (always checked). A plugin file and its folder are accepted when
//   - the owner is root or the user the kiosk runs as (the effective uid), and
//   - nobody else can write: no "other" write bit, and no group write bit unless the group is
//     root (gid 0), which on Debian holds only root. This is the rule sudo applies to sudoers.
// A world-writable folder is refused even with the sticky bit (/tmp): anyone could add a file.
// Only the plugin's own folder is checked, not the folders above it.
//
// Signatures (only when TrustPolicy::require_signed). Beside topic.so lies topic.so.sig:
//
//   helpstation-signature 1
//   key: <base64 Ed25519 public key, 32 bytes: the form trusted_keys uses>
//   sig: <base64 Ed25519 detached signature, 64 bytes>
//
// The signature is plain Ed25519 (crypto_sign_detached) over the whole file, byte for byte, so
// any Ed25519 tool can check it too. The key line says who signed, which tells "signed by a key
// we do not trust" apart from "signed by a trusted key, then modified". `helpstation-sign`
// (tools/sign) makes keys and .sig files.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hs {

using PublicKey = std::array<unsigned char, 32>;
using Signature = std::array<unsigned char, 64>;

struct TrustPolicy {
    bool require_signed = false;
    std::vector<PublicKey> keys; // trusted signers; with require_signed and none, nothing loads
};

// Base64 (standard alphabet, with padding) of exactly 32 bytes; surrounding whitespace is
// ignored. nullopt for anything else.
std::optional<PublicKey> parse_public_key(std::string_view base64);
std::string to_base64(const unsigned char *bytes, size_t size);
inline std::string to_base64(const PublicKey &key) { return to_base64(key.data(), key.size()); }

// The policy from the config's [plugins] require_signed and trusted_keys. A key that cannot be
// parsed is left out and described in `problems` ("trusted_keys[1]: ..."), so a typo shows up
// as a problem and as refused plugins, not as a silently unsigned kiosk.
TrustPolicy make_trust_policy(bool require_signed, const std::vector<std::string> &trusted_keys,
                              std::vector<std::string> &problems);

// The reason a plugin file is refused for who owns it or can write it; nullopt when fine.
std::optional<std::string> check_permissions(const std::string &path);
// The same for a plugin folder: a bad folder means none of its plugins is loaded.
std::optional<std::string> check_folder_permissions(const std::string &folder);
// The reason `path` is refused under `policy`'s signature rule; nullopt when fine (always when
// signatures are not required: a .sig file is then not even read).
std::optional<std::string> check_signature(const std::string &path, const TrustPolicy &policy);
// Everything above for one plugin: the file that will really be loaded (symlinks resolved), the
// folder holding it, then the signature. nullopt when the plugin may be loaded.
std::optional<std::string> check_trust(const std::string &path, const TrustPolicy &policy);

// The .sig file format, shared with helpstation-sign.
struct SignatureFile {
    PublicKey key{};
    Signature sig{};
};
std::string format_signature_file(const SignatureFile &s);
// nullopt with `error` set when the text is not a valid signature file.
std::optional<SignatureFile> parse_signature_file(const std::string &text, std::string &error);

// Reads a whole file; nullopt with `error` set ("cannot read: ...") on failure.
std::optional<std::string> read_whole_file(const std::string &path, std::string &error);

} // namespace hs
