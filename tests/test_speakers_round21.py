"""Round 21 of issue 3 ("speakers" that never spoke): made-up articles only."""

from __future__ import annotations

from test_speakers_round12 import _quotes  # (kind, cue, speaker name) of each quote


# ---- a trailing "NAME told reporters." / "told a news conference." gives the clause before to NAME
def test_told_reporters_at_the_sentence_end_gives_the_clause_to_the_teller():
    """'Troopers found the driver ..., Sgt. Abe Tyler told reporters.': Tyler's words, not the troopers'."""
    text = ("The gunman drove off. Troopers found the driver inside with a self-inflicted gunshot wound, "
            "State Police Sgt. Abe Tyler told reporters.")
    assert _quotes(text) == [("indirect", "told", "Abe Tyler")]


def test_told_a_determiner_phrase_at_the_sentence_end():
    """'..., hospital officials told the Associated Press.' and '..., Abe Roe told the Associated Press on
    Monday.': the hearer is a noun phrase of several words, then nothing or an adverbial."""
    text = "Five people were in fair condition on Friday morning, hospital officials told the Associated Press."
    assert _quotes(text) == [("indirect", "told", "hospital officials")]
    text = "Five people were in fair condition on Friday morning, Abe Roe told the Associated Press on Monday."
    assert _quotes(text) == [("indirect", "told", "Abe Roe")]
    # a clause after the hearer is still the content after the cue, not a trailing attribution
    text = "The jury said on Friday that it is deadlocked. The judge told the panel it must keep working."
    assert ("indirect", "told", "The judge") in _quotes(text) or ("indirect", "told", "the judge") in _quotes(text)
    # a clause after the hearer is no adverbial: "a man told the woman to get in the house, then ran in
    # himself" gives the clause before no speaker "a man"; "urged the House to work on ..." is Dros's
    text = ("Nina Roe lives next door. Roe said when she called out to the woman, a man told the woman to get in "
            "the house, then ran in himself.")
    assert not any(s == "a man" for _k, _c, s in _quotes(text))
    text = "Lena Dros wrote to the speaker. In a letter to Mr. Abe Orr, she urged the House to work on its own plan."
    assert ("indirect", "urged", "Lena Dros") in _quotes(text)


def test_a_raising_fragment_gives_way_to_the_trailing_teller():
    """'They are expected to survive, Dr. Janis Orlowski told reporters.': the raising cue's fragment
    ("They ... to survive", no source) no longer hides the doctor's reported speech."""
    text = "Three people were taken to hospital. They are expected to survive, Dr. Janis Orlowski told reporters."
    assert _quotes(text) == [("indirect", "told", "Janis Orlowski")]
    # alone, the raising cue still gives its source-less fragments
    assert [q[2] for q in _quotes("Roe is expected to win the harbour seat.")] == [None, None]
    # and a passive's agent does not take the raising span: "The papers are believed to have been found by a
    # member of the public" is no one's words
    text = "The papers are believed to have been found by a member of the public in a street in Ostby."
    assert [s for _k, _c, s in _quotes(text)] == [None, None]


# ---- a cue word that does not agree with the quantifier before it is a noun
def test_noun_after_a_quantifier_is_no_cue():
    """'One question left unanswered ...' and 'Many advocates for reform read ...' have no speaker "One" or
    "Many"; 'Several reports say' is the reports' (a document), not "Several"."""
    text = ("The harbour plan is new. One question left unanswered by the plan is whether it will pass. "
            "Many advocates for reform read it as a setback. Several reports say the plan will fail.")
    assert _quotes(text) == [("indirect", "say", "reports")]
    # 'One said', 'Several cited', 'Many report' agree with the quantifier: they are still speakers
    text = ("Two men spoke to reporters on Monday. One said the plan would fail. Several cited the cost of "
            "the harbour. Many report a growing sense of anxiety about the plan.")
    assert [(c, s) for _k, c, s in _quotes(text)] == [("said", "One"), ("cited", "Several"), ("report", "Many")]
    # a capitalised number inside a name is no quantifier: "The Gang of Eight seeks ..." stays a cue
    text = "The Gang of Eight seeks a new border plan for the harbour."
    assert [(c, s) for _k, c, s in _quotes(text)] == [("seeks", "Gang of Eight")]


def test_generic_one_hopes_is_the_writer():
    """'a provision that would, one hopes, allow interpreters to enter' and 'One hopes that its justices
    will remember their role' are the writer's hopes, no speaker "one"."""
    text = ("It is a provision that would, one hopes, fully allow interpreters to enter the country. "
            "One hopes that its justices will remember their role.")
    assert not any(s and s.lower() == "one" for _k, _c, s in _quotes(text))


# ---- a speaker phrase that ran on over an auxiliary or over "told" and its hearer
def test_speaker_phrase_over_an_auxiliary_is_no_speaker():
    """'The lawmakers haven't committed to the ID card, and are wary of ...': a stance narrated, no speaker
    "the lawmakers haven't"; 'The families got the attention of Mayor Abe Orr, who tweeted: "..."' gives no
    speaker "the families got"."""
    text = ("The lawmakers haven't committed to the harbour ID card, and are wary of any element that might split "
            "the fragile coalition.")
    assert [s for _k, _c, s in _quotes(text)] == [None]
    text = ("The families got the attention of Mayor Abe Orr, who tweeted: \u201cIn the midst of darkest tragedy, "
            "the decency of the people shines through.\u201d")
    assert not any(s and "families" in s for _k, _c, s in _quotes(text))


def test_speaker_phrase_over_told_and_its_hearer_ends_before_the_verb():
    """'A senior administration official told CNN the operation had been planned ..., but said ...': the
    speaker of "said" is the official, not "a senior administration official told CNN"."""
    text = ("A senior administration official told CNN the operation had been planned for some time, but said "
            "the tweet had put the operation at the forefront.")
    assert ("indirect", "said", "a senior administration official") in _quotes(text)
