#!/usr/bin/env python3
"""The Spark driver against one `textpipe run`, byte for byte, in local[2] on loopback.

    python test_spark.py [TEXTPIPE]      (test_spark.sh makes the venv and calls this)

Prints one line per case and `N passed, M failed`.
"""

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import textpipe_spark  # noqa: E402

LOOPBACK = ["spark.ui.enabled=false", "spark.driver.host=127.0.0.1", "spark.driver.bindAddress=127.0.0.1"]


def single(binary, pipeline, inputs, dead_letter):
    run = subprocess.run([binary, "run", pipeline, *inputs, "--dead-letter", dead_letter], capture_output=True,
                         cwd=ROOT)
    summary = [line for line in run.stderr.decode().splitlines() if line.startswith("read ")]
    return run.returncode, run.stdout, summary[-1].split(" in ")[0] if summary else ""


def spark(sc, binary, pipeline, inputs, partitions, out, dead_letter):
    err = io.StringIO()
    argv = ["--pipeline", pipeline, "--input", *inputs, "--output", out, "--partitions", str(partitions),
            "--textpipe", binary, "--dead-letter", dead_letter, "--quiet"]
    for setting in LOOPBACK:
        argv += ["--conf", setting]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stderr(err):
            code = textpipe_spark.main(argv, sc=sc)
    finally:
        os.chdir(cwd)
    summary = [line for line in err.getvalue().splitlines() if line.startswith("read ")]
    return code, err.getvalue(), summary[-1].replace(" (summed over tasks)", "") if summary else ""


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/textpipe"))
    work = tempfile.mkdtemp(prefix="textpipe-spark-test-")
    examples = os.path.join(work, "examples.jsonl")
    subprocess.run([binary, "run", "passthrough", "Examples/articles", "--output", examples, "--quiet"], check=True,
                   cwd=ROOT)
    generated = os.path.join(work, "generated.jsonl")
    subprocess.run([sys.executable, os.path.join(HERE, "make_fixture.py"), generated], check=True)
    # The generated set split over two files of a directory, one in a subdirectory.
    folder = os.path.join(work, "folder")
    os.makedirs(os.path.join(folder, "sub"))
    with open(generated, "rb") as f:
        lines = f.readlines()
    with open(os.path.join(folder, "a.jsonl"), "wb") as f:
        f.writelines(lines[: len(lines) // 2])
    with open(os.path.join(folder, "sub", "b.jsonl"), "wb") as f:
        f.writelines(lines[len(lines) // 2:])
    failing = os.path.join(work, "strict.yaml")
    with open(failing, "w") as f:
        f.write("on_error: fail\nstages:\n  - normalize\n  - dedupe\n  - entities\n")

    # The executors' TMPDIR, empty: a scratch directory made there would not go with the application.
    task_tmp = os.path.join(work, "task-tmp")
    os.makedirs(task_tmp)

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster("local[2]").setAppName("textpipe spark test")
    for setting in LOOPBACK:
        key, _, value = setting.partition("=")
        conf.set(key, value)
    for key, value in textpipe_spark.UTF8_ENV.items():
        conf.set(f"spark.executorEnv.{key}", value)
    conf.set("spark.ui.showConsoleProgress", "false")
    conf.set("spark.executorEnv.TMPDIR", task_tmp)
    started = time.time()
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("ERROR")
    # Where each task makes its scratch directory (textpipe_spark.run_textpipe); in local mode the
    # executor's file root is the driver's.
    from pyspark import SparkFiles
    task_root = SparkFiles.getRootDirectory()

    def scratch_left():
        folders = [folder for folder in (task_root, task_tmp) if os.path.isdir(folder)]
        return sorted(name for folder in folders for name in os.listdir(folder) if name.startswith("textpipe-task-"))

    cases = []
    for partitions in (1, 4, 8):
        cases.append(("conflict-watch", [examples], partitions))
        cases.append(("conflict-watch", [generated], partitions))
    cases.append(("Examples/dedupe/mark-duplicates.yaml", [generated], 8))
    cases.append(("clean", [generated], 4))
    cases.append(("conflict-watch", [folder], 4))
    passed = failed = 0
    for number, (pipeline, inputs, partitions) in enumerate(cases):
        t0 = time.time()
        expected_code, expected, expected_summary = single(binary, pipeline, inputs,
                                                           os.path.join(work, f"dead-single-{number}.jsonl"))
        out = os.path.join(work, f"out-{number}.jsonl")
        dead = os.path.join(work, f"dead-spark-{number}.jsonl")
        code, err, summary = spark(sc, binary, pipeline, inputs, partitions, out, dead)
        problems = []
        if code != 0 or expected_code != 0:
            problems.append(f"exit {code} (single run {expected_code}): {err.strip()[-500:]}")
        else:
            with open(out, "rb") as f:
                got = f.read()
            if got != expected:
                newline = b"\n"
                problems.append(f"output differs: {len(got)} bytes, {got.count(newline)} lines; "
                                f"one run {len(expected)} bytes, {expected.count(newline)} lines")
            if summary != expected_summary:
                problems.append(f"accounting '{summary}' against '{expected_summary}'")
            with open(dead, "rb") as a, open(os.path.join(work, f"dead-single-{number}.jsonl"), "rb") as b:
                if a.read() != b.read():
                    problems.append("dead letters differ")
        name = f"{pipeline} on {', '.join(os.path.basename(i) for i in inputs)}, {partitions} partitions"
        if problems:
            failed += 1
            print(f"FAIL {name}: {'; '.join(problems)}")
        else:
            passed += 1
            print(f"ok   {name}: {len(expected)} bytes equal, {summary} ({time.time() - t0:.1f} s)")
        sys.stdout.flush()

    # Every task of the jobs that passed removed its scratch directory.
    left = scratch_left()
    if left:
        failed += 1
        print(f"FAIL tasks left {len(left)} scratch directories in {task_root} or {task_tmp}: {', '.join(left[:5])}")
    else:
        passed += 1
        print("ok   every task of the jobs that passed removed its scratch directory")

    # A failing pipeline fails the job, with textpipe's message and exit status. The executor logs the failing
    # task's Python traceback at ERROR; it is the failure this case expects, so it is not shown.
    sc.setLogLevel("FATAL")
    code, err, _ = spark(sc, binary, failing, [generated], 4, os.path.join(work, "failing.jsonl"),
                         os.path.join(work, "failing-dead.jsonl"))
    sc.setLogLevel("ERROR")
    if code == 65 and "error: invalid JSON" in err and "the job failed" in err:
        passed += 1
        print("ok   on_error: fail stops the job: exit 65, " + err.strip().splitlines()[-1][:160])
    else:
        failed += 1
        print(f"FAIL on_error: fail: exit {code}, stderr {err.strip()[-400:]!r}")
    sc.stop()
    # The failing job's tasks: the failed one removed its directory in `finally`; those Spark
    # cancelled could not, and go with the application's file root when the context stops.
    left = scratch_left()
    if left:
        failed += 1
        print(f"FAIL {len(left)} scratch directories outlived the application: {', '.join(left[:5])}")
    else:
        passed += 1
        print("ok   no scratch directory outlived the application, the failing job's tasks included")
    shutil.rmtree(work, ignore_errors=True)
    print(f"({time.time() - started:.0f} s in Spark)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
