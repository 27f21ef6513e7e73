"""Matplotlib charts. Every function takes tables and returns a Figure."""

from __future__ import annotations

import html

import matplotlib

matplotlib.use("Agg") if matplotlib.get_backend().lower() == "agg" else None
import matplotlib.pyplot as plt
import pandas as pd

#: One colour per voice type (colour-blind safe where possible), used everywhere.
VOICE_COLOURS = {
    "official": "#0072B2", "politician": "#56B4E9", "civil_servant": "#009E73",
    "commentator": "#E69F00", "advocacy": "#D55E00", "expert": "#CC79A7", "business": "#8C564B",
    "legal": "#7F7F7F", "public": "#F0E442", "anonymous": "#999999", "other": "#C7C7C7",
    "unattributed": "#E5E5E5",
}


def colour(voice: str | None) -> str:
    return VOICE_COLOURS.get(voice or "unattributed", "#BBBBBB")


def voice_share_bar(space: pd.DataFrame, group: str = "article_id", title: str | None = None):
    """Stacked horizontal bars: share of quoted words by voice type per group;
    the official response is outlined."""
    pivot = space.pivot_table(index=group, columns="voice_type", values="share", aggfunc="sum", fill_value=0)
    order = [v for v in VOICE_COLOURS if v in pivot.columns] + [v for v in pivot.columns if v not in VOICE_COLOURS]
    pivot = pivot[order]
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(pivot) + 1.6))
    left = pd.Series(0.0, index=pivot.index)
    for v in order:
        ax.barh([str(i) for i in pivot.index], pivot[v], left=left, color=colour(v), label=v.replace("_", " "),
                edgecolor="black" if v == "official" else "white", linewidth=2 if v == "official" else 0.5)
        left += pivot[v]
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of directly quoted words")
    ax.set_title(title or "Who gets the quoted words (official response outlined)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=4, frameon=False)
    fig.tight_layout()
    return fig


def position_strip(quotes: pd.DataFrame, title: str | None = None):
    """Where in the article each voice type speaks (0 = top, 1 = end)."""
    q = quotes.assign(voice_type=quotes["voice_type"].fillna("unattributed"))
    voices = [v for v in VOICE_COLOURS if v in set(q["voice_type"])]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(voices) + 1.5))
    for i, v in enumerate(voices):
        x = q.loc[q["voice_type"] == v, "position"]
        ax.scatter(x, [i] * len(x), s=60, color=colour(v), edgecolor="black", linewidth=0.5, alpha=0.8)
    ax.set_yticks(range(len(voices)), [v.replace("_", " ") for v in voices])
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("position in the article (0 = first paragraph, 1 = end)")
    ax.set_title(title or "Where each voice speaks")
    fig.tight_layout()
    return fig


def highlight_article(text: str, quotes: pd.DataFrame) -> str:
    """HTML of an article with each quote highlighted in its voice type's colour and
    the speaker and voice type shown after it."""
    q = quotes.sort_values("start")
    parts, pos = [], 0
    for r in q.itertuples(index=False):
        if r.start < pos:
            continue
        parts.append(html.escape(text[pos:r.start]))
        who = r.speaker if isinstance(r.speaker, str) else "unattributed"
        voice = r.voice_type if isinstance(r.voice_type, str) else "unattributed"
        parts.append(
            f'<mark style="background:{colour(voice)}55;border-bottom:3px solid {colour(voice)}" '
            f'title="{html.escape(who)} ({voice})">{html.escape(text[r.start:r.end])}</mark>'
            f'<sup style="color:{colour(voice)};font-weight:bold"> [{html.escape(who)} · {voice}]</sup>'
        )
        pos = r.end
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\r\n", "\n").replace("\n", "<br>")
    legend = " ".join(
        f'<span style="background:{c}55;border-bottom:3px solid {c};padding:0 4px">{v.replace("_", " ")}</span>'
        for v, c in VOICE_COLOURS.items() if v in set(q["voice_type"].fillna("unattributed"))
    )
    return f'<div style="font-family:Georgia,serif;line-height:1.5">{legend}<hr>{body}</div>'
