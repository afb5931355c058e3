#!/usr/bin/env python3
"""Run a textpipe pipeline on Apache Spark, with the bytes one `textpipe run` writes.

    spark-submit Integrations/spark/textpipe_spark.py --pipeline conflict-watch \\
        --input news.jsonl --output out.jsonl --partitions 64 [--master yarn] [--textpipe BINARY]

How (README "Running on Spark" has the long form):

1. Ship one textpipe: an archive with the binary (its models and lexicons
   are compiled into it) and every shared library it links from outside the
   system (the Swift runtime, unless it was built with
   `--static-swift-stdlib`), added with `SparkContext.addArchive`.
2. Read JSON Lines in contiguous partitions, in input order (`textFile`
   splits; each task knows its file and first line, so ids and sources are
   those of one run: `textpipe run --stdin-as FILE --first-line N`).
3. Run the stages up to dedupe in each partition, the dedupe stage in
   `mode: fingerprint` (`--until dedupe --set dedupe.mode=fingerprint`,
   `--jobs 1`): each record gets `dedupe_fingerprint`.
4. Shuffle by exact key and LSH band key; keys held by one article only are
   dropped, so most articles never leave their partition. Connected
   components of "shares a key" (min-label propagation, one shuffle round
   per step of the longest chain) are independent: each is decided, in
   global position order, by `textpipe dedupe decide` in some task. No pair
   is ever collected on the driver.
5. Put each decision on its article (`dedupe_decision`), run `--from dedupe`
   (the user's own drop or mark applies it), and write the output in input
   order: one file, or ordered part files with `--part-files`.

A task whose textpipe exits non-zero fails the job, with textpipe's message.
Dead letters and the accounting line are summed over tasks. Only the Python
standard library and PySpark are used.
"""

import argparse
import atexit
import bisect
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time

ARCHIVE = "textpipe-bundle.tar"
FAILED = "TEXTPIPE-FAILED"
ACCOUNT = re.compile(
    r"^read (\d+), written (\d+), dropped (\d+), dead-lettered (\d+), failed (\d+) in ")
UTF8_ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pipeline", required=True, help="a pipeline name (conflict-watch) or a YAML file")
    p.add_argument("--input", required=True, nargs="+",
                   help="JSON Lines files, or directories of them (read as textpipe reads them)")
    p.add_argument("--output", required=True, help="the JSON Lines file (or, with --part-files, directory) to write")
    p.add_argument("--partitions", type=int, default=0, help="input partitions (default: Spark's default parallelism)")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[2])")
    p.add_argument("--textpipe", default=None,
                   help="the binary to ship (default: textpipe on PATH, else .build/release/textpipe)")
    p.add_argument("--dead-letter", default=None, help="write the articles that failed here (JSON Lines)")
    p.add_argument("--part-files", action="store_true", help="write ordered part files into OUTPUT instead of one file")
    p.add_argument("--report-group", type=int, default=100_000,
                   help="report a shared key or component with more articles than this")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting (repeatable)")
    p.add_argument("--quiet", action="store_true", help="print only errors and the accounting line")
    return p.parse_args(argv)


def find_binary(given):
    if given:
        return os.path.abspath(given)
    on_path = shutil.which("textpipe")
    if on_path:
        return os.path.realpath(on_path)
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "..", ".build", "release", "textpipe")
    if os.path.exists(built):
        return os.path.realpath(built)
    sys.exit("textpipe_spark: error: no textpipe binary (hint: --textpipe BINARY, or swift build -c release)")


def outside_libraries(binary):
    """Shared libraries the binary links from outside the system's library directories (the Swift runtime)."""
    try:
        out = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    system = ("/lib/", "/lib64/", "/usr/lib/", "/lib32/", "/usr/lib64/")
    libraries = []
    for line in out.splitlines():
        match = re.search(r"=> (/\S+)", line)
        if match and not match.group(1).startswith(system):
            libraries.append(match.group(1))
    return libraries


def make_bundle(binary, directory):
    """An archive with the binary and the libraries it links from outside the system; returns (path, libraries shipped)."""
    path = os.path.join(directory, ARCHIVE)
    libraries = outside_libraries(binary)
    with tarfile.open(path, "w") as archive:  # not compressed: gzip took 11 s here for 31 MiB
        archive.add(binary, arcname="textpipe")
        for library in libraries:
            archive.add(library, arcname=os.path.basename(library))
    return path, libraries


def describe(binary, pipeline):
    """The stage names of the pipeline and whether it is a file (to ship) or bundled."""
    run = subprocess.run([binary, "describe", pipeline], capture_output=True, text=True, env=child_env())
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        sys.exit(run.returncode)
    stages = re.findall(r"^\s+\d+\. (\S+)", run.stdout, flags=re.M)
    file = re.search(r"^file: (.*)$", run.stdout, flags=re.M)
    return stages, (file.group(1) if file else "")


def child_env(extra=None):
    env = dict(os.environ)
    env.update(UTF8_ENV)
    env.update(extra or {})
    return env


def jsonl_files(inputs):
    """(path, id prefix) of every JSON Lines file, in the order `textpipe run` reads them."""
    files = []
    for given in inputs:
        if os.path.isdir(given):
            found = []
            for root, dirs, names in os.walk(given):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    full = os.path.join(root, name)
                    rel = os.path.relpath(full, given)
                    if name.startswith("."):
                        continue
                    if not name.lower().endswith(".jsonl"):
                        sys.exit(f"textpipe_spark: error: '{full}' is not JSON Lines "
                                 "(hint: convert with 'textpipe run passthrough DIR --output all.jsonl')")
                    found.append((rel.encode(), full, rel))
            # textpipe sorts by the bytes of the relative path; the source is the directory as given + '/' + rel.
            prefix = given if given.endswith("/") else given + "/"
            files += [(prefix + rel, rel) for _, _, rel in sorted(found)]
        elif given.lower().endswith(".jsonl"):
            files.append((given, given))
        else:
            sys.exit(f"textpipe_spark: error: '{given}' is not JSON Lines "
                     "(hint: convert with 'textpipe run passthrough INPUT --output all.jsonl')")
    return files


# MARK: - What runs in the tasks


def bundle_dir():
    from pyspark import SparkFiles
    return SparkFiles.get(ARCHIVE)


def pipeline_arg(pipeline, shipped):
    if shipped:
        from pyspark import SparkFiles
        return SparkFiles.get(os.path.basename(pipeline))
    return pipeline


def run_textpipe(arguments, lines, partition, step="run"):
    """Runs textpipe on `lines` (bytes without newline); yields (0, line) per output line,
    then (1, dead letter) and (2, accounting dict) and (3, message).

    This is what `rdd.pipe(command, checkCode=True)` does, kept by hand because
    `pipe` throws textpipe's stderr away: it carries the message of a failing
    run, the dead letters' count and the accounting line."""
    directory = bundle_dir()
    binary = os.path.join(directory, "textpipe")
    if not os.access(binary, os.X_OK):
        # Spark unpacks a plain .tar with Java, which drops the executable bit.
        os.chmod(binary, 0o755)
    # The scratch directory goes whatever happens: a failing task (raised below) is retried by Spark,
    # and an executor that keeps every try's directory fills its disk. A task Spark kills (a failing
    # job cancels the tasks still running) runs no `finally`, so the directory is made in the
    # application's own file root, which Spark deletes with the application.
    from pyspark import SparkFiles
    scratch = tempfile.mkdtemp(prefix="textpipe-task-", dir=SparkFiles.getRootDirectory())
    process = None
    try:
        dead = os.path.join(scratch, "dead.jsonl")
        err_path = os.path.join(scratch, "stderr")
        env = child_env({"LD_LIBRARY_PATH": directory + ":" + os.environ.get("LD_LIBRARY_PATH", "")})
        # `--jobs 1`: each task is one core; textpipe would otherwise start a thread per core in every task.
        extra = ["--jobs", "1", "--dead-letter", dead] if arguments[0] == "run" else ["--quiet"]
        command = [binary] + arguments + extra
        with open(err_path, "wb") as err:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, env=env,
                                       cwd=scratch)
            failure = []

            def feed():
                try:
                    for line in lines:
                        process.stdin.write(line + b"\n")
                    process.stdin.close()
                except BrokenPipeError:
                    pass
                except BaseException as error:  # noqa: BLE001 - reported with the task's failure
                    failure.append(error)
                    process.kill()

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            for line in process.stdout:
                yield 0, line.rstrip(b"\n")
            writer.join()
            code = process.wait()
        with open(err_path, "rb") as err:
            stderr = err.read().decode("utf-8", "replace")
        if failure:
            raise failure[0]
        if code != 0:
            shown = " ".join(shlex.quote(a) for a in ["textpipe"] + arguments)
            said = [line for line in stderr.splitlines() if line.strip() and not ACCOUNT.match(line)]
            raise RuntimeError(f"{FAILED}[{code}]: {' / '.join(said) or 'no message'} "
                               f"(partition {partition}: {shown}) :{FAILED}")
        if os.path.exists(dead):
            with open(dead, "rb") as f:
                for line in f:
                    yield 1, line.rstrip(b"\n")
        for message in stderr.splitlines():
            match = ACCOUNT.match(message)
            if match:
                counts = dict(zip(["read", "written", "dropped", "dead_lettered", "failed"], map(int, match.groups())))
                counts["step"] = step
                yield 2, counts
            elif message.strip():
                yield 3, message
    finally:
        if process is not None and process.poll() is None:
            # The consumer stopped early (the generator was closed): the child must not outlive the task.
            process.kill()
            process.wait()
        shutil.rmtree(scratch, ignore_errors=True)


FINGERPRINT_KEY = b',"dedupe_fingerprint":'


def fingerprint_of(line):
    """The dedupe_fingerprint object of a record line from `mode: fingerprint` (its last field)."""
    at = line.rfind(FINGERPRINT_KEY)
    if at < 0:
        raise RuntimeError(f"{FAILED}[70]: a record has no dedupe_fingerprint: {line[:200]!r} :{FAILED}")
    return line[at + len(FINGERPRINT_KEY):-1]


# MARK: - The driver


def main(argv, sc=None):
    """Runs one job; returns the exit code. With `sc`, runs in that context and leaves it running."""
    args = parse_args(argv)
    os.environ.update(UTF8_ENV)
    binary = find_binary(args.textpipe)
    stages, pipeline_file = describe(binary, args.pipeline)
    files = jsonl_files(args.input)
    if stages.count("dedupe") > 1:
        sys.exit("textpipe_spark: error: the pipeline has more than one dedupe stage; one is supported")

    from pyspark import StorageLevel

    own = sc is None
    if own:
        sc = context(args)
    try:
        ship(sc, binary, args.quiet)
        shipped = not pipeline_file.startswith("<bundled>")
        pipeline = args.pipeline
        if shipped:
            pipeline = os.path.abspath(pipeline_file)
            ship_file(sc, pipeline)
        if not args.quiet:
            print(f"textpipe_spark: stages: {', '.join(stages) or 'none'}", file=sys.stderr)
        return run(sc, args, stages, pipeline, shipped, files, StorageLevel)
    except Exception as error:  # noqa: BLE001 - a failed task arrives as a Py4J error holding textpipe's message
        match = re.search(re.escape(FAILED) + r"\[(\d+)\]: (.*?) :" + re.escape(FAILED), str(error), flags=re.S)
        if not match:
            raise
        print(f"textpipe_spark: error: the job failed: {match.group(2)}", file=sys.stderr)
        return int(match.group(1)) or 1
    finally:
        if own:
            sc.stop()


def context(args):
    """A SparkContext for the job: UTF-8 in the executors, no console progress bar."""
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName(f"textpipe {args.pipeline}")
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[2]")
    for key, value in UTF8_ENV.items():
        conf.set(f"spark.executorEnv.{key}", value)
    conf.setIfMissing("spark.ui.showConsoleProgress", "false")
    for setting in args.conf:
        key, _, value = setting.partition("=")
        conf.set(key, value)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("ERROR")
    return sc


def ship(sc, binary, quiet):
    """Adds the textpipe archive to `sc`, once per context (Spark refuses a second file of one name)."""
    state = getattr(sc, "_textpipe_shipped", None)
    if state is not None:
        if state["binary"] != binary:
            sys.exit(f"textpipe_spark: error: this context already ships {state['binary']}")
        return
    work = tempfile.mkdtemp(prefix="textpipe-spark-")
    atexit.register(shutil.rmtree, work, True)
    archive, libraries = make_bundle(binary, work)
    sc.addArchive(archive)
    if __name__ != "__main__":
        # Imported (by a test or a notebook): the tasks' functions live in this module, which workers import.
        sc.addPyFile(os.path.abspath(__file__))
    sc._textpipe_shipped = {"binary": binary, "files": {}}
    if not quiet:
        print(f"textpipe_spark: shipping {binary} ({os.path.getsize(archive) // 1024} KiB archive with its "
              f"{len(libraries)} libraries from outside the system)", file=sys.stderr)


def ship_file(sc, path):
    files = sc._textpipe_shipped["files"]
    name = os.path.basename(path)
    if name in files:
        if files[name] != path:
            sys.exit(f"textpipe_spark: error: this context already ships another '{name}'")
        return
    sc.addFile(path)
    files[name] = path


def run(sc, args, stages, pipeline, shipped, files, StorageLevel):
    partitions = args.partitions or sc.defaultParallelism
    LAPS.clear()
    _last[0] = time.time()
    # Contiguous partitions in input order: each file's splits, file after file.
    per_file = [sc.textFile(path, max(1, partitions // len(files)), use_unicode=False) for path, _ in files]
    if not per_file:
        sys.exit("textpipe_spark: error: no input files")
    rdd = sc.union(per_file) if len(per_file) > 1 else per_file[0]
    counts = rdd.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
    lap("count lines")
    # Partition p: its file, the file's line number of its first line, the global position of its first line.
    layout, start, p = [], 0, 0
    for f, n in enumerate(per.getNumPartitions() for per in per_file):
        line_in_file = 1
        for _ in range(n):
            layout.append((files[f][0], files[f][1], line_in_file, start))
            line_in_file += counts[p]
            start += counts[p]
            p += 1
    starts = [entry[3] for entry in layout]
    pipe_arg = pipeline if not shipped else os.path.basename(pipeline)

    def stdin_args(p):
        source, prefix, first, _ = layout[p]
        return ["--stdin-as", source, "--stdin-id", prefix, "--first-line", str(first)]

    if "dedupe" not in stages:
        def whole(p, lines):
            return run_textpipe(["run", pipeline_arg(pipe_arg, shipped)] + stdin_args(p), lines, p)
        final = rdd.mapPartitionsWithIndex(whole)
        return write(args, final, [])

    def fingerprint_step(p, lines):
        arguments = ["run", pipeline_arg(pipe_arg, shipped), "--until", "dedupe",
                     "--set", "dedupe.mode=fingerprint"] + stdin_args(p)
        ordinal = 0
        for tag, payload in run_textpipe(arguments, lines, p, step="first"):
            if tag == 0:
                # Positions increase through the input: each line gives at most one record.
                yield 0, (layout[p][3] + ordinal, payload)
                ordinal += 1
            else:
                yield tag, payload

    first = rdd.mapPartitionsWithIndex(fingerprint_step).persist(StorageLevel.MEMORY_AND_DISK)
    records = first.filter(lambda t: t[0] == 0).map(lambda t: t[1])
    side = first.filter(lambda t: t[0] != 0).collect()
    lap("stages before dedupe + fingerprints")

    # Keys: the exact key and every band key. Keys one article holds are no edge.
    def keys(record):
        position, line = record
        fp = json.loads(fingerprint_of(line))
        yield "x" + fp["exact"], position
        for band, key in enumerate(fp["bands"]):
            yield f"b{band}:{key}", position

    key_members = records.flatMap(keys)
    n = max(1, partitions)
    shared = (key_members.map(lambda kv: (kv[0], (1, kv[1])))
              .reduceByKey(lambda a, b: (a[0] + b[0], min(a[1], b[1])), n)
              .filter(lambda kv: kv[1][0] > 1))
    big = shared.filter(lambda kv: kv[1][0] > args.report_group).map(lambda kv: (kv[0], kv[1][0])).take(10)
    for key, size in big:
        print(f"textpipe_spark: warning: {size} articles share key {key} (decided in one task)", file=sys.stderr)
    shared_keys = shared.map(lambda kv: (kv[0], None))
    edges = key_members.join(shared_keys, n).map(lambda kv: (kv[0], kv[1][0])).persist(StorageLevel.MEMORY_AND_DISK)

    # Connected components by min-label propagation: each round, a key takes the smallest
    # label of its articles, an article the smallest label of its keys.
    labels = edges.map(lambda kv: (kv[1], kv[1])).distinct(n)
    rounds = 0
    while True:
        rounds += 1
        key_label = edges.map(lambda kv: (kv[1], kv[0])).join(labels, n).map(lambda kv: kv[1]).reduceByKey(min, n)
        updated = edges.join(key_label, n).map(lambda kv: kv[1]).reduceByKey(min, n).persist(StorageLevel.MEMORY_AND_DISK)
        changed = updated.join(labels, n).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels.unpersist()
        labels = updated
        if changed == 0:
            break
    lap(f"connected components ({rounds} rounds)")
    component_sizes = labels.map(lambda kv: (kv[1], 1)).reduceByKey(lambda a, b: a + b, n)
    largest = component_sizes.map(lambda kv: kv[1]).max() if not labels.isEmpty() else 0
    if largest > args.report_group:
        print(f"textpipe_spark: warning: a component of {largest} articles is decided in one task", file=sys.stderr)

    # Decide every non-trivial component in position order, components spread over tasks.
    in_components = records.join(labels, n)  # (position, (line, label))
    decide_input = in_components.map(lambda kv: ((kv[1][1], kv[0]), fingerprint_of(kv[1][0])))
    decide_partitions = max(1, partitions)
    ordered = decide_input.repartitionAndSortWithinPartitions(
        decide_partitions, partitionFunc=lambda key: hash(key[0]), keyfunc=lambda key: key[1])

    def decide(p, items):
        lines = (b'{"position":%d,"dedupe_fingerprint":%s}' % (key[1], fp) for key, fp in items)
        for tag, payload in run_textpipe(["dedupe", "decide"], lines, p, step="decide"):
            if tag == 0:
                position = int(payload[len(b'{"position":'):payload.index(b",")])
                yield position, payload[payload.index(b'"dedupe_decision":') + len(b'"dedupe_decision":'):-1]

    decisions = ordered.mapPartitionsWithIndex(decide)
    # One decision per record, in the records' own partitions and order: the records' positions
    # (with no decision) and the component decisions, range-partitioned and sorted, then merged.
    bounds = starts[1:]

    def placeholders(record):
        return record[0], None

    merged = (records.map(placeholders).union(decisions.filter(lambda d: d[0] >= 0))
              .repartitionAndSortWithinPartitions(len(starts), partitionFunc=lambda pos: bisect.bisect_right(bounds, pos))
              .mapPartitions(merge_decisions))
    applied_input = records.zip(merged)

    def apply_step(p, items):
        def lines():
            for (position, line), (position2, decision) in items:
                if position != position2:
                    raise RuntimeError(f"{FAILED}[70]: internal: records and decisions out of step :{FAILED}")
                if decision is None:
                    decision = b'{"settings":' + json.dumps(json.loads(fingerprint_of(line))["settings"]).encode() + b"}"
                yield line[:-1] + b',"dedupe_decision":' + decision + b"}"
        arguments = ["run", pipeline_arg(pipe_arg, shipped), "--from", "dedupe"]
        return run_textpipe(arguments, lines(), p, step="last")

    final = applied_input.mapPartitionsWithIndex(apply_step)
    if not args.quiet:
        print(f"textpipe_spark: {len(starts)} partitions, {rounds} rounds of label propagation, "
              f"largest component {largest}", file=sys.stderr)
    code = write(args, final, side)
    lap("decide, apply, later stages, write")
    if not args.quiet:
        print("textpipe_spark: seconds: " + ", ".join(f"{name} {seconds:.1f}" for name, seconds in LAPS),
              file=sys.stderr)
    return code


LAPS = []
_last = [time.time()]


def lap(name):
    """Notes the seconds since the last lap (Spark is lazy: a lap ends at an action)."""
    now = time.time()
    LAPS.append((name, now - _last[0]))
    _last[0] = now


def merge_decisions(items):
    """(position, None) and (position, decision) pairs, sorted by position: one per position."""
    pending = None
    for position, decision in items:
        if pending is not None and pending[0] != position:
            yield pending
            pending = None
        if pending is None or decision is not None:
            pending = (position, decision)
    if pending is not None:
        yield pending


def write(args, final, side):
    """Writes the records in order; sums the accounting; returns the exit code."""
    accounts = []
    dead = []
    messages = []

    def take(tag, payload):
        if tag == 1:
            dead.append(payload)
        elif tag == 2:
            accounts.append(payload)
        elif tag == 3:
            messages.append(payload)

    for tag, payload in side:
        take(tag, payload)
    if args.part_files:
        final = final.persist()
        final.filter(lambda t: t[0] == 0).map(lambda t: t[1]).saveAsTextFile(args.output)
        for tag, payload in final.filter(lambda t: t[0] != 0).collect():
            take(tag, payload)
    else:
        temporary = args.output + ".tmp"
        with open(temporary, "wb") as out:
            for tag, payload in final.toLocalIterator():
                if tag == 0:
                    out.write(payload + b"\n")
                else:
                    take(tag, payload)
        os.replace(temporary, args.output)
    for message in messages:
        print(message, file=sys.stderr)
    if args.dead_letter:
        with open(args.dead_letter, "wb") as f:
            for line in dead:
                f.write(line + b"\n")
    total = summed(accounts)
    print(f"read {total['read']}, written {total['written']}, dropped {total['dropped']}, "
          f"dead-lettered {total['dead_lettered']}, failed {total['failed']} (summed over tasks)", file=sys.stderr)
    return 0


def summed(accounts):
    """One run's accounting from the tasks': the first step reads every article, the last
    writes them; drops, dead letters and failures happen in either."""
    total = {k: 0 for k in ["read", "written", "dropped", "dead_lettered", "failed"]}
    steps = {a["step"] for a in accounts}
    for account in accounts:
        if account["step"] in ("first", "run") or "first" not in steps:
            total["read"] += account["read"]
        if account["step"] in ("last", "run"):
            total["written"] += account["written"]
        for k in ("dropped", "dead_lettered", "failed"):
            total[k] += account[k]
    return total


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
