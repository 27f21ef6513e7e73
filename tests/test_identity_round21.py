"""Round 21 of issue 3 (one speaker, one id, one clean name across a corpus): nationalities taken into
person names ("Russian Svetlana Kuznetsova", "Central American"), a weekday after a name ("Jeff Sessions
Thursday"), a photo credit glued to a name ("AP Photos Schumer"), adjectives made of names ("World
Cup-related"), "TV" as an actor, and plural possessives inside organisation names ("Building and Wood
Workers' International"). Made-up names only.
"""

from __future__ import annotations

import pytest

from newsvoices.corpus import Article
from newsvoices.entities import NameFinder, demonyms
from newsvoices.identity import org_key
from newsvoices.pipeline import analyze_article


def _runs(text: str) -> list[tuple[str, str]]:
    return [(r.text, r.kind) for r in NameFinder().runs(text, [(0, len(text))])]


def _speaker_ids(text: str, aid: str = "t") -> set[str]:
    return {r["speaker_id"] for r in analyze_article(Article(id=aid, text=text))["speakers"]}


# ---- demonyms


def test_demonym_before_a_name_is_no_part_of_it():
    runs = _runs("In the final the Russian Svetlana Quellberg won in three sets. Quellberg was tired.")
    assert runs[0] == ("Svetlana Quellberg", "person")
    runs = _runs("In the end the Swede Joakim Pellworth lost in five sets. Pellworth was tired.")
    assert runs[0] == ("Joakim Pellworth", "person")
    # (an unknown first name needs the surname alone elsewhere: "American Eagle Outfitters" is a shop)
    assert ("Eagle Outfitters", "person") not in _runs("Shares in American Eagle Outfitters rose, the firm said.")
    assert ("Terence Quellberg", "person") in _runs("the police shot the African American Terence Quellberg in his car last week.")
    assert ("Ada Pellworth", "person") in _runs("it was a win for the South African Ada Pellworth in her first final.")

    # (and where it stays: before an organisation, a title or a first name that looks like a nationality)
    runs = _runs("The American Civil Liberties Union sued. Then Russian President Ivo Quellberg spoke.")
    assert ("American Civil Liberties Union", "organisation") in runs
    assert any(t.endswith("Ivo Quellberg") and k == "person" for t, k in runs)
    # a name whose first word looks like a nationality but is a first name ("German" is not listed)
    assert ("German Pellworth", "person") in _runs("The reporter German Pellworth wrote it.")
    # a body whose words the article also writes in lower case ("the music industry")
    runs = _runs("Sales fell, the British Phonographic Industry said, as the music industry shrank.")
    assert ("Phonographic Industry", "person") not in runs


def test_a_run_of_demonyms_is_a_people_not_a_person():
    runs = _runs("Many Central American families came. Then African Americans voted. A North Korean ship.")
    assert ("Central American", "other") in runs
    assert ("African Americans", "other") in runs
    assert ("North Korean", "other") in runs


def test_demonym_speaker_id_is_the_persons_name():
    text = ('Tennis\n\nThe Swede Joakim Pellworth beat the Russian Svetlana Quellberg. "I played well," '
            'Swede Joakim Pellworth said. "It was hard," Quellberg said. Pellworth won.')
    ids = _speaker_ids(text)
    assert "joakim-pellworth" in ids
    assert not any(i.startswith(("swede-", "russian-")) for i in ids)


def test_demonyms_file_rejects_a_lower_case_entry(tmp_path):
    p = tmp_path / "demonyms.txt"
    p.write_text("# comment\nRussian\nswede\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"demonyms.txt:3"):
        demonyms(str(p))
    assert {"Russian", "Swede", "Puerto Rican"} <= demonyms()


# ---- words after or around a name


def test_weekday_after_a_name_is_no_part_of_it():
    assert ("Jeff Quellberg", "person") in _runs("Attorney General Jeff Quellberg Thursday said no.")
    assert ("Super Tuesday", "other") in _runs("It was Super Tuesday in the state.")


def test_photo_credit_before_a_name():
    assert _runs("AP Photos Jo Quellberg said no to the plan.") == [("Jo Quellberg", "person")]


def test_adjective_made_of_a_name_is_no_actor():
    assert ("World Cup-related", "other") in _runs("Workers on World Cup-related projects were paid late.")


def test_tv_alone_is_no_actor():
    assert _runs("He said it on TV last night.") == []
    assert ("Sky TV", "organisation") in _runs("He said it on Sky TV last night.")


# ---- plural possessives inside organisation names


def test_plural_possessive_inside_an_organisation_name():
    text = "The union the Building and Wood Workers\u2019 International said so. The Veterans' Association agreed."
    runs = _runs(text)
    assert ("Building and Wood Workers\u2019 International", "organisation") in runs
    assert ("Veterans' Association", "organisation") in runs
    assert ("Wood Workers", "person") not in runs and ("Workers", "single") not in runs
    assert org_key("Building and Wood Workers\u2019 International") == "building wood workers international"
    # at a sentence end, and not after a person's plural possessive
    assert ("Workers\u2019 Party", "organisation") in _runs("Jo Pellworth met the Workers\u2019 Party. Then she left.")
    assert ("Democrats", "single") in _runs("The Democrats\u2019 Ada Pellworth said no.")


def test_plural_possessive_organisation_speaker_id():
    text = ('Wages\n\n"Workers were not paid," the Building and Wood Workers\u2019 International said in a statement. '
            'The Building and Wood Workers\u2019 International has campaigned for years.')
    ids = _speaker_ids(text)
    assert "building-wood-workers-international" in ids
    assert "wood-workers" not in ids


# ---- "of" after a person's name


def test_place_or_body_after_a_persons_name_is_no_part_of_the_id():
    from newsvoices.identity import person_key

    assert person_key("Sen. Ada Pellworth of Florida") == "ada pellworth"
    assert person_key("Jo Quellberg from the Refugee Council") == "jo quellberg"
    assert person_key("Ada Pellworth") == "ada pellworth"
    text = ('Senate\n\n"We will vote no," said Sen. Ada Pellworth of Florida. '
            'Pellworth spoke for an hour. "It is over," she said.')
    ids = _speaker_ids(text)
    assert "ada-pellworth" in ids and "ada-pellworth-of-florida" not in ids
    assert "pellworth" not in ids  # (the surname joins the full name within the article)
    runs = _runs("The bill, said Sen. Ada Pellworth of South Dakota, was dead on arrival.")
    assert ("Ada Pellworth", "person") in runs and ("South Dakota", "place") in runs
    # a body after "of" is a run of its own too (merged with the lead's round 21: attribution then makes the
    # person the speaker and the body their organisation, tests/test_identity_lead21.py)
    runs = _runs("It is unlawful, said Ada Pellworth of the American Civil Liberties Union on the steps.")
    assert ("Ada Pellworth", "person") in runs and ("American Civil Liberties Union", "organisation") in runs
