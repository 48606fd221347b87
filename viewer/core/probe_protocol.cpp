#include "probe_protocol.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace hs {

std::string phase_line(const char *phase) { return std::string("phase ") + phase + "\n"; }

std::string answer_line(const ProbeAnswer &answer) {
    nlohmann::json j = {{"ok", answer.ok}};
    if (answer.ok) {
        j["id"] = answer.id;
        j["version"] = answer.version;
        j["title"] = answer.title;
    } else {
        j["problems"] = answer.problems;
    }
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
        if (a.ok) {
            a.id = j.at("id").get<std::string>();
            a.version = j.at("version").get<std::string>();
            a.title = j.at("title").get<std::string>();
        } else {
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
    std::istringstream in(output);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("phase ", 0) == 0) {
            t.phase = line.substr(6);
        } else if (line.rfind("fault ", 0) == 0) {
            t.fault = line.substr(6);
        } else if (!line.empty() && line[0] == '{') {
            t.answer = parse_answer(line);
            t.garbled = !t.answer;
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
