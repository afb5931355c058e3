#!/usr/bin/env bash
# A stage in a package of its own, end to end: `textpipe new-stage WordCount --package DIR
# --textpipe-path CHECKOUT` in a temporary folder, `swift build` there (no network:
# swift-argument-parser resolves from the machine's mirror by its GitHub URL), then the
# package's own `textpipe` runs list, describe, validate, run — with the new stage, a
# built-in one, a bundled pipeline and a pipeline from TEXTPIPE_PIPELINES — and its test.
# Usage: Tests/PluginPackage/e2e.sh [TEXTPIPE_BINARY]   (default .build/debug/textpipe)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
textpipe=${1:-$root/.build/debug/textpipe}
case $textpipe in /*) ;; *) textpipe=$PWD/$textpipe ;; esac
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "plugin package e2e: $*" >&2; exit 1; }
started=$(date +%s)

cd "$scratch"
"$textpipe" new-stage WordCount --package my-stages --textpipe-path "$root"
cd my-stages
for file in Package.swift README.md Sources/textpipe/main.swift Sources/WordCount/WordCountStage.swift \
  Tests/WordCountTests/WordCountTests.swift; do
  [ -f "$file" ] || fail "new-stage did not write $file"
done
[ "$(wc -l < README.md)" -eq 3 ] || fail "the README is not three lines"
swift build -Xswiftc -warnings-as-errors
built=$(date +%s)
bin=.build/debug/textpipe

# Captured first: `grep -q` stops reading early, and under pipefail the writer's SIGPIPE would count.
listing=$("$bin" list)
grep -q '^  word-count  *Count the words of each article$' <<< "$listing" || fail "list does not show word-count"
grep -q '^  normalize ' <<< "$listing" || fail "list lost the built-in stages"
grep -q '^  conflict-watch ' <<< "$listing" || fail "list lost the bundled pipelines"
description=$("$bin" describe word-count)
grep -q '^  min_words' <<< "$description" || fail "describe word-count does not list min_words"

printf 'stages:\n  - normalize\n  - word-count: { min_words: 2 }\n' > words.yaml
[ "$("$bin" validate words.yaml)" = 'words.yaml: ok (2 stages)' ] || fail "validate rejected words.yaml"
out=$(printf '{"text":"three  little words"}\n{"text":"one"}\n' | "$bin" run words.yaml --quiet)
[ "$out" = '{"id":"stdin:1","text":"three little words","word_count":3}' ] || fail "run gave: $out"

# A bundled pipeline of textpipe itself, and one of the user's own from TEXTPIPE_PIPELINES.
out=$(printf '{"text":"a  b"}\n' | "$bin" run clean --quiet)
[ "$out" = '{"id":"stdin:1","text":"a b"}' ] || fail "the bundled 'clean' pipeline gave: $out"
mkdir -p pipelines && cp words.yaml pipelines/count-words.yaml
out=$(printf '{"text":"x y z"}\n' | TEXTPIPE_PIPELINES="$PWD/pipelines" "$bin" run count-words --quiet)
[ "$out" = '{"id":"stdin:1","text":"x y z","word_count":3}' ] || fail "a TEXTPIPE_PIPELINES pipeline gave: $out"

# A misspelt option is reported at its line and column, as by the stock binary.
printf 'stages:\n  - word-count: { min_wrods: 2 }\n' > typo.yaml
if "$bin" validate typo.yaml 2> typo.err; then fail "validate accepted a misspelt option"; fi
grep -q "typo.yaml:2:19: error: unknown option 'min_wrods' for stage 'word-count'; did you mean 'min_words'?" typo.err \
  || fail "validate said: $(cat typo.err)"

swift test
echo "plugin package e2e: passed (build $((built - started)) s, all $(($(date +%s) - started)) s)"
