// The text side of search: how a sentence becomes the words search compares. No GL, no ImGui.
//
// Both the topics' text and the customer's query go through the same steps, so they meet:
//   fold     lower case, common Latin accents dropped (é -> e, ß -> ss), apostrophes removed
//            ("won't" -> "wont"), anything else that is not a letter or digit splits words
//   stem     plural to singular, the simple English way ("batteries" -> "battery", "texts" -> "text")
//   distance Damerau (optimal string alignment): "voicemial" is one swap from "voicemail"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hs {

struct Word {
    std::string folded;          // lower case, no accents, no apostrophes
    uint32_t begin = 0, end = 0; // byte range of the word in the original text
};

// Walks the words of a text one at a time, reusing one buffer (building the index reads every
// word of every topic: no allocation per word).
class WordScanner {
public:
    explicit WordScanner(std::string_view text) : text_(text) {}
    bool next(); // moves to the next word; false at the end
    // The word, folded (at most kMaxWord bytes: longer ones are cut there).
    std::string_view folded() const { return std::string_view(word_, length_); }
    uint32_t hash() const { return hash_; } // word_hash(folded()), worked out on the way
    uint32_t begin() const { return begin_; }
    uint32_t end() const { return end_; }

private:
    static constexpr size_t kMaxWord = 64;
    std::string_view text_;
    size_t at_ = 0;
    char word_[kMaxWord];
    size_t length_ = 0;
    uint32_t begin_ = 0, end_ = 0;
    uint32_t hash_ = 0;
};

// FNV-1a of a folded word: words are short, and hashing them is the inner loop of building an index.
constexpr uint32_t kWordHashSeed = 2166136261u;
inline uint32_t word_hash_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
inline uint32_t word_hash(std::string_view s) {
    uint32_t h = kWordHashSeed;
    for (char c : s) h = word_hash_step(h, static_cast<unsigned char>(c));
    return h;
}

// The words of `text` (UTF-8), folded, with where each one is in `text`.
std::vector<Word> split_words(std::string_view text);

// `word` (already folded) without its plural ending.
std::string stem(std::string_view word);

// True for the little words that say nothing about a problem ("my", "the", "is", "won't").
bool is_stop_word(std::string_view folded);

// The optimal string alignment distance between a and b if it is at most `limit`, else limit + 1.
// Gives up early: comparing a word with a whole vocabulary stays cheap.
int bounded_distance(std::string_view a, std::string_view b, int limit);

} // namespace hs
