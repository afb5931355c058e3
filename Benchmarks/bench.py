#!/usr/bin/env python3
"""Throughput and memory of textpipe pipelines, measured side by side with jq.

Builds the release binary, prepares JSON Lines inputs from ../shared/data under
Benchmarks/out/ (never committed), then for each case reports wall time (best of
--repeat runs), articles/s, MB/s and peak RSS (from wait4's rusage).

    python3 Benchmarks/bench.py            # all cases
    python3 Benchmarks/bench.py --quick    # fewer repeats, no 400 MB case

Every ratio printed is between runs made by this script in the same session.
"""
import argparse
import json
import os
import re
import html
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "Benchmarks" / "out"
BIN = ROOT / ".build" / "release" / "textpipe"


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "textpipe"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def bbc_records():
    records = []
    for path in sorted((DATA / "bbc" / "articles").rglob("*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        title, _, body = text.partition("\n")
        rel = str(path.relative_to(DATA / "bbc" / "articles"))
        records.append({"id": rel, "title": title.strip(), "text": body.strip(), "category": rel.split("/")[0]})
    return records


def reuters_records():
    records = []
    for path in sorted((DATA / "reuters21578").glob("reut2-*.sgm")):
        text = path.read_bytes().decode("latin-1")
        for match in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', text, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", match.group(2), re.S)
            if not body:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", match.group(2), re.S)
            records.append({"id": "reuters-" + match.group(1),
                            "title": html.unescape(title.group(1)) if title else None,
                            "text": html.unescape(body.group(1)).replace("\x03", "").strip()})
    return records


def write_jsonl(path, records, copies):
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for copy in range(copies):
            for r in records:
                r = dict(r, id=f"{r['id']}#{copy}") if copies > 1 else r
                f.write(json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False) + "\n")


def measure(argv, stdin_path, repeat):
    """Best wall time and the largest peak RSS (KiB) over `repeat` runs.

    Peak RSS comes from GNU time (`apt-get install -y time`): the rusage of a
    child forked from Python counts Python's own pages.
    """
    if not Path("/usr/bin/time").exists():
        sys.exit("needs GNU time for peak RSS: apt-get install -y time")
    best, peak = None, 0
    rss_file = OUT / "rss.txt"
    for _ in range(repeat):
        with open(stdin_path, "rb") as stdin, open(os.devnull, "wb") as devnull:
            start = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-o", str(rss_file), "-f", "%M"] + argv,
                                  stdin=stdin, stdout=devnull, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                sys.exit(f"failed: {' '.join(map(str, argv))}\n{proc.stderr.decode()}")
        best = elapsed if best is None else min(best, elapsed)
        peak = max(peak, int(rss_file.read_text().split()[-1]))
    return best, peak


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--pipelines", default="passthrough,clean")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: the benchmarks need ../shared/data")
    build()
    bbc = bbc_records()
    inputs = {"bbc-x8": OUT / "bbc-x8.jsonl", "reuters": OUT / "reuters.jsonl"}
    write_jsonl(inputs["bbc-x8"], bbc, 8)
    write_jsonl(inputs["reuters"], reuters_records(), 1)
    if not args.quick:
        inputs["bbc-x80"] = OUT / "bbc-x80.jsonl"
        write_jsonl(inputs["bbc-x80"], bbc, 80)

    rows = []
    print(f"{'input':<10} {'command':<34} {'articles':>9} {'MB':>7} {'seconds':>8} {'art/s':>9} {'MB/s':>7} {'RSS MB':>7}")
    results = {}
    for name, path in inputs.items():
        n = count_lines(path)
        mb = path.stat().st_size / 1e6
        cases = [("jq -c .", ["jq", "-c", "."])]
        if name == "bbc-x80":
            cases = []
        for pipeline in args.pipelines.split(","):
            for jobs in (1, 2):
                if name == "bbc-x80" and pipeline not in ("passthrough", "clean"):
                    continue
                cases.append((f"textpipe run {pipeline} --jobs {jobs}",
                              [str(BIN), "run", pipeline, "--jobs", str(jobs), "--quiet"]))
        for label, argv in cases:
            seconds, rss = measure(argv, path, repeat)
            results[(name, label)] = (seconds, rss)
            print(f"{name:<10} {label:<34} {n:>9} {mb:>7.1f} {seconds:>8.2f} {n / seconds:>9.0f} {mb / seconds:>7.1f} {rss / 1024:>7.1f}")
            sys.stdout.flush()

    print("\nRatios (same session):")
    for name in [n for n in ("bbc-x8", "reuters", "bbc-x80") if n in inputs]:
        empty2 = results[(name, "textpipe run passthrough --jobs 2")][0]
        if (name, "jq -c .") in results:
            jq = results[(name, "jq -c .")][0]
            print(f"  {name}: passthrough --jobs 2 is {jq / empty2:.2f}x jq's speed")
        if (name, "textpipe run clean --jobs 1") in results:
            c1 = results[(name, "textpipe run clean --jobs 1")][0]
            c2 = results[(name, "textpipe run clean --jobs 2")][0]
            print(f"  {name}: clean --jobs 2 is {c1 / c2:.2f}x clean --jobs 1; clean takes {c2 / empty2:.2f}x the empty pipeline's time")
    if ("bbc-x80", "textpipe run passthrough --jobs 2") in results:
        small = results[("bbc-x8", "textpipe run passthrough --jobs 2")][1]
        big = results[("bbc-x80", "textpipe run passthrough --jobs 2")][1]
        print(f"  peak RSS on {inputs['bbc-x80'].stat().st_size / 1e6:.0f} MB is {big / small:.2f}x that on "
              f"{inputs['bbc-x8'].stat().st_size / 1e6:.0f} MB ({big / 1024:.1f} vs {small / 1024:.1f} MB)")


if __name__ == "__main__":
    main()
