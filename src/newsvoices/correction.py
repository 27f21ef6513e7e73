"""How far each voice type can be trusted, and shares corrected for the measured errors.

A voice-type share ("officials get 38% of quoted words") inherits the classifier's
errors. Content analysts check a random sample by hand; this module turns such a
hand-coded sample into

* :func:`type_scores`: per voice type, how often the tool's label is right
  (precision) and how much of a type the tool finds (recall), with counts;
* :func:`misclassification`: the share of each tool label that the coders put
  in each type (rows sum to 1), optionally weighted by quoted words;
* :func:`corrected_shares`: the share of quoted words per voice type after
  redistributing each tool label's words by that matrix (a ratio estimator,
  "calibrated classify and count"), with percentile intervals from a bootstrap
  that resamples both the corpus' articles and the coded items;
* :func:`corrected_contrast`: the difference in one type's share between two
  groups (outlets, ratings, years), as classified and corrected, with an
  interval that accounts for the coded sample being shared by both groups.

The coded sample must be a random sample of the same units the shares count
(speakers or quotes drawn uniformly); words then weight each coded item as the
shares do. Coded items the coders found to be no speech at all, or to belong to
nobody, are a category of their own (e.g. ``"(not a speaker)"``), so the
corrected shares say how much of the quoted text is not what the tool took it for.

Example:
    >>> import pandas as pd
    >>> coded = pd.DataFrame({"tool": ["official", "official", "public", "public"],
    ...                       "coder": ["official", "politician", "public", "public"]})
    >>> type_scores(coded["tool"], coded["coder"])[["voice_type", "tool_n", "precision", "recall"]].to_string(index=False)
    'voice_type  tool_n  precision  recall\\n  official       2        0.5     1.0\\npolitician       0        NaN     0.0\\n    public       2        1.0     1.0'
    >>> m = misclassification(coded["tool"], coded["coder"])
    >>> float(m.loc["official", "politician"])
    0.5
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

#: Label used for quoted words without a speaker or voice type.
UNATTRIBUTED = "unattributed"


def _labels(values: Sequence, name: str) -> pd.Series:
    s = pd.Series(list(values), dtype=object)
    if s.isna().any():
        s = s.where(s.notna(), UNATTRIBUTED)
    s = s.map(lambda v: str(v).strip())
    if (s == "").any():
        raise ValueError(f"{name}: empty label at position {int((s == '').to_numpy().argmax())}")
    return s.reset_index(drop=True)


def type_scores(tool: Sequence, coder: Sequence) -> pd.DataFrame:
    """Per voice type: precision and recall of the tool's labels against a coder's.

    Args:
        tool: the tool's voice type per coded item.
        coder: the coder's voice type per item (same order and length).

    Returns:
        One row per label seen on either side, sorted by name: ``voice_type``,
        ``tool_n`` (items the tool gave this label), ``coder_n`` (items the coder
        did), ``agree`` (both), ``precision`` (``agree / tool_n``, NaN when the tool
        never used the label), ``recall`` (``agree / coder_n``), ``f1``.

    Raises:
        ValueError: when the two sequences differ in length or a label is empty.
    """
    t, c = _labels(tool, "tool"), _labels(coder, "coder")
    if len(t) != len(c):
        raise ValueError(f"type_scores: {len(t)} tool labels but {len(c)} coder labels")
    rows = []
    for v in sorted(set(t) | set(c)):
        tn, cn = int((t == v).sum()), int((c == v).sum())
        ag = int(((t == v) & (c == v)).sum())
        p = ag / tn if tn else float("nan")
        r = ag / cn if cn else float("nan")
        f = 2 * p * r / (p + r) if tn and cn and (p + r) > 0 else (0.0 if tn and cn else float("nan"))
        rows.append({"voice_type": v, "tool_n": tn, "coder_n": cn, "agree": ag, "precision": p, "recall": r, "f1": f})
    return pd.DataFrame(rows, columns=["voice_type", "tool_n", "coder_n", "agree", "precision", "recall", "f1"])


def misclassification(tool: Sequence, coder: Sequence, weights: Sequence[float] | None = None) -> pd.DataFrame:
    """Share of each tool label that the coders put in each type.

    Args:
        tool: the tool's voice type per coded item.
        coder: the coder's voice type per item.
        weights: optional weight per item (e.g. its quoted words); items weigh 1
            otherwise. A tool label whose items all weigh 0 falls back to counts.

    Returns:
        A square-ish table: one row per tool label, one column per coder label
        (all labels on either side), each row summing to 1, plus a column ``n``
        (coded items with that tool label).
    """
    t, c = _labels(tool, "tool"), _labels(coder, "coder")
    if len(t) != len(c):
        raise ValueError(f"misclassification: {len(t)} tool labels but {len(c)} coder labels")
    w = np.ones(len(t)) if weights is None else np.asarray(list(weights), dtype=float)
    if len(w) != len(t):
        raise ValueError(f"misclassification: {len(w)} weights for {len(t)} items")
    if np.isnan(w).any() or (w < 0).any():
        raise ValueError("misclassification: weights must be non-negative numbers")
    labels = sorted(set(t) | set(c))
    out = []
    for p in sorted(set(t)):
        m = (t == p).to_numpy()
        ww = w[m] if w[m].sum() > 0 else np.ones(int(m.sum()))
        row = {v: float(ww[(c[m] == v).to_numpy()].sum() / ww.sum()) for v in labels}
        row["n"] = int(m.sum())
        out.append(row)
    return pd.DataFrame(out, index=pd.Index(sorted(set(t)), name="tool"), columns=labels + ["n"])


def _matrix(codes_t: np.ndarray, codes_c: np.ndarray, w: np.ndarray, n_tool: int, n_lab: int) -> np.ndarray:
    """Row-normalised word-weighted matrix; rows without any coded item are NaN."""
    M = np.zeros((n_tool, n_lab))
    np.add.at(M, (codes_t, codes_c), w)
    cnt = np.zeros((n_tool, n_lab))
    np.add.at(cnt, (codes_t, codes_c), 1.0)
    tot = M.sum(1, keepdims=True)
    ctot = cnt.sum(1, keepdims=True)
    # a label whose coded items all have zero weight falls back to counts
    M = np.where(tot > 0, M, cnt)
    tot = np.where(tot > 0, tot, ctot)
    with np.errstate(invalid="ignore", divide="ignore"):
        return M / tot


def _corrected(quotes, coded, by, kind, tool_col, coder_col, weight_col, n_boot, seed):
    """Per group: labels, key, point words per tool label, corrected words, replicate shares."""
    from .measures import _with_year

    by = [] if by is None else ([by] if isinstance(by, str) else list(by))
    quotes = _with_year(quotes, by)
    for col in ["article_id", "voice_type", "n_words", *by] + (["kind"] if kind else []):
        if col not in quotes.columns:
            raise ValueError(f"corrected_shares: quotes has no column {col!r}")
    for col in [tool_col, coder_col] + ([weight_col] if weight_col else []):
        if col not in coded.columns:
            raise ValueError(f"corrected_shares: coded sample has no column {col!r} (have {list(coded.columns)})")
    if coded.empty:
        raise ValueError("corrected_shares: the coded sample is empty")
    q = quotes if not kind else quotes[quotes["kind"] == kind]
    q = q.assign(voice_type=_labels(q["voice_type"], "voice_type").to_numpy())
    ct, cc = _labels(coded[tool_col], tool_col), _labels(coded[coder_col], coder_col)
    cw = np.ones(len(ct)) if not weight_col else pd.to_numeric(coded[weight_col], errors="coerce").fillna(0).to_numpy(float)
    tool_labels = sorted(set(q["voice_type"]) | set(ct))
    labels = sorted(set(tool_labels) | set(cc))
    ti = {v: i for i, v in enumerate(tool_labels)}
    li = {v: i for i, v in enumerate(labels)}
    codes_t = ct.map(ti).to_numpy()
    codes_c = cc.map(li).to_numpy()
    M0 = _matrix(codes_t, codes_c, cw, len(tool_labels), len(labels))
    uncoded = np.isnan(M0).any(1)
    ident = np.zeros((len(tool_labels), len(labels)))
    for v, i in ti.items():
        ident[i, li[v]] = 1.0
    M0 = np.where(uncoded[:, None], ident, M0)
    rng = np.random.default_rng(seed)
    # coded items resampled within each tool label; the same replicates serve every group
    groups_idx = [np.flatnonzero(codes_t == i) for i in range(len(tool_labels))]
    Ms = np.empty((n_boot, len(tool_labels), len(labels)))
    for b in range(n_boot):
        idx = np.concatenate([g[rng.integers(0, len(g), len(g))] for g in groups_idx if len(g)])
        Mb = _matrix(codes_t[idx], codes_c[idx], cw[idx], len(tool_labels), len(labels))
        Ms[b] = np.where(uncoded[:, None], ident, Mb)
    w = q.pivot_table(index="article_id", columns="voice_type", values="n_words", aggfunc="sum", fill_value=0)
    w = w.reindex(columns=tool_labels, fill_value=0)
    art = q.drop_duplicates("article_id").set_index("article_id")
    grouped = [((), w)] if not by else [
        (k if isinstance(k, tuple) else (k,), w.loc[g.index.unique()])
        for k, g in art.groupby(by, dropna=False, sort=True)]
    out = []
    for gi, (key, wg) in enumerate(grouped):
        mat = wg.to_numpy(dtype=float)
        n = len(mat)
        point = mat.sum(0)
        tot = point.sum()
        reps = None
        if n and tot > 0:
            grng = np.random.default_rng([seed, gi])
            draws = grng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float) @ mat
            reps = np.einsum("bt,btl->bl", draws, Ms)
            reps = reps / reps.sum(1, keepdims=True)
        out.append({"key": key, "n": n, "point": point, "tot": tot, "corr": point @ M0,
                    "uncoded": point[uncoded].sum() / tot if tot > 0 else np.nan, "reps": reps})
    return by, tool_labels, labels, ti, li, len(ct), out


def corrected_shares(quotes: pd.DataFrame, coded: pd.DataFrame, by: str | list[str] | None = None,
                     kind: str | None = "direct", tool_col: str = "tool", coder_col: str = "coder",
                     weight_col: str | None = "words", n_boot: int = 1000, level: float = 0.95,
                     seed: int = 0) -> pd.DataFrame:
    """Share of quoted words per voice type, corrected by a hand-coded random sample.

    Each tool label's words are spread over the coders' types in the proportions the
    coded sample shows for that label (weighted by ``weight_col`` when given, so that
    a coded item counts as much as the words it stands for). Labels the sample never
    coded keep their words as they are; ``uncoded_share`` says how many words that is.
    The interval resamples the group's articles (as :func:`newsvoices.measures.bootstrap_shares`)
    and, independently, the coded items within each tool label.

    Args:
        quotes: the quotes table (``article_id``, ``voice_type``, ``n_words``,
            ``kind`` and the ``by`` columns).
        coded: one row per coded item with the tool's label (``tool_col``), the coder's
            (``coder_col``) and, optionally, its words (``weight_col``).
        by: grouping column(s) of ``quotes`` (e.g. ``"bias_text"``, ``"outlet"``; ``"year"``
            is derived from ``date``); ``None`` pools all.
        kind: quote kind counted (``"direct"``; ``None`` for all).
        n_boot, level, seed: bootstrap replicates, interval coverage, fixed seed.

    Returns:
        Tidy table: the group columns, ``voice_type`` (every label on either side),
        ``share`` (as the tool classified it), ``corrected``, ``corrected_low``,
        ``corrected_high``, ``uncoded_share``, ``articles``, ``coded``, ``n_boot``.

    Raises:
        ValueError: naming a missing column or an empty coded sample.
    """
    by, tool_labels, labels, ti, li, n_coded, groups = _corrected(
        quotes, coded, by, kind, tool_col, coder_col, weight_col, n_boot, seed)
    alpha = (1 - level) / 2
    rows = []
    for g in groups:
        point, tot, corr, reps = g["point"], g["tot"], g["corr"], g["reps"]
        if reps is not None:
            lo, hi = np.quantile(reps, alpha, axis=0), np.quantile(reps, 1 - alpha, axis=0)
        else:
            lo = hi = np.full(len(labels), np.nan)
        for v, j in li.items():
            tj = ti.get(v)
            rows.append({**dict(zip(by, g["key"])), "voice_type": v,
                         "share": (point[tj] / tot if tj is not None else 0.0) if tot > 0 else np.nan,
                         "corrected": corr[j] / tot if tot > 0 else np.nan,
                         "corrected_low": lo[j], "corrected_high": hi[j], "uncoded_share": g["uncoded"],
                         "articles": g["n"], "coded": n_coded, "n_boot": n_boot})
    cols = by + ["voice_type", "share", "corrected", "corrected_low", "corrected_high", "uncoded_share",
                 "articles", "coded", "n_boot"]
    return pd.DataFrame(rows, columns=cols)


def corrected_contrast(quotes: pd.DataFrame, coded: pd.DataFrame, by: str, voice_type: str = "official",
                       kind: str | None = "direct", tool_col: str = "tool", coder_col: str = "coder",
                       weight_col: str | None = "words", n_boot: int = 1000, level: float = 0.95,
                       seed: int = 0) -> pd.DataFrame:
    """Difference in one voice type's share between every two groups, as classified and corrected.

    The comparison a study reports ("right-rated outlets give officials more of the quoted
    words than left-rated ones") with the classifier's measured errors taken into account.
    Both groups are corrected with the same coded sample, so its uncertainty is shared: the
    interval of the difference uses the same resampled matrices in both groups (and the
    groups' own resampled articles).

    Args:
        quotes, coded, kind, tool_col, coder_col, weight_col, n_boot, level, seed: as in
            :func:`corrected_shares`.
        by: the grouping column (e.g. ``"bias_text"``).
        voice_type: the type compared (default ``"official"``).

    Returns:
        One row per ordered pair of groups ``a`` < ``b`` (by name): ``a``, ``b``,
        ``voice_type``, ``difference`` (share in ``b`` minus share in ``a``, as classified),
        ``corrected``, ``corrected_low``, ``corrected_high``.
    """
    if not isinstance(by, str):
        raise ValueError("corrected_contrast: by must be one column name")
    _, _, _, ti, li, _, groups = _corrected(quotes, coded, by, kind, tool_col, coder_col, weight_col, n_boot, seed)
    if voice_type not in li:
        raise ValueError(f"corrected_contrast: no voice type {voice_type!r} in the quotes or the coded sample")
    j, tj = li[voice_type], ti.get(voice_type)
    alpha = (1 - level) / 2
    rows = []
    for x in range(len(groups)):
        for y in range(x + 1, len(groups)):
            ga, gb = groups[x], groups[y]
            if ga["reps"] is None or gb["reps"] is None:
                continue  # a group without quoted words has no share
            diff = (gb["point"][tj] / gb["tot"] - ga["point"][tj] / ga["tot"]) if tj is not None else 0.0
            d = gb["reps"][:, j] - ga["reps"][:, j]
            rows.append({"a": ga["key"][0], "b": gb["key"][0], "voice_type": voice_type, "difference": diff,
                         "corrected": gb["corr"][j] / gb["tot"] - ga["corr"][j] / ga["tot"],
                         "corrected_low": float(np.quantile(d, alpha)),
                         "corrected_high": float(np.quantile(d, 1 - alpha))})
    return pd.DataFrame(rows, columns=["a", "b", "voice_type", "difference", "corrected", "corrected_low", "corrected_high"])
