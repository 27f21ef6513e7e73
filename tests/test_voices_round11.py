"""Round 11 of issue 3 (voice types of real speakers): made-up sentences only."""

from __future__ import annotations

import pytest
import yaml

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _in_article(text: str, entity: Entity, *spans: str) -> tuple[str, str]:
    """The voice :func:`voices.classify_article` gives ``entity`` with a mention at each span."""
    ms = []
    for span in spans:
        i = text.index(span)
        ms.append(Mention(entity.key, i, i + len(span), span, "name" if entity.kind == "person" else "nominal"))
    return voices.classify_article(text, [entity], ms)[entity.key]


@pytest.mark.parametrize("description, voice", [
    # a long agency name between "former"/"retired" and the office
    ("a retired Zorvia Immigration and Customs Enforcement agent", "expert"),
    ("a former Zorvia Department of Homeland Security official", "expert"),
    # the office itself stays official
    ("a Zorvia Immigration and Customs Enforcement agent", "official"),
])
def test_former_or_retired_before_a_long_agency_name(description, voice):
    assert voices.classify(Entity("e", "Jo Vale", "person", description))[0] == voice


@pytest.mark.parametrize("name, voice", [
    ("ATF source", "civil_servant"),
    ("a DEA source", "civil_servant"),
    ("two NYPD sources", "civil_servant"),
    ("a sheriff's source", "civil_servant"),
    # no role stated: anonymous
    ("a source", "anonymous"),
])
def test_agency_sources_are_insiders(name, voice):
    assert voices.classify_speaker(Entity("e", name, "anonymous", "source"))[0] == voice


@pytest.mark.parametrize("sentence, voice", [
    ("The suspect spoke after his arrest, according to a police official who was briefed on the capture.",
     "civil_servant"),
    ("A police official familiar with the case said the suspect spoke after his arrest.", "civil_servant"),
    ("A police official close to the investigation said the suspect spoke after his arrest.", "civil_servant"),
    ("A police official with direct knowledge of the search said the suspect spoke.", "civil_servant"),
    # no such cue: one unnamed official is still civil_servant (round 20; it was official before)
    ("A police official said the suspect spoke after his arrest.", "civil_servant"),  # round 20: one official
])
def test_an_official_briefed_on_or_familiar_with_a_case_is_an_insider(sentence, voice):
    e = Entity("e1", "a police official", "anonymous", "official")
    span = "a police official" if "a police official" in sentence else "A police official"
    assert _in_article(sentence, e, span)[0] == voice


def test_a_clause_before_a_comma_is_no_appositive():
    """'When asked why the president hadn't told him, Smith said': no role for Smith."""
    t = "When asked why the president hadn't told him, Jo Vale said it was unclear."
    s = t.index("Jo Vale")
    ctx = voices.name_context(t, s, s + 7)
    assert "president" not in ctx
    t = "When asked why the governor did not tell him, Jo Vale said it was unclear."
    s = t.index("Jo Vale")
    assert "governor" not in voices.name_context(t, s, s + 7)
    # a noun phrase, also one with a relative clause, stays an appositive
    t = "Outside the court, the man who was shot, Jo Vale, said he was fine."
    s = t.index("Jo Vale")
    assert "the man who was shot" in voices.name_context(t, s, s + 7)
    t = "Later, an armed resident, Jo Vale, said he was fine."
    s = t.index("Jo Vale")
    assert "an armed resident" in voices.name_context(t, s, s + 7)


def test_a_clause_before_a_name_does_not_outvote_a_party_tag():
    e = Entity("e1", "Vale", "person")
    t = ("Senate Budget Committee Chairman Jo Vale (R., Zor.) said he was hopeful. "
         "When asked why the president hadn't told him, Mr. Vale said \"maybe he has not decided.\"")
    i, j = t.index("Vale"), t.index("Vale", t.index("Mr."))
    got = voices.classify_article(t, [e], [Mention("e1", i, i + 4, "Vale", "surname"),
                                           Mention("e1", j, j + 4, "Vale", "surname")])["e1"]
    assert got[0] == "politician"


@pytest.mark.parametrize("name, voice", [
    ("Leadership", "politician"),
    # an ordinary one-word name stays uninformed
    ("Zorvik", "other"),
])
def test_a_collective_noun_opening_a_sentence_is_the_group(name, voice):
    assert voices.classify_speaker(Entity("e", name, "person"))[0] == voice


def test_collective_nouns_must_be_a_list(tmp_path):
    data = yaml.safe_load(voices.CODEBOOK_PATH.read_text(encoding="utf-8"))
    data["context"]["collective_nouns"] = "leadership"
    p = tmp_path / "cb.yml"
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="collective_nouns"):
        voices.load_codebook(p)


def test_a_journal_named_in_the_text_is_research():
    """'a study in the journal Zorvia Affairs found ...': the journal is research, not a person."""
    e = Entity("e1", "Zorvia Affairs", "person")
    t = "But a study in the journal Zorvia Affairs found that migrants pay more than they receive."
    assert _in_article(t, e, "Zorvia Affairs")[0] == "expert"
    # a newspaper written with a capital J stays media, not research
    e = Entity("e1", "Zorvia Journal", "organisation")
    t = "The Zorvia Journal reported that migrants pay more than they receive."
    assert _in_article(t, e, "Zorvia Journal")[0] == "commentator"


def test_a_new_clause_after_a_comma_is_no_appositive():
    """'In an interview with Zorvia TV's Jo Vale, Obama explained that lawmakers ...': no role for Jo Vale."""
    t = "In an interview with Zorvia TV's Jo Vale, Kim Dorr explained that lawmakers must act."
    s = t.index("Jo Vale")
    assert "lawmakers" not in voices.name_context(t, s, s + 7)
    t = "In an interview with Zorvia TV's Jo Vale, Kim Dorr said that lawmakers must act."
    assert "lawmakers" not in voices.name_context(t, s, s + 7)
    # an appositive that opens with a capitalised word stays one
    t = "Jo Vale, Zorvia County's sheriff, said it."
    assert "sheriff" in voices.name_context(t, 0, 7)


@pytest.mark.parametrize("name, voice", [
    ("Journal's Jo Vale", "commentator"),
    ("Post's Jo Vale", "commentator"),
])
def test_a_newspaper_possessive_before_a_name_is_media(name, voice):
    assert voices.classify(Entity("e", name, "person"))[0] == voice


def test_a_document_with_no_issuer_found_is_official():
    """No anonymous source: the coders read an unattributed statement or website as a public body's."""
    assert voices.classify(Entity("e", "the website", "group")) == ("official", "document-unattributed")
    # a named issuer still decides
    assert voices.classify_speaker(Entity("e", "NAACP statement", "group"))[0] == "advocacy"


@pytest.mark.parametrize("name, voice", [
    ("a Republican House aide", "civil_servant"),
    ("a Senate aide", "civil_servant"),
    ("Senate GOP staffer", "civil_servant"),
    # an aide described only by party stays an unnamed source with no role stated
    ("a Democratic aide", "anonymous"),
])
def test_congressional_aides_are_insiders(name, voice):
    assert voices.classify_speaker(Entity("e", name, "anonymous", "aide"))[0] == voice


def test_chief_of_a_police_division_is_official():
    got = voices.classify(Entity("e", "Jo Keel", "person", "the chief of the Zorvia Law Enforcement Division"))
    assert got == ("official", "executive-office")


@pytest.mark.parametrize("short", ["O'Vale", "O’Vale", "O'Vale of Zorvia's Voice"])
def test_a_surname_finds_its_full_name_across_apostrophes_and_organisations(short):
    """'O'Vale' after 'Former Gov. Jo O’Vale': one person; 'X of Org' is the surname X glued to its organisation."""
    t = f"Former Zorvia Gov. Jo O’Vale, a presidential candidate, spoke. {short} said it was wrong."
    full = Entity("e1", "Jo O’Vale", "person")
    e = Entity("e2", short, "person")
    i, j = t.index("Jo O’Vale"), t.index(short, t.index("spoke"))
    got = voices.classify_article(t, [full, e], [Mention("e1", i, i + 9, "Jo O’Vale", "name"),
                                                Mention("e2", j, j + len(short), short, "name")])
    assert got["e2"][0] == got["e1"][0] == "politician"


def _doc_voice(text: str, doc_span: str, others: list[tuple[str, str, str]]) -> tuple[str, str]:
    """The voice of the document entity at the last occurrence of ``doc_span``, with named entities
    ``others`` (name, kind, span in the text)."""
    ents, ms = [], []
    for k, (name, kind, span) in enumerate(others):
        ents.append(Entity(f"o{k}", name, kind))
        i = text.index(span)
        ms.append(Mention(f"o{k}", i, i + len(span), span, "name"))
    doc = Entity("doc", doc_span.split()[-1], "group")
    i = text.rindex(doc_span)
    ms.append(Mention("doc", i, i + len(doc_span), doc_span, "nominal"))
    return voices.classify_article(text, ents + [doc], ms)["doc"]


def test_document_issuer_past_a_party_tag_or_a_spokesperson():
    t = ("Sen. Jo Vale (D-Zor.) and others in the leadership issued a joint statement on Monday. "
         "\"We will act,\" the statement said.")
    assert _doc_voice(t, "the statement", [("Jo Vale", "person", "Sen. Jo Vale")])[0] == "politician"
    t = ("Rep. Kim Dorr (R-Zor.) condemned in a statement Saturday the new rule. "
         "\"It is wrong,\" the statement said.")
    assert _doc_voice(t, "the statement", [("Kim Dorr", "person", "Rep. Kim Dorr")])[0] == "politician"
    t = ("A Zorvia Airlines spokeswoman said Friday in a statement that the firm will cooperate. "
         "\"We have done nothing wrong,\" the statement said.")
    assert _doc_voice(t, "the statement", [])[0] == "business"


def test_document_issuer_named_later_after_by():
    """'according to a report Tuesday ... The report, by Republicans on the House committee, ...'."""
    t = ("Cities refuse to help, according to a report Tuesday. The report, by Republicans on the House "
         "Oversight Committee, calls for change. \"Congress must act,\" the report said.")
    doc = Entity("doc", "report", "group")
    i = t.index("report Tuesday")
    j = t.rindex("the report")
    ms = [Mention("doc", i, i + 6, "report", "nominal"), Mention("doc", j, j + 10, "the report", "nominal")]
    assert voices.classify_article(t, [doc], ms)["doc"][0] == "politician"
    # nothing named anywhere: the fall-back
    t = "Cities refuse to help, according to a report Tuesday. \"Congress must act,\" the report said."
    i = t.index("report Tuesday")
    ms = [Mention("doc", i, i + 6, "report", "nominal")]
    assert voices.classify_article(t, [doc], ms)["doc"] == ("official", "document-unattributed")


def test_document_of_two_people_takes_the_voice_of_the_one_named_in_full():
    t = ("Rep. Kim Dorr (R-Zor.) spoke on Monday. Later came Vale and Dorr's statement. "
         "\"It is wrong,\" the statement said.")
    assert _doc_voice(t, "the statement", [("Kim Dorr", "person", "Rep. Kim Dorr")])[0] == "politician"


def test_former_before_an_unnamed_official_makes_the_office_past():
    """'Another former ORR official said ...': the extractor's phrase drops 'former'."""
    t = "Another former Zorvia Agency official, who asked not to be named, called the change troubling."
    e = Entity("e1", "Zorvia Agency official", "anonymous", "official")
    assert _in_article(t, e, "Zorvia Agency official")[0] == "expert"
    t = "Another Zorvia Agency official called the change troubling."
    assert _in_article(t, e, "Zorvia Agency official")[0] == "civil_servant"  # round 20: one unnamed official


def _pipeline_voices(text: str) -> list[tuple[str | None, str | None]]:
    from newsvoices.model import Article
    from newsvoices.pipeline import analyze_article

    return [(q["speaker"], q["voice_type"]) for q in analyze_article(Article("t", text))["quotes"]]


def test_a_named_person_quoted_only_for_what_they_wrote_is_a_writer():
    """No role stated anywhere, every quote 'wrote'/'writes': a columnist or blogger (media), not the public."""
    assert _pipeline_voices('"The rule is a disaster for everyone," Jo Quillan wrote on Monday.') == [
        ("Jo Quillan", "commentator")]
    assert voices.WRITER_RULE in voices.UNINFORMED_RULES  # a guess: the corpus step prefers other articles
    # quoted for what they said: the fall-back stays the public
    assert _pipeline_voices('"The rule is a disaster for everyone," Jo Quillan said on Monday.') == [
        ("Jo Quillan", "public")]
    # a role stated decides, whatever the cue
    assert _pipeline_voices('"The rule is a disaster," wrote Jo Quillan, a professor of law at Zorvia University.'
                            ) == [("Jo Quillan", "expert")]


def test_writer_cues_must_be_a_list(tmp_path):
    data = yaml.safe_load(voices.CODEBOOK_PATH.read_text(encoding="utf-8"))
    data["context"]["writer_cues"] = "wrote"
    p = tmp_path / "cb.yml"
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="writer_cues"):
        voices.load_codebook(p)


def test_a_piece_of_a_longer_name_takes_that_name_s_voice():
    """'Studies' found inside 'Center for Immigration Studies': one speaker, the organisation."""
    t = "A study by the Zorvia Center for Policy Studies found a rise in fraud."
    org = Entity("e1", "Zorvia Center for Policy Studies", "organisation")
    piece = Entity("e2", "Studies", "group")
    i = t.index("Zorvia")
    j = t.index("Studies")
    got = voices.classify_article(t, [org, piece], [Mention("e1", i, i + len(org.name), org.name, "name"),
                                                    Mention("e2", j, j + 7, "Studies", "nominal")])
    assert got["e1"][0] == "advocacy" and got["e2"] == ("advocacy", "org-advocacy@within")
    # a mention of its own elsewhere: not a piece of the name
    t2 = t + " Studies show more."
    k = t2.rindex("Studies")
    got = voices.classify_article(t2, [org, piece], [Mention("e1", i, i + len(org.name), org.name, "name"),
                                                     Mention("e2", j, j + 7, "Studies", "nominal"),
                                                     Mention("e2", k, k + 7, "Studies", "nominal")])
    assert got["e2"][0] == "expert"


def test_the_first_word_of_a_longer_name_is_no_piece_of_it():
    """'Zorvick' opening 'Zorvick supporters' or 'the Zorvick police' keeps its own reading."""
    for t, host, host_kind in (("Later Zorvick supporters rallied.", "Zorvick supporters", "group"),
                               ("Later the Zorvick police rallied.", "the Zorvick police", "group")):
        hostent = Entity("e1", host, host_kind)
        piece = Entity("e2", "Zorvick", "person")
        i, j = t.index(host), t.index("Zorvick")
        got = voices.classify_article(t, [hostent, piece], [Mention("e1", i, i + len(host), host, "nominal"),
                                                            Mention("e2", j, j + 7, "Zorvick", "name")])
        assert not got["e2"][1].endswith("@within")
