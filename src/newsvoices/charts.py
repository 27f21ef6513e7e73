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
    "legal": "#7F7F7F", "public": "#F0E442", "sport_culture": "#117733", "anonymous": "#999999", "other": "#C7C7C7",
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


#: ``boxplot`` keyword for horizontal boxes (``vert`` is deprecated from Matplotlib 3.10).
_HORIZONTAL = ({"orientation": "horizontal"} if tuple(int(x) for x in matplotlib.__version__.split(".")[:2]) >= (3, 10)
               else {"vert": False})


def _voice_order(voices) -> list[str]:
    present = set(voices)
    return [v for v in VOICE_COLOURS if v in present] + sorted(v for v in present if v not in VOICE_COLOURS)


def voice_share_groups(shares: pd.DataFrame, group: str, title: str | None = None):
    """Stacked share of quoted words by voice type per group (e.g. left/center/right),
    with the bootstrap interval of the official share drawn on the official segment.

    Args:
        shares: output of :func:`newsvoices.measures.bootstrap_shares` (``group``,
            ``voice_type``, ``share``, ``ci_low``, ``ci_high``, ``articles``) or of
            ``voice_space`` (no intervals).
        group: the group column.
    """
    s = shares.dropna(subset=["share"])
    pivot = s.pivot_table(index=group, columns="voice_type", values="share", aggfunc="sum", fill_value=0)
    order = _voice_order(pivot.columns)
    pivot = pivot[order]
    labels = [str(i) for i in pivot.index]
    if "articles" in s.columns:
        n = s.groupby(group)["articles"].first()
        labels = [f"{i} (n={int(n.get(i, 0))})" for i in pivot.index]
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(pivot) + 2.0))
    left = pd.Series(0.0, index=pivot.index)
    for v in order:
        ax.barh(labels, pivot[v], left=left, color=colour(v), label=v.replace("_", " "),
                edgecolor="black" if v == "official" else "white", linewidth=1.5 if v == "official" else 0.5)
        left += pivot[v]
    if {"ci_low", "ci_high"} <= set(s.columns) and "official" in pivot.columns:
        off = s[s["voice_type"] == "official"].set_index(group).reindex(pivot.index)
        ax.errorbar(off["share"], labels, xerr=[off["share"] - off["ci_low"], off["ci_high"] - off["share"]],
                    fmt="none", ecolor="black", capsize=4, linewidth=1.2, label="official share 95% CI")
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of directly quoted words")
    ax.set_title(title or f"Who gets the quoted words, by {group} (official first, outlined)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def official_share_distribution(measures: pd.DataFrame, group: str | None = None, title: str | None = None):
    """Distribution of the official response's share of quoted words per article
    (articles with quoted words), one box and jittered points per group."""
    m = measures[measures["quoted_words"] > 0]
    groups = [("all", m)] if group is None else [(str(k), g) for k, g in m.groupby(group, dropna=False, sort=True)]
    fig, ax = plt.subplots(figsize=(9, 0.7 * len(groups) + 2.0))
    data = [g["official_share"].to_numpy() for _, g in groups]
    ax.boxplot(data, **_HORIZONTAL, widths=0.5, showfliers=False, medianprops={"color": "black"})
    for i, (name, g) in enumerate(groups, 1):
        x = g["official_share"].to_numpy()
        jitter = (pd.util.hash_array(g["article_id"].astype(str).to_numpy()) % 1000) / 1000 - 0.5
        ax.scatter(x, i + 0.35 * jitter, s=10, alpha=0.35, color=colour("official"), linewidth=0)
        ax.text(1.02, i, f"none: {(x == 0).mean():.0%}", va="center", fontsize=8, transform=ax.get_yaxis_transform())
    ax.set_yticks(range(1, len(groups) + 1), [f"{n} (n={len(g)})" for n, g in groups])
    ax.set_xlim(-0.02, 1.0)
    ax.set_xlabel("official share of directly quoted words in the article")
    ax.set_title(title or "How much of each article's quoted words go to the official response")
    fig.tight_layout()
    return fig


def first_position_strip(positions: pd.DataFrame, title: str | None = None, max_points: int = 4000):
    """Where each voice first speaks (0 = top, towards 1 = end), one row per voice type,
    with the median marked.

    Args:
        positions: output of :func:`newsvoices.measures.voice_positions`.
        max_points: at most this many points per voice type are drawn (deterministic sample).
    """
    p = positions.assign(voice_type=positions["voice_type"].fillna("unattributed"))
    voices = _voice_order(p["voice_type"])
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(voices) + 1.6))
    for i, v in enumerate(voices):
        x = p.loc[p["voice_type"] == v]
        if len(x) > max_points:
            x = x.sample(max_points, random_state=0)
        jitter = (pd.util.hash_array((x["article_id"].astype(str) + x["speaker_id"].astype(str)).to_numpy()) % 1000) / 1000 - 0.5
        ax.scatter(x["first_position"], i + 0.5 * jitter, s=14, color=colour(v), alpha=0.5, linewidth=0)
        med = x["first_position"].median()
        ax.plot([med, med], [i - 0.35, i + 0.35], color="black", linewidth=2)
    ax.set_yticks(range(len(voices)), [f"{v.replace('_', ' ')} (n={int((p['voice_type'] == v).sum())})" for v in voices])
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("where the voice first speaks (0 = first paragraph, 1 = end); bar = median")
    ax.set_title(title or "Where in the article each voice first speaks")
    fig.tight_layout()
    return fig


def top_speakers(space: pd.DataFrame, n: int = 15, title: str | None = None):
    """Horizontal bars of the speakers with most quoted words, coloured by voice type.

    Args:
        space: output of :func:`newsvoices.measures.speaker_space` with ``by=[]``.
    """
    s = space.sort_values(["words", "speaker_id"], ascending=[False, True]).head(n).iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(s) + 1.4))
    labels = [f"{sp} ({v.replace('_', ' ') if isinstance(v, str) else '?'})" for sp, v in zip(s["speaker"], s["voice_type"])]
    ax.barh(labels, s["words"], color=[colour(v) for v in s["voice_type"]], edgecolor="black", linewidth=0.3)
    if "articles" in s.columns:
        for y, (w, a) in enumerate(zip(s["words"], s["articles"])):
            ax.text(w, y, f"  {int(a)} art.", va="center", fontsize=7)
    ax.set_xlabel("directly quoted words")
    ax.set_title(title or f"Top {len(s)} speakers by quoted words")
    fig.tight_layout()
    return fig


def silence_chart(summary: pd.DataFrame, title: str | None = None):
    """Actors most often discussed but never quoted (from ``measures.silence_summary``),
    with explicit non-responses hatched."""
    s = summary.iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(s) + 1.4))
    ax.barh(s["name"].astype(str), s["articles"], color="#BBBBBB", label="discussed, not quoted")
    ax.barh(s["name"].astype(str), s["non_responses"], color="#555555", hatch="//", label="explicit non-response")
    ax.set_xlabel("articles")
    ax.legend(frameon=False, fontsize=8)
    ax.set_title(title or "Discussed but never quoted")
    fig.tight_layout()
    return fig


def silence_html(silence: pd.DataFrame, max_rows: int = 50) -> str:
    """The silence table as HTML: actor, mentions, mentions inside quotes, non-response."""
    cols = [c for c in ["article_id", "name", "voice_type", "mentions", "mentions_in_quotes", "non_response"] if c in silence.columns]
    t = silence[cols].head(max_rows).fillna("")
    return t.to_html(index=False, escape=True, border=0, classes="silence")
