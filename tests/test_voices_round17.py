"""Round 17 of issue 3 (voice types the rules got wrong for real speakers: messages with no author found,
think tanks, lobbyists' "government affairs", school systems, outlets and journals named like persons,
document issuers named after the document).

Made-up names and sentences only.
"""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity, Mention


def _cls(name: str, kind: str = "person", description: str | None = None) -> tuple[str, str]:
    return voices.classify(Entity("x", name, kind, description))


def _doc(text: str, phrase: str, name: str | None = None, kind: str = "group", others=(), voices_of=None):
    """document_issuer of the unnamed document ``phrase`` (first occurrence) in ``text``; ``others``:
    (key, name, kind) of further entities, each mentioned at its first occurrence."""
    i = text.index(phrase)
    e = Entity("e1", name or phrase, kind)
    ms = [Mention("e1", i, i + len(phrase), phrase, "nominal")]
    ents = [e]
    for key, n, k in others:
        j = text.index(n)
        ents.append(Entity(key, n, k))
        ms.append(Mention(key, j, j + len(n), n, "name"))
    return voices.document_issuer(text, e, ms, voices_of or {}, ents)


def _article(text: str, phrase: str, name: str | None = None, kind: str = "group") -> tuple[str, str]:
    i = text.index(phrase)
    e = Entity("e1", name or phrase, kind)
    return voices.classify_article(text, [e], [Mention("e1", i, i + len(phrase), phrase, "nominal")])["e1"]


# ---------------------------------------------------------------- messages whose author is not found

@pytest.mark.parametrize("name,statement", [("the post", "the statement"), ("other posts", "a letter"),
                                            ("messages", "the report"), ("a message", "an email"),
                                            ("another text allegedly read", "the tweet"), ("a sign", "the text"),
                                            ("text messages", "the report"), ("a note", "a document")])
def test_a_message_with_no_author_is_other_a_statement_official(name, statement):
    # tweets, emails and "the text" (of a rule) stay with statements: read in the corpus, most were official
    assert _cls(name, "group") == ("other", "document-social")
    assert _cls(statement, "group") == ("official", "document-unattributed")


def test_a_message_with_no_author_in_the_article_stays_other():
    t = "Many people shared the claim. Yet other posts claim the trial was about something else."
    assert _article(t, "other posts") == ("other", "document-social")


def test_a_message_takes_the_voice_of_its_author():
    t = "Jo Roe, a Vale County resident, was angry. “We are done,” one protester's sign said."
    assert _article(t, "one protester's sign")[0] == "public"


def test_a_tweet_that_followed_up_takes_the_subject():
    t = "Sen. Jo Roe said the bill would pass. She followed up with another tweet praising the vote."
    v = _doc(t, "another tweet", others=[("e2", "Jo Roe", "person")],
             voices_of={"e2": ("politician", "politician-role")})
    assert v == ("politician", "politician-role@issuer")


def test_an_inverted_said_names_the_author():
    t = "“Looters should be stopped,” said Jo Roe in a tweet posted on May 29."
    v = _doc(t, "a tweet", others=[("e2", "Jo Roe", "person")], voices_of={"e2": ("commentator", "media-role")})
    assert v == ("commentator", "media-role@issuer")


# ---------------------------------------------------------------- issuers named after the document

def test_an_author_after_the_document_is_tried_when_earlier_names_cannot_be_placed():
    t = ("Valeland reports produced by the Central Vale Command were skewed, according to a bombshell report "
         "released Thursday by a House Republican task force.")
    assert _doc(t, "a bombshell report", kind="anonymous")[0] == "politician"


def test_a_report_says_then_according_to_an_outlet():
    t = "Jo Roe nearly resigned last month, a report says. According to the Vale Times, Roe almost left."
    assert _doc(t, "a report", name="report") == ("commentator", "org-media-outlet@issuer")
    # only a report told as saying, right before its sentence ends
    t = "Jo Roe cited a report on wages in her speech. According to the Vale Times, Roe almost left."
    assert _doc(t, "a report", name="report") is None


# ---------------------------------------------------------------- think tanks, lobbyists, schools

@pytest.mark.parametrize("name,kind,desc", [
    ("Jo Roe", "person", "a Middle East expert at the Council on Foreign Relations"),
    ("Jo Roe", "person", "director of the Justice Program at the Brennan Center for Justice"),
    ("Jo Roe", "person", "an expert on national security law at the Brookings Institution"),
    ("Vale Policy Institute", "organisation", "a nonpartisan immigration think tank"),
    ("Migration Policy Institute", "organisation", "a nonpartisan think tank"),
])
def test_think_tanks_and_their_staff_are_advocacy(name, kind, desc):
    assert _cls(name, kind, desc) == ("advocacy", "think-tank-staff")
    if name == "Migration Policy Institute":  # a research institute not called a think tank stays expert
        assert _cls(name, kind)[0] == "expert"


@pytest.mark.parametrize("desc", [
    "director of government affairs for the Vale Emergency Number Association",
    "the association’s vice president of government relations",
    "associate vice president of federal affairs at the Association of Vale Universities",
])
def test_government_affairs_staff_do_not_speak_for_government(desc):
    assert _cls("Jo Roe", "person", desc)[0] != "official"


def test_a_student_government_is_no_government():
    assert _cls("Vale College's Student Government Association", "organisation")[0] != "official"


def test_a_police_officers_federation_is_no_government():
    assert _cls("Jo Roe", "person", "president of the Police Officers Federation of Valeton")[0] != "official"


@pytest.mark.parametrize("name,desc", [("Valeton Public Schools", None),
                                       ("Jo Roe", "a spokesperson for the Valeton Public Schools")])
def test_a_public_school_system_is_official(name, desc):
    assert _cls(name, "person", desc) == ("official", "org-government-us")


# ---------------------------------------------------------------- outlets and journals named like persons

@pytest.mark.parametrize("name", ["Globe", "ValeSiteNews"])
def test_an_outlet_named_like_a_person_is_media(name):
    assert _cls(name) == ("commentator", "media-outlet-name")
    assert _cls("Jo Newsome")[0] != "commentator"  # a news word inside a name is no outlet


@pytest.mark.parametrize("name", ["Health Affairs", "JAMA", "the Lancet"])
def test_a_medical_journal_is_research(name):
    assert _cls(name) == ("expert", "org-expert")


def test_a_name_cited_according_to_the_is_a_publication():
    t = "The video was shared online, according to the Vale New Era, and Jo Roe was charged."
    i = t.index("Vale New Era")
    e = Entity("e1", "Vale New Era", "person")
    assert voices.classify_article(t, [e], [Mention("e1", i, i + 12, "Vale New Era")])["e1"] == (
        "commentator", "writer-context")
    # a person named after "according to" without "the" stays a person
    t = "The video was shared online, according to Vale Newman, and Jo Roe was charged."
    i = t.index("Vale Newman")
    e = Entity("e1", "Vale Newman", "person")
    assert voices.classify_article(t, [e], [Mention("e1", i, i + 11, "Vale Newman")])["e1"] == (
        "public", "person-no-role")


def test_a_realtor_is_business():
    assert _cls("Jo Roe", "person", "a Vale County realtor")[0] == "business"


def test_a_vice_president_of_a_group_does_not_speak_for_government():
    # the codebook's "vice president (of|for|at) <name>" exception never matched before round 17 (a pattern
    # ending in a space cannot end a whole word); the vice president of the United States stays official
    assert _cls("Jo Roe", "person", "a deputy vice president for the National Council of Vale")[0] == "advocacy"
    assert _cls("Jo Roe", "person", "vice president of the United States") == ("official", "executive-office")


def test_refugees_in_the_name_of_a_body_make_no_member_of_the_public():
    assert _cls("Jo Roe", "person", "U.N. High Commissioner for Refugees") == ("official", "org-government-us")
    assert _cls("Jo Roe", "person", "a refugee from Valeland")[0] == "public"


def test_a_blog_named_in_one_word_is_media():
    assert _cls("Jo Roe for VALEblog", "person") == ("commentator", "media-role")


@pytest.mark.parametrize("name,kind,desc,voice", [
    ("the wire service", "group", "wire service", "commentator"),
    ("opinion poll results", "group", None, "expert"),
    ("a university spokesman", "anonymous", "spokesman", "expert"),
    ("company officials", "group", "officials", "business"),
    ("Organisation of Islamic Cooperation", "organisation", None, "official"),
    ("the Council of Europe", "organisation", None, "official"),
])
def test_unnamed_speakers_whose_kind_of_body_is_named(name, kind, desc, voice):
    assert _cls(name, kind, desc)[0] == voice
    assert _cls("a White House spokesman", "anonymous", "spokesman") == ("official", "anonymous-official")


def test_a_bipartisan_group_is_politicians_a_law_school_research():
    assert _cls("bipartisan group", "group")[0] == "politician"
    assert _cls("immigrant groups", "group", "groups")[0] == "advocacy"
    assert _cls("Jo Roe of Vale Law School", "organisation") == ("expert", "org-expert")
