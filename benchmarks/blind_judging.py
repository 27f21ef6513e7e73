"""Blind judging of voice types: the protocol behind the honest figure of ``benchmarks/voices.py``.

After a round of rules, two fresh samples of 100 quoted speakers are drawn from the AllSides
tables (``voices.py sample --seed N --exclude ...`` for every earlier audit file) and judged by
coders who never see a prediction. This script prepares what the coders read and checks and
merges what they return::

    python benchmarks/voices.py sample --seed 27 $(ls benchmarks/voice_audit*.csv | grep -v coder2 \\
        | sed 's/^/--exclude /') --out /tmp/judging/draft27.csv
    python benchmarks/blind_judging.py context /tmp/judging/draft27.csv --out /tmp/judging
    #   -> /tmp/judging/context27.md and template27.csv; each coder follows
    #      benchmarks/judging_instructions.md and returns a filled copy of the template
    python benchmarks/blind_judging.py article ARTICLE_ID        # a coder reads a whole article
    python benchmarks/blind_judging.py merge /tmp/judging/draft27.csv CODER1.csv CODER2.csv
    #   -> benchmarks/voice_audit_blind27.csv (draft + coder 1) and voice_audit_blind27_coder2.csv

The context file quotes article text: keep it outside the repository (``--out`` is required and
refused inside it); the corpus is copyrighted. The audit files keep only names, the prediction
and the coders' short notes. ``context`` hides the prediction (``predicted``, ``rule``) and the
speaker's description and organisation as the tool read them, so a coder judges the article,
not the tool. Skips with a message when the AllSides tables are absent.

UK news (issue #3): ``--corpus uk`` on ``voices.py analyze/sample`` and on ``context``, ``article``
and ``merge`` here uses the UK tables (``out/uk``: bbc-news-2005 and the Guardian 2022 subset) and
writes ``voice_audit_uk_blind<seed>.csv`` (+ ``_coder2``)::

    python benchmarks/voices.py analyze --corpus uk
    python benchmarks/voices.py sample --corpus uk --seed 1 --out /tmp/judging/uk_draft1.csv
    python benchmarks/blind_judging.py context /tmp/judging/uk_draft1.csv --corpus uk --out /tmp/judging
    python benchmarks/blind_judging.py merge /tmp/judging/uk_draft1.csv C1.csv C2.csv --corpus uk

Seeds 27-28 were judged from contexts byte-identical to what ``context`` writes from the tables
they were drawn from; the samples before were prepared by a similar script kept outside the
repository, with instructions that were not kept.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TABLES = HERE / "out" / "allsides"
#: ``--corpus uk``: the UK tables (``voices.py analyze --corpus uk``) and the UK audit files'
#: prefix (``voice_audit_uk_blindN.csv``); AllSides (``voice_audit_blindN.csv``) stays the default.
UK_TABLES = HERE / "out" / "uk"
PREFIX = {"allsides": "voice_audit_blind", "uk": "voice_audit_uk_blind"}
VOICE_TYPES = ("official", "politician", "civil_servant", "commentator", "advocacy", "expert", "business",
               "legal", "public", "sport_culture", "anonymous", "other")
MAX_PASSAGES = 4
MAX_EXTRA_PARAGRAPHS = 3


def _seed_of(draft: Path) -> str:
    m = re.search(r"(\d+)", Path(draft).stem)
    if not m:
        raise ValueError(f"{draft}: the draft's file name must carry its seed (e.g. draft27.csv)")
    return m.group(1)


def mark(text: str, start: int, end: int, spans: list[tuple[int, int, str, str]]) -> str:
    """``text[start:end]`` with each span (s, e, opening, closing) wrapped in its marks.

    Spans are clipped to the window; the later span is inserted first so earlier offsets hold.

    >>> mark("Ann said no.", 0, 12, [(0, 3, "{{", "}}"), (9, 11, "[[", "]]")])
    '{{Ann}} said [[no]].'
    """
    out = text[start:end]
    for s, e, opening, closing in sorted(spans, key=lambda x: -x[0]):
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        out = out[: s - start] + opening + out[s - start: e - start] + closing + out[e - start:]
    return out


class Tables:
    """The four AllSides tables a coder's context needs, indexed by article."""

    def __init__(self, tables: Path):
        missing = [n for n in ("articles", "paragraphs", "quotes", "mentions") if not (tables / f"{n}.parquet").is_file()]
        if missing:
            raise FileNotFoundError(f"{tables}: no {', '.join(n + '.parquet' for n in missing)} "
                                    f"(run `python benchmarks/voices.py analyze` first)")
        self.articles = pd.read_parquet(tables / "articles.parquet",
                                        columns=["id", "title", "outlet", "date", "text"]).set_index("id")
        paras = pd.read_parquet(tables / "paragraphs.parquet", columns=["article_id", "paragraph", "start", "end"])
        self.paragraphs = {k: g.sort_values("paragraph").reset_index(drop=True) for k, g in paras.groupby("article_id")}
        self.quotes = pd.read_parquet(tables / "quotes.parquet", columns=[
            "article_id", "start", "end", "kind", "speaker_id", "speaker_start", "speaker_end"])
        self.mentions = pd.read_parquet(tables / "mentions.parquet", columns=["article_id", "entity_id", "start", "end"])

    def paragraph_at(self, article_id: str, offset: int):
        g = self.paragraphs.get(article_id)
        if g is None:
            return None
        hit = g[(g.start <= offset) & (g.end > offset)]
        return None if hit.empty else hit.iloc[0]

    def speaker_block(self, number: int, row) -> list[str]:
        """Markdown for one drawn speaker: article, attributed passages, other paragraphs naming them."""
        aid, sid = row.article_id, row.speaker_id
        if aid not in self.articles.index:
            raise KeyError(f"speaker {number} ({sid}): article {aid} is not in the tables (drawn from other tables?)")
        art = self.articles.loc[aid]
        text = art.text
        lines = [f"\n---\n## {number}. {row.name}\n`article_id={aid}` `speaker_id={sid}`  \n"
                 f"Article: \"{art.title}\" ({art.outlet}, {str(art.date)[:10]})\n"]
        q = self.quotes[(self.quotes.article_id == aid) & (self.quotes.speaker_id == sid)].sort_values("start")
        lines.append(f"Attributed passages ({len(q)}):\n")
        shown: set[int] = set()
        for qq in q.head(MAX_PASSAGES).itertuples():
            spans = [(int(qq.start), int(qq.end), "[[", "]]")]
            offsets = [int(qq.start)]
            if pd.notna(qq.speaker_start):
                spans.append((int(qq.speaker_start), int(qq.speaker_end), "{{", "}}"))
                offsets.append(int(qq.speaker_start))
            # the window runs from the first paragraph of the quote or its speaker mention to the last
            # one holding either or the quote's end; paragraphs shown are not repeated below
            paras = [p for p in (self.paragraph_at(aid, o) for o in offsets) if p is not None]
            last = [p for p in (self.paragraph_at(aid, o) for o in offsets + [int(qq.end) - 1]) if p is not None]
            if not paras:
                continue
            shown.update(int(p.paragraph) for p in paras)
            window = mark(text, min(int(p.start) for p in paras), max(int(p.end) for p in last), spans)
            lines.append(f"> ({qq.kind}) " + window.replace("\n", "\n> ") + "\n")
        m = self.mentions[(self.mentions.article_id == aid) & (self.mentions.entity_id == sid)].sort_values("start")
        extra = []
        for mm in m.itertuples():
            p = self.paragraph_at(aid, int(mm.start))
            if p is None or int(p.paragraph) in shown:
                continue
            shown.add(int(p.paragraph))
            extra.append(p)
        if extra:
            lines.append("Other paragraphs mentioning them:\n")
            for p in extra[:MAX_EXTRA_PARAGRAPHS]:
                spans = [(int(mm.start), int(mm.end), "**", "**") for mm in m.itertuples() if p.start <= mm.start < p.end]
                lines.append("> " + mark(text, int(p.start), int(p.end), spans).replace("\n", "\n> ") + "\n")
        return lines


def write_context(draft: Path, out: Path, tables: Path = TABLES) -> tuple[Path, Path]:
    """Write ``context<seed>.md`` (no prediction) and ``template<seed>.csv`` for a drawn sample.

    Raises:
        ValueError: ``out`` lies inside the repository (the context quotes copyrighted text).
    """
    out = Path(out).resolve()
    if out == REPO or REPO in out.parents:
        raise ValueError(f"--out {out}: the context quotes article text; write it outside the repository")
    seed = _seed_of(draft)
    d = pd.read_csv(draft, keep_default_na=False)
    t = Tables(Path(tables))
    lines = [f"# Blind sample {seed}: {len(d)} speakers\n",
             "Each speaker: the article, then the passages the tool attributed to this speaker ([[...]] marks the "
             "quoted/reported words attributed to them, {{...}} marks the tool's speaker mention), then other "
             "paragraphs mentioning them (**...**).\n"]
    for i, row in enumerate(d.itertuples(index=False), 1):
        lines += t.speaker_block(i, row)
    out.mkdir(parents=True, exist_ok=True)
    ctx, template = out / f"context{seed}.md", out / f"template{seed}.csv"
    ctx.write_text("\n".join(lines), encoding="utf-8")
    d[["article_id", "speaker_id", "name"]].assign(judged="", note="").to_csv(template, index=False)
    return ctx, template


def check_coded(coded: pd.DataFrame, draft: pd.DataFrame, label: str) -> None:
    """Raise ValueError unless a coder's file has the draft's rows in order and valid types."""
    if len(coded) != len(draft):
        raise ValueError(f"{label}: {len(coded)} rows, the draft has {len(draft)}")
    for col in ("article_id", "speaker_id"):
        if col not in coded.columns:
            raise ValueError(f"{label}: no column {col!r}")
        bad = [i for i, (a, b) in enumerate(zip(coded[col], draft[col])) if a != b]
        if bad:
            raise ValueError(f"{label}, line {bad[0] + 2}: {col} {coded[col].iloc[bad[0]]!r} is not the draft's "
                             f"{draft[col].iloc[bad[0]]!r} (keep the template's rows in order)")
    bad = [i for i, v in enumerate(coded["judged"]) if v not in VOICE_TYPES]
    if bad:
        raise ValueError(f"{label}, line {bad[0] + 2}: judged {coded['judged'].iloc[bad[0]]!r} is not one of "
                         f"{', '.join(VOICE_TYPES)}")


def merge(draft: Path, coder1: Path, coder2: Path | None, dest: Path = HERE, corpus: str = "allsides") -> dict:
    """Write ``voice_audit_blind<seed>.csv`` (draft + coder 1's judged and note) and the second
    coder's file; return accuracy against each coder and their agreement.

    With ``corpus="uk"`` the files are ``voice_audit_uk_blind<seed>.csv`` and ``..._coder2.csv``.
    """
    if corpus not in PREFIX:
        raise ValueError(f"corpus {corpus!r}: expected one of {', '.join(PREFIX)}")
    prefix = PREFIX[corpus]
    seed = _seed_of(draft)
    d = pd.read_csv(draft, keep_default_na=False)
    c1 = pd.read_csv(coder1, keep_default_na=False)
    check_coded(c1, d, str(coder1))
    audit = d.drop(columns=[c for c in ("judged", "note") if c in d.columns]).assign(
        judged=c1["judged"].to_numpy(), note=c1["note"].to_numpy())
    audit.to_csv(Path(dest) / f"{prefix}{seed}.csv", index=False)
    res = {"seed": seed, "n": len(d), "accuracy": float((audit["predicted"] == audit["judged"]).mean()),
           "not_a_speaker": int(audit["note"].str.lower().str.startswith("not a speaker").sum())}
    if coder2 is not None:
        c2 = pd.read_csv(coder2, keep_default_na=False)
        check_coded(c2, d, str(coder2))
        c2[["article_id", "speaker_id", "name", "judged", "note"]].to_csv(
            Path(dest) / f"{prefix}{seed}_coder2.csv", index=False)
        res["accuracy_coder2"] = float((audit["predicted"] == c2["judged"].to_numpy()).mean())
        res["agreement"] = float((c1["judged"].to_numpy() == c2["judged"].to_numpy()).mean())
    return res


def _meta(value, missing: str) -> str:
    """An article's outlet or date as text, or ``missing`` when the corpus gives none (BBC 2005).

    Only the article reader uses it: the context keeps pandas' ``nan`` so that earlier samples'
    contexts are reproduced byte for byte."""
    return missing if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def print_article(article_id: str, tables: Path = TABLES) -> None:
    a = pd.read_parquet(Path(tables) / "articles.parquet", columns=["id", "title", "outlet", "date", "text"])
    hit = a[a["id"] == article_id]
    if hit.empty:
        raise SystemExit(f"no article {article_id!r} in {tables}")
    r = hit.iloc[0]
    print(f"{r.title} | {_meta(r.outlet, 'no outlet')} | {_meta(r.date, 'no date')}")
    for i, p in enumerate(r.text.split("\n")):
        if p.strip():
            print(f"[{i}] {p}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    corpus_help = "allsides (default) or uk (tables in out/uk, audit files voice_audit_uk_blindN.csv)"
    p = sub.add_parser("context", help="context and template files for a drawn sample")
    p.add_argument("draft", type=Path)
    p.add_argument("--out", type=Path, required=True, help="folder outside the repository")
    p.add_argument("--corpus", choices=tuple(PREFIX), default="allsides", help=corpus_help)
    p.add_argument("--tables", type=Path, default=None, help="tables folder (default: out/allsides or out/uk)")
    p = sub.add_parser("article", help="print one article with paragraph numbers")
    p.add_argument("article_id")
    p.add_argument("--corpus", choices=tuple(PREFIX), default="allsides", help=corpus_help)
    p.add_argument("--tables", type=Path, default=None, help="tables folder (default: out/allsides or out/uk)")
    p = sub.add_parser("merge", help="check the coders' files and write the audit files")
    p.add_argument("draft", type=Path)
    p.add_argument("coder1", type=Path)
    p.add_argument("coder2", type=Path, nargs="?")
    p.add_argument("--corpus", choices=tuple(PREFIX), default="allsides", help=corpus_help)
    args = ap.parse_args(argv)
    if args.cmd in ("context", "article") and args.tables is None:
        args.tables = UK_TABLES if args.corpus == "uk" else TABLES
    if args.cmd in ("context", "article") and not (args.tables / "articles.parquet").is_file():
        flag = " --corpus uk" if args.corpus == "uk" else ""
        print(f"skipped: no tables in {args.tables} (run `python benchmarks/voices.py analyze{flag}` with ../shared present)")
        return 0
    if args.cmd == "context":
        for f in write_context(args.draft, args.out, args.tables):
            print(f"wrote {f}")
    elif args.cmd == "article":
        print_article(args.article_id, args.tables)
    else:
        res = merge(args.draft, args.coder1, args.coder2, corpus=args.corpus)
        print(", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
