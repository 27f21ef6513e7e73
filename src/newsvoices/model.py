"""The core records: an article and its paragraphs, with character offsets.

Every offset in newsvoices is a Python ``str`` index into ``Article.text``
exactly as read (for a .txt file the whole file content, for JSONL the ``text``
field unchanged), so ``article.text[start:end]`` always gives back the span.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

# A paragraph is a maximal run of text between line breaks (\n, \r\n or \r).
_LINE_RE = re.compile(r"[^\r\n]+")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the non-blank lines of ``text``.

    Leading and trailing whitespace is trimmed from each span.

    Example:
        >>> split_paragraphs("Title\\n\\n  Body one.\\r\\nBody two.\\n")
        [(0, 5), (9, 18), (20, 29)]
    """
    spans = []
    for m in _LINE_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def content_hash(text: str) -> str:
    """A short stable id for a text (first 16 hex digits of its SHA-256)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class Article:
    """One news article.

    Attributes:
        id: stable identifier (given by the source, else the file stem, else a content hash).
        text: the article text exactly as read; all offsets index into it.
        title: the headline. For .txt input it is also the first paragraph of ``text``.
        outlet, date, url: metadata where given (``None`` otherwise).
        source: where it came from, e.g. ``corpus/a.txt`` or ``export.jsonl:12``.
        meta: any further label columns (e.g. ``bias_text``), carried into every table.
        paragraphs: ``(start, end)`` spans of the paragraphs in ``text``.
        title_in_text: whether ``paragraphs[0]`` is the headline (true for .txt input).
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    title_in_text: bool = False

    def __post_init__(self) -> None:
        if not self.paragraphs:
            self.paragraphs = split_paragraphs(self.text)

    @property
    def body_paragraphs(self) -> list[tuple[int, int]]:
        """Paragraph spans without the headline."""
        return self.paragraphs[1:] if self.title_in_text else list(self.paragraphs)

    def paragraph_of(self, offset: int) -> int:
        """Index (into ``paragraphs``) of the paragraph containing ``offset``; -1 if none."""
        lo, hi = 0, len(self.paragraphs) - 1
        ans = -1
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.paragraphs[mid][0] <= offset:
                ans = mid
                lo = mid + 1
            else:
                hi = mid - 1
        if ans >= 0 and offset <= self.paragraphs[ans][1]:
            return ans
        return ans

    def position(self, offset: int) -> float:
        """Relative position (0 = first body paragraph, towards 1 = last) of ``offset``.

        Computed on body paragraphs: the index of the body paragraph holding the
        offset divided by the number of body paragraphs.
        """
        p = self.paragraph_of(offset)
        first_body = 1 if self.title_in_text else 0
        n = len(self.paragraphs) - first_body
        if n <= 0:
            return 0.0
        return max(0, p - first_body) / n
