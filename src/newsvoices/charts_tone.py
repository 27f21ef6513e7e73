"""Charts for tone and frames per voice. Every function takes tidy tables and returns a Figure.

Example:
    >>> import pandas as pd
    >>> ci = pd.DataFrame({"voice_type": ["official", "advocacy"], "n_quotes": [2, 6], "n_articles": [1, 1],
    ...                    "mean": [0.4, -0.3], "ci_low": [float("nan")] * 2, "ci_high": [float("nan")] * 2})
    >>> fig = tone_by_voice(ci)
    >>> len(fig.axes)
    1
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg") if matplotlib.get_backend().lower() == "agg" else None
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .charts import colour
from .frames import FRAMES


def tone_by_voice(ci: pd.DataFrame, group: str = "voice_type", title: str | None = None):
    """Mean tone per voice type with its bootstrap interval (from ``uncertainty.bootstrap_means``).

    The official response is drawn with a black outline; groups seen in a single
    article have no interval (drawn as a point only, labelled "1 article").
    """
    d = ci.sort_values("mean", kind="mergesort").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.55 * max(len(d), 1) + 1.6))
    for i, r in d.iterrows():
        v = r[group]
        if np.isfinite(r["ci_low"]) and np.isfinite(r["ci_high"]):
            ax.plot([r["ci_low"], r["ci_high"]], [i, i], color=colour(v), linewidth=3, solid_capstyle="round")
        ax.scatter([r["mean"]], [i], s=90, color=colour(v), zorder=3,
                   edgecolor="black", linewidth=2 if v == "official" else 0.5)
        note = f"n={int(r['n_quotes'])} quotes, {int(r['n_articles'])} article" + ("s" if r["n_articles"] != 1 else "")
        ax.annotate(note, (1.02, i), xycoords=("axes fraction", "data"), va="center", fontsize=8, color="#555555")
    ax.axvspan(-0.05, 0.05, color="#EEEEEE", zorder=0, label="neutral band (±0.05)")
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.set_yticks(range(len(d)), [str(v).replace("_", " ") for v in d[group]])
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean tone of quotes (-1 negative … +1 positive), 95% CI over articles")
    ax.set_title(title or "Tone by voice type (official response outlined)")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def tone_strip(quotes: pd.DataFrame, title: str | None = None):
    """Every quote's tone, one row per article: the official response beside its critics."""
    q = quotes.assign(voice_type=quotes["voice_type"].fillna("unattributed"))
    arts = sorted(q["article_id"].astype(str).unique())
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(arts) + 2.6))
    seen = set()
    for i, a in enumerate(arts):
        qa = q[q["article_id"].astype(str) == a]
        for v, g in qa.groupby("voice_type", sort=True):
            off = v == "official"
            ax.scatter(g["sentiment"], [i] * len(g), s=30 + 4 * g["n_words"].clip(upper=60), color=colour(v), alpha=0.85,
                       edgecolor="black", linewidth=2 if off else 0.5, label=None if v in seen else v.replace("_", " "),
                       zorder=4 if off else 3)
            seen.add(v)
    ax.axvspan(-0.05, 0.05, color="#EEEEEE", zorder=0)
    ax.set_yticks(range(len(arts)), arts)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("tone of each quote (dot size: words)")
    ax.set_title(title or "The official response beside its critics")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=5, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def frame_profile(quotes: pd.DataFrame, group: str = "voice_type") -> pd.DataFrame:
    """Share of each group's quotes that carry each frame (tidy: group, frame, n_quotes, n_framed, share)."""
    q = quotes.assign(**{group: quotes[group].fillna("unattributed")})
    rows = []
    for g, d in q.groupby(group, sort=True):
        sets = [set(str(s).split(";")) - {""} if isinstance(s, str) else set() for s in d["frames"]]
        for f in FRAMES:
            k = sum(f in s for s in sets)
            rows.append({group: g, "frame": f, "n_quotes": len(sets), "n_framed": k, "share": k / len(sets) if sets else 0.0})
    return pd.DataFrame(rows, columns=[group, "frame", "n_quotes", "n_framed", "share"])


def frame_heatmap(profile: pd.DataFrame, group: str = "voice_type", title: str | None = None):
    """Heatmap of :func:`frame_profile`: rows are groups, columns the 14 frames, cells the share of quotes."""
    pv = profile.pivot_table(index=group, columns="frame", values="share", aggfunc="sum", fill_value=0.0)
    pv = pv.reindex(columns=[f for f in FRAMES if f in pv.columns])
    n = profile.groupby(group)["n_quotes"].first()
    fig, ax = plt.subplots(figsize=(11, 0.5 * max(len(pv), 1) + 2.8))
    im = ax.imshow(pv.to_numpy(), cmap="Blues", vmin=0, vmax=max(0.5, float(pv.to_numpy().max()) if pv.size else 1))
    ax.set_xticks(range(len(pv.columns)), [c.replace("_", " ").replace(" Constitutionality and jurisprudence", "")
                                           for c in pv.columns], rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(pv.index)), [f"{str(g).replace('_', ' ')} (n={int(n[g])})" for g in pv.index])
    for i in range(pv.shape[0]):
        for j in range(pv.shape[1]):
            val = pv.iat[i, j]
            if val > 0:
                ax.text(j, i, f"{val:.0%}", ha="center", va="center", fontsize=7,
                        color="white" if val > 0.35 else "black")
    fig.colorbar(im, ax=ax, fraction=0.03, label="share of the group's quotes")
    ax.set_title(title or "Frames per voice type (share of quotes carrying each frame)")
    fig.tight_layout()
    return fig
