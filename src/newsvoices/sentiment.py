"""Tone of quotes: VADER (through NLTK) with the lexicon loaded offline.

The VADER lexicon ships inside the ``vaderSentiment`` wheel (MIT licence), so no
``nltk.download`` is needed.

Example:
    >>> s = score(["This is a wonderful, safe plan.", "An absurd disaster."])
    >>> s[0] > 0 > s[1]
    True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


def vader_lexicon_path() -> Path:
    """Path of ``vader_lexicon.txt`` inside the installed ``vaderSentiment`` package."""
    import vaderSentiment

    path = Path(vaderSentiment.__file__).resolve().parent / "vader_lexicon.txt"
    if not path.is_file():
        raise FileNotFoundError(f"VADER lexicon not found at {path}; reinstall vaderSentiment")
    return path


@lru_cache(maxsize=1)
def analyzer():
    """NLTK's ``SentimentIntensityAnalyzer`` built on the wheel's lexicon."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    class _OfflineVader(SentimentIntensityAnalyzer):
        # NLTK's constructor insists on nltk.data paths; build from the lexicon text instead.
        def __init__(self, lexicon_text: str):
            self.lexicon_file = lexicon_text.strip("\n")
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()

    return _OfflineVader(vader_lexicon_path().read_text(encoding="utf-8"))


def score(texts: list[str]) -> list[float]:
    """VADER compound score in [-1, 1] for each text."""
    sia = analyzer()
    return [float(sia.polarity_scores(t or "")["compound"]) for t in texts]
