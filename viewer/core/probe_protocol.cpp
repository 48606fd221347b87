#include "probe_protocol.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace hs {

std::string phase_line(const char *phase) { return std::string("phase ") + phase + "\n"; }

std::string topic_block(const std::string &data) { return "topic " + std::to_string(data.size()) + "\n" + data; }

std::string unconfined_line(const std::string &what) { return "unconfined " + what + "\n"; }

std::string answer_line(const ProbeAnswer &answer) {
    nlohmann::json j = {{"ok", answer.ok}};
    if (!answer.ok) j["problems"] = answer.problems;
    // A problem may quote bytes that are not UTF-8 (a file name): replace them, never throw.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {

std::optional<ProbeAnswer> parse_answer(const std::string &line) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("ok") || !j["ok"].is_boolean()) return std::nullopt;
    ProbeAnswer a;
    a.ok = j["ok"].get<bool>();
    try {
        if (!a.ok) {
            a.problems = j.at("problems").get<std::vector<std::string>>();
            if (a.problems.empty()) return std::nullopt;
        }
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
    return a;
}

} // namespace

ProbeTranscript read_transcript(const std::string &output) {
    ProbeTranscript t;
    size_t at = 0;
    while (at < output.size()) {
        size_t end = output.find('\n', at);
        if (end == std::string::npos) end = output.size();
        std::string line = output.substr(at, end - at);
        at = end + 1;
        if (line.rfind("topic ", 0) == 0) {
            // A block of bytes, not lines: take exactly as many as announced.
            char *stop = nullptr;
            unsigned long long n = std::strtoull(line.c_str() + 6, &stop, 10);
            if (*stop != '\0' || line.size() == 6 || at > output.size() || n > output.size() - at) {
                t.garbled = true;
                break;
            }
            t.topic = output.substr(at, static_cast<size_t>(n));
            at += static_cast<size_t>(n);
        } else if (line.rfind("phase ", 0) == 0) {
            t.phase = line.substr(6);
        } else if (line.rfind("unconfined ", 0) == 0) {
            if (t.unconfined.size() < 16) t.unconfined.push_back(line.substr(11));
        } else if (line.rfind("fault ", 0) == 0) {
            t.fault = line.substr(6);
        } else if (!line.empty() && line[0] == '{') {
            t.answer = parse_answer(line);
            t.garbled = t.garbled || !t.answer;
        }
    }
    return t;
}

std::string describe_phase(const std::string &phase) {
    if (phase.empty()) return "before loading the plugin";
    if (phase == "dlopen") return "during dlopen";
    if (phase == "entry") return "during entry";
    if (phase == "validate") return "during validation";
    if (phase == "close") return "while closing the library";
    if (phase == "pictures") return "while decoding pictures";
    return "during " + phase;
}

} // namespace hs
