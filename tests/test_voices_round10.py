"""Round 10 of issue 3 (voice-type accuracy): made-up sentences only."""

from __future__ import annotations

import pytest
import yaml

from newsvoices import voices
from newsvoices.model import Article
from newsvoices.pipeline import analyze_article


def _quote_speakers(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(q["cue"], q["speaker"], q["voice_type"]) for q in analyze_article(Article("t", text))["quotes"]]


def test_passive_cue_leaves_its_subject_no_source():
    """'X was asked / was seen / had been told': X is spoken to or acted upon, not the speaker."""
    qs = _quote_speakers("Police Chief Dana Orvell was asked whether the curfew would end early.")
    assert [cue for cue, _, _ in qs] == ["asked"] and all(spk is None for _, spk, _ in qs)
    # the active voice keeps its speaker
    qs = _quote_speakers("Police Chief Dana Orvell asked whether the curfew would end early.")
    assert any(cue == "asked" and spk and "Orvell" in spk for cue, spk, _ in qs)


@pytest.mark.parametrize("text, cue, ok", [
    ("Jo Roe was asked about the plan.", "asked", False),
    ("Jo Roe had been repeatedly told that the plan was off.", "told", False),
    ("Jo Roe is not believed to have left.", "believed", False),
    ("Jo Roe asked why the plan was off.", "asked", True),
    # a stance adjective after "is" is no passive cue
    ("Jo Roe is concerned that the plan is off.", "concerned", True),
])
def test_is_speech_cue_reads_the_passive(text, cue, ok):
    start = text.index(cue)
    assert voices.is_speech_cue(cue, None, text, start, 0) is ok


def test_passive_agent_after_the_cue_stays_the_speaker():
    """'a letter was written by the sheriff': the speaker after the cue is the agent."""
    t = "The letter was written by the sheriff."
    assert voices.is_speech_cue("written", None, t, t.index("written"), t.index("sheriff"))


def test_passive_cues_must_be_a_list(tmp_path):
    data = yaml.safe_load(voices.CODEBOOK_PATH.read_text(encoding="utf-8"))
    data["context"]["passive_cues"] = "asked"
    p = tmp_path / "cb.yml"
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="passive_cues"):
        voices.load_codebook(p)
    data["context"]["passive_cues"] = ["asked"]
    data["context"]["passive_marker"] = "(?:was"
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="passive_marker"):
        voices.load_codebook(p)


def _doc_issuer(text: str, mention: str, name: str, others=()):
    from newsvoices.extract import Entity, Mention

    i = text.index(mention)
    e = Entity("e1", name, "group")
    ents = [e] + [o[0] for o in others]
    ms = [Mention("e1", i, i + len(mention), mention, "nominal")] + [o[1] for o in others]
    return voices.document_issuer(text, e, ms, {o[0].key: o[2] for o in others}, ents)


def test_document_issuer_in_lower_case_or_said_in_a_release():
    """'the administration released a report', 'state police said in a news release ... The statement'."""
    assert _doc_issuer("The administration released a report arguing that reform helps.", "a report",
                       "report") == ("official", "anonymous-official@issuer")
    t = "Later, state police said in a news release that roads stay shut. The statement urged drivers to wait."
    assert _doc_issuer(t, "The statement", "statement") == ("official", "anonymous-official@issuer")
    # no issuer named anywhere: nothing decides
    assert _doc_issuer("Roads stay shut. The statement urged drivers to wait.", "The statement", "statement") is None


def test_document_issuer_pronoun_and_sentence_subject():
    """'She issued a statement' -> the person named before; 'In his own statement, X ...' -> X."""
    from newsvoices.extract import Entity, Mention

    kim = (Entity("p", "Kim Vale", "person"), Mention("p", 0, 8, "Kim Vale", "name"), ("official", "executive-office"))
    t = "Kim Vale spoke on Monday. She quickly issued a statement saying the plan was wrong."
    assert _doc_issuer(t, "a statement", "statement", [kim]) == ("official", "executive-office@issuer")
    t = "Kim Vale spoke on Monday. In her own statement, Vale dismissed the plan."
    assert _doc_issuer(t, "statement", "statement", [kim]) == ("official", "executive-office@issuer")
    # a person named after the document in another kind of sentence is no issuer
    t = "Kim Vale spoke on Monday. The rally ended after her statement, Vale said."
    assert _doc_issuer(t, "statement", "statement", [kim]) is None


@pytest.mark.parametrize("name, kind, description, voice", [
    # people familiar with / briefed on a matter are unnamed sources, not members of the public
    ("two people familiar", "anonymous", "people familiar", "anonymous"),
    ("several people", "anonymous", "people briefed", "anonymous"),
    # "retired" makes a former official only with an office named
    ("Jo Quill", "person", "a retired flooring installer", "public"),
    ("Jo Quill", "person", "a retired FBI agent", "expert"),
    # a radio host with a party-coloured adjective is media
    ("Jo Quill", "person", "a conservative radio host", "commentator"),
    ("Essayist Jo Quill", "person", None, "commentator"),
    # an organisation the extractor took for a person
    ("Vets for Open Borders", "person", None, "advocacy"),
    ("Zorvia Bureau of Investigation", "person", None, "official"),
    ("Zorvia Group", "person", "an advocacy group that seeks to end detention", "advocacy"),
    # trade associations and industry groups are business
    ("Zorvia Manufacturers Association", "organisation", None, "business"),
    ("National Association of Home Builders", "organisation", None, "business"),
    ("Farm groups", "group", None, "business"),
    ("Police Benevolent Association", "organisation", None, "advocacy"),
    # legislators negotiating or writing a bill
    ("House negotiators", "organisation", None, "politician"),
    ("the bill's authors", "group", "authors", "politician"),
    ("the report's authors", "group", "authors", "expert"),
    # a local pastor, priest or rabbi speaks as a member of the public; a bishop or an organiser for a body
    ("Jo Quill", "person", "an associate pastor at a church in town", "public"),
    ("the synagogue's rabbi", "anonymous", "rabbi", "public"),
    ("Jo Quill", "person", "a pastor organising the protests", "advocacy"),
    ("Jo Quill", "person", "bishop of the Zorvia diocese", "advocacy"),
    # the head of an "X for Y" organisation speaks for it, not for business
    ("Jo Quill", "person", "CEO of the Zorvia Center for Safer Streets", "advocacy"),
    ("Jo Quill", "person", "CEO of Zorvia Motors Inc.", "business"),
    # a paper is research; "the paper" stays the newspaper
    ("a new paper", "anonymous", "new paper", "expert"),
    ("the paper", "anonymous", "paper", "commentator"),
])
def test_round10_codebook_readings(name, kind, description, voice):
    from newsvoices.extract import Entity

    assert voices.classify_speaker(Entity("e", name, kind, description))[0] == voice


def test_a_poll_is_research_whoever_commissioned_it():
    from newsvoices.extract import Entity

    assert voices.classify_speaker(Entity("e", "a Zorvia News poll", "group")) == ("expert", "poll-named")
    assert voices.classify_speaker(Entity("e", "Marine Corps statement", "group"))[0] == "official"
    # a public body's survey goes to its issuer
    assert voices.classify_speaker(Entity("e", "Home Office survey", "group"))[0] == "official"


@pytest.mark.parametrize("cue", ["want", "wants", "knew", "understand", "intends", "find"])
def test_wants_and_knowledge_told_from_outside_are_no_speech(cue):
    """'people who want to move here', 'prosecutors knew', 'what migrants understand'."""
    assert not voices.is_speech_cue(cue)


@pytest.mark.parametrize("cue", ["continued", "press", "found", "finds", "said"])
def test_speech_and_findings_stay_cues(cue):
    """'he continued', 'press secretary' read as a cue, 'the study found'."""
    assert voices.is_speech_cue(cue)


def test_a_want_reported_from_outside_leaves_no_speaker():
    qs = _quote_speakers("Many young migrants want to stay in the country for good.")
    assert [cue for cue, _, _ in qs] == ["want"] and all(spk is None for _, spk, _ in qs)


def test_role_noun_read_as_a_verb_makes_the_phrase_its_modifier():
    """'immigrant advocates hate it' read as 'immigrant' + cue 'advocates': advocacy."""
    from newsvoices.extract import Entity, Mention

    t = "But immigrant advocates hate it because it is harsh."
    i = t.index("immigrant")
    e = Entity("e1", "immigrant", "group")
    assert voices.classify_article(t, [e], [Mention("e1", i, i + 9, "immigrant", "nominal")])["e1"] == (
        "advocacy", "anonymous-advocacy@head-noun")
    # a named person followed by the verb stays a person
    t = "Later, a refugee named Ali advocates for the others."
    e = Entity("e1", "a refugee named Ali", "anonymous", "refugee named ali")
    i = t.index("a refugee")
    assert voices.classify_article(t, [e], [Mention("e1", i, i + 18, "a refugee named Ali", "nominal")])["e1"][0] == "public"
    # no role noun after the phrase: unchanged
    t = "But immigrant families hate it."
    e = Entity("e1", "immigrant families", "group", "families")
    assert voices.classify_article(t, [e], [Mention("e1", 4, 22, "immigrant families", "nominal")])["e1"][0] == "public"


def test_former_before_a_titled_name_makes_the_office_past():
    """'As former Agency Director Jo Vale has explained': a former official, not one in office."""
    from newsvoices.extract import Entity, Mention

    name = "Zorvia Agency Director Jo Vale"
    e = Entity("e1", name, "person", "Zorvia Agency Director")
    for text, voice in (("As former Zorvia Agency Director Jo Vale has explained, it fails.", "expert"),
                        ("As Zorvia Agency Director Jo Vale has explained, it fails.", "official")):
        s = text.index("Zorvia")
        got = voices.classify_article(text, [e], [Mention("e1", s, s + len(name), name, "name")])["e1"]
        assert got[0] == voice


def test_party_officials_are_politicians():
    from newsvoices.extract import Entity

    assert voices.classify(Entity("e", "Democratic officials", "group", "officials", "Democratic"))[0] == "politician"


def test_document_issuer_before_a_comma_in_a_statement():
    """'Commissioner Kim Vale, in a statement Saturday, said ... "...," the statement said.'"""
    from newsvoices.extract import Entity, Mention

    t = ('Zorvia Police Commissioner Kim Vale, in a statement Saturday, said the plan was wrong. '
         '"We train for this," the statement said.')
    s = t.index("Kim Vale")
    kim = (Entity("p", "Kim Vale", "person"), Mention("p", s, s + 8, "Kim Vale", "name"), ("official", "executive-office"))
    assert _doc_issuer(t, "the statement", "statement", [kim]) == ("official", "executive-office@issuer")


@pytest.mark.parametrize("name", ["Replay More Videos", "Play Video", "Continued Below"])
def test_page_furniture_is_no_speaker(name):
    """Video players and page breaks taken for a name (non_sources.tsv name_head)."""
    from newsvoices.entities import can_be_source

    assert not can_be_source(name, "person")
    assert can_be_source("Jo Vale", "person")
