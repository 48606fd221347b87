#!/usr/bin/env bash
# Help Station set-up for a fresh Debian 12 machine. Two uses, both from the project root:
#
#   bash scripts/setup.sh run    install what is missing, build, start the kiosk
#   bash scripts/setup.sh test   install what is missing, build, run every test
#
# `run` opens the kiosk full screen when there is a display. Without one (a server, CI, a
# container) it renders the kiosk on a virtual display (Xvfb) and writes screenshots of the home
# screen and of the first step, then prints the folder they are in.
# Extra arguments after `run` go to the viewer, e.g. `bash scripts/setup.sh run --windowed 1280x720`.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="$ROOT/build"

# Everything the build, the kiosk and the tests need, as Debian 12 packages.
PACKAGES=(
  build-essential cmake pkg-config git            # toolchain
  libglfw3-dev libgl-dev libgl1-mesa-dri          # window, GL (Mesa's software GL when no GPU)
  libxi-dev libxrandr-dev                         # touch screens read as XInput 2.2 touches (glfw3native.h needs Xrandr.h)
  python3-glad                                    # GL loader generated at build time
  libimgui-dev libfreetype-dev libstb-dev         # UI, font rasterizer, images
  libcli11-dev libspdlog-dev nlohmann-json3-dev   # command line, log, JSON output
  libtomlplusplus-dev libsodium-dev               # config file; PIN hashing and plugin signatures
  libsqlite3-dev                                  # customer outcome analytics (WAL database)
  libseccomp-dev                                  # the probe's system-call filter (plugin confinement)
  libqrencode-dev                                 # QR codes of a topic's support URL ("take it with you")
  zbar-tools                                      # zbarimg: tests read the QR codes back from screenshots
  librsvg2-bin                                    # topic pictures drawn as SVG -> PNG
  gettext                                         # translations: msgfmt (.po -> .mo), xgettext (viewer-pot), msgmerge in tests
  fonts-noto-core fonts-font-awesome              # typography and icons
  fonts-noto-cjk                                  # Chinese glyphs for translated topics (Noto Sans CJK SC)
  catch2 xvfb xauth                               # tests and the virtual display
  xdotool python3-xlib                            # real X keys and a window manager's close request (lockdown tests)
  dpkg-dev file                                   # cpack -G DEB: dpkg-shlibdeps, ELF detection
  qemu-system-x86 ovmf mmdebstrap e2fsprogs mtools dosfstools fdisk python3 # the kiosk image, booted in a VM (tests/vm, label vm)
)

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "All ${#PACKAGES[@]} packages are installed"
    return
  fi
  log "Installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  log "Building into $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build "$BUILD" -j"$(nproc)"
}

run_kiosk() {
  local viewer="$BUILD/bin/helpstation"
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    log "Starting the kiosk"
    exec "$viewer" "$@"
  fi
  local out="$ROOT/screenshots"
  mkdir -p "$out"
  local topic
  topic=$("$viewer" --list-topics --json | sed -n 's/^ *"id": "\(.*\)",$/\1/p' | head -n 1)
  log "No display: rendering the kiosk on a virtual display (Xvfb)"
  local shots=("home:home")
  [ -n "$topic" ] && shots+=("$topic/fix/1/step/1:first-step")
  for shot in "${shots[@]}"; do
    local route=${shot%%:*} name=${shot##*:}
    for size in 1920x1080 1080x1920; do
      xvfb-run -a -s "-screen 0 1920x1920x24" \
        "$viewer" --windowed "$size" --open "$route" --screenshot "$out/$name-$size.png" "$@"
    done
  done
  "$viewer" --list-topics
  log "Screenshots of the kiosk are in $out"
  ls -1 "$out"
}

run_tests() {
  log "Running every test"
  local rc=0
  ctest --test-dir "$BUILD" --output-on-failure -j"$(nproc)" || rc=$?
  # The kiosk VM test's timings (image build, boot to attract, ...): CTest hides a passing test's output.
  if [ -f "$BUILD/test-output/vm/timings.txt" ]; then
    log "Kiosk VM test timings"
    cat "$BUILD/test-output/vm/timings.txt"
  fi
  return "$rc"
}

# The sanitizer pass (build-asan/, -DHELPSTATION_SANITIZE=ON): the core unit tests and a short soak
# of the real viewer under AddressSanitizer + UBSan. Invalid accesses, undefined behaviour and leaks
# fail it; leaks are suppressed only inside Mesa, LLVM and the X libraries (scripts/lsan.supp).
# allocator_may_return_null: the probe's "huge allocation" fault must fail as malloc does in a
# kiosk (NULL, then the plugin's own crash), not as an ASan report.
sanitize_tests() {
  local asan="$ROOT/build-asan"
  log "Sanitizer build into $asan"
  cmake -S "$ROOT" -B "$asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHELPSTATION_SANITIZE=ON
  cmake --build "$asan" -j"$(nproc)" --target core_tests helpstation topic-imessage-facetime-activation
  export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$ROOT/scripts/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  log "Core tests under the sanitizers"
  # Two probe tests give the probe 1 s to answer; an instrumented probe on a busy machine starts
  # slower than that (no sanitizer report, only the timeout). The other probe tests run.
  ctest --test-dir "$asan" -R '^core:' -E 'Every fault is quarantined|A passing probe answers' \
    --output-on-failure -j"$(nproc)"
  log "A 300-navigation soak under the sanitizers"
  XDG_CACHE_HOME="$asan/soak-cache" xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$asan/bin/helpstation" --windowed 1920x1080 --lockdown false --log-level warn --soak 300
}

case "${1:-}" in
  run) shift; install_missing; build; run_kiosk "$@" ;;
  test) shift; install_missing; build; run_tests ;;
  sanitize) shift; install_missing; sanitize_tests ;;
  *) echo "usage: bash scripts/setup.sh run [viewer options...] | test | sanitize" >&2; exit 2 ;;
esac
