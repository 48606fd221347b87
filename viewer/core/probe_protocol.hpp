// What helpstation-probe writes on its answer channel (its stdout, a pipe), and how the viewer
// reads it back. Shared by both sides so the two cannot drift apart.
//
//   phase dlopen            one line before each step, so a child that dies mid-way
//   phase entry             still tells how far it got
//   phase validate
//   phase close
//   phase pictures
//   fault stack overflow    only from a signal handler, just before the process dies
//   fault forbidden system call socket
//   unconfined Landlock (...)   a limit the probe could not apply (logged once by the viewer)
//   topic 12345             the topic as data (extraction.hpp): this many bytes follow the newline
//   {"ok":true}             the answer: last line, one JSON object
//   {"ok":false,"problems":["field: reason", ...]}
//
// The plugin's code runs in the same process and may write on this channel too (it is allowed to
// write there, and only there): the viewer trusts nothing it reads here beyond "this is what the
// probe said", and validates the topic data again (plugin_check.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hs {

// Bumped whenever the probe checks something it did not check before, so that passes remembered
// by an older viewer (ProbeCache) are not trusted for checks they never had.
// 3: translations (ABI 1.1), carried in extraction format 2 ("HSX2"): a cache of format 1 is dropped.
// 4: support URLs and pictures' alt texts (the rest of ABI 1.1), extraction format 3 ("HSX3").
constexpr int kProbeChecksVersion = 4;

struct ProbeAnswer {
    bool ok = false;
    std::vector<std::string> problems; // when not ok: each "field: reason"
};

std::string phase_line(const char *phase);
std::string topic_block(const std::string &data);   // "topic N\n" and the bytes
std::string unconfined_line(const std::string &what);
std::string answer_line(const ProbeAnswer &answer); // one line, newline included

// Everything a child wrote, read back.
struct ProbeTranscript {
    std::string phase;                 // the last phase reached; empty when none
    std::string fault;                 // detail from the crash handler, if it ran
    std::string topic;                 // the topic data block, when one was sent
    std::vector<std::string> unconfined; // limits the probe could not apply
    std::optional<ProbeAnswer> answer; // absent when the child died or hung first
    bool garbled = false;              // an answer line that is not a valid answer, or a cut topic block
};
ProbeTranscript read_transcript(const std::string &output);

// "during entry", "while decoding pictures", ... for a reason line; "before loading the plugin"
// when no phase was reached.
std::string describe_phase(const std::string &phase);

} // namespace hs
