"""Round 15 of issue 3 (precision of official and public, judged on the whole corpus): made-up names only."""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _voice(name: str, description: str | None = None, kind: str = "person", **kw) -> tuple[str, str]:
    return voices.classify(Entity("e", name, kind, description=description), **kw)


def _in_text(text: str, name: str = "Jo Roe") -> tuple[str, str]:
    i = text.index(name)
    return voices.classify(Entity("e", name, "person"), contexts=[voices.name_context(text, i, i + len(name))])


# ---------------------------------------------------------------- a description that is only an age

def test_an_age_alone_places_a_person_only_weakly():
    assert _voice("Jo Roe", "37") == ("public", "person-age")
    assert "person-age" in voices.WEAK_RULES


def test_the_words_around_the_name_win_over_an_age_alone():
    ctx = ["Jo Roe ; a Vale County doctor who has overseen force-feeding for the agency"]
    assert _voice("Jo Roe", "37", contexts=ctx) == ("expert", "expert-role@mention")
    assert _voice("Jo Roe", "53", contexts=["Mayor Jo Roe"]) == ("official", "executive-office@mention")


def test_an_age_with_no_other_role_stays_public():
    assert _voice("Jo Roe", "37", contexts=["Jo Roe ; 37"]) == ("public", "public-role@mention")
    assert _voice("Jo Roe", "37", contexts=["Jo Roe ; a resident of Vale"])[0] == "public"


@pytest.mark.parametrize("description", ["a 37-year-old mother", "37, of Vale", "Jo's sister"])
def test_descriptions_with_more_than_an_age_keep_their_rule(description):
    assert _voice("Jo Roe", description) == ("public", "public-role")


def test_an_age_in_the_article_still_reads_as_a_member_of_the_public():
    # "said Jo Roe, 44." with no description of its own (the round-15 weak rule is about the speaker's own field)
    assert _in_text("The march went on, said Jo Roe, 44, on Sunday.") == ("public", "public-role@mention")


# ---------------------------------------------------------------- activists and advocates described by whom they serve

@pytest.mark.parametrize("description", [
    "an immigrants rights activist", "a migrant rights activist in Arizona", "a refugee advocate with Vale Rights First",
    "a legal advocate for immigrant youth", "a 58-year-old community activist who attended the protest",
    "an immigrant-rights activist and advocate for abolishing ICE",
])
def test_activists_and_advocates_are_advocacy_not_the_people_they_serve(description):
    assert _voice("Jo Roe", description) == ("advocacy", "org-advocacy")


@pytest.mark.parametrize("description", ["an undocumented immigrant who lives in Vale", "a refugee from Syria",
                                         "a migrant in the caravan"])
def test_immigrants_and_refugees_themselves_stay_public(description):
    assert _voice("Jo Roe", description) == ("public", "public-role")


def test_an_activist_is_no_government_body_even_when_an_agency_is_named():
    assert _voice("Jo Roe", "an activist who wants to abolish ICE")[0] == "advocacy"
    assert _voice("Jo Roe", "an activist with the Vale Police Accountability Project")[0] == "advocacy"


# ---------------------------------------------------------------- "Attorney Jo Roe": a title cut short

def test_a_name_opening_with_attorney_is_placed_only_weakly():
    assert _voice("Attorney Jo Roe") == ("legal", "attorney-title-name")
    assert "attorney-title-name" in voices.WEAK_RULES


@pytest.mark.parametrize("context, voice", [
    ("U.S. Attorney Jo Roe", "official"),
    ("District Attorney Jo Roe", "official"),
    ("defense Attorney Jo Roe", "legal"),
])
def test_the_title_before_attorney_decides(context, voice):
    assert _voice("Attorney Jo Roe", contexts=[context])[0] == voice


def test_attorney_general_and_described_attorneys_keep_their_rules():
    assert _voice("Attorney General Jo Roe") == ("official", "executive-office")
    assert _voice("Attorney Jo Roe", "a Vale immigration lawyer") == ("legal", "legal-role")


def test_in_an_article_a_us_attorney_cut_to_attorney_is_official():
    text = "At her sentencing, U.S. Attorney Jo Roe told her: \u201cIt ends badly.\u201d"
    s = text.index("Attorney Jo Roe")
    ents = [Entity("a", "Attorney Jo Roe")]
    ms = [Mention("a", s, s + len("Attorney Jo Roe"), "Attorney Jo Roe", "name")]
    assert voices.classify_article(text, ents, ms)["a"] == ("official", "executive-office@mention")


# ---------------------------------------------------------------- office words held by no government

def test_a_president_of_a_chamber_of_commerce_is_business():
    assert _voice("Vale Chamber of Commerce President Jo Roe") == ("business", "business-role")
    assert _voice("Jo Roe", "Vale Federation of Teachers President")[0] != "official"


@pytest.mark.parametrize("name, description", [("President Jo Roe", None), ("Jo Roe", "president of the United States"),
                                                ("Jo Roe", "Vale County Executive")])
def test_government_presidents_and_executives_stay_official(name, description):
    assert _voice(name, description)[0] == "official"


def test_a_journalism_nonprofit_is_media_whatever_it_covers():
    assert _voice("Vale Open", "a local journalism nonprofit that has extensively covered officers") == (
        "commentator", "media-role")


def test_a_financial_officer_of_a_government_department_is_official():
    d = "an acting deputy under secretary for management and the chief financial officer at the Department of Homeland Security"
    assert _voice("Jo Roe", d) == ("official", "executive-office")
    assert _voice("Jo Roe", "chief financial officer of Vale Corp") == ("business", "business-role")


# ---------------------------------------------------------------- members of a city council

@pytest.mark.parametrize("description", ["Vale City Council President", "who is a member of the Vale City Council",
                                         "Common Council President", "a town council member"])
def test_members_and_presidents_of_a_city_council_are_politicians(description):
    assert _voice("Jo Roe", description) == ("politician", "local-legislator")


def test_a_uk_council_leader_stays_official():
    assert _voice("Jo Roe", "leader of Vale County Council")[0] == "official"


# ---------------------------------------------------------------- documents: who issued "the report"

def _document(text: str, name: str, mention: str) -> tuple[str, str] | None:
    i = text.index(mention)
    e = Entity("d", name, "group")
    return voices.document_issuer(text, e, [Mention("d", i, i + len(mention), mention, "nominal")], {}, [e])


def test_the_report_is_the_study_named_before_it():
    text = "The backlog grew, according to a Vale University study. The backlog hit a record, according to the report."
    assert _document(text, "report", "the report") == ("expert", "org-expert@issuer")


def test_a_report_of_its_own_issuer_wins_over_an_earlier_study():
    text = ("A Vale University study found one thing. The Justice Department released a report on Monday. "
            "The figures rose, the report said.")
    assert _document(text, "report", "the report")[0] == "official"


def test_a_new_report_does_not_take_an_earlier_study():
    text = "A Vale University study found one thing. Prices rose, a report said."
    assert _document(text, "a report", "a report") is None


def test_an_author_after_by_a_is_read():
    text = "Figures were skewed, according to a report released Thursday by a House Republican task force."
    assert _document(text, "a report", "a report") == ("politician", "politician-role@issuer")


def test_the_justice_review_is_the_justice_department():
    text = "The Justice review examined 600 incidents. \u201cNot a close case,\u201d the report concluded."
    assert _document(text, "report", "the report") == ("official", "org-government-short-name@issuer")
    assert _voice("Justice", kind="organisation") == ("official", "org-government-short-name")
    assert _voice("U.S. Citizenship", kind="organisation") == ("official", "org-government-short-name")
    assert _voice("Jo Roe", "who applied for U.S. citizenship")[0] != "official"


# ---------------------------------------------------------------- reporting participles end a name's context

def test_police_saying_a_name_does_not_make_the_name_police():
    text = "The killing was vicious, with police saying Jo Roe, a gang member, struck the boy."
    ctx = voices.name_context(text, text.index("Jo Roe"), text.index("Jo Roe") + 6)
    assert not ctx.lower().startswith("police")
    assert _in_text(text)[0] != "official"


# ---------------------------------------------------------------- a nickname in quotes inside a name

@pytest.mark.parametrize("text, name, voice", [
    ("Former Democratic presidential hopeful Robert Francis \u201cBeto\u201d Roe lamented the shooting.", "Roe",
     "politician"),
    ("North Vale Mayor Francis \u201cMac\u201d Roe told the paper so.", "Roe", "official"),
    ("Vale Mayor William H. \"Bill\" Roe said he would wait.", "Roe", "official"),
])
def test_a_quoted_nickname_does_not_cut_the_title_off_a_name(text, name, voice):
    assert _in_text(text, name)[0] == voice


def test_a_quoted_word_before_a_name_is_still_a_boundary():
    text = "He said \u201cno\u201d Roe said so."
    i = text.index("Roe")
    assert voices.name_context(text, i, i + 3) == "Roe"


# ---------------------------------------------------------------- acted on by police

def test_a_person_acted_on_by_police_is_no_government_body():
    assert _voice("Jo Roe", "who was roused by police from the encampment")[0] != "official"
    assert _voice("Jo Roe", "who was questioned by police for hours")[0] != "official"


def test_a_person_employed_by_the_police_stays_official():
    assert _voice("Jo Roe", "a clerk employed by the Vale police")[0] == "official"


def test_the_director_of_a_project_named_for_those_it_serves_is_advocacy():
    e = Entity("e", "Vale Dreamers Project director", "anonymous", "director", "Vale Dreamers Project")
    assert voices.classify_speaker(e) == ("advocacy", "org-advocacy")
    assert _voice("Jo Roe", "Vale Refugee Council president") == ("advocacy", "org-advocacy")
