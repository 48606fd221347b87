// Topic versions: ordering, and which of several plugins with the same topic id is shown.
// "The highest version wins, the others are listed as shadowed." Pure functions, no I/O.
#pragma once

#include "content.hpp"
#include "plugin_check.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace hs {

// Compares two version strings: -1 when a < b, 0 when equivalent, 1 when a > b.
//
//  - Dotted numbers compare part by part as numbers, of any length: "1.2.10" > "1.2.9"; missing
//    parts count as 0, so "1.0" == "1.0.0"; leading zeros do not matter ("1.02" == "1.2").
//  - A leading "v" or "V" before a digit is ignored: "v1.2" == "1.2".
//  - Whatever follows the numbers is a suffix. With equal numbers, a version without a suffix is
//    higher than one with ("1.2.0-beta" < "1.2.0"), as a pre-release comes before its release;
//    two suffixes compare as text with digit runs as numbers ("-beta.2" < "-beta.10").
//    Build metadata after "+" is ignored ("1.2.0+build7" == "1.2.0").
//  - A version that does not start with a number ("", "latest", "unknown") is lower than every
//    version that does, so a broken version string never shadows a real one; two of them compare
//    as text, digit runs as numbers.
int compare_versions(const std::string &a, const std::string &b);

struct VersionCandidate {
    std::string id, version, path; // topic id, its version, the plugin file it came from
};

struct ShadowedCandidate {
    std::size_t index = 0; // into the candidates
    std::size_t by = 0;    // the winner's index
    std::string reason;    // "shadowed by /p/b.so (version 1.3.0)", "... (same version 1.2.0)"
};

struct VersionSelection {
    std::vector<std::size_t> winners;        // one per id, in the order of the candidates
    std::vector<ShadowedCandidate> shadowed; // every other candidate, in the order of the candidates
};

// Per topic id, the highest version wins. Between equivalent versions the plugin whose path sorts
// first wins, so the outcome does not depend on folder listing order.
VersionSelection select_versions(const std::vector<VersionCandidate> &candidates);

// The same over loaded topics (id, version, plugin_path). Returns the winners in their original
// order; every shadowed topic is appended to `shadowed` as its plugin path and reason.
std::vector<Topic> keep_highest_versions(std::vector<Topic> topics, std::vector<Rejection> &shadowed);

} // namespace hs
