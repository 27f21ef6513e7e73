"""Round 13 of issue 3 (voice types of real speakers, by corpus volume): made-up sentences only."""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _mention(text: str, key: str, span: str, kind: str = "nominal", nth: int = 0) -> Mention:
    i = -1
    for _ in range(nth + 1):
        i = text.index(span, i + 1)
    return Mention(key, i, i + len(span), span, kind)


def _doc_voice(text: str, name: str, span: str | None = None, others=(), nth: int = 0):
    """Voice and rule of an unnamed document speaker ``name`` met as ``span`` in ``text``."""
    doc = Entity("d", name, "group")
    ents = [doc, *others]
    ms = [_mention(text, "d", span or name, nth=nth)]
    for e in others:
        if e.name in text:
            ms.append(_mention(text, e.key, e.name, kind="name"))
    return voices.classify_article(text, ents, ms)["d"]


# ---------------------------------------------------------------- documents: the issuer named with it

def test_issuer_named_right_before_a_bare_document_word():
    # the extractor kept only "report": the words before it name the issuer
    text = "Two men were beaten, a Human Rights Watch report published last week alleges."
    v, r = _doc_voice(text, "report")
    assert (v, r) == ("advocacy", "org-advocacy@issuer")


def test_a_definite_document_is_not_read_from_the_capitalised_word_before_it():
    # "Commission. The report": a sentence end before "The report" names no issuer
    text = "The plan went to the Transit Board. The report said costs would rise."
    v, r = _doc_voice(text, "The report")
    assert r == "document-unattributed"


def test_issuer_after_the_document_with_several_words_between():
    text = "Agents fired first, according to a report on the border shooting from the Justice Department."
    v, r = _doc_voice(text, "report")
    assert (v, r.endswith("@issuer")) == ("official", True)


def test_issuer_named_after_written_by_in_the_first_mention():
    text = "The report, written by Cato Institute fellow Ann Vale, says the credits cost billions."
    v, r = _doc_voice(text, "The report")
    assert (v, r.endswith("@issuer")) == ("advocacy", True)


@pytest.mark.parametrize("verb", ["obtained by", "seen by", "reviewed by", "first reported by"])
def test_who_got_hold_of_a_document_did_not_issue_it(verb):
    text = f"The memo, {verb} the Daily Courier, orders staff to stop the checks."
    v, r = _doc_voice(text, "The memo")
    assert v != "commentator"


def test_media_obtaining_a_document_is_no_issuer():
    text = "The Daily Courier obtained a copy of the letter. The letter says the checks stop."
    v, r = _doc_voice(text, "The letter")
    assert v != "commentator"


def test_issuer_with_an_appositive_before_said_in_a_statement():
    chief = Entity("c", "Ann Vale", "person", "the police chief")
    text = "The police chief, Ann Vale, said in a statement that shootings rose."
    v, r = _doc_voice(text, "statement", others=[chief])
    assert (v, r.endswith("@issuer")) == ("official", True)


def test_issuer_with_an_adverb_before_issued():
    text = "The White House later issued a statement saying the ruling was wrong."
    v, r = _doc_voice(text, "a statement")
    assert (v, r.endswith("@issuer")) == ("official", True)


def test_message_is_a_document_word():
    sen = Entity("s", "Sen. Ann Vale", "person")
    text = "Sen. Ann Vale sent a message to supporters. The message said the bill would pass."
    v, r = _doc_voice(text, "The message", others=[sen])
    assert (v, r.endswith("@issuer")) == ("politician", True)


# ---------------------------------------------------------------- ideological groups, court records

@pytest.mark.parametrize("name, voice", [
    ("some conservatives", "other"),
    ("many progressives", "other"),
    ("liberals", "other"),
    # a chamber's or a party's members, and the capitalised UK party, stay politicians
    ("House conservatives", "politician"),
    ("the Conservatives", "politician"),
    ("conservative lawmakers", "politician"),
])
def test_bare_ideological_groups_are_stance_groups(name, voice):
    assert voices.classify(Entity("g", name, "group"))[0] == voice


@pytest.mark.parametrize("name, voice", [
    ("court documents", "official"),
    ("the criminal complaint", "official"),
    ("charging documents", "official"),
    ("an arrest affidavit", "official"),
    # filed by a party to a case: legal
    ("the lawsuit", "legal"),
    ("the motion", "legal"),
])
def test_court_records_speak_for_the_prosecution_or_court(name, voice):
    assert voices.classify(Entity("d", name, "group"))[0] == voice


# ---------------------------------------------------------------- "former" just past the words read before a name

def test_former_past_the_word_cap_makes_the_office_past():
    text = "The autopsy was done by former Bay City Deputy Chief Medical Examiner Ann Vale, who found no wounds."
    i = text.index("Ann Vale")
    ctx = voices.name_context(text, i, i + len("Ann Vale"))
    assert ctx.startswith("former ")
    assert voices.classify(Entity("p", "Ann Vale", "person", ctx))[0] == "expert"


def test_no_former_past_a_stop_word():
    # "former" belongs to another phrase, cut off by "and"
    text = "A former mayor and Bay City Deputy Chief Medical Examiner Ann Vale said so."
    i = text.index("Ann Vale")
    assert "former" not in voices.name_context(text, i, i + len("Ann Vale"))


# ---------------------------------------------------------------- a spokesperson's principal in a possessive description

@pytest.mark.parametrize("principal, voice", [("Sen. Lee Graham", "politician"), ("Gov. Lee Graham", "official")])
def test_principal_in_a_possessive_description(principal, voice):
    text = f'{principal} backed the bill. "He is pleased," Kim Vale, Mr. Graham\'s spokesman, said.'
    p = Entity("p", principal, "person")
    s = Entity("s", "Kim Vale", "person", "Mr. Graham's spokesman")
    ms = [_mention(text, "p", principal, kind="name"), _mention(text, "s", "Kim Vale", kind="name")]
    assert voices.classify_article(text, [p, s], ms)["s"][0] == voice


# ---------------------------------------------------------------- acronyms taken for people, "Name of Place"

def test_an_acronym_taken_for_a_person_is_read_as_the_organisation_it_stands_for():
    text = "The Lakeside Police Bureau closed the road. LPB said the road would reopen."
    e = Entity("e", "LPB", "person", "lpb")
    i = text.index("LPB")
    v, r = voices.classify_article(text, [e], [Mention("e", i, i + 3, "LPB", "name")])["e"]
    assert (v, r.endswith("@acronym")) == ("official", True)


@pytest.mark.parametrize("name", ["IRS", "FEMA"])
def test_federal_agency_acronyms_are_official(name):
    assert voices.classify(Entity("e", name, "person", name.lower()))[0] == "official"


@pytest.mark.parametrize("name, voice, rule", [
    # a resident: the name alone, a person with no role (public)
    ("Ann Vale of Springfield", "public", "person-no-role"),
    # an employer after "of" that a rule places
    ("Ann Vale of Bayside Public Broadcasting", "commentator", "org-media@organisation"),
])
def test_name_of_place_or_employer(name, voice, rule):
    assert voices.classify_speaker(Entity("p", name, "person")) == (voice, rule)


def test_name_of_a_state_is_not_its_government():
    # "of Oregon" is where a person comes from, not the state speaking
    v, r = voices.classify_speaker(Entity("p", "Ann Vale of Oregon", "person"))
    assert v != "official"


@pytest.mark.parametrize("name, description, voice", [
    ("people", None, "other"),
    ("many people", "people", "other"),
    ("some people", None, "other"),
    # described people stay members of the public; people familiar with a matter stay anonymous
    ("local people", None, "public"),
    ("three people", "people", "public"),
    ("people", "familiar with the matter", "anonymous"),
    # "these people" points back to a group the article described
    ("these people", "people", "public"),
])
def test_bare_people_give_not_enough_information(name, description, voice):
    assert voices.classify(Entity("g", name, "group", description))[0] == voice


def test_principal_surname_read_from_its_full_name_in_the_text():
    # no entity for the principal: its full name and title are read where the text gives them
    text = 'House Speaker Lee Brix (R-Ohio) did not rule it out. "There are many ideas," said Brix spokesman Kim Vale.'
    s = Entity("s", "Kim Vale", "person", "spokesman")
    v, r = voices.classify_article(text, [s], [_mention(text, "s", "Kim Vale", kind="name")])["s"]
    assert (v, r.endswith("@principal")) == ("politician", True)


# ---------------------------------------------------------------- bare "members"

@pytest.mark.parametrize("text, voice", [
    ("The Senate group met again on Monday. Members said a deal was near.", "politician"),
    ("Democrats and members of the media have admitted the rule is shaky.", "commentator"),
    # no legislature named and no "of": the rules' anonymous source stays
    ("The club met again on Monday. Members said a deal was near.", "anonymous"),
])
def test_bare_members_take_what_they_belong_to(text, voice):
    name = "members" if "members" in text else "Members"
    m = Entity("m", name, "group", "members")
    assert voices.classify_article(text, [m], [_mention(text, "m", name)])["m"][0] == voice


def test_members_of_a_coalition_take_the_coalition_members_voice():
    text = "Members of a growing coalition of House conservatives say they cannot back the bill."
    m = Entity("m", "Members", "group", "members")
    assert voices.classify_article(text, [m], [_mention(text, "m", "Members")])["m"][0] == "politician"


def test_the_white_house_is_no_legislature_for_bare_members():
    text = "Outside the White House gates, many members said they would cross at the port."
    m = Entity("m", "many members", "group", "members")
    assert voices.classify_article(text, [m], [_mention(text, "m", "many members")])["m"][0] == "anonymous"


def test_members_of_a_name_no_rule_places_fall_back_to_the_legislature():
    text = "The Senate bill moved on. Members of the \u201cBand of Nine\u201d said they agreed."
    m = Entity("m", "Members", "group", "members")
    assert voices.classify_article(text, [m], [_mention(text, "m", "Members")])["m"][0] == "politician"


def test_members_of_a_persons_family_are_public():
    text = "The Senate panel met. Agents then questioned members of Pat's family about the money."
    m = Entity("m", "members", "group", "members")
    assert voices.classify_article(text, [m], [_mention(text, "m", "members")])["m"][0] == "public"
