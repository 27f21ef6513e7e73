"""Round 11 of issue 3 (junk speakers and words credited to the wrong person): made-up articles only."""

from __future__ import annotations

from newsvoices.extract import extract
from newsvoices.model import Article
from newsvoices.pipeline import analyze_article


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    """(cue, speaker name) of every quote the pipeline keeps."""
    return [(q["cue"], q["speaker"]) for q in analyze_article(Article("t", text))["quotes"]]


def _said(text: str, cue: str = "said") -> set[str | None]:
    """Speakers of the quotes (direct and reported) with the given cue."""
    return {spk for c, spk in _speakers(text) if c == cue}


# ---- same surname, different people
def test_bare_surname_is_the_person_named_most_before_it():
    """A relative introduced in an appositive does not take over the bare surname."""
    text = ("Dara Quell, a farmer from Ostby and the son of the late Ennis Quell, backed the plan.\n\n"
            "Quell said the plan was \"long overdue and very welcome\".")
    assert _said(text) == {"Dara Quell"}


def test_bare_surname_counts_earlier_surname_mentions():
    """The person named by surname again and again stays the referent after a relative's full name."""
    text = ("T. Varn lost the case.\n\nVarn appealed on Monday, and his former partner, Mira Varn, asked "
            "for more time.\n\nVarn said the ruling was \"a disgrace to everyone involved\".")
    assert _said(text) == {"T. Varn"}


def test_first_name_alone_refers_back_only():
    """A place spelled like a later person's first name ("Ostby, Colina") is no mention of her."""
    text = ("The suspect lived in Ostby, Colina, with his parents.\n\n"
            "Guard Leo Brannt said the man \"came in smiling and then pulled a gun on me\".\n\n"
            "Brannt's mother, Colina Brannt, said she was proud of him.")
    ex = extract(Article("t", text))
    colina = [e for e in ex.entities if e.name == "Colina Brannt"]
    assert colina and all(m.start > text.index("mother") for m in ex.mentions if m.entity == colina[0].key)


def test_titled_surname_before_a_full_name_with_another_role_is_its_own_person():
    """'President Varo' is not the first lady introduced later as 'first lady Ines Varo'."""
    text = ("President Varo cancelled the rally.\n\n\"This is a day for prayer,\" Varo said.\n\n"
            "The White House issued a statement from the president and first lady Ines Varo.")
    assert _said(text) == {"Varo"}
    # a full name introduced with the same title is the same person
    text = ("Sen. Dorn spoke first.\n\nSen. Pia Dorn said the bill was \"a good first step for the state\".")
    assert _said(text) == {"Pia Dorn"}


def test_office_of_a_place_is_no_person():
    """'the Senator from Colina': Colina is the place of the office, not a person a pronoun can mean."""
    text = ("Ana Reyes phoned her son, the 41-year-old Senator from Colina, last week.\n\n"
            "\"Don't forget where you come from,\" she said.")
    ex = extract(Article("t", text))
    assert not any(e.name == "Colina" and e.kind == "person" for e in ex.entities)


def test_bare_surname_tie_goes_to_the_one_told_speaking():
    """Named once each: the relative told speaking ("Her father, Aziz Tarn, said") is the bare surname's
    referent, and one called by the first name alone ("Sabi") is not."""
    text = ("The victims included the exchange student Sabi Tarn, 17.\n\n"
            "Her father, Omar Tarn, said on Monday he hoped Sabi would be remembered.\n\n"
            "\"She should become an example for everyone,\" Tarn said in a phone interview.")
    assert _said(text) == {"Omar Tarn"}


def test_first_person_outside_quotes_is_the_writer_not_the_last_person_named():
    """'I believe ...' in the writer's own text is no reported speech of the person named before."""
    text = ("Willie Doe fell asleep in his car outside a diner.\n\n"
            "After watching the video, I believe the officers made the situation far more dangerous.")
    assert [spk for cue, spk in _speakers(text) if cue == "believe"] == [None]
    # inside a quotation the first person is the quoted speaker
    text = ("Willie Doe spoke to reporters on Monday.\n\n"
            "\"I believe the officers made it worse,\" Doe said.")
    assert _said(text) == {"Willie Doe"}


# ---- places and institutions named near a pronoun's real antecedent
def test_they_after_an_organisation_names_the_people_of_the_nearest_plural_noun():
    """'... at the Ostby Institute. Local officials ... They said': the officials, not the institute."""
    text = ("The study was written by two researchers at the Ostby Institute.\n\n"
            "Local officials investigating the shooting met on Monday. They said the gunman "
            "had acted alone and had planned the attack for weeks.")
    said = _said(text)
    assert said and "Ostby Institute" not in said and all(s and s.endswith("officials") for s in said)


def test_they_keeps_an_organisation_with_no_plural_noun_between():
    """No plural noun naming people between the organisation and 'they': the organisation stays."""
    text = ("The Ostby Police Department released the video on Monday. They said the officer "
            "had followed every rule and had warned the man twice.")
    assert _said(text) == {"Ostby Police Department"}


# ---- things and groups only described, not reporting
def test_modal_between_subject_and_cue_is_no_report():
    """'asylum seekers may feel compelled': hypothetical, no one's words."""
    qs = _speakers("The agency must take into account that bona fide asylum seekers may feel compelled "
                   "to break the rules to reach safety.")
    assert [spk for cue, spk in qs if cue == "feel"] and all(spk is None for cue, spk in qs if cue == "feel")


def test_object_of_a_control_verb_is_no_source():
    """'allows local police agencies to seek ...': the agencies are allowed, they say nothing."""
    qs = _speakers("That program allows state and local police agencies to seek forfeiture under federal law.")
    assert [c for c, _ in qs] == ["seek"] and [spk for _, spk in qs] == [None]
    # the plain subject of the same cue stays a source
    qs = _speakers("State and local police agencies seek forfeiture under federal law.")
    assert [c for c, _ in qs] == ["seek"] and all(spk for _, spk in qs)


def test_modal_far_from_the_cue_does_not_block_the_speaker():
    """A modal inside the subject's own clause before the cue ("could legally interact, noting") is no
    hypothetical cue: only a modal right between subject and cue counts."""
    qs = _speakers("Lawyer Marc Elias laid out the ways that the campaign could legally interact, noting that "
                   "the rules were clear.")
    assert [spk for c, spk in qs if c == "noting"] == ["Lawyer Marc Elias"]


# ---- page furniture
def test_newsletter_box_gives_no_name_for_a_pronoun():
    """A sign-up box between a juror's name and 'She wrote' is no person 'she' can mean."""
    text = ("The juror, Crisa Redd, filled out a form about her work history.\n\n"
            "Opening Statement Sign up for our daily newsletter covering criminal justice news.\n\n"
            "She wrote that it would not affect her role as a juror.")
    assert _said(text, "wrote") == {"Crisa Redd"}


def test_caption_paragraph_is_no_text_of_the_article():
    """'Image caption Jo Roe runs the website, which touts ...': no speaker from a caption."""
    text = ("Image copyright Reuters Image caption Dale Ormo runs the Truthline website, which touts "
            "a range of conspiracy theories\n\nA judge ordered Ormo to pay the costs on Monday.")
    assert not [q for q in analyze_article(Article("t", text))["quotes"] if q["cue"] == "touts"]


def test_related_headline_card_is_furniture(monkeypatch):
    """A name glued to its link card's headlines up to 'MORE' is no text: no quote from the headlines."""
    from newsvoices import extract as ex_mod

    text = ("Democrats hope for a vote soon.\n\nSen. Bo Ruiz Robert (Bo) RuizHouse passes bill on rural roads "
            "Farm group leads coalition to urge Congress to fund rural roads Tom Kean wins primary MORE (D-N.J.) "
            "hopes for a vote.\n\nRuiz said the bill should come first.")
    cues = [c for c, _ in _speakers(text)]
    assert "urge" not in cues and "said" in cues
    monkeypatch.setattr(ex_mod, "_furniture_spans", lambda t, p: [])
    assert "urge" in [c for c, _ in _speakers(text)]  # (the card read as text)


def test_capitalised_run_after_an_article_or_place_preposition_is_no_person():
    """'at a Taco Bell', 'in Washington DC': a place or thing, not the person 'he' refers to."""
    text = ("Willie Doe had fallen asleep in the drive-thru line at a Taco Bell with a gun in his lap.\n\n"
            "Police were called when he did not respond to horn honks.")
    ex = extract(Article("t", text))
    assert not any(e.name == "Taco Bell" and e.kind == "person" for e in ex.entities)
    assert {spk for cue, spk in _speakers(text) if cue == "respond"} <= {"Willie Doe", None}


def test_round11_word_lists_refuse_bad_lines(tmp_path):
    """A malformed line of the new lists raises a ValueError naming the file and line."""
    import pytest

    from newsvoices.entities import non_source_contexts, page_furniture

    bad = tmp_path / "bad.tsv"
    bad.write_text("# comment\nmay\tmodal\nwhich\trelative\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:3"):
        non_source_contexts(str(bad))
    bad.write_text("image caption\tbegins\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:1"):
        page_furniture(str(bad))
    assert "may" in non_source_contexts()["modal"] and "image caption" in page_furniture()[0]
