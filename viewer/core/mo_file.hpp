// Reads a compiled gettext catalog (a .mo file, as msgfmt writes it) out of untrusted bytes: a
// topic plugin carries one per language (plugin.h, hs_translation) and the kiosk reads them as data.
// Small on purpose: no hash table, no plural rules, no charset conversion. Every offset and length
// is checked against the buffer before it is read; the first thing wrong names where and stops.
//
// The format (GNU gettext manual, "The Format of GNU MO Files"): a header of 32-bit words in the
// byte order given by the magic 0x950412de; the number N of strings; the offsets of two tables of N
// (length, offset) pairs, originals and translations; each string NUL-terminated at offset+length.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace hs {

struct MoLimits {
    size_t max_bytes = 4u * 1024 * 1024; // one catalog
    size_t max_string_bytes = 16 * 1024; // one msgid or msgstr (a topic's string limit)
    size_t max_strings = 16 * 1024;      // entries, header included
};

struct MoFile {
    // msgid -> msgstr. Only translated entries: the header (empty msgid) and entries with an empty
    // msgstr are left out. A plural entry is keyed by its singular msgid and keeps its first form;
    // an entry with a msgctxt is keyed "context\x04msgid", as gettext stores it.
    std::map<std::string, std::string> strings;
    std::string error; // empty when the bytes are a valid catalog
};

MoFile parse_mo(const unsigned char *data, size_t size, const MoLimits &limits = {});

} // namespace hs
