"""The seed article (issue 2, "What the seed article must show"): quotes, speakers, mentions.

Line numbers are 1-based lines of seeds/000_f057ad0ddaa2ef46.txt (line 1 is the headline).
"""

from __future__ import annotations

import pytest

import newsvoices
from newsvoices.extract import extract

from conftest import SEED_FILE

DIRECT_LINES = [6, 7, 8, 10, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27]


@pytest.fixture(scope="module")
def seed():
    art = newsvoices.load_corpus(SEED_FILE).articles[0]
    return art, extract(art)


def _line(art, offset: int) -> int:
    return art.paragraph_of(offset) + 1  # the seed has no blank lines: paragraph i is line i + 1


def _speaker(ex, q):
    return ex.entity(q.entity)


def test_exactly_the_17_direct_quote_paragraphs(seed):
    art, ex = seed
    direct = [q for q in ex.quotes if q.kind == "direct"]
    assert [_line(art, q.start) for q in direct] == DIRECT_LINES
    for q in direct:
        lo, hi = art.paragraphs[art.paragraph_of(q.start)]
        para = art.text[lo:hi]
        # the quote is the whole text inside the marks of its paragraph
        inner = para[para.index("\u201c") + 1:para.rindex("\u201d")]
        assert q.text.strip() == inner.strip().rstrip(",") or q.text == inner
        assert art.text[q.start:q.end] == q.text


def test_direct_quote_offsets_exclude_marks(seed):
    art, ex = seed
    for q in ex.quotes:
        assert art.text[q.start:q.end] == q.text
        if q.kind == "direct":
            assert art.text[q.start - 1] == "\u201c"


def test_attribution_of_each_direct_quote(seed):
    art, ex = seed
    direct = {_line(art, q.start): q for q in ex.quotes if q.kind == "direct"}
    civil_1 = {direct[n].entity for n in (6, 7, 8)}
    assert len(civil_1) == 1
    civil_2 = direct[10].entity
    assert civil_2 not in civil_1
    for key in (civil_1.pop(), civil_2):
        ent = ex.entity(key)
        assert ent.kind == "anonymous"
        assert ent.description == "civil servant"
    for n in (12, 13, 14, 15, 16):
        ent = _speaker(ex, direct[n])
        assert ent.name == "Connor Tomlinson"
        assert ent.kind == "person"
        assert ent.description == "a commentator from the Lotus Eaters podcast"
    for n in range(20, 26):
        ent = _speaker(ex, direct[n])
        assert ent.name == "Robert Bates"
        assert ent.description == "founder of the Centre for Migration Control"
    for n in (26, 27):
        ent = _speaker(ex, direct[n])
        assert ent.organisation == "Home Office"
        assert "spokesperson" in ent.name.lower()


def test_speaker_mentions_point_at_this_quote(seed):
    art, ex = seed
    direct = {_line(art, q.start): q for q in ex.quotes if q.kind == "direct"}
    t = art.text
    assert t[direct[6].speaker_start:direct[6].speaker_end] == "One civil servant"
    assert t[direct[12].speaker_start:direct[12].speaker_end] == "Connor Tomlinson"
    assert t[direct[14].speaker_start:direct[14].speaker_end] == "He"  # "He continued:"
    assert t[direct[20].speaker_start:direct[20].speaker_end] == "Robert Bates"
    assert t[direct[23].speaker_start:direct[23].speaker_end] == "he"  # '…," he said.'
    assert t[direct[26].speaker_start:direct[26].speaker_end] == "A Home Office spokesperson"
    assert direct[23].attribution == "post"
    assert direct[20].attribution == "pre"
    assert direct[15].attribution == "carry"


def test_pronoun_inside_quote_never_speaker(seed):
    art, ex = seed
    q7 = next(q for q in ex.quotes if _line(art, q.start) == 7)
    assert q7.speaker_start is None or not (q7.start <= q7.speaker_start < q7.end)
    assert _speaker(ex, q7).name != "you"


def test_reported_speech_lines_17_and_18(seed):
    art, ex = seed
    ind = {_line(art, q.start): q for q in ex.quotes if q.kind == "indirect"}
    assert 17 in ind and 18 in ind
    assert ind[17].text.startswith("they do not collect data")
    assert _speaker(ex, ind[17]).name == "Home Office"
    assert _speaker(ex, ind[17]).kind == "organisation"
    assert ind[18].text.startswith("migrants are 34% more likely")
    centre = _speaker(ex, ind[18])
    assert centre.name == "Centre for Migration Control"
    assert centre.kind == "organisation"
    # one organisation for both spellings
    centres = [e for e in ex.entities if "Migration Control" in e.name]
    assert len(centres) == 1
    texts = {m.text for m in ex.mentions if m.entity == centre.key}
    assert {"Centre from Migration Control", "Centre for Migration Control"} <= texts
    # GB News only reports; it is never a speaker
    assert all(_speaker(ex, q).name != "GB News" for q in ex.quotes if q.entity)


def test_discussed_but_never_quoted(seed):
    art, ex = seed
    by_name = {e.name: e for e in ex.entities}
    phillips = by_name["Jess Phillips"]
    rycroft = by_name["Matthew Rycroft"]
    assert phillips.kind == rycroft.kind == "person"
    speakers = {q.entity for q in ex.quotes}
    assert phillips.key not in speakers and rycroft.key not in speakers
    pm = [m for m in ex.mentions if m.entity == phillips.key]
    rm = [m for m in ex.mentions if m.entity == rycroft.key]
    # headline, lines 3, 4, 5 and inside Tomlinson's quote (line 12); "Phillips" on line 9
    assert [m.text for m in pm if m.kind == "name"] == ["Jess Phillips"] * 5
    assert _line(art, pm[0].start) == 1
    assert any(m.text == "Phillips" and m.kind == "surname" and _line(art, m.start) == 9 for m in pm)
    assert any(m.text == "the Labour MP" and m.kind == "role" for m in pm)
    assert [(m.text, m.kind) for m in rm] == [("Matthew Rycroft", "name"), ("Rycroft", "surname"),
                                             ("Matthew Rycroft", "name")]
    assert rycroft.description == "permanent secretary"


def test_mentions_are_offsets(seed):
    art, ex = seed
    keys = {e.key for e in ex.entities}
    for m in ex.mentions:
        assert art.text[m.start:m.end] == m.text
        assert m.entity in keys
        assert m.kind in ("name", "surname", "pronoun", "role", "nominal")
    for e in ex.entities:
        assert e.kind in ("person", "organisation", "anonymous", "group")


def test_pipeline_tables_on_seed(seed_result):
    q = seed_result.quotes
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 17
    names = set(seed_result.speakers["name"])
    assert {"Connor Tomlinson", "Robert Bates", "Jess Phillips", "Matthew Rycroft", "Home Office"} <= names
    # the two anonymous civil servants stay two speakers
    civil = seed_result.speakers[seed_result.speakers["description"] == "civil servant"]
    assert civil["speaker_id"].nunique() == 2
