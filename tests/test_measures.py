"""Space measures, official response, silence and bootstrap intervals on hand-built tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from newsvoices import measures


def Q(article_id, start, words, voice, speaker_id, kind="direct", position=None, speaker=None):
    return {"article_id": article_id, "start": start, "end": start + 5, "text": "x" * words, "kind": kind,
            "n_words": words, "voice_type": voice, "speaker_id": speaker_id,
            "speaker": speaker or speaker_id, "position": position if position is not None else start / 100}


@pytest.fixture()
def tables():
    quotes = pd.DataFrame([
        Q("a1", 10, 60, "advocacy", "bates"),
        Q("a1", 30, 20, "commentator", "tomlinson"),
        Q("a1", 50, 10, "official", "home-office", kind="indirect"),
        Q("a1", 95, 20, "official", "home-office"),
        Q("a2", 5, 50, "official", "ice"),
        Q("a2", 60, 50, "public", "a2#a-resident"),
        Q("a3", 20, 40, None, None),
        Q("a3", 70, 40, "politician", "ted-cruz"),
    ])
    articles = pd.DataFrame({
        "id": ["a1", "a2", "a3", "a4"], "outlet": ["GB", "CNN", "Fox", "Fox"],
        "date": ["2020-01-02", "2019-05-05", None, "2020-03-03"],
        "bias_text": ["right", "left", "right", "right"],
        "text": ["", "", "", ""],
    })
    return quotes, articles


def test_voice_space_per_article_and_group(tables):
    quotes, articles = tables
    vs = measures.voice_space(quotes)
    a1 = vs[vs["article_id"] == "a1"].set_index("voice_type")
    assert a1.loc["official", "words"] == 20  # the indirect quote is not counted
    assert a1.loc["advocacy", "share"] == pytest.approx(0.6)
    assert vs.groupby("article_id")["share"].sum().round(9).eq(1).all()
    a3 = vs[vs["article_id"] == "a3"].set_index("voice_type")
    assert a3.loc["unattributed", "share"] == pytest.approx(0.5)
    pooled = measures.voice_space(quotes.merge(articles.rename(columns={"id": "article_id"})[["article_id", "bias_text"]]),
                                  by="bias_text")
    right = pooled[pooled["bias_text"] == "right"].set_index("voice_type")
    assert right.loc["official", "share"] == pytest.approx(20 / 180)
    allk = measures.voice_space(quotes, by=[], kind=None)
    assert allk["words"].sum() == 290


def test_speaker_space(tables):
    quotes, _ = tables
    sp = measures.speaker_space(quotes)
    a1 = sp[sp["article_id"] == "a1"]
    assert list(a1["speaker_id"]) == ["bates", "home-office", "tomlinson"]  # words desc, then id
    assert a1.iloc[0]["share"] == pytest.approx(0.6)
    corpus = measures.speaker_space(quotes, by=[])
    assert corpus.iloc[0]["speaker_id"] == "bates"
    assert corpus["share"].sum() == pytest.approx(240 / 280)  # unattributed words are in the denominator


def test_article_measures(tables):
    quotes, articles = tables
    m = measures.article_measures(quotes, articles).set_index("article_id")
    a1 = m.loc["a1"]
    assert (a1["quotes"], a1["direct_quotes"], a1["quoted_words"], a1["voices"]) == (4, 3, 100, 3)
    assert a1["first_speaker"] == "bates" and a1["last_voice"] == "official"
    assert a1["has_official"] and a1["official_quotes"] == 1
    assert a1["official_share"] == pytest.approx(0.2)
    assert a1["official_first_position"] == pytest.approx(0.95)  # direct quotes: the reported speech is earlier
    assert a1["has_official_any"] and not m.loc["a3", "has_official_any"]
    assert a1["top_voice"] == "advocacy"
    assert m.loc["a2", "official_first_position"] == pytest.approx(0.05)
    assert not m.loc["a3", "has_official"] and m.loc["a3", "official_share"] == 0
    a4 = m.loc["a4"]
    assert a4["quotes"] == 0 and math.isnan(a4["official_share"]) and pd.isna(a4["first_speaker"])
    assert m.loc["a1", "year"] == 2020 and pd.isna(m.loc["a3", "year"])
    assert m.loc["a1", "bias_text"] == "right"


def test_official_response_keeps_interface(tables):
    quotes, articles = tables
    o = measures.official_response(quotes, articles).set_index("article_id")
    assert list(o.columns) == ["has_official", "official_quotes", "quotes", "official_words", "words",
                               "official_share", "official_first_position"]
    assert o.loc["a1", "official_first_position"] == pytest.approx(0.95)  # direct quotes only here
    assert o.loc["a2", "official_share"] == pytest.approx(0.5)


def test_voice_positions(tables):
    quotes, _ = tables
    p = measures.voice_positions(quotes)
    ho = p[(p["article_id"] == "a1") & (p["speaker_id"] == "home-office")].iloc[0]
    assert (ho["first_position"], ho["last_position"], ho["quotes"]) == (0.5, 0.95, 2)
    assert "unattributed" in set(p["speaker_id"])


def test_group_summary(tables):
    quotes, articles = tables
    g = measures.group_summary(measures.article_measures(quotes, articles), "bias_text").set_index("bias_text")
    assert g.loc["right", "articles"] == 3 and g.loc["right", "articles_with_quotes"] == 2
    assert g.loc["right", "has_official"] == pytest.approx(0.5)
    assert g.loc["right", "official_share"] == pytest.approx(20 / 180)
    assert g.loc["left", "official_share"] == pytest.approx(0.5)
    y = measures.group_summary(measures.article_measures(quotes, articles), "year")
    assert set(y["year"].dropna()) == {2019, 2020}


def _synthetic(n=400, p_official=0.3, seed=1):
    rng = np.random.default_rng(seed)
    rows, arts = [], []
    for i in range(n):
        aid = f"x{i}"
        group = "left" if i % 2 else "right"
        arts.append({"id": aid, "bias_text": group, "outlet": f"o{i % 7}", "text": ""})
        share = p_official if group == "left" else p_official / 3
        off = int(rng.binomial(100, share))
        rows.append(Q(aid, 1, off, "official", "gov"))
        rows.append(Q(aid, 50, 100 - off, "advocacy", "ngo"))
    return pd.DataFrame(rows), pd.DataFrame(arts)


def test_bootstrap_shares_cover_truth_and_are_deterministic():
    quotes, articles = _synthetic()
    b = measures.bootstrap_shares(quotes, articles, by="bias_text", n_boot=300, seed=7)
    left = b[(b["bias_text"] == "left") & (b["voice_type"] == "official")].iloc[0]
    right = b[(b["bias_text"] == "right") & (b["voice_type"] == "official")].iloc[0]
    assert left["ci_low"] < 0.3 < left["ci_high"] and right["ci_low"] < 0.1 < right["ci_high"]
    assert left["ci_low"] < left["share"] < left["ci_high"]
    assert right["ci_high"] < left["ci_low"]  # a real difference is detected
    assert 0 < left["ci_high"] - left["ci_low"] < 0.05
    again = measures.bootstrap_shares(quotes, articles, by="bias_text", n_boot=300, seed=7)
    pd.testing.assert_frame_equal(b, again)
    other = measures.bootstrap_shares(quotes, articles, by="bias_text", n_boot=300, seed=8)
    assert not other["ci_low"].equals(b["ci_low"])
    # a group's interval does not depend on which other groups are present
    only_left = measures.bootstrap_shares(quotes, articles[articles["bias_text"] == "left"], by="bias_text",
                                          n_boot=300, seed=7)
    assert only_left.loc[only_left["voice_type"] == "official", "ci_low"].item() == left["ci_low"]
    corpus = measures.bootstrap_shares(quotes, articles, n_boot=200)
    assert set(corpus["voice_type"]) == {"official", "advocacy"} and corpus["share"].sum() == pytest.approx(1)


def test_bootstrap_official():
    quotes, articles = _synthetic()
    m = measures.article_measures(quotes, articles)
    b = measures.bootstrap_official(m, by="bias_text", n_boot=300).set_index("bias_text")
    assert b.loc["left", "official_share_low"] < 0.3 < b.loc["left", "official_share_high"]
    assert b.loc["left", "has_official"] <= 1 and b.loc["left", "articles"] == 200
    for stat in ["official_share", "mean_official_share", "has_official"]:
        assert (b[f"{stat}_low"] <= b[stat]).all() and (b[stat] <= b[f"{stat}_high"]).all()
    whole = measures.bootstrap_official(m, n_boot=100)
    assert len(whole) == 1 and whole["articles"].item() == 400


def test_non_responses_and_silence():
    text = ("Police arrest man\n"
            "Officers arrested John Doe on Monday, Chief Ann Lee said.\n"
            "A spokesperson for ICE did not respond to a request for comment.\n"
            "Lawyers for Mr Doe declined to comment on Tuesday.\n"
            "His employer, Acme, was not mentioned again. Acme declined to comment.\n"
            "A neighbour declined to comment.")
    arts = pd.DataFrame({"id": ["t"], "text": [text]})

    def men(eid, name, s):
        i = text.index(s)
        return {"article_id": "t", "entity_id": eid, "name": name, "start": i, "end": i + len(s), "text": s, "quoted": False}

    mentions = pd.DataFrame([
        men("john-doe", "John Doe", "John Doe"), men("ann-lee", "Ann Lee", "Ann Lee"),
        men("ice", "ICE", "ICE"), men("john-doe", "John Doe", "Mr Doe"),
        men("acme", "Acme", "Acme,"),
    ])
    quotes = pd.DataFrame([{"article_id": "t", "speaker_id": "ann-lee"}])
    nr = measures.non_responses(arts, mentions)
    assert list(nr["phrase"].str.lower()) == ["did not respond to a request for comment", "declined to comment",
                                              "declined to comment", "declined to comment"]
    # "Acme declined": no mention in the sentence, but the name of an entity of the article
    assert list(nr["entity_id"].fillna("-")) == ["ice", "john-doe", "acme", "-"]
    assert nr.iloc[3]["actor_text"] == "A neighbour"
    s = measures.silence(mentions, quotes, arts)
    assert "ann-lee" not in set(s["entity_id"])  # quoted
    doe = s[s["entity_id"] == "john-doe"].iloc[0]
    assert doe["mentions"] == 2 and doe["non_response"] == "declined to comment"
    assert s[s["entity_id"] == "ice"].iloc[0]["non_response"].startswith("did not respond")
    assert s[s["entity_id"] == "acme"].iloc[0]["non_response"] == "declined to comment"
    extra = s[s["entity_id"].isna()]
    assert list(extra["name"]) == ["A neighbour"] and extra["mentions"].item() == 0
    summ = measures.silence_summary(s)
    assert summ.iloc[0]["entity_id"] == "john-doe" and summ.iloc[0]["non_responses"] == 1


def test_non_response_phrases_are_data(tmp_path):
    bad = tmp_path / "nr.txt"
    bad.write_text("# c\n(unclosed\n", encoding="utf-8")
    arts = pd.DataFrame({"id": ["t"], "text": ["X declined."]})
    with pytest.raises(ValueError, match=r"nr.txt:2: bad pattern"):
        measures.non_responses(arts, pd.DataFrame(columns=["article_id", "entity_id", "name", "start", "end"]), bad)
    ok = tmp_path / "ok.txt"
    ok.write_text("declined\n", encoding="utf-8")
    nr = measures.non_responses(arts, pd.DataFrame(columns=["article_id", "entity_id", "name", "start", "end"]), ok)
    assert nr["actor_text"].tolist() == ["X"]


def test_charts_return_figures():
    import matplotlib.figure

    from newsvoices import charts

    quotes, articles = _synthetic(n=60)
    m = measures.article_measures(quotes, articles)
    b = measures.bootstrap_shares(quotes, articles, by="bias_text", n_boot=50)
    fig = charts.voice_share_groups(b, "bias_text")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["left (n=30)", "right (n=30)"]
    assert len(ax.patches) == 4  # 2 groups x 2 voice types
    figs = [fig, charts.official_share_distribution(m, "bias_text"), charts.official_share_distribution(m),
            charts.first_position_strip(measures.voice_positions(quotes)),
            charts.top_speakers(measures.speaker_space(quotes, by=[]), n=5)]
    s = measures.silence_summary(pd.DataFrame({"article_id": ["a", "b"], "entity_id": ["x", "x"], "name": ["X", "X"],
                                               "mentions": [2, 1], "non_response": ["declined to comment", None]}))
    figs.append(charts.silence_chart(s))
    assert all(isinstance(f, matplotlib.figure.Figure) for f in figs)
    html = charts.silence_html(pd.DataFrame({"article_id": ["a"], "name": ["<X>"], "mentions": [2], "non_response": [None]}))
    assert "&lt;X&gt;" in html and "<table" in html
    import matplotlib.pyplot as plt

    plt.close("all")
