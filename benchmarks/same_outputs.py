"""Check that a code change leaves every output byte-identical (for speed work).

Usage (from the repository root)::

    python benchmarks/same_outputs.py dump /tmp/ref      # before the change: outputs of the current code
    python benchmarks/same_outputs.py dump /tmp/new      # after it
    python benchmarks/same_outputs.py compare /tmp/ref /tmp/new

``dump`` runs ``newsvoices quotes`` (JSON lines) and ``newsvoices analyze --out``
(Parquet + CSV tables) over all of ``../shared/corpora`` (or ``--only`` some corpus
folders) with no cache and no time budget, and writes ``sums.txt``, an MD5 per file
(``run_info.json`` left out: it holds timings). ``compare`` compares the sums and,
for differing tables, prints the first differing rows. Skips cleanly when the
corpora are absent.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path


def _corpora(only: list[str]) -> list[Path]:
    from newsvoices.config import SHARED_DIR

    base = SHARED_DIR / "corpora"
    if not base.is_dir():
        return []
    folders = [d for d in sorted(base.iterdir()) if d.is_dir()]
    if not only:
        return folders
    picked = [d for d in folders if any(d.name == o or d.name.startswith(o) for o in only)]
    if not picked:
        raise SystemExit(f"--only {','.join(only)}: no corpus folder of {base} is named so "
                         f"(folders: {', '.join(d.name for d in folders)})")
    return picked


def _cli() -> list[str]:
    return [sys.executable, "-m", "newsvoices"]


def dump(out: Path, only: list[str], workers: int) -> int:
    paths = _corpora(only)
    if not paths:
        print("skipped: ../shared/corpora is absent")
        return 0
    if out.exists():
        shutil.rmtree(out)
    (out / "tables").mkdir(parents=True)
    common = ["--workers", str(workers), "--time-budget", "0"]
    with open(out / "quotes.jsonl", "w", encoding="utf-8") as fh:
        subprocess.run(_cli() + ["quotes", *map(str, paths), *common], stdout=fh, check=True)
    subprocess.run(_cli() + ["analyze", *map(str, paths), "--out", str(out / "tables"), "--no-cache",
                             "--no-progress", *common], check=True, stdout=subprocess.DEVNULL)
    sums = []
    for f in sorted([out / "quotes.jsonl", *(out / "tables").iterdir()]):
        if f.is_file() and f.name != "run_info.json":
            sums.append(f"{hashlib.md5(f.read_bytes()).hexdigest()}  {f.relative_to(out)}")
    (out / "sums.txt").write_text("\n".join(sums) + "\n", encoding="utf-8")
    print("\n".join(sums))
    return 0


def compare(a: Path, b: Path) -> int:
    sa = dict(reversed(line.split("  ", 1)) for line in (a / "sums.txt").read_text().splitlines())
    sb = dict(reversed(line.split("  ", 1)) for line in (b / "sums.txt").read_text().splitlines())
    bad = sorted(f for f in sa.keys() | sb.keys() if sa.get(f) != sb.get(f) and not f.endswith("run_info.json"))
    for f in bad:
        print(f"DIFFERS: {f}")
        if f.endswith(".parquet") and (a / f).is_file() and (b / f).is_file():
            import pandas as pd

            x, y = pd.read_parquet(a / f), pd.read_parquet(b / f)
            if x.shape != y.shape:
                print(f"  shape {x.shape} vs {y.shape}")
            else:
                rows = (x.astype(str) != y.astype(str)).any(axis=1)
                print(x[rows].head(3).to_string()[:2000])
                print(y[rows].head(3).to_string()[:2000])
    print("identical" if not bad else f"{len(bad)} of {len(sa)} files differ")
    return 1 if bad else 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="write the outputs of the current code to OUT")
    d.add_argument("out", type=Path)
    d.add_argument("--only", default="", help="comma-separated corpus folder names or their beginnings, e.g. allsides (default: all)")
    d.add_argument("--workers", type=int, default=1)
    c = sub.add_parser("compare", help="compare two dumps")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = p.parse_args(argv)
    if args.cmd == "dump":
        return dump(args.out, [s for s in args.only.split(",") if s], args.workers)
    return compare(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
