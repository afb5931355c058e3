"""sumy's TextRank on the same articles with the same k, and the ROUGE cross-check.

Reads the JSON Lines that `textpipe eval summarize --dump` wrote (article id, k,
reference, our summary, Lead-k, our per-article ROUGE), then:

1. trains NLTK's PunktSentenceTokenizer on the articles (NLTK's punkt data
   cannot be downloaded here) and runs sumy 0.13's TextRankSummarizer with it,
   k sentences per article; times parsing + summarizing only;
2. scores sumy's summaries with rouge-score (use_stemmer=True);
3. re-scores our summaries and Lead-k with rouge-score and compares them,
   article by article, with the numbers textpipe computed.

Prints one JSON object on stdout.
"""

import argparse
import json
import os
import statistics
import sys
import time

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer
from rouge_score import rouge_scorer
from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

TYPES = ["rouge1", "rouge2", "rougeL"]


class LocalPunktTokenizer(Tokenizer):
    """sumy's English tokenizer with a locally trained Punkt model.

    sumy's own __init__ loads NLTK's downloadable punkt data, and
    nltk.word_tokenize needs it too; NLTKWordTokenizer is what word_tokenize
    runs on each sentence.
    """

    def __init__(self, punkt):
        self._language = "english"
        self._sentence_tokenizer = punkt
        self._word_tokenizer = NLTKWordTokenizer()


def read_article(path):
    """Title and body, as textpipe reads a .txt article: line 1 is the title when a blank line follows."""
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if text.startswith("\ufeff"):
        text = text[1:]
    first, _, rest = text.partition("\n")
    if rest.lstrip(" \t\r").startswith("\n") and first.strip():
        return first.strip(), rest.lstrip("\n \t\r")
    return None, text


def mean_scores(rows):
    return {t: statistics.mean(r[t] for r in rows) for t in TYPES}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dump", required=True)
    parser.add_argument("--articles", required=True)
    args = parser.parse_args()

    items = [json.loads(line) for line in open(args.dump, encoding="utf-8")]
    bodies = [read_article(os.path.join(args.articles, item["id"]))[1] for item in items]

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train("\n\n".join(bodies), finalize=False)
    trainer.finalize_training()
    punkt = PunktSentenceTokenizer(trainer.get_params())
    tokenizer = LocalPunktTokenizer(punkt)
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    summaries = []
    cpu_start = time.process_time()
    start = time.perf_counter()
    for item, body in zip(items, bodies):
        document = PlaintextParser.from_string(body, tokenizer).document
        summaries.append(" ".join(str(s) for s in summarizer(document, item["k"])))
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start

    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)

    def score(reference, candidate):
        result = scorer.score(reference, candidate)
        return {t: result[t].fmeasure for t in TYPES}

    sumy_rows = [score(item["reference"], summary) for item, summary in zip(items, summaries)]
    check = {}
    for system in ["summary", "lead"]:
        ours = [dict(zip(TYPES, item["rouge"][system])) for item in items]
        theirs = [score(item["reference"], item[system]) for item in items]
        worst = max(abs(o[t] - p[t]) for o, p in zip(ours, theirs) for t in TYPES)
        ours_mean, theirs_mean = mean_scores(ours), mean_scores(theirs)
        check[system] = {
            "textpipe": ours_mean,
            "rouge_score": theirs_mean,
            "max_abs_diff_per_article": worst,
            "equal_to_3_decimals": all(round(ours_mean[t], 3) == round(theirs_mean[t], 3) for t in TYPES),
        }
    json.dump(
        {
            "sumy": {
                "articles": len(items),
                "rouge": mean_scores(sumy_rows),
                "seconds": seconds,
                "articles_per_second": len(items) / seconds,
                "cpu_microseconds_per_article": cpu_seconds * 1e6 / len(items),
                "what": "sumy 0.13 TextRank, Punkt trained on these articles; parse + summarize, 1 process",
            },
            "rouge_check": check,
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
