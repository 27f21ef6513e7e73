"""Load news articles from disk: .txt files, folders, globs, JSONL, CSV and saved HTML.

Nothing is lost silently: every input ends either as an :class:`Article` or as a
:class:`Skip` naming the file (and line or record) and the reason.

Formats:

* ``.txt``: line 1 the headline, then one paragraph per line (blank lines are
  ignored). An optional metadata header may come first: lines ``key: value``
  with lower-case keys (``date: 2020-01-02``, ``outlet: BBC``, ``bias: left``),
  or a block between two ``---`` lines, or two or more capitalised lines with keys
  from :data:`HEADER_KEYS` (``Title:``, ``Date:``). Offsets index the whole file content.
* ``.json``: one object with the JSONL fields below (one file per article, as
  scrapers save them) or a list of them; the id defaults to the file's path, as
  for ``.txt``.
* ``.jsonl``/``.ndjson``: one JSON object per line with ``id``, ``text`` and
  optional ``title``, ``outlet``, ``date``, ``url``; every other scalar field is
  kept as a label column (the AllSides, BASIL and Guardian exports in
  ``../shared/corpora`` load as they are).
* ``.csv``/``.tsv``: a header row; ``columns`` maps our field names to the
  file's (``{"text": "body", "id": "doc_id"}``; a name a file lacks falls back to
  ours); extra columns are kept. The separator (``,``, ``;`` or tab) is read from
  the header line.
* ``.html``/``.htm``: a saved web page, reduced to its article text by trafilatura.

Encodings: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM,
and cp1252/latin-1 (decided per file, or per line/record in JSONL and CSV).
NUL bytes in otherwise textual input become spaces; binary files are skipped.

Ids are stable: the id given by the record, else the file's path relative to the
folder it was found in (``business/001`` for ``bbc/business/001.txt``; the stem
for a file named directly), else a hash of the text.

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
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Article, content_hash, split_paragraphs

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES
#: Files a folder walk passes over without logging them (documentation, not articles).
IGNORED_NAMES = {"readme.txt", "readme.md", "readme", "license", "license.txt", "licence.txt"}

#: Fields of a record that map onto Article attributes (others go to ``meta``).
CORE_FIELDS = ("id", "text", "title", "outlet", "date", "url")
#: Record fields that are too bulky or nested to carry into every table.
_DROP_META = {"body_paragraphs", "phrase_level_annotations", "article_level_annotations", "quotes"}
#: Names that would clash with the columns of the output tables.
_RESERVED_META = {
    "article_id", "paragraph", "start", "end", "source", "n_paragraphs", "n_words", "quote_id",
    "position", "kind", "cue", "speaker_id", "speaker", "name", "status", "reason", "is_headline",
}

_HEADER_LINE = re.compile(r"([a-z][a-z0-9_-]{0,31})[ \t]*:[ \t]*(.*?)[ \t]*")
#: A header line with a capitalised key (``Date: 2020-01-02``); read as a header only for a
#: block of two or more such lines whose keys are all in :data:`HEADER_KEYS`.
_HEADER_LINE_ANY_CASE = re.compile(r"([A-Za-z][A-Za-z0-9_-]{0,31})[ \t]*:[ \t]*(.*?)[ \t]*")
#: Metadata keys recognised in a header block whatever their case (``Title:``, ``DATE:``).
HEADER_KEYS = frozenset({
    "id", "title", "headline", "date", "published", "outlet", "source", "publication", "publisher",
    "url", "link", "author", "authors", "byline", "section", "language", "bias", "label", "topic",
    "category", "keywords", "tags",
})
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_ESCAPES = re.compile("[\udc80-\udcff]")
_CONTROL = re.compile("[\x01-\x08\x0e-\x1f]")


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
def _redecode(s: str) -> str:
    """Undo ``surrogateescape``: bytes that were not UTF-8 are read as cp1252 (else latin-1)."""
    raw = s.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def json_error(exc: json.JSONDecodeError) -> str:
    """``Unterminated string starting at column 26`` from a JSONDecodeError (its msg may end in "at")."""
    msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
    return f"{msg} at column {exc.colno}"


def _has_escapes(s: str) -> bool:
    return not s.isascii() and _ESCAPES.search(s) is not None


def _clean(text: str) -> str:
    """Same-length clean-up: NUL bytes become spaces (offsets are unchanged)."""
    return text.replace("\x00", " ") if "\x00" in text else text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > 0.05 * max(len(sample), 1)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode file bytes: BOMs, UTF-8, then cp1252/latin-1; refuse binary data.

    NUL bytes in text that is otherwise fine become spaces, so offsets still
    count characters of the file.

    Raises:
        InputError: for empty or binary content, or an invalid UTF-16/32 file.

    Example:
        >>> decode_bytes("Caf\\xe9".encode("cp1252"), "a.txt")
        'Café'
        >>> decode_bytes("\\ufeffHi".encode("utf-16"), "b.txt")
        'Hi'
    """
    if not data.strip():
        raise InputError(source, "empty file" if not data else "empty file (whitespace only)")
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                     (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"invalid {enc.upper()} (byte {exc.start})") from None
            text = text.lstrip("\ufeff")
            if not text.strip():
                raise InputError(source, "empty file (whitespace only)")
            return _clean(text)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        # UTF-16 without a BOM shows as every other byte NUL; anything else is binary.
        even, odd = data[0::2], data[1::2]
        for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if zeros and zeros.count(0) > 0.4 * len(zeros) and other.count(0) < 0.1 * len(other):
                try:
                    return _clean(data.decode(enc))
                except UnicodeDecodeError:
                    pass
        zeros = data.count(0)
        if zeros > 0.3 * len(data) or (zeros > 0.01 * len(data) and zeros > 16):
            raise InputError(source, f"binary file ({zeros} NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            text = data.decode("latin-1")
    if _looks_binary(text):
        raise InputError(source, "binary file (control characters)")
    if not text.strip():
        raise InputError(source, "empty file (whitespace only)")
    return _clean(text)


# --------------------------------------------------------------------------- records
def _scalar(v: Any) -> bool:
    return v is None or isinstance(v, (str, int, float, bool))


def _article_from_record(rec: dict[str, Any], source: str, columns: dict[str, str] | None = None,
                         fallback_id: str | None = None) -> Article:
    """Build an Article from a JSON/CSV record (``columns`` maps our names to the record's)."""
    if not isinstance(rec, dict):
        raise InputError(source, f"expected a JSON object, got {type(rec).__name__}")
    text_col = (columns or {}).get("text", "text")
    if columns:
        # a name this record lacks falls back to ours (one --columns for a mixed corpus)
        columns = {k: v for k, v in columns.items() if v in rec}
        mapped = {v: k for k, v in columns.items()}
        rec = {mapped.get(k, k): v for k, v in rec.items() if not (k in columns and k not in mapped)}
    text = rec.get("text")
    if text is None:
        if text_col not in rec and "text" not in rec:
            raise InputError(source, f"no '{text_col}' field" if text_col == "text" else f"no '{text_col}' or 'text' field")
        raise InputError(source, f"'{text_col}' is empty (null)")
    if not isinstance(text, str):
        raise InputError(source, f"'{text_col}' is {type(text).__name__}, not a string")
    if _has_escapes(text):
        text = _redecode(text)
    text = _clean(text)
    if not text.strip():
        raise InputError(source, "empty text")
    rid = rec.get("id")
    if isinstance(rid, float) and rid.is_integer():
        rid = int(rid)
    rid = str(rid).strip() if rid not in (None, "") and not isinstance(rid, (dict, list)) else ""
    rid = rid or fallback_id or content_hash(text)

    def opt(k: str) -> str | None:
        v = rec.get(k)
        if v is None or (isinstance(v, float) and v != v) or v == "" or isinstance(v, (dict, list)):
            return None
        v = str(v)
        return _redecode(v) if _has_escapes(v) else v

    meta = {}
    for k, v in rec.items():
        if k in CORE_FIELDS or k in _DROP_META or not _scalar(v) or not isinstance(k, str):
            continue
        if isinstance(v, str) and _has_escapes(v):
            v = _redecode(v)
        meta[f"meta_{k}" if k in _RESERVED_META else k] = v
    return Article(
        id=rid, text=text, title=opt("title"), outlet=opt("outlet"), date=opt("date"),
        url=opt("url"), source=source, meta=meta,
    )


# --------------------------------------------------------------------------- .txt
def parse_header(text: str) -> tuple[dict[str, str], int]:
    """Split an optional ``key: value`` metadata header off a .txt article.

    Returns the header fields and the offset where the article (its headline)
    starts. A header is either a block between two ``---`` lines, or lines
    ``key: value`` with lower-case keys at the very top, ended by a blank line or
    the headline. Without a header: ``({}, 0)``. Headlines such as
    ``Profile: David Miliband`` are not headers (the key is capitalised). A block of
    two or more lines with capitalised keys from :data:`HEADER_KEYS`, ended by a blank
    line (``Title: ...``, ``Date: ...``), is a header too; its keys are lower-cased.

    Example:
        >>> parse_header("date: 2020-01-02\\noutlet: BBC\\n\\nHeadline\\nBody\\n")
        ({'date': '2020-01-02', 'outlet': 'BBC'}, 30)
        >>> parse_header("Profile: David Miliband\\n\\nBody\\n")
        ({}, 0)
    """
    lines = [(m.start(), m.group()) for m in _LINES.finditer(text, 0, min(len(text), 20000)) if m.group()]
    if not lines:
        return {}, 0
    fields: dict[str, str] = {}
    i = 0
    fenced = lines[0][1].strip() == "---"
    if fenced:
        i = 1
        while i < len(lines) and lines[i][1].strip() != "---":
            m = _HEADER_LINE.fullmatch(lines[i][1].rstrip("\r\n"))
            if m is None and lines[i][1].strip():
                return {}, 0
            if m:
                fields[m.group(1)] = m.group(2)
            i += 1
        if i == len(lines):
            return {}, 0
        i += 1
    else:
        while i < len(lines):
            line = lines[i][1].rstrip("\r\n")
            if not line.strip():
                break
            m = _HEADER_LINE.fullmatch(line)
            if m is None:
                break
            fields[m.group(1)] = m.group(2)
            i += 1
        if not fields:
            fields, i = _capitalised_header(lines)
    if not fields:
        return {}, 0
    while i < len(lines) and not lines[i][1].strip():
        i += 1
    # the article must go on after the header (else the "header" was the headline)
    if not any(line.strip() for _, line in lines[i:]):
        return {}, 0
    return fields, lines[i][0] if i < len(lines) else len(text)


def _capitalised_header(lines: list[tuple[int, str]]) -> tuple[dict[str, str], int]:
    """A header written with capitalised keys (``Title: ...``/``Date: ...``), ended by a blank line.

    Two or more lines, every key one of :data:`HEADER_KEYS`; keys are lower-cased. A
    single line (``Profile: David Miliband``) or an unknown key is a headline, not a header.
    """
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i][1].rstrip("\r\n")
        if not line.strip():
            break
        m = _HEADER_LINE_ANY_CASE.fullmatch(line)
        if m is None or m.group(1).lower() not in HEADER_KEYS:
            return {}, 0
        fields[m.group(1).lower()] = m.group(2)
        i += 1
    if len(fields) < 2 or i == len(lines):  # a header is ended by a blank line
        return {}, 0
    return fields, i


def read_txt(path: Path, article_id: str | None = None) -> Article:
    """Read a .txt article: optional metadata header, headline line, one paragraph per line.

    Args:
        path: the file.
        article_id: id to use when the header gives none (default: the file stem).
    """
    text = decode_bytes(path.read_bytes(), str(path))
    header, body_start = parse_header(text)
    paragraphs = [(s + body_start, e + body_start) for s, e in split_paragraphs(text[body_start:])]
    if not paragraphs:
        raise InputError(str(path), "empty file")
    s, e = paragraphs[0]
    rid = header.pop("id", "").strip() or article_id or path.stem
    title = header.pop("title", "").strip() or text[s:e]
    core = {k: (header.pop(k, "").strip() or None) for k in ("outlet", "date", "url")}
    meta = {(f"meta_{k}" if k in _RESERVED_META else k): v for k, v in header.items()}
    return Article(
        id=rid, text=text, title=title, source=str(path), paragraphs=paragraphs,
        title_in_text=True, meta=meta, **core,
    )


# --------------------------------------------------------------------------- JSONL
def _binary_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, decoded line)`` of a text file, streaming, split on ``\\n`` only.

    UTF-16/32 files (BOM or NUL pattern) are decoded whole; otherwise each line is
    UTF-8, falling back to cp1252/latin-1 for that line.
    """
    with open(path, "rb") as f:
        head = f.read(4096)
        f.seek(0)
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or (
            head.count(0) > 0.3 * len(head) and len(head) > 1
        ):
            text = decode_bytes(f.read(), str(path))
            for n, line in enumerate(text.split("\n"), start=1):
                yield n, line.rstrip("\r")
            return
        for n, raw in enumerate(f, start=1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            line = raw.decode("utf-8", "surrogateescape")
            if _has_escapes(line):
                line = _redecode(line)
            yield n, line.rstrip("\r\n")


def iter_jsonl(path: Path, columns: dict[str, str] | None = None) -> Iterator[Article | Skip]:
    """Yield one Article per valid line of a JSONL file, a Skip (with line number) per bad line.

    The file is streamed: memory does not grow with its size.
    """
    any_line = False
    try:
        for lineno, line in _binary_lines(path):
            if not line.strip():
                continue
            any_line = True
            src = f"{path}:{lineno}"
            line = _clean(line)
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skip(src, f"malformed JSON ({json_error(exc)})")
                continue
            except RecursionError:
                yield Skip(src, "malformed JSON (nested too deeply)")
                continue
            try:
                yield _article_from_record(rec, src, columns)
            except InputError as exc:
                rid = rec.get((columns or {}).get("id", "id")) if isinstance(rec, dict) else None
                yield Skip(src, exc.reason, None if rid is None else str(rid))
    except InputError as exc:
        yield Skip(exc.source, exc.reason)
        return
    if not any_line:
        yield Skip(str(path), "empty file")


def iter_json(path: Path, columns: dict[str, str] | None = None,
              article_id: str | None = None) -> Iterator[Article | Skip]:
    """Articles of a ``.json`` file: one article object (as scrapers save them, one file per
    article) or a list of them; fields as in JSONL.

    Args:
        path: the file.
        columns: field mapping, as for JSONL (``{"text": "maintext"}``).
        article_id: id of a single-object file whose record gives none (default: the stem).
    """
    try:
        raw = decode_bytes(path.read_bytes(), str(path))
    except InputError as exc:
        yield Skip(exc.source, exc.reason)
        return
    try:
        data = json.loads(_clean(raw))
    except json.JSONDecodeError as exc:
        yield Skip(f"{path}:{exc.lineno}", f"malformed JSON ({json_error(exc)})")
        return
    except RecursionError:
        yield Skip(str(path), "malformed JSON (nested too deeply)")
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield Skip(str(path), "empty JSON list")
    for i, rec in enumerate(records):
        src = f"{path}[{i}]" if isinstance(data, list) else str(path)
        try:
            yield _article_from_record(rec, src, columns,
                                       fallback_id=None if isinstance(data, list) else article_id or path.stem)
        except InputError as exc:
            rid = rec.get((columns or {}).get("id", "id")) if isinstance(rec, dict) else None
            yield Skip(src, exc.reason, None if rid is None else str(rid))


# --------------------------------------------------------------------------- CSV
def _sniff_delimiter(head: bytes, default: str) -> str:
    """The field separator of a CSV export, read from its header line.

    Spreadsheets in many locales (Excel in German, French, Spanish ...) save "CSV"
    with ``;``; some tools write tabs into a ``.csv``. The separator that occurs
    most often in the header line outside quotes wins; ties keep ``default``.
    """
    line = re.split(rb"\r\n|\r|\n", head.lstrip(b"\xef\xbb\xbf"), maxsplit=1)[0]
    line = re.sub(rb'"[^"]*"', b"", line)
    counts = {d: line.count(d.encode()) for d in (default, ",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[default] else default


def iter_csv(path: Path, columns: dict[str, str] | None = None) -> Iterator[Article | Skip]:
    """Yield articles from a CSV/TSV export (streamed; quoted fields may hold newlines).

    Args:
        path: the file.
        columns: mapping from our field names (id, title, text, outlet, date, url)
            to the file's column names, for exports that name them differently.
            Every other column is kept as a label.
    """
    csv.field_size_limit(2**31 - 1)
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    columns = columns or {}
    text_col = columns.get("text", "text")
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
        if not head.strip():
            raise InputError(str(path), "empty file")
        delim = _sniff_delimiter(head, delim)
        if b"\n" not in head and b"\r" in head:  # old Mac line ends: decode whole
            lines: Iterable[str] = io.StringIO(decode_bytes(path.read_bytes(), str(path)), newline="")
        else:
            lines = (_clean(line) + "\n" for _, line in _binary_lines(path))
        reader = csv.reader(lines, delimiter=delim)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(str(path), "empty file") from None
        except csv.Error as exc:
            raise InputError(f"{path}:1", f"unreadable CSV header ({exc})") from None
        header = [h.strip().lstrip("\ufeff") for h in header]
        # spreadsheet headers are often capitalised (Title, Text, Date): match our names in any case
        lower = {h.lower(): h for h in reversed(header)}
        for name in CORE_FIELDS:
            if name not in columns and name not in header and name in lower:
                columns = {**columns, name: lower[name]}
        text_col = columns.get("text", "text")
        if text_col not in header and "text" not in header:
            hint = "" if columns.get("text") else "; name the text column with --columns text=NAME"
            raise InputError(str(path), f"no '{text_col}' column (columns: {header}){hint}")
        # a name this file lacks falls back to ours (one --columns for a mixed corpus)
        columns = {k: v for k, v in columns.items() if v in header}
        text_col = columns.get("text", "text")
        errors = 0
        while True:
            start_line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                errors += 1
                yield Skip(f"{path}:{start_line}", f"malformed CSV ({exc})")
                if errors > 1000:
                    yield Skip(f"{path}:{reader.line_num}", "too many malformed CSV rows; rest of file skipped")
                    break
                continue
            src = f"{path}:{start_line}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                yield Skip(src, f"row has {len(row)} field{'' if len(row) == 1 else 's'}, the header has {len(header)}")
                continue
            rec: dict[str, Any] = dict(zip(header, row))
            if len(row) < len(header) and text_col not in rec:
                yield Skip(src, f"row has {len(row)} field{'' if len(row) == 1 else 's'}, the header has {len(header)}: no '{text_col}' value")
                continue
            try:
                yield _article_from_record(rec, src, columns)
            except InputError as exc:
                yield Skip(src, exc.reason, rec.get(columns.get("id", "id")) or None)
    except InputError as exc:
        yield Skip(exc.source, exc.reason)
    except UnicodeDecodeError as exc:
        yield Skip(str(path), f"cannot decode: {exc}")


# --------------------------------------------------------------------------- HTML
def read_html(path: Path, article_id: str | None = None) -> Article:
    """Extract the article from a saved HTML page with trafilatura.

    Offsets index the extracted text (kept in the ``articles`` table).
    """
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml >= 5.2 without lxml-html-clean
        raise InputError(str(path), f"cannot read HTML: {exc} (pip install trafilatura lxml-html-clean)") from None

    raw = decode_bytes(path.read_bytes(), str(path))
    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_precision=True)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(str(path), f"HTML extraction failed ({type(exc).__name__}: {exc})") from None
    if doc is None:
        raise InputError(str(path), "no article text found in the HTML page")
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text")
    if not text or not text.strip():
        raise InputError(str(path), "no article text found in the HTML page")
    return Article(
        id=article_id or path.stem, text=_clean(text), title=get("title"), outlet=get("sitename"),
        date=get("date"), url=get("url"), source=str(path),
    )


# --------------------------------------------------------------------------- dispatch
@dataclass
class InputFile:
    """A file to read and the id it gets if its records give none."""

    path: Path
    article_id: str


def _relative_id(path: Path, root: Path | None) -> str:
    if root is None:
        return path.stem
    try:
        rel = path.relative_to(root)
    except ValueError:
        return path.stem
    return rel.with_suffix("").as_posix()


def _hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = (path.name,)
    return any(p.startswith(".") or p == "__pycache__" for p in parts)


#: Suffixes of the folder a browser saves beside a page ("Save as: Webpage, complete":
#: ``Story.html`` + ``Story_files/``; German ``-Dateien``, French ``_fichiers`` ...).
PAGE_RESOURCE_SUFFIXES = ("_files", "-Dateien", "_fichiers", "_archivos", "_arquivos", "_bestanden", "_file")


def _page_resources(f: Path, root: Path) -> Path | None:
    """The saved page whose resource folder holds ``f`` (its scripts, styles, ad frames), if any."""
    for d in f.relative_to(root).parents:
        d = root / d
        for suffix in PAGE_RESOURCE_SUFFIXES:
            if d.name.endswith(suffix) and d != root:
                for ext in (".html", ".htm"):
                    page = d.parent / (d.name[: -len(suffix)] + ext)
                    if page.is_file():
                        return page
    return None


def _walk(root: Path) -> Iterator[InputFile | Skip]:
    for f in sorted(root.rglob("*")):
        if not f.is_file() or _hidden(f, root):
            continue
        if f.name.lower() in IGNORED_NAMES:
            continue
        page = _page_resources(f, root)
        if page is not None:
            yield Skip(str(f), f"part of the saved web page {page.name} (its resource folder), not an article")
            continue
        if f.suffix.lower() not in SUPPORTED:
            yield Skip(str(f), f"unsupported file type '{f.suffix or f.name}' (read: {', '.join(sorted(SUPPORTED))})")
            continue
        yield InputFile(f, _relative_id(f, root))


def expand_paths(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> list[InputFile | Skip]:
    """Expand files, folders (recursively) and glob patterns into a stable file list.

    Folders are walked in sorted order; hidden files and folders are passed over;
    files of other types inside a folder are logged as skipped.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[InputFile | Skip] = []
    for p in paths:
        ps = os.fspath(p)
        if any(ch in ps for ch in "*?[") and not Path(ps).exists():
            parts = Path(ps).parts
            fixed = [q for q in parts[: next(i for i, q in enumerate(parts) if any(c in q for c in "*?["))]]
            root = Path(*fixed) if fixed else Path(".")
            hits = sorted(glob.glob(ps, recursive=True))
            if not hits:
                out.append(Skip(ps, "glob pattern matched no files"))
            for h in hits:
                hp = Path(h)
                if hp.is_file():
                    out.append(InputFile(hp, _relative_id(hp, root)))
                elif hp.is_dir():
                    out.extend(_walk(hp))
            continue
        path = Path(ps)
        if path.is_dir():
            out.extend(_walk(path))
        elif path.is_file():
            out.append(InputFile(path, path.stem))
        elif path.exists():
            out.append(Skip(ps, "not a regular file"))
        else:
            out.append(Skip(ps, "no such file or folder"))
    return _drop_repeats(out)


def _is_output_dir(folder: Path, known: dict[Path, bool]) -> bool:
    """Whether ``folder`` holds tables written by newsvoices (``analyze --out``, ``notebooks``)."""
    if folder not in known:
        known[folder] = (folder / "run_info.json").is_file() or (
            (folder / "articles.parquet").exists() and (folder / "quotes.parquet").exists())
    return known[folder]


#: Why the files of a tables folder are not read as articles.
OUTPUT_DIR_REASON = "a table written by newsvoices, not articles (its folder is an analyze/notebooks output)"


def _drop_repeats(items: list[InputFile | Skip]) -> list[InputFile | Skip]:
    """Log a file reached a second time (``corpus/ corpus/a.csv``, overlapping globs) as skipped.

    Read twice, its articles would be counted twice (as ``id~2``) in every share. The
    files of a folder of newsvoices tables (an ``--out`` folder inside the corpus) are
    logged as skipped too: read as articles, ``articles.csv`` would count every article
    again and ``quotes.csv`` make an article of every quote.
    """
    first: dict[str, str] = {}
    known: dict[Path, bool] = {}
    out: list[InputFile | Skip] = []
    for item in items:
        if isinstance(item, Skip) and item.reason.startswith("unsupported file type") \
                and _is_output_dir(Path(item.source).parent, known):
            out.append(Skip(item.source, OUTPUT_DIR_REASON))
            continue
        if isinstance(item, InputFile):
            if _is_output_dir(item.path.parent, known):
                out.append(Skip(str(item.path), OUTPUT_DIR_REASON))
                continue
            key = os.path.realpath(item.path)
            if key in first:
                seen_as = "" if first[key] == str(item.path) else f" as {first[key]}"
                out.append(Skip(str(item.path), f"the same file given twice (already read{seen_as})"))
                continue
            first[key] = str(item.path)
        out.append(item)
    return out


def iter_file(item: InputFile, columns: dict[str, str] | None = None) -> Iterator[Article | Skip]:
    """Articles and Skips of one input file."""
    path = item.path
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from iter_jsonl(path, columns)
        elif suffix in JSON_SUFFIXES:
            yield from iter_json(path, columns, item.article_id)
        elif suffix in CSV_SUFFIXES:
            yield from iter_csv(path, columns)
        elif suffix in HTML_SUFFIXES:
            yield read_html(path, item.article_id)
        else:
            yield read_txt(path, item.article_id)
    except InputError as exc:
        yield Skip(exc.source, exc.reason)
    except OSError as exc:
        yield Skip(str(path), f"cannot read: {exc.strerror or exc}")


def iter_corpus(paths, columns: dict[str, str] | None = None) -> Iterator[Article | Skip]:
    """Yield Articles and Skips for every input, in a stable order, streaming.

    Duplicate ids get a ``~2``, ``~3`` suffix so every article stays addressable.
    """
    if isinstance(paths, Corpus):
        yield from paths.skipped
        yield from paths.articles
        return
    if isinstance(paths, Iterator):  # a stream of Articles/Skips (e.g. from another loader)
        yield from paths
        return
    seen: dict[str, int] = {}
    for item in expand_paths(paths):
        if isinstance(item, Skip):
            yield item
            continue
        for art in iter_file(item, columns):
            if isinstance(art, Article):
                if art.id in seen:
                    seen[art.id] += 1
                    art.id = f"{art.id}~{seen[art.id]}"
                else:
                    seen[art.id] = 1
            yield art


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
    for item in iter_corpus(paths, columns):
        if isinstance(item, Skip):
            corpus.skipped.append(item)
        else:
            corpus.articles.append(item)
    return corpus


def parse_columns(spec: str | None) -> dict[str, str] | None:
    """Parse a ``--columns`` option: ``"text=body,id=doc_id"`` -> ``{"text": "body", "id": "doc_id"}``.

    Raises:
        ValueError: for an item without ``=`` or with an empty side, or one that is
            the wrong way round (``body=text``: our field names go on the left).
    """
    if not spec:
        return None
    out = {}
    for item in spec.split(","):
        if not item.strip():
            continue
        if "=" not in item:
            raise ValueError(f"--columns: expected FIELD=COLUMN, got {item!r}")
        k, v = item.split("=", 1)
        k, v = k.strip(), v.strip()
        if not k or not v:
            raise ValueError(f"--columns: expected FIELD=COLUMN, got {item.strip()!r}")
        if k not in CORE_FIELDS and v in CORE_FIELDS:
            raise ValueError(f"--columns: {k}={v} maps our field {k!r} to your column {v!r}; the form is "
                             f"FIELD=COLUMN with FIELD one of {', '.join(CORE_FIELDS)} (e.g. {v}={k})")
        out[k] = v
    return out
