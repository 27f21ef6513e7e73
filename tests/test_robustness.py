"""Bad input never breaks a run or writes a wrong offset (property-based and pathological tests).

For every input: no exception escapes ``analyze``; the article is processed (an
exception inside the analysis would show as a skip and fail these tests, since
it is a bug); every quote satisfies ``text[start:end] == quote text``; every
mention and speaker span lies inside the text; no quote overlaps another.
Pathological texts must take linear time: we compare CPU time at n and 4n
(linear: x4; quadratic: x16) with a generous bound, so the tests do not flake.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsvoices import analyze, pipeline
from newsvoices.checks import counts, violations
from newsvoices.model import Article

from conftest import shared_path

QUOTE_MARKS = ['"', "'", "“", "”", "„", "‟", "‘", "’", "‚", "‛", "«", "»", "‹", "›", "「", "」", "『", "』",
               "``", "''", "″", "〝", "〞", "＂"]
WORDS = ["said", "says", "told", "Ann Lee", "Mr Bates", "he", "she", "the Home Office", "a spokesperson",
         "According to", "We", "will", "not", "accept", "this", ",", ".", ":", "!", "?", "—", "…", "(", ")"]
SPACE = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2028"]

settings.register_profile("newsvoices", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("newsvoices")


def check(texts: list[str]) -> None:
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    res = analyze(arts, workers=1)
    log = res.run_log
    bad = log[log["status"] != "processed"]
    assert bad.empty, f"analysis raised on: {bad['reason'].tolist()}"
    assert violations(res) == []


news_like = st.lists(st.one_of(st.sampled_from(QUOTE_MARKS), st.sampled_from(WORDS), st.sampled_from(SPACE),
                               st.text(min_size=1, max_size=8)), max_size=120).map("".join)


@given(st.text(max_size=3000))
def test_random_unicode(text):
    check([text])


@given(news_like)
def test_random_quotation_marks_of_every_style(text):
    check([text])


@given(st.lists(st.tuples(st.sampled_from(QUOTE_MARKS[:6]), st.text(alphabet="abc ,.\n", max_size=30),
                          st.sampled_from(QUOTE_MARKS[:6] + [""]), st.sampled_from([' said Ann Lee. ', ' ', '\n'])),
                max_size=40))
def test_unbalanced_nested_and_mixed_quotes(parts):
    check(["Title\n" + "".join(o + body + c + tail for o, body, c, tail in parts)])


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\t \r\n \u00a0", "\u2028\u2029", '"', "“”", "'" * 3, "\x00"])
def test_empty_and_whitespace_articles(text):
    check([text])


def _cpu(text: str):
    art = Article(id="p", text=text)
    t0 = time.process_time()
    rows = pipeline.analyze_article(art)
    return time.process_time() - t0, rows


def _assert_linear(make, n: int) -> None:
    t1, _ = _cpu(make(n))
    t4, _ = _cpu(make(4 * n))
    # linear gives ~4x, quadratic 16x; below 1.5 s of CPU we do not judge (timer noise)
    assert t4 < max(1.5, 10 * t1), f"n={n}: {t1:.3f}s, 4n: {t4:.3f}s (super-linear?)"


PATHOLOGICAL = {
    "straight double quotes": lambda n: '"' * n,
    "curly quotes": lambda n: "“" * (n // 2) + "”" * (n // 2),
    "alternating marks": lambda n: ('"a“b”c\'d‘e’' * (n // 12 + 1))[:n],
    "apostrophes": lambda n: "'" * (n // 4) + " it's " * (n // 8),
    "one long sentence": lambda n: "He said that " + "the committee, which met again, " * (n // 32) + "agreed.",
    "unclosed quote then words": lambda n: 'Ann Lee said: "' + "words and more words " * (n // 21),
    "many short quotes": lambda n: '"Yes," said Ann Lee. ' * (n // 21),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_text_takes_linear_time(name):
    _assert_linear(PATHOLOGICAL[name], 60_000)


def test_one_megabyte_of_quotation_marks_and_100k_apostrophes():
    for text in ('"' * 1_000_000, "'" * 100_000, "“" * 500_000 + "”" * 500_000):
        check([text])


def test_single_1mb_paragraph_and_10000_paragraphs():
    prose = "The committee met again on Tuesday and the members, who had travelled far, discussed the plan. " * 20
    para = ((prose + 'Ann Lee said: "We disagree with the minister." ') * 600)[:1_000_000]
    many = "Title\n" + "\n".join(f'"Point {i} stands," said Ann Lee.' if i % 10 == 0 else f"Line {i} of the story."
                                 for i in range(10_000))
    check([para, many])
    res = analyze([Article(id="many", text=many)], workers=1)
    assert len(res.paragraphs) == 10_001


# --------------------------------------------------------------------------- real corpora
CORPORA = ["bbc-news-2005", "allsides-abp-immigration-crime", "basil-media-bias", "guardian-qatar-migrant-workers-2022"]
EXPECTED = {"bbc-news-2005": 2225, "allsides-abp-immigration-crime": 2774, "basil-media-bias": 300,
            "guardian-qatar-migrant-workers-2022": 53}


@pytest.mark.shared
@pytest.mark.parametrize("name", CORPORA)
def test_invariants_on_every_shared_corpus(name):
    from newsvoices import load_corpus

    path = shared_path("corpora", name)
    corpus = load_corpus(path)
    assert len(corpus.articles) == EXPECTED[name] and corpus.skipped == []
    per = int(os.environ.get("NEWSVOICES_CORPUS_SAMPLE", "80"))  # 0: every article
    arts = corpus.articles
    sample = arts if per <= 0 or per >= len(arts) else [arts[i * len(arts) // per] for i in range(per)]
    res = analyze(sample, workers=1)
    found = violations(res)
    n = counts(res)
    print(f"\n{name}: {len(arts)} articles, sample {len(sample)}: {n}")
    assert n["processed"] == len(sample), res.run_log.loc[res.run_log["status"] != "processed", "reason"].tolist()[:5]
    assert found == []
