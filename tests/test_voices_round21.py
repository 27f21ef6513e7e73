"""Round 21 of issue 3 (voice types the rules got wrong for real speakers: a role cut at "Washington, D.C.,",
a clause after a name read as its role, a former prosecutor now in private practice typed as a former
official, officers' associations typed as the government, a poll kept with its news organisation typed as
media, one unnamed aide, sergeant or SEAL and an official "told CNN" typed as government, a candidate's
campaign committee typed as an advocacy group).

Made-up names and sentences only.
"""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _cls(name: str, kind: str = "person", description: str | None = None,
         organisation: str | None = None) -> tuple[str, str]:
    return voices.classify_speaker(Entity("x", name, kind, description, organisation))


def _ctx(text: str, name: str) -> str:
    i = text.index(name)
    return voices.name_context(text, i, i + len(name))


# ---------------------------------------------------------------- a city and its state inside an appositive

@pytest.mark.parametrize("text,name,want", [
    ("Jo Roe, a Washington, D.C., attorney who has represented tea party groups, said so.", "Jo Roe",
     "Jo Roe ; a Washington, D.C., attorney who has represented tea party groups"),
    ("Bo Li, a Phoenix, Ariz.-based lawyer, said.", "Bo Li", "Bo Li ; a Phoenix, Ariz.-based lawyer"),
    ("Al Vega, a San Antonio, Texas, immigration lawyer, said.", "Al Vega",
     "Al Vega ; a San Antonio, Texas, immigration lawyer"),
])
def test_city_and_state_do_not_end_the_appositive(text, name, want):
    assert _ctx(text, name) == want


def test_the_attorney_in_washington_dc_is_legal():
    text = "Jo Roe, a Washington, D.C., attorney who has represented tea party groups, said Friday that it was wrong."
    i = text.index("Jo Roe")
    e = Entity("e1", "Jo Roe", "person", "a Washington")  # the extractor's description, cut at the comma
    got = voices.classify_article(text, [e], [Mention("e1", i, i + 6, "Jo Roe", "name")])["e1"]
    assert got[0] == "legal"


@pytest.mark.parametrize("text,name,want", [
    ("Jo Roe, a Democrat, said.", "Jo Roe", "Jo Roe ; a Democrat"),     # no state after the comma
    ("Jo Roe, a Boston resident, Texas native, said.", "Jo Roe", "Jo Roe ; a Boston resident"),
])
def test_other_commas_still_end_it(text, name, want):
    assert _ctx(text, name) == want
    assert _ctx("Bo Li, a Phoenix, Ariz., lawyer, said.", "Bo Li") == "Bo Li ; a Phoenix, Ariz., lawyer"  # the change


# ---------------------------------------------------------------- a clause after a name is no role

def test_a_clause_opened_by_and_is_no_appositive():
    text = "The court heard the petition of Jo Roe, and issued notices to both the state and federal governments."
    assert _ctx(text, "Jo Roe") == "Jo Roe"
    i = text.index("Jo Roe")
    e = Entity("e1", "Jo Roe", "person")
    got = voices.classify_article(text, [e], [Mention("e1", i, i + 6, "Jo Roe", "name")])["e1"]
    assert got[0] != "official"
    # an appositive still counts, also one opened by "then"
    assert _ctx("Jo Roe, a spokesman for the agency, said.", "Jo Roe") == "Jo Roe ; a spokesman for the agency"
    assert _ctx("a video showing him punching Jo Roe, then his fiancée, in a lift.", "Jo Roe").endswith("then his fiancée")


# ---------------------------------------------------------------- a former prosecutor now in private practice

@pytest.mark.parametrize("desc", [
    "a 74-year-old former state attorney who now has a private legal practice",
    "a former prosecutor now in private practice",
])
def test_former_prosecutor_in_private_practice_is_legal(desc):
    assert _cls("Jo Roe", description=desc) == ("legal", "private-practice")


@pytest.mark.parametrize("desc,voice", [
    ("a doctor in private practice", "expert"),          # no lawyer
    ("a former state attorney", "expert"),               # no present practice stated: former-official
])
def test_no_private_legal_practice_stated(desc, voice):
    v, r = _cls("Jo Roe", description=desc)
    assert r != "private-practice" and v == voice
    assert _cls("Jo Roe", description="a former prosecutor in private practice")[0] == "legal"  # the change


# ---------------------------------------------------------------- officers' associations

@pytest.mark.parametrize("name", ["ICE Council", "Ethical Society of Police", "Los Angeles Police Protective League"])
def test_officers_associations_are_advocacy(name):
    assert _cls(name, "organisation") == ("advocacy", "union-staff")


@pytest.mark.parametrize("name,voice", [("ICE", "official"), ("Metropolitan Police", "official"),
                                        ("Police Department", "official")])
def test_the_agencies_themselves_stay_official(name, voice):
    assert _cls(name, "organisation")[0] == voice
    assert _cls("ICE Council", "organisation")[0] == "advocacy"  # the change


# ---------------------------------------------------------------- polls

def test_a_poll_kept_with_its_news_organisation_is_research():
    assert _cls("CNN poll released", "anonymous", "poll released", "CNN") == ("expert", "poll-named")
    assert _cls("Fox News poll", "anonymous", "poll", "Fox News") == ("expert", "poll-named")


def test_a_public_bodys_survey_is_no_poll_named():
    assert _cls("DHS survey", "anonymous", "survey", "DHS")[1] != "poll-named"
    assert _cls("Census Bureau survey", "anonymous", "survey", "Census Bureau")[1] != "poll-named"
    assert _cls("CNN poll", "anonymous", "poll", "CNN")[1] == "poll-named"  # the change


# ---------------------------------------------------------------- one unnamed insider

@pytest.mark.parametrize("name,desc,org", [
    ("a senior administration official told CNN", "senior administration official told cnn", None),
    ("an official told The New York Times", "official told the new york times", None),
    ("a sergeant", "sergeant", None),
    ("one SEAL", "seal", None),
    ("a detective", "detective", None),
])
def test_one_unnamed_insider_is_a_civil_servant(name, desc, org):
    assert _cls(name, "anonymous", desc, org) == ("civil_servant", "anonymous-official-one")


@pytest.mark.parametrize("name,desc,org", [
    ("Homeland Security aide", "aide", "Homeland Security"),
    ("a White House aide", "aide", None),
])
def test_one_government_aide_is_a_civil_servant(name, desc, org):
    assert _cls(name, "anonymous", desc, org) == ("civil_servant", "anonymous-aide-government")


@pytest.mark.parametrize("name,desc,org,voice", [
    ("White House aides", "aides", "White House", "official"),   # a group speaks for its institution
    ("a Democratic aide", "aide", "Democratic", "anonymous"),      # party only: role not stated
    ("a retired sergeant", "sergeant", None, "expert"),           # former
    ("sergeants", "sergeants", None, "official"),
    ("the sergeant", "sergeant", None, "official"),               # definite: mostly a person the article names
    ("the trooper", "trooper", None, "official"),
    ("a campaign aide", "aide", None, None),
])
def test_groups_party_aides_and_former_ranks_are_not(name, desc, org, voice):
    v, r = _cls(name, "anonymous", desc, org)
    assert r not in ("anonymous-official-one", "anonymous-aide-government")
    assert voice is None or v == voice
    assert _cls("a sergeant", "anonymous", "sergeant")[0] == "civil_servant"  # the change


# ---------------------------------------------------------------- a candidate's campaign committee

def test_a_candidates_campaign_committee_is_politician():
    assert _cls("Jo Roe", description="Obama for America Director of Hispanic press") == ("politician", "politician-role")
    assert _cls("Jo Roe", description="a spokeswoman for Romney for President")[0] == "politician"


def test_other_x_for_y_groups_stay_advocacy():
    assert _cls("Jo Roe", description="director of Americans for Prosperity")[0] == "advocacy"
    assert _cls("Jo Roe", description="director of Citizens for Better Schools")[0] == "advocacy"
    assert _cls("Jo Roe", description="Biden for President spokesman")[0] == "politician"  # the change


# ---------------------------------------------------------------- the Kremlin

def test_the_kremlin_is_the_russian_government():
    assert _cls("Kremlin", "organisation") == ("official", "org-country")
    assert _cls("the Kremlin", "organisation")[0] == "official"
