"""Policy Frames Codebook frames per text (placeholder until the frames lexicon lands)."""

from __future__ import annotations


def classify(texts: list[str]) -> list[list[str]]:
    """Frames of each text (none yet)."""
    return [[] for _ in texts]
