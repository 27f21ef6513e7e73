"""Round 19 of issue 3 (within-article speaker identity): "President Trump" in the headline or lede and
"Donald Trump" later in the same article were two speakers (ids ``trump`` and ``donald-trump``). Made-up
articles only.
"""

from __future__ import annotations

from newsvoices.extract import extract
from newsvoices.model import Article
from newsvoices.pipeline import analyze_article


def _speakers(text: str) -> set[str | None]:
    """Speaker names of the quotes with the cue "said"."""
    return {q["speaker"] for q in analyze_article(Article("t", text))["quotes"] if q["cue"] == "said"}


def _person_names(text: str) -> set[str]:
    return {e.name for e in extract(Article("t", text)).entities if e.kind == "person"}


def test_titled_surname_before_the_only_full_name_is_that_person():
    """The lede's "President Dorlan" is the "Marcus Dorlan" the article names in full only later."""
    text = ("President Dorlan defended the order on Monday.\n\n"
            "\"We will not back down,\" Dorlan said at the White House.\n\n"
            "Supporters want four more years of Marcus Dorlan.")
    assert _speakers(text) == {"Marcus Dorlan"}
    assert "Dorlan" not in _person_names(text)


def test_honorific_before_the_only_full_name_is_that_person():
    text = ("Mr. Dorlan left the meeting early.\n\n"
            "\"I have nothing more to add,\" Dorlan said.\n\n"
            "Aides to Marcus Dorlan declined to comment.")
    assert _speakers(text) == {"Marcus Dorlan"}


def test_titled_surname_of_the_other_sex_stays_apart():
    """"Mrs. Dorlan" is not the man "Marcus Dorlan" named later: the honorific gives another sex."""
    text = ("{} Dorlan left the meeting early.\n\n"
            "\"I have nothing more to add,\" Dorlan said.\n\n"
            "Aides to Marcus Dorlan declined to comment.")
    assert _speakers(text.format("Mrs.")) == {"Dorlan"}
    assert _speakers(text.format("Mr.")) == {"Marcus Dorlan"}


def test_two_full_names_of_one_surname_stay_apart():
    """With two full names of the surname ("Bill" and "Hillary"), the titled surname joins neither."""
    text = ("Senator Dorlan spoke first.\n\n\"This bill is a disgrace,\" Dorlan said.\n\n"
            "Marcus Dorlan and {} were seen at the rally later.")
    assert _speakers(text.format("Helen Dorlan")) == {"Dorlan"}
    assert _speakers(text.format("Helen Varga")) == {"Marcus Dorlan"}


def test_titled_surname_before_a_relative_named_in_full_stays_apart():
    """"President Dorlan" is not "his wife, Helen Dorlan" (a full name introduced by a noun of sex)."""
    text = ("President Dorlan cancelled the rally.\n\n\"This is a day for prayer,\" Dorlan said.\n\n"
            "He flew home with {}, on Sunday.")
    assert _speakers(text.format("his wife, Helen Dorlan")) == {"Dorlan"}
    assert _speakers(text.format("his pilot and Marcus Dorlan")) == {"Marcus Dorlan"}


def test_titled_surname_joins_a_full_name_introduced_with_another_title():
    """"Mr. Dorlan" before "President Marcus Dorlan": an honorific, the same man."""
    text = ("Mr. Dorlan left the meeting early.\n\n"
            "\"I have nothing more to add,\" Dorlan said.\n\n"
            "Aides to President Marcus Dorlan declined to comment.")
    assert _speakers(text) == {"Marcus Dorlan"}


def test_surname_joins_a_full_name_found_only_in_a_long_name_run():
    """"Immigration Services Director Bob Dorlan" is one long name run; the full name became a person only
    when its reported speech was read, after the direct quotes had made a person of the bare "Dorlan"."""
    text = ("Immigration Services Director Bob Dorlan on Monday defended a new rule on green cards.\n\n"
            "Dorlan told reporters that the change promotes \"the ideals of self-sufficiency\".\n\n"
            "\"We are not doing that,\" Dorlan said.")
    ex = extract(Article("t", text))
    people = [e for e in ex.entities if e.kind == "person" and e.name.endswith("Dorlan")]
    assert [e.name for e in people] == ["Bob Dorlan"]
    assert {q.entity for q in ex.quotes} == {people[0].key}


def test_titled_surname_introduced_as_a_relative_stays_apart():
    """"Dr. Dorlan, his uncle," is not the ancestor "Wolf-Leib Dorlan" named in full later; "Dr. Dorlan" with
    no relative noun is."""
    text = ("Dr. Dorlan, {}, said he felt \"increasing horror\" at the policy.\n\n"
            "Their ancestor, Wolf-Leib Dorlan, arrived at Ellis Island in 1903.")
    assert _speakers(text.format("his uncle")) == {"Dorlan"}
    assert _speakers(text.format("a reader")) == {"Wolf-Leib Dorlan"}


def test_a_capitalised_word_before_a_surname_is_no_full_name():
    """"Maybe Dorlan" (a sentence opened by a capitalised word before the surname) is no full name that
    the titled surname joins; "Marcus Dorlan" mid-sentence is."""
    text = ("President Dorlan spoke first.\n\n\"This bill is a disgrace,\" Dorlan said.\n\n"
            "{} will sign it anyway.")
    assert _speakers(text.format("Maybe Dorlan")) == {"Dorlan"}
    assert _speakers(text.format("Aides say Marcus Dorlan")) == {"Marcus Dorlan"}
