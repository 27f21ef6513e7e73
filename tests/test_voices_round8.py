"""Voice types, round 8 (issue 3): insiders vs officials, roles placed by their organisation.

All texts are made up for these tests.
"""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _mention(text: str, phrase: str, key: str = "e1", kind: str = "nominal") -> Mention:
    s = text.index(phrase)
    return Mention(key, s, s + len(phrase), phrase, kind)


# ---------------------------------------------------------------- insiders (civil_servant) vs officials
@pytest.mark.parametrize("entity, expected", [
    # an unnamed source whose government role is stated: an insider leaking
    (Entity("e", "a law enforcement source", "anonymous", "source"), ("civil_servant", "anonymous-source-role")),
    (Entity("e", "two intelligence sources", "group", "intelligence sources briefed"),
     ("civil_servant", "anonymous-source-role")),
    (Entity("e", "sources in the department", "group", "sources"), ("civil_servant", "anonymous-source-role")),
    # no role stated: anonymous; a party source: politician
    (Entity("e", "a source", "anonymous", "source"), ("anonymous", "anonymous-source")),
    (Entity("e", "people familiar with the talks", "group"), ("anonymous", "anonymous-source")),
    (Entity("e", "Senior Labour sources", "group", "sources", "Senior Labour"), ("politician", "anonymous-politician")),
    # officials who say in the phrase itself that they speak anonymously
    (Entity("e", "prison officials speaking anonymously to the Springfield Herald", "group"),
     ("civil_servant", "anonymous-officials-anonymity")),
    # officials as a group with no such cue speak for their institution
    (Entity("e", "county officials", "group", "officials"), ("official", "anonymous-official")),
])
def test_unnamed_insiders_and_officials(entity, expected):
    assert voices.classify_speaker(entity) == expected


def test_one_official_leaking_to_a_news_outlet_is_an_insider():
    t = "The shelter closed on Friday. A state official told the Springfield Herald that the plan had changed."
    ents = [Entity("e1", "A state official", "anonymous", "official")]
    got = voices.classify_article(t, ents, [_mention(t, "A state official")])
    assert got["e1"] == ("civil_servant", "anonymous-official-one")  # round 20: with or without the cue
    assert voices.leak_marker(t, [_mention(t, "A state official")]) == voices.PRESS_MARKER


def test_one_official_requesting_anonymity_is_an_insider():
    t = ("\u201cWe were not asked,\u201d said a county official, who requested anonymity to describe the talks. "
         "The county council meets again next month.")
    ents = [Entity("e1", "a county official", "anonymous", "official")]
    got = voices.classify_article(t, ents, [_mention(t, "a county official")])
    assert got["e1"] == ("civil_servant", "anonymous-official-one")  # round 20: with or without the cue
    assert voices.leak_marker(t, [_mention(t, "a county official")]) == voices.ANONYMOUS_MARKER


def test_officials_briefing_reporters_stay_official():
    # "told reporters" names no news outlet; the next sentence's cue does not count
    t = ("An official told reporters the new rule starts in May. "
         "Another person, who requested anonymity, disagreed.")
    ents = [Entity("e1", "An official", "anonymous", "official")]
    assert voices.leak_marker(t, [_mention(t, "An official")]) is None
    # round 20: one unnamed official is civil_servant with no cue too (the codebook's definition)
    assert voices.classify_article(t, ents, [_mention(t, "An official")])["e1"] == \
        ("civil_servant", "anonymous-official-one")


def test_several_officials_telling_a_news_outlet_stay_official_without_anonymity():
    t = "Transit officials told the Springfield Herald that fares will rise."
    ents = [Entity("e1", "Transit officials", "group", "officials")]
    assert voices.classify_article(t, ents, [_mention(t, "Transit officials")])["e1"][0] == "official"
    t2 = "Transit officials, speaking on condition of anonymity, said fares will rise."
    got = voices.classify_article(t2, ents, [_mention(t2, "Transit officials")])
    assert got["e1"] == ("civil_servant", "anonymous-officials-anonymity@cue")


def test_a_company_official_speaking_anonymously_is_no_insider_of_government():
    t = "The page was removed, said a company official speaking on condition of anonymity."
    ents = [Entity("e1", "a company official", "anonymous", "official")]
    assert voices.classify_article(t, ents, [_mention(t, "a company official")])["e1"][0] != "civil_servant"


def test_leak_marker_sentence_bounds_and_abbreviations():
    t = "Sen. Jo Roe spoke. Officials met U.S. Sen. Bo Li, who requested anonymity. A state official said no."
    m = _mention(t, "A state official")
    assert voices.leak_marker(t, [m]) is None  # the cue is in the sentence before
    m2 = _mention(t, "Officials")
    assert voices.leak_marker(t, [m2]) == voices.ANONYMOUS_MARKER  # "U.S. Sen." ends no sentence


# ---------------------------------------------------------------- roles placed by their organisation
@pytest.mark.parametrize("entity, expected", [
    # "president" of a non-government organisation: the organisation decides
    (Entity("e", "Jo Roe", description="president of the Ohio NAACP"), ("advocacy", "org-advocacy")),
    (Entity("e", "NAACP President Jo Roe"), ("advocacy", "org-advocacy")),
    (Entity("e", "Jo Roe", description="President of the United States"), ("official", "executive-office")),
    (Entity("e", "Jo Roe", description="president of the USA"), ("official", "executive-office")),
    (Entity("e", "ICE Director Jo Roe"), ("official", "executive-office")),
    # a long organisation name after "deputy director of"
    (Entity("e", "Jo Roe", description="deputy director of Springfield University's nonpartisan Border Security "
                                       "Policy Institute"), ("expert", "expert-role")),
    # a legal director or policy counsel speaks for the organisation; without one, legal
    (Entity("e", "Jo Roe", description="the ACLU's national legal director"), ("advocacy", "org-advocacy")),
    (Entity("e", "Jo Roe", description="policy counsel with the Border Rights Project"), ("advocacy", "org-advocacy")),
    (Entity("e", "Jo Roe", description="legal director"), ("legal", "legal-staff")),
    (Entity("e", "Jo Roe", description="an immigration lawyer"), ("legal", "legal-role")),
    # staff of an advocacy campaign are no politicians
    (Entity("e", "Jo Roe", description="communications director of the Human Rights Campaign"),
     ("advocacy", "org-advocacy")),
    (Entity("e", "Jo Roe", description="campaign manager for Sen. Bo Li"), ("politician", "politician-role")),
    # a former office holder with a present role stated after "and"
    (Entity("e", "Jo Roe", description="a former Senate aide and director of the Border Policy Center"),
     ("advocacy", "org-advocacy")),
    (Entity("e", "Jo Roe", description="a former ICE director"), ("expert", "former-official")),
    # news agencies, local affiliates, "-Statesman" papers are media
    (Entity("e", "Lakeside News Agency", "organisation"), ("commentator", "org-media-outlet")),
    (Entity("e", "FOX12", "organisation"), ("commentator", "org-media-outlet")),
    (Entity("e", "Bayview American-Statesman", "organisation"), ("commentator", "org-media-outlet")),
])
def test_roles_placed_by_their_organisation(entity, expected):
    assert voices.classify_speaker(entity) == expected


@pytest.mark.parametrize("entity, expected", [
    (Entity("e", "G4S officials", "group", "officials", "G4S"), ("business", "org-business@organisation")),
    # (since round 15 "<Org> of <Org> president" is no government office, so the organisation rules place it
    # directly; the voice is the same)
    (Entity("e", "Springfield Academy of Pediatrics president", "anonymous", "president",
            "Springfield Academy of Pediatrics"), ("expert", "org-expert")),
    (Entity("e", "DHS officials", "group", "officials", "DHS"), ("official", "anonymous-official")),
    (Entity("e", "Zorblat officials", "group", "officials", "Zorblat"), ("official", "anonymous-official")),
])
def test_unnamed_officials_take_their_organisations_voice(entity, expected):
    assert voices.classify_speaker(entity) == expected


def test_organisation_decides_must_name_rules(tmp_path):
    from newsvoices.config import DATA_DIR

    text = (DATA_DIR / "codebooks" / "voices.yml").read_text(encoding="utf-8")
    bad = text.replace("organisation_decides: [anonymous-official,", "organisation_decides: [no-such-rule,")
    p = tmp_path / "voices.yml"
    p.write_text(bad, encoding="utf-8")
    with pytest.raises(ValueError, match="organisation_decides"):
        voices.load_codebook(p)


# ---------------------------------------------------------------- roles read from the article's words
@pytest.mark.parametrize("text, name, expected", [
    # the author of a study or of an article ("a paper by", "an analysis ... by X and Y")
    ("The data agree: a paper by Jo Roe, published in a journal, looked at wages.", "Jo Roe",
     "Jo Roe ; author of a study"),
    ("As one blog noted, an analysis in the 1990s by Bay University's Bo Li and Jo Roe found less crime.",
     "Jo Roe", "Jo Roe ; author of a study"),
    ("It came as a long profile of the senator by Jo Roe appeared this weekend.", "Jo Roe", "Jo Roe ; writer"),
    # a verb in between: the name did not write it
    ("The study was criticized by Jo Roe, a senator.", "Jo Roe", "Jo Roe ; a senator"),
    # a dash ends an appositive
    ("said Jo Roe, policy counsel with the Border Rights Project\u2014and that is against the law, she said.",
     "Jo Roe", "Jo Roe ; policy counsel with the Border Rights Project"),
])
def test_name_context_authors_and_dashes(text, name, expected):
    s = text.index(name)
    assert voices.name_context(text, s, s + len(name)) == expected


def test_two_word_surname_reads_the_full_name():
    t = ("Attorney Luis Vega Roe in Springfield said he represents a mother. "
         "\u201cShe is afraid,\u201d Vega Roe said.")
    ents = [Entity("e1", "Vega Roe")]
    s = t.index("Vega Roe said")
    got = voices.classify_article(t, ents, [Mention("e1", s, s + 8, "Vega Roe", "name")])
    assert got["e1"] == ("legal", "legal-role@mention")


# ---------------------------------------------------------------- documents: who issued them
def _doc_case(text: str, phrase: str, others=(), at: str | None = None):
    """Classify the article's entities: the document speaker ``phrase`` (mentioned at ``at`` or its
    last occurrence) and named people ``others`` (each mentioned at every occurrence)."""
    ents = [Entity("doc", phrase.strip(), "group")]
    s = text.rindex(at or phrase)
    ms = [Mention("doc", s, s + len(phrase), phrase, "nominal")]
    for i, (name, kind) in enumerate(others):
        key = f"p{i}"
        ents.append(Entity(key, name, kind))
        start = 0
        while (k := text.find(name, start)) >= 0:
            ms.append(Mention(key, k, k + len(name), name, "name"))
            start = k + 1
    return voices.classify_article(text, ents, ms)


def test_document_issuer_named_before():
    t = "The Springfield NAACP released a statement on Sunday. The statement said the group was heartbroken."
    assert _doc_case(t, "The statement")["doc"] == ("advocacy", "org-advocacy@issuer")


def test_document_issuer_possessive_and_pronoun():
    t = "According to the governor's website, parks stay open, the website says."
    assert _doc_case(t, "the website")["doc"][0] == "official"
    t2 = ("Rep. Jo Roe was elected in 2018. According to her campaign website, "
          "she grew up in Ohio, her campaign website says.")
    assert _doc_case(t2, "her campaign website", [("Rep. Jo Roe", "person")])["doc"][0] == "politician"


def test_document_a_new_statement_reads_only_its_own_sentence():
    t = ("The Justice Department's statement came first. On Saturday, Jo Roe and the Ohio NAACP released "
         "a statement saying they were outraged.")
    assert _doc_case(t, "a statement")["doc"] == ("advocacy", "org-advocacy@issuer")
    t2 = "The Justice Department's statement came first. A statement said they were outraged."
    assert _doc_case(t2, "A statement")["doc"] == ("official", "document-unattributed")


def test_document_without_issuer_falls_back_to_official():
    """Round 11: a document whose issuer is not found is most often a public body's (not anonymous)."""
    t = "Nothing was said for days. The statement said the plan would change."
    assert _doc_case(t, "The statement")["doc"] == ("official", "document-unattributed")


# ---------------------------------------------------------------- spokespersons speak for their principal
def test_spokesperson_for_a_named_legislator():
    t = "Sen. Jo Roe voted no. \u201cIt fails,\u201d said a spokeswoman for Sen. Jo Roe."
    ents = [Entity("p", "Sen. Jo Roe"), Entity("s", "a spokeswoman", "anonymous", "spokeswoman")]
    s = t.index("a spokeswoman")
    ms = [Mention("p", 0, 11, "Sen. Jo Roe"), Mention("p", t.rindex("Sen."), t.rindex("Sen.") + 11, "Sen. Jo Roe"),
          Mention("s", s, s + 13, "a spokeswoman", "nominal")]
    assert voices.classify_article(t, ents, ms)["s"] == ("politician", "politician-role@principal")


def test_his_spokeswoman_skips_names_no_rule_places():
    t = ("Rep. Jo Roe, a Lakeside-based lawmaker, opposes the bill, his spokeswoman, Kim Vale, said. "
         "\u201cHe will wait,\u201d Vale said.")
    ents = [Entity("p", "Rep. Jo Roe"), Entity("x", "Lakeside-based"),
            Entity("s", "Kim Vale", description="his spokeswoman")]
    ms = [Mention("p", 0, 11, "Rep. Jo Roe"), Mention("x", t.index("Lakeside"), t.index("Lakeside") + 14,
                                                        "Lakeside-based"),
          Mention("s", t.index("Kim Vale"), t.index("Kim Vale") + 8, "Kim Vale")]
    assert voices.classify_article(t, ents, ms)["s"] == ("politician", "politician-role@principal")
    # a spokesman whose principal is not named stays official (the codebook's fall-back)
    t2 = "\u201cWe will wait,\u201d his spokesman, Bo Li, said."
    ents2 = [Entity("s", "Bo Li", description="his spokesman")]
    ms2 = [Mention("s", t2.index("Bo Li"), t2.index("Bo Li") + 5, "Bo Li")]
    assert voices.classify_article(t2, ents2, ms2)["s"] == ("official", "spokesperson-unplaced")


@pytest.mark.parametrize("entity, expected", [
    (Entity("e", "Jo Roe", description="President of the Ohio state Senate"), ("politician", "politician-role")),
    (Entity("e", "Jo Roe", description="Senate President"), ("politician", "politician-role")),
    (Entity("e", "NBA Commissioner Jo Roe"), ("business", "business-role")),
    (Entity("e", "Jo Roe", description="police commissioner"), ("official", "executive-office")),
])
def test_legislative_presidents_and_league_commissioners(entity, expected):
    assert voices.classify_speaker(entity) == expected


# ---------------------------------------------------------------- groups, acronyms and surnames in the text
def test_bare_group_takes_the_members_named_before():
    t = "A group of House Republicans wrote to the agency on Monday. The group said it would wait."
    ents = [Entity("g", "The group", "group")]
    s = t.index("The group")
    got = voices.classify_article(t, ents, [Mention("g", s, s + 9, "The group", "nominal")])
    assert got["g"] == ("politician", "anonymous-politician@group")
    t2 = "The Lakeside Tenants Union met on Monday. The group said it would wait."
    s2 = t2.index("The group")
    got2 = voices.classify_article(t2, ents, [Mention("g", s2, s2 + 9, "The group", "nominal")])
    assert got2["g"] == ("advocacy", "anonymous-advocacy")  # no "group of ...": the codebook's reading


def test_acronym_spelled_out_in_the_text():
    assert voices.acronym_expansion("The Pinewood Police Bureau (PPB) said so.", "PPB") == "Pinewood Police Bureau"
    assert voices.acronym_expansion("Nothing here spells it.", "PPB") is None
    t = "The Pinewood Police Bureau arrived at noon. PPB said the road was closed."
    s = t.rindex("PPB")
    got = voices.classify_article(t, [Entity("o", "PPB", "organisation")], [Mention("o", s, s + 3, "PPB", "name")])
    assert got["o"] == ("official", "org-government-uk@acronym")


def test_organisation_that_is_a_surname_reads_the_full_name():
    t = ("Jo M. Vale, a criminologist at Bay State University, tracks such cases. "
         "Since 2005, 110 officers were charged, Vale\u2019s records show.")
    s = t.rindex("Vale")
    got = voices.classify_article(t, [Entity("o", "Vale", "organisation")], [Mention("o", s, s + 4, "Vale", "name")])
    assert got["o"] == ("expert", "expert-role@mention")


@pytest.mark.parametrize("name, expected", [
    ("Lakeside Police Research Forum", ("expert", "org-expert")),
    ("Pew Research Center", ("expert", "org-expert")),
    ("Lakeside Police Department", ("official", "org-government-uk")),
])
def test_research_bodies_are_expert(name, expected):
    assert voices.classify_speaker(Entity("e", name, "organisation")) == expected
