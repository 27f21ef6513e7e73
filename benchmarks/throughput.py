"""Throughput, peak memory and scaling of newsvoices over ../shared/corpora.

Usage (from the repository root, after ``pip install -e .``)::

    python benchmarks/throughput.py                 # everything below on the whole corpora (~5,350 articles)
    python benchmarks/throughput.py --quick         # a 1,000-article sample, for a fast look
    python benchmarks/throughput.py --only bbc-news-2005
    python benchmarks/throughput.py --scales 1,2,4  # scaling: the corpora repeated 1x, 2x, 4x
    python benchmarks/throughput.py --articles 100000 --skip-basic --scales ""   # the 100k run
    python benchmarks/throughput.py --profile       # where the time goes (cProfile, in-process)

What it measures, each in a fresh subprocess so peak memory (ru_maxrss) is per measurement:

* ``extract``: quote extraction + attribution alone (``extract.extract``), articles already in memory;
* ``analyze``: the full per-article analysis (``pipeline.analyze_article``: extraction, voices,
  sentiment, tables rows), articles in memory;
* ``run``: ``newsvoices analyze`` end to end (``runner.run``): read the files, analyse, stream
  Parquet + CSV to a temporary folder.

Each on one process and on all cores. "words" are whitespace-separated tokens. Throughput per
core is words / CPU seconds of the processes doing the work, which stays meaningful when the
machine is shared (wall-clock numbers then understate it). Reference: the spaCy-based quote
extractors run at about 8,000 words/s per process on this machine.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_EXTRACT = 240_000
TARGET_FULL = 120_000
SPACY_REFERENCE = 8_000


def corpora_dir() -> Path:
    from newsvoices.config import SHARED_DIR

    return SHARED_DIR / "corpora"


def input_paths(only: list[str] | None) -> list[Path]:
    base = corpora_dir()
    dirs = sorted(p for p in base.iterdir() if p.is_dir())
    if only:
        dirs = [d for d in dirs if d.name in only]
    return dirs


def load(paths, n: int | None, repeat: int = 1):
    from newsvoices.corpus import Skip, iter_corpus

    stream = (a for a in iter_corpus(list(paths) * repeat) if not isinstance(a, Skip))
    return list(itertools.islice(stream, n)) if n else list(stream)


def _sample(arts, n):
    if not n or n >= len(arts):
        return arts
    return [arts[i * len(arts) // n] for i in range(n)]


# --------------------------------------------------------------------------- workers
_FUNC = None
_ARTS: list = []


def _work_chunk(bounds):
    lo, hi = bounds
    return sum(_count(_FUNC(a)) for a in _ARTS[lo:hi])


def _count(res):
    if isinstance(res, dict):
        return len(res.get("quotes", []))
    return len(getattr(res, "quotes", []))


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def _children() -> list[int]:
    pids: list[int] = []
    for task in Path(f"/proc/{os.getpid()}/task").glob("*"):
        try:
            pids += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return sorted(pids)


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def _peak_mb() -> tuple[float, float]:
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def measure(cfg: dict) -> dict:
    """One measurement (runs in its own subprocess)."""
    global _FUNC, _ARTS
    from newsvoices import extract, pipeline, runner

    paths = [Path(p) for p in cfg["paths"]]
    kind, workers = cfg["kind"], cfg["workers"]
    t_load = time.perf_counter()
    if kind == "run":
        from newsvoices.corpus import iter_corpus

        stream = iter_corpus(paths * cfg["repeat"])
        if cfg.get("repeat_first"):
            from newsvoices.corpus import Skip

            first = list(itertools.islice((a for a in iter_corpus(paths) if not isinstance(a, Skip)),
                                          cfg["repeat_first"]))

            def repeated():
                import copy

                for k in range(cfg["repeat"]):
                    for a in first:
                        b = copy.copy(a)
                        b.id = f"{a.id}~r{k}" if k else a.id
                        yield b

            stream = repeated()
        if cfg.get("articles"):
            stream = itertools.islice((a for a in stream if not hasattr(a, "reason")), cfg["articles"])
        counter = {"words": 0, "n": 0}
        trace: list[dict] = []
        every = cfg.get("trace_every") or 0
        t_start = time.perf_counter()

        def counted(items):
            for a in items:
                if not hasattr(a, "reason"):
                    counter["words"] += len(a.text.split())
                counter["n"] += 1
                if every and counter["n"] % every == 0:
                    point = {"articles_read": counter["n"], "seconds": round(time.perf_counter() - t_start, 1),
                             "rss_mb_main": _rss_mb(os.getpid()),
                             "rss_mb_workers": [_rss_mb(c) for c in _children()]}
                    trace.append(point)
                    print(json.dumps(point), file=sys.stderr, flush=True)
                yield a

        stream = counted(stream)
        out = tempfile.mkdtemp(prefix="nv-bench-")
        cpu0, t0 = _cpu(), time.perf_counter()
        summary = runner.run(stream, out, workers=workers, progress=cfg.get("progress", False))
        wall, cpu = time.perf_counter() - t0, _cpu() - cpu0
        import shutil

        size = sum(f.stat().st_size for f in Path(out).rglob("*") if f.is_file())
        shutil.rmtree(out, ignore_errors=True)
        n_art = summary["processed"]
        # words as whitespace tokens of the texts (same count as the other modes)
        n_words = counter["words"]
        res = {"articles": n_art, "skipped": summary["skipped"], "output_mb": round(size / 1e6, 1), "trace": trace}
    else:
        arts = load(paths, cfg.get("articles"), cfg["repeat"])
        arts = _sample(arts, cfg.get("sample"))
        load_s = time.perf_counter() - t_load
        n_words = sum(len(a.text.split()) for a in arts)
        _FUNC = extract.extract if kind == "extract" else pipeline.analyze_article
        _ARTS = arts
        _FUNC(arts[0])  # warm-up: imports and rule files
        runner.worker_gc()  # as the worker processes of `newsvoices analyze` do (forked workers inherit it)
        cpu0, t0 = _cpu(), time.perf_counter()
        if workers == 1:
            n_quotes = sum(_count(_FUNC(a)) for a in arts)
        else:
            import multiprocessing as mp

            step = 32
            chunks = [(i, min(i + step, len(arts))) for i in range(0, len(arts), step)]
            with mp.get_context("fork").Pool(workers) as pool:
                n_quotes = sum(pool.imap_unordered(_work_chunk, chunks))
        wall, cpu = time.perf_counter() - t0, _cpu() - cpu0
        n_art = len(arts)
        res = {"articles": n_art, "quotes": n_quotes, "load_seconds": round(load_s, 2)}
    peak_self, peak_child = _peak_mb()
    res.update({
        "kind": kind, "workers": workers, "repeat": cfg["repeat"], "words": n_words,
        "wall_seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
        "articles_per_s": round(n_art / wall, 1), "words_per_s": round(n_words / wall),
        "words_per_cpu_s": round(n_words / cpu) if cpu else None,
        "peak_mb_main": round(peak_self), "peak_mb_worker": round(peak_child),
        "load_avg": round(os.getloadavg()[0], 1),
    })
    return res


def run_sub(cfg: dict) -> dict:
    out = subprocess.run([sys.executable, __file__, "--_measure", json.dumps(cfg)], stdout=subprocess.PIPE,
                         stderr=None if cfg.get("trace_every") else subprocess.PIPE, text=True)
    if out.returncode != 0:
        raise SystemExit(f"measurement failed: {cfg}\n{(out.stderr or '')[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def show(r: dict) -> None:
    per_core = r["words_per_cpu_s"]
    print(f"{r['kind']:8} workers={r['workers']:<2} x{r['repeat']:<3} {r['articles']:>7} art {r['words']:>10,} words "
          f"{r['wall_seconds']:>8.1f} s wall {r['cpu_seconds']:>8.1f} s cpu | {r['articles_per_s']:>8.1f} art/s "
          f"{r['words_per_s']:>9,} words/s | per core {per_core or 0:>9,} words/cpu-s | "
          f"peak MB main {r['peak_mb_main']:>5} worker {r['peak_mb_worker']:>5} | load {r['load_avg']}", flush=True)


def profile(paths, n: int) -> None:
    """cProfile of the full analysis on ``n`` articles, by module and by function."""
    import cProfile
    import pstats
    from collections import defaultdict

    from newsvoices import pipeline

    arts = _sample(load(paths, None), n)
    pipeline.analyze_article(arts[0])
    prof = cProfile.Profile()
    prof.enable()
    for a in arts:
        pipeline.analyze_article(a)
    prof.disable()
    stats = pstats.Stats(prof)
    by_mod: dict[str, float] = defaultdict(float)
    total = 0.0
    for (fname, _, _), (_, _, tt, _, _) in stats.stats.items():
        total += tt
        if "newsvoices" in fname:
            key = "newsvoices/" + fname.rsplit("/", 1)[-1]
        elif "site-packages" in fname:
            key = fname.split("site-packages/", 1)[1].split("/", 1)[0]
        elif fname.startswith("~") or fname.startswith("<"):
            key = "builtins (regex, str methods ...)"
        else:
            key = "stdlib/" + fname.rsplit("/", 1)[-1]
        by_mod[key] += tt
    print(f"\nprofile of pipeline.analyze_article over {len(arts)} articles: {total:.2f} s (own time by module)")
    for k, v in sorted(by_mod.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {v:7.2f} s {100 * v / total:5.1f}%  {k}")
    print("\ntop functions by cumulative time:")
    stats.sort_stats("cumulative").print_stats(25)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="a 1,000-article sample for the basic numbers")
    p.add_argument("--only", default="", help="comma-separated corpus folder names (default: all)")
    p.add_argument("--workers", type=int, default=os.cpu_count(), help="processes for the all-cores runs")
    p.add_argument("--scales", default="1,2,4", help="repeat factors for the scaling runs ('' to skip)")
    p.add_argument("--scale-base", type=int, default=0,
                   help="articles in the x1 scaling run (default: the whole corpora; x2, x4 repeat it)")
    p.add_argument("--articles", type=int, default=0, help="an end-to-end run over this many articles (corpora repeated)")
    p.add_argument("--skip-basic", action="store_true", help="skip the extract/analyze/run basics")
    p.add_argument("--profile", action="store_true", help="profile the full analysis in-process and stop")
    p.add_argument("--json", default=None, help="also write all results to this JSON file")
    p.add_argument("--_measure", default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args._measure:
        print(json.dumps(measure(json.loads(args._measure))))
        return 0
    base = corpora_dir()
    if not base.is_dir():
        print(f"skipped: {base} is absent (the shared corpora live next to the checkout)")
        return 0
    only = [s for s in args.only.split(",") if s]
    paths = [str(x) for x in input_paths(only)]
    if args.profile:
        profile(paths, 300 if args.quick else 1500)
        return 0
    print(f"corpora: {', '.join(Path(x).name for x in paths)}; cores {os.cpu_count()}; "
          f"load average now {os.getloadavg()[0]:.1f} (a shared machine makes wall-clock numbers pessimistic)")
    results = []
    sample = 1000 if args.quick else None
    if not args.skip_basic:
        for kind in ("extract", "analyze"):
            for w in (1, args.workers):
                r = run_sub({"kind": kind, "workers": w, "paths": paths, "repeat": 1, "sample": sample})
                results.append(r)
                show(r)
        for w in (1, args.workers):
            r = run_sub({"kind": "run", "workers": w, "paths": paths, "repeat": 1})
            results.append(r)
            show(r)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    scaling = []
    for k in scales:
        cfg = {"kind": "run", "workers": args.workers, "paths": paths, "repeat": k}
        if args.scale_base:  # the first N articles, repeated k times
            cfg.update(repeat_first=args.scale_base)
        r = run_sub(cfg)
        results.append(r)
        scaling.append(r)
        show(r)
    if len(scaling) > 1:
        b = scaling[0]
        print("\nscaling (relative to x1): " + "; ".join(
            f"x{r['repeat']}: wall {r['wall_seconds'] / b['wall_seconds']:.2f}, cpu {r['cpu_seconds'] / b['cpu_seconds']:.2f}, "
            f"peak main {r['peak_mb_main'] / b['peak_mb_main']:.2f}, worker {r['peak_mb_worker'] / max(b['peak_mb_worker'], 1):.2f}"
            for r in scaling))
    if args.articles:
        per_copy = sum(1 for _ in load(paths, None))
        repeat = -(-args.articles // per_copy)
        r = run_sub({"kind": "run", "workers": args.workers, "paths": paths, "repeat": repeat, "articles": args.articles,
                     "trace_every": 5000})
        results.append(r)
        show(r)
    basics = {(r["kind"], r["workers"]): r for r in results if r["repeat"] == 1}
    if basics:
        print("\nper core (words per CPU-second of the working processes) vs targets:")
        for (kind, w), r in sorted(basics.items()):
            target = {"extract": TARGET_EXTRACT, "analyze": TARGET_FULL, "run": TARGET_FULL}[kind]
            print(f"  {kind:8} workers={w}: {r['words_per_cpu_s'] or 0:>9,} (target {target:,}; "
                  f"{(r['words_per_cpu_s'] or 0) / SPACY_REFERENCE:.0f}x the spaCy-based ~8,000)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
