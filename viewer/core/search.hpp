// Search: "find my problem" from what the customer sees, typed on the kiosk. No GL, no ImGui.
//
// The index is built once per catalog (by the plugin host's worker, off the UI thread) over
// everything a topic says: title, symptoms, summary, why, fixes (title, intro, steps, notes,
// outcome) and FAQ. A query is matched word by word against the index's vocabulary, so it
// tolerates how people type:
//   case and accents        "FACETIME", "télé"          folded on both sides (search_text.hpp)
//   word order              "pair bluetooth"            words are matched one by one
//   plural / singular       "bubble", "texts"           both sides are stemmed
//   typos                   "imesage", "voicemial"      1 edit in words of 5+ letters, 2 from 9
//   missing/extra spaces    "face time", "wifi"         adjacent words joined, a word split in two
//   typing                  "voicem"                    the last word (still being typed) is a prefix
//   little words            "my", "is", "not working"   left out of the index and of the query
// then topics are ranked by where their words are (title and symptoms weigh most), how many of
// the query's words they have, and how rare those words are.
#pragma once

#include "content.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hs {

struct Catalog;

// Where in a topic a match is.
enum class MatchPlace { Title, Summary, Symptom, Why, Closing, FixTitle, FixIntro, Step, StepNote, FixOutcome,
                        FaqQuestion, FaqAnswer };

struct SearchHit {
    std::string topic; // id
    std::string title; // the topic's title
    double score = 0;
    MatchPlace place = MatchPlace::Title;
    int fix = -1, step = -1, faq = -1; // 0-based where they apply, else -1
    std::string route;   // what Navigator::open_route opens: TOPIC, TOPIC/fix/N[/step/M], TOPIC/faq/N
    std::string where;   // for people: "Symptom", "Fix 2, step 3", "FAQ: Does RCS cost extra?"
    std::string snippet; // the matched text, shortened around the match ("…" where cut)
    std::vector<std::pair<uint32_t, uint32_t>> highlights; // byte ranges of matched words in snippet
};

class SearchIndex {
public:
    explicit SearchIndex(const std::vector<Topic> &topics);
    static std::shared_ptr<const SearchIndex> build(const std::vector<Topic> &topics) {
        return std::make_shared<const SearchIndex>(topics);
    }

    // The best `limit` topics for `query`, best first; empty when nothing matches. The last word
    // counts as still being typed unless the query ends with a space.
    std::vector<SearchHit> search(std::string_view query, size_t limit = 20) const;

    size_t topic_count() const { return topics_.size(); }
    size_t vocabulary_size() const { return terms_.size(); }

    // One piece of a topic's text; the unit matches are found in and shown from.
    struct Field {
        uint32_t topic = 0;
        MatchPlace place = MatchPlace::Title;
        int16_t fix = -1, step = -1, faq = -1;
        float weight = 1;
        std::string text;
    };
    // One distinct folded word of the whole catalog, and the fields it is in.
    template <class T> struct Span {
        const T *first = nullptr, *last = nullptr;
        const T *begin() const { return first; }
        const T *end() const { return last; }
        size_t size() const { return static_cast<size_t>(last - first); }
    };
    struct Term {
        std::string word, stem;
        uint32_t fields_at = 0, fields_count = 0; // in postings_: the fields it is in, ascending
        uint32_t topics_at = 0, topics_count = 0; // in topic_postings_: the topics it is in, ascending
        float rarity = 1;             // 1 for a word of one topic, less for words every topic has
        uint32_t letters = 0;         // a bit per letter of the stem: a quick "too different to be a typo"
    };
    struct Bucket {
        uint32_t hash = 0, term = 0; // term id + 1; 0: empty
    };
    // One word of the query (or two joined), and the terms it matches with how well (0..1].
    struct Slot {
        std::vector<std::pair<uint32_t, float>> terms;
        bool stop = false; // a little word: it ranks, but is not needed
    };

private:
    std::vector<Slot> slots(std::string_view query) const;
    std::vector<std::pair<uint32_t, float>> match(const std::string &word, bool typing, bool exact_only) const;
    int find_term(std::string_view word) const; // -1 when not in the vocabulary
    SearchHit hit(uint32_t topic, uint32_t field, double score, const std::vector<Slot> &slots) const;

    struct TopicInfo {
        std::string id, title;
        std::vector<size_t> steps_per_fix;
        std::vector<std::string> fix_titles, questions;
    };
    std::vector<TopicInfo> topics_;
    std::vector<Field> fields_;
    std::vector<uint32_t> first_field_; // of each topic, and one past the last field at the end
    std::vector<Term> terms_;
    std::vector<uint32_t> postings_;
    // Per term and topic, the weight of the best place the term has in that topic.
    std::vector<std::pair<uint32_t, float>> topic_postings_;
    Span<uint32_t> fields_of(const Term &t) const {
        return {postings_.data() + t.fields_at, postings_.data() + t.fields_at + t.fields_count};
    }
    Span<std::pair<uint32_t, float>> topics_of(const Term &t) const {
        return {topic_postings_.data() + t.topics_at, topic_postings_.data() + t.topics_at + t.topics_count};
    }
    std::vector<Bucket> table_; // open addressing over the folded words
    std::vector<uint32_t> by_word_, by_stem_;    // term ids sorted by word / by stem
    std::vector<std::vector<uint32_t>> by_length_; // term ids by the length of their stem
};

// Topic ids to offer when a search finds nothing: those of `ranking` (most used first) that are
// loaded, then the catalog's own order, `count` in all. Until usage is counted, `ranking` is empty.
std::vector<std::string> most_used_topics(const Catalog &catalog, const std::vector<std::string> &ranking,
                                          size_t count);

// The catalog's index, or one built now when the catalog came without one.
std::shared_ptr<const SearchIndex> search_index(const Catalog &catalog);

// `hits` as one JSON object: {"query": ..., "results": [{"topic","title","score","where","route","snippet"}...]}
std::string search_results_json(std::string_view query, const std::vector<SearchHit> &hits);

} // namespace hs
