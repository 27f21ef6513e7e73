"""Command line: ``newsvoices analyze|quotes|evaluate|notebooks|report|export-coding|agreement ...``.

Run ``newsvoices --help`` for the commands.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__


#: Said (and exit status 1) when a command read no article at all: a mistyped path, or an
#: export whose text column is named differently, should not look like a successful run.
NO_ARTICLES = ("newsvoices {cmd}: no article was read (every input was skipped, see the reasons above); "
               "check the path, and name the text column of a CSV/JSONL export with --columns text=NAME")


def _quotes_json(analysis) -> list[dict]:
    """One record per article in the scoring format of ``newsvoices quotes``."""
    quotes = analysis.quotes
    out = []
    by_article = {aid: g for aid, g in quotes.groupby("article_id", sort=False)} if len(quotes) else {}
    for aid in analysis.articles["id"]:
        g = by_article.get(aid)
        recs = []
        if g is not None:
            for q in g.sort_values(["start", "end"]).itertuples(index=False):
                recs.append({
                    "start": int(q.start), "end": int(q.end), "text": q.text, "kind": q.kind,
                    "speaker": None if q.speaker is None or q.speaker != q.speaker else q.speaker,
                    "speaker_start": None if q.speaker_start is None or q.speaker_start != q.speaker_start else int(q.speaker_start),
                    "speaker_end": None if q.speaker_end is None or q.speaker_end != q.speaker_end else int(q.speaker_end),
                    "voice": None if q.voice_type is None or q.voice_type != q.voice_type else q.voice_type,
                })
        out.append({"id": aid, "quotes": recs})
    return out


def _run_options(args) -> dict:
    return {
        "workers": args.workers, "engine": args.engine, "scheduler": args.scheduler,
        "time_budget": None if args.time_budget <= 0 else args.time_budget,
        "columns": args.columns,
    }


def cmd_analyze(args) -> int:
    from pathlib import Path

    from .runner import run

    opts = _run_options(args)
    try:
        Path(args.out).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"newsvoices analyze: cannot write the output folder {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    cache = None if args.no_cache else (args.cache or str(Path(args.out) / ".cache"))
    summary = run(args.paths, args.out, cache_dir=cache, progress=not args.no_progress, **opts)
    print(f"{summary['processed']} articles processed, {summary['skipped']} inputs skipped "
          f"({summary['cached']} from the cache) in {summary['seconds']:.1f} s; "
          f"wrote {len(summary['files'])} files to {args.out}", file=sys.stderr)
    if summary["skipped"]:
        import pandas as pd

        log = pd.read_csv(Path(args.out) / "run_log.csv", keep_default_na=False) if "run_log.csv" in summary["files"] \
            else pd.read_parquet(Path(args.out) / "run_log")
        skipped = log[log["status"] == "skipped"]
        for row in skipped.head(20).itertuples(index=False):
            print(f"skipped {row.source}: {row.reason}", file=sys.stderr)
        if len(skipped) > 20:
            print(f"... and {len(skipped) - 20} more (see run_log.csv)", file=sys.stderr)
    if not summary["processed"]:
        print(NO_ARTICLES.format(cmd="analyze"), file=sys.stderr)
        return 1
    return 0


def cmd_quotes(args) -> int:
    from .pipeline import analyze

    # in memory: the voices need the corpus-level pass (a speaker's voice from its other articles)
    result = analyze(args.paths, **_run_options(args))
    for rec in _quotes_json(result):
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for row in result.run_log[result.run_log["status"] == "skipped"].itertuples(index=False):
        print(f"skipped {row.source}: {row.reason}", file=sys.stderr)
    if result.articles.empty:
        print(NO_ARTICLES.format(cmd="quotes"), file=sys.stderr)
        return 1
    return 0


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores; 1: no pool)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local process pool (default) or a Dask cluster")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster)")
    p.add_argument("--time-budget", type=float, default=120.0, metavar="SECONDS",
                   help="skip (and log) an article that takes longer than this (0: no limit; default 120)")
    _add_columns(p)


def _columns_arg(spec: str) -> dict[str, str] | None:
    """``--columns`` parsed when the command line is read, so a mistake is a usage error."""
    from .corpus import parse_columns

    try:
        return parse_columns(spec)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--columns: ")) from None


def _add_columns(p: argparse.ArgumentParser) -> None:
    p.add_argument("--columns", default=None, type=_columns_arg, metavar="FIELD=COLUMN,...",
                   help="column names of CSV/JSONL exports, e.g. text=body,id=doc_id,outlet=source")


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate_files, format_scores

    try:
        scores = evaluate_files(args.gold, args.pred)
    except (OSError, ValueError, KeyError) as exc:
        print(f"newsvoices evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores, indent=1, sort_keys=True))
    else:
        print(format_scores(scores))
        print(f"gold: {scores['n_gold_direct']} direct and {scores['n_gold_indirect']} indirect quotes; "
              f"predicted: {scores['n_pred_direct']} direct-looking and {scores['n_pred_other']} other spans")
    return 0


def cmd_notebooks(args) -> int:
    from .report import build_reports

    try:
        build_reports(args.corpus, args.out, progress=not args.no_progress, columns=args.columns)
    except ValueError as exc:
        print(f"newsvoices notebooks: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_report(args) -> int:
    from .report import build_report

    try:
            out = build_report(args.path, args.out, outlet=args.outlet, date_from=args.date_from, date_to=args.date_to,
                           title=args.title, columns=args.columns)
    except ValueError as exc:
        print(f"newsvoices report: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


def cmd_export_coding(args) -> int:
    import pandas as pd

    from .coding import export_coding, known_voice_types
    from .pipeline import analyze, load_tables
    from .report import _is_tables_dir
    from pathlib import Path

    paths = [Path(p) for p in args.paths]
    analysis = load_tables(paths[0]) if len(paths) == 1 and _is_tables_dir(paths[0]) \
        else analyze(args.paths, columns=args.columns)
    if analysis.articles.empty:
        for row in analysis.run_log[analysis.run_log["status"] == "skipped"].head(20).itertuples(index=False):
            print(f"skipped {row.source}: {row.reason}", file=sys.stderr)
        print(NO_ARTICLES.format(cmd="export-coding"), file=sys.stderr)
        return 1
    try:
        out = export_coding(analysis, args.out, sample=args.sample, seed=args.seed)
    except ValueError as exc:
        print(f"newsvoices export-coding: {exc}", file=sys.stderr)
        return 2
    n = len(pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                        sep="\t" if out.suffix.lower() == ".tsv" else ","))
    if args.sample and n < args.sample:
        print(f"note: --sample {args.sample} asked for more quotes than there are; the sheet has all {n}",
              file=sys.stderr)
    voices = ", ".join(known_voice_types()) or "see data/codebooks/"
    print(f"wrote {n} quotes to {out}\n"
          f"Coders fill: coder (name), coder_is_quote (yes/no), coder_speaker (full name, none, or ok to accept "
          f"the tool's), coder_voice_type ({voices}; or ok), coder_notes.\n"
          f"Then: newsvoices agreement {out}", file=sys.stderr)
    return 0


def cmd_agreement(args) -> int:
    from .coding import agreement, format_agreement

    try:
        table = agreement(args.sheets)
    except ValueError as exc:
        print(f"newsvoices agreement: {exc}", file=sys.stderr)
        return 2
    extra = []
    if args.per_type or args.tables:
        from .coding import coded_voice_sample
        from .correction import corrected_shares, type_scores

        try:
            sample = coded_voice_sample(args.sheets, coder=args.coder)
            if args.per_type:
                extra.append(("per voice type (tool against coder)", type_scores(sample["tool"], sample["coder"])))
            if args.tables:
                from .pipeline import load_tables

                quotes = load_tables(args.tables).quotes
                kind = None if args.kind == "all" else args.kind
                s = sample if kind is None else sample[sample["kind"].isin([kind, ""])]
                extra.append((f"share of {args.kind} quoted words per voice type, corrected by the coded sample "
                              f"({len(s)} items)", corrected_shares(quotes, s, by=args.by, kind=kind)))
        except (ValueError, OSError) as exc:
            print(f"newsvoices agreement: {exc}", file=sys.stderr)
            return 2
    if args.out:
        table.to_csv(args.out, index=False, lineterminator="\n")
    if args.json:
        for rec in table.to_dict(orient="records"):
            clean = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
            sys.stdout.write(json.dumps(clean, ensure_ascii=False) + "\n")
    else:
        print(format_agreement(table))
    for title, t in extra:
        if args.json:
            for rec in t.to_dict(orient="records"):
                clean = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
                sys.stdout.write(json.dumps({"table": title, **clean}, ensure_ascii=False) + "\n")
        else:
            print(f"\n{title}:\n{t.round(3).to_string(index=False)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsvoices", description="Measure who gets to speak in the news.")
    p.add_argument("--version", action="version", version=f"newsvoices {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse articles and write every table as Parquet and CSV")
    a.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, folder, .jsonl/.json/.csv export, .html page or glob")
    a.add_argument("--out", required=True, help="output folder")
    a.add_argument("--no-progress", action="store_true", help="no progress bar")
    a.add_argument("--cache", default=None, metavar="DIR",
                   help="result cache: reruns reuse unchanged articles and resume after a crash (default: OUT/.cache)")
    a.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    _add_run_options(a)
    a.set_defaults(func=cmd_analyze)

    q = sub.add_parser("quotes", help="print one JSON line of quotes per article")
    q.add_argument("paths", nargs="+", metavar="PATH")
    _add_run_options(q)
    q.set_defaults(func=cmd_quotes)

    e = sub.add_parser("evaluate", help="score quote extraction against your own annotations (JSONL gold)",
                       description="Score predictions (the `newsvoices quotes` output) against gold annotations; "
                                   "without PRED, newsvoices itself is run on the gold texts. Gold: one JSON line per "
                                   "article, {\"id\", \"text\", \"quotes\": [{\"start\", \"end\", \"kind\" "
                                   "(direct/mixed/indirect), \"speaker\", \"speaker_start\", \"speaker_end\"}]} with "
                                   "Python string offsets into text. Format and matching rules in full: "
                                   "python -c \"import newsvoices.evaluate as e; help(e)\".")
    e.add_argument("--gold", required=True, help="gold JSONL: id, text, quotes[start, end, kind, speaker, ...]")
    e.add_argument("pred", nargs="?", help="predictions JSONL (default: run newsvoices on the gold texts)")
    e.add_argument("--json", action="store_true", help="print every score as JSON")
    e.set_defaults(func=cmd_evaluate)

    n = sub.add_parser("notebooks", help="analyse a corpus, execute the notebooks, export offline HTML reports")
    n.add_argument("corpus", metavar="PATH", help="articles (file, folder, .jsonl ...) or a tables folder from analyze")
    n.add_argument("--out", default="reports", help="output folder (default: reports)")
    n.add_argument("--no-progress", action="store_true")
    _add_columns(n)
    n.set_defaults(func=cmd_notebooks)

    r = sub.add_parser("report", help="one self-contained HTML report (offline, printable) for a corpus")
    r.add_argument("path", metavar="PATH", help="articles (file, folder, .jsonl ...) or a tables folder from analyze")
    r.add_argument("--out", required=True, help="HTML file to write, e.g. reports/NAME.html")
    r.add_argument("--outlet", help="only articles from this outlet")
    r.add_argument("--from", dest="date_from", metavar="DATE", help="only articles dated on or after DATE (YYYY-MM-DD)")
    r.add_argument("--to", dest="date_to", metavar="DATE", help="only articles dated on or before DATE (YYYY-MM-DD)")
    r.add_argument("--title", help="report title")
    _add_columns(r)
    r.set_defaults(func=cmd_report)

    e = sub.add_parser("export-coding", help="write every quote with context for human coders (CSV)")
    e.add_argument("paths", nargs="+", metavar="PATH", help="articles, or a tables folder from analyze")
    e.add_argument("--out", required=True, help="CSV (or .tsv) sheet to write")
    e.add_argument("--sample", type=int, help="a random sample of this many quotes instead of all")
    e.add_argument("--seed", type=int, default=0, help="seed of the random sample (default 0)")
    _add_columns(e)
    e.set_defaults(func=cmd_export_coding)

    g = sub.add_parser("agreement", help="agreement between coders and the tool (percent, Cohen's kappa, Krippendorff's alpha)")
    g.add_argument("sheets", nargs="+", metavar="SHEET", help="coded sheet(s) from export-coding")
    g.add_argument("--out", help="also write the table as CSV")
    g.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    g.add_argument("--per-type", action="store_true", help="also precision and recall of the tool per voice type")
    g.add_argument("--tables", metavar="DIR", help="tables folder from analyze: also print the share of quoted words "
                   "per voice type corrected by the coded sample (the sheet must be a random sample)")
    g.add_argument("--by", help="group the corrected shares by this quotes column (e.g. outlet, bias_text)")
    g.add_argument("--kind", default="direct", choices=["direct", "indirect", "all"],
                   help="quotes counted in the corrected shares (default direct)")
    g.add_argument("--coder", help="whose coding the per-type and corrected figures use (default: first by name)")
    g.set_defaults(func=cmd_agreement)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
