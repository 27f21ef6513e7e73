"""Round 16 of issue 3 (documents as speakers: who issued "the statement"): made-up names only."""

from __future__ import annotations

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _document(text: str, name: str, mention: str, people=()) -> tuple[str, str] | None:
    """The issuer's voice of the document ``mention``; ``people``: (name, mention text, voice, rule)."""
    i = text.index(mention)
    e = Entity("d", name, "group")
    ents, ms, vo = [e], [Mention("d", i, i + len(mention), mention, "nominal")], {}
    for k, (pname, ptext, v, r) in enumerate(people):
        j = text.index(ptext)
        ents.append(Entity(f"p{k}", pname, "person"))
        ms.append(Mention(f"p{k}", j, j + len(ptext), ptext, "name"))
        vo[f"p{k}"] = (v, r)
    return voices.document_issuer(text, e, ms, vo, ents)


def test_a_time_word_before_the_document_does_not_hide_its_issuer():
    # the nearest capitalised word ("Easter") places nothing: the next issuer named there is tried
    text = "Sen. Jo Roe issued an Easter morning statement saying he is encouraged."
    people = [("Jo Roe", "Sen. Jo Roe", "politician", "politician-title")]
    assert _document(text, "Easter morning statement", "an Easter morning statement", people) == \
        ("politician", "politician-title@issuer")


def test_a_possessive_spokesman_releasing_a_statement_speaks_for_his_principal():
    text = "Soon after, Roe\u2019s press spokesman released a statement saying the speaker was opposed."
    people = [("Jo Roe", "Roe", "politician", "politician-title")]
    assert _document(text, "statement", "a statement", people) == ("politician", "politician-title@issuer")


def test_an_interjection_between_the_issuer_and_its_verb_is_skipped():
    text = "Kim Vale, however, issued a statement saying he is being unfairly blamed."
    people = [("Kim Vale", "Kim Vale", "public", "public-role")]
    assert _document(text, "statement", "a statement", people) == ("public", "public-role@issuer")


def test_a_document_whose_issuer_nothing_places_stays_undecided():
    text = "An Easter morning statement said the talks went on."
    assert _document(text, "Easter morning statement", "An Easter morning statement") is None


def test_the_subject_of_the_sentence_issued_the_document_it_sent():
    text = "Weeks before the trial, Roe, who served on the team, sent a text urging his teammates to speak up."
    people = [("Jo Roe", "Roe", "official", "military-role")]
    assert _document(text, "a text message", "a text", people) == ("official", "military-role@issuer")
    text = "On Tuesday, Roe annoyed colleagues again with a tweet suggesting the protester was a provocateur."
    assert _document(text, "tweet", "tweet", people) == ("official", "military-role@issuer")


def test_an_organisation_named_in_the_sentence_wins_over_the_subject():
    # "Kim Vale, senior vice president of the Vale Chamber of Commerce, released a statement": the
    # chamber issued it (business), not its officer whom the rules may place otherwise
    text = "Kim Vale, senior vice president of the Vale Chamber of Commerce, released a statement declaring it sound."
    people = [("Kim Vale", "Kim Vale", "official", "executive-office")]
    assert _document(text, "statement", "a statement", people)[0] == "business"


def test_a_definite_document_is_not_given_to_the_subject():
    text = "On Tuesday, Roe annoyed colleagues again with the tweet he had deleted."
    people = [("Jo Roe", "Roe", "official", "military-role")]
    assert _document(text, "tweet", "the tweet", people) is None
