"""Round 20 of issue 3 (one speaker, one id, one clean name across a corpus): title words cut in the
wrong place ("General Jeff Sessions"), an organisation "Trump" (from "the Trump administration") giving
the person's speaker row its kind, sentence-opening words read as first names ("Will Trump be ready?",
"Yet Trump"), acronyms beside their expansions ("AP" / "Associated Press") and word-order variants
("Homeland Security Department" / "Department of Homeland Security"). Made-up names only.
"""

from __future__ import annotations

from newsvoices import analyze, load_tables, runner
from newsvoices.corpus import Article
from newsvoices.entities import NameFinder
from newsvoices.extract import extract
from newsvoices.identity import org_key, person_key
from newsvoices.pipeline import analyze_article


def _runs(text: str) -> list[tuple[str, str]]:
    return [(r.text, r.kind) for r in NameFinder().runs(text, [(0, len(text))])]


def _speaker_rows(text: str, aid: str = "t") -> list[dict]:
    return analyze_article(Article(id=aid, text=text))["speakers"]


# ---- title words: the second word of a title is no first name


def test_two_word_title_is_not_part_of_the_name():
    text = 'Budget\n\n"We will cut costs," Attorney General Ada Pellworth said on Monday.'
    ex = extract(Article(id="t", text=text))
    names = {e.name for e in ex.entities if e.kind == "person"}
    assert names == {"Ada Pellworth"}
    q = [q for q in ex.quotes if q.entity][0]
    assert {e.key: e.name for e in ex.entities}[q.entity] == "Ada Pellworth"
    assert ("Ada Pellworth", "person") in _runs("Vice President Ada Pellworth spoke.")


def test_two_word_title_name_joins_the_later_full_name():
    """"Attorney General Ada Pellworth" and "Ada Pellworth" are one person of the article (the first word
    of the name was "General", so the two full names had different keys)."""
    text = ('Budget\n\nAttorney General Ada Pellworth spoke on Monday.\n\n'
            '"We will cut costs," Ada Pellworth said.\n\n"It is fair," Pellworth said.')
    rows = [r for r in _speaker_rows(text) if r["kind"] == "person"]
    assert [r["speaker_id"] for r in rows] == ["ada-pellworth"]
    assert rows[0]["name"] == "Ada Pellworth"


# ---- the row of an id an organisation and a person share


def test_person_quoted_throughout_keeps_the_row_of_a_shared_id():
    """The organisation "Dorlan" of one "the Dorlan administration" and the person "President Dorlan"
    quoted throughout share the id ``dorlan``: the row is the person's (the corpus step that joins a
    surname to its full name reads only person rows)."""
    text = ('Border plan\n\nPresident Dorlan defended the plan on Monday.\n\n'
            '"We will build it," Dorlan said.\n\n"It is done," Dorlan said later.\n\n'
            'The Dorlan administration has not published the costs.')
    rows = [r for r in _speaker_rows(text) if r["speaker_id"] == "dorlan"]
    assert len(rows) == 1
    assert rows[0]["kind"] == "person"
    assert rows[0]["n_quotes"] >= 2
    # an organisation and its spokesperson keep the organisation's row
    text = ('Visas\n\nThe Home Office changed the rules.\n\n'
            '"We keep the system under review," a Home Office spokesperson said.')
    rows = [r for r in _speaker_rows(text) if r["speaker_id"] == "home-office"]
    assert len(rows) == 1 and rows[0]["kind"] == "organisation" and rows[0]["n_quotes"] == 1


def _corpus():
    full = ('Talks\n\nPresident Marcus Dorlan spoke on Monday. "We will win," Dorlan said.')
    short = ('Border plan\n\nPresident Dorlan defended the plan.\n\n"We will build it," Dorlan said.\n\n'
             '"It is done," Dorlan said later.\n\nThe Dorlan administration has not published the costs.')
    return [Article(id=f"f{i}", text=full) for i in range(3)] + [Article(id="s1", text=short)]


def test_corpus_step_joins_the_surname_row_despite_the_administration(tmp_path):
    runner.run(_corpus(), tmp_path, workers=1, chunk_articles=2)
    for res in (analyze(_corpus(), workers=1), load_tables(tmp_path)):
        q = res.quotes
        assert set(q.loc[q["article_id"] == "s1", "speaker_id"].dropna()) == {"marcus-dorlan"}
        sp = res.speakers
        assert set(sp.loc[sp["article_id"] == "s1", "speaker_id"]) >= {"marcus-dorlan"}


# ---- sentence-opening words are no first names


def test_question_opening_modal_is_no_first_name():
    assert ("Will Dorlan", "person") not in _runs("More: Will Dorlan be ready for the summit?")
    assert ("Will Dorlan", "person") in _runs("Will Dorlan said no on Monday.")


def test_function_word_opening_a_sentence_is_no_first_name():
    runs = _runs("Yet Dorlan keeps shifting on the issue. Even Ada Pellworth agreed.")
    assert ("Yet Dorlan", "person") not in runs
    assert ("Ada Pellworth", "person") in runs


def test_modal_full_name_does_not_take_the_surname():
    """The only "full name" of the surname is a headline question's "Will Dorlan": the article's
    "Dorlan" stays a surname (the corpus step gives it the full name the corpus uses)."""
    text = ('Summit\n\nPresident Dorlan arrived on Monday.\n\n"We are ready," Dorlan said.\n\n'
            'More: Will Dorlan be ready for the summit?')
    names = {e.name for e in extract(Article(id="t", text=text)).entities if e.kind == "person"}
    assert "Will Dorlan" not in names
    assert "Dorlan" in names


def test_person_key_drops_opening_function_words_not_first_names():
    assert person_key("Even Ada Pellworth") == "ada pellworth"
    assert person_key("Of Quellmoor") == "of quellmoor"  # to a full name only ("Of Sony" is no "Sony")
    assert person_key("Will Pellworth") == "will pellworth"  # "Will" is a first name too
    assert person_key("New York Democrat Ada Pellworth") == "ada pellworth"  # a party word before the name
    assert person_key("Of Police Ada Pellworth") == "ada pellworth"
    assert person_key("Cyntoia Ada Pellworth") == "cyntoia ada pellworth"  # no premodifier: a middle name


# ---- organisations: acronyms and word order


def test_acronym_joins_its_expansion_within_the_article():
    text = ('Study\n\nThe Quellmoor Policy Forum published a study on Monday.\n\n'
            '"The numbers are rising," QPF said in the report.')
    ex = extract(Article(id="t", text=text))
    q = [q for q in ex.quotes if q.entity][0]
    assert {e.key: e.name for e in ex.entities}[q.entity] == "Quellmoor Policy Forum"
    rows = [r for r in _speaker_rows(text) if r["n_quotes"]]
    assert [r["speaker_id"] for r in rows] == ["quellmoor-policy-forum"]
    # two organisations of those initials: the acronym joins neither
    text = ('Study\n\nThe Quellmoor Policy Forum and the Quellmoor Planning Foundation met.\n\n'
            '"The numbers are rising," QPF said in the report.')
    ex = extract(Article(id="t", text=text))
    q = [q for q in ex.quotes if q.entity][0]
    assert {e.key: e.name for e in ex.entities}[q.entity] == "QPF"


def test_department_word_order_variants_share_a_key():
    assert org_key("Harbour Affairs Department") == org_key("the Department of Harbour Affairs")
    assert org_key("Defence Ministry") == org_key("Ministry of Defence")
    assert org_key("Quellmoor Police Department") == "quellmoor police department"
    assert org_key("Health and Human Services") == org_key("Department of Health and Human Services")
