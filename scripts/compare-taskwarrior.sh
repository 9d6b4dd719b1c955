#!/usr/bin/env bash
# Ladder's first frame beside taskwarrior's `task list`, in one run, alternating.
#
#   scripts/compare-taskwarrior.sh            # 15 rounds
#   RUNS=31 scripts/compare-taskwarrior.sh
#
# Installs taskwarrior with apt when missing, imports 10,000 tasks into a temporary
# TASKDATA (one `task import`, not 10,000 `task add`), builds the release `ladder`
# and `ladder-bench`, makes the ×1 fixture (1,000 profiles, 200 people × 1,000
# events) under $FIXTURES (default /tmp/ladder-bench), warms both caches, then
# times `task list` and `ladder snapshot --size 200x50` RUNS times each, alternating.
# Prints both medians and the ratio Ladder / taskwarrior (target ≤ 0.5).
#
# Environment: RUNS, FIXTURES, SCRATCH_PATH (SwiftPM scratch folder, default .build),
# TASKS (default 10000), BIN_PATH (use the ladder and ladder-bench already built
# there instead of building).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-15}
TASKS=${TASKS:-10000}
FIXTURES=${FIXTURES:-/tmp/ladder-bench}
SCRATCH_PATH=${SCRATCH_PATH:-$ROOT/.build}

if ! command -v task >/dev/null 2>&1; then
    echo "taskwarrior not found: installing it with apt" >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq taskwarrior >/dev/null
fi

if [ -n "${BIN_PATH:-}" ]; then
    BIN=$BIN_PATH
else
    echo "building release ladder and ladder-bench in $SCRATCH_PATH" >&2
    BUILD_LOG=$(mktemp "${TMPDIR:-/tmp}/ladder-build.XXXXXX")
    if ! (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH_PATH" --product ladder \
            && swift build -c release --scratch-path "$SCRATCH_PATH" --product ladder-bench) >"$BUILD_LOG" 2>&1; then
        tail -30 "$BUILD_LOG" >&2
        echo "the release build failed (log: $BUILD_LOG)" >&2
        exit 1
    fi
    rm -f "$BUILD_LOG"
    BIN=$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH_PATH" --show-bin-path)
fi
LADDER="$BIN/ladder"
HOME_DIR=$("$BIN/ladder-bench" fixture --fixtures "$FIXTURES" --scale 1)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ladder-taskwarrior.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export TASKRC="$WORK/taskrc" TASKDATA="$WORK/data"
mkdir -p "$TASKDATA"
cat > "$TASKRC" <<RC
data.location=$TASKDATA
confirmation=off
news.version=9.9.9
gc=on
RC

echo "importing $TASKS tasks into $TASKDATA" >&2
awk -v n="$TASKS" 'BEGIN {
    split("home work garden ladder reading errands finance health travel music", projects, " ")
    split("H M L", priorities, " ")
    for (i = 1; i <= n; i++) {
        printf "{\"uuid\":\"%08x-0000-4000-8000-%012x\",\"status\":\"pending\",\"entry\":\"2025%02d%02dT%02d%02d00Z\",", i, i, 1 + i % 12, 1 + i % 28, i % 24, i % 60
        printf "\"description\":\"Task %d: review the %s notes and follow up\",\"project\":\"%s\"", i, projects[1 + i % 10], projects[1 + i % 10]
        if (i % 3 == 0) printf ",\"priority\":\"%s\"", priorities[1 + i % 3]
        if (i % 4 == 0) printf ",\"tags\":[\"next\",\"t%d\"]", i % 7
        if (i % 5 == 0) printf ",\"due\":\"2026%02d%02dT120000Z\"", 1 + i % 12, 1 + i % 28
        printf "}\n"
    }
}' > "$WORK/tasks.json"
task import "$WORK/tasks.json" >/dev/null 2>&1
COUNT=$(task count status:pending 2>/dev/null)
[ "$COUNT" -eq "$TASKS" ] || { echo "imported $COUNT tasks, expected $TASKS" >&2; exit 1; }

ladder_frame() { LADDER_HOME="$HOME_DIR" "$LADDER" snapshot --size 200x50 >/dev/null; }
task_list() { task list >/dev/null 2>&1; }

# Warm-up: builds Ladder's caches, lets taskwarrior settle its files, fills the page cache.
for _ in 1 2; do ladder_frame; task_list; done

now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }
: > "$WORK/task.times"
: > "$WORK/ladder.times"
for _ in $(seq "$RUNS"); do
    start=$(now_us); task_list; end=$(now_us); echo $(( end - start )) >> "$WORK/task.times"
    start=$(now_us); ladder_frame; end=$(now_us); echo $(( end - start )) >> "$WORK/ladder.times"
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -n "$1" | tail -1; }
TASK_MED=$(median "$WORK/task.times")
LADDER_MED=$(median "$WORK/ladder.times")
TASK_MAX=$(maximum "$WORK/task.times")
LADDER_MAX=$(maximum "$WORK/ladder.times")
RATIO=$(awk -v l="$LADDER_MED" -v t="$TASK_MED" 'BEGIN { printf "%.2f", l / t }')
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }

echo "| command ($RUNS runs each, alternating) | median | max |"
echo "| --- | --- | --- |"
echo "| \`task list\` — $(task --version) over $TASKS pending tasks | $(ms "$TASK_MED") ms | $(ms "$TASK_MAX") ms |"
echo "| \`ladder snapshot --size 200x50\` — 1,000 profiles, 200 people × 1,000 events | $(ms "$LADDER_MED") ms | $(ms "$LADDER_MAX") ms |"
echo
echo "Ladder / taskwarrior: $RATIO (target ≤ 0.5)"
