"""Offsets and overlaps on real corpora in ../shared/corpora (skipped where absent).

A deterministic sample of each corpus (every k-th article, at most 150) keeps this
under a few seconds per corpus.
"""

from __future__ import annotations

import json

import pytest

from newsvoices.extract import extract
from newsvoices.model import Article

from conftest import shared_path

CORPORA = ["bbc-news-2005", "allsides-abp-immigration-crime", "basil-media-bias",
           "guardian-qatar-migrant-workers-2022"]
MAX_ARTICLES = 150


def _sample(path) -> list[Article]:
    arts: list[Article] = []
    if path.is_dir() and not (path / "articles.jsonl").exists():
        files = sorted(path.rglob("*.txt"))
        step = max(1, len(files) // MAX_ARTICLES)
        for f in files[::step][:MAX_ARTICLES]:
            arts.append(Article(f.stem, f.read_bytes().decode("utf-8", errors="replace")))
        return arts
    with (path / "articles.jsonl").open(encoding="utf-8") as fh:
        lines = fh.readlines()
    step = max(1, len(lines) // MAX_ARTICLES)
    for n, line in enumerate(lines[::step][:MAX_ARTICLES]):
        rec = json.loads(line)
        if isinstance(rec.get("text"), str) and rec["text"].strip():
            arts.append(Article(str(rec.get("id", n)), rec["text"]))
    return arts


@pytest.mark.shared
@pytest.mark.parametrize("name", CORPORA)
def test_quotes_are_offsets_and_never_overlap(name):
    arts = _sample(shared_path("corpora", name))
    assert arts, f"no articles read from {name}"
    n_quotes = 0
    for art in arts:
        ex = extract(art)
        text = art.text
        spans = []
        for q in ex.quotes:
            assert text[q.start:q.end] == q.text, (art.id, q)
            assert 0 <= q.start < q.end <= len(text)
            if q.speaker_start is not None:
                assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
            spans.append((q.start, q.end))
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, (art.id, (s1, e1), (s2, e2))
        keys = {e.key for e in ex.entities}
        for m in ex.mentions:
            assert text[m.start:m.end] == m.text and m.entity in keys
        n_quotes += len(ex.quotes)
    assert n_quotes > 0
