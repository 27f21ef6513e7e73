"""Round 15 of issue 3 (junk speakers: "speakers" that never spoke): made-up articles only."""

from __future__ import annotations

from newsvoices.extract import extract
from newsvoices.model import Article

from test_speakers_round12 import _quotes  # (kind, cue, speaker name) of each quote


def _names(text: str) -> set[str]:
    return {e.name for e in extract(Article("t", text)).entities}


# ---- a related-headline card starts where the name it repeats starts
def test_card_with_a_question_mark_is_furniture_and_the_name_before_it_is_cut():
    """'Sen. Ned Ostby Edmund (Ned) OstbyOh, Ostby: Should ...? Vale tweets ... MORE': the card begins at
    'Edmund' even though a headline inside it ends with '?'; no quote from the headlines, and the
    sentence's own name stays 'Ned Ostby' (not 'Sen. Ned Ostby Edmund' or 'Edmund OstbyOh')."""
    text = ("Durm asked for a vote on the harbour bill.\n\n"
            "The request failed after Sen. Ned Ostby Edmund (Ned) OstbyOh, Ostby: Should the city build a "
            "bridge? Vale tweets his support for the harbour plan Vale says he will sign the bill MORE "
            "(R-Texas) objected, leaving the bill stalled.")
    cues = [c for _k, c, _s in _quotes(text)]
    assert "tweets" not in cues and "says" not in cues
    names = _names(text)
    assert not any("Edmund" in n or "OstbyOh" in n for n in names)


def test_glued_card_does_not_take_the_pronoun_of_the_next_paragraph():
    """'President Vale Donald Adam ValeWayfair ... MORE' glued to the name: the run is cut to 'Vale', so
    the next 'he said' after Menz's paragraph is Menz's, not a person named 'Vale Donald Adam ValeWayfair'."""
    text = ("Sen. Rob Menz said the bill can be a template for next year, even though President Vale Donald Adam "
            "ValeWayfair faces backlash over furniture Vale says he will sign order on roads MORE opposes it.\n\n"
            "Menz, a member of the harbour group, said the bill passed with 68 votes.\n\n"
            "\u201cNot many bills get that many votes,\u201d he said.")
    names = _names(text)
    assert "Vale" in names and not any("Wayfair" in n for n in names)
    assert ("direct", "said", "Rob Menz") in _quotes(text)


def test_a_glue_with_no_repeated_name_is_no_card_start():
    """'McDonnell' in plain text is no card start: no name is repeated before the glued word."""
    text = "Ann McDonnell said the harbour plan was too expensive for the town to carry alone."
    assert [s for _k, _c, s in _quotes(text)] == ["Ann McDonnell"]


# ---- a person's name modifying a noun after "the" is no referent of "he"/"she"
def test_the_name_administration_is_no_antecedent_of_he():
    """'the Vale administration's bid' names a thing: 'he said' goes back to Durm, the subject before."""
    text = ("President Ann Vale took office in May.\n\nSen. Dick Durm asked for a vote on the harbour bill last week.\n\n"
            "A recent ruling blocking the Vale administration\u2019s bid to end the programme has put the bill "
            "back in the spotlight.\n\n"
            "\u201cWe are in a position where we have to act,\u201d he said in a floor speech.")
    assert _quotes(text)[-1] == ("direct", "said", "Dick Durm")


def test_the_name_followed_by_a_verb_stays_a_person():
    """'the Rev. Jo Roe' after 'the' is a title, and 'Vale said' no modifier: both stay referents."""
    text = ("The town met on Monday. The Rev. Jo Roe led the prayer.\n\n"
            "\u201cWe are all neighbours here,\u201d she said.")
    assert _quotes(text)[-1] == ("direct", "said", "Jo Roe")


# ---- "she" continues the "She" that opened the sentence naming a victim
def test_she_continues_the_sentence_subject_pronoun_past_a_victim():
    """'She cited the shooting death of Ned Orr, a local man, ...' then '"...," she said': the words are
    the advocate's (the first 'She'), not the victim's."""
    text = ("Mara Dunn, president of the Ostby Legal Fund, called the crisis \u201ca moment that matters.\u201d "
            "She cited the shooting death of Ned Orr, a mentally ill local man, by police this month.\n\n"
            "\u201cThis is an ongoing problem that people have been living with,\u201d she said.")
    assert _quotes(text)[-1] == ("direct", "said", "Mara Dunn")
    # without the opening pronoun the victim is the only person of the sentence and still takes 'she'
    text = ("Mara Dunn ran the Ostby Legal Fund for years.\n\n"
            "The shooting death of Ned Orr, a local man, by police this month shook the town.\n\n"
            "\u201cThis is an ongoing problem,\u201d she said.")
    assert _quotes(text)[-1][2] in ("Ned Orr", "Mara Dunn")


# ---- the subject of a passive verb of bodily harm is acted upon
def test_she_skips_the_person_killed_for_the_sentence_subject():
    """'Mayor Ann Bee told protesters to leave the area where Ned Orr was killed by police': the next
    'she said' is the mayor's (``patient`` words of antecedent_contexts.tsv)."""
    text = ("Mayor Ann Bee told protesters on Sunday to leave the area near where Ned Orr was killed by police "
            "last month.\n\n\u201cEnough is enough,\u201d she said at a news conference.")
    assert _quotes(text)[-1] == ("direct", "said", "Ann Bee")


def test_a_person_charged_is_no_patient():
    """'Ned Orr was charged ... after he threatened to sue': defendants go on to speak; 'charged' is no
    harm verb, so 'he' stays with Orr even though a mayor opened the sentence."""
    text = ("Mayor Ann Bee said Ned Orr was charged in March.\n\n"
            "\u201cI did nothing wrong,\u201d he said outside the court.")
    assert _quotes(text)[-1] == ("direct", "said", "Ned Orr")


# ---- "they" and a plural group named by a capitalised plural
def test_they_takes_the_plural_group_not_a_place_or_a_plural_after_it():
    """'Conservative Republicans oppose the plan ... immigrants living in the United States. They call
    it amnesty': 'they' are the Republicans, not 'States' nor 'immigrants'."""
    text = ("The Ostby council backed the harbour plan on Monday.\n\n"
            "Conservative Republicans oppose the plan because it gives a pathway to citizenship to most of "
            "the immigrants living illegally in the United States. They argue that such a move is an amnesty "
            "for lawbreakers.")
    spk = [s for _k, c, s in _quotes(text) if c == "argue"]
    assert spk and spk[0] is not None and spk[0].endswith("Republicans")
