"""From articles to tidy tables: ``analyze(corpus)``.

Example:
    >>> from newsvoices import load_corpus, analyze
    >>> from newsvoices.config import SEEDS_DIR
    >>> result = analyze(load_corpus(SEEDS_DIR))
    >>> sorted(result.tables)
    ['articles', 'mentions', 'paragraphs', 'quotes', 'run_log', 'speakers']
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import extract as _extract
from . import frames as _frames
from . import identity as _identity
from . import sentiment as _sentiment
from . import voices as _voices
from .corpus import Corpus
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
RUN_LOG_COLUMNS = ["source", "article_id", "status", "reason"]


# count_words without the regex for (nearly) all texts: only the class of each character matters to
# _WORD (a word character, a joiner ’ ' -, or anything else), so an ASCII text is mapped to one byte
# per class ("a", "-", " ") and the word starts are counted: an "a" after a space, or after a joiner
# that does not follow a word character (a joiner between two word characters joins them). None of
# the counted byte pairs and triples can overlap itself, so bytes.count finds every one.
_WORD_CLASS = bytes(
    ord("a") if _WORD.match(chr(i)) else ord("-") if chr(i) in "'-" else ord(" ") for i in range(256)
)
# common non-ASCII characters that are neither word characters nor joiners: replaced by a space
# (same class), and ’ by ' (both joiners), the text stays ASCII and takes the fast count
_NON_WORD = tuple(ch for ch in "“”‘—–…•©£\u00a0" if not _WORD.match(ch))


def count_words(text: str) -> int:
    """Number of word tokens (letters/digits, inner apostrophes and hyphens kept): the number of
    matches of ``\\w+(?:[’'-]\\w+)*``, counted without building them."""
    if not text:
        return 0
    if not text.isascii():
        t = text.replace("’", "'")
        for ch in _NON_WORD:
            t = t.replace(ch, " ")
        if not t.isascii():  # another non-ASCII character: the regex decides
            return len(_WORD.findall(text))
        text = t
    b = text.encode("ascii").translate(_WORD_CLASS)
    return b.count(b" a") + b.count(b" -a") + b.count(b"--a") + (b[:1] == b"a" or b[:2] == b"-a")


def slug(name: str) -> str:
    """Lower-case ascii-ish id part: ``'Robert Bates'`` -> ``'robert-bates'``."""
    s = re.sub(r"[^\w]+", "-", name.lower(), flags=re.UNICODE).strip("-")
    return s or "unnamed"


def speaker_id(entity: _extract.Entity, article_id: str) -> str:
    """Corpus-wide id: named people and organisations share an id across articles;
    anonymous and unnamed sources stay distinct per article (see :mod:`newsvoices.identity`)."""
    return _identity.speaker_id(entity, article_id)


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
    para_words = [count_words(text[s:e]) for s, e in article.paragraphs]
    rows["articles"].append({
        "id": aid, "title": article.title, "outlet": article.outlet, "date": article.date,
        "url": article.url, "source": article.source, "n_paragraphs": len(body),
        "n_words": sum(para_words[len(article.paragraphs) - len(body):]), "text": text, **article.meta,
    })
    for i, (s, e) in enumerate(article.paragraphs):
        rows["paragraphs"].append({
            "article_id": aid, "paragraph": i, "start": s, "end": e,
            "is_headline": bool(article.title_in_text and i == 0), "n_words": para_words[i], **meta,
        })
    ents = {e.key: e for e in ex.entities}
    sids = {k: speaker_id(e, aid) for k, e in ents.items()}
    # how the article introduces each speaker ("the Labour MP", "Homeland Security Secretary Janet
    # Napolitano", "Marco Rubio (R-Fla.)"): used when the entity's own fields say nothing
    cb = _voices.load_codebook()  # once per article (it checks the files' modification times)
    cues: dict[str, list[str]] = {}
    for q in ex.quotes:
        if q.entity is not None:
            cues.setdefault(q.entity, []).append(q.cue)
    voice = _voices.classify_article(text, ex.entities, ex.mentions, cb, cues=cues)
    # an unnamed phrase no rule places ("the election") is no source: its quotes stay unattributed
    no_source = {k for k, e in ents.items() if not _voices.is_source(e, voice[k][1], cb)}
    tones = _sentiment.score([q.text for q in ex.quotes]) if ex.quotes else []
    quote_frames = _frames.classify([q.text for q in ex.quotes]) if ex.quotes else []
    quoted_spans = sorted((q.start, q.end) for q in ex.quotes)
    span_starts = [s for s, _ in quoted_spans]
    reach = list(itertools.accumulate((e for _, e in quoted_spans), max))  # furthest end so far
    # Article.position(offset) from the paragraph index found once per quote (the same float)
    first_body = 1 if article.title_in_text else 0
    n_body = len(article.paragraphs) - first_body
    for n, (q, tone, qf) in enumerate(zip(ex.quotes, tones, quote_frames)):
        ek = (None if q.entity in no_source or not _voices.is_speech_cue(q.cue, cb, text, q.cue_start, q.speaker_start)
              else q.entity)
        para = article.paragraph_of(q.start)
        rows["quotes"].append({
            "article_id": aid, "quote_id": n, "paragraph": para,
            "position": max(0, para - first_body) / n_body if n_body > 0 else 0.0,
            "start": q.start, "end": q.end, "text": q.text,
            "kind": q.kind, "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end,
            "speaker_id": sids.get(ek), "speaker": ents[ek].name if ek in ents else None,
            "speaker_mention": q.speaker_mention if ek else None,
            "speaker_start": q.speaker_start if ek else None, "speaker_end": q.speaker_end if ek else None,
            "voice_type": voice[ek][0] if ek in voice else None,
            "n_words": count_words(q.text), "sentiment": tone,
            "frames": _frames.join(qf), **meta,
        })
    names = {k: e.name for k, e in ents.items()}
    add = rows["mentions"].append
    bisect_right = bisect.bisect_right
    for m in ex.mentions:
        i = bisect_right(span_starts, m.start) - 1  # inside a quote: linear, not quadratic
        inside = i >= 0 and reach[i] >= m.end
        add({
            "article_id": aid, "entity_id": sids.get(m.entity), "name": names.get(m.entity),
            "start": m.start, "end": m.end, "text": m.text, "mention_kind": m.kind, "quoted": inside, **meta,
        })
    done: set[str] = set()  # several entities may share one id (an org and its spokesperson)
    quotes_by_sid: dict[Any, list[dict[str, Any]]] = {}  # grouped once: linear in quotes and mentions
    for q in rows["quotes"]:
        quotes_by_sid.setdefault(q["speaker_id"], []).append(q)
    mentions_by_sid = Counter(sids.get(m.entity) for m in ex.mentions)
    mentions_by_key = Counter(m.entity for m in ex.mentions)

    def row_first(kv):
        # the row of an id several entities share is the named entity mentioned most, an organisation on
        # a tie, then any other ("a Home Office spokesperson" is the Home Office's row); round 20: the
        # organisation "Trump" of one "the Trump administration" gave the row of the person "Trump"
        # quoted throughout the article its kind, so the corpus step never joined it to "Donald Trump"
        k, e = kv
        named = e.kind in ("person", "organisation")
        return (not named, -mentions_by_key[k] if named else 0, e.kind != "organisation")
    for k, e in sorted(ents.items(), key=row_first):
        if sids[k] in done:
            continue
        done.add(sids[k])
        qs = quotes_by_sid.get(sids[k], [])
        rows["speakers"].append({
            "article_id": aid, "speaker_id": sids[k], "name": e.name, "kind": e.kind,
            "description": e.description, "organisation": e.organisation,
            "voice_type": voice[k][0], "voice_rule": voice[k][1], "n_quotes": len(qs),
            "n_direct": sum(q["kind"] == "direct" for q in qs), "n_words": sum(q["n_words"] for q in qs),
            "first_position": min((q["position"] for q in qs), default=None),
            "n_mentions": mentions_by_sid[sids[k]], **meta,
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
    """A table from rows, typed exactly as the Parquet files of a streamed run read back."""
    from .runner import rows_to_table, table_to_frame

    return table_to_frame(rows_to_table(rows, columns))


def analyze(
    corpus: Corpus | str | Any,
    progress: bool = False,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: Any = None,
    cache_dir: str | None = None,
    time_budget: float | None = None,
    columns: dict[str, str] | None = None,
) -> Analysis:
    """Analyse every article of a corpus (or a path, loaded with ``load_corpus``).

    One failing article never stops the run: it is logged in ``run_log`` as skipped
    with the error, and the other articles go on. Tables are in input order, so
    sequential, parallel and Dask runs give identical tables. For corpora too big
    for memory, use :func:`newsvoices.runner.run` (``newsvoices analyze --out``),
    which streams the tables to disk.

    Args:
        corpus: a :class:`Corpus`, or anything ``load_corpus`` accepts (file, folder, glob, list).
        progress: show a tqdm progress bar.
        workers: worker processes (default: all cores; small corpora stay in this process).
        engine: ``local`` or ``dask``.
        scheduler: Dask scheduler address, Client or cluster (None: a LocalCluster).
        cache_dir: folder for the result cache (reruns reuse unchanged articles).
        time_budget: seconds per article before it is logged as skipped
            (default :data:`newsvoices.runner.DEFAULT_TIME_BUDGET`).
        columns: column mapping for CSV/JSONL inputs, e.g. ``{"text": "body"}``.
    """
    from . import runner

    acc: dict[str, list[dict[str, Any]]] = {k: [] for k in ("articles", "paragraphs", "quotes", "speakers", "mentions")}
    log: list[dict[str, Any]] = []
    cache = runner.ResultCache(cache_dir) if cache_dir else None
    bar = runner._Progress(progress, runner.count_inputs(corpus, columns) if progress else None)
    try:
        for item, status, payload in runner.iter_results(
            corpus, workers=workers, time_budget=runner.DEFAULT_TIME_BUDGET if time_budget is None else time_budget,
            cache=cache, engine=engine, scheduler=scheduler, columns=columns, on_result=bar,
        ):
            log.append(runner.log_row(item, status, payload))
            if status == "processed":
                for k, v in payload.items():
                    if k in acc:
                        acc[k].extend(v)
    finally:
        bar.close()
        if cache is not None:
            cache.close()
    post = runner.corpus_pass()  # corpus-level: speakers' voices propagated across articles
    if post is not None:
        acc["speakers"], acc["quotes"] = post(acc["speakers"], acc["quotes"])
    _identity.merge_surnames(acc["speakers"], acc["quotes"], acc["mentions"])  # "Trump" -> "Donald Trump"
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

    def where(n: str):
        # a single file (local engine) or a folder of partitions (dask engine)
        for p in (d / f"{n}.parquet", d / n):
            if p.is_file() or (p.is_dir() and any(p.glob("*.parquet"))):
                return p
        return None

    missing = [n for n in TABLE_NAMES if where(n) is None]
    if missing:
        raise ValueError(f"{d}: missing tables {missing}; run `newsvoices analyze PATH --out {d}` first")
    return Analysis({n: pd.read_parquet(where(n)) for n in TABLE_NAMES})


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
