"""Corpus-level speaker identity (issue 3): a person quoted by surname alone in an article takes the
full name the corpus's own articles use that surname for ("Trump" -> "Donald Trump"), the same in
memory and in a streamed run; ambiguous surnames stay as they are. Made-up names only.
"""

from __future__ import annotations

from newsvoices import analyze, load_tables, runner
from newsvoices.corpus import Article
from newsvoices.identity import SurnameMerge, merge_surnames

FULL = ('Budget talks\n\nGovernor Ada Pellworth spoke on Monday. "We will balance the books," Pellworth said.')
SHORT = 'Budget vote\n\n"The vote is a disgrace," Governor Pellworth said on Tuesday.'
UNTITLED = 'Budget vote\n\n"The vote is a disgrace," Pellworth said on Tuesday.'
TWO = ('Clinic\n\nCouncillor Ben Harrowgate runs the clinic. "We are full," Harrowgate said.')
TWO_B = ('Clinic\n\nCouncillor Lisa Harrowgate, his sister, works there. "We need staff," Harrowgate said.')
SHORT_B = 'Clinic row\n\n"It is over," Councillor Harrowgate said.'


def _articles():
    return [Article(id=f"f{i}", text=FULL) for i in range(3)] + [Article(id="s1", text=SHORT)]


def _ids(sp, article_id):
    return set(sp.loc[sp["article_id"] == article_id, "speaker_id"])


def test_surname_only_speaker_takes_the_full_name_in_memory():
    res = analyze(_articles(), workers=1)
    assert _ids(res.speakers, "s1") == {"ada-pellworth"}
    q = res.quotes
    assert set(q.loc[q["article_id"] == "s1", "speaker_id"]) == {"ada-pellworth"}
    # the text stays as written: the quote's speaker mention still points at "Pellworth"
    row = q[q["article_id"] == "s1"].iloc[0]
    assert SHORT[row["speaker_start"]:row["speaker_end"]].endswith("Pellworth")


def test_without_a_title_the_corpus_uses_a_surname_stays_as_it_is():
    # "Pellworth said" could be anyone called Pellworth: only a name the corpus nearly always
    # shortens to this surname (see test_merge_rules_on_rows) is merged without a title
    arts = [Article(id=f"f{i}", text=FULL) for i in range(3)] + [Article(id="s1", text=UNTITLED)]
    assert _ids(analyze(arts, workers=1).speakers, "s1") == {"pellworth"}


def test_surname_merge_is_the_same_streamed_to_disk(tmp_path):
    runner.run(_articles(), tmp_path, workers=1, chunk_articles=2)
    disk = load_tables(tmp_path)
    mem = analyze(_articles(), workers=1)
    assert _ids(disk.speakers, "s1") == {"ada-pellworth"}
    for name in ("speakers", "quotes"):
        assert mem.tables[name].to_csv(index=False) == disk.tables[name].to_csv(index=False)


def test_one_article_of_evidence_is_not_enough():
    res = analyze([Article(id="f0", text=FULL), Article(id="s1", text=SHORT)], workers=1)
    assert _ids(res.speakers, "s1") == {"pellworth"}


def test_a_surname_the_corpus_uses_for_two_people_stays_ambiguous():
    arts = [Article(id=f"b{i}", text=TWO) for i in range(2)] + [Article(id=f"l{i}", text=TWO_B) for i in range(2)]
    res = analyze(arts + [Article(id="s1", text=SHORT_B)], workers=1)
    assert _ids(res.speakers, "s1") == {"harrowgate"}


def test_merge_rules_on_rows():
    m = SurnameMerge(min_articles=2, min_share=0.75, strong_articles=4, strong_share=0.9)
    for a in ("a1", "a2", "a3"):
        m.count({"article_id": a, "entity_id": "ada-pellworth", "text": "Pellworth", "mention_kind": "surname"})
        m.count({"article_id": a, "entity_id": "ada-pellworth", "text": "Governor Ada Pellworth", "mention_kind": "name"})
    # repeated mentions in one article count once; a pronoun is no evidence
    m.count({"article_id": "a1", "entity_id": "ada-pellworth", "text": "Pellworth", "mention_kind": "surname"})
    m.count({"article_id": "a4", "entity_id": "tom-pellworth", "text": "Pellworth", "mention_kind": "surname"})
    m.count({"article_id": "a5", "entity_id": "tom-pellworth", "text": "he", "mention_kind": "pronoun"})
    m.decide()
    assert m.full == {"pellworth": "ada-pellworth"}  # 3 of 4 articles
    assert m.titles["ada-pellworth"] == {"governor"} and m.strong == set()
    m.note({"article_id": "x", "entity_id": "pellworth", "text": "Gov. Pellworth", "mention_kind": "name"})
    m.note({"article_id": "y", "entity_id": "pellworth", "text": "Mr. Pellworth", "mention_kind": "name"})
    row = {"article_id": "x", "speaker_id": "pellworth", "kind": "person"}
    assert m.target(row, {"pellworth"}) is None  # "gov" is not "governor"'s spelling: no title in common
    m.note({"article_id": "x", "entity_id": "pellworth", "text": "Governor Pellworth", "mention_kind": "name"})
    assert m.target(row, {"pellworth"}) == "ada-pellworth"
    assert m.target(row, {"pellworth", "ada-pellworth"}) is None  # the article already has her
    assert m.target({**row, "article_id": "y"}, set()) is None  # "Mr." says nothing
    assert m.target({**row, "kind": "organisation"}, set()) is None
    assert m.target({**row, "speaker_id": "x#pellworth"}, set()) is None

    strong = SurnameMerge(min_articles=2, strong_articles=3, strong_share=0.9)
    for a in ("a1", "a2", "a3"):
        strong.count({"article_id": a, "entity_id": "ada-pellworth", "text": "Pellworth", "mention_kind": "surname"})
    strong.decide()
    assert strong.strong == {"pellworth"}
    assert strong.target({**row, "article_id": "z"}, set()) == "ada-pellworth"  # nearly always her: no title needed

    speakers = [dict(row)]
    quotes = [{"article_id": "x", "speaker_id": "pellworth"}, {"article_id": "y", "speaker_id": "pellworth"}]
    mentions = [{"article_id": a, "entity_id": "ada-pellworth", "text": "Governor Pellworth", "mention_kind": "surname"}
                for a in ("a1", "a2")] + [{"article_id": "x", "entity_id": "pellworth", "text": "Governor Pellworth",
                                           "mention_kind": "name"}]
    assert merge_surnames(speakers, quotes, mentions) == 1
    assert speakers[0]["speaker_id"] == "ada-pellworth"
    assert [q["speaker_id"] for q in quotes] == ["ada-pellworth", "pellworth"]  # only article x's rows
    assert mentions[-1]["entity_id"] == "ada-pellworth"


def test_top_speakers_label_is_the_name_that_gives_the_id():
    import pandas as pd

    from newsvoices import measures

    rows = [("a1", "General Jeff Sessions"), ("a2", "Jeff Sessions"), ("a3", "Sessions"), ("a4", "Sessions"),
            ("a5", "Sessions"), ("a6", "Attorney General Jeff Sessions"), ("a7", "General Jeff Sessions")]
    q = pd.DataFrame({"article_id": [a for a, _ in rows], "speaker_id": "jeff-sessions",
                      "speaker": [n for _, n in rows], "voice_type": "official", "kind": "direct",
                      "text": "x", "n_words": 5, "position": 0.5})
    top = measures.speaker_space(q, by=[])
    assert top.loc[0, "speaker"] == "Jeff Sessions"  # spelled as the id, though "General ..." is more frequent
    assert top.loc[0, "quotes"] == 7 and top.loc[0, "articles"] == 7
    per_article = measures.speaker_space(q)
    assert list(per_article["speaker"]) == [n for _, n in rows]  # within an article: the name there


def test_the_full_name_must_look_like_a_person():
    def decided(eid, texts):
        m = SurnameMerge(min_articles=2)
        for i, t in enumerate(texts):
            m.count({"article_id": f"a{i}", "entity_id": eid, "text": t, "mention_kind": "surname"})
        m.decide()
        return m.full

    assert decided("grey-house", ["House", "House", "House"]) == {}  # no first name, never titled
    assert decided("zorvan-quell", ["Quell", "Quell"]) == {}
    assert decided("zorvan-quell", ["Quell", "St. Quell"]) == {}  # a place word is no title
    assert decided("zorvan-quell", ["Quell", "Sen. Quell"]) == {"quell": "zorvan-quell"}
    assert decided("ada-quell", ["Quell", "Quell"]) == {"quell": "ada-quell"}  # a first name of the list


def test_a_merged_speaker_is_not_also_discussed_but_unquoted(tmp_path):
    from newsvoices import measures

    runner.run(_articles(), tmp_path, workers=1, chunk_articles=2)
    for res in (analyze(_articles(), workers=1), load_tables(tmp_path)):
        m = res.mentions
        assert "pellworth" not in set(m.loc[m["article_id"] == "s1", "entity_id"])
        sil = measures.silence(res.mentions, res.quotes)
        assert not ((sil["article_id"] == "s1") & sil["entity_id"].str.contains("pellworth")).any()


def test_silence_summary_names_an_actor_as_spelled_by_its_id():
    import pandas as pd

    from newsvoices import measures

    sil = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "entity_id": "eric-holder",
                        "name": ["General Eric Holder", "General Eric Holder", "Eric Holder"],
                        "mentions": [2, 1, 1], "non_response": [None, "declined to comment", None]})
    top = measures.silence_summary(sil)
    assert top.loc[0, "name"] == "Eric Holder"
    assert (top.loc[0, "articles"], top.loc[0, "mentions"], top.loc[0, "non_responses"]) == (3, 4, 1)
