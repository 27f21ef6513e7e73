"""The blind-judging protocol script (benchmarks/blind_judging.py) on small synthetic tables."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bj():
    spec = importlib.util.spec_from_file_location("blind_judging", ROOT / "benchmarks" / "blind_judging.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


TEXT = 'Judge rules\n"It is over," said Ann Lee, a lawyer.\nLee later left.\nBob waved.'


@pytest.fixture()
def tables(tmp_path):
    t = tmp_path / "tables"
    t.mkdir()
    starts = [0, 12, 50, 66]
    ends = [11, 49, 65, 76]
    pd.DataFrame({"id": ["a1"], "title": ["Judge rules"], "outlet": ["Paper"], "date": ["2020-01-02"],
                  "text": [TEXT]}).to_parquet(t / "articles.parquet")
    pd.DataFrame({"article_id": ["a1"] * 4, "paragraph": [0, 1, 2, 3], "start": starts,
                  "end": ends}).to_parquet(t / "paragraphs.parquet")
    q0 = TEXT.index("It is")
    pd.DataFrame({"article_id": ["a1"], "start": [q0], "end": [q0 + len("It is over,")], "kind": ["direct"],
                  "speaker_id": ["ann-lee"], "speaker_start": [TEXT.index("Ann")],
                  "speaker_end": [TEXT.index("Ann") + 7]}).to_parquet(t / "quotes.parquet")
    pd.DataFrame({"article_id": ["a1", "a1"], "entity_id": ["ann-lee", "ann-lee"],
                  "start": [TEXT.index("Ann"), TEXT.index("Lee later")],
                  "end": [TEXT.index("Ann") + 7, TEXT.index("Lee later") + 3]}).to_parquet(t / "mentions.parquet")
    draft = tmp_path / "draft31.csv"
    pd.DataFrame({"article_id": ["a1"], "speaker_id": ["ann-lee"], "name": ["Ann Lee"], "kind": ["person"],
                  "description": ["a lawyer"], "organisation": [""], "predicted": ["legal"], "rule": ["legal-role"],
                  "judged": [""], "note": [""]}).to_csv(draft, index=False)
    return t, draft


def test_context_marks_the_passage_and_hides_the_prediction(bj, tables, tmp_path):
    t, draft = tables
    ctx, template = bj.write_context(draft, tmp_path / "out", t)
    body = ctx.read_text()
    assert '> (direct) "[[It is over,]]" said {{Ann Lee}}, a lawyer.' in body
    assert "> **Lee** later left." in body  # another paragraph naming the speaker
    assert "Bob waved" not in body  # paragraphs without the speaker stay out
    assert "legal" not in body and "legal-role" not in body  # no prediction, no rule
    assert list(pd.read_csv(template).columns) == ["article_id", "speaker_id", "name", "judged", "note"]


def test_context_refuses_a_folder_inside_the_repository(bj, tables):
    t, draft = tables
    with pytest.raises(ValueError, match="outside the repository"):
        bj.write_context(draft, ROOT / "benchmarks" / "tmp-context", t)


def test_merge_checks_each_coders_file_and_writes_the_audit_files(bj, tables, tmp_path):
    _t, draft = tables
    good = tmp_path / "c1.csv"
    pd.DataFrame({"article_id": ["a1"], "speaker_id": ["ann-lee"], "name": ["Ann Lee"], "judged": ["legal"],
                  "note": ["defence lawyer"]}).to_csv(good, index=False)
    bad = tmp_path / "c2.csv"
    pd.DataFrame({"article_id": ["a1"], "speaker_id": ["ann-lee"], "name": ["Ann Lee"], "judged": ["lawyer"],
                  "note": [""]}).to_csv(bad, index=False)
    with pytest.raises(ValueError, match=r"c2.csv, line 2: judged 'lawyer'"):
        bj.merge(draft, good, bad, dest=tmp_path)
    res = bj.merge(draft, good, good, dest=tmp_path)
    assert res["accuracy"] == 1.0 and res["agreement"] == 1.0 and res["seed"] == "31"
    audit = pd.read_csv(tmp_path / "voice_audit_blind31.csv", keep_default_na=False)
    assert audit.loc[0, "predicted"] == "legal" and audit.loc[0, "note"] == "defence lawyer"
    assert (tmp_path / "voice_audit_blind31_coder2.csv").is_file()
