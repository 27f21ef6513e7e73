"""The explorer behind notebook 06: filters, widgets driving the views, static fallback."""

from __future__ import annotations

import pytest

from _reports import write_invented_corpus
from newsvoices.explore import ALL, Explorer, article_view, filter_quotes, quote_table


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    import newsvoices

    return newsvoices.analyze(write_invented_corpus(tmp_path_factory.mktemp("c") / "c.jsonl"))


def test_filters_combine(invented):
    q = invented.quotes
    assert len(q) >= 5
    assert set(filter_quotes(q, outlet="weekly sample")["article_id"]) == {"t3"}
    assert len(filter_quotes(q, outlet=ALL, voice=ALL, speaker="", search="  ")) == len(q)
    hits = filter_quotes(q, search="BRIDGE")
    assert len(hits) >= 1 and all("bridge" in t.lower() for t in hits["text"])
    assert filter_quotes(q, search="(unbalanced [regex").empty, "search is plain text, not a pattern"
    assert filter_quotes(q, outlet="Daily Example", search="library").empty
    unattributed = filter_quotes(q, voice="unattributed")
    assert unattributed["voice_type"].isna().all() or (unattributed["voice_type"].fillna("") == "").all()
    named = q.dropna(subset=["speaker"])
    if len(named):
        who = named["speaker"].iloc[0]
        part = who.split()[-1].lower()
        got = filter_quotes(q, speaker=part)
        assert len(got) >= 1 and all(part in s.lower() for s in got["speaker"])


def test_widgets_drive_the_views(invented):
    ex = Explorer(invented)
    assert ex.widget is not None, "ipywidgets is installed with the notebook extras"
    assert ex.w_outlet.options == (ALL, "Daily Example", "Weekly Sample")
    ex.w_outlet.value = "Weekly Sample"
    assert set(ex.matching()["article_id"]) == {"t3"}
    assert [v for _, v in ex.w_article.options] == ["t3"], "article choices follow the filters"
    ex.w_outlet.value = ALL
    ex.w_search.value = "fares"
    assert set(ex.matching()["article_id"]) == {"t2"}
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle, "a live widget in JupyterLab"
    assert "Static view" in bundle["text/html"] and "<img" in bundle["text/html"], "and a static fallback"


def test_views_render(invented):
    q = invented.quotes
    html = quote_table(q, max_rows=2)
    assert f"{len(q):,} matching quotes" in html and f"Showing 2 of {len(q)}" in html
    view = article_view(invented, "t1", q)
    assert view.count('<mark class="nv-q nv-direct') + view.count('<mark class="nv-q nv-indirect') == (q["article_id"] == "t1").sum()
    assert "No article" in article_view(invented, "nope", q)
