#include "support_url.hpp"

namespace hs {
namespace {

bool starts_with_nocase(const std::string &s, const char *prefix) {
    size_t i = 0;
    for (; prefix[i]; ++i) {
        if (i >= s.size()) return false;
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != prefix[i]) return false;
    }
    return true;
}

} // namespace

std::string support_url_problem(const std::string &url) {
    if (url.size() > kMaxSupportUrlBytes)
        return std::to_string(url.size()) + " bytes, longer than the limit of " + std::to_string(kMaxSupportUrlBytes);
    size_t scheme = starts_with_nocase(url, "https://") ? 8 : starts_with_nocase(url, "http://") ? 7 : 0;
    if (scheme == 0) return "'" + url.substr(0, 40) + "' does not start with https:// (or http://)";
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7F) return "holds a space or a control character (write %20)";
    size_t host_end = url.find_first_of("/?#", scheme);
    if (host_end == scheme || scheme == url.size()) return "names no host after the scheme";
    return {};
}

} // namespace hs
