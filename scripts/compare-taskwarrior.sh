#!/usr/bin/env bash
# Ladder beside taskwarrior's `task list`: a thin wrapper over `ladder-bench compare`,
# which times `ladder --help` (the floor), the first frame, the people screen and
# `task list` over 10,000 tasks, alternating in one run, and prints medians and ratios.
#
#   scripts/compare-taskwarrior.sh            # 15 rounds
#   RUNS=31 scripts/compare-taskwarrior.sh
#
# Installs taskwarrior with apt when missing and builds the release `ladder` and
# `ladder-bench` (unless BIN_PATH names a folder holding both).
# Environment: RUNS, FIXTURES (default /tmp/ladder-bench), SCRATCH_PATH (SwiftPM
# scratch folder, default .build), TASKS (default 10000), BIN_PATH.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
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
    (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH_PATH" --product ladder >&2 \
        && swift build -c release --scratch-path "$SCRATCH_PATH" --product ladder-bench >&2)
    BIN=$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH_PATH" --show-bin-path)
fi

exec "$BIN/ladder-bench" compare --ladder "$BIN/ladder" --runs "${RUNS:-15}" --tasks "${TASKS:-10000}" \
    --fixtures "${FIXTURES:-/tmp/ladder-bench}"
