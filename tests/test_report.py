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
