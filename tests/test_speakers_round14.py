"""Round 14 of issue 3 (junk speakers and words credited to the wrong person): made-up articles only."""

from __future__ import annotations

from test_speakers_round12 import _quotes  # (kind, cue, speaker name) of each quote


# ---- in reported speech "it"/"they" reaches an organisation only within its own paragraph
def test_they_does_not_reach_an_organisation_named_in_an_earlier_paragraph():
    """The port authority was last named two paragraphs before 'they argue': the pronoun has moved on."""
    text = ("The Ostby Port Authority closed the north gate on Monday.\n\n"
            "Two dockers, both retired, watched the gate from the road.\n\n"
            "They argue that the gate should never have been built.")
    assert _quotes(text) == [("indirect", "argue", None)]


def test_it_still_reaches_an_organisation_in_its_own_paragraph_and_in_direct_quotes():
    """Named in the same paragraph, the organisation speaks through 'it'; a direct quotation in the next
    paragraph ('..., it said in a statement') is still the organisation's (news convention)."""
    text = ("The Ostby Port Authority closed the north gate on Monday. "
            "It said the gate would open again next week.")
    assert _quotes(text) == [("indirect", "said", "Ostby Port Authority")]
    text = ("The Ostby Port Authority closed the north gate on Monday.\n\n"
            "It said the gate would open again next week.")
    assert _quotes(text) == [("indirect", "said", None)]
    text = ("The Ostby Port Authority closed the north gate on Monday.\n\n"
            "\u201cThe gate will open again next week,\u201d it said in a statement.")
    assert _quotes(text) == [("direct", "said", "Ostby Port Authority")]


# ---- a cue whose object tells an act or a state: no speaker
def test_seek_asylum_and_respond_to_a_call_are_acts():
    """'families seek asylum', 'officers responded to a call': the words stay, no one says them."""
    text = "The port is busy. Hundreds of families seek asylum in Ostby each month after the floods."
    assert [spk for _k, _c, spk in _quotes(text)] == [None]
    text = "The night was long. Two officers responded to a call about a fight near the harbour gate."
    assert [spk for _k, _c, spk in _quotes(text)] == [None]


def test_feel_with_a_state_is_no_belief_but_feel_that_is():
    """'senators feel pressure from voters' tells a state; 'senators feel that the plan is unfair' reports."""
    text = "The vote is close. Senators often feel pressure from a diverse statewide constituency."
    assert [spk for _k, _c, spk in _quotes(text)] == [None]
    text = "The vote is close. Many senators feel that the harbour plan is unfair to small towns."
    assert [spk for _k, _c, spk in _quotes(text)] == ["many senators"]


def test_seek_to_still_reports_an_aim():
    """'The council sought to block the plan' keeps its subject (an aim, the act list is not read past 'to')."""
    text = "The fight went on. The Ostby council sought to block the asylum plan in court."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Ostby council"]



# ---- a cue right after a possessive is a noun of aim or stance, or an adjective
def test_plan_after_a_possessive_is_no_speech():
    """'his plans to build a wall' tells an aim, no words of his; 'his claim that' still reports."""
    text = "The vote is near. Trump is standing firm behind his plans to build a wall on the border."
    assert [spk for _k, _c, spk in _quotes(text)] == [None]
    text = "The vote is near. Abe Orr repeated his claim that the wall would cost less than the bridge."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Abe Orr"]
    text = "The vote is near. Abe Orr affirmed his support for the harbour bill at the meeting on Monday."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Abe Orr"]
