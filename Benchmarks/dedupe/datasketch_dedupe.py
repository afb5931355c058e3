"""The peer: datasketch MinHash + MinHashLSH over the same articles and shingles.

Reads the inputs as textpipe does, then for every article in input order:
MinHash of its word 5-shingles, query the LSH index, keep the earliest
candidate whose estimated Jaccard reaches the threshold as `duplicate_of`,
insert. The timed part is everything from reading the first file to the last
insert, as `textpipe eval dedupe` times its own run.

    python datasketch_dedupe.py --pairs PAIRS.tsv [--threshold 0.8] INPUT…
"""

import argparse
import json
import sys
import time

from datasketch import MinHash, MinHashLSH

import corpus


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--pairs")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--permutations", type=int, default=128)
    parser.add_argument("--shingle-size", type=int, default=5)
    parser.add_argument("--key", default="text", choices=["text", "title+text"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--per-shingle", action="store_true", help="MinHash.update per shingle instead of update_batch"
    )
    args = parser.parse_args()

    template = MinHash(num_perm=args.permutations, seed=args.seed)
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.permutations)
    sketches = {}
    order = []
    marks = {}
    started = time.perf_counter()
    cpu_started = time.process_time()
    for ident, title, text in corpus.read_articles(args.inputs):
        order.append(ident)
        words = corpus.shingles(corpus.key_text(title, text, args.key), args.shingle_size)
        if not words:
            continue
        sketch = MinHash(num_perm=args.permutations, permutations=template.permutations, scheme=template.scheme)
        encoded = [w.encode("utf-8") for w in words]
        if args.per_shingle:
            for word in encoded:
                sketch.update(word)
        else:
            sketch.update_batch(encoded)
        candidates = [c for c in lsh.query(sketch) if sketch.jaccard(sketches[c][1]) >= args.threshold]
        if candidates:
            marks[ident] = min(candidates, key=lambda c: sketches[c][0])
        key = f"{len(order)}"
        sketches[key] = (len(order), sketch)
        lsh.insert(key, sketch)
        # Map the LSH key back to the id for marks.
        sketches[key] = (len(order) - 1, sketch)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    # LSH keys are input positions; turn marks into ids.
    marks = {d: order[sketches[target][0]] for d, target in marks.items()}
    result = {
        "tool": "datasketch",
        "articles": len(order),
        "seconds": seconds,
        "articles_per_second": len(order) / seconds,
        "cpu_seconds": cpu_seconds,
        "lsh_bands": lsh.b,
        "lsh_rows": lsh.r,
    }
    if args.pairs:
        result.update(corpus.score(order, marks, corpus.read_pairs(args.pairs, args.threshold)))
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
