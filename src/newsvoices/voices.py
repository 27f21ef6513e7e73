"""Voice types for speakers (placeholder until the editable codebook lands)."""

from __future__ import annotations

from .extract import Entity

VOICE_TYPES = [
    "official", "politician", "civil_servant", "commentator", "advocacy", "expert",
    "business", "legal", "public", "anonymous", "other",
]


def classify(entity: Entity) -> tuple[str, str]:
    """Return ``(voice_type, rule)`` for an entity."""
    return "other", "default"
