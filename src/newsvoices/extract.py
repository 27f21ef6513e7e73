"""Quotation extraction, speaker attribution and entity resolution for one article.

``extract(article)`` returns, for one :class:`~newsvoices.model.Article`:

* ``quotes``: each direct quotation (offsets enclose the words inside the marks)
  or reported speech (offsets enclose the reported content), with its cue and the
  mention of the speaker at this quote;
* ``entities``: the people and organisations of the article, each resolved to one
  canonical name (``Robert Bates`` for "Robert Bates", "Mr Bates", "Bates", "he");
* ``mentions``: every mention of an entity, quoted or not, with offsets.

How (each step a bounded scan, so the whole is linear in the text):

1. :mod:`newsvoices.quotes` pairs quotation marks paragraph by paragraph.
2. :class:`newsvoices.attribution.Parser` looks for a reporting cue and a speaker
   noun phrase after the closing mark, then before the opening mark (same
   sentence), never inside the quotation; a quote split by its attribution
   inherits it ('"A," he said. "B."'); a paragraph that opens with a quotation and
   carries no attribution continues the previous quotation's speaker, unless a
   narrative paragraph naming someone else came in between.
3. Quoted phrases with no attribution that look like titles, names or scare
   quotes (few words, Title Case, no clause) are dropped.
4. Reported speech: "X said (that) ...", "according to X, ...", "..., X said."
5. :mod:`newsvoices.entities` finds names; people, organisations, anonymous
   sources and groups become entities; surnames, titles, roles ("the Labour MP")
   and pronouns resolve to them.

Example:
    >>> from newsvoices.model import Article
    >>> art = Article("x", 'Jo Bloggs, a baker, said: \u201cBread is up.\u201d \u201cAnd flour,\u201d she added.')
    >>> ex = extract(art)
    >>> [(q.text, ex.entity(q.entity).name) for q in ex.quotes]
    [('Bread is up.', 'Jo Bloggs'), ('And flour,', 'Jo Bloggs')]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
import re
from dataclasses import dataclass, field

from .attribution import CASE_SPECIAL, NP, Attribution, Parser, Reported
from .entities import (NameFinder, NameRun, _is_title_case, _starts_sentence, antecedent_contexts, can_be_source,
                       gender_words,
                       non_source_contexts, page_furniture, page_furniture_links, plural_people_words, source_head, title_roles, unattested_word_name)
from .model import Article
from .quotes import DOUBLE, SINGLE, QuoteSpan, find_quote_spans, primary_family


@dataclass
class Entity:
    """A person, organisation or unnamed source within one article.

    Attributes:
        key: id within the article (``e1``, ``e2`` ...).
        name: canonical name ("Robert Bates", "Home Office", "one civil servant").
        kind: ``person``, ``organisation``, ``anonymous`` or ``group``.
        description: appositive or role ("founder of the Centre for Migration Control").
        organisation: organisation the entity belongs to or speaks for.
    """

    key: str
    name: str
    kind: str = "person"
    description: str | None = None
    organisation: str | None = None


@dataclass
class Mention:
    """One mention of an entity in the text.

    ``kind`` is ``name`` (full name), ``surname`` (a shorter form of the name:
    "Bates", "Mr Bates"), ``pronoun``, ``role`` ("the Labour MP") or ``nominal``
    ("one civil servant", "a Home Office spokesperson").
    """

    entity: str
    start: int
    end: int
    text: str
    kind: str = "name"  # name | surname | pronoun | role | nominal


@dataclass
class Quote:
    """A quotation or reported speech with its attribution.

    ``attribution`` says how the speaker was found: ``post`` ('…," he said'),
    ``pre`` ('X said: "…"'), ``according`` ("according to X"), ``agent``
    ("asked by X"), ``split`` (second part of a quote split by its attribution),
    ``carry`` (continuation paragraph), ``heading`` (a paragraph before that only names the speaker:
    "Jo Roe, Daily Gazette" or "Governor Jo Roe:"), ``byline`` (such a line after it), ``reported`` (a partial quote inside reported speech:
    'Smith called the plan "a disaster"'), ``raising`` (reported speech whose source is the
    writer: "X is expected to ...", no speaker), ``asked`` (the question of "Asked about X, ...",
    no speaker) or ``None`` (unattributed).
    """

    start: int
    end: int
    text: str
    kind: str  # direct | indirect
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    entity: str | None = None  # Entity.key of the resolved speaker
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    attribution: str | None = None


@dataclass
class Extraction:
    """Everything found in one article."""

    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def entity(self, key: str | None) -> Entity | None:
        """The entity with this key (None for None or an unknown key)."""
        for e in self.entities:
            if e.key == key:
                return e
        return None


_FINDER: NameFinder | None = None
_PARSER: Parser | None = None
# (X X* rather than X+: the same matches, and a pattern that opens with one character set lets the
# regex engine skip ahead to it)
_SENT_END_RE = re.compile(r"[.!?][.!?]*[\"\u201d\u2019')\]]*(?=[ \u00a0]+(?:''|``|[\"\u201c\u2018'(\[])?[A-Z0-9])")
# (ASCII word characters listed before \w: a table look-up before the Unicode category test; the runs
# taken possessively: the same matches as \w+(?:['\u2019-]\w+)*, a test fuzzes it)
_WORDS_RE = re.compile(r"[0-9A-Za-z_\w][0-9A-Za-z_\w]*+(?:[\u2019'\-][0-9A-Za-z_\w]++)*+")
_QUOTE_MARKS = frozenset("\"'`\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019")
_CONNECT = frozenset(("of", "for", "from", "the", "and", "&", "on", "in", "at"))


def _tools() -> tuple[NameFinder, Parser]:
    global _FINDER, _PARSER
    if _FINDER is None or _PARSER is None:
        _FINDER = NameFinder()
        _PARSER = Parser(_FINDER.lex)
    return _FINDER, _PARSER


def reset_tools() -> None:
    """Forget the compiled patterns (after editing the lexicons in a running session)."""
    global _FINDER, _PARSER
    from .lexicon import load_lexicon

    load_lexicon.cache_clear()
    _SOURCE_MEMO.clear()
    _FINDER = _PARSER = None


_SOURCE_MEMO: dict[tuple[str, str], bool] = {}


def _can_be_source(name: str, kind: str) -> bool:
    """:func:`can_be_source` with the default word lists, memoised across articles (speakers recur);
    the memo is bounded (cleared when full) and forgotten by :func:`reset_tools`."""
    key = (name, kind)
    ok = _SOURCE_MEMO.get(key)
    if ok is None:
        if len(_SOURCE_MEMO) >= 20000:
            _SOURCE_MEMO.clear()
        ok = _SOURCE_MEMO[key] = can_be_source(name, kind)
    return ok


# a full stop glued to the next sentence, no space between (round 20): "... need to be stronger.The authors of
# the bill ...", "according to ABC.Gutierrez, however, ..." - two lower-case letters or two capitals before it, a
# capitalised word of lower-case letters after it (not an e-mail address "Jo.Roe@", not initials "U.S.", not
# "Ph.D"); an abbreviation before it ("Col.Tony") is no end
_GLUED_END_RE = re.compile(r"\.(?<=[a-z][a-z]\.|[A-Z][A-Z]\.)(?=[A-Z][a-z]+\b(?![\w.\-]*@))")


#: A dateline opening a paragraph: "WASHINGTON —", "DOUGLAS, Ariz.—", "BENSALEM, Pennsylvania (Reuters) -".
_DATELINE_RE = re.compile(r"[A-Z][A-Z'\-.]+(?:[ \u00a0][A-Z][A-Z'\-.]+){0,3}"
                          r"(?:,[ \u00a0][A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*){0,2})?"
                          r"(?:[ \u00a0]?\([^()\n]{1,40}\))?[ \u00a0]*(?:\u2014|\u2013|--|-)[ \u00a0]*"
                          r"(?=[A-Z\"\u201c])")


def sentence_ends(text: str, lo: int, hi: int, abbrev) -> list[int]:
    """Offsets just after each sentence-final punctuation mark in ``text[lo:hi]``.

    A dateline opening the paragraph ("WASHINGTON — ") ends a "sentence" too (round 21): the
    subject of the first sentence comes after it.

    A full stop with no space before the next sentence ("stronger.The authors") ends a sentence too
    (round 20), unless the word before it is an abbreviation ("Col.Tony Shaffer").
    """
    out = []
    dl = _DATELINE_RE.match(text, lo, hi)
    if dl is not None:
        out.append(dl.end())  # "WASHINGTON — Michael Steele ... said": the dateline is no subject (round 21, lead)
    matches = list(_SENT_END_RE.finditer(text, lo, hi))
    glued = list(_GLUED_END_RE.finditer(text, lo, hi))
    if glued:
        matches = sorted(matches + glued, key=lambda m: m.start())
    for m in matches:
        s = m.start()
        if text[s] == ".":
            j = s
            while j > lo and (text[j - 1].isalnum() or text[j - 1] == "."):
                j -= 1
            word = text[j:s]
            if word in abbrev or (len(word) == 1 and word.isupper()) or (len(word) == 3 and word[1] == "."):
                continue
        out.append(m.end())
    return out


# --------------------------------------------------------------------------- speech filter
def _n_words(s: str) -> int:
    return len(_WORDS_RE.findall(s))


_TITLE_CTX = frozenset(("on", "of", "in", "at", "from", "the", "a", "an", "titled", "entitled", "dubbed", "named",
                        "headlined", "film", "movie", "book", "show", "song", "album", "series", "program",
                        "programme", "podcast", "column", "headline", "slogan", "hashtag", "memoir", "novel",
                        "documentary", "play", "musical", "episode", "article", "essay", "op-ed", "editorial"))
# the nouns of _TITLE_CTX: a Title Case quotation right after "<noun>," is the work's title (round 19)
_TITLE_NOUNS = frozenset(("film", "movie", "book", "show", "song", "album", "series", "program", "programme",
                          "podcast", "column", "headline", "slogan", "hashtag", "memoir", "novel", "documentary",
                          "play", "musical", "episode", "article", "essay", "op-ed", "editorial"))
_WORD_END_RE = re.compile(r"(?<![\w'\u2019])([A-Za-z][a-z\-]*)\Z")
_BYLINE_RE = re.compile(r"[,\s\u00a0]*by[ \u00a0]+[A-Z]")
# '"<title>," by the Daily Gazette\'s Jo Roe': with "the", only after a comma (not the agent of a
# passive: 'was declared an "illegal immigrant" by the tribunal'; round 19)
_BYLINE_THE_RE = re.compile(r"[ \u00a0]*,?[ \u00a0]*by[ \u00a0]+the[ \u00a0]+[A-Z]")
# between a piece's quoted title and a quotation from it, in newsletter round-ups (round 19):
# '"Museum to close," by the Times\' Jo Roe: "..."'
_EXCERPT_BYLINE_RE = re.compile(r"[ \u00a0]*,?[ \u00a0]*by[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][^:\n\"\u201c\u201d]{0,80}:[ \u00a0]*\Z")
# a paragraph that only names the author of the quotation paragraph before it, as in opinion
# round-ups: 'Jane Doe, Daily Gazette' or '-- Jane Doe, a nurse' (a dash before the name optional)
_NAME_LINE_RE = re.compile(
    r"[ \u00a0]*(?:(?:--|[\u2013\u2014])[ \u00a0]*)?"
    r"(?P<name>[A-Z][\w.\u2019'\-]*(?:[ \u00a0]+(?:[A-Z][\w.\u2019'\-]*|de|van|von|da|al|bin)){1,3})"
    r"(?:[ \u00a0]*,[ \u00a0]*(?P<desc>[^\n.!?\u201c\u201d\"]{2,80}?))?[ \u00a0.]*$")
_NOT_NAME_LINE_RE = re.compile(r"photo|getty|images|image|credit|click|read more|advertisement|related", re.I)


def _title_like(core: str) -> bool:
    """Title Case: every word capitalised apart from short function words ("Meet the Press")."""
    words = core.split()  # (the same words as re.split(r"[\s\u00a0]+") less empty strings)
    if not words:
        return False
    caps = 0
    for w in words:
        w0 = w.lstrip("\"'\u2018\u201c(\u2014-")
        if w0[:1].isupper() or w0[:1].isdigit():
            caps += 1
        elif w0.lower() not in _SMALL_WORDS:
            return False
    return caps >= 1 and (len(words) > 1 or words[0][:1].isupper())


_SMALL_WORDS = frozenset("a an the of for from to in on at by and or with as vs is".split())


def looks_like_speech(text: str, q: QuoteSpan, attributed: bool, para_start: bool, how: str | None = None,
                      cue_gap: int = 0, title_para: bool = False, whole_para: bool = False) -> bool:
    """Whether a quoted span is speech rather than a title, a name or a scare quote.

    General cues only, no memorised strings: the number of words; whether an
    attribution was found and how close its cue is (``cue_gap``: words between
    the cue and the opening mark); a complete sentence inside the marks; Title
    Case (titles of shows, books, slogans); a word before the opening mark that
    introduces a name or title ("on", "the", "titled", a possessive); a byline
    after the closing mark ('"…," by Jane Doe'); a headline-style paragraph.

    Args:
        attributed: a cue and speaker were found next to the quote (post, pre, according, agent).
        para_start: the quote opens its paragraph.
        how: how the speaker was found (``post``, ``pre``, ``split``, ``carry`` ...).
        cue_gap: for ``pre`` attributions, words between the cue and the opening mark.
        title_para: the paragraph is a headline in Title Case.
        whole_para: the quotation (with its marks and final punctuation) is the whole paragraph.
    """
    inner = text[q.start:q.end]
    n = _n_words(inner)
    if n == 0:
        return False
    core = inner.rstrip(" \u00a0.,;:!?\u2019'\"\u201d)]")
    title_like = _title_like(core)
    ends_sentence = inner.rstrip("\u2019'\")]\u201d")[-1:] in (".", "?", "!")
    j = q.open
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "\u2019'-"):
        k -= 1
    prev = text[k:j].lower()
    title_ctx = prev in _TITLE_CTX or prev.endswith(("\u2019s", "'s", "s\u2019", "s'"))
    if prev == "told" and title_like and not ends_sentence:
        title_ctx = True  # 'told "Fox and Friends"': the programme spoken to (round 19)
    if not prev and text[j - 1:j] == "," and title_like:
        # an appositive title after its noun: 'her memoir, "Tough Choices."' (round 19)
        m = _WORD_END_RE.search(text, max(0, j - 40), j - 1)
        title_ctx = m is not None and m.group(1).lower() in _TITLE_NOUNS
    if q.closed and how != "post" and (_BYLINE_RE.match(text, q.close_end) or (
            (inner.rstrip()[-1:] == "," or text[q.close_end:q.close_end + 1] == ",")
            and _BYLINE_THE_RE.match(text, q.close_end))):
        return False  # '"Pop-up art show opens," by Jane Doe': the title of a piece
    if title_like and (title_ctx or title_para) and n <= 12:
        return False
    if attributed and (how in ("post", "according", "agent") or cue_gap <= 3):
        return not (title_like and n <= 3 and not ends_sentence and how != "post")
    if attributed:
        # a cue earlier in the sentence: 'Trump said he would be "very fair"'
        return not title_like and not title_ctx or n >= 5
    if title_like and n <= 10:
        return False
    if title_para and q.family == "single":
        return False
    if how is None and n <= 6 and para_start and whole_para:
        return False  # a short quoted line standing alone: a subheading, not speech
    if how in ("split", "carry", "prev", "heading"):
        return n >= 5 or (n >= 3 and ends_sentence)
    if para_start and (n >= 5 or (n >= 3 and ends_sentence)):
        return True
    return n >= 5


_HEADLINE_MAX_WORDS = 30  # a first paragraph this short, one sentence, is the headline (round 19)


def _headline_para(text: str, lo: int, hi: int, title_in_text: bool) -> bool:
    """Whether the first paragraph ``text[lo:hi]`` is the article's headline: it is marked so, or
    it is short and holds no sentence end before its last few characters."""
    if title_in_text:
        return True
    if _n_words(text[lo:hi]) > _HEADLINE_MAX_WORDS:
        return False
    return _SENT_END_RE.search(text, lo, max(lo, hi - 3)) is None


def _placed_speech(text: str, q: QuoteSpan, lo: int, hi: int, headline: bool, whole: bool, primary: str,
                   how: str | None, prev_q: QuoteSpan | None) -> bool | None:
    """Where a quotation stands decides whether it is speech, before its words are weighed (round 19).

    * An opening mark right after ``=`` is an attribute value in markup (``datetime="..."``): never.
    * In a headline, a quotation right after a colon that runs to the end of the line is the
      headline's quotation ("Jo Roe: 'We Will Win.'"), whatever its case; a quotation in the
      secondary (single) marks anywhere else in a headline is a partial quote or a scare quote
      inside the headline's own sentence ("Roe calls plan 'crazy system' ..."): not direct speech,
      unless a cue right after it attributes it ("'Now is not the time,' Jo Roe says").
    * A whole paragraph in the secondary (single) marks in an article quoted with double marks is
      a subheading ("'A fight from start to finish.'"), not speech.
    * A quotation right after '"<title>," by <byline>:' is an excerpt of that piece (newsletter
      round-ups), not someone's speech.
    * A short sentence quoted right after the sentence that attributed the quotation before it
      in the same paragraph is the same speaker going on ('"...," she said. "Big time."').

    Returns:
        ``True`` or ``False`` when the position decides, ``None`` to leave it to ``looks_like_speech``.
    """
    if text[q.open - 1:q.open] == "=":
        return False
    secondary = q.family == SINGLE and primary == DOUBLE
    if headline:
        before = text[lo:q.open].rstrip(" \u00a0")
        if q.closed and before.endswith(":") and _n_words(before) <= 12 \
                and not text[q.close_end:hi].strip(" \u00a0.,;!?"):
            return True
        if secondary and how != "post":
            return False
    if secondary and whole and q.closed and not headline:
        return False
    if prev_q is not None and _EXCERPT_BYLINE_RE.match(text, prev_q.close_end, q.open):
        return False  # '"<title>," by the Times' Jo Roe: "<excerpt>"': a passage of a news story
    if how == "split" and prev_q is not None and q.closed and prev_q.closed \
            and q.open - prev_q.close_end <= _FOLLOW_GAP and text[q.start:q.start + 1].isupper():
        inner = text[q.start:q.end].rstrip("\u2019'\")]\u201d")
        before = text[prev_q.close_end:q.open].rstrip(" \u00a0")
        if inner[-1:] in (".", "?", "!") and before[-1:] == "." and _n_words(before) <= 8:
            return True
    return None


_FOLLOW_GAP = 80  # characters between an attributed quotation and a short one that goes on from it


# --------------------------------------------------------------------------- main entry
def extract(article: Article) -> Extraction:
    """Find quotations and reported speech in ``article`` and attribute them to entities.

    Never raises on odd typography: unbalanced or stray quotation marks give at
    most a quote to the end of their paragraph.
    """
    finder, parser = _tools()
    text = article.text
    paras = article.paragraphs
    spans = find_quote_spans(text, paras)
    primary = primary_family(text) if spans else DOUBLE
    abbrev = parser.abbrev
    para_quotes: dict[int, list[QuoteSpan]] = {}
    for q in spans:
        para_quotes.setdefault(q.paragraph, []).append(q)
    ends_cache: dict[int, list[int]] = {}

    def ends_of(pi: int) -> list[int]:
        if pi not in ends_cache:
            lo, hi = paras[pi]
            ends_cache[pi] = sentence_ends(text, lo, hi, abbrev)
        return ends_cache[pi]

    # ---- 1. attribute direct quotes
    atts: dict[int, Attribution] = {}  # id(span) index -> attribution
    kept: list[tuple[QuoteSpan, Attribution | None, str | None]] = []
    runs = finder.runs(text, paras)
    furniture = _furniture_spans(text, paras)
    if furniture:  # sign-up boxes, captions, related-headline cards: no names, no quotes
        runs = [_cut_run(r, furniture) for r in runs if not _in_spans(furniture, r.start)]
        runs = [r for r in runs if r is not None]
        spans = [q for q in spans if not _in_spans(furniture, q.open)]
        para_quotes = {}
        for q in spans:
            para_quotes.setdefault(q.paragraph, []).append(q)
    run_starts = [r.start for r in runs]
    carry: Attribution | None = None
    carry_gap = 0
    weak: set[int] = set()  # ids of attribute_pre_more attributions
    headings_seen = False  # a line naming the speaker of the excerpts below it: no bylines after excerpts
    for pi, (lo, hi) in enumerate(paras):
        qs = para_quotes.get(pi)
        if not qs:
            if pi + 1 not in para_quotes and pi + 2 not in para_quotes:
                # no quotation paragraph in the next two: whatever this paragraph does to the
                # carried speaker is undone before a quotation can use it (two paragraphs without
                # a speaker end the carry; an intro or a name would only replace it), so skip it
                carry, carry_gap = None, 0
                continue
            # a narrative paragraph: "He continued:" style intro keeps/sets the speaker
            intro = None
            if text[hi - 1:hi] == ":":
                ends = ends_of(pi)
                k = bisect.bisect_right(ends, hi - 2)
                s0 = ends[k - 1] if k > 0 else lo
                intro = parser.attribute_pre(text, s0, hi - 1) or parser.statement_intro(text, s0, hi - 1)
            if intro is None:
                # "Jane Doe, a nurse, said the wards are full." then a quotation paragraph: hers
                ends = ends_of(pi)
                k = bisect.bisect_right(ends, hi - 2)
                s0 = ends[k - 1] if k > 0 else lo
                intro = parser.attribute_pre(text, s0, hi)
                if intro is not None and (intro.np.kind not in ("name", "pronoun", "role") or (
                        intro.np.kind == "name" and not intro.np.text[:1].isupper())):
                    intro = None  # (not "thinks Nixon's" before a cue deep inside the sentence)
            if intro is None and pi + 1 in para_quotes:
                # "..., said Jo Roe, a history professor." then a quotation paragraph: the speaker of
                # the reported speech closing the paragraph (a name, pronoun or role)
                ends = ends_of(pi)
                k = bisect.bisect_right(ends, hi - 2)
                s0 = ends[k - 1] if k > 0 else lo
                nq = para_quotes[pi + 1][0]
                if nq.open <= paras[pi + 1][0] + 3 or not text[paras[pi + 1][0]:nq.open].strip():
                    for r in parser.reported_speech(text, s0, hi, ends, _never)[:1]:
                        a = r.attribution  # the sentence's first cue: a verb of saying with a named speaker
                        if a.np is not None and a.np.kind == "name" and a.np.text[:1].isupper() \
                                and a.how in ("pre", "post") and a.cue.lower() in parser.speech \
                                and not (a.np.end <= a.cue_start and _WHO_AFTER_RE.match(text, a.np.end)):
                            intro = Attribution(a.cue, a.cue_start, a.cue_end, a.np, "pre")
            if intro is None and not (carry is not None and carry.how == "byline" and lo <= carry.np.start < hi):
                # a line naming the speaker of the quotation paragraphs below it (not the byline of
                # the one above): "Virginia Governor Jo Roe:" or "Jane Doe, Daily Gazette"
                intro = _heading_line(text, lo, hi, parser)
                headings_seen = headings_seen or intro is not None
            if intro is not None:
                carry, carry_gap = intro, 0
            elif text[hi - 1:hi] == ":" and not _BACK_PRONOUN_RE.search(text, lo, hi):
                # "There it is, in Article IV of the Constitution:": the colon introduces other words
                # (not "Her letter cited ...:", which points back to the speaker)
                carry = None
            elif _names_someone(runs, run_starts, lo, hi, carry):
                carry = None
            else:
                carry_gap += 1
                if carry_gap > 1:
                    carry = None
            continue
        ends = ends_of(pi)
        p0 = lo
        while p0 < hi and text[p0].isspace():
            p0 += 1
        prev_att: Attribution | None = None
        prev_end = lo
        para_atts: list[tuple[QuoteSpan, Attribution | None, str | None]] = []
        for qi, q in enumerate(qs):
            att = None
            how = None
            if q.closed:
                nxt = qs[qi + 1].open if qi + 1 < len(qs) else hi
                ended = text[q.start:q.end].rstrip("\u2019'\")]\u201d")[-1:] in (".", "?", "!")
                att = parser.attribute_post(text, q.close_end, nxt, ended)
                nxt_ch = text[q.close_end:nxt].lstrip(" \u00a0(")[:1]
                if att is not None and ended and text[q.open - 2:q.open].strip(" \u00a0") == ":" \
                        and (nxt_ch.isupper() or nxt_ch in "\u2014\u2013\u2015-"):
                    # 'The mayor said: "We will rebuild." Critics disagreed.': a colon cue right before
                    # a quotation that ends its sentence binds it; a new sentence (or a dash line)
                    # after it is someone else's ('"Poverty?" he said.' still takes the "he")
                    k = bisect.bisect_right(ends, q.open)
                    s0 = max(prev_end, ends[k - 1] if k > 0 else lo)
                    pre = parser.attribute_pre(text, s0, q.open) if s0 < q.open else None
                    if pre is not None:
                        att = pre
                if att is not None:
                    how = att.how
            if att is None:
                k = bisect.bisect_right(ends, q.open)
                s0 = max(prev_end, ends[k - 1] if k > 0 else lo)
                if s0 < q.open:
                    att = parser.attribute_pre_first(text, s0, q.open) or parser.attribute_pre(text, s0, q.open) \
                        or parser.attribute_pre_adverbial(text, s0, q.open)
                    if att is None:
                        att = parser.attribute_pre_more(text, s0, q.open)
                        if att is not None:
                            weak.add(id(att))  # a reported-speech parse holding the quote may replace it
                    if att is not None:
                        how = att.how
                if att is None and prev_att is None and k > 0 and ends[k - 1] >= prev_end \
                        and not text[ends[k - 1]:q.open].strip():
                    # the quote opens a sentence right after one with a speaker:
                    # 'Or maybe Jeb Bush, consultant Phil Musser says. "Several surveys ..."'
                    p0 = max(prev_end, ends[k - 2] if k > 1 else lo)
                    att = parser.attribute_pre(text, p0, ends[k - 1]) or parser._inverted_pre(text, p0, ends[k - 1])
                    if att is not None and att.np.kind in ("name", "pronoun", "role") and (
                            att.np.kind != "role" or att.cue_start == p0 or not text[p0:att.cue_start].strip()):
                        how = "prev"
                    else:
                        att = None
            if att is None and prev_att is not None and q.open - prev_end <= _SPLIT_GAP:
                att, how = prev_att, "split"
            para_atts.append((q, att, how))
            if att is not None:
                prev_att = att
            prev_end = q.close_end
        # quotes before the first attribution in the paragraph: a later one may name the speaker
        first_att = next((a for _, a, _ in para_atts if a is not None), None)
        out_atts = []
        for q, att, how in para_atts:
            if att is None:
                para_start = q.open <= p0
                if para_start and carry is not None and (q is qs[0]):
                    att, how = carry, ("heading" if carry.how == "heading" else "carry")
                elif first_att is not None and _next_attributed_gap(para_atts, q) <= _SPLIT_GAP:
                    att, how = first_att, "split"
                elif carry is not None and carry.how == "heading" and first_att is None:
                    att, how = carry, "heading"  # an excerpt under a heading that opens with a few words of its own
                elif out_atts and out_atts[-1][1] is not None and not text[out_atts[-1][0].close_end:q.open].strip():
                    # a further quotation right after an attributed one, nothing between: the same
                    # speaker's next sentences ('As the AP notes: "..." "..."', a heading's quotes)
                    att, how = out_atts[-1][1], "split"
            if att is None and len(qs) == 1 and q.open <= p0 and not headings_seen:
                if not text[q.close_end:hi].strip(" \u00a0.,!?"):
                    att = _name_line(text, *paras[pi + 1]) if pi + 1 < len(paras) else None
                else:  # '"…" Jane Doe, Daily Gazette' closing the paragraph
                    att = _name_line(text, q.close_end, hi)
                if att is not None:
                    how = "byline"
            out_atts.append((q, att, how))
        # speech filter
        title_para = hi - lo < 400 and _is_title_case(text[lo:hi])
        headline = pi == 0 and _headline_para(text, lo, hi, article.title_in_text)
        prev_q = None
        for q, att, how in out_atts:
            para_start = q.open <= p0
            gap = _n_words(text[att.cue_end:q.open]) if att is not None and how == "pre" and att.cue_end <= q.open \
                else 0
            whole = para_start and not text[q.close_end:hi].strip(" \u00a0.,!?")
            verdict = _placed_speech(text, q, lo, hi, headline, whole, primary, how, prev_q)
            if verdict is None:
                verdict = looks_like_speech(text, q, att is not None and how in ("post", "pre", "according", "agent"),
                                            para_start, how, gap, title_para, whole)
            if verdict:
                kept.append((q, att, how))
            prev_q = q
        last_att = None
        for q, att, how in out_atts:
            if att is not None:
                last_att = att
        if last_att is not None:
            carry, carry_gap = last_att, 0
        elif qs[0].open <= p0:
            pass  # an unattributed quote paragraph: keep the carried speaker
        else:
            carry = None
    del atts

    # ---- 2. reported speech (outside direct quotes)
    dq = sorted((q.open, q.close_end) for q, _, _ in kept)
    dq_starts = [a for a, _ in dq]
    all_spans = sorted((q.open, q.close_end) for q in spans)
    all_starts = [a for a, _ in all_spans]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(all_starts, pos) - 1
        return k >= 0 and all_spans[k][0] <= pos < all_spans[k][1]

    reported = []
    headline_cues: dict[int, tuple[int, int]] = {}  # cue offset -> its paragraph
    silent_cues: set[int] = set()  # cue offsets of explicit non-responses
    used_cues = {att.cue_start for _, att, how in kept if att is not None and how == "post"}
    partials = _Partials(text, paras, kept, weak)
    for pi, (lo, hi) in enumerate(paras):
        if article.title_in_text and pi == 0:
            continue
        for r in parser.reported_speech(text, lo, hi, ends_of(pi), in_quote, used_cues):
            if r.attribution.cue_start in used_cues:
                continue  # the cue of a direct quotation ('"…," Trump said late last week.')
            if furniture and (_in_spans(furniture, r.attribution.cue_start) or _in_spans(furniture, r.start)):
                continue
            if _non_response(text, r.attribution.cue_start, lo, r.end):
                # "did not respond to a request for comment": a silence (measures.silence), no one's speech;
                # the span stays (PolNeAR annotates such attributions), without a speaker
                silent_cues.add(r.attribution.cue_start)
            if _capitalised_cue(text, r.attribution.cue_start, lo):
                # a headline ("Holder Insists ...", "Immigration Issue Shows ...") or a name ("Associated
                # Press"): the words stay, the speaker only if the body names it outside this paragraph
                headline_cues[r.attribution.cue_start] = (lo, hi)
            partials.claim(r)
            # cut the content before a direct quote that starts inside it
            k = bisect.bisect_left(dq_starts, r.start)
            if k < len(dq) and dq[k][0] < r.end:
                r.end = dq[k][0]
                while r.end > r.start and text[r.end - 1] in " \u00a0,:;":
                    r.end -= 1
                if _n_words(text[r.start:r.end]) < 3:
                    continue
            if k > 0 and dq[k - 1][1] > r.start:
                continue
            if not _QUOTE_MARKS.isdisjoint(text[max(0, r.start - 3):r.start + 1]):
                # right after a quotation mark (e.g. at the start of a paragraph that follows a
                # quotation): readers and scorers would take it for a direct quote; left out
                continue
            reported.append(r)
    # headline convention "Name: what they said" (first paragraph, or any headline-style one)
    for pi, (lo, hi) in enumerate(paras[:3]):
        r = parser.headline_speech(text, lo, hi, pi == 0 or _is_title_case(text[lo:hi]))
        if r is not None and not in_quote(r.start) and not (furniture and _in_spans(furniture, r.start)):
            k = bisect.bisect_left(dq_starts, r.start)
            if not (k < len(dq) and dq[k][0] < r.end) and not (k > 0 and dq[k - 1][1] > r.start):
                reported.append(r)
    # (at the same start, a raising cue's fragment without a source gives way to a sourced span: "They are
    # expected to survive, Dr. Jo Roe told reporters." is Roe's; not to a passive's agent, "The papers are
    # believed to have been found by a passer-by", whose span ends inside the verb group; round 21)
    reported.sort(key=lambda r: (r.start, r.attribution.how in ("raising", "agent"), r.end))
    kept_rep = []
    last_end = -1
    for r in reported:
        if r.start >= last_end:
            kept_rep.append(r)
            last_end = r.end

    # ---- 3. entities and mentions
    res = _Resolver(text, runs, spans, finder, parser)
    quotes: list[Quote] = []
    for q, att, how in kept:
        quotes.append(_make_quote(text, q.start, q.end, "direct", att, how, res))
    for r in kept_rep:
        quotes.append(_make_quote(text, r.start, r.end, "indirect", r.attribution, r.attribution.how, res,
                                  headline_cues.get(r.attribution.cue_start), r.attribution.cue_start in silent_cues))
    quotes.sort(key=lambda x: (x.start, x.end))
    res.role_mentions()
    res.merge_surnames(quotes)
    res.merge_acronyms(quotes)
    return res.result(quotes)


_NON_RESPONSE: list = [None]  # (the non-response regex, the words it can match or None), loaded at first use


def _non_response(text: str, cs: int, lo: int, end: int) -> bool:
    """Whether a phrase of ``data/lexicons/non_response.txt`` ("did not respond to a request for
    comment", "declined to discuss the case") holds the reported-speech cue at ``cs``: an explicit
    non-response, which ``measures.non_responses`` counts as silence, not speech."""
    got = _NON_RESPONSE[0]
    if got is None:
        from .measures import NON_RESPONSE_PATH, _load_phrases  # (the same list the silence table reads)

        pat = _load_phrases(str(NON_RESPONSE_PATH))
        bounded = pat.pattern.startswith("(?<!\\w)") and pat.pattern.endswith("(?!\\w)")
        got = _NON_RESPONSE[0] = (pat, _regex_words(pat) if bounded else None)
    pat, words = got
    a, b = max(lo, cs - 60), min(len(text), max(end, cs) + 5)
    if words is not None and (cs == 0 or not (text[cs - 1].isalnum() or text[cs - 1] == "_")):  # (= not \w)
        # cheap exit: a match holding cs holds the whole word starting there (matches start and end at
        # word boundaries), so that word must be one the regex can match ("said", "told": never)
        w = _WORD_RUN_RE.match(text, cs, b)
        if w is not None and w.end() < b and w.group().isascii() and w.group().lower() not in words:
            return False
    for m in pat.finditer(text, a, b):
        if m.start() <= cs < m.end():
            return True
    return False


_WORD_CHAR_RE = re.compile(r"\w")
_WORD_RUN_RE = re.compile(r"\w+")


@functools.lru_cache(maxsize=4)
def _regex_words(pat: re.Pattern) -> frozenset[str] | None:
    """Every word (maximal run of word characters, lower-cased) of every string ``pat`` can match, for a
    regex built of ASCII literals, character sets of literals, groups, alternatives, optional parts and
    zero-width assertions (which are skipped: their words need not be in the match); None for any other
    regex. Words wholly inside a string are collected as found and each partial string is cut down to
    its first and last word, so the enumeration stays small."""
    try:
        from re import _constants as C, _parser as P  # (the regex module's own parser, Python >= 3.11)
    except ImportError:  # pragma: no cover - a Python whose regex internals moved: no cheap exit
        return None
    inner: set[str] = set()

    def cut(x: str) -> str:  # (x holds word characters and " " for the others)
        i, j = x.find(" "), x.rfind(" ")
        if i < j:
            inner.update(x[i + 1:j].split())
            return x[:i] + x[j:]
        return x

    def strings(items) -> list[str] | None:
        out = [""]
        for op, av in items:
            if op is C.LITERAL:
                opts = [chr(av)]
            elif op is C.IN and all(o is C.LITERAL for o, _ in av):
                opts = [chr(c) for _, c in av]
            if op is C.LITERAL or op is C.IN and all(o is C.LITERAL for o, _ in av):
                if any(not c.isascii() and (_WORD_CHAR_RE.match(c) or c.lower() != c or c.upper() != c) for c in opts):
                    return None  # (only ASCII words; other characters only without case, like "\u2019")
                opts = [c if _WORD_CHAR_RE.match(c) else " " for c in opts]
            elif op is C.SUBPATTERN:
                opts = strings(av[3])
            elif op is C.BRANCH:
                opts = []
                for alt in av[1]:
                    got = strings(alt)
                    if got is None:
                        return None
                    opts += got
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[1] <= 1:
                got = strings(av[2])
                opts = None if got is None else [""] * (av[0] == 0) + got
            elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
                continue
            else:
                return None
            if opts is None:
                return None
            out = list(dict.fromkeys(cut(x + y) for x in out for y in set(opts)))
            if len(out) > 100_000:
                return None
        return out

    try:
        got = strings(P.parse(pat.pattern, pat.flags))
    except (AttributeError, TypeError, ValueError, IndexError):  # pragma: no cover - internals changed
        return None
    if got is None:
        return None
    return frozenset(w.lower() for w in inner.union(*(x.split() for x in got)))


def _capitalised_cue(text: str, cs: int, lo: int) -> bool:
    """Whether the reported-speech cue at ``cs`` is written with a capital inside its sentence (a
    word before it in the paragraph, no sentence end, colon, dash or quotation mark between): a
    title-case headline ("Family Disputes Claims Man Was Armed", "Holder Insists") or a name
    ("The Associated Press contributed"), the outlet's words rather than reported speech."""
    if not text[cs:cs + 1].isupper():
        return False
    j = cs - 1
    while j >= lo and text[j] in " \u00a0":
        j -= 1
    return j >= lo and (text[j].isalnum() or text[j] == ",")


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_MORE_RE = re.compile(r"(?<![\w\u2019'])MORE(?![\w\u2019'])")
_CARD_STOP_RE = re.compile(r"(?:[a-z]{3}[.!?][\"\u201d\u2019]?|\n)\s")  # a sentence end, not "Rep."
_GLUE_RE = re.compile(r"[a-z\u00e0-\u00ff\)][A-Z]")


@functools.lru_cache(maxsize=2)
def _furniture_res() -> tuple[re.Pattern, re.Pattern]:
    opens, within = page_furniture()
    return (re.compile(r"\s*(?i:" + "|".join(re.escape(p) for p in opens) + ")"),
            re.compile("(?i:" + "|".join(re.escape(p) for p in within) + ")"))


_LINK_MAX = 200  # characters of a related-article link paragraph (round 18)


@functools.lru_cache(maxsize=2)
def _link_res() -> tuple[re.Pattern, re.Pattern]:
    closes, lists = page_furniture_links()
    alt = (lambda ps: "|".join(re.escape(p) for p in ps) or "(?!)")
    return (re.compile(r"(?i:" + alt(closes) + r")[ \u00a0]*$"),
            re.compile(r"[ \u00a0]*(?i:" + alt(lists) + r")\b"))


# the characters beyond ASCII that case-insensitive regex matching pairs with an ASCII character, or
# whose lower case holds one ("\u0130" -> "i\u0307", Kelvin sign -> "k", long s ~ "s"); a test checks all of Unicode
_CASE_SPECIAL = CASE_SPECIAL


@functools.lru_cache(maxsize=2)
def _within_phrases() -> tuple[str, ...] | None:
    """The ``within`` phrases of ``page_furniture.tsv`` when all are ASCII (see :func:`_holds_within`)."""
    within = page_furniture()[1]
    return within if all(p.isascii() for p in within) else None


def _holds_within(text: str, lo: int, hi: int, within_re: re.Pattern) -> bool:
    """``within_re.search(text, lo, hi)`` (a case-insensitive search for ASCII phrases), as a search of
    the lower-cased paragraph when it holds no character of ``_CASE_SPECIAL`` (then an ASCII phrase
    matches exactly where it does in the lower-cased text: other characters beyond ASCII match no ASCII
    character, and their lower case holds none), which is several times cheaper than the regex
    trying each phrase at every position."""
    phrases = _within_phrases()
    if phrases is not None:
        seg = text[lo:hi]
        if seg.isascii() or _CASE_SPECIAL.isdisjoint(seg):
            low = seg.lower()
            return any(p in low for p in phrases)
    return within_re.search(text, lo, hi) is not None


def _cut_run(run: NameRun, spans: list[tuple[int, int]]) -> NameRun | None:
    """``run`` cut before the furniture span it runs into ("President Jo Roe Joanna RoeSenate ...": the
    name the sentence gives, "Jo Roe", without the related-headline card glued to it); None when no
    word is left. Runs that do not reach into a span are returned as they are."""
    k = bisect.bisect_right(spans, (run.end, 1 << 62)) - 1
    if k < 0 or spans[k][1] <= run.start or spans[k][0] >= run.end or spans[k][0] <= run.start:
        return run
    cut = run.text[:spans[k][0] - run.start].rstrip(" \u00a0")
    if not cut:
        return None
    return dataclasses.replace(run, end=run.start + len(cut), text=cut)


def _card_by_name(text: str, lo: int, more: int) -> int | None:
    """Where a related-headline card ending at ``more`` (an all-capitals "MORE") begins, read from the
    name it repeats: the card opens with the person's full name, whose last word is glued to the first
    headline, right after the name as the sentence gives it ("Sen. Jo Roe Joanna RoeSenate passes bill
    ... MORE": the card begins at "Joanna"; "Mitch McConnell Addison Mitchell McConnellMcConnell says
    ... MORE"). The leftmost glue after ``lo`` (a newline or the previous card) whose glued word also
    stands alone up to 80 characters before it decides, so a sentence end or a question mark inside the
    headlines does not hide the card's start, and the name the sentence gives stays text. None when no
    glued word repeats one before it."""
    nl = text.rfind("\n", lo, more)
    if nl >= 0:
        lo = nl + 1
    for g in _GLUE_RE.finditer(text, lo, more):
        ge = g.start() + 1  # the glued word ends here
        ws = ge
        while ws > lo and (text[ws - 1].isalpha() or text[ws - 1] in "'\u2019-"):
            ws -= 1
        word = text[ws:ge]
        if len(word) < 2 or not word[0].isupper():
            continue
        before = text[max(lo, ws - 80):ws]
        k = before.rfind(word)
        while k >= 0:
            end = k + len(word)
            if (k == 0 or not before[k - 1].isalpha()) and end < len(before) and before[end] in " \u00a0":
                start = max(lo, ws - 80) + end
                while start < ws and text[start] in " \u00a0":
                    start += 1
                return start if more - start >= 20 else None
            k = before.rfind(word, 0, k)
    return None


def _furniture_spans(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of page furniture (``page_furniture.tsv``): paragraphs opening
    with a caption or sign-up phrase, short paragraphs holding a newsletter phrase, and
    related-headline cards: a person's name glued to the headlines of its link card up to an
    all-capitals "MORE" ("Sen. Jo Roe Joanna RoeSenate passes bill ... MORE (D-Ill.) said")."""
    opens_re, within_re = _furniture_res()
    closes_re, list_re = _link_res()
    out: list[tuple[int, int]] = []
    listing = False  # inside the headlines under a "More coverage:" heading (round 18)
    for lo, hi in paras:
        if listing:
            seg = text[lo:hi].rstrip().rstrip("\"'\u201d\u2019)")
            if seg and hi - lo < _LINK_MAX and not seg.endswith((".", "!", "?")):
                out.append((lo, hi))
                continue
            listing = False
        if opens_re.match(text, lo, hi) or (hi - lo < 200 and _holds_within(text, lo, hi, within_re)):
            out.append((lo, hi))
        elif hi - lo < _LINK_MAX and closes_re.search(text, lo, hi):
            out.append((lo, hi))  # "Mayors resist Trump's policies: 'We cannot submit to a bully' Read more"
        if hi - lo < 80 and text[lo:hi].rstrip().endswith(":") and list_re.match(text, lo, hi):
            out.append((lo, hi))  # "More coverage of the Orlando shooting:" and the headlines below it
            listing = True
    if "MORE" in text:
        prev_end = 0
        for m in _MORE_RE.finditer(text):
            lo = max(0, m.start() - 700, prev_end)
            prev_end = m.end()
            card = _card_by_name(text, lo, m.start())
            if card is not None:
                out.append((card, m.end()))
                continue
            stop = lo
            for e in _CARD_STOP_RE.finditer(text, lo, m.start()):  # (not "Rep. Jo Roe" inside the card)
                stop = e.end()
            g = _GLUE_RE.search(text, stop, m.start())
            if g is not None and m.start() - g.start() >= 20:
                out.append((g.start() + 1, m.end()))
    out.sort()
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


_SPLIT_GAP = 200  # characters between two quotes of one paragraph that may share an attribution


def _name_line(text: str, lo: int, hi: int) -> Attribution | None:
    """The author named by a short paragraph after a quotation paragraph ('Jane Doe, Daily Gazette').

    Opinion round-ups print each excerpt as a paragraph in quotation marks and its author, with
    an outlet or role after a comma, as the next paragraph. Returns None unless the whole
    paragraph is such a line (at most 12 words; no photo credits).
    """
    if hi - lo > 120:
        return None
    m = _NAME_LINE_RE.match(text, lo, hi)
    if m is None or m.end() != hi or _n_words(text[lo:hi]) > 12 or _NOT_NAME_LINE_RE.search(text, lo, hi):
        return None
    ns, ne = m.span("name")
    desc = m.group("desc")
    if desc is None and not text[lo:ns].strip():
        return None  # a bare capitalised line may be a subheading: a comma or a dash is needed
    np = NP(ns, ne, text[ns:ne], "name", name=text[ns:ne], name_start=ns, name_end=ne,
            description=desc.strip() if desc else None)
    return Attribution("", ns, ns, np, "byline")


_BACK_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]hey|[Tt]heir|[Hh]im)\b")
_AS_ING_RE = re.compile(r"[ \u00a0]+as[ \u00a0]+(\w+ing)\b")  # "was quoted as saying"
_INVERTED_SPEAKER_VERBS = frozenset(("ask", "warn", "urge", "answer"))  # hearer verbs whose inverted subject speaks
_TOKENS_RE = re.compile(r"[\w'\u2019\-]+|[^\w\s]")
_WORD_RE = re.compile(r"(?<![\w\-'\u2019])[A-Za-z][a-z\-]+(?![\w\-'\u2019])")
_PREV_WORD_RE = re.compile(r"(?<![\w\-'\u2019])([A-Za-z][A-Za-z\-]+)[ \u00a0]+\Z")
_SENT_START_RE = re.compile(r"[.!?][\"\u201d\u2019')\]]*[ \u00a0]+(?=[\"\u201c\u2018(]?[A-Z])|\n")
_APPOSITIVE_GAP_RE = re.compile(r",[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?")
_SUBJECT_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_PLACE_BEFORE = frozenset(("a", "an", "in", "at", "near", "outside", "inside", "from"))
# "it"/"they" resolves to an organisation only when it was met in the pronoun's own paragraph (at most this
# many paragraph breaks "\n\n" between the antecedent and the pronoun; round 14 of issue 3)
_ORG_PRONOUN_PARAGRAPHS = 0
# "began [to] [circle]", "continued [her] [tour]" (round 17): optional "to", optional article or possessive, a word
_ASPECT_COMPLEMENT_RE = re.compile(r"[ \u00a0]+(?:(to)[ \u00a0]+)?(?:(the|a|an|his|her|their|its|our)[ \u00a0]+)?"
                                   r"([A-Za-z][a-z-]+)\b")
_REFUSED_ACT_RE = re.compile(r"\s+to\s+([A-Za-z]+)\b")  # "declined [to indict]" (round 17)
# words that end the object of an act cue before its head: a clause or an infinitive follows (round 14)
_ACT_STOPS = frozenset(("that", "to", "like", "as", "if", "whether", "what", "how", "why"))
_POSSESSIVES = frozenset(("his", "her", "its", "their", "our", "my", "your"))
_WORD_BEFORE_POSS_RE = re.compile(r"(?<![\w'\u2019])([A-Za-z][\w.\-]*(?:['\u2019]s?)?)[ \u00a0]+\Z")
_PRONOUN_GENDER = {"he": "male", "she": "female"}
# a gendered noun right before a name, a comma between allowed: "businessman Jo Roe", "his wife, Jo Roe"
_GENDER_BEFORE_RE = re.compile(r"\b([A-Za-z]+),?[ \u00a0]+\Z")
# the opening of an appositive after a name: ", " and an optional age (", 52, a spokeswoman")
_APPOSITIVE_OPEN_RE = re.compile(r",[ \u00a0]+(?:\d+,[ \u00a0]+)?")
# function words an appositive may open with before its head ("a former", "the late", "his")
_APPOSITIVE_LEAD = frozenset(("a", "an", "the", "his", "her", "their", "former", "then", "late", "own", "then-"))
_APPOSITIVE_TOKEN_RE = re.compile(r"[^\W\d_][\w\u2019'-]*|\S")  # words (possessives whole) and single marks
_HEAD_CUT = frozenset(("of", "for", "at", "with", "from", "in", "on", "to", "who", "that", "and", "or", "whose"))


def _head_gender(phrase: str, gw: dict[str, str]) -> str | None:
    """The sex given by the head noun of a role phrase ("the victim's mother", "a spokeswoman for the
    city": the last word before "of"/"for"/...; a possessive is no head)."""
    head = None
    for wm in _WORD_RE.finditer(phrase):
        if wm.group().lower() in _HEAD_CUT:
            break
        head = wm.group()
    if head is None or head.endswith(("'s", "\u2019s", "'", "\u2019")):
        return None
    return gw.get(head.lower())


_WORD_BEFORE_RE = re.compile(r"\b([A-Za-z]+)[ \u00a0]+\Z")
_PASSIVE_AFTER_RE = re.compile(r"(?:,[^,]{1,60},)?[ \u00a0]+(?:was|were|is|are|had[ \u00a0]+been|has[ \u00a0]+been|have[ \u00a0]+been)"
                               r"[ \u00a0]+(?:(?:fatally|allegedly|reportedly|later|then|also)[ \u00a0]+)?([a-z]+)\b")
_NEXT_LOWER_RE = re.compile(r"[ \u00a0]+([a-z][a-z\-]+)\b")  # the lower-case word right after a name
_AUX_WORDS = frozenset(("is", "was", "has", "had", "have", "are", "were", "will", "would", "could", "can",
                        "may", "might", "should", "must", "did", "does", "do", "who", "and", "or", "also",
                        "then", "later", "again", "once", "never", "first", "himself", "herself"))
# a name's next word, past an appositive between commas: "Jo Roe, her father, said"
_SPEAKS_AFTER_RE = re.compile(r"[ \u00a0]*,?[ \u00a0]+(?:[a-z]+ly[ \u00a0]+)?([A-Za-z]+)")
_APPOSITIVE_RE = re.compile(r"[ \u00a0]*,[^,.;:\n\"\u201c\u201d]{1,80}(?=,)")
_WHO_AFTER_RE = re.compile(r"[ \u00a0]*,[ \u00a0]*(?:who|which)\b")  # "conservative Republicans, who argue"


def _never(_pos: int) -> bool:
    return False


def _heading_line(text: str, lo: int, hi: int, parser: Parser) -> Attribution | None:
    """A paragraph that only names the speaker of the quotation paragraphs after it.

    Two forms: a speaker phrase and a colon ("Virginia Governor Jo Roe:", "Hillary Clinton:") and,
    as in opinion round-ups, a name with an outlet or role after a comma ("Jane Doe, Daily Gazette";
    see :func:`_name_line`). The colon form needs a full name (two capitalised words) or a role
    phrase and nothing else in the paragraph (at most eight words). Route ``heading``.
    """
    if hi - lo > 120:
        return None
    para = text[lo:hi].rstrip(" \u00a0")
    if para.endswith(":"):
        e = lo + len(para) - 1
        s = lo
        while s < e and text[s] in " \u00a0\n\t":
            s += 1
        if _n_words(text[s:e]) > 8:
            return None
        np = parser.np_after(text, s, e)
        if np is None or np.start != s or text[np.end:e].strip(" \u00a0") \
                or np.kind not in ("name", "role") or (np.kind == "name" and len((np.name or np.text).split()) < 2) \
                or _NOT_NAME_LINE_RE.search(text, s, e):
            return None
        return Attribution(":", e, e + 1, np, "heading")
    att = _name_line(text, lo, hi)
    if att is None or att.np.text.split()[0].lower() in parser.func \
            or (att.np.description and parser.speech_cue_re.search(att.np.description)):
        return None  # "And Tuesday, he penned an op-ed": a sentence, not a name line
    att.how = "heading"
    return att


def _next_attributed_gap(para_atts, q) -> int:
    """Characters from the end of ``q`` to the next attributed quote of its paragraph."""
    seen = False
    for q2, att, _ in para_atts:
        if q2 is q:
            seen = True
            continue
        if seen and att is not None:
            return q2.open - q.close_end
    return 1 << 30


def _names_someone(runs: list[NameRun], run_starts: list[int], lo: int, hi: int, carry: Attribution | None) -> bool:
    """Whether the paragraph names a person or organisation other than the carried speaker."""
    k = bisect.bisect_left(run_starts, lo)
    while k < len(runs) and runs[k].start < hi:
        r = runs[k]
        if r.kind in ("person", "organisation", "single"):
            if carry is None or carry.np.name is None:
                return True
            cw = set(carry.np.name.split())
            if not (set(r.text.split()) & cw):
                return True
        k += 1
    return False


class _Partials:
    """Unattributed direct quotes inside a narrative sentence ('Smith called the plan "a disaster"',
    'the bill, which Smith said would "gut" the programme'): a reported-speech parse whose content
    span holds the quotation gives it its speaker (route ``reported``). Works on the reported-speech
    parses the extractor makes anyway; quotes that open their paragraph are left to the carry-over
    rules."""

    _SPEAKER_KINDS = ("name", "pronoun", "role", "nominal")

    def __init__(self, text: str, paras: list[tuple[int, int]], kept: list, weak: set[int] = frozenset()):
        self.kept = kept
        self.weak = weak
        self.open: list[tuple[int, int]] = []
        para_starts = [lo for lo, _ in paras]
        for i, (q, att, _how) in enumerate(kept):
            if att is not None and id(att) not in weak:
                continue
            k = bisect.bisect_right(para_starts, q.open) - 1
            lo = paras[k][0] if k >= 0 else 0
            if text[lo:q.open].strip(" \u00a0\t\n\"'\u201c\u2018`"):  # words before it in its paragraph
                self.open.append((q.open, i))
        self.open.sort()
        self.starts = [o for o, _ in self.open]

    def claim(self, r: Reported) -> None:
        """Give ``r``'s speaker to the unattributed quotes that open inside its content span."""
        if not self.open:
            return
        att = r.attribution
        if att.np is None or att.np.kind not in self._SPEAKER_KINDS or att.how not in ("pre", "post", "according"):
            return
        k = bisect.bisect_left(self.starts, r.start - 1)
        while k < len(self.open) and self.starts[k] < r.end:
            i = self.open[k][1]
            q, cur, _how = self.kept[i]
            if (cur is None or id(cur) in self.weak and cur.cue_start == att.cue_start
                    and att.np.kind in ("name", "pronoun")) and q.close_end <= r.end + 2 \
                    and not (att.cue_start <= q.open < att.cue_end):
                self.kept[i] = (q, att, "reported")
            k += 1


def _make_quote(text: str, s: int, e: int, kind: str, att: Attribution | None, how: str | None,
                res: "_Resolver", headline: tuple[int, int] | None = None, silent: bool = False) -> Quote:
    q = Quote(s, e, text[s:e], kind)
    if att is None:
        return q
    q.cue, q.cue_start, q.cue_end = att.cue, att.cue_start, att.cue_end
    if att.np is None:  # a cue without a source ("X is expected to ..."): the writer's attribution
        q.attribution = how
        return q
    np = att.np
    if res.inside_other_quote(np.start, np.end, s):
        return q  # the speaker phrase is part of other quoted words ('saying: "Country is FULL," and ...')
    if kind == "indirect" and (silent or np.in_object or res.writer_pronoun(np) or res.described_subject(np, att)) \
            or kind == "direct" and res.conditional_subject(np) \
            or np.text.lower() in non_source_contexts()["universal"]:
        # "After watching the video, I believe ...": the writer's claim; "asylum seekers may feel",
        # "allows police agencies to seek", "X did not respond to a request for comment": no one's
        # words (the mention is kept, no speaker)
        q.entity = None
    else:
        res.skip_span = (s, e)
        q.entity = res.resolve(att)
        res.skip_span = (0, 0)
        if headline is not None and q.entity is not None and not res.named_outside(q.entity, *headline):
            q.entity = None  # a headline's subject named nowhere else ("Immigration Issue Shows ...")
        elif kind == "indirect" and res.far_organisation(np, q.entity):
            q.entity = None  # "it"/"they" of an organisation named paragraphs back (round 14)
    ms, me = (np.org_start, np.org_end) if np.kind == "nominal" and np.org_start is not None else (np.start, np.end)
    ms, me = res.subject_span.get(id(att), (ms, me))  # ("Trump has called the probe ...": Trump, not "the probe")
    q.speaker_mention = text[ms:me]
    q.speaker_start, q.speaker_end = ms, me
    q.attribution = how
    return q


# --------------------------------------------------------------------------- entities
@functools.lru_cache(maxsize=8192)  # (organisation names recur across articles)
def _org_key(name: str) -> str:
    words = [w.lower() for w in re.findall(r"[\w]+", name)]
    return " ".join(w for w in words if w not in _CONNECT and w not in ("a", "an"))


class _Resolver:
    """Builds entities from name runs and speaker noun phrases; resolves mentions."""

    def __init__(self, text: str, runs: list[NameRun], spans: list[QuoteSpan], finder: NameFinder, parser: Parser):
        self.text = text
        self.parser = parser
        self.finder = finder
        self.entities: list[Entity] = []
        self.by_key: dict[str, Entity] = {}
        self.by_name: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.mention_at: dict[tuple[int, int], str] = {}
        self.mention_end: dict[int, int] = {}  # mention start -> end (the first mention at a start)
        self.subject_span: dict[int, tuple[int, int]] = {}  # id(attribution) -> the subject found for it
        self.quote_spans = sorted((q.start, q.end) for q in spans)
        self._qstarts = [a for a, _ in self.quote_spans]
        self.person_keys: dict[tuple[str | None, str], str] = {}
        self.surnames: dict[str, list[str]] = {}
        self.firstnames: dict[str, list[str]] = {}
        self.org_keys: dict[str, str] = {}
        self.org_variants: dict[str, dict[str, int]] = {}
        self.role_entities: dict[str, str] = {}
        self.anon_names: set[str] = set()
        # where each person named in full (or by title and surname) is first named, and the title or
        # role before that mention: entity key -> (offset, title key)
        self.intro: dict[str, tuple[int, str | None]] = {}
        self.titled: dict[str, set[str]] = {}  # person key -> the titles written before their name ("gov", "sen")
        self.full_at: dict[str, list[tuple[int, int]]] = {}  # person key -> its full-name mentions
        self.first_named: dict[str, list[int]] = {}  # entity key -> mentions by the first name alone
        # mentions outside quotes usable as antecedents: sorted (pos, entity key, class)
        self.antecedents: list[tuple[int, str, str]] = []
        self._memo: dict[int, tuple[Attribution, str | None]] = {}
        # the words of the quote being attributed: no antecedent of its own speaker pronoun (round 13)
        self.skip_span: tuple[int, int] = (0, 0)
        self._source_cache: dict[str, bool] = {}
        # the sexes the text gives each entity (honorifics, role and kinship nouns; round 17)
        self.gender_votes: dict[str, set[str]] = {}
        self.surname_gender_votes: dict[str, set[str]] = {}  # (at mentions by the surname alone: weaker)
        self._first_name_memo: dict[str, tuple[int, str | None]] = {}
        # mentions whose sex evidence is not read yet: entity key -> [(start, end, kind)] (read lazily)
        self._gender_pending: dict[str, list[tuple[int, int, str]]] = {}
        self.runs = runs
        self.run_by_span: dict[int, NameRun] = {}
        self._build_from_runs()

    # -- helpers
    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._qstarts, pos) - 1
        return k >= 0 and self.quote_spans[k][0] <= pos < self.quote_spans[k][1]

    def inside_other_quote(self, start: int, end: int, pos: int) -> bool:
        """Whether ``[start, end)`` lies wholly inside the words of a quotation that does not also hold
        ``pos`` (a speaker phrase inside other quoted words speaks none of the words at ``pos``)."""
        k = bisect.bisect_right(self._qstarts, start) - 1
        if k < 0:
            return False
        qs, qe = self.quote_spans[k]
        return qs <= start and end <= qe and not (qs <= pos < qe)

    def _new(self, name: str, kind: str, description=None, organisation=None) -> Entity:
        e = Entity(f"e{len(self.entities) + 1}", name, kind, description, organisation)
        self.entities.append(e)
        self.by_name.setdefault(name, e)
        self.by_key[e.key] = e
        return e

    def _mention(self, key: str, s: int, e: int, kind: str) -> None:
        if (s, e) in self.mention_at:
            return
        self.mention_at[(s, e)] = key
        self.mention_end.setdefault(s, e)
        self.mentions.append(Mention(key, s, e, self.text[s:e], kind))
        if kind != "pronoun":
            # the sex the words around it give (:meth:`_mention_gender`) is read only when "he"/"she" ask
            # for this entity (:meth:`gender`; most entities are never asked): a function of the text alone
            pending = self._gender_pending.get(key)
            if pending is None:
                self._gender_pending[key] = [(s, e, kind)]
            else:
                pending.append((s, e, kind))
        if not self.in_quote(s):
            ent = self.by_key[key]
            cls = "person" if ent.kind in ("person", "anonymous") else "group"
            bisect.insort(self.antecedents, (s, key, cls))

    def org(self, name: str, count: bool = True) -> Entity:
        key = _org_key(name)
        if key in self.org_keys:
            ent = self.by_key[self.org_keys[key]]
        else:
            ent = self._new(name, "organisation")
            self.org_keys[key] = ent.key
            self.org_variants[ent.key] = {}
        if count or not self.org_variants[ent.key]:
            v = self.org_variants[ent.key]
            v[name] = v.get(name, 0) + 1
        return ent

    def _build_from_runs(self) -> None:
        runs = self.runs
        # people with at least two words (or a title), then organisations, in text order
        heads = antecedent_contexts("appositive")
        last_person: tuple[int, str] | None = None  # (end, key) of the last person named in full
        for r in runs:
            if r.kind == "person" and len(r.words) >= 2:
                words = r.words
                if last_person is not None and words[-1].lower() in heads \
                        and _APPOSITIVE_GAP_RE.fullmatch(self.text, last_person[0], r.mention_start):
                    # "Rep. Jo Roe, a Virginia Republican, said": a description of Jo Roe, no person of its own
                    self._mention(last_person[1], r.mention_start, r.end, "role")
                    continue
                key = (words[0].lower(), words[-1].lower())
                if key in self.person_keys:
                    ent = self.by_key[self.person_keys[key]]
                    if len(r.text) > len(ent.name) and not r.title:
                        ent.name = r.text
                else:
                    ent = self._new(r.text, "person", description=r.role_before)
                    self.person_keys[key] = ent.key
                    self.surnames.setdefault(key[1], []).append(ent.key)
                    self.firstnames.setdefault(key[0], []).append(ent.key)
                    self.intro[ent.key] = (r.mention_start, _title_key(r.title or r.role_before))
                self.full_at.setdefault(ent.key, []).append((r.mention_start, r.end))
                if r.title:
                    self.titled.setdefault(ent.key, set()).add(_title_key(r.title))
                last_person = (r.end, ent.key)
                if ent.description is None and r.role_before:
                    ent.description = r.role_before
                self._mention(ent.key, r.mention_start, r.end, "name")
            elif r.kind == "organisation":
                ent = self.org(r.text)
                self._mention(ent.key, r.start, r.end, "name")
        # single words and titled surnames
        for r in runs:
            if r.kind == "single" or (r.kind == "person" and len(r.words) == 1):
                key = self._person_for_word(r.words[0], r.start, r.title if r.kind == "person" else None)
                if key is None and r.kind == "person":
                    ent = self._new(r.text, "person")
                    self.person_keys[(None, r.text.lower())] = ent.key
                    self.surnames.setdefault(r.text.lower(), []).append(ent.key)
                    self.intro[ent.key] = (r.mention_start, _title_key(r.title))
                    key = ent.key
                if key is not None:
                    self._mention(key, r.mention_start, r.end, "surname")
                    if r.kind == "person" and r.title and len(self.surnames.get(r.text.lower(), ())) <= 1:
                        # (only where one person has the surname: "President Trump" beside "Melania Trump" may be
                        # resolved to the wrong Trump, and would give her the title)
                        self.titled.setdefault(key, set()).add(_title_key(r.title))
            self.run_by_span[r.start] = r
        self._fix_org_names()

    def _person_for_word(self, word: str, pos: int, title: str | None = None) -> str | None:
        """The person a one-word mention at ``pos`` names (a surname, or a first name referring back).

        News style names a second person of the same surname by the full name or the first name
        ("Mark Klass, the father of Polly Klass ... Klass says"; "Franklin Graham, the son of the
        late Billy Graham ... Graham called"): a bare surname is the person of that surname
        named most often before it by full name or surname (a person also called by the first name
        alone is the one the surname does not name: "Sabika ... Sheikh said"); on a tie the one told speaking before it
        ("said Mark Klass", "Her father, Aziz Sheikh, said"), then the one introduced first. A first name alone refers back only
        ("Herndon, Virginia" before "Virginia Johnson" is no mention of her). A titled surname
        before any full name of that surname ("President Obama" before "first lady Michelle
        Obama") is that full name only when introduced with the same title.
        """
        w = word.lower()
        intro = self.intro
        cands = self.surnames.get(w)
        if not cands:
            cands = [c for c in self.firstnames.get(w, ()) if intro.get(c, (pos,))[0] < pos]
            if not cands:
                return None
            if len(cands) == 1:
                self.first_named.setdefault(cands[0], []).append(pos)
        before = [c for c in cands if intro.get(c, (pos,))[0] < pos]
        if not before:
            if title is not None:
                t = _title_key(title)
                cands = [c for c in cands if intro.get(c, (0, None))[1] == t]
                if not cands:
                    return None  # (round 19: joined to the only full name of the surname, if any, by
                    # :meth:`merge_surnames` once the pronouns say its sex)
            return cands[0]  # (a headline naming the surname before the body's full name)
        if len(before) == 1:
            return before[0]
        named = {c: 0 for c in before}  # mentions so far (the second pass runs in text order)
        for m in self.mentions:
            if m.entity in named and m.start < pos:
                named[m.entity] += 1
        first = self.first_named

        def rank(c: str):
            by_first = sum(p < pos for p in first.get(c, ()))
            spoke = any(s < pos and self._speaks_at(s, e) for s, e in self.full_at.get(c, ()))
            return (by_first - named[c], not spoke, intro[c][0])
        return min(before, key=rank)

    def _full_name_ok(self, key: str, first: str | None = None) -> bool:
        """Whether person ``key`` looks named in full (round 19): a first name of ``first_names_gender.tsv``
        (``first``, else the entity name's first word), or a name mention inside a sentence; not a
        capitalised word opening a sentence or headline before a surname ("Maybe Trump", "Impeach
        Obama", "Yet Barr")."""
        if first is None:
            first = self.by_key[key].name.split()[0].rstrip(".").lower()
        if first in gender_words(names=True):
            return True
        return any(m.entity == key and m.kind == "name" and not _starts_sentence(self.text, m.start)
                   for m in self.mentions)

    def _sex_clash(self, key: str, title: str | None, short: str | None = None) -> bool:
        """Whether a titled surname ("President Roe", "Mrs. Roe"; entity ``short`` when it is one already)
        may not be person ``key``, named in full (round 19). The surname's sex is its title's ("mrs"
        female, ``gender_words.tsv``) and what the words at its mentions say ("his uncle, Dr. Roe"); the
        full name's is what the words at its full mentions say, else its first name's. Two known sexes
        must agree; a sex only one side's words give keeps them apart too ("first lady Ines Varo" is not
        the "President Varo" before her; "his uncle, Dr. Roe" is not the ancestor "Wolf Roe")."""
        def said(k: str, kinds: tuple[str, ...]) -> set[str]:
            if k == key:
                spans = self.full_at.get(k) or [(m.start, m.end) for m in self.mentions
                                                 if m.entity == k and m.kind == "name"]
                return {self._mention_gender(s, e, "name") for s, e in spans} - {None}
            return {self._mention_gender(m.start, m.end, m.kind) for m in self.mentions
                    if m.entity == k and m.kind in kinds} - {None}
        full_text = said(key, ("name",))
        full = full_text or ({g} if (g := self._first_name_gender(self.by_key[key])) else set())
        short_text = said(short, ("name", "surname")) if short is not None else set()
        want = gender_words().get(title or "")
        short_sex = short_text | ({want} if want else set())
        if short is not None:
            # "he"/"she" resolved to the surname ("President Trump ... he said" is not the daughter "Ivanka
            # Trump", the only full name): compared with a known sex, never a veto alone
            short_sex |= {_PRONOUN_GENDER.get(m.text.lower()) for m in self.mentions
                          if m.entity == short and m.kind == "pronoun"} - {None}
        if short_sex and full:
            return not (short_sex & full)
        return bool(short_text) or bool(full_text)

    def _speaks_at(self, s: int, e: int) -> bool:
        """Whether the name at ``[s, e)`` is told speaking: a verb of saying right before it ("says
        Jo Roe") or right after it, past an appositive ("Jo Roe, her father, said")."""
        text = self.text
        speech = self.parser.speech
        m = _WORD_BEFORE_RE.search(text, max(0, s - 20), s)
        if m and m.group(1).lower() in speech:
            return True
        m = _SPEAKS_AFTER_RE.match(text, e)
        if m and m.group(1).lower() in speech:
            return True
        m = _APPOSITIVE_RE.match(text, e)
        if m:
            m = _SPEAKS_AFTER_RE.match(text, m.end())
        return bool(m) and m.group(1).lower() in speech

    def _fix_org_names(self) -> None:
        prefer = ("of", "for", "and", "on", "in", "at", "from")
        for key, variants in self.org_variants.items():
            if not variants:
                continue

            def score(name: str):
                conn = [w for w in name.split() if w in _CONNECT]
                rank = min((prefer.index(c) if c in prefer else len(prefer) for c in conn), default=0)
                return (-variants[name], rank, name)

            self.by_key[key].name = min(variants, key=score)

    # -- speaker resolution
    def resolve(self, att: Attribution) -> str | None:
        """The entity key of an attribution's speaker (the same attribution resolves once)."""
        memo = self._memo.get(id(att))
        if memo is not None:
            return memo[1]
        if self._object_of_cue(att):
            # "Trump has called the probe a "witch hunt"": the phrase after the cue is the one called,
            # the speaker is the subject before the cue (or no one)
            sub = self._subject_before(att.cue_start)
            key = sub[0] if sub is not None else None
            if sub is not None:
                self.subject_span[id(att)] = sub[1:]
        else:
            key = None if self._hearer_or_patient(att) or self._passive_subject(att) else self._resolve(att)
        if key is not None and not self._source_ok(key):
            key = None  # "a portion", "October": no speaker, the quote stays unattributed
        self._memo[id(att)] = (att, key)
        return key

    def _object_of_cue(self, att: Attribution) -> bool:
        """Whether the attribution's noun phrase is the object right after a cue whose object and
        predicate carry the content (``object_predicate`` of ``reported_speech.yaml``: "called the
        ruling "flawed"", "calling Waters "an extraordinarily low IQ person""; not an agent after "by":
        "described by the Southern Poverty Law Center as ...")."""
        np = att.np
        if np is None or np.start < att.cue_end or np.kind not in ("name", "role", "nominal", "pronoun"):
            return False
        parser = self.parser
        cue = att.cue.lower()
        lemma = parser.speech.get(cue) or parser.stance.get(cue) or parser.belief.get(cue)
        if lemma not in parser.object_predicate:
            return False
        gap = self.text[att.cue_end:np.start].split()
        return len(gap) <= 1 and "by" not in gap

    def _subject_before(self, pos: int) -> tuple[str, int, int] | None:
        """The speaker told as the subject of the sentence before a cue at ``pos``: the nearest
        person, organisation or pronoun of the sentence before it that is no object (see
        :meth:`_object_position`), as (entity key, mention start, mention end); None if none."""
        text = self.text
        m = None
        for m in _SENT_START_RE.finditer(text, max(0, pos - 400), pos):
            pass
        s0 = m.end() if m is not None else max(0, pos - 400)
        pron = None
        for pm in _SUBJECT_PRONOUN_RE.finditer(text, s0, pos):
            if not self.in_quote(pm.start()):
                pron = pm
        k = bisect.bisect_left(self.antecedents, (pos, "", ""))
        j = k - 1
        while j >= 0:
            p, key, _cls = self.antecedents[j]
            if p < s0:
                break
            if pron is not None and pron.start() > p:
                break
            if self._source_ok(key) and not self._object_position(p):
                return key, p, self.mention_end.get(p, p)
            j -= 1
        if pron is not None:
            np = NP(pron.start(), pron.end(), pron.group(), "pronoun")
            key = self._resolve_pronoun(np)
            if key is not None:
                return key, pron.start(), pron.end()
        return None

    def _hearer_or_patient(self, att: Attribution) -> bool:
        """Whether the attribution's noun phrase is the one spoken to or about, not the speaker.

        * the object of a hearer verb (``hearer_verbs`` of ``reported_speech.yaml``) right after it:
          "..., telling Jo Roe that the plan has "failed"" - Jo Roe is the addressee;
        * the subject of a passive verb whose object and predicate carry the content
          (``object_predicate`` after a ``passive_auxiliaries`` word): "Jo Roe was described as a
          "gentle officer"" - Jo Roe is described, the words are someone else's.

        The quote then stays unattributed rather than credited to the wrong name.
        """
        np = att.np
        if np is None or np.kind not in ("name", "role"):
            return False
        parser = self.parser
        lemma = parser.speech.get(att.cue.lower())
        text = self.text
        if np.end > att.cue_end and lemma in parser.hearer_verbs \
                and (np.start <= att.cue_end or not text[att.cue_end:np.start].strip()):
            # ... unless an inverted cue right after a quotation: '"...?" asked Jo Roe' (not "told")
            return not (att.how == "post" and lemma in _INVERTED_SPEAKER_VERBS)
        return self._passive_patient(att, np, lemma)

    def _passive_subject(self, att: Attribution) -> bool:
        """Whether the phrase before a cue told in the passive without an agent is what was said or done
        to, not a speaker (round 13): "it was revealed that ...", "grand jury results were announced",
        "immigrants are admitted", "Trump is said to have told ..." - a form of "be" (and adverbs) right
        before a participle cue; participles that after "be" tell a stance ("are concerned that", "was
        worried"; ``non_source_contexts.tsv`` tag ``adjective``) still report their subject."""
        np = att.np
        if np is None or np.end > att.cue_start:
            return False
        cue = att.cue.lower()
        if not cue.endswith(("ed", "en")) and cue not in non_source_contexts()["participle"]:
            return False
        gap = self.text[np.end:att.cue_start].split()
        if not gap or len(gap) > 3:
            return False
        m = _AS_ING_RE.match(self.text, att.cue_end)
        if m and m.group(1).lower() in self.parser.speech:
            return False  # "Jo Roe was quoted as saying": a verb of saying in -ing, the subject said it
        parser = self.parser
        while len(gap) > 1 and (parser._is_adverb(gap[-1].lower()) or gap[-1].lower() in ("not", "also", "now")):
            gap.pop()
        return gap[-1].lower() in parser.passive_aux and gap[-1] != "'s" \
            and cue not in non_source_contexts()["adjective"]

    def _passive_patient(self, att: Attribution, np: NP, lemma: str | None) -> bool:
        parser = self.parser
        text = self.text
        if np.end <= att.cue_start and lemma in parser.object_predicate and att.cue.lower() != lemma \
                and not att.cue.lower().endswith("ing"):  # "Jo Roe was calling them \"hypocrites\"": active
            gap = text[np.end:att.cue_start].split()
            if gap and gap[-1].lower() in parser.passive_aux:
                return True
        return False

    def _source_ok(self, key: str) -> bool:
        ok = self._source_cache.get(key)
        if ok is None:
            ent = self.by_key[key]
            ok = self._source_cache[key] = _can_be_source(ent.name, ent.kind)
        return ok

    def _resolve(self, att: Attribution) -> str | None:
        np = att.np
        if np.kind in ("role", "nominal"):
            keep = self._before_auxiliary(np.text)
            if keep is not None:
                if self.text[np.end:att.cue_start].strip(" \u00a0"):
                    return None  # "The lawmakers haven't committed to ..., and are wary of": narrated, no speaker
                # "many in the media are now asking": the auxiliary belongs to the cue
                np = att.np = dataclasses.replace(np, end=np.start + len(keep), text=keep,
                                                  role=keep.split()[-1].lower() if np.role else None)
            np = att.np = self._without_cue_word(np)
        if np.kind == "name":
            return self._resolve_name(np)
        if np.kind == "pronoun":
            return self._resolve_pronoun(np)
        if np.kind == "role":
            return self._resolve_role(np)
        if np.kind == "nominal":
            if np.organisation and np.organisation[:1].isupper():
                ent = self.org(np.organisation, count=False)
                self._fix_org_names()
                if np.org_start is not None:
                    self._mention(ent.key, np.org_start, np.org_end, "name")
                return ent.key
            name = np.text
            if np.determiner and name.lower().startswith(np.determiner + " "):
                name = name[len(np.determiner) + 1:]
            existing = self._find_by_name(name)
            ent = existing or self._new(name, "group", organisation=np.organisation)
            self._mention(ent.key, np.start, np.end, "nominal")
            return ent.key
        return None

    def _before_auxiliary(self, text: str) -> str | None:
        """Round 21: a role or nominal speaker phrase that ran on into a verb phrase, over an auxiliary, a
        negated one or "got" and the adverbs after it ("the lawmakers haven't", "many in the media are now",
        "The families got"): the words before the verb (None when it does not end so, or nothing would be
        left). Lower-case last words only ("Theresa May" is a name)."""
        rs = self.parser.lex.reported_speech
        words = text.split()
        while len(words) > 2 and words[-1] in rs.get("phrase_final_adverbs", ()):
            words.pop()
        if len(words) < 2:
            return None
        last = words[-1]
        if last[:1].islower() and (last in rs.get("phrase_final_verbs", ()) or last.endswith(("n't", "n\u2019t"))):
            return text[:text.rfind(" " + last)].rstrip(" ,")
        return None

    def _without_cue_word(self, np: NP) -> NP:
        """Round 20: a role or nominal speaker phrase that ran on over a verb of saying ("The president said he
        wants ... and claimed": "the president said"; "many conservatives argue ..., saying"; "The Justice
        Department said in a statement it believes") ends before that verb, so the speaker is "the president",
        "many conservatives", "Justice Department". Only a last word that is a form of a speech verb of
        ``speech_verbs.txt`` and no noun of ``source_nouns.txt``, ``speech_nouns.txt`` or ``claim_nouns.tsv``
        ("police reports", "Kelly's claims" stay), after at least one other word that is no determiner: a
        past form ("said", "told", "questioned"), or a base form after a plural noun ("many conservatives
        argue"); base and third-person forms and participles elsewhere may be nouns ("a Facebook post",
        "the press", "blog posts", "the ruling") and are left alone."""
        text = np.text.rstrip()
        k = text.rfind(" ")
        if k <= 0:
            return np
        parser = self.parser
        words = text.split(" ")
        for i in range(2, len(words) - 1):
            # round 21: "a senior administration official told CNN": a past form and its hearer (up to three
            # capitalised words or "reporters") end the phrase as the verb alone does
            w = words[i].lower()
            lem = parser.speech.get(w)
            if lem is not None and w != lem and not w.endswith(("s", "ing")) and len(words) - i - 1 <= 3 \
                    and (all(x[:1].isupper() for x in words[i + 1:]) or words[i + 1:] == ["reporters"]):
                text = " ".join(words[:i + 1])
                k = text.rfind(" ")
                break
        last = text[k + 1:].lower()
        lemma = parser.speech.get(last)
        if lemma is None or last in parser.source_nouns or last in parser.speech_nouns or last in parser.claim_nouns:
            return np
        head = text[:k].rstrip(" ,")
        before = head.split()[-1] if head else ""
        bl = before.lower()
        if not any(c.isalpha() for c in before) or bl in parser.det or bl in parser.func:
            return np  # "the accused" (a form of "accuse"): nothing would be left but a determiner
        if last == lemma or last in (lemma + "s", lemma + "es") or last.endswith("ing"):
            # a base form, a third-person form or a participle may be a noun ("a Facebook post", "blog posts",
            # "the press", "a court filing"): only a base form after a plural noun is taken for the verb
            # ("many conservatives argue")
            if last != lemma or not bl.endswith("s") or bl.endswith(("'s", "\u2019s", "ss")):
                return np
        org, org_end = np.organisation, np.org_end
        if org and org.rstrip().lower().endswith(" " + last):
            org = org.rstrip()[:-len(last) - 1].rstrip(" ,") or None  # "The Justice Department said in ..."
            if org_end is not None and np.org_start is not None:
                org_end = np.org_start + len(org or "")
        kind, role = np.kind, np.role
        if role and role.split()[-1] == last:  # the verb was taken for the role noun ("said")
            if org and head.endswith(org):
                kind, role = "nominal", None  # "The Justice Department said": the organisation speaks
            else:
                role = head.split()[-1].lower()  # "the president said" -> "president"
        return dataclasses.replace(np, end=np.start + len(head), text=head, organisation=org, org_end=org_end,
                                   kind=kind, role=role)

    def _find_by_name(self, name: str) -> Entity | None:
        e = self.by_name.get(name)
        return e if e is not None and e.name == name else None

    def _resolve_name(self, np: NP) -> str | None:
        name = np.name or np.text
        s, e = np.name_start if np.name_start is not None else np.start, np.name_end or np.end
        key = self.mention_at.get((s, e))
        if key is None:
            for (ms, me), k in self.mention_at.items():
                if ms <= s < me or s <= ms < e:
                    key = k
                    break
        words = name.split()
        if key is None and len(words) == 1 and unattested_word_name(self.text, s, e):
            return None  # "Scores of rioters", "\u201cWeapons of war", "SB 54": no name, no speaker
        if key is None and self._place_or_thing(s, e):
            return None  # "at a Taco Bell", "in Washington DC": a place or thing the name finder saw
        if key is None:
            last = words[-1] if words else name
            if last in self.finder.org_words or (len(words) > 1 and words[0] in self.finder.org_first) \
                    or (name.isupper() and len(name) > 1):
                ent = self.org(name, count=False)
                self._fix_org_names()
                key = ent.key
            else:
                key = self._person_for_word(words[-1], s) if len(words) == 1 else None
                if key is None and len(words) >= 2:
                    pk = (words[0].lower(), words[-1].lower())
                    key = self.person_keys.get(pk)
                if key is None:
                    ent = self._new(name, "person")
                    pk = (words[0].lower() if len(words) > 1 else None, words[-1].lower())
                    self.person_keys[pk] = ent.key
                    self.surnames.setdefault(words[-1].lower(), []).append(ent.key)
                    if len(words) > 1:
                        self.firstnames.setdefault(words[0].lower(), []).append(ent.key)
                    key = ent.key
            self._mention(key, s, e, "name" if len(words) > 1 else "surname")
        ent = self.by_key[key]
        if ent.name != name and ent.name.endswith(" " + name) and ent.kind == "person" \
                and self.parser.inverted_cue_re.fullmatch(ent.name[:-len(name) - 1]):
            ent.name = name  # the name run took in an inverted cue: "Tweeted Jo Roe"
        if np.description and not ent.description:
            ent.description = np.description.strip()
        if np.organisation and not ent.organisation and ent.kind == "person" and np.organisation[:1].isupper():
            ent.organisation = np.organisation
        return key

    def named_outside(self, key: str, lo: int, hi: int) -> bool:
        """Whether entity ``key`` has a name mention outside ``text[lo:hi]``."""
        return any(m.entity == key and not (lo <= m.start < hi) and m.kind in ("name", "surname")
                   for m in self.mentions)

    def far_organisation(self, np: NP, key: str | None) -> bool:
        """Whether ``np`` is "it"/"they"/"we" resolved to organisation ``key`` last met in an earlier
        paragraph (round 14): "it argued", "they note" after the organisation's paragraph has ended have
        mostly moved on to a law, a court, a report or people named since ("Wright et al. ... they
        acknowledge", "it says" of an act). Used for reported speech only: a direct quotation right
        after the paragraph naming its organisation ("... it said in a statement.") is news convention."""
        if key is None or np.kind != "pronoun" or np.text.lower() not in ("it", "they", "we") \
                or self.by_key[key].kind != "organisation":
            return False
        k = bisect.bisect_left(self.antecedents, (np.start, "", "")) - 1
        while k >= 0 and (self.antecedents[k][1] != key or self.antecedents[k][0] >= np.start):
            k -= 1
        return k < 0 or self.text.count("\n\n", self.antecedents[k][0], np.start) > _ORG_PRONOUN_PARAGRAPHS

    def writer_pronoun(self, np: NP) -> bool:
        """Whether ``np`` is a first-person pronoun outside quotation marks ("I believe", "we agree"):
        the writer's own words, never those of the person named last."""
        return np.kind == "pronoun" and np.text.lower() in self.parser.self_pron and not self.in_quote(np.start)

    def described_subject(self, np: NP, att: Attribution) -> bool:
        """Whether the subject before a reported-speech cue is described rather than reported
        (``non_source_contexts.tsv``): a subordinator of condition or question right before the subject
        ("if Congress wants", "whether Trump was referring"), a modal right between subject and cue
        ("may feel", "would not seek") or the object of a control verb before an infinitive cue ("allows police agencies to
        seek"; also "X urged Trump to support", where the cue's subject is the object after X). (A relative clause after a noun is left alone: "records that authorities conclude"
        and "an event that Carson says led him" cannot be told apart by their words.)"""
        if self._motive_participle(att):
            return True  # "..., hoping to shield illegal immigrants", "Mohammed fled, fearing arrest": a motive
        if self.act_complement(att) or self.possessed_cue(att):
            return True  # "families seek asylum", "officers responded to a call", "his plan to": no words
        if np.end > att.cue_start or att.cue_start - np.end > 60:
            return False
        text = self.text
        ctx = non_source_contexts()
        if self.conditional_subject(np):
            return True  # "if Congress wants to help", "whether Trump was referring": a condition or a question
        gap = text[np.end:att.cue_start].lower().split()
        if not gap:
            return self._participle_modifier(np, att)
        if len(gap) <= 3 and gap[0].replace("\u2019", "'") in ctx["modal"] and all(
                w.isalpha() or w.replace("\u2019", "'") in ctx["modal"] for w in gap):
            return True  # "may feel", "would not seek", "could reasonably expect" (not "... could act, noting")
        if gap[-1] != "to":
            return False
        if len(gap) >= 3 and any(w in ctx["control"] for w in gap[:-2]):
            return True  # "Pelosi and Schumer have urged Trump to support": the cue's subject is the object
        before = _TOKENS_RE.findall(text, max(0, np.start - 60), np.start)
        words = [w.lower() for w in before]
        k = len(words) - 1
        while k >= 0 and k >= len(words) - 4 and words[k][:1].isalpha():  # "allows state and local [police]"
            if words[k] in ctx["control"]:
                return True
            k -= 1
        return False

    def act_complement(self, att: Attribution) -> bool:
        """Whether the cue's object or complement tells an act or a state, not words (round 14;
        ``act_verb`` and ``act_object`` of ``non_source_contexts.tsv``): "families seek asylum",
        "officers responded to a call", "senators feel pressure", "agents felt free to detain", "police found the
        suspect dead"; a refusal of an act (``act_refusal`` and ``act_infinitive``, round 17: "a grand jury declined
        to indict"), where only the verb right after "to" is read. Up to four
        words after the cue (for a verb listed with its preposition, after that word) are read for an
        ``act_object`` word, stopping at punctuation, a clause ("feel that", "feel they are safe") or an
        infinitive ("seek to protect asylum seekers" reports an aim)."""
        cue = att.cue.lower()
        parser = self.parser
        lemma = parser.stance.get(cue) or parser.belief.get(cue) or parser.speech.get(cue)
        if lemma is None:
            return False
        ctx = non_source_contexts()
        if lemma in ctx["act_refusal"]:
            # round 17: "a grand jury declined to indict", "the office declined to bring charges": a refused
            # act; "declined to comment", "refused to endorse" still report (only the verb after "to" is read)
            m = _REFUSED_ACT_RE.match(self.text, att.cue_end)
            return m is not None and m.group(1).lower() in ctx["act_infinitive"]
        if lemma in ctx["act_aspect"]:
            return self._act_aspect(att)
        verbs = ctx["act_verb"]
        with_prep = lemma + " to" in verbs
        if lemma not in verbs and not with_prep:
            return False
        words = _TOKENS_RE.findall(self.text, att.cue_end, min(len(self.text), att.cue_end + 60))[:6]
        if with_prep:
            if not words or words[0].lower() != "to":
                return False
            words = words[1:]
        for w in words[:4]:
            wl = w.lower().replace("\u2019", "'")
            if wl in ctx["act_object"]:
                return True
            if not w[:1].isalnum() or wl in _ACT_STOPS or wl in parser.subject_pron or wl in parser.self_pron:
                return False  # punctuation or a clause: "feel that ...", "feel they are safe", "seek to"
        return False

    def _act_aspect(self, att: Attribution) -> bool:
        """Whether a cue of beginning or going on (``act_aspect`` of ``non_source_contexts.tsv``, round 17)
        has an act for its complement: a verb in -ing or after "to" ("he began building", "continued to dig
        trenches") or a noun after an article or a possessive ("the DOJ began the new program", "continued her
        tour"), none of them a word of saying, stance or belief ("continued to insist", "began telling",
        "began a chant" still report). No complement ('"...," he continued', "as the probe continues,") is
        no act."""
        m = _ASPECT_COMPLEMENT_RE.match(self.text, att.cue_end)
        if m is None:
            return False
        parser = self.parser
        to, det, w = m.group(1), m.group(2), m.group(3).lower()
        if w in parser.speech or w in parser.stance or w in parser.belief:
            return False
        if det:
            n = _TOKENS_RE.findall(self.text, m.end(), min(len(self.text), m.end() + 40))[:2]
            return not any(x.lower() in parser.speech or x.lower() in parser.stance or x.lower() in parser.belief
                           for x in n)
        return bool(to) or (w.endswith("ing") and len(w) > 4)

    def possessed_cue(self, att: Attribution) -> bool:
        """Whether the cue stands right after a possessive ("his", "their", "Trump's") as a noun of aim or
        stance (``possessed`` of ``non_source_contexts.tsv``: "his plan to detain", "their support for the
        bill") or as an adjective in -ed ("Trump's proposed wall", "his alleged remarks"): no one's words
        (round 14). Nouns of speech ("his claim that ...", "her warning") are not listed and still report,
        and so does a listed noun after a verb of saying ("affirmed his support for", "laid out his plan")."""
        cue = att.cue.lower()
        if not (cue.endswith("ed") or cue in non_source_contexts()["possessed"]):
            return False
        m = _WORD_BEFORE_POSS_RE.search(self.text, max(0, att.cue_start - 40), att.cue_start)
        if m is None:
            return False
        w = m.group(1).lower()
        if not (w in _POSSESSIVES or w.endswith(("'s", "\u2019s", "s'", "s\u2019"))):
            return False
        v = _WORD_BEFORE_RE.search(self.text, max(0, m.start(1) - 30), m.start(1))
        if v is not None:
            vl = v.group(1).lower()
            parser = self.parser
            if vl in parser.speech or vl in parser.stance or vl in parser.belief \
                    or vl in non_source_contexts()["spoken_with"]:
                return False  # "affirmed his support for", "voicing her desire", "laid out his plan": spoken
        return True

    def _motive_participle(self, att: Attribution) -> bool:
        """Whether the cue is a participle of a verb of mental state after a comma (``motive`` lemmas of
        ``non_source_contexts.tsv``: "The city sued, hoping to sideline the law", "He set off the alarm,
        knowing it would ...", "the migrants, assuming they reached the border"): the writer tells why
        someone acted, no one reports it (round 13; "finding", "showing" are not listed: "..., finding
        that the policy was unlawful" reports a ruling)."""
        cue = att.cue.lower()
        if not cue.endswith("ing") or cue in self.parser.speech:
            return False
        if self.parser.belief.get(cue) not in non_source_contexts()["motive"]:
            return False
        j = att.cue_start - 1
        while j >= 0 and self.text[j] in " \u00a0":
            j -= 1
        return j >= 0 and self.text[j] == ","

    def conditional_subject(self, np: NP) -> bool:
        """Whether the phrase opens a condition or an open question: a ``conditional`` word of
        ``non_source_contexts.tsv`` right before it ("if Congress wants to help", "unless Mexico agreed
        to "curtail" ..."; for direct quotations since round 13)."""
        m = _WORD_BEFORE_RE.search(self.text, max(0, np.start - 20), np.start)
        return bool(m) and m.group(1).lower() in non_source_contexts()["conditional"]

    def _participle_modifier(self, np: NP, att: Attribution) -> bool:
        """Whether a stance or belief verb in -ing right after its subject ("families seeking asylum",
        "One of the countries feeling the brunt", "Republicans backing the bill") is a participle
        modifying the noun rather than a report: no comma or "with" before the noun ("..., one
        apologizing that", "with India accusing" report), no verb of saying ("reporters asking"), and
        no document as the noun ("a statement expressing concern", "an amicus brief supporting")."""
        cue = att.cue.lower()
        parser = self.parser
        if not cue.endswith("ing") or cue in parser.speech or (cue not in parser.stance and cue not in parser.belief):
            return False
        text = self.text
        m = _WORD_BEFORE_RE.search(text, max(0, np.start - 20), np.start)
        if m and m.group(1).lower() in ("with", "without"):
            return False
        j = np.start - 1
        while j >= 0 and text[j] in " \u00a0":
            j -= 1
        if j >= 0 and text[j] == ",":
            return False
        return source_head(np.text, inner=np.start > 0 and text[j:j + 1] not in ".!?\n")[1] != "document"

    def _place_or_thing(self, s: int, e: int) -> bool:
        """Whether the name at ``[s, e)`` is a run the name finder read as a place or a thing (kind
        ``place`` or ``other``: "Las Vegas", "World Cup") right after an article or a preposition of
        place ("at a Taco Bell", "in Washington DC"): no person, no speaker."""
        r = self.run_by_span.get(s)
        if r is None or r.kind not in ("place", "other") or r.end < e:
            return False
        m = _WORD_BEFORE_RE.search(self.text, max(0, s - 20), s)
        return bool(m) and m.group(1).lower() in _PLACE_BEFORE

    def _resolve_pronoun(self, np: NP) -> str | None:
        w = np.text.lower()
        want = "group" if w in ("they", "it", "we") else "person"
        k = bisect.bisect_left(self.antecedents, (np.start, "", ""))
        j = k - 1
        fallback = None
        found = None
        lo, hi = self.skip_span
        while j >= 0 and k - j <= 60:
            pos, key, cls = self.antecedents[j]
            if lo <= pos < hi:
                j -= 1  # named inside the quote's own words ("Brown fled, he said"): not its speaker
                continue
            if (cls == want or (w == "they" and self._plural_mention(pos))) and self._source_ok(key):
                if want == "person" and self.gender_clash(key, w):
                    j -= 1  # "Laura Bush ... George W. Bush ... "...," she wrote": not his words (round 17)
                    continue
                if want == "person" and self._attributive(pos):
                    if fallback is None:
                        fallback = (pos, key)
                    j -= 1  # "the Trump administration", "the Ferguson crisis": a modifier, no referent
                    continue
                found = (pos, key)
                break
            if fallback is None and want == "group" and w == "they":
                fallback = (pos, key)
            j -= 1
        if found is not None and want == "person" and w in ("he", "she"):
            found = self._subject_over_object(j, found, w)
        found = found or fallback
        if w == "they" and (found is None or self.by_key[found[1]].kind in ("organisation", "person")) \
                and not (found is not None and self._plural_mention(found[0])):
            # "Officials investigating the shooting said they ...", "Local and federal officials ...
            # the University of Chicago. They found": "they" names the people of the nearest plural
            # noun after the organisation (or person) rather than the organisation itself
            lo = max((me for (ms, me) in self.mention_at if ms == found[0]), default=found[0]) \
                if found is not None else np.start - 400
            key = self._plural_people_before(max(lo, np.start - 400), np.start)
            if key is not None:
                found = (np.start, key)
        if found is not None:
            self._mention(found[1], np.start, np.end, "pronoun")
            return found[1]
        return None

    def _mention_gender(self, s: int, e: int, kind: str) -> str | None:
        """The sex the words at and around one mention ``[s, e)`` give its person (``gender_words.tsv``;
        round 17): an honorific or role noun opening the mention ("Mrs. Jo Roe", "Congresswoman Jo
        Roe"), the noun right before it ("businessman Jo Roe", "his wife, Jo Roe"), the head of an
        appositive after it ("Jo Roe, 52, a spokeswoman for ...") or, for an unnamed speaker of its own
        (kind ``nominal``), the head of the phrase itself ("the victim's mother"); None when none of these
        says, and always for a role phrase resolved to a named person (kind ``role``)."""
        gw = gender_words()
        text = self.text
        if kind == "role":
            return None  # (a role phrase resolved to a recent person is a guess: "the mother of a teenager")
        if kind == "nominal":
            return _head_gender(text[s:e], gw)
        words = text[s:e].split()
        if len(words) >= 2:
            g = gw.get(words[0].rstrip(".").lower())
            if g is not None:
                return g
        m = _GENDER_BEFORE_RE.search(text, max(0, s - 40), s)
        if m is not None and m.group(1).lower() in gw and m.group(1)[:1].islower() \
                and ("," not in m.group() or text[e:e + 1] == ","):
            return gw[m.group(1).lower()]  # ("his grandmother, Taunton said": no appositive)
        m = _APPOSITIVE_OPEN_RE.match(text, e)
        if m is not None:
            func = self.parser.func
            for i, wm in enumerate(_APPOSITIVE_TOKEN_RE.finditer(text, m.end(), min(len(text), m.end() + 80))):
                w = wm.group()
                if i >= 6 or not w[:1].isalpha():
                    break  # punctuation ends the appositive
                wl = w.lower()
                if wl in gw and w[:1].islower():
                    return gw[wl]
                if i == 0 and wl not in _APPOSITIVE_LEAD and w[:1].islower():
                    break  # "Jo Roe, told the station the man ...": a verb, no appositive
                if i > 0 and wl in func:
                    break
        return None

    def gender(self, key: str) -> str | None:
        """The sex of entity ``key`` for "he"/"she" agreement (round 17 of issue 3), strongest first:
        what the text says at its full-name and unnamed mentions and in its description (honorifics
        and role nouns; see :meth:`_mention_gender`); for a person named by at least two words, the first
        name's entry in ``first_names_gender.tsv``; what the text says at its mentions by the surname
        alone (weakest: "Mrs. Trump" may be resolved to Donald Trump). None (unknown, never a veto) when
        nothing says or the strongest evidence says both."""
        pending = self._gender_pending.pop(key, None)
        if pending is not None:
            self._read_gender(key, pending)
        votes = set(self.gender_votes.get(key, ()))
        ent = self.by_key[key]
        if ent.description:
            g = _head_gender(ent.description, gender_words())
            if g is not None:
                votes.add(g)
        if votes:
            return next(iter(votes)) if len(votes) == 1 else None
        g = None
        if ent.kind == "person":
            memo = self._first_name_memo.get(key)
            if memo is None or memo[0] != len(self.entities):  # (a longer name met later may change it)
                memo = self._first_name_memo[key] = (len(self.entities), self._first_name_gender(ent))
            g = memo[1]
        if g is not None:
            return g
        weak = self.surname_gender_votes.get(key, ())
        return next(iter(weak)) if len(weak) == 1 else None

    def _read_gender(self, key: str, pending: list[tuple[int, int, str]]) -> None:
        """Add the sex evidence of the mentions ``pending`` (``(start, end, kind)``, no pronouns) of entity
        ``key`` to its votes (a surname alone may be another person's: "Mrs. Trump" -> Donald Trump, so
        those votes are kept apart as weaker)."""
        for s, e, kind in pending:
            g = self._mention_gender(s, e, kind)
            if g is not None:
                votes = self.surname_gender_votes if kind == "surname" else self.gender_votes
                votes.setdefault(key, set()).add(g)

    def _first_name_gender(self, ent: Entity) -> str | None:
        """The sex ``first_names_gender.tsv`` gives the first name of a person named by two words or
        more (the word after the last title: "Florida Sen. Marco Rubio" -> Marco); None for a surname
        alone, an initial, or two words that end another person's name ("Lance Bottoms")."""
        titles = self.parser.titles
        words = ent.name.split()
        for i in range(len(words) - 1, -1, -1):
            if words[i].rstrip(".").lower() in titles:
                words = words[i + 1:]  # "Florida Sen. Marco Rubio": the name opens after the title
                break
        if len(words) < 2 or len(words[0]) < 2 or "." in words[0]:
            return None  # a surname alone ("Warren"), an initial ("J. Roe"): no first name
        tail = " " + " ".join(words)
        if any(e.key != ent.key and e.kind == "person" and e.name.endswith(tail) for e in self.entities):
            return None  # "Lance Bottoms" of "Keisha Lance Bottoms": a surname of two words
        return gender_words(names=True).get(words[0].lower())

    def gender_clash(self, key: str, pronoun: str) -> bool:
        """Whether the known sex of entity ``key`` contradicts ``pronoun`` ("he"/"she"; others never)."""
        want = _PRONOUN_GENDER.get(pronoun.lower())
        if want is None:
            return False
        g = self.gender(key)
        return g is not None and g != want

    def _plural_mention(self, pos: int) -> bool:
        """Whether the mention at ``pos`` ends in a plural noun naming people ("Conservative
        Republicans", "House Democrats"): "they" then names that group itself, not a plural noun
        after it ("... immigrants living in the United States. They call it amnesty"; round 15)."""
        e = self.mention_end.get(pos)
        if e is None:
            return False
        words = self.text[pos:e].split()
        return bool(words) and words[-1].lower() in plural_people_words()

    def _attributive(self, pos: int) -> bool:
        """Whether the person mention at ``pos`` modifies a noun after "the" ("the Trump
        administration's bid", "the Ferguson crisis", round 15 of issue 3): the phrase names a thing,
        not the person, so "he"/"she" looks further back. A title after "the" ("the Rev. Jo Roe
        said") and a verb after the name ("the Jo Roe ... said" is rare; words in -ed or -s, verbs of
        saying, stance or belief and auxiliaries) keep the person."""
        text = self.text
        e = self.mention_end.get(pos)
        if e is None or text[pos - 4:pos].lower() != "the " or (pos > 4 and text[pos - 5].isalnum()):
            return False
        first = text[pos:e].split(None, 1)[0].rstrip(".").lower()
        if first in self.parser.titles:
            return False
        m = _NEXT_LOWER_RE.match(text, e)
        if m is None:
            return False
        nxt = m.group(1)
        parser = self.parser
        return not (nxt.endswith("ed") or (nxt.endswith("s") and not nxt.endswith(("ss", "is", "us")))
                    or nxt in parser.speech or nxt in parser.stance or nxt in parser.belief or nxt in _AUX_WORDS)

    def _subject_over_object(self, j: int, found: tuple[int, str], w: str = "") -> tuple[int, str]:
        """The antecedent of "he"/"she" when the nearest person ``found`` (``self.antecedents[j]``)
        stands in object position ("spoke with X", "the attack that killed X", "X's death"): the
        nearest other person of the same sentence before it who does not ("Judge Jo Roe comforted
        the family, then spoke with X. ... "...," she said" is the judge's); else ``found``."""
        pos, key = found
        if not self._object_position(pos):
            return found
        m = None
        for m in _SENT_START_RE.finditer(self.text, max(0, pos - 500), pos):
            pass
        s0 = m.end() if m is not None else max(0, pos - 500)
        i = j - 1
        while i >= 0:
            p, k, cls = self.antecedents[i]
            if p < s0:
                break
            if cls == "person" and k != key and self._source_ok(k) and not self._object_position(p) \
                    and not self.gender_clash(k, w):
                return (p, k)
            i -= 1
        if w:  # "She cited the death of Jo Roe ... "...," she said": the same pronoun opened the sentence
            for pm in _SUBJECT_PRONOUN_RE.finditer(self.text, s0, pos):
                if pm.group().lower() != w or self.in_quote(pm.start()):
                    continue
                if self.mention_at.get((pm.start(), pm.end())) is None:
                    k = self._resolve_pronoun(NP(pm.start(), pm.end(), pm.group(), "pronoun"))
                else:
                    k = self.mention_at[(pm.start(), pm.end())]
                if k is not None and k != key:
                    return (pm.start(), k)
                break
        return found

    def _object_position(self, pos: int) -> bool:
        """Whether the person mention at ``pos`` is a possessive, follows a word of
        ``antecedent_contexts.tsv`` or a past tense in -ed that is no verb of saying (also past one
        lower-case modifier: "for trooper X"), or is the subject of a passive verb of bodily
        harm (``patient`` words: "where Jo Roe was killed by police", "Jo Roe, 27, was shot")."""
        text = self.text
        e = self.mention_end.get(pos)
        if e is not None and text[e:e + 2] in ("'s", "\u2019s"):
            return True
        if e is not None and e > pos and text[e - 1] == "s" and text[e:e + 1] in ("'", "\u2019") \
                and text[e + 1:e + 2] in (" ", "\u00a0"):
            return True  # "after Brooks' funeral": a possessive of a name in -s (round 17)
        if e is not None:
            pm = _PASSIVE_AFTER_RE.match(text, e)
            if pm is not None and pm.group(1).lower() in antecedent_contexts("patient"):
                return True  # "where Jo Roe was killed by police": acted upon
        ctx = antecedent_contexts()
        m = _WORD_BEFORE_RE.search(text, max(0, pos - 30), pos)
        for _ in range(2):
            if not m:
                return False
            w = m.group(1)
            lw = w.lower()
            if lw in ctx or (w[:1].islower() and lw.endswith("ed") and lw not in self.parser.speech):
                return True
            if not w[:1].islower():
                return False
            m = _WORD_BEFORE_RE.search(text, max(0, m.start(1) - 30), m.start(1))
        return False

    def _plural_people_before(self, lo: int, hi: int) -> str | None:
        """A group entity for the last plural noun naming people in ``text[lo:hi]`` outside quotation
        marks ("officials", "advocacy groups", "House Republicans"), with one modifier word before it."""
        people = plural_people_words()
        func = self.parser.func
        text = self.text
        for m in reversed(list(_WORD_RE.finditer(text, lo, hi))):
            if m.group().lower() not in people or self.in_quote(m.start()) \
                    or any(ms == m.start() for ms, _ in self.mention_at):  # (not a name already met)
                continue
            s = m.start()
            prev = _PREV_WORD_RE.search(text, max(lo, s - 30), s)
            if prev and m.group()[0].isupper() and f"{prev.group(1)} {m.group()}" in self.parser.lex.places:
                continue  # "in the United States. They call ...": a place, not the people of "they"
            if prev and prev.group(1).lower() not in func and prev.group(1).lower() not in people \
                    and not prev.group(1).lower().endswith(("ed", "ing")):
                s = prev.start(1)
            name = text[s:m.end()]
            ent = self._find_by_name(name) or self._new(name, "group")
            self._mention(ent.key, s, m.end(), "nominal")
            return ent.key
        return None

    def _resolve_role(self, np: NP) -> str | None:
        role = np.role or ""
        org_name = None
        if np.organisation and np.organisation[:1].isupper():
            org_ent = self.org(np.organisation, count=False)
            self._fix_org_names()
            org_name = org_ent.name
        if np.plural:
            name = f"{org_name} {role}" if org_name else (np.text if not np.determiner else np.text)
            name = _lower_det(name, np.determiner)
            ent = self._find_by_name(name) or self._new(name, "group", description=role, organisation=org_name)
            self._mention(ent.key, np.start, np.end, "nominal")
            return ent.key
        if org_name:
            name = f"{org_name} {role}"
            ent = self._find_by_name(name) or self._new(name, "anonymous", description=role, organisation=org_name)
            self._mention(ent.key, np.start, np.end, "nominal")
            return ent.key
        definite = np.determiner is None or self.parser.det.get(np.determiner) == "definite"
        if definite:
            # the most recent entity with this role
            for m in self.mentions[:-301:-1]:
                if m.start >= np.start:
                    continue
                ent = self.by_key[m.entity]
                if ent.description and role in ent.description.lower():
                    self._mention(ent.key, np.start, np.end, "role")
                    return ent.key
            titles = _titles_for_role().get(role)
            if titles and not np.organisation and np.text.lower().split()[-len(role.split()) - 1:] == ["the"] + role.split():
                # (only a bare "the ROLE": "the group's president, Jim Jefferies" is no title's holder)
                # round 21 (lead): "the governor" after "Gov. Mike Pence": the most recent person written with a
                # title that means the role (``title_roles.tsv``), when no person described with it came first
                # the most recent such person when named within the last few sentences, else the one named most
                # often so far ("the president" in an article on President Trump that recalls President Clinton)
                counts: dict[str, int] = {}
                recent = None
                for m in self.mentions[:-301:-1]:
                    if m.start >= np.start:
                        continue
                    ent = self.by_key[m.entity]
                    if ent.kind == "person" and not titles.isdisjoint(self.titled.get(ent.key, ())) \
                            and len(ent.name.split()) <= 4 and "\u2019s" not in ent.name and "'s" not in ent.name:
                        # (a person's name: not a run that swallowed words, "Obama\u2019s GOP")
                        if recent is None:
                            recent = (m.start, ent.key)
                        counts[ent.key] = counts.get(ent.key, 0) + 1
                if recent is not None:
                    key = recent[1]
                    if np.start - recent[0] > 400:
                        key = max(counts, key=lambda k: (counts[k], k == recent[1]))
                    self._mention(key, np.start, np.end, "role")
                    return key
            if role in self.role_entities:
                key = self.role_entities[role]
                self._mention(key, np.start, np.end, "role")
                return key
            cap = np.text[np.text.find(" ") + 1:] if np.determiner else np.text
            name = cap if cap[:1].isupper() else _lower_det(np.text, np.determiner)
            ent = self._new(name, "person" if cap[:1].isupper() else "anonymous", description=role)
            self.role_entities[role] = ent.key
            self._mention(ent.key, np.start, np.end, "role")
            return ent.key
        name = _lower_det(np.text, np.determiner)
        base = name
        n = 2
        while name in self.anon_names:
            name = f"{base} ({n})"
            n += 1
        self.anon_names.add(name)
        ent = self._new(name, "anonymous", description=role)
        self._mention(ent.key, np.start, np.end, "nominal")
        return ent.key

    def role_mentions(self) -> None:
        """Definite role phrases outside quotes ("the Labour MP") resolved to a recent person."""
        text = self.text
        shift = self.parser.role_mention_shift  # (matches of role_mention_at_he_re start after the "T")
        for m in self.parser.role_mention_at_he_re.finditer(text):
            s = m.start() - shift
            role = m.group(2).lower()
            if role in self.parser.plural_roles or self.in_quote(s):
                continue
            e = m.end(2)
            nxt = text[e:e + 2]
            if nxt[:1] == " " and nxt[1:2].isupper():
                continue  # "the Labour MP Jess Phillips": a description, not a mention
            if (s, e) in self.mention_at:
                continue
            kpos = bisect.bisect_left(self.antecedents, (s, "", ""))
            j = kpos - 1
            while j >= 0 and kpos - j <= 8:
                pos, key, cls = self.antecedents[j]
                ent = self.by_key[key]
                if s - pos > 600:
                    break
                if ent.kind == "person" and (not ent.description or role in ent.description.lower()):
                    self._mention(key, s, e, "role")
                    break
                j -= 1

    def merge_surnames(self, quotes: list[Quote]) -> None:
        """Join a person named only by the surname ("Trump", "President Trump", "Mr. Goodlatte") to the
        article's only person named in full with that surname ("Donald Trump"), however the two came to be
        apart (round 19 of issue 3: a titled surname before the full name, a full name inside a long name
        run that only a quote's speaker phrase made a person after its surname mentions were read). Two
        full names of the surname ("Bill Clinton", "Hillary Clinton") join neither; nor does a surname
        whose title gives another sex than the full name, or a full name introduced as a relative
        (:meth:`_sex_clash`)."""
        full: dict[str, list[str]] = {}
        short: list[tuple[str, str, str | None]] = []  # (key, surname, title)
        titles, roles = self.parser.titles, self.finder.lex.roles
        for (first, last), key in self.person_keys.items():
            ent = self.by_key[key]
            if ent.kind != "person":
                continue
            words = [w.rstrip(".").lower() for w in ent.name.split()]
            named = [i for i, w in enumerate(words) if w in titles or w in roles]
            title = words[named[-1]] if named else None
            if named:
                words = words[named[-1] + 1:]  # "Attorney General William Barr" -> William Barr
            if first is None or len(words) < 2:
                # a surname, or a title and a surname ("Chairman Leahy", "Addressing Mr. Trump"): no full name
                short.append((key, last, self.intro.get(key, (0, None))[1] or title))
            elif self._full_name_ok(key, words[0]):
                full.setdefault(last, []).append(key)
        into: dict[str, str] = {}
        for key, last, title in short:
            cands = full.get(last, ())
            if len(cands) == 1 and not self._sex_clash(cands[0], title, key):
                into[key] = cands[0]
        self._rekey(into, quotes)

    def _rekey(self, into: dict[str, str], quotes: list[Quote]) -> None:
        """Move the mentions and quotes of each entity key in ``into`` to the key it maps to."""
        if not into:
            return
        for m in self.mentions:
            m.entity = into.get(m.entity, m.entity)
        for q in quotes:
            if q.entity in into:
                q.entity = into[q.entity]

    def merge_acronyms(self, quotes: list[Quote]) -> None:
        """Join an organisation named by an acronym ("ICE", "AP", "MPI") to the article's only organisation
        whose initials it is ("Immigration and Customs Enforcement", "The Associated Press"; the initials of
        every word, of the words without the small words of/and/for/the, either without a leading "U.S."
        or "UK") (round 20 of issue 3: the corpus had "AP" and "Associated Press" as two speakers). Two
        organisations of the same initials ("Center for Immigration Studies", "Citizenship and Immigration
        Services" for "CIS") join neither."""
        orgs = [e for e in self.entities if e.kind == "organisation"]
        if len(orgs) < 2:
            return
        by_initials: dict[str, set[str]] = {}
        for e in orgs:
            words = _ACRONYM_WORD_RE.findall(e.name)
            if words and words[0].lower() == "the":
                words = words[1:]
            if len(words) < 2:
                continue
            content = [w for w in words if w.lower() not in _ACRONYM_SMALL]
            variants = [words, content]
            for ws in (words, content):
                if len(ws) > 2 and ws[0].upper() in ("US", "UK"):
                    variants.append(ws[1:])  # "UK Border Force"
                elif len(ws) > 3 and ws[0].upper() == "U" and ws[1].upper() == "S":
                    variants.append(ws[2:])  # "U.S. Immigration and Customs Enforcement"
            for ws in variants:
                if len(ws) >= 2:
                    by_initials.setdefault("".join(w[0] for w in ws).upper(), set()).add(e.key)
        into: dict[str, str] = {}
        for e in self.entities:  # (also "the AP", read as a role noun's person)
            a = (e.name or "").replace(".", "")
            if 2 <= len(a) <= 6 and a.isalpha() and a.isupper():
                cands = by_initials.get(a, set()) - {e.key}
                if len(cands) == 1:
                    into[e.key] = next(iter(cands))
        self._rekey(into, quotes)

    def result(self, quotes: list[Quote]) -> Extraction:
        used = {m.entity for m in self.mentions} | {q.entity for q in quotes if q.entity}
        ents = [e for e in self.entities if e.key in used]
        # renumber in order of first appearance for stable, readable keys
        first: dict[str, int] = {}
        for m in self.mentions:
            first[m.entity] = min(first.get(m.entity, m.start), m.start)
        ents.sort(key=lambda e: (first.get(e.key, 1 << 60), e.key))
        remap = {e.key: f"e{i + 1}" for i, e in enumerate(ents)}
        for e in ents:
            e.key = remap[e.key]
        for q in quotes:
            q.entity = remap.get(q.entity) if q.entity else None
        # the resolver's own mentions are renumbered in place (no copies: the resolver is done with them)
        mentions = []
        for m in self.mentions:
            key = remap.get(m.entity)
            if key is not None:
                m.entity = key
                mentions.append(m)
        mentions.sort(key=_START_END)
        return Extraction(quotes, ents, mentions)




_START_END = operator.attrgetter("start", "end")
#: Words of an organisation's name (for its initials) and the small words an acronym may skip.
_ACRONYM_WORD_RE = re.compile(r"[A-Za-z]+")
_ACRONYM_SMALL = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "from", "a", "an"})


@functools.lru_cache(maxsize=1)
def _titles_for_role() -> dict[str, frozenset[str]]:
    """Role phrase -> the titles that mean it ("governor" -> {"gov", "governor"}), from ``title_roles.tsv``."""
    out: dict[str, set[str]] = {}
    for title, roles in title_roles()[0].items():
        for role in roles:
            out.setdefault(role, set()).add(title)
    return {k: frozenset(v) for k, v in out.items()}


def _title_key(title: str | None) -> str | None:
    """A title or role for comparison ("Sen." and "sen" alike), or None."""
    return title.lower().rstrip(".") if title else None


def _lower_det(name: str, det: str | None) -> str:
    if det and name[:len(det)].lower() == det:
        return det + name[len(det):]
    return name
