"""``newsvoices report PATH --out NAME.html`` with filters, on an invented corpus."""

from __future__ import annotations

import re
from html import unescape

import pytest

from _reports import write_invented_corpus
from newsvoices.cli import main
from newsvoices.report import external_references


def test_report_command_with_outlet_and_dates(tmp_path, capsys):
    corpus = write_invented_corpus(tmp_path / "local.jsonl")
    out = tmp_path / "reports" / "daily.html"
    rc = main(["report", str(corpus), "--out", str(out), "--outlet", "Daily Example", "--from", "2024-01-01",
               "--to", "2024-01-31", "--title", "Daily Example in January"])
    assert rc == 0 and out.is_file()
    html = out.read_text(encoding="utf-8")
    assert "<title>Daily Example in January</title>" in html
    assert external_references(html) == [] and "could not be computed" not in html
    assert re.search(r"<th>outlet filter</th><td><code>Daily Example</code>", html)
    assert re.search(r"<th>date filter</th><td><code>2024-01-01 to 2024-01-31</code>", html)
    assert re.search(r"<th>articles</th><td>1</td>", html), "only t1 passes the filters"
    assert "Council approves new bridge" in html and "Library hours cut" not in html
    rerun = "--outlet 'Daily Example' --from 2024-01-01 --to 2024-01-31 --title 'Daily Example in January'"
    assert rerun in unescape(html), "the rerun command repeats every option"
    assert "wrote" in capsys.readouterr().err
    # deterministic: the same command gives a byte-identical file
    again = tmp_path / "reports" / "again.html"
    assert main(["report", str(corpus), "--out", str(again), "--outlet", "Daily Example", "--from", "2024-01-01",
                 "--to", "2024-01-31", "--title", "Daily Example in January"]) == 0
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize("as_tables", [False, True])
def test_report_command_explains_an_empty_selection(tmp_path, capsys, as_tables):
    corpus = write_invented_corpus(tmp_path / "local.jsonl")
    if as_tables:  # PATH may be a tables folder written by `newsvoices analyze`
        assert main(["analyze", str(corpus), "--out", str(tmp_path / "tables"), "--no-progress"]) == 0
        corpus = tmp_path / "tables"
    rc = main(["report", str(corpus), "--out", str(tmp_path / "x.html"), "--outlet", "Nowhere Times"])
    err = capsys.readouterr().err
    assert rc == 2 and not (tmp_path / "x.html").exists()
    assert "no article matches outlet 'Nowhere Times'" in err and "'Daily Example'" in err and "2024-01-10" in err
    rc = main(["report", str(corpus), "--out", str(tmp_path / "x.html"), "--from", "yesterday"])
    assert rc == 2 and "'yesterday' is not a date" in capsys.readouterr().err
