"""Round 19 of issue 7: direct-quote precision (made-up texts only).

Where a quotation stands decides some cases before its words are weighed
(``newsvoices.extract._placed_speech``): markup attribute values, quotations in a headline, a
whole paragraph in the secondary (single) marks, excerpts after a round-up's '"<title>," by
<byline>:', and a short sentence quoted right after an attributed quotation. Titles after
'<noun>,' ('her memoir, "Hard Roads Home,"') and a programme after "told" are not speech.
"""

from __future__ import annotations

from newsvoices.extract import extract
from newsvoices.model import Article


def _direct(text: str) -> list[tuple[str, str | None]]:
    ex = extract(Article("t", text))
    names = {e.key: e.name for e in ex.entities}
    return [(q.text, names.get(q.entity, q.speaker_mention)) for q in ex.quotes if q.kind == "direct"]


def _texts(text: str) -> list[str]:
    return [t for t, _ in _direct(text)]


BODY = ("\n\nThe county council met on Tuesday to discuss the budget for the coming year. \"We will "
        "keep talking until we have a deal,\" said Jo Roe, the council leader.")  # the article quotes with double marks


# ---------------------------------------------------------------- headlines

def test_headline_quotation_after_a_colon_is_direct_even_in_title_case():
    text = "Jo Roe: \u2018We Will Win This Vote.\u2019" + BODY
    assert ("We Will Win This Vote.", "Jo Roe") in _direct(text)


def test_headline_quotation_after_a_colon_in_straight_single_marks():
    text = "Mayor Jo Roe: 'Our Budget Is Fair To Everyone.'" + BODY
    assert "Our Budget Is Fair To Everyone." in _texts(text)


def test_partial_single_quote_inside_a_headline_is_not_direct():
    text = "Roe calls the county budget \u2018a crazy system\u2019 at a rally in Dover." + BODY
    assert _texts(text) == ["We will keep talking until we have a deal,"]
    # a cue right after the quotation still attributes it: the headline's own quotation
    text = "Council rows on \u2018Now is not the time to cut the budget,\u2019 Jo Roe says." + BODY
    assert ("Now is not the time to cut the budget,", "Jo Roe") in _direct(text)


def test_single_quoted_end_of_a_headline_sentence_is_not_direct():
    text = "Council calls 22 budget lines \u2018a total waste of money.\u2019" + BODY
    assert _texts(text) == ["We will keep talking until we have a deal,"]


# ---------------------------------------------------------------- subheadings, markup

def test_a_whole_paragraph_in_single_marks_is_a_subheading():
    text = ("Budget talks drag on in Dover.\n\n\"We will keep talking until we have a deal,\" said Jo Roe, "
            "the council leader.\n\n'A fight from start to finish.'\n\nThe talks began in March and have "
            "stalled twice since then, officials said.")
    assert "A fight from start to finish." not in _texts(text)
    assert "We will keep talking until we have a deal," in _texts(text)


def test_a_markup_attribute_value_is_no_quotation():
    text = ("Budget talks drag on in Dover.\n\nWatch the latest video at <a href=\"http://video.example.com/news/"
            "budget-talks-in-dover\">the station's site</a> for more on the council meeting.")
    assert _texts(text) == []


# ---------------------------------------------------------------- titles

def test_a_title_after_its_noun_and_a_comma_is_no_speech():
    text = ("Budget talks drag on in Dover.\n\nRoe spent years on the council, she wrote in her memoir, "
            "\"Hard Roads Home.\" It sold well in the county.")
    assert _texts(text) == []


def test_a_programme_after_told_is_no_speech():
    text = ("Budget talks drag on in Dover.\n\n\"We will keep talking until we have a deal,\" the council leader "
            "told \"Fox and Friends\" after she was asked about the talks.")
    assert _texts(text) == ["We will keep talking until we have a deal,"]


# ---------------------------------------------------------------- round-up excerpts

def test_an_excerpt_after_a_round_up_byline_is_no_speech():
    text = ("Morning city notes.\n\nMUSEUM CLOSES: \"Riverside museum to close at the end of the year,\" by the "
            "Gazette's Jo Roe: \"The Riverside museum, a fixture of the city for forty years, will close in "
            "December after a long decline in visitors and donations.\"")
    assert _texts(text) == []


# ---------------------------------------------------------------- short follow-ups

def test_a_short_sentence_quoted_after_an_attributed_quotation_is_the_same_speaker():
    text = ("Budget talks drag on in Dover.\n\n\"It is hard on our staff,\" Roe said. \"Big time.\" The talks "
            "began in March and have stalled twice.\n\n\"It is hard on our staff,\" Roe said on Monday at the end "
            "of a long session of the council in the old town hall downtown. Staff then held up signs that read "
            "\"Fair Pay.\"")
    got = _direct(text)
    assert ("Big time.", "Roe") in got
    assert "Fair Pay." not in [t for t, _ in got]  # far from the attribution: still a sign, not speech


def test_a_quoted_title_with_a_byline_naming_the_outlet_with_the_is_no_speech():
    text = ("Budget talks drag on in Dover.\n\nSHORT READS:\n\n\u2014\"'Riverside' star refused to leave the show,\" "
            "by the Gazette's Amy Roe http://example.com/x.")
    assert _texts(text) == []
    # without a comma, "by the" is the agent of a passive, not a byline: the quotation stays
    text = "Budget talks drag on in Dover.\n\nRoe, 69, was declared an \"illegal immigrant\" by the Foreigners Tribunal."
    assert _texts(text) == ["illegal immigrant"]
