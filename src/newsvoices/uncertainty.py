"""Bootstrap confidence intervals for group means (tone per voice type, speaker, outlet).

Quotes from one article are not independent (same journalist, same story), so the
resampling unit is the article: each bootstrap replicate draws articles with
replacement and recomputes every group's quote-weighted mean from the quotes of
the drawn articles. Fixed seed: same table in, same intervals out.

Example:
    >>> import pandas as pd
    >>> q = pd.DataFrame({"article_id": ["a", "a", "b", "c"], "voice_type": ["official", "advocacy", "official", "advocacy"],
    ...                   "sentiment": [0.5, -0.2, 0.3, -0.4]})
    >>> t = bootstrap_means(q, "sentiment", "voice_type", n_boot=200)
    >>> list(t.columns)
    ['voice_type', 'n_quotes', 'n_articles', 'mean', 'ci_low', 'ci_high']
    >>> bool((t["ci_low"] <= t["mean"]).all() and (t["mean"] <= t["ci_high"]).all())
    True
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def bootstrap_means(df: pd.DataFrame, value: str, group: str | list[str], cluster: str = "article_id",
                    n_boot: int = 2000, level: float = 0.95, seed: int = 20140601) -> pd.DataFrame:
    """Mean of ``value`` per group with a cluster (article) bootstrap percentile interval.

    Args:
        df: tidy table, one row per observation (e.g. the quotes table).
        value: numeric column to average (e.g. ``"sentiment"``).
        group: column(s) defining the groups (e.g. ``"voice_type"``).
        cluster: resampling unit; rows sharing it are drawn together.
        n_boot: bootstrap replicates.
        level: coverage of the interval.
        seed: random seed (results are deterministic).

    Returns:
        One row per group: ``n_quotes``, ``n_articles``, ``mean``, ``ci_low``, ``ci_high``
        (NaN bounds for a group seen in a single article: no spread to estimate).
    """
    groups = [group] if isinstance(group, str) else list(group)
    for c in [value, cluster, *groups]:
        if c not in df.columns:
            raise ValueError(f"bootstrap_means: column {c!r} not in table (have {list(df.columns)})")
    d = df[[cluster, *groups, value]].dropna(subset=[value]).copy()
    for g in groups:
        d[g] = d[g].fillna("unattributed")
    cols = [*groups, "n_quotes", "n_articles", "mean", "ci_low", "ci_high"]
    if d.empty:
        return pd.DataFrame(columns=cols)
    d["_g"] = list(zip(*[d[g] for g in groups]))
    keys = sorted(set(d["_g"]), key=lambda k: tuple(map(str, k)))
    clusters = sorted(set(d[cluster].astype(str)))
    ci = {c: i for i, c in enumerate(clusters)}
    gi = {k: i for i, k in enumerate(keys)}
    # per (cluster, group): sum and count -> replicate means are weighted sums of draw counts
    d["_c"] = d[cluster].astype(str).map(ci)
    d["_k"] = d["_g"].map(gi)
    S = np.zeros((len(clusters), len(keys)))
    N = np.zeros((len(clusters), len(keys)))
    np.add.at(S, (d["_c"].to_numpy(), d["_k"].to_numpy()), d[value].to_numpy(dtype=float))
    np.add.at(N, (d["_c"].to_numpy(), d["_k"].to_numpy()), 1.0)
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(len(clusters), np.full(len(clusters), 1.0 / len(clusters)), size=n_boot)
    with np.errstate(invalid="ignore", divide="ignore"):
        boot = (draws @ S) / (draws @ N)
    alpha = (1 - level) / 2
    rows = []
    for k, j in gi.items():
        n_art = int((N[:, j] > 0).sum())
        b = boot[:, j][~np.isnan(boot[:, j])]
        lo, hi = (np.quantile(b, [alpha, 1 - alpha]) if n_art > 1 and len(b) else (np.nan, np.nan))
        rows.append([*k, int(N[:, j].sum()), n_art, float(S[:, j].sum() / N[:, j].sum()), float(lo), float(hi)])
    return pd.DataFrame(rows, columns=cols).sort_values("mean", kind="mergesort").reset_index(drop=True)
