"""Build the seed reports once per test session (executing notebooks costs ~5 s each);
test_report.py and test_browser.py share them."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from newsvoices.config import SEEDS_DIR

# A small invented corpus (written for these tests; no shared text) with outlets and dates.
_ARTICLES = [
    ("t1", "Daily Example", "2024-01-10", "Council approves new bridge",
     ['The council approved the new river bridge on Tuesday after a long debate.',
      '"This bridge will connect two neighbourhoods that have been apart for too long," said Maria Lopez.',
      'Residents were divided. "Nobody asked us what we wanted," said Tom Baker.',
      'Kevin Marsh, who chairs the residents association, was mentioned in the debate but did not speak.']),
    ("t2", "Daily Example", "2024-02-02", "Bus fares to rise in spring",
     ['Bus fares will rise by ten pence from April, the transport authority announced.',
      '"We have held fares for three years and costs have gone up," said Priya Shah.',
      '"It is the poorest who will pay," said Ann Cole.']),
    ("t3", "Weekly Sample", "2024-03-15", "Library hours cut",
     ['The central library will close on Mondays from next month.',
      '"We had to make hard choices," said Omar Reed.']),
]


def write_invented_corpus(path: Path) -> Path:
    """Write the invented three-article JSONL corpus to ``path``."""
    with open(path, "w", encoding="utf-8") as f:
        for aid, outlet, date, title, paras in _ARTICLES:
            rec = {"id": aid, "title": title, "outlet": outlet, "date": date, "text": "\n".join(paras)}
            f.write(json.dumps(rec) + "\n")
    return path


@lru_cache(maxsize=1)
def seed_reports() -> Path:
    """``build_reports(seeds)`` into a temporary folder, once per session."""
    from newsvoices.report import build_reports

    out = Path(tempfile.mkdtemp(prefix="nv-reports-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    build_reports(SEEDS_DIR, out, progress=False)
    return out
