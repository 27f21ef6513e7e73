"""Round 17 of issue 3 ("speakers" that never spoke): made-up articles only."""

from __future__ import annotations

from test_speakers_round12 import _quotes  # (kind, cue, speaker name) of each quote


# ---- a refusal of an act ("declined to indict") is no speech; a refusal to speak or of a stance still reports
def test_declined_to_indict_is_an_act():
    """'A grand jury declined to indict the officer': the words stay, no one says them."""
    text = "The case was closed. A grand jury in Ostby declined to indict the officer involved in the shooting."
    assert [spk for _k, _c, spk in _quotes(text)] == [None]
    text = "The case was closed. The Ostby county prosecutor refused to bring charges against the two officers."
    assert [spk for _k, _c, spk in _quotes(text)] == [None]


def test_declined_to_endorse_still_reports_a_stance():
    """'declined to endorse' and 'declined to say' keep their speaker: only the verb after 'to' is read."""
    text = "The race is close. Senator Abe Orr declined to endorse the harbour plan before the vote."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Abe Orr"]
    text = "The race is close. Senator Abe Orr declined to say whether the prosecutor should indict anyone."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Abe Orr"]


# ---- "find" with an act or a state ("found the suspect dead", "found a job") is a discovery, no finding
def test_found_dead_and_found_a_job_are_acts():
    """'Police later found the suspect dead', 'His wife found a job in Canada': no one's words."""
    text = "The chase ended at night. Ostby police later found the suspect dead inside his car."
    assert [spk for _k, _c, spk in _quotes(text)] == [None]
    text = "The family moved twice. His wife found a job in Canada and will soon learn about her visa."
    assert [spk for _k, _c, spk in _quotes(text)] == [None]


def test_found_that_still_reports_a_finding():
    """'The Ostby Institute found that ...' reports the institute's finding."""
    text = "The report came out on Monday. The Ostby Institute found that most migrants stayed in the city."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Ostby Institute"]


# ---- a cue of beginning or going on with an act for its complement ("began working") is no speech
def test_began_working_and_began_the_programme_are_acts():
    """'adviser Abe Orr began working with Republicans to draft a bill', 'the department began the new
    programme': the words stay, no one says them; 'began telling reporters that' still reports."""
    text = ("The bill took shape. Earlier this year, adviser Abe Orr began working with Republicans to draft "
            "a bill that would change the rules.")
    assert [spk for _k, _c, spk in _quotes(text)] == [None]
    text = ("The reform went on. In 2011, the Ostby Police Department began the new training programme, "
            "delving deep into practices.")
    assert [spk for _k, _c, spk in _quotes(text)] == [None, None]
    text = "The debate went on. Senator Abe Orr began telling reporters that the wall would pay for itself."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Abe Orr"]
    text = "The debate went on. Senator Abe Orr continued to insist that the wall would pay for itself."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Abe Orr"]
