// Version ordering and shadowing of same-id plugins; see versions.hpp for the rules.
#include "versions.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace hs {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int sign(int v) { return (v > 0) - (v < 0); }

// Digit strings of any length, compared as numbers without converting (no overflow on
// "99999999999999999999").
int compare_digits(std::string_view a, std::string_view b) {
    auto strip = [](std::string_view s) {
        size_t z = 0;
        while (z + 1 < s.size() && s[z] == '0') ++z;
        return s.substr(z);
    };
    a = strip(a);
    b = strip(b);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return sign(a.compare(b));
}

// Text with digit runs compared as numbers: "beta.2" < "beta.10".
int compare_natural(std::string_view a, std::string_view b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            size_t i0 = i, j0 = j;
            while (i < a.size() && is_digit(a[i])) ++i;
            while (j < b.size() && is_digit(b[j])) ++j;
            if (int c = compare_digits(a.substr(i0, i - i0), b.substr(j0, j - j0))) return c;
            continue;
        }
        if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i == a.size() && j == b.size()) return 0;
    return i == a.size() ? -1 : 1;
}

struct Parsed {
    bool numeric = false;
    std::vector<std::string_view> parts; // the dotted numbers
    std::string_view suffix;             // what follows them, without build metadata
};

Parsed parse(std::string_view s) {
    Parsed p;
    size_t i = 0;
    if (s.size() >= 2 && (s[0] == 'v' || s[0] == 'V') && is_digit(s[1])) i = 1;
    if (i >= s.size() || !is_digit(s[i])) return p;
    p.numeric = true;
    for (;;) {
        size_t start = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        p.parts.push_back(s.substr(start, i - start));
        if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
            ++i;
            continue;
        }
        break;
    }
    p.suffix = s.substr(i);
    p.suffix = p.suffix.substr(0, p.suffix.find('+'));
    return p;
}

} // namespace

int compare_versions(const std::string &a, const std::string &b) {
    Parsed pa = parse(a), pb = parse(b);
    if (pa.numeric != pb.numeric) return pa.numeric ? 1 : -1;
    if (!pa.numeric) return compare_natural(a, b);
    for (size_t k = 0; k < std::max(pa.parts.size(), pb.parts.size()); ++k) {
        std::string_view x = k < pa.parts.size() ? pa.parts[k] : "0";
        std::string_view y = k < pb.parts.size() ? pb.parts[k] : "0";
        if (int c = compare_digits(x, y)) return c;
    }
    if (pa.suffix.empty() != pb.suffix.empty()) return pa.suffix.empty() ? 1 : -1;
    return compare_natural(pa.suffix, pb.suffix);
}

VersionSelection select_versions(const std::vector<VersionCandidate> &candidates) {
    // The winner of each id so far, by id; first appearance keeps the winners in input order.
    std::map<std::string, size_t> best;
    for (size_t i = 0; i < candidates.size(); ++i) {
        auto [it, inserted] = best.try_emplace(candidates[i].id, i);
        if (inserted) continue;
        const VersionCandidate &c = candidates[i], &w = candidates[it->second];
        int order = compare_versions(c.version, w.version);
        if (order > 0 || (order == 0 && c.path < w.path)) it->second = i;
    }
    VersionSelection selection;
    for (size_t i = 0; i < candidates.size(); ++i) {
        size_t w = best.at(candidates[i].id);
        if (w == i) {
            selection.winners.push_back(i);
            continue;
        }
        const VersionCandidate &c = candidates[i], &winner = candidates[w];
        std::string reason = "shadowed by " + winner.path + " (";
        if (compare_versions(winner.version, c.version) == 0) {
            reason += "same version " + winner.version;
            if (winner.version != c.version) reason += " as " + c.version;
            reason += ", the first path in name order wins)";
        } else {
            reason += "version " + winner.version + " is higher than " + c.version + ")";
        }
        selection.shadowed.push_back({i, w, std::move(reason)});
    }
    return selection;
}

std::vector<Topic> keep_highest_versions(std::vector<Topic> topics, std::vector<Rejection> &shadowed) {
    std::vector<VersionCandidate> candidates;
    candidates.reserve(topics.size());
    for (const Topic &t : topics) candidates.push_back({t.id, t.version, t.plugin_path});
    VersionSelection selection = select_versions(candidates);
    for (ShadowedCandidate &s : selection.shadowed)
        shadowed.push_back({topics[s.index].plugin_path, std::move(s.reason)});
    std::vector<Topic> winners;
    winners.reserve(selection.winners.size());
    for (size_t i : selection.winners) winners.push_back(std::move(topics[i]));
    return winners;
}

} // namespace hs
