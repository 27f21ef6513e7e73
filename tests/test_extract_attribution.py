"""Speaker attribution, carry-over, reported speech and entities, on small invented articles."""

from __future__ import annotations

import pytest

from newsvoices.extract import extract
from newsvoices.model import Article


def run(text: str):
    art = Article("t", text)
    ex = extract(art)
    for q in ex.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
    return ex


def direct(ex):
    return [q for q in ex.quotes if q.kind == "direct"]


def speaker(ex, q):
    e = ex.entity(q.entity)
    return e.name if e else None


@pytest.mark.parametrize("text, name, mention", [
    ("\u201cThe harvest was poor this year,\u201d said Nora Quill.", "Nora Quill", "Nora Quill"),
    ("\u201cThe harvest was poor this year,\u201d Nora Quill said.", "Nora Quill", "Nora Quill"),
    ("Nora Quill said: \u201cThe harvest was poor this year.\u201d", "Nora Quill", "Nora Quill"),
    ("Nora Quill told the Valley Gazette: \u201cThe harvest was poor this year.\u201d", "Nora Quill", "Nora Quill"),
    ("Nora Quill wrote: \u201cThe harvest was poor this year.\u201d", "Nora Quill", "Nora Quill"),
    ("\u201cThe harvest was poor this year,\u201d Nora Quill said in a statement.", "Nora Quill", "Nora Quill"),
    ("\u201cThe harvest was poor this year,\u201d according to Nora Quill.", "Nora Quill", "Nora Quill"),
    ("\u201cThe harvest was poor this year,\u201d Mr. Ben Tarr, a grower, told reporters.", "Ben Tarr", "Mr. Ben Tarr"),
    ("\u201cThe harvest was poor this year,\u201d said Dr Ines Moor.", "Ines Moor", "Dr Ines Moor"),
    ("\u201cThe harvest was poor this year,\u201d said Sir Alan Pike.", "Alan Pike", "Sir Alan Pike"),
    ("\u201cThe harvest was poor this year,\u201d said Baroness Ada Crane.", "Ada Crane", "Baroness Ada Crane"),
    ("Lord Eli Stone said: \u201cThe harvest was poor this year.\u201d", "Eli Stone", "Lord Eli Stone"),
])
def test_attribution_patterns(text, name, mention):
    ex = run(text)
    (q,) = direct(ex)
    assert q.text.startswith("The harvest was poor this year")
    assert speaker(ex, q) == name
    assert q.speaker_mention == mention


def test_split_quote_shares_its_attribution():
    ex = run("Lena Fry leads the tenants. \u201cWe will appeal,\u201d she said. "
             "\u201cThe ruling ignores the evidence.\u201d")
    q1, q2 = direct(ex)
    assert speaker(ex, q1) == speaker(ex, q2) == "Lena Fry"
    assert q1.attribution == "post"
    assert q2.attribution == "split"
    assert ex.quotes[0].speaker_mention == "she"


def test_roles_and_titles_as_speakers():
    ex = run("The Prime Minister said: \u201cWe will not raise taxes on working families.\u201d\n"
             "\u201cThe border checks will continue as before,\u201d the Home Secretary said.\n"
             "A Home Office spokesperson said: \u201cWe are reviewing the guidance carefully.\u201d")
    q1, q2, q3 = direct(ex)
    assert speaker(ex, q1) == "Prime Minister"
    assert speaker(ex, q2) == "Home Secretary"
    spox = ex.entity(q3.entity)
    assert spox.organisation == "Home Office"
    assert spox.name == "Home Office spokesperson"
    assert q3.speaker_mention == "A Home Office spokesperson"


def test_spokesman_for_an_organisation():
    ex = run("\u201cThe depot will reopen in June,\u201d said a spokesman for the Northern Rail Company.")
    (q,) = direct(ex)
    ent = ex.entity(q.entity)
    assert ent.organisation == "Northern Rail Company"
    assert ent.kind == "anonymous"


def test_appositive_is_description_not_name():
    ex = run("Robin Hale, founder of the Coastal Birds Trust, said: \u201cThe colony has halved in a decade.\u201d")
    (q,) = direct(ex)
    ent = ex.entity(q.entity)
    assert ent.name == "Robin Hale"
    assert ent.description == "founder of the Coastal Birds Trust"
    assert q.speaker_mention == "Robin Hale"


def test_possessive_owner_speaks():
    ex = run("Nadia Bell\u2019s answer was: \u201cWe never received the letter from the council.\u201d")
    (q,) = direct(ex)
    assert speaker(ex, q) == "Nadia Bell"


def test_pronoun_inside_quote_is_never_the_speaker():
    ex = run("Omar Vint, a teacher, said: \u201cWe cannot keep doing this.\u201d\n"
             "\u201cDo you think that parents will accept another year of cuts to the school budget?\u201d")
    q1, q2 = direct(ex)
    assert speaker(ex, q1) == speaker(ex, q2) == "Omar Vint"
    assert q2.speaker_start < q2.start  # the mention is outside the quote


def test_pronoun_and_surname_resolve_to_the_full_name():
    ex = run("Clara Oduya runs the food bank in Leeds.\n"
             "\u201cDemand has doubled since the spring,\u201d she said.\n"
             "Ms Oduya added: \u201cWe need more volunteers on Saturdays.\u201d\n"
             "\u201cAnd we need a bigger van,\u201d Oduya said.")
    qs = direct(ex)
    assert [speaker(ex, q) for q in qs] == ["Clara Oduya"] * 3
    assert [q.speaker_mention for q in qs] == ["she", "Ms Oduya", "Oduya"]
    kinds = {(m.text, m.kind) for m in ex.mentions if m.entity == qs[0].entity}
    assert {("Clara Oduya", "name"), ("she", "pronoun"), ("Oduya", "surname")} <= kinds


def test_carry_over_continuation_paragraphs():
    ex = run("Pavel Ruiz, a ferry captain, said: \u201cThe crossing has been cancelled four times this month.\u201d\n"
             "\u201cPassengers are stranded and nobody tells them why the boats are not running.\u201d\n"
             "He continued: \u201cThe company must publish a timetable it can keep.\u201d\n"
             "\u201cUntil then we will keep the petition open for anyone who wants to sign it.\u201d")
    qs = direct(ex)
    assert len(qs) == 4
    assert {speaker(ex, q) for q in qs} == {"Pavel Ruiz"}
    assert [q.attribution for q in qs] == ["pre", "carry", "pre", "carry"]


def test_no_carry_over_after_the_topic_moves_on():
    ex = run("Pavel Ruiz, a ferry captain, said: \u201cThe crossing has been cancelled four times this month.\u201d\n"
             "Meanwhile the harbour board, led by Greta Lind, approved a new pier.\n"
             "\u201cThe new pier will not be finished before the summer season begins in earnest.\u201d")
    q1, q2 = direct(ex)
    assert speaker(ex, q1) == "Pavel Ruiz"
    assert q2.entity is None or speaker(ex, q2) != "Pavel Ruiz"


def test_anonymous_sources_stay_distinct():
    ex = run("One nurse wrote: \u201cThe ward has been short of staff for months.\u201d\n"
             "Another nurse said: \u201cWe are asked to cover two wards at night.\u201d\n"
             "A third question, sent by a nurse, was: \u201cWhy has nobody answered us?\u201d")
    q1, q2, q3 = direct(ex)
    ents = [ex.entity(q.entity) for q in (q1, q2, q3)]
    assert len({e.key for e in ents}) == 3
    assert all(e.kind == "anonymous" and e.description == "nurse" for e in ents)


def test_reported_speech_forms():
    ex = run("Tara Bloom said that the council would cut bus routes in the spring.\n"
             "Ivo Marsh warned the plan would leave villages isolated.\n"
             "According to the Rural Transport Council, most routes lose money.\n"
             "The timetable will change in April, a council officer said.")
    ind = [q for q in ex.quotes if q.kind == "indirect"]
    got = {(q.text, speaker(ex, q)) for q in ind}
    assert ("the council would cut bus routes in the spring", "Tara Bloom") in got
    assert ("the plan would leave villages isolated", "Ivo Marsh") in got
    assert ("most routes lose money", "Rural Transport Council") in got
    assert any(t == "The timetable will change in April" for t, _ in got)


def test_reported_speech_never_overlaps_direct_quotes():
    ex = run("Sam Ode said the fund was \u201calmost empty\u201d and that the board knew it in May.")
    spans = sorted((q.start, q.end) for q in ex.quotes)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2


def test_mentions_of_people_who_never_speak():
    ex = run("Councillors criticised Jonas Weir over the closure.\n"
             "Kim Sato, a resident, said: \u201cJonas Weir never came to see the library.\u201d\n"
             "Weir did not respond. The Labour councillor has held the post since 2019.")
    weir = next(e for e in ex.entities if e.name == "Jonas Weir")
    assert weir.kind == "person"
    ms = [(m.text, m.kind) for m in ex.mentions if m.entity == weir.key]
    assert ("Jonas Weir", "name") in ms and ("Weir", "surname") in ms
    assert ("The Labour councillor", "role") in ms
    assert weir.key not in {q.entity for q in ex.quotes}


def test_organisation_variants_merge_by_function_words():
    ex = run("A report from the Institute for Coastal Studies found that erosion has doubled.\n"
             "The Institute of Coastal Studies was founded in 1990.")
    orgs = [e for e in ex.entities if e.kind == "organisation"]
    assert len(orgs) == 1
    assert orgs[0].name == "Institute of Coastal Studies"
    (ind,) = [q for q in ex.quotes if q.kind == "indirect"]
    assert ind.entity == orgs[0].key
    assert ind.text == "erosion has doubled"


def test_entity_kinds_and_mention_kinds_are_from_the_vocabulary():
    ex = run("Officials said the road would reopen. Mr Amos Reed, the mayor, said: \u201cIt will.\u201d "
             "The Highways Agency said it had no comment. \u201cSoon,\u201d he said.")
    for e in ex.entities:
        assert e.kind in ("person", "organisation", "anonymous", "group")
    for m in ex.mentions:
        assert m.kind in ("name", "surname", "pronoun", "role", "nominal")


def test_places_groups_and_capitalised_organisations():
    ex = run("The casino in Las Vegas opened on Friday. The Harbour Executive said the rules would "
             "change next year. The Greens said the plan should be scrapped entirely.")
    kinds = {e.name: e.kind for e in ex.entities}
    assert "Las Vegas" not in kinds
    assert kinds.get("Harbour Executive") == "organisation"
    greens = [q for q in ex.quotes if q.kind == "indirect" and "scrapped" in q.text]
    assert greens and ex.entity(greens[0].entity).kind == "group"


@pytest.mark.parametrize("sentence, content", [
    ("The mayor plans to close the old harbour bridge next spring.", "to close the old harbour bridge next spring"),
    ("Ms Dalby wants to move the market to the quayside.", "to move the market to the quayside"),
    ("The council declined to publish the full audit report.", "to publish the full audit report"),
])
def test_intention_verbs_with_to_infinitive_are_reported_content(sentence, content):
    ex = run("Harbour plans.\n" + sentence)
    ind = [q.text for q in ex.quotes if q.kind == "indirect"]
    assert content in ind


@pytest.mark.parametrize("sentence, content, mention", [
    ("Thirty percent said the bridge should stay open.", "the bridge should stay open", "Thirty percent"),
    ("Her campaign workers here said they have knocked on every door.", "they have knocked on every door",
     "Her campaign workers"),
])
def test_plain_noun_phrase_subjects_of_said(sentence, content, mention):
    ex = run("Harbour plans.\n" + sentence)
    ind = [(q.text, q.speaker_mention) for q in ex.quotes if q.kind == "indirect"]
    assert (content, mention) in ind


def test_sentence_split_before_two_apostrophe_quote():
    ex = run("Harbour plans.\nThe harbour has little room for new ships, he said. ''The berths are full,'' he added.")
    ind = [q.text for q in ex.quotes if q.kind == "indirect"]
    assert "The harbour has little room for new ships" in ind


def test_source_noun_with_modifiers_after_clause_opener_and_bare_clause_after_found():
    ex = run("Harbour plans.\nYet a new survey from the Harbour Trust found most ships avoid the port in winter.")
    ind = [q.text for q in ex.quotes if q.kind == "indirect"]
    assert "most ships avoid the port in winter" in ind


def test_according_to_long_source_and_parenthetical():
    ex = run("Harbour plans.\nTraffic fell sharply in March, according to early figures from the port.\n"
             "Tonnage, according to the harbour master, has doubled since the spring.\n"
             "A: I think it's in everyone's interest.")
    ind = [q.text for q in ex.quotes if q.kind == "indirect"]
    assert "Traffic fell sharply in March" in ind
    assert "Tonnage" in ind and "has doubled since the spring" in ind
    assert "it's in everyone's interest" in ind


def test_asked_object_then_whether():
    ex = run("Harbour plans.\nLast month, Jo Kerr asked the mayor whether the bridge would reopen in May.")
    ind = [q.text for q in ex.quotes if q.kind == "indirect"]
    assert "whether the bridge would reopen in May" in ind


def test_inverted_said_with_appositive_after_the_name():
    ex = run("Harbour plans.\nThe harbour will close in May, said John Smith, a local fisherman who knows the port.")
    ind = [(q.text, q.speaker_mention) for q in ex.quotes if q.kind == "indirect"]
    assert ("The harbour will close in May", "John Smith") in ind


@pytest.mark.parametrize("sentence, content, mention", [
    ("The vote came days after Smith's claim that the harbour would reopen by May.",
     "the harbour would reopen by May", "Smith"),
    ("Nothing came of her plan to close the old bridge.", "to close the old bridge", "her"),
    ("Councillors renewed their call for a public inquiry.", "a public inquiry", "their"),
])
def test_possessed_claim_nouns(sentence, content, mention):
    ex = run("Harbour plans.\n" + sentence)
    ind = [(q.text, q.speaker_mention) for q in ex.quotes if q.kind == "indirect"]
    assert any(t == content and m.startswith(mention) for t, m in ind), ind


def test_stance_verbs_with_object_and_bare_subject_of_belief_verbs():
    ex = run("Harbour plans.\nThe mayor denounced the closure of the old harbour bridge.\n"
             "Many fishermen here believe the port will never recover.")
    ind = [q.text for q in ex.quotes if q.kind == "indirect"]
    assert "the closure of the old harbour bridge" in ind
    assert "the port will never recover" in ind


def test_source_noun_heading_a_long_subject():
    ex = run("Harbour plans.\nA survey of skippers released on Tuesday showed most boats leaving the port by noon.")
    ind = [(q.text, q.speaker_mention) for q in ex.quotes if q.kind == "indirect"]
    assert ("most boats leaving the port by noon", "survey") in ind


def test_as_x_noted_then_content():
    ex = run("Harbour plans.\nThe port is busy, and as Jo Kerr noted, most boats now leave before dawn.")
    ind = [(q.text, q.speaker_mention) for q in ex.quotes if q.kind == "indirect"]
    assert ("most boats now leave before dawn", "Jo Kerr") in ind


def test_round_up_name_line_attributes_the_quotation_paragraph_before_it():
    text = ("Columnists weighed in on the harvest.\n\n"
            "\u201cThe valley has never seen a season this dry, and the growers know it.\u201d\n\n"
            "Nora Quill, Valley Gazette\n\n"
            "\u201cNobody planned for a third year of drought in a row, least of all the county.\u201d\n\n"
            "\u2014 Ben Tarr, a grower\n\n"
            "The rest of the story.")
    ex = run(text)
    qs = direct(ex)
    assert [speaker(ex, q) for q in qs] == ["Nora Quill", "Ben Tarr"]
    assert ex.entity(qs[0].entity).description == "Valley Gazette"
    assert qs[0].attribution == "byline"


@pytest.mark.parametrize("line", ["Nora Quill, Getty Images", "Water Rights In Focus"])
def test_photo_credit_or_subheading_is_no_author(line):
    text = ("\u201cThe valley has never seen a season this dry, and the growers know it.\u201d\n\n"
            f"{line}\n\nMore text follows here.")
    ex = run(text)
    assert [speaker(ex, q) for q in direct(ex)] == [None]


@pytest.mark.parametrize("tail, mention", [
    (" the report said.", "the report"),
    (" the family said in a statement.", "the family"),
    (" one protester told the Valley Gazette.", "one protester"),
])
def test_post_attribution_to_common_sources(tail, mention):
    ex = run("The council met on Monday.\n\n\u201cThe budget is far too small for the roads this year,\u201d" + tail)
    assert [q.speaker_mention for q in direct(ex)] == [mention]


def test_name_of_organisation_before_the_cue():
    ex = run("The council met on Monday.\n\n\u201cThe budget is far too small for the roads this year,\u201d "
             "Vera Lind of the Valley Roads Alliance said.")
    q = direct(ex)[0]
    assert q.speaker_mention == "Vera Lind"
    assert "Valley Roads Alliance" in (ex.entity(q.entity).description or "")


@pytest.mark.parametrize("tail, who", [(" Rebekah Lowe, Valley Gazette", "Rebekah Lowe"), (" Then the Mayor Left.", None)])
def test_name_line_closing_the_quotation_paragraph(tail, who):
    ex = run("Intro.\n\n\u201cThe budget is far too small for the roads this year.\u201d" + tail + "\n\nMore.")
    assert [speaker(ex, q) for q in direct(ex)] == [who]


@pytest.mark.parametrize("intro, name", [
    ("Its founder, Vera Lind, said", "Vera Lind"),
    ("The group\u2019s founder and chairman, Vera Lind, said", "Vera Lind"),
    ("A spokesman for the governor, Vera Lind, said", None),
])
def test_role_then_name_between_commas(intro, name):
    ex = run("The council met.\n\n" + intro + ": \u201cThe budget is far too small for the roads this year.\u201d")
    q = direct(ex)[0]
    if name is None:
        assert q.speaker_mention == "A spokesman"
    else:
        assert speaker(ex, q) == name and q.speaker_mention == name


def test_sentence_initial_modifier_of_plural_role_is_no_name():
    from newsvoices.extract import _tools

    finder, _ = _tools()
    text = "Intro.\n\nImmigrant advocates criticised the plan. Smith officials met. Vera Lind spoke."
    runs = [r.text for r in finder.runs(text, [(0, 6), (8, len(text))])]
    assert "Immigrant" not in runs and "Vera Lind" in runs


@pytest.mark.parametrize("text, wrong", [
    # the object of a hearer verb is the one spoken to (round 7)
    ("Senator Ada Crane called the plan \u201creckless\u201d and \u201ccruel,\u201d telling Radio Vale's Tom Reese "
     "on \u201cSunday Live\u201d that the council has \u201cfailed every family in the county.\u201d", "Radio Vale's Tom Reese"),
    # the subject of a passive "described as" is the one spoken about
    ("The late warden Hal Brisk was described as a \u201cquiet and patient man\u201d who loved chess.",
     "Hal Brisk"),
])
def test_hearer_and_described_are_no_speakers(text, wrong):
    ex = run(text)
    qs = direct(ex)
    assert qs, ex.quotes
    assert all(speaker(ex, q) != wrong for q in ex.quotes)


def test_teller_and_active_describer_still_speak():
    ex = run("Ada Crane told Tom Reese: \u201cThe plan failed every family.\u201d Later Crane described "
             "the warden as \u201ca quiet and patient man.\u201d")
    assert [speaker(ex, q) for q in direct(ex)] == ["Ada Crane", "Ada Crane"]
