"""Reads articles the way `textpipe` does, and shingles them the way the dedupe stage does.

Shared by the peer benchmark and the ground-truth builders, so every script
sees the same ids, the same text and the same shingles:

- a directory is walked recursively, files sorted by the UTF-8 bytes of their
  relative path (the id); `.txt`/`.md` files are one article, whose first line
  is the title when a blank line follows it and it reads like a headline;
- a `.jsonl` file is one article per line (`id`, `text`, optional `title`);
- tokens are `re.findall(r"\\w+", text.lower())`, shingles are runs of
  `k` consecutive tokens; an article with fewer than `k` tokens has none.
"""

import json
import os
import re

WORD = re.compile(r"\w+")


def _split_title(raw):
    """(title, body) like textpipe's TextArticle: line 1 is the title when a blank line follows."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    newline = raw.find("\n")
    if newline < 0:
        return None, raw
    rest = raw[newline + 1 :]
    first_content = len(rest) - len(rest.lstrip(" \t\r\n"))
    if "\n" not in rest[:first_content] or first_content == len(rest):
        return None, raw
    title = raw[:newline].strip()
    # A headline is short and has no closing full stop (an ellipsis is fine).
    if not title or len(title) > 160 or (title.endswith(".") and not title.endswith("...")):
        return None, raw
    # The body starts at the first non-blank line, keeping its indentation.
    start = rest.rfind("\n", 0, first_content) + 1
    return title, rest[start:]


def read_articles(inputs):
    """Yields (id, title, text) for every article in `inputs`, in textpipe's order."""
    for path in inputs:
        if os.path.isdir(path):
            files = []
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    if not name.startswith("."):
                        full = os.path.join(root, name)
                        files.append(os.path.relpath(full, path))
            files.sort(key=lambda rel: rel.encode("utf-8"))
            for rel in files:
                yield from _read_file(os.path.join(path, rel), rel)
        else:
            yield from _read_file(path, path)


def _read_file(full, ident):
    if full.endswith(".jsonl"):
        with open(full, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                record = json.loads(line)
                yield record.get("id", f"{ident}:{number}"), record.get("title"), record["text"]
    elif full.endswith((".txt", ".md")):
        with open(full, "rb") as handle:
            data = handle.read()
        # Like textpipe without `normalize`: bytes that are not UTF-8 become U+FFFD.
        title, body = _split_title(data.decode("utf-8", errors="replace"))
        yield ident, title, body


def key_text(title, text, key):
    """The text the stage compares: `text`, or `title` and `text` for `key: title+text`."""
    if key == "title+text" and title is not None:
        return title + "\n" + text
    return text


def tokens(text):
    return WORD.findall(text.lower())


def shingles(text, k=5):
    words = tokens(text)
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def read_pairs(path, threshold):
    """Ground-truth pairs (a, b) with Jaccard >= threshold from a TSV: a, b, jaccard, …"""
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                continue
            try:
                similarity = float(fields[2])
            except ValueError:
                continue  # the header
            if similarity >= threshold:
                pairs.append((fields[0], fields[1]))
    return pairs


def score(order, marks, pairs):
    """Precision and recall of `marks` (id -> id it duplicates) as `textpipe eval dedupe` defines them.

    A document should be marked when a ground-truth pair links it to an earlier
    document; a mark is right when it points into the same ground-truth cluster
    (pairs joined transitively).
    """
    position = {ident: index for index, ident in enumerate(order)}
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    should = set()
    for a, b in pairs:
        if a not in position or b not in position:
            continue
        parent[find(a)] = find(b)
        should.add(a if position[a] > position[b] else b)
    correct = {d for d, target in marks.items() if d in parent and target in parent and find(d) == find(target)}
    precision = len(correct) / len(marks) if marks else 1.0
    recall = len(correct & should) / len(should) if should else 1.0
    return {
        "marked": len(marks),
        "should": len(should),
        "correct": len(correct),
        "precision": precision,
        "recall": recall,
    }
