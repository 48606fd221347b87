// The admin PIN as an Argon2id hash (libsodium). The interactive limits keep a check well under a
// second on kiosk hardware while still making a stolen config file slow to brute-force.
#include "pin.hpp"

#include <sodium.h>

namespace hs {
namespace {

// sodium_init() is idempotent and thread-safe, but the function-local static also makes its
// result (-1 when no entropy source could be opened) available to every later call.
bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// libsodium reads hashes as C strings of bounded size: a longer string or one with a NUL inside
// is not a hash we produced, and must not reach it.
bool fits_hash_buffer(const std::string &hash) {
    return !hash.empty() && hash.size() < crypto_pwhash_STRBYTES && hash.find('\0') == std::string::npos;
}

} // namespace

std::string hash_pin(const std::string &pin) {
    if (!sodium_ready()) return {};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return out;
}

bool verify_pin(const std::string &hash, const std::string &pin) {
    if (!sodium_ready() || !fits_hash_buffer(hash)) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

bool is_valid_pin(const std::string &pin) {
    if (pin.size() < 4 || pin.size() > 12) return false;
    for (char c : pin)
        if (c < '0' || c > '9') return false;
    return true;
}

bool is_pin_hash(const std::string &hash) {
    if (!sodium_ready() || !fits_hash_buffer(hash)) return false;
    // needs_rehash decodes the whole string (algorithm, version, limits, salt, hash) and returns
    // -1 only when it cannot; 0 or 1 just say whether the limits match ours.
    return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) >= 0;
}

} // namespace hs
