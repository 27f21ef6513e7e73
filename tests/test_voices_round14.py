"""Round 14 of issue 3 (voice types of real speakers, judged on the whole corpus): made-up names only."""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _voice(name: str, description: str | None = None, kind: str = "person") -> tuple[str, str]:
    return voices.classify(Entity("e", name, kind, description=description))


# ---------------------------------------------------------------- elected county and city boards

@pytest.mark.parametrize("description", ["Vale County Commissioner", "a county commissioner", "county supervisor",
                                         "a member of the board of supervisors", "city commissioner"])
def test_members_of_elected_local_boards_are_politicians(description):
    assert _voice("Jo Roe", description) == ("politician", "local-legislator")


@pytest.mark.parametrize("description", ["Police Commissioner", "the county health commissioner",
                                         "former county commissioner", "Town Supervisor"])
def test_appointed_commissioners_and_town_heads_stay_out_of_the_board_rule(description):
    assert _voice("Jo Roe", description)[1] != "local-legislator"


# ---------------------------------------------------------------- ideology words before a non-political noun

@pytest.mark.parametrize("description, voice", [
    ("a conservative editor", "commentator"),
    ("the conservative Springfield Daily columnist", "commentator"),
    ("a liberal activist in the suburbs", "advocacy"),
    ("president of the Vale Partnership for Conservative Principles", "advocacy"),
    ("policy director of the conservative Vale Crisis Network", "advocacy"),
])
def test_an_ideology_adjective_before_another_role_is_no_politician(description, voice):
    assert _voice("Jo Roe", description)[0] == voice


@pytest.mark.parametrize("description", ["a conservative Republican", "a liberal Democrat", "conservative"])
def test_ideology_with_a_party_or_alone_stays_politician(description):
    assert _voice("Jo Roe", description) == ("politician", "politician-role")


# ---------------------------------------------------------------- lawyers who lead an organisation

@pytest.mark.parametrize("description", [
    "president and executive director of the Lawyers' Committee for Fair Courts",
    "an immigration lawyer and director of the Vale Legal Resource Center",
    "deputy executive director of the Vale chapter of Justice For Our Neighbors",
])
def test_the_organisation_a_lawyer_leads_decides(description):
    assert _voice("Jo Roe", description) == ("advocacy", "org-advocacy")


@pytest.mark.parametrize("description", ["an immigration lawyer", "a lawyer with the Vale Rights Project",
                                         "defense attorney"])
def test_lawyers_who_lead_nothing_stay_legal(description):
    assert _voice("Jo Roe", description)[0] == "legal"


def test_a_lawyer_representing_a_party_stays_legal_whatever_they_direct():
    description = "the director of legal strategy for the Vale Policy Coalition and one of the lawyers representing the plaintiffs"
    assert _voice("Jo Roe", description)[0] == "legal"


def test_a_past_presidency_of_a_lawyers_association_leaves_the_lawyer_legal():
    description = "an immigration attorney and the former president of the Vale Immigration Lawyers Association"
    assert _voice("Jo Roe", description)[0] == "legal"


# ---------------------------------------------------------------- news organisations and their reports

@pytest.mark.parametrize("name, kind", [("Marshall Project", "organisation"), ("Politifact", "person"),
                                        ("McClatchy", "person"), ("Mediaite’s Ann Vale", "person")])
def test_news_organisations_named_without_a_newspaper_word_are_media(name, kind):
    assert _voice(name, kind=kind) == ("commentator", "media-outlet-name")


@pytest.mark.parametrize("name", ["Vice", "Reason", "Forbes"])
def test_ambiguous_one_word_outlet_names_are_left_alone(name):
    assert _voice(name)[1] != "media-outlet-name"


@pytest.mark.parametrize("name", ["Monitor analysis", "a Times analysis", "an AP analysis"])
def test_a_news_outlets_own_analysis_is_media_not_research(name):
    assert _voice(name, kind="group") == ("commentator", "document-media")


def test_a_poll_a_news_outlet_commissioned_stays_research():
    assert _voice("an NBC News poll", kind="group") == ("expert", "poll-named")


@pytest.mark.parametrize("description", ["an NBC analyst", "CNN legal analyst", "a Fox News contributor",
                                         "Florida news website"])
def test_media_analysts_and_news_sites_are_media(description):
    assert _voice("Jo Roe", description)[0] == "commentator"


def test_a_plain_analyst_stays_expert():
    assert _voice("Jo Roe", "an analyst") == ("expert", "expert-role")


def test_unnamed_legal_analysts_with_no_outlet_stay_expert():
    assert _voice("some legal analysts", "analysts", kind="group")[0] == "expert"


def test_news_agency_in_a_witness_context_is_not_a_media_role():
    # "told the AP news agency": the agency is who was told, not a role of the speaker
    assert _voice("Jo Roe", "told the Daily news agency")[1] != "media-role"


def test_his_or_her_document_skips_a_news_outlet_named_like_a_person():
    text = ("Rep. Jo Roe did not answer the Washington Free Beacon. "
            "According to her campaign website, Roe came to the country as a child.")
    ents = [Entity("p", "Rep. Jo Roe"), Entity("o", "Washington Free Beacon"), Entity("d", "her campaign website", "group")]
    ms = [Mention("p", 0, 11, "Rep. Jo Roe", "name"),
          Mention("o", text.index("Washington"), text.index("Washington") + 22, "Washington Free Beacon", "name"),
          Mention("d", text.index("her campaign"), text.index("her campaign") + 20, "her campaign website", "nominal")]
    v = voices.classify_article(text, ents, ms)
    assert v["o"] == ("commentator", "media-outlet-name")
    assert v["d"] == ("politician", "politician-role@issuer")


# ---------------------------------------------------------------- the article's words about an organisation

def _in_text(text: str, name: str = "Jo Roe") -> tuple[str, str]:
    i = text.index(name)
    return voices.classify(Entity("e", name, "person"), contexts=[voices.name_context(text, i, i + len(name))])


@pytest.mark.parametrize("text, voice", [
    ("Jo Roe, the head of Vale Relief, an evangelical non-profit that cares for refugees, said so.", "advocacy"),
    ("Jo Roe, a spokesperson for Vale Street, an advocacy group, said so.", "advocacy"),
    ("Jo Roe, head of Vale Works, a construction trade group, said so.", "business"),
])
def test_the_appositive_of_the_organisation_a_person_speaks_for_is_read(text, voice):
    assert _in_text(text)[0] == voice


def test_a_second_appositive_about_a_person_is_not_read_as_the_organisation():
    text = "Jo Roe, the mother of Bo Vale, a young man who was shot by a police officer, said so."
    assert _in_text(text)[0] == "public"


def test_only_the_kind_of_organisation_is_read_not_whom_it_serves():
    text = "said Jo Roe, advocacy director at Vale We Dream, a group that represents the Dreamers, on Monday."
    assert _in_text(text)[0] == "advocacy"


# ---------------------------------------------------------------- descriptions no rule read before

@pytest.mark.parametrize("description, voice", [
    ("writing in this publication", "commentator"),
    ("Vale Line Blog", "commentator"),
    ("the report's chief author", "expert"),
    ("the lead author of the study", "expert"),
    ("marketing director at Vale Diagnostics", "business"),
])
def test_writers_report_authors_and_marketing_directors(description, voice):
    assert _voice("Jo Roe", description)[0] == voice


def test_the_author_of_a_bill_is_no_researcher():
    assert _voice("Jo Roe", "an author of the bill")[0] != "expert"
