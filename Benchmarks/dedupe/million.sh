#!/usr/bin/env bash
# One million articles through the dedupe stage: throughput and memory every
# 100,000 articles, to show both stay flat per article.
#
#   Benchmarks/dedupe/million.sh
#
# The input (about 1.1 GB of JSON Lines: BBC and Reuters-21578 originals, then
# lightly mutated copies, see million.py) is made once under Benchmarks/out/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${DATA:-$root/../shared/data}
jobs=${JOBS:-2}
out=$root/Benchmarks/out
mkdir -p "$out"

swift build -c release --package-path "$root" >&2
if [ ! -s "$out/dedupe-reuters-pairs.tsv" ]; then
  python3 "$here/reuters_truth.py" --data "$data/reuters21578" --out "$out"
fi
if [ ! -s "$out/dedupe-million.jsonl" ]; then
  python3 "$here/million.py" --data "$data" --out "$out"
fi
# Lines on stderr: articles so far, articles/s over the last 100,000, the
# index's bytes per indexed article, and the resident memory of the process
# (which also holds the evaluation's own list of ids and marks).
/usr/bin/time -f "peak RSS %M KB, %e s wall, %P CPU" \
  "$root/.build/release/textpipe" eval dedupe --jobs "$jobs" --progress-every 100000 \
  --pairs "$out/dedupe-million-pairs.tsv" "$out/dedupe-million.jsonl"
