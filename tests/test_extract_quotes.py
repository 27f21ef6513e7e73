"""Direct quotation finding: typography, nesting, multi-paragraph quotes, robustness.

Every article here is invented for the test.
"""

from __future__ import annotations

import pytest

from newsvoices.extract import extract
from newsvoices.model import Article


def quotes_of(text: str, kind: str = "direct"):
    art = Article("t", text)
    ex = extract(art)
    for q in ex.quotes:
        assert text[q.start:q.end] == q.text
    return [q for q in ex.quotes if q.kind == kind], ex


def texts(text: str, kind: str = "direct") -> list[str]:
    return [q.text for q in quotes_of(text, kind)[0]]


@pytest.mark.parametrize("opening, closing", [
    ("\u201c", "\u201d"),      # curly double
    ('"', '"'),                # straight double
    ("\u00ab", "\u00bb"),      # guillemets
    ("''", "''"),              # NYT two apostrophes
    ("``", "''"),              # TeX
    ("\u2018", "\u2019"),      # curly single (British)
    ("'", "'"),                # straight single (British)
])
def test_typography(opening, closing):
    text = f"Ms Ada Pole, the harbour master, said: {opening}The tides are higher than last year.{closing}"
    assert texts(text) == ["The tides are higher than last year."]


def test_post_attribution_every_typography():
    for o, c in [("\u201c", "\u201d"), ('"', '"'), ("''", "''"), ("\u2018", "\u2019"), ("'", "'")]:
        text = f"{o}The ferry will run on Sundays again,{c} said Ada Pole."
        (q,), ex = quotes_of(text)
        assert q.text == "The ferry will run on Sundays again,"
        assert ex.entity(q.entity).name == "Ada Pole"


def test_british_single_quotes_with_apostrophes():
    text = ("Tom Reed said: \u2018The workers' rights are not negotiable and the nations' ports "
            "don't close.\u2019 Then he left.\n'We won't stop now,' he added.")
    assert texts(text) == [
        "The workers' rights are not negotiable and the nations' ports don't close.",
        "We won't stop now,",
    ]


def test_apostrophes_alone_make_no_quote():
    text = "The farmers' union met the growers' council. It's the members' choice, isn't it? Rock 'n' roll."
    assert texts(text) == []


def test_nested_single_inside_double_is_one_quote():
    text = "\u201cShe told me \u2018never again\u2019 and walked out,\u201d said Lena Fry."
    (q,), _ = quotes_of(text)
    assert q.text == "She told me \u2018never again\u2019 and walked out,"


def test_nested_double_inside_british_single():
    text = "\u2018He kept shouting \u201cshame\u201d at the stewards all afternoon,\u2019 said Omar Vint."
    (q,), _ = quotes_of(text)
    assert q.text.startswith("He kept shouting")
    assert q.text.endswith("all afternoon,")


def test_multi_paragraph_quote_each_paragraph_opened_only_last_closed():
    text = ("Ravi Dunn said: \u201cThe depot closed in spring and nobody told the drivers.\n"
            "\u201cWe found out from a notice on the gate.\n"
            "\u201cThat is no way to treat people who gave thirty years.\u201d\n"
            "The company did not respond.")
    got, ex = quotes_of(text)
    assert [q.text for q in got] == [
        "The depot closed in spring and nobody told the drivers.",
        "We found out from a notice on the gate.",
        "That is no way to treat people who gave thirty years.",
    ]
    assert {ex.entity(q.entity).name for q in got} == {"Ravi Dunn"}


def test_unclosed_quote_stays_in_its_paragraph():
    text = ("Mia Holt said: \u201cThe bridge is unsafe and the council knows it\n"
            "The council said repairs were planned.\n"
            "Later, Mia Holt added: \u201cWe will keep asking until it is fixed.\u201d")
    got, _ = quotes_of(text)
    assert [q.text for q in got] == ["The bridge is unsafe and the council knows it",
                                     "We will keep asking until it is fixed."]
    # the narrative paragraph is never inside a quote
    assert all("repairs were planned" not in q.text for q in got)


def test_quote_may_run_to_the_last_character():
    text = "Ana Bell said: \u201cWe are not going anywhere"
    (q,), _ = quotes_of(text)
    assert q.end == len(text)
    text2 = "Ana Bell said: \u201cWe are not going anywhere.\u201d"
    (q2,), _ = quotes_of(text2)
    assert q2.end == len(text2) - 1


def test_quotes_never_overlap_and_offsets_hold():
    text = ('"A," he said. "B is here," she said, "and C too." \u201cD\u201d \u2018E\u2019 "F\n'
            "''G'' ``H'' \u00abI\u00bb \"unclosed\n\u201c\u201c\u201d\u201d '' ' '' ``")
    ex = extract(Article("t", text))
    spans = sorted((q.start, q.end) for q in ex.quotes)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    for q in ex.quotes:
        assert text[q.start:q.end] == q.text
        assert 0 <= q.start < q.end <= len(text)


def test_linear_time_on_pathological_input():
    # one megabyte of quotation marks and 100,000 apostrophes: must finish (linear scan)
    marks = "\u201c\"'\u2018\u201d\u2019" * 170_000
    ex = extract(Article("t", marks))
    assert all(marks[q.start:q.end] == q.text for q in ex.quotes)
    apos = "workers' " * 100_000
    ex = extract(Article("t", apos))
    assert ex.quotes == []
    # prose with very many quotations, closed and unclosed, in one paragraph
    many = "\u201cThe words stand in marks.\u201d and \u201cmore words " * 20_000
    ex = extract(Article("t", many))
    assert len([q for q in ex.quotes if q.kind == "direct"]) >= 20_000
    assert all(many[q.start:q.end] == q.text for q in ex.quotes)


def test_scare_quotes_and_titles_are_not_speech():
    text = ("The senator appeared on \u201cMeet the Press\u201d on Sunday. Critics say the plan keeps the "
            "\u201cstatus quo\u201d in place. The film \u201cA River Runs Slowly\u201d opened in May. "
            "Her memoir, \u201cSmall Town Lessons,\u201d by Jane Orr, sold well.")
    assert texts(text) == []


def test_short_real_speech_is_kept():
    text = ("\u201cNo,\u201d said Pia Lund when asked whether she would resign.\n"
            "Asked about the budget, Mr Lund said: \u201cNever.\u201d\n"
            "Ken Obi called the decision \u201ca disgrace\u201d.")
    assert texts(text) == ["No,", "Never.", "a disgrace"]


def test_unattributed_long_quote_paragraph_is_kept():
    text = ("The mayor opened the market on Friday.\n"
            "\u201cWe have waited a long time for a place like this in the town centre.\u201d")
    assert texts(text) == ["We have waited a long time for a place like this in the town centre."]


def test_headline_in_title_case_with_quoted_title_is_not_speech():
    text = "Mayor Visits \u2018The Old Mill\u2019 Museum.\nThe mayor toured the museum on Monday."
    art = Article("t", text)
    assert [q for q in extract(art).quotes if q.kind == "direct"] == []
