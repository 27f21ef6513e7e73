"""Speed pass 20: ``quotes.primary_family`` counts the double marks only until they are as many as
the opening single marks (none at all when there is no opening single mark) and keeps the answer
for the last text; it gives exactly what the plain eight counts give."""

from __future__ import annotations

import random

from newsvoices import quotes
from newsvoices.quotes import DOUBLE, SINGLE, primary_family


def _plain(text: str) -> str:
    """The function before the pass: every mark counted."""
    n_double = (text.count("\u201c") + text.count("\u201d") + text.count('"') + text.count("\u00ab")
                + text.count("''") + text.count("``"))
    n_single_open = text.count("\u2018") + text.count(" '")
    return SINGLE if n_single_open > n_double else DOUBLE


PIECES = ["\u201c", "\u201d", '"', "\u00ab", "\u00bb", "''", "``", "`", "'", " '", "\u2018", "\u2019", " ", "a",
          "word", "It's", "\n"]


def _random_texts(seed: int, n: int):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))


def test_primary_family_equals_the_plain_counts_on_random_texts():
    seen = {DOUBLE: 0, SINGLE: 0}
    for text in _random_texts(20, 6000):
        quotes._PRIMARY_LAST[0] = None  # (each text on its own, not the kept answer)
        got = primary_family(text)
        assert got == _plain(text), repr(text)
        seen[got] += 1
    assert seen[DOUBLE] > 500 and seen[SINGLE] > 500  # both answers, ties included below


def test_primary_family_ties_and_each_double_mark():
    # as many opening single marks as double marks: double (single marks must outnumber them)
    for mark in quotes._DOUBLE_MARKS:
        quotes._PRIMARY_LAST[0] = None
        assert primary_family("\u2018a" + mark) == DOUBLE, mark
        quotes._PRIMARY_LAST[0] = None
        assert primary_family("\u2018a\u2018b" + mark) == SINGLE, mark
        quotes._PRIMARY_LAST[0] = None
        assert primary_family(" 'a" + mark + " 'b" + mark) == DOUBLE, mark
    quotes._PRIMARY_LAST[0] = None
    assert primary_family("") == DOUBLE
    # the last mark of the list decides: counting stops too early if it is skipped
    quotes._PRIMARY_LAST[0] = None
    assert primary_family("\u2018a\u2018b\u201cc``") == DOUBLE


def test_primary_family_kept_answer_is_for_that_text_only():
    single = "He said \u2018no\u2019 and \u2018yes\u2019."
    double = "He said \u201cno\u201d."
    assert primary_family(single) == SINGLE
    assert primary_family(single) == SINGLE  # the kept answer
    assert primary_family(double) == DOUBLE
    same_words = "".join(list(single))  # equal, but another object: counted again, the same answer
    assert primary_family(same_words) == SINGLE
    assert primary_family(double) == DOUBLE
