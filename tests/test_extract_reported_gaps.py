"""Reported speech constructions of issue 7, second round (relative-word fragments, raising cues,
participial subjects), on small invented articles."""

from __future__ import annotations

import pytest

from newsvoices.extract import extract
from newsvoices.model import Article


def reported(sentence: str) -> list[tuple[str, str | None]]:
    text = "Harbour plans.\n" + sentence
    ex = extract(Article("t", text))
    out = []
    for q in ex.quotes:
        assert text[q.start:q.end] == q.text
        if q.kind == "indirect":
            out.append((q.text, q.speaker_mention))
    return out


@pytest.mark.parametrize("sentence, fragments, mention", [
    ("The skippers blame the new quota, which they say left the harbour empty.",
     ["which", "left the harbour empty"], "they"),
    ("There were claims that he sold the berths, which he has denied and which the council disputes.",
     ["which"], "he"),
    ("That is what we saw on the pier last winter.", ["what"], "we"),
])
def test_relative_word_is_a_fragment_of_the_content(sentence, fragments, mention):
    got = reported(sentence)
    for frag in fragments:
        assert (frag, mention) in got


@pytest.mark.parametrize("sentence", [
    "Kerr said that Mr. Bates says the pier is unsafe.",
    "It was the same day that Kerr said the pier would close.",
    "The rules in which skippers have argued they were misled are gone.",
])
def test_conjunction_that_and_prepositional_which_are_not_fragments(sentence):
    got = [t for t, _ in reported(sentence)]
    assert "that" not in got and "which" not in got and got  # the clause itself is still found
