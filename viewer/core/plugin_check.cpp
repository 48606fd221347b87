#include "plugin_check.hpp"

#include "extraction.hpp"

#include <spdlog/spdlog.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

namespace hs {
namespace {

PluginProblem problem(CheckStage stage, RejectionKind kind, const std::string &text) {
    return {stage, kind, {}, text};
}

// "fixes[1].title: missing" -> field and message. The validator writes every problem this way.
PluginProblem field_problem(CheckStage stage, RejectionKind kind, const std::string &text) {
    size_t colon = text.find(": ");
    bool has_field = colon != std::string::npos && colon > 0 && text.find(' ') > colon;
    if (!has_field) return problem(stage, kind, text);
    return {stage, kind, text.substr(0, colon), text.substr(colon + 2)};
}

RejectionKind kind_of(ProbeVerdict::Outcome o) {
    switch (o) {
    case ProbeVerdict::Outcome::refused: return RejectionKind::refused;
    case ProbeVerdict::Outcome::quarantined: return RejectionKind::quarantined;
    case ProbeVerdict::Outcome::not_run:
    case ProbeVerdict::Outcome::passed: break;
    }
    return RejectionKind::unchecked;
}

// The file as the kiosk fingerprinted it: pictures are only ever read from this very file.
PictureFile identity(const PluginFingerprint &fp) {
    PictureFile f;
    f.path = fp.path;
    struct stat st {};
    if (::stat(fp.path.c_str(), &st) == 0) {
        f.device = st.st_dev;
        f.inode = st.st_ino;
    }
    f.file_size = fp.size;
    f.mtime_ns = fp.mtime_ns;
    return f;
}

// The validate stage: the topic data, from wherever it came, checked like a plugin's descriptor.
// Data that does not pass came from a plugin that forged the probe's answer (or a cache file that
// was tampered with): that is misbehaviour, not invalid content.
void validate(PluginCheck &c, const std::string &data, const ContentLimits &limits) {
    CopyResult r = decode_extraction(data, identity(*c.fingerprint), limits);
    if (r.topic) {
        c.topic = std::move(r.topic);
        for (const std::string &w : r.warnings) {
            c.warnings.push_back(field_problem(CheckStage::validate, RejectionKind::refused, w));
            spdlog::warn("plugin {}: {}", c.file, w);
        }
        return;
    }
    for (const std::string &p : r.problems)
        c.problems.push_back(field_problem(CheckStage::validate, RejectionKind::quarantined,
                                           c.from_cache ? p + " (in the probe cache)" : p));
}

} // namespace

const char *stage_name(CheckStage stage) {
    switch (stage) {
    case CheckStage::trust: return "trust";
    case CheckStage::fingerprint: return "fingerprint";
    case CheckStage::cache: return "cache";
    case CheckStage::probe: return "probe";
    case CheckStage::validate: return "validate";
    }
    return "probe";
}

const char *kind_name(RejectionKind kind) {
    switch (kind) {
    case RejectionKind::refused: return "refused";
    case RejectionKind::quarantined: return "quarantined";
    case RejectionKind::unchecked: return "unchecked";
    case RejectionKind::folder: return "folder";
    }
    return "refused";
}

std::string PluginProblem::text() const { return field.empty() ? message : field + ": " + message; }

std::optional<Rejection> PluginCheck::rejection() const {
    if (topic) return std::nullopt;
    Rejection r{file, {}, RejectionKind::unchecked, problems};
    if (!problems.empty()) r.kind = problems.front().kind;
    for (const PluginProblem &p : problems) r.reason += (r.reason.empty() ? "" : "; ") + p.text();
    if (r.reason.empty()) r.reason = "not checked";
    return r;
}

std::vector<PluginCheck> check_plugins(const std::vector<std::string> &files, const ProbeSetup &setup,
                                       CheckCounts *counts) {
    std::vector<PluginCheck> out(files.size());
    std::vector<std::string> to_probe;
    std::vector<size_t> probe_index;
    for (size_t i = 0; i < files.size(); ++i) {
        PluginCheck &c = out[i];
        c.file = files[i];
        if (auto why = check_trust(c.file, setup.trust)) {
            c.problems.push_back(problem(CheckStage::trust, RejectionKind::refused, *why));
            continue;
        }
        std::string error;
        c.fingerprint = fingerprint_plugin(c.file, error);
        if (!c.fingerprint) {
            c.problems.push_back(problem(CheckStage::fingerprint, RejectionKind::refused, error));
            continue;
        }
        if (setup.cache) {
            if (std::optional<std::string> data = setup.cache->find(*c.fingerprint)) {
                c.from_cache = true;
                if (counts) ++counts->from_cache;
                validate(c, *data, setup.limits);
                continue;
            }
        }
        to_probe.push_back(c.file);
        probe_index.push_back(i);
    }

    std::vector<ProbeVerdict> verdicts = probe_plugins(setup.probe_exe, to_probe, setup.options);
    for (size_t k = 0; k < verdicts.size(); ++k) {
        ProbeVerdict &v = verdicts[k];
        PluginCheck &c = out[probe_index[k]];
        c.probe_seconds = v.seconds;
        spdlog::debug("probe: {}: {} in {:.3f} s", c.file, v.passed() ? "passed" : v.reason, v.seconds);
        if (!v.passed()) {
            RejectionKind kind = kind_of(v.outcome);
            if (v.problems.empty()) c.problems.push_back(problem(CheckStage::probe, kind, v.reason));
            for (const std::string &p : v.problems) c.problems.push_back(field_problem(CheckStage::probe, kind, p));
            continue;
        }
        validate(c, v.topic_data, setup.limits);
        if (c.topic && setup.cache) setup.cache->remember(*c.fingerprint, v.topic_data);
    }
    if (counts) counts->probed += static_cast<int>(to_probe.size());
    return out;
}

std::vector<std::string> list_plugin_files(const std::string &folder, std::optional<Rejection> &problem) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    std::error_code ec;
    fs::file_status status = fs::status(folder, ec);
    if (status.type() == fs::file_type::not_found) {
        problem = Rejection{folder, "plugin folder does not exist", RejectionKind::folder};
        return files;
    }
    if (ec || !fs::is_directory(status)) {
        problem = Rejection{folder, ec ? "plugin folder cannot be read: " + ec.message() : "not a folder",
                            RejectionKind::folder};
        return files;
    }
    fs::directory_iterator it(folder, ec), end;
    if (ec) {
        problem = Rejection{folder, "plugin folder cannot be read: " + ec.message(), RejectionKind::folder};
        return files;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path &p = it->path();
        if (p.extension() == ".so") files.push_back(p.string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace hs
