"""Invariants every analysis must satisfy, checkable on any result.

* every quote's offsets give back its text: ``text[start:end] == quote text``;
* every speaker span and every mention span lies inside the text and gives back
  its text;
* no quote overlaps another quote of the same article;
* ``run_log`` accounts for every input exactly once, and every processed article
  is in ``articles``.

Example:
    >>> from newsvoices import analyze
    >>> from newsvoices.config import SEEDS_DIR
    >>> violations(analyze(SEEDS_DIR))
    []
"""

from __future__ import annotations

from typing import Any

import pandas as pd


def _num(v: Any) -> int | None:
    if v is None or (isinstance(v, float) and v != v) or v is pd.NA:
        return None
    return int(v)


def violations(analysis, limit: int = 50) -> list[str]:
    """Return human-readable descriptions of broken invariants (empty when all hold).

    Args:
        analysis: an :class:`~newsvoices.pipeline.Analysis` (tables with the article texts).
        limit: stop after this many violations.
    """
    out: list[str] = []
    arts = analysis.articles
    texts = dict(zip(arts["id"], arts["text"]))
    if len(texts) != len(arts):
        out.append("duplicate article ids in the articles table")

    def add(msg: str) -> bool:
        out.append(msg)
        return len(out) >= limit

    quotes = analysis.quotes
    last_end: dict[str, tuple[int, int]] = {}
    if len(quotes):
        q = quotes.sort_values(["article_id", "start", "end"], kind="stable")
        for aid, start, end, qtext, mention, ss, se in zip(
            q["article_id"], q["start"], q["end"], q["text"], q["speaker_mention"], q["speaker_start"], q["speaker_end"]
        ):
            text = texts.get(aid)
            if text is None:
                if add(f"quote of unknown article {aid!r}"):
                    return out
                continue
            s, e = int(start), int(end)
            if not (0 <= s <= e <= len(text)):
                if add(f"{aid}: quote span {s}:{e} outside the text (length {len(text)})"):
                    return out
                continue
            if text[s:e] != qtext:
                if add(f"{aid}: text[{s}:{e}] != quote text {str(qtext)[:40]!r}"):
                    return out
            prev = last_end.get(aid)
            if prev is not None and s < prev[1]:
                if add(f"{aid}: quote {s}:{e} overlaps quote {prev[0]}:{prev[1]}"):
                    return out
            if prev is None or e > prev[1]:
                last_end[aid] = (s, e)
            ss, se = _num(ss), _num(se)
            if ss is not None or se is not None:
                if ss is None or se is None or not (0 <= ss <= se <= len(text)):
                    if add(f"{aid}: speaker span {ss}:{se} outside the text"):
                        return out
                elif isinstance(mention, str) and text[ss:se] != mention:
                    if add(f"{aid}: text[{ss}:{se}] != speaker mention {mention[:40]!r}"):
                        return out
    m = analysis.mentions
    if len(m):
        for aid, start, end, mtext in zip(m["article_id"], m["start"], m["end"], m["text"]):
            text = texts.get(aid)
            s, e = int(start), int(end)
            if text is None or not (0 <= s <= e <= len(text)):
                if add(f"{aid}: mention span {s}:{e} outside the text"):
                    return out
            elif text[s:e] != mtext:
                if add(f"{aid}: text[{s}:{e}] != mention text {str(mtext)[:40]!r}"):
                    return out
    log = analysis.run_log
    processed = log[log["status"] == "processed"]
    if set(processed["article_id"]) != set(texts):
        out.append("run_log 'processed' ids differ from the articles table")
    if not set(log["status"]) <= {"processed", "skipped"}:
        out.append(f"run_log has unknown statuses {sorted(set(log['status']))}")
    bad = log[(log["status"] == "skipped") & (log["reason"].fillna("").astype(str).str.strip() == "")]
    if len(bad):
        out.append(f"{len(bad)} skipped inputs without a reason")
    return out[:limit]


def counts(analysis) -> dict[str, int]:
    """Row counts of every table plus processed/skipped inputs (for reports and tests)."""
    log = analysis.run_log
    out = {name: len(df) for name, df in analysis.tables.items()}
    out["processed"] = int((log["status"] == "processed").sum())
    out["skipped"] = int((log["status"] == "skipped").sum())
    if len(analysis.quotes):
        out["direct_quotes"] = int((analysis.quotes["kind"] == "direct").sum())
    return out
