#!/usr/bin/env bash
# bench/run.sh: the benchmark suite in one command (not part of the tests; it prints figures).
#
#   bash bench/run.sh            # everything: start-up with 100/500/1000 generated plugins, 20,000-navigation soak
#   bash bench/run.sh --quick    # a smoke run: one repetition, 100 generated plugins, 2,000-navigation soak
#   bash bench/run.sh --rebuild-topics   # also rebuild the generated plugins from scratch and time it
#
# Builds what it needs into build-bench/ (configured with -DHELPSTATION_BENCH=ON and Release, so
# build/, which the tests use, never starts building the 1000 generated plugins), starts a private
# Xvfb at 1920x1080, runs bench-viewer and every other bench-* program in build-bench/bin (each prints
# one JSON object: {"bench":"NAME","figures":[{"figure","value","unit","goal"}]}), writes
# bench/results/<date>-<host>.md/.json and latest.md, updates the table in README.md and prints it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${BUILD:-$ROOT/build-bench}"
QUICK=0 REBUILD=0
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    --rebuild-topics) REBUILD=1 ;;
    *) echo "usage: bash bench/run.sh [--quick] [--rebuild-topics]" >&2; exit 2 ;;
  esac
done
log() { echo "bench: $*" >&2; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/helpstation-bench.XXXXXX")"
XVFB_PID=""
FAILED=0
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  if [ "$FAILED" = 1 ]; then log "kept $WORK (viewer logs) for a look"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log "configuring $BUILD with -DHELPSTATION_BENCH=ON"
cmake -S "$ROOT" -B "$BUILD" -DHELPSTATION_BENCH=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# Every bench-* target there is (bench/search adds bench-search, for example).
mapfile -t BENCHES < <(cmake --build "$BUILD" --target help | grep -oE 'bench-[a-z0-9-]+' | grep -vx 'bench-topics' | sort -u)
log "building helpstation, the probe, ${BENCHES[*]}"
cmake --build "$BUILD" -j"$(nproc)" --target helpstation helpstation-probe topic-imessage-facetime-activation "${BENCHES[@]}" >/dev/null
# The bundled topics (the default 'all' target builds them; they are small).
cmake --build "$BUILD" -j"$(nproc)" --target $(cmake --build "$BUILD" --target help | grep -oE 'topic-[a-z0-9-]+' | sort -u) >/dev/null

TOPICS_DIR="$BUILD/bench-topics/plugins"
TIME_FILE="$BUILD/bench-topics/build-seconds"
if [ "$REBUILD" = 1 ] || [ ! -f "$TIME_FILE" ]; then
  rm -rf "$TOPICS_DIR" "$BUILD/bench-topics/obj" "$BUILD/bench-topics/src"
  cmake -S "$ROOT" -B "$BUILD" >/dev/null   # re-create the output folders
  log "building the generated topic plugins (timed)"
  start=$(date +%s.%N)
  cmake --build "$BUILD" -j"$(nproc)" --target bench-topics >/dev/null
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f\n", b - a }' > "$TIME_FILE"
else
  cmake --build "$BUILD" -j"$(nproc)" --target bench-topics >/dev/null
fi
NTOPICS=$(ls "$TOPICS_DIR"/*.so | wc -l)
chmod go-w "$TOPICS_DIR" "$TOPICS_DIR"/*.so
cat > "$WORK/build.json" <<JSON
{"bench":"build","figures":[{"figure":"build $NTOPICS generated topic plugins from scratch ($(nproc) cores, plain C at -O0)","value":$(cat "$TIME_FILE"),"unit":"s"}]}
JSON

log "starting a private Xvfb (1920x1080)"
exec 5>"$WORK/display"
Xvfb -displayfd 5 -screen 0 1920x1080x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
exec 5>&-
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$WORK/display")"
log "Xvfb on $DISPLAY"

MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, Xvfb 1920x1080, Mesa software GL (llvmpipe), Debian $(cat /etc/debian_version 2>/dev/null || echo '?')"
RESULTS=("$WORK/build.json")
for b in "${BENCHES[@]}"; do
  [ "$b" = bench-report ] && continue
  exe="$BUILD/bin/$b"
  [ -x "$exe" ] || continue
  log "running $b"
  if [ "$b" = bench-viewer ]; then
    args=(--viewer "$BUILD/bin/helpstation" --bundled "$BUILD/lib/helpstation/plugins" --generated "$TOPICS_DIR" --work "$WORK/viewer")
    [ "$QUICK" = 1 ] && args+=(--soak 2000 --runs 1 --sets 100)
    mkdir -p "$WORK/viewer"
    "$exe" "${args[@]}" >"$WORK/$b.json" || { log "$b failed (exit $?)"; FAILED=1; }
  else
    "$exe" >"$WORK/$b.json" || { log "$b failed (exit $?)"; FAILED=1; }
  fi
  RESULTS+=("$WORK/$b.json")
done

"$BUILD/bin/bench-report" --results "$ROOT/bench/results" --readme "$ROOT/README.md" --machine "$MACHINE" "${RESULTS[@]}"
