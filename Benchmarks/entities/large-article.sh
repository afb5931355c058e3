#!/usr/bin/env bash
# Time against article size through `conflict-watch`: it must grow linearly.
#
# One article of 1, 2 and 4 MB (BBC politics articles from ../shared/data joined
# and repeated: names recur as they do in a long document), run through
# `conflict-watch`; reports the CPU seconds of each run (wall time means little on
# a shared machine), the entities stage's --stats figure, and the ratio
# 4 MB / 1 MB. Linear is ~4, quadratic ~16. Exits 1 when the ratio exceeds BOUND
# (default 8: generous, the machine is shared).
#
#   Benchmarks/entities/large-article.sh [TEXTPIPE_BINARY]   (default: builds .build/release/textpipe)
#
# Measured here (2 cores shared at load ~13; debug build; CPU seconds at 1 / 2 / 4 MB):
#   before the name-matching fixes  18.8 / 54.6 / 172.3 s  ratio 9.2
#   after the name matching         10.9 / 23.5 /  60.1 s  ratio 5.5 (much of the rest: intra-party-conflict)
#   normalize + entities alone: 7.7 s at 1 MB, 40.5 s at 4 MB (5.2) after the name matching;
#   7.5 s and 31.4 s (4.2, linear) once DocumentContext's "longer names" feature was too
set -euo pipefail
cd "$(dirname "$0")/../.."
data=../shared/data/bbc/articles/politics
[ -d "$data" ] || { echo "large-article: skipped, $data is not there"; exit 0; }
bin=${1:-}
if [ -z "$bin" ]; then
    swift build -c release --product textpipe > /dev/null
    bin=.build/release/textpipe
fi
bound=${BOUND:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$data" "$work" << 'PY'
import glob, json, sys
data, work = sys.argv[1], sys.argv[2]
texts = [open(f, encoding="utf-8", errors="replace").read() for f in sorted(glob.glob(data + "/*.txt"))]
blob = "\n\n".join(texts) * 10
for mb in (1, 2, 4):
    with open(f"{work}/{mb}.jsonl", "w") as out:
        out.write(json.dumps({"id": f"large-{mb}mb", "text": blob[: mb * 1_000_000]}) + "\n")
PY

for mb in 1 2 4; do
    python3 - "$bin" "$work/$mb.jsonl" > "$work/$mb.cpu" << 'PY'
import resource, subprocess, sys
with open(sys.argv[2] + ".err", "w") as err:
    subprocess.run([sys.argv[1], "run", "conflict-watch", sys.argv[2], "--stats"], stdout=subprocess.DEVNULL,
                   stderr=err, check=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{usage.ru_utime + usage.ru_stime:.2f}")
PY
    stage=$(sed -n 's/^ *entities: \([0-9.]*\) s$/\1/p' "$work/$mb.jsonl.err")
    echo "$mb MB: $(cat "$work/$mb.cpu") s of CPU (entities stage $stage s wall)"
done
ratio=$(awk -v a="$(cat "$work/1.cpu")" -v b="$(cat "$work/4.cpu")" 'BEGIN { printf "%.1f", b / a }')
echo "ratio 4 MB / 1 MB: $ratio (linear ~4, quadratic ~16; bound $bound)"
awk -v r="$ratio" -v b="$bound" 'BEGIN { exit !(r <= b) }'
