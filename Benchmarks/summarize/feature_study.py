"""Does a trained sentence scorer beat plain TextRank? Leave-one-category-out study.

Uses the sentences, k and references in the JSON Lines that
`textpipe eval summarize --dump` writes (so the sentences are textpipe's own).
For every sentence it computes features — TextRank score (cosine over content
words, as the stage does, re-implemented here), its rank, degree centrality,
first-sentence flag, relative position, log length, summed word frequency,
title-free centroid similarity, quote flag, short-sentence flag, content-word
share — and trains a logistic regression (Newton's method, L2 = 1, so the
result is deterministic) on two dev categories, then picks the top-k sentences
of the third and scores them with rouge-score. The same is done for the
TextRank score alone, so the comparison is like for like.

    Benchmarks/.venv/bin/python Benchmarks/summarize/feature_study.py Benchmarks/out/summarize/dump.jsonl
"""

import collections
import json
import math
import re
import statistics
import sys

import numpy as np
from rouge_score import rouge_scorer

STOP = set("""i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves
he him his himself she she's her hers herself it it's its itself they them their theirs themselves what which who
whom this that that'll these those am is are was were be been being have has had having do does did doing a an the
and but if or because as until while of at by for with about against between into through during before after
above below to from up down in out on off over under again further then once here there when where why how all any
both each few more most other some such no nor not only own same so than too very s t can will just don don't
should should've now d ll m o re ve y ain aren aren't couldn couldn't didn didn't doesn doesn't hadn hadn't hasn
hasn't haven haven't isn isn't ma mightn mightn't mustn mustn't needn needn't shan shan't shouldn shouldn't wasn
wasn't weren weren't won won't wouldn wouldn't""".split())


def content_words(sentence):
    return [w for w in re.findall(r"[a-z0-9][a-z0-9'.,&-]*[a-z0-9]|[a-z0-9]", sentence.lower()) if w not in STOP]


def cosine(a, b):
    dot = sum(a[w] * b[w] for w in a if w in b)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def pagerank(weights, damping=0.85):
    n = len(weights)
    out = weights.sum(1)
    rank = np.full(n, 1.0 / n)
    for _ in range(100):
        dangling = rank[out == 0].sum()
        share = np.where(out > 0, rank / np.where(out > 0, out, 1), 0.0)
        new = (damping * dangling + 1 - damping) / n + damping * (weights.T @ share)
        done = np.abs(new - rank).sum() < n * 1e-6
        rank = new
        if done:
            break
    return rank


def features(sentences):
    bags = [collections.Counter(content_words(s)) for s in sentences]
    n = len(sentences)
    w = np.array([[0.0 if i == j else cosine(bags[i], bags[j]) for j in range(n)] for i in range(n)])
    tr = pagerank(w) * n
    degree = w.sum(1)
    rank = np.argsort(np.argsort(-tr, kind="stable"), kind="stable") / max(1, n - 1)
    freq = collections.Counter(word for bag in bags for word in bag.elements())
    top = max(freq.values()) if freq else 1
    fsum = np.array([sum(freq[x] for x in bag.elements()) / top for bag in bags])
    centroid = collections.Counter()
    for bag in bags:
        centroid.update(bag)
    rows = []
    for i, s in enumerate(sentences):
        length = len(re.findall(r"\w+", s))
        rows.append([
            1.0, tr[i], rank[i], degree[i] / max(degree.max(), 1e-9), float(i == 0), i / n, math.log1p(length),
            fsum[i] / max(fsum.max(), 1e-9), cosine(bags[i], centroid), float('"' in s), float(length < 8),
            sum(bags[i].values()) / max(1, length),
        ])
    return np.array(rows)


def train(items, l2=1.0):
    x = np.vstack([it["x"] for it in items])
    y = np.concatenate([it["y"] for it in items])
    mu, sd = x.mean(0), x.std(0)
    mu[0], sd[0] = 0.0, 1.0
    sd[sd == 0] = 1.0
    xs = (x - mu) / sd
    w = np.zeros(x.shape[1])
    for _ in range(25):
        p = 1 / (1 + np.exp(-xs @ w))
        grad = xs.T @ (p - y) + l2 * w
        hess = (xs * (p * (1 - p))[:, None]).T @ xs + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return lambda features: ((features - mu) / sd) @ w


def main():
    items = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    for it in items:
        it["x"] = features(it["sentences"])
        it["y"] = np.array([1.0 if i in set(it["matched"]) else 0.0 for i in range(len(it["sentences"]))])
        it["category"] = it["id"].split("/")[0]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)

    def evaluate(held_out, score):
        totals = collections.defaultdict(list)
        for it in held_out:
            s = score(it)
            chosen = sorted(np.argsort(-s, kind="stable")[: it["k"]])
            result = scorer.score(it["reference"], " ".join(it["sentences"][i] for i in chosen))
            for t in ("rouge1", "rouge2", "rougeL"):
                totals[t].append(result[t].fmeasure)
        return [statistics.mean(totals[t]) for t in ("rouge1", "rouge2", "rougeL")]

    categories = sorted({it["category"] for it in items})
    print(f"{'held-out category':<20}{'method':<36}{'ROUGE-1':>8}{'ROUGE-2':>8}{'ROUGE-L':>8}")
    for category in categories:
        held_out = [it for it in items if it["category"] == category]
        model = train([it for it in items if it["category"] != category])
        rows = [
            ("textpipe summarize (Swift)", [statistics.mean(it["rouge"]["summary"][j] for it in held_out) for j in range(3)]),
            ("TextRank score alone (Python)", evaluate(held_out, lambda it: it["x"][:, 1])),
            ("logistic regression, 11 features", evaluate(held_out, lambda it: model(it["x"]))),
        ]
        for name, (r1, r2, rl) in rows:
            print(f"{category:<20}{name:<36}{r1:>8.3f}{r2:>8.3f}{rl:>8.3f}")


if __name__ == "__main__":
    main()
