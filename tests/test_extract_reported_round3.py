"""Reported speech constructions of issue 7, third round (subjects the earlier rules missed),
on small invented articles."""

from __future__ import annotations

import pytest

from test_extract_reported import reported


@pytest.mark.parametrize("sentence, content, mention", [
    ("But Kerr lined up with Sam Poe, who has said he does not support changing the harbour rules.",
     "he does not support changing the harbour rules", "Sam Poe"),
    ("The mayor faced questions from harbour skippers who oppose the new mooring fee for the pier.",
     "the new mooring fee for the pier", "harbour skippers"),
    ("The plan could bring more attacks by Mr. Poe, who has criticized the deal as a gift to donors.",
     "the deal as a gift to donors", "Mr. Poe"),
])
def test_relative_who_after_a_prepositional_object(sentence, content, mention):
    assert (content, mention) in reported(sentence)


def test_participle_after_a_comma_inside_closing_quotes():
    got = reported("Speaking on Tuesday, Jo Roe insisted that she has \u201cgrown the harbour trade,\u201d "
                   "claiming that she is responsible for the busier quays.")
    assert ("she is responsible for the busier quays", "Jo Roe") in got


def test_participle_opener_is_not_the_subject():
    got = reported("Speaking on Tuesday, Jo Roe rejected the complaint, saying the fees are fair to skippers.")
    assert ("the fees are fair to skippers", "Jo Roe") in got


@pytest.mark.parametrize("sentence, content, mention", [
    ("Some have suggested that the harbour master should step aside before the vote.",
     "the harbour master should step aside before the vote", "Some"),
    ("Many would argue that the mooring rule is unfair to the skippers.",
     "the mooring rule is unfair to the skippers", "Many"),
    ("No one knows what the quay will look like when the works start.",
     "what the quay will look like when the works start", "No one"),
])
def test_group_subject_with_an_auxiliary_before_the_cue(sentence, content, mention):
    assert (content, mention) in reported(sentence)


@pytest.mark.parametrize("sentence, content, mention", [
    ("Kerr was quick to add that the mooring fee does not cover the quay.",
     "the mooring fee does not cover the quay", "Kerr"),
    ("Kerr was unable to explain the missing harbour funds.", "the missing harbour funds", "Kerr"),
])
def test_infinitive_cue_after_a_control_adjective(sentence, content, mention):
    assert (content, mention) in reported(sentence)


def test_to_before_a_noun_cue_is_still_no_verb():
    got = reported("In response to claims from the skippers, the harbour board published its accounts.")
    assert not any(m == "the skippers" for _, m in got)


@pytest.mark.parametrize("sentence, content, mention", [
    ("DOVER, May 2 (UPI) \u2014 Jo Roe announced she is moving the harbour office to the north quay.",
     "she is moving the harbour office to the north quay", "Jo Roe"),
    ("Kerr has sailed there every year for 36 years \u2014 they say it would make more sense to visit the quay.",
     "it would make more sense to visit the quay", "they"),
])
def test_subject_after_a_dash(sentence, content, mention):
    assert (content, mention) in reported(sentence)


@pytest.mark.parametrize("sentence, content, mention", [
    ("Skippers \u2014 and some harbour officials \u2014 say that the new fee is unfair.",
     "the new fee is unfair", "Skippers"),
    ("Three legal scholars - Ms. Roe, Mr. Poe and Ms. Kerr - agreed there are able candidates for the board.",
     "there are able candidates for the board", "Three legal scholars"),
])
def test_subject_before_an_aside_between_dashes(sentence, content, mention):
    assert (content, mention) in reported(sentence)


@pytest.mark.parametrize("sentence, content, mention", [
    ("Jo Roe paused, then revealed why the harbour campaign was especially moving.",
     "why the harbour campaign was especially moving", "Jo Roe"),
    ("Kerr spoke for an hour and then argued that the fees are too high.", "the fees are too high", "Kerr"),
])
def test_second_verb_after_then_takes_the_first_subject(sentence, content, mention):
    assert (content, mention) in reported(sentence)


def test_bare_object_then_predicate_noun():
    assert ("climate change a hoax invented by the harbour board", "Kerr") in reported(
        "Kerr has called climate change a hoax invented by the harbour board.")


def test_object_then_time_phrase_is_no_predicate():
    assert reported("Kerr called reporters a day later.") == []
