"""A cheap pre-check for whole-word regular expressions: skip ``search`` when it cannot match.

The voice codebook (:mod:`newsvoices.voices`) tests each speaker against dozens of
large alternations (``(?<!\\w)(?:senators?|sen\\.|...)(?!\\w)``, matched
case-insensitively). Python's ``re`` tries every alternative at every word start,
which made rule matching the slowest part of the analysis. This module reads a
pattern once (with the standard library's own regex parser) and derives its *keys*:
short lower-case strings (up to :data:`KEY_LENGTH` characters) such that every match
of the pattern contains one of them, starting at a word start (the start of the text
or right after a non-word character). A text whose word-start slices share no key
with the pattern cannot match, and ``search`` is skipped; otherwise ``search`` runs
as before. So the answer is always exactly the regex's answer; the keys only save
work.

The keys are derived conservatively: anything the analysis does not understand
(``\\w+``, large character classes, back-references, non-ASCII letters, whose
case-insensitive matches include ASCII letters) ends the key there, and a pattern
with an alternative that yields no key at all gets no keys (``None``: always
searched). Texts with non-ASCII characters are always searched, because
case-insensitive matching of non-ASCII letters is not the same as ``str.lower``.

Example:
    >>> keys = pattern_keys(r"(?<!\\w)(?:senators?|sen\\.|mps?|(?:\\w+ ){0,2}commission)(?!\\w)")
    >>> [(n, sorted(k)) for n, k in keys]
    [(4, ['comm', 'sen.', 'sena']), (3, ['mps']), (2, ['mp'])]
    >>> may_match(keys, TextKeys("Sen. Bob Casey"))
    True
    >>> may_match(keys, TextKeys("Bob Casey"))
    False
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python >= 3.11 (the package's minimum): the parser the re module itself uses
    import re._constants as _C
    import re._parser as _P
except ImportError:  # pragma: no cover - older layout
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

#: Longest key; texts are cut into slices of 1..KEY_LENGTH characters at word starts.
KEY_LENGTH = 4
_LIMIT = 4000  # most partial keys kept while expanding one pattern (more: no keys)
_MAX_CLASS = 12  # character classes with more members end a key

# state of a partial key while walking a pattern:
_OPEN = 0  # the key is exactly what the pattern consumed so far (more may be appended)
_STOP = 1  # the key is a prefix of what was consumed; nothing more can be appended
_FRESH = 2  # unknown text ending in a non-word character, then exactly the key
_UNKNOWN = frozenset({("", _STOP)})
_EMPTY = frozenset({("", _OPEN)})
_REPEATS = tuple(x for x in (getattr(_C, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")) if x)
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_WHOLE_WORD_START = "(?<!\\w)"
_NON_WORD_ASCII = re.compile(r"[^a-z0-9_]")


def _non_word(c: str) -> bool:
    return not (c.isalnum() or c == "_")


def _ends_non_word(op, av) -> bool:
    """True if every non-empty text this item matches ends with a non-word character."""
    if op is _C.LITERAL:
        return _non_word(chr(av))
    if op is _C.IN:
        for o, a in av:
            if o is _C.LITERAL and _non_word(chr(a)):
                continue
            if o is _C.CATEGORY and a in (_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD):
                continue
            return False
        return bool(av)
    if op is _C.SUBPATTERN:
        return _seq_ends_non_word(av[-1])
    if op is _C.BRANCH:
        return all(_seq_ends_non_word(alt) for alt in av[1])
    if op in _REPEATS:
        return av[0] >= 1 and _seq_ends_non_word(av[2])
    return False


def _seq_ends_non_word(items) -> bool:
    items = [it for it in items if it[0] not in _ZERO_WIDTH]
    return bool(items) and _ends_non_word(*items[-1])


def _class_chars(av) -> set[str] | None:
    chars: set[str] = set()
    for o, a in av:
        if o is _C.LITERAL:
            chars.add(chr(a))
        elif o is _C.RANGE and a[1] - a[0] < _MAX_CLASS:
            chars.update(chr(x) for x in range(a[0], a[1] + 1))
        elif o is _C.CATEGORY and a is _C.CATEGORY_DIGIT:
            chars.update("0123456789")  # texts checked by keys are ASCII
        else:
            return None
    if not chars or len(chars) > _MAX_CLASS or not all(c.isascii() for c in chars):
        return None
    return chars


def _item(op, av, fresh=True):
    """Partial keys ``(text, state)`` for one parsed item (``fresh``: see :func:`_seq`)."""
    if op is _C.LITERAL:
        c = chr(av)
        return frozenset({(c.lower(), _OPEN)}) if c.isascii() else _UNKNOWN
    if op is _C.IN:
        chars = _class_chars(av)
        return _UNKNOWN if chars is None else frozenset((c.lower(), _OPEN) for c in chars)
    if op is _C.SUBPATTERN:
        return _seq(av[-1], fresh)
    if op is _C.BRANCH:
        out: set = set()
        for alt in av[1]:
            out |= _seq(alt, fresh)
            if len(out) > _LIMIT:
                return _UNKNOWN
        return frozenset(out)
    if op in _REPEATS:
        lo, hi, sub = av
        inner = _seq(sub, fresh)
        if hi != 1:  # after several rounds only the first round's start (or a fresh tail) is known
            inner = frozenset((s, f if f == _FRESH else _STOP) for s, f in inner)
        return inner | _EMPTY if lo == 0 else inner
    if op in _ZERO_WIDTH:
        return _EMPTY
    return _UNKNOWN


def _seq(items, fresh=True):
    # fresh=False: no key may start after unknown text (every key then starts the match)
    parts = {("", _OPEN)}
    for op, av in items:
        new: set = set()
        expansions = None
        for s, state in parts:
            if state == _STOP or len(s) >= KEY_LENGTH:
                if fresh and s == "" and _ends_non_word(op, av):
                    new.add(("", _FRESH))  # what follows starts right after a non-word character
                else:
                    new.add((s[:KEY_LENGTH], _STOP))
                continue
            if expansions is None:
                expansions = _item(op, av, fresh)
            for t, f in expansions:
                if f == _FRESH:
                    new.add((t, _FRESH) if s == "" else (s, _STOP))
                    continue
                u = s + t
                new.add((u[:KEY_LENGTH], _STOP) if len(u) >= KEY_LENGTH else (u, state if f == _OPEN else f))
        if len(new) > _LIMIT:
            return _UNKNOWN
        parts = new
    return frozenset(parts)


def pattern_keys(pattern: str) -> tuple[tuple[int, frozenset[str]], ...] | None:
    """Keys of a whole-word pattern (one that starts with ``(?<!\\w)``), or None.

    Every match of ``pattern`` in an ASCII text starts with one of the keys at a
    word start (compared in lower case). The keys come grouped by length, longest
    first: ``((4, {...}), (2, {...}))``. None when no such keys can be derived.
    """
    if not pattern.startswith(_WHOLE_WORD_START):
        return None
    try:
        tree = _P.parse(pattern, re.IGNORECASE)
        keys = {s for s, _ in _seq(list(tree))}
    except Exception:  # noqa: BLE001 - an unexpected parse tree only means "no shortcut"
        return None
    if not keys or "" in keys:
        return None
    lengths = sorted({len(k) for k in keys}, reverse=True)
    return tuple((n, frozenset(k for k in keys if len(k) == n)) for n in lengths)


def keys_and_start(pattern: str) -> tuple[tuple[tuple[int, frozenset[str]], ...] | None, bool]:
    """``(pattern_keys(pattern), keys_start_match(pattern))`` from one parse of the pattern."""
    keys = pattern_keys(pattern)
    if keys is None:
        return None, False
    try:
        anchored = {s for s, _ in _seq(list(_P.parse(pattern, re.IGNORECASE)), fresh=False)}
    except Exception:  # noqa: BLE001 - as in pattern_keys
        return keys, False
    return keys, anchored == {k for _, ks in keys for k in ks}


def keys_start_match(pattern: str, keys=False) -> bool:
    """Whether every match of ``pattern`` *starts* with one of its :func:`pattern_keys`.

    The keys of a pattern with a part of unknown text before a word start (``(?:\\w+ )?commission``)
    may lie later in the match ('comm'); otherwise every match begins at a word start with
    one of the keys, so ``pattern.match(text, i)`` at the word starts ``i`` where a key occurs
    finds a match exactly when ``pattern.search(text)`` does.

    >>> keys_start_match(r"(?<!\\w)(?:senators?|sen\\.)(?!\\w)")
    True
    >>> keys_start_match(r"(?<!\\w)(?:(?:\\w+ ){0,2}commission)(?!\\w)")
    False

    Args:
        pattern: a whole-word pattern (see :func:`pattern_keys`).
        keys: its :func:`pattern_keys` if already known (else derived here).
    """
    if keys is False:  # not given: derived here
        keys = pattern_keys(pattern)
    if keys is None:
        return False
    try:
        anchored = {s for s, _ in _seq(list(_P.parse(pattern, re.IGNORECASE)), fresh=False)}
    except Exception:  # noqa: BLE001 - as in pattern_keys
        return False
    return anchored == {k for _, ks in keys for k in ks}


class TextKeys:
    """The lower-cased slices of a text at each word start (the start of the text or
    right after a non-word character), cut to each key length on demand. A text with
    non-ASCII characters gets no slices (``ascii`` is False): it is always searched."""

    __slots__ = ("ascii", "_low", "_by_length")

    def __init__(self, text: str):
        self.ascii = text.isascii()
        self._by_length: dict[int, frozenset[str]] = {}
        self._low = text.lower() if self.ascii else ""

    def slices(self, n: int) -> frozenset[str]:
        """The slices cut to ``n`` characters (shorter at the end of the text)."""
        got = self._by_length.get(n)
        if got is None:
            # one regex pass: at each word start (the text's start or after a non-word
            # character), the next 1..n characters
            got = self._by_length[n] = frozenset(_slicer(min(n, KEY_LENGTH)).findall(self._low))
        return got


@lru_cache(maxsize=None)
def _slicer(n: int) -> re.Pattern:
    return re.compile(r"(?:^|(?<=[^a-z0-9_]))(?=(.{1,%d}))" % n, re.DOTALL)


def may_match(keys: tuple[tuple[int, frozenset[str]], ...] | None, tkeys: TextKeys) -> bool:
    """False only if a pattern with ``keys`` (:func:`pattern_keys`) cannot match the text."""
    if keys is None or not tkeys.ascii:
        return True
    for n, ks in keys:
        if not ks.isdisjoint(tkeys.slices(n)):
            return True
    return False


# ----------------------------------------------------------------- case-sensitive twins
#
# A case-insensitive search makes the regex engine lower-case every character it compares and
# enter every branch of an alternation at each position (a case-sensitive branch is skipped on
# its first letter). Outside the few characters of CASE_SPECIAL, str.lower() keeps every offset,
# whether a character is a word, digit or space character, and matches an ASCII character
# case-insensitively exactly when its lower case is that character (all of Unicode is checked in
# tests/test_speed_paths.py); so a pattern written in lower case runs case-sensitively on the
# lower-cased text and finds its matches at the same places.

#: Characters whose lower case is not one character, or that match an ASCII letter
#: case-insensitively although their lower case is not ASCII (the Kelvin sign, the long s, the
#: dotted and dotless i): a text holding one is searched with the case-insensitive pattern.
CASE_SPECIAL = frozenset("\u0130\u0131\u017f\u212a")
_CASE_SPECIAL_SEQ = tuple(sorted(CASE_SPECIAL))
#: Non-ASCII characters a twin's pattern may hold: no other character is their lower case and
#: none matches them case-insensitively but themselves (checked over all of Unicode in a test).
CASELESS = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0")
_CATEGORIES = frozenset(getattr(_C, "CATEGORY_" + n) for n in ("WORD", "NOT_WORD", "DIGIT", "NOT_DIGIT", "SPACE",
                                                                  "NOT_SPACE"))
_AT_OK = frozenset(getattr(_C, "AT_" + n) for n in ("BEGINNING", "BEGINNING_LINE", "BEGINNING_STRING", "BOUNDARY",
                                                      "NON_BOUNDARY", "END", "END_LINE", "END_STRING"))


def _twin_char(code: int) -> bool:
    c = chr(code)
    return (code < 128 and not c.isupper()) or c in CASELESS


def _twin_items(items) -> bool:
    """Whether a parsed (sub)pattern reads the same case-sensitively on lower-cased text."""
    for op, av in items:
        if op is _C.LITERAL or op is _C.NOT_LITERAL:
            if not _twin_char(av):
                return False
        elif op is _C.ANY:
            continue
        elif op is _C.IN:
            for o, a in av:
                if o is _C.LITERAL:
                    if not _twin_char(a):
                        return False
                elif o is _C.RANGE:
                    lo, hi = a
                    if not (97 <= lo <= hi <= 122 or 48 <= lo <= hi <= 57):  # a-z, 0-9
                        return False
                elif o is _C.CATEGORY:
                    if a not in _CATEGORIES:
                        return False
                elif o is not _C.NEGATE:
                    return False
        elif op is _C.CATEGORY:
            if av not in _CATEGORIES:
                return False
        elif op is _C.AT:
            if av not in _AT_OK:
                return False
        elif op is _C.SUBPATTERN:
            _group, add, remove, sub = av
            if add or remove or not _twin_items(sub):  # (?-i:...), (?i:...): refused
                return False
        elif op is _C.BRANCH:
            if not all(_twin_items(b) for b in av[1]):
                return False
        elif op in _REPEATS:
            if not _twin_items(av[2]):
                return False
        elif op is _C.ASSERT or op is _C.ASSERT_NOT:
            if not _twin_items(av[1]):
                return False
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            if not _twin_items(av):
                return False
        else:  # back-references, conditionals, anything else: refused
            return False
    return True


@lru_cache(maxsize=4096)
def _lower_twin(source: str, flags: int) -> re.Pattern | None:
    if not flags & re.IGNORECASE or flags & (re.ASCII | re.LOCALE | re.VERBOSE):
        return None
    plain = flags & ~re.IGNORECASE
    if twin_source_ok(source):  # (the quick screen: no need to parse the pattern twice)
        return re.compile(source, plain)
    try:
        tree = _P.parse(source, plain)
    except Exception:  # noqa: BLE001 - whatever the parser refuses stays with the original pattern
        return None
    if tree.state.flags & (re.IGNORECASE | re.ASCII | re.LOCALE | re.VERBOSE) or not _twin_items(list(tree)):
        return None  # (an inline global flag, e.g. a leading "(?i)")
    return re.compile(source, plain)


#: A pattern source a twin surely mirrors (a quick screen, stricter than :func:`_twin_items`): ASCII
#: without upper-case letters (but in the escapes \B \W \S \D), CASELESS characters, no escape of a
#: letter or digit but \b \w \s \d and their opposites, and no group opener but (?: (?<! (?<= (?= (?!.
_TWIN_SOURCE = re.compile(r"(?:[^\\(A-Z\x80-\U0010ffff]|[" + "".join(sorted(CASELESS)) + r"]|\\[bBwWsSdD]"
                          r"|\\[^0-9A-Za-z]|\((?!\?)|\(\?(?::|<!|<=|=|!))*+\Z")


def twin_source_ok(source: str) -> bool:
    """Whether a pattern source (an alternative of a larger pattern) surely has a twin, by the quick
    screen :data:`_TWIN_SOURCE` (False may still have one)."""
    return _TWIN_SOURCE.match(source) is not None


def lower_twin(pattern: re.Pattern) -> re.Pattern | None:
    """A case-sensitive twin of a case-insensitive ``pattern``, to run on the lower-cased text
    (:func:`lowered`): ``twin.search(lowered(text))`` gives the same spans as
    ``pattern.search(text)`` (and ``match`` at the same positions). None when the pattern holds
    something a twin cannot mirror: an upper-case letter, a non-ASCII character outside
    :data:`CASELESS`, an inline flag group, a back-reference.

    >>> bool(lower_twin(re.compile(r"(?<!\\w)(?:not authori[sz]ed to|officials?)(?!\\w)", re.I)).flags & re.I)
    False
    >>> lower_twin(re.compile(r"(?-i:[A-Z])\\w+", re.I)) is None
    True
    """
    return _lower_twin(pattern.pattern, pattern.flags)


def lowered(text: str) -> str | None:
    """``text.lower()`` when it holds no character of :data:`CASE_SPECIAL` (else None: the
    case-insensitive pattern must be used)."""
    if text.isascii() or not any(c in text for c in _CASE_SPECIAL_SEQ):
        return text.lower()
    return None


# ----------------------------------------------------------------- required literals
#
# A case-sensitive pattern whose every match contains one of a few literal strings cannot match a
# text holding none of them: one C-level search for the literals then spares the pattern's own
# search, which tries its alternatives at every position of the text.


def _required(items) -> frozenset[str] | None:
    """A set of strings one of which every match of the parsed sequence ``items`` contains, or None
    (nothing known). Candidates: each run of consecutive literals; a group's own set; the union
    of a branch's sets (when every alternative has one); a class of literal characters; a
    repeated item's set when it must occur at least once. The candidate whose shortest string is
    longest wins (then the smaller set)."""
    cands: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if run:  # a run of literals is matched as one string
            cands.append(frozenset(["".join(run)]))
            run = []
        if op is _C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                s = _required(sub)
                if s:
                    cands.append(s)
        elif op is _C.BRANCH:
            alts = [_required(a) for a in av[1]]
            if all(alts):
                cands.append(frozenset().union(*alts))
        elif op is _C.IN:
            if av and all(o is _C.LITERAL for o, _v in av):
                cands.append(frozenset(chr(v) for _o, v in av))
        elif op in _REPEATS:
            lo, _hi, sub = av
            if lo >= 1:
                s = _required(sub)
                if s:
                    cands.append(s)
        # anything else (a look-around, an anchor, a category, any character, ...) ends the run
    if not cands:
        return None
    return max(cands, key=lambda s: (min(map(len, s)), -len(s)))


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of a case-sensitive ``pattern`` contains (as written), or
    None (a case-insensitive pattern, an inline flag group, or nothing known).

    >>> sorted(required_literals(re.compile(r"(?<!\\w)(?:(?:\\w+ ){1,2}(?:times|post)|\\w+\\.com)(?!\\w)")))
    ['.com', 'post', 'times']
    >>> required_literals(re.compile(r"\\w+ said", re.I)) is None
    True
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _P.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unexpected parse tree only means "nothing known"
        return None
    if tree.state.flags & re.IGNORECASE:  # a global inline (?i)
        return None
    return _required(tree)
