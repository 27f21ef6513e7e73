"""Measured validity figures, written by the benchmark scripts and shown in the reports.

``benchmarks/sentiment.py`` and ``benchmarks/frames.py`` write their numbers to
``benchmarks/results/<part>.json`` (the folder whose figures the report's methods
box lists; ``rows`` holds one record per figure, ``metrics`` the same numbers
nested); notebooks read them back with :func:`table` and show :func:`trust_box`,
so no figure is typed by hand twice.

Example:
    >>> t = table()
    >>> list(t.columns)
    ['part', 'gold', 'method', 'protocol', 'measure', 'value', 'n', 'rerun']
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd

from .config import PROJ_ROOT

RESULTS_DIR = PROJ_ROOT / "benchmarks" / "results"

COLUMNS = ["part", "gold", "method", "protocol", "measure", "value", "n", "rerun"]
PARTS = ("sentiment", "frames")


def path(part: str) -> Path:
    """Where the figures of one part (``sentiment`` or ``frames``) live."""
    if part not in PARTS:
        raise ValueError(f"unknown validity part {part!r}; expected one of {PARTS}")
    return RESULTS_DIR / f"{part}.json"


def write(part: str, rows: list[dict], rerun: str) -> Path:
    """Write benchmark figures (dicts with gold, method, protocol, measure, value, n)."""
    p = path(part)
    p.parent.mkdir(parents=True, exist_ok=True)
    recs = [{**{c: r.get(c, "") for c in COLUMNS}, "part": part, "rerun": rerun} for r in rows]
    metrics: dict = {}
    for r in recs:
        metrics.setdefault(r["method"], {})[r["measure"]] = r["value"]
    doc = {"benchmark": part, "command": rerun, "dataset": "; ".join(sorted({r["gold"] for r in recs})),
           "metrics": metrics, "rows": recs}
    p.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return p


def table(parts: tuple[str, ...] = PARTS) -> pd.DataFrame:
    """All recorded figures (empty table if no benchmark has been run)."""
    recs = []
    for p in parts:
        if path(p).is_file():
            try:
                recs += json.loads(path(p).read_text(encoding="utf-8")).get("rows", [])
            except ValueError as exc:
                raise ValueError(f"{path(p)}: not valid JSON ({exc}); rerun the benchmark") from exc
    return pd.DataFrame(recs, columns=COLUMNS)


def trust_box(parts: tuple[str, ...] = PARTS) -> str:
    """HTML box "How far to trust these numbers" with the measured figures and rerun commands."""
    t = table(parts)
    rows = "".join(
        f"<tr><td>{html.escape(str(r.gold))}</td><td>{html.escape(str(r.method))}</td>"
        f"<td>{html.escape(str(r.protocol))}</td><td>{html.escape(str(r.measure))}</td>"
        f"<td style='text-align:right'><b>{float(r.value):.2f}</b></td><td style='text-align:right'>{r.n}</td></tr>"
        for r in t.itertuples()
    )
    reruns = sorted(set(t["rerun"])) if len(t) else [f"python benchmarks/{p}.py" for p in parts]
    cmds = " and ".join(f"<code>{html.escape(c)}</code>" for c in reruns)
    return (
        "<div style='border:2px solid #E69F00;padding:0.6em 1em;margin:0.5em 0;border-radius:6px'>"
        "<b>How far to trust these numbers.</b> Automatic tone and frame labels agree with human coders only "
        "partly; compare groups, not single quotes, and read the confidence intervals. Agreement with "
        "independent human gold data, as last measured:"
        "<table style='font-size:90%'><tr><th>gold data</th><th>method</th><th>protocol</th><th>measure</th>"
        f"<th>value</th><th>n</th></tr>{rows}</table>"
        f"Rerun with {cmds} (needs the shared gold data next to the checkout).</div>"
    )
