"""Round 20 of issue 3 ("speakers" that never spoke): made-up articles only."""

from __future__ import annotations

from newsvoices.extract import sentence_ends
from newsvoices.lexicon import load_lexicon

from test_speakers_round12 import _quotes  # (kind, cue, speaker name) of each quote


# ---- a full stop glued to the next sentence ("stronger.The authors") ends the sentence
def test_glued_full_stop_ends_a_sentence():
    """'... need to be stronger.The authors of the plan are working to show ...': the subject is "the authors",
    not the fragment "stronger.The authors" run across the sentence boundary."""
    text = ("Even one of the plan's authors, Councilman Abe Orr, has said harbour measures need to be stronger.The "
            "authors of the plan are working to show they are open to changes.")
    speakers = [spk for _k, _c, spk in _quotes(text)]
    assert "the authors" in speakers
    assert not any("stronger" in (s or "") for s in speakers)


def test_glued_full_stop_bounds_reported_speech():
    """'... but not everyone fears talking.Another resident said ...': the resident is the speaker."""
    text = ("The street was quiet on Monday. But not everyone fears talking.Another longtime resident said she has "
            "seen youths throwing rocks at the harbour guards many times.")
    assert _quotes(text) == [("indirect", "said", "another longtime resident")]


def test_glued_full_stop_after_an_acronym():
    """'"...," he said, according to ABC.Dros, however, expressed doubt': the acronym's full stop ends the
    sentence as well, so the next sentence has its own subject."""
    text = ("Orr said he and Dros would be working on a plan next year.During the hearing Orr called on "
            "Councilwoman Lena Dros to work with him. \u201cCome back to the table,\u201d he said, according to "
            "ABC.Dros, however, expressed doubt about the plan.")
    quotes = _quotes(text)
    assert ("indirect", "expressed", "Councilwoman Lena Dros") in quotes
    assert not any("ABC" in (spk or "") for _k, _c, spk in quotes)


def test_sentence_ends_glued_but_not_abbreviations_or_addresses():
    """The glued full stop ends a sentence; an abbreviation ("Col.Tony"), initials ("U.S.The") and an e-mail
    address ("Jo.Roe@...") do not."""
    abbrev = load_lexicon().abbreviations
    text = "It must be stronger.The authors agree. Write to Jo.Roe@example.com or Col.Tony Shaffer. The U.S.The end."
    ends = sentence_ends(text, 0, len(text), abbrev)
    assert [text[:e].rsplit(" ", 1)[-1] for e in ends] == ["stronger.", "agree.", "Shaffer."]


# ---- a capitalised preposition opening the sentence is no part of the name after it
def test_despite_opening_a_sentence_is_not_part_of_the_name():
    """"Despite Kelly's objections, ... Kelly said": the speaker is Kelly, not "Despite Kelly"."""
    text = ("Despite Kelly\u2019s objections, the council voted for the harbour plan on Monday. "
            "\u201cWe will keep fighting,\u201d Kelly said.")
    assert [q for q in _quotes(text) if q[0] == "direct"] == [("direct", "said", "Kelly")]
    # the openers are no function words: "He said despite the vote, ..." still reports the clause
    text = ("\u201cWe will win,\u201d said Mr. Abe Kobach. He said despite the vote in the council, state "
            "lawmakers realize that the states are their only avenue.")
    assert _quotes(text)[-1] == ("indirect", "said", "Abe Kobach")


def test_regarding_and_unlike_openers():
    """"Regarding Rep. Abe Orr's plan, ..." makes no person "Regarding Rep. Abe Orr" for a later "Orr said"."""
    text = ("Unlike Ostby Harbour, the guards of the north port search every boat. Ostby Harbour said it would "
            "not do so. Regarding Rep. Abe Orr\u2019s plan, the council is divided. Orr said the plan would cost "
            "less than expected.")
    assert [spk for _k, _c, spk in _quotes(text)] == ["Ostby Harbour", "Abe Orr"]


# ---- a role or nominal speaker phrase that ran on over a verb of saying ends before it
def test_speaker_phrase_ends_before_an_earlier_speech_verb():
    """'The mayor said she wants ... and claimed "..."': the speaker is "the mayor", not "the mayor said";
    "many conservatives argue ..., saying": "many conservatives"."""
    # (no "Mayor" title before the name: since round 21 "the mayor" would resolve to the titled "Mayor Lena Dros")
    text = ("Lena Dros spoke on Monday. The mayor said she wants to add 230 boats this year and claimed the "
            "crime rate \u201cwould be quickly and substantially reduced.\u201d")
    assert ("direct", "claimed", "the mayor") in _quotes(text)
    text = ("In the current debate, many conservatives argue against offering a pathway to citizenship, saying "
            "that it would reward lawbreakers.")
    assert _quotes(text) == [("indirect", "saying", "many conservatives")]


def test_organisation_speaker_ends_before_an_earlier_speech_verb():
    """'The Ostby Harbour Department said in a statement it believes ...': the department, no "said" in its
    name; a noun that is also a verb form ("police reports") stays whole."""
    text = "The Ostby Harbour Department said in a statement it believes its hands are tied."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Ostby Harbour Department"]
    text = "The boat was stopped twice, according to police reports."
    assert [spk for _k, _c, spk in _quotes(text)] == ["police reports"]
