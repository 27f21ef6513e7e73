"""Round 21 (lead): "NAME of PLACE/BODY" ends the name, and titles resolve later role mentions.

Found by reading BASIL (``benchmarks/basil_speakers.py``): the NYT's "Sen. Marco Rubio of Florida" was a
person named "Marco Rubio of Florida", apart from "Rubio"; "said Neil Bradley of the Chamber of Commerce"
made the Chamber the speaker; "the governor" after "Gov. Mike Pence" was a speaker of its own.
"""

from __future__ import annotations

import pytest

from newsvoices.entities import find_name_runs, title_roles
from newsvoices.extract import extract
from newsvoices.model import Article


def _speakers(text: str) -> list[tuple[str, str | None, str]]:
    ex = extract(Article(id="t", title="T", text=text))
    ents = {e.key: e for e in ex.entities}
    return [(ents[q.entity].name if q.entity in ents else None,
             ents[q.entity].organisation if q.entity in ents else None, q.text) for q in ex.quotes]


def test_senator_of_state_is_one_person_with_the_surname():
    text = ('Senators debated the bill on Tuesday.\n\n"We will not accept this," said Sen. Marco Rubio of Florida.\n\n'
            '"It is over," Rubio said.')
    names = [n for n, _o, _t in _speakers(text)]
    assert names == ["Marco Rubio", "Marco Rubio"]


def test_name_run_ends_before_of_place_and_the_place_is_a_place():
    text = "On Sunday the state's leader, Gov. Mike Pence of Indiana, spoke to reporters about the law."
    runs = [(r.text, r.kind, r.title) for r in find_name_runs(text, [(0, len(text))])]
    assert runs == [("Mike Pence", "person", "Gov"), ("Indiana", "place", None)]


def test_first_name_then_of_the_body_splits_but_bodies_named_with_of_stay_whole():
    text = ("On Monday a lobbyist, Neil Bradley of the Chamber of Commerce, met officials of the Bank of England and "
            "a peer, Lord Irvine of Lairg, at a dinner.")
    runs = [(r.text, r.kind) for r in find_name_runs(text, [(0, len(text))])]
    assert ("Neil Bradley", "person") in runs
    assert ("Chamber of Commerce", "organisation") in runs
    assert ("Bank of England", "organisation") in runs
    assert ("Irvine of Lairg", "person") in runs  # a peer's territorial designation is part of the name


def test_abbreviation_before_a_body_is_no_title_that_splits_it():
    text = 'The group met.\n\n"Jobs matter," the U.S. Chamber of Commerce said in a statement.'
    assert _speakers(text)[0][0] == "Chamber of Commerce"


def test_person_of_the_body_after_the_cue_speaks_for_the_body():
    text = 'The group met.\n\n"We oppose it," said Neil Bradley of the Chamber of Commerce.'
    assert _speakers(text) == [("Neil Bradley", "Chamber of Commerce", "We oppose it,")]


def test_title_alone_before_of_the_is_not_a_person():
    text = '"We will vote," said Speaker of the House Paul Ryan.'
    name, org, _t = _speakers(text)[0]
    assert name == "Paul Ryan" and org != "House Paul Ryan"


def test_office_of_body_then_name_keeps_only_the_name():
    text = ('In a long interview on Monday, Secretary of State Hillary Rodham Clinton said the talks would go on.\n\n'
            '"We are close," she said.')
    assert [n for n, _o, _t in _speakers(text)] == ["Hillary Rodham Clinton"] * 2
    text = "The Bank of England Governor spoke to the Secretary of State for Health on Monday about the plan."
    runs = [r.text for r in find_name_runs(text, [(0, len(text))])]
    assert "Bank of England Governor" in runs or "Bank of England" in runs


def test_the_governor_resolves_to_the_person_titled_governor():
    text = ('Gov. Mike Pence of Indiana said on Sunday that he would seek changes.\n\n'
            '"I support this law," the governor said.\n\n"Absolutely not," Mr. Pence said.')
    names = [n for n, _o, _t in _speakers(text)]
    assert names.count("Mike Pence") == 3


def test_described_role_wins_over_title_and_no_title_leaves_the_role_alone():
    text = ('Jo Roe, the governor of Ohio, met Gov. Al Poe.\n\n"We agree," the governor said.')
    assert _speakers(text)[-1][0] in ("Al Poe", "Jo Roe")
    text2 = 'Sen. Al Poe met voters.\n\n"We agree," the governor said.'
    assert _speakers(text2)[-1][0] == "the governor"  # a senator is no governor


def test_the_president_prefers_the_president_named_most_when_the_last_one_is_far():
    filler = " ".join(["The debate went on through the week in the capital."] * 12)
    text = (f'President Donald Trump spoke on Monday. President Trump said the wall was needed.\n\n{filler}\n\n'
            f'Critics recalled that President Bill Clinton signed a law in 1996.\n\n{filler}\n\n'
            '"We will build it," the president said.')
    assert _speakers(text)[-1][0] == "Donald Trump"


def test_the_president_takes_the_president_just_named():
    text = ('President Donald Trump spoke on Monday.\n\nPresident Bill Clinton signed the law in 1996.\n\n'
            '"It was a good law," the president said.')
    assert _speakers(text)[-1][0] == "Bill Clinton"


def test_a_shared_surname_gives_no_title_to_the_wrong_person():
    text = ('Melania Trump visited a shelter in Texas. Donald Trump stayed in Washington.\n\nPresident Trump had '
            'defended the policy. Aides said Melania Trump was moved by the visit.\n\n'
            '"Democrats can fix it," the president said.')
    assert _speakers(text)[-1][0] != "Melania Trump"


def test_title_roles_file_reads_and_reports_bad_lines(tmp_path):
    roles, peerage = title_roles()
    assert "governor" in roles["gov"] and "senator" in roles["sen"] and "lord" in peerage
    bad = tmp_path / "title_roles.tsv"
    bad.write_text("# c\ngov governor\trole\ngov\trole\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"title_roles.tsv:3"):
        title_roles(str(bad))
    bad.write_text("gov governor\tjob\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"title_roles.tsv:1"):
        title_roles(str(bad))


@pytest.mark.parametrize("text, speaker", [
    ("WASHINGTON \u2014 Michael Steele, chairman of the Republican National Committee, drew criticism on Friday "
     "after declaring at a fund-raiser that the war was wrong.", "Michael Steele"),
    ("WASHINGTON (Reuters) - President Donald Trump on Wednesday sided with conservatives, criticizing a "
     "proposed bipartisan deal.", "Donald Trump"),
    ("DOUGLAS, Ariz.\u2014Sen. Ted Cruz went to the border on Friday to criticize the state of border security.",
     "Ted Cruz"),
])
def test_a_dateline_is_no_subject(text, speaker):
    assert [n for n, _o, _t in _speakers(text)] == [speaker]


def test_an_acronym_subject_without_a_dash_stays_the_speaker():
    assert [n for n, _o, _t in _speakers("NASA said it would launch the probe next year.")] == ["NASA"]


def test_an_owned_role_is_not_the_titled_person():
    text = ('President Barack Obama announced the rule on Monday.\n\n"Most workers are never sponsored," said the '
            'group\u2019s president.')
    assert _speakers(text)[-1][0] != "Barack Obama"


@pytest.mark.parametrize("text, speaker, org", [
    ('The market fell.\n\n"Prices will rise," said Matthew Herren from EduVision.', "Matthew Herren", "EduVision"),
    ('The market fell.\n\n"Prices will rise," said Gerard Rijk of Inbev.', "Gerard Rijk", "Inbev"),
])
def test_person_from_a_body_without_the_speaks_for_it(text, speaker, org):
    assert _speakers(text) == [(speaker, org, "Prices will rise,")]


def test_a_peer_of_a_place_stays_one_speaker():
    text = 'Peers debated the bill.\n\n"It is wrong," said Lord Irvine of Lairg.'
    assert _speakers(text)[0][0] == "Irvine of Lairg"
