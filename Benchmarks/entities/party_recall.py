#!/usr/bin/env python3
"""Party recall of the entities stage on a labelled conflict set.

For each gold positive, whether its first party (the party in conflict, a
canonical name) is among the `party` values of the record's entities, and
whether the conflict stage named it.

    textpipe run conflict-watch ../shared/data/conflict/train.jsonl --quiet > /tmp/train.out.jsonl
    python3 Benchmarks/entities/party_recall.py ../shared/data/conflict/train.jsonl /tmp/train.out.jsonl [-v]

-v lists the misses.
"""
import json, sys, collections
gold = {}
for l in open(sys.argv[1]):
    r = json.loads(l)
    gold[r['id']] = r
out = {}
for l in open(sys.argv[2]):
    r = json.loads(l)
    out[r['id']] = r
pos = [g for g in gold.values() if g['label'] and g['parties']]
hit = 0
anyhit = 0
miss = []
for g in pos:
    r = out.get(g['id'], {})
    ents = r.get('entities') or []
    parties = {e.get('party') for e in ents if e.get('party')}
    if g['parties'][0] in parties:
        hit += 1
    else:
        miss.append((g['id'], g['parties'][0], sorted(parties)))
allpos = len(pos)
print(f"{sys.argv[2]}: gold first party found in entities' party values: {hit}/{allpos} = {hit/allpos:.3f}")
ipc = collections.Counter()
right = 0
for g in pos:
    r = out.get(g['id'], {})
    c = r.get('intra_party_conflict') or {}
    if c.get('party') == g['parties'][0]: right += 1
print(f"  intra_party_conflict.party == gold first party: {right}/{allpos}")
if '-v' in sys.argv:
    for m in miss: print('  MISS', *m)
