"""Command line: ``newsvoices analyze|quotes|evaluate ...``.

Run ``newsvoices --help`` for the commands.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__


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


def cmd_analyze(args) -> int:
    from .pipeline import analyze, write_tables

    result = analyze(args.paths, progress=not args.no_progress)
    written = write_tables(result, args.out)
    log = result.run_log
    n_ok = int((log["status"] == "processed").sum())
    n_skip = int((log["status"] == "skipped").sum())
    print(f"{n_ok} articles processed, {n_skip} inputs skipped; {len(result.quotes)} quotes; "
          f"wrote {len(written)} files to {args.out}", file=sys.stderr)
    for row in log[log["status"] == "skipped"].itertuples(index=False):
        print(f"skipped {row.source}: {row.reason}", file=sys.stderr)
    return 0


def cmd_quotes(args) -> int:
    from .pipeline import analyze

    result = analyze(args.paths)
    for rec in _quotes_json(result):
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for row in result.run_log[result.run_log["status"] == "skipped"].itertuples(index=False):
        print(f"skipped {row.source}: {row.reason}", file=sys.stderr)
    return 0


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

    build_reports(args.corpus, args.out, progress=not args.no_progress)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsvoices", description="Measure who gets to speak in the news.")
    p.add_argument("--version", action="version", version=f"newsvoices {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse articles and write every table as Parquet and CSV")
    a.add_argument("paths", nargs="+", metavar="PATH", help=".txt file, folder, .jsonl/.csv export, .html page or glob")
    a.add_argument("--out", required=True, help="output folder")
    a.add_argument("--no-progress", action="store_true", help="no progress bar")
    a.set_defaults(func=cmd_analyze)

    q = sub.add_parser("quotes", help="print one JSON line of quotes per article")
    q.add_argument("paths", nargs="+", metavar="PATH")
    q.set_defaults(func=cmd_quotes)

    e = sub.add_parser("evaluate", help="score quote extraction against your own annotations (JSONL gold)",
                       description="Score predictions (the `newsvoices quotes` output) against gold annotations; "
                                   "without PRED, newsvoices itself is run on the gold texts. The gold format and "
                                   "the matching rules are documented in newsvoices.evaluate.")
    e.add_argument("--gold", required=True, help="gold JSONL: id, text, quotes[start, end, kind, speaker, ...]")
    e.add_argument("pred", nargs="?", help="predictions JSONL (default: run newsvoices on the gold texts)")
    e.add_argument("--json", action="store_true", help="print every score as JSON")
    e.set_defaults(func=cmd_evaluate)

    n = sub.add_parser("notebooks", help="analyse a corpus, execute the notebooks, export offline HTML reports")
    n.add_argument("corpus", metavar="PATH")
    n.add_argument("--out", default="reports", help="output folder (default: reports)")
    n.add_argument("--no-progress", action="store_true")
    n.set_defaults(func=cmd_notebooks)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
