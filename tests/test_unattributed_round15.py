"""Round 15 of issues 3/7: unnamed speakers the pipeline dropped as "no source" (made-up texts only).

An unnamed speaker phrase (kind anonymous or group) that no rule of ``data/codebooks/voices.yml`` places
gets rule ``default`` and the pipeline leaves its quotes unattributed (``context.drop_unplaced_unnamed``).
The rules of the block "unnamed heads no rule above places (round 15)" place the head nouns of real
unnamed speakers; junk phrases ("a portion", signs, "the country", a bare "public") must stay dropped.
"""

from __future__ import annotations

import pytest

from newsvoices import voices
from newsvoices.extract import Entity


def _voice(name: str, kind: str = "anonymous", description: str | None = None,
           organisation: str | None = None) -> tuple[str, str]:
    return voices.classify(Entity("e", name, kind, description=description, organisation=organisation))


def _pipeline(text: str, kinds=("direct",)) -> list[tuple[str | None, str | None]]:
    from newsvoices.model import Article
    from newsvoices.pipeline import analyze_article

    return [(q["speaker"], q["voice_type"]) for q in analyze_article(Article("t", text))["quotes"]
            if q["kind"] in kinds]


# ---------------------------------------------------------------- the codebook rules, one head noun at a time

@pytest.mark.parametrize("name, kind, voice, rule", [
    ("the pontiff", "anonymous", "advocacy", "unnamed-religious-leader"),
    ("the archbishop", "anonymous", "advocacy", "unnamed-religious-leader"),
    ("one donor", "anonymous", "public", "unnamed-public"),
    ("the crowds", "group", "public", "unnamed-public"),
    ("the nurses", "group", "public", "unnamed-public"),
    ("the public", "anonymous", "public", "unnamed-public"),
    ("the American public", "anonymous", "public", "unnamed-public"),
    ("Thirty-nine percent", "group", "expert", "unnamed-poll-share"),
    ("percent", "group", "expert", "unnamed-poll-share"),
    ("another 14%", "group", "expert", "unnamed-poll-share"),
    ("respondents", "group", "expert", "unnamed-poll-share"),
    ("Law enforcement", "group", "official", "unnamed-law-enforcement"),
    ("one senior state law enforcement", "anonymous", "official", "unnamed-law-enforcement"),
    ("the corps", "anonymous", "official", "unnamed-law-enforcement"),
    ("the defense", "anonymous", "legal", "unnamed-defense-team"),
    ("the tech giant", "anonymous", "business", "unnamed-business"),
    ("a venture capitalist", "anonymous", "business", "unnamed-business"),
])
def test_unnamed_heads_of_real_speakers_are_placed(name, kind, voice, rule):
    assert _voice(name, kind) == (voice, rule)


@pytest.mark.parametrize("name, organisation", [
    ("Zorvia bureau’s office", "Zorvia"),  # "the bureau's Zorvia office": its place was read as the organisation
    ("North Vale office", "North Vale"),
])
def test_an_agency_field_office_named_by_its_place_is_official(name, organisation):
    assert _voice(name, organisation=organisation) == ("official", "unnamed-law-enforcement")


def test_a_law_enforcement_figure_is_an_unnamed_official():
    assert _voice("a law enforcement figure") == ("official", "anonymous-official")


@pytest.mark.parametrize("name, kind", [
    ("a portion", "anonymous"), ("five signs", "group"), ("the country", "anonymous"),
    ("public", "group"), ("His public", "group"),  # "public attacks", "His public calls for unity"
    ("the lowest figure", "anonymous"),  # a number is no "law enforcement figure" (here: anonymous-source)
])
def test_junk_phrases_stay_out_of_the_new_rules(name, kind):
    assert not _voice(name, kind)[1].startswith("unnamed-")


def test_the_new_rules_only_place_what_no_earlier_rule_places():
    """Earlier rules still win: an aide, a source, a poll with its number, a stance group."""
    assert _voice("a Senate aide")[1] == "anonymous-aide-chamber"
    assert _voice("61 percent of voters", "group")[1] == "poll-result"
    assert _voice("some people", "group")[1] == "group-unspecified-people"
    assert _voice("law enforcement sources", "group")[1] == "anonymous-source-role"
    assert _voice("the defense team")[0] == "legal"


@pytest.mark.parametrize("description", ["Pope Francis", "Cardinal Timothy Dolan", "the Catholic archbishop"])
def test_a_church_leaders_title_places_a_named_person(description):
    assert _voice("Jo Roe", "person", description) == ("advocacy", "religious-leader-title")


@pytest.mark.parametrize("description", ["the pastor", "St. Louis Cardinals pitcher", "a cardinal sin"])
def test_local_clergy_and_other_cardinals_are_no_church_leaders(description):
    assert _voice("Jo Roe", "person", description)[1] != "religious-leader-title"


# ---------------------------------------------------------------- end to end: the quotes are attributed now

def test_the_pontiffs_quote_is_attributed_not_dropped():
    text = ('In his annual address, the pope spoke of migrants.\n\n'
            '"Protect all those who are forced to emigrate in the hope of a secure life," the pontiff said '
            'from the balcony.')
    assert _pipeline(text) == [("the pontiff", "advocacy")]


def test_a_donor_and_a_crowd_are_members_of_the_public():
    text = ('Supporters raised money for the officer. One donor, who identified herself as a neighbour, pledged $20 '
            'and wrote, "Thank you for keeping us safe."')
    assert _pipeline(text) == [("one donor", "public")]
    text = 'Supporters set up a fundraising page.\n\nOutside the building, crowds chanted, "Let them stay."'
    assert [(q, v) for q, v in _pipeline(text, kinds=("direct", "indirect"))] == [("crowds", "public")]


def test_a_bare_share_of_a_poll_is_research():
    text = ('A new Vale Institute poll asked voters about the plan. Forty-one percent backed it, '
            'while 13 percent said they "don\'t know enough about it."')
    got = _pipeline(text)
    assert len(got) == 1 and got[0][1] == "expert"


def test_junk_subjects_of_a_cue_stay_unattributed():
    text = ('The march ended at the courthouse. Five signs read "Justice now" and '
            'a portion read "We will not forget."')
    assert all(speaker is None for speaker, _ in _pipeline(text))


def test_named_pope_introduced_by_title_is_advocacy_in_context():
    from newsvoices import extract
    from newsvoices.model import Article

    text = 'Pope Francis spoke on Sunday. "Welcome the stranger," Francis said.'
    ex = extract.extract(Article("t", text))
    got = voices.classify_article(text, ex.entities, ex.mentions, voices.load_codebook())
    assert [v for v in got.values()] == [("advocacy", "religious-leader-title@mention")]


# ---------------------------------------------------------------- documents that speak only through their issuer

def test_an_issuer_only_document_takes_the_voice_of_the_issuer_named_after_it():
    text = ('From 1975 through 2015, according to a count by Vale Institute analyst Jo Roe, six people were '
            '"convicted of attempting attacks."')
    assert _pipeline(text) == [("a count", "advocacy")]


def test_an_issuer_only_document_with_no_issuer_stays_no_source():
    cb = voices.load_codebook()
    assert "document-issuer-only" in cb.issuer_only_rules and "summary" in cb.document_words
    assert _voice("the ad") == ("other", "document-issuer-only")  # the rule alone: resolved in the article
    for text in ['"Build the wall," the ad concludes.',
                 'The page notes that the firm has a "Global Security Center" that monitors threats.']:
        assert all(speaker is None for speaker, _ in _pipeline(text, kinds=("direct", "indirect")))


def test_a_statement_keeps_its_official_fallback():
    """The built-in document rule is unchanged: an unnamed statement with no issuer stays official."""
    assert _voice("a statement") == ("official", "document-unattributed")


def test_issuer_only_rules_must_name_rules_of_the_codebook(tmp_path):
    from newsvoices.voices import CODEBOOK_PATH

    text = CODEBOOK_PATH.read_text(encoding="utf-8").replace(
        "issuer_only_rules: [document-issuer-only]", "issuer_only_rules: [no-such-rule]")
    assert "no-such-rule" in text
    bad = tmp_path / "voices.yml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="issuer_only_rules"):
        voices.load_codebook(bad)


def test_the_benchmark_counts_quotes_dropped_as_no_source_by_head_noun():
    """``benchmarks/unattributed.py --no-source``: the direct quotes the pipeline drops, by head noun."""
    import collections
    import importlib.util
    from pathlib import Path

    from newsvoices import extract
    from newsvoices.model import Article

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "unattributed.py"
    spec = importlib.util.spec_from_file_location("unattributed_bench", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text = ('"Let your hearts be open," tweeted the propagandist, who was identified by two groups.\n\n'
            '"Protect those forced to emigrate," the pontiff said.')
    words, quotes = collections.Counter(), collections.Counter()
    mod._count_no_source(text, extract.extract(Article("t", text)), words, quotes)
    # "the propagandist": a person head no rule places, dropped; the pontiff is placed (a source now)
    assert dict(quotes) == {"propagandist": 1} and dict(words) == {"propagandist": 5}
