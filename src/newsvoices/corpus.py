"""Load news articles from disk: .txt files, folders, JSONL, CSV and saved HTML.

Nothing is lost silently: every input ends either as an :class:`Article` or as a
:class:`Skip` naming the file (and line or record) and the reason.

Example:
    >>> from newsvoices.config import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> len(corpus.articles), corpus.articles[0].id
    (1, '000_f057ad0ddaa2ef46')
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Article, content_hash, split_paragraphs

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES

#: Fields of a record that map onto Article attributes (others go to ``meta``).
CORE_FIELDS = ("id", "text", "title", "outlet", "date", "url")
#: Record fields that are too bulky or nested to carry into every table.
_DROP_META = {"body_paragraphs", "phrase_level_annotations", "article_level_annotations", "quotes"}


@dataclass
class Skip:
    """An input that produced no article, with the reason."""

    source: str
    reason: str
    article_id: str | None = None


@dataclass
class Corpus:
    """Articles plus the log of every input (processed or skipped)."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)


class InputError(ValueError):
    """A problem with one input, with its location (file and line or record)."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


# --------------------------------------------------------------------------- decoding
def decode_bytes(data: bytes, source: str) -> str:
    """Decode file bytes: BOMs, UTF-8, then cp1252/latin-1; refuse binary data.

    Raises:
        InputError: for empty or binary content.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        # UTF-16 without a BOM shows as every other byte NUL; anything else is binary.
        even, odd = data[0::2], data[1::2]
        if odd and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
            try:
                return data.decode("utf-16-le")
            except UnicodeDecodeError:
                pass
        if data.count(0) > 0.01 * len(data):
            raise InputError(source, f"binary file ({data.count(0)} NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            text = data.decode("latin-1")
    # Control characters other than whitespace mean this is not prose.
    bad = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if bad > 0.05 * min(len(text), 4096):
        raise InputError(source, "binary file (control characters)")
    return text.replace("\x00", " ") if "\x00" in text else text


# --------------------------------------------------------------------------- formats
def _article_from_record(rec: dict[str, Any], source: str, fallback_id: str | None = None) -> Article:
    if not isinstance(rec, dict):
        raise InputError(source, f"expected a JSON object, got {type(rec).__name__}")
    text = rec.get("text")
    if text is None:
        raise InputError(source, "no 'text' field")
    if not isinstance(text, str):
        raise InputError(source, f"'text' is {type(text).__name__}, not a string")
    if not text.strip():
        raise InputError(source, "empty text")
    rid = rec.get("id")
    rid = str(rid) if rid not in (None, "") else (fallback_id or content_hash(text))
    meta = {
        k: v
        for k, v in rec.items()
        if k not in CORE_FIELDS and k not in _DROP_META and (v is None or isinstance(v, (str, int, float, bool)))
    }

    def opt(k: str) -> str | None:
        v = rec.get(k)
        return None if v is None or (isinstance(v, float) and v != v) or v == "" else str(v)

    return Article(
        id=rid, text=text, title=opt("title"), outlet=opt("outlet"), date=opt("date"),
        url=opt("url"), source=source, meta=meta,
    )


def read_txt(path: Path) -> Article:
    """Read a seed-format .txt file: line 1 headline, then one paragraph per line."""
    text = decode_bytes(path.read_bytes(), str(path))
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise InputError(str(path), "empty file")
    s, e = paragraphs[0]
    return Article(
        id=path.stem, text=text, title=text[s:e], source=str(path),
        paragraphs=paragraphs, title_in_text=True,
    )


def iter_jsonl(path: Path) -> Iterator[Article | Skip]:
    """Yield one Article per valid line of a JSONL file, a Skip per bad line."""
    data = path.read_bytes()
    try:
        content = decode_bytes(data, str(path))
    except InputError as exc:
        yield Skip(str(path), exc.reason)
        return
    for lineno, line in enumerate(io.StringIO(content, newline=None), start=1):
        if not line.strip():
            continue
        src = f"{path}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(src, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield _article_from_record(rec, src)
        except InputError as exc:
            rid = rec.get("id") if isinstance(rec, dict) else None
            yield Skip(src, exc.reason, None if rid is None else str(rid))


def iter_csv(path: Path, columns: dict[str, str] | None = None) -> Iterator[Article | Skip]:
    """Yield articles from a CSV/TSV export.

    Args:
        path: the file.
        columns: mapping from our field names (id, title, text, outlet, date, url)
            to the file's column names, for exports that name them differently.
    """
    try:
        content = decode_bytes(path.read_bytes(), str(path))
    except InputError as exc:
        yield Skip(str(path), exc.reason)
        return
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delim)
    rename = {v: k for k, v in (columns or {}).items()}
    text_col = (columns or {}).get("text", "text")
    if reader.fieldnames is None or text_col not in reader.fieldnames:
        yield Skip(str(path), f"no '{text_col}' column (columns: {reader.fieldnames})")
        return
    for row in reader:
        src = f"{path}:{reader.line_num}"
        rec = {rename.get(k, k): v for k, v in row.items() if k is not None}
        if None in row:
            yield Skip(src, "more fields than the header has columns")
            continue
        try:
            yield _article_from_record(rec, src)
        except InputError as exc:
            yield Skip(src, exc.reason, rec.get("id") or None)


def read_html(path: Path) -> Article:
    """Extract the article from a saved HTML page with trafilatura."""
    import trafilatura

    raw = decode_bytes(path.read_bytes(), str(path))
    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None:
        raise InputError(str(path), "no article text found in the HTML page")
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text")
    if not text or not text.strip():
        raise InputError(str(path), "no article text found in the HTML page")
    return Article(
        id=path.stem, text=text, title=get("title"), outlet=get("sitename"), date=get("date"),
        url=get("url"), source=str(path),
    )


# --------------------------------------------------------------------------- dispatch
def expand_paths(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> list[Path | Skip]:
    """Expand files, folders (recursively) and glob patterns into a sorted file list."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Path | Skip] = []
    for p in paths:
        ps = str(p)
        if any(ch in ps for ch in "*?[") and not Path(ps).exists():
            hits = sorted(glob.glob(ps, recursive=True))
            if not hits:
                out.append(Skip(ps, "glob pattern matched no files"))
            out.extend(Path(h) for h in hits if Path(h).is_file())
            continue
        path = Path(ps)
        if path.is_dir():
            files = sorted(
                f for f in path.rglob("*")
                if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith(".")
                and f.name.lower() not in {"readme.txt"}
            )
            out.extend(files)
        elif path.is_file():
            out.append(path)
        else:
            out.append(Skip(ps, "no such file or folder"))
    return out


def iter_corpus(paths, columns: dict[str, str] | None = None) -> Iterator[Article | Skip]:
    """Yield Articles and Skips for every input, in a stable order."""
    for item in expand_paths(paths):
        if isinstance(item, Skip):
            yield item
            continue
        suffix = item.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                yield from iter_jsonl(item)
            elif suffix in CSV_SUFFIXES:
                yield from iter_csv(item, columns)
            elif suffix in HTML_SUFFIXES:
                yield read_html(item)
            else:
                yield read_txt(item)
        except InputError as exc:
            yield Skip(exc.source, exc.reason)
        except OSError as exc:
            yield Skip(str(item), f"cannot read: {exc.strerror or exc}")


def load_corpus(paths, columns: dict[str, str] | None = None) -> Corpus:
    """Load every article under ``paths`` (a file, folder, glob, or a list of them).

    Args:
        paths: .txt file, folder of them, .jsonl/.csv export, saved .html page,
            glob pattern, or a list mixing these.
        columns: optional column mapping for CSV/JSONL exports, e.g.
            ``{"text": "body", "outlet": "source"}``.

    Returns:
        A :class:`Corpus` with ``articles`` and ``skipped`` (each with its reason).
        Duplicate ids get a ``~2``, ``~3`` suffix so every article stays addressable.
    """
    corpus = Corpus()
    seen: dict[str, int] = {}
    for item in iter_corpus(paths, columns):
        if isinstance(item, Skip):
            corpus.skipped.append(item)
            continue
        if item.id in seen:
            seen[item.id] += 1
            item.id = f"{item.id}~{seen[item.id]}"
        else:
            seen[item.id] = 1
        corpus.articles.append(item)
    return corpus
