"""Names of people and organisations from capitalisation, titles and word lists.

No trained model: a name is a run of capitalised words (with "of", "for",
"from"... between them, initials and titles such as "Sen." allowed). A run is

* an **organisation** when its last word is an organisation word ("Home Office",
  "Centre for Migration Control", "GB News") or its first word opens one
  ("Department of Justice"), or when "the" precedes it and an organisation
  word follows it ("the Lotus Eaters podcast");
* a **person** when a title precedes it ("Mr Bates"), or it has two to four
  plain capitalised words and no "the" before it ("Jess Phillips");
* otherwise a single word that may later turn out to be a person: a known
  person's surname or first name ("Phillips"), or the subject of a reporting verb.

Sentence-initial words that the article also uses in lower case ("Last year")
and function words ("However") are dropped from the front of a run. A photo
credit ("(Jo Roe/Reuters)", "Photo: Jo Roe") and the rest of a run opened by a
subject pronoun (a title: "We Wanted Workers") are kind ``other``, never a speaker.

Example:
    >>> text = "Jess Phillips met the Home Office. Phillips said little."
    >>> [(r.text, r.kind) for r in find_name_runs(text, [(0, len(text))])]
    [('Jess Phillips', 'person'), ('Home Office', 'organisation'), ('Phillips', 'single')]
"""

from __future__ import annotations

import dataclasses

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .config import DATA_DIR
from .lexicon import (
    NON_SOURCES_FILE,
    SOURCE_HEADS_FILE,
    Lexicon,
    iter_tagged_lines,
    load_lexicon,
    read_non_sources,
    read_source_heads,
    read_tagged_lines,
)

_APOS = "\u2019'"
_CONNECTORS = ("of", "for", "from", "the", "and", "de", "van", "von", "der", "la", "le", "da", "du", "al", "bin", "&")


def _name_regex(lex: Lexicon) -> re.Pattern:
    """Runs of capitalised words, initials and dotted abbreviations, with connectors between.

    The first character is matched before the look-behind so that the regex
    engine can skip quickly to capital letters. A word may end with a full stop
    ("Sen.", "Washington."); :meth:`NameFinder.runs` splits a run after a full
    stop that is not a title, an abbreviation or an initial.
    """
    cap = "A-Z\u00c0-\u00de"
    # (the rest of a word as word-character runs joined by runs of joiners, taken possessively, ASCII word
    # characters listed before \w: the same matches as (?:[\w\u2019'\-]*\w)?\.? with fewer steps; a test fuzzes it)
    word_rest = r"[0-9A-Za-z_\w]*+(?:[\u2019'\-]++[0-9A-Za-z_\w]++)*+\.?"
    tok = rf"(?:[A-Z]\.(?:[A-Z]\.)*|[{cap}]{word_rest})"
    conn = "|".join(re.escape(c) for c in _CONNECTORS)
    first = rf"[{cap}](?<![\w\u2019'\-.][{cap}])(?:\.(?:[A-Z]\.)*|{word_rest})"
    return re.compile(rf"{first}(?:[ \u00a0]+(?:(?:{conn})[ \u00a0]+){{0,2}}{tok})*")


#: Abbreviations that open a place name, never a person's title ("St. Louis", "Ft. Worth").
_PLACE_ABBREVS = frozenset({"St", "Ste", "Ft", "Mt"})


@dataclass(slots=True)
class NameRun:
    """A capitalised name in the text.

    Attributes:
        start, end: the name without title or possessive ending ("Bates" of "Mr Bates's").
        text: ``text[start:end]``.
        kind: ``person``, ``organisation``, ``single`` (one word, undecided) or ``other``.
        title: the title before the name, if any ("Mr", "Sen.").
        mention_start: where the mention begins, title included.
        after_the: whether "the" stands right before the run.
        role_before: a role phrase right before the name ("permanent secretary").
    """

    start: int
    end: int
    text: str
    kind: str
    title: str | None = None
    mention_start: int = -1
    after_the: bool = False
    role_before: str | None = None

    @property
    def words(self) -> list[str]:
        return self.text.split()


class NameFinder:
    """Compiled patterns for one lexicon (build once, reuse for every article)."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or load_lexicon()
        self.name_re = _name_regex(self.lex)
        self.lower_re = re.compile(r"(?<![\w\u2019'])[a-z][a-z\u2019'\-]*")
        self.titles = self.lex.titles
        self.org_words = self.lex.org_words
        self.org_words_lower = frozenset(w.lower() for w in self.lex.org_words)
        self.org_first = self.lex.org_first_words
        self.function_words = self.lex.function_words
        self.closed = self.lex.closed_words
        self.run_openers = self.lex.run_openers
        self.role_words = self.lex.role_words
        self.non_names = self.lex.non_names
        self.pronouns = self.lex.all_pronouns
        self.abbrev = self.lex.abbreviations
        self.captions = self.lex.non_sources.get("caption", frozenset())
        self.modifiers = self.lex.non_sources.get("modifier", frozenset())
        self.times = self.lex.non_sources.get("time", frozenset())
        self.demonyms = demonyms()
        self.common_heads = self.lex.non_sources.get("head", frozenset())

    def runs(self, text: str, paragraphs: list[tuple[int, int]], lower_vocab=None
             ) -> list[NameRun]:
        """All name runs of ``text`` in order."""
        if lower_vocab is None:
            lower_vocab = LowerWords(text)
        out: list[NameRun] = []
        closed = self.closed
        pronouns = self.pronouns
        for lo, hi in paragraphs:
            title_case = None
            skip = -1
            for m in self.name_re.finditer(text, lo, hi):
                run = m.group()
                s = m.start()
                if s < skip:
                    continue
                joined = self._plural_possessive_org(text, m, hi)
                if joined is not None:
                    # round 21: "Building and Wood Workers' International": a plural possessive inside an
                    # organisation's name (the regex ends a run at the apostrophe)
                    skip = joined[-1][1]
                    if title_case is None:
                        title_case = _is_title_case(text[lo:hi])
                    self._classify(text, joined, lo, lower_vocab, title_case, out)
                    continue
                if " " not in run and "\u00a0" not in run:
                    wl = run.rstrip(".").lower()
                    if wl in closed or wl in pronouns:
                        continue
                    # (the cheap sentence-start test first: the lower-case lookup searches the text)
                    initial = _sentence_initial(text, s, lo)
                    if initial and wl in lower_vocab:
                        continue
                    if initial and self._modifier_of_plural_role(text, m.end(), hi):
                        continue  # "Immigrant advocates said": a modifier, not a name
                    r = self._single(text, s, run)
                    if r is not None:
                        out.append(r)
                    continue
                else:
                    toks = _split_tokens(run, s)
                if title_case is None:
                    title_case = _is_title_case(text[lo:hi])
                self._classify(text, toks, lo, lower_vocab, title_case, out)
        return out

    # ------------------------------------------------------------------ helpers
    def _plural_possessive_org(self, text: str, m: re.Match, hi: int) -> list[tuple[int, int, str]] | None:
        """The tokens of the run ``m``, its plural possessive ending ("Workers'") and the run right after it,
        when that run ends with an organisation word ("Building and Wood Workers' International", "Veterans'
        Association"); None otherwise."""
        e = m.end()
        if e + 2 >= hi or text[e] not in _APOS or text[e - 1] != "s" or text[e + 1] not in " \u00a0":
            return None
        m2 = self.name_re.match(text, e + 2, hi)
        if m2 is None:
            return None
        after = _split_tokens(m2.group(), m2.start())
        k = next((i for i, t in enumerate(after) if t[2].endswith(".") and len(t[2]) > 2), len(after) - 1)
        if _strip_pos(after[k][2].rstrip(".")) not in self.org_words:  # (up to a full stop: "Workers' Party. The")
            return None
        toks = _split_tokens(m.group(), m.start())
        a, _b, w = toks[-1]
        toks[-1] = (a, e + 1, w + text[e])
        return toks + after

    def _modifier_of_plural_role(self, text: str, e: int, hi: int) -> bool:
        """Whether a lower-case plural role noun ("advocates", "officials") follows offset ``e``."""
        if e >= hi or text[e] not in " \u00a0":
            return False
        j = e + 1
        k = j
        while k < hi and (text[k].isalpha() or text[k] == "-"):
            k += 1
        w = text[j:k]
        return bool(w) and w[0].islower() and w in self.lex.plural_roles

    def _single(self, text: str, s: int, run: str) -> NameRun | None:
        """Classify a one-word run (the common case) without the general machinery."""
        w = run
        if w.endswith(".") and len(w) > 1:
            w = w[:-1]
        w = _strip_pos(w)
        if not w or w in self.non_names or w.lower() in self.titles:
            return None
        if w in self.org_words:
            kind = "organisation"
        elif len(w) > 1 and w.isupper():
            if re.match(r"[ \u00a0]\d", text[s + len(w):s + len(w) + 2]):
                return None  # "SB 54", "AB 450": a bill or code number, not an organisation
            kind = "acronym"
        else:
            kind = "single"
        return NameRun(s, s + len(w), w, kind, None, s, False, None)

    def _classify(self, text: str, toks, lo: int, lower_vocab, title_case: bool,
                  out: list[NameRun]) -> None:
        # split after a full stop that ends a sentence ("in Washington. He said")
        parts: list[list[tuple[int, int, str]]] = [[]]
        for t in toks:
            w = t[2]
            if w.endswith(".") and len(w) > 1:
                base = w[:-1]
                if base.lower() in self.titles or base in self.abbrev or "." in base or len(base) == 1:
                    parts[-1].append(t)
                else:
                    parts[-1].append((t[0], t[1] - 1, base))
                    parts.append([])
            else:
                parts[-1].append(t)
        if len(parts) > 1:
            for part in parts:
                if part:
                    self._classify(text, part, lo, lower_vocab, title_case, out)
            return
        # split on "and"/"&" unless the whole run is one organisation name
        parts = [[]]
        for t in toks:
            if t[2] in ("and", "&"):
                parts.append([])
            else:
                parts[-1].append(t)
        if len(parts) > 1:
            last = parts[-1][-1][2] if parts[-1] else ""
            before_last = parts[-2][-1][2] if parts[-2] else ""
            if _strip_pos(last) in self.org_words and _strip_pos(before_last) not in self.org_words:
                parts = [toks]
        for k, part in enumerate(parts):
            if part:
                self._classify_part(text, part, lo, lower_vocab, title_case, out, first=(k == 0))

    def _classify_part(self, text, toks, lo, lower_vocab, title_case, out, first: bool, after_owner: bool = False
                       ) -> None:
        # drop function words / sentence-initial common words / connectors at the front
        title = None
        mention_start = None
        pronoun_opened = False
        office_of = False  # a title then a connector: "Senator from Florida", "President of Mexico"
        n_dropped = int(after_owner)  # words dropped at the front: modifiers, openers ("Former", "Yet"), an owner
        while toks:
            w = toks[0][2]
            wl = w.lower()
            if wl in _CONNECTORS and w.islower():
                office_of = office_of or title is not None
                toks = toks[1:]
                continue
            if w.endswith(".") and len(toks) > 1 and w[:-1].lower() not in self.titles:
                pass
            if wl in self.closed or wl in self.pronouns or (wl in self.run_openers and w.istitle() and len(toks) > 1):
                # (round 20: "Despite Kelly's objections": a preposition opening the sentence, not the name)
                if wl in _SUBJECT_PRONOUNS and len(toks) > 2 and (w == "I" or w.istitle()) and title is None:
                    pronoun_opened = True  # "We Wanted Workers": a title after a subject pronoun (two words, "He Jiankui", stay a name)
                toks = toks[1:]
                continue
            if w.isupper() and len(toks) > 1 and wl.strip(".:") in self.captions:
                toks = toks[1:]  # "MUST WATCH Joyce Mitchell": a video caption before the name
                continue
            if len(toks) > 1 and title is None and w[:1].isupper() and wl in self.modifiers:
                # "Former Rep. Jo Roe", "Top Republicans": an adjective before the name, not part of it
                toks = toks[1:]
                n_dropped += 1
                continue
            if title is None and len(toks) > 2 and toks[1][2].lower().strip(".:") in _CREDIT_WORDS \
                    and toks[1][2][:1].isupper() and toks[0][2].isupper() and len(toks[0][2]) > 1:
                # round 21: "AP Photos Schumer", "AP Photo Immigration Trump": an agency's photo credit glued to the
                # name or the caption after it; the name is what follows
                toks = toks[2:]
                n_dropped += 2
                continue
            if title is None and len(toks) > 2 and w[:1].isupper():
                k = self._demonym_prefix([t[2] for t in toks])
                if k and self._person_after_demonym(text, [t[2] for t in toks[k:]], lower_vocab):
                    # round 21: "Russian Svetlana Kuznetsova", "Swede Joachim Johansson", "African American Terence
                    # Crutcher": a nationality before the name describes the person and is no part of the name
                    toks = toks[k:]
                    n_dropped += k
                    continue
            base = w.rstrip(".")
            if (base.lower() in self.titles or (w.endswith(".") and base in self.abbrev)) and len(toks) > 1 \
                    and title is None and base not in _PLACE_ABBREVS \
                    and not (not w.endswith(".") and _strip_pos(toks[-1][2]) in self.org_words):
                # (not "St. Louis", a place; not "Justice Department", an organisation named with a title word)
                title = base
                mention_start = toks[0][0]
                toks = toks[1:]
                continue
            if title is not None and base.lower() in self.titles and len(toks) > 1 and base not in _PLACE_ABBREVS \
                    and w[:1].isupper() and not (not w.endswith(".") and _strip_pos(toks[-1][2]) in self.org_words):
                # round 20: the second word of a title ("Attorney General Jeff Sessions", "Vice President Mike
                # Pence", "Lt. Gov. Jo Roe") is no first name: the name starts after it ("General Jeff Sessions"
                # was the name and its first word the person's key); the title stays its first word
                toks = toks[1:]
                continue
            if _sentence_initial(text, toks[0][0], lo) and (wl in lower_vocab) and title is None:
                toks = toks[1:]
                continue
            if title is None and len(toks) > 1 and wl in sentence_openers() and _sentence_initial(text, toks[0][0], lo) \
                    and (wl not in gender_words(names=True) or _asks(text, toks[-1][1])):
                # round 20: a function word opening a sentence is no first name even where the article never
                # writes it in lower case ("Yet Trump's supporters", "Even Karl Rove"), nor is a modal that
                # is also a first name when the sentence asks ("More: Will Trump be ready?"; "Will Hurd said")
                toks = toks[1:]
                continue
            break
        # drop trailing connectors (cannot happen with the regex, but be safe)
        while toks and toks[-1][2] in _CONNECTORS:
            toks = toks[:-1]
        while len(toks) > 2 and toks[-1][2].lower() in self.times and toks[-2][2][:1].isupper():
            # round 21: "Attorney General Jeff Sessions Thursday": a weekday or month after the name is the time
            # of the event, no part of the name ("Super Tuesday", two words, stays as it is)
            toks = toks[:-1]
        if not toks:
            return
        if office_of and title is not None and len(toks) >= 3:
            # round 21 (lead): "Secretary of State Hillary Rodham Clinton", "Speaker of the House Paul Ryan": the
            # office's body ends where a first name opens the last two to four words
            firsts = gender_words(names=True)
            i = next((i for i in range(1, len(toks) - 1) if toks[i][2].lower() in firsts
                      and 2 <= len(toks) - i <= 4 and all(t[2][:1].isupper() for t in toks[i:])), None)
            if i is not None and _strip_pos(toks[-1][2]) not in self.org_words:
                toks = toks[i:]
        k_pos = next((k for k in range(len(toks) - 3, -1, -1)
                      if toks[k][2].endswith(("\u2019s", "'s")) and len(toks[k][2]) > 2), None)
        if k_pos is not None and not title_case and all(t[2][:1].isupper() for t in toks[k_pos + 1:]) \
                and len(toks) - k_pos - 1 <= 4 and all(_strip_pos(t[2]) not in self.org_words for t in toks[k_pos + 1:]) \
                and _strip_pos(toks[-1][2]) not in self.lex.non_person_heads:
            # "England's Josh Lewsey", "Stanford University's Keith Humphreys": the owner, then the name
            # (two to four words after it, not an organisation's or a thing's: "Kalvin Phillips's Cornish", "the
            # Women's Institute Annual Meeting" stay one "other" run)
            self._classify_part(text, toks[:k_pos + 1], lo, lower_vocab, title_case, out, first)
            self._classify_part(text, toks[k_pos + 1:], lo, lower_vocab, title_case, out, False, after_owner=True)
            return
        if title is None and len(toks) + n_dropped >= 5 and len(toks) >= 4 and not title_case:
            # round 17: a place or body before a title inside one long run ("Atlanta Mayor Keisha Lance Bottoms",
            # "Chicago Police Superintendent Jo Roe"): the words before the title are a modifier of their own and
            # the title opens the person, as it does at the front of a run (runs of up to four words stay whole)
            for i in range(1, len(toks) - 2):
                w = toks[i][2]
                base = w.rstrip(".")
                core = [t for t in toks[i + 1:]
                        if not (len(t[2]) == 2 and t[2].endswith(".")) and t[2] not in _NAME_SUFFIXES]
                if base.lower() in self.titles and len(core) <= 3 and toks[-1][2][:1].isupper() \
                        and all(t[2][:1].isupper() or t[2] in _NAME_PARTICLES for t in toks[i + 1:]) \
                        and (not toks[i + 1][2].endswith(".") or len(toks[i + 1][2]) == 2) \
                        and _strip_pos(toks[-1][2]) not in self.org_words \
                        and _strip_pos(toks[-1][2]) not in self.lex.non_person_heads:
                    # (not "Martin Luther King [Jr. Day Parade]": a suffix or a thing's head ends no person)
                    n = len(out)
                    self._classify_part(text, toks[:i], lo, lower_vocab, title_case, out, first)
                    for k in range(n, len(out)):
                        if out[k].kind == "person":  # "Former Kentucky [Gov. Jo Roe]": a modifier, no person
                            out[k] = dataclasses.replace(out[k], kind="other")
                    self._classify_part(text, toks[i:], lo, lower_vocab, title_case, out, False)
                    return
        rest = None
        k_of = next((k for k in range(1, len(toks) - 1) if toks[k][2] in ("of", "from")), None)
        if k_of is not None and not title_case \
                and person_before_of([_strip_pos(t[2]) for t in toks[:k_of]], title, self.lex):
            # round 21 (lead): "Sen. Marco Rubio of Florida", "Neil Bradley of the Chamber of Commerce": the
            # person's name ends before "of"; the place or body after it is a run of its own (a peer's "Lord
            # Irvine of Lairg" stays whole: ``title_roles.tsv`` tag peerage)
            rest = toks[k_of + 1:]
            toks = toks[:k_of]
        start = toks[0][0]
        end = toks[-1][1]
        last = toks[-1][2]
        stripped = _strip_pos(last)
        if stripped != last:
            end -= len(last) - len(stripped)
        name = text[start:end]
        words = [t[2] for t in toks]
        words[-1] = stripped
        if not stripped:
            return
        if self.non_names.issuperset(words):
            return
        if mention_start is None:
            mention_start = start
        prev_word = _word_before(text, mention_start, lo).lower()
        after_the = prev_word == "the"
        last_word = words[-1]
        is_acronym = all(w.isupper() and len(w) > 1 for w in words) and len(words) == 1
        kind = "other"
        if pronoun_opened or _photo_credit(text, mention_start, end, lo, self.captions):
            pass  # a title opened by a pronoun ("We Wanted Workers"), a photo credit ("(Jo Roe/Reuters)")
        elif words[0].rstrip(".") in _PLACE_ABBREVS and len(words) > 1:
            kind = "place"  # "St. Louis", "Ft. Worth", "Mt. Vernon"
        elif office_of and (len(words) == 1 or name in self.lex.places):
            pass  # the place or body of an office, no person: "the Senator from Florida
        elif last_word in self.org_words or (len(words) > 1 and words[0] in self.org_first):
            kind = "organisation"
        elif after_the and self._org_noun_after(text, end):
            kind = "organisation"
        elif title is not None:
            kind = "person"
        elif len(words) > 1 and (self._demonym_prefix(words) == len(words) or last_word.lower().endswith(_ADJ_ENDINGS)):
            # ("World Cup-related": an adjective made of a name)
            kind = "other"  # round 21: "Central American", "African Americans", "North Korean": a people, no person
        elif is_acronym:
            kind = "acronym"
        elif len(words) == 1:
            kind = "single"
        elif name in self.lex.places or " ".join(words[-2:]) in self.lex.places:
            kind = "place"
        elif last_word in self.lex.non_person_heads or any("\u2019" in w or "'" in w for w in words[:-1]) \
                or any(w.endswith(("\u2019ll", "'ll", "\u2019m", "'m", "\u2019re", "'re", "\u2019ve", "'ve"))
                       for w in words):
            kind = "other"  # "World Cup", "City Hall"; "Kalvin Phillips's Cornish"; "Perhaps I'll"
        elif prev_word in _PLACE_BEFORE and text[end:end + 1] not in "\u2019'":
            pass  # "at a Taco Bell", "in Washington DC": a place or a thing, no person (not "a Jo Roe's")
        elif 2 <= len(words) <= 4 and not after_the and all(w[:1].isupper() for w in words) \
                and self.non_names.isdisjoint(words) and not title_case:
            kind = "person"
        elif title_case:
            kind = "single" if len(words) == 1 else "other"
        role_before = None
        if kind == "person" and title is None:
            seg = text[max(lo, start - 60):start]
            if seg.endswith(" "):
                ws = seg.split()[-3:]
                k = len(ws)
                while k > 0 and ws[k - 1][:1].islower() and ws[k - 1].isalpha():
                    k -= 1
                if k < len(ws):
                    role_before = self._role_suffix([w.lower() for w in ws[k:]])
        out.append(NameRun(start, end, name, kind, title, mention_start, after_the, role_before))
        if rest:
            n = len(out)
            self._classify_part(text, rest, lo, lower_vocab, title_case, out, False)
            for k in range(n, len(out)):
                if out[k].kind == "single":
                    out[k] = dataclasses.replace(out[k], kind="place")  # "of Florida": the person's state or town

    def _demonym_prefix(self, words: list[str]) -> int:
        """How many words at the front of ``words`` are demonyms of ``demonyms.txt`` ("Russian", "Americans",
        "Puerto Rican") or region words before one ("South African", "Central American"); 0 without a demonym."""
        dem = self.demonyms
        k = 0
        seen = False
        while k < len(words):
            w = words[k]
            two = " ".join(words[k:k + 2])
            if _plural_base(two, dem) and k + 1 < len(words):
                k += 2
                seen = True
            elif _plural_base(w, dem):
                k += 1
                seen = True
            elif w in _REGION_WORDS:
                k += 1
            else:
                break
        return k if seen and words[k - 1] not in _REGION_WORDS else 0

    def _person_after_demonym(self, text: str, rest: list[str], lower_vocab) -> bool:
        """Whether the words after a nationality read as a person's name: two or three capitalised words, the
        last no organisation word nor head of a thing, none a title, and the first a known first name, or else
        the last used alone elsewhere in the article and neither the first nor the last a word the article
        writes in lower case ("Svetlana Kuznetsova ... Kuznetsova"; not "Refugee Program", "Civil Liberties
        Union", "Phonographic Industry", "Eagle Outfitters", nor "President Vladimir Putin", which the title
        rules read)."""
        if not 2 <= len(rest) <= 3 or not all(w[:1].isupper() for w in rest):
            return False
        if any(w.rstrip(".").lower() in self.titles for w in rest):
            return False
        last = _strip_pos(rest[-1])
        if rest[0].lower() not in gender_words(names=True):
            if rest[0].lower() in lower_vocab or last.lower() in lower_vocab:
                return False
            pat = re.compile(rf"(?<![\w\u2019'\-])(?<!{re.escape(rest[-2])} ){re.escape(last)}(?![\w\-])")
            if pat.search(text) is None:
                return False  # (the surname alone nowhere else: "American Eagle Outfitters", "British Hit Singles")
        last = _strip_pos(rest[-1])
        if last in self.org_words or last in self.lex.non_person_heads or last.lower() in self.common_heads:
            return False
        if self.non_names.intersection(rest) or rest[0] in self.org_first:
            return False
        return True

    def _org_noun_after(self, text: str, end: int) -> bool:
        m = _NEXT_WORD_RE.match(text, end)
        return bool(m) and m.group(1).lower() in self.org_words_lower

    def _role_suffix(self, words: list[str]) -> str | None:
        """The longest role phrase ending the given lower-case words ("permanent secretary")."""
        roles = self.lex.roles
        for k in range(len(words)):
            cand = " ".join(words[k:])
            if cand in roles:
                return cand
        return None


_TOKEN_RE = re.compile(r"[^\s\u00a0]+")


def _split_tokens(run: str, s: int) -> list[tuple[int, int, str]]:
    """Whitespace tokens of a run with absolute offsets (runs hold single spaces or NBSPs)."""
    out = []
    pos = 0
    for w in run.replace("\u00a0", " ").split(" "):
        if w:
            out.append((s + pos, s + pos + len(w), w))
        pos += len(w) + 1
    return out


def _word_before(text: str, pos: int, lo: int) -> str:
    """The word right before ``pos`` (skipping spaces), or ''."""
    j = pos - 1
    while j >= lo and text[j] in " \u00a0":
        j -= 1
    e = j + 1
    while j >= lo and (text[j].isalnum() or text[j] in "\u2019'-"):
        j -= 1
    return text[j + 1:e]
#: Words right before a capitalised run that make it a place or a thing rather than a person
#: (round 11 of issue 3): an article ("a Taco Bell") or a preposition of place ("in Washington DC").
_PLACE_BEFORE = frozenset(("a", "an", "in", "at", "near", "outside", "inside"))
_NEXT_WORD_RE = re.compile(r"[ \u00a0]+([a-z]+)")


_CREDIT_AFTER_RE = re.compile(r"[ \u00a0]?/[ \u00a0]?[A-Z]")


def _photo_credit(text: str, start: int, end: int, lo: int, captions: frozenset[str]) -> bool:
    """Whether the name at ``text[start:end]`` is a photo credit, not someone in the story.

    A credit is a name followed by a slash and a capitalised agency ("Jo Roe/Reuters",
    "(Jo Roe / AP)") or a name after a caption word and a colon ("Photo: Jo Roe"; the
    caption words are the ``caption`` words of ``non_sources.tsv``).

    Example:
        >>> t = "A rally. (Jo Roe/Reuters) Jo Roe said."
        >>> _photo_credit(t, 10, 16, 0, frozenset({"photo"})), _photo_credit(t, 26, 32, 0, frozenset())
        (True, False)
    """
    if _CREDIT_AFTER_RE.match(text, end):
        return True
    j = start - 1
    while j >= lo and text[j] in " \u00a0":
        j -= 1
    if j < lo or text[j] != ":":
        return False
    return _word_before(text, j, lo).lower() in captions


def _strip_pos(w: str) -> str:
    """Drop a possessive ending: "Trump's" -> "Trump", "Bates'" -> "Bates"."""
    if len(w) > 2 and w[-2] in _APOS and w[-1] in "sS":
        return w[:-2]
    if len(w) > 1 and w[-1] in _APOS:
        return w[:-1]
    return w


def _sentence_initial(text: str, pos: int, lo: int) -> bool:
    """Whether ``pos`` starts a sentence (paragraph start, or after . ! ? : or an opening quote)."""
    j = pos - 1
    while j >= lo and text[j] in " \u00a0\t":
        j -= 1
    if j < lo:
        return True
    c = text[j]
    if c in ".!?:;\u201c\u2018\"'(\u2014\u2013-[":
        return True
    return False


FUNCTION_WORDS_PATH = DATA_DIR / "lexicons" / "function_words.txt"
DEMONYMS_PATH = DATA_DIR / "lexicons" / "demonyms.txt"

#: Caption words that, second in a run after an agency, credit a photo ("AP Photos Schumer"; round 21).
_CREDIT_WORDS = frozenset(("photo", "photos", "photograph", "image", "images", "video"))
#: Endings that make a capitalised run an adjective ("World Cup-related", "Saudi-led"; round 21).
_ADJ_ENDINGS = ("-related", "-based", "-style", "-led", "-backed", "-funded", "-owned", "-linked", "-era")

#: Region words that, before a demonym, are part of it ("South African", "Central American", "Native American").
_REGION_WORDS = frozenset(("North", "South", "East", "West", "Central", "Latin", "Native", "Northern", "Southern",
                           "Eastern", "Western", "Middle"))


@functools.lru_cache(maxsize=4)
def demonyms(path: str | None = None) -> frozenset[str]:
    """Demonyms and nationality, state and region adjectives of ``demonyms.txt`` as written ("Russian",
    "Swede", "Texan", "Puerto Rican"; round 21 of issue 3). A missing file gives an empty set.

    Raises:
        ValueError: naming the file and line of an entry that is not capitalised.
    """
    p = Path(path) if path else DEMONYMS_PATH
    if not p.exists():
        return frozenset()
    out = set()
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not all(w[:1].isupper() for w in entry.split()):
            raise ValueError(f"{p}:{n}: demonym {entry!r} must be capitalised")
        out.add(" ".join(entry.split()))
    return frozenset(out)


def _plural_base(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` or its singular (a final "s" dropped: "Americans", "Swedes") is in ``words``."""
    return word in words or (word.endswith("s") and word[:-1] in words)


@functools.lru_cache(maxsize=4)
def sentence_openers(path: str | None = None) -> frozenset[str]:
    """Function words of ``function_words.txt`` without the tag ``opens-names`` (lower case): capitalised at
    a sentence start before a name they are no first name ("Yet Trump", "Even Karl Rove"), unlike "New"
    of "New York" (round 20 of issue 3)."""
    p = Path(path) if path else FUNCTION_WORDS_PATH
    out = set()
    for line in p.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not line.startswith("#") and "opens-names" not in parts[1:]:
            out.add(parts[0].lower())
    return frozenset(out)


def _asks(text: str, pos: int) -> bool:
    """Whether the sentence going on at ``pos`` ends with a question mark (within its line)."""
    for j in range(pos, min(len(text), pos + 300)):
        c = text[j]
        if c in "?":
            return True
        if c in "!\n" or (c == "." and (j + 1 >= len(text) or text[j + 1].isspace())):
            return False
    return False


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence or paragraph (a line break counts as a paragraph start)."""
    j = pos - 1
    while j >= 0 and text[j] in " \u00a0\t":
        j -= 1
    if j >= 0 and text[j] == "." and re.search(r"(?:^|[^\w.])[A-Z][a-z]{0,3}$", text[max(0, j - 6):j]):
        return False  # "Mr. Bates", "Sen. Roe", "J. Roe": a title or an initial, not a full stop
    if j < 0:
        return True
    if text[j] in "\n\r":
        k = j
        while k >= 0 and text[k].isspace():
            k -= 1
        return k < 0 or not (text[k].isalnum() or text[k] == ",")  # "John\n\nCornyn": a broken line
    if text[j] in "\"'" and j > 0 and not text[j - 1].isspace():
        return False  # '," Woods said': after a closing quotation mark
    return _sentence_initial(text, pos, 0)


def unattested_word_name(text: str, start: int, end: int) -> bool:
    """Whether the one-word "name" ``text[start:end]`` has no evidence of being a name at all.

    A capitalised word is evidence of a name only where capitalisation is not due to position: a word
    found capitalised only where a sentence, a paragraph or a quotation opens ("Scores of rioters
    attacked", "Maybe every time ...", "\u201cWeapons of war ...") is an ordinary word, and so is a
    sentence-initial word the article also writes in lower case. An acronym right before a number is
    a bill or code number ("SB 54", "AB 450"), not an organisation. A word an appositive follows
    ("Poe, D-N.Y., said", "Roe, a lawyer, said"), a word shaped like a name
    ("McColloch", "Al-Sagheer") or one that heads a source phrase ("Studies", "Detainees": tags of
    ``source_heads.tsv``) is never rejected here. Used for a subject the attribution
    parser takes for a name that the name finder gave no entity (a one-word name with a first name,
    title or organisation elsewhere in the article resolves to that entity first).

    Example:
        >>> t = "Scores of rioters attacked shops. Scores fled."
        >>> unattested_word_name(t, 0, 6)
        True
        >>> t = "Jo Bloggs spoke. Bloggs said it. Later, Bloggs left."
        >>> unattested_word_name(t, 17, 23)
        False
        >>> unattested_word_name("The law names SB 54 and alleges harm.", 14, 16)
        True
    """
    word = text[start:end]
    if not word or not word[:1].isupper() or not re.fullmatch(r"[\w\-.'\u2019]+", word):
        return False
    if word.isupper() and len(word) > 1:
        return bool(re.match(r"[ \u00a0]\d", text[end:end + 2]))  # "SB 54": a bill number
    if not _starts_sentence(text, start) or re.search(r"[A-Z\-'\u2019]", word[1:]):
        return False  # mid-sentence, or shaped like a name ("McColloch", "Al-Sagheer", "O'Hara")
    if source_head(word.lower())[1] is not None:
        return False  # "Studies show", "Detainees say": a source noun (``source_heads.tsv``) may speak
    if word.lower() in LowerWords(text):
        return True  # "Weapons of war ..." in an article that speaks of "weapons"
    if re.match(r",\s+(?:[A-Z]|(?:a|an|the|who|whose)\s)", text[end:end + 8]):
        return False  # an appositive names the word: "Poe, D-N.Y., said", "Roe, a lawyer, said"
    for m in _whole_word_re(word).finditer(text):
        if not _starts_sentence(text, m.start()):
            return False  # the word is capitalised mid-sentence somewhere: a name
    return True


_CAP_START_RE = re.compile(r"(?<!\S)[A-Z\u00c0-\u00de]")
_SMALL_RE = re.compile(r"(?<!\S)(?:a|an|the|of|to|in|on|for|and|at|by|with|from|as|or|vs\.?)(?!\S)")
_SPACE_RE = re.compile(r"\s+")
_SMALL = frozenset("a an the of to in on for and at by with from as or vs vs. is".split())


def _is_title_case(para: str) -> bool:
    """Headline-style paragraph where nearly every word is capitalised."""
    if len(para) > 400:
        return False
    n_lower = 0
    for w in para[:80].split():
        if w[:1].islower() and w not in _SMALL:
            n_lower += 1
            if n_lower >= 2:
                return False  # the common case, decided cheaply
    n = len(_SPACE_RE.findall(para.strip())) + 1
    if n < 4:
        return False
    caps = len(_CAP_START_RE.findall(para))
    small = len(_SMALL_RE.findall(para))
    return caps >= 0.8 * (n - small) and caps >= 3


# suffixes ending a person's name, not counted as its words ("Joseph P. Riley Jr."; round 17)
_NAME_SUFFIXES = frozenset(("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"))
# lower-case particles inside a person's name ("Bill de Blasio", "Ursula von der Leyen"; round 17)
_NAME_PARTICLES = frozenset(("de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "al"))


class LowerWords:
    """Whether a word occurs in lower case in a text, looked up lazily and memoised.

    Cheaper than collecting the text's whole vocabulary: only sentence-initial
    capitalised words are ever asked about.
    """

    def __init__(self, text: str):
        self.text = text
        self.memo: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        r = self.memo.get(word)
        if r is None:
            r = self.memo[word] = self._find(word)
        return r

    def _find(self, word: str) -> bool:
        text = self.text
        n = len(word)
        i = text.find(word)
        tries = 0
        while i >= 0:
            before = text[i - 1] if i > 0 else " "
            after = text[i + n] if i + n < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                return True
            tries += 1
            if tries == 4:  # a common substring ("u", "an"): one regex scan in C for the rest
                return _whole_word_re(word).search(text, i + 1) is not None
            i = text.find(word, i + 1)
        return False


@functools.lru_cache(maxsize=4096)
def _whole_word_re(word: str) -> re.Pattern:
    """``word`` with no letter or digit (``str.isalnum``) right before or after it (the check before
    written after the word, so that the regex engine searches for the word's letters)."""
    w = re.escape(word)
    return re.compile(w + r"(?<![^\W_]" + w + r")(?![^\W_])")


def find_name_runs(text: str, paragraphs: list[tuple[int, int]]) -> list[NameRun]:
    """Name runs of ``text`` with the default lexicon (see :class:`NameFinder`)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = NameFinder()
    return _DEFAULT.runs(text, paragraphs)


_DEFAULT: NameFinder | None = None


NON_SOURCES_PATH = DATA_DIR / "lexicons" / NON_SOURCES_FILE
SOURCE_HEADS_PATH = DATA_DIR / "lexicons" / SOURCE_HEADS_FILE
_SUBJECT_PRONOUNS = frozenset("i we you he she it they me us him them".split())
_SOURCE_DETERMINERS = frozenset(
    "a an the this that these those some any his her its their our my your such".split())


#: Capitalised words that may join the words of a title-case name ("Secretary Of State").
_NAME_JOINERS = frozenset("of the and".split())


def _non_sources(path: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...], frozenset[str],
                                     frozenset[str]]:
    """``(heads, names, calendar, suffixes, captions, name_heads)`` of ``data/lexicons/non_sources.tsv``
    (tags head, name + time, time, suffix, caption, name_head)."""
    ns = read_non_sources(path)
    return (ns["head"], ns["name"] | ns["time"], ns["time"], tuple(sorted(ns["suffix"])), ns["caption"],
            ns["name_head"])


#: Words after the head of a speaker phrase that open a postmodifier ("a source *close to* the talks",
#: "officials *with* the agency", "a rule *published* in ..."): the head is the word before them.
_POSTMODIFIERS = frozenset(
    "of in at for from with on who whom whose which that close familiar near inside outside within under to by "
    "across including like among published based involved working representing speaking associated tied linked "
    "knowledgeable responsible".split())
#: Words a cut-off speaker phrase may run into after its head ("a number of locals *have*").
_AUXILIARIES = frozenset(
    "is are was were be been being has have had do does did will would can could may might must shall should "
    "also not still now then already just up out down off back sometimes always often never ever instead soon seldom "
    "late alike too again once top took came made put held wore became began went got gave kept left ran saw sent "
    "knew brought felt stood met remain remains follows".split())
#: Words that open a clause, not a noun phrase ("that allows employers"): no speaker phrase starts with them.
_CLAUSE_OPENERS = frozenset("that which who whom whose what where when whether if because while".split())
#: Words of a date after a speaker phrase ("a statement *late Tuesday night*").
_DATE_WORDS = frozenset("late early last next this on night morning afternoon evening".split())
#: Pronouns that may follow a quantifier and "of" ("two *of them*").
_OBJECT_PRONOUNS = frozenset("them us you whom those these".split())


@functools.lru_cache(maxsize=4)
def _source_heads(path: str) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """``(tags, org words, verb forms)``: the tag of every word that may head an unnamed speaker
    phrase (``source_heads.tsv``; role nouns, source nouns and organisation words count as
    ``person``/``document``), the lower-case organisation words (issuers) and the inflected forms of
    the verbs of speech, belief and stance (trailing words a cut-off phrase ran into)."""
    lex = load_lexicon()
    tags: dict[str, str] = {}
    for r in lex.roles:
        tags.setdefault(r.split()[-1], "person")
    for w in lex.org_words:
        tags.setdefault(w.lower(), "person")
    for w in lex.source_nouns:
        tags.setdefault(w, "document")
    tags.update(read_source_heads(path))
    orgs = frozenset(w.lower() for w in lex.org_words)
    verbs = frozenset(lex.speech_verbs) | frozenset(lex.stance_verbs) | frozenset(lex.belief_verbs)
    return tags, orgs, verbs


def _parse_phrase(name: str | None, tags: dict[str, str], verbs: frozenset[str]):
    """``(words, n_det, cut, k)`` of a speaker phrase for :func:`source_head`: its words (possessive
    endings dropped), the number of leading determiners, the index of the first postmodifier word and
    the end of the phrase before trailing verbs (the head is ``words[k - 1]``); a string (the first word)
    when the phrase opens a clause or is a number fragment; None when it is empty."""
    name = re.sub(r"\s*\(\d+\)$", "", (name or "").strip())
    words = re.findall(r"[\w'\u2019.%\-]+", name)
    words = [w.strip(".").replace("\u2019", "'") for w in words]
    words = [w[:-2] if w.lower().endswith("'s") and len(w) > 2 else w.rstrip("'") for w in words if w.strip(".")]
    if not words:
        return None
    first = words[0].lower()
    second = words[1].lower() if len(words) > 1 else ""
    if re.fullmatch(r"0\d\d", first) or (first in _CLAUSE_OPENERS and second and _tag(second, tags) is None
                                          and (second in verbs or second.endswith("s"))):
        return first  # "that allows employers", "000 people" (a number cut at its comma)
    n_det = 0
    while n_det < len(words) and words[n_det].lower() in _SOURCE_DETERMINERS:
        n_det += 1
    if n_det == len(words):
        return None
    cut = len(words)
    for i in range(n_det + 1, len(words)):
        w = words[i].lower()
        if w in _POSTMODIFIERS:
            if w == "of" and words[i - 1][:1].isupper() and i + 1 < len(words) and words[i + 1][:1].isupper():
                continue  # "Department of Homeland Security officials", "Gang of Eight member"
            cut = i
            break
    k = cut  # the head is words[k - 1]
    while k - 1 > n_det:
        w = words[k - 1].lower()
        if _tag(w, tags) is not None:
            break
        if w in _AUXILIARIES or w in verbs or "'" in w or (len(w) > 3 and w.endswith(("ed", "ly", "ing"))):
            k -= 1  # "the president weighed", "locals have", "the lawmakers haven't"
            continue
        break
    return words, n_det, cut, k


def source_head(name: str | None, path: Path | str | None = None, inner: bool = False
                ) -> tuple[str | None, str | None]:
    """The head word of an unnamed speaker phrase and its tag in ``data/lexicons/source_heads.tsv``
    (``person``, ``quantifier``, ``document``, ``instrument``; ``name`` for a name; ``None`` when the
    head can name no speaker).

    The head is the last word before a postmodifier ("a source close to the talks" -> "source"; "of"
    between capitalised words belongs to a name: "Gang of Eight member"), after dropping trailing
    verbs, auxiliaries and adverbs that a cut-off phrase ran into ("the president weighed" ->
    "president"); after a quantifier with "of" ("one of the parents") the phrase after "of" decides.
    A word not listed counts through its singular ("agencies" -> "agency"), and words ending in
    "-ist(s)" or "-ian(s)" are people ("criminologists"). A capitalised head that is not the phrase's
    first word, an acronym and a percentage count as names (tag ``name``); an ``instrument`` ("the
    bill") counts only with an issuer: a capitalised word after the first word, an acronym or an
    organisation word ("Senate package", "court order"). ``inner``: the phrase is not sentence-initial
    (its first word may be a name).

    Example:
        >>> source_head("a source close to the talks"), source_head("two chambers")
        (('source', 'person'), ('chambers', None))
        >>> source_head("one of the parents"), source_head("the bill"), source_head("the Senate bill")
        (('parents', 'person'), ('bill', None), ('bill', 'instrument'))
    """
    tags, orgs, verbs = _source_heads(str(path or SOURCE_HEADS_PATH))
    parsed = _parse_phrase(name, tags, verbs)
    if parsed is None:
        return None, None
    if isinstance(parsed, str):
        return parsed, None  # "that allows employers", "000 people" (a number cut at its comma)
    words, n_det, cut, k = parsed
    head = words[k - 1]
    low = head.lower()
    tag = _tag(low, tags)
    if tag == "quantifier" and cut < len(words) and words[cut].lower() == "of" and cut + 1 < len(words):
        return source_head(" ".join(words[cut + 1:]), path, inner=True)  # "one of the parents"
    proper = head[:1].isupper() and (k - 1 > 0 or inner)
    if proper and tag in ("person", "document"):
        return low, "name"  # "the Times", "House Republicans"
    if tag is None:
        if re.fullmatch(r"\d+(?:[.,]\d+)?%", head) or (head.isupper() and len(head) > 1 and head.isalpha()) or proper:
            return low, "name"  # "70%", "CNN", "House Republicans", "the Sun-Times"
        return low, None
    if tag == "instrument":
        if head[:1].isupper():
            return low, None  # "the DREAM Act", "the Secure Fence Act": a law's name
        roles = load_lexicon().role_words
        issuer = any((w[:1].isupper() and i > 0) or (w.isupper() and len(w) > 1)
                     or (w.lower() in orgs and w.lower() not in roles)
                     for i, w in enumerate(words) if w.lower() != low)
        return low, tag if issuer else None
    if tag == "quantifier" and head.isdigit():
        return low, None  # a bare number ("29") is no speaker phrase
    return low, tag


NON_SOURCE_CONTEXTS_PATH = DATA_DIR / "lexicons" / "non_source_contexts.tsv"
_CONTEXT_TAGS = ("modal", "control", "conditional", "preposition", "conjunction", "adjective", "participle", "motive",
                 "universal", "act_verb", "act_object", "act_refusal", "act_infinitive", "act_aspect", "possessed",
                 "spoken_with")


@functools.lru_cache(maxsize=4)
def non_source_contexts(path: str | None = None) -> dict[str, frozenset[str]]:
    """``{tag: words}`` of ``non_source_contexts.tsv`` (``word<TAB>modal|control|conditional|preposition|conjunction|adjective|participle|motive|universal``):
    words around a reported-speech subject that tell it is no source (rounds 11-13 of issue 3;
    ``adjective`` and ``participle``: round 13's passive cues; ``motive``: its participles of mental state;
    ``universal``: pronouns of everyone and no one, whose words are no one's; ``act_verb`` and ``act_object``:
    round 14's cues whose object is an act or a state, "seek asylum", "feel pressure"; ``act_refusal`` and
    ``act_infinitive``: round 17's refusals of an act, "declined to indict"; ``act_aspect``: round 17's cues of beginning
    or going on whose complement is an act, "began building"; ``possessed``: round 14's
    nouns of aim or stance after a possessive, "his plan to", "their support for"; ``spoken_with``: verbs
    before the possessive that make such a noun spoken, "affirmed his support").

    Raises:
        ValueError: naming the file and line of a malformed line or an unknown tag.
    """
    out = read_tagged_lines(path or NON_SOURCE_CONTEXTS_PATH, _CONTEXT_TAGS)
    return {t: frozenset(w) for t, w in out.items()}


ANTECEDENT_CONTEXTS_PATH = DATA_DIR / "lexicons" / "antecedent_contexts.tsv"


@functools.lru_cache(maxsize=8)
def antecedent_contexts(tag: str = "object", path: str | None = None) -> frozenset[str]:
    """Words of ``antecedent_contexts.tsv`` (``word<TAB>object|appositive``; round 12 of issue 3):
    ``object``, words that right before a person's name put it in object position ("spoke with X",
    "the attack that killed X"); ``appositive``, last words of a capitalised description that, right
    after a person's name and a comma, describes that person ("Jo Roe, a Virginia Republican");
    ``patient``, past participles that after the name and a passive auxiliary make the person the one
    acted upon ("where Jo Roe was killed by police"; round 15).

    Raises:
        ValueError: naming the file and line of a malformed line or an unknown tag.
    """
    return frozenset(read_tagged_lines(path or ANTECEDENT_CONTEXTS_PATH, ("object", "appositive", "patient"))[tag])


PAGE_FURNITURE_PATH = DATA_DIR / "lexicons" / "page_furniture.tsv"


@functools.lru_cache(maxsize=4)
def page_furniture(path: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(opens, within)`` phrases of ``page_furniture.tsv`` (``phrase<TAB>opens|within``): a paragraph
    opening with an ``opens`` phrase, or a short one holding a ``within`` phrase, is page furniture
    (sign-up boxes, captions, video widgets), no text of the article (round 11 of issue 3).

    Raises:
        ValueError: naming the file and line of a malformed line.
    """
    out = _page_furniture_tags(path)
    return tuple(sorted(out["opens"])), tuple(sorted(out["within"]))


@functools.lru_cache(maxsize=4)
def _page_furniture_tags(path: str | None = None) -> dict:
    return read_tagged_lines(path or PAGE_FURNITURE_PATH, FURNITURE_TAGS, what="phrase", fold_apostrophe=False)


FURNITURE_TAGS = ("opens", "within", "closes", "list")


@functools.lru_cache(maxsize=4)
def page_furniture_links(path: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(closes, list)`` phrases of ``page_furniture.tsv`` (round 18 of issue 3): a short paragraph
    ending with a ``closes`` phrase is a related-article link ("Mayors resist Trump's policies: 'We
    cannot submit to a bully' Read more"); a short heading that opens with a ``list`` phrase and ends
    with a colon ("More coverage of the Orlando shooting:", "Other related developments:") is furniture
    together with the run of short paragraphs after it that end without a full stop (the headlines it
    lists).

    Raises:
        ValueError: naming the file and line of a malformed line.
    """
    out = _page_furniture_tags(path)
    return tuple(sorted(out["closes"])), tuple(sorted(out["list"]))


GENDER_WORDS_PATH = DATA_DIR / "lexicons" / "gender_words.tsv"
FIRST_NAMES_PATH = DATA_DIR / "lexicons" / "first_names_gender.tsv"


TITLE_ROLES_PATH = DATA_DIR / "lexicons" / "title_roles.tsv"


@functools.lru_cache(maxsize=4)
def title_roles(path: str | None = None) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """The two lists of ``title_roles.tsv``: role phrases per title (``{"gov": {"governor"}}``) and the
    peers' titles whose "of PLACE" belongs to the name (round 21 of issue 3).

    Raises:
        ValueError: naming the file and line of a malformed line.

    Example:
        >>> roles, peerage = title_roles()
        >>> sorted(roles["gov"]), "lord" in peerage, "sen" in peerage
        (['governor'], True, False)
    """
    p = Path(path) if path else TITLE_ROLES_PATH
    roles: dict[str, set[str]] = {}
    peerage = set()
    for n, entry, tag in iter_tagged_lines(p, ("role", "peerage"), "title[ role]"):
        if tag == "peerage":
            peerage.add(entry.rstrip("."))
            continue
        title, _, role = entry.partition(" ")
        if not role.strip():
            raise ValueError(f"{p}:{n}: want TITLE ROLE<TAB>role, got {entry!r}")
        roles.setdefault(title.rstrip("."), set()).add(role.strip())
    return {k: frozenset(v) for k, v in roles.items()}, frozenset(peerage)


def person_before_of(words: list[str], title: str | None, lex: Lexicon) -> bool:
    """Whether ``words`` (possessive endings stripped), standing before an "of"/"from", are a person's name:
    one to four capitalised words (a surname may be a title word: "Steve King"), ending with no organisation word or thing's head and not
    opening an organisation ("Bank of England", "Chamber of Commerce", "Gang of Eight" stay whole), after a
    title other than a peer's ("Sen. Marco Rubio of Florida"; "Lord Irvine of Lairg" is one name) or, with no
    title, two or more words opening with a first name ("Neil Bradley of the Chamber of Commerce"). Shared by
    the name runs (:class:`NameFinder`) and the speaker phrases of ``attribution`` (round 21 of issue 3).

    Example:
        >>> from newsvoices.lexicon import load_lexicon
        >>> lex = load_lexicon()
        >>> [person_before_of(w, t, lex) for w, t in ((["Marco", "Rubio"], "Sen"), (["Irvine"], "Lord"),
        ...                                           (["Neil", "Bradley"], None), (["Chamber"], None))]
        [True, False, True, False]
    """
    if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return False
    if words[-1] in lex.org_words or words[-1] in lex.non_person_heads or words[0] in lex.org_first_words:
        return False
    t = title.lower().rstrip(".") if title else None
    if t is not None and t in lex.titles:
        return t not in title_roles()[1]
    return len(words) >= 2 and words[0].lower() in gender_words(names=True)


@functools.lru_cache(maxsize=4)
def gender_words(path: str | None = None, names: bool = False) -> dict[str, str]:
    """``word -> male|female`` for the gender agreement of "he"/"she" (round 17 of issue 3):
    honorifics and role or kinship nouns of ``gender_words.tsv`` ("mrs", "spokeswoman", "husband"),
    or with ``names`` the first names of ``first_names_gender.tsv`` (US Census 1990, names borne
    nearly only by one sex; built by ``benchmarks/build_first_names.py``). A missing file gives {}.

    Raises:
        ValueError: naming the file and line of a malformed line or an unknown tag.
    """
    src = path or (FIRST_NAMES_PATH if names else GENDER_WORDS_PATH)
    out: dict[str, str] = {}
    for _n, entry, tag in iter_tagged_lines(src, ("male", "female"), "name" if names else "word"):
        out[entry] = tag
    return out


@functools.lru_cache(maxsize=4)
def plural_people_words(path: str | None = None) -> frozenset[str]:
    """Lower-case plural nouns that name people ("officials", "lawyers", "protesters", "men"): the
    plural ``person`` heads of ``source_heads.tsv`` and the plural role nouns of ``role_nouns.txt``.
    A "they" looks back to the nearest of these before an organisation (round 11 of issue 3)."""
    heads = read_source_heads(str(path or SOURCE_HEADS_PATH))
    irregular = ("men", "women", "people", "children", "police", "staff", "clergy", "folks")
    words = {w for w, tag in heads.items() if tag == "person" and (
        (w.endswith("s") and not w.endswith("ss")) or w.endswith(irregular))}
    words |= {r.split()[-1] for r in load_lexicon().plural_roles}
    return frozenset(words)


def trim_speaker_phrase(name: str | None, path: Path | str | None = None) -> str | None:
    """An unnamed speaker phrase cut after its head: the postmodifier and the trailing verbs a cut-off
    phrase ran into are dropped ("a statement issued by the agency" -> "a statement", "a letter signed"
    -> "a letter"); None when nothing would change or the phrase has no head.

    Example:
        >>> trim_speaker_phrase("a wrongful-death lawsuit filed"), trim_speaker_phrase("officials")
        ('a wrongful-death lawsuit', None)
    """
    tags, _orgs, verbs = _source_heads(str(path or SOURCE_HEADS_PATH))
    parsed = _parse_phrase(name, tags, verbs)
    if parsed is None or isinstance(parsed, str):
        return None
    words, _n_det, _cut, k = parsed
    if k >= len(words):
        return None
    return " ".join(words[:k])


def _tag(word: str, tags: dict[str, str]) -> str | None:
    """The source-head tag of a word, of its singular, or ``person`` for "-ist(s)"/"-ian(s)"."""
    w = word.lower()
    tag = tags.get(w)
    if tag is not None:
        return tag
    if w.endswith("s") and len(w) > 3:
        for stem in ((w[:-3] + "y") if w.endswith("ies") else None, w[:-2] if w.endswith("es") else None, w[:-1]):
            if stem and stem in tags:
                return tags[stem]
    if (re.fullmatch(r"[a-z\-]{3,}(?:ist|ian)s?", w) and not w.endswith(("tian", "sian"))) or w.endswith("-year-old"):
        return "person"
    return None


def can_be_source(name: str | None, kind: str | None = "person", path: Path | str | None = None) -> bool:
    """Whether a resolved speaker can be someone who speaks at all.

    ``False`` for unnamed phrases headed by a quantity, time or abstract noun ("a portion",
    "10 years", "the usual political barbs"; a capitalised one-word person such as
    "Price" is never tested against these nouns), for a one-word name that is a pronoun,
    month, weekday or sentence opener ("Her", "October"), for a phrase that is only
    determiners ("those") and for a headline in capitals taken as a person
    (two words in capitals: "DNI SHAKE-UP", "MUST WATCH Report"), for a phrase opening
    with a subject pronoun ("We Wanted workers") and for one ending with a month or
    weekday ("Late Monday", "a statement Tuesday"), for a place name of ``places.txt`` ("Palo Alto"),
    for a one-word name with the ending of a
    sentence adverb ("Finally", "Oftentimes") and for a person's name of three or more words with a
    capitalised function word after its first word (a title-case headline: "Highway Patrol Takes
    Over Security In Ferguson"). The words come from ``data/lexicons/non_sources.tsv`` (one list,
    also read by :mod:`newsvoices.attribution`).

    Example:
        >>> can_be_source("a portion", "anonymous"), can_be_source("October"), can_be_source("Jo Bloggs")
        (False, False, True)
        >>> can_be_source("the report", "group"), can_be_source("Story highlights Witness", "person")
        (True, True)
    """
    heads, names, calendar, suffixes, captions, name_heads = _non_sources(str(path or NON_SOURCES_PATH))
    name = re.sub(r"\s*\(\d+\)$", "", (name or "").strip())
    words = re.findall(r"[\w'\u2019.\-]+", name)
    low = [w.lower().strip(".").replace("\u2019", "'") for w in words]
    n_low = len(low)
    while low and low[0] in _SOURCE_DETERMINERS:
        low = low[1:]
    if not low:
        return False
    first = words[n_low - len(low)] if len(words) == n_low else low[0]
    if (len(low) == 1 and low[0] in names and len(low) == n_low) \
            or (low[0] in _SUBJECT_PRONOUNS and not (first.isupper() and len(first) > 1)):
        return False  # "Her", "We Wanted workers" (not "the analysis", "the US envoy")
    if low[-1] in calendar:
        # "a statement Tuesday", "Obama Sunday": the phrase ran into its date; what stands before it decides
        k = len(words)
        while k > 0 and words[k - 1].lower().strip(".") in calendar | _DATE_WORDS:
            k -= 1
        if k == 0 or k == len(words) or words[k - 1].lower() in _DATE_WORDS | {"late", "early"} \
                or not any(c.isalpha() for c in " ".join(words[:k])):
            return False  # "Late Monday", "October"
        return can_be_source(" ".join(words[:k]), kind, path)
    if "'" in low[0] and low[0].split("'")[0] in _SUBJECT_PRONOUNS:
        return False  # "It's Rikers", "You'll": a pronoun with its verb, not a name
    if any(w.isupper() and w.lower() in captions for w in words):
        rest = [w for w in low if w not in captions and w != "just"]
        if not rest or (len(rest) == 1 and rest[0] in heads):
            return False  # "BREAKING", "JUST WATCHED Shooting": a caption, no one speaking in it
    if kind == "person" and len(words) in (2, 3) and low[-1] in name_heads and words[-1][:1].isupper():
        return False  # "Promise Act", "Oklahoma City": a law, place or event, not a person
    if kind in ("person", "organisation", None) and name in load_lexicon().places:
        return False  # "Palo Alto", "El Paso": a place (``places.txt``) is nobody who speaks
    unnamed = kind in ("anonymous", "group") or not name[:1].isupper()
    if unnamed:
        head, tag = source_head(name)
        if tag is None or (head in heads and tag != "name"):
            return False  # "two chambers", "a suspicious package", "the bill": no person, group or text
    elif len(low) == 1 and kind != "person" and low[-1] in heads and words[-1] not in load_lexicon().org_words:
        return False  # ("The Times", an organisation word, is a name)
    caps = sum(w.isupper() and len(w.strip(".")) > 1 for w in words)
    if caps >= 2 and (kind == "person" or any(w.islower() for w in words)):
        return False  # a headline in capitals ("MUST WATCH commissioner"), not a speaker
    if len(words) == 1 and kind in ("person", None) and name[:1].isupper() and low[0].endswith(suffixes) \
            and len(low[0]) > 5:
        return False  # a sentence adverb taken for a name ("Finally", "Obviously", "Oftentimes")
    if len(words) > 1 and kind in ("person", "group", None) and words[0][:1].isupper() \
            and low[0].endswith(suffixes) and len(low[0]) > 5 and any(w.islower() for w in words[1:]):
        return False  # a clause opened by a sentence adverb ("Unfortunately for Schumer", "Usually it's ...")
    if kind == "person" and len(words) >= 3:
        closed = load_lexicon().closed_words
        if any(w[:1].isupper() and w.lower() in closed and w.lower() not in _NAME_JOINERS for w in words[1:]):
            return False  # a title-case headline ("Francis Shines Light On Migrant Suffering")
    return True
