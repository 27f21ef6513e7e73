"""Corpus-wide speaker identity.

Within an article the extractor already resolves "Robert Bates", "Mr Bates",
"Bates" and "he" to one :class:`~newsvoices.extract.Entity`. This module gives
each entity an id that is stable across articles:

* people: the full name without titles ("Sen. Ted Cruz" = "Ted Cruz"), middle
  initials and suffixes, so the same person gets the same id everywhere;
* organisations: the name without case, punctuation, a leading "the" or a
  country qualifier ("U.S."), and the small words of/for/from, so "Centre for
  Migration Control" and "Centre from Migration Control" are one speaker; acronyms
  and nicknames from ``data/codebooks/org_aliases.csv`` ("ICE", "DHS");
* an unnamed spokesperson speaks for the organisation: "a Home Office
  spokesperson" gets the id of the Home Office;
* anonymous and unnamed sources stay distinct per article
  (``<article_id>#one-civil-servant``).

Titles come from ``data/codebooks/name_titles.txt``.

Example:
    >>> from newsvoices.extract import Entity
    >>> speaker_id(Entity("e1", "Sen. Ted Cruz"), "a1") == speaker_id(Entity("e9", "Ted Cruz"), "a2")
    True
    >>> speaker_id(Entity("e1", "Centre from Migration Control", kind="organisation"), "a1")
    'centre-migration-control'
    >>> speaker_id(Entity("e2", "a Home Office spokesperson", kind="anonymous", organisation="Home Office"), "a1")
    'home-office'
    >>> speaker_id(Entity("e3", "one civil servant", kind="anonymous"), "a1")
    'a1#one-civil-servant'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .config import DATA_DIR
from .extract import Entity

ALIASES_PATH = DATA_DIR / "codebooks" / "org_aliases.csv"
TITLES_PATH = DATA_DIR / "codebooks" / "name_titles.txt"

#: Words dropped from organisation keys.
_ORG_STOP = {"the", "of", "for", "from", "on", "and", "at", "in", "a", "an", "&"}
#: Leading country qualifiers dropped from organisation keys ("U.S. Border Patrol").
_ORG_QUALIFIERS = ("united states", "us", "u s", "uk", "british", "hm", "her majesty s", "his majesty s")
#: Heads written last or first ("Justice Department", "Department of Justice"): the key puts them first.
_ORG_HEADS_FIRST = frozenset({"department", "ministry"})
#: Words that make such a head part of a name only written one way ("Police Department", "Fire Department").
_ORG_HEAD_COMPOUNDS = frozenset({"police", "fire", "sheriff", "sheriffs", "law"})
_SPOKES = re.compile(r"\b(?:spokes(?:person|man|woman|people|persons)|press (?:office|officer|team)|representative)\b", re.I)
_UNNAMED = re.compile(r"^(?:a|an|the|one|another|two|three|several|some|its|their|his|her)\b", re.I)
_SUFFIX = re.compile(r"\s*,?\s+(?:jr|sr|ii|iii|iv|phd|md|qc|kc|esq)\.?$", re.I)


# compiled once (the module-level re functions look each pattern string up in re's cache per call)
_NON_WORD_RUN = re.compile(r"[^\w]+")
_POSSESSIVE_S = re.compile(r"'s\b")
_INITIAL_DOT = re.compile(r"(?<=\b\w)\.(?=\w\.)")
_WORD_RUN = re.compile(r"\w+")


def _ascii_fold(text: str) -> str:
    if text.isascii():
        return text  # NFKD leaves ASCII as it is
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)  # speaker ids of the same names recur across articles
def slug(text: str) -> str:
    """Lower-case, ascii-folded, hyphen-joined words: ``'Robert Bates'`` -> ``'robert-bates'``."""
    s = _NON_WORD_RUN.sub("-", _ascii_fold(text).lower().replace("’", "").replace("'", "")).strip("-_")
    return s or "unnamed"


def _words(text: str) -> list[str]:
    t = _ascii_fold(text).lower().replace("’", "'").replace("&", " and ")
    t = _POSSESSIVE_S.sub("", t)
    t = _INITIAL_DOT.sub("", t)  # U.S. -> US.
    return _WORD_RUN.findall(t.replace(".", " "))


@lru_cache(maxsize=4)
def _titles(path: str) -> tuple[tuple[str, ...], ...]:
    p = Path(path)
    if not p.is_file():
        return ()
    titles = []
    for line in p.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            titles.append(tuple(_words(line)))
    return tuple(sorted(set(titles), key=len, reverse=True))


@lru_cache(maxsize=4)
def _titles_by_length(path: str) -> tuple[tuple[int, frozenset[tuple[str, ...]]], ...]:
    """The titles of :func:`_titles` grouped by length, longest first (a set look-up per length)."""
    groups: dict[int, set[tuple[str, ...]]] = {}
    for t in _titles(path):
        groups.setdefault(len(t), set()).add(t)
    return tuple((n, frozenset(g)) for n, g in sorted(groups.items(), reverse=True))


@lru_cache(maxsize=4)
def _aliases(path: str) -> dict[str, str]:
    p = Path(path)
    if not p.is_file():
        return {}
    rows = [line for line in p.read_text(encoding="utf-8").splitlines() if line.strip() and not line.lstrip().startswith("#")]
    out = {}
    for n, row in enumerate(csv.DictReader(rows), 2):
        alias, canon = (row.get("alias") or "").strip(), (row.get("canonical") or "").strip()
        if not alias or not canon:
            raise ValueError(f"{p}: row {n}: need alias and canonical")
        out[_org_key_raw(alias)] = canon
    return out


def person_key(name: str) -> str:
    """Key for a person: no titles, middle initials, suffixes or case.

    Example:
        >>> person_key("Sen. Edward M. Kennedy Jr.")
        'edward kennedy'
        >>> person_key("Arizona Republican Sen. John McCain")
        'john mccain'
        >>> person_key("Sen. John McCain of Arizona")
        'john mccain'
    """
    return _person_key(name, str(TITLES_PATH))


@lru_cache(maxsize=65536)  # the same names recur across articles
def _person_key(name: str, titles_path: str) -> str:
    name = _SUFFIX.sub("", name.strip())
    words = _words(name)
    by_len = _titles_by_length(titles_path)
    # strip leading titles, the longest first ("Sen. Majority Leader", then "Sen.")
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        for n, group in by_len:
            if len(words) > n and tuple(words[:n]) in group:
                words = words[n:]
                stripped = True
                break
    # a title inside the name ends a premodifier: "Arizona Sen. John McCain", "Democratic
    # Senator Dick Durbin" -> the words after the last title
    cut = 0
    for i in range(1, len(words) - 1):
        for n, group in by_len:
            if i + n < len(words) and tuple(words[i:i + n]) in group:
                cut = max(cut, i + n)
    words = words[cut:]
    of = next((i for i in (2, 3) if i < len(words) - 1 and words[i] in ("of", "from")), None)
    if of is not None and words[0] in _first_names() and _premodifier_words().isdisjoint(words[:of]):
        # (a first name opens it, no organisation word before "of": not "Muslim Council of Britain")
        # round 21: "Sen. Marco Rubio of Florida", "Doug Williams of BT": the state or body after the name says
        # where the person is from and is no part of the name (the key was "marco rubio of florida")
        words = words[:of]
    first_names = _first_names()
    if len(words) > 2 and words[0] in _lead_words():
        # round 20: a function word opening a sentence before a full name ("Even Karl Rove", "Here Marc
        # Short") is no first name; a first name that is also one ("Will Hurd") stays
        while len(words) > 2 and words[0] in _lead_words() and words[0] not in first_names:
            words = words[1:]  # (to a full name only: "Of Sony" is no "Sony", whose voice it would change)
    if len(words) > 2 and words[0] not in first_names and words[-2] in first_names \
            and not _premodifier_words().isdisjoint(words[:-2]):
        # a name cut out of a longer run ("[Chief] of Police Jon Belmar", "New York Democrat Chuck
        # Schumer", "Apple CEO Tim Cook"): with a title, role, organisation or party word before a first
        # name, the person is the first name and the surname ("Cyntoia Denise Brown" stays whole)
        words = words[-2:]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


@lru_cache(maxsize=1)
def _lead_words() -> frozenset[str]:
    """Function words that open no proper name (``sentence_openers``, ``function_words.txt``)."""
    from .entities import sentence_openers

    return sentence_openers()


@lru_cache(maxsize=1)
def _premodifier_words() -> frozenset[str]:
    """Words that premodify a name but are no part of it: the function words that open no name, the
    title, role and organisation words of the lexicons and party labels (not place words: "San Pedro Sula")."""
    from .lexicon import load_lexicon

    lex = load_lexicon()
    return frozenset(_lead_words() | _title_vocabulary(str(TITLES_PATH)) | {w.lower() for w in lex.titles}
                     | {w.lower() for w in lex.roles} | {w.lower() for w in lex.org_words}
                     | {"democrat", "democratic", "republican", "democrats", "republicans", "gop"})


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from .entities import gender_words

    return frozenset(gender_words(names=True))


def _org_key_raw(name: str) -> str:
    words = _words(name)
    while words and words[0] in ("the",):
        words = words[1:]
    joined = " ".join(words)
    for q in _ORG_QUALIFIERS:
        if joined.startswith(q + " ") and len(joined) > len(q) + 1:
            joined = joined[len(q) + 1:]
            break
    words = [w for w in joined.split() if w not in _ORG_STOP]
    words = [{"centre": "centre", "center": "centre", "organization": "organisation",
              "defense": "defence", "labor": "labour"}.get(w, w) for w in words]
    if len(words) > 1 and words[-1] in _ORG_HEADS_FIRST and words[-2] not in _ORG_HEAD_COMPOUNDS:
        # round 20: "Homeland Security Department" = "Department of Homeland Security", "Defense Ministry"
        # = "Ministry of Defence" (not "Chicago Police Department": no "Department of Chicago Police")
        words = [words[-1]] + words[:-1]
    return " ".join(words)


def org_key(name: str) -> str:
    """Key for an organisation, resolving aliases.

    Example:
        >>> org_key("U.S. Immigration and Customs Enforcement") == org_key("ICE")
        True
        >>> org_key("the Center for Migration Control") == org_key("Centre from Migration Control")
        True
    """
    return _org_key(name, str(ALIASES_PATH))


@lru_cache(maxsize=65536)
def _org_key(name: str, aliases_path: str) -> str:
    key = _org_key_raw(name)
    canon = _aliases(aliases_path).get(key)
    return _org_key_raw(canon) if canon else key


def speaks_for(entity: Entity) -> str | None:
    """The organisation an unnamed spokesperson speaks for, else ``None``."""
    org = (entity.organisation or "").strip()
    if not org:
        return None
    text = f"{entity.name or ''} {entity.description or ''}"
    unnamed = entity.kind in ("anonymous", "group") or bool(_UNNAMED.match(entity.name or ""))
    if unnamed and _SPOKES.search(text):
        return org
    return None


def speaker_id(entity: Entity, article_id: str) -> str:
    """Corpus-wide id for an entity of article ``article_id``.

    Named people and organisations share an id across articles; an unnamed
    spokesperson takes the id of its organisation; other anonymous and unnamed
    sources stay distinct per article.
    """
    sid = _corpus_id(entity.kind, entity.name, entity.description, entity.organisation,
                     str(TITLES_PATH), str(ALIASES_PATH))
    return sid if sid is not None else f"{article_id}#{slug(entity.name)}"


@lru_cache(maxsize=65536)  # the same speakers recur across articles
def _corpus_id(kind: str | None, name: str | None, description: str | None, organisation: str | None,
               _titles: str, _aliases: str) -> str | None:
    """The corpus-wide id of :func:`speaker_id` (it depends only on these fields and the two
    rule files), else None."""
    entity = Entity("", name, kind, description, organisation)
    org = speaks_for(entity)
    if org:
        return slug(org_key(org))
    if entity.kind == "organisation":
        return slug(org_key(entity.name))
    if entity.kind == "person" and not _UNNAMED.match(entity.name or ""):
        return slug(person_key(entity.name))
    return None


@lru_cache(maxsize=4)
def _title_vocabulary(path: str) -> frozenset[str]:
    """Every word of the titles file ("attorney", "general", "sen", "sheriff")."""
    return frozenset(w for t in _titles(path) for w in t)


#: Words before a surname that say nothing about who it is: honorifics any person takes, and the
#: first word of place names ("St. Paul", "San Diego").
_WEAK_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mister", "dr", "st", "saint", "san", "santa", "ste", "fort", "mount", "mt", "port", "new"})


class SurnameMerge:
    """Corpus-level identity: a person quoted by surname alone takes the id of the full name the
    corpus itself uses that surname for.

    Within an article the extractor resolves "Trump" to "Donald Trump" when both appear; an article
    that only ever says "President Trump" gives the speaker id ``trump``, which would make "Trump" and
    "Donald Trump" two speakers of the corpus. The evidence is the corpus's own coreference: the
    ``surname`` mentions of the mentions table, where an article named a person in full and then
    by the surname alone. A surname stands for one full name when at least ``min_articles`` articles
    used it for that full name and at least ``min_share`` of the articles that used it for any full
    name used it for this one ("Clinton", for Hillary and Bill Clinton, stands for nobody), and the
    full name looks like a person's: its first word is a first name of
    ``data/lexicons/first_names_gender.tsv`` or some article put a title before the surname
    ("President Obama"), so "House" never stands for "White House".

    A surname-only person speaker then takes the full-name id when its own article calls it by a
    title the corpus uses for that person ("Sheriff Israel", "Sen. Paul"; honorifics such as "Mr."
    and place words such as "St." do not count), or, with no such title, when the surname is the
    full name's almost always (``strong_share`` of at least ``strong_articles`` articles: "Trump",
    "Obama"). So "Wilson said" in an article about Tucson does not become the Ferguson officer
    Darren Wilson, and "St. Paul" never becomes Rand Paul. An article that already has the
    full-name speaker keeps its surname-only row as it is.

    Usage (streaming, so the tables can be read part by part): :meth:`count` every mention row and
    :meth:`decide`; :meth:`note` every mention row again; then :meth:`target` gives a speaker
    row's new id or None.

    Example:
        >>> m = SurnameMerge(min_articles=2)
        >>> for a in ("a1", "a2"):
        ...     m.count({"article_id": a, "entity_id": "ada-quell", "text": "Sen. Quell", "mention_kind": "surname"})
        >>> m.decide()
        >>> m.note({"article_id": "a3", "entity_id": "quell", "text": "Sen. Quell", "mention_kind": "name"})
        >>> m.target({"article_id": "a3", "speaker_id": "quell", "kind": "person"}, set())
        'ada-quell'
    """

    def __init__(self, min_articles: int = 2, min_share: float = 0.75, strong_articles: int = 20,
                 strong_share: float = 0.9):
        from collections import Counter, defaultdict

        self.min_articles, self.min_share = min_articles, min_share
        self.strong_articles, self.strong_share = strong_articles, strong_share
        self._seen: set[tuple[str, str]] = set()
        self._evidence: dict[str, Counter] = defaultdict(Counter)
        self._titles: dict[str, set[str]] = defaultdict(set)
        self.full: dict[str, str] = {}
        self.strong: set[str] = set()
        self.titles: dict[str, frozenset[str]] = {}
        self._article_titles: dict[tuple[str, str], set[str]] = defaultdict(set)

    @staticmethod
    def _title_words(text: str) -> list[str]:
        """The title words before the surname of a mention ("Attorney General Sessions" -> attorney,
        general): words of ``data/codebooks/name_titles.txt``, not premodifiers ("Trump White House")."""
        words = _title_vocabulary(str(TITLES_PATH))
        return [w for w in _words(text)[:-1] if w in words]

    def count(self, r: dict) -> None:
        """Pass 1: a ``surname`` mention of a full-name person is evidence for its surname; the
        titles before the surname in its name and surname mentions are the person's titles."""
        kind = r.get("mention_kind")
        if kind not in ("surname", "name"):
            return
        eid, text = r.get("entity_id"), r.get("text")
        if not isinstance(eid, str) or not isinstance(text, str) or "#" in eid or "-" not in eid:
            return
        if kind == "name":
            words = _words(text)
            if len(words) > 2 and words[-1] == eid.rsplit("-", 1)[1]:
                self._titles[eid].update(self._title_words(text))  # "Sheriff Scott Israel" -> sheriff
            return
        s = slug(person_key(text))
        if "-" in s or not eid.endswith("-" + s):
            return
        self._titles[eid].update(self._title_words(text))  # "President Obama", "Mr. Bates"
        seen = (str(r.get("article_id")), eid)
        if seen not in self._seen:
            self._seen.add(seen)
            self._evidence[s][eid] += 1

    def decide(self) -> None:
        """After pass 1: the full-name id each surname stands for, where the corpus agrees."""
        from .entities import gender_words

        first_names = gender_words(names=True)
        for s in sorted(self._evidence):
            cnt = self._evidence[s]
            eid, n = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            share = n / sum(cnt.values())
            titles = frozenset(self._titles.get(eid, ())) - _WEAK_TITLES
            person_like = eid.split("-", 1)[0] in first_names or bool(titles)
            if person_like and n >= self.min_articles and share >= self.min_share:
                self.full[s] = eid
                self.titles[eid] = titles
                if n >= self.strong_articles and share >= self.strong_share:
                    self.strong.add(s)
        self._seen.clear()
        self._evidence.clear()
        self._titles.clear()

    def note(self, r: dict) -> None:
        """Pass 2: the titles a surname-only entity is called by in its own article."""
        eid, text = r.get("entity_id"), r.get("text")
        if isinstance(eid, str) and eid in self.full and isinstance(text, str):
            words = self._title_words(text)
            if words:
                self._article_titles[(str(r.get("article_id")), eid)].update(words)

    def target(self, r: dict, article_ids: set[str]) -> str | None:
        """Pass 3: the new speaker id of a speaker row, or None. ``article_ids`` are the ids of
        the speakers of the row's article (the row keeps its id if the full name is among them)."""
        sid = r.get("speaker_id")
        if r.get("kind") != "person" or not isinstance(sid, str) or "-" in sid or "#" in sid:
            return None
        new = self.full.get(sid)
        if new is None or new in article_ids:
            return None
        if sid in self.strong or self._article_titles.get((str(r.get("article_id")), sid), set()) & self.titles[new]:
            return new
        return None


def merge_surnames(speakers: list[dict], quotes: list[dict], mentions: list[dict],
                   merge: SurnameMerge | None = None) -> int:
    """Apply :class:`SurnameMerge` in place to the speaker, quote and mention rows of a whole corpus.

    Returns:
        The number of speaker rows whose id changed.
    """
    m = merge or SurnameMerge()
    for r in mentions:
        m.count(r)
    m.decide()
    if not m.full:
        return 0
    for r in mentions:
        m.note(r)
    by_article: dict[str, set[str]] = {}
    for r in speakers:
        by_article.setdefault(r.get("article_id"), set()).add(r.get("speaker_id"))
    fix: dict[tuple, str] = {}
    for r in speakers:
        new = m.target(r, by_article.get(r.get("article_id"), set()))
        if new is not None:
            fix[(r.get("article_id"), r.get("speaker_id"))] = new
    for r in speakers:
        new = fix.get((r.get("article_id"), r.get("speaker_id")))
        if new is not None:
            r["speaker_id"] = new
    for r in quotes:
        new = fix.get((r.get("article_id"), r.get("speaker_id")))
        if new is not None:
            r["speaker_id"] = new
    for r in mentions:  # the same entity's mentions, so "discussed but not quoted" agrees
        new = fix.get((r.get("article_id"), r.get("entity_id")))
        if new is not None:
            r["entity_id"] = new
    return len(fix)
