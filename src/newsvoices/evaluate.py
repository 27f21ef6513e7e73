"""Score quotation extraction and attribution against a researcher's own annotations.

``newsvoices evaluate --gold GOLD.jsonl [PRED.jsonl]`` (without PRED, newsvoices
itself is run on the gold texts).

Gold format (JSON lines, one article per line)::

    {"id": "a1", "text": "<the article text>",
     "quotes": [{"start": 10, "end": 52, "kind": "direct",
                 "speaker": "Robert Bates", "speaker_start": 0, "speaker_end": 12}, ...]}

* ``start``/``end``: Python string offsets of the quoted words in ``text`` (for a
  direct quote, inside the quotation marks; marks, spaces and punctuation at the
  edges do not matter).
* ``kind``: ``direct`` (one quotation in marks), ``mixed`` (reported speech that
  contains quoted words) or ``indirect`` (reported speech, paraphrase).
* ``speaker`` (optional): the speaker's mention as written ("he", "Mr Bates");
  ``speaker_start``/``speaker_end`` its offsets; ``speaker_is_pronoun`` (optional)
  marks a pronoun mention. Leave ``speaker`` null when no speaker is annotated.

Predictions: the ``newsvoices quotes`` output (``{"id", "quotes": [{"start", "end",
"speaker", "speaker_start", "speaker_end", ...}]}``).

Matching rules (the PolNeAR protocol of ``../shared/eval/quotes``):

* Spans are compared on their letters and digits only.
* A gold quote is *found* when at least half of its letters/digits lie inside
  predicted quotes (recall). A prediction is *correct* when at least half of
  its letters/digits lie inside gold quotes (precision).
* A prediction counts as a direct quote when a quotation mark stands at its
  start or up to three characters before it; it is then judged against the
  direct and mixed gold quotes; other predictions against all gold quotes
  (reported-speech precision).
* The speaker is right when the predicted mention overlaps the gold mention, or
  the last word of the predicted speaker equals the last word of the gold
  mention, or, when the gold mention is a pronoun, it is a word of the nearest
  preceding non-pronoun gold speaker.
* Speaker accuracy is over the found direct gold quotes with a speaker; the
  attributed-direct F1 counts a quote only when it is found (or correct) *and*
  its speaker is right.

Example:
    >>> gold = {"id": "a", "text": 'Jo said: "Rain is due." It rained.', "quotes": [
    ...     {"start": 10, "end": 22, "kind": "direct", "speaker": "Jo", "speaker_start": 0, "speaker_end": 2}]}
    >>> pred = {"id": "a", "quotes": [{"start": 10, "end": 22, "speaker": "Jo", "speaker_start": 0,
    ...                                "speaker_end": 2}]}
    >>> s = summarize(score_articles([gold], {"a": pred["quotes"]}))
    >>> s["direct_F1"], s["speaker_acc"], s["attributed_direct_F1"]
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

_MARKS = frozenset("\"'`\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019")
_PRONOUNS = frozenset("he she they i we it him her them his hers their you".split())
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+")


def _chars(text: str, start: int, end: int) -> frozenset[int]:
    """Offsets of the letters and digits of ``text[start:end]``."""
    lo, hi = max(0, start), min(len(text), end)
    return frozenset(i for i in range(lo, hi) if text[i].isalnum())


def _last_word(s: str | None) -> str:
    if not s:
        return ""
    words = _WORD.findall(s.replace("\u2019s", "").replace("'s", ""))
    return words[-1].lower() if words else ""


def _is_pronoun(q: dict) -> bool:
    return bool(q.get("speaker_is_pronoun")) or _last_word(q.get("speaker")) in _PRONOUNS


def _looks_direct(text: str, start: int) -> bool:
    return any(c in _MARKS for c in text[max(0, start - 3):start + 1])


def _previous_named(gold: list[dict]) -> list[str | None]:
    """For each gold quote, the nearest earlier non-pronoun speaker mention."""
    named = sorted((q["speaker_start"], q["speaker"]) for q in gold
                   if q.get("speaker") and q.get("speaker_start") is not None and not _is_pronoun(q))
    out = []
    for q in gold:
        anchor = q.get("speaker_start")
        if anchor is None:
            anchor = q["start"]
        best = None
        for pos, name in named:
            if pos < anchor:
                best = name
            else:
                break
        out.append(best)
    return out


def _speaker_right(pred: dict, gold: dict, antecedent: str | None) -> bool | None:
    if not gold.get("speaker"):
        return None
    ps, pe = pred.get("speaker_start"), pred.get("speaker_end")
    gs, ge = gold.get("speaker_start"), gold.get("speaker_end")
    if None not in (ps, pe, gs, ge) and ps < ge and gs < pe:
        return True
    pw = _last_word(pred.get("speaker"))
    if not pw:
        return False
    if pw == _last_word(gold["speaker"]):
        return True
    if _is_pronoun(gold) and antecedent:
        return pw in {w.lower() for w in _WORD.findall(antecedent)}
    return False


def score_articles(gold_articles: Iterable[dict], predictions: dict[str, list[dict]]) -> Counter:
    """Count matches over articles; ``predictions`` maps article id -> predicted quotes."""
    c: Counter = Counter()
    for art in gold_articles:
        text = art["text"]
        gold = art.get("quotes") or []
        preds = predictions.get(art["id"], [])
        ante = _previous_named(gold)
        gchars = [_chars(text, q["start"], q["end"]) for q in gold]
        pchars = [_chars(text, q["start"], q["end"]) for q in preds]
        all_pred = frozenset().union(*pchars) if pchars else frozenset()
        all_gold = frozenset().union(*gchars) if gchars else frozenset()
        dm_gold = frozenset().union(*(g for g, q in zip(gchars, gold) if q.get("kind") in ("direct", "mixed")))\
            if gold else frozenset()
        for g, q in zip(gchars, gold):
            if not g:
                continue
            kind = q.get("kind", "direct")
            c["gold_" + kind] += 1
            if 2 * len(g & all_pred) < len(g):
                continue
            c["found_" + kind] += 1
            if kind == "direct" and q.get("speaker"):
                j = max(range(len(preds)), key=lambda k: len(pchars[k] & g))
                ok = bool(_speaker_right(preds[j], q, ante[gold.index(q)]))
                group = "pron" if _is_pronoun(q) else "named"
                c["spk_n"] += 1
                c["spk_ok"] += ok
                c[f"spk_{group}_n"] += 1
                c[f"spk_{group}_ok"] += ok
        for p, q in zip(pchars, preds):
            if not p:
                continue
            direct = _looks_direct(text, q["start"])
            kind = "direct" if direct else "other"
            c["pred_" + kind] += 1
            ref = dm_gold if direct else all_gold
            if 2 * len(p & ref) < len(p):
                continue
            c["correct_" + kind] += 1
            if direct:
                i = max(range(len(gold)), key=lambda k: len(gchars[k] & p))
                c["attr_ok"] += bool(_speaker_right(q, gold[i], ante[i]))
    return c


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summarize(c: Counter) -> dict[str, float]:
    """Precision, recall, F1 and speaker accuracy from :func:`score_articles` counts."""
    dp, dr = _ratio(c["correct_direct"], c["pred_direct"]), _ratio(c["found_direct"], c["gold_direct"])
    op, ir = _ratio(c["correct_other"], c["pred_other"]), _ratio(c["found_indirect"], c["gold_indirect"])
    ap, ar = _ratio(c["attr_ok"], c["pred_direct"]), _ratio(c["spk_ok"], c["gold_direct"])
    return {
        "direct_P": dp, "direct_R": dr, "direct_F1": _f1(dp, dr),
        "speaker_acc": _ratio(c["spk_ok"], c["spk_n"]),
        "speaker_acc_named": _ratio(c["spk_named_ok"], c["spk_named_n"]),
        "speaker_acc_pronoun": _ratio(c["spk_pron_ok"], c["spk_pron_n"]),
        "attributed_direct_F1": _f1(ap, ar),
        "mixed_R": _ratio(c["found_mixed"], c["gold_mixed"]),
        "indirect_R": ir, "indirect_P": op, "indirect_F1": _f1(op, ir),
        "n_gold_direct": c["gold_direct"], "n_pred_direct": c["pred_direct"],
        "n_gold_indirect": c["gold_indirect"], "n_pred_other": c["pred_other"],
    }


def read_jsonl(path: str | Path, line_numbers: list[int] | None = None) -> list[dict]:
    """Records of a JSON-lines file; a bad line raises ValueError naming file and line.

    Args:
        path: the file.
        line_numbers: if given, the line number of each record is appended to it.
    """
    from .corpus import json_error

    out = []
    with open(path, encoding="utf-8-sig") as f:
        try:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: malformed JSON ({json_error(exc)})") from None
                if line_numbers is not None:
                    line_numbers.append(n)
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path}:{n}: not UTF-8 ({exc.reason} at byte {exc.start}); save the file as UTF-8") from None
    return out


def _check_gold(gold: list[dict], path, lines: list[int] | None = None) -> None:
    """Raise ValueError naming file and line for a gold record the scorer would misread."""
    seen: dict[str, str] = {}
    for n, art in enumerate(gold, start=1):
        where = f"{path}:{lines[n - 1]}" if lines else f"{path}: record {n}"
        if not isinstance(art, dict) or not isinstance(art.get("text"), str) or "id" not in art:
            raise ValueError(f"{where}: needs 'id' and 'text'")
        aid = str(art["id"])
        if aid in seen:
            raise ValueError(f"{where}: id {aid!r} repeats {seen[aid]} (each gold article needs its own id)")
        seen[aid] = where
        size = len(art["text"])
        for k, q in enumerate(art.get("quotes") or [], start=1):
            what = f"{where} ({aid}), quote {k}"
            if not isinstance(q, dict) or not isinstance(q.get("start"), int) or not isinstance(q.get("end"), int):
                raise ValueError(f"{what}: every quote needs integer start/end")
            if not 0 <= q["start"] < q["end"] <= size:
                raise ValueError(f"{what}: start/end {q['start']}-{q['end']} outside the text "
                                 f"(0-{size}; offsets are Python string indices into 'text')")
            if q.get("kind", "direct") not in ("direct", "mixed", "indirect"):
                raise ValueError(f"{what}: kind must be direct, mixed or indirect")
            ss, se = q.get("speaker_start"), q.get("speaker_end")
            if ss is not None or se is not None:
                if not isinstance(ss, int) or not isinstance(se, int) or not 0 <= ss < se <= size:
                    raise ValueError(f"{what}: speaker_start/speaker_end {ss}-{se} are not offsets "
                                     f"inside the text (0-{size})")


def predict_records(gold: list[dict]) -> dict[str, list[dict]]:
    """Run newsvoices on the gold texts; predictions keyed by article id."""
    from .extract import extract
    from .model import Article

    out = {}
    for art in gold:
        a = Article(id=str(art["id"]), text=art["text"])
        ex = extract(a)
        names = {e.key: e.name for e in ex.entities}
        out[a.id] = [{"start": q.start, "end": q.end, "kind": q.kind,
                      "speaker": names.get(q.entity, q.speaker_mention),
                      "speaker_start": q.speaker_start, "speaker_end": q.speaker_end} for q in ex.quotes]
    return out


def evaluate_files(gold_path: str | Path, pred_path: str | Path | None = None) -> dict[str, float]:
    """Scores of a prediction file (or of newsvoices itself) against a gold file."""
    lines: list[int] = []
    gold = read_jsonl(gold_path, lines)
    _check_gold(gold, gold_path, lines)
    if pred_path is None:
        preds = predict_records(gold)
    else:
        preds = {str(r["id"]): r.get("quotes") or [] for r in read_jsonl(pred_path) if "id" in r}
    return summarize(score_articles(gold, preds))


def format_scores(s: dict[str, float]) -> str:
    """A two-line table of the main scores."""
    keys = ["direct_P", "direct_R", "direct_F1", "speaker_acc", "attributed_direct_F1", "indirect_P",
            "indirect_R", "indirect_F1"]
    width = [max(len(k), 5) + 2 for k in keys]
    head = "".join(k.rjust(w) for k, w in zip(keys, width))
    row = "".join(f"{s[k]:{w}.3f}" for k, w in zip(keys, width))
    return head + "\n" + row
