#!/usr/bin/env bash
# Fault-injection suite: runs the textpipe binary through bad data, bad
# configuration, file-system faults, signals at random points and closed or full
# stdout/stderr, and checks every case the same way:
#
#   - the exit status;
#   - the number of stderr lines that report an error (and that none of them is
#     a crash: no "Fatal error", stack dump or signal message);
#   - no temporary litter (.NAME.PID.tmp) left anywhere in the case's directory;
#   - when the run printed its summary, read = written + dropped + dead-lettered
#     + failed, and 'written' / 'dead-lettered' equal the lines really in the
#     output and dead-letter files.
#
# Usage: Tests/Faults/run.sh [TEXTPIPE_BINARY]   (default: .build/release/textpipe
# if it is newer than .build/debug/textpipe, else the debug one)
# FAULTS_SEED=N fixes the random signal times; the seed is printed either way.
# Cases that need a private /dev or a small tmpfs run under `unshare -m`, only
# as root, and are skipped with a message elsewhere. They never touch the real
# /dev: the namespace script checks it is in a new mount namespace and that the
# tmpfs it mounted on /dev is empty before it creates a device node.
# The closing line is exactly "N passed, M failed"; the exit status is 1 when M > 0.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
binary=${1:-}
if [ -z "$binary" ]; then
  debug=$root/.build/debug/textpipe release=$root/.build/release/textpipe
  if [ -x "$release" ] && { [ ! -x "$debug" ] || [ "$release" -nt "$debug" ]; }; then binary=$release; else binary=$debug; fi
fi
[ -x "$binary" ] || { echo "textpipe binary not found: $binary (build first)" >&2; exit 2; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
bindir=$(mktemp -d)
ln -s "$binary" "$bindir/textpipe"
work=$(mktemp -d)
trap 'rm -rf "$work" "$bindir"' EXIT
# The 'as nobody' cases need to reach the binary and their directory.
chmod 755 "$work" "$bindir"
seed=${FAULTS_SEED:-$RANDOM}
RANDOM=$seed
echo "textpipe: $binary"
echo "seed: $seed (FAULTS_SEED=$seed to repeat)"

namespaces=no
# Nothing here writes to the real /dev, not even /dev/null: scratch output goes to $work/ignored.
ignored=$work/ignored
if [ "$(id -u)" = 0 ] && command -v unshare >"$ignored" && unshare -m true 2>"$ignored"; then namespaces=yes; fi
outer_ns=$(readlink /proc/self/ns/mnt)

# --- fixtures (fictional text written here) -----------------------------------
fixtures=$work/fixtures
mkdir -p "$fixtures"
python3 - "$fixtures" <<'PY'
import json, os, sys
d = sys.argv[1]
def article(i):
    return {"id": f"a{i}", "text": f"Harbour council meeting number {i}: the ferry timetable of Port Alder changes on Tuesday, said councillor Mira Venn."}
with open(f"{d}/good.jsonl", "w") as f:
    for i in range(1, 6): f.write(json.dumps(article(i)) + "\n")
with open(f"{d}/big.jsonl", "w") as f:
    for i in range(1, 100001): f.write(json.dumps(article(i)) + "\n")
with open(f"{d}/nest.jsonl", "w") as f:
    f.write('{"text":"deep","n":' + "[" * 100000 + "]" * 100000 + "}\n")
with open(f"{d}/bad.jsonl", "w") as f:
    for i in range(400): f.write("{broken %d\n" % i)
with open(f"{d}/mixed.jsonl", "w") as f:
    f.write(json.dumps(article(1)) + "\n{broken\n" + json.dumps(article(2)) + "\n")
os.makedirs(f"{d}/articles", exist_ok=True)
with open(f"{d}/articles/one.txt", "w") as f: f.write("Ferry times change\n\nThe ferry of Port Alder leaves at nine from Tuesday.\n")
with open(f"{d}/articles/two.md", "w") as f: f.write("Council meets\n\nThe council of Port Alder meets on Friday.\n")
with open(f"{d}/articles/list.json", "w") as f: json.dump([article(7), article(8)], f)
PY
cp -R "$root/Pipelines" "$fixtures/"

# --- the case runner -------------------------------------------------------------
passed=0 failed=0 skipped=0 number=0

# t NAME STATUS ERRORS OUTPUT DEAD SCRIPT
#   STATUS  expected exit status of SCRIPT (its last command's).
#   ERRORS  expected number of stderr lines containing "error:" ('-' = not checked).
#   OUTPUT  file whose lines must equal 'written' ('-' = captured stdout, 'none' = not checked).
#   DEAD    file whose lines must equal 'dead-lettered' ('none' = not checked).
#   SCRIPT  bash, run in a fresh directory holding copies of the fixtures, textpipe on PATH.
t() { run_case plain "$@"; }
# tn: the same, inside a private mount namespace with its own /dev (null, full, zero, stdout, stderr).
tn() { run_case namespace "$@"; }

run_case() {
  local mode=$1 name=$2 want=$3 errors=$4 output=$5 dead=$6 script=$7
  number=$((number + 1))
  local dir=$work/$number
  mkdir -p "$dir"
  cp -R "$fixtures"/. "$dir"/
  if [ "$mode" = namespace ] && [ "$namespaces" != yes ]; then
    echo "skip $number $name (needs root and unshare -m)"
    skipped=$((skipped + 1))
    return
  fi
  local status
  if [ "$mode" = namespace ]; then
    (cd "$dir" && PATH="$bindir:$PATH" OUTER_NS=$outer_ns timeout 120 unshare -m bash -c '
      [ "$(readlink /proc/self/ns/mnt)" != "$OUTER_NS" ] || { echo "setup: not in a private namespace" >&2; exit 99; }
      mount -t tmpfs tmpfs /dev || exit 99
      [ -z "$(ls -A /dev)" ] || { echo "setup: /dev is not the fresh tmpfs" >&2; exit 99; }
      mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 && mknod -m 666 /dev/zero c 1 5 || exit 99
      ln -s /proc/self/fd/1 /dev/stdout && ln -s /proc/self/fd/2 /dev/stderr || exit 99
      small() { mkdir -p small && mount -t tmpfs -o "size=$1" tmpfs small || exit 99; }
      '"$script" >stdout 2>stderr)
    status=$?
  else
    (cd "$dir" && PATH="$bindir:$PATH" timeout 120 bash -c "$script" >stdout 2>stderr)
    status=$?
  fi
  local problems=()
  [ "$status" = "$want" ] || problems+=("exit status $status, expected $want")
  local error_lines
  error_lines=$(grep -c 'error:' "$dir/stderr")
  if [ "$errors" != - ] && [ "$error_lines" != "$errors" ]; then
    problems+=("$error_lines error lines on stderr, expected $errors")
  fi
  if grep -qE 'Fatal error|Stack dump|Illegal instruction|Segmentation fault|Current stack trace|Trace/breakpoint' "$dir/stderr"; then
    problems+=("a crash on stderr")
  fi
  local litter
  litter=$(find "$dir" -name '.*.tmp' 2>"$ignored" | head -3)
  [ -z "$litter" ] || problems+=("temporary files left: $litter")
  local summary
  summary=$(grep -E '^read [0-9]+, written [0-9]+, dropped [0-9]+, dead-lettered [0-9]+, failed [0-9]+' "$dir/stderr" | tail -1)
  if [ -n "$summary" ]; then
    read -r r w d l f <<<"$(echo "$summary" | sed -E 's/^read ([0-9]+), written ([0-9]+), dropped ([0-9]+), dead-lettered ([0-9]+), failed ([0-9]+).*/\1 \2 \3 \4 \5/')"
    [ "$r" = $((w + d + l + f)) ] || problems+=("accounting: $summary")
    if [ "$output" != none ]; then
      local file=$dir/$output lines=0
      [ "$output" = - ] && file=$dir/stdout
      case $output in /*) file=$output ;; esac
      [ -f "$file" ] && lines=$(wc -l <"$file")
      [ "$lines" = "$w" ] || problems+=("written $w but $lines lines in $output")
    fi
    if [ "$dead" != none ]; then
      local lines=0
      [ -f "$dir/$dead" ] && lines=$(wc -l <"$dir/$dead")
      [ "$lines" = "$l" ] || problems+=("dead-lettered $l but $lines lines in $dead")
    fi
  fi
  if [ ${#problems[@]} = 0 ]; then
    passed=$((passed + 1))
    echo "ok   $number $name"
  else
    failed=$((failed + 1))
    echo "FAIL $number $name"
    for problem in "${problems[@]}"; do echo "       $problem"; done
    sed 's/^/       stderr: /' "$dir/stderr" | head -5
  fi
}

# A random moment in a run, in seconds (0.05 to 1.50).
moment() { printf '0.%02d' $((RANDOM % 95 + 5)) | awk -v extra=$((RANDOM % 2)) '{ printf "%.2f", $1 * (1 + extra * 0.5) }'; }

# --- bad data ----------------------------------------------------------------------
t "valid JSON Lines" 0 0 - none 'textpipe run clean good.jsonl'
t "broken line dead-lettered, neighbours pass" 0 1 - dead.jsonl 'textpipe run clean mixed.jsonl --dead-letter dead.jsonl'
t "record without text" 0 1 - dead.jsonl 'printf "{\"title\":\"x\"}\n" | textpipe run clean --dead-letter dead.jsonl'
t "text that is a number" 0 1 - dead.jsonl 'printf "{\"text\":5}\n" | textpipe run clean --dead-letter dead.jsonl'
t "invalid UTF-8 inside a JSON string" 0 - - dead.jsonl 'printf "{\"text\":\"caf\xe9\"}\n" | textpipe run clean --dead-letter dead.jsonl'
t "lone surrogate escape" 0 - - dead.jsonl 'printf "{\"text\":\"\\\\ud800\"}\n" | textpipe run clean --dead-letter dead.jsonl'
t "nesting bomb" 0 1 - dead.jsonl 'textpipe run clean nest.jsonl --dead-letter dead.jsonl'
t "blank lines only" 0 0 - none 'printf "\n  \n\t\n" | textpipe run clean'
t "lines over --max-bytes" 0 5 - dead.jsonl 'textpipe run clean good.jsonl --max-bytes 50 --dead-letter dead.jsonl'
t "on_error fail stops with 65" 65 1 - none 'textpipe run clean mixed.jsonl --on-error fail'
t "on_error skip counts failed" 0 1 - none 'textpipe run clean mixed.jsonl --on-error skip'
t "bad element of a .json array named #2" 0 1 - dead.jsonl 'mkdir in && printf "[{\"text\":\"one\"},{\"text\":5}]" > in/list.json && textpipe run clean in --dead-letter dead.jsonl 2>&1 >ignored | grep -q "in/list.json#2: error:" && textpipe run clean in --dead-letter dead.jsonl'
t ".json that is a number" 0 1 - dead.jsonl 'mkdir in && echo 42 > in/n.json && textpipe run clean in --dead-letter dead.jsonl'
t "binary file with a NUL" 0 1 - dead.jsonl 'mkdir in && printf "ab\0cd" > in/b.txt && textpipe run clean in --dead-letter dead.jsonl'
t "binary file without NUL" 0 1 - dead.jsonl 'mkdir in && python3 -c "import sys; sys.stdout.buffer.write(bytes([1,2,3,27,8]) * 500)" > in/b.txt && textpipe run clean in --dead-letter dead.jsonl'
t "random bytes file" 0 1 - dead.jsonl 'mkdir in && python3 -c "import random,sys; random.seed(3); sys.stdout.buffer.write(bytes(random.randrange(1,256) for _ in range(5000)))" > in/r.md && textpipe run clean in --dead-letter dead.jsonl'
t "Latin-1 text file is repaired, not refused" 0 0 - dead.jsonl 'mkdir in && printf "Le caf\xe9 du port ouvre \xe0 huit heures.\n" > in/l.txt && textpipe run clean in --dead-letter dead.jsonl && grep -q "café" stdout'
t "CRLF and a byte order mark" 0 0 - none 'printf "\xef\xbb\xbf{\"text\":\"one\"}\r\n{\"text\":\"two\"}\r\n" | textpipe run clean'
t "last line without newline" 0 0 - none 'printf "{\"text\":\"one\"}\n{\"text\":\"two\"}" | textpipe run clean'
t "plain text on stdin" 0 0 - none 'printf "Title\n\nBody.\n" | textpipe run clean --input-format text'
t "stdin that is a directory (text)" 74 1 - none 'mkdir d && textpipe run clean --input-format text < d'
t "stdin that is a directory (jsonl)" 74 1 - none 'mkdir d && textpipe run clean < d'
t "closed stdin" 74 1 - none 'textpipe run clean <&-'
t "unknown extension is a notice" 0 0 - none 'mkdir in && echo x > in/data.csv && cp articles/one.txt in/ && textpipe run clean in 2>&1 >ignored | grep -q "skipping" && textpipe run clean in'
t "directory of articles" 0 0 - none 'textpipe run clean articles'

# --- bad configuration -------------------------------------------------------------
t "unknown pipeline name" 64 1 - none 'textpipe run clen good.jsonl'
t "YAML syntax error" 64 1 - none 'printf "stages: [normalize\n" > p.yaml && textpipe run p.yaml good.jsonl'
t "unknown stage" 64 1 - none 'printf "stages:\n  - normalise\n" > p.yaml && textpipe run p.yaml good.jsonl'
t "option of the wrong type" 64 1 - none 'printf "stages:\n  - normalize: { html: 3 }\n" > p.yaml && textpipe run p.yaml good.jsonl'
t "unknown option" 64 1 - none 'printf "stages:\n  - normalize: { nfkd: true }\n" > p.yaml && textpipe run p.yaml good.jsonl'
t "YAML alias bomb" 64 - - none 'printf "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nstages: [normalize]\n" > p.yaml && textpipe run p.yaml good.jsonl'
t "empty pipeline file" 64 - - none ': > p.yaml && textpipe run p.yaml good.jsonl'
t "validate a broken file" 64 1 - none 'printf "stages:\n  - normalise\n" > p.yaml && textpipe validate p.yaml'
t "--jobs 0" 64 - - none 'textpipe run clean good.jsonl --jobs 0'
t "--jobs 99999999999" 64 - - none 'textpipe run clean good.jsonl --jobs 99999999999 2>&1 | grep -q "between 1 and 256"; textpipe run clean good.jsonl --jobs 99999999999'
t "--jobs 10000000" 64 - - none 'textpipe run clean good.jsonl --jobs 10000000'
t "--jobs 256 is accepted" 0 0 - none 'textpipe run clean good.jsonl --jobs 256'
t "--jobs not a number" 64 - - none 'textpipe run clean good.jsonl --jobs many'
t "--max-bytes 0" 64 - - none 'textpipe run clean good.jsonl --max-bytes 0'
t "--on-error unknown" 64 - - none 'textpipe run clean good.jsonl --on-error ignore'
t "misspelt flag" 64 - - none 'textpipe run clean good.jsonl --jbos 2'
t "--output and --dead-letter one file" 64 1 none none 'textpipe run clean good.jsonl --output o.jsonl --dead-letter o.jsonl; s=$?; [ ! -e o.jsonl ] && exit $s'
t "--output and --dead-letter one file by two names" 64 1 none none 'mkdir sub && textpipe run clean good.jsonl --output o.jsonl --dead-letter sub/../o.jsonl'
t "--output and --dead-letter one file through a link" 64 1 none none 'echo old > o.jsonl && ln -s o.jsonl l.jsonl && textpipe run clean good.jsonl --output o.jsonl --dead-letter l.jsonl; s=$?; [ "$(cat o.jsonl)" = old ] && exit $s'

# --- file system -------------------------------------------------------------------
t "missing input" 74 1 none none 'textpipe run clean nowhere.jsonl'
t "input that is a symbolic link loop" 74 1 none none 'ln -s lp lp && textpipe run clean lp 2>&1 | grep -q "Too many levels of symbolic links"; textpipe run clean lp'
t "--output with an empty name" 64 - none none "textpipe run clean good.jsonl --output ''"
t "missing input leaves the old output and creates nothing" 74 1 none none 'echo old > o.jsonl && textpipe run clean good.jsonl gone.jsonl --output o.jsonl --dead-letter d.jsonl; s=$?; [ "$(cat o.jsonl)" = old ] && [ ! -e d.jsonl ] && exit $s'
t "--output is a directory" 74 1 none none 'mkdir o && textpipe run clean good.jsonl --output o; s=$?; [ -z "$(ls -A o)" ] && exit $s'
t "--output in a missing directory" 74 1 none none 'textpipe run clean good.jsonl --output no/such/o.jsonl'
t "--output a dangling link" 74 1 none none 'ln -s gone.jsonl o.jsonl && textpipe run clean good.jsonl --output o.jsonl; s=$?; [ -L o.jsonl ] && exit $s'
t "--output a link to a file replaces the file, keeps the link" 0 0 real/o.jsonl none 'mkdir real && echo old > real/o.jsonl && ln -s real/o.jsonl o.jsonl && textpipe run clean good.jsonl --output o.jsonl && [ -L o.jsonl ] && [ "$(wc -l < real/o.jsonl)" = 5 ]'
t "--output keeps the mode of the file it replaces" 0 0 o.jsonl none 'echo old > o.jsonl && chmod 600 o.jsonl && textpipe run clean good.jsonl --output o.jsonl && [ "$(stat -c %a o.jsonl)" = 600 ]'
t "rename fails: the output became a directory" 74 1 none none '(sleep 1; cat good.jsonl) | textpipe run clean --output o.jsonl & p=$!; sleep 0.3; mkdir -p o.jsonl/inside; wait $p'
t "output over ulimit -f" 74 1 none none 'ulimit -f 10; textpipe run clean big.jsonl --output o.jsonl'
t "few file descriptors (ulimit -n 8)" 0 0 o.jsonl d.jsonl 'ulimit -n 8; textpipe run clean big.jsonl --output o.jsonl --dead-letter d.jsonl'
t "unreadable input file (as nobody)" 0 1 - dead.jsonl 'mkdir -m 755 in && cp articles/one.txt in/ && echo secret > in/locked.txt && chmod 000 in/locked.txt && chmod 777 . && setpriv --reuid=65534 --regid=65534 --clear-groups textpipe run clean in --dead-letter dead.jsonl'
t "unwritable output directory (as nobody)" 74 1 none none 'mkdir -m 555 ro && setpriv --reuid=65534 --regid=65534 --clear-groups textpipe run clean good.jsonl --output ro/o.jsonl'
t "symbolic link loop in a directory" 0 1 - dead.jsonl 'mkdir in && cp articles/one.txt in/ && ln -s loop in/loop && textpipe run clean in --dead-letter dead.jsonl'
t "dangling link in a directory" 0 1 - dead.jsonl 'mkdir in && cp articles/one.txt in/ && ln -s gone.txt in/gone.txt && textpipe run clean in --dead-letter dead.jsonl'
t "FIFO in a directory" 0 1 - dead.jsonl 'mkdir in && cp articles/one.txt in/ && mkfifo in/pipe.jsonl && textpipe run clean in --dead-letter dead.jsonl'
t "file name that is not UTF-8" 0 0 - dead.jsonl 'mkdir in && cp articles/one.txt "in/$(printf "caf\xe9.txt")" && textpipe run clean in --dead-letter dead.jsonl && grep -qF "caf\\\\xE9.txt" stdout'
t "input named by a non-UTF-8 argument" 0 0 - none 'n=$(printf "caf\xe9.txt"); cp articles/one.txt "$n" && textpipe run clean "$n"'
t "--output and --dead-letter named by non-UTF-8 arguments" 0 0 none none 'o=$(printf "caf\xe9.jsonl"); d=$(printf "d\xe9ad.jsonl"); textpipe run clean good.jsonl --output "$o" --dead-letter "$d" && [ "$(wc -l < "$o")" = 5 ] && [ -f "$d" ] && [ "$(ls | grep -c "$(printf "\xef\xbf\xbd")")" = 0 ]'
t "FIFO named as the input" 0 0 - none 'mkfifo f.jsonl && (cat good.jsonl > f.jsonl &) && textpipe run clean f.jsonl'
t "--output onto a FIFO" 0 0 none none 'mkfifo f && (wc -l < f > count &) && textpipe run clean good.jsonl --output f; s=$?; sleep 0.3; [ -p f ] && [ "$(cat count)" = 5 ] && exit $s'
tn "--output /dev/null keeps the device" 0 0 none none 'textpipe run clean good.jsonl --output /dev/null && [ -c /dev/null ]'
tn "--output /dev/full is exit 74" 74 1 none none 'textpipe run clean good.jsonl --output /dev/full; s=$?; [ -c /dev/full ] && exit $s'
tn "--output /dev/stdout writes to stdout" 0 0 - none 'textpipe run clean good.jsonl --output /dev/stdout && [ -L /dev/stdout ]'
tn "--output /dev/stdout appends to a >> file" 0 0 none none 'echo first > o && textpipe run clean good.jsonl --output /dev/stdout >> o && [ "$(head -1 o)" = first ] && [ "$(wc -l < o)" = 6 ]'
tn "stdout onto /dev/full" 74 1 nothing none 'textpipe run clean good.jsonl > /dev/full'
# What is on a namespace's small tmpfs vanishes with it: these scripts copy the output out and check for litter there.
no_litter_in_small='! find small -name ".*.tmp" | grep -q . || { echo "temporary file left in small/" >&2; exit 97; }'
tn "stdout onto a full disk counts what was delivered" 74 1 got.jsonl none 'small 32k; textpipe run clean big.jsonl > small/o.jsonl; s=$?; cp small/o.jsonl got.jsonl; exit $s'
tn "--output onto a full disk keeps nothing" 74 1 got.jsonl none 'small 32k; textpipe run clean big.jsonl --output small/o.jsonl; s=$?; '"$no_litter_in_small"'; [ ! -e small/o.jsonl ] || cp small/o.jsonl got.jsonl; exit $s'
tn "--output onto a full disk leaves the old file" 74 1 none none 'small 32k; echo old > small/o.jsonl; textpipe run clean big.jsonl --output small/o.jsonl; s=$?; [ "$(cat small/o.jsonl)" = old ] || exit 96; '"$no_litter_in_small"'; exit $s'
tn "--dead-letter onto a full disk is not committed" 74 1 o.jsonl got.jsonl 'small 16k; textpipe run clean bad.jsonl --output o.jsonl --dead-letter small/dead.jsonl 2>err; s=$?; grep -v "(dead-lettered)" err >&2; '"$no_litter_in_small"'; [ ! -e small/dead.jsonl ] || cp small/dead.jsonl got.jsonl; exit $s'
tn "--dead-letter /dev/full" 74 1 - none 'textpipe run clean mixed.jsonl --dead-letter /dev/full 2>err; s=$?; grep -v "(dead-lettered)" err >&2; exit $s'
tn "read-only file system" 74 1 none none 'mkdir ro && mount -t tmpfs -o ro tmpfs ro && textpipe run clean good.jsonl --output ro/o.jsonl'

# --- signals at random points ----------------------------------------------------------
for signal in INT TERM HUP; do
  case $signal in INT) code=130 ;; TERM) code=143 ;; HUP) code=129 ;; esac
  t "SIG$signal at a random point keeps the old output" $code 0 none none "set -m; echo old > o.jsonl
    (cat big.jsonl; sleep 5) | textpipe run clean --output o.jsonl --dead-letter d.jsonl & p=\$!
    sleep $(moment); kill -$signal %1; wait \$p; s=\$?; [ \"\$(cat o.jsonl)\" = old ] && [ ! -e d.jsonl ] && exit \$s"
done
t "SIGINT while the reader waits on stdin" 130 0 none none 'set -m; (sleep 5) | textpipe run clean --output o.jsonl & p=$!; sleep 0.3; kill -INT %1; wait $p'
t "SIGTERM with --jobs 1" 143 0 none none "set -m; (cat big.jsonl; sleep 5) | textpipe run clean --jobs 1 --output o.jsonl & p=\$!; sleep $(moment); kill -TERM %1; wait \$p"
t "SIGTERM to stdout output keeps whole lines" 143 0 none none "set -m; (cat big.jsonl; sleep 5) | textpipe run clean > o.jsonl & p=\$!; sleep $(moment); kill -TERM %1; wait \$p; s=\$?; python3 -c 'import json,sys; [json.loads(l) for l in open(\"o.jsonl\")]' && exit \$s"
t "SIGKILL at a random point, then rerun" 0 0 o.jsonl none "textpipe run clean big.jsonl --output o.jsonl & p=\$!
  sleep $(moment); kill -KILL \$p; wait \$p; textpipe run clean big.jsonl --output o.jsonl && [ \$(wc -l < o.jsonl) = 100000 ]"
t "SIGKILL twice, then rerun" 0 0 o.jsonl none "for i in 1 2; do (cat big.jsonl; sleep 5) | textpipe run clean --output o.jsonl & sleep $(moment); kill -KILL \$!; wait \$!; done
  textpipe run clean good.jsonl --output o.jsonl"
t "SIGPIPE: | head -1 is quiet" 0 0 none none 'set -o pipefail; textpipe run clean big.jsonl | head -1 > first && [ -s first ]'
# Dedupe state under SIGKILL: cases for the dedupe state file belong to the
# dedupe-durability branch and go here (kill at random points, rerun, union of
# the outputs equals one clean run).

# --- closed and full stdout / stderr ---------------------------------------------------
t "stderr closed" 0 0 - none 'textpipe run clean good.jsonl 2>&-'
t "stderr closed, missing input" 74 0 none none 'textpipe run clean nowhere.jsonl 2>&-'
t "stderr closed, diagnostics do not land in --output" 0 0 o.jsonl none 'textpipe run clean mixed.jsonl --output o.jsonl 2>&-; s=$?; ! grep -q error o.jsonl && exit $s'
tn "stderr onto /dev/full" 0 0 - none 'textpipe run clean mixed.jsonl 2>/dev/full'
tn "stderr onto /dev/full, bad pipeline" 64 0 - none 'textpipe run clen good.jsonl 2>/dev/full'
t "stdout closed" 74 1 none none 'textpipe run clean good.jsonl >&-'
tn "validate onto /dev/full" 74 1 none none 'textpipe validate Pipelines/clean.yaml >/dev/full'
tn "list onto /dev/full" 74 1 none none 'textpipe list >/dev/full'
tn "describe onto /dev/full" 74 1 none none 'textpipe describe normalize >/dev/full'
t "validate with stdout closed" 74 1 none none 'textpipe validate Pipelines/clean.yaml >&-'
t "list with stdout closed" 74 1 none none 'textpipe list >&-'
t "stdout and stderr closed" 74 0 none none 'textpipe run clean good.jsonl >&- 2>&-'
tn "--help onto /dev/full" 74 1 none none 'textpipe --help >/dev/full'
tn "run --help onto /dev/full" 74 1 none none 'textpipe run --help >/dev/full'
t "--help into a closed pipe is quiet" 0 0 none none 'set -o pipefail; textpipe --help | head -1 > first && [ -s first ]'

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
