"""UK round of issue 3 ("the codebook must work on UK and US news alike"): voice types of UK speakers
read in the BBC 2005 and Guardian 2022 corpora - departments and their short names, the Bank of
England, regulators, business lobbies, unions, sports bodies, party spokespeople and presidents.

Made-up names and sentences only; each article is run through the whole pipeline.
"""

from __future__ import annotations

import pytest

from newsvoices import analyze, voices
from newsvoices.corpus import Article
from newsvoices.extract import Entity


def _voice(text: str, name: str) -> tuple[str, str]:
    """(voice type, rule) of the quoted speaker called ``name`` in a one-article run."""
    sp = analyze([Article(id="uk1", text=text)], workers=1).speakers
    hit = sp[sp["name"].str.contains(name, regex=False) & (sp["n_quotes"] > 0)]
    assert not hit.empty, f"{name!r} is not a quoted speaker: {sp[['name', 'n_quotes']].to_dict('records')}"
    return hit.iloc[0]["voice_type"], hit.iloc[0]["voice_rule"]


@pytest.mark.parametrize("text, name, voice", [
    # a department's short name, a regulator, the audit office
    ('Tax row\n\nThe Treasury said the figures were "entirely sound".', "Treasury", "official"),
    ('Banks warned\n\nThe Financial Services Authority said lenders must "treat customers fairly".',
     "Financial Services Authority", "official"),
    ('Farm scheme\n\nThe National Audit Office said the scheme had "improved markedly".',
     "National Audit Office", "official"),
    # the central bank and its rate-setting committee: a public body, not a bank or a legislature
    ('Rates held\n\nThe Bank of England said inflation would stay "close to target".', "Bank of England", "official"),
    # business lobbies and their heads
    ('Budget\n\n"It is a missed chance," said Jo Pellow, director general of the British Chambers of Commerce.',
     "Jo Pellow", "business"),
    ('Budget\n\n"Firms will cope," said Tam Brierly, CBI director general.', "Tam Brierly", "business"),
    # a union, read before the "Congress" of its name
    ('Pay\n\nThe Trades Union Congress said the offer was "an insult to staff".', "Trades Union Congress", "advocacy"),
    # sports governing bodies: not government, not a cause, and (UK round 2, the UK blind coders) not business;
    # sport_culture since UK round 5
    ('Cup row\n\nA Fifa spokesman said the stadiums were "ready and safe".', "Fifa spokesman", "sport_culture"),
    ('Cup row\n\nThe Football Association said it would "keep pressing for change".', "Football Association",
     "sport_culture"),
])
def test_uk_public_bodies_lobbies_unions_and_sport_bodies(text, name, voice):
    assert _voice(text, name)[0] == voice


@pytest.mark.parametrize("text, name", [
    # a party's spokesperson with a government word in the title ("local government spokesman")
    ('Council tax\n\nPlaid Cymru\'s local government spokesman Ifor Pughe called it "hugely disappointing".',
     "Ifor Pughe"),
    ('Budget\n\n"It is a con," said Vin Carbery, the party\'s Treasury spokesman.', "Vin Carbery"),
    # a party's president is no head of state
    ('Pensions\n\nMeanwhile, the Liberal Democrats\' President Sam Hollins said: "Pensioners are let down."',
     "Sam Hollins"),
    # a campaign group named "Campaign for ..." is no election campaign
    ('Railway\n\nAnn Brodie, of Campaign for Valley Rail, said reopening the line "would transform the area".',
     "Ann Brodie"),
])
def test_uk_party_figures_are_politicians_and_campaign_groups_are_not(text, name):
    expected = "advocacy" if name == "Ann Brodie" else "politician"
    assert _voice(text, name)[0] == expected


def test_an_unnamed_party_spokesman_is_a_politician():
    e = Entity("x", "a Labour Party spokesman", "anonymous", "labour party spokesman")
    assert voices.classify(e)[0] == "politician"
    # a department's spokeswoman stays official
    e = Entity("x", "a Home Office spokeswoman", "anonymous", "home office spokeswoman")
    assert voices.classify(e)[0] == "official"


def test_a_person_surnamed_fox_is_no_tv_network():
    t = 'Tories\n\nConservative co-chairman Tom Fox said: "We will win the argument."'
    assert _voice(t, "Tom Fox")[0] == "politician"
    # the network itself stays media
    assert _voice('TV\n\nFox said the show "will return in the autumn".', "Fox")[0] == "commentator"


def test_a_market_strategist_is_an_expert():
    t = '"You cannot sue the state," said Ivo Brankov, a strategist at Riverton Securities.'
    assert _voice("Markets\n\n" + t, "Ivo Brankov")[0] == "expert"
    t = 'Bonds\n\n"Yields will rise," said Ola Fenwick, chief currency strategist at Harbour Bank.'
    assert _voice(t, "Ola Fenwick")[0] == "expert"


def test_an_amicus_brief_is_no_union_and_a_treasury_employees_union_is_no_treasury():
    e = Entity("x", "an amicus brief filed", "group", "amicus brief filed")
    assert voices.classify(e)[0] != "advocacy"
    e = Entity("x", "Jo Reave", "person", "president of the National Treasury Employees Union")
    assert voices.classify(e)[0] == "advocacy"


def test_an_accountancy_acronym_is_no_us_call_sign():
    t = 'Deals\n\nKPMG said mergers had "picked up sharply" in the second half.'
    assert _voice(t, "KPMG")[0] != "commentator"


def test_us_speakers_keep_their_voices():
    # guards for the UK patterns: a US department secretary, a chamber of commerce head, a party spokesman
    assert _voice('Tariffs\n\nTreasury Secretary Al Brandt said: "We will act."', "Al Brandt")[0] == "official"
    assert _voice('Tax\n\n"We oppose it," said Jo Rask, president of the Ohio Chamber of Commerce.', "Jo Rask")[0] \
        == "business"
    assert _voice('Vote\n\nThe White House said the bill was "dead on arrival".', "White House")[0] == "official"
