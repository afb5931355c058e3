#!/usr/bin/env bash
# Kill-and-rerun cases for the dedupe state file (issue 12, item 2).
#
# A run with a dedupe `state:` is killed with SIGKILL at random moments, then
# run again on the same input and state until it completes. What the two runs
# wrote together (by id) must be exactly what one clean run writes: no article
# lost (the state recorded it, the output never got it), none that a clean run
# drops. An article both runs wrote is allowed — delivered but not yet
# recorded when the kill came, at least once — and counted.
#
# Usage: Tests/Faults/dedupe-kill.sh [TEXTPIPE_BINARY]   (default .build/debug/textpipe)
#   DEDUPE_KILL_ARTICLES  articles in the generated input (default 10000, ~9 MB: a debug
#                         build takes ~13 s for one run of them here, a release build ~1 s)
#   DEDUPE_KILL_SEED      seed of the kill moments (default: random, printed)
# The closing line is `N passed, M failed`; the exit status is 1 when M > 0.
set -u
cd "$(dirname "$0")/../.."
bin=${1:-.build/debug/textpipe}
[ -x "$bin" ] || { echo "dedupe-kill: no textpipe binary at $bin (build first)" >&2; echo "0 passed, 1 failed"; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
articles=${DEDUPE_KILL_ARTICLES:-10000}
seed=${DEDUPE_KILL_SEED:-$(( $(date +%s%N) % 100000 ))}
RANDOM=$seed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
echo "dedupe-kill: $articles articles, seed $seed, binary $bin"

# Input: fictional articles of ~150 words from a 4,000-word made-up vocabulary. Every 7th
# repeats the article 3 before it exactly; every 11th repeats the one 5 before it with one
# word changed (Jaccard of 5-shingles ~0.93, a near duplicate at the default 0.8).
awk -v n="$articles" 'BEGIN {
    srand(12); split("ka lo mi ne su ta ri vo pe du ga zo", syl, " ")
    for (w = 0; w < 4000; w++) vocab[w] = syl[w % 12 + 1] syl[int(w / 12) % 12 + 1] syl[int(w / 144) % 12 + 1]
    for (i = 0; i < n; i++) {
        if (i % 7 == 3 && i >= 3) text[i] = text[i - 3]
        else if (i % 11 == 5 && i >= 5) { t = text[i - 5]; sub(/ [a-z]+ /, " changed ", t); text[i] = t }
        else { t = "Story " i; for (k = 0; k < 150; k++) t = t " " vocab[int(rand() * 4000)]; text[i] = t "." }
        printf "{\"id\":\"a%d\",\"text\":\"%s\"}\n", i, text[i]
        delete text[i - 5]
    }
}' > "$work/in.jsonl"

pipeline() { printf 'stages:\n  - normalize\n  - dedupe: { state: %s }\n' "$1" > "$2"; }

# The ids of the complete lines of a JSON Lines file (a line cut by the kill is not delivered).
ids() {
    [ -f "$1" ] || return 0
    head -n "$(wc -l < "$1")" "$1" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p'
}

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1: $2"; }

# One clean run: the reference output and its duration.
pipeline "$work/clean.sqlite" "$work/clean.yaml"
start=$(date +%s%N)
"$bin" run "$work/clean.yaml" "$work/in.jsonl" --quiet > "$work/clean.jsonl" 2> "$work/clean.err"
status=$?
clean_ms=$(( ($(date +%s%N) - start) / 1000000 ))
ids "$work/clean.jsonl" | sort > "$work/clean.ids"
kept=$(wc -l < "$work/clean.ids")
if [ "$status" -eq 0 ] && [ "$kept" -gt 0 ] && [ -z "$(uniq -d "$work/clean.ids")" ]; then
    pass "clean run: $kept of $articles kept in $clean_ms ms"
else
    fail "clean run" "exit $status, $kept ids: $(head -c 300 "$work/clean.err")"
    echo "$passed passed, $failed failed"
    exit 1
fi

# Starts a run in the background, kills it after `delay_ms`; says whether it was still running.
# A run that ended before the kill is started again with half the delay (up to three times).
# A run that ended before its kill is tried again sooner. With KILL_RESET=DIR the
# retry starts from an empty DIR (but its pipeline): the ended run committed its
# state, so a retry on that state writes nothing and the trial would measure
# the script, not textpipe.
kill_after() {
    local delay_ms=$1
    shift
    for _ in 1 2 3; do
        if [ -n "${KILL_RESET:-}" ]; then
            find "$KILL_RESET" -mindepth 1 ! -name p.yaml -delete
        fi
        kill_once "$delay_ms" "$@" && return 0
        delay_ms=$((delay_ms / 2))
    done
    return 1
}

kill_once() {
    local delay_ms=$1
    shift
    "$@" &
    local pid=$!
    sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
    kill -KILL "$pid" 2> /dev/null
    # kill succeeds on a process that already exited but was not yet reaped:
    # only an exit by SIGKILL (137) means the run was cut short.
    local status=0
    wait "$pid" 2> /dev/null || status=$?
    [ "$status" -eq 137 ]
}

# Kill moments spread over the clean run: 2 %–80 % of its duration (a run may go faster
# than the clean one did on a shared machine; one that ended anyway is retried sooner).
moment() { echo $(( clean_ms * (2 + RANDOM % 79) / 100 )); }

# stdout: what the killed run wrote is delivered; the rerun must add exactly what is missing.
for trial in 1 2 3 4 5 6; do
    dir="$work/stdout-$trial"
    mkdir "$dir"
    pipeline "$dir/state.sqlite" "$dir/p.yaml"
    delay=$(moment)
    if ! KILL_RESET="$dir" kill_after "$delay" sh -c "exec '$bin' run '$dir/p.yaml' '$work/in.jsonl' --quiet > '$dir/1.jsonl' 2> '$dir/1.err'"; then
        fail "stdout kill $trial at $delay ms" "the run had already ended"
        continue
    fi
    "$bin" run "$dir/p.yaml" "$work/in.jsonl" --quiet > "$dir/2.jsonl" 2> "$dir/2.err"
    status=$?
    ids "$dir/1.jsonl" | sort > "$dir/1.ids"
    ids "$dir/2.jsonl" | sort > "$dir/2.ids"
    sort -u "$dir/1.ids" "$dir/2.ids" > "$dir/union.ids"
    first=$(wc -l < "$dir/1.ids")
    again=$(comm -12 "$dir/1.ids" "$dir/2.ids" | wc -l)
    lost=$(comm -23 "$work/clean.ids" "$dir/union.ids" | wc -l)
    extra=$(comm -13 "$work/clean.ids" "$dir/union.ids" | wc -l)
    repeated=$(cat <(uniq -d "$dir/1.ids") <(uniq -d "$dir/2.ids") | wc -l)
    what="stdout kill $trial at $delay ms: first run wrote $first, rerun $(wc -l < "$dir/2.ids"), both $again"
    if [ "$status" -ne 0 ]; then
        fail "$what" "rerun exit $status: $(head -c 300 "$dir/2.err")"
    elif [ "$lost" -ne 0 ] || [ "$extra" -ne 0 ] || [ "$repeated" -ne 0 ]; then
        fail "$what" "$lost lost, $extra that a clean run drops, $repeated repeated within a run"
    else
        pass "$what"
    fi
done

# --output: nothing of a killed run is in place, so the rerun must write all of the clean output.
for trial in 1 2 3; do
    dir="$work/output-$trial"
    mkdir "$dir"
    pipeline "$dir/state.sqlite" "$dir/p.yaml"
    delay=$(moment)
    if ! KILL_RESET="$dir" kill_after "$delay" "$bin" run "$dir/p.yaml" "$work/in.jsonl" --quiet --output "$dir/out.jsonl" 2> "$dir/1.err"; then
        fail "--output kill $trial at $delay ms" "the run had already ended"
        continue
    fi
    what="--output kill $trial at $delay ms"
    if [ -e "$dir/out.jsonl" ]; then
        # Killed after its rename: the output was delivered, whatever state rows the
        # kill kept from being committed; the rerun must add only what is missing.
        mv "$dir/out.jsonl" "$dir/killed.jsonl"
        "$bin" run "$dir/p.yaml" "$work/in.jsonl" --quiet --output "$dir/out.jsonl" 2> "$dir/2.err"
        status=$?
        sort -u <(ids "$dir/killed.jsonl") <(ids "$dir/out.jsonl") > "$dir/union.ids"
        if [ "$status" -eq 0 ] && cmp -s "$dir/union.ids" "$work/clean.ids"; then
            pass "$what (after its rename): killed output and rerun together are the clean run"
        else
            fail "$what" "killed after its rename; rerun exit $status, $(comm -23 "$work/clean.ids" "$dir/union.ids" | wc -l) lost"
        fi
        continue
    fi
    "$bin" run "$dir/p.yaml" "$work/in.jsonl" --quiet --output "$dir/out.jsonl" 2> "$dir/2.err"
    status=$?
    if [ "$status" -eq 0 ] && cmp -s "$dir/out.jsonl" "$work/clean.jsonl"; then
        pass "$what: rerun output identical to the clean run"
    else
        fail "$what" "rerun exit $status, $(ids "$dir/out.jsonl" | wc -l) of $kept ids: $(head -c 300 "$dir/2.err")"
    fi
done

# Two kills in a row on one state, then a run to the end.
dir="$work/twice"
mkdir "$dir"
pipeline "$dir/state.sqlite" "$dir/p.yaml"
d1=$(moment)
d2=$(moment)
# Appending (>>): a retry after a run that ended on its own must not erase what that run wrote.
kill_after "$d1" sh -c "exec '$bin' run '$dir/p.yaml' '$work/in.jsonl' --quiet >> '$dir/1.jsonl' 2> /dev/null"
kill_after "$d2" sh -c "exec '$bin' run '$dir/p.yaml' '$work/in.jsonl' --quiet >> '$dir/2.jsonl' 2> /dev/null"
"$bin" run "$dir/p.yaml" "$work/in.jsonl" --quiet > "$dir/3.jsonl" 2> "$dir/3.err"
status=$?
for n in 1 2 3; do ids "$dir/$n.jsonl" | sort > "$dir/$n.ids"; done
sort -u "$dir"/[123].ids > "$dir/union.ids"
if [ "$status" -eq 0 ] && cmp -s "$dir/union.ids" "$work/clean.ids"; then
    pass "two kills ($d1 ms, $d2 ms) then a full run: union equals the clean run"
else
    fail "two kills ($d1 ms, $d2 ms) then a full run" "exit $status, $(comm -23 "$work/clean.ids" "$dir/union.ids" | wc -l) lost, $(comm -13 "$work/clean.ids" "$dir/union.ids" | wc -l) extra"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
