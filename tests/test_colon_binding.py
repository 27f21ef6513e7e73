"""A colon cue binds the quotation after it (docs/usability-log.md, round 17): made-up articles only."""

from __future__ import annotations

from test_speakers_round12 import _quotes  # (kind, cue, speaker name) of each quote


def test_new_sentence_after_a_colon_quote_is_not_its_speaker():
    """'The mayor said: "..." Critics disagreed.': the mayor's words, not the critics'."""
    text = 'The bridge closed.\n\nMayor Ann Lee said: "We will rebuild the bridge." Critics disagreed.'
    assert [(k, spk) for k, _c, spk in _quotes(text)] == [("direct", "Ann Lee")]
    text = 'The bridge closed.\n\nMayor Ann Lee said: "We will rebuild the bridge." (Critics disagreed.)'
    assert [(k, spk) for k, _c, spk in _quotes(text)] == [("direct", "Ann Lee")]


def test_a_dash_line_after_a_colon_quote_is_not_its_speaker():
    """'TRUMP: "..." - tweet Saturday.': the words before the dash are Trump's."""
    text = 'The facts.\n\nPresident Jo Trumbull wrote on Saturday: "Put pressure on the council." \u2014 tweet Saturday.'
    assert [(k, spk) for k, _c, spk in _quotes(text) if k == "direct"] == [("direct", "Jo Trumbull")]


def test_a_short_new_sentence_still_attributes_without_a_colon():
    """No colon before the quotation: '"We lost." Smith said on Monday.' is Smith's."""
    text = 'The vote came late.\n\nThe team lost again. "We lost." Ann Lee said on Monday.'
    assert [spk for _k, _c, spk in _quotes(text)] == ["Ann Lee"]


def test_a_pronoun_cue_after_a_colon_quote_still_wins():
    """'... was taken aback: "Poverty?" he said.': the "he" after the quote, not the cue before the colon."""
    text = ('The city is rich.\n\nWhen Ann Lee explained that she was studying poverty, the dentist was '
            'taken aback: "Poverty?" he said. "There is no poverty here."')
    assert [c for k, c, _s in _quotes(text) if k == "direct"] == ["said", "said"]
