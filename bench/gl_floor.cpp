// bench-gl-floor: the floor under the viewer's start-up on this machine. It execs itself as a
// bare GLFW program (a window, a GL 3.3 core context, one clear, one swap, glFinish) and reports
// exec -> that first frame, median of 5: what any GL application pays here before it draws
// anything of its own (with software GL, mostly loading Mesa and LLVM and making the context).
// Prints {"bench":"gl-floor","figures":[...]}.
#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

long long mono_ns() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int child() {
    long long exec_ns = std::atoll(std::getenv("HELPSTATION_EXEC_NS"));
    if (!glfwInit()) return 1;
    long long init_ns = mono_ns();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow *w = glfwCreateWindow(1920, 1080, "floor", nullptr, nullptr);
    if (!w) return 1;
    glfwMakeContextCurrent(w);
    if (!gladLoadGL(glfwGetProcAddress)) return 1;
    long long context_ns = mono_ns();
    glClearColor(0.1f, 0.2f, 0.3f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glfwSwapBuffers(w);
    glFinish();
    long long frame_ns = mono_ns();
    std::printf("%f %f %f\n", (init_ns - exec_ns) / 1e6, (context_ns - init_ns) / 1e6, (frame_ns - exec_ns) / 1e6);
    glfwDestroyWindow(w);
    glfwTerminate();
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    if (argc > 1 && std::string(argv[1]) == "--child") return child();
    std::vector<double> init, context, total;
    for (int i = 0; i < 5; ++i) {
        int fds[2];
        if (pipe(fds) != 0) return 1;
        pid_t pid = fork();
        if (pid == 0) {
            dup2(fds[1], 1);
            close(fds[0]);
            setenv("HELPSTATION_EXEC_NS", std::to_string(mono_ns()).c_str(), 1);
            execl("/proc/self/exe", argv[0], "--child", static_cast<char *>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        char buf[256] = {};
        ssize_t n = read(fds[0], buf, sizeof buf - 1);
        close(fds[0]);
        int status = 0;
        waitpid(pid, &status, 0);
        double a = 0, b = 0, c = 0;
        if (n > 0 && std::sscanf(buf, "%lf %lf %lf", &a, &b, &c) == 3) {
            init.push_back(a);
            context.push_back(b);
            total.push_back(c);
        }
    }
    auto median = [](std::vector<double> v) {
        if (v.empty()) return -1.0;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("{\"bench\":\"gl-floor\",\"figures\":["
                "{\"figure\":\"bare GLFW + GL 3.3: exec -> first cleared frame (median of 5)\",\"value\":%.1f,\"unit\":\"ms\"},"
                "{\"figure\":\"  of which exec -> glfwInit done\",\"value\":%.1f,\"unit\":\"ms\"},"
                "{\"figure\":\"  of which window + GL context\",\"value\":%.1f,\"unit\":\"ms\"}]}\n",
                median(total), median(init), median(context));
    return 0;
}
