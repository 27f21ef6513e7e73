"""Round 12 of issue 3 (voice types of real speakers): made-up sentences only."""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _mention(text: str, key: str, span: str, kind: str = "name") -> Mention:
    i = text.index(span)
    return Mention(key, i, i + len(span), span, kind)


@pytest.mark.parametrize("principal, principal_desc, voice", [
    ("Sen. Tam Brix", None, "politician"),
    # a principal in office: the spokesperson stays official
    ("Gov. Tam Brix", None, "official"),
])
def test_principal_named_before_the_spokesperson_word(principal, principal_desc, voice):
    text = f"{principal} backed the plan on Monday. Brix spokesman Olo Pemm said the vote would come soon."
    p = Entity("p", principal, "person", principal_desc)
    s = Entity("s", "Olo Pemm", "person", "spokesman")
    ms = [_mention(text, "p", principal), _mention(text, "s", "Olo Pemm")]
    assert voices.classify_article(text, [p, s], ms)["s"][0] == voice


def test_principal_before_the_spokesperson_word_skips_a_sentence_opener():
    text = "Sen. Tam Brix wrote the bill. But Brix spokesman Olo Pemm said more was needed."
    p = Entity("p", "Sen. Tam Brix", "person")
    s = Entity("s", "Olo Pemm", "person", "spokesman")
    ms = [_mention(text, "p", "Sen. Tam Brix"), _mention(text, "s", "Olo Pemm")]
    v, r = voices.classify_article(text, [p, s], ms)["s"]
    assert (v, r.endswith("@principal")) == ("politician", True)


def test_no_principal_before_the_spokesperson_word_keeps_the_default():
    text = "The agency closed the office. A spokesman, Olo Pemm, said it would reopen."
    s = Entity("s", "Olo Pemm", "person", "spokesman")
    assert voices.classify_article(text, [s], [_mention(text, "s", "Olo Pemm")])["s"][0] == "official"


@pytest.mark.parametrize("name, description, voice", [
    ("President-elect Jo Vale", None, "politician"),
    ("Jo Vale", "the state's governor-elect", "politician"),
    ("Mayor-elect Jo Vale", None, "politician"),
    # in office: official
    ("President Jo Vale", None, "official"),
    ("Jo Vale", "the state's governor", "official"),
])
def test_office_elect_is_not_yet_in_office(name, description, voice):
    assert voices.classify(Entity("e", name, "person", description))[0] == voice


def test_principal_of_an_appositive_after_the_name():
    """'Olo Pemm, a spokesman for Mr. Brix': the principal after the appositive's spokesperson word."""
    text = "Sen. Tam Brix wrote the bill. The vote is near, said Olo Pemm, a spokesman for Mr. Brix."
    p = Entity("p", "Sen. Tam Brix", "person")
    s = Entity("s", "Olo Pemm", "person", "spokesman")
    ms = [_mention(text, "p", "Sen. Tam Brix"), _mention(text, "s", "Olo Pemm")]
    assert voices.classify_article(text, [p, s], ms)["s"][0] == "politician"


@pytest.mark.parametrize("principal, voice", [
    ("Sen. Tam Brix", "politician"),
    ("Gov. Tam Brix", "official"),
])
def test_spokesperson_the_rules_left_other_takes_the_principal(principal, voice):
    """A spokesperson whose description names a principal no rule places ("a spokeswoman for Brix")."""
    text = f"{principal} signed it. It will pass, said Olo Pemm, a spokeswoman for Brix."
    p = Entity("p", principal, "person")
    s = Entity("s", "Olo Pemm", "person", "a spokeswoman for Brix")
    ms = [_mention(text, "p", principal), _mention(text, "s", "Olo Pemm")]
    alone = "It will pass, said Olo Pemm, a spokeswoman for Brix."  # no principal in the article
    assert voices.classify_article(alone, [s], [_mention(alone, "s", "Olo Pemm")])["s"][0] == "other"
    assert voices.classify_article(text, [p, s], ms)["s"][0] == voice


@pytest.mark.parametrize("name, description, voice", [
    # "Justice" in an organisation's name after for/of/and is no judge
    ("Jo Vale", "a fellow at the Zorvia Center for Justice", "expert"),
    ("Jo Vale", "a researcher who once worked for the Zorvia Ministry of Justice", "expert"),
    # a justice and an attorney stay legal
    ("Justice Jo Vale", None, "legal"),
    ("Jo Vale", "an attorney at the Zorvia Center for Justice", "legal"),
])
def test_justice_in_an_organisation_name_is_no_judge(name, description, voice):
    assert voices.classify(Entity("e", name, "person", description))[0] == voice


@pytest.mark.parametrize("description, voice", [
    ("deputy executive director of the Zorvia chapter of Neighbors United", "advocacy"),
    ("senior legislative counsel for the American Civil Liberties Union", "advocacy"),
    ("legislative counsel", "legal"),
])
def test_chapter_directors_and_legislative_counsel_speak_for_their_organisation(description, voice):
    assert voices.classify(Entity("e", "Jo Vale", "person", description))[0] == voice


@pytest.mark.parametrize("description, voice", [
    ("chief marketing officer for Zorco Landscapes", "business"),
    ("Zorco's chief revenue officer", "business"),
    ("chief medical officer at Mercy Hospital Center", "expert"),
    # a police officer stays official
    ("a Zorvia police officer", "official"),
])
def test_chief_officers_are_executives_not_officers(description, voice):
    assert voices.classify(Entity("e", "Jo Vale", "person", description))[0] == voice


@pytest.mark.parametrize("description, voice", [
    ("former Zorvia City Chief Medical Examiner", "expert"),
    ("a former county coroner", "expert"),
    ("Zorvia City Chief Medical Examiner", "official"),
])
def test_former_medical_examiners_speak_from_experience(description, voice):
    assert voices.classify(Entity("e", "Jo Vale", "person", description))[0] == voice


@pytest.mark.parametrize("sentence, name, voice", [
    ("Zorvian Republicans, many of whom say the bill is weak, voted no.", "many of whom", "politician"),
    ("The plan alarmed police chiefs, many of them arguing it would hurt trust.", "many of them", "official"),
    # a stance group stays other; no plural noun phrase before the comma: nothing decides
    ("The rally drew supporters, many of whom said it was fine.", "many of whom", "other"),
    ("In Zorvia City, many of them said it was fine.", "many of them", "other"),
])
def test_part_of_a_group_named_right_before(sentence, name, voice):
    i = sentence.index(name)
    e = Entity("g", name, "group")
    assert voices.classify_article(sentence, [e], [Mention("g", i, i + len(name), name, "nominal")])["g"][0] == voice


def test_unnamed_businesses_are_business():
    assert voices.classify_speaker(Entity("g", "Some businesses", "group"))[0] == "business"


@pytest.mark.parametrize("name, voice", [
    ("the Republican president", "official"),
    ("Zorvia's Democratic governor", "official"),
    # party figures and groups stay politicians
    ("Republican presidential candidates", "politician"),
    ("Democratic senators", "politician"),
])
def test_a_party_label_before_an_office_names_the_office_holder(name, voice):
    assert voices.classify_speaker(Entity("e", name, "anonymous", name.split()[-1]))[0] == voice


def test_known_office_holder_wins_over_role_mentions():
    """Role mentions resolved to a speaker ("the president") are the noisiest evidence: the list wins."""
    assert voices.classify(Entity("e", "Chuck Schumer"), roles=["the president"])[0] == "politician"
    # a name the list does not know still reads them
    assert voices.classify(Entity("e", "Jo Vale"), roles=["the president"])[0] == "official"
    # the words around the name still win over the list
    assert voices.classify(Entity("e", "Chuck Schumer"), contexts=["a columnist"])[0] == "commentator"


def test_campaign_role_mentions_still_win_over_the_list():
    """'the Republican nominee' says when the article was written: a listed official was then a candidate."""
    assert voices.classify(Entity("e", "Kirstjen Nielsen"), roles=["the Republican nominee"])[0] == "politician"
