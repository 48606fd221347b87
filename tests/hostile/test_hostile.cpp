// The hostile-plugin suite: plugins that attack on purpose (hostile.c), in one folder with a good
// plugin, run through the real helpstation binary. The kiosk must stay up, show the good topic,
// name each bad plugin with a reason, and no attack may leave its trace: no file written, no
// connection made, no process left, no byte of the plugin changed, no secret read.
//
// Paths come from the environment when set (run-unprivileged.sh runs copies as another user),
// else from the build.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string setting(const char *env, const char *built) {
    const char *v = std::getenv(env);
    return v && *v ? v : built;
}
const std::string kViewer = setting("HS_HOSTILE_VIEWER", HELPSTATION_EXE);
const std::string kProbe = setting("HS_HOSTILE_PROBE", HELPSTATION_PROBE_EXE);
const std::string kPlugins = setting("HS_HOSTILE_PLUGINS", HOSTILE_PLUGIN_DIR);

// The same places hostile.c computes.
std::string trace_dir() { return "/tmp/helpstation-hostile-" + std::to_string(getuid()); }
int tcp_port() { return 40000 + static_cast<int>(getuid() % 20000); }
std::string unix_name() { return "helpstation-hostile-" + std::to_string(getuid()); }
const char *kSecret = "SECRET-7731-analytics";

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Result {
    int status = -1;
    std::string out, err;
};

// Runs `argv` with `env` (the whole environment), stdout and stderr to files.
Result run(const std::vector<std::string> &argv, const std::vector<std::string> &env, const std::string &scratch) {
    std::string out = scratch + "/out", err = scratch + "/err";
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char *> a, e;
    for (const std::string &s : argv) a.push_back(const_cast<char *>(s.c_str()));
    for (const std::string &s : env) e.push_back(const_cast<char *>(s.c_str()));
    a.push_back(nullptr);
    e.push_back(nullptr);
    pid_t pid = -1;
    Result r;
    if (posix_spawn(&pid, argv[0].c_str(), &fa, nullptr, a.data(), e.data()) == 0)
        while (waitpid(pid, &r.status, 0) < 0 && errno == EINTR) {
        }
    posix_spawn_file_actions_destroy(&fa);
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

// A listener that must never see a connection.
struct Listener {
    int fd = -1;
    explicit Listener(int domain) {
        fd = socket(domain, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        REQUIRE(fd >= 0);
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        int bound = -1;
        if (domain == AF_INET) {
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(static_cast<uint16_t>(tcp_port()));
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            bound = bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
        } else {
            sockaddr_un a{};
            a.sun_family = AF_UNIX;
            std::string name = unix_name();
            std::memcpy(a.sun_path + 1, name.data(), name.size());
            bound = bind(fd, reinterpret_cast<sockaddr *>(&a),
                         static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size()));
        }
        INFO("the test's own listener could not bind: " << std::strerror(errno));
        REQUIRE(bound == 0);
        REQUIRE(listen(fd, 8) == 0);
    }
    ~Listener() { close(fd); }
    bool was_contacted() const {
        int c = accept(fd, nullptr, nullptr);
        if (c >= 0) close(c);
        return c >= 0;
    }
};

// Processes whose name is `comm` (the forked child names itself).
int processes_named(const std::string &comm) {
    int n = 0;
    for (const auto &e : fs::directory_iterator("/proc")) {
        std::string name = read_file(e.path().string() + "/comm");
        if (!name.empty() && name.back() == '\n') name.pop_back();
        if (name == comm) ++n;
    }
    return n;
}

// Everything the attacks could touch, set up fresh; the kiosk then runs once over the folder.
struct Attacked {
    std::string scratch, plugins;
    std::map<std::string, std::string> hashes_before; // plugin file -> bytes
    Result result;
    nlohmann::json report;

    Attacked(const std::vector<std::string> &extra_env = {}) {
        fs::remove_all(trace_dir());
        fs::create_directories(trace_dir() + "/secret");
        std::ofstream(trace_dir() + "/secret/analytics.sqlite") << kSecret << "\n";
        char tmpl[] = "/tmp/helpstation-hostile-run-XXXXXX";
        REQUIRE(mkdtemp(tmpl));
        scratch = tmpl;
        // A private copy of the folder: the attacks that write beside themselves do so here.
        plugins = scratch + "/plugins";
        fs::create_directories(plugins);
        fs::permissions(plugins, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec);
        for (const auto &e : fs::directory_iterator(kPlugins)) {
            if (e.path().extension() != ".so") continue;
            fs::copy_file(e.path(), plugins + "/" + e.path().filename().string());
            hashes_before[e.path().filename().string()] = read_file(e.path().string());
        }
        std::vector<std::string> env = {"HOME=" + scratch, "XDG_CACHE_HOME=" + scratch + "/cache",
                                        "XDG_CONFIG_HOME=" + scratch + "/config",
                                        "XDG_DATA_HOME=" + scratch + "/data", "PATH=/usr/bin:/bin"};
        env.insert(env.end(), extra_env.begin(), extra_env.end());
        // A generous time limit for the plugins' code: on a loaded machine (ctest -j2 beside other
        // work) a probe that traps at once must not be taken for one that hangs. The attacks that
        // do hang (allocate, spin-destructor) then take this long.
        std::ofstream(scratch + "/helpstation.toml") << "[plugins]\nprobe_timeout_ms = 10000\n";
        result = run({kViewer, "--list-topics", "--json", "--log-level", "info", "--config", scratch + "/helpstation.toml",
                      "--plugins", plugins},
                     env, scratch);
        report = nlohmann::json::parse(result.out, nullptr, false);
    }
    ~Attacked() { fs::remove_all(scratch); }

    const nlohmann::json *rejection(const std::string &file) const {
        for (const nlohmann::json &r : report["rejected"])
            if (r["plugin"] == plugins + "/" + file) return &r;
        return nullptr;
    }
    const nlohmann::json *topic(const std::string &id) const {
        for (const nlohmann::json &t : report["topics"])
            if (t["id"] == id) return &t;
        return nullptr;
    }
};

} // namespace

TEST_CASE("Hostile plugins beside a good one: the kiosk stays up, shows the good topic and names each attack",
          "[hostile]") {
    Listener tcp(AF_INET), unix_socket(AF_UNIX);
    Attacked a;
    INFO("kiosk log:\n" << a.result.err.substr(0, 8000));
    REQUIRE(WIFEXITED(a.result.status));
    REQUIRE(WEXITSTATUS(a.result.status) == 0);
    REQUIRE_FALSE(a.report.is_discarded());
    CHECK(a.topic("test-topic")); // the good plugin

    // Each attack is quarantined with the reason that names it.
    struct Case {
        const char *file, *kind, *reason;
    };
    for (Case c : {Case{"write-tmp.so", "quarantined", "forbidden system call openat"},
                   Case{"write-own-folder.so", "quarantined", "forbidden system call openat"},
                   Case{"tcp.so", "quarantined", "forbidden system call socket"},
                   Case{"unix-socket.so", "quarantined", "forbidden system call socket"},
                   Case{"fork-setsid.so", "quarantined", "forbidden system call clone"},
                   Case{"exec.so", "quarantined", "forbidden system call execve"},
                   Case{"rewrite-self.so", "quarantined", "forbidden system call openat"},
                   Case{"forge-huge.so", "quarantined", "wrote more than"},
                   Case{"forge-malformed.so", "quarantined", "not a valid topic extraction"},
                   Case{"allocate.so", "quarantined", "no answer in 10 s"},
                   Case{"spin-destructor.so", "quarantined", "while closing the library"}}) {
        INFO(c.file);
        const nlohmann::json *r = a.rejection(c.file);
        if (!r) {
            FAIL_CHECK("not rejected");
            continue;
        }
        CHECK((*r)["kind"] == c.kind);
        CHECK_THAT((*r)["reason"].get<std::string>(), Catch::Contains(c.reason));
    }
    // May pass or be quarantined; either way their code never ran in the kiosk (it is still up).
    for (const char *file : {"two-faced.so", "sometimes.so", "flood.so"}) {
        INFO(file);
        const nlohmann::json *r = a.rejection(file);
        if (r) CHECK((*r)["kind"] == "quarantined");
    }
    // Reading is not writing: the secret reader passes, but Landlock kept the secret from it.
    const nlohmann::json *reader = a.topic("hostile-read-secret");
    REQUIRE(reader);
    CHECK(a.result.out.find(kSecret) == std::string::npos);

    // No attack left its trace.
    for (const char *trace : {"write-tmp", "two-faced", "forked", "exec"}) {
        INFO(trace);
        CHECK_FALSE(fs::exists(trace_dir() + "/" + trace));
    }
    CHECK_FALSE(fs::exists(a.plugins + "/write-own-folder.so.dropped"));
    CHECK_FALSE(tcp.was_contacted());
    CHECK_FALSE(unix_socket.was_contacted());
    CHECK(processes_named("hs-hostile-kid") == 0);
    for (const auto &[file, bytes] : a.hashes_before) {
        INFO(file);
        CHECK(read_file(a.plugins + "/" + file) == bytes);
    }
    // The flood reached the log as a few KiB, not 128 MiB.
    CHECK(a.result.err.size() < 256 * 1024);
}

TEST_CASE("The kiosk process never maps a plugin, hostile or good", "[hostile]") {
    // The dynamic loader reports every object it maps; the probe gets an empty environment, so
    // what it maps is not in this log: only the kiosk's own.
    Attacked a({"LD_DEBUG=files"});
    REQUIRE(WIFEXITED(a.result.status));
    REQUIRE(WEXITSTATUS(a.result.status) == 0);
    REQUIRE(a.topic("test-topic"));
    CHECK_THAT(a.result.err, Catch::Contains("file=")); // LD_DEBUG did reach the kiosk
    std::istringstream lines(a.result.err);
    std::string line;
    while (std::getline(lines, line))
        if (line.find("file=") != std::string::npos) CHECK(line.find(a.plugins) == std::string::npos);
}

TEST_CASE("With only the Landlock rules of Debian 12's kernel (ABI 2) a plugin still reads nothing it should not",
          "[hostile]") {
    fs::remove_all(trace_dir());
    fs::create_directories(trace_dir() + "/secret");
    std::ofstream(trace_dir() + "/secret/analytics.sqlite") << kSecret << "\n";
    char tmpl[] = "/tmp/helpstation-hostile-run-XXXXXX";
    REQUIRE(mkdtemp(tmpl));
    std::string scratch = tmpl;
    // Through a pipe, as the kiosk runs it: the probe may not write files (RLIMIT_FSIZE=0).
    Result r = run({"/bin/bash", "-c", "'" + kProbe + "' --landlock-abi 2 -- '" + kPlugins + "/read-secret.so' 2>&1 | /bin/cat; exit ${PIPESTATUS[0]}"},
                   {}, scratch);
    INFO(r.out.substr(0, 2000) << r.err.substr(0, 2000));
    CHECK(WIFEXITED(r.status));
    CHECK(WEXITSTATUS(r.status) == 0);                  // it passed...
    CHECK(r.out.find("topic ") != std::string::npos);   // ...with its topic
    CHECK(r.out.find(kSecret) == std::string::npos);    // ...but without the secret
    CHECK(r.out.find("unconfined Landlock") == std::string::npos); // Landlock was applied
    fs::remove_all(scratch);
}
