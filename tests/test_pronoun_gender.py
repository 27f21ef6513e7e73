"""Gender agreement of "he"/"she" (round 17 of issue 3): a candidate antecedent whose sex is known and
contradicts the pronoun is skipped; an unknown sex never vetoes. Made-up articles only."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from test_speakers_round12 import _quotes  # (kind, cue, speaker name) of each quote

from newsvoices.entities import gender_words

Q = '"We will fight this plan to the very end,"'
ROOT = Path(__file__).resolve().parents[1]


def _speakers(text: str) -> list[str | None]:
    return [spk for _k, _c, spk in _quotes(text)]


def test_first_name_vetoes_the_nearest_person():
    """'Senator Abe Orr ... Then Claire Dros spoke. "...," he said': Claire is a woman's name (US Census
    1990), so "he" passes over her to Abe Orr; "she wrote" passes over Gregory to Laura."""
    assert _speakers(f"Senator Abe Orr spoke first. Then Claire Dros spoke. {Q} he said.") == ["Abe Orr"]
    text = 'Laura Hale spoke first. Then Gregory Hale spoke. Later she wrote, "We will fight this plan."'
    assert _speakers(text) == ["Laura Hale"]


def test_honorific_and_unknown_first_name():
    """'Mrs. Robin Orr' is a woman whatever "Robin" says; Dana (either sex) is no veto, so "he" goes to
    Dana Dros, and "she" still goes to the nearest, Robin Orr, when nothing says her sex."""
    assert _speakers(f"Dana Dros spoke first. Then Mrs. Robin Orr spoke. {Q} he said.") == ["Dana Dros"]
    assert _speakers(f"Dana Dros spoke first. Then Robin Orr spoke. {Q} she said.") == ["Robin Orr"]
    assert _speakers(f"Dana Dros spoke first. Then Robin Orr spoke. {Q} he said.") == ["Robin Orr"]


def test_role_nouns_around_the_name():
    """An appositive head ('Robin Orr, a spokeswoman for the port'; after an age: ', 52, the mother of
    two'), a noun right before the name ('businessman Robin Orr') or before it and a comma ('her husband,
    Robin Orr') gives the sex."""
    text = f"Dana Dros spoke first. Then Robin Orr, a spokeswoman for the port, spoke. {Q} he said."
    assert _speakers(text) == ["Dana Dros"]
    text = f"Dana Dros spoke first. Then Robin Orr, 52, the mother of two, spoke. {Q} he said."
    assert _speakers(text) == ["Dana Dros"]
    assert _speakers(f"Dana Dros spoke first. Then businessman Robin Orr spoke. {Q} she said.") == ["Dana Dros"]
    assert _speakers(f"Dana Dros spoke first. Then her husband, Robin Orr, spoke. {Q} she said.") == ["Dana Dros"]
    # a possessive is no head: 'a lawyer for the mother' says nothing of Robin Orr
    text = f"Dana Dros spoke first. Then Robin Orr, a lawyer for the mother, spoke. {Q} he said."
    assert _speakers(text) == ["Robin Orr"]


def test_first_name_is_the_word_after_a_title():
    """'Austin Mayor Jo Roe': the first name is the word after the title, not the place before it
    (Austin, a man's name), so "she" keeps her; the census words that open other names (US states such as
    "Florida", surname particles such as "Mac") are no first names."""
    text = f"Dana Dros spoke first. Then Austin Mayor Jo Roe spoke. {Q} she said."
    assert _speakers(text) == ["Austin Mayor Jo Roe"]
    names = gender_words(names=True)
    assert "florida" not in names and "mac" not in names and "may" not in names


def test_two_word_surname_and_false_contexts():
    """'Mayor Keisha Lance Bottoms ... Lance Bottoms': a two-word tail of a longer name is no first name;
    'his grandmother, Roe said' (no closing comma) and 'Jo Roe, told the station the man' (a verb after
    the comma) say nothing of the named person."""
    text = (f"Mayor Keisha Lance Bottoms spoke. Dana Dros spoke first. Then Lance Bottoms spoke. {Q} she said.")
    assert _speakers(text)[-1] == "Lance Bottoms"  # (not Dana Dros: "Lance" is no first name here)
    text = f"Dana Dros spoke first. Then Robin Orr met his grandmother, Robin Orr said. {Q} he said."
    assert _speakers(text)[-1] == "Robin Orr"
    text = f"Dana Dros spoke first. The neighbour, Robin Orr, told the station the man shouted. {Q} she said."
    assert _speakers(text)[-1] == "Robin Orr"


def test_word_lists_load_and_name_bad_lines(tmp_path):
    """The two lists read as word -> male|female; a malformed line names the file and line."""
    words = gender_words()
    assert words["spokeswoman"] == "female" and words["husband"] == "male" and "spokesman" not in words
    names = gender_words(names=True)
    assert names["claire"] == "female" and names["gregory"] == "male" and "robin" not in names
    bad = tmp_path / "g.tsv"
    bad.write_text("# c\nmother\tfemale\nfather\tmen\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.tsv:3"):
        gender_words(str(bad))


def test_build_first_names_rule(tmp_path):
    """benchmarks/build_first_names.py keeps a name on both lists only at >= 0.9 of the combined percent,
    and a one-list name only when its percent reaches the other list's smallest."""
    spec = importlib.util.spec_from_file_location("build_first_names", ROOT / "benchmarks" / "build_first_names.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    (tmp_path / "dist.male.first").write_text(
        "JOHN 3.000 3.000 1\nJORDAN 0.100 3.100 2\nSTACEY 0.011 3.111 3\nRAREMALE 0.004 3.115 4\n", encoding="ascii")
    (tmp_path / "dist.female.first").write_text(
        "MARY 2.000 2.000 1\nJORDAN 0.050 2.050 2\nSTACEY 0.101 2.151 3\nHILLARY 0.013 2.164 4\n"
        "KAMALA 0.001 2.165 5\n", encoding="ascii")
    assert mod.build(tmp_path) == [("hillary", "female"), ("john", "male"), ("mary", "female"),
                                   ("raremale", "male"), ("stacey", "female")]


def test_title_at_a_surname_alone_is_weaker_than_the_first_name():
    """'Mrs. Orr' next to 'Abe Orr' (surnames resolve to the person named in full) does not make Abe a
    woman: the first name outweighs a title at a bare surname; with no first name it still counts."""
    text = (f"Abe Orr and his wife spoke. Mrs. Orr said little. Dana Dros spoke first. Then Abe Orr "
            f"spoke again. {Q} he said.")
    assert _speakers(text)[-1] == "Abe Orr"
    text = f"Dana Dros spoke first. Then Mrs. Robin Orr spoke, and Robin Orr left. Then Orr sat. {Q} he said."
    assert _speakers(text)[-1] == "Dana Dros"
