"""Reports researchers hand around: papermill execution and self-contained HTML.

Two entry points:

* :func:`build_report` runs ``notebooks/report.ipynb`` on a corpus (optionally
  filtered by outlet and date) and writes **one** HTML file: parameter table,
  corpus summary, voice share against the official response, first and last
  word, the silence table, tone and frames by voice, a methods box and a few
  annotated articles. ``newsvoices report PATH --out reports/NAME.html``.
* :func:`build_reports` (``make report``) analyses a corpus once and exports
  every numbered notebook plus the summary report.

nbconvert's default HTML template loads require.js, MathJax and the widget
manager from CDNs; the ``offline`` template shipped here drops every external
script, renders widgets as their static fallback, and adds a print stylesheet,
so a report opens offline, prints, and can be mailed around as one file.

The section builders (:class:`ReportContext`) are what the report notebook
calls; each returns HTML or a matplotlib Figure, and a section that cannot be
computed shows a visible note instead of breaking the report.
"""

from __future__ import annotations

import hashlib
import html as _html
import json
import platform
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from .config import DATA_DIR, NOTEBOOKS_DIR, PACKAGE_DIR, PROJ_ROOT

TEMPLATE_DIR = PACKAGE_DIR / "templates"
#: The single-file summary report notebook (``newsvoices report``).
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "report.ipynb"
#: Where benchmark scripts drop their measured figures (read by the methods box).
BENCHMARK_RESULTS_DIR = PROJ_ROOT / "benchmarks" / "results"

_EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)
_NUMBERED = re.compile(r"^\d\d_.+\.ipynb$")


def report_notebooks(folder: str | Path = NOTEBOOKS_DIR) -> list[str]:
    """Names of the numbered notebooks (``01_corpus`` ...) in ``folder``, in order."""
    return sorted(p.stem for p in Path(folder).glob("*.ipynb") if _NUMBERED.match(p.name))


#: Notebooks executed by ``make report`` (in this order), besides ``report``.
REPORT_NOTEBOOKS = report_notebooks()


def external_references(html: str) -> list[str]:
    """``<script src=``, ``<link href=``, ``<img src=`` or ``<iframe src=`` tags that point at another host.

    Example:
        >>> external_references('<script src="https://cdn.example/x.js"></script><img src="data:image/png;base64,AA">')
        ['<script src="https:']
    """
    return [m.group(0)[: m.group(0).find("//")] for m in _EXTERNAL.finditer(html)]


# --------------------------------------------------------------------------- export


def export_html(ipynb: str | Path, html: str | Path, hide_code: bool = True, title: str | None = None) -> Path:
    """Convert an executed notebook into one self-contained HTML file.

    Code cells are hidden (``hide_code``), widget views render as their static
    fallback, and the widget state is dropped (nothing can run it offline).

    Raises:
        ValueError: if the result still references an external script, stylesheet or image.
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(ipynb), as_version=4)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:  # papermill gives its injected cell a random id: keep the HTML deterministic
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"
    if title:
        nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="offline", extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input=hide_code, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": Path(html).stem}})
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


def _is_tables_dir(path: Path) -> bool:
    return path.is_dir() and (path / "articles.parquet").is_file() and (path / "quotes.parquet").is_file()


def no_articles_error(path, run_log: pd.DataFrame) -> ValueError:
    """The error for a corpus of which no article was read, listing the skipped inputs."""
    skipped = run_log[run_log["status"] == "skipped"] if len(run_log) else run_log
    why = "".join(f"\n  skipped {r.source}: {r.reason}" for r in skipped.head(10).itertuples(index=False))
    more = f"\n  ... and {len(skipped) - 10} more" if len(skipped) > 10 else ""
    return ValueError(f"{path}: no article to report on ({len(skipped)} inputs skipped){why}{more}\n"
                      f"Check the path, and name the text column of a CSV/JSONL export with --columns "
                      f"text=NAME (make report COLUMNS=text=NAME)")


def build_reports(corpus: str | Path, out_dir: str | Path, notebooks: list[str] | None = None,
                  progress: bool = True, summary: bool = True,
                  columns: dict[str, str] | None = None) -> list[Path]:
    """Analyse ``corpus`` once, then execute each notebook on the tables and export HTML.

    Writes ``out_dir/tables/`` (Parquet + CSV + run_log), ``out_dir/NAME.html`` for
    every numbered notebook and, with ``summary``, the one-file ``out_dir/report.html``.

    Raises:
        ValueError: if no article was read (the message lists the skipped inputs).

    Args:
        corpus: anything ``load_corpus`` accepts, or a tables folder written by
            ``newsvoices analyze`` (then nothing is analysed again).
        out_dir: the folder to write.
        notebooks: names of the notebooks to run (default: all numbered ones).
        progress: show progress and what was written.
        summary: also write ``report.html``.
        columns: column names of CSV/JSONL exports (``{"text": "body"}``).
    """
    from .pipeline import analyze, load_tables, write_tables

    out = Path(out_dir).resolve()
    tables = out / "tables"
    corpus = Path(corpus).resolve()
    if _is_tables_dir(corpus):  # not its CSVs read as articles (quotes.csv has a text column)
        result = load_tables(corpus)
        if corpus != tables:
            write_tables(result, tables)
    else:
        result = analyze(str(corpus), progress=progress, columns=columns)
        write_tables(result, tables)
    if result.articles.empty:  # else the notebooks fail deep inside with an IndexError
        raise no_articles_error(corpus, result.run_log)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in notebooks or report_notebooks():
            src = NOTEBOOKS_DIR / f"{name}.ipynb"
            executed = execute_notebook(src, Path(tmp) / f"{name}.ipynb", {"corpus": str(corpus), "tables": str(tables)})
            written.append(export_html(executed, out / f"{name}.html"))
            if progress:
                print(f"wrote {out / f'{name}.html'}")
    if summary:
        written.append(build_report(corpus, out / "report.html", tables=tables, progress=progress))
    return written


def build_report(path: str | Path, out_html: str | Path, outlet: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, title: str | None = None, tables: str | Path | None = None,
                 progress: bool = False, columns: dict[str, str] | None = None) -> Path:
    """Run the report notebook on one corpus and write one self-contained HTML file.

    Args:
        path: a corpus (anything ``load_corpus`` accepts) or a folder of tables
            written by ``newsvoices analyze``.
        out_html: the HTML file to write.
        outlet: keep only articles from this outlet (case-insensitive).
        date_from, date_to: keep only articles dated in this range (inclusive, ISO dates).
        title: the report's title (default: derived from the corpus and filters).
        tables: tables already analysed from ``path`` (skips the analysis).
        progress: print what was written.
        columns: column names of CSV/JSONL exports (``{"text": "body"}``).

    Raises:
        ValueError: if no article passes the filters (the message lists what is there),
            or a date filter is not a date.
    """
    from .pipeline import analyze, load_tables, write_tables

    path = Path(path).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        if tables is None and _is_tables_dir(path):
            tables = path
        if tables is None:
            analysis = analyze(str(path), columns=columns)
            tables = Path(tmp) / "tables"
            write_tables(analysis, tables)
        else:
            analysis = load_tables(tables)
        if analysis.articles.empty:
            raise no_articles_error(path, analysis.run_log)
        filtered = filter_analysis(analysis, outlet, date_from, date_to)
        if filtered.articles.empty:
            raise ValueError(f"{path}: no article matches {describe_filters(outlet, date_from, date_to)}; "
                             f"{describe_available(analysis)}")
        params = {"corpus": str(path), "tables": str(Path(tables).resolve()), "outlet": outlet or "",
                  "date_from": date_from or "", "date_to": date_to or "", "title": title or ""}
        executed = execute_notebook(REPORT_NOTEBOOK, Path(tmp) / "report.ipynb", params)
        out = export_html(executed, out_html, title=title or default_title(path, outlet, date_from, date_to))
    if progress:
        print(f"wrote {out}")
    return out


# --------------------------------------------------------------------------- filters and provenance


def _parse_date(value: str | None, what: str):
    if not value:
        return None
    ts = pd.to_datetime(value, errors="coerce")
    if pd.isna(ts):
        raise ValueError(f"{what}: {value!r} is not a date (use YYYY-MM-DD)")
    return ts.tz_localize(None) if ts.tzinfo else ts


def filter_analysis(analysis, outlet: str | None = None, date_from: str | None = None, date_to: str | None = None):
    """The analysis restricted to articles of ``outlet`` dated ``date_from``..``date_to``.

    Outlet matching ignores case and surrounding space. With a date filter,
    undated articles are left out. Every table is restricted to the kept articles.

    Example:
        >>> import newsvoices
        >>> from newsvoices.config import SEEDS_DIR
        >>> a = newsvoices.analyze(SEEDS_DIR)
        >>> len(filter_analysis(a).articles), len(filter_analysis(a, outlet="nowhere").articles)
        (1, 0)
    """
    from .pipeline import Analysis

    arts = analysis.articles
    keep = pd.Series(True, index=arts.index)
    if outlet:
        keep &= arts["outlet"].fillna("").astype(str).str.strip().str.casefold() == outlet.strip().casefold()
    lo, hi = _parse_date(date_from, "--from"), _parse_date(date_to, "--to")
    if lo is not None or hi is not None:
        dates = pd.to_datetime(arts["date"], errors="coerce", utc=True).dt.tz_localize(None)
        if lo is not None:
            keep &= dates >= lo
        if hi is not None:
            # an end date without a time means the whole day
            keep &= dates < (hi + pd.Timedelta(days=1)) if hi == hi.normalize() else dates <= hi
    if bool(keep.all()):
        return analysis
    ids = set(arts.loc[keep, "id"])
    tables = {}
    for name, df in analysis.tables.items():
        if name == "articles":
            tables[name] = df[keep.values].reset_index(drop=True)
        elif name == "run_log":
            tables[name] = df[df["article_id"].isin(ids) | (df["status"] != "processed")].reset_index(drop=True)
        elif "article_id" in df.columns:
            tables[name] = df[df["article_id"].isin(ids)].reset_index(drop=True)
        else:
            tables[name] = df
    return Analysis(tables)


def describe_filters(outlet: str | None, date_from: str | None, date_to: str | None) -> str:
    """Human wording of the filters, e.g. ``outlet 'BBC', dated 2024-01-01 to 2024-02-01``."""
    parts = []
    if outlet:
        parts.append(f"outlet {outlet!r}")
    if date_from or date_to:
        parts.append(f"dated {date_from or '…'} to {date_to or '…'}")
    return ", ".join(parts) or "no filter (all articles)"


def describe_available(analysis) -> str:
    """What the corpus holds, for error messages: outlets and date range."""
    a = analysis.articles
    outlets = sorted({str(o) for o in a["outlet"].dropna()})
    dates = pd.to_datetime(a["date"], errors="coerce", utc=True).dropna()
    shown = ", ".join(repr(o) for o in outlets[:10]) + (" …" if len(outlets) > 10 else "")
    span = f"{dates.min().date()} to {dates.max().date()}" if len(dates) else "no dates"
    return f"the corpus has {len(a)} articles; outlets: {shown or 'none given'}; dates: {span}"


def default_title(path: str | Path, outlet: str | None = None, date_from: str | None = None,
                  date_to: str | None = None) -> str:
    """``Who gets to speak: seeds`` plus the filters, if any."""
    name = Path(str(path)).name or str(path)
    filt = describe_filters(outlet, date_from, date_to)
    return f"Who gets to speak: {name}" + ("" if not (outlet or date_from or date_to) else f" ({filt})")


def file_hash(path: str | Path, n: int = 12) -> str:
    """First ``n`` hex digits of a file's SHA-256."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:n]


def codebook_versions(data_dir: str | Path = DATA_DIR) -> pd.DataFrame:
    """Every rule file under ``data/`` with its SHA-256 (12 hex digits), sorted by path.

    These hashes are the codebook versions a report states: the same hashes mean
    the same word lists, codebooks and lexicons were applied.
    """
    d = Path(data_dir)
    rows = [{"file": p.relative_to(d).as_posix(), "sha256": file_hash(p)}
            for p in sorted(d.rglob("*")) if p.is_file() and not p.name.startswith(".")]
    return pd.DataFrame(rows, columns=["file", "sha256"])


def codebook_version(data_dir: str | Path = DATA_DIR) -> str:
    """One hash over all rule files (path and content): the codebook version of a run."""
    h = hashlib.sha256()
    for row in codebook_versions(data_dir).itertuples(index=False):
        h.update(f"{row.file}\0{row.sha256}\n".encode())
    return h.hexdigest()[:12]


def git_revision(root: str | Path = PROJ_ROOT) -> str | None:
    """The checkout's commit (with ``+changes`` if files differ from it), or None outside git."""
    try:
        rev = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
                             capture_output=True, text=True, timeout=10)
        if rev.returncode != 0:
            return None
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10)
        return rev.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return None


def run_parameters(corpus: str = "", tables: str = "", outlet: str = "", date_from: str = "",
                   date_to: str = "", title: str = "") -> list[tuple[str, str]]:
    """What was run, as ``(parameter, value)`` rows for the table at the top of a report."""
    from . import __version__

    temp = bool(tables) and Path(tables).resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
    rows = [
        ("corpus", corpus or "(bundled seeds/)"),
        ("tables", "analysed from the corpus for this report" if (temp or not tables) else tables),
        ("outlet filter", outlet or "none"),
        ("date filter", f"{date_from or '…'} to {date_to or '…'}" if (date_from or date_to) else "none"),
        ("newsvoices version", __version__ + (f" (git {g})" if (g := git_revision()) else "")),
        ("codebook version", f"{codebook_version()} (SHA-256 over data/; per-file hashes below)"),
        ("python / pandas", f"{platform.python_version()} / {pd.__version__}"),
        ("rerun", "newsvoices report " + " ".join(
            [_shell(corpus or "seeds")] + ([f"--outlet {_shell(outlet)}"] if outlet else [])
            + ([f"--from {date_from}"] if date_from else []) + ([f"--to {date_to}"] if date_to else [])
            + ([f"--title {_shell(title)}"] if title else []) + ["--out reports/NAME.html"])),
    ]
    return rows


def _shell(s: str) -> str:
    return s if re.fullmatch(r"[\w./:@%+,-]+", s) else "'" + s.replace("'", "'\\''") + "'"


# --------------------------------------------------------------------------- HTML helpers


def esc(x: Any) -> str:
    """HTML-escaped text of any value (``—`` for missing)."""
    if x is None or (isinstance(x, float) and x != x):
        return "—"
    return _html.escape(str(x))


def html_table(df: pd.DataFrame, caption: str | None = None, max_rows: int = 20, formats: dict | None = None,
               css_class: str = "nv-table") -> str:
    """A compact, print-friendly HTML table (numbers right-aligned, long tables cut with a note)."""
    formats = formats or {}
    shown = df.head(max_rows)
    head = "".join(f"<th>{esc(c)}</th>" for c in shown.columns)
    body = []
    for row in shown.itertuples(index=False):
        cells = []
        for col, v in zip(shown.columns, row):
            fmt = formats.get(col)
            num = isinstance(v, (int, float)) and not isinstance(v, bool)
            txt = esc(v) if (fmt is None or v is None or (isinstance(v, float) and v != v)) else esc(fmt(v))
            cells.append(f'<td class="num">{txt}</td>' if num else f"<td>{txt}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    more = (f'<p class="nv-note">Showing {max_rows} of {len(df)} rows; the full table is in the tables folder.</p>'
            if len(df) > max_rows else "")
    return f'<table class="{css_class}">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>{more}'


def pct(x: float) -> str:
    return "—" if x is None or x != x else f"{100 * x:.1f}%"


def note(text: str) -> str:
    return f'<p class="nv-note">{esc(text)}</p>'


def figure_html(fig, alt: str) -> str:
    """A matplotlib Figure as an embedded PNG ``<img>`` (closes the figure)."""
    import base64
    import io

    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<figure class="nv-figure"><img alt="{esc(alt)}" src="data:image/png;base64,{data}"></figure>'


def legend_below(fig):
    """Move the first axes' legend to a fixed distance below its x-axis label (so they never overlap).

    ``figure_html`` saves with ``bbox_inches="tight"``, so the legend stays in the image.
    """
    from matplotlib.transforms import offset_copy

    if not fig.axes:
        return fig
    ax = fig.axes[0]
    leg = ax.get_legend()
    if leg is None:
        return fig
    handles, labels = leg.legend_handles, [t.get_text() for t in leg.get_texts()]
    leg.remove()
    anchor = offset_copy(ax.transAxes, fig=fig, y=-38, units="points")
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=anchor,
              ncol=min(5, max(1, len(labels))), frameon=False, fontsize=8)
    return fig


def voice_label(v: Any) -> str:
    return "unattributed" if not isinstance(v, str) or not v else v.replace("_", " ")


def _colour(v: Any) -> str:
    from .charts import colour

    return colour(v if isinstance(v, str) and v else None)


def mark_style(voice: Any, kind: str = "direct") -> str:
    """Inline CSS of a highlighted quote (inline, so it survives any notebook front end)."""
    c = _colour(voice)
    if kind == "indirect":
        return f"background:{c}26;border-bottom:3px dashed {c};color:inherit;padding:0 1px"
    return f"background:{c}59;border-bottom:3px solid {c};color:inherit;padding:0 1px"


def tag_style(voice: Any) -> str:
    c = _colour(voice)
    return (f"display:inline-block;margin:0 2px;padding:0 5px;border-radius:3px;border:1px solid {c};"
            f"border-left:5px solid {c};font:600 0.75em/1.5 system-ui,sans-serif;color:#222;background:#fff;"
            f"white-space:nowrap;vertical-align:1px")


def legend_html(voices: list[str]) -> str:
    """Colour key for voice types, plus the direct/reported-speech styles."""
    items = " ".join(
        f'<mark class="nv-q nv-key" style="{mark_style(v)}">{esc(voice_label(v))}</mark>' for v in voices)
    return (f'<div class="nv-legend" style="margin:6px 0 10px;line-height:2"><strong>Colour key:</strong> {items} '
            f'&nbsp;·&nbsp; <mark class="nv-q nv-key" style="{mark_style(None)};background:#eee">direct quote</mark> '
            f'<mark class="nv-q nv-key" style="{mark_style(None, "indirect")};background:none">reported speech</mark> '
            f'<span style="{tag_style(None)}">speaker · voice type</span></div>')


def annotate_article(text: str, quotes: pd.DataFrame, title: str | None = None, paragraphs=None,
                     headline_first: bool = True) -> str:
    """HTML of one article with every quote highlighted in its voice type's colour.

    Each quote is a ``<mark>`` (solid for direct quotes, dashed for reported
    speech) followed by a tag naming the speaker and voice type; paragraphs keep
    their breaks and the headline is shown as a heading.

    Args:
        text: the article text (offsets index into it).
        quotes: the article's rows of the quotes table.
        title: shown above the article.
        paragraphs: ``(start, end)`` spans; default: the non-blank lines of ``text``.
        headline_first: the first paragraph is the headline (``.txt`` input).
    """
    from .model import split_paragraphs

    spans = list(paragraphs) if paragraphs is not None else split_paragraphs(text)
    q = quotes.sort_values(["start", "end"]).reset_index(drop=True) if len(quotes) else quotes
    items = []
    last = -1
    for r in q.itertuples(index=False):
        s, e = int(r.start), int(r.end)
        if s < last or e <= s:  # overlapping or empty spans are not drawn twice
            continue
        items.append((s, e, r))
        last = e
    out = []
    for i, (ps, pe) in enumerate(spans):
        pos, parts = ps, []
        for s, e, r in items:
            if e <= ps or s >= pe:
                continue
            cs, ce = max(s, ps), min(e, pe)
            parts.append(esc(text[pos:cs]))
            voice = r.voice_type if isinstance(r.voice_type, str) and r.voice_type else None
            who = r.speaker if isinstance(r.speaker, str) and r.speaker else "unattributed"
            kind = "indirect" if getattr(r, "kind", "direct") == "indirect" else "direct"
            label = f"{who} · {voice_label(voice)}"
            parts.append(f'<mark class="nv-q nv-{kind}" style="{mark_style(voice, kind)}" title="{esc(label)}" '
                         f'data-voice="{esc(voice_label(voice))}" data-speaker="{esc(who)}">{esc(text[cs:ce])}</mark>')
            pos = ce
            if e <= pe:
                # the tag goes after the closing quotation mark and punctuation, if any
                close = pos
                while close < pe and close - pos < 3 and text[close] in "\"”’'»,.;:!?":
                    close += 1
                parts.append(esc(text[pos:close]))
                pos = close
                parts.append(f'<span class="nv-tag" style="{tag_style(voice)}">{esc(label)}</span>')
        parts.append(esc(text[pos:pe]))
        tag = "h4" if (i == 0 and headline_first) else "p"
        out.append(f"<{tag}>{''.join(parts)}</{tag}>")
    voices = sorted({v if isinstance(v, str) and v else "unattributed" for v in q["voice_type"]}) if len(q) else []
    head = f"<h3>{esc(title)}</h3>" if title else ""
    return (f'<div class="nv-article" style="font-family:Georgia,serif;line-height:1.6;max-width:48em">'
            f'{head}{legend_html(voices)}{"".join(out)}</div>')


# --------------------------------------------------------------------------- report sections


def _bootstrap_shares(q: pd.DataFrame, n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """95% percentile intervals of each voice type's share of quoted words, resampling articles."""
    import numpy as np

    words = q.pivot_table(index="article_id", columns="voice_type", values="n_words", aggfunc="sum", fill_value=0)
    if len(words) < 2:
        return pd.DataFrame(columns=["voice_type", "ci_low", "ci_high"])
    m = words.to_numpy(dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(m), size=(n_boot, len(m)))
    sums = m[idx].sum(axis=1)
    tot = sums.sum(axis=1, keepdims=True)
    shares = np.divide(sums, tot, out=np.full_like(sums, np.nan), where=tot > 0)
    lo, hi = np.nanpercentile(shares, [2.5, 97.5], axis=0)
    return pd.DataFrame({"voice_type": words.columns, "ci_low": lo, "ci_high": hi})


def write_benchmark_result(name: str, metrics: dict, command: str, dataset: str | None = None,
                           split: str | None = None, notes: str | None = None,
                           results_dir: str | Path = BENCHMARK_RESULTS_DIR, headline: list[str] | None = None) -> Path:
    """Store a benchmark's measured figures where every report's methods box finds them.

    Writes ``benchmarks/results/NAME.json`` (sorted keys, so reruns with the same
    numbers give the same file)::

        {"benchmark": NAME, "command": "python benchmarks/NAME.py", "dataset": ...,
         "split": ..., "notes": ..., "metrics": {"f1": 0.71, "precision": 0.74}}

    Args:
        name: short name, also the file stem (``quotes``, ``sentiment`` ...).
        metrics: measure name -> number (nested dicts are flattened as ``a.b``).
        command: how to rerun it.
        dataset, split, notes: where the numbers come from.
        headline: the measure names (flattened, as ``a.b``) the reports' methods box
            shows, in this order; without it the box lists every figure. The file
            keeps all of them either way.
    """
    if not re.fullmatch(r"[\w.-]+", name):
        raise ValueError(f"benchmark name {name!r}: use letters, digits, '.', '-' or '_'")
    out = Path(results_dir) / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    rec = {"benchmark": name, "command": command, "metrics": metrics}
    rec.update({k: v for k, v in (("dataset", dataset), ("split", split), ("notes", notes)) if v})
    if headline:
        flat = {k[len("metrics."):]: v for k, v in _flatten_metrics({"metrics": metrics})}
        unknown = [h for h in headline if h not in flat]
        if unknown:
            raise ValueError(f"benchmark {name!r}: headline measures {unknown} are not among its metrics")
        rec["headline"] = list(headline)
    out.write_text(json.dumps(rec, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def _load_benchmarks(folder: Path) -> list[dict]:
    out = []
    for p in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            out.append({"file": p.name, "error": f"{type(exc).__name__}: {exc}"})
            continue
        out.append({"file": p.name, "data": data})
    return out


def _module_summary(name: str) -> str | None:
    """First sentence of a newsvoices module's docstring (None if the module is absent)."""
    import importlib

    try:
        mod = importlib.import_module(f"newsvoices.{name}")
    except ImportError:
        return None
    doc = " ".join((mod.__doc__ or "").strip().split("\n\n")[0].split())
    doc = re.sub(r":\w+:`~?(?:[\w.]+\.)?([^`]+)`", r"\1", doc).replace("``", "")
    return doc or None


def method_notes() -> list[tuple[str, str]]:
    """(part, HTML) lines describing how each number is made, from the modules that make them."""
    parts = [("Quotes and speakers", "extract"), ("Voice types", "voices"), ("Space and position", "measures"),
             ("Tone", "sentiment"), ("Frames", "frames")]
    out = []
    for label, mod in parts:
        doc = _module_summary(mod)
        if doc:
            out.append((label, f"{esc(doc)} <span class='nv-note'>(<code>newsvoices.{mod}</code>)</span>"))
    out.append(("Uncertainty", "shares of quoted words count the words inside quotation marks; intervals resample "
                               "articles (1,000 bootstrap draws, fixed seed)."))
    out.append(("Check it on your own sample",
                "<code>newsvoices export-coding PATH --out sheet.csv</code>, have coders fill it in, then "
                "<code>newsvoices agreement sheet.csv</code> (percent agreement, Cohen's kappa and "
                "Krippendorff's alpha against the tool)."))
    return out


def _validity_rows() -> list[dict]:
    """Figures stored by the sentiment/frames benchmarks (``newsvoices.validity``), where that module exists."""
    try:
        from . import validity
    except ImportError:
        return []
    try:
        t = validity.table()
    except Exception as exc:  # unreadable figures are shown as such, never break the report
        return [{"benchmark": "validity", "measure": "unreadable", "value": f"{type(exc).__name__}: {exc}", "rerun": ""}]
    if Path(getattr(validity, "RESULTS_DIR", "/nonexistent")).resolve() == BENCHMARK_RESULTS_DIR.resolve():
        return []  # this version of validity stores its figures in benchmarks/results/, read there
    return _figure_rows(t.to_dict("records"))


def _figure_rows(records: list[dict], default_rerun: str = "") -> list[dict]:
    """Methods-box rows from figure records (part, gold, method, protocol, measure, value, n, rerun)."""
    rows = []
    for r in records:
        where = ", ".join(str(r[k]) for k in ("gold", "protocol") if r.get(k) == r.get(k) and r.get(k))
        what = str(r.get("measure", "")) + (f" ({r['method']})" if r.get("method") == r.get("method") and r.get("method") else "")
        v = r.get("value")
        try:
            v = f"{float(v):.3f}" + (f" (n={int(r['n']):,})" if r.get("n") == r.get("n") and r.get("n") not in (None, "") else "")
        except (TypeError, ValueError):
            v = str(v)
        rows.append({"benchmark": f"{r.get('part', '')}" + (f" ({where})" if where else ""), "measure": what,
                     "value": v, "rerun": str(r.get("rerun") or default_rerun)})
    return rows


# The few figures a reader of a report needs first, in plain words: (what it says, benchmark file,
# figure, baseline figure or None, what the gold data is). A figure is a metrics key ("direct_F1.all")
# or, for benchmarks that store one record per figure, "method|measure" of a row.
GLANCE = [
    ("Direct quotes found (F1)", "quotes", "direct_F1.all", None, "PolNeAR: US political news, hand-annotated"),
    ("Speaker of a found quote right (accuracy)", "quotes", "speaker_acc.all", None,
     "PolNeAR: US political news, hand-annotated"),
    ("Quote found and speaker right (F1)", "quotes", "attributed_direct_F1.all", None,
     "PolNeAR: US political news, hand-annotated"),
    ("Reported speech found (F1)", "quotes", "indirect_F1.all", None, "PolNeAR: US political news, hand-annotated"),
    ("Voice type right (share of speakers drawn at random)", "voices", "blind_latest.accuracy", None,
     "AllSides immigration and crime news, judged by two coders who never saw the tool's answer"),
    ("Directly quoted words left with no voice type (other or no speaker)", "voices",
     "other_share+unattributed_share", None, "AllSides immigration and crime news (all 2,774 articles)"),
    ("Tone of a quote: correlation with the mean human rating (r)", "sentiment", "newsvoices score()|pearson_r",
     "VADER (NLTK, wheel lexicon)|pearson_r", "NYT editorial sentences, 20 human ratings each"),
    ("Tone of a quote: negative/neutral/positive (macro-F1)", "sentiment", "newsvoices score()|macro_f1",
     "VADER (NLTK, wheel lexicon)|macro_f1", "NYT editorial sentences, 20 human ratings each"),
    ("Tone towards a named actor (macro-F1)", "sentiment", "newsvoices toward()|macro_f1",
     "VADER on the whole sentence|macro_f1", "NewsMTSC political news sentences"),
    ("Frames of an article, shipped lexicon (micro-F1)", "frames", "newsvoices frames lexicon|micro_f1",
     "4 most frequent frames|micro_f1", "SemEval-2023 Task 3 English articles"),
    ("Frames, classifier trained on a coded sample (micro-F1)", "frames",
     "frames.train() TF-IDF + logistic regression|micro_f1", "4 most frequent frames|micro_f1",
     "SemEval-2023 Task 3 English articles"),
]


def _glance_value(data: dict, key: str | None) -> tuple[float | None, str]:
    """A figure of one benchmark document by GLANCE key, and how it was measured (protocol or split)."""
    if not key:
        return None, ""
    if "|" in key:
        method, measure = key.split("|", 1)
        for r in data.get("rows") or []:
            if isinstance(r, dict) and r.get("method") == method and r.get("measure") == measure:
                try:
                    return float(r["value"]), str(r.get("protocol") or "")
                except (KeyError, TypeError, ValueError):
                    return None, ""
        return None, ""
    metrics = dict(_flatten_metrics(data.get("metrics", data)))
    parts = key.split("+")
    if not all(isinstance(metrics.get(k), (int, float)) for k in parts):
        return None, ""
    return float(sum(metrics[k] for k in parts)), ""


def glance_table(results_dir: str | Path = BENCHMARK_RESULTS_DIR) -> pd.DataFrame:
    """The headline accuracy figures of ``benchmarks/results/*.json`` in plain words.

    One row per figure in :data:`GLANCE` that the stored results hold: what it says, the value (with its
    95% interval where stored), the baseline it improves on, the gold data and the command that reruns it.

    Example:
        >>> import json, tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "quotes.json").write_text(json.dumps({"command": "python benchmarks/quotes.py",
        ...                                                 "metrics": {"direct_F1": {"all": 0.9841}}}))
        >>> glance_table(d)[["measures", "value"]].to_dict("records")
        [{'measures': 'Direct quotes found (F1)', 'value': '0.984'}]
    """
    docs = {}
    for r in _load_benchmarks(Path(results_dir)):
        if "data" in r and isinstance(r["data"], dict):
            docs[Path(r["file"]).stem] = r["data"]
    rows = []
    for label, name, key, base, gold in GLANCE:
        data = docs.get(name)
        if data is None:
            continue
        v, how = _glance_value(data, key)
        if v is None:
            continue
        metrics = dict(_flatten_metrics(data.get("metrics", data)))
        text = f"{v:.3f}"
        if "." in key and "|" not in key and "+" not in key:
            stem, leaf = key.rsplit(".", 1)
            lo, hi = metrics.get(f"{stem}.low"), metrics.get(f"{stem}.high")
            n = metrics.get(f"{stem}.n")
            if isinstance(lo, (int, float)) and isinstance(hi, (int, float)):
                text += f" [{lo:.3f}, {hi:.3f}]"
            if isinstance(n, (int, float)):
                text += f" (n={int(n):,})"
        b, _ = _glance_value(data, base)
        rows.append({"measures": label, "value": text, "baseline": "" if b is None else f"{b:.3f} ({base.split('|')[0]})",
                     "gold data": gold + (f"; {how}" if how else ""),
                     "rerun": str(data.get("command") or f"python benchmarks/{name}.py")})
    return pd.DataFrame(rows, columns=["measures", "value", "baseline", "gold data", "rerun"])


def _flatten_metrics(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Numeric leaves of a benchmark JSON (``{"metrics": {"f1": 0.7}}`` -> ``[("metrics.f1", 0.7)]``)."""
    rows: list[tuple[str, Any]] = []
    if isinstance(data, dict):
        for k in sorted(data):
            if k in ("command", "dataset", "description", "notes", "split", "benchmark", "date", "n", "rows"):
                continue
            rows += _flatten_metrics(data[k], f"{prefix}{k}.")
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        rows.append((prefix.rstrip("."), data))
    return rows


@dataclass
class ReportContext:
    """Everything the report notebook shows, computed from (filtered) tables.

    Build it with :meth:`open`; each ``*_html`` method returns an HTML fragment
    for ``IPython.display.HTML``. :meth:`section` wraps any of them so a failing
    optional part shows a note instead of stopping the report.
    """

    analysis: Any
    params: dict = field(default_factory=dict)
    title: str = ""
    max_articles: int = 3

    @classmethod
    def open(cls, corpus: str = "", tables: str = "", outlet: str = "", date_from: str = "", date_to: str = "",
             title: str = "") -> "ReportContext":
        """Load the tables (or analyse ``corpus``), apply the filters, remember the parameters."""
        from .pipeline import open_results

        analysis = filter_analysis(open_results(corpus or None, tables or None), outlet, date_from, date_to)
        params = {"corpus": corpus, "tables": tables, "outlet": outlet, "date_from": date_from, "date_to": date_to,
                  "title": title}
        from .config import SEEDS_DIR

        name = corpus or tables or str(SEEDS_DIR)
        return cls(analysis, params, title or default_title(name, outlet, date_from, date_to))

    # -- helpers
    @property
    def quotes(self) -> pd.DataFrame:
        q = self.analysis.quotes
        return q.assign(voice_type=q["voice_type"].where(q["voice_type"].notna() & (q["voice_type"] != ""), "unattributed"))

    @property
    def direct(self) -> pd.DataFrame:
        q = self.quotes
        return q[q["kind"] == "direct"]

    def section(self, fn: Callable[[], Any]):
        """Call a section builder; on any error return a visible note instead."""
        from IPython.display import HTML

        try:
            out = fn()
        except Exception as exc:  # a report never breaks on one optional section
            return HTML(f'<div class="nv-warning">This section could not be computed: '
                        f'{esc(type(exc).__name__)}: {esc(exc)}</div>')
        return HTML(out) if isinstance(out, str) else out

    # -- sections
    def header_html(self) -> str:
        """Title, one-line summary and the parameter table (what exactly was run)."""
        rows = run_parameters(**self.params)
        params = "".join(f"<tr><th>{esc(k)}</th><td><code>{esc(v)}</code></td></tr>" for k, v in rows)
        books = codebook_versions()
        files = html_table(books, max_rows=200, css_class="nv-table nv-small")
        return (f'<header class="nv-header"><h1>{esc(self.title)}</h1>'
                f'<p class="nv-lede">Who is quoted, how much space each voice gets against the official '
                f'response, and who is discussed but not heard.</p>'
                f'<table class="nv-params"><caption>What was run</caption>{params}</table>'
                f'<details class="nv-codebooks"><summary>Codebook files and their SHA-256 (first 12 digits)</summary>'
                f'{files}</details></header>')

    def summary_html(self) -> str:
        """Articles, outlets, dates, paragraphs, words, quotes, speakers and skipped inputs."""
        a, q, log = self.analysis.articles, self.analysis.quotes, self.analysis.run_log
        dates = pd.to_datetime(a["date"], errors="coerce", utc=True).dropna()
        outlets = a["outlet"].dropna().astype(str)
        speakers = q["speaker_id"].dropna().nunique()
        skipped = log[log["status"] != "processed"]
        rows = [
            ("articles", f"{len(a):,}"),
            ("outlets", f"{outlets.nunique():,}" + (f" ({', '.join(sorted(outlets.unique())[:6])}"
                                                     f"{' …' if outlets.nunique() > 6 else ''})" if len(outlets) else " (none given)")),
            ("dates", f"{dates.min().date()} to {dates.max().date()} ({len(dates):,} dated)" if len(dates) else "none given"),
            ("paragraphs / words", f"{int(a['n_paragraphs'].sum()):,} / {int(a['n_words'].sum()):,}"),
            ("quotes", f"{len(q):,} ({int((q['kind'] == 'direct').sum()):,} direct, "
                       f"{int((q['kind'] == 'indirect').sum()):,} reported speech)"),
            ("quoted words", f"{int(q['n_words'].sum()):,}"),
            ("speakers", f"{speakers:,} distinct ({int(q['speaker_id'].isna().sum()):,} quotes unattributed)"),
            ("inputs skipped", f"{len(skipped):,}" + (" (reasons in run_log.csv)" if len(skipped) else "")),
        ]
        body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
        out = f'<table class="nv-table nv-summary">{body}</table>'
        if len(a) <= 12:
            arts = a[["id", "title", "outlet", "date", "n_paragraphs", "n_words"]].rename(
                columns={"n_paragraphs": "paragraphs", "n_words": "words"})
            out += html_table(arts, caption="Articles")
        return out

    def _share_intervals(self) -> pd.DataFrame:
        """95% intervals of each voice type's share, resampling articles (measures.bootstrap_shares if present)."""
        from . import measures

        boot = getattr(measures, "bootstrap_shares", None)
        if boot is not None and self.analysis.articles["id"].nunique() >= 2:
            try:
                b = boot(self.quotes, self.analysis.articles, by=None)
                return b[["voice_type", "ci_low", "ci_high"]]
            except Exception:  # fall back to the local bootstrap below
                pass
        return _bootstrap_shares(self.direct)

    def article_measures(self) -> pd.DataFrame | None:
        """``measures.article_measures`` where the package has it (first/last word, official response)."""
        from . import measures

        fn = getattr(measures, "article_measures", None)
        return fn(self.analysis.quotes, self.analysis.articles) if fn is not None else None

    def label_columns(self) -> list[str]:
        """Article label columns worth comparing (2-8 values, e.g. an AllSides left/center/right rating)."""
        skip = {"id", "title", "outlet", "date", "url", "source", "text", "n_paragraphs", "n_words", "year"}
        a = self.analysis.articles
        out = []
        for c in a.columns:
            if c in skip or c.startswith("split") or a[c].dtype.kind in "fc":
                continue
            vals = a[c].dropna().astype(str)
            if 2 <= vals.nunique() <= 8 and len(vals) >= 0.5 * len(a):
                out.append(c)
        return out[:2]

    def _share_figure(self, arts: pd.DataFrame, group: str, title: str | None):
        """Stacked voice-share bars per ``group`` value (with intervals where the package has them)."""
        from . import charts, measures

        q = self.quotes[self.quotes["article_id"].isin(arts["id"])]
        if group not in q.columns:
            q = q.drop(columns=[group], errors="ignore").merge(
                arts[["id", group]].rename(columns={"id": "article_id"}), on="article_id", how="left")
        groups_fn = getattr(charts, "voice_share_groups", None)
        boot = getattr(measures, "bootstrap_shares", None)
        if group != "article_id" and groups_fn is not None and boot is not None:
            try:
                return legend_below(groups_fn(boot(q, arts, by=group), group, title=title))
            except Exception:  # fall back to the plain chart
                pass
        space = measures.voice_space(q[q["kind"] == "direct"], by=[group])
        if groups_fn is not None:
            return legend_below(groups_fn(space, group, title=title or "Who gets the quoted words (official outlined)"))
        return legend_below(charts.voice_share_bar(space, group=group, title=title))

    def voice_share_table(self) -> pd.DataFrame:
        """Corpus-level quotes, words and share of directly quoted words per voice type (with 95% CIs)."""
        d = self.direct
        g = d.groupby("voice_type").agg(quotes=("text", "size"), words=("n_words", "sum"),
                                       speakers=("speaker_id", "nunique"), articles=("article_id", "nunique")).reset_index()
        total = g["words"].sum()
        g["share"] = g["words"] / total if total else float("nan")
        g = g.merge(self._share_intervals(), on="voice_type", how="left")
        return g.sort_values(["share", "voice_type"], ascending=[False, True]).reset_index(drop=True)

    def voice_share_html(self) -> str:
        """Share of quoted words per voice type, the official response marked, with a chart."""
        from . import charts, measures

        d = self.direct
        if d.empty:
            return note("No direct quotes were found, so there is no voice share to show.")
        g = self.voice_share_table()
        show = g.assign(voice_type=g["voice_type"].map(voice_label))
        cols = ["voice_type", "quotes", "words", "share", "speakers", "articles"]
        fmt = {"share": pct, "ci_low": pct, "ci_high": pct}
        if g["ci_low"].notna().any():
            show["95% CI"] = [f"{pct(lo)}–{pct(hi)}" if lo == lo else "—" for lo, hi in zip(g["ci_low"], g["ci_high"])]
            cols.append("95% CI")
        off = measures.official_response(self.analysis.quotes, self.analysis.articles)
        n_off = int(off["has_official"].sum())
        share_off = float(g.loc[g["voice_type"] == measures.OFFICIAL, "share"].sum())
        others = g[g["voice_type"] != measures.OFFICIAL]
        lead = others.iloc[0] if len(others) else None
        first = off["official_first_position"].dropna()
        lines = [
            f"The official response is quoted directly in <b>{n_off} of {len(off)}</b> articles and has "
            f"<b>{pct(share_off)}</b> of the directly quoted words.",
        ]
        if lead is not None:
            lines.append(f"The largest other voice, <b>{esc(voice_label(lead['voice_type']))}</b>, has "
                         f"<b>{pct(lead['share'])}</b>.")
        if len(first):
            lines.append(f"Where it speaks, the official response first appears at position "
                         f"<b>{first.median():.2f}</b> (median; 0 = top of the article, 1 = end).")
        boot_off = getattr(measures, "bootstrap_official", None)
        am = self.article_measures()
        if boot_off is not None and am is not None and len(am) >= 2 and n_off > 0:
            b = boot_off(am).iloc[0]
            lines.append(f"95% intervals over articles: official share of quoted words "
                         f"{pct(b['official_share_low'])}–{pct(b['official_share_high'])}; articles quoting an "
                         f"official voice {pct(b['has_official_low'])}–{pct(b['has_official_high'])}.")
        arts = self.analysis.articles
        figs = []
        if arts["outlet"].nunique() > 1:
            top = arts["outlet"].value_counts().sort_index().sort_values(ascending=False, kind="stable").head(12).index
            n = arts["outlet"].nunique()
            figs.append(self._share_figure(arts[arts["outlet"].isin(top)], "outlet",
                                           "Who gets the quoted words, by outlet" + (" (12 largest)" if n > 12 else "")))
        elif arts["id"].nunique() <= 15:
            figs.append(self._share_figure(arts, "article_id", None))
        else:
            figs.append(self._share_figure(arts.assign(scope="all articles"), "scope", None))
        for col in self.label_columns():
            figs.append(self._share_figure(arts.dropna(subset=[col]), col, f"Who gets the quoted words, by {col}"))
        pos = charts.position_strip(d)
        return (f'<p class="nv-finding">{" ".join(lines)}</p>'
                + html_table(show[cols], caption="Directly quoted words by voice type", formats=fmt)
                + "".join(figure_html(f, "Share of directly quoted words by voice type") for f in figs)
                + figure_html(pos, "Where in the article each voice type speaks"))

    def first_last_table(self) -> pd.DataFrame:
        """Per article: speaker and voice type of the first and of the last quote
        (direct quotes and reported speech)."""
        cols = ["article_id", "first_speaker", "first_voice", "last_speaker", "last_voice"]
        am = self.article_measures()
        if am is not None and set(cols) <= set(am.columns):
            t = am[am["quotes"] > 0][cols] if "quotes" in am.columns else am[cols].dropna(subset=["first_voice"])
            t = t.copy()
            for c in ("first_voice", "last_voice"):
                t[c] = t[c].where(t[c].notna() & (t[c] != ""), "unattributed")
            return t.sort_values("article_id").reset_index(drop=True)
        d = self.quotes.sort_values(["article_id", "start"])
        rows = []
        for aid, g in d.groupby("article_id", sort=True):
            f, l = g.iloc[0], g.iloc[-1]
            rows.append({"article_id": aid, "first_speaker": f["speaker"], "first_voice": f["voice_type"],
                         "last_speaker": l["speaker"], "last_voice": l["voice_type"]})
        return pd.DataFrame(rows, columns=["article_id", "first_speaker", "first_voice", "last_speaker", "last_voice"])

    def first_last_html(self) -> str:
        """Who opens and who closes the quoting in each article, counted by voice type."""
        t = self.first_last_table()
        if t.empty:
            return note("No quotes, so nobody has the first or the last word.")
        counts = pd.DataFrame({
            "first word": t["first_voice"].value_counts(), "last word": t["last_voice"].value_counts()}).fillna(0).astype(int)
        counts = counts.rename_axis("voice_type").reset_index()
        counts["voice_type"] = counts["voice_type"].map(voice_label)
        counts = counts.sort_values(["first word", "last word", "voice_type"], ascending=[False, False, True])
        out = html_table(counts, caption=f"Articles in which each voice type has the first / last quote (of {len(t)})")
        if len(t) <= 12:
            show = t.copy()
            for c in ("first_voice", "last_voice"):
                show[c] = show[c].map(voice_label)
            out += html_table(show.fillna("unattributed"), caption="Per article")
        return out

    def silence_html(self) -> str:
        """People and organisations mentioned but never quoted, with mention counts."""
        from . import measures

        a = self.analysis
        try:  # newer measures: explicit non-responses ("declined to comment") and voice types
            s = measures.silence(a.mentions, a.quotes, articles=a.articles, speakers=a.speakers)
        except TypeError:
            s = measures.silence(a.mentions, a.quotes)
        if s.empty:
            return note("Everyone mentioned in these articles is also quoted (or no mentions were found).")
        s = s.assign(name=s["name"].fillna("(unnamed)"))
        agg = {"articles": ("article_id", "nunique"), "mentions": ("mentions", "sum")}
        if "non_response" in s.columns:
            agg["declined to comment"] = ("non_response", lambda x: int(x.notna().sum()))
        if "voice_type" in s.columns:
            agg["voice_type"] = ("voice_type", lambda x: voice_label(x.dropna().mode().iloc[0]) if x.notna().any() else "—")
        g = s.groupby("name", dropna=False).agg(**agg).reset_index()
        g = g.sort_values(["mentions", "articles", "name"], ascending=[False, False, True])
        return html_table(g.rename(columns={"name": "discussed but not quoted"}),
                          caption="Discussed but never quoted (most mentioned first)")

    def tone_html(self) -> str:
        """Mean tone of quotes per voice type (``sentiment`` column, -1..1) with 95% bootstrap CIs."""
        import numpy as np

        import matplotlib.pyplot as plt

        d = self.quotes
        if "sentiment" not in d.columns or d["sentiment"].notna().sum() == 0:
            return note("No tone scores in these tables.")
        d = d.dropna(subset=["sentiment"])
        rng = np.random.default_rng(0)
        rows = []
        for v, g in d.groupby("voice_type", sort=True):
            x = g["sentiment"].to_numpy(float)
            boots = rng.choice(x, size=(1000, len(x)), replace=True).mean(axis=1) if len(x) > 1 else np.array([x[0]])
            lo, hi = np.percentile(boots, [2.5, 97.5]) if len(x) > 1 else (float("nan"), float("nan"))
            rows.append({"voice_type": v, "quotes": len(x), "mean tone": x.mean(), "ci_low": lo, "ci_high": hi})
        t = pd.DataFrame(rows).sort_values(["mean tone", "voice_type"]).reset_index(drop=True)
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(t) + 1.4))
        y = range(len(t))
        err = [np.nan_to_num(t["mean tone"] - t["ci_low"]), np.nan_to_num(t["ci_high"] - t["mean tone"])]
        ax.barh(list(y), t["mean tone"], xerr=err, color=[_colour(v) for v in t["voice_type"]],
                edgecolor="black", linewidth=0.5, capsize=3)
        ax.set_yticks(list(y), [voice_label(v) for v in t["voice_type"]])
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlim(-1, 1)
        ax.set_xlabel("mean tone of quotes (-1 negative .. +1 positive; bars: 95% bootstrap CI)")
        ax.set_title("Tone by voice type")
        fig.tight_layout()
        show = t.assign(voice_type=t["voice_type"].map(voice_label))
        show["95% CI"] = [f"{lo:+.2f} to {hi:+.2f}" if lo == lo else "—" for lo, hi in zip(t["ci_low"], t["ci_high"])]
        return (html_table(show[["voice_type", "quotes", "mean tone", "95% CI"]], caption="Tone of quotes by voice type",
                           formats={"mean tone": lambda x: f"{x:+.2f}"})
                + figure_html(fig, "Mean tone of quotes by voice type"))

    def frames_html(self) -> str:
        """Share of quotes per voice type carrying each Policy Frames Codebook frame."""
        import matplotlib.pyplot as plt

        from . import frames

        q = self.quotes
        labels = list(q["frames"]) if "frames" in q.columns else frames.classify(list(q["text"].fillna("")))
        labels = [list(x) if isinstance(x, (list, tuple)) or hasattr(x, "tolist") else
                  ([s for s in str(x).split(";") if s] if isinstance(x, str) else []) for x in labels]
        long = pd.DataFrame([(v, f) for v, fs in zip(q["voice_type"], labels) for f in fs], columns=["voice_type", "frame"])
        if long.empty:
            return note("No frames were detected in these quotes (the frame lexicon found no cues).")
        n = q.groupby("voice_type").size()
        share = long.groupby(["voice_type", "frame"]).size().unstack(fill_value=0).div(n, axis=0).fillna(0)
        share = share.loc[sorted(share.index), sorted(share.columns)]
        fig, ax = plt.subplots(figsize=(min(max(6.0, 2 + 0.6 * share.shape[1]), 12), 0.45 * share.shape[0] + 2))
        im = ax.imshow(share.to_numpy(), cmap="Blues", vmin=0, vmax=max(0.01, float(share.to_numpy().max())), aspect="auto")
        ax.set_xticks(range(share.shape[1]), [c.replace("_", " ") for c in share.columns], rotation=40, ha="right")
        ax.set_yticks(range(share.shape[0]), [voice_label(v) for v in share.index])
        fig.colorbar(im, ax=ax, label="share of the voice's quotes")
        ax.set_title("Frames by voice type")
        fig.tight_layout()
        return figure_html(fig, "Share of each voice type's quotes carrying each frame")

    def methods_html(self, results_dir: str | Path = BENCHMARK_RESULTS_DIR) -> str:
        """How far to trust the numbers: measured accuracy from ``benchmarks/results/*.json``."""
        results = _load_benchmarks(Path(results_dir))
        rows = []
        shown_all = True
        for r in results:
            if "error" in r:
                rows.append({"benchmark": r["file"], "measure": "unreadable", "value": r["error"], "rerun": ""})
                continue
            data = r["data"] if isinstance(r["data"], dict) else {"value": r["data"]}
            name = str(data.get("benchmark") or Path(r["file"]).stem)
            cmd = data.get("command") or f"python benchmarks/{Path(r['file']).stem}.py"
            ds = ", ".join(str(data[k]) for k in ("dataset", "split") if data.get(k))
            if len(ds) > 240:  # a long history of samples belongs in the file, not on every row
                ds = ds[:240].rsplit(" ", 1)[0] + " … (see benchmarks/results/" + Path(r["file"]).name + ")"
            if isinstance(data.get("rows"), list) and data["rows"]:  # one record per figure: the richer form
                rows += _figure_rows([{"part": name, **x} for x in data["rows"] if isinstance(x, dict)], cmd)
                continue
            flat = [(k[len("metrics."):] if k.startswith("metrics.") else k, v) for k, v in _flatten_metrics(data)]
            heads = data.get("headline")
            if isinstance(heads, list) and heads:  # the benchmark's own choice of figures to show
                got = dict(flat)
                flat = [(k, got[k]) for k in heads if k in got]
                shown_all = False
            for k, v in flat:
                rows.append({"benchmark": name + (f" ({ds})" if ds else ""), "measure": k,
                             "value": f"{v:.3f}" if isinstance(v, float) else f"{v:,}", "rerun": cmd})
        rows += _validity_rows()
        scripts = sorted(p.name for p in (PROJ_ROOT / "benchmarks").glob("*.py")  # measurements, not builders
                         if not p.name.startswith(("_", "build_", "train_"))) if (PROJ_ROOT / "benchmarks").is_dir() else []
        if rows:
            table = html_table(pd.DataFrame(rows), caption="Measured accuracy, as last run (benchmarks/results/)", max_rows=60)
            if not shown_all:
                table += note("Headline figures only; every figure, with the development samples, is in "
                              "benchmarks/results/*.json.")
            glance = glance_table(results_dir)
            if len(glance):
                body = (html_table(glance, caption="At a glance: the headline figures, measured against people's "
                                                   "coding of real news (scores: 1 = always right)", max_rows=len(glance))
                        + f"<details><summary>Every stored figure ({len(rows)})</summary>{table}</details>")
            else:
                body = table
        else:
            body = note("No measured figures are stored with this copy of newsvoices (benchmarks/results/ is empty). "
                        "Run the benchmark scripts to produce them; until then, treat every figure in this report "
                        "as unvalidated.")
        how = "".join(f"<li><b>{esc(k)}</b>: {v}</li>" for k, v in method_notes())
        rerun = ("<p>Rerun the measurements: " + ", ".join(f"<code>python benchmarks/{esc(s)}</code>" for s in scripts)
                 + " (they need the shared gold data next to the checkout).</p>") if scripts else ""
        return f'<aside class="nv-methods"><h3>Methods and how far to trust these numbers</h3>{body}<ul>{how}</ul>{rerun}</aside>'

    def article_ids(self) -> list[str]:
        """The articles to annotate: most direct quotes first, then most voice types, then id."""
        q = self.quotes
        if q.empty:
            return list(self.analysis.articles["id"].head(1))
        g = q.groupby("article_id").agg(n=("text", "size"), v=("voice_type", "nunique")).reset_index()
        g = g.sort_values(["n", "v", "article_id"], ascending=[False, False, True])
        return list(g["article_id"].head(self.max_articles))

    def articles_html(self) -> str:
        """A few annotated articles: each quote highlighted in its voice type's colour."""
        a = self.analysis.articles.set_index("id")
        paras = self.analysis.paragraphs
        out = []
        for aid in self.article_ids():
            row = a.loc[aid]
            spans = paras[paras["article_id"] == aid].sort_values("paragraph")
            heads = spans["is_headline"].astype(bool).tolist()
            meta = " · ".join(str(x) for x in (row.get("outlet"), row.get("date")) if isinstance(x, str) and x)
            out.append(annotate_article(
                row["text"], self.analysis.quotes[self.analysis.quotes["article_id"] == aid],
                title=f"{aid}" + (f" — {meta}" if meta else ""),
                paragraphs=list(zip(spans["start"], spans["end"])) or None,
                headline_first=bool(heads and heads[0])))
        return "".join(out) or note("No articles to show.")
