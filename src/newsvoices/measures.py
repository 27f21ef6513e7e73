"""Space each voice gets: quoted words, quotes, position, against the official response.

All functions take the tidy tables of an :class:`~newsvoices.pipeline.Analysis`
and return tidy tables.
"""

from __future__ import annotations

import pandas as pd

OFFICIAL = "official"


def voice_space(quotes: pd.DataFrame, by: list[str] | None = None, kind: str | None = "direct") -> pd.DataFrame:
    """Quotes, quoted words and share of quoted words per voice type.

    Args:
        quotes: the quotes table.
        by: grouping columns besides ``voice_type`` (default ``["article_id"]``).
        kind: only count quotes of this kind (``"direct"``); ``None`` counts all.
    """
    by = ["article_id"] if by is None else list(by)
    q = quotes if kind is None else quotes[quotes["kind"] == kind]
    q = q.assign(voice_type=q["voice_type"].fillna("unattributed"))
    g = q.groupby(by + ["voice_type"], dropna=False).agg(
        quotes=("text", "size"), words=("n_words", "sum"), speakers=("speaker_id", "nunique"),
        first_position=("position", "min"),
    ).reset_index()
    total = g.groupby(by, dropna=False)["words"].transform("sum") if by else g["words"].sum()
    g["share"] = g["words"] / total.where(total > 0)
    return g


def official_response(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per article: whether the official response is quoted, its share of directly
    quoted words and quotes, and where it first speaks (0-1)."""
    q = quotes[quotes["kind"] == "direct"]
    rows = []
    for aid in articles["id"]:
        a = q[q["article_id"] == aid]
        off = a[a["voice_type"] == OFFICIAL]
        words = a["n_words"].sum()
        rows.append({
            "article_id": aid, "has_official": len(off) > 0, "official_quotes": len(off),
            "quotes": len(a), "official_words": int(off["n_words"].sum()), "words": int(words),
            "official_share": (off["n_words"].sum() / words) if words else float("nan"),
            "official_first_position": off["position"].min() if len(off) else float("nan"),
        })
    return pd.DataFrame(rows)


def silence(mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Actors discussed but never quoted, per article, with mention counts."""
    quoted = set(zip(quotes["article_id"], quotes["speaker_id"]))
    m = mentions.dropna(subset=["entity_id"])
    g = m.groupby(["article_id", "entity_id", "name"], dropna=False).agg(
        mentions=("start", "size"), first_mention=("start", "min")).reset_index()
    keep = pd.Series([(a, e) not in quoted for a, e in zip(g["article_id"], g["entity_id"])], index=g.index, dtype=bool)
    return g.loc[keep].sort_values(["article_id", "mentions", "first_mention"], ascending=[True, False, True]).reset_index(drop=True)
