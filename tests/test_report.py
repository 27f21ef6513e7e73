"""The HTML reports of ``make report``: self-contained, code hidden, figures embedded,
parameter table saying what was run."""

from __future__ import annotations

import base64
import io
import re

import matplotlib.image as mpimg
import pytest

from _reports import seed_reports
from newsvoices.config import SEEDS_DIR
from newsvoices.report import (codebook_version, codebook_versions, external_references, filter_analysis,
                               report_notebooks)

_IMG = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"')


def _html(name: str) -> str:
    return (seed_reports() / name).read_text(encoding="utf-8")


def test_every_notebook_and_the_summary_report_are_written():
    names = sorted(p.name for p in seed_reports().glob("*.html"))
    expected = sorted([f"{n}.html" for n in report_notebooks()] + ["report.html"])
    assert names == expected
    assert {"01_corpus.html", "03_voices_vs_official.html", "06_explore.html", "report.html"} <= set(names)


@pytest.mark.parametrize("name", ["report.html", "01_corpus.html", "03_voices_vs_official.html", "06_explore.html"])
def test_reports_are_self_contained(name):
    html = _html(name)
    assert external_references(html) == [], name
    assert not re.search(r"<script[^>]+src=", html), "no script may be loaded from anywhere"
    assert not re.search(r"<link[^>]+href=[\"']?(?:https?:)?//", html)
    assert "Traceback" not in html and "could not be computed" not in html, name
    assert "import newsvoices" not in html and "ReportContext.open" not in html, "code cells must be hidden"
    assert "@media print" in html, "print stylesheet"


def test_figures_are_embedded_pngs_that_decode():
    html = _html("report.html")
    images = _IMG.findall(html)
    assert len(images) >= 3, "voice share, position strip and tone charts"
    for data in images:
        img = mpimg.imread(io.BytesIO(base64.b64decode(data)), format="png")
        assert img.shape[0] > 100 and img.shape[1] > 200
        assert img.std() > 0.01, "an image that is one flat colour is not a figure"
    assert len(_IMG.findall(_html("03_voices_vs_official.html"))) >= 2


def test_report_has_every_section_and_the_parameter_table():
    html = _html("report.html")
    for heading in ["What was run", "The corpus", "Voice share against the official response",
                    "Who has the first and the last word", "Discussed but not quoted", "Tone by voice",
                    "Frames by voice", "Methods and how far to trust these numbers", "Annotated articles"]:
        assert heading in html, heading
    assert str(SEEDS_DIR.resolve()) in html, "corpus path in the parameter table"
    assert codebook_version() in html, "codebook version in the parameter table"
    assert "newsvoices version" in html and "0." in html
    assert "<title>Who gets to speak: seeds</title>" in html


def test_annotated_article_highlights_every_quote_with_speaker_and_voice(seed_result):
    html = _html("report.html")
    marks = re.findall(r'<mark class="nv-q nv-(?:direct|indirect)"[^>]*data-speaker="([^"]*)"', html)
    assert len(marks) == len(seed_result.quotes) > 0
    assert html.count('class="nv-tag"') == len(marks), "a speaker/voice tag beside every quote"
    assert "Colour key:" in html


def test_explorer_degrades_to_static_output_without_a_kernel(seed_result):
    html = _html("06_explore.html")
    assert "Static view" in html
    assert "application/vnd.jupyter.widget" not in html, "no dead widget placeholders or widget state"
    assert f"{len(seed_result.quotes)} matching quotes" in html
    assert '<mark class="nv-q' in html and len(_IMG.findall(html)) >= 1


def test_codebook_versions_hash_every_data_file(tmp_path):
    (tmp_path / "codebooks").mkdir()
    (tmp_path / "codebooks" / "voices.yml").write_text("official: [spokesperson]\n")
    (tmp_path / "README.md").write_text("notes\n")
    t = codebook_versions(tmp_path)
    assert list(t["file"]) == ["README.md", "codebooks/voices.yml"]
    assert all(len(h) == 12 for h in t["sha256"])
    before = codebook_version(tmp_path)
    (tmp_path / "codebooks" / "voices.yml").write_text("official: [spokesperson, minister]\n")
    assert codebook_version(tmp_path) != before


def test_filters(seed_result, tmp_path):
    from _reports import write_invented_corpus

    import newsvoices

    a = newsvoices.analyze(write_invented_corpus(tmp_path / "c.jsonl"))
    assert list(filter_analysis(a, outlet="daily example").articles["id"]) == ["t1", "t2"]
    assert list(filter_analysis(a, date_from="2024-02-01").articles["id"]) == ["t2", "t3"]
    assert list(filter_analysis(a, date_to="2024-02-02").articles["id"]) == ["t1", "t2"]
    f = filter_analysis(a, outlet="Weekly Sample", date_from="2024-03-01", date_to="2024-03-31")
    assert list(f.articles["id"]) == ["t3"]
    assert set(f.quotes["article_id"]) <= {"t3"} and set(f.paragraphs["article_id"]) == {"t3"}
    with pytest.raises(ValueError, match="not a date"):
        filter_analysis(a, date_from="last tuesday")
    # undated articles drop out under a date filter
    assert filter_analysis(seed_result, date_from="2000-01-01").articles.empty


def test_methods_box_lists_stored_benchmark_figures(tmp_path, seed_result):
    from newsvoices.report import ReportContext, write_benchmark_result

    rep = ReportContext(seed_result, {}, "t")
    assert "benchmarks/results/ is empty" in rep.methods_html(tmp_path / "none")
    p = write_benchmark_result("quotes", {"f1": 0.7123, "span": {"precision": 0.8}}, command="python benchmarks/quotes.py",
                               dataset="a gold set", split="held-out", results_dir=tmp_path)
    assert p.read_text() == write_benchmark_result("quotes", {"f1": 0.7123, "span": {"precision": 0.8}},
                                                   command="python benchmarks/quotes.py", dataset="a gold set",
                                                   split="held-out", results_dir=tmp_path).read_text()
    (tmp_path / "broken.json").write_text("{not json")
    html = rep.methods_html(tmp_path)
    assert "0.712" in html and "span.precision" in html and "0.800" in html
    assert "quotes (a gold set, held-out)" in html and "python benchmarks/quotes.py" in html
    assert "broken.json" in html and "unreadable" in html
    with pytest.raises(ValueError):
        write_benchmark_result("../x", {}, command="c", results_dir=tmp_path)
    # a benchmark with many figures names the ones the box shows
    write_benchmark_result("voices", {"accuracy": {"dev1": 0.91, "dev2": 0.88}, "blind": {"accuracy": 0.665}},
                           command="python benchmarks/voices.py", results_dir=tmp_path, headline=["blind.accuracy"])
    html = rep.methods_html(tmp_path)
    assert "blind.accuracy" in html and "0.665" in html and "accuracy.dev1" not in html and "0.910" not in html
    assert "Headline figures only" in html
    with pytest.raises(ValueError, match=r"headline measures \['nope'\] are not among its metrics"):
        write_benchmark_result("v", {"a": 1.0}, command="c", results_dir=tmp_path, headline=["nope"])


def test_frames_heatmap_and_tone_by_voice(seed_result, monkeypatch):
    from newsvoices import frames
    from newsvoices.report import ReportContext

    from newsvoices.pipeline import Analysis

    tables = dict(seed_result.tables)
    # without a frames column the report classifies the quotes itself
    tables["quotes"] = seed_result.quotes.drop(columns=["frames"], errors="ignore")
    rep = ReportContext(Analysis(tables), {}, "t")
    monkeypatch.setattr(frames, "classify", lambda texts: [["crime"] if "crime" in t.lower() else [] for t in texts])
    html = rep.frames_html()
    assert html.count('src="data:image/png;base64,') == 1, "a frame heatmap when frames are found"
    monkeypatch.setattr(frames, "classify", lambda texts: [[] for _ in texts])
    assert "No frames were detected" in rep.frames_html()
    # a frames column (';'-joined, as the pipeline stores it) is used as is
    tables["quotes"] = tables["quotes"].assign(frames=["Economic;Political"] + [""] * (len(tables["quotes"]) - 1))
    assert ReportContext(Analysis(tables), {}, "t").frames_html().count("data:image/png;base64,") == 1
    tables["quotes"] = tables["quotes"].assign(frames="")
    assert "No frames were detected" in ReportContext(Analysis(tables), {}, "t").frames_html()
    tone = rep.tone_html()
    assert "Tone of quotes by voice type" in tone and tone.count("data:image/png;base64,") == 1


def test_a_failing_section_shows_a_note_instead_of_breaking(seed_result):
    from newsvoices.report import ReportContext

    rep = ReportContext(seed_result, {}, "t")

    def broken():
        raise KeyError("sentiment")

    out = rep.section(broken)
    assert "could not be computed" in out.data and "KeyError" in out.data
    assert rep.section(lambda: "<p>fine</p>").data == "<p>fine</p>"


def test_label_columns_get_their_own_chart(tmp_path):
    import json

    import newsvoices
    from _reports import write_invented_corpus
    from newsvoices.report import ReportContext

    src = write_invented_corpus(tmp_path / "c.jsonl")
    recs = [json.loads(line) for line in src.read_text().splitlines()]
    for rec, side in zip(recs, ["left", "right", "left"]):
        rec["bias_text"] = side
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    rep = ReportContext(newsvoices.analyze(src), {}, "t")
    assert rep.label_columns() == ["bias_text"]
    html = rep.voice_share_html()
    assert html.count("data:image/png;base64,") == 3, "by outlet, by bias_text, and the position strip"


def test_methods_box_includes_validity_figures(tmp_path, seed_result, monkeypatch):
    import sys
    import types

    import pandas as pd

    from newsvoices.report import ReportContext

    fake = types.ModuleType("newsvoices.validity")
    fake.table = lambda: pd.DataFrame([{"part": "sentiment", "gold": "some gold set", "method": "vader+", "protocol": "held-out",
                                         "measure": "pearson_r", "value": 0.5612, "n": 400, "rerun": "python benchmarks/sentiment.py"}])
    monkeypatch.setitem(sys.modules, "newsvoices.validity", fake)
    import newsvoices

    monkeypatch.setattr(newsvoices, "validity", fake, raising=False)
    html = ReportContext(seed_result, {}, "t").methods_html(tmp_path)
    assert "0.561 (n=400)" in html and "pearson_r (vader+)" in html and "sentiment (some gold set, held-out)" in html
    assert "python benchmarks/sentiment.py" in html and "is empty" not in html


def test_methods_box_reads_per_figure_rows(tmp_path, seed_result):
    import json

    from newsvoices.report import ReportContext

    doc = {"benchmark": "sentiment", "command": "python benchmarks/sentiment.py", "dataset": "gold A",
           "metrics": {"vader": {"macro_f1": 0.53}},
           "rows": [{"gold": "gold A", "method": "vader", "protocol": "held-out", "measure": "macro_f1",
                     "value": 0.5312, "n": 120, "part": "sentiment", "rerun": "python benchmarks/sentiment.py"}]}
    (tmp_path / "sentiment.json").write_text(json.dumps(doc))
    html = ReportContext(seed_result, {}, "t").methods_html(tmp_path)
    assert "0.531 (n=120)" in html and "macro_f1 (vader)" in html
    assert html.count("0.53") == 1, "each figure once (rows win over the nested metrics)"


def test_methods_box_opens_with_the_headline_figures_in_plain_words(tmp_path, seed_result):
    import json

    from newsvoices.report import ReportContext, glance_table

    (tmp_path / "voices.json").write_text(json.dumps({
        "command": "python benchmarks/voices.py score", "headline": ["blind_latest.accuracy"],
        "metrics": {"blind_latest.accuracy": 0.6251, "blind_latest.low": 0.555, "blind_latest.high": 0.69,
                    "blind_latest.n": 200,
                    "other_share": 0.023, "unattributed_share": 0.075}}))
    (tmp_path / "sentiment.json").write_text(json.dumps({"rows": [
        {"method": "newsvoices toward()", "measure": "macro_f1", "value": 0.6881, "protocol": "nested CV"},
        {"method": "VADER on the whole sentence", "measure": "macro_f1", "value": 0.522, "protocol": "no fitting"}]}))
    g = glance_table(tmp_path)
    assert g["value"].tolist() == ["0.625 [0.555, 0.690] (n=200)", "0.098", "0.688"]
    assert g["baseline"].tolist()[2] == "0.522 (VADER on the whole sentence)"
    assert g["gold data"].tolist()[2].endswith("; nested CV")
    html = ReportContext(seed_result, {}, "t").methods_html(tmp_path)
    # the plain-words table comes first; every stored figure stays one click away
    assert html.index("At a glance") < html.index("<details>") < html.index("Measured accuracy")
    assert "Voice type right" in html and "0.625 [0.555, 0.690] (n=200)" in html
    # a results folder with none of the headline figures shows the full table as before
    (tmp_path / "voices.json").unlink()
    (tmp_path / "sentiment.json").unlink()
    (tmp_path / "other.json").write_text(json.dumps({"metrics": {"f1": 0.5}}))
    html = ReportContext(seed_result, {}, "t").methods_html(tmp_path)
    assert "At a glance" not in html and "<details>" not in html and "0.500" in html
