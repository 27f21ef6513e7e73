"""Space each voice gets: quoted words, quotes, position, against the official response.

All functions take the tidy tables of an :class:`~newsvoices.pipeline.Analysis`
(``quotes``, ``articles``, ``mentions``, ``speakers``) and return tidy tables.

* :func:`article_measures` - one row per article: quotes, quoted words, distinct
  voices, first and last word, official response (exists, share, first position).
* :func:`voice_space` / :func:`speaker_space` - quotes, words and share of quoted
  words per voice type / per speaker, per article or any group (``outlet``,
  ``year``, ``bias_text`` ...).
* :func:`voice_positions` - where in the article each voice first speaks (0-1).
* :func:`group_summary` - the article measures aggregated per group.
* :func:`bootstrap_shares`, :func:`bootstrap_official` - corpus-level shares
  with percentile bootstrap confidence intervals over articles (fixed seed).
* :func:`non_responses`, :func:`silence` - who is discussed but never quoted,
  and explicit non-responses ("declined to comment"), phrases from
  ``data/lexicons/non_response.txt``.

Shares are of *directly quoted words* unless ``kind`` says otherwise: a direct
quote is the speaker's own words, so its length is the space the speaker got.

Example:
    >>> import pandas as pd
    >>> q = pd.DataFrame({"article_id": ["a", "a"], "kind": ["direct", "direct"], "text": ["x", "y"],
    ...                   "n_words": [30, 10], "voice_type": ["advocacy", "official"],
    ...                   "speaker_id": ["s1", "s2"], "speaker": ["S1", "S2"], "position": [0.1, 0.9],
    ...                   "start": [10, 90]})
    >>> voice_space(q)[["voice_type", "share"]].to_dict("records")
    [{'voice_type': 'advocacy', 'share': 0.75}, {'voice_type': 'official', 'share': 0.25}]
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .config import DATA_DIR

OFFICIAL = "official"
UNATTRIBUTED = "unattributed"
NON_RESPONSE_PATH = DATA_DIR / "lexicons" / "non_response.txt"
_SENT_END = re.compile(r"[.!?](?:[\"”’']*)\s+(?=[\"“‘']?[A-Z0-9])")


def _filter(quotes: pd.DataFrame, kind: str | None) -> pd.DataFrame:
    q = quotes if kind is None else quotes[quotes["kind"] == kind]
    return q.assign(voice_type=q["voice_type"].fillna(UNATTRIBUTED))


def _group_cols(by) -> list[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _with_year(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Add a ``year`` column from ``date`` when grouping by year and it is missing."""
    if "year" in by and "year" not in df.columns and "date" in df.columns:
        years = pd.to_datetime(df["date"], errors="coerce").dt.year
        df = df.assign(year=years.astype("Int64"))
    return df


def voice_space(quotes: pd.DataFrame, by: list[str] | str | None = None, kind: str | None = "direct") -> pd.DataFrame:
    """Quotes, quoted words and share of quoted words per voice type.

    Args:
        quotes: the quotes table.
        by: grouping columns besides ``voice_type`` (default ``["article_id"]``;
            ``[]`` for the whole corpus pooled; ``"year"`` is derived from ``date``).
        kind: only count quotes of this kind (``"direct"``); ``None`` counts all.

    Returns:
        One row per group and voice type: ``quotes``, ``words``, ``speakers``
        (distinct), ``first_position`` and ``share`` (of the group's quoted words).
    """
    by = ["article_id"] if by is None else _group_cols(by)
    q = _with_year(_filter(quotes, kind), by)
    g = q.groupby(by + ["voice_type"], dropna=False).agg(
        quotes=("text", "size"), words=("n_words", "sum"), speakers=("speaker_id", "nunique"),
        first_position=("position", "min"),
    ).reset_index()
    total = g.groupby(by, dropna=False)["words"].transform("sum") if by else g["words"].sum()
    g["share"] = g["words"] / total.where(total > 0) if by else g["words"] / (total if total > 0 else np.nan)
    return g.sort_values(by + ["voice_type"]).reset_index(drop=True)


def speaker_space(quotes: pd.DataFrame, by: list[str] | str | None = None, kind: str | None = "direct") -> pd.DataFrame:
    """Quotes, quoted words and share of quoted words per speaker.

    Args:
        quotes: the quotes table.
        by: grouping columns (default ``["article_id"]``; ``[]`` pools the corpus).
        kind: only count quotes of this kind; ``None`` counts all.

    Returns:
        One row per group and speaker (``speaker_id``, ``speaker``, ``voice_type``,
        ``quotes``, ``words``, ``articles``, ``first_position``, ``share``), largest first.
    """
    by = ["article_id"] if by is None else _group_cols(by)
    q = _with_year(_filter(quotes, kind), by)
    q = q[q["speaker_id"].notna()]
    g = q.groupby(by + ["speaker_id"], dropna=False).agg(
        voice_type=("voice_type", lambda s: s.mode().iloc[0] if len(s) else None),
        quotes=("text", "size"), words=("n_words", "sum"), articles=("article_id", "nunique"),
        first_position=("position", "min"),
    ).reset_index()
    g.insert(len(by) + 1, "speaker", g[by + ["speaker_id"]].merge(
        _speaker_labels(q, by), on=by + ["speaker_id"], how="left")["speaker"].to_numpy())
    qa = _with_year(_filter(quotes, kind), by)
    if by:
        totals = qa.groupby(by, dropna=False)["n_words"].sum().rename("_total").reset_index()
        g = g.merge(totals, on=by, how="left")
    else:
        g["_total"] = qa["n_words"].sum()
    g["share"] = g["words"] / g["_total"].where(g["_total"] > 0)
    g = g.drop(columns="_total")
    return g.sort_values(by + ["words", "speaker_id"], ascending=[True] * len(by) + [False, True]).reset_index(drop=True)


def _speaker_labels(q: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """One display name per group and speaker id: a name spelled as the id itself ("Jeff Sessions"
    for ``jeff-sessions``), else one that gives the id ("General Jeff Sessions"), before any other
    ("Sessions", once the corpus step has merged the surname); then the most frequent, shorter and
    alphabetically first name."""
    return _display_names(q, by, "speaker_id", "speaker")


def _display_names(q: pd.DataFrame, by: list[str], key: str, name: str) -> pd.DataFrame:
    """``by + [key, name]``: one name per group and id, ranked as :func:`_speaker_labels` says."""
    from .identity import org_key, person_key, slug

    n = q.groupby(by + [key, name], dropna=False).size().rename("_n").reset_index()
    if n.empty:
        return n.drop(columns="_n")
    names = n[name].astype(str)
    # 2: the name is the id's own words ("Jeff Sessions"); 1: it gives the id ("General Jeff
    # Sessions", the extractor's cut of "Attorney General Jeff Sessions"); 0: another name
    n["_own"] = [2 if slug(a) == sid else int(slug(person_key(a)) == sid or slug(org_key(a)) == sid)
                 for a, sid in zip(names, n[key])]
    n["_len"] = names.str.len()
    n = n.sort_values(by + [key, "_own", "_n", "_len", name],
                      ascending=[True] * (len(by) + 1) + [False, False, True, True], kind="stable")
    return n.drop_duplicates(by + [key])[by + [key, name]]


def voice_positions(quotes: pd.DataFrame, kind: str | None = None) -> pd.DataFrame:
    """Where each voice (speaker) first and last speaks in each article (0 = top, towards 1 = end)."""
    q = _filter(quotes, kind)
    q = q.assign(speaker_id=q["speaker_id"].fillna(UNATTRIBUTED))
    g = q.groupby(["article_id", "speaker_id"], dropna=False).agg(
        speaker=("speaker", "first"), voice_type=("voice_type", "first"),
        first_position=("position", "min"), last_position=("position", "max"),
        quotes=("text", "size"), words=("n_words", "sum"),
    ).reset_index()
    return g.sort_values(["article_id", "first_position", "speaker_id"]).reset_index(drop=True)


def _meta_columns(articles: pd.DataFrame) -> list[str]:
    skip = {"id", "title", "url", "source", "text", "n_paragraphs", "n_words"}
    return [c for c in articles.columns if c not in skip]


def article_measures(quotes: pd.DataFrame, articles: pd.DataFrame, kind: str = "direct") -> pd.DataFrame:
    """One row per article: who got space and the official response.

    Columns: ``article_id``, the article's label columns (``outlet``, ``date``,
    ``year``, ``bias_text`` ...), ``quotes`` (all kinds), ``direct_quotes``,
    ``quoted_words`` (words in quotes of ``kind``), ``voices`` (distinct
    attributed speakers), ``voice_types``, ``first_speaker``/``first_voice`` and
    ``last_speaker``/``last_voice`` (who has the first and the last word, over all
    quotes), ``has_official`` (an official voice is quoted, quotes of ``kind``),
    ``has_official_any`` (any kind, e.g. reported speech only), ``official_quotes``,
    ``official_words``, ``official_share`` (of quoted words of ``kind``; NaN without
    such quotes), ``official_first_position`` (first official quote of ``kind``) and
    ``top_voice`` (voice type with most words).
    """
    meta = _meta_columns(articles)
    base = articles[["id"] + meta].rename(columns={"id": "article_id"})
    if "date" in base.columns and "year" not in base.columns:
        base = base.assign(year=pd.to_datetime(base["date"], errors="coerce").dt.year.astype("Int64"))
    qa = quotes.assign(voice_type=quotes["voice_type"].fillna(UNATTRIBUTED)).sort_values(["article_id", "start"])
    qk = qa[qa["kind"] == kind] if kind else qa
    rows = []
    by_all = dict(tuple(qa.groupby("article_id", sort=False)))
    by_kind = dict(tuple(qk.groupby("article_id", sort=False)))
    empty = qa.iloc[0:0]
    for aid in base["article_id"]:
        a = by_all.get(aid, empty)
        k = by_kind.get(aid, empty)
        off = k[k["voice_type"] == OFFICIAL]
        words = int(k["n_words"].sum())
        first = a.iloc[0] if len(a) else None
        last = a.iloc[-1] if len(a) else None
        vw = k.groupby("voice_type")["n_words"].sum()
        rows.append({
            "article_id": aid,
            "quotes": len(a), "direct_quotes": int((a["kind"] == "direct").sum()),
            "quoted_words": words,
            "voices": int(a["speaker_id"].nunique()),
            "voice_types": int(a.loc[a["voice_type"] != UNATTRIBUTED, "voice_type"].nunique()),
            "first_speaker": first["speaker"] if first is not None else None,
            "first_voice": first["voice_type"] if first is not None else None,
            "last_speaker": last["speaker"] if last is not None else None,
            "last_voice": last["voice_type"] if last is not None else None,
            "has_official": len(off) > 0,
            "has_official_any": bool((a["voice_type"] == OFFICIAL).any()),
            "official_quotes": len(off), "official_words": int(off["n_words"].sum()),
            "official_share": (off["n_words"].sum() / words) if words else float("nan"),
            "official_first_position": off["position"].min() if len(off) else float("nan"),
            "top_voice": vw.sort_values(ascending=False, kind="stable").index[0] if words else None,
        })
    return base.merge(pd.DataFrame(rows), on="article_id", how="left")


def official_response(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per article: whether the official response is quoted, its share of directly
    quoted words and quotes, and where it first speaks (0-1)."""
    m = article_measures(quotes, articles, kind="direct")
    return pd.DataFrame({
        "article_id": m["article_id"], "has_official": m["official_quotes"] > 0,
        "official_quotes": m["official_quotes"], "quotes": m["direct_quotes"],
        "official_words": m["official_words"], "words": m["quoted_words"],
        "official_share": m["official_share"],
        "official_first_position": m["official_first_position"].where(m["official_quotes"] > 0),
    })


def group_summary(measures: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """Aggregate :func:`article_measures` per group.

    Returns per group: ``articles``, ``articles_with_quotes``, ``quotes``,
    ``quoted_words``, ``mean_voices``, ``has_official`` (share of articles with
    quotes that quote an official voice), ``official_share`` (pooled: official
    words / quoted words), ``mean_official_share`` (mean of article shares) and
    ``median_official_first_position``.
    """
    by = _group_cols(by)
    m = _with_year(measures, by)
    m = m.assign(_quoted=m["quotes"] > 0)
    g = m.groupby(by, dropna=False)
    out = g.agg(
        articles=("article_id", "size"), articles_with_quotes=("_quoted", "sum"),
        quotes=("quotes", "sum"), quoted_words=("quoted_words", "sum"),
        official_words=("official_words", "sum"), mean_voices=("voices", "mean"),
        mean_official_share=("official_share", "mean"),
        median_official_first_position=("official_first_position", "median"),
    ).reset_index()
    has = m[m["_quoted"]].groupby(by, dropna=False)["has_official"].mean().rename("has_official").reset_index()
    out = out.merge(has, on=by, how="left")
    out["official_share"] = out["official_words"] / out["quoted_words"].where(out["quoted_words"] > 0)
    return out


def _rng(seed: int, group) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(str(group).encode("utf-8"))])


def _boot_weights(n: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """``n_boot x n`` resampling counts (each row: n draws with replacement)."""
    return rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)


def bootstrap_shares(quotes: pd.DataFrame, articles: pd.DataFrame, by: str | list[str] | None = None,
                     kind: str | None = "direct", n_boot: int = 1000, level: float = 0.95,
                     seed: int = 0) -> pd.DataFrame:
    """Share of quoted words per voice type with bootstrap confidence intervals.

    Articles are the resampling unit (quotes within an article are not independent):
    each replicate draws the group's articles with replacement and recomputes the
    pooled share ``words of voice / all quoted words``. Percentile intervals.

    Args:
        quotes, articles: tables of an Analysis.
        by: group column(s) of ``articles`` (e.g. ``"bias_text"``, ``"outlet"``,
            ``"year"``); ``None`` for the whole corpus.
        kind: quote kind counted (``"direct"``; ``None`` for all).
        n_boot: replicates. level: interval coverage. seed: fixed seed; results are
            identical across runs and do not depend on the other groups.

    Returns:
        Tidy table: the group columns, ``voice_type``, ``words``, ``share``,
        ``ci_low``, ``ci_high``, ``articles`` (in the group), ``n_boot``.
    """
    by = _group_cols(by)
    arts = _with_year(articles.rename(columns={"id": "article_id"}), by)
    q = _filter(quotes, kind)
    w = q.pivot_table(index="article_id", columns="voice_type", values="n_words", aggfunc="sum", fill_value=0)
    from .voices import VOICE_TYPES

    cols = [v for v in VOICE_TYPES + [UNATTRIBUTED] if v in w.columns] + sorted(c for c in w.columns if c not in VOICE_TYPES + [UNATTRIBUTED])
    w = w.reindex(columns=cols)
    groups = [((), arts)] if not by else list(arts.groupby(by, dropna=False, sort=True))
    rows = []
    alpha = (1 - level) / 2
    for key, ga in groups:
        key = key if isinstance(key, tuple) else (key,)
        mat = w.reindex(ga["article_id"].to_numpy(), fill_value=0).to_numpy(dtype=float)
        n = len(mat)
        point = mat.sum(0)
        tot = point.sum()
        if n and tot > 0:
            reps = _boot_weights(n, n_boot, _rng(seed, key)) @ mat
            rt = reps.sum(1, keepdims=True)
            shares = np.divide(reps, rt, out=np.full_like(reps, np.nan), where=rt > 0)
            lo = np.nanquantile(shares, alpha, axis=0)
            hi = np.nanquantile(shares, 1 - alpha, axis=0)
        else:
            lo = hi = np.full(len(cols), np.nan)
        for j, v in enumerate(cols):
            rows.append({**dict(zip(by, key)), "voice_type": v, "words": int(point[j]) if n else 0,
                         "share": point[j] / tot if tot > 0 else np.nan,
                         "ci_low": lo[j], "ci_high": hi[j], "articles": n, "n_boot": n_boot})
    return pd.DataFrame(rows, columns=by + ["voice_type", "words", "share", "ci_low", "ci_high", "articles", "n_boot"])


def bootstrap_official(measures: pd.DataFrame, by: str | list[str] | None = None, n_boot: int = 1000,
                       level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """The official response per group, with bootstrap intervals over articles.

    Statistics (each with ``_low``/``_high``): ``official_share`` (pooled official
    words / quoted words), ``mean_official_share`` (mean of per-article shares, over
    articles with quoted words) and ``has_official`` (share of articles with quotes
    that quote an official voice).

    Args:
        measures: the output of :func:`article_measures`.
        by: group column(s), or ``None`` for the whole corpus.
    """
    by = _group_cols(by)
    m = _with_year(measures, by)
    groups = [((), m)] if not by else list(m.groupby(by, dropna=False, sort=True))
    alpha = (1 - level) / 2
    rows = []
    for key, g in groups:
        key = key if isinstance(key, tuple) else (key,)
        n = len(g)
        ow = g["official_words"].to_numpy(float)
        tw = g["quoted_words"].to_numpy(float)
        quoted = (g["quotes"] > 0).to_numpy(float)
        has = g["has_official"].astype(float).to_numpy() * quoted
        withw = (tw > 0).astype(float)
        share = np.divide(ow, tw, out=np.zeros_like(ow), where=tw > 0)
        row = {**dict(zip(by, key)), "articles": n, "articles_with_quotes": int(quoted.sum())}

        def point_and_ci(num, den, name, counts):
            p = num.sum() / den.sum() if den.sum() > 0 else np.nan
            if counts is not None:
                rn, rd = counts @ num, counts @ den
                r = np.divide(rn, rd, out=np.full_like(rn, np.nan), where=rd > 0)
                lo, hi = (np.nanquantile(r, alpha), np.nanquantile(r, 1 - alpha)) if np.isfinite(r).any() else (np.nan, np.nan)
            else:
                lo = hi = np.nan
            row.update({name: p, f"{name}_low": lo, f"{name}_high": hi})

        counts = _boot_weights(n, n_boot, _rng(seed, key)) if n else None
        point_and_ci(ow, tw, "official_share", counts)
        point_and_ci(share * withw, withw, "mean_official_share", counts)
        point_and_ci(has, quoted, "has_official", counts)
        row["n_boot"] = n_boot
        rows.append(row)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- silence
@lru_cache(maxsize=4)
def _load_phrases(path: str) -> re.Pattern:
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{p}: non-response phrase list not found")
    pats = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            re.compile(line)
        except re.error as exc:
            raise ValueError(f"{p}:{n}: bad pattern {line!r}: {exc}") from None
        pats.append(f"(?:{line})")
    if not pats:
        raise ValueError(f"{p}: no patterns")
    return re.compile(r"(?<!\w)(?:" + "|".join(pats) + r")(?!\w)", re.IGNORECASE)


def _sentence_start(text: str, pos: int, floor: int) -> int:
    start = floor
    for m in _SENT_END.finditer(text, floor, pos):
        start = m.end()
    return start


def non_responses(articles: pd.DataFrame, mentions: pd.DataFrame, phrases: Path | str | None = None) -> pd.DataFrame:
    """Explicit non-responses ("declined to comment") and who they are about.

    The actor is the first mentioned entity earlier in the same sentence; when the
    sentence names none, ``entity_id`` is empty and ``actor_text`` holds the words
    before the phrase.

    Returns:
        ``article_id``, ``entity_id``, ``name``, ``phrase``, ``start``, ``end``, ``actor_text``.
    """
    pat = _load_phrases(str(phrases or NON_RESPONSE_PATH))
    by_article = dict(tuple(mentions.groupby("article_id", sort=False))) if len(mentions) else {}
    rows = []
    for aid, text in zip(articles["id"], articles["text"]):
        if not isinstance(text, str):
            continue
        ms = by_article.get(aid)
        for m in pat.finditer(text):
            para_start = text.rfind("\n", 0, m.start()) + 1
            s0 = _sentence_start(text, m.start(), para_start)
            actor_text = " ".join(text[s0:m.start()].split())[-80:]
            eid = name = None
            if ms is not None:
                cand = ms[(ms["start"] >= s0) & (ms["end"] <= m.start()) & ms["entity_id"].notna()].sort_values("start")
                if len(cand):
                    eid, name = cand.iloc[0]["entity_id"], cand.iloc[0]["name"]
                else:  # the sentence names an actor the extractor found elsewhere in the article
                    actor = re.sub(r"^(?:the|a|an)\s+", "", actor_text, flags=re.I).strip(" ,;:").lower()
                    same = ms[ms["entity_id"].notna() & (ms["name"].fillna("").str.lower() == actor)]
                    if actor and len(same):
                        eid, name = same.iloc[0]["entity_id"], same.iloc[0]["name"]
            rows.append({"article_id": aid, "entity_id": eid, "name": name, "phrase": m.group(0),
                         "start": m.start(), "end": m.end(), "actor_text": actor_text})
    return pd.DataFrame(rows, columns=["article_id", "entity_id", "name", "phrase", "start", "end", "actor_text"])


_OUTLET_SUFFIX = re.compile(r"\s*(?:\(.*?\)|-\s*(?:news|opinion)|\b(?:online|web)?\s*news|\bonline)\s*$")


def outlet_key(name: object) -> str:
    """A publication's name as :func:`silence` compares it with the outlet of an article.

    Lowercase, without "the", a parenthesised medium or a trailing "News"/"Online News", so the
    article's outlet and the way the text names it meet.

    Example:
        >>> [outlet_key(x) for x in ("CNN (Web News)", "The Guardian", "Fox Online News", "New York Times - News",
        ...                          "Guardian", "USA TODAY", "the New York Times", None)]
        ['cnn', 'guardian', 'fox', 'new york times', 'guardian', 'usa today', 'new york times', '']
    """
    if not isinstance(name, str):
        return ""
    k = " ".join(name.lower().replace("\u2019", "'").split())
    for _ in range(3):
        k2 = _OUTLET_SUFFIX.sub("", k).strip()
        if k2 == k:
            break
        k = k2
    k = re.sub(r"^the\s+", "", k)
    k = re.sub(r"'s$", "", k)
    return k.strip(" .,")


def silence(mentions: pd.DataFrame, quotes: pd.DataFrame, articles: pd.DataFrame | None = None,
            speakers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Actors discussed but never quoted, per article, with mention counts.

    Args:
        mentions, quotes: tables of an Analysis. An actor counts as quoted when any
            quote (direct or reported) in the article is attributed to its speaker id.
        articles: if given (with ``text``), explicit non-responses are found and
            reported in ``non_response`` (the phrase); non-responses by actors the
            extractor did not name are added as rows with an empty ``entity_id``.
        speakers: if given, adds each actor's ``voice_type``.

    Returns:
        ``article_id``, ``entity_id``, ``name``, ``mentions``, ``mentions_in_quotes``,
        ``first_mention`` (offset), ``non_response``, ``own_outlet`` [, ``voice_type``], most
        mentioned first. ``own_outlet`` is True where the actor is the publication the article
        appeared in ("the Guardian's investigation" in a Guardian article: the outlet naming itself,
        compared by :func:`outlet_key` with the ``outlet`` column of ``articles``); the rows stay in
        the table and :func:`silence_summary` leaves them out.
    """
    quoted = set(zip(quotes["article_id"], quotes["speaker_id"]))
    m = mentions.dropna(subset=["entity_id"])
    g = m.assign(_inq=m["quoted"].astype(bool) if "quoted" in m.columns else False).groupby(
        ["article_id", "entity_id"], dropna=False).agg(
        name=("name", "first"), mentions=("start", "size"), mentions_in_quotes=("_inq", "sum"),
        first_mention=("start", "min")).reset_index()
    keep = pd.Series([(a, e) not in quoted for a, e in zip(g["article_id"], g["entity_id"])], index=g.index, dtype=bool)
    g = g.loc[keep].copy()
    g["non_response"] = None
    if articles is not None and "text" in articles.columns:
        nr = non_responses(articles, mentions)
        extra = []
        for r in nr.itertuples(index=False):
            named = isinstance(r.entity_id, str)
            if named and (r.article_id, r.entity_id) in quoted:
                continue
            hit = (g["article_id"] == r.article_id) & (g["entity_id"] == r.entity_id) if named else None
            if hit is not None and hit.any():
                g.loc[hit & g["non_response"].isna(), "non_response"] = r.phrase
            elif not named:
                extra.append({"article_id": r.article_id, "entity_id": None, "name": r.actor_text or None,
                              "mentions": 0, "mentions_in_quotes": 0, "first_mention": r.start,
                              "non_response": r.phrase})
        if extra:
            g = pd.concat([g, pd.DataFrame(extra)], ignore_index=True)
    g["own_outlet"] = False
    if articles is not None and "outlet" in articles.columns and len(g):
        ids = "id" if "id" in articles.columns else "article_id"
        own = {a: outlet_key(o) for a, o in zip(articles[ids], articles["outlet"])}
        g["own_outlet"] = [bool(own.get(a)) and own.get(a) == outlet_key(n)
                           for a, n in zip(g["article_id"], g["name"])]
    if speakers is not None and len(speakers):
        vt = speakers.drop_duplicates(["article_id", "speaker_id"])[["article_id", "speaker_id", "voice_type"]]
        g = g.merge(vt.rename(columns={"speaker_id": "entity_id"}), on=["article_id", "entity_id"], how="left")
    g["mentions_in_quotes"] = g["mentions_in_quotes"].astype(int)
    return g.sort_values(["article_id", "mentions", "first_mention"], ascending=[True, False, True]).reset_index(drop=True)


def silence_summary(silence_table: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """Across articles: the actors most often discussed but not quoted.

    Returns ``entity_id``, ``name`` (as :func:`speaker_space` labels a speaker: the name spelled
    as the id, "Eric Holder" rather than "General Eric Holder"), ``articles`` (discussed without a
    quote), ``mentions`` and ``non_responses`` (articles with an explicit non-response). Rows where
    the actor is the article's own outlet (``own_outlet``) are left out.
    """
    s = silence_table.dropna(subset=["entity_id"])
    if "own_outlet" in s.columns:
        s = s[~s["own_outlet"].fillna(False).astype(bool)]
    g = s.groupby("entity_id").agg(
        articles=("article_id", "nunique"),
        mentions=("mentions", "sum"), non_responses=("non_response", lambda x: int(x.notna().sum())),
    ).reset_index()
    g.insert(1, "name", g[["entity_id"]].merge(_display_names(s.dropna(subset=["name"]), [], "entity_id", "name"),
                                               on="entity_id", how="left")["name"].to_numpy())
    return g.sort_values(["articles", "mentions", "entity_id"], ascending=[False, False, True]).head(top).reset_index(drop=True)
