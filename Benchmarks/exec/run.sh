#!/usr/bin/env bash
# Throughput of the exec stage: a pass-through Python child (Examples/exec/passthrough.py)
# against the empty pipeline, on N short JSON Lines records, --jobs 2, best of 3.
# Usage: Benchmarks/exec/run.sh [N]   (default 200000)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-200000}
cd "$root"
swift build -c release --product textpipe >/dev/null
bin=$root/.build/release/textpipe
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -c "
import json, sys
for i in range($n):
    sys.stdout.write(json.dumps({'id': f's{i}', 'text': f'Short record number {i} about the council.'}) + '\n')
" > "$work/in.jsonl"
printf 'stages: []\n' > "$work/empty.yaml"
for p in 1 2 4; do
  printf 'stages:\n  - exec: { command: [python3, %s], processes: %s }\n' \
    "$root/Examples/exec/passthrough.py" "$p" > "$work/exec$p.yaml"
done
best() {
  local best=""
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$bin" run "$1" "$work/in.jsonl" --jobs 2 --quiet > "$1.out"
    end=$(date +%s.%N)
    best=$(python3 -c "print(min(x for x in [$end - $start, ${best:-1e9}]))")
  done
  echo "$best"
}
empty=$(best "$work/empty.yaml")
printf 'load %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %8.2f s %10.0f records/s\n' "empty pipeline" "$empty" "$(python3 -c "print($n / $empty)")"
for p in 1 2 4; do
  t=$(best "$work/exec$p.yaml")
  cmp -s "$work/empty.yaml.out" "$work/exec$p.yaml.out" || { echo "exec changed the records" >&2; exit 1; }
  printf '%-22s %8.2f s %10.0f records/s  (%.1fx the empty pipeline)\n' "exec, processes: $p" "$t" \
    "$(python3 -c "print($n / $t)")" "$(python3 -c "print($t / $empty)")"
done
