"""Entity names cut by a title word (found reading the AllSides report's "discussed but never quoted" chart,
issue 3): "The Justice Department" was the organisation "Department" (so every "X Department" of the corpus
shared the speaker id ``department``), and "St. Louis" was a person "Louis". Made-up sentences.
"""

from __future__ import annotations

import pytest

from newsvoices.corpus import Article
from newsvoices.extract import extract


def _entities(text):
    return {e.name: e.kind for e in extract(Article(id="t", text="Title\n\n" + text)).entities}


@pytest.mark.parametrize("text, name", [
    ("The Justice Department said on Tuesday that two guards were charged.", "Justice Department"),
    ("A Justice Department spokesman declined to comment.", "Justice Department"),
    ("The President Commission met again on Friday, its chair said.", "President Commission"),
])
def test_an_organisation_named_with_a_title_word_keeps_it(text, name):
    ents = _entities(text)
    assert ents.get(name) == "organisation", ents
    assert "Department" not in ents and "Commission" not in ents


@pytest.mark.parametrize("text", [
    "In St. Louis, there were 55 murders this year, Mayor Lyda Krewson said.",
    "Crime rose in Ft. Worth and Mt. Vernon last year, police said.",
])
def test_a_place_opened_by_st_is_no_person(text):
    ents = _entities(text)
    assert not any(k == "person" and n in ("Louis", "St. Louis", "Worth", "Vernon") for n, k in ents.items()), ents


def test_titles_still_open_people():
    ents = _entities("Justice Ruth Bader Ginsburg dissented. Sen. Paul agreed, and Judge Jo Roe ruled.")
    assert ents.get("Ruth Bader Ginsburg") == "person" and ents.get("Jo Roe") == "person", ents


@pytest.mark.parametrize("footer", [
    "Copyright © 2019 The Fenwick Times, LLC. Click here for reprint permission.",
    "© 2019 Tribune Fenwick Agency, LLC",
    "(C) 2018 FENWICK CONTENT AGENCY, LLC",
    "Copyright 2013 The Fenwick Press.",
])
def test_copyright_footers_name_nobody(footer):
    ents = _entities("The mayor spoke on Monday.\n\n" + footer)
    assert not any("Fenwick" in n or n == "LLC" for n in ents), ents


def test_story_highlights_are_no_quotation_of_their_own():
    text = ("Title\n\nStory highlights Jo Roe says the new policy is fair\n\n"
            "Jo Roe, the governor, said on Monday that the new policy is fair.")
    quotes = extract(Article(id="t", text=text)).quotes
    assert all(q.start > text.index("Jo Roe, the governor") for q in quotes), quotes
