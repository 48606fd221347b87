// Line-break opportunities for CJK text (see line_break.hpp).
#include "line_break.hpp"

namespace hs {
namespace {

// Characters set as CJK: each one a place a line may end before or after.
bool is_cjk_unit(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// Never at the start of a line.
bool is_closing(char32_t c) {
    switch (c) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF01: case 0xFF1F: // 、。，．：；！？
    case 0xFF09: case 0x3009: case 0x300B: case 0x300D: case 0x300F: case 0x3011: case 0x3015: case 0x3017: // ）〉》」』】〕〗
    case 0x201D: case 0x2019: case 0x2026: case 0x00BB: // ” ’ … »
    case 0x30FC: case 0x3005: // ー 々: part of the character before
    case ',': case '.': case ':': case ';': case '!': case '?': case ')': case ']': case '}': case '%':
        return true;
    default:
        return false;
    }
}

// Never at the end of a line.
bool is_opening(char32_t c) {
    switch (c) {
    case 0xFF08: case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010: case 0x3014: case 0x3016: // （〈《「『【〔〖
    case 0x201C: case 0x2018: case 0x00AB: // “ ‘ «
    case '(': case '[': case '{':
        return true;
    default:
        return false;
    }
}

} // namespace

char32_t next_character(std::string_view s, size_t &i) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    return cp;
}

bool can_break_between(char32_t before, char32_t after) {
    if (is_closing(after) || is_opening(before)) return false;
    return is_cjk_unit(before) || is_cjk_unit(after);
}

size_t unbreakable_end(std::string_view text, size_t at) {
    size_t i = at;
    if (i >= text.size()) return i;
    char32_t before = next_character(text, i);
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\n') return i;
        size_t next = i;
        char32_t c = next_character(text, next);
        if (can_break_between(before, c)) return i;
        before = c;
        i = next;
    }
    return i;
}

} // namespace hs
