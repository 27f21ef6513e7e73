"""``--corpus uk`` of benchmarks/voices.py (analyze/sample/score) and benchmarks/blind_judging.py
(context/article/merge), on small synthetic tables: UK tables in out/uk, UK audit files
voice_audit_uk_blindN.csv; AllSides stays the default."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name):
    spec = importlib.util.spec_from_file_location(f"{name}_uk_test", ROOT / "benchmarks" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def bj():
    return _load("blind_judging")


@pytest.fixture(scope="module")
def vb():
    return _load("voices")


TEXT = 'Budget row\n"It is a mistake," said Jo Bloggs, the shadow chancellor.\nBloggs later left.'


@pytest.fixture()
def uk_tables(tmp_path):
    t = tmp_path / "uk"
    t.mkdir()
    starts, ends = [0, 11, 67], [10, 66, 85]
    pd.DataFrame({"id": ["politics/001"], "title": ["Budget row"], "outlet": ["BBC"], "date": ["2005-01-02"],
                  "text": [TEXT]}).to_parquet(t / "articles.parquet")
    pd.DataFrame({"article_id": ["politics/001"] * 3, "paragraph": [0, 1, 2], "start": starts,
                  "end": ends}).to_parquet(t / "paragraphs.parquet")
    q0 = TEXT.index("It is")
    pd.DataFrame({"article_id": ["politics/001"], "start": [q0], "end": [q0 + len("It is a mistake,")],
                  "kind": ["direct"], "speaker_id": ["jo-bloggs"], "speaker_start": [TEXT.index("Jo Bloggs")],
                  "speaker_end": [TEXT.index("Jo Bloggs") + 9]}).to_parquet(t / "quotes.parquet")
    pd.DataFrame({"article_id": ["politics/001"] * 2, "entity_id": ["jo-bloggs"] * 2,
                  "start": [TEXT.index("Jo Bloggs"), TEXT.index("Bloggs later")],
                  "end": [TEXT.index("Jo Bloggs") + 9, TEXT.index("Bloggs later") + 6]}).to_parquet(t / "mentions.parquet")
    pd.DataFrame({"article_id": ["politics/001", "politics/001"], "speaker_id": ["jo-bloggs", "nobody"],
                  "name": ["Jo Bloggs", "Nobody"], "kind": ["person", "person"],
                  "description": ["the shadow chancellor", None], "organisation": [None, None],
                  "voice_type": ["politician", "public"], "voice_rule": ["shadow-minister", "person-no-role"],
                  "n_quotes": [1, 0]}).to_parquet(t / "speakers.parquet")
    return t


def test_uk_corpus_is_both_uk_corpora_with_its_own_tables(vb):
    names = [p.name for p in vb.corpus_paths("uk")]
    assert names == ["bbc-news-2005", "articles.jsonl"]
    assert vb.corpus_paths("uk")[1].parent.name == "guardian-qatar-migrant-workers-2022"
    assert vb.default_tables("uk") == vb.HERE / "out" / "uk"
    # AllSides stays the default
    assert vb.corpus_paths() == [vb.CORPUS] and vb.default_tables() == vb.TABLES
    with pytest.raises(ValueError, match="expected allsides or uk"):
        vb.corpus_paths("us")


def test_sample_context_and_merge_work_end_to_end_on_uk_tables(vb, bj, uk_tables, tmp_path, monkeypatch):
    monkeypatch.setattr(vb, "UK_TABLES", uk_tables)
    monkeypatch.setattr(bj, "UK_TABLES", uk_tables)
    draft = tmp_path / "uk_draft99.csv"
    assert vb.main(["sample", "--corpus", "uk", "--seed", "99", "--out", str(draft)]) == 0
    d = pd.read_csv(draft, keep_default_na=False)
    assert list(d["speaker_id"]) == ["jo-bloggs"]  # a speaker with no quote is not drawn
    assert d.loc[0, "predicted"] == "politician"
    out = tmp_path / "judging"
    assert bj.main(["context", str(draft), "--corpus", "uk", "--out", str(out)]) == 0
    body = (out / "context99.md").read_text()
    assert '"[[It is a mistake,]]" said {{Jo Bloggs}}' in body and "shadow-minister" not in body
    coder = tmp_path / "c1.csv"
    pd.DataFrame({"article_id": ["politics/001"], "speaker_id": ["jo-bloggs"], "name": ["Jo Bloggs"],
                  "judged": ["politician"], "note": ["shadow chancellor"]}).to_csv(coder, index=False)
    res = bj.merge(draft, coder, coder, dest=tmp_path, corpus="uk")
    assert res["accuracy"] == 1.0 and res["seed"] == "99"
    assert (tmp_path / "voice_audit_uk_blind99.csv").is_file()
    assert (tmp_path / "voice_audit_uk_blind99_coder2.csv").is_file()
    assert not (tmp_path / "voice_audit_blind99.csv").exists()  # the AllSides name is not used
    assert vb.uk_audit_files(tmp_path) == [tmp_path / "voice_audit_uk_blind99.csv"]  # coder 2 left out


def test_context_without_corpus_reads_the_allsides_tables(bj, uk_tables, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bj, "UK_TABLES", uk_tables)
    monkeypatch.setattr(bj, "TABLES", tmp_path / "no-allsides-tables")
    draft = tmp_path / "uk_draft99.csv"
    pd.DataFrame({"article_id": ["politics/001"], "speaker_id": ["jo-bloggs"], "name": ["Jo Bloggs"]}).to_csv(
        draft, index=False)
    assert bj.main(["context", str(draft), "--out", str(tmp_path / "o")]) == 0
    assert "no tables in" in capsys.readouterr().out and "no-allsides-tables" in str(bj.TABLES)
    assert not (tmp_path / "o").exists()
    with pytest.raises(ValueError, match="corpus 'us'"):
        bj.merge(draft, draft, None, dest=tmp_path, corpus="us")


def test_results_name_the_latest_pair(vb):
    # the honest figure's description in benchmarks/results/voices.json once named blind29/30 while
    # the value came from blind33/34: the label now follows LATEST_BLIND
    assert vb._pair_label(vb.LATEST_BLIND) == (
        vb.LATEST_BLIND[0].stem + "/" + vb.LATEST_BLIND[1].stem.replace("voice_audit_blind", ""))
    assert vb._pair_label((Path("voice_audit_uk_blind5.csv"), Path("voice_audit_uk_blind6.csv"))) == (
        "voice_audit_uk_blind5/6")
    src = (ROOT / "benchmarks" / "voices.py").read_text(encoding="utf-8")
    assert "blind29/30" not in src
