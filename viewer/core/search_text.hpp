// The text side of search: how a sentence becomes the words search compares. No GL, no ImGui.
//
// Both the topics' text and the customer's query go through the same steps, so they meet:
//   fold     lower case, common Latin accents dropped (é -> e, ß -> ss), apostrophes removed
//            ("won't" -> "wont"), anything else that is not a letter or digit splits words
//   CJK      Chinese (and Japanese kana) has no spaces between words: a run of such characters
//            is read as the overlapping pairs of neighbours ("无法激活" -> 无法, 法激, 激活), and a
//            character alone as itself. Text and query alike: a pair is then a word like any
//            other, matched exactly (no typos, no plurals). A single character typed finds the
//            pairs it begins, as the word being typed (search.hpp). Pairs only, not characters
//            too: a character index would double the pieces, and the time to build the index.
//   stem     plural to singular, the simple English way ("batteries" -> "battery", "texts" -> "text")
//   distance Damerau (optimal string alignment): "voicemial" is one swap from "voicemail"
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace hs {

struct Word {
    std::string folded;          // lower case, no accents, no apostrophes
    uint32_t begin = 0, end = 0; // byte range of the word in the original text
};

// Bytes 8 * i.. of a word as one number, zero-padded past its end (how words are hashed and
// compared eight bytes at a time).
inline uint64_t word_chunk(std::string_view s, size_t i) {
    uint64_t x = 0;
    std::memcpy(&x, s.data() + 8 * i, std::min<size_t>(8, s.size() - 8 * i));
    return x;
}

// The hash of a folded word of `size` bytes, given its chunks: words are short, and hashing them
// is in the inner loop of building an index (a byte-at-a-time hash such as FNV-1a waits on one
// multiply per letter; this one, on one per eight).
template <class Chunk> uint32_t word_hash_of_chunks(size_t size, Chunk &&chunk) {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ size;
    for (size_t i = 0; 8 * i < size; ++i) {
        h = (h ^ chunk(i)) * 0xbf58476d1ce4e5b9ull; // splitmix64's multiplier
        h ^= h >> 29;
    }
    return static_cast<uint32_t>(h ^ (h >> 32));
}
inline uint32_t word_hash(std::string_view s) {
    return word_hash_of_chunks(s.size(), [&](size_t i) { return word_chunk(s, i); });
}

// True for the characters read as CJK pieces: Han ideographs and Japanese kana.
bool is_cjk(uint32_t codepoint);
// True when the folded word is a CJK piece (its first character is CJK).
bool is_cjk_word(std::string_view folded);

// Walks the words of a text one at a time, reusing two buffers (building the index reads every
// word of every topic: no allocation per word, and a run of ASCII letters in one tight loop).
// The word before stays readable while the next is scanned (folded() of it stays valid for one
// more call of next()): a reader can look one word up while the next is being read.
class WordScanner {
public:
    explicit WordScanner(std::string_view text) : text_(text) {}
    bool next(); // moves to the next word; false at the end
    // The word, folded (at most kMaxWord bytes: longer ones are cut there).
    std::string_view folded() const { return std::string_view(word_[current_], length_); }
    uint64_t chunk(size_t i) const { // word_chunk(folded(), i), read whole thanks to the padding
        uint64_t x;
        std::memcpy(&x, word_[current_] + 8 * i, 8);
        return x;
    }
    uint32_t hash() const { return word_hash_of_chunks(length_, [&](size_t i) { return chunk(i); }); }
    uint32_t begin() const { return begin_; }
    uint32_t end() const { return end_; }

private:
    static constexpr size_t kMaxWord = 64;
    static constexpr size_t kNone = SIZE_MAX;
    bool cjk_piece(size_t begin, size_t end, char *word, size_t &length);
    std::string_view text_;
    size_t at_ = 0;
    size_t cjk_begin_ = kNone, cjk_end_ = kNone; // the CJK character read last: the next may pair with it
    char word_[2][kMaxWord + 8]; // this word and the one before, zero-padded: chunks are read whole
    int current_ = 1;
    size_t length_ = 0;
    uint32_t begin_ = 0, end_ = 0;
};

// The words of `text` (UTF-8), folded, with where each one is in `text` (CJK pairs overlap).
std::vector<Word> split_words(std::string_view text);

// `word` (already folded) without its plural ending.
std::string stem(std::string_view word);

// True for the little words that say nothing about a problem ("my", "the", "is", "won't").
bool is_stop_word(std::string_view folded);

// The optimal string alignment distance between a and b if it is at most `limit`, else limit + 1.
// Gives up early: comparing a word with a whole vocabulary stays cheap.
int bounded_distance(std::string_view a, std::string_view b, int limit);

} // namespace hs
