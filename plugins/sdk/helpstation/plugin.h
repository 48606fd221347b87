/* Help Station topic plugin ABI — the whole contract between a topic plugin and the viewer.
 *
 * A topic plugin is one shared library (.so) that carries one topic: a problem a customer has,
 * the fixes for it (each a list of steps), an FAQ, and the pictures the steps show.
 *
 *   1. The plugin exports one C function, helpstation_plugin_entry(), returning a pointer to a
 *      constant hs_topic that stays valid while the library is loaded. It must not throw, and
 *      must not start threads or register atexit handlers.
 *   2. The viewer's probe (helpstation-probe, a confined process of its own: no network, no
 *      files written, no processes started; see the README) calls it once, checks abi_version and
 *      struct_size, validates every field, COPIES everything it needs and closes the library. The
 *      kiosk receives the topic as data and never loads the plugin itself.
 *   3. Strings are NUL-terminated UTF-8 (the kiosk's fonts cover Latin scripts and common
 *      punctuation). Lists are (pointer, count) pairs. Optional strings may be NULL or "".
 *      Pictures are the bytes of a PNG or JPEG file embedded in the library: one file, one topic.
 *      Plugins never see ImGui, GL or any C++ type of the viewer.
 *
 * Most authors never fill these structs by hand: <helpstation/topic.hpp> offers a small builder
 * and add_help_topic() in CMake embeds the pictures. This header is what that builder produces.
 *
 * Limits (a plugin over them is refused, with the field named): strings 16 KiB; at most 256
 * symptoms, fixes, steps per fix, FAQ entries and pictures; a picture at most 16 MiB encoded
 * and 16 megapixels. At most 64 translations of at most 4 MiB each; a translation over them, or
 * one that is not a valid catalog, is left out (and reported) while the topic loads in English.
 *
 * Compatibility. abi_version is the major version: the viewer refuses a plugin whose major is
 * newer than its own. Within a major version fields are only ever added, never changed: first in
 * place of the reserved slots (so sizeof(hs_topic) stays the same), then at the end. The viewer
 * reads the first struct_size bytes into a zero-filled struct of its own and ignores what it does
 * not know, so older and newer plugins of the same major version both load. The list element
 * structs (hs_step, hs_fix, hs_faq, hs_image) never change within a major version; data added
 * per step or per fix later arrives as new arrays in hs_topic.
 *
 * Minor versions: abi_minor says which fields after ask_team_note the plugin knows. The viewer
 * reads a field only from a plugin whose abi_minor is at least the version that added it (a 1.0
 * plugin's reserved slots are NULL and are never read), and ignores fields newer than its own.
 *   1.0  everything up to ask_team_note
 *   1.1  abi_minor, translations, support_url, fix_support_urls, image_alts
 *
 * Parallel arrays (1.1): fix_support_urls and image_alts have no count of their own. When not NULL
 * they hold exactly fix_count (image_count) entries, entry i belonging to fixes[i] (images[i]); an
 * entry may be NULL or "" for "none". This keeps hs_fix and hs_image unchanged.
 */
#ifndef HELPSTATION_PLUGIN_H
#define HELPSTATION_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HELPSTATION_ABI_VERSION 1u /* major version of this contract */
#define HELPSTATION_ABI_MINOR 1u   /* minor version: the fields this header adds within the major */
#define HELPSTATION_ENTRY_SYMBOL "helpstation_plugin_entry"

/* A picture: the bytes of a PNG or JPEG file. */
typedef struct hs_image {
    const char *name;          /* required; unique within the topic; steps refer to it, e.g. "send-receive" */
    const unsigned char *data; /* required; the encoded file bytes */
    size_t size;               /* required; number of bytes in data */
} hs_image;

/* One step of a fix: one instruction the customer carries out. */
typedef struct hs_step {
    const char *text;    /* required; the instruction, e.g. "Open Settings and tap Cellular." */
    const char *image;   /* optional; name of an hs_image to show beside the text */
    const char *note;    /* optional; a helpful aside shown under the text */
    const char *caution; /* optional; a warning shown under the text, e.g. "This erases ..." */
} hs_step;

/* One fix: one way to solve the problem. Fixes are offered in order, cheapest first. */
typedef struct hs_fix {
    const char *title;     /* required; e.g. "Remove the inactive SIM" */
    const char *intro;     /* optional; when and why to try this fix */
    const char *outcome;   /* optional; what to check after the last step */
    const hs_step *steps;  /* required; at least one */
    size_t step_count;
} hs_fix;

/* One FAQ entry. */
typedef struct hs_faq {
    const char *question; /* required */
    const char *answer;   /* required */
} hs_faq;

/* A translation of the topic's text into one language (ABI 1.1): a gettext catalog compiled by
 * msgfmt (.mo). Its msgids are the topic's English strings exactly as in hs_topic (export them
 * with `helpstation --export-pot PLUGIN.so`); a string it does not translate is shown from the
 * next language in the fallback (es_MX -> es -> English). Plural forms and msgctxt are not used. */
typedef struct hs_translation {
    const char *locale;        /* required; gettext's language[_TERRITORY], e.g. "es", "es_MX", "zh_CN" */
    const unsigned char *data; /* required; the .mo file bytes (either byte order), charset UTF-8 */
    size_t size;               /* required; number of bytes in data */
} hs_translation;

/* The topic: everything the viewer shows for one problem. */
typedef struct hs_topic {
    uint32_t struct_size;  /* required; sizeof(hs_topic) as the plugin was compiled */
    uint32_t abi_version;  /* required; HELPSTATION_ABI_VERSION as the plugin was compiled */

    const char *id;        /* required; stable, 1-64 of a-z 0-9 '-' (not first or last), e.g.
                              "imessage-facetime-activation"; "home" is reserved */
    const char *title;     /* required; what the customer taps, e.g. "iMessage and FaceTime won't activate" */
    const char *version;   /* required; the topic's own version, "MAJOR.MINOR.PATCH" */
    const char *summary;   /* required; one line under the title on the home screen */
    const char *category;  /* required; groups topics on the home screen, e.g. "Messages & calls" */
    const char *applies_to;/* optional; the devices/OS the steps are written for, e.g. "iPhone, iOS 26" */
    const char *icon;      /* optional; name of an hs_image shown on the topic's card */

    const char *const *symptoms; /* required; at least one: what the customer sees */
    size_t symptom_count;
    const char *why;             /* required; why it happens, in plain words */

    const hs_fix *fixes;         /* required; at least one */
    size_t fix_count;
    const hs_faq *faq;           /* optional */
    size_t faq_count;
    const hs_image *images;      /* optional; every picture any step or the icon refers to */
    size_t image_count;

    const char *ask_team_note; /* optional; shown on the "ask a team member" screen, when no fix worked
                                  (named `closing` in earlier copies of this header: same slot, same meaning) */

    /* ABI 1.1: these took six of the eight reserved slots (same size), so sizeof(hs_topic) is unchanged. */
    size_t abi_minor;      /* HELPSTATION_ABI_MINOR as the plugin was compiled (0 in a 1.0 plugin: a NULL reserved slot) */
    const hs_translation *translations; /* optional; one per language, locales unique */
    size_t translation_count;
    const char *support_url; /* optional; the vendor's web page for this problem, https:// (or http://),
                                at most 2 KiB; the success and ask-team screens show it as a QR code
                                so the customer takes the steps home. Never anything about the customer. */
    const char *const *fix_support_urls; /* optional; NULL or fix_count entries: a page for one fix (its
                                            screens offer a QR code of it), same rules as support_url */
    const char *const *image_alts; /* optional; NULL or image_count entries: what picture i shows, in a
                                      sentence, for customers who cannot see it (read aloud, translated
                                      like the other text). `helpstation --validate` warns when a step's
                                      picture has none. */

    void *reserved[2];     /* set to NULL; later minor additions take these slots */
} hs_topic;

#if defined(__GNUC__)
#define HELPSTATION_EXPORT __attribute__((visibility("default")))
#else
#define HELPSTATION_EXPORT
#endif

/* The one symbol a plugin exports. */
HELPSTATION_EXPORT const hs_topic *helpstation_plugin_entry(void);
typedef const hs_topic *(*hs_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* HELPSTATION_PLUGIN_H */
