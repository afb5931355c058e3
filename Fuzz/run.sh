#!/usr/bin/env bash
# Builds the libFuzzer targets (release, -sanitize=fuzzer,address) and runs each for
# RUNS executions (default 50,000) from the seeds in Fuzz/corpus/TARGET. Prints one line
# per target and closes with "N passed, M failed"; exits non-zero when any target
# crashed, trapped, tripped AddressSanitizer, timed out or ran out of memory.
# A failing input is kept as Fuzz/artifacts/TARGET/crash-* (or timeout-*, oom-*);
# rerun it with: Fuzz/.build/release/FuzzTARGET Fuzz/artifacts/TARGET/crash-…
#
# Options: FUZZ_TARGETS="jsonl stages" to run some; FUZZ_JOBS is not used (2 shared cores).
set -uo pipefail
cd "$(dirname "$0")"
runs=${1:-50000}
targets=${FUZZ_TARGETS:-jsonl pipeline stages}

echo "== building the fuzz targets (swift build -c release -sanitize=fuzzer,address)"
# lld, because gold dies with an internal error linking the sanitized build-tool
# executable; the build tool itself runs sanitized, so leak reports of its exit are off.
if ! ASAN_OPTIONS=detect_leaks=0 swift build -c release \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
bin=$(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --show-bin-path)

passed=0
failed=0
for target in $targets; do
  case $target in
    jsonl) exe=FuzzJSONL dict=jsonl.dict ;;
    pipeline) exe=FuzzPipeline dict=pipeline.dict ;;
    stages) exe=FuzzStages dict= ;;
    *) echo "unknown target $target"; failed=$((failed + 1)); continue ;;
  esac
  work=$(mktemp -d)
  # The targets' own scratch files (FuzzPipeline writes each input to a file) go to a
  # private TMPDIR that must be empty when the target exits.
  scratch=$(mktemp -d)
  mkdir -p "artifacts/$target"
  log="artifacts/$target/last-run.log"
  start=$(date +%s)
  # -max_len 4096 and a 10 s timeout per input keep 2 shared cores busy for minutes,
  # not hours; a new input libFuzzer finds goes to the temporary folder, never to the seeds.
  # -detect_leaks=0: LeakSanitizer reports the stages' process-lifetime `static let`s (models
  # read once from the embedded resources) as leaked at exit, before any input ran.
  TMPDIR="$scratch" ASAN_OPTIONS=detect_leaks=0 "$bin/$exe" "$work" "corpus/$target" -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -detect_leaks=0 -artifact_prefix="artifacts/$target/" ${dict:+-dict=$dict} >"$log" 2>&1
  status=$?
  seconds=$(($(date +%s) - start))
  rm -rf "$work"
  left=$(find "$scratch" -mindepth 1 | head -3)
  rm -rf "$scratch"
  done_line=$(grep -E '^Done [0-9]+ runs' "$log" | tail -1)
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
  if [ "$status" -eq 0 ] && [ -n "$done_line" ] && [ -n "$left" ]; then
    echo "FAIL $target: left files in its TMPDIR: $left"
    failed=$((failed + 1))
  elif [ "$status" -eq 0 ] && [ -n "$done_line" ]; then
    echo "PASS $target: ${execs:-?} executions in ${seconds}s ($done_line)"
    passed=$((passed + 1))
  else
    echo "FAIL $target: exit $status after ${seconds}s; log $PWD/$log"
    grep -E 'ERROR|SUMMARY|Fatal error|Test unit written' "$log" | head -5 | sed 's/^/  /'
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
