"""Round 18 of issue 3 ("speakers" that never spoke): made-up articles only."""

from __future__ import annotations

import pytest

from test_speakers_round12 import _quotes  # (kind, cue, speaker name) of each quote


# ---- a participle cue has no inverted subject: the phrase after it is its object or the reported clause's subject
def test_saying_then_subject_of_the_reported_clause():
    """'Orr emerged ..., saying the Ostby voters "expect ..."': the words are Orr's, not the voters'."""
    text = ("Councilman Abe Orr emerged from a long silence on the harbour plan on Monday, saying the Ostby voters "
            "\u201cexpect that no one who broke our laws will get special treatment.\u201d")
    assert _quotes(text)[-1] == ("direct", "saying", "Councilman Abe Orr")
    # an inverted cue that is no participle still takes the speaker after it
    text = "The vote was close. Said Councilman Abe Orr: \u201cWe will not give up on the harbour.\u201d"
    assert [spk for _k, _c, spk in _quotes(text)] == ["Councilman Abe Orr"]


def test_urging_after_a_quote_is_no_inverted_cue():
    """'Orr said he has "no intention ...," urging Mayor Dros to give up': Orr's words, not the mayor's."""
    text = ("Councilman Abe Orr said he has \u201cno intention of allowing this flagrant waste of money,\u201d urging "
            "Mayor Lena Dros to give up her fight over the harbour plan.")
    assert [(k, spk) for k, _c, spk in _quotes(text) if k == "direct"] == [("direct", "Councilman Abe Orr")]
    # '"...," said Mayor Lena Dros' still inverts
    text = "\u201cWe will not give up on the harbour,\u201d said Mayor Lena Dros on Monday."
    assert [spk for _k, _c, spk in _quotes(text)] == ["Lena Dros"]


# ---- related-article links: a short paragraph ending "Read more", and the headlines under a "More coverage:" heading
def test_read_more_link_is_furniture():
    """"Mayors resist the plan: 'We cannot submit to a bully' Read more" is a link, no one's words."""
    text = ("The council met on Monday.\n\nMayors resist the harbour plan: \u2018We cannot submit to a bully\u2019 "
            "Read more\n\nCouncilman Abe Orr said the vote showed that residents still had a voice.")
    assert _quotes(text) == [("indirect", "said", "Councilman Abe Orr")]
    # a long paragraph of text that ends with the words is left alone
    text = ("The council met on Monday.\n\nMayor Lena Dros told the crowd that the harbour plan would be "
            "stopped, that the port would stay open to every fishing boat of the town, and that those who "
            "wanted the whole story of the long fight over the harbour could read more")
    assert [spk for _k, _c, spk in _quotes(text)] == ["Lena Dros"]


def test_related_heading_and_its_headlines_are_furniture():
    """Under "More coverage of the harbour vote:" the headline lines are links; the article text after
    them (a sentence ending with a full stop) is read again."""
    text = ("The council met on Monday.\n\nMore coverage of the harbour vote:\n\nEveryone was 'dropping and "
            "screaming': Witnesses describe chaos in Ostby\n\n- Mayor Lena Dros tells police: 'You can do your "
            "job'\n\nCouncilman Abe Orr said the vote showed that residents still had a voice.")
    assert _quotes(text) == [("indirect", "said", "Councilman Abe Orr")]
    # without the heading the same lines are read as text
    text = ("The council met on Monday.\n\nEveryone was 'dropping and screaming': Witnesses describe chaos in "
            "Ostby\n\nCouncilman Abe Orr said the vote showed that residents still had a voice.")
    assert len(_quotes(text)) > 1


def test_photographer_credit_is_furniture():
    """'Photographer: Jo Roe/Bloomberg' is a photo credit, no speech (a "Name: words" headline line among the
    first paragraphs is not read in furniture either)."""
    text = ("The council met.\n\nPhotographer: Lena Dros/Bloomberg Photographer: Lena Dros/Bloomberg\n\n"
            "Councilman Abe Orr said the vote showed that residents still had a voice.")
    assert _quotes(text) == [("indirect", "said", "Councilman Abe Orr")]


def test_furniture_tags_are_read(tmp_path):
    """The round-18 tags of page_furniture.tsv are read; an unknown tag names file and line."""
    from newsvoices.entities import page_furniture_links
    closes, lists = page_furniture_links()
    assert "read more" in closes and "more coverage" in lists
    bad = tmp_path / "furniture.tsv"
    bad.write_text("read more\tcloses\nrelated\tlisting\n", encoding="utf-8")
    with pytest.raises(ValueError, match="furniture.tsv:2"):
        page_furniture_links(str(bad))


def test_caption_credit_is_no_antecedent():
    """A Guardian caption line ("Facebook Twitter Pinterest ... Photograph: Jo Roe/Getty Images") is furniture:
    the "She" after it is the lawyer named before it, not the credited agency."""
    text = ("Lena Dros, a lawyer, has spent a month at the border.\n\n"
            "Facebook Twitter Pinterest A boy and his father wait at the border in June. Photograph: AFP/Getty Images\n\n"
            "She tells me she has raised money \u201cto flood the border with lawyers and interpreters.\u201d")
    assert all(spk == "Lena Dros" for _k, _c, spk in _quotes(text))
    text = ("Lena Dros, a lawyer, has spent a month at the border.\n\n"
            "Enlarge this image toggle caption AFP/Getty Images AFP/Getty Images\n\n"
            "She tells me she has raised money \u201cto flood the border with lawyers and interpreters.\u201d")
    assert all(spk == "Lena Dros" for _k, _c, spk in _quotes(text))
