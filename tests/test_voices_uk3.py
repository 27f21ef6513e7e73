"""UK round 3 of issue 3: what the UK samples (uk_blind1-4, development data) showed the codebook still gets
wrong - athletes and artists named with no role word beside the name typed public, companies named alone typed
other, company descriptions, company spokespeople and statements typed official.

Made-up names and sentences only; most articles are run through the whole pipeline (see test_voices_uk.py).
Each test fails without the UK round 3 change except the guards (marked).
"""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity
from test_voices_uk import _voice  # (voice type, rule) of a quoted speaker in a one-article run

SPORT = ("Rugby union\n\nWelvar edged out Bath in a tight match at the Arms Park. The home squad had lost the "
         "league leaders to injury. Kemi Dallow scored two tries in the second half. \"We kept our heads,\" "
         "said Kemi Dallow. The coach was pleased with the season so far.")
CULTURE = ("Tour news\n\nThe band will play ten concerts this summer and release a new album in May, their first "
           "since the Grammy nominations. \"The songs are the best we have written,\" said Rena Colbeck on "
           "stage in Leeds. The tour opens at the festival in June.")


def test_a_person_named_with_no_role_in_a_sport_article_is_sport_culture():
    assert _voice(SPORT, "Kemi Dallow") == ("sport_culture", "sport-role@context")


def test_a_person_named_with_no_role_in_a_culture_article_is_sport_culture():
    assert _voice(CULTURE, "Rena Colbeck") == ("sport_culture", "culture-role@context")


def test_guard_one_sport_word_in_an_article_places_no_one():
    # a sports word in the person's sentence, but the article is about a flood: still public
    text = ('Flood\n\nThe river burst its banks overnight. "The water reached the windows after the match '
            'ended," said Mary Castlow. Residents were moved to the school hall.')
    assert _voice(text, "Mary Castlow")[0] == "public"


def test_guard_a_culture_article_about_a_shooting_places_no_one_through_culture():
    # witnesses at a concert are public (the AllSides blind coders): no culture context in a shooting story
    text = ("Festival attack\n\nShots rang out during the concert on the festival's main stage, police said. The "
            "band had just started their tour and their new album was out. \"We dove under the stage,\" said Jon "
            "Verrell. A gunman was arrested.")
    voice, rule = _voice(text, "Jon Verrell")
    assert rule != voices.CULTURE_CONTEXT_RULE and voice == "public"


@pytest.mark.parametrize("text, name", [
    ('Cars\n\nShares in carmaker Vantoro rose 3%. Vantoro said sales in Europe would be "stable".', "Vantoro"),
    ('Cars\n\nVantoro boss Kel Amis will retire. Vantoro said the outlook was "stable".', "Vantoro"),
    ('Cars\n\nThe deal lifted shares in Vantoro. Vantoro said the outlook was "stable".', "Vantoro"),
])
def test_an_organisation_the_text_calls_a_company_is_business(text, name):
    assert _voice(text, name) == ("business", voices.COMPANY_CONTEXT_RULE)


def test_guard_company_in_text_needs_the_company_word_next_to_the_name():
    cb = voices.load_codebook()
    # "lobbying firm BGR Kellan's defenders": the firm is BGR, not Kellan
    text = "Ex-Rep. Duffy joins lobbying firm BGR Kellan's defenders are tired. Kellan said no."
    assert voices.company_in_text(text, Entity("e", "Kellan"), cb) is None
    # a country's sales are no company's
    assert voices.company_in_text("Nigeria's cocoa sales rose. Nigeria said so.", Entity("e", "Nigeria"), cb) is None
    assert voices.company_in_text("Swiss cement firm Holvik bid. Holvik said so.", Entity("e", "Holvik"),
                                  cb) == ("business", voices.COMPANY_CONTEXT_RULE)


@pytest.mark.parametrize("description, voice", [
    ("a leading German insurer", "business"),
    ("once among the most profitable of US grocers", "business"),
    ("the studio behind the film", "business"),
    ("BPI chief", "business"),
    ("EA's vice president of sales and marketing in Europe", "business"),
    ("a member of the Vantoro management board", "business"),
    # guards: a law firm is legal, a policy maker is no maker
    ("a law firm", "legal"),
    ("a policy maker", "public"),
])
def test_company_descriptions(description, voice):
    assert voices.classify(Entity("e", "Jo Roe", "person", description))[0] == voice


def test_a_company_spokesperson_named_by_the_company_is_business():
    text = ('Radios\n\nEton Lumex Corporation makes the new radio. "It is for the daring buyer," said an Eton Lumex '
            'spokesperson.')
    assert _voice(text, "spokesperson") == ("business", "org-business@principal")


def test_a_company_statement_is_business():
    text = ('Cement\n\nSwiss cement firm Holvik has bid $800m for two Indian firms. The offer was "fair and full", '
            'a Holvik statement said.')
    assert _voice(text, "statement") == ("business", "org-business@issuer")


def test_guard_a_film_maker_is_no_company():
    cb = voices.load_codebook()
    assert voices.company_in_text("Acclaimed film-maker Leigh spoke. Leigh said so.", Entity("e", "Leigh"), cb) is None
    # campaign groups have founders too ("True the Vote founder"): a founder names no company
    assert voices.company_in_text("Fair the Vote founder Jo Roe spoke. Vote said so.", Entity("e", "Vote"),
                                  cb) is None


@pytest.mark.parametrize("name", ["Mirror", "Daily Express", "the Daily Mail"])
def test_uk_newspapers_named_alone_are_media(name):
    assert voices.classify(Entity("e", name, "organisation")) == ("commentator", "media-outlet-name")


def test_the_president_of_a_company_the_text_names_is_business():
    text = ('Radio\n\nThe station works with technology firm Sydrel. "This player is what 3G was built for," said '
            'Saumil Varnati, president of Sydrel.')
    assert _voice(text, "Saumil Varnati") == ("business", voices.COMPANY_OFFICE_RULE)


def test_guard_the_president_of_a_country_stays_official():
    text = ('Talks\n\nThe two leaders met in Lima. "We agreed on trade," said Jo Aldana, president of Peru.')
    assert _voice(text, "Jo Aldana")[0] == "official"
