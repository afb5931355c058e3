#!/usr/bin/env bash
# Summarize benchmark: textpipe's summarize stage against sumy's TextRank on the
# BBC reference summaries, same articles, same k, ROUGE from Google's rouge-score.
#
#   Benchmarks/summarize/run.sh [ARTICLES_DIR] [SUMMARIES_DIR]
#
# Defaults: ../shared/data/bbc/articles and ../shared/data/bbc/summaries (the
# dev categories). Needs PyPI for the first run (venv in Benchmarks/.venv).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
articles="${1:-../shared/data/bbc/articles}"
summaries="${2:-../shared/data/bbc/summaries}"
jobs="${JOBS:-2}"
out="Benchmarks/out/summarize"
mkdir -p "$out"

venv=Benchmarks/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import sumy, nltk, rouge_score" 2>/dev/null; then
  echo "== setting up $venv (sumy, nltk, rouge-score)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "sumy==0.13.0" "nltk>=3.9" "rouge-score==0.1.2" numpy
fi

echo "== building textpipe (release)" >&2
swift build -c release -q
textpipe="$root/.build/release/textpipe"

echo "== textpipe eval summarize (k = article sentences found in each reference)" >&2
"$textpipe" eval summarize --articles "$articles" --summaries "$summaries" --jobs "$jobs" \
  --dump "$out/dump.jsonl" --json > "$out/textpipe.json"

echo "== sumy TextRank on the same articles with the same k; rouge-score cross-check" >&2
"$venv/bin/python" Benchmarks/summarize/sumy_textrank.py --dump "$out/dump.jsonl" --articles "$articles" \
  > "$out/sumy.json"

# Whole-pipeline throughput with `textpipe run` (default 3 sentences per article),
# when this build can load pipelines: median of 5 runs each, alternating.
run_rate=""
printf 'stages:\n  - summarize\n' > "$out/summarize.yaml"
printf 'stages: []\n' > "$out/empty.yaml"
if "$textpipe" run "$out/summarize.yaml" "$articles" --jobs "$jobs" --quiet > /dev/null 2>&1; then
  count=$(find "$articles" -name '*.txt' | wc -l)
  for i in 1 2 3 4 5; do
    for pipeline in summarize empty; do
      t0=$(date +%s.%N)
      "$textpipe" run "$out/$pipeline.yaml" "$articles" --jobs "$jobs" --quiet > /dev/null 2>&1 || true
      t1=$(date +%s.%N)
      echo "$pipeline $(python3 -c "print($t1 - $t0)")" >> "$out/run-times.txt.tmp"
    done
  done
  mv "$out/run-times.txt.tmp" "$out/run-times.txt"
  run_rate=$(python3 - "$out/run-times.txt" "$count" "$jobs" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    name, seconds = line.split()
    times.setdefault(name, []).append(float(seconds))
count, jobs = int(sys.argv[2]), sys.argv[3]
s, e = statistics.median(times["summarize"]), statistics.median(times["empty"])
print(f"{count / s:.0f} {count / e:.0f} {count / max(s - e, 1e-9):.0f}")
PY
)
fi

python3 - "$out/textpipe.json" "$out/sumy.json" "$jobs" "$run_rate" <<'PY'
import json, sys
ours, sumy, jobs, run_rate = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3], sys.argv[4]
t = ours["summarize"]; l = ours["lead"]; s = sumy["sumy"]["rouge"]
ours_rate = ours["speed"]["articles_per_second"]; sumy_rate = sumy["sumy"]["articles_per_second"]
print(f"articles: {ours['articles']} (references made only of article sentences: {ours['fully_matched']}; mean k {ours['mean_k']:.2f})")
print(f"{'system':<28}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}{'articles/s':>13}")
print(f"{'textpipe summarize':<28}{t['rouge1']:>9.3f}{t['rouge2']:>9.3f}{t['rougeL']:>9.3f}{ours_rate:>13.0f}   (stage alone, in memory, {jobs} threads)")
print(f"{'sumy 0.13 TextRank':<28}{s['rouge1']:>9.3f}{s['rouge2']:>9.3f}{s['rougeL']:>9.3f}{sumy_rate:>13.1f}   (parse + summarize, 1 process)")
print(f"{'Lead-k':<28}{l['rouge1']:>9.3f}{l['rouge2']:>9.3f}{l['rougeL']:>9.3f}")
print(f"speed ratio, stage in memory on {jobs} threads / sumy: {ours_rate / sumy_rate:.0f}x   "
      f"(textpipe on 1 thread: {ours['speed']['articles_per_second_1_thread']:.0f} articles/s = "
      f"{ours['speed']['articles_per_second_1_thread'] / sumy_rate:.0f}x)")
ours_cpu, sumy_cpu = ours["speed"]["cpu_microseconds_per_article"], sumy["sumy"]["cpu_microseconds_per_article"]
print(f"CPU per article: textpipe {ours_cpu:.1f} us, sumy {sumy_cpu:.0f} us: {sumy_cpu / ours_cpu:.0f}x less work per article "
      f"(load-independent; with {jobs} free cores the throughput ratio is about {jobs} times that)")
if run_rate:
    end_to_end, empty, own = (float(x) for x in run_rate.split())
    print(f"textpipe run --jobs {jobs} over the articles directory (summarize, default 3 sentences): "
          f"{end_to_end:.0f} articles/s end to end (read + summarize + write JSON Lines), empty pipeline {empty:.0f} articles/s;")
    print(f"  summarize's own time (summarize run minus empty run): {own:.0f} articles/s = {own / sumy_rate:.0f}x sumy; "
          f"end to end = {end_to_end / sumy_rate:.0f}x sumy")
else:
    print("textpipe run: not measured (this build cannot load pipelines yet)")
for system, c in sumy["rouge_check"].items():
    a, b = c["textpipe"], c["rouge_score"]
    print(f"ROUGE check ({'our summaries' if system == 'summary' else 'Lead-k'}): textpipe "
          + " ".join(f"{a[k]:.4f}" for k in ("rouge1", "rouge2", "rougeL")) + " vs rouge-score "
          + " ".join(f"{b[k]:.4f}" for k in ("rouge1", "rouge2", "rougeL"))
          + f"; largest per-article difference {c['max_abs_diff_per_article']:.2e}; "
          + ("EQUAL to 3 decimals" if c["equal_to_3_decimals"] else "DIFFERENT"))
PY
