"""Round 13 of issue 3 (junk speakers and words credited to the wrong person): made-up articles only."""

from __future__ import annotations

from newsvoices.extract import extract
from newsvoices.model import Article


def _quotes(text: str):
    ex = extract(Article("t", text))
    return [(q.kind, q.cue, ex.entity(q.entity).name if q.entity else None) for q in ex.quotes]


# ---- a pronoun speaker is no one named inside the quote's own words
def test_pronoun_speaker_skips_a_person_named_in_its_own_content():
    """'Ivo Lund led the prayers later, he said': the rabbi named before says it, not Lund."""
    text = ("Rabbi Abe Orr spoke to reporters outside the hall.\n\n"
            "Ivo Lund led the prayers at the hall later that night, he said.")
    assert _quotes(text) == [("indirect", "said", "Abe Orr")]


def test_pronoun_speaker_still_finds_a_person_named_before_the_quote():
    """The same sentence without a name inside its content keeps the nearest person."""
    text = ("Rabbi Abe Orr spoke to reporters outside the hall.\n\n"
            "The prayers went on at the hall late into the night, he said.")
    assert _quotes(text) == [("indirect", "said", "Abe Orr")]


# ---- a source noun inside a prepositional phrase is no subject
def test_source_noun_after_a_preposition_is_no_subject():
    """'A lawsuit filed in a federal court argues': the lawsuit, not the court."""
    text = "The fight went on. A lawsuit filed in a federal district court in Ostby last week argues that the port is unsafe."
    assert _quotes(text) == [("indirect", "argues", "a lawsuit")]
    text = "The case is old. Another lawsuit in a state court is seeking to end the programme now."
    assert _quotes(text) == [("indirect", "seeking", "another lawsuit")]


def test_photo_provided_by_a_government_is_no_source():
    """'a photo provided by the county government shows': the government says nothing."""
    text = "The arrest came late. A handout photo provided by the Vark County government on Thursday shows the man in a cell."
    assert all(spk is None for _k, _c, spk in _quotes(text))
    # a source noun heading the subject still speaks
    text = "The port is busy. Audit files show that the count was wrong."
    assert [c for _k, c, _s in _quotes(text)] == ["show"]
