// The scripted day: each session is drawn from a fixed pseudo-random sequence (std::mt19937's
// output is the same everywhere), walks the screens a customer would, and ends as a customer
// would (Home after an outcome, or walking away and the idle reset).
#include "scripted_day.hpp"

#include "core/analytics/recorder.hpp"
#include "core/analytics/store.hpp"

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>
#include <utility>
#include <vector>

namespace scripted_day {
namespace {

using namespace hs;
using namespace hs::analytics;

struct TopicShape {
    const char *id;
    std::vector<int> steps; // steps of each fix
    int weight;             // how often customers bring this problem
};

// The bundled topics, with their fixes' step counts.
const std::vector<TopicShape> kTopics = {
    {"wifi-calling", {6, 4, 3, 3, 5}, 34},         {"imessage-facetime-activation", {6, 5, 4, 11, 6}, 28},
    {"iphone-storage-full", {5, 5, 6, 4, 2}, 22},  {"esim-transfer", {6, 5, 6, 4}, 16},
    {"voicemail", {4, 3, 3, 3, 3}, 12},            {"bluetooth-pairing", {2, 4, 4, 4, 5}, 9},
    {"rcs-android", {2, 5, 4, 4, 4}, 6},
};

class Day {
public:
    Day(Recorder &rec, std::int64_t start, Expected &x) : rec_(rec), t_(start), x_(x) {}

    void session() {
        ++x_.sessions;
        go({Screen::Attract}, 20'000);
        go({Screen::Home}, 3'000);
        if (roll(10) == 0) { // a search first, now and then
            search(1 + roll(3), 4'000);
            ++x_.searches;
        }
        bool two_topics = roll(12) == 0;
        const TopicShape &first = pick();
        bool done = topic_visit(first, /*last=*/!two_topics);
        if (two_topics && !done) {
            go({Screen::Home}, 2'000);
            const TopicShape *second = &pick();
            while (second == &first) second = &pick();
            done = topic_visit(*second, true);
        }
        if (done) {
            go({Screen::Home}, 5'000);
        } else {
            idle_reset(120'000); // walked away: idle warning, then the reset
            ++x_.idle_resets;
        }
        t_ += 60'000 + roll(240) * 1000; // until the next customer
    }

private:
    int roll(int n) { return static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }
    const TopicShape &pick() {
        int total = 0;
        for (const TopicShape &s : kTopics) total += s.weight;
        int r = roll(total);
        for (const TopicShape &s : kTopics)
            if ((r -= s.weight) < 0) return s;
        return kTopics.front();
    }
    void go(NavState s, std::int64_t after, Cause cause = Cause::Route, Intent intent = {}) {
        rec_.on_change(Change{std::exchange(at_, s), s, cause, intent}, t_ += after);
    }
    void idle_reset(std::int64_t after) { go({Screen::Attract}, after, Cause::IdleReset); }
    // A search run with `results` results, ended by going Home.
    void search(int results, std::int64_t after) {
        go({Screen::Search}, 0);
        Change c;
        c.from = at_;
        c.to = at_ = NavState{Screen::Home};
        c.intent = Intent::of(Intent::Kind::Home);
        c.search = SearchRun{"", results};
        rec_.on_change(c, t_ += after);
    }
    FixRow &fix(const TopicShape &s, int f) {
        FixRow &r = x_.fixes[{s.id, f}];
        r.topic = s.id;
        r.fix = f;
        return r;
    }
    void walk(const TopicShape &s, int f, int upto, std::set<int> &started) {
        if (started.insert(f).second) ++fix(s, f).started;
        for (int st = 1; st <= upto; ++st) go({Screen::Step, s.id, f - 1, st - 1}, 8'000 + roll(30) * 1000);
    }

    // One topic; returns true when it ended with an outcome (the customer then goes Home).
    bool topic_visit(const TopicShape &s, bool last) {
        TopicRow &row = x_.topics[s.id];
        row.topic = s.id;
        ++row.sessions;
        go({Screen::Topic, s.id}, 5'000);
        std::set<int> started;
        int fixes = static_cast<int>(s.steps.size());
        int kind = roll(100);
        if (kind < 8) { // read the FAQ, try nothing
            go({Screen::Faq, s.id}, 4'000);
            go({Screen::Faq, s.id, 0, 0, roll(3)}, 3'000);
            ++row.no_fix_tried;
            return false;
        }
        if (kind < 12) { // straight to a team member
            go({Screen::AskTeam, s.id, fixes - 1}, 6'000);
            ++row.ask_team;
            return true;
        }
        // Which fix works, if any: early fixes more often; some give up part-way.
        int works = 1 + std::min(roll(fixes + 2), roll(fixes + 2)); // > fixes: none works
        bool gives_up = kind >= 82 || !last;
        int give_up_fix = 1 + roll(std::min(works, fixes));
        for (int f = 1; f <= fixes; ++f) {
            int n = s.steps[static_cast<size_t>(f - 1)];
            if (gives_up && f == give_up_fix) {
                // Customers give up most on the step where the fix asks the most of them.
                int at = 1 + (roll(3) == 0 ? roll(n) : (n + 1) / 2 - 1);
                walk(s, f, at, started);
                ++row.abandoned;
                x_.abandoned_at[{s.id, f}][at]++;
                ++fix(s, f).abandoned;
                return false;
            }
            walk(s, f, n, started);
            if (f == works) {
                go({Screen::Success, s.id, f - 1}, 4'000);
                ++row.fixed;
                ++fix(s, f).fixed;
                return true;
            }
            if (f == fixes) { // "No" on the last fix
                go({Screen::AskTeam, s.id, f - 1}, 4'000, Cause::Intent, Intent::answer(false));
                ++row.not_fixed;
                return true;
            }
            // "No": the answer moves straight to the next fix (walk() does the first step).
        }
        return false;
    }

    Recorder &rec_;
    NavState at_{Screen::Attract};
    std::int64_t t_;
    Expected &x_;
    std::mt19937 rng_{20261127};
};

} // namespace

Expected play(const std::string &db_path, std::int64_t day_start_ms) {
    std::filesystem::remove(db_path);
    std::filesystem::remove(db_path + "-wal");
    std::filesystem::remove(db_path + "-shm");
    Expected x;
    StoreOptions o;
    o.path = db_path;
    o.wall_ms = [day_start_ms] { return day_start_ms; };
    Store store(o);
    Recorder rec([&store](Event e) { store.add(std::move(e)); }, Recorder::Options{});
    Day day(rec, day_start_ms, x);
    for (int i = 0; i < kSessions; ++i) day.session();
    store.flush();
    // The step each fix is abandoned at most (ties: the earlier step), as the report defines it.
    for (auto &[key, steps] : x.abandoned_at) {
        FixRow &r = x.fixes[key];
        for (auto &[step, n] : steps)
            if (n > r.abandoned_at_worst) r.worst_step = step, r.abandoned_at_worst = n;
    }
    return x;
}

} // namespace scripted_day
