// The topic as data: what helpstation-probe sends back once a plugin has passed, and what the
// probe cache keeps on disk. The kiosk builds its catalog from these bytes alone, so no plugin code
// ever runs in its process; and since the plugin could have written anything on the probe's answer
// channel, the kiosk checks the bytes again with the same validator (copy_topic) before using them.
//
// Format 3 (format 1 had no translations and no warnings, format 2 no support URLs and no alt texts;
// the probe cache drops extractions of an older format: ProbeCache keys them by kProbeChecksVersion,
// bumped with it). Integers are little-endian; a string is a u32 byte count and that many UTF-8 bytes
// (no NUL inside, none at the end).
//
//   "HSX3"                        magic and format version
//   str  id title version summary category applies_to icon why ask_team_note support_url
//   u32  n, then n str            symptoms
//   u32  n, then n fixes          str title intro outcome; u32 m, then m steps: str text image note caution
//   u32  n, then n FAQ entries    str question answer
//   u32  n, then n pictures       str name; u32 width, height (as the probe decoded it); u8 where:
//                                   0: in the plugin file: u64 offset, u64 byte count
//                                   1: inline (made by the plugin at run time): u32 byte count, the bytes
//   u32  n, then n str            fix_support_urls: n is the number of fixes, "" for none
//   u32  n, then n str            image_alts: n is the number of pictures, "" for none
//   u32  n, then n translations   str locale; u32 byte count, the compiled catalog (.mo) as the plugin
//                                   carried it (the kiosk parses it again: mo_file.hpp)
//   u32  n, then n str            warnings: what the probe left out while the topic loads
//                                   ("translations[1] 'fr': not a valid .mo catalog: ...")
//
// Nothing follows the last warning. Every count is checked against ContentLimits before anything
// is allocated, and the whole is at most max_extraction_bytes(limits): a probe that writes more is
// quarantined without the kiosk ever holding it.
#pragma once

#include "content.hpp"
#include "descriptor.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hs {

// The bytes of `topic` (already valid: copy_topic made it). Pictures with a PictureFile are sent as
// their place in the file, the others inline.
// `warnings` are copy_topic's for this topic (CopyResult::warnings), kept with it so the cache and
// the kiosk report them too.
std::string encode_extraction(const Topic &topic, const std::vector<std::string> &warnings = {});

// The most a valid topic can take, given the limits (the probe's answer cap follows from it).
size_t max_extraction_bytes(const ContentLimits &limits);

// Reads `bytes` back into a topic whose in-file pictures point into `plugin` (the file as it was
// fingerprinted: path, device, inode, size, mtime). Malformed bytes give one problem naming where
// they stop making sense; well-formed bytes go through copy_topic, with its field-by-field problems.
// The warnings carried come first in the result's warnings, then copy_topic's own.
CopyResult decode_extraction(std::string_view bytes, const PictureFile &plugin, const ContentLimits &limits = {});

} // namespace hs
