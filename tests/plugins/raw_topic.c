/* A plugin written against the C header alone, as an author without the C++ builder would.
 * Compile definitions bend one thing at a time (see CMakeLists.txt):
 *   TEST_ABI          abi_version to report (default HELPSTATION_ABI_VERSION)
 *   TEST_STRUCT_SIZE  struct_size to report (default sizeof(hs_topic))
 *   TEST_NEWER_MINOR  report a longer struct with a field this viewer does not know, and a newer abi_minor
 *   TEST_RESERVED     fill a reserved slot, as a later minor version would
 *   TEST_BAD_CATALOG  carry a Spanish translation whose bytes are not a .mo catalog
 *   TEST_ABI_1_0      built against the 1.0 header (tests/plugins/abi-1.0): no abi_minor, no translations
 *   TEST_RETURN_NULL  the entry point returns NULL
 *   TEST_EMPTY_IMAGE  carry a picture without bytes
 *   TEST_BEFORE_ENTRY a function the entry point calls first (faults.c: crashes, hangs...)
 *   TEST_SUMMARY_VAR  the summary, a variable rather than a literal */
#include <helpstation/plugin.h>

#ifndef TEST_ABI
#define TEST_ABI HELPSTATION_ABI_VERSION
#endif
#ifndef TEST_ID
#define TEST_ID "raw-topic"
#endif
#ifndef TEST_SUMMARY_VAR /* a char array the plugin may change at run time (tests/hostile) */
#define TEST_SUMMARY_VAR "A topic without the builder."
#endif

static const char *symptoms[] = {"It was written in C."};
static const hs_step steps[] = {{"Read the header.", 0, 0, 0}};
static const hs_fix fixes[] = {{"Use the C header", 0, 0, steps, 1}};
#ifdef TEST_EMPTY_IMAGE
static const hs_image images[] = {{"empty", 0, 0}};
#define TEST_IMAGES images, 1
#else
#define TEST_IMAGES 0, 0
#endif

#ifdef TEST_BAD_CATALOG
static const unsigned char not_a_catalog[] = "msgid \"Read the header.\"\nmsgstr \"Lee el encabezado.\"\n";
static const hs_translation translations[] = {{"es", not_a_catalog, sizeof not_a_catalog}};
#define TEST_TRANSLATIONS translations, 1
#else
#define TEST_TRANSLATIONS 0, 0
#endif

/* What a newer minor version could look like: hs_topic plus a field appended at the end. */
static const struct newer {
    hs_topic topic;
    const char *appended_field;
} plugin = {{
#ifdef TEST_STRUCT_SIZE
    TEST_STRUCT_SIZE,
#elif defined(TEST_NEWER_MINOR)
    sizeof(struct newer),
#else
    sizeof(hs_topic),
#endif
    TEST_ABI, TEST_ID, "Written in C", "1.0.0", TEST_SUMMARY_VAR, "Testing", 0, 0,
    symptoms, 1, "Because C is enough.", fixes, 1, 0, 0, TEST_IMAGES, 0,
#ifndef TEST_ABI_1_0
#ifdef TEST_NEWER_MINOR
    HELPSTATION_ABI_MINOR + 1,
#else
    HELPSTATION_ABI_MINOR,
#endif
    TEST_TRANSLATIONS,
    0, 0, 0, /* support_url, fix_support_urls, image_alts */
#endif
#ifdef TEST_RESERVED
    {(void *)symptoms}
#else
    {0}
#endif
}, "a field from the future"};

HELPSTATION_EXPORT const hs_topic *helpstation_plugin_entry(void) {
#ifdef TEST_BEFORE_ENTRY
    TEST_BEFORE_ENTRY();
#endif
#ifdef TEST_RETURN_NULL
    return 0;
#else
    return &plugin.topic;
#endif
}
