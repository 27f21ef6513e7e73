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
    # 'declined to endorse' and 'declined to say' keep their speaker: only the verb after 'to' is read
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
    # 'The Ostby Institute found that ...' reports the institute's finding
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


# ---- a place or body before a title inside one long name run: the title still opens the person
def test_place_title_name_run_is_a_person():
    """'Ostby Mayor Lena Maria Dros' (five words) is the mayor, so her later 'she said' is hers, not that
    of the man who died in the square."""
    from newsvoices.entities import find_name_runs
    text = "Talks stalled. Ostby Police Superintendent Lena Maria Dros told reporters the square would stay shut."
    runs = [(r.kind, r.text) for r in find_name_runs(text, [(0, len(text))])]
    assert ("person", "Lena Maria Dros") in runs
    text = ("Ostby Mayor Lena Maria Dros told protesters on Sunday to leave the square.\n\n"
            "The square had been closed after Abe Orr died there in June.\n\n"
            "Dros said the protests had mostly been peaceful.\n\n"
            "\u201cFor every hundred gatherings, we have an incident,\u201d she said.")
    assert _quotes(text)[-1] == ("direct", "said", "Lena Maria Dros")

    # a suffix or a thing's head after the title ends no person: the run stays whole
    text = "The crowd met at the Martin Luther King Jr. Day Parade in Ostby last year."
    runs = [(r.kind, r.text) for r in find_name_runs(text, [(0, len(text))])]
    assert ("other", "Martin Luther King Jr. Day Parade") in runs and all(k != "person" for k, _t in runs)
    # runs of up to four words are left as they were
    text = "Talks stalled. Ostby Gov. Abe Orr told reporters the square would stay shut."
    assert ("person", "Ostby Gov. Abe Orr") in [(r.kind, r.text) for r in find_name_runs(text, [(0, len(text))])]


# ---- a possessive of a name in -s ("Abe Jones' funeral") is object position for "he"/"she"
def test_possessive_in_s_apostrophe_is_no_antecedent_of_she():
    """'after Abe Jones' funeral': Jones is acted upon, so the next 'She said' is the mayor's."""
    text = ("Mayor Lena Dros spoke on Sunday.\n\n"
            "Dros said crews had removed the barriers erected by protesters after Abe Jones' funeral on June 23. "
            "She said she heard that new barriers had been placed there shortly before the second shooting.")
    assert [spk for _k, _c, spk in _quotes(text)] == ["Lena Dros", "Lena Dros"]
