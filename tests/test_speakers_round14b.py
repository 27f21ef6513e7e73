"""Round 14b of issues 3/7 (direct quotes left without a speaker despite a plain cue): made-up articles only."""

from __future__ import annotations

from test_speakers_round12 import _quotes  # (kind, cue, speaker name) of each quote


# ---- a time adverbial between the subject and its cue is never the speaker
def test_time_adverbial_between_subject_and_cue_is_skipped():
    """'Mayor Lena Dros this week announced', '... late Friday said', '... just Wednesday said:'."""
    text = "The board met.\n\nMayor Lena Dros this week announced a new \"zero-tolerance\" policy for the harbour."
    assert _quotes(text) == [("direct", "announced", "Lena Dros")]
    text = ("The board met.\n\nMayor Lena Dros late Friday said some of those injured were "
            "\"fighting for their lives\" in hospital.")
    assert [q[2] for q in _quotes(text)] == ["Lena Dros", "Lena Dros"]
    text = "The board met.\n\nMayor Lena Dros just Wednesday said of the plan: \"In our caucus there has to be a vote.\""
    assert [q[2] for q in _quotes(text) if q[0] == "direct"] == ["Lena Dros"]


def test_a_month_name_alone_stays_a_name():
    """'Theresa May said:' -- May is a surname, not a month, without a time word before it."""
    text = "The board met.\n\nTheresa May said: \"We will be ready with our own plans.\""
    assert _quotes(text) == [("direct", "said", "Theresa May")]


# ---- the sentence subject of a participle cue stops before its own verb
def test_subject_of_a_participle_cue_stops_at_its_verb():
    """'The university issued a statement Friday saying, "..."': the university, not 'the university issued'."""
    text = ("The board met.\n\nThe university issued a statement Friday saying, "
            "\"The student attended the college for one semester in the fall.\"")
    assert _quotes(text) == [("direct", "saying", "the university")]
    text = ("The board met.\n\nThe State Department issued a worldwide alert this week urging travellers "
            "to \"exercise vigilance\" at all times.")
    assert _quotes(text) == [("direct", "urging", "State Department")]
    text = ("The board met.\n\nThe mayor attacked the harbour director again Sunday tweeting, "
            "\"I believe the leaks will be far worse than anyone thought.\"")
    assert [q[2] for q in _quotes(text) if q[0] == "direct"] == ["the mayor"]


# ---- a form of "be" before a cue in -ing or "quoted as saying" is active speech, not a passive patient
def test_progressive_and_quoted_as_saying_keep_their_speaker():
    """'Tom Varn was calling the protesters "hypocrites"' and '..., Lena Dros was quoted as saying' are
    the subject's words; 'Tom Varn was described as a "gentle officer"' still is not."""
    text = "The board met.\n\nMayor Tom Varn was calling the protesters \"hypocrites\" for their rallies."
    assert [q[2] for q in _quotes(text) if q[0] == "direct"] == ["Tom Varn"]
    text = ("The board met.\n\n\"We are here because the system is not keeping our communities safe,\" "
            "council leader Lena Dros was quoted as saying.")
    assert [q[2] for q in _quotes(text)] == ["Lena Dros"]
    text = "The board met.\n\nTom Varn was described as a \"gentle officer\" by his neighbours."
    assert [q[2] for q in _quotes(text) if q[0] == "direct"] == [None]


def test_a_time_word_after_the_cue_is_no_inverted_speaker():
    """'Sen. Lena Dros, R-Ariz., said Sunday: "..."': not a speaker called 'Sunday'."""
    text = ("The board met.\n\nSen. Lena Dros, R-Ariz., said Sunday: "
            "\"I think the harbour plan is a mistake for the city.\"")
    assert _quotes(text) == [("direct", "said", "Lena Dros")]
    text = "The board met.\n\nSaid Tom Varn: \"I think the harbour plan is a mistake for the city.\""
    assert [q[2] for q in _quotes(text)] == ["Tom Varn"]
