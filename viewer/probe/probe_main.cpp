// helpstation-probe: the only process that ever loads a topic plugin. It confines itself
// (confine.hpp), loads the plugin, validates it, decodes every picture and sends the topic back
// as data (core/extraction.hpp). The viewer runs one per plugin file it has not seen before
// (viewer/core/probe.cpp); it is also handy by hand:  helpstation-probe PLUGIN.so | less
//
// stdout: "phase ..." lines as it goes, the topic block, then one JSON answer
// (viewer/core/probe_protocol.hpp). Exit status: 0 passed, 1 refused (the answer lists the
// problems), 2 bad command line. Anything else (a signal, another status, no answer) is the plugin
// misbehaving.
#include "confine.hpp"
#include "core/pictures.hpp"
#include "core/extraction.hpp"
#include "plugin_loader.hpp"
#include "core/probe_protocol.hpp"

#include <malloc.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

void write_all(int fd, const std::string &text) {
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += static_cast<size_t>(n);
    }
}

int usage() {
    std::fputs("usage: helpstation-probe [--memory-limit-mb N] [--landlock-abi N] [--] PLUGIN.so\n", stderr);
    return 2;
}

} // namespace

int main(int argc, char **argv) {
    size_t memory_mb = 1024;
    int landlock_abi = 0;
    std::string plugin;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--memory-limit-mb" && i + 1 < argc) {
            char *end = nullptr;
            unsigned long long mb = std::strtoull(argv[++i], &end, 10);
            if (*end != '\0' || mb < 64) return usage();
            memory_mb = static_cast<size_t>(mb);
        } else if (arg == "--landlock-abi" && i + 1 < argc) {
            landlock_abi = std::atoi(argv[++i]);
            if (landlock_abi < 1) return usage();
        } else if (arg == "--" && i + 1 == argc - 1) {
            plugin = argv[++i];
        } else if (plugin.empty() && !arg.empty() && arg[0] != '-') {
            plugin = arg;
        } else {
            return usage();
        }
    }
    if (plugin.empty()) return usage();

    // Decoding allocates a few MiB per picture. By default each such buffer is a fresh mmap,
    // faulted in page by page and unmapped again: keeping them in the heap for reuse cuts a
    // probe of the bundled topic (15 pictures of 600x1100) from ~19000 page faults to ~1800 and
    // from ~110 to ~60 ms.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);

    int stack_top = 0;
    std::vector<std::string> not_applied;
    const int answer = hs::probe::confine(memory_mb, &stack_top, plugin, landlock_abi, not_applied);
    if (answer < 0) return 2;
    hs::probe::report_faults_to(answer);
    hs::probe::confine_calls(answer, not_applied);
    for (const std::string &what : not_applied) write_all(answer, hs::unconfined_line(what));

    // The contract forbids threads: one still running would run code the kiosk has unloaded. They
    // are counted before the library is closed: a thread that has not been scheduled yet would
    // otherwise wake up in unmapped code (a crash that depends on how busy the machine is). The
    // probe then answers without closing the library.
    auto refuse_threads = [answer](int threads) {
        hs::ProbeAnswer refused;
        refused.problems.push_back("plugin: " + std::to_string(threads - 1) +
                                   " thread(s) still running when the library was to be closed (plugins must "
                                   "not start threads)");
        write_all(answer, hs::answer_line(refused));
        _exit(1);
    };
    // Each phase is written before it starts and unbuffered: a process that dies mid-way has
    // already told the viewer where.
    auto phase = [answer, refuse_threads](const char *name) {
        if (std::strcmp(name, "close") == 0)
            if (int threads = hs::probe::thread_count(); threads > 1) refuse_threads(threads);
        write_all(answer, hs::phase_line(name));
    };
    const hs::ContentLimits limits;
    hs::LoadResult loaded = hs::load_plugin(plugin, limits, phase, hs::PictureMemory::InFile);

    hs::ProbeAnswer result;
    if (!loaded.topic) {
        result.problems = loaded.problems;
    } else {
        // A thread started while the library closed (by a destructor) is refused all the same.
        if (int threads = hs::probe::thread_count(); threads > 1) refuse_threads(threads);
        phase("pictures");
        for (std::string &p : hs::undecodable_pictures(*loaded.topic)) result.problems.push_back(std::move(p));
        // Pictures not found in the file (made at run time) travel inline, within a limit of their own.
        size_t inline_bytes = 0;
        for (const hs::Image &img : loaded.topic->images) inline_bytes += img.size();
        if (inline_bytes > limits.max_inline_picture_bytes)
            result.problems.push_back("images: pictures made at run time take " + std::to_string(inline_bytes) +
                                      " bytes, more than the limit of " +
                                      std::to_string(limits.max_inline_picture_bytes));
        result.ok = result.problems.empty();
        if (result.ok) write_all(answer, hs::topic_block(hs::encode_extraction(*loaded.topic, loaded.warnings)));
    }
    write_all(answer, hs::answer_line(result));
    return result.ok ? 0 : 1;
}
