// What helpstation-probe writes on its stdout, and how the viewer reads it back. Shared by both
// sides so the two cannot drift apart.
//
//   phase dlopen            one line before each step, so a child that dies mid-way
//   phase entry             still tells how far it got
//   phase validate
//   phase close
//   phase pictures
//   fault stack overflow    only from the crash handler, just before the process dies
//   {"ok":true,"id":"..","version":"..","title":".."}     the answer: last line, one JSON object
//   {"ok":false,"problems":["field: reason", ...]}
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hs {

// Bumped whenever the probe checks something it did not check before, so that passes remembered
// by an older viewer (ProbeCache) are not trusted for checks they never had.
constexpr int kProbeChecksVersion = 1;

struct ProbeAnswer {
    bool ok = false;
    std::string id, version, title;    // when ok
    std::vector<std::string> problems; // when not ok: each "field: reason"
};

std::string phase_line(const char *phase);
std::string answer_line(const ProbeAnswer &answer); // one line, newline included

// Everything a child wrote, read back.
struct ProbeTranscript {
    std::string phase;                 // the last phase reached; empty when none
    std::string fault;                 // detail from the crash handler, if it ran
    std::optional<ProbeAnswer> answer; // absent when the child died or hung first
    bool garbled = false;              // an answer line that is not a valid answer
};
ProbeTranscript read_transcript(const std::string &output);

// "during entry", "while decoding pictures", ... for a reason line; "before loading the plugin"
// when no phase was reached.
std::string describe_phase(const std::string &phase);

} // namespace hs
