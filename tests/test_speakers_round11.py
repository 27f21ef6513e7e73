"""Round 11 of issue 3 (junk speakers and words credited to the wrong person): made-up articles only."""

from __future__ import annotations

from newsvoices.extract import extract
from newsvoices.model import Article
from newsvoices.pipeline import analyze_article


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    """(cue, speaker name) of every quote the pipeline keeps."""
    return [(q["cue"], q["speaker"]) for q in analyze_article(Article("t", text))["quotes"]]


def _said(text: str, cue: str = "said") -> set[str | None]:
    """Speakers of the quotes (direct and reported) with the given cue."""
    return {spk for c, spk in _speakers(text) if c == cue}


# ---- same surname, different people
def test_bare_surname_is_the_person_named_most_before_it():
    """A relative introduced in an appositive does not take over the bare surname."""
    text = ("Dara Quell, a farmer from Ostby and the son of the late Ennis Quell, backed the plan.\n\n"
            "Quell said the plan was \"long overdue and very welcome\".")
    assert _said(text) == {"Dara Quell"}


def test_bare_surname_counts_earlier_surname_mentions():
    """The person named by surname again and again stays the referent after a relative's full name."""
    text = ("T. Varn lost the case.\n\nVarn appealed on Monday, and his former partner, Mira Varn, asked "
            "for more time.\n\nVarn said the ruling was \"a disgrace to everyone involved\".")
    assert _said(text) == {"T. Varn"}


def test_first_name_alone_refers_back_only():
    """A place spelled like a later person's first name ("Ostby, Colina") is no mention of her."""
    text = ("The suspect lived in Ostby, Colina, with his parents.\n\n"
            "Guard Leo Brannt said the man \"came in smiling and then pulled a gun on me\".\n\n"
            "Brannt's mother, Colina Brannt, said she was proud of him.")
    ex = extract(Article("t", text))
    colina = [e for e in ex.entities if e.name == "Colina Brannt"]
    assert colina and all(m.start > text.index("mother") for m in ex.mentions if m.entity == colina[0].key)


def test_titled_surname_before_a_full_name_with_another_role_is_its_own_person():
    """'President Varo' is not the first lady introduced later as 'first lady Ines Varo'."""
    text = ("President Varo cancelled the rally.\n\n\"This is a day for prayer,\" Varo said.\n\n"
            "The White House issued a statement from the president and first lady Ines Varo.")
    assert _said(text) == {"Varo"}
    # a full name introduced with the same title is the same person
    text = ("Sen. Dorn spoke first.\n\nSen. Pia Dorn said the bill was \"a good first step for the state\".")
    assert _said(text) == {"Pia Dorn"}


def test_office_of_a_place_is_no_person():
    """'the Senator from Colina': Colina is the place of the office, not a person a pronoun can mean."""
    text = ("Ana Reyes phoned her son, the 41-year-old Senator from Colina, last week.\n\n"
            "\"Don't forget where you come from,\" she said.")
    ex = extract(Article("t", text))
    assert not any(e.name == "Colina" and e.kind == "person" for e in ex.entities)


def test_bare_surname_tie_goes_to_the_one_told_speaking():
    """Named once each: the relative told speaking ("Her father, Aziz Tarn, said") is the bare surname's
    referent, and one called by the first name alone ("Sabi") is not."""
    text = ("The victims included the exchange student Sabi Tarn, 17.\n\n"
            "Her father, Omar Tarn, said on Monday he hoped Sabi would be remembered.\n\n"
            "\"She should become an example for everyone,\" Tarn said in a phone interview.")
    assert _said(text) == {"Omar Tarn"}


def test_first_person_outside_quotes_is_the_writer_not_the_last_person_named():
    """'I believe ...' in the writer's own text is no reported speech of the person named before."""
    text = ("Willie Doe fell asleep in his car outside a diner.\n\n"
            "After watching the video, I believe the officers made the situation far more dangerous.")
    assert [spk for cue, spk in _speakers(text) if cue == "believe"] == [None]
    # inside a quotation the first person is the quoted speaker
    text = ("Willie Doe spoke to reporters on Monday.\n\n"
            "\"I believe the officers made it worse,\" Doe said.")
    assert _said(text) == {"Willie Doe"}
