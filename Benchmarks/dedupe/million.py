"""One million articles for the dedupe stage: BBC and Reuters-21578 originals,
then lightly mutated copies of them, as JSON Lines, with the ground truth.

    python million.py [--count 1000000] [--data ../../../shared/data] [--out ../out]

Writes OUT/dedupe-million.jsonl and OUT/dedupe-million-pairs.tsv (article_a, article_b,
jaccard, byte_identical): every (original, copy) pair at Jaccard >= 0.5,
counted exactly, plus the originals' own pairs from bbc/duplicate-pairs.tsv and
OUT/dedupe-reuters-pairs.tsv (run reuters_truth.py first). The copies, in random
order after all originals, are, seeded so every run writes the same file:

- 20% exact copies;
- 30% reformatted: words re-cased, spaces and line breaks changed — the same
  words, so Jaccard 1, but not byte-identical;
- 50% edited: about 1 word in 80 replaced (at least one), which leaves long
  articles near Jaccard 0.9 and pushes short ones below the 0.8 threshold.
"""

import argparse
import json
import os
import random
import sys
import time
from multiprocessing import Pool

import corpus

VOCABULARY = (
    "said officials reported monday tuesday statement government company market shares percent "
    "million billion year quarter growth minister council spokesman agency week analysts"
).split()


def mutate(args):
    index, original_id, text, seed = args
    rng = random.Random(seed)
    kind = rng.random()
    if kind < 0.2:
        copy = text
    elif kind < 0.5:
        words = text.split(" ")
        for _ in range(max(1, len(words) // 20)):
            at = rng.randrange(len(words))
            words[at] = words[at].upper() if rng.random() < 0.5 else words[at].lower()
        copy = "  ".join(words) if rng.random() < 0.5 else "\n".join(words)
    else:
        words = text.split(" ")
        for _ in range(max(1, len(words) // 80)):
            words[rng.randrange(len(words))] = rng.choice(VOCABULARY)
        copy = " ".join(words)
    a, b = corpus.shingles(text), corpus.shingles(copy)
    jaccard = len(a & b) / len(a | b) if a or b else 0.0
    ident = f"copy-{index:07d}-of-{original_id}"
    return ident, copy, original_id, jaccard, int(copy == text)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--data", default=os.path.join(here, "../../../shared/data"))
    parser.add_argument("--out", default=os.path.join(here, "../out"))
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    started = time.perf_counter()

    originals = [
        (f"bbc/{ident}", title, text)
        for ident, title, text in corpus.read_articles([os.path.join(args.data, "bbc/articles")])
    ]
    with open(os.path.join(args.out, "dedupe-reuters.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            originals.append((record["id"], record.get("title"), record["text"]))
    rng = random.Random(args.seed)
    jobs = [
        (n, *rng.choice(originals)[0::2], rng.getrandbits(63))
        for n in range(args.count - len(originals))
    ]

    pairs_path = os.path.join(args.out, "dedupe-million-pairs.tsv")
    with open(os.path.join(args.out, "dedupe-million.jsonl"), "w", encoding="utf-8") as out, open(
        pairs_path, "w", encoding="utf-8"
    ) as pairs:
        pairs.write("article_a\tarticle_b\tjaccard_word5shingle\tbyte_identical\n")
        for ident, title, text in originals:
            record = {"id": ident, "text": text}
            if title:
                record["title"] = title
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        with open(os.path.join(args.data, "bbc/duplicate-pairs.tsv"), encoding="utf-8") as truth:
            for line in truth:
                a, b, rest = line.split("\t", 2)
                if a != "article_a":
                    pairs.write(f"bbc/{a}\tbbc/{b}\t{rest}")
        with open(os.path.join(args.out, "dedupe-reuters-pairs.tsv"), encoding="utf-8") as truth:
            next(truth)
            pairs.writelines(truth)
        with Pool(os.cpu_count() or 1) as pool:
            for ident, copy, original, jaccard, identical in pool.imap(mutate, jobs, chunksize=2000):
                out.write(json.dumps({"id": ident, "text": copy}, ensure_ascii=False) + "\n")
                if jaccard >= 0.5:
                    pairs.write(f"{original}\t{ident}\t{jaccard:.6f}\t{identical}\n")
    print(
        f"{args.count} articles ({len(originals)} originals) in {time.perf_counter() - started:.0f} s -> {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
