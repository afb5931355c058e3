#!/usr/bin/env python3
"""BBC and BBC ×8 through the Spark driver (local[2]) against one `textpipe run`: bytes and time.

    Integrations/spark/.venv/bin/python Integrations/spark/bench_bbc.py [TEXTPIPE]

Needs ../shared/data/bbc (skipped with a message when absent); writes only under a
temporary directory. BBC ×8 repeats every article eight times (ids `#copy`), so
seven of eight copies are exact duplicates in other partitions. Prints, per input
and partition count, whether the output is byte-identical, and the times:
`textpipe run conflict-watch --jobs 2`, one whole `textpipe_spark.py` process
(JVM start included), and the Spark job alone in a running context.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "bbc", "articles"))
sys.path.insert(0, HERE)
import test_spark  # noqa: E402
import textpipe_spark  # noqa: E402


def bbc_jsonl(path, copies):
    """The BBC articles as Benchmarks/bench.py writes them (cp1252 fallback, title = first line)."""
    with open(path, "w", encoding="utf-8") as out:
        names = []
        for root, _, files in os.walk(DATA):
            names += [os.path.join(root, f) for f in files if f.endswith(".txt")]
        records = []
        for name in sorted(names):
            raw = open(name, "rb").read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            title, _, body = text.partition("\n")
            rel = os.path.relpath(name, DATA)
            records.append({"id": rel, "title": title.strip(), "text": body.strip(), "category": rel.split("/")[0]})
        for copy in range(copies):
            for r in records:
                r = dict(r, id=f"{r['id']}#{copy}") if copies > 1 else r
                out.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    if not os.path.isdir(DATA):
        print(f"BBC benchmark skipped: {DATA} is absent")
        print("0 passed, 0 failed, 1 skipped")
        return 0
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/textpipe"))
    work = tempfile.mkdtemp(prefix="textpipe-bbc-spark-")
    inputs = {}
    for name, copies in (("bbc", 1), ("bbc8", 8)):
        inputs[name] = os.path.join(work, f"{name}.jsonl")
        bbc_jsonl(inputs[name], copies)

    from pyspark import SparkConf, SparkContext

    passed = failed = 0
    results = []
    for name, path in inputs.items():
        t0 = time.time()
        expected = subprocess.run([binary, "run", "conflict-watch", path, "--jobs", "2", "--quiet"],
                                  capture_output=True, check=True).stdout
        single_seconds = time.time() - t0
        # One whole process, as a user runs it (JVM start, shipping, every job), 4 partitions.
        out = os.path.join(work, f"{name}-process.jsonl")
        t0 = time.time()
        subprocess.run([sys.executable, os.path.join(HERE, "textpipe_spark.py"), "--pipeline", "conflict-watch",
                        "--input", path, "--output", out, "--partitions", "4", "--textpipe", binary, "--quiet",
                        "--master", "local[2]"] + sum((["--conf", c] for c in test_spark.LOOPBACK), []),
                       check=True, capture_output=True)
        process_seconds = time.time() - t0
        same = open(out, "rb").read() == expected
        results.append((name, "process", 4, same, process_seconds, single_seconds, expected.count(b"\n")))
    conf = SparkConf().setMaster("local[2]").setAppName("textpipe bbc")
    for setting in test_spark.LOOPBACK:
        key, _, value = setting.partition("=")
        conf.set(key, value)
    conf.set("spark.ui.showConsoleProgress", "false")
    for key, value in textpipe_spark.UTF8_ENV.items():
        conf.set(f"spark.executorEnv.{key}", value)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("ERROR")
    for name, path in inputs.items():
        expected = subprocess.run([binary, "run", "conflict-watch", path, "--jobs", "2", "--quiet"],
                                  capture_output=True, check=True).stdout
        for partitions in (1, 4, 8):
            out = os.path.join(work, f"{name}-{partitions}.jsonl")
            t0 = time.time()
            code, err, summary = test_spark.spark(sc, binary, "conflict-watch", [path], partitions, out,
                                                  os.path.join(work, "dead.jsonl"))
            seconds = time.time() - t0
            same = code == 0 and open(out, "rb").read() == expected
            results.append((name, "job", partitions, same, seconds, None, expected.count(b"\n")))
    sc.stop()
    shutil.rmtree(work, ignore_errors=True)
    for name, kind, partitions, same, seconds, single_seconds, records in results:
        passed += same
        failed += not same
        extra = f", textpipe --jobs 2: {single_seconds:.2f} s" if single_seconds is not None else ""
        print(f"{'ok  ' if same else 'FAIL'} {name} ({records} records written), {partitions} partitions, "
              f"{'whole process' if kind == 'process' else 'job in a running context'}: "
              f"{'byte-identical' if same else 'DIFFERS'}, {seconds:.1f} s{extra}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
