// Folding, stemming and typo distance for search (see search_text.hpp).
#include "search_text.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace hs {
namespace {

using namespace std::string_view_literals;

// Latin Extended-A (U+0100..U+017F), each letter's base; Ĳ/ĳ and Œ/œ are spelled out in fold().
constexpr std::string_view kExtendedA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
                                        "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"sv;
static_assert(kExtendedA.size() == 0x80);

// Latin-1 letters U+00C0..U+00FF; '\0' where the character is no letter (× and ÷).
constexpr std::string_view kLatin1 = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                                     "aaaaaaaceeeeiiiidnooooo\0ouuuuyty"sv;
static_assert(kLatin1.size() == 0x40);

// Decodes one UTF-8 sequence at s[i]; a broken one reads as one unknown byte.
uint32_t decode(std::string_view s, size_t &i) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    uint32_t cp = len == 1 ? b : len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return cp;
}

enum class CharClass { Letter, Apostrophe, Split };

// Room for what one character folds to: "ss", "ae", or a letter of another script (4 bytes).
struct Folded {
    char bytes[4];
    int count = 0;
    void put(char c) { bytes[count++] = c; }
    void put(char a, char b) { put(a), put(b); }
};

// What `cp` becomes in a folded word: put into `out` for letters.
CharClass fold(uint32_t cp, Folded &out) {
    if (cp < 0x80) {
        char c = static_cast<char>(cp);
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out.put(c);
            return CharClass::Letter;
        }
        return c == '\'' || c == '`' ? CharClass::Apostrophe : CharClass::Split;
    }
    if (cp == 0x2018 || cp == 0x2019) return CharClass::Apostrophe;
    if (cp >= 0xC0 && cp <= 0xFF) {
        if (cp == 0xC6 || cp == 0xE6) return out.put('a', 'e'), CharClass::Letter;
        if (cp == 0xDE || cp == 0xFE) return out.put('t', 'h'), CharClass::Letter;
        if (cp == 0xDF) return out.put('s', 's'), CharClass::Letter;
        char c = kLatin1[cp - 0xC0];
        if (c == '\0') return CharClass::Split;
        out.put(c);
        return CharClass::Letter;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        if (cp == 0x132 || cp == 0x133) return out.put('i', 'j'), CharClass::Letter;
        if (cp == 0x152 || cp == 0x153) return out.put('o', 'e'), CharClass::Letter;
        out.put(kExtendedA[cp - 0x100]);
        return CharClass::Letter;
    }
    // Full-width letters and digits (Chinese input methods type them) are the ASCII ones; the
    // rest of the full-width block and CJK punctuation (，。、「」) split words.
    if (cp >= 0xFF10 && cp <= 0xFF5A) {
        uint32_t ascii = cp - 0xFF00 + 0x20;
        if ((ascii >= '0' && ascii <= '9') || (ascii >= 'A' && ascii <= 'Z') || (ascii >= 'a' && ascii <= 'z'))
            return fold(ascii, out);
    }
    if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF))
        return CharClass::Split;
    // Punctuation, symbols and spaces of Latin-1 and the general punctuation block split words;
    // letters of other scripts are kept as they are.
    if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x2BFF) || cp == 0xFFFD || cp >= 0x1F000) return CharClass::Split;
    if (cp < 0x800) {
        out.put(static_cast<char>(0xC0 | (cp >> 6)));
    } else if (cp < 0x10000) {
        out.put(static_cast<char>(0xE0 | (cp >> 12)));
        out.put(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    } else {
        out.put(static_cast<char>(0xF0 | (cp >> 18)));
        out.put(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.put(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    }
    out.put(static_cast<char>(0x80 | (cp & 0x3F)));
    return CharClass::Letter;
}

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

} // namespace

// Every byte at a glance: what it is in a word, or its folded letter (all letters are above kWide).
enum : unsigned char { kSplit = 0, kApostrophe = 1, kWide = 2 /* part of a non-ASCII character */ };
struct ByteTable {
    unsigned char fold[256] = {};
    constexpr ByteTable() {
        for (int c = 'a'; c <= 'z'; ++c) fold[c] = static_cast<unsigned char>(c);
        for (int c = 'A'; c <= 'Z'; ++c) fold[c] = static_cast<unsigned char>(c - 'A' + 'a');
        for (int c = '0'; c <= '9'; ++c) fold[c] = static_cast<unsigned char>(c);
        fold['\''] = fold['`'] = kApostrophe;
        for (int c = 0x80; c < 0x100; ++c) fold[c] = kWide;
    }
};
constexpr ByteTable kBytes;

bool is_cjk(uint32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) ||   // hiragana, katakana
           (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs: all of everyday Chinese
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
           (cp >= 0x20000 && cp <= 0x3134F);   // extensions B..G
}

bool is_cjk_word(std::string_view folded) {
    size_t i = 0;
    return !folded.empty() && is_cjk(decode(folded, i));
}

// The CJK character at text_[begin, end) has just been read: gives the piece it makes, if any
// (into `word`, with begin_/end_), and returns whether there is one.
bool WordScanner::cjk_piece(size_t begin, size_t end, char *word, size_t &length) {
    bool joined = cjk_end_ == begin; // touches the CJK character before it: a pair
    size_t from = joined ? cjk_begin_ : begin;
    cjk_begin_ = begin;
    cjk_end_ = end;
    if (!joined) {
        // The first character of a run gives its pair with the next one, unless it stands alone.
        size_t next = end;
        if (next < text_.size() && is_cjk(decode(text_, next))) return false;
    }
    length = end - from; // at most 8 bytes: two characters
    std::memcpy(word, text_.data() + from, length);
    begin_ = static_cast<uint32_t>(from);
    end_ = static_cast<uint32_t>(end);
    return true;
}

bool WordScanner::next() {
    // Locals, not members, in the loop: the compiler keeps them in registers (a member would be
    // stored after every character, since word_ could alias it).
    const auto *text = reinterpret_cast<const unsigned char *>(text_.data());
    current_ ^= 1;
    char *word = word_[current_];
    size_t at = at_, n = text_.size(), length = 0;
    bool in_word = false;
    while (at < n) {
        unsigned char f = kBytes.fold[text[at]];
        if (f > kWide) { // a run of ASCII letters and digits: most of any text
            if (!in_word) begin_ = static_cast<uint32_t>(at), in_word = true;
            do {
                if (length < kMaxWord) word[length++] = static_cast<char>(f);
            } while (++at < n && (f = kBytes.fold[text[at]]) > kWide);
            end_ = static_cast<uint32_t>(at);
            continue;
        }
        CharClass k = f == kSplit ? CharClass::Split : CharClass::Apostrophe;
        size_t start = at++;
        if (f == kWide) {
            Folded wide;
            at = start;
            uint32_t cp = decode(text_, at);
            if (is_cjk(cp)) {
                if (in_word) { // a word of another script ends where the CJK run begins
                    at = start;
                    break;
                }
                if (cjk_piece(start, at, word, length)) {
                    at_ = at;
                    length_ = length;
                    std::memset(word + length, 0, 8);
                    return true;
                }
                continue;
            }
            k = fold(cp, wide);
            for (int i = 0; i < wide.count && length < kMaxWord; ++i) word[length++] = wide.bytes[i];
        }
        if (k == CharClass::Letter) {
            if (!in_word) begin_ = static_cast<uint32_t>(start), in_word = true;
            end_ = static_cast<uint32_t>(at);
        } else if (in_word && k == CharClass::Split) {
            break;
        }
        // An apostrophe inside a word joins it ("won't"); elsewhere it is a quote mark.
    }
    at_ = at;
    length_ = length;
    std::memset(word + length, 0, 8);
    return in_word;
}

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    WordScanner scan(text);
    while (scan.next()) words.push_back({std::string(scan.folded()), scan.begin(), scan.end()});
    return words;
}

std::string stem(std::string_view w) {
    std::string s(w);
    if (s.size() <= 3) return s;
    if (ends_with(s, "ies") && s.size() > 4) return s.substr(0, s.size() - 3) + "y";
    if (ends_with(s, "sses") || ends_with(s, "xes") || ends_with(s, "zes") || ends_with(s, "ches") ||
        ends_with(s, "shes"))
        return s.substr(0, s.size() - 2);
    if (ends_with(s, "ss") || ends_with(s, "us") || ends_with(s, "is")) return s;
    if (s.back() == 's') s.pop_back();
    return s;
}

bool is_stop_word(std::string_view w) {
    // Also the words that say something is wrong without saying what ("not working").
    static constexpr std::array<std::string_view, 51> kStop = {
        "a",    "an",  "and",  "are", "as",   "at",   "be",   "but",  "can",  "cant", "do",
        "does", "dont", "for",  "from", "how", "i",   "im",   "in",   "is",   "it",   "its",
        "me",   "my",  "no",   "not", "of",   "on",   "or",   "so",   "that", "the",  "this",
        "to",   "up",  "wont", "was", "what", "when", "why",  "will", "with", "you",  "your",
        "work", "works", "working", "problem", "issue", "help", "doesnt"};
    // Chinese particles and pronouns, alone and in pairs ("我的信息" is about 信息).
    static constexpr std::array<std::string_view, 20> kStopChinese = {
        "的", "了", "吗", "呢", "吧", "我", "你", "是", "在", "和", "也", "都", "就", "请",
        "我的", "你的", "什么", "怎么", "为什", "这个"};
    if (!w.empty() && static_cast<unsigned char>(w[0]) >= 0x80)
        return std::find(kStopChinese.begin(), kStopChinese.end(), w) != kStopChinese.end();
    return std::find(kStop.begin(), kStop.end(), w) != kStop.end();
}

int bounded_distance(std::string_view a, std::string_view b, int limit) {
    int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    if (n > 40 || m > 40) return a == b ? 0 : limit + 1;
    // Three rows of the DP table: the one two back is needed for transpositions.
    std::array<int, 42> prev2{}, prev{}, cur{};
    for (int j = 0; j <= m; ++j) prev[static_cast<size_t>(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int row_min = i;
        for (int j = 1; j <= m; ++j) {
            int cost = a[static_cast<size_t>(i - 1)] == b[static_cast<size_t>(j - 1)] ? 0 : 1;
            int v = std::min({prev[static_cast<size_t>(j)] + 1, cur[static_cast<size_t>(j - 1)] + 1,
                              prev[static_cast<size_t>(j - 1)] + cost});
            if (i > 1 && j > 1 && a[static_cast<size_t>(i - 1)] == b[static_cast<size_t>(j - 2)] &&
                a[static_cast<size_t>(i - 2)] == b[static_cast<size_t>(j - 1)])
                v = std::min(v, prev2[static_cast<size_t>(j - 2)] + 1);
            cur[static_cast<size_t>(j)] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > limit) return limit + 1;
        prev2 = prev;
        prev = cur;
    }
    return std::min(prev[static_cast<size_t>(m)], limit + 1);
}

} // namespace hs
