"""Coder exports and agreement: the sheet, the statistics against known values, the CLI."""

from __future__ import annotations

import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from newsvoices.cli import main
from newsvoices.coding import (CODER_COLUMNS, NONE, SHEET_COLUMNS, agreement, coding_sheet, cohen_kappa,
                               export_coding, krippendorff_alpha, percent_agreement, read_coded)


# --------------------------------------------------------------------------- statistics against known values


def test_krippendorff_alpha_reference_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal data, 4 coders, missing values
    A = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
    B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
    C = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
    D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]
    assert krippendorff_alpha([A, B, C, D]) == pytest.approx(0.743, abs=5e-4)


def test_krippendorff_alpha_two_coders_matches_small_sample_scotts_pi():
    # for two coders without missing values alpha = 1 - (2n-1) * D_o / sum_{c!=k} n_c n_k
    a = list("aabbbcca")
    b = list("abbbccca")
    n = len(a)
    values = a + b
    counts = pd.Series(values).value_counts()
    disagree = sum(x != y for x, y in zip(a, b))
    expected_pairs = (len(values) ** 2 - (counts ** 2).sum())
    alpha = 1 - (2 * n - 1) * (2 * disagree) / expected_pairs
    assert krippendorff_alpha([a, b]) == pytest.approx(alpha)
    assert krippendorff_alpha([list("abab"), list("abab")]) == 1.0
    assert krippendorff_alpha([list("aaaa"), list("aaaa")]) != krippendorff_alpha([list("aaaa"), list("aaaa")]), "NaN: no variation"
    assert krippendorff_alpha([list("abab"), list("baba")]) < 0, "systematic disagreement is below chance"


def test_cohen_kappa_against_textbook_and_sklearn():
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    x = list("aabbccabcabcaaab")
    y = list("abbbccaacabcabab")
    assert cohen_kappa(x, y) == pytest.approx(cohen_kappa_score(x, y))
    assert percent_agreement(x, y) == pytest.approx(sum(i == j for i, j in zip(x, y)) / len(x))
    assert cohen_kappa(list("aaa"), list("aaa")) != cohen_kappa(list("aaa"), list("aaa")), "NaN when chance agreement is 1"
    with pytest.raises(ValueError):
        percent_agreement([1, 2], [1])


# --------------------------------------------------------------------------- the sheet


def test_sheet_has_every_quote_with_context_and_blank_coder_columns(seed_result, tmp_path):
    path = export_coding(seed_result, tmp_path / "sheet.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "BOM so spreadsheet programs read UTF-8"
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(sheet.columns) == SHEET_COLUMNS
    q = seed_result.quotes
    assert len(sheet) == len(q) > 0
    assert sheet["item"].is_unique
    assert (sheet[CODER_COLUMNS] == "").all().all()
    text = seed_result.articles["text"].iloc[0]
    for row, quote in zip(sheet.itertuples(index=False), q.sort_values("start").itertuples(index=False)):
        assert row.quote == quote.text == text[quote.start:quote.end]
        assert row.context_before or row.context_after
        assert row.tool_speaker == (quote.speaker if isinstance(quote.speaker, str) else NONE)
    # deterministic: byte-identical on a second export
    assert export_coding(seed_result, tmp_path / "again.csv").read_bytes() == path.read_bytes()


def test_sample_is_reproducible(seed_result):
    s1 = coding_sheet(seed_result, sample=5, seed=1)
    assert len(s1) == 5
    assert list(s1["item"]) == list(coding_sheet(seed_result, sample=5, seed=1)["item"])
    assert list(s1["item"]) != list(coding_sheet(seed_result, sample=5, seed=2)["item"])


# --------------------------------------------------------------------------- reading codes back


def _sheet(tmp_path, name, tool_sp, tool_v, cod_sp, cod_v, coder="", is_quote=None):
    n = len(tool_sp)
    df = pd.DataFrame({c: [""] * n for c in SHEET_COLUMNS})
    df["item"] = [f"a:{i}" for i in range(n)]
    df["tool_speaker"], df["tool_voice_type"] = tool_sp, tool_v
    df["coder_speaker"], df["coder_voice_type"] = cod_sp, cod_v
    df["coder"] = coder
    if is_quote is not None:
        df["coder_is_quote"] = is_quote
    p = tmp_path / name
    df.to_csv(p, index=False, encoding="utf-8-sig")
    return p


def test_agreement_per_coder_and_field(tmp_path):
    tool_sp = ["Ann Lee", "Bob Roe", "Bob Roe", "(none)", "Cy Dunn", "Ann Lee"]
    tool_v = ["official", "advocacy", "advocacy", "(none)", "expert", "official"]
    # coder 1: agrees everywhere (with spelling variants and 'ok'); coder 2 differs on two voices
    p1 = _sheet(tmp_path, "ann.csv", tool_sp, tool_v,
                ["ann lee", "Bob Roe.", "ok", "none", "CY  DUNN", "Ann Lee"],
                ["Official", "advocacy", "ok", "none", "expert", "official"])
    p2 = _sheet(tmp_path, "ben.csv", tool_sp, tool_v, tool_sp,
                ["official", "expert", "advocacy", "(none)", "advocacy", "official"], coder="Ben")
    t = agreement([p1, p2]).set_index(["comparison", "field"])
    assert t.loc[("ann vs tool", "speaker"), "percent_agreement"] == 1.0
    assert t.loc[("ann vs tool", "voice_type"), "cohen_kappa"] == 1.0
    assert t.loc[("ann vs tool", "voice_type"), "krippendorff_alpha"] == 1.0
    ben = t.loc[("Ben vs tool", "voice_type")]
    assert ben["items"] == 6 and ben["agree"] == 4
    a = ["official", "advocacy", "advocacy", NONE, "expert", "official"]
    b = ["official", "expert", "advocacy", NONE, "advocacy", "official"]
    assert ben["cohen_kappa"] == pytest.approx(cohen_kappa_score(a, b))
    assert ben["krippendorff_alpha"] == pytest.approx(krippendorff_alpha([a, b]))
    both = t.loc[("all coders", "voice_type"), "krippendorff_alpha"]
    assert both == pytest.approx(krippendorff_alpha([a, b]))  # ann's codes equal the tool's here


def test_blank_cells_are_not_coded_and_non_quotes_are_left_out(tmp_path):
    p = _sheet(tmp_path, "c.csv", ["A B", "C D", "E F"], ["official", "expert", "public"],
               ["A B", "", "X Y"], ["official", "", "public"], coder="c1", is_quote=["yes", "", "no"])
    t = agreement(p).set_index(["comparison", "field"])
    assert t.loc[("c1 vs tool", "speaker"), "items"] == 1, "blank = not coded; 'no' = not a quote"
    assert t.loc[("c1 vs tool", "is_quote"), "percent_agreement"] == 0.5
    assert t.loc[("c1 vs tool", "is_quote"), "items"] == 2


def test_unknown_voice_labels_are_reported(tmp_path):
    p = _sheet(tmp_path, "u.csv", ["A"], ["official"], ["A"], ["governmint"], coder="u")
    t = agreement(p).set_index(["comparison", "field"])
    assert "governmint" in t.loc[("u vs tool", "voice_type"), "unknown_labels"]


def test_bad_sheets_name_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.csv: not a coding sheet, missing columns"):
        read_coded(bad)
    p = _sheet(tmp_path, "dup.csv", ["A", "B"], ["official", "expert"], ["A", "B"], ["official", "expert"], coder="d")
    df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df.loc[1, "item"] = "a:0"
    df.to_csv(p, index=False)
    with pytest.raises(ValueError, match=r"dup.csv line 3: item 'a:0' is coded twice by coder 'd'"):
        read_coded(p)
    q = _sheet(tmp_path, "q.csv", ["A"], ["official"], ["A"], ["official"], coder="q", is_quote=["maybe"])
    with pytest.raises(ValueError, match=r"q.csv line 2: coder_is_quote must be yes or no"):
        agreement(q)
    with pytest.raises(ValueError, match="no such coding sheet"):
        read_coded(tmp_path / "missing.csv")


def test_cli_export_and_agreement(tmp_path, capsys):
    from newsvoices.config import SEEDS_DIR

    sheet = tmp_path / "sheet.csv"
    assert main(["export-coding", str(SEEDS_DIR), "--out", str(sheet)]) == 0
    assert "newsvoices agreement" in capsys.readouterr().err
    df = pd.read_csv(sheet, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df["coder"] = "me"
    df["coder_speaker"] = "ok"
    df["coder_voice_type"] = df["tool_voice_type"]
    df.loc[0, "coder_voice_type"] = "expert" if df.loc[0, "tool_voice_type"] != "expert" else "public"
    df.to_csv(sheet, index=False, encoding="utf-8-sig")
    assert main(["agreement", str(sheet), "--out", str(tmp_path / "agree.csv")]) == 0
    out = capsys.readouterr().out
    assert "me vs tool" in out and "speaker" in out and "kappa" in out and "alpha" in out
    t = pd.read_csv(tmp_path / "agree.csv").set_index("field")
    assert t.loc["speaker", "percent_agreement"] == 1.0
    n = len(df)
    assert t.loc["voice_type", "percent_agreement"] == pytest.approx((n - 1) / n)
    assert main(["agreement", str(tmp_path / "nope.csv")]) == 2
