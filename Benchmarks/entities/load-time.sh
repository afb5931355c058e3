#!/usr/bin/env bash
# How long the entities stage takes to load: the bundled model, the name lists
# and the party gazetteer, which every `textpipe run` with the stage pays once.
#
# Runs `textpipe run` over an empty input with a pipeline of the entities stage
# alone and with an empty pipeline, RUNS times each (default 40), interleaved so
# that a burst of other work on the shared machine hits both alike; prints the
# median wall and CPU time (user + system) of each and their differences, which is the stage's load.
# With callgrind installed it also counts the instructions of one run of each
# (the same on a busy machine as on an idle one).
#
#   Benchmarks/entities/load-time.sh [TEXTPIPE_BINARY]   (default: builds .build/release/textpipe)
#
# Measured here (2 cores shared, release build; load as median wall time of 40
# runs, three sessions, then instructions; the wall figure swings by a third
# with the other engineer's builds, the instructions do not):
#   a2031da  33.2 / 35.4 / 47.4 ms; 386.6 M instructions
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-}
if [ -z "$bin" ]; then
    swift build -c release --product textpipe > /dev/null
    bin=.build/release/textpipe
fi
runs=${RUNS:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.jsonl"
printf 'description: the entities stage alone\nstages:\n  - entities\n' > "$work/entities.yaml"
printf 'description: nothing\nstages: []\n' > "$work/empty.yaml"

python3 - "$bin" "$work" "$runs" << 'PY'
import os, statistics, subprocess, sys, time
binary, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
wall = {"entities": [], "empty": []}
cpu = {"entities": [], "empty": []}
for _ in range(runs):
    for name in wall:
        start = time.perf_counter()
        child = subprocess.Popen([binary, "run", f"{work}/{name}.yaml", f"{work}/empty.jsonl", "--quiet"])
        _, status, usage = os.wait4(child.pid, 0)
        wall[name].append(time.perf_counter() - start)
        cpu[name].append(usage.ru_utime + usage.ru_stime)
        assert status == 0, f"{name}: exit status {status}"
for label, times in (("wall", wall), ("CPU", cpu)):
    stage, empty = (statistics.median(times[name]) * 1000 for name in ("entities", "empty"))
    print(f"{label}: entities alone {stage:.1f} ms, empty {empty:.1f} ms: load {stage - empty:.1f} ms (median of {runs})")
PY

if command -v valgrind > /dev/null; then
    # Valgrind cannot read the toolchain's debug information; symbols are enough.
    strip --strip-debug -o "$work/textpipe" "$bin"
    count() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/textpipe" run "$work/$1.yaml" \
            "$work/empty.jsonl" --quiet 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    stage=$(count entities)
    empty=$(count empty)
    awk -v s="$stage" -v e="$empty" 'BEGIN { printf "load: %.1f M instructions (%.1f M - %.1f M)\n", (s - e) / 1e6, s / 1e6, e / 1e6 }'
fi
