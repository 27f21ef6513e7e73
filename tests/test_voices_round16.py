"""Round 16 of issue 3 (named persons whom no role was read for: rules person-no-role and default).

Made-up names and sentences only.
"""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _article(text: str, name: str, *others: tuple[str, str]) -> dict:
    """classify_article of ``text`` whose speaker ``name`` (key e1) is mentioned once, at its first
    occurrence; ``others``: (key, name) of further persons, each mentioned at its first occurrence."""
    ents, ms = [], []
    for key, n in (("e1", name),) + others:
        i = text.index(n)
        ents.append(Entity(key, n, "person"))
        ms.append(Mention(key, i, i + len(n), n))
    return voices.classify_article(text, ents, ms)


# ---------------------------------------------------------------- quoted from their writing

@pytest.mark.parametrize("text", [
    "As Jo Roe pointed out in an article for the Vale Review, “the law would apply to everyone.”",
    "Jo Roe, who writes for The Vale Monthly, argued that “the law would apply to everyone.”",
    "In a column on Sunday, Jo Roe argued that “the law would apply to everyone.”",
    "Jo Roe put it well in a blog post on Monday: “the law would apply to everyone.”",
])
def test_a_person_quoted_from_their_writing_is_media(text):
    assert _article(text, "Jo Roe")["e1"] == ("commentator", "writer-context")
    assert "writer-context" in voices.UNINFORMED_RULES  # a fall-back: other articles win in the corpus step


def test_a_one_word_name_with_a_column_is_media():
    t = "Victor’s excellent column raises hard questions. As Victor notes, “a million people face removal.”"
    assert _article(t, "Victor")["e1"] == ("commentator", "writer-context")


@pytest.mark.parametrize("text", [
    "Jo Roe wrote for January that “the law would apply to everyone.”",
    "Jo Roe wrote in a letter to the judge that “I am sorry.”",
    # guest writers: an op-ed or "wrote in <paper>" is as often a lawyer's or a private citizen's
    "After the vote Jo Roe argued in an op-ed that “the law would apply to everyone.”",
    "Jo Roe wrote in The Vale Post that “the law would apply to everyone.”",
    "Jo Roe said “the law would apply to everyone.”",
])
def test_letters_dates_and_speech_are_no_writing_context(text):
    assert _article(text, "Jo Roe")["e1"] == ("public", "person-no-role")


def test_a_stated_role_wins_over_the_writing_context():
    t = "Sen. Jo Roe wrote in a column that “the law would apply to everyone.”"
    assert _article(t, "Jo Roe")["e1"][0] == "politician"


def test_the_codebook_without_writing_contexts_reads_none():
    cb = voices.load_codebook()
    import dataclasses
    cb2 = dataclasses.replace(cb, writing_contexts=None)
    t = "Jo Roe, who writes for The Vale Monthly, said “the law would apply to everyone.”"
    i = t.index("Jo Roe")
    v = voices.classify_article(t, [Entity("e1", "Jo Roe", "person")], [Mention("e1", i, i + 6, "Jo Roe")], cb2)
    assert v["e1"] == ("public", "person-no-role")
