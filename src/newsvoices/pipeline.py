"""From articles to tidy tables: ``analyze(corpus)``.

Example:
    >>> from newsvoices import load_corpus, analyze
    >>> from newsvoices.config import SEEDS_DIR
    >>> result = analyze(load_corpus(SEEDS_DIR))
    >>> sorted(result.tables)
    ['articles', 'mentions', 'paragraphs', 'quotes', 'run_log', 'speakers']
"""

from __future__ import annotations

import re
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import extract as _extract
from . import frames as _frames
from . import sentiment as _sentiment
from . import voices as _voices
from .corpus import Corpus, Skip, load_corpus
from .model import Article

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")

ARTICLE_COLUMNS = ["id", "title", "outlet", "date", "url", "source", "n_paragraphs", "n_words", "text"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph", "start", "end", "is_headline", "n_words"]
QUOTE_COLUMNS = [
    "article_id", "quote_id", "paragraph", "position", "start", "end", "text", "kind", "cue",
    "cue_start", "cue_end", "speaker_id", "speaker", "speaker_mention", "speaker_start",
    "speaker_end", "voice_type", "n_words", "sentiment", "frames",
]
SPEAKER_COLUMNS = [
    "article_id", "speaker_id", "name", "kind", "description", "organisation", "voice_type",
    "voice_rule", "n_quotes", "n_direct", "n_words", "first_position", "n_mentions",
]
MENTION_COLUMNS = ["article_id", "entity_id", "name", "start", "end", "text", "mention_kind", "quoted"]
RUN_LOG_COLUMNS = ["source", "article_id", "status", "reason", "seconds"]


def count_words(text: str) -> int:
    """Number of word tokens (letters/digits, inner apostrophes and hyphens kept)."""
    return len(_WORD.findall(text or ""))


def slug(name: str) -> str:
    """Lower-case ascii-ish id part: ``'Robert Bates'`` -> ``'robert-bates'``."""
    s = re.sub(r"[^\w]+", "-", name.lower(), flags=re.UNICODE).strip("-")
    return s or "unnamed"


def speaker_id(entity: _extract.Entity, article_id: str) -> str:
    """Corpus-wide id: named people and organisations share an id across articles;
    anonymous and unnamed sources stay distinct per article."""
    if entity.kind in ("person", "organisation"):
        return slug(entity.name)
    return f"{article_id}#{slug(entity.name)}"


def _meta(article: Article) -> dict[str, Any]:
    return {"outlet": article.outlet, "date": article.date, **article.meta}


def analyze_article(article: Article) -> dict[str, list[dict[str, Any]]]:
    """Analyse one article; return rows for each table (no pandas, cheap to pickle)."""
    text = article.text
    ex = _extract.extract(article)
    meta = _meta(article)
    aid = article.id
    body = article.body_paragraphs
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in ("articles", "paragraphs", "quotes", "speakers", "mentions")}
    rows["articles"].append({
        "id": aid, "title": article.title, "outlet": article.outlet, "date": article.date,
        "url": article.url, "source": article.source, "n_paragraphs": len(body),
        "n_words": sum(count_words(text[s:e]) for s, e in body), "text": text, **article.meta,
    })
    for i, (s, e) in enumerate(article.paragraphs):
        rows["paragraphs"].append({
            "article_id": aid, "paragraph": i, "start": s, "end": e,
            "is_headline": bool(article.title_in_text and i == 0), "n_words": count_words(text[s:e]), **meta,
        })
    ents = {e.key: e for e in ex.entities}
    sids = {k: speaker_id(e, aid) for k, e in ents.items()}
    voice = {k: _voices.classify(e) for k, e in ents.items()}
    tones = _sentiment.score([q.text for q in ex.quotes]) if ex.quotes else []
    quote_frames = _frames.classify([q.text for q in ex.quotes]) if ex.quotes else []
    quoted_spans = [(q.start, q.end) for q in ex.quotes]
    for n, (q, tone, qf) in enumerate(zip(ex.quotes, tones, quote_frames)):
        rows["quotes"].append({
            "article_id": aid, "quote_id": n, "paragraph": article.paragraph_of(q.start),
            "position": article.position(q.start), "start": q.start, "end": q.end, "text": q.text,
            "kind": q.kind, "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end,
            "speaker_id": sids.get(q.entity), "speaker": ents[q.entity].name if q.entity in ents else None,
            "speaker_mention": q.speaker_mention, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
            "voice_type": voice[q.entity][0] if q.entity in voice else None,
            "n_words": count_words(q.text), "sentiment": tone,
            "frames": _frames.join(qf), **meta,
        })
    for m in ex.mentions:
        inside = any(s <= m.start and m.end <= e for s, e in quoted_spans)
        rows["mentions"].append({
            "article_id": aid, "entity_id": sids.get(m.entity), "name": ents[m.entity].name if m.entity in ents else None,
            "start": m.start, "end": m.end, "text": m.text, "mention_kind": m.kind, "quoted": inside, **meta,
        })
    for k, e in ents.items():
        qs = [q for q in rows["quotes"] if q["speaker_id"] == sids[k]]
        rows["speakers"].append({
            "article_id": aid, "speaker_id": sids[k], "name": e.name, "kind": e.kind,
            "description": e.description, "organisation": e.organisation,
            "voice_type": voice[k][0], "voice_rule": voice[k][1], "n_quotes": len(qs),
            "n_direct": sum(q["kind"] == "direct" for q in qs), "n_words": sum(q["n_words"] for q in qs),
            "first_position": min((q["position"] for q in qs), default=None),
            "n_mentions": sum(1 for m in ex.mentions if m.entity == k), **meta,
        })
    return rows


@dataclass
class Analysis:
    """The tidy tables of a run: ``articles``, ``paragraphs``, ``quotes``, ``speakers``,
    ``mentions`` and ``run_log`` (every input: processed or skipped, with the reason)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for c in columns:
        if c not in df.columns:
            df[c] = pd.Series(dtype="object")
    extra = [c for c in df.columns if c not in columns]
    return df[columns + extra].reset_index(drop=True)


def analyze(corpus: Corpus | str | Any, progress: bool = False) -> Analysis:
    """Analyse every article of a corpus (or a path, loaded with ``load_corpus``).

    One failing article never stops the run: it is logged in ``run_log`` as skipped
    with the error, and the other articles go on.

    Args:
        corpus: a :class:`Corpus`, or anything ``load_corpus`` accepts.
        progress: show a tqdm progress bar.
    """
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus)
    acc: dict[str, list[dict[str, Any]]] = {k: [] for k in ("articles", "paragraphs", "quotes", "speakers", "mentions")}
    log: list[dict[str, Any]] = [
        {"source": s.source, "article_id": s.article_id, "status": "skipped", "reason": s.reason, "seconds": 0.0}
        for s in corpus.skipped
    ]
    articles = corpus.articles
    if progress:
        from tqdm.auto import tqdm

        articles = tqdm(articles, desc="articles", unit="art")
    for art in articles:
        t0 = time.perf_counter()
        try:
            rows = analyze_article(art)
        except Exception as exc:  # one bad article never stops a corpus run
            last = traceback.extract_tb(exc.__traceback__)[-1]
            reason = f"{type(exc).__name__}: {exc} (at {last.filename.rsplit('/', 1)[-1]}:{last.lineno})"
            log.append({"source": art.source, "article_id": art.id, "status": "skipped", "reason": reason,
                        "seconds": time.perf_counter() - t0})
            continue
        for k, v in rows.items():
            acc[k].extend(v)
        log.append({"source": art.source, "article_id": art.id, "status": "processed", "reason": "",
                    "seconds": time.perf_counter() - t0})
    tables = {
        "articles": _frame(acc["articles"], ARTICLE_COLUMNS),
        "paragraphs": _frame(acc["paragraphs"], PARAGRAPH_COLUMNS),
        "quotes": _frame(acc["quotes"], QUOTE_COLUMNS),
        "speakers": _frame(acc["speakers"], SPEAKER_COLUMNS),
        "mentions": _frame(acc["mentions"], MENTION_COLUMNS),
        "run_log": _frame(log, RUN_LOG_COLUMNS),
    }
    return Analysis(tables)


def write_tables(analysis: Analysis, out_dir) -> list[str]:
    """Write every table as Parquet and CSV into ``out_dir``; return the file names.

    Files are written to a temporary name and renamed, so an interrupted run never
    leaves a half-written table behind.
    """
    import os
    from pathlib import Path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in analysis.tables.items():
        for ext in ("parquet", "csv"):
            final = out / f"{name}.{ext}"
            tmp = out / f".{name}.{ext}.tmp"
            if ext == "parquet":
                df.to_parquet(tmp, index=False)
            else:
                df.to_csv(tmp, index=False, lineterminator="\n")
            os.replace(tmp, final)
            written.append(final.name)
    return written


TABLE_NAMES = ("articles", "paragraphs", "quotes", "speakers", "mentions", "run_log")


def load_tables(tables_dir) -> Analysis:
    """Read the Parquet tables written by :func:`write_tables` back into an Analysis."""
    from pathlib import Path

    d = Path(tables_dir)
    missing = [n for n in TABLE_NAMES if not (d / f"{n}.parquet").is_file()]
    if missing:
        raise ValueError(f"{d}: missing tables {missing}; run `newsvoices analyze PATH --out {d}` first")
    return Analysis({n: pd.read_parquet(d / f"{n}.parquet") for n in TABLE_NAMES})


def article_text(analysis: Analysis, article_id: str) -> str:
    """The full text of one article (all offsets index into it)."""
    a = analysis.articles
    hit = a.loc[a["id"] == article_id, "text"]
    if hit.empty:
        raise ValueError(f"no article with id {article_id!r}")
    return hit.iloc[0]


def open_results(corpus=None, tables=None) -> Analysis:
    """What notebooks call: read ``tables`` if given, else analyse ``corpus``
    (default: the bundled ``seeds/`` folder)."""
    if tables:
        return load_tables(tables)
    from .config import SEEDS_DIR

    return analyze(corpus or SEEDS_DIR)
