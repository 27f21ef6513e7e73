"""Execute the notebooks with papermill and export self-contained HTML reports.

nbconvert's default HTML template loads require.js and MathJax from CDNs; the
``offline`` template shipped here drops every external script, so a report opens
offline and can be mailed around as one file.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from .config import NOTEBOOKS_DIR, PACKAGE_DIR

TEMPLATE_DIR = PACKAGE_DIR / "templates"
#: Notebooks executed by ``make report`` (in this order).
REPORT_NOTEBOOKS = ["01_corpus", "02_quotes_and_speakers", "03_voices_vs_official", "04_sentiment", "05_frames"]

_EXTERNAL = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


def external_references(html: str) -> list[str]:
    """``<script src=`` / ``<link href=`` tags that point at another host."""
    return [m.group(0) for m in _EXTERNAL.finditer(html)]


def export_html(ipynb: str | Path, html: str | Path, hide_code: bool = True) -> Path:
    """Convert an executed notebook into one self-contained HTML file.

    Raises:
        ValueError: if the result still references an external script or stylesheet.
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(ipynb), as_version=4)
    exporter = HTMLExporter(
        template_name="offline", extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input=hide_code, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    bad = external_references(body)
    if bad:
        raise ValueError(f"{ipynb}: the HTML export references external hosts: {bad[:3]}")
    out = Path(html)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    return out


def execute_notebook(ipynb: str | Path, out_ipynb: str | Path, parameters: dict, cwd: str | Path | None = None) -> Path:
    """Run a notebook with papermill, injecting ``parameters``."""
    import papermill as pm

    pm.execute_notebook(
        str(ipynb), str(out_ipynb), parameters=parameters, kernel_name="python3",
        cwd=str(cwd or Path(ipynb).parent), progress_bar=False, log_output=False,
    )
    return Path(out_ipynb)


def build_reports(corpus: str | Path, out_dir: str | Path, notebooks: list[str] | None = None,
                  progress: bool = True) -> list[Path]:
    """Analyse ``corpus`` once, then execute each notebook on the tables and export HTML.

    Writes ``out_dir/tables/`` (Parquet + CSV + run_log) and ``out_dir/NAME.html``.
    """
    from .pipeline import analyze, write_tables

    out = Path(out_dir).resolve()
    tables = out / "tables"
    result = analyze(str(Path(corpus).resolve()), progress=progress)
    write_tables(result, tables)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in notebooks or REPORT_NOTEBOOKS:
            src = NOTEBOOKS_DIR / f"{name}.ipynb"
            executed = execute_notebook(
                src, Path(tmp) / f"{name}.ipynb",
                {"corpus": str(Path(corpus).resolve()), "tables": str(tables)},
            )
            written.append(export_html(executed, out / f"{name}.html"))
            if progress:
                print(f"wrote {out / f'{name}.html'}")
    return written
