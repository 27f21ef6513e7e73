#!/usr/bin/env python3
"""Reported speech on PolNeAR: missed gold spans and wrong predictions, grouped by cause.

Runs ``newsvoices.extract.extract`` on the ``develop`` half of
``../shared/eval/quotes/polnear-dev.jsonl`` (the half rules are written on; see
``benchmarks/quotes.py``) while recording every call of the per-cue rule
``Parser._reported_one``: the cue, what it returned and, when it gave up, the
source line of the ``return`` that ended it. Each gold indirect fragment that is
not found (less than half of its alphanumeric characters predicted, as the
scorer counts) gets one cause:

* ``partial``: a prediction overlaps it, but too little (a boundary problem);
* ``no cue annotated``: the gold attribution has no cue span;
* ``content before cue``: the cue follows the content ("..., officials said");
  split by what the rule did with that cue;
* ``cue never tried``: the gold cue is not matched by the cue pattern (the cue
  word is listed), or matched but skipped before the rule ran;
* ``gave up at <line>``: the rule ran on the gold cue and returned nothing;
* ``returned elsewhere``: the rule returned a span for the cue, but not this one
  (later filtered out, or a different part of the sentence).

Predicted indirect spans that overlap no gold span (the precision side) are
grouped by cue word and attribution kind.

Usage:
    python benchmarks/reported_misses.py [--split develop] [--examples N] [--cause TEXT] [--wrong]

Prints counts (and, with ``--examples``, a few excerpts to read in the terminal;
never copy them into the repository). Skips with a message when the shared gold
data is absent.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import linecache
import sys

from newsvoices.attribution import Parser
from newsvoices.config import SHARED_DIR
from newsvoices.corpus import iter_jsonl
from newsvoices.extract import extract
from newsvoices.model import Article

GOLD = SHARED_DIR / "eval" / "quotes" / "polnear-dev.jsonl"


def split_of(article_id: str) -> str:
    """``develop`` or ``check`` (the same fixed split as ``benchmarks/quotes.py``)."""
    return "check" if int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16) % 3 == 0 else "develop"


def alnum(text: str, s: int, e: int) -> set[int]:
    return {i for i in range(max(0, s), min(len(text), e)) if text[i].isalnum()}


class Recorder:
    """Wraps ``Parser._reported_one``: (cue start, cue end, cue, result, line of the giving-up return)."""

    def __init__(self):
        self.calls: list[tuple[int, int, str, list, str | None]] = []
        self._orig = Parser._reported_one
        code = self._orig.__code__
        rec = self

        def wrapped(parser, text, cue, cs, ce, s_start, s_end):
            last = [None]

            def local(frame, event, arg):
                if frame.f_code is code:
                    if event == "line":
                        last[0] = frame.f_lineno
                    return local
                return None

            def glob(frame, event, arg):
                return local if frame.f_code is code else None

            old = sys.gettrace()
            sys.settrace(glob)
            try:
                out = rec._orig(parser, text, cue, cs, ce, s_start, s_end)
            finally:
                sys.settrace(old)
            where = None
            if not out and last[0] is not None:
                where = f"{last[0]}: " + linecache.getline(code.co_filename, last[0]).strip()[:90]
            rec.calls.append((cs, ce, cue, list(out), where))
            return out

        Parser._reported_one = wrapped

    def restore(self):
        Parser._reported_one = self._orig


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="develop", choices=["develop", "check", "all"])
    ap.add_argument("--examples", type=int, default=0, help="excerpts to print per cause")
    ap.add_argument("--cause", help="only causes containing this text (with --examples)")
    ap.add_argument("--wrong", action="store_true", help="also group predicted spans that match no gold")
    ap.add_argument("--top", type=int, default=40, help="causes to list")
    ap.add_argument("--dump", help="write one JSON line per miss here (for slicing; keep it out of the repository)")
    args = ap.parse_args()
    if not GOLD.is_file():
        print(f"skipped: {GOLD} is absent (shared gold data lives next to the checkout)")
        return 0
    if args.split == "check":
        print("note: rules are written on develop; check is only scored", file=sys.stderr)
    golds = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    arts = {a.id: a for a in iter_jsonl(GOLD) if isinstance(a, Article)}
    causes: collections.Counter = collections.Counter()
    cue_words: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    examples: dict[str, list[str]] = collections.defaultdict(list)
    wrong: collections.Counter = collections.Counter()
    wrong_ex: dict[str, list[str]] = collections.defaultdict(list)
    n_gold = n_found = 0
    parser_re = None
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for g in golds:
        if args.split != "all" and split_of(g["id"]) != args.split:
            continue
        art = arts[g["id"]]
        text = art.text
        rec = Recorder()
        try:
            ex = extract(art)
        finally:
            rec.restore()
        if parser_re is None:
            from newsvoices import extract as _ex

            parser_re = _ex._PARSER.report_cue_re
        preds = [q for q in ex.quotes]
        ppos = [alnum(text, q.start, q.end) for q in preds]
        pred_all = set().union(*ppos) if ppos else set()
        gold_all = set().union(*[alnum(text, q["start"], q["end"]) for q in g["quotes"]]) if g["quotes"] else set()
        for q in g["quotes"]:
            if q["kind"] != "indirect":
                continue
            gp = alnum(text, q["start"], q["end"])
            if not gp:
                continue
            n_gold += 1
            if len(gp & pred_all) / len(gp) >= 0.5:
                n_found += 1
                continue
            cues = q.get("cue_spans") or []
            cue_txt = (q.get("cue") or "").lower()
            cue_key = " ".join(cue_txt.split()[-2:])
            if gp & pred_all:
                cause = "partial"
            elif not cues:
                cause = "no cue annotated"
            else:
                c0, c1 = cues[0]
                if c0 >= q["end"] - 2:
                    cause = "content before cue: "
                else:
                    cause = "" if c1 <= q["start"] else "cue inside content: "
                    if c1 <= q["start"] and text[c1:q["start"]].strip() and \
                            text[c1:q["start"]].strip().lower() not in ("that", ",", ", that", "to"):
                        cause = "words between cue and content: "
                calls = [c for c in rec.calls if c0 <= c[0] < c1 or c[0] <= c0 < c[1]]
                if not calls:
                    m = any(parser_re.fullmatch(text, c0 + i, c1) for i in range(0, min(c1 - c0, 20)))
                    cause += "cue matched, rule not run" if m else "cue not on the lists"
                elif any(c[3] for c in calls):
                    cause += "returned elsewhere"
                else:
                    cause += "gave up at " + (calls[0][4] or "?")
            causes[cause] += 1
            if dump is not None:
                c0, c1 = cues[0] if cues else (q["start"], q["start"])
                dump.write(json.dumps({"id": g["id"], "cause": cause, "cue": cue_txt, "speaker": q.get("speaker"),
                                       "start": q["start"], "end": q["end"], "cue_start": c0, "cue_end": c1,
                                       "before": text[max(0, min(c0, q["start"]) - 120):min(c0, q["start"])],
                                       "content": text[q["start"]:q["end"]],
                                       "between": text[c1:q["start"]] if c1 <= q["start"] else text[q["end"]:c0],
                                       "after": text[max(q["end"], c1):max(q["end"], c1) + 60]}) + "\n")
            cue_words[cause][cue_key] += 1
            if len(examples[cause]) < args.examples:
                lo = max(0, min(q["start"], (cues[0][0] if cues else q["start"])) - 80)
                hi = min(len(text), max(q["end"], (cues[-1][1] if cues else q["end"])) + 20)
                snippet = (text[lo:q["start"]] + "[" + text[q["start"]:q["end"]] + "]" + text[q["end"]:hi])
                examples[cause].append(f"  cue={cue_txt!r} spk={q.get('speaker')!r}: " + snippet.replace("\n", " / "))
        if args.wrong:
            for q, p in zip(preds, ppos):
                if q.kind != "indirect" or not p or len(p & gold_all) / len(p) >= 0.5:
                    continue
                key = f"{q.attribution} {(q.cue or '').lower()}"
                wrong[key] += 1
                if len(wrong_ex[key]) < args.examples:
                    lo = max(0, min(q.start, q.cue_start or q.start) - 60)
                    wrong_ex[key].append(f"  spk={q.speaker_mention!r}: " + (
                        text[lo:q.start] + "[" + text[q.start:q.end] + "]").replace("\n", " / "))
    n_miss = n_gold - n_found
    print(f"{args.split}: {n_gold} gold indirect fragments, found {n_found} ({n_found / max(n_gold, 1):.3f}), "
          f"missed {n_miss}")
    groups = collections.Counter()
    for c, n in causes.items():
        groups[c.split(":")[0] if c.startswith(("content before", "words between", "cue inside")) else
               ("gave up" if c.startswith("gave up") else c)] += n
    print("\n== by group")
    for c, n in groups.most_common():
        print(f"{n:5d}  {c}")
    print("\n== by cause (top cue words)")
    for c, n in causes.most_common(args.top):
        if args.cause and args.cause not in c:
            continue
        top = ", ".join(f"{w} {k}" for w, k in cue_words[c].most_common(8))
        print(f"{n:5d}  {c}\n         {top}")
        for e in examples[c]:
            print(e[:400])
    if args.wrong:
        print(f"\n== predicted indirect spans matching no gold: {sum(wrong.values())}")
        for k, n in wrong.most_common(args.top):
            print(f"{n:5d}  {k}")
            for e in wrong_ex[k]:
                print(e[:300])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
