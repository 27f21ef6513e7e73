"""Shared helpers for the benchmark scripts: locate the gold data, skip cleanly when absent."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from newsvoices.config import SHARED_DIR  # noqa: E402

NYT = SHARED_DIR / "eval" / "sentiment" / "vader_nyt_editorial_snippets.csv"
NEWSMTSC = SHARED_DIR / "eval" / "sentiment" / "newsmtsc_targets.csv"
SEMEVAL = SHARED_DIR / "eval" / "framing" / "semeval2023_task3_st2_en.jsonl"
CROSSWALK = SHARED_DIR / "eval" / "framing" / "policy_frames_crosswalk.csv"


def require(*paths: Path) -> bool:
    """True if every path exists; otherwise print what is missing (the caller exits 0)."""
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"skipped: {p} is absent (the shared gold data live next to the checkout)")
    return not missing


def newsmtsc_group(primary_gid: str) -> str:
    """Article key of a NewsMTSC row (``source_article_topic``), for grouped cross-validation."""
    return "_".join(primary_gid.split("_")[:3])
