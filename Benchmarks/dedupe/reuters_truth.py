"""Reuters-21578 bodies as JSON Lines, and every pair of bodies with word
5-shingle Jaccard >= 0.5, found exactly.

    python reuters_truth.py [--data ../../../shared/data/reuters21578] [--out ../out]

Writes OUT/dedupe-reuters.jsonl (`id` = `reuters-<NEWID>`, `title`, `text` = the
body with SGML entities decoded) and OUT/dedupe-reuters-pairs.tsv in the format of
`bbc/duplicate-pairs.tsv`: article_a, article_b, jaccard, byte_identical.

Exact, not sampled: AllPairs prefix filtering (Bayardo et al. 2007). Shingles
are ordered rarest first; two sets with Jaccard >= t must share a shingle
within the first |S| - ceil(t|S|) + 1 of each, so only pairs that do are
compared, and every one of them is compared in full.
"""

import argparse
import html
import math
import os
import re
import sys
import time

import corpus

DOCUMENT = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)


def read_bodies(directory):
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".sgm"):
            continue
        with open(os.path.join(directory, name), "rb") as handle:
            # One byte in reut2-017.sgm is Latin-1; everything else is ASCII.
            text = handle.read().decode("latin-1")
        for match in DOCUMENT.finditer(text):
            body = BODY.search(match.group(2))
            if not body:
                continue
            title = TITLE.search(match.group(2))
            yield (
                f"reuters-{match.group(1)}",
                html.unescape(title.group(1)).strip() if title else None,
                html.unescape(body.group(1)).strip(),
            )


def similar_pairs(documents, threshold, k=5):
    """(i, j, jaccard) for every i < j whose shingle sets reach `threshold`."""
    sets = [corpus.shingles(text, k) for _, _, text in documents]
    frequency = {}
    for shingles in sets:
        for shingle in shingles:
            frequency[shingle] = frequency.get(shingle, 0) + 1
    ordered = [sorted(s, key=lambda x: (frequency[x], x)) for s in sets]
    index = {}
    pairs = []
    for j, tokens in enumerate(ordered):
        size = len(tokens)
        if size == 0:
            continue
        prefix = size - math.ceil(threshold * size) + 1
        candidates = set()
        for token in tokens[:prefix]:
            for i in index.get(token, ()):
                if len(ordered[i]) >= threshold * size and size >= threshold * len(ordered[i]):
                    candidates.add(i)
            index.setdefault(token, []).append(j)
        for i in candidates:
            # The filters only find candidates: every one is verified with its full sets.
            shared = len(sets[i] & sets[j])
            jaccard = shared / (len(sets[i]) + len(sets[j]) - shared)
            if jaccard >= threshold:
                pairs.append((i, j, jaccard))
    return pairs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(here, "../../../shared/data/reuters21578"))
    parser.add_argument("--out", default=os.path.join(here, "../out"))
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    started = time.perf_counter()
    documents = list(read_bodies(args.data))
    with open(os.path.join(args.out, "dedupe-reuters.jsonl"), "w", encoding="utf-8") as out:
        import json

        for ident, title, text in documents:
            record = {"id": ident, "text": text}
            if title:
                record["title"] = title
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    pairs = similar_pairs(documents, args.threshold)
    pairs.sort(key=lambda p: (p[0], p[1]))
    with open(os.path.join(args.out, "dedupe-reuters-pairs.tsv"), "w", encoding="utf-8") as out:
        out.write("article_a\tarticle_b\tjaccard_word5shingle\tbyte_identical\n")
        for i, j, jaccard in pairs:
            identical = int(documents[i][2] == documents[j][2])
            out.write(f"{documents[i][0]}\t{documents[j][0]}\t{jaccard:.6f}\t{identical}\n")
    at08 = sum(1 for p in pairs if p[2] >= 0.8)
    print(
        f"{len(documents)} bodies, {len(pairs)} pairs >= {args.threshold} ({at08} >= 0.8) "
        f"in {time.perf_counter() - started:.1f} s -> {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
