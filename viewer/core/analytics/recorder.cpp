// Turns navigation into analytics events. See recorder.hpp for what a session and an outcome are.
#include "recorder.hpp"

#include <algorithm>

namespace hs::analytics {

Recorder::Recorder(Sink sink, Options options) : sink_(std::move(sink)), options_(options) {
    // Session numbers only tell sessions apart: random, so they say nothing about when or where.
    std::random_device rd;
    random_.seed((static_cast<std::uint64_t>(rd()) << 32) ^ rd());
}

void Recorder::emit(Event e) {
    e.session = session_;
    e.language = language_;
    sink_(std::move(e));
}

void Recorder::start_session(std::int64_t at_ms) {
    if (session_ != 0) return;
    do {
        session_ = static_cast<std::int64_t>(random_() >> 1); // positive, fits SQLite's INTEGER
    } while (session_ == 0);
    session_started_ = at_ms;
    topics_.clear();
    Event e;
    e.kind = EventKind::SessionStart;
    e.at_ms = at_ms;
    emit(e);
}

Recorder::TopicVisit &Recorder::visit(const std::string &topic, std::int64_t at_ms) {
    start_session(at_ms);
    auto it = std::find_if(topics_.begin(), topics_.end(), [&](const TopicVisit &v) { return v.topic == topic; });
    if (it != topics_.end()) return *it;
    TopicVisit v;
    v.topic = topic;
    v.opened_at = at_ms;
    topics_.push_back(v);
    Event e;
    e.kind = EventKind::TopicOpened;
    e.at_ms = at_ms;
    e.topic = topic;
    emit(e);
    return topics_.back();
}

void Recorder::on_step(TopicVisit &v, int fix, int step, std::int64_t at_ms) {
    if (v.fixes_started.insert(fix).second) {
        if (v.fix_started_at.size() < static_cast<size_t>(fix)) v.fix_started_at.resize(static_cast<size_t>(fix), at_ms);
        v.fix_started_at[static_cast<size_t>(fix - 1)] = at_ms;
        Event e;
        e.kind = EventKind::FixStarted;
        e.at_ms = at_ms;
        e.topic = v.topic;
        e.fix = fix;
        e.duration_ms = at_ms - v.opened_at;
        emit(e);
    }
    if (v.steps.insert({fix, step}).second) {
        Event e;
        e.kind = EventKind::StepReached;
        e.at_ms = at_ms;
        e.topic = v.topic;
        e.fix = fix;
        e.step = step;
        e.duration_ms = at_ms - v.fix_started_at[static_cast<size_t>(fix - 1)];
        emit(e);
    }
    v.last_fix = fix;
    v.last_step = step;
    // Back on a step after answering: the answer is taken back until they answer again.
    v.has_outcome = false;
}

void Recorder::on_change(const Change &c, std::int64_t at_ms) {
    if (c.search) on_search(*c.search, at_ms);
    if (c.cause == Cause::IdleReset) on_reset(at_ms, EndReason::Idle);
    if (c.cause == Cause::Reload) on_reset(at_ms, EndReason::Shutdown);
    // After the reset: the visit that ended keeps the language it was read in; the next starts
    // in the one the change carries (the kiosk's default, after a reset).
    if (!c.language.empty()) language_ = c.language;
    if (c.cause == Cause::Intent && c.intent.kind == Intent::Kind::SetLanguage) return; // nobody moved
    on_state(c.to, c.answered_no(), at_ms);
}

void Recorder::on_state(const NavState &s, bool answered_no, std::int64_t at_ms) {
    switch (s.screen) {
    case Screen::Attract:
    case Screen::Home: {
        bool answered = std::any_of(topics_.begin(), topics_.end(), [](const TopicVisit &v) { return v.has_outcome; });
        if (session_ != 0 && answered) end_session(at_ms, EndReason::Done);
        return;
    }
    case Screen::Topic: visit(s.topic, at_ms); return;
    case Screen::Faq: {
        TopicVisit &v = visit(s.topic, at_ms);
        if (s.open_faq >= 0 && v.faqs.insert(s.open_faq + 1).second) {
            Event e;
            e.kind = EventKind::FaqOpened;
            e.at_ms = at_ms;
            e.topic = s.topic;
            e.faq = s.open_faq + 1;
            e.duration_ms = at_ms - v.opened_at;
            emit(e);
        }
        return;
    }
    case Screen::Step: on_step(visit(s.topic, at_ms), s.fix + 1, s.step + 1, at_ms); return;
    case Screen::Success:
    case Screen::AskTeam: {
        TopicVisit &v = visit(s.topic, at_ms);
        v.has_outcome = true;
        v.outcome_at = at_ms;
        v.outcome_fix = s.fix + 1;
        if (s.screen == Screen::Success) {
            v.outcome = Outcome::Fixed;
        } else {
            v.outcome = answered_no ? Outcome::NotFixed : Outcome::AskTeam;
            if (!answered_no) v.outcome_fix = 0;
        }
        return;
    }
    }
}

void Recorder::on_reset(std::int64_t at_ms, EndReason reason) {
    if (session_ != 0) end_session(at_ms, reason);
}

void Recorder::on_search(const SearchRun &run, std::int64_t at_ms) {
    start_session(at_ms);
    Event e;
    e.kind = EventKind::Search;
    e.at_ms = at_ms;
    if (options_.record_search_text) e.detail = run.query;
    e.count = run.result_count;
    emit(e);
}

void Recorder::end_session(std::int64_t at_ms, EndReason reason) {
    for (const TopicVisit &v : topics_) {
        Event e;
        e.kind = EventKind::Outcome;
        e.topic = v.topic;
        if (v.has_outcome) {
            e.detail = outcome_name(v.outcome);
            e.fix = v.outcome_fix;
            e.at_ms = v.outcome_at;
        } else if (!v.fixes_started.empty()) {
            e.detail = outcome_name(Outcome::Abandoned);
            e.fix = v.last_fix;
            e.step = v.last_step;
            e.at_ms = at_ms;
        } else {
            e.detail = outcome_name(Outcome::NoFixTried);
            e.at_ms = at_ms;
        }
        e.duration_ms = e.at_ms - v.opened_at;
        emit(e);
    }
    Event e;
    e.kind = EventKind::SessionEnd;
    e.at_ms = at_ms;
    e.duration_ms = at_ms - session_started_;
    e.detail = end_reason_name(reason);
    emit(e);
    session_ = 0;
    topics_.clear();
}

} // namespace hs::analytics
