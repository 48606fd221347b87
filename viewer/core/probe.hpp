// Runs helpstation-probe, the only process that ever loads a plugin: a short-lived, confined child
// (viewer/probe/confine.hpp) that loads the plugin, validates it, decodes every picture and sends
// the topic back as data (extraction.hpp). A plugin that crashes, hangs or tries what it must not
// costs the kiosk nothing but its own topic. This side starts the child with an empty environment
// in a session of its own, reads its answer and its stderr (both capped), kills the whole session
// at the time limit, and turns whatever happened into one verdict.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

namespace hs {

struct ProbeOptions {
    // For the plugin's own code: from the start of the child until the library is closed again.
    // Past it the child is killed and the plugin quarantined as hung.
    int timeout_ms = 2000;
    // Then for decoding its pictures, where no plugin code runs: a big topic of many photos may
    // legitimately take seconds on a slow kiosk, and must not be taken for a hang.
    int decode_timeout_ms = 30000;
    size_t memory_limit_mb = 1024;    // the child's address space (RLIMIT_AS): a huge allocation fails there
    unsigned max_parallel = 0;        // children at once; 0: one per core this process may use
    // Set by another thread to stop early (the kiosk is exiting): running children are killed and
    // every plugin not yet judged comes back not_run. Checked at least every kCancelPollMs.
    const std::atomic<bool> *cancel = nullptr;
};

struct ProbeVerdict {
    enum class Outcome {
        passed,      // loads, validates and every picture decodes
        refused,     // ran fine, but the content is invalid: `problems` says what
        quarantined, // crashed, aborted, exited, hung or babbled: the plugin misbehaved
        not_run,     // the probe itself could not be started; says nothing about the plugin
    };
    Outcome outcome = Outcome::not_run;
    std::string topic_data;            // when passed: the topic as data, not yet validated on this side
    std::string reason;                // one line when not passed, e.g. "killed by SIGSEGV during entry"
    std::vector<std::string> problems; // when refused: each "field: reason" (reason joins them)
    std::string phase;                 // the last phase the child reported ("entry", ...)
    double seconds = 0;                // wall time of the child

    bool passed() const { return outcome == Outcome::passed; }
};

// Probes one plugin file with the helpstation-probe executable at `probe_exe`.
ProbeVerdict probe_plugin(const std::string &probe_exe, const std::string &plugin, const ProbeOptions &options = {});

// Probes many, at most options.max_parallel at a time; verdicts are in the order of `plugins`.
std::vector<ProbeVerdict> probe_plugins(const std::string &probe_exe, const std::vector<std::string> &plugins,
                                        const ProbeOptions &options = {});

// "SIGSEGV", "SIGABRT", ...; "signal 42" for one without a name.
std::string signal_name(int sig);

} // namespace hs
