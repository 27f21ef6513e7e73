from __future__ import annotations

from newsvoices.config import SEEDS_DIR
from newsvoices.report import build_reports, external_references


def test_reports_are_self_contained(tmp_path):
    written = build_reports(SEEDS_DIR, tmp_path, progress=False)
    assert [p.name for p in written] == ["01_corpus.html", "02_quotes_and_speakers.html",
                                         "03_voices_vs_official.html", "04_sentiment.html"]
    for p in written:
        html = p.read_text(encoding="utf-8")
        assert external_references(html) == [], p.name
        assert "Traceback" not in html, p.name
    charts = (tmp_path / "03_voices_vs_official.html").read_text(encoding="utf-8")
    assert charts.count('src="data:image/png;base64,') >= 2
