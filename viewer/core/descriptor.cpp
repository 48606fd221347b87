#include "descriptor.hpp"

#include "mo_file.hpp"
#include "support_url.hpp"
#include "translation.hpp"
#include "utf8.hpp"

#include <helpstation/plugin.h>
#include <stb_image.h>

#include <cstring>
#include <set>

namespace hs {
namespace {

// Collects problems with the name of the field they are about, e.g. "fixes[1].steps[0].text".
class Checker {
public:
    Checker(const ContentLimits &limits, std::vector<std::string> &problems)
        : limits_(limits), problems_(problems) {}

    void fail(const std::string &field, const std::string &reason) {
        problems_.push_back(field + ": " + reason);
    }

    // Copies a string field; `required` rejects NULL and "".
    std::string text(const char *s, const std::string &field, bool required) {
        if (s == nullptr || *s == '\0') {
            if (required) fail(field, "missing or empty (required)");
            return {};
        }
        size_t n = strnlen(s, limits_.max_string_bytes + 1);
        if (n > limits_.max_string_bytes) {
            fail(field, "longer than " + std::to_string(limits_.max_string_bytes) + " bytes");
            return {};
        }
        text_bytes_ += n;
        if (text_bytes_ > limits_.max_text_bytes && !text_over_) {
            text_over_ = true;
            fail(field, "the topic's text is longer than " + std::to_string(limits_.max_text_bytes) +
                            " bytes in all");
            return {};
        }
        std::string out(s, n);
        if (!is_valid_utf8(out)) {
            fail(field, "invalid UTF-8");
            return {};
        }
        return out;
    }

    // Checks a (pointer, count) list; returns false when it must not be read.
    bool list(const void *items, size_t count, const std::string &field, bool required) {
        if (count == 0) {
            if (required) fail(field, "empty (at least one required)");
            return false;
        }
        if (items == nullptr) {
            fail(field, "count is " + std::to_string(count) + " but the pointer is NULL");
            return false;
        }
        if (count > limits_.max_list) {
            fail(field, std::to_string(count) + " entries, more than the limit of " +
                            std::to_string(limits_.max_list));
            return false;
        }
        return true;
    }

    const ContentLimits &limits_;
    std::vector<std::string> &problems_;
    size_t text_bytes_ = 0;
    bool text_over_ = false;
};

bool is_valid_version(const std::string &v) {
    // MAJOR.MINOR.PATCH, digits only.
    int parts = 0;
    size_t i = 0;
    while (i < v.size()) {
        size_t start = i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
        if (i == start) return false;
        ++parts;
        if (i == v.size()) break;
        if (v[i] != '.') return false;
        ++i;
        if (i == v.size()) return false;
    }
    return parts == 3;
}

// stb_image reads more formats than the ABI promises (GIF, BMP, PSD, ...): keep to PNG and JPEG
// so every picture that loads here also loads in any future decoder.
bool is_png_or_jpeg(const unsigned char *data, size_t size) {
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (size >= sizeof png && std::memcmp(data, png, sizeof png) == 0) return true;
    return size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}

// Copies the pictures; returns every name declared, broken pictures included, so a step that
// names a broken picture is not reported a second time as naming a missing one.
// A picture left in the plugin file: its range must lie in the file and its size (as the probe
// decoded it) within the limits. Its bytes are read and decoded only when it is shown.
bool check_file_picture(const FilePicture &p, const std::string &field, Checker &c, Image &img) {
    const PictureFile &f = *p.file;
    if (f.bytes == 0 || f.bytes > c.limits_.max_image_bytes) {
        c.fail(field, "picture of " + std::to_string(f.bytes) + " bytes is empty or larger than the limit");
        return false;
    }
    if (f.offset > f.file_size || f.bytes > f.file_size - f.offset) {
        c.fail(field, "picture bytes " + std::to_string(f.offset) + "+" + std::to_string(f.bytes) +
                          " lie outside the plugin file (" + std::to_string(f.file_size) + " bytes)");
        return false;
    }
    if (p.width <= 0 || p.height <= 0 || static_cast<long long>(p.width) * p.height > c.limits_.max_image_pixels) {
        c.fail(field, std::to_string(p.width) + "x" + std::to_string(p.height) +
                          " pixels is empty or larger than the limit");
        return false;
    }
    img.file = p.file;
    img.width = p.width;
    img.height = p.height;
    return true;
}

std::set<std::string> copy_images(const hs_topic &raw, Checker &c, Topic &t, const std::vector<FilePicture> *in_file) {
    size_t inline_bytes = 0;
    std::set<std::string> names;
    if (!c.list(raw.images, raw.image_count, "images", false)) return names;
    for (size_t i = 0; i < raw.image_count; ++i) {
        const hs_image &src = raw.images[i];
        std::string field = "images[" + std::to_string(i) + "]";
        Image img;
        img.name = c.text(src.name, field + ".name", true);
        if (!img.name.empty()) {
            field += " '" + img.name + "'";
            if (!names.insert(img.name).second) c.fail(field, "two pictures share this name");
        }
        if (src.data == nullptr && in_file && i < in_file->size() && (*in_file)[i].file) {
            if (check_file_picture((*in_file)[i], field, c, img)) t.images.push_back(std::move(img));
            continue;
        }
        if (src.data == nullptr || src.size == 0) {
            c.fail(field, "no picture bytes");
            continue;
        }
        if (src.size > c.limits_.max_image_bytes) {
            c.fail(field, "picture of " + std::to_string(src.size) + " bytes is larger than the limit");
            continue;
        }
        inline_bytes += src.size;
        if (in_file && inline_bytes > c.limits_.max_inline_picture_bytes) {
            c.fail(field, "pictures made at run time take more than " +
                              std::to_string(c.limits_.max_inline_picture_bytes) + " bytes in all");
            continue;
        }
        if (!is_png_or_jpeg(src.data, src.size)) {
            c.fail(field, "cannot be decoded as a PNG or JPEG picture (neither signature found)");
            continue;
        }
        // Only the header is read here: decoding every picture at load would cost ~10 ms each
        // at start-up. helpstation-probe decodes them all (pictures.hpp), once per plugin file.
        int w = 0, h = 0, comp = 0;
        if (!stbi_info_from_memory(src.data, static_cast<int>(src.size), &w, &h, &comp)) {
            const char *why = stbi_failure_reason();
            c.fail(field, std::string("cannot be decoded as a PNG or JPEG picture (") +
                              (why ? why : "unknown format") + ")");
            continue;
        }
        if (static_cast<long long>(w) * h > c.limits_.max_image_pixels) {
            c.fail(field, std::to_string(w) + "x" + std::to_string(h) + " pixels is larger than the limit");
            continue;
        }
        img.width = w;
        img.height = h;
        img.encoded = std::make_shared<const std::vector<unsigned char>>(src.data, src.data + src.size);
        t.images.push_back(std::move(img));
    }
    return names;
}

// Translations are optional extras: one that is broken is left out with a warning naming it, and
// the topic loads with the others (or in English). Read only from a plugin of ABI 1.1 or later.
void copy_translations(const hs_topic &raw, const ContentLimits &limits, Topic &t, std::vector<std::string> &warnings) {
    if (raw.abi_minor < 1 || raw.translation_count == 0) return;
    if (raw.translations == nullptr) {
        warnings.push_back("translations: count is " + std::to_string(raw.translation_count) + " but the pointer is NULL");
        return;
    }
    if (raw.translation_count > limits.max_translations) {
        warnings.push_back("translations: " + std::to_string(raw.translation_count) +
                           " entries, more than the limit of " + std::to_string(limits.max_translations));
        return;
    }
    MoLimits mo_limits;
    mo_limits.max_bytes = limits.max_translation_bytes;
    mo_limits.max_string_bytes = limits.max_string_bytes;
    size_t total = 0;
    for (size_t i = 0; i < raw.translation_count; ++i) {
        const hs_translation &src = raw.translations[i];
        std::string field = "translations[" + std::to_string(i) + "]";
        auto warn = [&](const std::string &why) { warnings.push_back(field + ": " + why + "; left out"); };
        std::string given = src.locale ? std::string(src.locale, strnlen(src.locale, 64)) : std::string();
        std::string locale = normalize_locale(given);
        if (locale.empty() || !is_valid_utf8(given)) {
            warn("locale '" + (is_valid_utf8(given) ? given : std::string("(invalid UTF-8)")) +
                 "' is not language[_TERRITORY], e.g. es or es_MX");
            continue;
        }
        field += " '" + locale + "'";
        if (find_translation(t, locale)) {
            warn("a second catalog for this locale");
            continue;
        }
        if (src.data == nullptr || src.size == 0) {
            warn("no catalog bytes");
            continue;
        }
        if (src.size > limits.max_translation_bytes) {
            warn("catalog of " + std::to_string(src.size) + " bytes is larger than the limit of " +
                 std::to_string(limits.max_translation_bytes));
            continue;
        }
        total += src.size;
        if (total > limits.max_translations_bytes) {
            warn("the catalogs take more than " + std::to_string(limits.max_translations_bytes) + " bytes in all");
            continue;
        }
        MoFile mo = parse_mo(src.data, src.size, mo_limits);
        if (!mo.error.empty()) {
            warn("not a valid .mo catalog: " + mo.error);
            continue;
        }
        Translation tr;
        tr.locale = locale;
        tr.mo = std::make_shared<const std::vector<unsigned char>>(src.data, src.data + src.size);
        tr.strings = std::make_shared<const std::map<std::string, std::string>>(std::move(mo.strings));
        t.translations.push_back(std::move(tr));
    }
}

// A support URL field (ABI 1.1): optional; when given it must pass support_url_problem().
std::string url(const char *s, const std::string &field, Checker &c) {
    std::string u = c.text(s, field, false);
    if (u.empty()) return u;
    std::string why = support_url_problem(u);
    if (!why.empty()) {
        c.fail(field, why);
        return {};
    }
    return u;
}

// The 1.1 fields beside translations: the support URLs and the pictures' alt texts, read only from a
// plugin that says it knows them. The parallel arrays hold fix_count / image_count entries (plugin.h);
// entry i goes to raw.fixes[i] / raw.images[i], whose copies are t.fixes[i] and, for the pictures
// that passed, the Image with that name.
void copy_v11_extras(const hs_topic &raw, Checker &c, Topic &t) {
    if (raw.abi_minor < 1) return;
    t.support_url = url(raw.support_url, "support_url", c);
    if (raw.fix_support_urls)
        for (size_t i = 0; i < raw.fix_count && i < t.fixes.size(); ++i)
            t.fixes[i].support_url = url(raw.fix_support_urls[i], "fix_support_urls[" + std::to_string(i) + "]", c);
    if (raw.image_alts && raw.images && raw.image_count <= c.limits_.max_list)
        for (size_t i = 0; i < raw.image_count; ++i) {
            std::string alt = c.text(raw.image_alts[i], "image_alts[" + std::to_string(i) + "]", false);
            if (alt.empty() || !raw.images[i].name) continue;
            for (Image &img : t.images)
                if (img.name == raw.images[i].name) img.alt = alt;
        }
}

} // namespace

bool is_valid_topic_id(const std::string &id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    if (id == "home") return false; // the route "home" is the home screen
    for (char ch : id)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) return false;
    return true;
}

CopyResult copy_topic(const hs_topic &raw, const ContentLimits &limits, const std::vector<FilePicture> *in_file) {
    CopyResult result;
    Checker c(limits, result.problems);
    Topic t;

    t.id = c.text(raw.id, "id", true);
    if (!t.id.empty() && !is_valid_topic_id(t.id))
        c.fail("id", "'" + t.id + "' must be 1-64 lowercase letters, digits and '-', and not 'home'");
    t.title = c.text(raw.title, "title", true);
    t.version = c.text(raw.version, "version", true);
    if (!t.version.empty() && !is_valid_version(t.version))
        c.fail("version", "'" + t.version + "' is not MAJOR.MINOR.PATCH");
    t.summary = c.text(raw.summary, "summary", true);
    t.category = c.text(raw.category, "category", true);
    t.applies_to = c.text(raw.applies_to, "applies_to", false);
    t.icon = c.text(raw.icon, "icon", false);
    t.why = c.text(raw.why, "why", true);
    t.ask_team_note = c.text(raw.ask_team_note, "ask_team_note", false);

    if (c.list(raw.symptoms, raw.symptom_count, "symptoms", true))
        for (size_t i = 0; i < raw.symptom_count; ++i)
            t.symptoms.push_back(c.text(raw.symptoms[i], "symptoms[" + std::to_string(i) + "]", true));

    if (c.list(raw.fixes, raw.fix_count, "fixes", true)) {
        for (size_t i = 0; i < raw.fix_count; ++i) {
            const hs_fix &src = raw.fixes[i];
            std::string field = "fixes[" + std::to_string(i) + "]";
            Fix f;
            f.title = c.text(src.title, field + ".title", true);
            f.intro = c.text(src.intro, field + ".intro", false);
            f.outcome = c.text(src.outcome, field + ".outcome", false);
            if (c.list(src.steps, src.step_count, field + ".steps", true)) {
                for (size_t j = 0; j < src.step_count; ++j) {
                    const hs_step &s = src.steps[j];
                    std::string sf = field + ".steps[" + std::to_string(j) + "]";
                    f.steps.push_back({c.text(s.text, sf + ".text", true), c.text(s.image, sf + ".image", false),
                                       c.text(s.note, sf + ".note", false), c.text(s.caution, sf + ".caution", false)});
                }
            }
            t.fixes.push_back(std::move(f));
        }
    }

    if (c.list(raw.faq, raw.faq_count, "faq", false)) {
        for (size_t i = 0; i < raw.faq_count; ++i) {
            std::string field = "faq[" + std::to_string(i) + "]";
            t.faq.push_back({c.text(raw.faq[i].question, field + ".question", true),
                             c.text(raw.faq[i].answer, field + ".answer", true)});
        }
    }

    std::set<std::string> pictures = copy_images(raw, c, t, in_file);
    copy_translations(raw, limits, t, result.warnings);
    copy_v11_extras(raw, c, t);

    // Every picture a step or the card names must be in the table.
    if (!t.icon.empty() && !pictures.count(t.icon)) c.fail("icon", "no picture named '" + t.icon + "'");
    for (size_t i = 0; i < t.fixes.size(); ++i)
        for (size_t j = 0; j < t.fixes[i].steps.size(); ++j) {
            const std::string &name = t.fixes[i].steps[j].image;
            if (!name.empty() && !pictures.count(name))
                c.fail("fixes[" + std::to_string(i) + "].steps[" + std::to_string(j) + "].image",
                       "no picture named '" + name + "'");
        }

    if (result.problems.empty()) result.topic = std::move(t);
    return result;
}

} // namespace hs
