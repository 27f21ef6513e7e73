#!/usr/bin/env python3
"""Speaker attribution cross-checked on BASIL's quoted bias spans (an independent gold set).

BASIL (Fan et al., EMNLP 2019; ``../shared/corpora/basil-media-bias``) marks, in 300 NYT / Fox News /
HuffPost articles, phrases that experts judged biased; each phrase records whether it is inside a
quotation (``quote == "yes"``) and, if so, who speaks it (``Donald_Trump``, ``House_Democrats``, or the
buckets ``other_anti`` / ``other_pro`` / ``other_neutral``). It is not an exhaustive quote list: only
*biased* quoted phrases are marked, so it measures recall and speaker accuracy on those phrases, not
precision. Nobody wrote newsvoices' rules against it (it was first read for this check, 27 Nov 2026).

For every quoted phrase found in the article text, this script asks:

* **covered**: does a quote of ``newsvoices.extract.extract`` (direct or reported) hold at least half
  of the phrase's characters?
* **speaker right** (phrases with a named person as speaker, e.g. ``Rick_Perry``; groups and buckets
  are counted apart): is the covering quote's resolved speaker that person? A speaker name matches
  when the gold surname (the label's last part) is one of its words, case-folded, or, for a one-word
  label (``Trump``), that word is.

Usage:
    python benchmarks/basil_speakers.py [--show-errors N] [--write]

Prints the counts and their 95% Wilson intervals; ``--write`` stores them in
``benchmarks/results/basil_speakers.json``. Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

from newsvoices.config import SHARED_DIR
from newsvoices.corpus import iter_jsonl
from newsvoices.extract import extract
from newsvoices.identity import _first_names
from newsvoices.model import Article

CORPUS = SHARED_DIR / "corpora" / "basil-media-bias" / "articles.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "basil_speakers.json"
BUCKETS = ("other_anti", "other_pro", "other_neutral")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of k successes in n trials."""
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return (mid - half, mid + half)


def label_kind(label: str) -> str:
    """``bucket``, ``person`` or ``group``.

    A person label opens with a first name of the project's gender lexicon (``Rick_Perry``) or is one
    capitalised word not ending in "s" (``Trump``); everything else (``House_Democrats``,
    ``Tea_Party``, ``NAACP``, ``Catholics``) is a group.

    >>> [label_kind(x) for x in ("Rick_Perry", "Trump", "Republican_Lawmakers", "NAACP", "other_pro")]
    ['person', 'person', 'group', 'group', 'bucket']
    """
    if label.lower() in BUCKETS:
        return "bucket"
    parts = [p for p in label.split("_") if p]
    if len(parts) >= 2 and parts[0].casefold() in _first_names() and all(p[:1].isupper() for p in parts):
        return "person"
    if len(parts) == 1 and parts[0][:1].isupper() and not parts[0].isupper() and not parts[0].endswith("s"):
        return "person"
    return "group"


def speaker_matches(label: str, name: str | None) -> bool:
    """True when the predicted speaker ``name`` names the gold person ``label``.

    >>> speaker_matches("Rick_Perry", "Gov. Rick Perry")
    True
    >>> speaker_matches("Rick_Perry", "Perry")
    True
    >>> speaker_matches("Rick_Perry", "Rick Santorum")
    False
    """
    if not name:
        return False
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", name)]
    parts = [p for p in label.split("_") if p and p.rstrip(".").casefold() not in ("jr", "sr", "ii", "iii")]
    if not parts:
        return False
    surname = parts[-1].casefold().rstrip(".")
    # BASIL cut some labels at a non-ASCII letter ("Felipe_Calder" for Calderón): a prefix of 5+ letters counts
    return surname in words or (len(surname) >= 5 and any(w.startswith(surname) for w in words))


def gold_spans(rec: dict, text: str) -> list[dict]:
    """The quoted phrases of one BASIL record with offsets into ``text``.

    BASIL's offsets are within one sentence of ``body_paragraphs`` whose index is not stored; the
    sentence is the one where ``s[start:end] == txt``. Its place in ``text`` is found by search from
    the previous sentence's place (the loader may have changed the text's whitespace, never words).
    """
    places = []  # (sentence, offset in text)
    pos = 0
    for para in rec.get("body_paragraphs") or []:
        for s in para:
            at = text.find(s, pos)
            if at < 0:
                at = text.find(s)
            places.append((s, at))
            if at >= 0:
                pos = at + len(s)
    out = []
    for ann in rec.get("phrase_level_annotations") or []:
        if ann.get("quote") != "yes":
            continue
        txt, st, en = ann.get("txt", ""), int(ann.get("start", -1)), int(ann.get("end", -1))
        hit = next((at + st for s, at in places if at >= 0 and s[st:en] == txt), None)
        out.append({"label": ann.get("speaker") or "", "start": hit, "end": None if hit is None else hit + len(txt),
                    "txt": txt})
    return out


def covering(quotes, start: int, end: int):
    """The quote holding the most characters of [start, end), if it holds at least half of them."""
    best, best_overlap = None, 0
    for q in quotes:
        ov = min(q.end, end) - max(q.start, start)
        if ov > best_overlap:
            best, best_overlap = q, ov
    return best if best is not None and 2 * best_overlap >= end - start else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N wrong named speakers")
    ap.add_argument("--write", action="store_true", help=f"store the figures in {RESULTS}")
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is absent (the shared corpora live next to the checkout)")
        return 0
    raw = {}
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                raw[str(rec["id"])] = rec
    counts = {k: {"phrases": 0, "located": 0, "covered": 0, "direct": 0, "right": 0} for k in ("person", "group", "bucket")}
    errors = []
    for art in iter_jsonl(CORPUS):
        if not isinstance(art, Article):
            continue
        ex = extract(art)
        names = {e.key: e.name for e in ex.entities}
        for g in gold_spans(raw[art.id], art.text):
            c = counts[label_kind(g["label"])]
            c["phrases"] += 1
            if g["start"] is None:
                continue
            c["located"] += 1
            q = covering(ex.quotes, g["start"], g["end"])
            if q is None:
                continue
            c["covered"] += 1
            c["direct"] += q.kind == "direct"
            name = names.get(q.entity) or q.speaker_mention
            if label_kind(g["label"]) == "person":
                if speaker_matches(g["label"], name):
                    c["right"] += 1
                else:
                    errors.append((art.id, g["label"], name, q.kind, q.speaker_mention))
    result = {"corpus": "basil-media-bias (300 articles)", "by_label": {}}
    for kind, c in counts.items():
        lo, hi = wilson(c["covered"], c["located"])
        row = dict(c, covered_share=round(c["covered"] / c["located"], 3) if c["located"] else None,
                   covered_interval=[round(lo, 3), round(hi, 3)])
        if kind == "person":
            lo, hi = wilson(c["right"], c["covered"])
            row["speaker_accuracy"] = round(c["right"] / c["covered"], 3) if c["covered"] else None
            row["speaker_interval"] = [round(lo, 3), round(hi, 3)]
        else:
            row.pop("right")
        result["by_label"][kind] = row
    for kind, row in result["by_label"].items():
        line = (f"{kind:7s} phrases {row['phrases']:4d}, found in text {row['located']:4d}, inside a quote "
                f"{row['covered']:4d} ({row['covered_share']:.3f} [{row['covered_interval'][0]:.3f}, "
                f"{row['covered_interval'][1]:.3f}]; direct {row['direct']})")
        if "speaker_accuracy" in row:
            line += (f"; speaker right {row['right']} ({row['speaker_accuracy']:.3f} "
                     f"[{row['speaker_interval'][0]:.3f}, {row['speaker_interval'][1]:.3f}])")
        print(line)
    for e in errors[: args.show_errors]:
        print("  wrong:", *e, sep=" | ")
    if args.write:
        RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
