"""Human coding sheets and agreement between coders and the tool.

Validation the way content analysts do it: export every quote (or a random
sample) with its context and the tool's speaker and voice type, let human coders
fill in the blank columns, read the sheets back and report, per coder against
the tool, percent agreement, Cohen's kappa and Krippendorff's alpha (nominal).

The sheet (CSV, UTF-8 with a byte-order mark so spreadsheet programs read the
accents right) has one row per quote:

* ``item`` (``article_id:quote_id``, the key), ``article_id``, ``outlet``,
  ``date``, ``paragraph``, ``kind`` (direct / indirect);
* ``context_before``, ``quote``, ``context_after``: the quote with the text
  around it (the previous paragraph up to the quote, and the rest of the
  paragraph plus the next one), enough to see who is speaking;
* ``speaker_mention``, ``tool_speaker``, ``tool_voice_type``: what the tool found;
* blank columns for the coder: ``coder`` (your name or initials),
  ``coder_is_quote`` (yes / no: is this really a quote or reported speech?),
  ``coder_speaker`` (the speaker's full name as the article gives it, ``none``
  if nobody is identifiable, or ``ok`` to accept the tool's value),
  ``coder_voice_type`` (one of the codebook's voice types, or ``ok``) and
  ``coder_notes``.

A blank coder cell means "not coded" and the item is left out of that
comparison. Several coders either return one sheet each (``agreement(a.csv,
b.csv)``) or add rows to one sheet with their name in ``coder``; a sheet without
a coder name is credited to its file name.

Example:
    >>> krippendorff_alpha([["a", "a", "b", "b"], ["a", "a", "b", "b"]])
    1.0
    >>> round(cohen_kappa(["y", "y", "n", "n"], ["y", "n", "n", "n"]), 3)
    0.5
"""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Hashable, Iterable, Sequence

import pandas as pd

CODER_COLUMNS = ["coder", "coder_is_quote", "coder_speaker", "coder_voice_type", "coder_notes"]
SHEET_COLUMNS = [
    "item", "article_id", "outlet", "date", "paragraph", "kind", "context_before", "quote", "context_after",
    "speaker_mention", "tool_speaker", "tool_voice_type",
] + CODER_COLUMNS
#: Placeholder value for "no speaker" on either side.
NONE = "(none)"
#: Context characters shown on each side of a quote.
CONTEXT_CHARS = 400

_WS = re.compile(r"\s+")
_YES = {"yes", "y", "true", "1", "ja", "oui", "sí", "si", "x"}
_NO = {"no", "n", "false", "0", "nein", "non"}


def _clip_left(s: str, n: int) -> str:
    s = _WS.sub(" ", s).strip()
    if len(s) <= n:
        return s
    cut = s[-n:]
    sp = cut.find(" ")
    return "… " + (cut[sp + 1:] if 0 <= sp < 40 else cut)


def _clip_right(s: str, n: int) -> str:
    s = _WS.sub(" ", s).strip()
    if len(s) <= n:
        return s
    cut = s[:n]
    sp = cut.rfind(" ")
    return (cut[:sp] if sp > n - 40 else cut) + " …"


def _str(x) -> str:
    return "" if x is None or (isinstance(x, float) and x != x) else str(x)


def coding_sheet(analysis, sample: int | None = None, seed: int = 0, context_chars: int = CONTEXT_CHARS) -> pd.DataFrame:
    """The coding sheet as a table: one row per quote, blank coder columns.

    Args:
        analysis: an :class:`~newsvoices.pipeline.Analysis`.
        sample: code a random sample of this many quotes instead of all (drawn with ``seed``).
        seed: random seed of the sample (same seed, same sample).
        context_chars: characters of context on each side of the quote.
    """
    q = analysis.quotes
    if sample is not None and sample < len(q):
        if sample < 1:
            raise ValueError(f"sample must be a positive number of quotes, not {sample}")
        q = q.sample(n=sample, random_state=seed)
    q = q.sort_values(["article_id", "start", "end"]).reset_index(drop=True)
    arts = analysis.articles.set_index("id")
    paras = analysis.paragraphs
    spans = {aid: list(zip(g["start"], g["end"])) for aid, g in paras.sort_values(["article_id", "paragraph"]).groupby("article_id")}
    rows = []
    for r in q.itertuples(index=False):
        text = arts.at[r.article_id, "text"]
        sp = spans.get(r.article_id, [])
        pidx = int(r.paragraph) if r.paragraph == r.paragraph and r.paragraph is not None else -1
        if 0 <= pidx < len(sp):  # the previous paragraph and the next one
            lo = sp[pidx - 1][0] if pidx >= 1 else sp[pidx][0]
            hi = sp[pidx + 1][1] if pidx + 1 < len(sp) else sp[pidx][1]
        else:
            lo, hi = 0, len(text)
        start, end = int(r.start), int(r.end)
        rows.append({
            "item": f"{r.article_id}:{int(r.quote_id)}", "article_id": r.article_id,
            "outlet": _str(getattr(r, "outlet", "")), "date": _str(getattr(r, "date", "")),
            "paragraph": pidx, "kind": r.kind,
            "context_before": _clip_left(text[min(lo, start):start], context_chars),
            "quote": r.text, "context_after": _clip_right(text[end:max(hi, end)], context_chars),
            "speaker_mention": _str(r.speaker_mention), "tool_speaker": _str(r.speaker) or NONE,
            "tool_voice_type": _str(r.voice_type) or NONE,
            **{c: "" for c in CODER_COLUMNS},
        })
    return pd.DataFrame(rows, columns=SHEET_COLUMNS)


def export_coding(analysis, path: str | Path, sample: int | None = None, seed: int = 0) -> Path:
    """Write the coding sheet (CSV, UTF-8 with BOM; ``.tsv`` for tab-separated) to ``path``.

    Returns:
        the path written.
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet = coding_sheet(analysis, sample=sample, seed=seed)
    sheet.to_csv(out, index=False, sep="\t" if out.suffix.lower() == ".tsv" else ",", encoding="utf-8-sig",
                 lineterminator="\n")
    return out


# --------------------------------------------------------------------------- agreement statistics


def percent_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Share of items on which two coders give the same value (NaN for no items)."""
    if len(a) != len(b):
        raise ValueError(f"two codings of different length: {len(a)} and {len(b)}")
    if not a:
        return float("nan")
    return sum(x == y for x, y in zip(a, b)) / len(a)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's kappa for two coders on the same items (NaN when chance agreement is 1).

    Example:
        >>> cohen_kappa(["y"] * 20 + ["y"] * 5 + ["n"] * 10 + ["n"] * 15,
        ...             ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15)
        0.4
    """
    po = percent_agreement(a, b)
    n = len(a)
    if not n:
        return float("nan")
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    if pe >= 1:
        return float("nan")
    return round((po - pe) / (1 - pe), 12)


def krippendorff_alpha(codings: Iterable[Sequence[Hashable | None]]) -> float:
    """Krippendorff's alpha for nominal data, any number of coders, missing values allowed.

    Args:
        codings: one sequence per coder, aligned by unit; ``None`` (or NaN) marks a
            unit that coder did not code. Units with fewer than two values are not pairable
            and are ignored.

    Returns:
        alpha (1 = perfect agreement, 0 = chance level); NaN when there is no
        variation at all (fewer than two pairable values, or one category only).

    Example (Krippendorff 2011, *Computing Krippendorff's alpha-reliability*, nominal):
        >>> A = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
        >>> B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
        >>> C = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
        >>> D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]
        >>> round(krippendorff_alpha([A, B, C, D]), 3)
        0.743
    """
    codings = [list(c) for c in codings]
    if not codings:
        return float("nan")
    n_units = len(codings[0])
    if any(len(c) != n_units for c in codings):
        raise ValueError("every coder's codings must cover the same units")
    o: dict[tuple, float] = defaultdict(float)
    for u in range(n_units):
        vals = [c[u] for c in codings if c[u] is not None and not (isinstance(c[u], float) and c[u] != c[u])]
        m = len(vals)
        if m < 2:
            continue
        counts = Counter(vals)
        for c1, n1 in counts.items():
            for c2, n2 in counts.items():
                pairs = n1 * (n1 - 1) if c1 == c2 else n1 * n2
                if pairs:
                    o[(c1, c2)] += pairs / (m - 1)
    n_c: dict = defaultdict(float)
    for (c1, _c2), v in o.items():
        n_c[c1] += v
    n = sum(n_c.values())
    if n < 2:
        return float("nan")
    observed = sum(v for (c1, c2), v in o.items() if c1 != c2)
    expected = (n * n - sum(v * v for v in n_c.values())) / (n - 1)
    if expected <= 0:
        return float("nan")
    return round(1 - observed / expected, 12)


# --------------------------------------------------------------------------- reading coded sheets


def normalise_speaker(value) -> str:
    """Comparable form of a speaker name: case, spacing and punctuation ignored.

    Example:
        >>> normalise_speaker("  Robert  BATES. "), normalise_speaker(""), normalise_speaker("none")
        ('robert bates', '', '(none)')
    """
    s = _WS.sub(" ", _str(value)).strip()
    if not s:
        return ""
    if s.casefold() in {"none", "(none)", "-", "—", "n/a", "na", "nobody", "unattributed"}:
        return NONE
    s = re.sub(r"[^\w\s&'’-]", "", s.casefold()).replace("’", "'")
    return _WS.sub(" ", s).strip()


def normalise_voice(value) -> str:
    """Comparable form of a voice type: ``"Civil servant"`` -> ``"civil_servant"``.

    Example:
        >>> normalise_voice(" Civil-servant "), normalise_voice("none")
        ('civil_servant', '(none)')
    """
    s = _WS.sub(" ", _str(value)).strip().casefold()
    if not s:
        return ""
    if s in {"none", "(none)", "-", "—", "n/a", "na", "unattributed"}:
        return NONE
    return re.sub(r"[\s/-]+", "_", s)


def known_voice_types() -> list[str]:
    """The codebook's voice types (for checking what coders typed)."""
    from . import voices

    for name in ("VOICE_TYPES", "voice_types"):
        v = getattr(voices, name, None)
        v = v() if callable(v) else v
        if v:
            return list(v)
    return []


def _read_sheet(p: Path) -> pd.DataFrame:
    """Read a coding sheet as a spreadsheet saved it: UTF-8 or cp1252, ``,`` ``;`` or tab.

    Excel re-saves a sheet in the machine's encoding (cp1252 on Windows) and, in
    many locales, with ``;`` between fields; both are read here.
    """
    from .corpus import _sniff_delimiter

    raw = p.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    sep = _sniff_delimiter(text[:65536].encode("utf-8"), "\t" if p.suffix.lower() == ".tsv" else ",")
    try:
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise ValueError(f"{p}: cannot read as a coding sheet: {exc}") from exc


def read_coded(paths: str | Path | Sequence[str | Path]) -> pd.DataFrame:
    """Read one or more coded sheets into one long table (one row per coder and item).

    Raises:
        ValueError: if a sheet lacks the item / tool / coder columns, or a coder
            coded the same item twice (the message names the file and line).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    frames = []
    need = {"item", "tool_speaker", "tool_voice_type", "coder_speaker", "coder_voice_type"}
    for p in paths:
        p = Path(p)
        if not p.is_file():
            raise ValueError(f"{p}: no such coding sheet")
        df = _read_sheet(p)
        missing = sorted(need - set(df.columns))
        if missing:
            raise ValueError(f"{p}: not a coding sheet, missing columns {missing} "
                             f"(write one with `newsvoices export-coding PATH --out sheet.csv`)")
        if "coder" not in df.columns:
            df["coder"] = ""
        if "coder_is_quote" not in df.columns:
            df["coder_is_quote"] = ""
        df["coder"] = df["coder"].str.strip().replace("", p.stem)
        df["source"] = p.name
        df["line"] = range(2, len(df) + 2)  # header is line 1
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    out = out[(out["coder_speaker"].str.strip() != "") | (out["coder_voice_type"].str.strip() != "")
              | (out["coder_is_quote"].str.strip() != "")]
    dup = out[out.duplicated(["coder", "item"], keep="first")]
    if len(dup):
        r = dup.iloc[0]
        raise ValueError(f"{r['source']} line {r['line']}: item {r['item']!r} is coded twice by coder {r['coder']!r}")
    return out.reset_index(drop=True)


def _coded_values(df: pd.DataFrame, field: str) -> tuple[pd.Series, pd.Series]:
    norm = normalise_speaker if field == "speaker" else normalise_voice
    tool = df[f"tool_{field}"].map(norm).replace("", NONE)
    coder = df[f"coder_{field}"].map(norm)
    ok = coder == "ok"
    coder = coder.where(~ok, tool)
    return tool, coder


def agreement(paths: str | Path | Sequence[str | Path]) -> pd.DataFrame:
    """Agreement between the tool and each coder on speaker and voice type.

    Items a coder marked as not a quote (``coder_is_quote`` = no) are left out of
    the speaker and voice-type comparisons; the ``is_quote`` rows report the share
    of coded items the coder confirmed as quotes. With two or more coders, rows
    ``all coders`` give Krippendorff's alpha among the humans and ``all coders +
    tool`` with the tool as one more coder.

    Returns:
        one row per comparison and field: ``comparison``, ``field``, ``items``,
        ``agree``, ``percent_agreement``, ``cohen_kappa``, ``krippendorff_alpha``,
        and ``unknown_labels`` (voice types not in the codebook, for checking).
    """
    df = read_coded(paths)
    if df.empty:
        raise ValueError(f"{paths}: no coded rows (fill coder_speaker / coder_voice_type first)")
    rows = []
    known = {normalise_voice(v) for v in known_voice_types()} | {NONE, "ok"}
    coders = sorted(df["coder"].unique())
    for coder in coders:
        d = df[df["coder"] == coder]
        isq = d["coder_is_quote"].str.strip().str.casefold()
        judged = isq[isq != ""]
        yes = judged.isin(_YES)
        bad = judged[~(judged.isin(_YES) | judged.isin(_NO))]
        if len(bad):
            r = d.loc[bad.index[0]]
            raise ValueError(f"{r['source']} line {r['line']}: coder_is_quote must be yes or no, not {r['coder_is_quote']!r}")
        if len(judged):
            rows.append({"comparison": f"{coder} vs tool", "field": "is_quote", "items": len(judged),
                         "agree": int(yes.sum()), "percent_agreement": float(yes.mean()),
                         "cohen_kappa": float("nan"), "krippendorff_alpha": float("nan"), "unknown_labels": ""})
        d = d[~isq.isin(_NO)]
        for field in ("speaker", "voice_type"):
            tool, cod = _coded_values(d, field)
            m = cod != ""
            t, c = list(tool[m]), list(cod[m])
            unknown = sorted({v for v in c if v not in known}) if field == "voice_type" and len(known) > 2 else []
            rows.append({
                "comparison": f"{coder} vs tool", "field": field, "items": len(t),
                "agree": sum(x == y for x, y in zip(t, c)), "percent_agreement": percent_agreement(t, c),
                "cohen_kappa": cohen_kappa(t, c), "krippendorff_alpha": krippendorff_alpha([t, c]),
                "unknown_labels": ", ".join(unknown),
            })
    if len(coders) >= 2:
        kept = df[~df["coder_is_quote"].str.strip().str.casefold().isin(_NO)]
        items = sorted(kept["item"].unique())
        for field in ("speaker", "voice_type"):
            tool_all, cod_all = _coded_values(kept, field)
            kept_f = kept.assign(_tool=tool_all, _cod=cod_all)
            human = []
            for coder in coders:
                g = kept_f[(kept_f["coder"] == coder) & (kept_f["_cod"] != "")].set_index("item")["_cod"]
                human.append([g.get(i) for i in items])
            tool_by_item = kept_f.drop_duplicates("item").set_index("item")["_tool"]
            tool = [tool_by_item.get(i) for i in items]
            n_multi = sum(sum(h[k] is not None for h in human) >= 2 for k in range(len(items)))
            for name, codings in (("all coders", human), ("all coders + tool", human + [tool])):
                rows.append({"comparison": name, "field": field,
                             "items": n_multi if name == "all coders" else len(items), "agree": None,
                             "percent_agreement": float("nan"), "cohen_kappa": float("nan"),
                             "krippendorff_alpha": krippendorff_alpha(codings), "unknown_labels": ""})
    cols = ["comparison", "field", "items", "agree", "percent_agreement", "cohen_kappa", "krippendorff_alpha", "unknown_labels"]
    return pd.DataFrame(rows, columns=cols)


#: Coder label of an item the coder marked as no quote at all.
NOT_A_QUOTE = "(not a quote)"


def coded_voice_sample(paths: str | Path | Sequence[str | Path], coder: str | None = None) -> pd.DataFrame:
    """The voice types of a coded sheet as a sample for :mod:`newsvoices.correction`.

    Args:
        paths: coded sheet(s) from ``newsvoices export-coding``.
        coder: whose coding to use (default: the first coder by name).

    Returns:
        One row per coded item: ``item``, ``kind``, ``tool`` (the tool's voice type,
        ``unattributed`` without one), ``coder`` (the coder's type; ``ok`` replaced by
        the tool's; ``unattributed`` when the coder found no speaker; ``(not a quote)``
        when the coder said it is no quote) and ``words`` (words of the quote).

    Raises:
        ValueError: when the sheets hold no coded voice types or not this coder.
    """
    from .correction import UNATTRIBUTED
    from .pipeline import count_words

    df = read_coded(paths)
    coders = sorted(df["coder"].unique()) if len(df) else []
    if not coders:
        raise ValueError(f"{paths}: no coded rows (fill coder_voice_type first)")
    who = coders[0] if coder is None else coder
    if who not in coders:
        raise ValueError(f"{paths}: no coder named {who!r} (have {coders})")
    d = df[df["coder"] == who]
    tool, cod = _coded_values(d, "voice_type")
    no = d["coder_is_quote"].str.strip().str.casefold().isin(_NO)
    cod = cod.where(~no, NOT_A_QUOTE)
    keep = cod != ""
    fix = {NONE: UNATTRIBUTED}
    return pd.DataFrame({
        "item": d["item"][keep].to_numpy(),
        "kind": (d["kind"] if "kind" in d.columns else pd.Series("", index=d.index))[keep].to_numpy(),
        "tool": tool[keep].replace(fix).to_numpy(),
        "coder": cod[keep].replace(fix).to_numpy(),
        "words": [count_words(str(t)) for t in (d["quote"] if "quote" in d.columns else pd.Series("", index=d.index))[keep]],
    })


def format_agreement(table: pd.DataFrame) -> str:
    """Plain-text rendering of :func:`agreement` for the terminal."""
    t = table.copy()
    for c in ("percent_agreement",):
        t[c] = [("—" if v != v else f"{100 * v:.1f}%") for v in t[c]]
    for c in ("cohen_kappa", "krippendorff_alpha"):
        t[c] = [("—" if v != v else f"{v:.3f}") for v in t[c]]
    t["agree"] = ["—" if v is None or v != v else str(int(v)) for v in t["agree"]]
    t["unknown_labels"] = t["unknown_labels"].fillna("")
    return t.rename(columns={"percent_agreement": "agreement", "cohen_kappa": "kappa",
                             "krippendorff_alpha": "alpha"}).to_string(index=False)
