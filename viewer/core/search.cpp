// The search index and its ranking (see search.hpp).
//
//   build:  every field of every topic -> folded words -> vocabulary (open addressing) and the
//           forward index (each field's words); from it the inverted index (each word's topics);
//           then the vocabulary sorted by word (prefixes), by stem (plurals) and bucketed by stem
//           length (typos), and each word's rarity across topics.
//   query:  words -> slots (each the vocabulary terms it matches, and how well) -> per topic, the
//           best quality of each slot (inverted index) -> for the likeliest topics, the field where
//           the slots are best found together (forward index) -> rank; the text shown is read
//           from the catalog's topics.
//
// Building reads every word of the catalog (1000 topics: 6 MB of text, 800k words), so it is
// written for that: one pass over the text, no allocation per word or per field, big arrays
// allocated once at their size (bench/search measures it).
#include "search.hpp"

#include "catalog.hpp"
#include "search_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>

namespace hs {
namespace {

constexpr size_t kMaxSlots = 8;   // words of a query that count; the rest are ignored
constexpr size_t kSnippetBytes = 150;

float place_weight(MatchPlace p) {
    switch (p) {
    case MatchPlace::Title: return 10;
    case MatchPlace::Symptom: return 8;
    case MatchPlace::Summary: return 6;
    case MatchPlace::FaqQuestion: return 5;
    case MatchPlace::FixTitle: return 5;
    case MatchPlace::FixIntro: return 3;
    case MatchPlace::Why: return 3;
    case MatchPlace::Step: return 3;
    case MatchPlace::StepNote: return 2;
    case MatchPlace::FixOutcome: return 2;
    case MatchPlace::FaqAnswer: return 2;
    case MatchPlace::AskTeamNote: return 1.5f;
    }
    return 1;
}

uint32_t hash_of(std::string_view s) { return word_hash(s); }

// Cuts `text` to about kSnippetBytes around its first highlight, at word boundaries, and moves the
// highlights with it.
void shorten(std::string &text, std::vector<std::pair<uint32_t, uint32_t>> &marks) {
    if (text.size() <= kSnippetBytes) return;
    auto is_cont = [&](size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
    size_t first = marks.empty() ? 0 : marks.front().first;
    size_t start = first > 40 ? first - 40 : 0;
    while (start > 0 && text[start - 1] != ' ') --start; // back to the start of a word
    if (start > 0 && first - start > 60) start = first;  // a long word: start at the match itself
    size_t end = std::min(text.size(), start + kSnippetBytes);
    if (end < text.size()) {
        size_t space = text.rfind(' ', end);
        if (space != std::string::npos && space > start + kSnippetBytes / 2) end = space;
        while (is_cont(end)) --end;
    }
    std::string out = (start > 0 ? "\xE2\x80\xA6" : "") + text.substr(start, end - start);
    uint32_t shift = start > 0 ? 3 : 0;
    std::vector<std::pair<uint32_t, uint32_t>> kept;
    for (auto [b, e] : marks)
        if (b >= start && e <= end)
            kept.push_back({static_cast<uint32_t>(b - start + shift), static_cast<uint32_t>(e - start + shift)});
    if (end < text.size() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += "\xE2\x80\xA6";
    text = std::move(out);
    marks = std::move(kept);
}

// The vocabulary while the index is built: every distinct word once, in one arena, found through
// an open-addressing table. Compact on purpose: every word of every topic goes through add(), and
// all it looks at of a word is in that word's slot of the table (one memory access for most words).
struct VocabularyBuilder {
    // A little word is in the vocabulary (to be recognised) and in no field: its last field is kStop.
    static constexpr uint32_t kStop = UINT32_MAX, kNowhere = UINT32_MAX - 1;
    struct alignas(32) Slot {
        uint64_t head[2] = {}; // the word's first 16 bytes (word_chunk 0 and 1): most words are no longer
        uint32_t hash = 0;
        uint32_t term = 0; // id + 1; 0: an empty slot
        uint32_t last_field = kNowhere; // the last field it was seen in
        uint32_t pair = 0;              // 1 + where its last (term, topic) pair is in `pairs`; 0: none yet
    };
    static_assert(sizeof(Slot) == 32 && alignof(Slot) == 32); // two slots to a cache line, none across two
    std::vector<Slot> table;
    std::string arena;                 // the words, back to back
    std::vector<uint32_t> begin;       // per id, where its word starts in arena (and ends where the next starts)
    std::vector<uint32_t> topic_count; // per id, how many topics it is in (little words: none)
    // Each (term, topic) once, topic after topic, with the term's best place in the topic:
    // term << 4 | place. Each topic's pairs start at pairs_begin[topic].
    std::vector<uint32_t, BigArrayAllocator<uint32_t>> pairs;
    std::vector<uint32_t> pairs_begin;

    // A table for about the vocabulary `text_bytes` of text has (it grows if that is too few).
    explicit VocabularyBuilder(size_t text_bytes) {
        size_t slots = 1024;
        while (slots < 8192 && slots * 512 < text_bytes) slots *= 2;
        table.resize(slots);
    }
    size_t size() const { return begin.size(); }
    std::string_view word(uint32_t id) const {
        size_t end = id + 1 < begin.size() ? begin[id + 1] : arena.size();
        return std::string_view(arena).substr(begin[id], end - begin[id]);
    }
    // The slot of word `w` (hash h = word_hash(w), head = its chunks 0 and 1), added if new.
    // Valid until the next add().
    Slot &add(std::string_view w, uint32_t h, uint64_t head0, uint64_t head1) {
        if (size() * 4 >= table.size() * 3) grow();
        size_t mask = table.size() - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            Slot &s = table[i];
            if (s.term == 0) {
                begin.push_back(static_cast<uint32_t>(arena.size()));
                topic_count.push_back(0);
                arena.append(w);
                s.head[0] = head0;
                s.head[1] = head1;
                s.hash = h;
                s.term = static_cast<uint32_t>(begin.size());
                if (is_stop_word(w)) s.last_field = kStop;
                return s;
            }
            // Equal heads are equal words when shorter than 16 bytes (a word has no zero byte).
            if (s.hash == h && s.head[0] == head0 && s.head[1] == head1 && (w.size() < 16 || word(s.term - 1) == w))
                return s;
        }
    }
    void prefetch(uint32_t h) const { __builtin_prefetch(&table[h & (table.size() - 1)]); }
    void grow() {
        std::vector<Slot> bigger(table.size() * 2);
        size_t mask = bigger.size() - 1;
        for (const Slot &s : table) {
            if (s.term == 0) continue;
            size_t i = s.hash & mask;
            while (bigger[i].term != 0) i = (i + 1) & mask;
            bigger[i] = s;
        }
        table = std::move(bigger);
    }
    // The table as the index keeps it for queries: the same slots, without what building needed.
    std::vector<SearchIndex::Bucket> buckets() const {
        std::vector<SearchIndex::Bucket> out(table.size());
        for (size_t i = 0; i < table.size(); ++i) out[i] = {table[i].hash, table[i].term};
        return out;
    }
};

} // namespace

// --- Building ------------------------------------------------------------------------------------

int SearchIndex::find_term(std::string_view word) const {
    if (table_.empty()) return -1;
    uint32_t h = hash_of(word);
    size_t mask = table_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const Bucket &b = table_[i];
        if (b.term == 0) return -1;
        if (b.hash == h && terms_[b.term - 1].word == word) return static_cast<int>(b.term - 1);
    }
}

SearchIndex::SearchIndex(const std::vector<Topic> &topics) {
    // Sized first, then filled: fresh memory costs more than anything else here (each new page is
    // a fault), so every big array is allocated once, at its size.
    size_t field_count = 0, text_bytes = 0;
    for (const Topic &t : topics)
        for_each_field(t, [&](MatchPlace, const std::string &text, int, int, int) {
            field_count += text.empty() ? 0 : 1;
            text_bytes += text.size();
        });
    fields_.reserve(field_count);
    first_field_.reserve(topics.size() + 1);
    topics_.reserve(topics.size());
    words_.reserve(text_bytes / 7); // a field has about one new word per 8 bytes of text

    // 1. The forward index: every field's words, as vocabulary terms, each once per field; and
    //    each term once per topic, with its best place there (for the inverted index).
    VocabularyBuilder vocabulary(text_bytes);
    vocabulary.pairs.reserve(text_bytes / 14);
    vocabulary.pairs_begin.reserve(topics.size() + 1);
    for (uint32_t ti = 0; ti < topics.size(); ++ti) {
        first_field_.push_back(static_cast<uint32_t>(fields_.size()));
        topics_.push_back({topics[ti].id, topics[ti].version});
        auto topic_pairs = static_cast<uint32_t>(vocabulary.pairs.size());
        vocabulary.pairs_begin.push_back(topic_pairs);
        for_each_field(topics[ti], [&](MatchPlace place, const std::string &text, int, int, int) {
            if (text.empty()) return;
            auto fi = static_cast<uint32_t>(fields_.size());
            auto p = static_cast<uint32_t>(place);
            // Each word is looked up while the next one is read: its slot is fetched from memory
            // meanwhile (the table is too big for the fastest cache, and most words are old ones).
            WordScanner scan(text);
            for (bool more = scan.next(); more;) {
                std::string_view w = scan.folded();
                uint32_t h = scan.hash();
                uint64_t head0 = scan.chunk(0), head1 = w.size() > 8 ? scan.chunk(1) : 0;
                vocabulary.prefetch(h);
                more = scan.next(); // w stays readable
                VocabularyBuilder::Slot &word = vocabulary.add(w, h, head0, head1);
                if (word.last_field == fi || word.last_field == VocabularyBuilder::kStop) continue;
                word.last_field = fi;
                uint32_t id = word.term - 1;
                words_.push_back(id);
                if (word.pair <= topic_pairs) { // first seen in this topic
                    vocabulary.pairs.push_back(id << 4 | p);
                    word.pair = static_cast<uint32_t>(vocabulary.pairs.size());
                    ++vocabulary.topic_count[id];
                } else if (uint32_t &best = vocabulary.pairs[word.pair - 1];
                           place_weight(place) > place_weight(static_cast<MatchPlace>(best & 0xF))) {
                    best = id << 4 | p;
                }
            }
            fields_.push_back({ti, static_cast<uint32_t>(words_.size()), place});
        });
    }
    first_field_.push_back(static_cast<uint32_t>(fields_.size()));
    vocabulary.pairs_begin.push_back(static_cast<uint32_t>(vocabulary.pairs.size()));
    table_ = vocabulary.buckets();

    // 2. The inverted index, per term its topics with the best place in each: the pairs above,
    //    gathered by term (a counting sort: each term's topics come out ascending).
    terms_.resize(vocabulary.size());
    std::vector<uint32_t> next(terms_.size()); // where each term's next topic goes
    uint32_t at = 0;
    for (uint32_t id = 0; id < terms_.size(); ++id) {
        terms_[id].topics_at = next[id] = at;
        terms_[id].topics_count = vocabulary.topic_count[id];
        at += terms_[id].topics_count;
    }
    topic_postings_.resize(at);
    for (uint32_t ti = 0; ti < topics_.size(); ++ti)
        for (uint32_t i = vocabulary.pairs_begin[ti]; i < vocabulary.pairs_begin[ti + 1]; ++i) {
            uint32_t pair = vocabulary.pairs[i];
            topic_postings_[next[pair >> 4]++].packed = ti << 4 | (pair & 0xF);
        }

    // 3. Per term: its word and stem, its rarity (a word every topic has, "iphone", tells topics
    //    apart less than one only this topic has), and the orders matching looks terms up in.
    double n = static_cast<double>(std::max<size_t>(1, topics_.size()));
    by_word_.resize(terms_.size());
    by_length_.clear();
    for (uint32_t id = 0; id < terms_.size(); ++id) {
        Term &t = terms_[id];
        t.word = std::string(vocabulary.word(id));
        t.stem = stem(t.word);
        for (char ch : t.stem)
            if (ch >= 'a' && ch <= 'z') t.letters |= 1u << (ch - 'a');
            else if (ch >= '0' && ch <= '9') t.letters |= 1u << 26;
        t.rarity = static_cast<float>(0.5 + 0.5 * std::log(1 + n / std::max(1.0, static_cast<double>(t.topics_count))) /
                                                std::log(1 + n));
        by_word_[id] = id;
        if (by_length_.size() <= t.stem.size()) by_length_.resize(t.stem.size() + 1);
        by_length_[t.stem.size()].push_back(id);
    }
    by_stem_ = by_word_;
    std::sort(by_word_.begin(), by_word_.end(), [&](uint32_t a, uint32_t b) { return terms_[a].word < terms_[b].word; });
    std::sort(by_stem_.begin(), by_stem_.end(), [&](uint32_t a, uint32_t b) { return terms_[a].stem < terms_[b].stem; });
}

// --- Matching ------------------------------------------------------------------------------------

// The vocabulary terms `word` (folded) matches, with a quality: 1 the same word, 0.95 the same
// stem, about 0.8 a completion of the word being typed, 0.6 / 0.45 one / two typos, 0.5 a typo in
// the part typed so far. `exact_only` leaves out typos (for joined words).
std::vector<std::pair<uint32_t, float>> SearchIndex::match(const std::string &word, bool typing,
                                                           bool exact_only) const {
    std::vector<std::pair<uint32_t, float>> out;
    auto put = [&](uint32_t id, float q) {
        for (auto &m : out)
            if (m.first == id) {
                m.second = std::max(m.second, q);
                return;
            }
        out.push_back({id, q});
    };
    std::string st = stem(word);
    auto range = std::equal_range(by_stem_.begin(), by_stem_.end(), st, [&](const auto &a, const auto &b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, std::string>) return a < terms_[b].stem;
        else return terms_[a].stem < b;
    });
    for (auto it = range.first; it != range.second; ++it) put(*it, terms_[*it].word == word ? 1.0f : 0.95f);

    if (typing && !word.empty()) {
        // Completions of the word being typed. A letter or two could be the start of hundreds of
        // words: only the most widely used ones count until more is typed.
        auto it = std::lower_bound(by_word_.begin(), by_word_.end(), word,
                                   [&](uint32_t a, const std::string &w) { return terms_[a].word < w; });
        std::vector<uint32_t> completions;
        for (; it != by_word_.end() && terms_[*it].word.compare(0, word.size(), word) == 0; ++it)
            if (terms_[*it].word.size() > word.size()) completions.push_back(*it);
        size_t cap = word.size() <= 2 ? 12 : 40;
        if (completions.size() > cap) {
            std::partial_sort(completions.begin(), completions.begin() + static_cast<long>(cap), completions.end(),
                              [&](uint32_t a, uint32_t b) { return terms_[a].topics_count > terms_[b].topics_count; });
            completions.resize(cap);
        }
        for (uint32_t id : completions) {
            float share = static_cast<float>(word.size()) / static_cast<float>(terms_[id].word.size());
            put(id, 0.7f + 0.15f * share);
        }
    }
    // A CJK piece is one or two whole characters: a byte or two off is another word, not a typo.
    if (exact_only || word.size() < 5 || is_cjk_word(word)) return out;

    int limit = word.size() >= 9 ? 2 : 1;
    uint32_t letters = 0;
    for (char ch : st)
        if (ch >= 'a' && ch <= 'z') letters |= 1u << (ch - 'a');
        else if (ch >= '0' && ch <= '9') letters |= 1u << 26;
    for (size_t len = st.size() > 2 ? st.size() - limit : 0; len <= st.size() + limit && len < by_length_.size(); ++len)
        for (uint32_t id : by_length_[len]) {
            // One edit changes which letters a word has by two at most.
            if (__builtin_popcount(letters ^ terms_[id].letters) > 2 * limit) continue;
            int d = bounded_distance(st, terms_[id].stem, limit);
            if (d > 0 && d <= limit) put(id, d == 1 ? 0.6f : 0.45f);
        }
    if (typing) { // a typo in what is typed so far: "imesa" is on its way to "imessage"
        for (const Term &t : terms_) {
            if (t.word.size() <= word.size() || t.word[0] != word[0]) continue;
            std::string_view w(t.word);
            size_t n = word.size();
            for (size_t len : {n - 1, n, n + 1})
                if (len < w.size() && bounded_distance(word, w.substr(0, len), 1) <= 1) {
                    put(static_cast<uint32_t>(&t - terms_.data()), 0.5f);
                    break;
                }
        }
    }
    return out;
}

std::vector<SearchIndex::Slot> SearchIndex::slots(std::string_view query) const {
    std::vector<Word> words = split_words(query);
    // The last word is still being typed unless something (a space) follows it.
    bool typing = !words.empty() && words.back().end == query.size();
    if (words.size() > kMaxSlots) {
        words.resize(kMaxSlots);
        typing = false;
    }
    std::vector<Slot> out;
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string &w = words[i].folded;
        bool last = i + 1 == words.size();
        Slot slot;
        // Two words that are one: "face time" -> facetime, "i message" -> imessage.
        if (!last) {
            std::string joined = w + words[i + 1].folded;
            bool next_typing = typing && i + 2 == words.size();
            auto j = match(joined, next_typing && joined.size() >= 4, true);
            if (!j.empty()) {
                for (auto [id, q] : j) slot.terms.push_back({id, q * 0.95f});
                out.push_back(std::move(slot));
                ++i;
                continue;
            }
        }
        slot.terms = match(w, typing && last, false);
        slot.stop = is_stop_word(w);
        if (is_cjk_word(w)) {
            // A pair no topic has is most often one across two words of the query ("信息无法" gives
            // 息无): it is not needed. Nor is it cut in two like "wifi": its halves are not words.
            slot.stop = slot.stop || slot.terms.empty();
            out.push_back(std::move(slot));
            continue;
        }
        // One word that is two: "wifi" -> wi fi, "voicemail" -> voice mail. Only when the word is
        // not itself in the vocabulary; either half then counts.
        bool whole = std::any_of(slot.terms.begin(), slot.terms.end(), [](auto &m) { return m.second >= 0.95f; });
        if (!whole && w.size() >= 4 && !(typing && last)) {
            size_t best = 0, best_balance = 0; // the most even cut into two known words
            for (size_t cut = 1; cut + 2 <= w.size(); ++cut) {
                size_t balance = std::min(cut, w.size() - cut);
                if (balance > best_balance && find_term(w.substr(0, cut)) >= 0 && find_term(w.substr(cut)) >= 0)
                    best = cut, best_balance = balance;
            }
            if (best > 0) {
                slot.terms.push_back({static_cast<uint32_t>(find_term(w.substr(0, best))), 0.85f});
                slot.terms.push_back({static_cast<uint32_t>(find_term(w.substr(best))), 0.85f});
            }
        }
        out.push_back(std::move(slot));
    }
    return out;
}

// --- Ranking -------------------------------------------------------------------------------------

std::vector<SearchHit> SearchIndex::search(const std::vector<Topic> &topics, std::string_view query,
                                           size_t limit) const {
    std::vector<Slot> slots = this->slots(query);
    if (slots.empty() || topics_.empty() || limit == 0) return {};
    const size_t n_slots = slots.size(), n_topics = topics_.size();
    size_t needed_slots = 0;
    for (const Slot &s : slots) needed_slots += s.stop ? 0 : 1;

    // 1. Per topic, the best weighted quality of each slot anywhere in it, from the terms' topic
    //    lists (short: one entry per topic). Little words are in no field: they match nothing.
    std::vector<float> slot_best(n_topics * n_slots, 0);
    std::vector<uint32_t> touched;
    std::vector<char> seen(n_topics, 0);
    for (size_t s = 0; s < n_slots; ++s) {
        if (slots[s].stop) continue;
        for (auto [id, quality] : slots[s].terms) {
            const Term &term = terms_[id];
            float q = quality * term.rarity;
            for (TopicPosting p : topics_of(term)) {
                uint32_t topic = p.topic();
                float &b = slot_best[topic * n_slots + s];
                b = std::max(b, place_weight(p.place()) * q);
                if (!seen[topic]) seen[topic] = 1, touched.push_back(topic);
            }
        }
    }
    // Most of the words must be there: "bluetooth won't pair" is not every topic with "pair".
    struct Candidate {
        uint32_t topic;
        double coverage, spread, score;
    };
    std::vector<Candidate> candidates;
    for (uint32_t ti : touched) {
        double spread = 0;
        size_t covered = 0;
        for (size_t s = 0; s < n_slots; ++s) {
            spread += slot_best[ti * n_slots + s];
            if (slot_best[ti * n_slots + s] > 0) ++covered;
        }
        double coverage = needed_slots ? static_cast<double>(covered) / static_cast<double>(needed_slots) : 1.0;
        if (covered == 0 || (needed_slots >= 3 && coverage < 0.6)) continue;
        candidates.push_back({ti, coverage, spread, spread * coverage * coverage});
    }
    // Step 2 looks closer at the likeliest topics only; its score stays within a factor of the first.
    size_t keep = std::min(candidates.size(), 3 * limit + 10);
    auto by_score = [](const Candidate &a, const Candidate &b) {
        return a.score != b.score ? a.score > b.score : a.topic < b.topic;
    };
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<long>(keep), candidates.end(), by_score);
    candidates.resize(keep);

    // 2. For each candidate, the field where the words are best found together: that is the place
    //    the result opens at, and words together in one sentence say more than words scattered.
    //    Each candidate's fields are read from the forward index; a term of the query leads to its
    //    quality in each slot (term_row: row + 1 in slot_q, 0 for a term the query does not have).
    std::vector<uint16_t> term_row(terms_.size(), 0);
    std::vector<float> slot_q; // a row of n_slots qualities per term of the query
    for (size_t s = 0; s < n_slots; ++s) {
        float scale = slots[s].stop ? 0.15f : 1.0f;
        for (auto [id, quality] : slots[s].terms) {
            if (term_row[id] == 0) {
                if (slot_q.size() / n_slots >= UINT16_MAX) continue; // no query has that many terms
                slot_q.resize(slot_q.size() + n_slots, 0);
                term_row[id] = static_cast<uint16_t>(slot_q.size() / n_slots);
            }
            float &q = slot_q[(term_row[id] - 1u) * n_slots + s];
            q = std::max(q, quality * terms_[id].rarity * scale);
        }
    }
    std::vector<uint32_t> best_field(keep, 0);
    std::vector<float> field_q(n_slots);
    for (size_t c = 0; c < keep; ++c) {
        uint32_t ti = candidates[c].topic;
        float best = -1;
        for (uint32_t f = first_field_[ti]; f < first_field_[ti + 1]; ++f) {
            std::fill(field_q.begin(), field_q.end(), 0.0f);
            for (uint32_t id : words_of(f)) {
                if (term_row[id] == 0) continue;
                const float *row = &slot_q[(term_row[id] - 1u) * n_slots];
                for (size_t s = 0; s < n_slots; ++s) field_q[s] = std::max(field_q[s], row[s]);
            }
            float sum = 0;
            int count = 0;
            for (size_t s = 0; s < n_slots; ++s)
                if (field_q[s] > 0) sum += field_q[s], ++count;
            if (count == 0) continue;
            float score = place_weight(fields_[f].place) * sum * (1 + 0.35f * static_cast<float>(count - 1));
            if (score > best) best = score, best_field[c] = f;
        }
        candidates[c].score = (best + 0.3 * candidates[c].spread) * candidates[c].coverage * candidates[c].coverage;
    }
    std::vector<size_t> order(keep);
    for (size_t i = 0; i < keep; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return by_score(candidates[a], candidates[b]); });
    std::vector<SearchHit> hits;
    hits.reserve(std::min(order.size(), limit));
    for (size_t i : order) {
        if (hits.size() == limit) break;
        uint32_t ti = candidates[i].topic;
        SearchHit h;
        if (ti < topics.size() && hit(topics[ti], best_field[i], candidates[i].score, slots, h))
            hits.push_back(std::move(h));
    }
    return hits;
}

bool SearchIndex::hit(const Topic &topic, uint32_t field, double score, const std::vector<Slot> &slots,
                      SearchHit &h) const {
    const Field &f = fields_[field];
    const IndexedTopic &indexed = topics_[f.topic];
    if (topic.id != indexed.id || topic.version != indexed.version) return false; // not the topic indexed
    // The field's text and where it is: the n-th non-empty text of the topic (which must have as
    // many as when it was indexed).
    uint32_t wanted = field - first_field_[f.topic], n = 0;
    const std::string *text = nullptr;
    for_each_field(topic, [&](MatchPlace place, const std::string &t, int fix, int step, int faq) {
        if (t.empty()) return;
        if (n++ == wanted && place == f.place) text = &t, h.fix = fix, h.step = step, h.faq = faq;
    });
    if (!text || n != first_field_[f.topic + 1] - first_field_[f.topic]) return false;
    h.topic = topic.id;
    h.title = topic.title;
    h.score = std::round(score * 1000) / 1000;
    h.place = f.place;
    auto steps_in = [&](int fix) { return topic.fixes[static_cast<size_t>(fix)].steps.size(); };
    std::string fix_n = std::to_string(h.fix + 1);
    // Where, for people: the fix's title or the FAQ's question when the match is not in it.
    std::string fix_title = h.fix >= 0 ? ": " + topic.fixes[static_cast<size_t>(h.fix)].title : "";
    switch (f.place) {
    case MatchPlace::Title: h.where = "Topic"; h.route = topic.id; break;
    case MatchPlace::Summary: h.where = "Summary"; h.route = topic.id; break;
    case MatchPlace::Symptom: h.where = "Symptom"; h.route = topic.id; break;
    case MatchPlace::Why: h.where = "Why it happens"; h.route = topic.id; break;
    case MatchPlace::AskTeamNote: h.where = "Topic"; h.route = topic.id; break;
    case MatchPlace::FixTitle:
    case MatchPlace::FixIntro:
        // A fix opens at its first step (where Navigator::open_route("TOPIC/fix/N") lands).
        h.where = "Fix " + fix_n + (f.place == MatchPlace::FixIntro ? fix_title : "");
        h.route = topic.id + "/fix/" + fix_n + (steps_in(h.fix) ? "/step/1" : "");
        break;
    case MatchPlace::FixOutcome: {
        h.step = static_cast<int>(steps_in(h.fix)) - 1;
        h.where = "Fix " + fix_n + fix_title;
        h.route = topic.id + "/fix/" + fix_n + (h.step >= 0 ? "/step/" + std::to_string(h.step + 1) : "");
        break;
    }
    case MatchPlace::Step:
    case MatchPlace::StepNote:
        h.where = "Fix " + fix_n + ", step " + std::to_string(h.step + 1);
        h.route = topic.id + "/fix/" + fix_n + "/step/" + std::to_string(h.step + 1);
        break;
    case MatchPlace::FaqQuestion:
    case MatchPlace::FaqAnswer:
        h.where = f.place == MatchPlace::FaqAnswer ? "FAQ: " + topic.faq[static_cast<size_t>(h.faq)].question : "FAQ";
        h.route = topic.id + "/faq/" + std::to_string(h.faq + 1);
        break;
    }
    // The snippet: the field's text with the words that matched any slot marked.
    h.snippet = *text;
    for (const Word &w : split_words(h.snippet)) {
        int id = find_term(w.folded);
        bool matched = false;
        for (const Slot &s : slots)
            for (auto [sid, q] : s.terms)
                matched = matched || (static_cast<int>(sid) == id && q > 0);
        if (!matched) continue;
        // CJK pieces overlap (信息, 息无): one mark over touching or overlapping pieces.
        if (!h.highlights.empty() && w.begin <= h.highlights.back().second)
            h.highlights.back().second = std::max(h.highlights.back().second, w.end);
        else
            h.highlights.push_back({w.begin, w.end});
    }
    shorten(h.snippet, h.highlights);
    return true;
}

// --- Around the index ----------------------------------------------------------------------------

std::vector<std::string> most_used_topics(const Catalog &catalog, const std::vector<std::string> &ranking,
                                          size_t count) {
    std::vector<std::string> out;
    auto take = [&](const std::string &id) {
        if (out.size() < count && catalog.find(id) && std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    };
    for (const std::string &id : ranking) take(id);
    for (const Topic &t : catalog.topics) take(t.id);
    return out;
}

std::shared_ptr<const SearchIndex> search_index(const Catalog &catalog) {
    return catalog.search ? catalog.search : SearchIndex::build(catalog.topics);
}

std::vector<SearchHit> search(const Catalog &catalog, std::string_view query, size_t limit) {
    return search_index(catalog)->search(catalog.topics, query, limit);
}

std::string search_results_json(std::string_view query, const std::vector<SearchHit> &hits) {
    using json = nlohmann::ordered_json; // keys in the order people read them
    json results = json::array();
    for (const SearchHit &h : hits)
        results.push_back({{"topic", h.topic},
                           {"title", h.title},
                           {"score", h.score},
                           {"where", h.where},
                           {"route", h.route},
                           {"snippet", h.snippet}});
    return json{{"query", std::string(query)}, {"results", results}}.dump(2) + "\n";
}

} // namespace hs
