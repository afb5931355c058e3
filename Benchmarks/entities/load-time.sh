#!/usr/bin/env bash
# How long the entities stage takes to load: the bundled model, the name lists
# and the party gazetteer, which every `textpipe run` with the stage pays once.
#
# Runs `textpipe run` over an empty input with a pipeline of the entities stage
# alone and with an empty pipeline, RUNS times each (default 40), interleaved so
# that a burst of other work on the shared machine hits both alike; prints the
# median wall and CPU time (user + system) of each and their differences, which
# are the stage's load. Given a second binary (a build of an earlier commit), it
# interleaves that one's runs too, so the two are measured under the same load.
# With callgrind installed it also counts the instructions of one run of each
# (the same on a busy machine as on an idle one).
#
#   Benchmarks/entities/load-time.sh [TEXTPIPE_BINARY [BASELINE_BINARY]]
#   (default: builds .build/release/textpipe)
#
# Measured here (2 cores shared, release build; load as median wall time of 40
# runs in three sessions, then instructions; the wall figure swings by half
# with the other engineer's builds, the instructions do not):
#   a2031da alone                     33.2 / 35.4 / 47.4 ms; 386.6 M instructions
#   59bf085, a2031da as the baseline  12.8 / 19.1 / 21.6 ms against 36.7 / 52.8 / 55.7 ms
#                                     (CPU 12.6 / 14.0 / 18.4 ms against 35.8 / 45.2 / 51.4 ms);
#                                     88.5 M instructions against 386.6 M
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-}
if [ -z "$bin" ]; then
    swift build -c release --product textpipe > /dev/null
    bin=.build/release/textpipe
fi
binaries=("$bin")
if [ -n "${2:-}" ]; then binaries+=("$2"); fi
runs=${RUNS:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.jsonl"
printf 'description: the entities stage alone\nstages:\n  - entities\n' > "$work/entities.yaml"
printf 'description: nothing\nstages: []\n' > "$work/empty.yaml"

python3 - "$work" "$runs" "${binaries[@]}" << 'PY'
import os, statistics, subprocess, sys, time
work, runs, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
pipelines = ("entities", "empty")
wall = {(b, p): [] for b in binaries for p in pipelines}
cpu = {(b, p): [] for b in binaries for p in pipelines}
for _ in range(runs):
    for binary in binaries:
        for name in pipelines:
            start = time.perf_counter()
            child = subprocess.Popen([binary, "run", f"{work}/{name}.yaml", f"{work}/empty.jsonl", "--quiet"])
            _, status, usage = os.wait4(child.pid, 0)
            wall[binary, name].append(time.perf_counter() - start)
            cpu[binary, name].append(usage.ru_utime + usage.ru_stime)
            assert status == 0, f"{binary} {name}: exit status {status}"
for binary in binaries:
    if len(binaries) > 1:
        print(binary)
    for label, times in (("wall", wall), ("CPU", cpu)):
        stage, empty = (statistics.median(times[binary, name]) * 1000 for name in pipelines)
        print(f"{label}: entities alone {stage:.1f} ms, empty {empty:.1f} ms: load {stage - empty:.1f} ms"
              f" (median of {runs})")
PY

if command -v valgrind > /dev/null; then
    for binary in "${binaries[@]}"; do
        # Valgrind cannot read the toolchain's debug information; symbols are enough.
        strip --strip-debug -o "$work/textpipe" "$binary"
        count() {
            valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/textpipe" run "$work/$1.yaml" \
                "$work/empty.jsonl" --quiet 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
        }
        stage=$(count entities)
        empty=$(count empty)
        awk -v s="$stage" -v e="$empty" -v b="$binary" \
            'BEGIN { printf "%s load: %.1f M instructions (%.1f M - %.1f M)\n", b, (s - e) / 1e6, s / 1e6, e / 1e6 }'
    done
fi
