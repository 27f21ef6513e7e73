"""Measured validity figures, written by the benchmark scripts and shown in the reports.

``benchmarks/sentiment.py`` and ``benchmarks/frames.py`` write their numbers to
``data/validity/<name>.csv`` (one figure per line); notebooks read them back with
:func:`table` and show :func:`trust_box`, so no figure is typed by hand twice.

Example:
    >>> t = table()
    >>> list(t.columns)
    ['part', 'gold', 'method', 'protocol', 'measure', 'value', 'n', 'rerun']
"""

from __future__ import annotations

import csv
import html
from pathlib import Path

import pandas as pd

from .config import DATA_DIR

COLUMNS = ["part", "gold", "method", "protocol", "measure", "value", "n", "rerun"]
PARTS = ("sentiment", "frames")


def path(part: str) -> Path:
    """Where the figures of one part (``sentiment`` or ``frames``) live."""
    if part not in PARTS:
        raise ValueError(f"unknown validity part {part!r}; expected one of {PARTS}")
    return DATA_DIR / "validity" / f"{part}.csv"


def write(part: str, rows: list[dict], rerun: str) -> Path:
    """Write benchmark figures (dicts with gold, method, protocol, measure, value, n)."""
    p = path(part)
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({**{c: r.get(c, "") for c in COLUMNS}, "part": part, "rerun": rerun})
    return p


def table(parts: tuple[str, ...] = PARTS) -> pd.DataFrame:
    """All recorded figures (empty table if no benchmark has been run)."""
    frames = [pd.read_csv(path(p)) for p in parts if path(p).is_file()]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(frames, ignore_index=True)[COLUMNS]


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
