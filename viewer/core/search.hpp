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

#include "big_array.hpp"
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
enum class MatchPlace : uint8_t { Title, Summary, Symptom, Why, AskTeamNote, FixTitle, FixIntro, Step, StepNote, FixOutcome,
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

// The index keeps the words of the topics, not their text: the text is the catalog's, and a copy
// of it would be most of the index's memory and of the time to build it (fresh memory is what
// building costs most). So a search is given the topics the index was built from, to show where
// the words are; a topic that is not the one indexed (another id or version, or another number of
// texts) is left out of the results. A catalog carries its own index (Catalog::search).
class SearchIndex {
public:
    explicit SearchIndex(const std::vector<Topic> &topics);
    static std::shared_ptr<const SearchIndex> build(const std::vector<Topic> &topics) {
        return std::make_shared<const SearchIndex>(topics);
    }

    // The best `limit` of `topics` (those the index was built from) for `query`, best first; empty
    // when nothing matches. The last word counts as still being typed unless the query ends with a
    // space.
    std::vector<SearchHit> search(const std::vector<Topic> &topics, std::string_view query, size_t limit = 20) const;

    size_t topic_count() const { return topics_.size(); }
    size_t vocabulary_size() const { return terms_.size(); }

    // One piece of a topic's text (its title, a symptom, a step...): the unit matches are found in
    // and shown from. The n-th field of a topic is the n-th non-empty text for_each_field() visits.
    struct Field {
        uint32_t topic = 0;
        uint32_t words_end = 0; // in words_: this field's words end here, the next field's begin
        MatchPlace place = MatchPlace::Title;
    };
    template <class T> struct Span {
        const T *first = nullptr, *last = nullptr;
        const T *begin() const { return first; }
        const T *end() const { return last; }
        size_t size() const { return static_cast<size_t>(last - first); }
    };
    // A topic a term is in, and the best place it has there: (topic << 4) | place, 4 bytes an entry
    // (a catalog has far fewer than 2^28 topics and MatchPlace fewer than 16 values).
    struct TopicPosting {
        uint32_t packed = 0;
        uint32_t topic() const { return packed >> 4; }
        MatchPlace place() const { return static_cast<MatchPlace>(packed & 0xF); }
    };
    // One distinct folded word of the whole catalog, and the topics it is in.
    struct Term {
        std::string word, stem;
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
    bool hit(const Topic &topic, uint32_t field, double score, const std::vector<Slot> &slots, SearchHit &out) const;

    struct IndexedTopic {
        std::string id, version; // what each indexed topic was, to know it again in search()
    };
    std::vector<IndexedTopic> topics_;
    std::vector<Field, BigArrayAllocator<Field>> fields_;
    std::vector<uint32_t> first_field_; // of each topic, and one past the last field at the end
    // The forward index: the terms of every field, field after field, each once per field. Little
    // words are left out: they are in every field and tell none apart.
    std::vector<uint32_t, BigArrayAllocator<uint32_t>> words_;
    Span<uint32_t> words_of(uint32_t field) const {
        const uint32_t *base = words_.data();
        return {base + (field ? fields_[field - 1].words_end : 0), base + fields_[field].words_end};
    }
    std::vector<Term> terms_;
    // The inverted index: per term, the topics it is in (Term::topics_at, topics_count).
    std::vector<TopicPosting, BigArrayAllocator<TopicPosting>> topic_postings_;
    Span<TopicPosting> topics_of(const Term &t) const {
        return {topic_postings_.data() + t.topics_at, topic_postings_.data() + t.topics_at + t.topics_count};
    }
    std::vector<Bucket> table_; // open addressing over the folded words
    std::vector<uint32_t> by_word_, by_stem_;    // term ids sorted by word / by stem
    std::vector<std::vector<uint32_t>> by_length_; // term ids by the length of their stem
};

// Calls visit(place, text, fix, step, faq) for each piece of text of `t` that search reads, empty
// ones included, always in the same order (fix, step and faq are 0-based, -1 where they do not apply).
template <class Visit> void for_each_field(const Topic &t, Visit &&visit) {
    visit(MatchPlace::Title, t.title, -1, -1, -1);
    for (const std::string &s : t.symptoms) visit(MatchPlace::Symptom, s, -1, -1, -1);
    visit(MatchPlace::Summary, t.summary, -1, -1, -1);
    visit(MatchPlace::Why, t.why, -1, -1, -1);
    for (size_t fi = 0; fi < t.fixes.size(); ++fi) {
        const Fix &fix = t.fixes[fi];
        int n = static_cast<int>(fi);
        visit(MatchPlace::FixTitle, fix.title, n, -1, -1);
        visit(MatchPlace::FixIntro, fix.intro, n, -1, -1);
        for (size_t si = 0; si < fix.steps.size(); ++si) {
            int step = static_cast<int>(si);
            visit(MatchPlace::Step, fix.steps[si].text, n, step, -1);
            visit(MatchPlace::StepNote, fix.steps[si].note, n, step, -1);
            visit(MatchPlace::StepNote, fix.steps[si].caution, n, step, -1);
        }
        visit(MatchPlace::FixOutcome, fix.outcome, n, -1, -1);
    }
    for (size_t qi = 0; qi < t.faq.size(); ++qi) {
        visit(MatchPlace::FaqQuestion, t.faq[qi].question, -1, -1, static_cast<int>(qi));
        visit(MatchPlace::FaqAnswer, t.faq[qi].answer, -1, -1, static_cast<int>(qi));
    }
    visit(MatchPlace::AskTeamNote, t.ask_team_note, -1, -1, -1);
}

// Topic ids to offer when a search finds nothing: those of `ranking` (most used first) that are
// loaded, then the catalog's own order, `count` in all. Until usage is counted, `ranking` is empty.
std::vector<std::string> most_used_topics(const Catalog &catalog, const std::vector<std::string> &ranking,
                                          size_t count);

// The catalog's index, or one built now when the catalog came without one.
std::shared_ptr<const SearchIndex> search_index(const Catalog &catalog);

// `query` searched in the catalog (with its index, or one built now).
std::vector<SearchHit> search(const Catalog &catalog, std::string_view query, size_t limit = 20);

// `hits` as one JSON object: {"query": ..., "results": [{"topic","title","score","where","route","snippet"}...]}
std::string search_results_json(std::string_view query, const std::vector<SearchHit> &hits);

} // namespace hs
