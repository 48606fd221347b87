#include "extraction.hpp"

#include <helpstation/plugin.h>

#include "utf8.hpp"

#include <cstring>

namespace hs {
namespace {

constexpr char kMagic[4] = {'H', 'S', 'X', '3'};
constexpr size_t kTopicStrings = 10; // id title version summary category applies_to icon why ask_team_note support_url
enum : unsigned char { kInFile = 0, kInline = 1 };

class Writer {
public:
    void u8(unsigned char v) { out_.push_back(static_cast<char>(v)); }
    void u32(uint32_t v) {
        for (int i = 0; i < 4; ++i) u8(static_cast<unsigned char>(v >> (8 * i)));
    }
    void u64(uint64_t v) {
        for (int i = 0; i < 8; ++i) u8(static_cast<unsigned char>(v >> (8 * i)));
    }
    void bytes(const void *p, size_t n) {
        u32(static_cast<uint32_t>(n));
        out_.append(static_cast<const char *>(p), n);
    }
    void str(const std::string &s) { bytes(s.data(), s.size()); }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

// Reads with a bound check on every step; the first failure names where it happened and stops.
class Reader {
public:
    Reader(std::string_view in, const ContentLimits &limits) : in_(in), limits_(limits) {}

    bool ok() const { return error_.empty(); }
    const std::string &error() const { return error_; }
    bool done() const { return at_ == in_.size(); }

    void fail(const std::string &where, const std::string &what) {
        if (error_.empty()) error_ = where + ": " + what;
    }
    bool take(size_t n, const std::string &where, const unsigned char *&p) {
        if (!ok()) return false;
        if (n > in_.size() - at_) {
            fail(where, "cut short");
            return false;
        }
        p = reinterpret_cast<const unsigned char *>(in_.data()) + at_;
        at_ += n;
        return true;
    }
    uint64_t uint(size_t n, const std::string &where) {
        const unsigned char *p = nullptr;
        if (!take(n, where, p)) return 0;
        uint64_t v = 0;
        for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(p[i]) << (8 * i);
        return v;
    }
    // A run of bytes after its u32 size, appended to `out`: over `limit`, or taking the running
    // `total` of its kind over `total_limit`, is malformed (`what` says which kind).
    void blob(const std::string &where, size_t limit, size_t &total, size_t total_limit, const char *what,
              std::vector<std::vector<unsigned char>> &out) {
        uint64_t size = uint(4, where + " size");
        total += size;
        if (size > limit || total > total_limit) fail(where, std::string(what) + " bytes over the limit");
        const unsigned char *p = nullptr;
        if (take(static_cast<size_t>(size), where, p)) out.emplace_back(p, p + size);
    }
    // A list's length: more than the limit is malformed (a valid topic never has it).
    size_t count(const std::string &where) {
        uint64_t n = uint(4, where);
        if (n > limits_.max_list) fail(where, std::to_string(n) + " entries, more than the limit");
        return ok() ? static_cast<size_t>(n) : 0;
    }
    std::string str(const std::string &where) {
        uint64_t n = uint(4, where);
        if (n > limits_.max_string_bytes) fail(where, "longer than the limit");
        const unsigned char *p = nullptr;
        if (!take(static_cast<size_t>(n), where, p)) return {};
        std::string s(reinterpret_cast<const char *>(p), static_cast<size_t>(n));
        if (s.find('\0') != std::string::npos) fail(where, "holds a NUL byte");
        return s;
    }

private:
    std::string_view in_;
    size_t at_ = 0;
    const ContentLimits &limits_;
    std::string error_;
};

// What decode_extraction reads, owned, with an hs_topic pointing into it: copy_topic then checks
// it exactly as it checks a plugin's own descriptor.
struct Decoded {
    std::string strings[kTopicStrings];
    std::vector<std::string> symptom_text;
    std::vector<const char *> symptoms;
    struct FixText {
        std::string title, intro, outcome;
        std::vector<std::string> step_text; // 4 per step
        std::vector<hs_step> steps;
    };
    std::vector<FixText> fix_text;
    std::vector<hs_fix> fixes;
    std::vector<std::string> faq_text;
    std::vector<hs_faq> faq;
    std::vector<std::string> image_names;
    std::vector<std::vector<unsigned char>> inline_bytes;
    std::vector<hs_image> images;
    std::vector<FilePicture> in_file;
    std::vector<std::string> fix_url_text, alt_text; // the 1.1 parallel arrays, one per fix / picture
    std::vector<const char *> fix_urls, alts;
    std::vector<std::string> locales;
    std::vector<std::vector<unsigned char>> catalogs;
    std::vector<hs_translation> translations;
    std::vector<std::string> warnings;
};

} // namespace

std::string encode_extraction(const Topic &t, const std::vector<std::string> &warnings) {
    Writer w;
    for (char c : kMagic) w.u8(static_cast<unsigned char>(c));
    for (const std::string *s : {&t.id, &t.title, &t.version, &t.summary, &t.category, &t.applies_to, &t.icon, &t.why,
                                 &t.ask_team_note, &t.support_url})
        w.str(*s);
    w.u32(static_cast<uint32_t>(t.symptoms.size()));
    for (const std::string &s : t.symptoms) w.str(s);
    w.u32(static_cast<uint32_t>(t.fixes.size()));
    for (const Fix &f : t.fixes) {
        w.str(f.title);
        w.str(f.intro);
        w.str(f.outcome);
        w.u32(static_cast<uint32_t>(f.steps.size()));
        for (const Step &s : f.steps) {
            w.str(s.text);
            w.str(s.image);
            w.str(s.note);
            w.str(s.caution);
        }
    }
    w.u32(static_cast<uint32_t>(t.faq.size()));
    for (const Faq &q : t.faq) {
        w.str(q.question);
        w.str(q.answer);
    }
    w.u32(static_cast<uint32_t>(t.images.size()));
    for (const Image &img : t.images) {
        w.str(img.name);
        w.u32(static_cast<uint32_t>(img.width));
        w.u32(static_cast<uint32_t>(img.height));
        if (img.file) {
            w.u8(kInFile);
            w.u64(img.file->offset);
            w.u64(img.file->bytes);
        } else {
            w.u8(kInline);
            w.bytes(img.data(), img.size());
        }
    }
    w.u32(static_cast<uint32_t>(t.fixes.size()));
    for (const Fix &f : t.fixes) w.str(f.support_url);
    w.u32(static_cast<uint32_t>(t.images.size()));
    for (const Image &img : t.images) w.str(img.alt);
    w.u32(static_cast<uint32_t>(t.translations.size()));
    for (const Translation &tr : t.translations) {
        w.str(tr.locale);
        w.bytes(tr.mo->data(), tr.mo->size());
    }
    w.u32(static_cast<uint32_t>(warnings.size()));
    for (const std::string &s : warnings) w.str(s);
    return w.take();
}

size_t max_extraction_bytes(const ContentLimits &l) {
    // Every string's length prefix, for the most strings a valid topic can have...
    const size_t lists = l.max_list;
    const size_t strings = kTopicStrings + lists + lists * (3 + 4 * lists) + 2 * lists + 2 * lists;
    // ...the counts, the text, each picture's fixed part and name, and the inline pictures.
    const size_t counts = 4 * (6 + lists);
    const size_t pictures = lists * (4 + l.max_string_bytes + 4 + 4 + 1 + 16);
    // Translations: locale and size per catalog, the catalogs; a warning per catalog and one more.
    const size_t translations = 4 + l.max_translations * (4 + 64 + 4) + l.max_translations_bytes;
    const size_t warnings = 4 + (l.max_translations + 1) * (4 + l.max_string_bytes);
    return sizeof kMagic + 4 * strings + counts + l.max_text_bytes + pictures + l.max_inline_picture_bytes +
           translations + warnings;
}

CopyResult decode_extraction(std::string_view bytes, const PictureFile &plugin, const ContentLimits &limits) {
    CopyResult malformed;
    auto fail = [&](const std::string &why) {
        malformed.problems.push_back("answer: not a valid topic extraction (" + why + ")");
        return malformed;
    };
    if (bytes.size() > max_extraction_bytes(limits)) return fail("larger than any valid topic");
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return fail("wrong magic or format version");

    Reader r(bytes.substr(sizeof kMagic), limits);
    Decoded d;
    static const char *const names[kTopicStrings] = {"id",       "title", "version", "summary", "category",
                                                     "applies_to", "icon", "why",     "ask_team_note",
                                                     "support_url"};
    for (size_t i = 0; i < kTopicStrings; ++i) d.strings[i] = r.str(names[i]);

    size_t n = r.count("symptoms");
    for (size_t i = 0; i < n && r.ok(); ++i) d.symptom_text.push_back(r.str("symptoms[" + std::to_string(i) + "]"));

    n = r.count("fixes");
    for (size_t i = 0; i < n && r.ok(); ++i) {
        std::string field = "fixes[" + std::to_string(i) + "]";
        Decoded::FixText f;
        f.title = r.str(field + ".title");
        f.intro = r.str(field + ".intro");
        f.outcome = r.str(field + ".outcome");
        size_t steps = r.count(field + ".steps");
        for (size_t j = 0; j < 4 * steps && r.ok(); ++j)
            f.step_text.push_back(r.str(field + ".steps[" + std::to_string(j / 4) + "]"));
        d.fix_text.push_back(std::move(f));
    }

    n = r.count("faq");
    for (size_t i = 0; i < 2 * n && r.ok(); ++i) d.faq_text.push_back(r.str("faq[" + std::to_string(i / 2) + "]"));

    n = r.count("images");
    size_t inline_total = 0;
    for (size_t i = 0; i < n && r.ok(); ++i) {
        std::string field = "images[" + std::to_string(i) + "]";
        d.image_names.push_back(r.str(field + ".name"));
        FilePicture p;
        p.width = static_cast<int>(std::min<uint64_t>(r.uint(4, field), 1u << 30));
        p.height = static_cast<int>(std::min<uint64_t>(r.uint(4, field), 1u << 30));
        uint64_t where = r.uint(1, field);
        if (where == kInFile) {
            auto f = std::make_shared<PictureFile>(plugin);
            f->offset = r.uint(8, field + " offset");
            f->bytes = r.uint(8, field + " size");
            p.file = std::move(f);
            d.inline_bytes.emplace_back();
        } else if (where == kInline) {
            r.blob(field, limits.max_image_bytes, inline_total, limits.max_inline_picture_bytes, "inline picture",
                   d.inline_bytes);
        } else {
            r.fail(field, "unknown picture place " + std::to_string(where));
        }
        d.in_file.push_back(std::move(p));
    }
    // The parallel arrays must have one entry per fix / picture, as plugin.h says of the ABI's.
    n = r.count("fix_support_urls");
    if (r.ok() && n != d.fix_text.size())
        r.fail("fix_support_urls", std::to_string(n) + " entries for " + std::to_string(d.fix_text.size()) + " fixes");
    for (size_t i = 0; i < n && r.ok(); ++i) d.fix_url_text.push_back(r.str("fix_support_urls[" + std::to_string(i) + "]"));
    n = r.count("image_alts");
    if (r.ok() && n != d.image_names.size())
        r.fail("image_alts", std::to_string(n) + " entries for " + std::to_string(d.image_names.size()) + " pictures");
    for (size_t i = 0; i < n && r.ok(); ++i) d.alt_text.push_back(r.str("image_alts[" + std::to_string(i) + "]"));
    uint64_t languages = r.uint(4, "translations");
    if (languages > limits.max_translations) r.fail("translations", std::to_string(languages) + " entries, more than the limit");
    size_t catalog_total = 0;
    for (size_t i = 0; i < languages && r.ok(); ++i) {
        std::string field = "translations[" + std::to_string(i) + "]";
        d.locales.push_back(r.str(field + ".locale"));
        r.blob(field, limits.max_translation_bytes, catalog_total, limits.max_translations_bytes, "catalog",
               d.catalogs);
    }
    uint64_t warnings = r.uint(4, "warnings");
    if (warnings > limits.max_translations + 1) r.fail("warnings", std::to_string(warnings) + " entries, more than the limit");
    for (size_t i = 0; i < warnings && r.ok(); ++i) d.warnings.push_back(r.str("warnings[" + std::to_string(i) + "]"));
    for (const std::string &w : d.warnings)
        if (!is_valid_utf8(w)) r.fail("warnings", "invalid UTF-8");
    if (r.ok() && !r.done()) r.fail("end", "bytes after the last warning");
    if (!r.ok()) return fail(r.error());

    // Point an hs_topic at what was read.
    hs_topic raw{};
    raw.struct_size = sizeof raw;
    raw.abi_version = HELPSTATION_ABI_VERSION;
    const char **text[kTopicStrings] = {&raw.id,       &raw.title, &raw.version, &raw.summary, &raw.category,
                                        &raw.applies_to, &raw.icon, &raw.why,     &raw.ask_team_note,
                                        &raw.support_url};
    for (size_t i = 0; i < kTopicStrings; ++i) *text[i] = d.strings[i].c_str();
    for (const std::string &s : d.symptom_text) d.symptoms.push_back(s.c_str());
    raw.symptoms = d.symptoms.data();
    raw.symptom_count = d.symptoms.size();
    for (Decoded::FixText &f : d.fix_text) {
        for (size_t j = 0; j + 3 < f.step_text.size(); j += 4)
            f.steps.push_back({f.step_text[j].c_str(), f.step_text[j + 1].c_str(), f.step_text[j + 2].c_str(),
                               f.step_text[j + 3].c_str()});
        d.fixes.push_back({f.title.c_str(), f.intro.c_str(), f.outcome.c_str(), f.steps.data(), f.steps.size()});
    }
    raw.fixes = d.fixes.data();
    raw.fix_count = d.fixes.size();
    for (size_t i = 0; i + 1 < d.faq_text.size(); i += 2)
        d.faq.push_back({d.faq_text[i].c_str(), d.faq_text[i + 1].c_str()});
    raw.faq = d.faq.data();
    raw.faq_count = d.faq.size();
    for (size_t i = 0; i < d.image_names.size(); ++i) {
        const std::vector<unsigned char> &b = d.inline_bytes[i];
        d.images.push_back({d.image_names[i].c_str(), b.empty() ? nullptr : b.data(), b.size()});
    }
    raw.images = d.images.data();
    raw.image_count = d.images.size();
    raw.abi_minor = HELPSTATION_ABI_MINOR;
    for (size_t i = 0; i < d.catalogs.size(); ++i)
        d.translations.push_back({d.locales[i].c_str(), d.catalogs[i].data(), d.catalogs[i].size()});
    raw.translations = d.translations.data();
    raw.translation_count = d.translations.size();
    for (const std::string &u : d.fix_url_text) d.fix_urls.push_back(u.c_str());
    for (const std::string &a : d.alt_text) d.alts.push_back(a.c_str());
    raw.fix_support_urls = d.fix_urls.data();
    raw.image_alts = d.alts.empty() ? nullptr : d.alts.data();

    CopyResult result = copy_topic(raw, limits, &d.in_file);
    result.warnings.insert(result.warnings.begin(), d.warnings.begin(), d.warnings.end());
    if (result.topic) result.topic->plugin_path = plugin.path;
    return result;
}

} // namespace hs
