// The admin PIN, stored only as a salted, slow hash (libsodium's crypto_pwhash_str, Argon2id):
// reading the config file does not give the PIN away.
#pragma once

#include <string>

namespace hs {

// "$argon2id$v=19$m=...,t=...,p=1$salt$hash"; empty on failure (out of memory).
std::string hash_pin(const std::string &pin);
// True when `pin` matches `hash`. A malformed or empty hash matches nothing.
bool verify_pin(const std::string &hash, const std::string &pin);
// 4 to 12 digits.
bool is_valid_pin(const std::string &pin);
// True when `hash` is a well-formed Argon2 hash string that verify_pin could check against, so a
// hash cut short when copied into the config is caught when the config is read, not at the admin
// screen.
bool is_pin_hash(const std::string &hash);

} // namespace hs
