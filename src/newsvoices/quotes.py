"""Find direct quotations: pair quotation marks, one linear scan per paragraph.

Handles curly and straight double quotes, British single quotes (where ``'`` is
also an apostrophe: "workers' rights", "don't"), guillemets, the NYT's ``''``
marks and TeX ````…''``. Quotes nested inside another quote are not separate
quotes. A paragraph whose quotation is never closed (the convention for a
quotation running over several paragraphs: an opening mark on each, only the
last one closed) gives a quote that ends at the end of that paragraph, so an
unclosed mark never swallows the rest of the article.

Every step is a constant amount of work per quotation mark, so the scan is
linear in the length of the text, whatever its marks.

Example:
    >>> text = 'He said: \u201cWe will win.\u201d'
    >>> [(text[s.start:s.end], s.closed) for s in find_quote_spans(text, [(0, len(text))])]
    [('We will win.', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The NYT '' and TeX `` come first so they are not read as two single marks: the same matches as
# r"``|''|[MARKS]", written to open with one character set so the regex engine skips ahead to a mark
# (a branch with two-character literals gets no such prefix and is tried at every position).
_MARK_RE = re.compile(r"[`\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201b'\u2039\u203a]"
                      r"(?:(?<=`)`|(?<=')'?|(?<![`']))")

DOUBLE = "double"
SINGLE = "single"
# mark -> (family, role) where role is "open", "close" or "both" (decided by context)
_MARKS = {
    "\u201c": (DOUBLE, "open"),   # “
    "\u201d": (DOUBLE, "both"),   # ” (some texts use it on both sides)
    "\u201e": (DOUBLE, "open"),   # „
    "\u201f": (DOUBLE, "open"),
    '"': (DOUBLE, "both"),
    "\u00ab": (DOUBLE, "open"),   # «
    "\u00bb": (DOUBLE, "close"),  # »
    "``": (DOUBLE, "open"),
    "''": (DOUBLE, "both"),
    "\u2018": (SINGLE, "open"),   # ‘
    "\u2019": (SINGLE, "both"),   # ’ (also the apostrophe)
    "\u201b": (SINGLE, "open"),
    "'": (SINGLE, "both"),
    "\u2039": (SINGLE, "open"),
    "\u203a": (SINGLE, "close"),
}
_WORD_RE = re.compile(r"[^\W_]")
_OPENERS_BEFORE = set(" \t\u00a0([{<\u2014\u2013-/\u201c\u2018\u00ab\"'`:;,")
_CLOSERS_AFTER = set(" \t\u00a0)]}>.,;:!?\u2014\u2013-/\u201d\u2019\u00bb\"'…")


@dataclass(slots=True)
class QuoteSpan:
    """A pair of quotation marks (or an unclosed opening mark) in the text.

    Attributes:
        open: offset of the opening mark.
        start, end: the words inside the marks (surrounding spaces trimmed).
        close: offset of the closing mark, or ``None`` when the paragraph ends first.
        close_end: offset just after the closing mark (``end`` when unclosed).
        family: ``double`` or ``single``.
        paragraph: index into the list of paragraphs.
    """

    open: int
    start: int
    end: int
    close: int | None
    close_end: int
    family: str
    paragraph: int

    @property
    def closed(self) -> bool:
        return self.close is not None


def primary_family(text: str) -> str:
    """Whether the article quotes with double or with single marks.

    Single marks win only when opening single marks outnumber all double marks
    (British tabloid style). Counted with ``str.count``; cheap.

    (Speed pass 20: the opening single marks are counted first and the double marks only until
    they are as many, the commonest first: most articles have no opening single mark, so two
    counts of the text instead of eight; the same answer. The answer for the last text is kept:
    ``extract`` asks again right after :func:`find_quote_spans`.)
    """
    last = _PRIMARY_LAST[0]
    if last is not None and last[0] is text:
        return last[1]
    n_single_open = text.count("\u2018") + text.count(" '")
    found = DOUBLE
    if n_single_open:
        n_double = 0
        for mark in _DOUBLE_MARKS:
            n_double += text.count(mark)
            if n_double >= n_single_open:
                break
        else:
            found = SINGLE
    _PRIMARY_LAST[0] = (text, found)  # (one reference swapped: never a text with another text's answer)
    return found


#: The double marks :func:`primary_family` counts (the commonest first) and its last ``(text, answer)``.
_DOUBLE_MARKS = ("\u201c", "\u201d", '"', "\u00ab", "''", "``")
_PRIMARY_LAST: list = [None]


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pair the quotation marks of each paragraph.

    Args:
        text: the article text.
        paragraphs: ``(start, end)`` spans of its paragraphs, in order.

    Returns:
        Non-overlapping spans in text order; each ``start < end``.
    """
    primary = primary_family(text)
    out: list[QuoteSpan] = []
    for pi, (lo, hi) in enumerate(paragraphs):
        _scan_paragraph(text, lo, hi, pi, primary, out)
    return out


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _scan_paragraph(text: str, lo: int, hi: int, pi: int, primary: str, out: list[QuoteSpan]) -> None:
    if hi - lo > 4096 and 4 * len(_MARK_RE.findall(text, lo, hi)) > hi - lo:
        return  # quotation marks are over a quarter of this long "paragraph": not prose
    marks = []
    append = marks.append
    openers_before = _OPENERS_BEFORE
    closers_after = _CLOSERS_AFTER
    table = _MARKS
    for m in _MARK_RE.finditer(text, lo, hi):
        s, e = m.span()
        family, role = table[m.group()]
        before = text[s - 1] if s > lo else " "
        after = text[e] if e < hi else " "
        b_space = before.isspace()
        a_space = after.isspace()
        can_open = (b_space or before in openers_before) and not a_space
        can_close = not b_space and (a_space or after in closers_after)
        if role == "open":
            if can_open:
                can_close = False
            else:
                # "word\u201c" — an opening mark used as a closing one
                can_close = not after.isalnum()
                can_open = not can_close
        elif role == "close":
            can_open = False
            can_close = True
        if family == SINGLE:
            if before.isalnum() and after.isalnum():
                continue  # don't, O'Brien: an apostrophe
            if can_open and not can_close and after.isdigit():
                continue  # '90s
        if not (can_open or can_close):
            if role == "both" and family == DOUBLE:
                can_open = can_close = True  # a straight double quote between two letters: toggles
            else:
                continue
        append((s, e, family, can_open, can_close))
    if not marks:
        return
    n = len(marks)
    # For each mark, the index of the next closer of its family and of the next clean
    # opener of the other family (filled right to left: linear).
    next_close = {DOUBLE: n, SINGLE: n}
    next_open = {DOUBLE: n, SINGLE: n}
    nxt_close_same = [n] * n
    nxt_open_other = [n] * n
    last_single_close = -1
    for i in range(n - 1, -1, -1):
        _, _, fam, co, cc = marks[i]
        other = SINGLE if fam == DOUBLE else DOUBLE
        nxt_close_same[i] = next_close[fam]
        nxt_open_other[i] = next_open[other]
        if cc:
            next_close[fam] = i
            if fam == SINGLE and last_single_close < 0:
                last_single_close = i
        if co and not cc:
            next_open[fam] = i
    cur = None  # (open_start, open_end, family)
    for i in range(n):
        s, e, family, can_open, can_close = marks[i]
        if cur is None:
            if not can_open:
                continue
            if family == SINGLE and can_close:
                continue  # an apostrophe-looking mark never opens a single quote
            if family != primary:
                o = nxt_open_other[i]
                c = nxt_close_same[i]
                if c >= n or (o < c and not nxt_close_same[o] < c):
                    continue  # a stray mark of the other family (nested marks are fine)
            cur = (s, e, family)
            continue
        o_s, o_e, o_family = cur
        if family != o_family:
            continue  # nested quote of the other family
        if can_close:
            if family == SINGLE and i != last_single_close and _possessive_plural(text, s, e, hi):
                continue  # "workers' rights": an apostrophe; a later mark closes
            qs, qe = _trimmed(text, o_e, s)
            if qe > qs and _WORD_RE.search(text, qs, qe):
                out.append(QuoteSpan(o_s, qs, qe, s, e, o_family, pi))
            cur = None
        elif can_open:
            # a second opening mark before any closing one: the first quote was left open
            _emit(text, cur, s, pi, out)
            cur = (s, e, family)
    if cur is not None:
        _emit(text, cur, hi, pi, out)


def _emit(text: str, cur, end: int, pi: int, out: list[QuoteSpan]) -> None:
    o_s, o_e, family = cur
    qs, qe = _trimmed(text, o_e, end)
    if qe > qs and _WORD_RE.search(text, qs, qe):
        out.append(QuoteSpan(o_s, qs, qe, None, qe, family, pi))


def _possessive_plural(text: str, s: int, e: int, hi: int) -> bool:
    """``s' `` followed by a lower-case word: "workers' rights", "nations' expats"."""
    if s == 0 or text[s - 1] not in "sS":
        return False
    j = e
    if j < hi and text[j] == " ":
        j += 1
        return j < hi and text[j].islower()
    return False
