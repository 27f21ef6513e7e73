"""Shared fixtures. Tests that need ../shared skip with a clear message when it is absent."""

from __future__ import annotations

import pytest

from newsvoices.config import SEEDS_DIR, SHARED_DIR

SEED_FILE = SEEDS_DIR / "000_f057ad0ddaa2ef46.txt"


def shared_path(*parts: str):
    """Path under ../shared, or skip the test saying what is missing."""
    p = SHARED_DIR.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (the shared corpora/gold data live next to the checkout)")
    return p


@pytest.fixture(scope="session")
def seed_result():
    import newsvoices

    return newsvoices.analyze(newsvoices.load_corpus(SEED_FILE))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_FILE.read_text(encoding="utf-8")
