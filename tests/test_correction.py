"""Per-type precision/recall and voice shares corrected by a hand-coded sample."""

import numpy as np
import pandas as pd
import pytest

from newsvoices.cli import main
from newsvoices.coding import NOT_A_QUOTE, SHEET_COLUMNS, coded_voice_sample
from newsvoices.correction import corrected_contrast, corrected_shares, misclassification, type_scores


def test_type_scores_by_hand():
    tool = ["official", "official", "official", "public", "public", "expert"]
    coder = ["official", "official", "politician", "public", "official", "expert"]
    t = type_scores(tool, coder).set_index("voice_type")
    assert list(t.index) == ["expert", "official", "politician", "public"]
    assert t.loc["official", ["tool_n", "coder_n", "agree"]].tolist() == [3, 3, 2]
    assert t.loc["official", "precision"] == pytest.approx(2 / 3)
    assert t.loc["official", "recall"] == pytest.approx(2 / 3)
    assert t.loc["public", "precision"] == 0.5 and t.loc["public", "recall"] == 1.0
    assert t.loc["public", "f1"] == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert np.isnan(t.loc["politician", "precision"]) and t.loc["politician", "recall"] == 0.0
    with pytest.raises(ValueError, match="3 tool labels but 2 coder labels"):
        type_scores(["a", "b", "c"], ["a", "b"])


def test_misclassification_rows_sum_to_one_and_weights_count():
    tool = ["official", "official", "official", "public"]
    coder = ["official", "politician", "official", "public"]
    m = misclassification(tool, coder)
    assert m.loc["official", "official"] == pytest.approx(2 / 3)
    assert m.loc["official", "politician"] == pytest.approx(1 / 3)
    assert m.loc["official", "n"] == 3
    w = misclassification(tool, coder, weights=[10, 30, 0, 5])
    assert w.loc["official", "politician"] == pytest.approx(0.75), "30 of the 40 words are a politician's"
    z = misclassification(["x", "x"], ["x", "y"], weights=[0, 0])
    assert z.loc["x", "y"] == 0.5, "a label whose items all weigh 0 falls back to counts"
    labels = [c for c in m.columns if c != "n"]
    assert np.allclose(m[labels].sum(axis=1), 1.0)
    with pytest.raises(ValueError, match="non-negative"):
        misclassification(["x"], ["x"], weights=[-1])


def _quotes():
    rows = []
    # article a (left): official 60 words, public 40; article b (right): official 30, expert 10, none 10
    for art, bias, vt, n in [("a", "left", "official", 60), ("a", "left", "public", 40),
                             ("b", "right", "official", 30), ("b", "right", "expert", 10),
                             ("b", "right", None, 10), ("b", "right", "official", 99)]:
        rows.append({"article_id": art, "bias_text": bias, "voice_type": vt, "n_words": n,
                     "kind": "indirect" if n == 99 else "direct"})
    return pd.DataFrame(rows)


def _coded():
    # official: 3 of 4 right (words 10, 10, 10 right; 10 a politician's); public: 1 of 2 is not a speaker
    return pd.DataFrame({"tool": ["official"] * 4 + ["public"] * 2,
                         "coder": ["official", "official", "official", "politician", "public", "(not a speaker)"],
                         "words": [10, 10, 10, 10, 5, 15]})


def test_corrected_shares_point_estimates_by_hand():
    c = corrected_shares(_quotes(), _coded(), by="bias_text", n_boot=200).set_index(["bias_text", "voice_type"])
    left = c.loc["left"]
    assert left.loc["official", "share"] == pytest.approx(0.6)
    assert left.loc["official", "corrected"] == pytest.approx(0.6 * 0.75)
    assert left.loc["politician", "corrected"] == pytest.approx(0.6 * 0.25)
    assert left.loc["politician", "share"] == 0.0
    # public words go 5/20 public, 15/20 not a speaker (weighted by words)
    assert left.loc["public", "corrected"] == pytest.approx(0.4 * 0.25)
    assert left.loc["(not a speaker)", "corrected"] == pytest.approx(0.4 * 0.75)
    right = c.loc["right"]
    # expert and unattributed were never coded: their words stay where the tool put them
    assert right.loc["expert", "corrected"] == pytest.approx(10 / 50)
    assert right.loc["unattributed", "corrected"] == pytest.approx(10 / 50)
    assert right.loc["official", "corrected"] == pytest.approx(30 / 50 * 0.75), "indirect quotes are not counted"
    assert right["uncoded_share"].iloc[0] == pytest.approx(20 / 50)
    for _, g in c.groupby(level=0):
        assert g["corrected"].sum() == pytest.approx(1.0)
        assert g["share"].sum() == pytest.approx(1.0)


def test_corrected_shares_intervals_are_deterministic_and_cover_the_point():
    q = pd.concat([_quotes().assign(article_id=lambda d, i=i: d["article_id"] + str(i)) for i in range(8)])
    q.loc[q.index % 3 == 0, "n_words"] += 7
    a = corrected_shares(q, _coded(), by="bias_text", n_boot=300, seed=3)
    b = corrected_shares(q, _coded(), by="bias_text", n_boot=300, seed=3)
    pd.testing.assert_frame_equal(a, b)
    ok = a.dropna(subset=["corrected_low"])
    assert ((ok["corrected_low"] <= ok["corrected"] + 1e-12) & (ok["corrected"] <= ok["corrected_high"] + 1e-12)).all()
    off = a[(a.bias_text == "left") & (a.voice_type == "official")].iloc[0]
    assert off["corrected_high"] - off["corrected_low"] > 0.05, "the coded sample's uncertainty is in the interval"
    unweighted = corrected_shares(_quotes(), _coded(), by="bias_text", weight_col=None, n_boot=50)
    junk = unweighted[(unweighted.bias_text == "left") & (unweighted.voice_type == "(not a speaker)")].iloc[0]
    assert junk["corrected"] == pytest.approx(0.4 * 0.5), "unweighted: one of the two public items"


def test_corrected_contrast_between_groups():
    c = corrected_contrast(_quotes(), _coded(), by="bias_text", voice_type="public", n_boot=200)
    assert len(c) == 1 and (c.loc[0, "a"], c.loc[0, "b"]) == ("left", "right")
    assert c.loc[0, "difference"] == pytest.approx(0 - 0.4)
    assert c.loc[0, "corrected"] == pytest.approx(0 - 0.4 * 0.25)
    assert c.loc[0, "corrected_low"] <= c.loc[0, "corrected"] <= c.loc[0, "corrected_high"]
    pol = corrected_contrast(_quotes(), _coded(), by="bias_text", voice_type="politician", n_boot=50)
    assert pol.loc[0, "difference"] == 0.0, "the tool never says politician"
    assert pol.loc[0, "corrected"] == pytest.approx(0.6 * 0.25 - 0.6 * 0.25)
    with pytest.raises(ValueError, match="no voice type 'judge'"):
        corrected_contrast(_quotes(), _coded(), by="bias_text", voice_type="judge")


def test_corrected_shares_names_missing_columns():
    with pytest.raises(ValueError, match="quotes has no column 'bias_text'"):
        corrected_shares(_quotes().drop(columns="bias_text"), _coded(), by="bias_text")
    with pytest.raises(ValueError, match="coded sample has no column 'words'"):
        corrected_shares(_quotes(), _coded().drop(columns="words"))
    with pytest.raises(ValueError, match="empty"):
        corrected_shares(_quotes(), _coded().iloc[:0])


def test_coded_sheet_becomes_a_sample_and_the_cli_prints_it(tmp_path, capsys):
    n = 4
    df = pd.DataFrame({c: [""] * n for c in SHEET_COLUMNS})
    df["item"] = [f"a:{i}" for i in range(n)]
    df["kind"] = ["direct", "direct", "direct", "indirect"]
    df["quote"] = ["We will act now.", "Not good enough at all", "Hello", "that it was fine"]
    df["tool_speaker"] = ["Ann", "Bob", "Cy", "Ann"]
    df["tool_voice_type"] = ["official", "official", "public", "official"]
    df["coder"] = "me"
    df["coder_voice_type"] = ["ok", "politician", "", "official"]
    df["coder_is_quote"] = ["yes", "yes", "no", "yes"]
    sheet = tmp_path / "coded.csv"
    df.to_csv(sheet, index=False, encoding="utf-8-sig")
    s = coded_voice_sample(sheet)
    assert list(s["tool"]) == ["official", "official", "public", "official"]
    assert list(s["coder"]) == ["official", "politician", NOT_A_QUOTE, "official"]
    assert list(s["words"]) == [4, 5, 1, 4]
    with pytest.raises(ValueError, match="no coder named 'you'"):
        coded_voice_sample(sheet, coder="you")

    from newsvoices.config import SEEDS_DIR

    tables = tmp_path / "tables"
    assert main(["analyze", str(SEEDS_DIR), "--out", str(tables), "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["agreement", str(sheet), "--per-type", "--tables", str(tables)]) == 0
    out = capsys.readouterr().out
    assert "per voice type" in out and "precision" in out
    assert "corrected by the coded sample (3 items)" in out, "only direct items correct direct shares"
    assert "corrected_low" in out
    assert main(["agreement", str(sheet), "--tables", str(tmp_path / "nowhere")]) == 2


def test_notebook_03_corrects_with_a_coded_sheet(tmp_path):
    from newsvoices.config import PROJ_ROOT, SEEDS_DIR
    from newsvoices.report import execute_notebook

    sheet = tmp_path / "sheet.csv"
    assert main(["export-coding", str(SEEDS_DIR), "--out", str(sheet)]) == 0
    df = pd.read_csv(sheet, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df["coder"] = "me"
    df["coder_voice_type"] = "ok"
    df.loc[0, "coder_voice_type"] = "politician"
    df.to_csv(sheet, index=False, encoding="utf-8-sig")
    out = execute_notebook(PROJ_ROOT / "notebooks" / "03_voices_vs_official.ipynb", tmp_path / "03.ipynb",
                           {"coded": str(sheet), "n_boot": 50}, cwd=tmp_path)
    import json

    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    text = "".join(json.dumps(c.get("outputs", [])) for c in cells if "corrected_contrast" in "".join(c["source"]))
    assert "precision" in text and "corrected" in text and "no coded sample" not in text
