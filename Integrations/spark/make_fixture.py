#!/usr/bin/env python3
"""Writes JSON Lines that make a distributed dedupe go wrong unless it is global.

    python3 make_fixture.py OUT.jsonl [COUNT]

Invented words only (fictional text). In it:
- exact repeats far apart (so they land in different partitions);
- near repeats (a few words replaced) far apart;
- a chain A ≈ B ≈ C with A and C apart (B matches A; C matches B but not A,
  so one run keeps A and C), its links spread over the file;
- records without an id (named FILE:LINE), with a number id, a blank line,
  a line that is not JSON (dead-lettered), and non-ASCII text.
"""

import json
import random
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "du", "ga", "zo", "ré", "ün"]


def word(n):
    out = ""
    while True:
        out += SYLLABLES[n % len(SYLLABLES)]
        n //= len(SYLLABLES)
        if n == 0:
            return out + "n"


def text(words):
    sentences = [" ".join(words[i:i + 12]).capitalize() + "." for i in range(0, len(words), 12)]
    return " ".join(sentences)


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    rng = random.Random(13)
    stories = [[word(10_000 * s + i) for i in range(120)] for s in range(count)]
    records = [{"id": f"story-{i}", "title": f"Story {i}", "text": text(stories[i])} for i in range(count)]
    # Exact and near repeats, late in the file, of stories early in it.
    for k in range(0, count // 4, 3):
        copy = dict(records[k], id=f"repeat-of-{k}")
        records.append(copy)
        near = list(stories[k + 1])
        for _ in range(3):
            near[rng.randrange(len(near))] = word(9_000_000 + rng.randrange(1_000_000))
        records.append({"id": f"near-{k + 1}", "title": "Near", "text": text(near)})
    rng.shuffle(records)
    # The chain: 200 words, B replaces the last 15 of A, C the first 15 of B.
    base = [word(5_000_000 + i) for i in range(200)]
    a = base
    b = base[:185] + [word(6_000_000 + i) for i in range(15)]
    c = [word(7_000_000 + i) for i in range(15)] + b[15:]
    n = len(records)
    records.insert(n // 10, {"id": "chain-a", "text": text(a)})
    records.insert(n // 2, {"id": "chain-b", "text": text(b)})
    records.insert(n - n // 10, {"id": "chain-c", "text": text(c)})
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    # Odd records: no id (named FILE:LINE), a number id, blank, not JSON.
    lines.insert(5, json.dumps({"text": "Ohne Kennung: Grüße aus Ümlautstadt, " + text(stories[0][:30])},
                               ensure_ascii=False))
    lines.insert(40, json.dumps({"id": 4711, "text": text(stories[7][:50])}))
    lines.insert(41, "")
    lines.insert(len(lines) // 3, '{"id": "broken", "text": "no closing quote}')
    lines.append(json.dumps({"text": text(stories[0][:30]).upper()}))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
