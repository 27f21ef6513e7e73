"""The seed article end to end: voice types, space of the official response, silence (issue 2)."""

from __future__ import annotations

import pytest

from newsvoices import measures


def _speaker(result, name):
    sp = result.speakers
    hit = sp[sp["name"] == name]
    assert len(hit) == 1, (name, sp[["speaker_id", "name"]].to_dict("records"))
    return hit.iloc[0]


def test_seed_voice_types(seed_result):
    r = seed_result
    assert _speaker(r, "Home Office")["voice_type"] == "official"
    assert _speaker(r, "Connor Tomlinson")["voice_type"] == "commentator"
    assert _speaker(r, "Robert Bates")["voice_type"] == "advocacy"
    assert _speaker(r, "Centre for Migration Control")["voice_type"] == "advocacy"
    assert _speaker(r, "Jess Phillips")["voice_type"] == "politician"  # "the Labour MP"
    q = r.quotes[r.quotes["kind"] == "direct"].sort_values("start")
    voices = q.groupby("paragraph")["voice_type"].first()
    # paragraphs are 0-based: line n of the file is paragraph n - 1
    assert set(voices.loc[[5, 6, 7, 9]]) == {"civil_servant"}
    assert set(voices.loc[[11, 12, 13, 14, 15]]) == {"commentator"}
    assert set(voices.loc[[19, 20, 21, 22, 23, 24]]) == {"advocacy"}
    assert set(voices.loc[[25, 26]]) == {"official"}  # the Home Office spokesperson
    spokes = q[q["paragraph"].isin([25, 26])]
    assert set(spokes["speaker_id"]) == {"home-office"}  # the spokesperson speaks for the Home Office
    # the two anonymous civil servants stay distinct
    cs = q[q["voice_type"] == "civil_servant"]["speaker_id"]
    assert cs.nunique() == 2 and all("#" in s for s in cs)
    # every assignment records its rule
    assert r.speakers["voice_rule"].notna().all()


def test_seed_official_response_space(seed_result):
    o = measures.official_response(seed_result.quotes, seed_result.articles).iloc[0]
    assert o["quotes"] == 17 and o["official_quotes"] == 2
    assert 0.08 <= o["official_share"] <= 0.13
    assert o["official_first_position"] >= 0.9  # the last 10% of the article's paragraphs
    m = measures.article_measures(seed_result.quotes, seed_result.articles).iloc[0]
    assert m["first_voice"] == "civil_servant" and m["last_voice"] == "official"
    assert m["top_voice"] in {"commentator", "advocacy"}  # 152 vs 151 words: a near tie


def test_seed_discussed_but_never_quoted(seed_result):
    s = measures.silence(seed_result.mentions, seed_result.quotes, seed_result.articles, seed_result.speakers)
    by_name = s.set_index("name")
    assert {"Jess Phillips", "Matthew Rycroft"} <= set(by_name.index)
    assert by_name.loc["Jess Phillips", "mentions"] >= 5  # headline and body
    assert by_name.loc["Matthew Rycroft", "mentions"] >= 2
    for quoted in ["Robert Bates", "Connor Tomlinson", "Home Office", "Centre for Migration Control"]:
        assert quoted not in set(by_name.index)
    text = seed_result.articles["text"].iloc[0]
    ph = seed_result.mentions[seed_result.mentions["name"] == "Jess Phillips"]
    assert (ph["start"] < text.index("\n")).any()  # the headline mention counts


@pytest.mark.parametrize("group", ["outlet", "year"])
def test_seed_group_tables(seed_result, group):
    m = measures.article_measures(seed_result.quotes, seed_result.articles)
    g = measures.group_summary(m, group)
    assert len(g) == 1 and g["official_share"].iloc[0] == pytest.approx(m["official_share"].iloc[0])
    b = measures.bootstrap_official(m, by=group, n_boot=50)
    assert b["official_share_low"].iloc[0] == pytest.approx(b["official_share"].iloc[0])  # one article
