// bench-report: turns the JSON objects the bench-* programs print into one results table.
//
//   bench-report --results DIR --readme README.md --machine TEXT NAME.json...
//
// Each input is {"bench":"NAME","figures":[{"figure","value","unit","goal"?}...],"details"?}. A
// goal such as "<= 150 ms", ">= 10", "0" is checked against the value (same unit as the figure)
// and the row says met, or missed and by how much. Writes DIR/<date>-<host>.md and .json (the
// machine, the date, every figure) and DIR/latest.md, prints the table, and replaces the README's
// table between "<!-- bench-results:begin -->" and "<!-- bench-results:end -->".
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string read_text(const std::string &path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string num(double v) {
    char buf[64];
    if (std::fabs(v) >= 100 || v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// "met", "missed by N unit", or "" when there is no goal or it cannot be read.
std::string verdict(double value, const std::string &goal, const std::string &unit) {
    if (goal.empty()) return "";
    std::istringstream in(goal);
    std::string op;
    double limit = 0;
    if (goal[0] == '<' || goal[0] == '>' || goal[0] == '=') in >> op;
    else op = "==";
    if (!(in >> limit)) return "";
    bool met = op == "<=" ? value <= limit : op == ">=" ? value >= limit : op == "<" ? value < limit
             : op == ">" ? value > limit : value == limit;
    if (met) return "met";
    double by = std::fabs(value - limit);
    std::string ratio = limit > 0 ? " (" + num(value / limit) + "x)" : "";
    return "**missed** by " + num(by) + " " + unit + ratio;
}

} // namespace

int main(int argc, char **argv) {
    std::string results, readme, machine;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--results" && i + 1 < argc) results = argv[++i];
        else if (a == "--readme" && i + 1 < argc) readme = argv[++i];
        else if (a == "--machine" && i + 1 < argc) machine = argv[++i];
        else inputs.push_back(a);
    }
    if (results.empty() || inputs.empty()) {
        std::fprintf(stderr, "usage: bench-report --results DIR [--readme README.md] [--machine TEXT] NAME.json...\n");
        return 2;
    }
    char host[256] = "host";
    gethostname(host, sizeof host);
    std::time_t now = std::time(nullptr);
    char date[64], stamp[64];
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M", std::gmtime(&now));

    json all{{"date", date}, {"machine", machine}, {"benches", json::array()}};
    std::string table = "| bench | figure | value | goal | |\n| --- | --- | ---: | --- | --- |\n";
    int problems = 0;
    for (const std::string &path : inputs) {
        json j;
        try {
            j = json::parse(read_text(path));
        } catch (const std::exception &e) {
            std::fprintf(stderr, "bench-report: %s: not one JSON object (%s)\n", path.c_str(), e.what());
            ++problems;
            continue;
        }
        std::string bench = j.value("bench", fs::path(path).stem().string());
        for (json &f : j["figures"]) {
            double value = f.value("value", -1.0);
            std::string unit = f.value("unit", ""), goal = f.value("goal", "");
            std::string v = verdict(value, goal, unit);
            if (!v.empty()) f["verdict"] = v;
            table += "| " + bench + " | " + f.value("figure", "?") + " | " + num(value) + " " + unit + " | " + goal +
                     " | " + v + " |\n";
        }
        all["benches"].push_back(j);
    }
    std::string md = "Measured " + std::string(date) + " on " + machine + ".\n\n" + table;
    fs::create_directories(results);
    std::string base = results + "/" + stamp + "-" + host;
    std::ofstream(base + ".json") << all.dump(2) << '\n';
    std::ofstream(base + ".md") << "# Benchmark results\n\n" << md;
    std::ofstream(results + "/latest.md") << "# Benchmark results\n\n" << md;
    std::printf("%s", md.c_str());

    if (!readme.empty()) {
        std::string text = read_text(readme);
        const std::string begin = "<!-- bench-results:begin -->", end = "<!-- bench-results:end -->";
        size_t b = text.find(begin), e = text.find(end);
        if (b == std::string::npos || e == std::string::npos || e < b) {
            std::fprintf(stderr, "bench-report: %s has no %s ... %s section; not updated\n", readme.c_str(),
                         begin.c_str(), end.c_str());
        } else {
            text = text.substr(0, b + begin.size()) + "\n" + md + text.substr(e);
            std::ofstream(readme) << text;
        }
    }
    std::fprintf(stderr, "bench-report: written %s.md and .json\n", base.c_str());
    return problems ? 1 : 0;
}
