"""Word lists for quotation extraction and attribution, read from ``data/lexicons/``.

Every rule word (reporting verbs, titles, role nouns, organisation words ...)
lives in a plain text file a researcher can edit; this module only reads them.
Lines starting with ``#`` and blank lines are ignored.

Example:
    >>> lex = load_lexicon()
    >>> lex.speech_verbs["said"]
    'say'
    >>> "spokesperson" in lex.roles
    True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .config import DATA_DIR

LEXICON_DIR = DATA_DIR / "lexicons"


def _lines(name: str, directory: Path | None = None) -> list[str]:
    """Non-comment, non-blank lines of a lexicon file (stripped)."""
    path = (directory or LEXICON_DIR) / name
    if not path.is_file():
        raise ValueError(f"{path}: lexicon file is missing")
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def _verb_forms(name: str, directory: Path | None) -> dict[str, str]:
    forms: dict[str, str] = {}
    for line in _lines(name, directory):
        words = [w.replace("_", " ") for w in line.lower().split()]
        for w in words:
            forms.setdefault(w, words[0])
    return forms


@dataclass(frozen=True)
class Lexicon:
    """All word lists used by the extractor (lower-cased unless noted).

    Attributes:
        speech_verbs: inflected form -> lemma, verbs of saying/writing.
        belief_verbs: inflected form -> lemma, verbs of believing/finding (reported speech only).
        titles: honorifics before names (lower case, no full stop).
        roles: role nouns, singular and plural, single- and multi-word.
        plural_roles: the plural forms among ``roles``.
        org_words: words that end an organisation name (as written, capitalised).
        org_first_words: words that start an organisation name.
        function_words: words that end a noun phrase (lower case).
        closed_words: the function words that are never part of a capitalised name.
        run_openers: prepositions tagged ``opener`` in ``function_words.txt``: capitalised at the front of
            a name run they open the sentence, not the name ("Despite Kelly's objections"); they are no
            function words otherwise ("said despite the vote" still reports). Round 20.
        pronouns: category (person/group/self) -> pronouns.
        determiners: determiner -> "definite" or "indefinite".
        non_names: capitalised words that are never part of a person's name.
        abbreviations: abbreviations whose full stop does not end a sentence.
        gap_words: words allowed between a speaker and the reporting verb.
        speech_nouns: phrases like "in a statement" that extend a cue.
        source_nouns: lower-case nouns that can be a source ("report", "study").
        stance_verbs: inflected form -> lemma, verbs of stance or intention (reported speech only).
        verb_frames: lemma -> complements that carry the reported content (see verb_frames.tsv).
        claim_nouns: noun -> complements after a possessive ("her claim that ...", claim_nouns.tsv).
        reported_speech: word lists of reported_speech.yaml (clause openers, relative words,
            group subjects, object-predicate verbs).
        places: multi-word place names that are not people ("Las Vegas").
        non_sources: tag (``head``, ``name``, ``time``) -> words of ``non_sources.tsv``, the one
            list of words that tell a speaker phrase is no source (see :func:`read_non_sources`).
        direct_quotes: word lists of ``direct_quotes.yaml`` (cues used only next to direct
            quotations; empty when the file is absent).
    """

    speech_verbs: dict[str, str]
    belief_verbs: dict[str, str]
    titles: frozenset[str]
    roles: frozenset[str]
    plural_roles: frozenset[str]
    org_words: frozenset[str]
    org_first_words: frozenset[str]
    function_words: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    determiners: dict[str, str]
    non_names: frozenset[str]
    abbreviations: frozenset[str]
    gap_words: frozenset[str]
    speech_nouns: tuple[str, ...]
    source_nouns: frozenset[str]
    stance_verbs: dict[str, str] = field(default_factory=dict)
    places: frozenset[str] = field(default=frozenset())
    non_person_heads: frozenset[str] = field(default=frozenset())
    verb_frames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    closed_words: frozenset[str] = field(default=frozenset())
    run_openers: frozenset[str] = field(default=frozenset())
    role_words: frozenset[str] = field(default=frozenset())
    claim_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reported_speech: dict = field(default_factory=dict)
    non_sources: dict[str, frozenset[str]] = field(default_factory=dict)
    direct_quotes: dict = field(default_factory=dict)

    @property
    def all_pronouns(self) -> frozenset[str]:
        """Every pronoun of every category."""
        return frozenset().union(*self.pronouns.values())


@functools.lru_cache(maxsize=4)
def _frames(name: str, d) -> dict[str, tuple[str, ...]]:
    """A ``word<TAB>frame,frame`` table (verb_frames.tsv, claim_nouns.tsv)."""
    frames: dict[str, tuple[str, ...]] = {}
    for line in _lines(name, d):
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{d / name}: bad line {line!r} (want: word<TAB>frame,frame)")
        frames[parts[0].strip().lower()] = tuple(f.strip() for f in parts[1].split(",") if f.strip())
    return frames


@functools.lru_cache(maxsize=4)  # read once: can_be_source and name contexts ask per quote / article
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Read every lexicon file (cached; ``load_lexicon.cache_clear()`` after editing them).

    Args:
        directory: folder with the files; default ``DATA_DIR / "lexicons"``.

    Raises:
        ValueError: when a file is missing or malformed (the message names the file).
    """
    d = Path(directory) if directory else LEXICON_DIR
    roles: set[str] = set()
    plural: set[str] = set()
    for line in _lines("role_nouns.txt", d):
        parts = [p.strip().lower() for p in line.split("|")]
        roles.update(p for p in parts if p)
        plural.update(p for p in parts[1:] if p)
    with (d / "pronouns.yaml").open(encoding="utf-8") as f:
        pron = yaml.safe_load(f)
    if not isinstance(pron, dict):
        raise ValueError(f"{d / 'pronouns.yaml'}: expected a mapping category -> list of pronouns")
    determiners = {}
    for line in _lines("determiners.txt", d):
        parts = line.split()
        if len(parts) != 2 or parts[1] not in ("definite", "indefinite"):
            raise ValueError(f"{d / 'determiners.txt'}: bad line {line!r} (want: word<TAB>definite|indefinite)")
        determiners[parts[0].lower()] = parts[1]
    role_words = {w for r in roles for w in r.split()}
    frames = _frames("verb_frames.tsv", d)
    return Lexicon(
        speech_verbs=_verb_forms("speech_verbs.txt", d),
        belief_verbs=_verb_forms("belief_verbs.txt", d),
        titles=frozenset(w.lower().rstrip(".") for w in _lines("titles.txt", d)),
        roles=frozenset(roles),
        plural_roles=frozenset(plural),
        org_words=frozenset(_lines("org_words.txt", d)),
        org_first_words=frozenset(_lines("org_first_words.txt", d)),
        function_words=frozenset(w.split()[0].lower() for w in _lines("function_words.txt", d)
                                 if "opener" not in w.split()[1:]),
        closed_words=frozenset(w.split()[0].lower() for w in _lines("function_words.txt", d)
                               if "name-ok" not in w.split()[1:] and "opener" not in w.split()[1:]),
        run_openers=frozenset(w.split()[0].lower() for w in _lines("function_words.txt", d)
                              if "opener" in w.split()[1:]),
        pronouns={k: frozenset(str(w).lower() for w in v) for k, v in pron.items()},
        determiners=determiners,
        non_names=frozenset(_lines("non_names.txt", d)),
        abbreviations=frozenset(_lines("abbreviations.txt", d)),
        gap_words=frozenset(w.lower() for w in _lines("verb_gap_words.txt", d)),
        speech_nouns=tuple(w.lower() for w in _lines("speech_nouns.txt", d)),
        source_nouns=frozenset(w.lower() for w in _lines("source_nouns.txt", d)),
        stance_verbs=_verb_forms("stance_verbs.txt", d),
        places=frozenset(_lines("places.txt", d)),
        non_person_heads=frozenset(_lines("non_person_heads.txt", d)),
        verb_frames=frames,
        role_words=frozenset(role_words),
        claim_nouns=_frames("claim_nouns.tsv", d),
        reported_speech=_yaml_lists("reported_speech.yaml", d),
        non_sources=read_non_sources(str(d / NON_SOURCES_FILE)),
        direct_quotes=_yaml_lists("direct_quotes.yaml", d) if (d / "direct_quotes.yaml").is_file() else {},
    )


#: The one list of non-source words (read by ``entities.can_be_source`` and by ``attribution``).
NON_SOURCES_FILE = "non_sources.tsv"
NON_SOURCE_TAGS = ("head", "name", "time", "suffix", "caption", "name_head", "modifier")


def iter_tagged_lines(path: str | Path, tags: tuple[str, ...], what: str = "word",
                      fold_apostrophe: bool = True):
    """``(line number, entry, tag)`` of each line of an ``entry<TAB>tag`` word list, entry lower-cased.

    Blank lines and ``#`` comments are skipped; a missing file yields nothing. With
    ``fold_apostrophe`` a curly apostrophe is read as a straight one.

    Raises:
        ValueError: naming the file and line of a malformed line or an unknown tag.
    """
    p = Path(path)
    if not p.is_file():
        return
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [x.strip() for x in line.split("\t")]
        if len(parts) != 2 or not parts[0] or parts[1] not in tags:
            raise ValueError(f"{p}:{n}: want {what}<TAB>{'|'.join(tags)}, got {line!r}")
        entry = parts[0].lower()
        yield n, (entry.replace("\u2019", "'") if fold_apostrophe else entry), parts[1]


def read_tagged_lines(path: str | Path, tags: tuple[str, ...], what: str = "word",
                      fold_apostrophe: bool = True) -> dict[str, list[str]]:
    """Entries of an ``entry<TAB>tag`` word list per tag, in file order (see :func:`iter_tagged_lines`)."""
    out: dict[str, list[str]] = {t: [] for t in tags}
    for _n, entry, tag in iter_tagged_lines(path, tags, what, fold_apostrophe):
        out[tag].append(entry)
    return out


@functools.lru_cache(maxsize=4)
def read_non_sources(path: str) -> dict[str, frozenset[str]]:
    """The ``word<TAB>head|name|time|suffix|caption|name_head|modifier`` lines of ``non_sources.tsv``, by tag (lower case,
    straight apostrophes); a missing file gives empty sets.

    Raises:
        ValueError: naming the file and line of a malformed line.

    Example:
        >>> ns = read_non_sources(str(LEXICON_DIR / NON_SOURCES_FILE))
        >>> "portion" in ns["head"], "her" in ns["name"], "october" in ns["time"]
        (True, True, True)
    """
    return {t: frozenset(v) for t, v in read_tagged_lines(path, NON_SOURCE_TAGS).items()}


#: The words that may head an unnamed speaker phrase (read by ``entities.can_be_source``).
SOURCE_HEADS_FILE = "source_heads.tsv"
SOURCE_HEAD_TAGS = ("person", "quantifier", "document", "instrument")


@functools.lru_cache(maxsize=4)
def read_source_heads(path: str) -> dict[str, str]:
    """``{word: tag}`` of ``source_heads.tsv`` (``word<TAB>person|quantifier|document|instrument``;
    lower case, straight apostrophes); a missing file gives an empty mapping.

    Raises:
        ValueError: naming the file and line of a malformed line or a word listed twice.

    Example:
        >>> heads = read_source_heads(str(LEXICON_DIR / SOURCE_HEADS_FILE))
        >>> heads["residents"], heads["others"], heads["statement"], heads["bill"]
        ('person', 'quantifier', 'document', 'instrument')
    """
    out: dict[str, str] = {}
    for n, word, tag in iter_tagged_lines(path, SOURCE_HEAD_TAGS):
        if word in out:
            raise ValueError(f"{path}:{n}: {word!r} is listed twice")
        out[word] = tag
    return out


def _yaml_lists(name: str, d: Path) -> dict:
    """A YAML mapping of lists (or of a nested word -> value mapping), words lower-cased."""
    path = d / name
    if not path.is_file():
        raise ValueError(f"{path}: lexicon file is missing")
    with path.open(encoding="utf-8") as f:
        raw = yaml.safe_load(f) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping of lists")
    out: dict = {}
    for key, val in raw.items():
        if isinstance(val, list):
            odd = [w for w in val if isinstance(w, bool)]
            if odd:  # YAML reads bare on/off/yes/no as booleans
                raise ValueError(f"{path}: {key!r} holds {odd[0]!r}: quote words like \"on\" and \"no\"")
            out[key] = frozenset(str(w).lower() for w in val)
        elif isinstance(val, dict):
            out[key] = {str(k).lower(): str(v).lower() for k, v in val.items()}
        else:
            raise ValueError(f"{path}: {key!r} must be a list or a mapping")
    return out
