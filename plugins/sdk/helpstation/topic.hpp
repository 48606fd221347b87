// Help Station topic builder — write a topic in a few readable lines of C++.
//
//   #include <helpstation/topic.hpp>
//
//   HELPSTATION_TOPIC(t) {
//       t.id("wifi-calling").title("Wi-Fi Calling is not available").version("1.0.0")
//        .summary("Calls drop indoors and the Wi-Fi Calling switch is grey.")
//        .category("Calls").applies_to("iPhone, iOS 26").icon("topic-icon")
//        .symptom("The Wi-Fi Calling switch is grey.")
//        .why("Wi-Fi Calling needs your carrier to turn it on for your line.");
//       t.fix("Turn on Wi-Fi Calling")
//        .step("Open Settings > Phone > Wi-Fi Calling.", "wifi-calling")
//        .step("Turn on Wi-Fi Calling on This iPhone.").note("Your carrier may ask for an address.");
//       t.faq("Does Wi-Fi Calling cost extra?", "Not with most carriers.");
//       t.alt("wifi-calling", "The Phone settings, with the Wi-Fi Calling row highlighted.")
//        .support_url("https://support.apple.com/"); // the vendor's page for the problem
//   }
//
// Pictures are named by their file name without extension ("wifi-calling" for wifi-calling.png);
// add_help_topic() in CMake embeds them into the plugin, and the builder finds them by itself.
// Translations are gettext .po files (add_help_topic(... TRANSLATIONS po/es.po)): compiled and
// embedded the same way, found the same way. The text written here is the English source.
//
// The builder runs once, inside the plugin, when the viewer calls helpstation_plugin_entry(); it
// produces the plain-C hs_topic of <helpstation/plugin.h>. It does not check anything: the viewer
// validates the result and reports problems by field (run `helpstation --list-topics`).
#ifndef HELPSTATION_TOPIC_HPP
#define HELPSTATION_TOPIC_HPP

#include "plugin.h"

#include <deque>
#include <string>
#include <vector>

// Filled in by add_help_topic(): the pictures embedded in this plugin. Weak, so a plugin without
// pictures (or built without the CMake helper) still links.
extern "C" {
extern const hs_image helpstation_embedded_images[] __attribute__((weak, visibility("hidden")));
extern const size_t helpstation_embedded_image_count __attribute__((weak, visibility("hidden")));
extern const hs_translation helpstation_embedded_translations[] __attribute__((weak, visibility("hidden")));
extern const size_t helpstation_embedded_translation_count __attribute__((weak, visibility("hidden")));
}

namespace helpstation {

class TopicBuilder;

// NULL is taken as "" so a slip in a topic file becomes a named validation error, not a crash.
inline const char *text_or_empty(const char *s) { return s ? s : ""; }

// One fix under construction. note() and caution() apply to the step added last.
class FixBuilder {
public:
    FixBuilder &intro(const char *text) { intro_ = text_or_empty(text); return *this; }
    FixBuilder &outcome(const char *text) { outcome_ = text_or_empty(text); return *this; }
    // A web page for this fix alone (https://), offered as a QR code on the fix's steps.
    FixBuilder &support_url(const char *url) { support_url_ = text_or_empty(url); return *this; }
    FixBuilder &step(const char *text, const char *image = "") {
        steps_.push_back({text_or_empty(text), text_or_empty(image), "", ""});
        return *this;
    }
    FixBuilder &note(const char *text) { last().note = text_or_empty(text); return *this; }
    FixBuilder &caution(const char *text) { last().caution = text_or_empty(text); return *this; }

private:
    friend class TopicBuilder;
    struct Step { std::string text, image, note, caution; };
    Step &last() {
        if (steps_.empty()) steps_.push_back({}); // an empty step: the viewer names it in its report
        return steps_.back();
    }
    std::string title_, intro_, outcome_, support_url_;
    std::vector<Step> steps_;
};

class TopicBuilder {
public:
    TopicBuilder &id(const char *v) { id_ = text_or_empty(v); return *this; }
    TopicBuilder &title(const char *v) { title_ = text_or_empty(v); return *this; }
    TopicBuilder &version(const char *v) { version_ = text_or_empty(v); return *this; }
    TopicBuilder &summary(const char *v) { summary_ = text_or_empty(v); return *this; }
    TopicBuilder &category(const char *v) { category_ = text_or_empty(v); return *this; }
    TopicBuilder &applies_to(const char *v) { applies_to_ = text_or_empty(v); return *this; }
    TopicBuilder &icon(const char *image) { icon_ = text_or_empty(image); return *this; }
    TopicBuilder &symptom(const char *v) { symptoms_.emplace_back(text_or_empty(v)); return *this; }
    TopicBuilder &why(const char *v) { why_ = text_or_empty(v); return *this; }
    TopicBuilder &ask_team_note(const char *v) { ask_team_note_ = text_or_empty(v); return *this; }
    // The vendor's web page for this problem (https://): a QR code of it on the success and
    // ask-team screens lets the customer take the steps home.
    TopicBuilder &support_url(const char *url) { support_url_ = text_or_empty(url); return *this; }
    // What picture `image` shows, in a sentence, for customers who cannot see it (read aloud,
    // translated like the rest). An alt for a name no embedded picture has is ignored.
    TopicBuilder &alt(const char *image, const char *text) {
        alts_.push_back({text_or_empty(image), text_or_empty(text)});
        return *this;
    }
    // The old name of ask_team_note(), kept so topics written against earlier headers still build.
    TopicBuilder &closing(const char *v) { return ask_team_note(v); }
    FixBuilder &fix(const char *title) {
        fixes_.emplace_back();
        fixes_.back().title_ = text_or_empty(title);
        return fixes_.back();
    }
    TopicBuilder &faq(const char *question, const char *answer) {
        faq_.push_back({text_or_empty(question), text_or_empty(answer)});
        return *this;
    }

    // Lays the topic out as the plain-C structs of plugin.h. The returned pointer and everything
    // it points to live as long as this builder.
    const hs_topic *build() {
        c_symptoms_.clear();
        for (const std::string &s : symptoms_) c_symptoms_.push_back(s.c_str());
        c_steps_.clear();
        c_fixes_.clear();
        for (FixBuilder &f : fixes_) {
            c_steps_.emplace_back();
            for (const FixBuilder::Step &s : f.steps_)
                c_steps_.back().push_back({s.text.c_str(), s.image.c_str(), s.note.c_str(), s.caution.c_str()});
            c_fixes_.push_back({f.title_.c_str(), f.intro_.c_str(), f.outcome_.c_str(),
                                c_steps_.back().data(), c_steps_.back().size()});
        }
        c_faq_.clear();
        for (const Faq &q : faq_) c_faq_.push_back({q.question.c_str(), q.answer.c_str()});
        // The 1.1 parallel arrays: one entry per fix and per picture, "" for none.
        c_fix_urls_.clear();
        for (FixBuilder &f : fixes_) c_fix_urls_.push_back(f.support_url_.c_str());
        c_alts_.clear();
        size_t images = &helpstation_embedded_image_count != nullptr ? helpstation_embedded_image_count : 0;
        for (size_t i = 0; i < images; ++i) {
            const char *alt = "";
            for (const Alt &a : alts_) // the last alt given for a picture wins
                if (helpstation_embedded_images[i].name && a.image == helpstation_embedded_images[i].name)
                    alt = a.text.c_str();
            c_alts_.push_back(alt);
        }

        topic_ = hs_topic{};
        topic_.struct_size = sizeof(hs_topic);
        topic_.abi_version = HELPSTATION_ABI_VERSION;
        topic_.id = id_.c_str();
        topic_.title = title_.c_str();
        topic_.version = version_.c_str();
        topic_.summary = summary_.c_str();
        topic_.category = category_.c_str();
        topic_.applies_to = applies_to_.c_str();
        topic_.icon = icon_.c_str();
        topic_.symptoms = c_symptoms_.data();
        topic_.symptom_count = c_symptoms_.size();
        topic_.why = why_.c_str();
        topic_.fixes = c_fixes_.data();
        topic_.fix_count = c_fixes_.size();
        topic_.faq = c_faq_.data();
        topic_.faq_count = c_faq_.size();
        if (&helpstation_embedded_image_count != nullptr) {
            topic_.images = helpstation_embedded_images;
            topic_.image_count = helpstation_embedded_image_count;
        }
        topic_.ask_team_note = ask_team_note_.c_str();
        topic_.abi_minor = HELPSTATION_ABI_MINOR;
        if (&helpstation_embedded_translation_count != nullptr) {
            topic_.translations = helpstation_embedded_translations;
            topic_.translation_count = helpstation_embedded_translation_count;
        }
        topic_.support_url = support_url_.c_str();
        topic_.fix_support_urls = c_fix_urls_.data();
        topic_.image_alts = images ? c_alts_.data() : nullptr;
        return &topic_;
    }

private:
    struct Faq { std::string question, answer; };
    struct Alt { std::string image, text; };
    std::string id_, title_, version_, summary_, category_, applies_to_, icon_, why_, ask_team_note_, support_url_;
    std::vector<Alt> alts_;
    std::vector<std::string> symptoms_;
    std::deque<FixBuilder> fixes_; // deque: fix() hands out references that must stay valid
    std::vector<Faq> faq_;

    std::vector<const char *> c_symptoms_;
    std::deque<std::vector<hs_step>> c_steps_;
    std::vector<hs_fix> c_fixes_;
    std::vector<hs_faq> c_faq_;
    std::vector<const char *> c_fix_urls_, c_alts_;
    hs_topic topic_{};
};

} // namespace helpstation

// Declares the plugin's entry point and opens the function that describes the topic. An
// exception (say, std::bad_alloc) must not cross the C boundary: it becomes a NULL topic, which
// the viewer reports.
#define HELPSTATION_TOPIC(builder)                                                        \
    static void helpstation_describe_topic(helpstation::TopicBuilder &builder);           \
    extern "C" HELPSTATION_EXPORT const hs_topic *helpstation_plugin_entry(void) {        \
        try {                                                                             \
            static helpstation::TopicBuilder instance;                                    \
            static const hs_topic *topic = (helpstation_describe_topic(instance), instance.build()); \
            return topic;                                                                 \
        } catch (...) {                                                                   \
            return nullptr;                                                               \
        }                                                                                 \
    }                                                                                     \
    static void helpstation_describe_topic(helpstation::TopicBuilder &builder)

#endif // HELPSTATION_TOPIC_HPP
