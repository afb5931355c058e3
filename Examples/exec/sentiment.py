import json, sys

POSITIVE = {"win", "wins", "won", "growth", "agreed", "praised", "success", "best", "boost"}
NEGATIVE = {"loss", "crisis", "attack", "row", "fell", "fears", "worst", "strike", "cuts"}

for line in sys.stdin:  # one article per line, as a JSON object
    words = json.loads(line)["text"].lower().split()
    score = sum((w in POSITIVE) - (w in NEGATIVE) for w in words)
    # Answer with the fields to merge, or {"drop": "why"}, or {"error": "what"}; one line each.
    print(json.dumps({"sentiment": score}), flush=True)
