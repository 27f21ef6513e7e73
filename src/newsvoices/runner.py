"""Corpus-scale runs: all cores, progress, caching, time budgets, crash safety, Dask.

The per-article work is always :func:`newsvoices.pipeline.analyze_article`; this
module only decides *where* it runs and *how* its rows reach the tables:

* **local engine** (default): a pool of worker processes (all cores by default)
  fed in small batches over pipes. Results come back in input order, so a
  sequential and a parallel run give byte-identical tables.
* **dask engine**: the same function on a Dask cluster (``scheduler`` is an
  address such as ``tcp://host:8786``, a ``distributed.Client``, or ``None`` for a
  ``LocalCluster`` on this machine); tables are written as partitioned Parquet.
* **time budget**: an article running longer than ``time_budget`` seconds is
  interrupted (SIGALRM in the worker; the worker process is killed and replaced
  if that does not work) and logged as skipped; the run goes on.
* **cache and resume**: with a cache folder, each article's rows are stored in
  SQLite keyed by a hash of the article (text, id, metadata) and of the
  versions of the code and of every rule file in ``data/``. A rerun reuses
  unchanged articles; a run that was killed resumes where it stopped.
* **streaming and crash safety**: :func:`run` writes rows in chunks to a
  temporary folder, so memory does not grow with the corpus; the final tables
  are assembled and moved into place only at the end (``os.replace``), so an
  interrupted run never leaves a half-written table.

Example:
    >>> from newsvoices.config import SEEDS_DIR
    >>> import tempfile
    >>> out = tempfile.mkdtemp()
    >>> summary = run(SEEDS_DIR, out, workers=1)
    >>> summary["processed"], summary["skipped"]
    (1, 0)
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import multiprocessing as mp
import operator
import os
import pickle
import shutil
import signal
import sqlite3
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from multiprocessing.connection import wait as _wait
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .corpus import Corpus, InputFile, Skip, expand_paths, iter_corpus
from .model import Article

#: Tables built from the per-article rows (``run_log`` is added by the runner).
ROW_TABLES = ("articles", "paragraphs", "quotes", "speakers", "mentions")
#: Default per-article time budget in seconds.
DEFAULT_TIME_BUDGET = 120.0
#: Below this many articles a run stays in this process (a pool costs more than it saves).
MIN_PARALLEL = 32
#: Extra seconds past the budget before a stuck worker process is killed (when SIGALRM did not help).
HARD_SLACK = 5.0

#: Garbage-collector thresholds while a batch of articles is analysed (Python's default is
#: (700, 10, 10)). The analysis makes few reference cycles but keeps large memo caches, which
#: every collection walks and frees nothing from: with the defaults that costs about 5% of the
#: full analysis (measured with ``gc.callbacks`` on 1,000 articles; 0.7% with these).
BATCH_GC_THRESHOLD = (100_000, 50, 10)

Result = tuple[str, Any]  # ("processed", rows) or ("skipped", reason)


def worker_gc() -> None:
    """Set up garbage collection for a process that only analyses articles (a pool worker).

    The warm state (imported modules, loaded rule files) is never garbage, so it is moved out of
    the collector's way (``gc.freeze``), and collections run at :data:`BATCH_GC_THRESHOLD`.
    """
    gc.freeze()
    gc.set_threshold(*BATCH_GC_THRESHOLD)


@contextlib.contextmanager
def fewer_collections():
    """Collect garbage less often inside the block; the thresholds before it are restored after.

    When collections happen has no effect on what the analysis computes, so results are the
    same; only the collector's time changes.

    Example:
        >>> import gc
        >>> before = gc.get_threshold()
        >>> with fewer_collections():
        ...     gc.get_threshold() == BATCH_GC_THRESHOLD
        True
        >>> gc.get_threshold() == before
        True
    """
    old = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*old)


# --------------------------------------------------------------------------- versions
@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of everything that changes results: package version, source code, data files.

    Cached results are only reused under the same fingerprint.
    """
    from . import __version__
    from .config import DATA_DIR, PACKAGE_DIR

    h = hashlib.sha256(f"newsvoices {__version__}\n".encode())
    for base, pattern in ((PACKAGE_DIR, "*.py"), (Path(DATA_DIR), "**/*")):
        for f in sorted(Path(base).glob(pattern)):
            if f.is_file() and "__pycache__" not in f.parts and not f.name.startswith("."):
                h.update(f.relative_to(base).as_posix().encode() + b"\0")
                h.update(f.read_bytes())
                h.update(b"\0")
    return h.hexdigest()[:24]


def article_key(article: Article, fp: str | None = None) -> str:
    """Cache key of an article: its content and metadata plus the :func:`fingerprint`."""
    h = hashlib.sha256((fp or fingerprint()).encode())
    head = json.dumps(
        [article.id, article.title, article.outlet, article.date, article.url, article.source,
         article.title_in_text, article.paragraphs, article.meta],
        sort_keys=True, default=repr, ensure_ascii=False,
    )
    h.update(head.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(article.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# --------------------------------------------------------------------------- one article
class ArticleTimeout(BaseException):
    """Raised inside a worker when an article exceeds its time budget.

    A ``BaseException`` (like ``KeyboardInterrupt``) so that no ``except Exception``
    in the analysis can swallow it.
    """


def _on_alarm(signum, frame):  # pragma: no cover - exercised in worker processes
    raise ArticleTimeout()


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in another thread at its next Python instruction (None: cancel a pending one)."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


class _ThreadBudget:
    """The time budget where SIGALRM cannot be used (Dask worker threads): a timer thread
    raises :class:`ArticleTimeout` in the analysing thread (CPython's
    ``PyThreadState_SetAsyncExc``). The exception arrives at the thread's next Python
    instruction, so one long-running C call (a regex search) finishes first."""

    def __init__(self, seconds: float):
        self.seconds = float(seconds)
        self.lock = threading.Lock()
        self.active = False
        self.fired = False

    def __enter__(self) -> "_ThreadBudget":
        self.thread_id = threading.get_ident()
        self.active = True
        self.timer = threading.Timer(self.seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()
        return self

    def _fire(self) -> None:
        with self.lock:
            if self.active:
                self.fired = True
                _async_raise(self.thread_id, ArticleTimeout)

    def __exit__(self, exc_type, exc, tb) -> bool:
        with self.lock:
            self.active = False
        self.timer.cancel()
        if self.fired:
            _async_raise(self.thread_id, None)  # not delivered yet: deliver it here, deterministically
            if exc_type is None:
                raise ArticleTimeout()
        return False


def _can_raise_in_threads() -> bool:
    try:
        import ctypes

        return hasattr(ctypes, "pythonapi") and hasattr(ctypes.pythonapi, "PyThreadState_SetAsyncExc")
    except ImportError:  # pragma: no cover
        return False


def describe_error(exc: BaseException) -> str:
    """A one-line, deterministic reason for a failed article (type, message, where)."""
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" (at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno})" if tb else ""
    msg = str(exc).replace("\n", " ")
    if len(msg) > 200:
        msg = msg[:200] + "…"
    return f"{type(exc).__name__}: {msg}{where}"


_WARM = False


def warm_up() -> None:
    """Import the analysis and load its rule files once, outside any time budget.

    An alarm that interrupted the first (loading) call would leave modules half
    imported; with fork, workers inherit the warm state from the parent.
    """
    global _WARM
    if _WARM:
        return
    from . import pipeline

    try:
        pipeline.analyze_article(Article(id="warm-up", text='Title\n"Yes, we will," said Ann Lee, the minister.'))
    except Exception:  # a real article will report the problem
        pass
    _WARM = True


def analyze_one(article: Article, time_budget: float | None = None) -> Result:
    """Run ``pipeline.analyze_article`` on one article; never raises.

    Returns:
        ``("processed", rows)`` or ``("skipped", reason)``. The time budget is
        enforced with SIGALRM where this runs in a main thread (worker processes,
        scripts), and with a timer that raises in the analysing thread elsewhere
        (Dask worker threads, see :class:`_ThreadBudget`).
    """
    from . import pipeline

    main = threading.current_thread() is threading.main_thread()
    alarm = bool(time_budget) and hasattr(signal, "setitimer") and main
    in_thread = bool(time_budget) and not main and _can_raise_in_threads()
    if alarm or in_thread:
        warm_up()
    try:
        old = None
        if alarm:
            old = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, float(time_budget))
        try:
            if in_thread:
                with _ThreadBudget(time_budget):
                    rows = pipeline.analyze_article(article)
            else:
                rows = pipeline.analyze_article(article)
        finally:
            if alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, old)
        return "processed", rows
    except ArticleTimeout:
        return "skipped", f"time budget of {time_budget:g} s exceeded"
    except RecursionError:
        return "skipped", "RecursionError: article too deeply nested for the analysis"
    except Exception as exc:  # one bad article never stops a corpus run
        return "skipped", describe_error(exc)


# --------------------------------------------------------------------------- cache
class ResultCache:
    """Per-article results in one SQLite file (atomic commits, safe to kill).

    Only results under the current :func:`fingerprint` are kept; older ones are
    dropped when the cache is opened. The cache is trusted local data (pickles).
    """

    #: Seconds between commits (a killed run loses at most this much work).
    COMMIT_SECONDS = 2.0

    def __init__(self, folder: str | os.PathLike, fp: str | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.fp = fp or fingerprint()
        self.db = sqlite3.connect(self.folder / "results.sqlite", timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, fp TEXT, payload BLOB)")
        self.db.execute("DELETE FROM results WHERE fp != ?", (self.fp,))
        self.db.commit()
        self._pending: list[tuple[str, str, bytes]] = []
        self._last = time.monotonic()
        self.hits = 0

    def get(self, key: str) -> bytes | None:
        row = self.db.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        if row is not None:
            self.hits += 1
            return row[0]
        return None

    def put(self, key: str, payload: bytes) -> None:
        self._pending.append((key, self.fp, payload))
        if len(self._pending) >= 500 or time.monotonic() - self._last > self.COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        if self._pending:
            self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", self._pending)
            self.db.commit()
            self._pending.clear()
        self._last = time.monotonic()

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def __bool__(self) -> bool:  # an empty cache is still a cache
        return True

    def close(self) -> None:
        self.commit()
        self.db.close()


# --------------------------------------------------------------------------- local pool
def _worker_main(conn, time_budget, inherited=()):  # pragma: no cover - runs in child processes
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    worker_gc()
    for other in inherited:  # other workers' pipe ends, inherited through fork: close, so EOF reaches them
        other.close()
    parent = os.getppid()
    while True:
        try:
            if not conn.poll(1.0):
                if os.getppid() != parent:  # the parent was killed: do not linger
                    return
                continue
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        for art in batch:
            res = analyze_one(art, time_budget)
            try:
                buf = pickle.dumps(res, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                buf = pickle.dumps(("skipped", f"result not picklable: {describe_error(exc)}"))
            conn.send_bytes(buf)


def _mp_context():
    method = os.environ.get("NEWSVOICES_START_METHOD") or ("fork" if sys.platform.startswith("linux") else "spawn")
    return mp.get_context(method)


class _Worker:
    def __init__(self, ctx, time_budget, others=()):
        self.conn, child = ctx.Pipe(duplex=True)
        inherited = [w.conn for w in others] if ctx.get_start_method() == "fork" else []
        self.proc = ctx.Process(target=_worker_main, args=(child, time_budget, inherited), daemon=True)
        self.proc.start()
        child.close()
        self.batch: deque[tuple[int, Article, str | None]] = deque()
        self.since = time.monotonic()

    def send(self, batch):
        self.batch.extend(batch)
        self.since = time.monotonic()
        self.conn.send([art for _, art, _ in batch])

    def stop(self, kill: bool = False):
        try:
            if kill:
                self.proc.kill()
            else:
                self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(timeout=0.5 if not kill else 5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.conn.close()


def _hard_limit(time_budget: float | None) -> float | None:
    return None if not time_budget else time_budget + max(HARD_SLACK, 0.5 * time_budget)


# --------------------------------------------------------------------------- results in order
def iter_results(
    inputs,
    *,
    workers: int | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    cache: ResultCache | None = None,
    engine: str = "local",
    scheduler: Any = None,
    columns: dict[str, str] | None = None,
    batch_size: int | None = None,
    on_result=None,
) -> Iterator[tuple[Article | Skip, str, Any]]:
    """Analyse every input and yield ``(item, status, payload)`` in input order.

    ``item`` is the Article (or the Skip of an unreadable input); ``status`` is
    ``processed`` (payload: the rows of each table) or ``skipped`` (payload: the reason).

    Args:
        inputs: a Corpus, a list of Articles, or paths for :func:`~newsvoices.corpus.iter_corpus`.
        workers: processes (local) or ignored (dask); default: all cores. 1 runs in this process.
        time_budget: seconds per article before it is skipped (None: no limit).
        cache: a :class:`ResultCache` to reuse and store results.
        engine: ``local`` or ``dask``.
        scheduler: for dask: address, ``distributed.Client``, or None for a LocalCluster.
        columns: column mapping for CSV/JSONL inputs.
        batch_size: articles per task (default 8 local, 64 dask).
        on_result: optional callable(status) called as each result is yielded (progress bars).
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if isinstance(inputs, (list, tuple)) and inputs and all(isinstance(a, (Article, Skip)) for a in inputs):
        items: Iterable = iter(inputs)
    else:
        items = iter_corpus(inputs, columns)
    fp = cache.fp if cache is not None else None

    def prepared() -> Iterator[tuple[Article | Skip, Result | None, str | None, bytes | None]]:
        for item in items:
            if isinstance(item, Skip):
                yield item, ("skipped", item.reason), None, None
                continue
            key = article_key(item, fp) if cache is not None else None
            buf = cache.get(key) if cache is not None else None
            if buf is not None:
                yield item, pickle.loads(buf), key, None
            else:
                yield item, None, key, None

    stream = prepared()
    gen = (_dask_results if engine == "dask" else _local_results)(
        stream, workers=workers, time_budget=time_budget, scheduler=scheduler, batch_size=batch_size,
    )
    for item, res, key, buf in gen:
        if cache is not None and key is not None and buf is not None and res[0] == "processed":
            cache.put(key, buf)
        if on_result:
            on_result(res[0])
        yield item, res[0], res[1]
    if cache is not None:
        cache.commit()


def _local_results(stream, *, workers, time_budget, scheduler=None, batch_size=None):
    """Yield ``(item, result, key, pickled result or None)`` in order, using a process pool."""
    workers = max(1, int(workers or os.cpu_count() or 1))
    batch_size = batch_size or 8
    # Peek ahead: a small corpus (or workers=1) stays in this process.
    head: list = []
    n_todo = 0
    exhausted = True
    if workers > 1:
        for entry in stream:
            head.append(entry)
            n_todo += entry[1] is None
            if n_todo >= MIN_PARALLEL or len(head) >= 4 * MIN_PARALLEL:
                exhausted = False
                break
    if workers == 1 or (exhausted and n_todo < MIN_PARALLEL):
        with fewer_collections():  # for the whole run: restoring the defaults after each article would collect more
            for item, res, key, _ in _chain(head, stream):
                if res is None:
                    res = analyze_one(item, time_budget)
                    yield item, res, key, (pickle.dumps(res, protocol=pickle.HIGHEST_PROTOCOL) if key else None)
                else:
                    yield item, res, key, None
        return
    yield from _pool_results(_chain(head, stream), workers, time_budget, batch_size)


def _chain(head, rest):
    yield from head
    yield from rest


def _pool_results(stream, workers, time_budget, batch_size):
    ctx = _mp_context()
    if ctx.get_start_method() == "fork":  # import and load rules once, shared by every forked worker
        warm_up()
    hard = _hard_limit(time_budget)
    pool: list[_Worker] = []
    for _ in range(workers):
        pool.append(_Worker(ctx, time_budget, pool))
    done: dict[int, tuple] = {}  # seq -> (item, res, key, buf)
    meta: dict[int, tuple] = {}  # seq -> (item, key) for dispatched articles
    retry: deque[tuple[int, Article, str | None]] = deque()
    next_seq = 0
    next_out = 0
    exhausted = False
    max_ahead = max(256, workers * batch_size * 8)
    try:
        while True:
            # 1. hand batches to idle workers
            for i, w in enumerate(pool):
                if w.batch:
                    continue
                batch = []
                while len(batch) < batch_size and retry:
                    batch.append(retry.popleft())
                while len(batch) < batch_size and not exhausted and next_seq - next_out < max_ahead:
                    try:
                        item, res, key, _ = next(stream)
                    except StopIteration:
                        exhausted = True
                        break
                    seq = next_seq
                    next_seq += 1
                    if res is not None:
                        done[seq] = (item, res, key, None)
                    else:
                        meta[seq] = (item, key)
                        batch.append((seq, item, key))
                if batch:
                    try:
                        w.send(batch)
                    except (OSError, ValueError, pickle.PicklingError) as exc:
                        for seq, item, key in batch:
                            done[seq] = (item, ("skipped", f"could not send to a worker: {describe_error(exc)}"), key, None)
                            meta.pop(seq, None)
                        w.batch.clear()
            # 2. emit what is complete, in order
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in pool if w.batch]
            if not busy:
                if exhausted and not retry and next_out == next_seq:
                    return
                if exhausted and not retry and next_out in done:
                    continue
                if not exhausted or retry:
                    continue
                # exhausted, nothing busy, but gaps remain: should not happen
                raise RuntimeError("runner lost track of results")  # pragma: no cover
            # 3. wait for results (or a deadline)
            timeout = 1.0
            if hard:
                now = time.monotonic()
                timeout = max(0.01, min(timeout, min(w.since + hard - now for w in busy)))
            ready = _wait([w.conn for w in busy], timeout)
            now = time.monotonic()
            for w in busy:
                if w.conn in ready:
                    try:
                        while w.batch and w.conn.poll():
                            buf = w.conn.recv_bytes()
                            seq, item, key = w.batch.popleft()
                            meta.pop(seq, None)
                            done[seq] = (item, pickle.loads(buf), key, buf)
                            w.since = time.monotonic()
                        continue
                    except (EOFError, OSError):
                        w.proc.join(timeout=1)
                        reason = f"worker process died (exit code {w.proc.exitcode}) on this article"
                elif hard and now - w.since > hard:
                    reason = f"time budget of {time_budget:g} s exceeded (worker stopped)"
                elif not w.proc.is_alive():
                    reason = f"worker process died (exit code {w.proc.exitcode}) on this article"
                else:
                    continue
                # the worker is stuck or dead: skip its current article, requeue the rest
                seq, item, key = w.batch.popleft()
                meta.pop(seq, None)
                done[seq] = (item, ("skipped", reason), key, None)
                retry.extendleft(reversed(w.batch))
                w.batch.clear()
                w.stop(kill=True)
                pool[pool.index(w)] = _Worker(ctx, time_budget, [x for x in pool if x is not w])
    finally:
        for w in pool:
            w.stop(kill=bool(w.batch))


# --------------------------------------------------------------------------- dask
def _dask_batch(articles: list[Article], time_budget: float | None) -> list[bytes]:
    """Dask task: analyse a batch of articles (the same function as the local engine)."""
    with fewer_collections():
        return [pickle.dumps(analyze_one(a, time_budget), protocol=pickle.HIGHEST_PROTOCOL) for a in articles]


def _dask_client(scheduler, workers):
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        return scheduler, None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(1, int(workers or os.cpu_count() or 1)), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        return Client(cluster), cluster
    if hasattr(scheduler, "scheduler_address"):  # a cluster object
        return Client(scheduler), None
    return Client(str(scheduler)), None


def _dask_results(stream, *, workers, time_budget, scheduler=None, batch_size=None):
    client, own_cluster = _dask_client(scheduler, workers)
    own_client = own_cluster is not None or not hasattr(scheduler, "submit")
    batch_size = batch_size or 64
    try:
        fps = set(client.run(fingerprint).values())
        if fps and fps != {fingerprint()}:
            raise ValueError(
                "the Dask workers run a different newsvoices version or data/ files than this client "
                f"(worker fingerprints {sorted(fps)}, client {fingerprint()}); install the same version on every worker"
            )
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
        window = max(4, n_workers * 3)
        pending: deque = deque()  # (entries, future or None)

        def fill():
            while len(pending) < window:
                entries, todo = [], []
                for entry in stream:
                    entries.append(entry)
                    if entry[1] is None:
                        todo.append(entry[0])
                    if len(todo) >= batch_size or len(entries) >= 4 * batch_size:
                        break
                if not entries:
                    return
                fut = client.submit(_dask_batch, todo, time_budget, pure=False) if todo else None
                pending.append((entries, fut))

        fill()
        while pending:
            entries, fut = pending.popleft()
            failed = None
            try:
                bufs = iter(fut.result()) if fut is not None else iter(())
            except Exception as exc:  # e.g. KilledWorker: the batch is logged as skipped, the run goes on
                failed, bufs = f"Dask task failed: {describe_error(exc)}", iter(())
            for item, res, key, _ in entries:
                if res is None and failed:
                    yield item, ("skipped", failed), key, None
                elif res is None:
                    buf = next(bufs)
                    yield item, pickle.loads(buf), key, buf
                else:
                    yield item, res, key, None
            fill()
    finally:
        if own_client:
            client.close()
        if own_cluster is not None:
            own_cluster.close()


# --------------------------------------------------------------------------- tables
_ARROW_OK = (pa.types.is_null, pa.types.is_boolean, pa.types.is_int64, pa.types.is_float64, pa.types.is_string)


def _to_text(v: Any) -> str | None:
    return None if v is None else str(v)


def column_array(values: list) -> pa.Array:
    """Typed Arrow array for one column: null, bool, int64, float64 or string.

    Mixed columns (e.g. a label that is a number in one record and text in
    another) become strings, so the result never depends on row order or chunking.
    """
    try:
        arr = pa.array(values)
        if any(ok(arr.type) for ok in _ARROW_OK):
            return arr
        if pa.types.is_integer(arr.type):
            return arr.cast(pa.int64())
        if pa.types.is_floating(arr.type):
            return arr.cast(pa.float64())
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError, TypeError, ValueError):
        pass
    return pa.array([_to_text(v) for v in values], type=pa.string())


def _unify(t1: pa.DataType, t2: pa.DataType) -> pa.DataType:
    if t1 == t2 or pa.types.is_null(t2):
        return t1
    if pa.types.is_null(t1):
        return t2
    if {str(t1), str(t2)} == {"int64", "double"}:
        return pa.float64()
    return pa.string()


def _conform(arr: pa.ChunkedArray | pa.Array, target: pa.DataType) -> pa.Array:
    if arr.type == target:
        return arr
    if pa.types.is_null(arr.type) or (pa.types.is_float64(target) and pa.types.is_int64(arr.type)):
        return arr.cast(target)
    return pa.array([_to_text(v) for v in arr.to_pylist()], type=target)


def rows_to_table(rows: list[dict[str, Any]], columns: list[str]) -> pa.Table:
    """Arrow table of ``rows``: the interface ``columns`` first, then other keys in first-seen order."""
    names = dict.fromkeys(columns)
    shapes: set = set()
    for r in rows:
        keys = tuple(r)
        if keys not in shapes:
            shapes.add(keys)
            names.update(dict.fromkeys(keys))
    cols = list(names)
    if len(cols) == 1:
        values = [[r.get(cols[0]) for r in rows]]
    else:
        getter = operator.itemgetter(*cols)
        try:  # every row has every column (the usual case): transpose in C
            values = list(zip(*map(getter, rows))) if rows else [[] for _ in cols]
        except KeyError:
            values = [[r.get(c) for r in rows] for c in cols]
    return pa.table([column_array(list(v)) for v in values], names=cols)


def table_to_frame(table: pa.Table):
    """pandas DataFrame of an Arrow table, the same way Parquet files read back."""
    return table.to_pandas()


#: Speaker columns the corpus-level step reads (see :meth:`TableSink.corpus_pass`).
PASS_COLUMNS = ("article_id", "speaker_id", "voice_type", "voice_rule", "kind", "name")


def corpus_pass():
    """The corpus-level step run after every article (``voices.propagate_rows``), or None.

    It takes and returns ``(speaker rows, quote rows or None)``.
    """
    from . import voices

    return getattr(voices, "propagate_rows", None)


def table_columns() -> dict[str, list[str]]:
    """Interface columns of every table, in order."""
    from . import pipeline

    return {
        "articles": pipeline.ARTICLE_COLUMNS, "paragraphs": pipeline.PARAGRAPH_COLUMNS,
        "quotes": pipeline.QUOTE_COLUMNS, "speakers": pipeline.SPEAKER_COLUMNS,
        "mentions": pipeline.MENTION_COLUMNS, "run_log": pipeline.RUN_LOG_COLUMNS,
    }


def log_row(item: Article | Skip, status: str, payload: Any) -> dict[str, Any]:
    """The ``run_log`` row of one input."""
    if isinstance(item, Skip):
        return {"source": item.source, "article_id": item.article_id, "status": "skipped", "reason": item.reason}
    return {"source": item.source, "article_id": item.id, "status": status,
            "reason": payload if status == "skipped" else ""}


#: CSV copies: quotes only where needed, empty cells for missing values, ``\n`` line ends.
try:
    _CSV_OPTIONS = pacsv.WriteOptions(quoting_style="needed", quoting_header="needed")
except TypeError:  # pyarrow < 17: the header is always quoted
    _CSV_OPTIONS = pacsv.WriteOptions(quoting_style="needed")


def _patch_quote_voices(t: pa.Table, quote_fix: dict[tuple, Any]) -> pa.Table | None:
    """``t`` (a quotes part) with ``voice_type`` set from ``quote_fix`` ((article id, speaker
    id) -> voice), or None when no row changes."""
    if not len(t):
        return None
    aids, sids = t.column("article_id").to_pylist(), t.column("speaker_id").to_pylist()
    values = None
    for i, k in enumerate(zip(aids, sids)):
        if k in quote_fix:
            values = values if values is not None else t.column("voice_type").to_pylist()
            values[i] = quote_fix[k]
    return None if values is None else _set_column(t, "voice_type", values)


def _set_column(t: pa.Table, name: str, values: list) -> pa.Table:
    i = t.column_names.index(name)
    return t.set_column(i, name, column_array(values))


def _read_part(part: Path, columns: list[str] | None = None) -> pa.Table:
    with pa.memory_map(str(part), "r") as source:
        table = pa.ipc.open_file(source).read_all()
    return table.select(columns) if columns is not None else table


class TableSink:
    """Streams rows into chunked part files in a temporary folder, then assembles tables.

    Memory holds one chunk at a time; nothing appears in ``out_dir`` until
    :meth:`finish`, which moves complete files into place.
    """

    def __init__(self, out_dir: str | os.PathLike, chunk_articles: int = 1000, chunk_rows: int = 200_000,
                 partitioned: bool = False, csv: bool = True):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        for stale in self.out.glob(".newsvoices-tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.tmp = self.out / f".newsvoices-tmp-{os.getpid()}-{int(time.time() * 1000)}"
        self.tmp.mkdir()
        self.columns = table_columns()
        self.buffers: dict[str, list] = {name: [] for name in self.columns}
        self.parts: dict[str, list[Path]] = {name: [] for name in self.columns}
        self.schema: dict[str, dict[str, pa.DataType]] = {name: {} for name in self.columns}
        self.nulls: dict[str, set[str]] = {name: set() for name in self.columns}
        self.chunk_articles, self.chunk_rows = chunk_articles, chunk_rows
        self.partitioned, self.csv = partitioned, csv
        self.n_items = 0
        self.n_rows = 0

    def add(self, item, status, payload) -> None:
        self.buffers["run_log"].append(log_row(item, status, payload))
        if status == "processed":
            for name, rows in payload.items():
                if name in self.buffers:
                    self.buffers[name].extend(rows)
                    self.n_rows += len(rows)
        self.n_items += 1
        if self.n_items % self.chunk_articles == 0 or self.n_rows >= self.chunk_rows:
            self.flush()

    def flush(self) -> None:
        for name, rows in self.buffers.items():
            if rows:
                self._write_part(name, rows)
                rows.clear()
        self.n_rows = 0

    def _write_part(self, name: str, rows: list[dict[str, Any]], tag: str = "") -> None:
        table = rows_to_table(rows, self.columns[name])
        self._track(name, table)
        self._save_part(name, table, tag)

    def _track(self, name: str, table: pa.Table) -> None:
        schema = self.schema[name]
        for f, col in zip(table.schema, table.columns):
            schema[f.name] = _unify(schema[f.name], f.type) if f.name in schema else f.type
            if col.null_count:
                self.nulls[name].add(f.name)

    def _save_part(self, name: str, table: pa.Table, tag: str = "") -> None:
        """Write a chunk as an Arrow IPC file (fast; only the final tables are Parquet)."""
        part = self.tmp / f"{name}{tag}-{len(self.parts[name]):06d}.arrow"
        with pa.OSFile(str(part), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        self.parts[name].append(part)

    def corpus_pass(self) -> None:
        """Corpus-level steps that need every article first: speaker voices propagated across
        articles (:meth:`_voice_pass`), then surname-only speakers given the full name the corpus
        uses the surname for (:meth:`_identity_pass`)."""
        self._voice_pass()
        self._identity_pass()

    def _identity_pass(self) -> None:
        """:class:`newsvoices.identity.SurnameMerge` over the parts: one pass over the mentions
        (counts per surname), one over the speakers (which articles have which ids), then the
        speaker and quote parts whose ids change are rewritten."""
        from .identity import SurnameMerge

        if not self.parts["speakers"] or not self.parts["mentions"]:
            return
        merge = SurnameMerge()
        cols = ("article_id", "entity_id", "text", "mention_kind")
        for part in self.parts["mentions"]:
            t = _read_part(part)
            for r in t.select([c for c in cols if c in t.column_names]).to_pylist():
                merge.count(r)
        merge.decide()
        if not merge.full:
            return
        for part in self.parts["mentions"]:
            t = _read_part(part)
            for r in t.select([c for c in cols if c in t.column_names]).to_pylist():
                merge.note(r)
        ids: dict[str, set[str]] = {}
        for part in self.parts["speakers"]:
            t = _read_part(part)
            for aid, sid in zip(t.column("article_id").to_pylist(), t.column("speaker_id").to_pylist()):
                ids.setdefault(aid, set()).add(sid)
        fix: dict[tuple, str] = {}

        def patch_speakers(t: pa.Table) -> pa.Table | None:
            rows = t.select(["article_id", "speaker_id", "kind"]).to_pylist()
            values = None
            for i, r in enumerate(rows):
                new = merge.target(r, ids.get(r["article_id"], set()))
                if new is not None:
                    values = values if values is not None else t.column("speaker_id").to_pylist()
                    values[i] = new
                    fix[(r["article_id"], r["speaker_id"])] = new
            return None if values is None else _set_column(t, "speaker_id", values)

        def patcher(column: str):
            def patch(t: pa.Table) -> pa.Table | None:
                if not len(t):
                    return None
                values = None
                for i, k in enumerate(zip(t.column("article_id").to_pylist(), t.column(column).to_pylist())):
                    new = fix.get(k)
                    if new is not None:
                        values = values if values is not None else t.column(column).to_pylist()
                        values[i] = new
                return None if values is None else _set_column(t, column, values)
            return patch

        self._patch_parts("speakers", patch_speakers, tag="identity")
        del ids
        if fix:  # the quotes' speaker and the mentions' entity, so "discussed but not quoted" agrees
            self._patch_parts("quotes", patcher("speaker_id"), tag="identity")
            self._patch_parts("mentions", patcher("entity_id"), tag="identity")

    def _voice_pass(self) -> None:
        """Speaker voices propagated across articles (``voices.propagate_rows``).

        The propagation sees slim speaker rows (``PASS_COLUMNS``, strings shared), so
        memory stays a few hundred bytes per speaker row; its changes are then patched
        into the ``voice_type``/``voice_rule`` columns of the speakers and quotes parts.
        """
        post = corpus_pass()
        if post is None or not self.parts["speakers"]:
            return
        if getattr(post, "streaming", None) is not None:
            self._corpus_pass_streamed(post.streaming())
            return
        intern: dict[str, str] = {}
        slim: list[dict[str, Any]] = []
        for part in self.parts["speakers"]:
            t = _read_part(part)
            t = t.select([c for c in PASS_COLUMNS if c in t.column_names])
            for row in t.to_pylist():
                slim.append({k: intern.setdefault(v, v) if isinstance(v, str) else v for k, v in row.items()})
        new_rows, _ = post(slim, None)
        key = ("voice_type", "voice_rule")
        speaker_fix: dict[int, tuple] = {}
        quote_fix: dict[tuple, Any] = {}
        for i, (old, new) in enumerate(zip(slim, new_rows)):
            if tuple(old.get(k) for k in key) != tuple(new.get(k) for k in key):
                speaker_fix[i] = tuple(new.get(k) for k in key)
                quote_fix[(new.get("article_id"), new.get("speaker_id"))] = new.get("voice_type")
        del slim, new_rows, intern
        if not speaker_fix:
            return
        offset = 0
        tables = []
        for part in self.parts["speakers"]:
            t = _read_part(part)
            hits = [(i - offset, speaker_fix[i]) for i in range(offset, offset + len(t)) if i in speaker_fix]
            offset += len(t)
            if hits:
                for j, col in enumerate(key):
                    values = t.column(col).to_pylist()
                    for i, v in hits:
                        values[i] = v[j]
                    t = _set_column(t, col, values)
            tables.append(t)
        self._replace_parts("speakers", tables)
        tables = []
        for part in self.parts["quotes"]:
            t = _read_part(part)
            tables.append(_patch_quote_voices(t, quote_fix) or t)
        self._replace_parts("quotes", tables)

    def _slim_rows(self) -> Iterator[list[dict[str, Any]]]:
        """The speaker rows, one part at a time, with the columns the corpus step reads."""
        for part in self.parts["speakers"]:
            t = _read_part(part)
            yield t.select([c for c in PASS_COLUMNS if c in t.column_names]).to_pylist()

    def _corpus_pass_streamed(self, prop) -> None:
        """:meth:`corpus_pass` with a streaming propagation (``voices.Propagation``): two
        counting passes and one patching pass over the parts, so memory stays flat (it
        holds the per-speaker counts, one part, and the changed (article, speaker) pairs)."""
        for rows in self._slim_rows():
            for r in rows:
                prop.vote(r)
        prop.decide()
        for rows in self._slim_rows():
            for r in rows:
                prop.count_surname(r)
        prop.decide_surnames()
        quote_fix: dict[tuple, Any] = {}
        intern: dict[str, str] = {}  # one copy of each article and speaker id in the keys
        cols = ("voice_type", "voice_rule")

        def patch_speakers(t: pa.Table) -> pa.Table | None:
            slim = t.select([c for c in PASS_COLUMNS if c in t.column_names]).to_pylist()
            hits = []
            for i, r in enumerate(slim):
                new = prop.fix(r)
                if new is not None and new != tuple(r.get(c) for c in cols):
                    hits.append((i, new))
                    aid, sid = r.get("article_id"), r.get("speaker_id")
                    quote_fix[(intern.setdefault(aid, aid), intern.setdefault(sid, sid))] = new[0]
            if not hits:
                return None
            for j, col in enumerate(cols):
                values = t.column(col).to_pylist()
                for i, v in hits:
                    values[i] = v[j]
                t = _set_column(t, col, values)
            return t

        def patch_quotes(t: pa.Table) -> pa.Table | None:
            return _patch_quote_voices(t, quote_fix)

        self._patch_parts("speakers", patch_speakers)
        if quote_fix:
            self._patch_parts("quotes", patch_quotes)

    def _patch_parts(self, name: str, patch, tag: str = "corpus") -> None:
        """Rewrite, one at a time, the parts of ``name`` that ``patch(table)`` changes
        (it returns the new table, or None to keep the part); ``tag`` names the new files,
        one per corpus step, so a step never writes over a part it is reading."""
        self.schema[name], self.nulls[name] = {}, set()
        kept = []
        for k, part in enumerate(self.parts[name]):
            t = _read_part(part)
            new = patch(t)
            if new is not None:
                path = self.tmp / f"{name}-{tag}-{k:06d}.arrow"
                with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, new.schema) as writer:
                    writer.write_table(new)
                del t
                part.unlink(missing_ok=True)
                part, t = path, new
            self._track(name, t)
            kept.append(part)
        self.parts[name] = kept

    def _replace_parts(self, name: str, tables: list[pa.Table]) -> None:
        old = self.parts[name]
        self.parts[name], self.schema[name], self.nulls[name] = [], {}, set()
        for t in tables:
            self._track(name, t)
            self._save_part(name, t, tag="-corpus")
        for part in old:
            part.unlink(missing_ok=True)

    def _final_schema(self, name: str) -> pa.Schema:
        fields = self.schema[name]
        names = list(dict.fromkeys(self.columns[name]))
        names += [c for c in fields if c not in names]
        return pa.schema([(c, fields.get(c, pa.null())) for c in names])

    def _conformed(self, name: str, schema: pa.Schema) -> Iterator[pa.Table]:
        for part in self.parts[name]:
            t = _read_part(part)
            cols = [
                _conform(t.column(f.name).combine_chunks(), f.type) if f.name in t.column_names
                else pa.nulls(len(t), f.type) for f in schema
            ]
            yield pa.table(cols, schema=schema)

    def finish(self) -> list[str]:
        """Assemble each table, move it into ``out_dir``; return the written names."""
        self.flush()
        self.corpus_pass()
        stage = self.tmp / "final"
        stage.mkdir()
        written: list[str] = []
        order = [n for n in self.columns if n != "run_log"] + ["run_log"]  # run_log last
        for name in order:
            schema = self._final_schema(name)
            targets = []
            if self.partitioned:
                d = stage / name
                d.mkdir()
                n = 0
                for n, t in enumerate(self._conformed(name, schema)):
                    pq.write_table(t, d / f"part-{n:05d}.parquet", compression="snappy")
                if not self.parts[name]:
                    pq.write_table(schema.empty_table(), d / "part-00000.parquet", compression="snappy")
                targets.append(name)
            else:
                with pq.ParquetWriter(stage / f"{name}.parquet", schema, compression="snappy") as w:
                    wrote = False
                    for t in self._conformed(name, schema):
                        w.write_table(t)
                        wrote = True
                    if not wrote:
                        w.write_table(schema.empty_table())
                targets.append(f"{name}.parquet")
            if self.csv:
                with pa.OSFile(str(stage / f"{name}.csv"), "wb") as fh, \
                        pacsv.CSVWriter(fh, schema, write_options=_CSV_OPTIONS) as writer:
                    for t in self._conformed(name, schema):
                        writer.write_table(t)
                targets.append(f"{name}.csv")
            for target in targets:
                _replace(stage / target, self.out / target)
                written.append(target)
        self.cleanup()
        return written

    def cleanup(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def _replace(src: Path, dst: Path) -> None:
    """Move ``src`` over ``dst`` atomically (folders: swap, then delete the old one)."""
    if src.is_dir():
        if dst.exists() and not dst.is_dir():
            dst.unlink()
        if dst.is_dir():
            old = dst.with_name(f".{dst.name}.old-{os.getpid()}")
            os.replace(dst, old)
            os.replace(src, dst)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(src, dst)
    else:
        if dst.is_dir():
            shutil.rmtree(dst)
        os.replace(src, dst)


# --------------------------------------------------------------------------- progress
def count_inputs(inputs, columns=None) -> int | None:
    """Cheap estimate of the number of records (for the progress bar); None if unknown."""
    if isinstance(inputs, Corpus):
        return len(inputs.articles) + len(inputs.skipped)
    if isinstance(inputs, (list, tuple)) and inputs and all(isinstance(a, (Article, Skip)) for a in inputs):
        return len(inputs)
    total = 0
    for item in expand_paths(inputs):
        if isinstance(item, InputFile):
            suffix = item.path.suffix.lower()
            if suffix in (".jsonl", ".ndjson"):
                try:
                    with open(item.path, "rb") as f:
                        total += sum(1 for line in f if line.strip())
                except OSError:
                    total += 1
                continue
            if suffix in (".csv", ".tsv"):
                return None
        total += 1
    return total


class _Progress:
    def __init__(self, enabled: bool, total: int | None, desc: str = "articles"):
        self.bar = None
        if enabled:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="art", smoothing=0.1, mininterval=0.5)
        self.skipped = 0

    def __call__(self, status: str) -> None:
        if status != "processed":
            self.skipped += 1
        if self.bar is not None:
            self.bar.update(1)
            if status != "processed":
                self.bar.set_postfix(skipped=self.skipped, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --------------------------------------------------------------------------- entry point
def run(
    inputs,
    out_dir: str | os.PathLike,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: Any = None,
    cache_dir: str | os.PathLike | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    columns: dict[str, str] | None = None,
    progress: bool = False,
    csv: bool = True,
    chunk_articles: int = 1000,
    batch_size: int | None = None,
) -> dict[str, Any]:
    """Analyse a corpus and stream every table to ``out_dir`` (Parquet + CSV + ``run_log``).

    Memory stays flat however large the corpus: rows are written in chunks of
    ``chunk_articles`` articles. The tables appear in ``out_dir`` only once
    complete. With the dask engine each table is a folder of Parquet partitions
    (``quotes/part-00000.parquet`` ...); read it with ``pandas.read_parquet(folder)``
    or :func:`newsvoices.load_tables`.

    Args:
        inputs: paths (file, folder, glob, list) or a Corpus.
        out_dir: output folder.
        workers: worker processes (default: all cores; 1 runs in this process).
        engine: ``local`` or ``dask``.
        scheduler: Dask scheduler address (``tcp://host:8786``), Client or cluster; None: a LocalCluster.
        cache_dir: folder for the result cache (reuse + resume); None: no cache.
        time_budget: seconds per article before it is logged as skipped.
        columns: column mapping for CSV/JSONL inputs.
        progress: show a tqdm progress bar.
        csv: also write CSV copies of the tables.
        chunk_articles: articles per written chunk.
        batch_size: articles per task sent to a worker.

    Returns:
        A summary dict: inputs, processed, skipped, cached, seconds, words, files.
    """
    t0 = time.perf_counter()
    cache = ResultCache(cache_dir) if cache_dir else None
    sink = TableSink(out_dir, chunk_articles=chunk_articles, partitioned=(engine == "dask"), csv=csv)
    bar = _Progress(progress, count_inputs(inputs, columns) if progress else None)
    n = {"inputs": 0, "processed": 0, "skipped": 0, "words": 0}
    reasons: dict[str, int] = {}
    try:
        for item, status, payload in iter_results(
            inputs, workers=workers, time_budget=time_budget, cache=cache, engine=engine,
            scheduler=scheduler, columns=columns, batch_size=batch_size, on_result=bar,
        ):
            sink.add(item, status, payload)
            n["inputs"] += 1
            n[status] += 1
            if status == "processed":
                n["words"] += sum(int(r.get("n_words") or 0) for r in payload.get("articles", []))
            else:
                key = str(payload).split(" (", 1)[0][:80]
                reasons[key] = reasons.get(key, 0) + 1
        files = sink.finish()
    except BaseException:
        sink.cleanup()
        raise
    finally:
        bar.close()
        if cache is not None:
            cache.close()
    seconds = time.perf_counter() - t0
    summary = {
        **n, "cached": cache.hits if cache is not None else 0, "seconds": round(seconds, 3),
        "articles_per_second": round(n["processed"] / seconds, 2) if seconds else None,
        "words_per_second": round(n["words"] / seconds, 1) if seconds else None,
        "engine": engine, "workers": workers or os.cpu_count(), "fingerprint": fingerprint(),
        "skip_reasons": dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))), "files": files,
    }
    info = Path(out_dir) / "run_info.json"
    tmp = info.with_name(".run_info.json.tmp")
    tmp.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, info)
    return summary
