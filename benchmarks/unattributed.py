#!/usr/bin/env python3
"""Share of directly quoted words with no speaker, straight from the extractor (issues 3 and 7).

Runs ``newsvoices.extract.extract`` on every article of a corpus (default: the AllSides
immigration/crime corpus, ``../shared/corpora/allsides-abp-immigration-crime``) and prints

* the number of directly quoted words (``kind == "direct"``, words inside the marks),
* the share of them in quotes without a speaker, overall and by how the quote sits in its
  paragraph (a partial quote inside a narrative sentence, or a quote that opens the paragraph),
* the share of direct quotes attributed by each route (``Quote.attribution``),
* extraction CPU time (``time.process_time``);
* the words of quotes that have a speaker mention but no entity (the resolver turned the speaker
  down as no source, e.g. "a portion", an unresolved "he"): the tables count them as unattributed;
* with ``--kinds``, the unattributed words by the construction around the quote (a verb of saying
  later in its sentence, earlier in its sentence, a belief or stance verb earlier, right after
  another quotation, none; for quotes opening a paragraph: after a paragraph ending in a colon,
  a verb of saying after the quote, other), to see which conventions are still missed;
* with ``--no-source N``, also the direct quotes whose speaker entity the pipeline drops as no
  source (an unnamed phrase no codebook rule places: ``voices.is_source``, round 15), with the N
  most frequent head nouns of those phrases (``entities.source_head``) by quoted words; this runs
  the voice classification too, so it is slower.

Unlike ``benchmarks/voices.py score`` this needs no full analysis run (seconds, not minutes) and
counts only what the extractor attributes (the pipeline may still drop a speaker it cannot place).

Usage:
    python benchmarks/unattributed.py [--corpus PATH] [--limit N] [--show N] [--kinds]

``--show N`` prints N unattributed partial quotes at random (seed 0) with a little context, to
look at on screen; nothing is written to disk. Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import random
import re
import time
from pathlib import Path

from newsvoices.config import SHARED_DIR
from newsvoices.corpus import load_corpus
from newsvoices.extract import _tools, extract, sentence_ends

CORPUS = SHARED_DIR / "corpora" / "allsides-abp-immigration-crime" / "articles.jsonl"
_WORD = re.compile(r"\w+(?:[\u2019'\-]\w+)*")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS), help="corpus file or folder (default: AllSides)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--show", type=int, default=0, help="print N unattributed partial quotes with context")
    ap.add_argument("--kinds", action="store_true", help="break the unattributed words down by construction")
    ap.add_argument("--no-source", type=int, default=None, metavar="N",
                    help="also count direct quotes the pipeline drops as no source; list the N top head nouns")
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
    kinds = collections.Counter()
    spent = 0.0
    dropped = collections.Counter()  # head noun -> quoted words (--no-source)
    dropped_n = collections.Counter()
    for art in articles:
        t0 = time.process_time()
        ex = extract(art)
        spent += time.process_time() - t0
        text = art.text
        if args.no_source is not None:
            _count_no_source(text, ex, dropped, dropped_n)
        for q in ex.quotes:
            if q.kind != "direct":
                continue
            n = len(_WORD.findall(q.text))
            lo = next((s for s, e in art.paragraphs if s <= q.start < e), 0)
            opens = not text[lo:q.start].strip(" \u00a0\"'\u201c\u2018`")
            where = "opens its paragraph" if opens else "partial (inside a sentence)"
            words["all"] += n
            routes[q.attribution or "none"] += n
            if q.speaker_start is not None and q.entity is None:
                words["no entity"] += n
            if q.speaker_start is None:
                words["none"] += n
                words[f"none: {where}"] += n
                if args.kinds:
                    kinds[_kind(text, art.paragraphs, q, opens)] += n
                if not opens:
                    partial_samples.append((art.id, q.start, q.end))
    total = words["all"] or 1
    print(f"{len(articles)} articles; extraction {spent:.1f} CPU s ({len(articles) / max(spent, 1e-9):.1f} articles/s)")
    print(f"directly quoted words: {words['all']:,}; without a speaker: {words['none']:,} "
          f"({words['none'] / total:.1%})")
    for key in sorted(k for k in words if k.startswith("none: ")):
        print(f"  {key[6:]}: {words[key]:,} ({words[key] / total:.1%} of all quoted words)")
    print(f"with a speaker mention but no entity (no source; unattributed in the tables): {words['no entity']:,} "
          f"({words['no entity'] / total:.1%})")
    for key, v in kinds.most_common():
        print(f"  unattributed, {key}: {v:,} ({v / total:.1%} of all quoted words)")
    print("quoted words by attribution route: " + ", ".join(
        f"{k} {v / total:.1%}" for k, v in sorted(routes.items(), key=lambda kv: -kv[1])))
    if args.no_source is not None:
        w = sum(dropped.values())
        print(f"with a speaker entity the pipeline drops as no source: {sum(dropped_n.values()):,} direct quotes, "
              f"{w:,} words ({w / total:.2%})")
        for head, v in sorted(dropped.items(), key=lambda kv: (-kv[1], kv[0]))[:args.no_source]:
            print(f"  {head}: {dropped_n[head]} quotes, {v:,} words")
    if args.show:
        by_id = {a.id: a for a in articles}
        rng = random.Random(0)
        for aid, s, e in rng.sample(partial_samples, min(args.show, len(partial_samples))):
            t = by_id[aid].text
            print("---", (t[max(0, s - 200):s] + "[[" + t[s:e][:150] + "]]" + t[e:e + 60]).replace("\n", " | "))
    return 0


def _count_no_source(text: str, ex, words: collections.Counter, quotes: collections.Counter) -> None:
    """Add the direct quotes of one extraction whose speaker the pipeline drops as no source
    (``voices.is_source`` False for the rule ``classify_article`` gives it), by head noun."""
    from newsvoices import voices
    from newsvoices.entities import source_head

    cb = voices.load_codebook()
    cues: dict = {}
    for q in ex.quotes:
        if q.entity is not None:
            cues.setdefault(q.entity, []).append(q.cue)
    ents = {e.key: e for e in ex.entities}
    need = {q.entity for q in ex.quotes if q.kind == "direct" and q.entity in ents}
    if not need:
        return
    voice = voices.classify_article(text, ex.entities, ex.mentions, cb, cues=cues)
    for q in ex.quotes:
        if q.kind != "direct" or q.entity not in need or voices.is_source(ents[q.entity], voice[q.entity][1], cb):
            continue
        head = source_head(ents[q.entity].name)[0] or "?"
        words[head] += len(_WORD.findall(q.text))
        quotes[head] += 1


_QUOTED_RE = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def _kind(text: str, paras, q, opens: bool) -> str:
    """The construction around an unattributed direct quote (a rough count, for ``--kinds``)."""
    _finder, parser = _tools()
    k = bisect.bisect_right([lo for lo, _ in paras], q.start) - 1
    lo, hi = paras[k] if k >= 0 else (0, len(text))
    ends = sentence_ends(text, lo, hi, parser.abbrev)
    i = bisect.bisect_left(ends, q.start)
    s0 = ends[i - 1] if i > 0 else lo
    j = bisect.bisect_left(ends, q.end)
    s1 = ends[j] if j < len(ends) else hi
    pre = _QUOTED_RE.sub(" Q ", text[s0:q.start])
    post = _QUOTED_RE.sub(" Q ", text[q.end:max(s1, q.end)])
    if opens:
        before = text[paras[k - 1][0]:paras[k - 1][1]].rstrip() if k > 0 else ""
        if before.endswith(":"):
            return "opens a paragraph after one ending in a colon"
        if parser.speech_cue_re.search(post[:160]):
            return "opens a paragraph, a verb of saying after it"
        return "opens a paragraph, no cue"
    if parser.speech_cue_re.search(post[:160]):
        return "inside a sentence, a verb of saying after it"
    if parser.speech_cue_re.search(pre):
        return "inside a sentence, a verb of saying before it"
    if parser.report_cue_re.search(pre):
        return "inside a sentence, a belief or stance verb before it"
    if not pre.strip(" \u00a0\"'\u201c\u2018"):
        return "right after another quotation"
    return "inside a sentence, no cue (scare quotes, titles, documents, signs)"


if __name__ == "__main__":
    raise SystemExit(main())
