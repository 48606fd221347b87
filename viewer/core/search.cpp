// The search index and its ranking (see search.hpp).
//
//   build:  every field of every topic -> folded words -> vocabulary (open addressing) with the
//           fields each word is in; then the vocabulary sorted by word (prefixes), by stem (plurals)
//           and bucketed by stem length (typos), and each word's rarity across topics.
//   query:  words -> slots (each the vocabulary terms it matches, and how well) -> per field, the
//           best quality of each slot -> per topic, the best field and the slots it covers -> rank.
#include "search.hpp"

#include "catalog.hpp"
#include "search_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
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
    case MatchPlace::Closing: return 1.5f;
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
// an open-addressing table (the table is then kept for the queries). Compact on purpose: every
// word of every topic goes through add().
struct VocabularyBuilder {
    std::string arena;
    std::vector<uint32_t> begin, length;
    // Per word, the last field it was seen in, or kStop for a little word: it is in the
    // vocabulary (to be recognised) and in no field. One array: one look per word of the text.
    static constexpr uint32_t kStop = UINT32_MAX, kNowhere = UINT32_MAX - 1;
    std::vector<uint32_t> last_field;
    std::vector<SearchIndex::Bucket> table = std::vector<SearchIndex::Bucket>(16384);

    std::string_view word(uint32_t id) const { return std::string_view(arena).substr(begin[id], length[id]); }
    uint32_t add(std::string_view w, uint32_t h) {
        if (begin.size() * 2 >= table.size()) grow();
        size_t mask = table.size() - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            SearchIndex::Bucket &b = table[i];
            if (b.term == 0) {
                begin.push_back(static_cast<uint32_t>(arena.size()));
                length.push_back(static_cast<uint32_t>(w.size()));
                last_field.push_back(is_stop_word(w) ? kStop : kNowhere);
                arena.append(w);
                b = {h, static_cast<uint32_t>(begin.size())};
                return b.term - 1;
            }
            if (b.hash == h && word(b.term - 1) == w) return b.term - 1;
        }
    }
    void grow() {
        std::vector<SearchIndex::Bucket> bigger(table.size() * 2);
        size_t mask = bigger.size() - 1;
        for (const SearchIndex::Bucket &b : table) {
            if (b.term == 0) continue;
            size_t i = b.hash & mask;
            while (bigger[i].term != 0) i = (i + 1) & mask;
            bigger[i] = b;
        }
        table = std::move(bigger);
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
    topics_.reserve(topics.size());
    auto add = [&](uint32_t topic, MatchPlace place, const std::string &text, int fix = -1, int step = -1,
                   int faq = -1) {
        if (text.empty()) return;
        Field f;
        f.topic = topic;
        f.place = place;
        f.fix = static_cast<int16_t>(fix);
        f.step = static_cast<int16_t>(step);
        f.faq = static_cast<int16_t>(faq);
        f.weight = place_weight(place);
        f.text = text;
        fields_.push_back(std::move(f));
    };
    for (uint32_t ti = 0; ti < topics.size(); ++ti) {
        const Topic &t = topics[ti];
        first_field_.push_back(static_cast<uint32_t>(fields_.size()));
        TopicInfo info{t.id, t.title, {}, {}, {}};
        add(ti, MatchPlace::Title, t.title);
        for (const std::string &s : t.symptoms) add(ti, MatchPlace::Symptom, s);
        add(ti, MatchPlace::Summary, t.summary);
        add(ti, MatchPlace::Why, t.why);
        for (size_t fi = 0; fi < t.fixes.size() && fi < 1000; ++fi) {
            const Fix &fix = t.fixes[fi];
            int n = static_cast<int>(fi);
            info.steps_per_fix.push_back(fix.steps.size());
            info.fix_titles.push_back(fix.title);
            add(ti, MatchPlace::FixTitle, fix.title, n);
            add(ti, MatchPlace::FixIntro, fix.intro, n);
            for (size_t si = 0; si < fix.steps.size() && si < 1000; ++si) {
                add(ti, MatchPlace::Step, fix.steps[si].text, n, static_cast<int>(si));
                add(ti, MatchPlace::StepNote, fix.steps[si].note, n, static_cast<int>(si));
                add(ti, MatchPlace::StepNote, fix.steps[si].caution, n, static_cast<int>(si));
            }
            add(ti, MatchPlace::FixOutcome, fix.outcome, n);
        }
        for (size_t qi = 0; qi < t.faq.size() && qi < 1000; ++qi) {
            info.questions.push_back(t.faq[qi].question);
            add(ti, MatchPlace::FaqQuestion, t.faq[qi].question, -1, -1, static_cast<int>(qi));
            add(ti, MatchPlace::FaqAnswer, t.faq[qi].answer, -1, -1, static_cast<int>(qi));
        }
        add(ti, MatchPlace::Closing, t.closing);
        topics_.push_back(std::move(info));
    }
    first_field_.push_back(static_cast<uint32_t>(fields_.size()));

    // Every (word, field) pair once, in field order; then gathered per word (a counting sort).
    VocabularyBuilder vocabulary;
    std::vector<uint32_t> pair_term;                  // the words of each field, field after field
    std::vector<uint32_t> pairs_end(fields_.size()); // where each field's words end in pair_term
    size_t text_bytes = 0;
    for (const Field &f : fields_) text_bytes += f.text.size();
    pair_term.reserve(text_bytes / 8); // about one new (word, field) pair per 8 bytes of text
    for (uint32_t fi = 0; fi < fields_.size(); ++fi) {
        WordScanner scan(fields_[fi].text);
        while (scan.next()) {
            uint32_t id = vocabulary.add(scan.folded(), scan.hash());
            // Little words are in every field and tell none apart: indexing them would be most of
            // the work of building and of searching.
            uint32_t &last = vocabulary.last_field[id];
            if (last == fi || last == VocabularyBuilder::kStop) continue;
            last = fi;
            pair_term.push_back(id);
        }
        pairs_end[fi] = static_cast<uint32_t>(pair_term.size());
    }
    terms_.resize(vocabulary.begin.size());
    std::vector<uint32_t> next(terms_.size(), 0); // where the next field of each term goes
    for (uint32_t id : pair_term) ++terms_[id].fields_count;
    uint32_t at = 0;
    for (uint32_t id = 0; id < terms_.size(); ++id) {
        terms_[id].word = std::string(vocabulary.word(id));
        terms_[id].stem = stem(terms_[id].word);
        terms_[id].fields_at = next[id] = at;
        at += terms_[id].fields_count;
    }
    postings_.resize(pair_term.size());
    for (uint32_t fi = 0, i = 0; fi < fields_.size(); ++fi)
        for (; i < pairs_end[fi]; ++i) postings_[next[pair_term[i]]++] = fi;
    // Then per term, its topics with the best weight in each (fields are in topic order).
    std::vector<uint32_t> field_topic(fields_.size());
    std::vector<float> field_weight(fields_.size());
    for (size_t f = 0; f < fields_.size(); ++f) field_topic[f] = fields_[f].topic, field_weight[f] = fields_[f].weight;
    for (Term &term : terms_) {
        term.topics_at = static_cast<uint32_t>(topic_postings_.size());
        for (uint32_t f : fields_of(term)) {
            uint32_t topic = field_topic[f];
            if (topic_postings_.size() == term.topics_at || topic_postings_.back().first != topic)
                topic_postings_.push_back({topic, field_weight[f]});
            else
                topic_postings_.back().second = std::max(topic_postings_.back().second, field_weight[f]);
        }
        term.topics_count = static_cast<uint32_t>(topic_postings_.size() - term.topics_at);
    }
    table_ = std::move(vocabulary.table);

    // Rarity: a word every topic has ("iphone") tells topics apart less than one only this topic has.
    double n = static_cast<double>(std::max<size_t>(1, topics_.size()));
    by_word_.resize(terms_.size());
    by_length_.clear();
    for (uint32_t id = 0; id < terms_.size(); ++id) {
        Term &t = terms_[id];
        size_t df = t.topics_count;
        for (char ch : t.stem)
            if (ch >= 'a' && ch <= 'z') t.letters |= 1u << (ch - 'a');
            else if (ch >= '0' && ch <= '9') t.letters |= 1u << 26;
        t.rarity = static_cast<float>(0.5 + 0.5 * std::log(1 + n / static_cast<double>(df)) / std::log(1 + n));
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
    if (exact_only || word.size() < 5) return out;

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

std::vector<SearchHit> SearchIndex::search(std::string_view query, size_t limit) const {
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
            for (auto [topic, weight] : topics_of(term)) {
                float &b = slot_best[topic * n_slots + s];
                b = std::max(b, weight * q);
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
    std::vector<uint32_t> best_field(keep, 0);
    std::vector<float> field_q;
    for (size_t c = 0; c < keep; ++c) {
        uint32_t ti = candidates[c].topic, first = first_field_[ti], last = first_field_[ti + 1];
        field_q.assign(static_cast<size_t>(last - first) * n_slots, 0);
        for (size_t s = 0; s < n_slots; ++s) {
            float scale = slots[s].stop ? 0.15f : 1.0f;
            for (auto [id, quality] : slots[s].terms) {
                const Term &term = terms_[id];
                float q = quality * term.rarity * scale;
                Span<uint32_t> in = fields_of(term);
                for (auto it = std::lower_bound(in.begin(), in.end(), first); it != in.end() && *it < last; ++it) {
                    float &b = field_q[(*it - first) * n_slots + s];
                    b = std::max(b, q);
                }
            }
        }
        float best = -1;
        for (uint32_t f = first; f < last; ++f) {
            float sum = 0;
            int count = 0;
            for (size_t s = 0; s < n_slots; ++s) {
                float q = field_q[(f - first) * n_slots + s];
                if (q > 0) sum += q, ++count;
            }
            if (count == 0) continue;
            float score = fields_[f].weight * sum * (1 + 0.35f * static_cast<float>(count - 1));
            if (score > best) best = score, best_field[c] = f;
        }
        candidates[c].score = (best + 0.3 * candidates[c].spread) * candidates[c].coverage * candidates[c].coverage;
    }
    std::vector<size_t> order(keep);
    for (size_t i = 0; i < keep; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return by_score(candidates[a], candidates[b]); });
    if (order.size() > limit) order.resize(limit);
    std::vector<SearchHit> hits;
    hits.reserve(order.size());
    for (size_t i : order) hits.push_back(hit(candidates[i].topic, best_field[i], candidates[i].score, slots));
    return hits;
}

SearchHit SearchIndex::hit(uint32_t topic, uint32_t field, double score, const std::vector<Slot> &slots) const {
    const Field &f = fields_[field];
    const TopicInfo &t = topics_[topic];
    SearchHit h;
    h.topic = t.id;
    h.title = t.title;
    h.score = std::round(score * 1000) / 1000;
    h.place = f.place;
    h.fix = f.fix;
    h.step = f.step;
    h.faq = f.faq;
    std::string fix_n = std::to_string(f.fix + 1);
    // Where, for people: the fix's title or the FAQ's question when the match is not in it.
    std::string fix_title = f.fix >= 0 ? ": " + t.fix_titles[static_cast<size_t>(f.fix)] : "";
    switch (f.place) {
    case MatchPlace::Title: h.where = "Topic"; h.route = t.id; break;
    case MatchPlace::Summary: h.where = "Summary"; h.route = t.id; break;
    case MatchPlace::Symptom: h.where = "Symptom"; h.route = t.id; break;
    case MatchPlace::Why: h.where = "Why it happens"; h.route = t.id; break;
    case MatchPlace::Closing: h.where = "Topic"; h.route = t.id; break;
    case MatchPlace::FixTitle:
    case MatchPlace::FixIntro:
        // A fix opens at its first step (where Navigator::open_route("TOPIC/fix/N") lands).
        h.where = "Fix " + fix_n + (f.place == MatchPlace::FixIntro ? fix_title : "");
        h.route = t.id + "/fix/" + fix_n + (t.steps_per_fix[static_cast<size_t>(f.fix)] ? "/step/1" : "");
        break;
    case MatchPlace::FixOutcome: {
        h.step = static_cast<int>(t.steps_per_fix[static_cast<size_t>(f.fix)]) - 1;
        h.where = "Fix " + fix_n + fix_title;
        h.route = t.id + "/fix/" + fix_n + (h.step >= 0 ? "/step/" + std::to_string(h.step + 1) : "");
        break;
    }
    case MatchPlace::Step:
    case MatchPlace::StepNote:
        h.where = "Fix " + fix_n + ", step " + std::to_string(f.step + 1);
        h.route = t.id + "/fix/" + fix_n + "/step/" + std::to_string(f.step + 1);
        break;
    case MatchPlace::FaqQuestion:
    case MatchPlace::FaqAnswer:
        h.where = f.place == MatchPlace::FaqAnswer ? "FAQ: " + t.questions[static_cast<size_t>(f.faq)] : "FAQ";
        h.route = t.id + "/faq/" + std::to_string(f.faq + 1);
        break;
    }
    // The snippet: the field's text with the words that matched any slot marked.
    h.snippet = f.text;
    for (const Word &w : split_words(f.text)) {
        int id = find_term(w.folded);
        bool matched = false;
        for (const Slot &s : slots)
            for (auto [sid, q] : s.terms)
                matched = matched || (static_cast<int>(sid) == id && q > 0);
        if (matched) h.highlights.push_back({w.begin, w.end});
    }
    shorten(h.snippet, h.highlights);
    return h;
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
