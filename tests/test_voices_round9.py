"""Round 9 of issue 3 (junk speakers): made-up sentences only."""

from __future__ import annotations

import pytest

from newsvoices.entities import can_be_source, find_name_runs, unattested_word_name
from newsvoices.extract import extract
from newsvoices.model import Article


def _speakers(text: str) -> list[str | None]:
    ex = extract(Article("t", text))
    names = {e.key: e.name for e in ex.entities}
    return [names.get(q.entity) for q in ex.quotes]


@pytest.mark.parametrize("text, start, end, expected", [
    # capitalised only where a sentence opens, never mid-sentence: an ordinary word
    ("Clever, quiet people smashed windows. Clever ones fled.", 0, 6, True),
    # capitalised after an opening quotation mark, and written in lower case elsewhere
    ("\u201cGadgets of that kind do harm,\u201d she said of the gadgets.", 1, 8, True),
    # the same word capitalised mid-sentence elsewhere: a name
    ("Zorvath spoke first. Later, Zorvath left.", 0, 7, False),
    # a title's full stop is no sentence end
    ("Mr. Zorvath spoke. Zorvath left.", 19, 26, False),
    # after a closing straight quotation mark, or a line broken inside a sentence: no sentence start
    ('"We left," Zorvath said. "Now."', 12, 19, False),
    ("said the whip, Jo\n\nZorvath. Zorvath left.", 19, 26, False),
    # an appositive names the word
    ("Zorvath, D-N.Y., argued it.", 0, 7, False),
    ("Zorvath, a baker, argued it.", 0, 7, False),
    # a source noun may speak; a word shaped like a name is one
    ("Studies show that it works.", 0, 7, False),
    ("McZorvath argued it. McZorvath left.", 0, 9, False),
    # an acronym before a number is a bill number; alone it may be an organisation
    ("The suit names HB 12 and claims harm.", 15, 17, True),
    ("The suit names ACLU and claims harm.", 15, 19, False),
    # lower-case words are not asked about
    ("dozens left.", 0, 6, False),
])
def test_unattested_word_name(text, start, end, expected):
    assert unattested_word_name(text, start, end) is expected


def test_sentence_initial_common_word_is_no_reported_speaker():
    # "Clever" only ever opens a sentence: the reported clause gets no speaker named "Clever"
    text = "The crowd grew at dusk. Clever, quiet people tend to think that the plan was unfair."
    assert _speakers(text) == [None]
    text = "It was late. Perhaps every time a guard stops you, you should say: \u201cI am cold.\u201d"
    assert _speakers(text) == [None]


def test_word_opening_a_quotation_is_no_speaker():
    text = ("Jo Roe spoke on Monday about the gadgets, saying: \u201cGadgets of that kind do harm,\u201d "
            "and adding that the city should ban them.")
    assert "Gadgets" not in _speakers(text)


def test_surname_at_sentence_start_still_speaks():
    text = "Jo Zorvath, a baker, spoke on Monday. Zorvath said that the plan was unfair."
    assert _speakers(text) == ["Jo Zorvath"]


def test_bill_number_is_no_organisation():
    text = "The complaint names HB 12 and says that each law is unfair."
    runs = [r.text for r in find_name_runs(text, [(0, len(text))])]
    assert "HB" not in runs
    assert "HB" not in _speakers(text)


@pytest.mark.parametrize("name, kind, ok", [
    ("Palo Alto", "person", False),      # places.txt
    ("El Paso", "organisation", False),
    ("Fresno County Jail", "person", False),  # name_head "jail"
    ("Google Hangout", "person", False),      # name_head "hangout"
    ("Jo Alto", "person", True),
    ("the people of El Paso", "group", True),
])
def test_places_are_no_speakers(name, kind, ok):
    assert can_be_source(name, kind) is ok


def test_pronoun_skips_a_place_for_its_antecedent():
    text = ("Jo Roe, a coder, works at a firm in Palo Alto. \u201cI may leave,\u201d she said.")
    assert _speakers(text) == ["Jo Roe"]


def test_speaker_phrase_inside_other_quoted_words_is_no_speaker():
    # the subject found for "adding" stands inside the tweet's quoted words: no speaker
    text = ("In a post, Jo Roe wrote: \u201cThe Governor Bo Bloggs is a FRAUD,\u201d "
            "adding that the city must act.")
    assert _speakers(text) == ["Jo Roe", None]
    # the same name outside the quotation still speaks
    text = ("Jo Roe tweeted on Sunday: \u201cBo Bloggs is FINISHED.\u201d "
            "Bo Bloggs later argued that the city must act.")
    assert _speakers(text) == ["Jo Roe", "Bo Bloggs"]
