"""Voice types for speakers, from the editable codebook ``data/codebooks/voices.yml``.

Each speaker (an :class:`~newsvoices.extract.Entity`) gets the voice type of the
first codebook rule that matches its name, description, organisation and kind;
the rule's id is returned with it so every assignment can be traced. A speaker
listed in ``data/codebooks/voice_overrides.csv`` gets the listed voice instead
(rule ``override``).

Example:
    >>> from newsvoices.extract import Entity
    >>> classify(Entity("e1", "Home Office", kind="organisation"))
    ('official', 'org-government-uk')
    >>> classify(Entity("e2", "Robert Bates", description="founder of the Centre for Migration Control"))
    ('advocacy', 'org-advocacy')
"""

from __future__ import annotations

import bisect
import csv
import errno
import functools
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any

import yaml

from .config import DATA_DIR
from .entities import gender_words, trim_speaker_phrase
from .extract import Entity, Mention
from .identity import person_key
from .lexicon import load_lexicon
from .patternkeys import TextKeys, keys_and_start, keys_start_match, lower_twin, lowered, pattern_keys, twin_source_ok
from .patternkeys import required_literals
from .patternkeys import may_match as _may_match

VOICE_TYPES = [
    "official", "politician", "civil_servant", "commentator", "advocacy", "expert",
    "business", "legal", "public", "sport_culture", "anonymous", "other",
]
#: Fields a rule may test (``role`` = name + description, ``any`` = all three texts).
FIELDS = ("name", "description", "organisation", "role", "any")
KINDS = ("person", "organisation", "anonymous", "group")
DEFAULT_RULE = "default"
#: Rules whose assignment says "not enough information" (filled from role mentions or other articles).
UNINFORMED_RULES = ("default", "person-with-description", "organisation-unknown", "person-no-role",
                    "person-described-ordinary", "writer-cue", "writer-context")
#: The rule of a named person with no role stated whose every quote has a writer's cue ("X wrote"; see
#: classify_article): a guess from the cue alone, so it is listed as uninformed (other articles that state
#: the speaker's role win in the corpus step, and it is no evidence for them).
WRITER_RULE = "writer-cue"
#: The rule of a named person with no role stated whose mention sentences speak of their writing ("in an
#: article for the Federalist", "X's excellent column"; codebook context.writing_contexts; round 16): a
#: fall-back like writer-cue.
WRITER_CONTEXT_RULE = "writer-context"
#: Rules that place a speaker only weakly (a spokesperson whose employer is not named, a person described
#: only by an age, a name opening with "Attorney"): what the article says around the name ("DNC spokesman
#: Daniel Wessel", "Jo Roe, a Texas doctor", "U.S. Attorney Ron Parsons") wins when it places the speaker.
WEAK_RULES = ("spokesperson-unplaced", "person-age", "attorney-title-name")
#: Rules of unnamed documents whose issuer :func:`document_issuer` looks for, keeping the rule's own voice
#: when none is found: statements and reports (official) and, since round 17, posts, tweets, texts, emails,
#: notes and signs (``document-social``, other: their authors are as often private people or unknown).
ISSUER_RULES = frozenset({"document-unattributed", "document-social"})

CODEBOOK_PATH = DATA_DIR / "codebooks" / "voices.yml"
OVERRIDES_PATH = DATA_DIR / "codebooks" / "voice_overrides.csv"
KNOWN_PATH = DATA_DIR / "codebooks" / "known_office_holders.csv"


@dataclass
class Rule:
    """One compiled codebook rule."""

    id: str
    voice: str
    kinds: frozenset[str] | None = None
    require: dict[str, re.Pattern] = field(default_factory=dict)
    unless: dict[str, re.Pattern] = field(default_factory=dict)
    # (field, pattern, keys): keys let a search that cannot match be skipped (see patternkeys)
    _require: list = field(default_factory=list, init=False, repr=False, compare=False)
    _unless: list = field(default_factory=list, init=False, repr=False, compare=False)
    # fields whose required pattern's matches all start with one of its keys (see _matches_candidate)
    _anchored: frozenset = field(default=frozenset(), init=False, repr=False, compare=False)
    # how each required / unless pattern is run on a field's lower-cased text (see _pieces), or None
    _require_pieces: list = field(default_factory=list, init=False, repr=False, compare=False)
    _unless_pieces: list = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self):
        self._require = [(f, p, _keys(p.pattern)) for f, p in self.require.items()]
        self._unless = [(f, p, _keys(p.pattern)) for f, p in self.unless.items()]
        self._anchored = frozenset(f for f, p, k in self._require if k is not None and _starts(p.pattern, k))
        self._require_pieces = [_pieces(p, k, f in self._anchored, True) for f, p, k in self._require]
        self._unless_pieces = [_pieces(p, k, False, False) for _f, p, k in self._unless]

    def matches(self, kind: str, texts: dict[str, str], tkeys: "_TextKeys | None" = None) -> bool:
        """Whether the rule applies to an entity of ``kind`` with these field ``texts``
        (``tkeys``: the texts' :func:`~newsvoices.patternkeys.text_keys`, computed on demand)."""
        if self.kinds is not None and kind not in self.kinds:
            return False
        if tkeys is None:
            tkeys = _TextKeys(texts)
        for f, p, k in self._require:
            if k is not None and not _may_match(k, tkeys[f]):
                return False
            if not p.search(texts[f]):
                return False
        return self._passes_unless(texts, tkeys)

    def _matches_candidate(self, texts: dict[str, str], tkeys: "_TextKeys", bit: int = 0,
                           spots: dict | None = None) -> bool:
        """:meth:`matches` for a rule :meth:`_Plan.candidates` returned: its kind and the
        keys of its required patterns are already checked there. With ``spots`` (field ->
        ``(word start, rules with a key there)`` from :meth:`_Plan.candidates`) and this rule's
        ``bit``, a pattern whose matches all start with a key is tried with ``match`` only at
        the word starts where one of its keys occurs, instead of ``search`` trying every
        position: a match exists exactly when ``search`` finds one. When the field's
        lower-cased text may be used (:meth:`_TextKeys.lowered`), the pattern runs as its
        :func:`_pieces`: case-sensitive twins on the lower-cased text, and the alternatives
        whose matches start with a key tried only at those word starts."""
        for (f, p, _k), pieces in zip(self._require, self._require_pieces):
            text = texts[f]
            low = None if pieces is None else tkeys.lowered(f)
            if low is not None:
                sp = spots.get(f) if spots is not None else None
                for q, on_low, at_keys in pieces:
                    t = low if on_low else text
                    if at_keys and sp is not None:
                        for i, m in sp:
                            if m & bit and q.match(t, i):
                                break
                        else:
                            continue
                        break
                    if q.search(t):
                        break
                else:
                    return False
                continue
            sp = spots.get(f) if spots is not None and f in self._anchored else None
            if sp is None:
                if not p.search(text):
                    return False
                continue
            for i, m in sp:
                if m & bit and p.match(text, i):
                    break
            else:
                return False
        return self._passes_unless(texts, tkeys)

    def _passes_unless(self, texts: dict[str, str], tkeys: "_TextKeys") -> bool:
        """Whether none of the rule's ``unless`` patterns matches its field.

        Searched directly: the key pre-check (:func:`~newsvoices.patternkeys.may_match`) cut the
        text into word-start slices per key length for each new text, which cost about twice
        as much as the searches it saved (an ``unless`` pattern is tried only for a rule whose
        required patterns matched, a few per speaker); it never changed a result. A pattern with
        a case-sensitive twin runs it on the field's lower-cased text, as in :meth:`_matches_candidate`."""
        for (f, p, _k), pieces in zip(self._unless, self._unless_pieces):
            if pieces is not None:
                low = tkeys.lowered(f)
                if low is not None:
                    for q, on_low, _at in pieces:
                        if q.search(low if on_low else texts[f]):
                            return False
                    continue
            if p.search(texts[f]):
                return False
        return True


_keys = lru_cache(maxsize=4096)(pattern_keys)
_starts = lru_cache(maxsize=4096)(keys_start_match)


_text_keys = lru_cache(maxsize=8192)(TextKeys)


class _TextKeys(dict):
    """Field -> :class:`~newsvoices.patternkeys.TextKeys` of its text, made on first use."""

    def __init__(self, texts: dict[str, str]):
        super().__init__()
        self.texts = texts
        self.lows: dict[str, str | None] = {}

    def __missing__(self, f: str):
        v = self[f] = _text_keys(self.texts[f])
        return v

    def lowered(self, f: str) -> str | None:
        """The field's text lower-cased (:func:`~newsvoices.patternkeys.lowered`; None: a
        twin may not be used), made on first use."""
        low = self.lows.get(f, False)
        if low is False:
            low = self.lows[f] = lowered(self.texts[f])
        return low


@dataclass
class Codebook:
    """The ordered rules of a voice codebook and the voice overrides."""

    rules: list[Rule]
    overrides: dict[str, tuple[str, str]] = field(default_factory=dict)
    voice_types: dict[str, str] = field(default_factory=dict)
    source: str = ""
    max_words_before: int = 6
    stop_words: frozenset[str] = frozenset()
    stop_patterns: re.Pattern | None = None
    # well-known office holders (data/codebooks/known_office_holders.csv): used only when
    # neither the speaker's fields nor the article's words about them match a rule
    known: dict[str, tuple[str, str]] = field(default_factory=dict)
    # context.drop_unplaced_unnamed: an unnamed speaker no rule places is no source (see is_source)
    drop_unplaced_unnamed: bool = False
    # context.non_speech_cues: cue words that report no speech ("is expected to", "aimed to")
    non_speech_cues: frozenset[str] = frozenset()
    # context.anonymity_cues / press_verbs: how an unnamed official is seen to speak anonymously or to
    # a news outlet (see leak_marker)
    anonymity_cues: re.Pattern | None = None
    press_verbs: frozenset[str] = frozenset()
    # context.organisation_decides: rules whose unnamed speakers take their organisation's voice
    organisation_decides: frozenset[str] = frozenset()
    # context.passive_cues / passive_marker: a cue told in the passive ("Smith *was asked*", "a man
    # *was seen* fleeing") reports what was done to its subject, not what the subject said
    passive_cues: frozenset[str] = frozenset()
    passive_marker: re.Pattern | None = None
    # context.head_nouns_after: role nouns after an unnamed speaker phrase that make it their modifier
    head_nouns_after: re.Pattern | None = None
    # context.former_words: words right before a name that make its office a past one ("former")
    former_words: re.Pattern | None = None
    # context.collective_nouns: singular nouns naming a body of people that a sentence may open with
    # ("Leadership expects ..."): a one-word "person" so named is classified as that group (@noun)
    collective_nouns: frozenset[str] = frozenset()
    # context.writer_cues: cues that only a writer or a news outlet uses ("X wrote", "as X explains"): a named
    # person with no role stated anywhere whose every quote has such a cue is media (see classify_article)
    writer_cues: frozenset[str] = frozenset()
    # context.writing_contexts: wording in the sentence of a name mention that shows the person quoted from
    # their writing ("in a column", "in an article for the Federalist"): a named person with no role stated
    # anywhere is then media (rule writer-context, see _no_role_in_text; round 16)
    writing_contexts: re.Pattern | None = None
    # context.testimony_contexts: wording in the sentence of a mention of a person whom the culture-role
    # rule placed that shows the person speaking of a crime or a case they are part of (an accuser, a victim, a
    # witness): personal testimony, so public (rule culture-role@testimony, see _testimony_in_text; UK round 2)
    testimony_contexts: re.Pattern | None = None
    # context.sport_contexts / culture_contexts: sport or culture wording in the sentence of a name mention of a
    # person no rule places; context.sport_words / culture_words: such wording in the whole article, of which
    # context.field_min_words different words must occur: the person is then taken for a sports or culture
    # figure (rules sport-role@context, culture-role@context, see _field_in_text; UK round 3)
    sport_contexts: re.Pattern | None = None
    sport_words: re.Pattern | None = None
    culture_contexts: re.Pattern | None = None
    culture_words: re.Pattern | None = None
    field_min_words: int = 4
    # context.company_heads / company_attributes / company_suffixes: the words that call a name a company
    # ("carmaker Renault", "Renault boss", "shares in Renault", "Eton Corporation"; see company_in_text; UK
    # round 3), each list joined into one alternation
    company_heads: str | None = None
    company_attributes: str | None = None
    company_suffixes: str | None = None
    # context.issuer_only_rules: rules of unnamed documents that are a source only through their issuer (see
    # document_issuer): with no issuer named nearby the speaker falls back to rule default, so it is no source
    issuer_only_rules: frozenset[str] = frozenset()
    # context.document_words: head words of such documents, besides the built-in ones of document_issuer
    document_words: frozenset[str] = frozenset()
    _plan: Any = field(default=None, init=False, repr=False, compare=False)
    # the plan checked once for the duration of one classify_article call (rules do not change meanwhile)
    _fixed: Any = field(default=None, init=False, repr=False, compare=False)
    # (stop_words, stop_patterns, {word: whether name_context stops at it}), see stops()
    _stops: Any = field(default=None, init=False, repr=False, compare=False)

    def stops(self) -> dict[str, bool]:
        """Memo of :meth:`is_stop` answers (renewed if ``stop_words`` or ``stop_patterns`` was changed)."""
        st = self._stops
        if st is None or st[0] is not self.stop_words or st[1] is not self.stop_patterns or len(st[2]) > 100_000:
            st = self._stops = (self.stop_words, self.stop_patterns, {})
        return st[2]

    def is_stop(self, w: str) -> bool:
        """Whether :func:`name_context` stops at the word ``w`` before a name: a stop word (in lower
        case, without full stops) or a word the stop patterns match in full."""
        return w.lower().strip(".") in self.stop_words or (
            self.stop_patterns is not None and self.stop_patterns.fullmatch(w) is not None)

    def plan(self) -> "_Plan":
        """The rules indexed by their pattern keys (rebuilt if ``rules`` was changed)."""
        if self._fixed is not None:
            return self._fixed
        ids = tuple(map(id, self.rules))
        if self._plan is None or self._plan.ids != ids:
            self._plan = _Plan(self.rules, ids)
        return self._plan


class _Plan:
    """Which rules can match an entity, decided from the keys of their patterns.

    For each field, every key of every rule's required pattern on that field points to
    a bit mask of those rules; an entity's word-start slices (:class:`TextKeys`) then
    give, with a few dictionary look-ups, the rules whose required patterns may match.
    Only those are searched, in codebook order, so the first matching rule is the same
    as trying every rule in turn.
    """

    def __init__(self, rules: list[Rule], ids: tuple[int, ...]):
        self.ids = ids
        self.rules = rules
        everything = (1 << len(rules)) - 1
        self.everything = everything
        self.kind_masks: dict[str, int] = {}
        fields: dict[str, list] = {}  # field -> [index: {key: mask}, lengths, always, not requiring]
        for i, r in enumerate(rules):
            for f, _p, keys in r._require:
                entry = fields.setdefault(f, [{}, set(), 0, everything])
                entry[3] &= ~(1 << i)
                if keys is None:
                    entry[2] |= 1 << i
                    continue
                for n, ks in keys:
                    entry[1].add(n)
                    for k in ks:
                        entry[0][k] = entry[0].get(k, 0) | (1 << i)
        # per field: one regex finding, at every word start of a text, the longest key that
        # starts there, and for each key the rules of it and of its shorter keys (its prefixes)
        self.fields = [(f, _key_finder(idx), _prefix_masks(idx), always, others, ~others, {})
                       for f, (idx, _ns, always, others) in sorted(fields.items())]
        # (kind, name, description, organisation) -> (voice, rule): the same speakers recur
        self.memo: dict[tuple, tuple[str, str]] = {}
        # (entity fields, contexts, roles) -> what the article's words decide (None: nothing)
        self.votes: dict[tuple, tuple[str, str] | None] = {}

    def kind_mask(self, kind: str) -> int:
        m = self.kind_masks.get(kind)
        if m is None:
            m = 0
            for i, r in enumerate(self.rules):
                if r.kinds is None or kind in r.kinds:
                    m |= 1 << i
            self.kind_masks[kind] = m
        return m

    def candidates(self, kind: str, tkeys: "_TextKeys", spots: dict | None = None) -> int:
        """Bit mask of the rules (by index) that may match; ``spots`` (if given) gets, for
        each field whose (ASCII) text was looked at, the word starts where a key occurs with
        the mask of the rules that have a key there."""
        cand = self.kind_masks.get(kind)
        if cand is None:
            cand = self.kind_mask(kind)
        texts = tkeys.texts
        for f, finder, masks, always, others, requiring, seen in self.fields:
            if not cand & requiring:  # no candidate rule requires this field
                continue
            text = texts[f]
            got = seen.get(text)
            if got is None:
                if not text.isascii():  # as TextKeys: non-ASCII texts are always searched
                    got = -1, None
                else:
                    hit = always
                    sp = []
                    add = sp.append
                    for m in finder(" " + text.lower()):  # (see _key_finder: led by one non-word character)
                        mk = masks[m[1]]
                        hit |= mk
                        add((m.start(), mk))
                    got = hit, sp
                if len(seen) >= _MEMO_SIZE:  # bounded: memory stays flat on long runs
                    seen.clear()
                seen[text] = got  # the same names and organisations come back (each vote of a speaker)
            hit, sp = got
            if hit != -1:
                cand &= hit | others
                if spots is not None:
                    spots[f] = sp
        return cand


def _key_finder(index: dict[str, int]):
    """``finditer`` of a regex that gives, at each word start of a lower-cased ASCII text (the
    start of the text or after a character outside ``[a-z0-9_]``, as in
    :class:`~newsvoices.patternkeys.TextKeys`), the longest key of ``index`` the text has
    there (group 1); overlapping hits are all found (the key is captured inside a lookahead).

    It is given the text led by one space (``" " + text``) and consumes the character before
    each word start instead of testing a lookbehind there: the regex then opens with a
    character set, which the engine skips ahead to in C instead of trying every position, and
    ``m.start()`` is the word start in the text itself (the space shifts every index by one).
    A match consumes only that one character and the next word start is further on, so no hit
    is lost (``[^a-z0-9_](?=...)`` on ``" " + text`` finds exactly the hits of
    ``(?<![a-z0-9_])(?=...)`` on ``text``; a test compares the two)."""
    trie: dict = {}
    for k in index:
        node = trie
        for c in k:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body  # a key here: the longer ones are optional

    if not trie:
        return lambda text: ()
    return re.compile(r"[^a-z0-9_](?=(" + emit(trie) + "))", re.DOTALL).finditer


def _prefix_masks(index: dict[str, int]) -> dict[str, int]:
    """Key -> the rules of that key and of every shorter key that is a prefix of it."""
    out = {}
    for k in index:
        m = 0
        for j in range(1, len(k) + 1):
            m |= index.get(k[:j], 0)
        out[k] = m
    return out


def _compile(patterns, where: str) -> re.Pattern:
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        raise ValueError(f"{where}: expected a non-empty list of pattern strings, got {patterns!r}")
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"{where}: bad pattern {p!r}: {exc}") from None
    # Whole-word match: no letter/digit directly before or after the pattern.
    out = re.compile(_whole_word(patterns), re.IGNORECASE)
    _ALTERNATIVES[out.pattern] = tuple(patterns)
    return out


def _whole_word(patterns) -> str:
    return r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)"


#: the alternatives each pattern of :func:`_compile` was made of (see :func:`_twins`)
_ALTERNATIVES: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=4096)
def _twins(p: re.Pattern) -> tuple[re.Pattern, re.Pattern | None] | None:
    """``(twin, rest)``: the case-sensitive twin (:func:`~newsvoices.patternkeys.lower_twin`) of
    the alternatives of a :func:`_compile` pattern that have one, to run on the lower-cased text,
    and the others (None if none) as a case-insensitive pattern, to run on the text; or None.
    Both are whole-word patterns, so ``p`` matches at a position exactly when one of them does
    there (and ``p.search`` finds a match exactly when one of them does)."""
    tw = lower_twin(p)
    if tw is not None:
        return tw, None
    alts = _ALTERNATIVES.get(p.pattern)
    if not alts or not p.flags & re.IGNORECASE:
        return None
    ok = [twin_source_ok(a) for a in alts]
    if not any(ok):
        return None
    twin = lower_twin(re.compile(_whole_word([a for a, t in zip(alts, ok) if t]), p.flags))
    if twin is None:  # (the quick screen let through what a twin cannot mirror: not seen)
        return None
    return twin, _compiled([a for a, t in zip(alts, ok) if not t], p.flags)


def _compiled(alts: list[str], flags: int) -> re.Pattern:
    """The whole-word pattern of some alternatives of a :func:`_compile` pattern (registered, so it
    can be split again)."""
    out = re.compile(_whole_word(alts), flags)
    _ALTERNATIVES[out.pattern] = tuple(alts)
    return out


def _pieces(p: re.Pattern, keys, anchored: bool, at_keys: bool) -> tuple | None:
    """How a rule's pattern runs on a field whose lower-cased text may be used: a tuple of
    ``(pattern, on the lower-cased text?, only at the word starts of the rule's keys?)``; the
    pattern matches exactly when one of the pieces does (each is a whole-word pattern of some of
    its alternatives, and a match of an alternative is a match of the whole). With ``at_keys``
    (a required pattern, which :meth:`_Plan.candidates` gives key positions for) and ``keys``, the
    alternatives whose matches all start with one of their keys, all of them keys of the pattern
    (:func:`~newsvoices.patternkeys.keys_start_match`), are tried there with ``match`` and the
    others searched (the whole pattern when ``anchored``); each group is split into its
    case-sensitive twin and the rest (:func:`_twins`). None: nothing to gain, run ``p`` as it is."""
    groups: list = [(p, anchored and at_keys)]
    if at_keys and keys is not None and not anchored:
        alts = _ALTERNATIVES.get(p.pattern)
        if alts and len(alts) > 1:
            all_keys = {k for _n, ks in keys for k in ks}
            starts = []
            for a in alts:
                ak, st = keys_and_start(_whole_word([a]))
                starts.append(st and {k for _n, ks in ak for k in ks} <= all_keys)
            if any(starts):
                groups = [(_compiled([a for a, s in zip(alts, starts) if s], p.flags), True)]
                if not all(starts):
                    groups.append((_compiled([a for a, s in zip(alts, starts) if not s], p.flags), False))
    out = []
    for q, at in groups:
        tw = _twins(q)
        if tw is None:
            out.append((q, False, at))
        else:
            out.append((tw[0] if at else _guarded(tw[0]), True, at))
            if tw[1] is not None:
                out.append((tw[1], False, at))
    if len(out) == 1 and out[0][0] is p:
        return None
    return tuple(out)


class _Guarded:
    """A case-sensitive twin searched only in texts that hold one of the literal strings every
    match of it contains (:func:`~newsvoices.patternkeys.required_literals`): one search for the
    literals (mostly the ends of word runs, "times", ".com") spares the twin's search, which tries
    each alternative at every position; a text without any of them has no match. Only
    ``search`` is guarded (the pieces tried at key positions use the bare twin's ``match``)."""

    __slots__ = ("pattern", "flags", "match", "search", "twin")

    def __init__(self, twin: re.Pattern, literals: re.Pattern):
        self.twin = twin
        self.pattern, self.flags, self.match = twin.pattern, twin.flags, twin.match
        find, search = literals.search, twin.search

        def guarded_search(text: str):
            return search(text) if find(text) is not None else None

        self.search = guarded_search


def _guarded(twin: re.Pattern):
    """``twin`` as a :class:`_Guarded` when its required literals are known, else itself."""
    lits = required_literals(twin)
    if not lits:
        return twin
    return _Guarded(twin, re.compile("|".join(re.escape(x) for x in sorted(lits, key=lambda x: (-len(x), x)))))


def _fields(spec, where: str) -> dict[str, re.Pattern]:
    if not isinstance(spec, dict):
        raise ValueError(f"{where}: expected a mapping of field -> patterns")
    out = {}
    for f, pats in spec.items():
        if f not in FIELDS:
            raise ValueError(f"{where}: unknown field {f!r} (use one of {', '.join(FIELDS)})")
        out[f] = _compile(pats, f"{where}.{f}")
    return out


def parse_codebook(data, source: str = "<codebook>") -> list[Rule]:
    """Validate and compile the ``rules`` of a codebook mapping.

    Raises:
        ValueError: naming the file and the rule for any malformed entry.
    """
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ValueError(f"{source}: expected a mapping with a 'rules' list")
    rules, seen = [], set()
    for i, r in enumerate(data["rules"], 1):
        where = f"{source}: rule {i}"
        if not isinstance(r, dict):
            raise ValueError(f"{where}: expected a mapping")
        rid = r.get("id")
        if not isinstance(rid, str) or not rid:
            raise ValueError(f"{where}: missing 'id'")
        where = f"{source}: rule {i} ({rid})"
        if rid in seen:
            raise ValueError(f"{where}: duplicate id")
        seen.add(rid)
        voice = r.get("voice")
        if voice not in VOICE_TYPES:
            raise ValueError(f"{where}: voice {voice!r} is not one of {', '.join(VOICE_TYPES)}")
        unknown = set(r) - set(FIELDS) - {"id", "voice", "kind", "unless", "note"}
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        kinds = r.get("kind")
        if kinds is not None:
            kinds = [kinds] if isinstance(kinds, str) else kinds
            bad = [k for k in kinds if k not in KINDS]
            if bad:
                raise ValueError(f"{where}: unknown kind {bad} (use {', '.join(KINDS)})")
            kinds = frozenset(kinds)
        require = _fields({f: r[f] for f in FIELDS if f in r}, where)
        unless = _fields(r["unless"], f"{where}.unless") if "unless" in r else {}
        rules.append(Rule(rid, voice, kinds, require, unless))
    return rules


@lru_cache(maxsize=16384)  # the same names come back (every speaker is looked up several times)
def norm_name(name: str | None) -> str:
    """Key for overrides: lower case, single spaces, straight apostrophes."""
    return " ".join((name or "").replace("’", "'").split()).lower()


def load_overrides(path: Path | str = OVERRIDES_PATH) -> dict[str, tuple[str, str]]:
    """Read the overrides CSV (``name,voice_type,note``; ``#`` lines are comments).

    Returns ``{normalised name: (voice_type, rule)}``.

    Raises:
        ValueError: naming the file and line for an unknown voice type or a missing name.
    """
    path = Path(path)
    if not path.is_file():
        return {}
    out: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return out
    reader = csv.DictReader([line for _, line in lines])
    if not reader.fieldnames or not {"name", "voice_type"} <= set(reader.fieldnames):
        raise ValueError(f"{path}:{lines[0][0]}: header must have columns name,voice_type[,note]")
    for (lineno, _), row in zip(lines[1:], reader):
        name, voice = norm_name(row.get("name")), (row.get("voice_type") or "").strip()
        if not name:
            raise ValueError(f"{path}:{lineno}: empty name")
        if voice not in VOICE_TYPES:
            raise ValueError(f"{path}:{lineno}: voice_type {voice!r} is not one of {', '.join(VOICE_TYPES)}")
        out[name] = (voice, "override")
    return out


class _StrictLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key given twice in one mapping (a rule with two
    ``voice:`` lines would otherwise silently keep the last)."""


def _no_duplicate_keys(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (line {key_node.start_mark.line + 1})", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicate_keys)


def load_codebook(path: Path | str | None = None, overrides: Path | str | None = None) -> Codebook:
    """Load a codebook YAML (default ``data/codebooks/voices.yml``) and its overrides CSV."""
    path = Path(path) if path else CODEBOOK_PATH
    ov = Path(overrides) if overrides else OVERRIDES_PATH
    return _load_cached(str(path), _mtime(path), str(ov), _mtime(ov))


#: the errors after which ``Path.exists`` answers False (pathlib's ``_IGNORED_ERRNOS``)
_MISSING = frozenset((errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP))


def _mtime(path: Path) -> float:
    """``path.stat().st_mtime if path.exists() else 0.0`` with one ``os.stat`` call (it runs for
    every article: :func:`load_codebook` checks the files' modification times)."""
    try:
        return os.stat(path).st_mtime
    except OSError as exc:
        if exc.errno in _MISSING or getattr(exc, "winerror", None) in (21, 123, 1921):
            return 0.0
        raise
    except ValueError:  # a path the file system cannot encode (as Path.exists)
        return 0.0


def _word_list(ctx: dict, key: str, p) -> list:
    """``context.KEY`` of the codebook as a list of words ([] when absent).

    Raises:
        ValueError: naming the codebook file when it is not a list of non-empty strings.
    """
    words = ctx.get(key) or []
    if not isinstance(words, list) or not all(isinstance(c, str) and c.strip() for c in words):
        raise ValueError(f"{p}: context.{key} must be a list of words")
    return words


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime: float, overrides: str, _omtime: float) -> Codebook:
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{p}: voice codebook not found")
    try:
        data = yaml.load(p.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506 (safe loader subclass)
    except yaml.YAMLError as exc:
        raise ValueError(f"{p}: not valid YAML: {exc}") from None
    rules = parse_codebook(data, str(p))
    vt = data.get("voice_types") or {}
    bad = [v for v in vt if v not in VOICE_TYPES]
    if bad:
        raise ValueError(f"{p}: voice_types lists unknown ids {bad}")
    ctx = data.get("context") or {}
    if not isinstance(ctx, dict):
        raise ValueError(f"{p}: 'context' must be a mapping")
    max_before = ctx.get("max_words_before", 6)
    if not isinstance(max_before, int) or max_before < 0:
        raise ValueError(f"{p}: context.max_words_before must be a non-negative integer")
    stops = frozenset(str(w).lower() for w in ctx.get("stop_words") or [])
    stop_re = _compile(ctx["stop_patterns"], f"{p}: context.stop_patterns") if ctx.get("stop_patterns") else None
    known = load_overrides(KNOWN_PATH) if KNOWN_PATH.is_file() else {}
    known = {k: (v, "known-office-holder") for k, (v, _) in known.items()}
    drop = ctx.get("drop_unplaced_unnamed", False)
    if not isinstance(drop, bool):
        raise ValueError(f"{p}: context.drop_unplaced_unnamed must be true or false")
    cues = _word_list(ctx, "non_speech_cues", p)
    anon = _compile(ctx["anonymity_cues"], f"{p}: context.anonymity_cues") if ctx.get("anonymity_cues") else None
    passive = _word_list(ctx, "passive_cues", p)
    heads_after = _word_list(ctx, "head_nouns_after", p)
    heads_re = (re.compile(r"[ \t]+(" + "|".join(re.escape(w.strip()) for w in heads_after) + r")\b(?![-’'])",
                           re.IGNORECASE) if heads_after else None)
    former = _word_list(ctx, "former_words", p)
    former_re = (re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w.strip()) for w in former) + r")(?![\w’'])",
                            re.IGNORECASE) if former else None)
    marker = ctx.get("passive_marker")
    if marker is not None and not isinstance(marker, str):
        raise ValueError(f"{p}: context.passive_marker must be one regular expression")
    try:
        passive_re = re.compile(rf"\b(?:{marker})\s+$", re.IGNORECASE) if marker else None
    except re.error as exc:
        raise ValueError(f"{p}: context.passive_marker: bad regular expression: {exc}") from None
    press = _word_list(ctx, "press_verbs", p)
    collective = _word_list(ctx, "collective_nouns", p)
    writer = _word_list(ctx, "writer_cues", p)
    org_rules = ctx.get("organisation_decides") or []
    known_ids = {r.id for r in rules}
    if not isinstance(org_rules, list) or not all(isinstance(c, str) and c in known_ids for c in org_rules):
        raise ValueError(f"{p}: context.organisation_decides must list ids of rules in the file")
    issuer_only = ctx.get("issuer_only_rules") or []
    if not isinstance(issuer_only, list) or not all(isinstance(c, str) and c in known_ids for c in issuer_only):
        raise ValueError(f"{p}: context.issuer_only_rules must list ids of rules in the file")
    doc_words = _word_list(ctx, "document_words", p)
    writing = (_compile(ctx["writing_contexts"], f"{p}: context.writing_contexts")
               if ctx.get("writing_contexts") else None)
    testimony = (_compile(ctx["testimony_contexts"], f"{p}: context.testimony_contexts")
                 if ctx.get("testimony_contexts") else None)
    fields = {k: (_compile(ctx[k], f"{p}: context.{k}") if ctx.get(k) else None)
              for k in ("sport_contexts", "sport_words", "culture_contexts", "culture_words")}
    min_words = ctx.get("field_min_words", 4)
    if not isinstance(min_words, int) or isinstance(min_words, bool) or min_words < 1:
        raise ValueError(f"{p}: context.field_min_words must be a positive integer")
    company = {k: "|".join(f"(?:{w})" for w in _word_list(ctx, k, p)) or None
               for k in ("company_heads", "company_attributes", "company_suffixes")}
    for k, alt in company.items():
        if alt is not None:
            _compile(ctx[k], f"{p}: context.{k}")  # a bad pattern is named with its file
    return Codebook(rules, load_overrides(overrides), dict(vt), str(p), max_before, stops, stop_re, known, drop,
                    frozenset(c.strip().lower() for c in cues), anon, frozenset(c.strip().lower() for c in press),
                    frozenset(org_rules), frozenset(c.strip().lower() for c in passive), passive_re, heads_re, former_re,
                    frozenset(c.strip().lower() for c in collective), frozenset(c.strip().lower() for c in writer),
                    issuer_only_rules=frozenset(issuer_only),
                    document_words=frozenset(c.strip().lower() for c in doc_words), writing_contexts=writing,
                    testimony_contexts=testimony, **fields, field_min_words=min_words, **company)


def _texts(entity: Entity) -> dict[str, str]:
    name = entity.name or ""
    desc = entity.description or ""
    org = entity.organisation or ""
    return {
        "name": name, "description": desc, "organisation": org,
        "role": f"{name} ; {desc}", "any": f"{name} ; {desc} ; {org}",
    }


def _first_rule(cb: Codebook, entity: Entity) -> tuple[str, str]:
    kind = entity.kind or "person"
    plan = cb._fixed or cb.plan()  # (_fixed: the plan of the running classify_article)
    key = (kind, entity.name, entity.description, entity.organisation)
    hit = plan.memo.get(key)
    if hit is not None:
        return hit
    texts = _texts(entity)
    tkeys = _TextKeys(texts)
    rules = cb.rules
    spots: dict = {}
    cand = plan.candidates(kind, tkeys, spots)
    found = "other", DEFAULT_RULE
    while cand:  # the candidate rules in codebook order
        low = cand & -cand
        cand ^= low
        rule = rules[low.bit_length() - 1]
        if rule._matches_candidate(texts, tkeys, low, spots):
            found = rule.voice, rule.id
            break
    if len(plan.memo) >= _MEMO_SIZE:  # bounded: memory stays flat on long runs
        plan.memo.clear()
    plan.memo[key] = found
    return found


_MEMO_SIZE = 50_000


def _vote(cb: Codebook, entity: Entity, texts: list[str] | None) -> tuple[str, str] | None:
    """Classify ``entity`` with each text as its description; the most common informed
    voice wins (ties: the earliest text)."""
    results: list[tuple[str, str]] = []
    for t in dict.fromkeys(x.strip() for x in texts or () if x and x.strip()):
        desc = f"{entity.description} ; {t}" if entity.description else t
        v, r = _first_rule(cb, Entity(entity.key, entity.name, entity.kind, desc, entity.organisation))
        if r not in UNINFORMED_RULES:
            results.append((v, r))
    if not results:
        return None
    counts: dict[str, int] = {}
    for v, _ in results:
        counts[v] = counts.get(v, 0) + 1
    best = max(counts.values())
    voice = next(v for v, _ in results if counts[v] == best)
    rule = next(r for v, r in results if v == voice)
    return voice, f"{rule}@mention"


def classify(entity: Entity, codebook: Codebook | None = None, roles: list[str] | None = None,
             contexts: list[str] | None = None) -> tuple[str, str]:
    """Return ``(voice_type, rule)`` for an entity.

    Args:
        entity: the speaker (name, description, organisation, kind).
        codebook: rules to apply; default :func:`load_codebook` ().
        contexts: how the article introduces the speaker's name ("Sen. Marco Rubio ;
            R-Fla.", see :func:`name_context`). roles: role mentions resolved to the
            speaker ("the Labour MP"). Both are used only when the entity's own fields
            match no informative rule: each text is classified on its own and the most
            common voice wins (contexts first; role mentions only if no context decides; for a
            name in ``known_office_holders.csv`` role mentions decide only when they make the
            speaker a politician, else the listed voice wins).
            The rule is then recorded as ``<rule>@mention``.

    Returns:
        The voice type (one of :data:`VOICE_TYPES`) and the id of the rule that
        assigned it (``override`` for the overrides CSV, ``default`` when no rule matched).

    Example:
        >>> classify(Entity("e1", "Jess Phillips"), roles=["the Labour MP"])
        ('politician', 'politician-role@mention')
    """
    cb = codebook or load_codebook()
    hit = cb.overrides.get(norm_name(entity.name))
    if hit:
        return hit
    voice, rule = _first_rule(cb, entity)
    if rule in WEAK_RULES and (contexts or roles):
        found = _vote(cb, entity, contexts) or _vote(cb, entity, roles)
        if found and found[1].split("@")[0] not in WEAK_RULES:
            return found
    if rule in UNINFORMED_RULES:
        memo = cb.plan().votes
        key = (entity.kind, entity.name, entity.description, entity.organisation,
               tuple(contexts or ()), tuple(roles or ()))
        found = memo.get(key, False)
        if found is False:
            found = _vote(cb, entity, contexts)
            if not found:
                found = _vote(cb, entity, roles)
                if found and found[0] != "politician" and cb.known.get(norm_name(entity.name)):
                    # role mentions resolved to the speaker ("the president", "the general") are the
                    # noisiest evidence: a well-known office holder's listed voice wins over them, except
                    # a campaign's ("the Republican nominee": the list gives one office per person; round 12)
                    found = None
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[key] = found
        if found:
            return found
        hit = cb.known.get(norm_name(entity.name))
        if hit:
            return hit
    return voice, rule


def explain(entity: Entity, codebook: Codebook | None = None) -> list[str]:
    """Ids of every rule that would match ``entity`` in order (the first one wins)."""
    cb = codebook or load_codebook()
    kind, texts = entity.kind or "person", _texts(entity)
    tkeys = _TextKeys(texts)
    return [r.id for r in cb.rules if r.matches(kind, texts, tkeys)]



def classify_speaker(entity: Entity, codebook: Codebook | None = None, roles: list[str] | None = None,
                     contexts: list[str] | None = None) -> tuple[str, str]:
    """:func:`classify` for a speaker of an article, with two steps after it when it is uninformed.

    * A one-word "person" that is really a plural noun capitalised at the start of a
      sentence ("Detractors", "Soldiers", "Estimates") or a collective noun of the codebook's
      ``context.collective_nouns`` ("Leadership") and that nothing else placed is
      classified as the unnamed group the word names (rule ``<rule>@noun``).
    * A name in ``known_office_holders.csv`` behind a title kept in the name
      ("Governor Jerry Brown", even as an organisation) gets its listed voice ("President X" taken for an
      organisation is placed by rule ``org-head-of-government-title`` first, UK round 5).
    * An unnamed phrase no rule places that ran on past its head ("a statement issued",
      "a lawsuit filed by ...") is classified as the phrase up to its head
      (:func:`newsvoices.entities.trim_speaker_phrase`; rule ``<rule>@head``).

    Example:
        >>> classify_speaker(Entity("e", "Detractors"))
        ('other', 'group-unspecified@noun')
        >>> classify_speaker(Entity("e", "Governor Jerry Brown", "organisation"))
        ('official', 'known-office-holder')
        >>> classify_speaker(Entity("e", "President Donald Trump", "organisation"))  # a rule since UK round 5
        ('official', 'org-head-of-government-title')
    """
    cb = codebook or load_codebook()
    voice, rule = classify(entity, cb, roles=roles, contexts=contexts)
    if rule in cb.organisation_decides and entity.kind in ("anonymous", "group") and entity.organisation:
        hit = _organisation_voice(cb, entity)
        if hit:
            return hit
    if rule.startswith("document-") and entity.kind in ("anonymous", "group"):
        hit = _issuer_voice(cb, entity)
        if hit:
            return hit
    if rule not in UNINFORMED_RULES:
        return voice, rule
    name = (entity.name or "").strip()
    if rule == DEFAULT_RULE and entity.kind in ("anonymous", "group"):
        # a phrase that ran on past its head ("a statement issued", "a lawsuit filed by ...")
        short = trim_speaker_phrase(name)
        if short:
            v2, r2 = classify_speaker(Entity(entity.key, short, entity.kind, entity.description,
                                             entity.organisation), cb, roles=roles, contexts=contexts)
            if r2 not in UNINFORMED_RULES:
                return v2, f"{r2}@head"
    # plural words only: a surname such as "Cook" or "Judge" must not become a role; and the singular
    # collective nouns of the codebook's context.collective_nouns ("Leadership expects ...")
    if (entity.kind or "person") == "person" and " " not in name and name[:1].isupper() and (
            name.endswith("s") or name.lower() in cb.collective_nouns):
        low = name.lower()
        v2, r2 = classify(Entity(entity.key, low, "group", low, entity.organisation), cb)
        if r2 not in UNINFORMED_RULES:
            return v2, f"{r2}@noun"
    if entity.kind not in ("anonymous", "group") and " " in name:
        # a well-known name behind a title the extractor kept ("President Donald Trump", "Sen. Ted Cruz")
        hit = cb.known.get(norm_name(person_key(name)))
        if hit:
            return hit
    of = _NAME_OF_PLACE.match(name) if (entity.kind or "person") == "person" and rule == DEFAULT_RULE else None
    if of:
        # "Jo Roe of Springfield", "Jo Roe of Vale Broadcasting": the organisation after "of" when a rule
        # places it (not a bare place), else the person's name alone (round 13)
        v2, r2 = _first_rule(cb, Entity(entity.key, of.group("where"), "organisation"))
        if r2 not in UNINFORMED_RULES and r2 not in _PLACE_RULES:
            return v2, f"{r2}@organisation"
        v2, r2 = classify_speaker(Entity(entity.key, of.group("who"), "person", entity.description,
                                         entity.organisation), cb, roles=roles, contexts=contexts)
        if r2 != DEFAULT_RULE:
            return v2, r2
    return voice, rule


#: "Jo Roe of Springfield", "Jo Roe from Vale": a person's name with where they live or work.
_NAME_OF_PLACE = re.compile(r"^(?P<who>[A-Z][\w’'\-]+(?: (?:[A-Z]\.|[A-Z][\w’'\-]+)){1,3}) (?:of|from) "
                            r"(?P<where>[A-Z][\w.’'&\-]*(?: [A-Z][\w.’'&\-]*){0,4})$")
#: Rules that place a bare country, state or city as its government (no employer of a person).
_PLACE_RULES = frozenset({"org-country"})


#: Voices an unnamed official's organisation may pass on (outside government; see _organisation_voice).
_NON_GOVERNMENT = frozenset({"business", "advocacy", "expert", "commentator", "legal", "politician"})


def _organisation_voice(cb: Codebook, entity: Entity) -> tuple[str, str] | None:
    """The voice of the organisation an unnamed official speaks for ("G4S officials", "the
    Academy of Pediatrics president"), when the organisation rules place it outside government.
    Rule ``<rule>@organisation``."""
    v, r = _first_rule(cb, Entity(entity.key, entity.organisation, "organisation"))
    if r in UNINFORMED_RULES or v not in _NON_GOVERNMENT:
        return None
    return v, f"{r}@organisation"


_S_END = re.compile(r"['’]s$")
_ISSUER = re.compile(r"^(?:(?:the|a|an|The|A|An) )?((?:[A-Z][\w.&\-]*(?:['’]s)? ){1,5})(?=[a-z])")


def _issuer_voice(cb: Codebook, entity: Entity) -> tuple[str, str] | None:
    """The voice of the organisation named before a document ("ICE statement", "White House
    memo", "Reuters analysis"), when a rule places that name as an organisation. Rule
    ``<rule>@issuer``."""
    m = _ISSUER.match(entity.name or "")
    if not m:
        return None
    issuer = _S_END.sub("", m.group(1).strip())
    v, r = _first_rule(cb, Entity(entity.key, issuer, "organisation"))
    if r in UNINFORMED_RULES:
        return None
    return v, f"{r}@issuer"


def is_source(entity: Entity, rule: str, codebook: Codebook | None = None) -> bool:
    """Whether a quote's speaker counts as a source, given the rule that classified it.

    With the codebook's ``context.drop_unplaced_unnamed`` set, an unnamed speaker phrase
    (kind ``anonymous`` or ``group``) that no rule, context or corpus evidence places
    (rule ``default``) is taken for an extraction error ("the election", "a way forward"):
    the pipeline leaves its quotes unattributed.

    Example:
        >>> cb = load_codebook()
        >>> is_source(Entity("e", "a way forward", "anonymous"), "default", cb)
        False
        >>> is_source(Entity("e", "a spokeswoman", "anonymous"), "anonymous-official", cb)
        True
    """
    cb = codebook or load_codebook()
    return not (cb.drop_unplaced_unnamed and rule == DEFAULT_RULE and entity.kind in ("anonymous", "group"))


def is_speech_cue(cue: str | None, codebook: Codebook | None = None, text: str | None = None,
                  cue_start: float | None = None, speaker_start: float | None = None) -> bool:
    """Whether a quote's cue reports speech, thought or stance of its speaker at all: False for
    the codebook's ``context.non_speech_cues`` ("the bill is *expected* to pass", "orders *aimed*
    to streamline"), whose subject is no source; the pipeline leaves such quotes unattributed.

    Given the article ``text`` and the offsets of the cue and of the speaker mention, a cue of
    ``context.passive_cues`` told in the passive (``context.passive_marker`` right before it:
    "Smith *was asked* whether ...", "a man *had been seen* fleeing") with the speaker before it
    is no speech either: its subject is the one spoken to or acted upon. With the speaker after
    the cue ("a letter *was written by* the sheriff") the speaker is the agent and counts.

    Example:
        >>> is_speech_cue("said"), is_speech_cue("expected"), is_speech_cue(None)
        (True, False, True)
        >>> t = "Jo Roe was asked about the plan."
        >>> is_speech_cue("asked", None, t, 11, 0), is_speech_cue("asked", None, "Jo Roe asked why.", 7, 0)
        (False, True)
    """
    cb = codebook or load_codebook()
    if not cue:
        return True
    c = cue.strip().lower()
    if c in cb.non_speech_cues:
        return False
    if (c in cb.passive_cues and cb.passive_marker is not None and text is not None and cue_start is not None
            and cue_start == cue_start and speaker_start is not None and speaker_start == speaker_start
            and speaker_start < cue_start):
        cs = int(cue_start)
        return cb.passive_marker.search(text, max(0, cs - 40), cs) is None
    return True


_START_END = attrgetter("start", "end")

#: How many name mentions of one speaker are read for context (the first ones in the text).
MAX_CONTEXTS = 8


_OF_SPLIT = re.compile(r"\s+of\s+")


def _surname_sources(entities) -> dict[str, str]:
    """For each one-word person ("Ramirez"), the one other entity of the article whose full
    name ends with that word ("Det. Chris Ramirez", or a name the extractor glued to its
    organisation, "Chris Ramirez of the Weslaco Police Department")."""
    full: dict[str, set[str]] = {}
    for e in entities:
        words = _OF_SPLIT.split((e.name or "").strip(), maxsplit=1)[0].split()
        if len(words) >= 2 and e.kind in ("person", "organisation") and words[-2][:1].isupper():
            full.setdefault(words[-1].strip(".,").lower().replace("’", "'"), set()).add(e.key)
    out: dict[str, str] = {}
    for e in entities:
        # "O'Malley" is "O’Malley"; "Sharry of America's Voice" is the surname "Sharry" glued to its organisation
        if e.kind != "person":
            continue
        nm = (e.name or "").strip()
        words = (_OF_SPLIT.split(nm, maxsplit=1)[0] if " of " in nm else nm).split()
        if len(words) == 1:
            cands = full.get(words[0].strip(".,").lower().replace("’", "'"), set()) - {e.key}
            if len(cands) == 1:
                out[e.key] = next(iter(cands))
    return out


def article_contexts(text: str, entities, mentions, codebook: Codebook | None = None,
                     max_contexts: int = MAX_CONTEXTS) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """What the whole article says about each entity, for :func:`classify`.

    Returns ``(roles, contexts)`` keyed by entity key: the role mentions resolved to the
    entity ("the Labour MP") and the :func:`name_context` of its first ``max_contexts``
    name mentions ("Sen. Marco Rubio ; R-Fla.", "Swanton ; a police spokesman"). A
    one-word person whose fuller name the extractor kept as another entity ("Ramirez"
    after "Det. Chris Ramirez of the Weslaco Police Department") also gets that entity's
    contexts and role mentions, after its own. A context that states the present role
    ("Ting ; now a law professor") is put first, so it wins a tie in :func:`classify`'s vote.

    Example:
        >>> from newsvoices.extract import Entity, Mention
        >>> t = "Sgt. Pat Swanton, a police spokesman, spoke. Later Swanton said no."
        >>> ents = [Entity("e1", "Pat Swanton"), Entity("e2", "Swanton")]
        >>> ms = [Mention("e1", 5, 16, "Pat Swanton"), Mention("e2", 51, 58, "Swanton", "surname")]
        >>> article_contexts(t, ents, ms)[1]["e2"]
        ['Later Swanton', 'Sgt. Pat Swanton ; a police spokesman']
    """
    return _article_contexts(text, entities, mentions, codebook or load_codebook(), max_contexts)


def _article_contexts(text: str, entities, mentions, cb: Codebook, max_contexts: int = MAX_CONTEXTS,
                      need: set[str] | None = None,
                      linked: dict[str, str] | None = None) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """:func:`article_contexts`; with ``need``, the contexts only of those entity keys (the
    others are left out: computing a name's contexts is the costly part). ``linked``: the
    article's :func:`_surname_sources` if already known."""
    if linked is None:
        linked = _surname_sources(entities)
    wanted = None
    if need is not None:  # a speaker's own contexts and those of the full name it borrows
        wanted = set(need)
        wanted.update(src for key, src in linked.items() if key in need)
    roles: dict[str, list[str]] = {}
    contexts: dict[str, list[str]] = {}
    for m in sorted(mentions, key=_START_END):
        if m.kind == "role":
            roles.setdefault(m.entity, []).append(m.text)
        elif (m.kind in ("name", "surname") and len(contexts.get(m.entity, ())) < max_contexts
              and (wanted is None or m.entity in wanted)):
            contexts.setdefault(m.entity, []).append(name_context(text, m.start, m.end, cb))
    for key, src in linked.items():
        if src in contexts and (need is None or key in need):
            contexts[key] = contexts.get(key, []) + contexts[src]
        if src in roles:
            roles[key] = roles.get(key, []) + roles[src]
    # a one-word person whose full name is in the text but is no entity of its own
    # ("Stanford University's Keith Humphreys ... Humphreys said"): the contexts of those full names
    for e in entities:
        words = (e.name or "").split()
        if e.kind == "person" and len(words) == 1 and e.key not in linked and (need is None or e.key in need):
            extra = full_name_contexts(text, words[0], cb, max_contexts)
            if extra:
                contexts[e.key] = contexts.get(e.key, []) + extra
    # "Ting, now a law professor": the present role comes first (it wins a tie in the vote)
    for key, ctx in contexts.items():
        if any(" ; now " in c for c in ctx):
            contexts[key] = sorted(ctx, key=lambda c: " ; now " not in c)
    return roles, contexts


def _capitalised_word_before(text: str, name: str) -> bool:
    """Whether ``name`` occurs in ``text`` right after a capitalised word that is no title
    ("Luis Cortes Romero", not "Sen. Jo Roe"): a quick test before :func:`full_name_contexts`."""
    lex = None
    for i, _j in _surname_spans(text, name):
        w = text[max(0, i - 30):i]
        if not w.endswith(" "):
            continue
        parts = w.split()
        if not parts:
            continue
        word = parts[-1]
        if not (word[:1].isupper() and word[1:2].islower()):
            continue
        lex = lex or load_lexicon()
        low = word.rstrip(".").lower()
        if low not in lex.titles and low not in lex.role_words and low not in lex.function_words:
            return True
    return False


_GIVEN_BEFORE = re.compile(r"(?:^|[\s(\[\"“‘'])((?:[A-Z][a-z][\w’'\-]*|[A-Z]\.(?:[A-Z]\.)?)(?:\s+[A-Z]\.)?)\s+$")


def _surname_spans(text: str, surname: str):
    r"""``(start, end)`` of each match of ``(?<![\w’'\-])SURNAME(?![\w\-]|[’']\w)`` in ``text``,
    in order and without overlaps, as ``re.finditer`` gives them (a literal search: compiling a
    pattern per surname cost more than the search). ``\w`` is ``str.isalnum()`` or ``_``."""
    n, k = len(text), len(surname)
    i = text.find(surname)
    while i >= 0:
        j = i + k
        c = text[i - 1] if i else ""
        ok = not (c and (c.isalnum() or c in "_’'-"))
        if ok and j < n:
            d = text[j]
            if d.isalnum() or d in "_-" or (d in "’'" and j + 1 < n and (text[j + 1].isalnum() or text[j + 1] == "_")):
                ok = False
        if ok:
            yield i, j
            i = text.find(surname, j)
        else:
            i = text.find(surname, i + 1)


def full_name_contexts(text: str, surname: str, codebook: Codebook | None = None,
                       max_contexts: int = MAX_CONTEXTS) -> list[str]:
    """The :func:`name_context` of each place where ``surname`` follows a capitalised word
    ("Stanford University's Keith Humphreys", "Police Chief Ed Haber"), for a speaker the
    extractor knows by surname only.

    Nothing when the surname is not a capitalised word, or when it follows two different
    given names (two people share it: "Jeb Bush", "Laura Bush"). Titles and role words
    before the surname ("Sen.", "Chief") are no given names but their contexts count.

    Example:
        >>> t = "Scholars like Stanford University's Keith Humphreys agreed. Humphreys said no."
        >>> full_name_contexts(t, "Humphreys")
        ["Stanford University's Keith Humphreys"]
        >>> full_name_contexts("Jeb Bush and Laura Bush spoke. Bush said.", "Bush")
        []
    """
    if not surname[:1].isupper() or not surname[1:2].islower() or len(surname) < 3:
        return []
    lex = load_lexicon()
    given: set[str] = set()
    spans: list[tuple[int, int]] = []
    for m_start, m_end in _surname_spans(text, surname):
        g = _GIVEN_BEFORE.search(text, max(0, m_start - 40), m_start)
        if g is None:
            if _NAMED_BEFORE.search(text[max(0, m_start - 60):m_start]):
                spans.append((m_start, m_end))  # "a refugee named Mohammed"
            continue
        word = g.group(1).split()[0].rstrip(".").lower()
        if word in lex.function_words:
            continue  # "The State", "But Biden": a capitalised function word is no part of a name
        if word not in lex.titles and word not in lex.role_words:
            given.add(g.group(1).split()[0].rstrip("."))
        spans.append((g.start(1), m_end))
    if len(given) > 1 or (" " in surname and not given):
        return []  # two given names: two people; a two-word name with titles only: nothing new
    cb = codebook or load_codebook()
    out = [name_context(text, s, e, cb) for s, e in spans[:max_contexts]]
    return list(dict.fromkeys(out))


#: What a named person whose every quote has a writer's cue is classified as (rule ``writer-cue``).
_WRITER = "writer"


def classify_article(text: str, entities, mentions, codebook: Codebook | None = None,
                     cues: dict[str, list[str]] | None = None) -> dict[str, tuple[str, str]]:
    """``{entity key: (voice_type, rule)}`` for every entity of an article.

    Each entity is classified by :func:`classify_speaker` with what the whole article says
    about it (:func:`article_contexts`). A one-word person that stays uninformed and whose
    full name is another entity of the article ("Gelernt" after "Lee Gelernt of the ACLU")
    then takes that entity's voice when it is informed (rule ``<rule>@surname``).

    ``cues`` (optional): the cue words of each entity's quotes. A named person that only the fall-back
    ``person-no-role`` places and whose every quote has a cue of the codebook's ``context.writer_cues``
    ("X wrote", "as X explains", "the X Brew reported") is classified as a writer (rule ``writer-cue``,
    the voice the codebook gives "writer": media): news writing quotes columnists, bloggers and outlets
    by what they wrote. A fall-back like ``person-no-role``: the corpus step prefers other articles.

    Example:
        >>> from newsvoices.extract import Entity, Mention
        >>> t = "Lee Gelernt of the ACLU spoke. Gelernt said no."
        >>> ents = [Entity("e1", "Lee Gelernt", organisation="ACLU"), Entity("e2", "Gelernt")]
        >>> ms = [Mention("e1", 0, 11, "Lee Gelernt"), Mention("e2", 31, 38, "Gelernt", "surname")]
        >>> classify_article(t, ents, ms)["e2"]
        ('advocacy', 'org-advocacy@surname')
    """
    cb = codebook or load_codebook()
    cb._fixed = cb.plan()  # checked once here instead of at every rule look-up
    try:
        linked = _surname_sources(entities)
        # only a speaker whose own fields leave it uninformed (or weakly placed) reads the article's
        # words about it (see classify): the others need no name contexts
        need = {e.key for e in entities if _reads_contexts(cb, e)}
        roles, contexts = _article_contexts(text, entities, mentions, cb, MAX_CONTEXTS, need, linked)
        voice = {e.key: classify_speaker(e, cb, roles=roles.get(e.key), contexts=contexts.get(e.key))
                 for e in entities}
        # a two-word name nothing placed may be a surname the text gives with a given name before it
        # ("Cortes Romero" after "Attorney Luis Cortes Romero"): read those full names too
        for e in entities:
            if e.kind != "person" or voice[e.key][1] not in UNINFORMED_RULES:
                continue
            words = (e.name or "").split()
            if len(words) == 2 and _capitalised_word_before(text, e.name.strip()):
                extra = full_name_contexts(text, " ".join(words), cb)
                if extra:
                    found = classify_speaker(e, cb, roles=roles.get(e.key),
                                             contexts=(contexts.get(e.key) or []) + extra)
                    if found[1] not in UNINFORMED_RULES:
                        voice[e.key] = found
        if cb.head_nouns_after is not None or cb.former_words is not None:
            by_entity: dict[str, list] = {}
            for m in mentions:
                if m.kind != "pronoun":
                    by_entity.setdefault(m.entity, []).append(m)
            if cb.head_nouns_after is not None:
                _head_noun_after(text, entities, by_entity, voice, cb)
            if cb.former_words is not None:
                _former_before_name(text, entities, by_entity, voice, cb)
        resolve_in_article(text, entities, mentions, voice, cb)
    finally:
        cb._fixed = None
    for key, src in linked.items():
        v, r = voice.get(key, ("other", DEFAULT_RULE))
        sv, sr = voice.get(src, ("other", DEFAULT_RULE))
        if r in UNINFORMED_RULES and sr not in UNINFORMED_RULES and sr != "override":
            voice[key] = (sv, sr.split("@")[0] + "@surname")
    _inside_other_names(text, entities, mentions, voice)
    _share_before_name(text, entities, mentions, voice, cb)
    _no_role_in_text(text, entities, mentions, voice, cb)
    _field_in_text(text, entities, mentions, voice, cb)
    _company_office_in_text(text, entities, voice, cb)
    _bare_title_in_text(text, entities, mentions, voice, cb)
    _testimony_in_text(text, entities, mentions, voice, cb)
    if cues and cb.writer_cues:
        for e in entities:
            said = cues.get(e.key)
            if said and voice[e.key][1] == "person-no-role" and all(
                    (c or "").lower() in cb.writer_cues for c in said):
                v, r = _first_rule(cb, Entity(e.key, e.name, "person", _WRITER))
                if r not in UNINFORMED_RULES:
                    voice[e.key] = (v, WRITER_RULE)
    return voice


#: The words of a clause right before a mention (no punctuation but "%", "-", "." in numbers), at most six.
_WORDS_BEFORE = re.compile(r"((?:[\w%\-]+(?:\.\d+)?[ \t]+){1,6})$")
SHARE_RULE = "poll-result"


def _share_before_name(text: str, entities, mentions, voice: dict, cb: Codebook) -> None:
    """A people the rules made public ("Americans", "Black adults") whose mention follows a share of them
    ("About 6 in 10 Americans favor ...", "a majority of voters"): the extractor cut the share off a poll
    result, which the codebook's rule ``poll-result`` (expert) places when the share is put back (rule
    ``poll-result@share``; round 18). In place on ``voice``."""
    by_entity: dict[str, list] = {}
    for m in mentions:
        if m.kind != "pronoun":
            by_entity.setdefault(m.entity, []).append(m)
    for e in entities:
        v, r = voice[e.key]
        if v != "public" or not r.startswith("anonymous-public"):
            continue
        for m in by_entity.get(e.key, ()):
            w = _WORDS_BEFORE.search(text, max(0, m.start - 60), m.start)
            if not w:
                continue
            words = w.group(1).split()
            hit = None
            for i in range(len(words)):
                name = " ".join(words[i:] + [text[m.start:m.end]])
                v2, r2 = _first_rule(cb, Entity(e.key, name, "group"))
                if r2 == SHARE_RULE:
                    hit = (v2, f"{r2}@share")
                    break
            if hit:
                voice[e.key] = hit
                break


#: "according to the <name>" right before a name mention: a name cited so is a publication, not a person (round 17).
_ACCORDING_TO_THE = re.compile(r"\baccording\s+to\s+the\s+$")


#: The rule of people of culture (sport_culture since UK round 5; other before), and the public rule it gives way
#: to (UK round 2). Sport (rule
#: sport-role) is not given back: the UK coders keep a coach accused of racist remarks other.
CULTURE_RULE = "culture-role"
TESTIMONY_RULE = "culture-role@testimony"


def _testimony_in_text(text: str, entities, mentions, voice: dict, cb: Codebook) -> None:
    """UK round 2: a person of culture (rule ``culture-role``: an actor, a singer; from their own fields or a
    mention) the sentences of whose mentions speak of a crime or a case they are part of (the codebook's
    ``context.testimony_contexts``: an accuser, a victim, a trial, the police) speaks as a private person
    (personal testimony: public, rule ``culture-role@testimony``), not as an artist: the
    AllSides blind coders call an actress accusing a producer, or an actor reporting an attack, public,
    where the UK coders call actors and players speaking of their work other."""
    if cb.testimony_contexts is None:
        return
    own: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.kind != "pronoun":
            own.setdefault(m.entity, []).append((m.start, m.end))
    for e in entities:
        v, r = voice.get(e.key, ("", ""))
        if r.split("@")[0] != CULTURE_RULE or r == TESTIMONY_RULE:
            continue
        for i, j in own.get(e.key, []):
            a, b = _sentence_span(text, i, j)
            if _found(cb.testimony_contexts, text[a:b]):
                voice[e.key] = ("public", TESTIMONY_RULE)
                break


#: A description that is a manager or boss with at most two capitalised words before it ("manager", "Tottenham
#: manager", "the Spurs boss"): a club's manager in a sports article (UK round 5, see _field_in_text).
_BARE_MANAGER = re.compile(r"^(?:the |a |an )?(?:(?:caretaker|assistant|interim|new|former) )?"
                           r"(?:[A-Z][\w’'.\-]* ){0,2}(?:(?:caretaker|assistant|interim) )?(?:[Mm]anager|[Bb]oss)$")
#: The rules of a person no rule places whom the article's sport or culture wording places (UK round 3).
SPORT_CONTEXT_RULE = "sport-role@context"
CULTURE_CONTEXT_RULE = "culture-role@context"


def _field_in_text(text: str, entities, mentions, voice: dict, cb: Codebook) -> None:
    """UK round 3: a named person no rule places (``person-no-role``: "said Clapton", "Young told BBC Sport
    Wales") in a sports or culture article is a sports or culture figure, as the UK blind coders read them
    (sport_culture since UK round 5, other before: the voice of the codebook's ``sport-role`` / ``culture-role``;
    rules ``sport-role@context``,
    ``culture-role@context``). Two pieces of evidence are needed: sport or culture wording in the sentence of
    one of the person's name mentions (codebook ``context.sport_contexts`` / ``culture_contexts``: a match, a
    season, a coach; an album, a concert, an actor), and at least ``context.field_min_words`` different words
    of ``context.sport_words`` / ``culture_words`` in the whole article. An article with wording of a crime or
    a case (``context.testimony_contexts``: a shooting, a trial) places nobody through culture. UK round 5: with
    the same sport evidence (sport only), a person ``business-role`` placed through a bare "manager" or "boss"
    ("Tottenham manager") and a country named as the speaker (``org-country``: a national team) are placed too.
    Changes ``voice`` in place.

    Example:
        >>> from newsvoices.extract import Entity, Mention
        >>> t = ("Rugby: Cardiff beat Bath. The coach praised the squad after the match. "
        ...      "Dai Young said the season was long. The league title is next.")
        >>> v = {"e1": ("public", "person-no-role")}
        >>> ms = [Mention("e1", t.index("Dai"), t.index("Dai") + 9, "Dai Young")]
        >>> _field_in_text(t, [Entity("e1", "Dai Young")], ms, v, load_codebook())
        >>> v["e1"]
        ('sport_culture', 'sport-role@context')
    """
    fields = [(cb.sport_contexts, cb.sport_words, "sport-role", SPORT_CONTEXT_RULE),
              (cb.culture_contexts, cb.culture_words, CULTURE_RULE, CULTURE_CONTEXT_RULE)]
    fields = [f for f in fields if f[0] is not None and f[1] is not None]
    if not fields:
        return
    todo = [e for e in entities if e.kind == "person" and voice.get(e.key, ("", ""))[1] == "person-no-role"]
    # UK round 5: a bare "manager" or "boss" (of a named club: "Tottenham manager") in a sports article is a
    # club's manager, which business-role reads as a company's (the UK blind coders: a football manager is not
    # business); placed through sport only. So is a country named as the speaker (org-country, its government
    # elsewhere) in a sports article: its national team ("Argentina claimed top spot in Group A")
    managers = [e for e in entities if (e.kind == "person" and voice.get(e.key, ("", ""))[1] == "business-role"
                                        and _BARE_MANAGER.match((e.description or "").strip()))
                or voice.get(e.key, ("", ""))[1].split("@")[0] == "org-country"]
    if not todo and not managers:
        return
    if cb.testimony_contexts is not None and _found(cb.testimony_contexts, text):
        # a concert shooting, an actor's trial: the people of such an article speak as witnesses and victims
        # (public; the AllSides blind coders), so the article's culture wording places no one
        fields = [f for f in fields if f[3] != CULTURE_CONTEXT_RULE]
    voices = {r.id: r.voice for r in cb.rules}
    own: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.kind in ("name", "surname"):
            own.setdefault(m.entity, []).append((m.start, m.end))
    in_article: dict[str, bool] = {}
    sport_only = [f for f in fields if f[3] == SPORT_CONTEXT_RULE]
    for e, its_fields in [(e, fields) for e in todo] + [(e, sport_only) for e in managers]:
        sentences = [text[a:b] for a, b in (_sentence_span(text, i, j) for i, j in own.get(e.key, []))]
        for near, words, rule_id, rule in its_fields:
            if rule_id not in voices or not any(_found(near, x) for x in sentences):
                continue
            if rule not in in_article:
                in_article[rule] = len({m.group(0).lower() for m in words.finditer(text)}) >= cb.field_min_words
            if in_article[rule]:
                voice[e.key] = (voices[rule_id], rule)
                break


#: "president of Sydus", "chairman of Vantoro Networks": an office of a capitalised name in a description.
_OFFICE_OF = re.compile(r"^(?:the |a |an )?(?:(?:deputy|vice|executive|managing) )?(?:president|chair(?:man|woman)?|head|"
                        r"director|managing director) (?:of|at) (?:the )?(?P<org>[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,2})$")
#: The rule of a person whose office the rules read as one of state but whose organisation the text calls a
#: company (UK round 3).
COMPANY_OFFICE_RULE = "business-role@company"


def _company_office_in_text(text: str, entities, voice: dict, cb: Codebook) -> None:
    """UK round 3: a person the rules make an office holder of state (rule ``executive-office``) through an
    office of a named organisation in the description ("Saumil Nanavati, president of Sydus") is business
    when the article calls that organisation a company ("technology firm Sydus"; :func:`company_in_text`):
    rule ``business-role@company``. Changes ``voice`` in place."""
    if cb.company_heads is None:
        return
    for e in entities:
        v, r = voice.get(e.key, ("", ""))
        if v != "official" or r.split("@")[0] != "executive-office" or e.kind != "person":
            continue
        m = _OFFICE_OF.match((e.description or "").strip())
        if m is None:
            continue
        hit = company_in_text(text, Entity(e.key, m.group("org"), "organisation"), cb)
        if hit:
            voice[e.key] = (hit[0], COMPANY_OFFICE_RULE)


#: The rule suffix of a person placed again by the words that introduce the name in the text (UK round 4).
TITLE_SUFFIX = "@title"
#: A description that is a bare title, one or two words with no organisation ("secretary", "general secretary").
_BARE_TITLE = re.compile(r"^(?:the |a |an )?(?P<title>[a-z][\w\-]*(?: [a-z][\w\-]*)?)$")


def _bare_title_in_text(text: str, entities, mentions, voice: dict, cb: Codebook) -> None:
    """UK round 4: a person the rules make an office holder of state (rule ``executive-office``) only through
    a bare title in the description ("Tony Woodley" described "secretary": the extractor kept the last word
    of "Transport & General Worker's Union general secretary") is classified again with the words that
    introduce each of their name mentions in the text (:func:`name_context`); when those place the person
    outside government ("Usdaw general secretary John Hannett": a union's, advocacy; "shadow culture secretary
    Jo Roe": a politician) the person takes that voice (rule ``<rule>@title``); a former office is left to
    :func:`_former_before_name`. Changes ``voice`` in place."""
    for e in entities:
        v, r = voice.get(e.key, ("", ""))
        if v != "official" or r != "executive-office" or e.kind != "person" \
                or not _BARE_TITLE.match((e.description or "").strip()):
            continue
        title = _BARE_TITLE.match(e.description.strip()).group("title").lower()
        for m in mentions:
            if m.entity != e.key or m.kind not in ("name", "surname"):
                continue
            ctx = name_context(text, m.start, m.end, cb)
            if title not in ctx.lower():  # only a context that states the title ("the country's vice president
                continue                  # Jo Roe"), not one of another mention ("the airline's crisis, Mr Roe")
            v2, r2 = _first_rule(cb, Entity(e.key, e.name, "person", ctx, e.organisation))
            # a "former" office before the name is left to _former_before_name (the UK coders read "former
            # minister" Beverly Hughes, who had just resigned, as official)
            if v2 != "official" and r2 not in UNINFORMED_RULES and r2 not in WEAK_RULES \
                    and not r2.startswith("former-"):
                voice[e.key] = (v2, r2 + TITLE_SUFFIX)
                break


def _no_role_in_text(text: str, entities, mentions, voice: dict, cb: Codebook) -> None:
    """Round 16: a person no rule places (``person-no-role``, or ``default`` for a one-word name) whose
    mention sentences speak of their writing (the codebook's ``context.writing_contexts``: "in an article
    for the Federalist", "Victor's excellent column") is taken for a writer quoted from their writing
    (media; rule ``writer-context``, a fall-back the corpus step lets other articles override). Round 17: so
    is a name cited as "according to the <name>" (a publication: "according to the Vale New Era")."""
    if cb.writing_contexts is None:
        return
    own: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.kind in ("name", "surname"):
            own.setdefault(m.entity, []).append((m.start, m.end))
    for e in entities:
        if e.kind != "person":
            continue
        r = voice.get(e.key, ("", ""))[1]
        if not (r == "person-no-role" or (r == DEFAULT_RULE and len((e.name or "").split()) == 1)):
            continue
        for i, j in own.get(e.key, []):
            a, b = _sentence_span(text, i, j)
            # round 17: "according to the Vale New Era": a name cited with "the" as a source is a publication
            if _found(cb.writing_contexts, text[a:b]) or _ACCORDING_TO_THE.search(text, max(0, i - 20), i):
                v, r = _first_rule(cb, Entity(e.key, e.name, "person", _WRITER))
                if r not in UNINFORMED_RULES:
                    voice[e.key] = (v, WRITER_CONTEXT_RULE)
                break


_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|The|A|An)\s+")
#: Small words inside a proper name ("Center *for* Immigration Studies").
_NAME_JOINERS = frozenset({"for", "of", "on", "and", "the", "&"})


def _inside_other_names(text: str, entities, mentions, voice: dict) -> None:
    """A one-word entity every mention of which lies inside a longer mention of one other entity, after
    that mention's first word, is a piece of that name ("Studies" inside "Center for Immigration
    Studies", "Union" inside "San Diego Union Tribune"): it takes that entity's voice when a rule places
    it (rule ``<rule>@within``). A first word is left alone ("Trump" in "Trump supporters"). Changes
    ``voice`` in place."""
    one_word = {e.key for e in entities if e.name and " " not in e.name.strip()}
    if not one_word:
        return
    spans = None
    inside: dict[str, set[str]] = {}  # entity -> the entities whose mentions hold every one of its mentions
    for m in mentions:
        if m.kind == "pronoun" or m.entity not in one_word or (m.entity in inside and not inside[m.entity]):
            continue
        prev = text[max(0, m.start - 30):m.start].rsplit(None, 1)
        if not prev or not (prev[-1][:1].isupper() or prev[-1] in _NAME_JOINERS):
            inside[m.entity] = set()  # no capitalised word right before it: a mention of its own
            continue
        if spans is None:
            spans = sorted((x.start, -x.end, x.entity, x.text or "") for x in mentions if x.kind != "pronoun")
            starts = [sp[0] for sp in spans]
        # the longer mentions that start before this one (the nearest few) and end at or after it
        hosts = {k for s, neg_end, k, t in spans[max(0, bisect.bisect_left(starts, m.start) - 8):bisect.bisect_left(starts, m.start)]
                 if k != m.entity and -neg_end >= m.end and _LEADING_DETERMINER.sub("", t[:m.start - s]).strip()}
        inside[m.entity] = hosts if m.entity not in inside else inside[m.entity] & hosts
    for e in entities:
        hosts = inside.get(e.key)
        if not hosts or len(hosts) != 1:
            continue
        host = next(iter(hosts))
        v, r = voice.get(host, ("other", DEFAULT_RULE))
        if r not in UNINFORMED_RULES and r != "override" and voice.get(e.key) != (v, r):
            voice[e.key] = (v, f"{r.split('@')[0]}@within")


def _head_noun_after(text: str, entities, by_entity: dict, voice: dict, cb: Codebook) -> None:
    """An unnamed speaker phrase that is only the modifier of a role noun the extractor read as a
    verb ("immigrant | advocates hate it", "many | advocates caution") is classified as the whole
    noun phrase ("immigrant advocates"; codebook ``context.head_nouns_after``; rule
    ``<rule>@head-noun``). ``by_entity``: each entity's mentions other than pronouns. Changes
    ``voice`` in place."""
    for e in entities:
        name = (e.name or "").strip()
        if not name or e.kind not in ("anonymous", "group"):  # "Smith advocates a ..." is a verb
            continue
        if " " in name and name.rsplit(None, 1)[1][:1].isupper():  # "a refugee named Ali advocates ..."
            continue
        for m in by_entity.get(e.key, ()):
            hit = cb.head_nouns_after.match(text, m.end)
            if hit is None:
                continue
            v, r = classify_speaker(Entity(e.key, f"{name} {hit.group(1).lower()}", "group"), cb)
            if r not in UNINFORMED_RULES:
                voice[e.key] = (v, f"{r.split('@')[0]}@head-noun")
            break


_FORMER_BEFORE: dict[str, re.Pattern] = {}


def _former_right_before(cb: Codebook) -> re.Pattern:
    """``context.former_words`` followed only by up to 3 spaces or hyphens up to the end of the searched
    span (the start of a name mention)."""
    key = cb.former_words.pattern
    pat = _FORMER_BEFORE.get(key)
    if pat is None:
        pat = _FORMER_BEFORE[key] = re.compile(rf"(?:{key})[ \t\n\-]{{0,3}}$", re.IGNORECASE)
    return pat


def _former_before_name(text: str, entities, by_entity: dict, voice: dict, cb: Codebook) -> None:
    """A person whose own fields place it in office ("USCIS Director Ken Palinkas") but whom the
    article calls "former" right before a name mention ("As former USCIS Director Ken Palinkas has
    explained"), or an unnamed official so introduced ("Another former ORR official said", round 11),
    is classified by that mention's context, when that gives a former office holder
    (codebook ``context.former_words``; rule ``<rule>@former``). ``by_entity``: each entity's
    mentions other than pronouns. Changes ``voice`` in place."""
    before = _former_right_before(cb)
    for e in entities:
        # an unnamed official too: "Another former ORR official said" (the extractor's name drops "former")
        if e.kind not in ("person", "anonymous", "group") or voice[e.key][0] not in ("official", "politician",
                                                                                     "civil_servant"):
            continue
        if voice[e.key][1].startswith("former-"):
            continue
        for m in by_entity.get(e.key, ()):
            # a former word ending at most 3 characters (spaces, a hyphen) before the mention
            if before.search(text, max(0, m.start - 16), m.start) is None:
                continue
            # an unnamed phrase is read as "former <phrase>" ("former ORR official"): its name context would
            # only repeat the phrase
            ctx = name_context(text, m.start, m.end, cb) if e.kind == "person" else f"former {e.name}"
            v, r = classify(Entity(e.key, e.name, e.kind, ctx, e.organisation), cb)
            if r.startswith("former-"):
                voice[e.key] = (v, f"{r}@former")
            break


def resolve_in_article(text: str, entities, mentions, voice: dict, codebook: Codebook | None = None) -> dict:
    """The steps of :func:`classify_article` that read the article around speakers the rules
    placed only by default, in place on ``voice`` (``{entity key: (voice_type, rule)}``):

    * an unnamed official seen speaking anonymously or to a news outlet (:func:`leak_marker`)
      is classified again with that cue; it takes the new voice if that is ``civil_servant``
      (rule ``<rule>@cue``);
    * an unnamed document takes its issuer's voice (:func:`document_issuer`, ``@issuer``); one of
      the codebook's ``context.issuer_only_rules`` ("the ad", "a summary") whose issuer is not found
      falls back to rule ``default`` (no source, see :func:`is_source`);
    * a spokesperson called official by default takes its principal's voice
      (:func:`spokesperson_principal`, ``@principal``) when that differs;
    * a bare "the group" takes the voice of the members named before ("a group of House
      Republicans"; :func:`group_antecedent`, ``@group``);
    * a bare "the bank" takes the voice of the bank the article named last before it ("the Bank of
      England": official; :func:`bank_antecedent`, ``@antecedent``; UK round 2);
    * an organisation no rule places that is an acronym takes the voice of the name it stands
      for in the text (:func:`acronym_expansion`, ``@acronym``), and one that is a surname
      ("Stinson's records", "Mr. Lott") is classified as the person the text names in full
      (:func:`full_name_contexts`, ``@mention``).

    Returns ``voice``.
    """
    cb = codebook or load_codebook()
    if cb.company_heads is not None:
        # UK round 3, first (a spokesperson or a statement below may take its voice): an organisation no rule
        # places that the text calls a company ("carmaker Renault", "Renault boss"); UK round 4: also a
        # "person" no rule places whose name the text calls a company ("Shares in Cairn Energy rose", "life
        # insurer Axa Sun Life"), and a person described by a job at an organisation ("commercial director at
        # Rightmove", "Christian Aid's head of trade policy") takes that organisation's voice (_employer_voice)
        for e in entities:
            r = voice[e.key][1]
            if r in (DEFAULT_RULE, "organisation-unknown") and e.kind in ("organisation", "person") or (
                    r in _COMPANY_PERSON_RULES and e.kind == "person" and not _first_name_first(e.name)):
                hit = company_in_text(text, e, cb)
                if hit:
                    voice[e.key] = hit
                    continue
            if r == "person-with-description" and e.kind == "person":
                hit = _employer_voice(text, e, cb)
                if hit:
                    voice[e.key] = hit
    cues_in_text: list[bool] | None = None  # [an anonymity cue, a press verb] anywhere in the article
    for e in entities:
        v, r = voice[e.key]
        unnamed = e.kind in ("anonymous", "group")
        if unnamed and v == "official" and (cb.anonymity_cues is not None or cb.press_verbs) \
                and _marker_can_matter(cb, e, ANONYMOUS_MARKER):
            if cues_in_text is None:  # the anonymity scan (the costlier one) only when it decides
                cues_in_text = [None, bool(cb.press_verbs) and _found(_press_re(cb), text)]
            press = cues_in_text[1] and _marker_can_matter(cb, e, PRESS_MARKER)
            if not press and cues_in_text[0] is None:
                cues_in_text[0] = cb.anonymity_cues is not None and _found(cb.anonymity_cues, text)
            marker = None
            if press or cues_in_text[0]:
                own = [m for m in mentions if m.entity == e.key and m.kind != "pronoun"]
                marker = leak_marker(text, own + _indefinite_antecedent(text, e, own, cb), cb, press=press)
            if marker:
                desc = f"{e.description} ; {marker}" if e.description else marker
                v2, r2 = _first_rule(cb, Entity(e.key, e.name, e.kind, desc, e.organisation))
                if v2 == "civil_servant":
                    voice[e.key] = (v2, f"{r2}@cue")
                    continue
        if (r in ISSUER_RULES or (cb.issuer_only_rules and r.split("@")[0] in cb.issuer_only_rules)) \
                and unnamed:
            hit = document_issuer(text, e, mentions, voice, entities, cb)
            if hit is None and r not in ISSUER_RULES:
                hit = ("other", DEFAULT_RULE)  # an issuer-only document with no issuer named nearby: no source
        elif r == "anonymous-source" and unnamed and _BARE_MEMBERS.match((e.name or "").strip()):
            hit = members_voice(text, e, mentions, cb)
        elif r == _ONE_OFFICIAL_RULE and unnamed:  # one unnamed official who may be a named or top one (round 20)
            hit = named_official(text, e, mentions, cb)
        elif r == "anonymous-source" and unnamed and _THE_SPEAKER.match((e.name or "").strip()) \
                and _SPEAKER_TITLE.search(text):
            hit = ("politician", "anonymous-source@speaker")  # "the speaker" of a House the article names (round 20)
        elif r in _PRINCIPAL_RULES:  # a spokesperson called official only by default
            hit = spokesperson_principal(text, e, mentions, voice, entities, cb)
            if hit and hit[0] == v:
                hit = None
        elif unnamed and r == "org-business" and _THE_BANK.match((e.name or "").strip()):
            hit = bank_antecedent(text, e, mentions, cb)
        elif r == "person-with-description" and _SPOKES.search(e.description or ""):
            # "a spokeswoman for Cotton": the principal no rule placed from the description (round 12)
            hit = spokesperson_principal(text, e, mentions, voice, entities, cb, also_official=True)
        elif unnamed and (r in UNINFORMED_RULES or r == "anonymous-advocacy"
                          or (r.startswith(("group-unspecified", "anonymous-quantifier"))
                              and _OF_WHOM.match((e.name or "").strip()))):
            hit = group_antecedent(text, e, mentions, cb)
        elif r in UNINFORMED_RULES and (e.kind == "organisation"
                                        or (e.kind == "person" and _ACRONYM.match((e.name or "").strip()))):
            # an acronym the extractor took for a person ("IBWC said") is read as an organisation (round 13)
            hit = _organisation_in_text(text, e, cb)
        else:
            hit = None
        if hit:
            voice[e.key] = hit
    return voice


#: A company's name as :func:`company_in_text` reads it: one to three capitalised words.
_COMPANY_NAME = re.compile(r"^(?:the |The )?([A-Z][\w&.’'\-]*(?: [A-Z][\w&.’'\-]*){0,2})$")
#: The rule of an organisation no rule places whom the text calls a company (UK round 3).
COMPANY_CONTEXT_RULE = "org-business@company"


def company_in_text(text: str, entity: Entity, codebook: Codebook | None = None) -> tuple[str, str] | None:
    """UK round 3: the voice of an organisation no rule places ("Renault said", "Lycos hopes") that the
    article calls a company: a company noun of the codebook's ``context.company_heads`` right before the
    name ("carmaker Renault", "oil giant Yukos", "US phone company Qwest") or in an apposition after it
    ("Titan, a California-based company"), or a noun of ``context.company_attributes`` that the name owns
    ("Renault boss", "Oracle's chief executive", "Qantas shares", "chief executive of EMI", "shares in
    Barclays"), or a company word of ``context.company_suffixes`` after it ("Eton Corporation"). The voice is that of the codebook's ``org-business`` rule (business), rule
    ``org-business@company``; None when the text says none of these.

    Example:
        >>> company_in_text("Shares in carmaker Renault rose. Renault said sales grew.", Entity("e1", "Renault"))
        ('business', 'org-business@company')
        >>> company_in_text("Renault said sales grew.", Entity("e1", "Renault")) is None
        True
    """
    cb = codebook or load_codebook()
    if cb.company_heads is None or cb.company_attributes is None:
        return None
    m = _COMPANY_NAME.match((entity.name or "").strip())
    if m is None or m.group(1) not in text:
        return None
    voice = next((r.voice for r in cb.rules if r.id == "org-business"), None)
    if voice is None:
        return None
    fast = _company_patterns(cb.company_heads, cb.company_attributes, cb.company_suffixes)
    n = re.escape(m.group(1))
    heads, attrs = f"(?i:{cb.company_heads})", f"(?i:{cb.company_attributes})"
    after, before = r"(?![\w\-])", r"(?<![\w\-])"
    if fast is not None:
        if _company_called(text, m.group(1), *fast):
            return voice, COMPANY_CONTEXT_RULE
        # UK round 4's three readings, compiled once per codebook and matched around each occurrence of the name
        return (voice, COMPANY_CONTEXT_RULE) if _round4_called(text, m.group(1), heads) else None
    pats = (rf"{before}{heads}\s+{n}{after}",  # carmaker Renault (not "film-maker Leigh"), oil giant Yukos (no word between: "firm BGR Trump's")
            rf"{before}{n},\s+(?:the|a|an)\s+(?:[\w’'\-]+\s+){{0,4}}{heads}\b",  # Titan, a California-based company
            rf"{before}{n}(?:(?:'s|’s)\s+(?:\w+\s+)?|\s+){attrs}\b",  # Renault boss, Oracle's new chief executive
            rf"\b{attrs}\s+(?:of|at|in)\s+{n}{after}",  # chief executive of EMI, shares in Barclays
            *_round4_patterns(n, heads, before, after))
    if cb.company_suffixes is not None:  # "Eton Corporation", "Delta Airlines" (case-sensitive)
        pats += (rf"{before}{n}\s+(?:{cb.company_suffixes}){after}",)
    if any(re.search(p, text) for p in pats):
        return voice, COMPANY_CONTEXT_RULE
    return None


def _round4_patterns(n: str, heads: str, before: str, after: str) -> tuple[str, ...]:
    """UK round 4's readings of ``company_in_text`` for the escaped name ``n``: "hedge funds TCI and Atticus";
    "X, which makes ..."; "... according to Swiss Re. The world's second biggest insurer said" (the name ends a
    sentence, the next opens with a company noun)."""
    return (rf"{before}{heads}\s+[A-Z][\w&.’'\-]*(?:\s+[A-Z][\w&.’'\-]*)?\s+and\s+{n}{after}",
            rf"{before}{n},\s+which\s+(?:also\s+)?(?:makes|sells|owns|runs|operates|produces|manufactures|publishes)\b",
            rf"{before}{n}\.\s+The\s+(?:[\w’'\-]+\s+){{0,4}}{heads}\s+(?:said|says|has|had|is|was|added|reported|announced|expects|warned)\b")


@functools.lru_cache(maxsize=8)
def _round4_compiled(heads: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """:func:`_round4_patterns` without the name: the part before it (ending where the name starts) and the
    two parts after it, compiled once per codebook."""
    before, after = r"(?<![\w\-])", ""
    p5, p6, p7 = _round4_patterns("\x00", heads, before, after)
    lead = p5.split("\x00")[0]
    return (re.compile(lead + r"\Z"), re.compile(p6.split("\x00")[1]), re.compile(p7.split("\x00")[1]))


#: How far before a name the "hedge funds TCI and NAME" reading may start (a company noun, two names, "and").
_ROUND4_WINDOW = 200


def _round4_called(text: str, name: str, heads: str) -> bool:
    """Whether ``text`` reads ``name`` as a company by one of :func:`_round4_patterns`, the name matched with
    ``str.find`` and the rest of each pattern around it (the same result as searching the patterns with the
    name written in, for matches shorter than ``_ROUND4_WINDOW`` characters before the name).

    >>> from newsvoices.voices import load_codebook
    >>> h = f"(?i:{load_codebook().company_heads})"
    >>> _round4_called("hedge funds TCI and Atticus", "Atticus", h), _round4_called("Atticus said", "Atticus", h)
    (True, False)
    """
    lead, after_comma, after_stop = _round4_compiled(heads)
    p = text.find(name)
    while p >= 0:
        e = p + len(name)
        if _NOT_AFTER_WORD.match(text, p):
            if after_comma.match(text, e) or after_stop.match(text, e):
                return True
        if _NOT_BEFORE_WORD.match(text, e) and lead.search(text, max(0, p - _ROUND4_WINDOW), p):
            return True
        p = text.find(name, p + 1)
    return False


#: Regex ops that let a match depend on text outside its own span (lookarounds, anchors, \b, back-references).
_CONTEXT_OPS = frozenset(("AT", "ASSERT", "ASSERT_NOT", "GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE",
                          "GROUPREF_LOC_IGNORE", "GROUPREF_UNI_IGNORE"))
_NOT_AFTER_WORD = re.compile(r"(?<![\w\-])")  # (the name's start: no word character or hyphen before)
_NOT_BEFORE_WORD = re.compile(r"(?![\w\-])")  # (the name's end)


def _span_only_width(source: str) -> int | None:
    """The longest string the regex ``source`` matches (None if unbounded) when whether it matches
    ``text[s:x]`` depends on those characters alone (no lookaround, anchor, ``\\b`` or back-reference);
    -1 otherwise."""
    from re import _constants as C, _parser as P  # (the regex module's own parser, Python >= 3.11)

    def plain(items) -> bool:
        for op, av in items:
            if str(op) in _CONTEXT_OPS:
                return False
            subs = []
            if op is C.SUBPATTERN:
                subs = [av[3]]
            elif op is C.BRANCH:
                subs = list(av[1])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                subs = [av[2]]
            elif op is C.ATOMIC_GROUP:
                subs = [av]
            if not all(plain(x) for x in subs):
                return False
        return True

    tree = P.parse(source)
    if not plain(tree):
        return -1
    hi = tree.getwidth()[1]
    return None if hi >= C.MAXREPEAT else hi


@lru_cache(maxsize=8)
def _company_patterns(heads: str, attrs: str, suffixes: str | None):
    """:func:`company_in_text`'s five patterns without the name, compiled once per codebook (each
    article's names used to be compiled into them: ~20 ms a name for the large alternations): the
    parts after the name (matched right after it), and the parts before it (searched in a short window
    that ends at the name, as if the text ended there). None (the per-name patterns are used) when
    the heads or attributes could look outside their own span, where that window would not be exact."""
    hi, ai = f"(?i:{heads})", f"(?i:{attrs})"
    h_width, a_width = _span_only_width(hi), _span_only_width(ai)
    if h_width == -1 or a_width == -1:
        return None
    return (re.compile(rf",\s+(?:the|a|an)\s+(?:[\w’'\-]+\s+){{0,4}}{hi}\b"),  # Titan, a California-based company
            re.compile(rf"(?:(?:'s|’s)\s+(?:\w+\s+)?|\s+){ai}\b"),  # Renault boss, Oracle's new chief executive
            re.compile(rf"\s+(?:{suffixes})(?![\w\-])") if suffixes is not None else None,  # Eton Corporation
            re.compile(rf"(?<![\w\-]){hi}\s+\Z"), h_width,  # carmaker Renault
            re.compile(rf"\b{ai}\s+(?:of|at|in)\s+\Z"), a_width)  # chief executive of EMI


def _space_start(text: str, j: int) -> int:
    """The start of the run of whitespace (``\\s``) that ends at ``j``."""
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j


def _company_called(text: str, name: str, after_1, after_2, after_4, before_0, h_width, before_3, a_width) -> bool:
    """Whether one of :func:`company_in_text`'s patterns matches at an occurrence of ``name``: the same
    answer as searching the text for each pattern with the name written in (checked by a test). Every
    match holds the name as a literal; a part after it is matched right after it, a part before it is
    searched from as far back as it could start (its longest width before the whitespace) up to the
    name, with the text cut there (its parts hold nothing that looks beyond their own span)."""
    n = len(name)
    p = text.find(name)
    while p >= 0:
        e = p + n
        if _NOT_AFTER_WORD.match(text, p) and (after_1.match(text, e) or after_2.match(text, e)
                                               or after_4 is not None and after_4.match(text, e)):
            return True
        if _NOT_BEFORE_WORD.match(text, e):
            w = _space_start(text, p)
            if w < p and before_0.search(text, 0 if h_width is None else max(0, w - h_width), p):
                return True
            if w < p and w >= 2:
                w2 = _space_start(text, w - 2)
                if before_3.search(text, 0 if a_width is None else max(0, w2 - a_width), p):
                    return True
        p = text.find(name, p + 1)
    return False


#: Rules of a named "person" that company_in_text may read as a company the article names (UK round 4).
_COMPANY_PERSON_RULES = ("person-no-role", "person-with-description")
#: A description that is a job at a named organisation: "commercial director at Rightmove", "head of trade policy
#: for Christian Aid", "Christian Aid's head of Trade Policy" (UK round 4).
_JOB_AT = re.compile(r"^(?:an? |the )?(?:[\w\-]+ ){1,5}?(?:at|of|for|with) (?:the )?"
                     r"(?P<org>[A-Z][\w&.’'\-]*(?: [A-Z][\w&.’'\-]*){0,3})$")
_JOB_OWNED = re.compile(r"^(?:the )?(?P<org>[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3})(?:'s|’s) (?:[\w\-]+ ){0,4}[\w\-]+$")
#: Voices an employer may pass to a person described by a job there (not government: an official's job says more).
_EMPLOYER_VOICES = frozenset({"business", "advocacy", "expert", "commentator"})
#: The rule suffix of a person who takes the voice of the organisation of their job (UK round 4).
EMPLOYER_SUFFIX = "@employer"


def _first_name_first(name: str | None) -> bool:
    """Whether a name opens with a title or a first name of ``first_names_gender.tsv`` ("Simon Falic",
    "Mr Tanzi"): a person, never a company the extractor took for one (UK round 4)."""
    words = (name or "").split()
    if not words:
        return False
    w = words[0].lower().rstrip(".")
    return w in _TITLES or w in gender_words(names=True)


#: Titles that open a person's name.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "professor", "rev"})


def _employer_voice(text: str, entity: Entity, cb: Codebook) -> tuple[str, str] | None:
    """UK round 4: the voice of a person no rule places whose description is a job at a named organisation
    ("Miles Shipside, commercial director at Rightmove", "Christian Aid's head of Trade Policy"): the voice
    the codebook gives that organisation named alone, or business when the article calls it a company
    (:func:`company_in_text`: "property website Rightmove", "telecoms giant BT"); rule ``<rule>@employer``.
    Only business, advocacy, expert and media voices pass on; None otherwise.

    Example:
        >>> t = "Telecoms giant BT said so. Jo Roe, director of corporate responsibility at BT, agreed."
        >>> _employer_voice(t, Entity("e", "Jo Roe", "person", "director of corporate responsibility at BT"),
        ...                 load_codebook())
        ('business', 'org-business@employer')
    """
    desc = (entity.description or "").strip()
    for pat in (_JOB_AT, _JOB_OWNED):
        m = pat.match(desc)
        if m is None:
            continue
        org = Entity(entity.key, m.group("org"), "organisation")
        v, r = _first_rule(cb, org)
        if r in UNINFORMED_RULES:
            hit = company_in_text(text, org, cb)
            if hit is None:
                continue
            v, r = hit
        if v in _EMPLOYER_VOICES:
            return v, r.split("@")[0] + EMPLOYER_SUFFIX
    return None


#: A bare "the bank" speaker (UK round 2).
_THE_BANK = re.compile(r"(?i)^the bank$")
#: A bank named in the text: "the Bank of England", "Barclays Bank", "the European Central Bank", "the central bank".
_BANK_NAMED = re.compile(r"\b(?P<x>(?:[A-Z][\w&.’'\-]* ){0,3}Bank(?: of(?: [A-Z][\w.’'\-]*){1,3})?|central bank)\b")


def _first_named_mention(entity: Entity, mentions) -> int | None:
    """Start of the entity's first mention that is not a pronoun, or None (the antecedent readers)."""
    return min((m.start for m in mentions if m.entity == entity.key and m.kind != "pronoun"), default=None)


def bank_antecedent(text: str, entity: Entity, mentions, codebook: Codebook | None = None
                    ) -> tuple[str, str] | None:
    """The voice of a bare "the bank" speaker: the bank the article named last before the speaker's first
    mention (within 1,500 characters), classified as an organisation; UK round 2 (the UK blind coders read "the
    bank" after "the Bank of England" as the central bank, which the rules typed business). Rule
    ``<rule>@antecedent``; None when no bank is named before it or the rules do not place the name.

    Example:
        >>> from newsvoices.extract import Mention
        >>> t = "The Bank of England held rates. The bank said inflation would fall."
        >>> bank_antecedent(t, Entity("b", "The bank", "group"), [Mention("b", 32, 40, "The bank", "nominal")])
        ('official', 'org-central-bank@antecedent')
    """
    cb = codebook or load_codebook()
    first = _first_named_mention(entity, mentions)
    if first is None:
        return None
    found = None
    for m in _BANK_NAMED.finditer(text, max(0, first - 1500), first):
        if m.group("x").lower() != "bank":
            found = m.group("x")
    if not found:
        return None
    v, r = _first_rule(cb, Entity(entity.key, found, "organisation"))
    if r in UNINFORMED_RULES:
        return None
    return v, f"{r}@antecedent"


def _civil_servant_rules(cb: Codebook) -> list[Rule]:
    plan = cb.plan()
    rules = getattr(plan, "civil_servant_rules", None)
    if rules is None:
        rules = plan.civil_servant_rules = [r for r in cb.rules if r.voice == "civil_servant"]
    return rules


def _marker_can_matter(cb: Codebook, e: Entity, marker: str) -> bool:
    """Whether ``marker`` (see :func:`leak_marker`) would make ``e`` civil_servant (for most
    unnamed officials neither does: the sentence reading is skipped for them)."""
    plan = cb.plan()
    memo = plan.__dict__.setdefault("marker_memo", {})
    key = (e.kind, e.name, e.description, e.organisation, marker)
    hit = memo.get(key)
    if hit is not None:
        return hit
    desc = f"{e.description} ; {marker}" if e.description else marker
    e2 = Entity(e.key, e.name, e.kind, desc, e.organisation)
    texts = _texts(e2)
    tkeys = _TextKeys(texts)
    kind = e.kind or "person"
    # cheap first: does any civil_servant rule match at all? (then the full first-rule check)
    hit = any(r.matches(kind, texts, tkeys) for r in _civil_servant_rules(cb)) \
        and _first_rule(cb, e2)[0] == "civil_servant"
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = hit
    return hit


_TITLED_SURNAME = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?([A-Z][a-z][\w’'\-]+)$")


def _organisation_in_text(text: str, entity: Entity, cb: Codebook) -> tuple[str, str] | None:
    """An "organisation" no rule places: an acronym the text spells out ("PPB" after "Lakeside
    Police Bureau"), or a surname the text gives in full ("Stinson" after "Philip M. Stinson, a
    criminologist")."""
    name = (entity.name or "").strip()
    exp = acronym_expansion(text, name)
    if exp:
        v, r = _first_rule(cb, Entity(entity.key, exp, "organisation"))
        if r not in UNINFORMED_RULES:
            return v, f"{r}@acronym"
        return None
    m = _TITLED_SURNAME.match(name)
    if not m:
        return None
    ctx = full_name_contexts(text, m.group(1), cb)
    if not ctx:
        return None
    v, r = classify(Entity(entity.key, m.group(1), "person"), cb, contexts=ctx)
    return (v, r) if r.endswith("@mention") else None


_GROUP_OF = re.compile(r"(?i)\b(?:group|coalition|team|delegation|gang|bloc|band|handful|panel|caucus) of "
                       r"(?P<x>(?:[\w.’'\-]+\s+){0,5}?[\w’'\-]+s)\b")
_BARE_GROUP = re.compile(r"(?i)^(?:the|this|that|a|one)?\s*(?:group|coalition|team|delegation|bloc)$")
#: "House Republicans, many of whom ...": a part of the plural noun phrase right before the comma (round 12).
_OF_WHOM = re.compile(r"(?i)^(?:many|some|most|several|all|both|few|a few|none|each|half|dozens|hundreds|thousands)"
                      r" of (?:whom|them)$")
_PLURAL_BEFORE_COMMA = re.compile(r"((?:[\w’'\-]+ ){0,3}[\w’'\-]+s),[ ]*$")


def group_antecedent(text: str, entity: Entity, mentions, codebook: Codebook | None = None
                     ) -> tuple[str, str] | None:
    """The voice of an unnamed "group" speaker ("the group said") whose members the article
    named before its first mention ("a group of conservative House Republicans", "a bipartisan
    group of senators", "a coalition of state attorneys general"): the members' words are
    classified as a group. A part of a group ("many of whom", "some of them") right after a
    plural noun phrase and a comma ("House Republicans, many of whom say") is classified as
    that phrase (round 12). Rule ``<rule>@group``; None when no such phrase precedes it within
    1,500 characters or the rules do not place it.

    Example:
        >>> from newsvoices.extract import Mention
        >>> t = "A group of House Republicans wrote to the agency. The group said it would wait."
        >>> group_antecedent(t, Entity("g", "The group", "group"), [Mention("g", 50, 59, "The group", "nominal")])
        ('politician', 'anonymous-politician@group')
    """
    cb = codebook or load_codebook()
    name = (entity.name or "").strip()
    of_whom = bool(_OF_WHOM.match(name))
    if not (of_whom or _BARE_GROUP.match(name)) or entity.organisation:
        return None
    first = _first_named_mention(entity, mentions)
    if first is None:
        return None
    if of_whom:
        # "House Republicans, many of whom": the plural noun phrase after the last stop word before the comma
        b = _PLURAL_BEFORE_COMMA.search(text, max(0, first - 80), first)
        if not b:
            return None
        words = b.group(1).split()
        while len(words) > 1 and any(w.lower() in cb.stop_words for w in words[:-1]):
            words.pop(0)
        found = " ".join(words)
        v, r = _first_rule(cb, Entity(entity.key, found, "group", found))
        if r in UNINFORMED_RULES or v in ("other", "anonymous"):
            return None
        return v, f"{r}@group"
    lo = max(0, first - 1500)
    found = None
    for m in _GROUP_OF.finditer(text, lo, first):
        found = m.group("x")
    if not found:
        return None
    v, r = _first_rule(cb, Entity(entity.key, found, "group", found))
    if r in UNINFORMED_RULES or v == "other":
        return None
    return v, f"{r}@group"


#: A bare "members" speaker ("Members say", "some members have been critical"), round 13.
_BARE_MEMBERS = re.compile(r"(?i)^(?:(?:the|some|many|most|several|other|few|a few|that|those|these|rank-and-file|"
                           r"two|three|both) )*members$")
#: "members of the group", "members of that Gang of Eight": what the members belong to.
_MEMBERS_OF = re.compile(r"[ \t]+of[ \t]+(?:(?:the|that|this|its|their|his|her)[ \t]+)?[\"“]?"
                         r"(?P<x>[\w’'\-]+(?:[ \t]+[\w’'\-]+){0,4})")
_TWO_WORDS_AT_MOST = re.compile(r"(?:[\w\-]+[ \t]+){0,2}")
#: A legislature or its members named in the text before bare "members" ("the House bipartisan group").
_LEGISLATURE_WORDS = re.compile(r"\b(?:(?<!White )House|Senate|Congress|congressional|[Cc]aucus|lawmakers|legislators|"
                                r"[Ll]egislature|senators|congressmen|congresswomen)\b")


def members_voice(text: str, entity: Entity, mentions, codebook: Codebook | None = None
                  ) -> tuple[str, str] | None:
    """The voice of a bare "members" speaker, which the rules leave anonymous (round 13): what the
    members belong to when "of X" follows a mention ("members of the media", "members of the group"
    read as "the group"), else a politician when a legislature or its members are named in the 600
    characters before the first mention ("the House bipartisan group ... Members struck a deal").
    Rule ``<rule>@members``; None when nothing decides.

    Example:
        >>> from newsvoices.extract import Mention
        >>> t = "The Senate group met again. Members said a deal was near."
        >>> members_voice(t, Entity("m", "Members", "group", "members"), [Mention("m", 28, 35, "Members", "nominal")])
        ('politician', 'anonymous-politician@members')
    """
    cb = codebook or load_codebook()
    if not _BARE_MEMBERS.match((entity.name or "").strip()) or entity.organisation:
        return None
    own = sorted((m for m in mentions if m.entity == entity.key and m.kind != "pronoun"), key=_START_END)
    if not own:
        return None
    for m in own:
        of = _MEMBERS_OF.match(text, m.end)
        if of:
            # "members of a growing coalition of House conservatives": the group's members decide
            grp = _GROUP_OF.search(text, of.start("x"), of.start("x") + 120)
            if grp is not None and _TWO_WORDS_AT_MOST.fullmatch(text, of.start("x"), grp.start()):
                v, r = _first_rule(cb, Entity(entity.key, grp.group("x"), "group", grp.group("x")))
                if r not in UNINFORMED_RULES and v not in ("other", "anonymous"):
                    return v, f"{r}@members"
            words = []
            for w in of.group("x").split():  # up to the first stop word or verb ("of the media have admitted")
                if words and (w.lower() in cb.stop_words or (cb.stop_patterns is not None
                                                             and cb.stop_patterns.fullmatch(w))):
                    break
                words.append(w)
            x = " ".join(words).strip("”\"")
            # a capitalised name ("members of the Gang of Eight") is an organisation's name, not a group noun
            named = x[:1].isupper() and not _POSSESSIVE_S.search(x)  # not "members of Pat's family"
            for kind in ("organisation",) if named else ("group", "organisation"):
                v, r = _first_rule(cb, Entity(entity.key, x, kind, x))
                if r not in UNINFORMED_RULES and v not in ("other", "anonymous"):
                    return v, f"{r}@members"
            if not named:
                return None  # "members of Pat's family": what they belong to decides, and no rule places it
            break
    first = own[0].start
    if _LEGISLATURE_WORDS.search(text, max(0, first - 600), first):
        v, r = _first_rule(cb, Entity(entity.key, "lawmakers", "group", "lawmakers"))
        return v, f"{r}@members"
    return None


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_CAP_WORDS_RUN = re.compile(r"((?:[A-Z][\w’'\-]*|of|for|and|the|on|in|&)(?:\s+(?:[A-Z][\w’'\-]*|of|for|and|the|on|in|&))*)")
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "to", "&"})


def acronym_expansion(text: str, acronym: str) -> str | None:
    """The capitalised name an acronym stands for in ``text``: "Police Executive Research Forum
    (PERF)", or a capitalised run whose initials (leaving out of, for, and, the) spell it.

    Example:
        >>> acronym_expansion("The Pinewood Police Bureau said so. Later PPB said no.", "PPB")
        'Pinewood Police Bureau'
    """
    if not _ACRONYM.match(acronym or ""):
        return None
    n = len(acronym)
    for m in _CAP_WORDS_RUN.finditer(text):
        words = m.group(1).split()
        caps = [w for w in words if w.lower() not in _SMALL_WORDS]
        if len(caps) < n:
            continue
        # every window of n capitalised words (with the small words between them)
        for i in range(len(words)):
            if words[i].lower() in _SMALL_WORDS:
                continue
            got, j = [], i
            while j < len(words) and len(got) < n:
                if words[j].lower() not in _SMALL_WORDS:
                    got.append(words[j])
                j += 1
            if len(got) == n and "".join(w[0] for w in got) == acronym:
                return " ".join(words[i:j])
    return None


#: What :func:`leak_marker` adds to an unnamed official's description (the codebook's rules test it).
ANONYMOUS_MARKER = "speaking anonymously"
PRESS_MARKER = "speaking to the press"

_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z])|\n")
_NOT_SENTENCE_END = re.compile(r"(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Sgt|St|Jr|Sr|Gen|Capt|"
                               r"Det|Col|No|Inc|Corp|Co|Gov|Atty|Dist|Prof|Rev|Supt|Insp|Cmdr|U\.S|U\.K)$")
_PRESS_RE: dict[frozenset, re.Pattern] = {}


def _press_re(cb: Codebook) -> re.Pattern:
    """The codebook's press verbs as one whole-word pattern (case-insensitive)."""
    p = _PRESS_RE.get(cb.press_verbs)
    if p is None:
        words = "|".join(sorted(map(re.escape, cb.press_verbs)))
        # written (?<!\w), not (?<![\w]) (the same test), so patternkeys finds its start keys and
        # _found tries it only where one occurs ("tell"/"told" for the shipped verbs)
        p = _PRESS_RE[cb.press_verbs] = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
    return p


def _found(p: re.Pattern, text: str) -> bool:
    """``bool(p.search(text))`` for a case-insensitive pattern, run as its case-sensitive twin on the
    lower-cased text when it has one (:func:`~newsvoices.patternkeys.lower_twin`: the same matches,
    without the regex engine lower-casing each character it compares)."""
    tw = _twins(p)
    if tw is not None:
        low = lowered(text)
        if low is not None:
            keys = _start_keys(tw[0])
            if keys is None:
                hit = tw[0].search(low) is not None
            else:  # every match starts with a key: try the twin only where one is found
                hit = False
                match, find = tw[0].match, low.find
                for k in keys:
                    i = find(k)
                    while i >= 0 and not hit:
                        hit = match(low, i) is not None
                        i = find(k, i + 1)
                    if hit:
                        break
            return hit or tw[1] is not None and tw[1].search(text) is not None
    return p.search(text) is not None


@lru_cache(maxsize=256)
def _start_keys(twin: re.Pattern) -> tuple[str, ...] | None:
    """The keys of a twin whose every match starts with one of them
    (:func:`~newsvoices.patternkeys.keys_start_match`), sorted, or None. The twin's literals match
    only themselves on the lower-cased text, so ``twin.search(low)`` finds a match exactly when
    ``twin.match(low, i)`` does at some ``i`` where ``low`` holds a key."""
    keys, starts = keys_and_start(twin.pattern)
    return tuple(sorted(k for _n, ks in keys for k in ks)) if keys is not None and starts else None


_POSSESSIVE_S = re.compile(r"['’]s\b")
#: A sentence that opens by speaking of an unnamed speaker again: "The official spoke ...", "They asked ...".
_NEXT_REFERS = re.compile(r"[\"”’')]*\s+(?:(?:The|That|This|These|Those|Both)\s+(?:[\w.’'\-]+\s+){0,3}?(?:officials?|officers?"
                          r"|agents?|sources?|aides?|employees?|staffers?|people|persons?|man|woman)|He|She|They|Both)\b")
_TOLD_OBJECT = re.compile(r"\s+((?:the\s+|The\s+)?[A-Z][\w.&’'\-]*(?:\s+[A-Z][\w.&’'\-]*){0,4})")


def _sentence_span(text: str, start: int, end: int, reach: int = 300) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, at most ``reach`` characters either side (a full
    stop after an initial or a title such as "U.S." or "Sen." ends no sentence)."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    a = lo
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), start + 2)):  # + 2: the look-ahead sees the start
        if m.end() > start:
            break
        if m.group(0) != "\n" and _NOT_SENTENCE_END.search(text[max(lo, m.start() - 10):m.start()]):
            continue
        a = m.end()
    b = hi
    for m in _SENTENCE_END.finditer(text, end, hi):
        if m.group(0) != "\n" and _NOT_SENTENCE_END.search(text[max(end, m.start() - 10):m.start()]):
            continue
        b = m.start() + 1
        break
    return a, b


#: A definite unnamed official ("the official", "the senior official", "The federal officials"): its head word.
_DEFINITE_OFFICIAL = re.compile(r"(?i)^the\s+(?:[\w.’'\-]+\s+){0,5}?(?P<head>officials?|officers?|agents?|employees?"
                                r"|staffers?)$")
#: How far before its first mention the indefinite introduction of a definite official is looked for.
_ANTECEDENT_REACH = 2000
#: The employer named right after an official's introduction ("an official at Crux Semiconductor").
_ANTECEDENT_ORG = re.compile(r"\s+(?:at|with|of|for|from)\s+(?:the\s+)?(?P<org>[A-Z][\w.&’'\-]*"
                             r"(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w.&’'\-]*){0,5})")


def _indefinite_antecedent(text: str, entity: Entity, own, codebook: Codebook | None = None) -> list:
    """The introduction of a definite unnamed official that the extractor did not link to it: the last
    "a/an/one/two/several/multiple ... <head>" before its first mention ("a law enforcement official not
    authorized to comment publicly told USA TODAY ... The official said"), as a mention whose sentence
    :func:`leak_marker` reads too (round 18). Empty for other speakers or when none is found.

    Example:
        >>> from newsvoices.extract import Mention
        >>> t = "A senior official, who spoke on condition of anonymity, said so. The official added more."
        >>> [m.text for m in _indefinite_antecedent(t, Entity("e", "the official", "anonymous"),
        ...                                         [Mention("e", 65, 77, "The official", "role")])]
        ['A senior official']
    """
    d = _DEFINITE_OFFICIAL.match((entity.name or "").strip())
    if not d or not own:
        return []
    first = min(m.start for m in own)
    head = d.group("head").lower()
    stem = head.rstrip("s")
    plural = head.endswith("s")
    det = (r"(?:two|three|four|five|several|multiple|some|other|two other|several other)" if plural
           else r"(?:an?|one|another)")
    pat = re.compile(rf"(?i)(?<![\w\-]){det}\s+(?:[\w.’'\-]+\s+){{0,6}}?{stem}{'s' if plural else ''}(?![\w\-])")
    lo = max(0, first - _ANTECEDENT_REACH)
    last = None
    for m in pat.finditer(text, lo, first):
        last = m
    if last is None:
        return []
    # the introduction must name a government official: "a company official", "an official at Crux
    # Semiconductor" speak for no government and lend no cue
    cb = load_codebook() if codebook is None else codebook
    phrase = last.group(0)
    if _first_rule(cb, Entity(entity.key, phrase, entity.kind, head))[0] not in ("official", "civil_servant"):
        return []
    at = _ANTECEDENT_ORG.match(text, last.end())
    if at and _first_rule(cb, Entity(entity.key, at.group("org"), "organisation"))[0] != "official":
        return []
    return [Mention(entity.key, last.start(), last.end(), phrase, "nominal")]


#: "the speaker" (a House Speaker when the article calls someone so: :data:`_SPEAKER_TITLE`; round 20).
_THE_SPEAKER = re.compile(r"(?i)^the\s+speaker$")
_SPEAKER_TITLE = re.compile(r"\b(?:House\s+Speaker|Speaker\s+of\s+the\s+(?:House|Assembly|Commons)|Speaker\s+(?:[A-Z][a-z]\w*))\b")
#: The rule of one unnamed official, officer or agent (civil_servant; round 20) and the rule it falls back to.
_ONE_OFFICIAL_RULE = "anonymous-official-one"
_NAMED_OFFICIAL_RULE = "anonymous-official@named"
#: A top or unique post in (or right before) a mention: "a top St. Louis County official", "the highest-ranking officer".
_TOP_POST = re.compile(r"(?i)\b(?:top|chief|head|highest[- ]ranking|most senior|senior-most|commanding|presiding)\b")
_TOP_BEFORE = re.compile(r"(?i)\b(?:top|chief|highest[- ]ranking|most senior|senior-most)\s+(?:[\w.’'\-]+\s+){0,4}$")
#: A definite mention of one official: "the Kansas official", "This officer", "said official".
_DEFINITE_ONE = re.compile(r"(?i)^(?:the|this|that|said)\s")
#: A personal name right after a mention ("top immigration official Ken Cuccinelli", "the officer, Darren Wilson,").
_NAME_AFTER = re.compile(r"[ \t]*,?[ \t]+(?P<first>(?-i:[A-Z][a-z][\w’'\-]*))(?:[ \t]+(?-i:[A-Z]\.))?[ \t]+"
                         r"(?-i:[A-Z][a-z][\w’'\-]+)")
#: A person's name right before a mention, in apposition ("Edgar Roe, an official from the commission, said").
_NAME_BEFORE = re.compile(r"(?:^|[.!?\n][\"”’')]*\s+|\b(?:said|says|told|according to|added|by)\s+)(?P<first>[A-Z][a-z][\w’'\-]*)"
                          r"(?:\s+[A-Z]\.)?\s+(?P<last>[A-Z][\w’'\-]+)(?:\s+(?:Jr|Sr)\.?)?,\s*$")
#: A title that goes on after the mention ("FBI Special Agent in Charge Jo Roe").
_IN_CHARGE = re.compile(r"(?i)\s+in\s+charge\b")
_NOT_GIVEN = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
                       "July August September October November December The This That He She They It In On At And But "
                       "When While After Before Earlier Later Said Says Told New White Supreme United North South East West Los San Las".split())


def named_official(text: str, entity: Entity, mentions, codebook: Codebook | None = None) -> tuple[str, str] | None:
    """Whether one unnamed official that the codebook calls ``civil_servant`` (rule ``anonymous-official-one``)
    is rather a named person or a top post, who speaks for the institution (``("official",
    "anonymous-official@named")``; round 20), else None. Such a speaker is one whose mention

    * says "top" or "chief" ("Earlier, a top St. Louis County official declared ..."; the extractor's name often
      drops the word), or whose indefinite introduction does ("A top US immigration official has revised ...
      The official added ..."),
    * is followed right away by a personal name ("top immigration official Ken Cuccinelli said"), comes right
      after one in apposition ("Edgar Roe, an official from the commission"), is a capitalised title ("FBI
      Special Agent in Charge"), or
    * is definite ("the Kansas official said") with no indefinite introduction ("a/an/one ... official") before
      its first mention and no anonymity cue: it refers back to a person the article named before ("Kobach said
      ... the Kansas official said").

    Example:
        >>> from newsvoices.extract import Mention
        >>> t = "Jo Roe spoke on Monday. \u201cIt is good,\u201d the Kansas official said."
        >>> named_official(t, Entity("e", "Kansas official", "anonymous", "official", "Kansas"),
        ...                [Mention("e", 44, 63, "the Kansas official", "role")])
        ('official', 'anonymous-official@named')
        >>> t = "A state official told reporters it was late. \u201cIt is good,\u201d the official said."
        >>> named_official(t, Entity("e", "the official", "anonymous", "official"),
        ...                [Mention("e", 61, 73, "the official", "role")]) is None
        True
    """
    cb = codebook or load_codebook()
    own = sorted((m for m in mentions if m.entity == entity.key and m.kind != "pronoun"), key=_START_END)
    if not own:
        return None
    hit = ("official", _NAMED_OFFICIAL_RULE)
    for m in own:
        if _TOP_POST.search(m.text or "") or _TOP_BEFORE.search(text, max(0, m.start - 60), m.start):
            return hit
        after = _NAME_AFTER.match(text, m.end)
        if after and after.group("first") not in _NOT_GIVEN:
            return hit
        before = _NAME_BEFORE.search(text, max(0, m.start - 80), m.start)
        if before and before.group("first") not in _NOT_GIVEN and before.group("last") not in _NOT_GIVEN:
            return hit
        head = (m.text or "").split()
        if (len(head) > 1 and head[-1][:1].isupper() and head[-1].lower() in ("officer", "agent")) \
                or _IN_CHARGE.match(text, m.end):
            return hit  # a title before a name ("FBI Special Agent Jo Roe"), cut by the extractor
    first = own[0]
    if not _DEFINITE_ONE.match((first.text or "").strip()):
        return None
    words = (entity.name or "").strip().split()
    head = re.sub(r"\W+$", "", words[-1] if words and not words[-1].startswith("(") else (words[-2] if len(words) > 1 else ""))
    head = head.lower()
    if head not in ("official", "officer", "agent"):
        return None
    pat = re.compile(rf"(?i)(?<![\w\-])(?:an?|one|another)\s+(?:[\w.’'\-]+\s+){{0,6}}?{head}(?![\w\-])")
    last = None
    for m in pat.finditer(text, max(0, first.start - _ANTECEDENT_REACH), first.start):
        last = m
    if last is not None:
        if _TOP_POST.search(last.group(0)):
            return hit
        # "a company official ... The official said": the introduction's employer decides
        v, r = _first_rule(cb, Entity(entity.key, last.group(0), entity.kind, head))
        at = _ANTECEDENT_ORG.match(text, last.end())
        if v in ("official", "civil_servant") and at:
            v, r = _first_rule(cb, Entity(entity.key, at.group("org"), "organisation"))
        return (v, f"{r}@antecedent") if v in _NON_GOVERNMENT else None
    if leak_marker(text, own, cb) is not None:
        return None
    return hit


def leak_marker(text: str, mentions, codebook: Codebook | None = None, press: bool = True) -> str | None:
    """Whether an unnamed speaker's mentions show it speaking anonymously or to a news outlet.

    Returns :data:`ANONYMOUS_MARKER` when a sentence of one of ``mentions`` has one of the
    codebook's ``context.anonymity_cues`` ("who requested anonymity", "not authorized to
    speak"), or the sentence right after it does and opens by speaking of the speaker again
    ("The official spoke on the condition of anonymity ...", "They asked not to be named"), else
    :data:`PRESS_MARKER` when the speaker, after its mention, *told* (one of ``context.press_verbs``) a name the codebook places as media ("told CNN", "told the
    Las Vegas Review-Journal"; "told reporters" is no outlet; not looked for with ``press``
    false), else None.
    :func:`classify_article` adds the marker to an unnamed official's description and keeps the
    new voice when the codebook then makes it ``civil_servant`` (an insider leaking).

    Example:
        >>> from newsvoices.extract import Mention
        >>> t = "Officers left. A state official told CNN the plan changed. Others agreed."
        >>> leak_marker(t, [Mention("e", 15, 31, "A state official", "nominal")])
        'speaking to the press'
        >>> t = "It was late, said the official, who requested anonymity."
        >>> leak_marker(t, [Mention("e", 18, 30, "the official", "nominal")])
        'speaking anonymously'
        >>> t = "It was late, an official said. The official spoke on condition of anonymity."
        >>> leak_marker(t, [Mention("e", 13, 24, "an official", "nominal")])
        'speaking anonymously'
        >>> t = "An official told reporters the plan changed."
        >>> leak_marker(t, [Mention("e", 0, 11, "An official", "nominal")]) is None
        True
    """
    cb = codebook or load_codebook()
    look_press, press = press and bool(cb.press_verbs), False
    for m in mentions:
        a, b = _sentence_span(text, m.start, m.end)
        sent = text[a:b]
        if cb.anonymity_cues is not None and _found(cb.anonymity_cues, sent):
            return ANONYMOUS_MARKER
        # the sentence after, when it speaks of the same speaker ("... said a senior official. The official spoke
        # on the condition of anonymity because ..."; round 18)
        nxt = _NEXT_REFERS.match(text, b)
        if nxt and cb.anonymity_cues is not None:
            a2, b2 = _sentence_span(text, nxt.end(), nxt.end() + 1)
            if a2 >= b - 1 and _found(cb.anonymity_cues, text[a2:b2]):
                return ANONYMOUS_MARKER
        if press or not look_press:
            continue
        after = text[m.end:b]
        for w in _press_re(cb).finditer(after):
            o = _TOLD_OBJECT.match(after, w.end())
            if not o:
                continue
            obj = _POSSESSIVE_S.split(o.group(1))[0].strip()
            if obj and _first_rule(cb, Entity("press", obj, "organisation"))[0] == "commentator":
                press = True
                break
    return PRESS_MARKER if press else None


#: Document words an unnamed document speaker ("the statement", "the report") may be headed by;
#: "document(s)" stands for any of them when its issuer is looked up (see document_issuer).
_DOC_WORDS = ("statement", "report", "letter", "memo", "filing", "document", "website", "release", "email",
              "post", "tweet", "announcement", "proposal", "plan", "notice", "complaint", "lawsuit", "message")
_POSSESSIVE_PRONOUN = re.compile(r"(?i)^(his|her|their|its)\s")
#: Rules that place a "person" as a news outlet by its name: no antecedent of "his"/"her" (round 14).
_OUTLET_RULES = frozenset({"media-outlet-name", "org-media-outlet", "org-media"})
_ISSUE_VERBS = (r"(?:released|issued|put out|published|filed|sent|posted|submitted|signed|made public|wrote"
                 r"|followed (?:it )?up with|responded with)")  # round 17: "He followed up with another tweet"
#: Verbs of getting hold of a document, not issuing it: "a memo obtained by the AP", "a letter seen by Reuters".
_NOT_ISSUED_BY = "".join(rf"(?<!{w} )" for w in ("obtained", "seen", "reviewed", "viewed", "acquired", "reported",
                                                  "cited", "quoted", "leaked", "described", "shared", "examined"))
_CAP_RUN = r"[A-Z][\w.&’'\-]*(?:\s+(?:(?:of|for|on|and|the|de|la)\s+)?[A-Z][\w.&’'\-]*){0,6}"
#: What may stand between an issuer's name and its verb: a party tag ("(R-Ohio)"), "and others in the
#: leadership", or the issuer's spokesperson or lawyer ("a Madigan spokeswoman said in a statement").
_ISSUER_GAP = (r"(?:\s*\([^()\n]{1,30}\))?(?:\s+and\s+(?:others|colleagues)(?:\s+[\w.]+){0,4}?)?"
               r"(?:(?:['’]s)?(?:\s+(?:press|chief|deputy))?\s+(?:spokes(?:man|woman|person)|aides?|lawyers?|attorneys?|office))?,?"
               # "Louis Head, however, issued a statement" (round 16)
               r"(?:\s*,?\s*(?:however|meanwhile|though|too|in turn|for (?:his|her|its|their) part),)?")
#: Capitalised words that start a sentence or a phrase and are no issuer ("The report", "In its report").
_NOT_ISSUER = frozenset("the a an in on at according but and this that these those its their his her when after "
                        "before as for last new recent earlier later one another both under while".split())


def _issuer_patterns(heads: str) -> list[re.Pattern]:
    h = rf"(?:{heads})s?"
    return [
        re.compile(rf"\b{h}\b"),  # where the document word occurs (the others are tried around it)
        # "the NAACP released a statement", "Jo Roe issued a joint statement"
        re.compile(rf"(?<![\w.&’'\-])(?P<iss>{_CAP_RUN}){_ISSUER_GAP}\s+(?:has\s+|have\s+|had\s+|also\s+|later\s+|then\s+|quickly\s+|[a-z]+ly\s+)?{_ISSUE_VERBS}\s+(?:a|an|another|the|its|their|his|her)"
                   rf"\s+(?:[\w\-]+\s+){{0,3}}?{h}\b"),
        # "the governor's website", "CBP's statement", "the OIG report", "a Justice Department report"
        re.compile(rf"(?<![\w.&’'\-])(?P<iss>(?:the\s+)?[\w.&’'\-]+(?:\s+[\w.&’'\-]+){{0,3}}?)['’]s?\s+(?:[\w\-]+\s+){{0,2}}?{h}\b"),
        re.compile(rf"(?<![\w.&’'\-])(?P<iss>(?:{_CAP_RUN}))\s+(?:[a-z][\w\-]*\s+){{0,1}}{h}\b"),
        # "a report by Republicans on the House committee", "a statement from the ACLU"
        # (not "obtained by the AP", "seen by Reuters": who got hold of a document did not issue it)
        re.compile(rf"\b{h},?\s+(?:[\w,]+\s+){{0,5}}?{_NOT_ISSUED_BY}(?:by|from)\s+(?:(?:the|an?)\s+)?(?P<iss>{_CAP_RUN})"),
        # an issuer in lower case or a pronoun: "the administration released a report", "she issued a statement"
        re.compile(rf"(?<![\w.&’'\-])(?P<iss>[Tt]he\s+(?:[a-z][\w.\-]*\s+){{0,2}}?[a-z][\w.\-]*|[Hh]e|[Ss]he)\s+"
                   rf"(?:has\s+|have\s+|had\s+|also\s+|quickly\s+|later\s+)?{_ISSUE_VERBS}\s+(?:a|an|another|the|its|their|his|her)"
                   rf"\s+(?:[\w\-]+\s+){{0,3}}?{h}\b"),
        # "Commissioner Jo Roe, in a statement Saturday, said ..."
        re.compile(rf"(?<![\w.&’'\-])(?P<iss>{_CAP_RUN}),\s+in\s+(?:a|an|the|its|their|his|her)\s+(?:[\w\-]+\s+){{0,3}}?{h}\b"),
        # "said Jo Roe in a tweet posted on May 29" (round 17)
        re.compile(rf"\b(?:said|says|wrote|writes|added|argued|declared|stated)\s+(?P<iss>{_CAP_RUN}),?\s+in\s+(?:a|an|the|its|their|his|her)"
                   rf"\s+(?:[\w\-]+\s+){{0,3}}?{h}\b"),
        # "state police said in a news release", "the ACLU said in a statement"
        # "Rep. Jo Roe (D-Ore.) condemned in a joint statement", "a Madigan spokeswoman said Friday in a statement"
        re.compile(rf"(?<![\w.&’'\-])(?P<iss>{_CAP_RUN}|[Tt]he\s+(?:[a-z][\w.\-]*\s+){{0,2}}?[a-z][\w.\-]*|(?:state|federal|local|city|county)\s+[a-z]+|[Hh]e|[Ss]he)"
                   rf"{_ISSUER_GAP}\s+(?:also\s+)?(?:said|says|wrote|writes|announced|added|stated|argued|[a-z]+ed)\s+(?:\w+\s+){{0,2}}?in\s+(?:a|an|the|its|their|his|her)"
                   rf"\s+(?:[\w\-]+\s+){{0,3}}?{h}\b"),
    ]


_ISSUER_RE: dict[str, list[re.Pattern]] = {}
#: Other words for a document first named as one of these ("a Syracuse University study ... the report"),
#: read for its issuer when nothing names the issuer of the document word itself (round 15).
_DOC_SYNONYMS = {"report": "study|studies|analysis|survey|audit|review"}


def _nearest_issuer(window: str, pats: list[re.Pattern]) -> tuple[int, str] | None:
    """``(offset, issuer)`` of the issuer named around the place nearest the end of ``window`` where the
    document word of ``pats`` (see :func:`_issuer_patterns`) occurs, or None."""
    found = _issuers_near(window, pats)
    return found[0] if found else None


def _issuers_near(window: str, pats: list[re.Pattern]) -> list[tuple[int, str]]:
    """The issuers named around the place nearest the end of ``window`` where the document word of
    ``pats`` occurs, as ``(offset, issuer)``, the nearest first (round 16: "Sen. Marco Rubio issued an
    Easter morning statement" names "Easter" nearer than Rubio; the caller takes the first it can place)."""
    # the patterns are tried only around each earlier place the document word occurs, nearest first
    for h in reversed(list(pats[0].finditer(window))):
        local = window[max(0, h.start() - 160):h.end() + 120]
        found: dict[int, str] = {}
        for p in pats[1:]:
            for m in p.finditer(local):
                toks = m.group("iss").split()
                while toks and toks[0].lower().strip("’'") in _NOT_ISSUER:
                    toks = toks[1:]
                iss = _POSSESSIVE_END.sub("", " ".join(toks)).strip()
                if iss and iss.lower() not in _NOT_ISSUER and m.start("iss") not in found:
                    found[m.start("iss")] = iss
        if found:
            return sorted(found.items(), reverse=True)
    return []
#: How far after a document first met as "a report" its author is looked for ("The report, by X, ...").
_FORWARD_REACH = 1500
#: "In his own statement, Obama ...": a sentence opened by a document, whose subject issued it.
_IN_DOC_SUBJECT = re.compile(
    rf"\s*(?:[Ii]n|[Ww]ith)\s+(?P<doc>(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){{0,3}}?[\w\-]+),\s+(?P<iss>{_CAP_RUN})")
_INDEFINITE = re.compile(r"(?i)(?:an?|one|another|new)\s")
#: "a report says." / "a new report said.": a document told only as saying, right before its sentence ends (round 17).
_SAYS_END = re.compile(r"\s+(?:says|said|claims|claimed|reports|reported|shows|showed|found|finds)[.!]?[\"”’']*\s*$")
#: The next sentence opened by "According to <source>," (round 17).
_ACCORDING_NEXT = re.compile(rf"\s*[Aa]ccording\s+to\s+(?:the\s+)?(?P<iss>{_CAP_RUN})\s*,")
_DEFINITE = re.compile(r"(?i)(?:the|this|that|these|those|his|her|its|their)\s")
_POSSESSIVE_END = re.compile(r"['’]s?$")


def document_issuer(text: str, entity: Entity, mentions, voices_of: dict, entities, codebook: Codebook | None = None
                    ) -> tuple[str, str] | None:
    """The voice of whoever issued an unnamed document speaker ("the statement said", "his
    statement"), read from the text before its first mention; None when nothing decides.

    ``mentions``: all the article's mentions.

    * "his/her/their/its <document>": the nearest person (his, her) or any entity (their, its)
      named before it, with the voice ``voices_of`` gives it.
    * otherwise the nearest earlier place that names an issuer of the same kind of document (for
      a document first met as "a statement", only in its own sentence, up to and with the mention)
      ("the NAACP released a statement", "CBP's statement", "the OIG report", "a report by
      the House Oversight Committee"; "document" stands for any document word): an entity of the
      article with that name (or surname) gives its voice, else the codebook rules place the
      issuer's name as an organisation or, failing that, as a person; the issuers named there are
      tried nearest first until one is placed (round 16).
    * failing that, a document not met as "the ..." goes to the subject of its sentence when the
      subject sent, issued or posted it ("Jo Roe circulated a letter"; :func:`_subject_issuer`).

    The rule becomes ``<rule>@issuer``.

    Example:
        >>> from newsvoices.extract import Mention
        >>> t = "The NAACP released a statement on Sunday. The statement said it was outraged."
        >>> e = Entity("e1", "The statement", "group")
        >>> document_issuer(t, e, [Mention("e1", 42, 55, "The statement", "nominal")], {}, [e])
        ('advocacy', 'org-advocacy@issuer')
    """
    cb = codebook or load_codebook()
    starts = [m.start for m in mentions if m.entity == entity.key and m.kind != "pronoun"]
    if not starts:
        return None
    first = min(starts)
    name = (entity.name or "").strip()
    words = name.split()
    if not words:
        return None
    by_key = {e.key: e for e in entities}
    pron = _POSSESSIVE_PRONOUN.match(name)
    if pron:
        want_person = pron.group(1).lower() in ("his", "her")
        cands = [m for m in mentions if m.start < first and m.entity != entity.key and m.entity in by_key
                 and m.kind in ("name", "surname")
                 and (not want_person or ((by_key[m.entity].kind or "person") == "person"
                                          and voices_of.get(m.entity, ("", ""))[1].split("@")[0].split(":")[-1]
                                          not in _OUTLET_RULES))]
        if not cands:
            return None
        key = max(cands, key=lambda m: m.start).entity
        v, r = voices_of.get(key, ("other", DEFAULT_RULE))
        if r in UNINFORMED_RULES or v in ("anonymous", "other"):
            return None
        return v, f"{r.split('@')[0]}@issuer"
    head = words[-1].lower().rstrip("s") if words[-1].lower() not in ("news",) else words[-1].lower()
    if head not in _DOC_WORDS and head not in cb.document_words:
        return None
    heads = ("|".join(_DOC_WORDS) if head == "document" else "statement|release|news release|press release"
             if head in ("statement", "release") else re.escape(head))
    pats = _ISSUER_RE.get(heads)
    if pats is None:
        pats = _ISSUER_RE[heads] = _issuer_patterns(heads)
    first_m = min((m for m in mentions if m.entity == entity.key and m.kind != "pronoun"), key=lambda m: m.start)
    if _INDEFINITE.match(first_m.text or ""):
        # "a statement" opens a new document: its issuer is named in the same sentence
        # ("the NAACP released a statement saying ..."), not in an earlier one
        window = text[_sentence_span(text, first_m.start, first_m.end)[0]:first_m.end]
    else:
        # a mention without its determiner ("a Human Rights Watch report" met as "report") is read up to its
        # end: the words right before it name the issuer (round 13)
        window = text[max(0, first - 1500):first if _DEFINITE.match(first_m.text or "") else first_m.end]
    found = _issuers_near(window, pats)
    if not found and head in _DOC_SYNONYMS and _DEFINITE.match(first_m.text or ""):
        # "according to a Syracuse University study. ... the report said": the report is the study met
        # before it when nothing names an issuer of a report (round 15)
        syn = _ISSUER_RE.get(_DOC_SYNONYMS[head])
        if syn is None:
            syn = _ISSUER_RE[_DOC_SYNONYMS[head]] = _issuer_patterns(_DOC_SYNONYMS[head])
        found = _issuers_near(window, syn)
    # the nearest issuer named there that can be placed (round 16; before, only the nearest was tried)
    for _, iss in found:
        hit = _placed_issuer(iss, entity, mentions, first, by_key, voices_of, entities, cb, text)
        if hit is not None:
            return hit
    # round 17: the issuers named after the document are tried also when those named before it could not be
    # placed ("Intelligence reports produced by U.S. Central Command ... according to a bombshell report
    # released Thursday by a House Republican task force": before, the unplaceable "U.S. Central Command"
    # ended the search)
    later: list[str] = []
    # "In his own statement, Obama shrugged off ...": the subject after the document names its issuer
    lo, hi = _sentence_span(text, first_m.start, first_m.end)
    m = _IN_DOC_SUBJECT.match(text, lo, hi)
    m = m if m is not None and m.start("doc") <= first_m.start < m.end("doc") else None
    if m is not None:
        later.append(m.group("iss"))
    else:
        # "according to a report Tuesday ... The report, by Republicans on the House committee, ...": a
        # document whose issuer is named nowhere before may name its author later, after "by" or "from"
        fwd = pats[4].search(text, first_m.start, min(len(text), first_m.end + _FORWARD_REACH))
        if fwd is not None:
            later.append(fwd.group("iss"))
        if _INDEFINITE.match(first_m.text or "") and _SAYS_END.match(text, first_m.end, hi + 1):
            # "..., a report says. According to the New York Times, Nielsen ...": the next sentence names the
            # source of a report told only as "a report says" (round 17)
            acc = _ACCORDING_NEXT.match(text, hi)
            if acc is not None:
                later.append(acc.group("iss"))
    for iss in later:
        if iss.lower() in _NOT_ISSUER:
            continue
        hit = _placed_issuer(_POSSESSIVE_END.sub("", iss), entity, mentions, first, by_key, voices_of, entities, cb,
                             text)
        if hit is not None:
            return hit
    if not _DEFINITE.match(first_m.text or ""):
        # "Weeks before the trial, Jo Roe sent a text urging ...", "Trump annoyed Republicans again with a tweet":
        # a document the subject of its sentence issued (round 16; the mention may lack its "a")
        return _subject_issuer(text, first_m, mentions, by_key, voices_of, entity)
    return None


#: What may open a sentence before its subject: "On Tuesday,", "Weeks before the trial,".
_SUBJECT_PREFIX = re.compile(r"\s*(?:[\"“”‘’']\s*)?(?:(?:On|In|Later|Earlier|Weeks|Days|Hours|Months|Then|And|But|Also|Meanwhile|"
                             r"Last|This|Soon|Shortly|After|Before)\b[^,.;:!?\"“”]{0,50},\s*|(?:And|But|Then)\s+)?")
#: Between a sentence's subject and an indefinite document it issued: "sent", "issued", "followed up with".
_SUBJECT_ISSUES = re.compile(
    r"(?:\s*,[^,\"“”]{1,120},)?\s+(?:(?:also|later|then|again|quickly|has|have|had)\s+)*(?:sent|posted|tweeted|issued|released|"
    r"drafted|read(?:\s+out)?|wrote|put\s+out|published|shared|signed|circulated|followed\s+up\s+with|responded\s+with|"
    r"[a-z]+ed\s+(?:\w+\s+){0,3}?with)\s+(?:(?:\w+\s+){0,3}?(?:a|an|another|one)\s+(?:[\w\-]+\s+){0,3}?)?$")


def _subject_issuer(text: str, doc, mentions, by_key: dict, voices_of: dict, entity: Entity
                    ) -> tuple[str, str] | None:
    """The voice of the subject of the sentence that introduces an indefinite document ``doc`` (a
    mention) when the subject issued it ("Weeks before the trial, Jo Roe, a SEAL, sent a text",
    "He followed up with another tweet"): the first mention of the sentence, right after an opening
    phrase, a named person or organisation (or a pronoun resolved to one) the rules place (round 16)."""
    lo, _hi = _sentence_span(text, doc.start, doc.end)
    pre = _SUBJECT_PREFIX.match(text, lo)
    at = pre.end() if pre else lo
    subj = [m for m in mentions if at <= m.start < doc.start and m.entity != entity.key and m.entity in by_key]
    if not subj:
        return None
    first = min(subj, key=lambda m: m.start)
    if first.start != at or first.kind not in ("name", "surname", "pronoun", "role"):
        return None
    if not _SUBJECT_ISSUES.fullmatch(text, first.end, doc.start):
        return None
    v, r = voices_of.get(first.entity, ("other", DEFAULT_RULE))
    if r in UNINFORMED_RULES or v in ("anonymous", "other") or r.split("@")[0].startswith("document-"):
        return None
    return v, f"{r.split('@')[0]}@issuer"


def _placed_issuer(iss: str, entity: Entity, mentions, first: int, by_key: dict, voices_of: dict, entities,
                  cb: Codebook, text: str = "") -> tuple[str, str] | None:
    """The voice of an issuer's name found by :func:`document_issuer`, or None when it cannot be placed
    (``text``: the article, where a company no rule places is found called one, :func:`company_in_text`)."""
    low = iss.lower()
    if low in ("he", "she"):
        # "she issued a statement": the nearest person named before the document
        cands = [m for m in mentions if m.start < first and m.entity != entity.key and m.entity in by_key
                 and m.kind in ("name", "surname") and (by_key[m.entity].kind or "person") == "person"]
        if not cands:
            return None
        v, r = voices_of.get(max(cands, key=lambda m: m.start).entity, ("other", DEFAULT_RULE))
        if r in UNINFORMED_RULES or v in ("anonymous", "other"):
            return None
        return v, f"{r.split('@')[0]}@issuer"
    # an entity of the article with that name, or whose surname ends the issuer's name
    for e in entities:
        en = (e.name or "").lower()
        if e.key != entity.key and en and (en == low or low.endswith(" " + en) or en.endswith(" " + low)):
            v, r = voices_of.get(e.key, ("other", DEFAULT_RULE))
            if r not in UNINFORMED_RULES and v not in ("anonymous", "other"):
                return v, f"{r.split('@')[0]}@issuer"
    # "Pelosi and Blumenauer's statement": a person of the article whose surname ends the issuer's name
    last = low.split()[-1] if " " in low else None
    for e in entities if last else ():
        en = (e.name or "").lower().split()
        if e.key != entity.key and len(en) >= 2 and en[-1] == last and (e.kind or "person") == "person":
            v, r = voices_of.get(e.key, ("other", DEFAULT_RULE))
            if r not in UNINFORMED_RULES and v not in ("anonymous", "other"):
                return v, f"{r.split('@')[0]}@issuer"
    kind = "organisation" if iss[:1].isupper() else "anonymous"
    for k in (kind, "person") if kind == "organisation" else (kind,):
        v, r = _first_rule(cb, Entity(entity.key, iss, k))
        if r not in UNINFORMED_RULES and not r.startswith("document-") and v not in ("anonymous", "other"):
            return v, f"{r}@issuer"
    if kind == "organisation" and text and cb.company_heads is not None:
        hit = company_in_text(text, Entity(entity.key, iss, kind), cb)  # "a Holcim statement" (UK round 3)
        if hit:
            return hit[0], f"{hit[1].split('@')[0]}@issuer"
    return None


#: A spokesperson or press aide, whose voice is that of the person or body it speaks for.
_SPOKES = re.compile(r"(?i)\b(?:spokes(?:man|woman|person|people)|press secretary|communications director)\b")
_FOR_PRINCIPAL = re.compile(r"\s*,?\s*(?:for|to)\s+(?:the\s+)?(?P<p>(?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w.’'\-]*)")
_HIS_HER = re.compile(r"(?i)(?:his|her)\s")
#: "<Principal> spokesman <Name>", "Ryan's press secretary, <Name>": the principal named right before the
#: spokesperson word that introduces a mention (round 12).
_PRINCIPAL_BEFORE = re.compile(r"(?:^|[^\w.’'\-])(?P<p>[A-Z][\w.’'\-]*(?:[ ]+[A-Z][\w.’'\-]*){0,3}?)(?:['’]s?)?[ ]+"
                               r"(?:spokes(?:man|woman|person)|press secretary|communications director)[ ]*,?[ ]*$")
#: "<Name>, a spokesman for Mr. Roe": the principal of an appositive after a mention (round 12).
_APPOSITIVE_PRINCIPAL = re.compile(r"[ ]*,[ ]*(?:an?|the)[ ]+(?:[\w\-]+[ ]+){0,2}?(?:spokes(?:man|woman|person)|press "
                                   r"secretary|communications director)[ ]+(?:for|to)[ ]+(?:the[ ]+)?"
                                   r"(?P<p>(?:[A-Z][\w.’'\-]*[ ]+){0,4}[A-Z][\w’'\-]*)")
_COURTESY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Sens|Reps)\.?\s+")
#: A description naming the principal in the possessive: "Mr. Graham's spokesman", "Roe's press secretary".
_POSSESSIVE_PRINCIPAL = re.compile(r"^(?:the\s+)?(?P<p>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})['’]s?\s+"
                                   r"(?:[\w\-]+\s+){0,2}?(?:spokes(?:man|woman|person)|press secretary|communications "
                                   r"director)\b")
#: Rules that place a spokesperson only as "official" by default (the principal decides instead).
_PRINCIPAL_RULES = ("anonymous-official", "spokesperson-unplaced")
#: Voices a principal passes on to its spokesperson (besides official, the default): a legislator's,
#: a company's or a campaign group's spokesperson; not a lawyer's or a witness's.
_PRINCIPAL_VOICES = frozenset({"politician", "business", "advocacy"})


def _entity_voice(name: str, entity: Entity, voices_of: dict, entities) -> tuple[str, str] | None:
    """The informed voice of the article's person whose name is ``name`` or ends with its last word."""
    low = _COURTESY.sub("", name.strip()).lower()
    last = low.split()[-1] if low.split() else ""
    for e in entities:
        en = (e.name or "").lower()
        if e.key == entity.key or not en or (e.kind or "person") != "person":
            continue
        if en == low or en.split()[-1] == last:
            v, r = voices_of.get(e.key, ("other", DEFAULT_RULE))
            if r not in UNINFORMED_RULES and v not in ("anonymous", "other"):
                return v, r
    return None


def spokesperson_principal(text: str, entity: Entity, mentions, voices_of: dict, entities,
                           codebook: Codebook | None = None, also_official: bool = False
                           ) -> tuple[str, str] | None:
    """The voice of whoever a spokesperson speaks for, when the rules could only call it
    official by default: the person named as its organisation ("Mr. Roe spokesman"), the
    name after "for"/"to" at one of its mentions ("a spokeswoman for Sen. Jo Roe") or right before
    the spokesperson word that introduces a mention ("Roe spokesman Kim Vale", round 12), or, for
    "his/her spokeswoman", the nearest person named before it (within 1,000 characters) whom
    the rules place (a name no rule places is skipped). Only a politician's, a company's or an
    advocacy group's voice is passed on (:data:`_PRINCIPAL_VOICES`); otherwise the rules'
    default (official) stays (``also_official``: an official principal is passed on too, for a
    spokesperson the rules left *other*). The name is looked up among the
    article's people (their voice) and else placed by the codebook rules as a person. Rule
    ``<rule>@principal``; None when nothing decides.

    Example:
        >>> from newsvoices.extract import Mention
        >>> t = "Rep. Jo Roe opposes the bill, his spokeswoman, Kim Vale, said."
        >>> ents = [Entity("p", "Rep. Jo Roe"), Entity("s", "Kim Vale", description="his spokeswoman")]
        >>> ms = [Mention("p", 0, 11, "Rep. Jo Roe"), Mention("s", 47, 55, "Kim Vale")]
        >>> spokesperson_principal(t, ents[1], ms, {"p": ("politician", "politician-role")}, ents)
        ('politician', 'politician-role@principal')
    """
    cb = codebook or load_codebook()
    role = f"{entity.name or ''} ; {entity.description or ''}"
    if not _SPOKES.search(role):
        return None
    own = [m for m in mentions if m.entity == entity.key and m.kind != "pronoun"]
    names: list[str] = []
    if entity.organisation and entity.organisation[:1].isupper():
        names.append(entity.organisation)
    own_desc = _POSSESSIVE_PRINCIPAL.match((entity.description or "").strip())
    if own_desc:  # "Mr. Graham's spokesman" as the description (round 13)
        names.append(own_desc.group("p"))
    own_name = _PRINCIPAL_BEFORE.search(entity.name or "") if entity.kind in ("anonymous", "group") else None
    if own_name:  # "an Eton spokesperson" as the speaker's name (UK round 3)
        names.append(own_name.group("p"))
    for m in own:
        f = _FOR_PRINCIPAL.match(text, m.end) or _APPOSITIVE_PRINCIPAL.match(text, m.end)
        if f:
            names.append(f.group("p"))
        b = _PRINCIPAL_BEFORE.search(text, max(0, m.start - 80), m.start)
        if b:
            words = b.group("p").split()
            while words and words[0].lower() in _NOT_ISSUER:
                words.pop(0)
            if words:
                names.append(" ".join(words))
    for n in names:
        hit = _entity_voice(n, entity, voices_of, entities)
        if hit is None:
            v, r = _first_rule(cb, Entity(entity.key, n, "person"))
            hit = None if r in UNINFORMED_RULES or v in ("anonymous", "other") else (v, r)
        if hit is None and _TITLED_SURNAME.match(n):
            # "Boehner spokesman Jo Roe" where the extractor kept no entity for "House Speaker John Boehner":
            # the surname's full name in the text, read with its context (round 13)
            sur = _TITLED_SURNAME.match(n).group(1)
            ctx = full_name_contexts(text, sur, cb)
            if ctx:
                v, r = classify(Entity(entity.key, sur, "person"), cb, contexts=ctx)
                hit = (v, r) if r.endswith("@mention") and v not in ("anonymous", "other") else None
        if hit is None and cb.company_heads is not None and n[:1].isupper():
            hit = company_in_text(text, Entity(entity.key, n, "organisation"), cb)  # a company's (UK round 3)
        if hit:
            ok = hit[0] in _PRINCIPAL_VOICES or (also_official and hit[0] == "official")
            return (hit[0], f"{hit[1].split('@')[0]}@principal") if ok else None
    if own and _HIS_HER.match((entity.description or "").strip()):
        first = min(m.start for m in own)
        people = {e.key for e in entities if (e.kind or "person") == "person" and e.key != entity.key}
        cands = [m for m in mentions if first - 1000 < m.start < first and m.entity in people
                 and m.kind in ("name", "surname")]
        for m in sorted(cands, key=lambda m: -m.start):  # the nearest person the rules place
            v, r = voices_of.get(m.entity, ("other", DEFAULT_RULE))
            if r in UNINFORMED_RULES:
                continue  # no evidence ("Staten Island-based" taken for a name)
            if v in _PRINCIPAL_VOICES or (also_official and v == "official"):
                return v, f"{r.split('@')[0]}@principal"
            break
    return None


def _reads_contexts(cb: Codebook, entity: Entity) -> bool:
    """Whether :func:`classify` would use the contexts and roles it is given for ``entity``:
    no override, and its own fields match only an uninformed or weak rule."""
    if cb.overrides.get(norm_name(entity.name)):
        return False
    rule = _first_rule(cb, entity)[1]
    return rule in UNINFORMED_RULES or rule in WEAK_RULES


def _is_person(row: dict) -> bool:
    kind = row.get("kind")
    return not isinstance(kind, str) or kind == "person"


class Propagation:
    """The corpus-wide voice propagation of :func:`propagate_rows`, in passes over the
    speaker rows, so a caller can stream the rows from disk (memory grows with the
    number of distinct speakers and surnames, not with the number of rows).

    Usage: :meth:`vote` every row, :meth:`decide`; :meth:`count_surname` every row,
    :meth:`decide_surnames`; then :meth:`fix` gives each row's new ``(voice_type,
    voice_rule)`` or None.
    """

    def __init__(self, min_agreement: float = 0.5):
        from collections import Counter, defaultdict

        self.min_agreement = min_agreement
        self.votes: dict[str, Counter] = defaultdict(Counter)
        self.by_surname: dict[str, Counter] = defaultdict(Counter)
        self.fill: dict[str, tuple[str, str]] = {}
        self.surname_fill: dict[str, tuple[str, str]] = {}

    def vote(self, r: dict) -> None:
        """Pass 1: an informative row votes for its speaker's voice."""
        sid = r.get("speaker_id")
        if isinstance(sid, str) and "#" not in sid and r.get("voice_rule") not in UNINFORMED_RULES:
            self.votes[sid][(r["voice_type"], r["voice_rule"])] += 1

    def decide(self) -> None:
        """After pass 1: the voice each speaker id passes on to its uninformed rows."""
        from collections import Counter

        for sid in sorted(self.votes):
            per_voice: Counter = Counter()
            for (v, _), n in self.votes[sid].items():
                per_voice[v] += n
            ranked = sorted(per_voice.items(), key=lambda kv: (-kv[1], kv[0]))
            voice, n = ranked[0]
            clear = len(ranked) == 1 or n > ranked[1][1]
            if clear and n / sum(per_voice.values()) >= self.min_agreement:
                rule = sorted(((-c, r) for (v, r), c in self.votes[sid].items() if v == voice))[0][1]
                self.fill[sid] = (voice, f"corpus:{rule}")
        self.votes.clear()

    def count_surname(self, r: dict) -> None:
        """Pass 2: a full-name person row counts for its surname ("Chuck Grassley" -> "grassley")."""
        sid = r.get("speaker_id")
        if isinstance(sid, str) and "#" not in sid and "-" in sid and _is_person(r):
            fill = self.fill
            voice = fill[sid] if r.get("voice_rule") in UNINFORMED_RULES and sid in fill else (r["voice_type"], r["voice_rule"])
            if voice[1] in UNINFORMED_RULES:
                voice = ("other", voice[1])  # a fall-back voice ("person-no-role") is no evidence
            self.by_surname[sid.rsplit("-", 1)[1]][voice] += 1

    def decide_surnames(self) -> None:
        """After pass 2: the voice a surname-only speaker ("Grassley") takes."""
        from collections import Counter

        for surname, cnt in sorted(self.by_surname.items()):
            per_voice: Counter = Counter()
            for (v, _), n in cnt.items():
                per_voice[v] += n
            voice, n = sorted(per_voice.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            if voice != "other" and n / sum(per_voice.values()) >= 0.75:
                rule = sorted(((-c, r) for (v, r), c in cnt.items() if v == voice))[0][1]
                self.surname_fill[surname] = (voice, "corpus-surname:" + rule.split(":", 1)[-1])
        self.by_surname.clear()

    def fix(self, r: dict) -> tuple[str, str] | None:
        """Pass 3: the row's new ``(voice_type, voice_rule)``, or None if it keeps its own."""
        sid = r.get("speaker_id")
        if r.get("voice_rule") in UNINFORMED_RULES and isinstance(sid, str):
            hit = self.fill.get(sid)
            if hit is None and "-" not in sid and "#" not in sid and _is_person(r):
                hit = self.surname_fill.get(sid)
            return hit
        return None


def propagate_rows(speakers: list[dict], quotes: list[dict] | None = None,
                   min_agreement: float = 0.5) -> tuple[list[dict], list[dict] | None]:
    """Fill uninformed voice types from the same speaker's other articles.

    A speaker id is corpus-wide (:mod:`newsvoices.identity`), so when "Jay Inslee" is
    introduced as "Washington Gov. Jay Inslee" in one article and only by name in
    another, the second article inherits the first's voice type. Only rows that no
    informative rule classified (:data:`UNINFORMED_RULES`) change, and only when one
    voice has a clear plurality of at least ``min_agreement`` of the speaker's informative rows; their rule becomes
    ``corpus:<rule>``. A person named by surname only ("Grassley") takes the voice
    that at least 75% of the corpus's full-name rows with that surname agree on
    (``corpus-surname:<rule>``). Per-article anonymous sources (ids
    with ``#``) never change.

    Args:
        speakers: speaker rows (``article_id``, ``speaker_id``, ``voice_type``, ``voice_rule``).
        quotes: quote rows; their ``voice_type`` is updated to match.

    Returns:
        New ``(speakers, quotes)`` row lists (the inputs are not modified).
    """
    p = Propagation(min_agreement)
    for r in speakers:
        p.vote(r)
    p.decide()
    for r in speakers:
        p.count_surname(r)
    p.decide_surnames()
    changed: dict[tuple[str, str], str] = {}
    new_sp = []
    for r in speakers:
        r = dict(r)
        hit = p.fix(r)
        if hit is not None:
            r["voice_type"], r["voice_rule"] = hit
            changed[(r["article_id"], r["speaker_id"])] = r["voice_type"]
        new_sp.append(r)
    new_q = None
    if quotes is not None:
        new_q = []
        for q in quotes:
            k = (q.get("article_id"), q.get("speaker_id"))
            new_q.append({**q, "voice_type": changed[k]} if k in changed else q)
    return new_sp, new_q


#: The streaming form of :func:`propagate_rows` (used by ``runner.TableSink`` on disk parts).
propagate_rows.streaming = Propagation  # type: ignore[attr-defined]


def propagate(speakers, quotes=None, min_agreement: float = 0.5):
    """:func:`propagate_rows` for DataFrames: returns new ``(speakers, quotes)`` tables."""
    import pandas as pd

    sp, q = propagate_rows(speakers.to_dict("records"), None if quotes is None else quotes.to_dict("records"),
                           min_agreement)
    sp_df = pd.DataFrame(sp, columns=speakers.columns)
    return sp_df, (None if q is None else pd.DataFrame(q, columns=quotes.columns))


_CTX_TOKEN = re.compile(r"[\w’'.\-&]+")
_CTX_BOUNDARY = re.compile(r"[,;:!?\"“”‘()\[\]\n\r—–]|\.(?=\s|$)")
#: The last match of _CTX_BOUNDARY (each is one character, so finditer finds every position where
#: it matches): ``.*`` backs off from the end of the text, so the boundaries are tried from the last.
_LAST_CTX_BOUNDARY = re.compile(r"(?s:.*)(?:" + _CTX_BOUNDARY.pattern + ")")
_CTX_AFTER = re.compile(r"\s*(?:\(([^()\n]{1,40})\)|,\s*((?:[RDI]|Rep|Dem|Lab|Con|SNP)-[A-Z][\w.\- ]{0,18}?)\s*[,.;)])")
_ABBREV_END = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,4}|[A-Z](?:\.[A-Z])*|U\.S|U\.K|St|Lt|Gen|Gov|Sen|Rep|Sgt|Capt|Col|Dr|Mr|Mrs|Ms|Prof|Rev|Det|Insp|Supt|Atty|Dist|Cmdr|Adm|Maj|Cpl|Pvt|Pres)$")


_COMMA_SPACE = re.compile(r",\s+")
#: An appositive so far that is an indefinite article and a capitalised place ("a Washington", "an Orange
#: County"), and what may follow it: a comma, a state ("D.C.", "Ariz.", "New Mexico") and a comma or "-based"
#: before a lower-case word ("a Washington, D.C., attorney"; round 21).
_PLACE_SO_FAR = re.compile(r"(?:an?|one)\s+(?:[A-Z][\w.’'\-]*\s+){0,2}[A-Z][\w.’'\-]*")
_STATE_AFTER = re.compile(r",\s+(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ala\.|Ariz\.|Ark\.|Calif\.|Colo\.|Conn\.|Del\.|Fla\.|Ga\.|Ill\.|Ind\.|Kan\.|Ky\.|La\.|Md\.|Mass\.|Mich\.|Minn\.|Miss\.|Mo\.|Mont\.|Neb\.|Nev\.|N\.H\.|N\.J\.|N\.M\.|N\.Y\.|N\.C\.|N\.D\.|Okla\.|Ore\.|Pa\.|R\.I\.|S\.C\.|S\.D\.|Tenn\.|Tex\.|Vt\.|Va\.|Wash\.|W\.Va\.|Wis\.|Wyo\.|D\.C\.)(?:,\s+|-based\s+)(?=[a-z])")
_ONE_TO_3_DIGITS = re.compile(r"\d{1,3}")


def _appositive(text: str, end: int) -> str | None:
    """``", a spokeswoman for U.S. Immigration and Customs Enforcement,"`` after a name:
    the words up to the next clause mark (a full stop after an abbreviation such as
    "U.S." does not end it)."""
    if not text.startswith(",", end):
        return None
    m = _COMMA_SPACE.match(text[end:end + 3])
    if not m:
        return None
    start = pos = end + m.end()
    limit = min(len(text), start + 200)
    while pos < limit:
        c = text[pos]
        if c == "," and _PLACE_SO_FAR.fullmatch(text, start, pos):
            # "a Washington, D.C., attorney", "a Phoenix, Ariz., lawyer": a city and its state inside the
            # noun phrase are no end of it (round 21)
            st = _STATE_AFTER.match(text, pos)
            if st:
                pos = st.end()
                continue
        if c in ',;:"“”\n(—–':  # a dash ends it too ("policy counsel with X—and that is ...")
            break
        if c == "." and (pos + 1 >= len(text) or text[pos + 1].isspace()):
            if not _ABBREV_END.search(text[start:pos]):
                break
        pos += 1
    seg = text[start:pos].strip()
    words = seg.split()
    if words and words[0] in _CONJUNCTIONS:
        return None  # "a petition by Jo Roe, and issued notices to ...": a new clause, not an appositive (round 21)
    if len(words) >= 2 and words[0].lower().endswith("ed") and _VERB_NEXT.match(words[1]):
        return None  # "Phillips, refused to select ...": a verb phrase, not an appositive
    n_cap = 0  # a subject of capitalised words, then a verb: "In an interview with CNN's Jo Roe, Obama explained"
    while n_cap < min(3, len(words) - 1) and words[n_cap][:1].isupper():
        n_cap += 1
    if n_cap and n_cap < len(words) and (words[n_cap].lower() in _CLAUSE_VERBS or (
            len(words[n_cap]) > 3 and words[n_cap].islower() and words[n_cap].endswith("ed"))):
        return None  # a new clause, not an appositive
    if len(words) >= 2 and words[0].lower() == "who" and not _WHO_ROLE.match(" ".join(words[1:3])):
        return None  # "Jenkins, who had to pay attorney's fees": a story, not a role
    return seg if len(seg) >= 2 else None


#: How a relative clause after a name states a role ("who served as", "who is a", "who heads").
_WHO_ROLE = re.compile(
    r"(?i)^(?:(?:is|was|are|were|had been|has been|serves|served|works|worked|heads|headed|leads|led|runs|ran|"
    r"chairs|chaired|represents|represented|oversees|oversaw|directs|directed|manages|managed|teaches|taught|"
    r"studies|studied|became|covers|covered|owns|owned|founded|co-founded|advises|advised|previously|formerly|"
    r"once|now|also|later|then|until|spent|spearheaded|helped)\b)")

#: Words that open a clause after a name's comma, never an appositive ("Jo Roe, and ...", "Jo Roe, but ...").
_CONJUNCTIONS = frozenset({"and", "but", "or", "nor", "yet", "while", "whereas"})  # "then his fiancée" is one

#: A word after "<name>, <word>ed" showing that the comma opens a verb phrase ("refused to",
#: "said that", "added the"), not an appositive ("retired police officer").
_VERB_NEXT = re.compile(r"(?i)^(?:to|that|the|a|an|his|her|their|its|it|him|them|this|on|in|by|with|for|from|up|out|and|but)$")


_DETERMINER = re.compile(r"(?<!\w)(?:a|an|the|his|her|its|their|our)\s", re.IGNORECASE)
_SCENE_PREPOSITIONS = frozenset(
    "in on at during after before with to from over into for of since until through about under outside "
    "inside near within across around behind amid".split())
_POSSESSIVE_ROLE = re.compile(r"^[\w.’'\- ]+['’]s\s+[\w\- ]+$")
#: Finite verbs and auxiliaries that show the words before "<determiner> ..., <Name>" are a clause, not a
#: noun phrase in apposition ("When asked why the president had not told him, Smith said").
_CLAUSE_VERBS = frozenset(
    "is was were are am be been has have had do does did will would can could should shall may might must "
    "said says say told tells asked asks wanted wants knew knows thought thinks".split())
#: A relative pronoun keeps such words a noun phrase ("the man who was shot, Jo Roe").
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})


def _last_boundary_end(text: str) -> int:
    """End of the last clause boundary of ``text`` (:data:`_CTX_BOUNDARY`; a full stop after an
    abbreviation such as "Sen." is none), else 0. The boundaries are tried from the last one
    back, so the abbreviation test runs only for full stops after the last other boundary.
    The last boundary is found first by :data:`_LAST_CTX_BOUNDARY`, from the end."""
    last = _LAST_CTX_BOUNDARY.match(text)
    if last is None:
        return 0
    if text[last.end() - 1] != "." or not _ABBREV_END.search(text[: last.end() - 1]):
        return last.end()
    for m in reversed(list(_CTX_BOUNDARY.finditer(text))):
        if m.group(0) == "." and _ABBREV_END.search(text[: m.start()]):
            continue
        return m.end()
    return 0


def _pre_appositive(before: str) -> str | None:
    """``"an armed resident, "`` or ``"Gov. Jan Brewer's spokesman, "`` right before a name:
    the noun phrase (a determiner and at most 6 more words, or "X's role") that the name
    stands in apposition to."""
    if not before.rstrip().endswith(","):  # r",\s*$" (str.isspace is the regex \s)
        return None
    head = before[: before.rstrip().rfind(",")]
    cut = _last_boundary_end(head)
    seg = head[cut:].strip()
    if not seg:
        return None
    if _POSSESSIVE_ROLE.match(seg) and len(seg.split()) <= 8:
        return seg
    # the earliest determiner whose noun phrase runs to the comma in at most 6 words
    for m in _DETERMINER.finditer(seg):
        rest = seg[m.start():]
        prev = seg[: m.start()].split()[-1:]
        if prev and prev[0].lower() in _SCENE_PREPOSITIONS:
            continue  # "In an interview with CNN, Smith said": a scene, not a role
        words = rest.split()
        if len(words) <= 7:
            low = [w.lower().strip(".,") for w in words[1:]]
            if not _RELATIVE.intersection(low) and any(w in _CLAUSE_VERBS or w.endswith(("n't", "n’t")) for w in low):
                return None  # "When asked why the president hadn't told him, Smith said": a clause
            return rest
    return None


#: "a paper by Jo Roe", "a breakthrough analysis in 1990 by Bay University's Bo Li and Jo Roe": the
#: kind of text the name wrote (no full stop, colon or semicolon between); see _BY_ROLE.
_BY_AUTHOR = re.compile(r"(?i:\b(study|studies|paper|papers|analysis|research|report|survey|column|op-ed|essay|"
                        r"article|editorial|profile))\b([^.;:!?\"“”]{0,80}?)\bby\s+"
                        r"(?:[A-Z][\w.&’'\-]*\s+){0,4}?(?:and\s+(?:[A-Z][\w.’'\-]*\s+){0,3}?)?$")
#: A verb between the text and "by" that makes the name no author ("the study was criticized by").
_BY_GAP_VERB = re.compile(r"(?i)\b(?:is|was|were|are|been|being|has|have|had|(?!(?:published|released|conducted|written|"
                          r"co-authored|authored|produced|led|edited)\b)[a-z\-]+ed)\b")
#: What writing such a text makes its author, in the codebook's words (expert-role, media-role).
_BY_ROLE = {**{w: "author of a study" for w in ("study", "studies", "paper", "papers", "analysis", "research",
                                                "report", "survey")},
            **{w: "writer" for w in ("column", "op-ed", "essay", "article", "editorial", "profile")}}

#: "a refugee named Mohammed", "a young journalist named Jason DeParle": the noun phrase before "named".
_NAMED_BEFORE = re.compile(r"(?i:\b((?:an?|the|one|another)\s+(?:[\w’'\-]+\s+){0,4}?[\w’'\-]+)\s+"
                           r"(?:named|called|identified as|known as)\s+)$")
#: What a text that _NAMED_BEFORE matches ends with once its final white space is stripped.
_NAMED_TAIL = re.compile(r"(?i:named|called|identified as|known as)$")


#: A nickname in quotes between a given name and the surname ("Francis “Beto” ", "Edward 'Eddie' ").
_NICKNAME_END = re.compile(r"(\b[A-Z][\w.\-]*\s+)[“\"‘'][A-Z][\w.\-]*[”\"’']\s+$")
_NICK_CLOSE = frozenset("”\"’'")


def name_context(text: str, start: int, end: int, codebook: Codebook | None = None) -> str:
    """The words that introduce a name mention: the mention itself, the words right
    before it (stopping at punctuation or a stop word of the codebook's ``context``)
    and a bracket or party tag right after it.

    Example:
        >>> t = "On Monday, Homeland Security Secretary Janet Napolitano said so."
        >>> s = t.index("Janet"); name_context(t, s, s + len("Janet Napolitano"))
        'Homeland Security Secretary Janet Napolitano'
        >>> t = "Sen. Marco Rubio (R-Fla.) said"; name_context(t, 5, 16)
        'Sen. Marco Rubio ; R-Fla.'
        >>> t = "said John Sandweg, who served as acting ICE director in 2014."; name_context(t, 5, 17)
        'John Sandweg ; who served as acting ICE director in 2014'
        >>> t = "said Jo Doe, a spokeswoman for U.S. Immigration and Customs Enforcement."; name_context(t, 5, 11)
        'Jo Doe ; a spokeswoman for U.S. Immigration and Customs Enforcement'
        >>> t = "In 1988, a young journalist named Jo Doe moved."; name_context(t, 34, 40)
        'Jo Doe ; a young journalist'
    """
    cb = codebook or load_codebook()
    lo = max(0, start - 120)
    before = text[lo:start]
    if before[-1:].isspace() and before.rstrip()[-1:] in _NICK_CLOSE:
        # "Robert Francis “Beto” O’Rourke": a nickname in quotes inside the name is no clause boundary (round 15)
        before = _NICKNAME_END.sub(r"\1", before)
    # cut at the last clause boundary (a full stop after an abbreviation such as "Sen." is no boundary)
    cut = _last_boundary_end(before)
    words = _CTX_TOKEN.findall(before[cut:])
    kept: list[str] = []
    stops = cb.stops()  # (memoised cb.is_stop)
    for i, w in enumerate(reversed(words)):
        if len(kept) >= cb.max_words_before:
            # "former New York City Chief Medical Examiner Jo Roe": a former word just past the cap still
            # makes the office a past one (round 13)
            if cb.former_words is not None:
                for w2 in list(reversed(words))[i:i + 3]:
                    if cb.is_stop(w2):
                        break
                    if cb.former_words.fullmatch(w2):
                        kept.append(w2)
                        break
            break
        stop = stops.get(w)
        if stop is None:
            stop = stops[w] = cb.is_stop(w)
        if stop:
            break
        kept.append(w)
    parts = [" ".join(list(reversed(kept)) + [text[start:end]])]
    pre = _pre_appositive(before)
    if pre:
        parts.append(pre)
    seg = before[cut:]
    # _NAMED_BEFORE ends with its keyword, white space and the end: check that cheaply first
    named = _NAMED_BEFORE.search(seg) if seg[-1:].isspace() and _NAMED_TAIL.search(seg.rstrip()[-16:]) else None
    if named:
        parts.append(named.group(1))  # "a young journalist named Jason DeParle"
    by = _BY_AUTHOR.search(before[cut:]) if "by " in before[cut:] else None
    if by and not _BY_GAP_VERB.search(by.group(2)):  # "a paper by Jo Roe", "an analysis in 1990 by X's Bo Li and Jo Roe", "a column by Jo Roe"
        parts.append(_BY_ROLE[by.group(1).lower()])
    m = _CTX_AFTER.match(text, end)
    if m:
        parts.append((m.group(1) or m.group(2)).strip())
    else:
        app = _appositive(text, end)
        if app and (any(c.islower() for c in app) or _ONE_TO_3_DIGITS.fullmatch(app)) and len(app.split()) <= 25:
            parts.append(app)
            if _NAMES_ORG.search(app):
                # "X, the head of World Relief, an evangelical non-profit ...": the organisation's own
                # appositive says what it is, when the codebook places it as a non-government
                # organisation ("a young man who was shot by police" is none; round 14)
                after = text.find(app, end) + len(app)
                org = _appositive(text, after) if after >= len(app) else None
                if org:  # the organisation's kind, not whom it serves: "a group | that represents Dreamers"
                    org = _ORG_CLAUSE.split(org, 1)[0]
                if org and _INDEFINITE_START.match(org) and any(c.islower() for c in org) \
                        and _first_rule(cb, Entity("org", org, "organisation"))[0] in _NON_GOVERNMENT:
                    parts.append(org)
    return " ; ".join(parts)


#: An appositive that names an organisation ("the head of World Relief") and an indefinite one after it
#: ("an evangelical non-profit"): read together by :func:`name_context` (round 14).
_NAMES_ORG = re.compile(r"\b(?:of|at|for|with|from)\s+(?:the\s+)?[A-Z]")
_ORG_CLAUSE = re.compile(r"\s(?:that|which|who|whose|where|with|for|of)\b|\s\w+ing\b")
_INDEFINITE_START = re.compile(r"(?:an?|one)\s", re.IGNORECASE)
