"""Reported speech constructions of issue 7, fourth round (subjects after a subordinator or an
opening clause, the content of a sentence-initial subordinate clause), on small invented articles."""

from __future__ import annotations

import pytest

from test_extract_reported import reported


@pytest.mark.parametrize("sentence, content, mention", [
    ("The harbour fees rose again in May, as skippers warned the quay would close.",
     "the quay would close", "skippers"),
    ("The ferry stopped at Dover, where officials reported three missing cars on the deck.",
     "three missing cars on the deck", "officials"),
    ("The mooring vote was delayed, with analysts saying the board lacked a quorum.",
     "the board lacked a quorum", "analysts"),
    ("Kerr will win the seat because voters want a new harbour master.",
     "a new harbour master", "voters"),
])
def test_plain_subject_after_a_subordinator(sentence, content, mention):
    assert (content, mention) in reported(sentence)


@pytest.mark.parametrize("sentence", [
    "The port opened a new quay with a March speech denouncing the old mooring rules.",
    "The harbour budget will shrink, as mooring costs show no sign of falling this year.",
])
def test_no_subject_after_a_subordinator_without_a_source(sentence):
    assert reported(sentence) == []


def test_sentence_initial_subordinate_clause_ends_at_its_comma():
    got = reported("While Kerr said the harbour fees were fair, the skippers insisted that the quay was unsafe.")
    assert ("the harbour fees were fair", "Kerr") in got
    assert ("the quay was unsafe", "the skippers") in got
    got = reported("Since regulators announced a fine of 2,000 pounds, the harbour board has met twice.")
    assert ("a fine of 2,000 pounds", "regulators") in got


@pytest.mark.parametrize("sentence, content, mention", [
    ("In the same debate, harbour moderator Jo Roe asked whether the quay would reopen.",
     "whether the quay would reopen", "Jo Roe"),
    ("While Kerr claimed the mooring fees were low, local harbour skippers argue that they doubled in May.",
     "they doubled in May", "skippers"),
])
def test_subject_premodifiers_after_an_opening_clause(sentence, content, mention):
    assert any(c == content and m and m.endswith(mention) for c, m in reported(sentence))


def raising_rows(sentence: str) -> list[str]:
    """Content fragments without a speaker (the writer's own attribution, ``attribution == "raising"``)."""
    from newsvoices.extract import extract
    from newsvoices.model import Article

    text = "Harbour plans.\n" + sentence
    return [q.text for q in extract(Article("t", text)).quotes if q.kind == "indirect" and q.attribution == "raising"]


@pytest.mark.parametrize("sentence, fragments", [
    ("Jo Roe is considered the favourite for the harbour seat.", ["Jo Roe", "the favourite for the harbour seat"]),
    ("Many mooring permits were deemed invalid.", ["Many mooring permits", "invalid"]),
    ("Kerr has been mentioned as a possible harbour master.", ["Kerr", "a possible harbour master"]),
    ("The skipper is accused of sinking two ferries in the bay.", ["The skipper", "sinking two ferries in the bay"]),
    ("Two clerks were charged with taking bribes from the quay builders.",
     ["Two clerks", "taking bribes from the quay builders"]),
    ("Kerr was asked to name a single new mooring on the quay.", ["Kerr", "to name a single new mooring on the quay"]),
])
def test_passive_participles_with_a_predicate_are_the_writers_attribution(sentence, fragments):
    assert raising_rows(sentence) == fragments


@pytest.mark.parametrize("sentence", [
    "Kerr considered the offer for a week.",
    "The permits were deemed yesterday by the board.",
    "Jo Roe accused Kerr of sinking two ferries in the bay.",
])
def test_no_raising_rows_without_a_passive_and_predicate(sentence):
    assert raising_rows(sentence) == []


@pytest.mark.parametrize("sentence, content, mention", [
    ("Jo Roe went on the radio to applaud the new harbour master.", "the new harbour master", "Jo Roe"),
    ("Jo Roe visited the quay on Monday to discuss the mooring fees.", "the mooring fees", "Jo Roe"),
])
def test_purpose_clause_cue_takes_the_sentence_subject(sentence, content, mention):
    assert (content, mention) in reported(sentence)


def test_infinitive_after_a_noun_phrase_is_no_purpose_clause_without_a_subject():
    assert reported("To the skippers, the plan to discuss fees was a relief.") == []


@pytest.mark.parametrize("sentence, fragments", [
    ("The harbour master appears unhappy with the new mooring fees.",
     ["The harbour master", "unhappy with the new mooring fees"]),
    ("Kerr thinks little of it. The old skipper appeared unsteady at the helm.", ["The old skipper", "unsteady at the helm"]),
])
def test_appear_with_an_adjective_is_a_raising_cue(sentence, fragments):
    assert raising_rows(sentence) == fragments


def test_raising_inside_a_sourced_clause_is_the_source_s():
    """Round 21: "Roe noted that the old skipper appeared unsteady at the helm." - the raising fragments start
    where Roe's reported clause starts, and give way to it (the words are Roe's)."""
    assert raising_rows("Roe noted that the old skipper appeared unsteady at the helm.") == []
    assert ("the old skipper appeared unsteady at the helm", "Roe") in reported(
        "Roe noted that the old skipper appeared unsteady at the helm.")


def test_appear_meaning_show_up_is_no_raising_cue():
    assert raising_rows("The two skippers appeared together at the harbour on Monday.") == []


@pytest.mark.parametrize("sentence, content, mention", [
    ("Roe has described the mooring plan as a gift to the ferry owners.",
     "the mooring plan as a gift to the ferry owners", "Roe"),
    ("The skippers initially hailed the quay as a bold move by the harbour board.",
     "the quay as a bold move by the harbour board", "The skippers"),
])
def test_object_and_predicate_after_as(sentence, content, mention):
    assert (content, mention) in reported(sentence)


@pytest.mark.parametrize("sentence, content, mention", [
    ("Kerr has warned of higher mooring fees for the ferry owners.", "higher mooring fees for the ferry owners", "Kerr"),
    ("The harbour board reacted to the storm damage on the north quay.", "the storm damage on the north quay",
     "The harbour board"),
    ("Jo Roe spoke passionately about the closure of the old pier.", "the closure of the old pier", "Jo Roe"),
    ("Several skippers cautioned against raising the mooring fees.", "raising the mooring fees", "Several skippers"),
])
def test_topic_and_object_prepositions_after_verbs_of_saying(sentence, content, mention):
    assert (content, mention) in reported(sentence)


def test_discourse_opener_before_postposed_content_is_left_out():
    got = reported("In fact, neither plan would change the mooring fees, analysts say.")
    assert ("neither plan would change the mooring fees", "analysts") in got


def test_non_restrictive_which_takes_its_antecedent_as_the_source():
    got = reported("The bill drew fire from local employers such as Harbour Freight, which opposed the mooring levy.")
    assert ("the mooring levy", "Harbour Freight") in got


def test_about_after_prepositional_phrases_following_the_cue():
    got = reported("Jo Roe spoke at the harbour office on Tuesday about the closure of the old pier.")
    assert ("the closure of the old pier", "Jo Roe") in got
    assert not any(c.startswith("15") for c, _ in reported("Jo Roe spoke for about 15 minutes at the quay."))


def test_to_infinitive_after_a_time_adverbial():
    got = reported("The harbour board voted on Thursday to close the old pier for the winter.")
    assert ("to close the old pier for the winter", "The harbour board") in got


def test_quantified_subject_after_an_opening_clause():
    got = reported("During the harbour debate on Thursday, both candidates said the quay was unsafe for ferries.")
    assert ("the quay was unsafe for ferries", "candidates") in [(c, m and m.split()[-1]) for c, m in got]


def test_object_relative_of_an_object_predicate_verb():
    got = reported("The skippers rejected the mooring levy, which Kerr had called a gift to the ferry owners.")
    assert ("which", "Kerr") in got and ("a gift to the ferry owners", "Kerr") in got
    got = reported("Kerr attacked the levy, which he described as unfair to small boats.")
    assert ("unfair to small boats", "he") in got


def test_raising_subject_before_a_comma_aside():
    rows = raising_rows("The harbour deficit, which grew again in May, is projected to reach two million pounds.")
    assert rows == ["The harbour deficit", "to reach two million pounds"]
    assert raising_rows("Kerr, whose harbour, Dover, is projected to flood, stayed calm.") == []


def test_it_seems_takes_the_complement_alone():
    assert raising_rows("It now seems increasingly likely that the quay will close in May.") == [
        "increasingly likely that the quay will close in May"]
    assert raising_rows("Often, it appeared that the skippers were unable to find a berth.") == [
        "the skippers were unable to find a berth"]


def test_purpose_clause_after_a_closing_quote_or_comma():
    got = reported("Jo Roe went on \u201cHarbour Talk\u201d to discuss the closure of the old pier.")
    assert ("the closure of the old pier", "Jo Roe") in got
