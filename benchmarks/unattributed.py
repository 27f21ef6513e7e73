#!/usr/bin/env python3
"""Share of directly quoted words with no speaker, straight from the extractor (issues 3 and 7).

Runs ``newsvoices.extract.extract`` on every article of a corpus (default: the AllSides
immigration/crime corpus, ``../shared/corpora/allsides-abp-immigration-crime``) and prints

* the number of directly quoted words (``kind == "direct"``, words inside the marks),
* the share of them in quotes without a speaker, overall and by how the quote sits in its
  paragraph (a partial quote inside a narrative sentence, or a quote that opens the paragraph),
* the share of direct quotes attributed by each route (``Quote.attribution``),
* extraction CPU time (``time.process_time``).

Unlike ``benchmarks/voices.py score`` this needs no full analysis run (seconds, not minutes) and
counts only what the extractor attributes (the pipeline may still drop a speaker it cannot place).

Usage:
    python benchmarks/unattributed.py [--corpus PATH] [--limit N] [--show N]

``--show N`` prints N unattributed partial quotes at random (seed 0) with a little context, to
look at on screen; nothing is written to disk. Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import time
from pathlib import Path

from newsvoices.config import SHARED_DIR
from newsvoices.corpus import load_corpus
from newsvoices.extract import extract

CORPUS = SHARED_DIR / "corpora" / "allsides-abp-immigration-crime" / "articles.jsonl"
_WORD = re.compile(r"\w+(?:[\u2019'\-]\w+)*")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS), help="corpus file or folder (default: AllSides)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--show", type=int, default=0, help="print N unattributed partial quotes with context")
    args = ap.parse_args()
    path = Path(args.corpus)
    if not path.exists():
        print(f"skipped: {path} is absent (the shared corpora live next to the checkout)")
        return 0
    articles = list(load_corpus(path).articles)
    if args.limit:
        articles = articles[:args.limit]
    words = collections.Counter()
    routes = collections.Counter()
    partial_samples = []
    spent = 0.0
    for art in articles:
        t0 = time.process_time()
        ex = extract(art)
        spent += time.process_time() - t0
        text = art.text
        for q in ex.quotes:
            if q.kind != "direct":
                continue
            n = len(_WORD.findall(q.text))
            lo = next((s for s, e in art.paragraphs if s <= q.start < e), 0)
            opens = not text[lo:q.start].strip(" \u00a0\"'\u201c\u2018`")
            where = "opens its paragraph" if opens else "partial (inside a sentence)"
            words["all"] += n
            routes[q.attribution or "none"] += n
            if q.speaker_start is None:
                words["none"] += n
                words[f"none: {where}"] += n
                if not opens:
                    partial_samples.append((art.id, q.start, q.end))
    total = words["all"] or 1
    print(f"{len(articles)} articles; extraction {spent:.1f} CPU s ({len(articles) / max(spent, 1e-9):.1f} articles/s)")
    print(f"directly quoted words: {words['all']:,}; without a speaker: {words['none']:,} "
          f"({words['none'] / total:.1%})")
    for key in sorted(k for k in words if k.startswith("none: ")):
        print(f"  {key[6:]}: {words[key]:,} ({words[key] / total:.1%} of all quoted words)")
    print("quoted words by attribution route: " + ", ".join(
        f"{k} {v / total:.1%}" for k, v in sorted(routes.items(), key=lambda kv: -kv[1])))
    if args.show:
        by_id = {a.id: a for a in articles}
        rng = random.Random(0)
        for aid, s, e in rng.sample(partial_samples, min(args.show, len(partial_samples))):
            t = by_id[aid].text
            print("---", (t[max(0, s - 200):s] + "[[" + t[s:e][:150] + "]]" + t[e:e + 60]).replace("\n", " | "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
