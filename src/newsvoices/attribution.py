"""Speaker noun phrases and reporting cues around quotations.

The building blocks of attribution, all bounded scans of a few dozen tokens
around a quotation mark or a reporting verb (so the whole extractor stays linear):

* :class:`NP` and :meth:`Parser.np_before` / :meth:`Parser.np_after`: the speaker
  noun phrase before a reporting verb ("Robert Bates, founder of the Centre for
  Migration Control, said") or after it ("said a Home Office spokesperson");
* :meth:`Parser.attribute_direct`: the cue and speaker of one direct quotation,
  looked for after the closing mark ('…," he said') and before the opening
  mark ('X told Y: "…"'), never inside the quotation;
* :meth:`Parser.reported_speech`: "X said (that) …", "X warned …", "according to
  X, …" and "…, X said." outside quotation marks, with the content span.

Example:
    >>> p = Parser()
    >>> text = "Robert Bates, founder of the Centre for Migration Control, said: \u201cNo.\u201d"
    >>> np = p.np_before(text, 0, text.index("said"))
    >>> (np.text, np.description, np.kind)
    ('Robert Bates', 'founder of the Centre for Migration Control', 'name')
"""

from __future__ import annotations

import bisect
import re
from operator import itemgetter
from dataclasses import dataclass, replace

from .lexicon import Lexicon, load_lexicon

QUOTE_CHARS = set("\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019'`\u2039\u203a")
_WORD_RE = re.compile(r"[\w\u00c0-\u024f](?:[\w\u00c0-\u024f\u2019'\-.&]*[\w\u00c0-\u024f])?|[^\w\s]")
_PREPOSITIONS = frozenset("by to from with of at in on for about against into onto over under than like as "
                          "between among toward towards behind near via including".split())
_ROLE_LINKS = frozenset(("for", "of", "at", "from", "with", "to"))
_NAME_LINKS = frozenset(("of", "for", "from", "and", "&", "de", "van", "von"))


def _word_before(text: str, lo: int, pos: int) -> tuple[int, int]:
    """Offsets of the alphabetic word before ``pos`` (spaces skipped, not before ``lo``)."""
    j = pos - 1
    while j > lo and text[j] == " ":
        j -= 1
    k = j
    while k >= lo and text[k].isalpha():
        k -= 1
    return k + 1, j + 1


@dataclass(slots=True)
class NP:
    """A speaker noun phrase.

    Attributes:
        start, end: the mention to report (appositive excluded): "Robert Bates", "he",
            "A Home Office spokesperson".
        text: ``text[start:end]``.
        kind: ``name``, ``pronoun``, ``role`` (role noun, maybe with an organisation),
            ``nominal`` (e.g. "the report", "the campaign").
        name: the name part for ``name`` NPs ("Robert Bates"), else None.
        name_start, name_end: offsets of ``name``.
        role: the role phrase ("spokesperson", "civil servant", "prime minister").
        organisation: organisation or owner named inside the NP ("Home Office").
        description: appositive or role words around a name.
        determiner: first word when it is a determiner ("a", "one", "the").
        plural: whether the head is plural ("officials", "they").
        in_object: whether the phrase is the object of a preposition inside a longer subject ("a
            photo provided by the county government shows"): the words are kept, no one says them.
    """

    start: int
    end: int
    text: str
    kind: str
    name: str | None = None
    name_start: int | None = None
    name_end: int | None = None
    role: str | None = None
    organisation: str | None = None
    description: str | None = None
    determiner: str | None = None
    plural: bool = False
    org_start: int | None = None
    org_end: int | None = None
    in_object: bool = False


@dataclass(slots=True)
class Attribution:
    """A cue with its speaker noun phrase."""

    cue: str
    cue_start: int
    cue_end: int
    np: NP | None  # None: a cue without a source (how == "raising" or "asked")
    how: str  # post | pre | according | agent | carry | split | raising | asked


@dataclass(slots=True)
class Reported:
    """Reported speech: content span, cue and speaker."""

    start: int
    end: int
    attribution: Attribution


_ADJ_ENDINGS = ("ous", "ful", "ive", "able", "ible", "less", "ish", "ical", "ly")
_QUANTIFIERS = frozenset("percent % majority minority half third quarter most many some several all none few "
                          "one two three four five six seven eight nine ten dozen dozens hundreds thousands "
                          "millions number plurality share".split())
_SENT_PUNCT_RE = re.compile(r"[.!?](?=[\s\"\u201d\u2019')]|$)")
_MAX_SENTENCE = 600  # characters looked at on either side of a cue (keeps run-on "sentences" linear)
_MORE = object()  # sentinel: the token window was too short
_DIGIT_RE = re.compile(r"\d")


def trie_regex(words) -> str:
    """A regex alternation of ``words`` factored by common prefixes (fast to match).

    Example:
        >>> import re
        >>> pat = re.compile(trie_regex(["said", "says", "say"]) + "$")
        >>> bool(pat.match("says")), bool(pat.match("sad"))
        (True, False)
    """
    root: dict = {}
    for w in words:
        d = root
        for ch in w:
            d = d.setdefault(ch, {})
        d[""] = {}

    def build(d: dict) -> str:
        end = "" in d
        alts = [re.escape(ch) + build(d[ch]) for ch in sorted(k for k in d if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return build(root)


def _word_start(words) -> str:
    """The assertion that opens a regex of ``words``: ``(?<!\\w)`` (no word character before) when every
    word starts with a word character, where it equals ``\\b`` and is cheaper (``\\b`` also holds at each
    word's end, where every alternative would then be tried and fail); else ``\\b``."""
    return r"(?<!\w)" if all(re.match(r"\w", w) for w in words) else r"\b"


# the characters that case-insensitive regex matching pairs with an ASCII character although they are not
# ASCII, or whose lower case holds an ASCII character or is longer ("\u0130" -> "i\u0307", Kelvin sign -> "k",
# long s ~ "s", dotless i ~ "i"); a test checks all of Unicode (tests/test_speed_paths.py)
CASE_SPECIAL = frozenset("\u0130\u0131\u017f\u212a")
_CASE_SPECIAL_SEQ = tuple(sorted(CASE_SPECIAL))


def _lower_twin(body: str) -> re.Pattern | None:
    """``re.compile(body)``, a case-sensitive twin of ``(?i:body)`` to run on the lower-cased text, when
    ``body`` is ASCII and lower case and holds no character set and no escape but ``\\b``, ``\\w`` and
    escaped punctuation; else None. On a text with no character of :data:`CASE_SPECIAL`, lower-casing keeps
    every offset, whether each character is a word character, and whether it matches each ASCII
    character case-insensitively (then it equals its lower case), so both find matches at the same
    places."""
    if not body.isascii() or body != body.lower() or "[" in body \
            or "\\" in re.sub(r"\\[bw]|\\[^0-9A-Za-z]", "", body):
        return None
    return re.compile(body)


def first_letter_trie(words) -> str:
    r"""``\b(?:trie_regex(words))`` for words that all start with a word character, written with the
    word-start check after each first letter (``S(?<!\wS)ays``): the same matches, but a pattern that
    opens with a literal per branch, so the regex engine skips ahead to those letters instead of
    trying the pattern at every position (fast when few positions hold a first letter, e.g. capitals)."""
    root: dict[str, list[str]] = {}
    for w in words:
        if not re.match(r"\w", w):
            raise ValueError(f"first_letter_trie: {w!r} does not start with a word character")
        root.setdefault(w[0], []).append(w[1:])
    alts = []
    for c in sorted(root):
        rest = root[c]
        body = trie_regex([r for r in rest if r])
        if body:
            body = "(?:" + body + ")" + ("?" if "" in rest else "")
        alts.append(re.escape(c) + r"(?<!\w" + re.escape(c) + ")" + body)
    return "(?:" + "|".join(alts) + ")"


# every non-space character starts a _WORD_RE token, so "spaces, token" pairs tile text[lo:hi]
# written for speed, with the same tokens (a test fuzzes it against the plain form ``(\s*)(_WORD_RE)``):
# ASCII word characters listed before ``\w`` (the engine tests a character's membership in the
# listed ones first, a table look-up, and calls the Unicode category test only for the rest); a
# word as word-character runs joined by runs of joiners, possessively (no backtracking off a
# trailing joiner: "U.S." -> "U.S", "said." -> "said")
_W = r"0-9A-Za-z_\w\u00c0-\u024f"
_SPACED_WORD_RE = re.compile(r"([ \s]*+)([" + _W + r"]++(?:[\u2019'\-.&]++[" + _W + r"]++)*+|[^\w\s])")


_TOKENS_MEMO: dict = {}
_TOKENS_TEXT: list = [None]


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The ``_WORD_RE`` tokens of ``text[lo:hi]`` as ``(start, end, token)``.

    Windows recur (the words before a cue are scanned by several rules), so the lists are
    kept for the last text seen; callers never modify them.
    """
    if _TOKENS_TEXT[0] is not text:
        _TOKENS_MEMO.clear()  # (cleared before the text is recorded: an article interrupted by its time
        _TOKENS_FROM.clear()  # budget between these lines leaves no windows of another text behind)
        _TOKENS_TEXT[0] = text
    key = (lo, hi)
    got = _TOKENS_MEMO.get(key)
    if got is None:
        wide = _TOKENS_FROM.get(lo)
        if wide is None:
            got = _scan_tokens(text, lo, hi)
            _TOKENS_FROM[lo] = (hi, got)
        elif wide[0] >= hi:
            # a wider window from the same start was scanned: its tokens ending by ``hi`` are this
            # window's too (the scan is left to right and greedy); only a cut-off last word is rescanned
            toks = wide[1]
            got = toks[:bisect.bisect_right(toks, hi, key=_TOKEN_END)]
            last = got[-1][1] if got else lo
            if last < hi:
                got.extend(_scan_tokens(text, last, hi))
        else:
            # a narrower window from the same start was scanned: its tokens up to the last one that
            # a space follows are this window's too; the scan goes on from there
            toks = wide[1]
            k = len(toks)
            whi = wide[0]
            while k and not (toks[k - 1][1] < whi and text[toks[k - 1][1]].isspace()):
                k -= 1
            got = toks[:k]
            got.extend(_scan_tokens(text, got[-1][1] if k else lo, hi))
            _TOKENS_FROM[lo] = (hi, got)
        _TOKENS_MEMO[key] = got
    return got


_TOKENS_FROM: dict = {}  # window start -> (end, tokens) of the widest window scanned from it


def _tokens_within(text: str, lo: int, hi: int, wlo: int, whi: int) -> list[tuple[int, int, str]]:
    """``_tokens(text, lo, hi)``, sliced out of the tokens of the window ``text[wlo:whi]`` when that
    window holds it and was scanned already: from the first of its tokens that starts at ``lo`` or
    after a space (where a scan from ``lo`` falls in step with it) to the last that ends by ``hi``;
    the few characters before are scanned."""
    if _TOKENS_TEXT[0] is not text or (lo, hi) in _TOKENS_MEMO or not (wlo <= lo and hi <= whi):
        return _tokens(text, lo, hi)
    wide = _TOKENS_MEMO.get((wlo, whi))
    if not wide:
        return _tokens(text, lo, hi)
    i = bisect.bisect_left(wide, lo, key=_TOKEN_START)
    n = len(wide)
    while i < n and wide[i][0] != lo and not text[wide[i][0] - 1].isspace():
        i += 1
    j = bisect.bisect_right(wide, hi, key=_TOKEN_END)
    if i >= j:
        return _tokens(text, lo, hi)
    got = _scan_tokens(text, lo, wide[i][0])
    got.extend(wide[i:j])
    last = wide[j - 1][1]
    if last < hi:
        got.extend(_scan_tokens(text, last, hi))
    _TOKENS_MEMO[(lo, hi)] = got
    return got
_TOKEN_END = itemgetter(1)
_TOKEN_START = itemgetter(0)


def _scan_tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    # same as [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, lo, hi)],
    # without a match object per token (findall of the space before each token gives the offsets)
    out = []
    pos = lo
    for space, tok in _SPACED_WORD_RE.findall(text, lo, hi):
        start = pos + len(space)
        pos = start + len(tok)
        out.append((start, pos, tok))
    return out


class Parser:
    """Cue and noun-phrase patterns built from the lexicon (build once, reuse)."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex = lex or load_lexicon()
        self._np_memo_text: str | None = None
        self._np_memo: dict = {}
        speech = list(lex.speech_verbs) + ["according to", "According to"]
        belief = list(lex.belief_verbs)
        self.speech_cue_re = re.compile(r"\b" + trie_regex(speech) + r"\b(?!-)")
        self.any_cue_re = re.compile(r"\b" + trie_regex(speech + belief) + r"\b(?!-)")
        self.speech = lex.speech_verbs
        self.belief = lex.belief_verbs
        self.stance = lex.stance_verbs
        self.frames = lex.verb_frames
        rs0 = lex.reported_speech
        self.raising_verbs = rs0.get("raising_verbs", frozenset())
        self.raising_participles = rs0.get("raising_participles", {})
        self.raising_adjective_verbs = rs0.get("raising_adjective_verbs", frozenset())
        self.raising_non_predicates = rs0.get("raising_non_predicates", frozenset())
        self.question_participles = rs0.get("question_participles", frozenset())
        self.hearsay_adverbs = rs0.get("hearsay_adverbs", frozenset())
        # headline cues in Title Case: "Glenn Beck Says Trump Poses A Threat" (third-person and past forms)
        self._headline_cues = {w.capitalize(): w for w in list(lex.speech_verbs) + list(lex.belief_verbs)
                               if " " not in w and (w.endswith("s") or w == "said")}
        # (the same matches as r"\b" + trie_regex(...): the engine skips ahead to the capitals)
        self._headline_re = re.compile(first_letter_trie(sorted(self._headline_cues)) + r"\b(?!-)") \
            if self._headline_cues else re.compile(r"\b\b(?!-)")
        report_cues = speech + belief + list(lex.stance_verbs) + sorted(self.raising_verbs | set(self.raising_participles)) \
            + sorted(w.capitalize() for w in self.question_participles) + sorted(self.hearsay_adverbs)
        self.report_cue_re = re.compile(r"\b" + trie_regex(report_cues) + r"\b(?!-)")
        self.titles = lex.titles
        self.roles = lex.roles
        self.plural_roles = lex.plural_roles
        self.role_words = lex.role_words
        self.role_heads = frozenset(r.split()[-1] for r in lex.roles)
        self.det = lex.determiners
        self.func = lex.function_words
        self.closed = lex.closed_words
        # "Yet Trump said", "Perhaps Jo Roe said": function words (but those that open names, "New York") and
        # the run openers of function_words.txt, capitalised at a sentence start, are no part of the subject
        # (not a first name: "Will Hurd said")
        from .entities import gender_words, person_before_of, sentence_openers, title_roles

        self.openers = (sentence_openers() - frozenset(gender_words(names=True))) | lex.run_openers
        self.first_names = frozenset(gender_words(names=True))
        self.peer_titles = title_roles()[1]
        self.person_before_of = person_before_of
        # gap words, with curly apostrophes too ("don\u2019t"), and -ly adverbs ("largely", "fiercely")
        non_adverbs = lex.reported_speech.get("non_adverbs", frozenset())
        self.gap = frozenset(lex.gap_words | {w.replace("'", "\u2019") for w in lex.gap_words}
                             | lex.reported_speech.get("gap_words", frozenset())
                             | {w.replace("'", "\u2019") for w in lex.reported_speech.get("gap_words", ())})
        self._non_adverbs = non_adverbs
        self.person_pron = lex.pronouns.get("person", frozenset())
        self.group_pron = lex.pronouns.get("group", frozenset())
        self.self_pron = lex.pronouns.get("self", frozenset())
        self.subject_pron = frozenset(("he", "she", "they", "it", "i", "we"))
        self.org_words = lex.org_words
        self.source_nouns = lex.source_nouns
        from .entities import non_source_contexts, source_head  # (a preposition makes a source noun an object: round 13)
        self.np_object_preps = non_source_contexts()["preposition"]
        self.np_object_conj = non_source_contexts()["conjunction"]  # ("than the court has said": its subject)
        self._source_head = source_head
        self.abbrev = lex.abbreviations
        self.speech_nouns = lex.speech_nouns
        self.claim_nouns = lex.claim_nouns
        # the noun and its complement word first (a literal-led pattern is fast); the
        # possessive before it is checked by _CLAIM_POSSESSOR_RE on the text just before
        self.claim_noun_re = re.compile(
            r"\b(?P<noun>" + trie_regex(sorted(lex.claim_nouns)) + r")[ \u00a0]+(?P<fw>that|to|for|of|about)\b"
        ) if lex.claim_nouns else None
        # cues and claim nouns in one scan of a paragraph, started at the characters that can end a word
        # before them (every character but an ASCII letter, digit or "_"; the engine skips ahead to
        # them, where a scan opening with \b tries every position): after each, a claim noun phrase is
        # looked for ahead, then a cue, else (a claim noun found) the empty cue; all of it zero-width, so
        # overlapping candidates are all found (see _cues_and_claims). (The cue trie written once:
        # compiling it costs ~25 ms.)
        # (the first letters of the cues and claim nouns checked first: at the ~30% of candidates followed by
        # none of them, e.g. a space, a digit or most capitals, neither trie is entered)
        firsts = "".join(sorted({w[0] for w in report_cues} | {w[0] for w in lex.claim_nouns}))
        self._cue_claim_after_re = re.compile(r"[^0-9A-Za-z_](?=[" + re.escape(firsts) + r"])(?=(?:(?="
                                              + self.claim_noun_re.pattern[2:]
                                              + r")|)(?P<cue>" + self.report_cue_re.pattern[2:]
                                              + r"|(?(noun)|(?!))))") if self.claim_noun_re is not None else None
        singular = sorted(r for r in self.roles if r not in self.plural_roles)
        # "\b[Tt]he " written with the word-boundary check after the first letter, so the regex
        # engine can skip ahead to a "T"/"t" (same matches; the whole article is scanned)
        self.role_mention_re = re.compile(r"[Tt](?<!\w[Tt])he ((?:[A-Z][\w\u2019'\-]*[ \u00a0]+){0,3})((?i:"
                                          + trie_regex(singular) + r"))\b")
        # the same matches found from their "he " (a literal the engine searches for; far rarer than a
        # "T"/"t"), each starting one character later (``role_mention_shift``): exact as long as no role
        # ends with a one-character word (a match could then start right before the end of the last)
        if any(re.search(r"(?<!\w)\w\Z", r) for r in singular):
            self.role_mention_at_he_re, self.role_mention_shift = self.role_mention_re, 0
        else:
            head = r"[Tt](?<!\w[Tt])he "
            self.role_mention_at_he_re = re.compile(r"he (?<=(?<!\w)[Tt]he )"
                                                    + self.role_mention_re.pattern.removeprefix(head))
            self.role_mention_shift = 1
        self._max_role_len = max((len(r.split()) for r in self.roles), default=1)
        rs = lex.reported_speech
        self.clause_openers = rs.get("clause_openers", frozenset())
        self.relative_words = rs.get("relative_words", frozenset())
        self.auxiliaries = rs.get("auxiliaries", frozenset())
        self.object_predicate = rs.get("object_predicate", {})
        self.np_adjectives = rs.get("np_adjectives", frozenset())
        self.participle_links = rs.get("participle_links", frozenset())
        self.control_verbs = rs.get("control_verbs", frozenset())
        self.hearer_verbs = rs.get("hearer_verbs", frozenset())
        self.relative_heads = rs.get("relative_heads", frozenset())
        self.gap_relatives = rs.get("gap_relatives", frozenset())
        self.cue_adverbials = rs.get("cue_adverbials", frozenset())
        self.np_as_followers = rs.get("np_as_followers", frozenset())
        self.np_relatives = rs.get("np_relatives", frozenset())
        self.pro_forms = rs.get("pro_form_complements", frozenset())
        self._approx_pairs = frozenset(w for w in rs.get("approximators", ()) if " " in w)
        self._numbers = frozenset(rs.get("numbers", ()))
        self._quant_sg = rs.get("singular_quantifiers", frozenset())
        self._quant_pl = rs.get("plural_quantifiers", frozenset())
        self._generic_one = rs.get("generic_one_cues", frozenset())
        self.question_openers = rs.get("question_openers", frozenset())
        self.participle_openers = rs.get("participle_openers", frozenset())
        self.base_licensors = rs.get("base_form_licensors", frozenset())
        self.gap_pronouns = rs.get("gap_pronouns", frozenset())
        self.passive_aux = rs.get("passive_auxiliaries", frozenset())
        self._gap_before_re = re.compile(r"(?i:" + _word_start(self.gap_pronouns | {"that", "which", "whom"})
                                         + r"(?:that|which|whom|" + trie_regex(sorted(self.gap_pronouns))
                                         + r"))[ \u00a0]+$") if self.gap_pronouns else re.compile(r"(?!)")
        self.postmodifier_starts = rs.get("postmodifier_starts", frozenset())
        self.subject_subordinators = rs.get("subject_subordinators", frozenset())
        self.content_openers = frozenset(" ".join(w.split()) for w in rs.get("content_openers", ()))
        ns = lex.non_sources
        self.non_source_heads = ns.get("head", frozenset()) | ns.get("time", frozenset())
        self.time_nouns = rs.get("time_nouns", frozenset())
        self.time_modifiers = rs.get("time_modifiers", frozenset())
        # words that may end a time adverbial before a cue (one set lookup before _time_tail)
        self._time_last = frozenset(self.time_nouns | _MONTHS | {w.capitalize() for w in self.time_nouns if w.endswith("day")})
        # cheap exits for the rules that only apply with one of these words just before the cue
        # (each also as a case-sensitive twin for the lower-cased text, see hint())
        adv = _word_start(self.cue_adverbials | self.time_nouns) + r"(?:" \
            + trie_regex(sorted(self.cue_adverbials | self.time_nouns)) + r")\b" if self.cue_adverbials else r"(?!)"
        self._adverbial_hint_re = re.compile(r"(?i:" + adv + r")")
        rel = r"\b(?:" + trie_regex(sorted(self.gap_relatives)) + r")\b" if self.gap_relatives else r"(?!)"
        self._relative_hint_re = re.compile(r"(?i:" + rel + r")")
        self.object_determiners = rs.get("object_determiners", frozenset())
        sp = r"[ \u00a0]+"
        approx = r"(?:(?:" + trie_regex(sorted(w.replace(" ", "\x00") for w in rs.get("approximators", ()))) \
            .replace("\\\x00", sp).replace("\x00", sp) + r")" + sp + r")*"
        num = r"(?:\d[\d,.]*|" + trie_regex(sorted(rs.get("numbers", ()))) + r")"
        group = trie_regex(sorted(rs.get("group_words", ())))
        # "two in three [Democratic voters]", "61 percent [of Cuban Americans]", "a majority of Republicans",
        # "many in the crowd": the whole subject, right before the cue (case-insensitive)
        group_body = (r"(?<![\w\-])" + approx + r"(?:" + num + sp + r"(?:in|out" + sp + r"of)" + sp + num
                      + r"(?:" + sp + r"[a-z][\w\-]*){0,3}"
                      + r"|\d[\d,.]*" + r"[ \u00a0]*(?:percent|per" + sp + r"cent|%)"
                      + r"|(?:an?" + sp + r")?(?:" + group + r"))"
                      + r"(?:" + sp + r"(?:of|in)" + sp + r"[^,;:.!?\"\u201c\u201d()]{1,50}?)?")
        self.group_subject_re = re.compile(r"(?i:" + group_body + r")[ \u00a0]*$") \
            if rs.get("group_words") else None
        # its case-sensitive twin for the lower-cased text (see hint()): the body is ASCII and lower case, and
        # its classes (\w, \d, [a-z], the punctuation set) match a character case-insensitively exactly where
        # they match its lower case outside CASE_SPECIAL (tests/test_speed_paths.py checks all of Unicode)
        self._group_subject_low = re.compile(group_body + r"[ \u00a0]*$") \
            if rs.get("group_words") and group_body.isascii() and group_body == group_body.lower() else None
        group_hints = set(rs.get("group_words", ())) | set(rs.get("numbers", ()))
        # (\d|(?i:WORDS)) as two searches: a digit, else a group word (one alternation is tried at every position)
        grp = _word_start(group_hints | {"percent"}) + r"(?:percent|" + trie_regex(sorted(group_hints)) + r")\b"
        self._group_hint_re = re.compile(r"(?i:" + grp + r")")
        src = _word_start(lex.source_nouns) + r"(?:" + trie_regex(sorted(lex.source_nouns)) + r")\b"
        self._source_hint_re = re.compile(r"(?i:" + src + r")")
        self._adverbial_hint_low, self._relative_hint_low = _lower_twin(adv), _lower_twin(rel)
        self._group_hint_low, self._source_hint_low = _lower_twin(grp), _lower_twin(src)
        self._lowered: tuple[str | None, str | None] = (None, None)  # (text, its lower case or None), see hint()
        # direct quotations only (direct_quotes.yaml): verbs that attribute a quote right after it
        # ('"...," she wailed'), and capitalised verbs of an inverted cue opening a sentence ('Said one
        # trooper: "..."')
        dq = lex.direct_quotes
        post_forms = {w for line in dq.get("post_cue_verbs", ()) for w in _phrase_forms(line)}
        self.post_cue_re = re.compile(r"\b" + trie_regex(sorted(set(speech) | post_forms)) + r"\b(?!-)")
        inverted = sorted(w.capitalize() for w in dq.get("inverted_cues", ()))
        self.inverted_cue_re = re.compile(trie_regex(inverted) + r"\b(?![-'\u2019])") if inverted \
            else re.compile(r"(?!)")

    # ------------------------------------------------------------------ noun phrases
    def _verbal_after(self, text: str, lo: int, ws: int, we: int, cue: str) -> bool:
        """Whether the cue after the word ``text[ws:we]`` (a preposition or "to") is still a verb:
        a gerund after "by"/"while" ("by saying"), an infinitive after a control verb ("failed to mention")."""
        w = text[ws:we].lower()
        if cue.endswith("ing"):
            return w in self.participle_links
        if w != "to":
            return False
        s, e = _word_before(text, lo, ws)
        return text[s:e].lower() in self.control_verbs

    def _quantified_noun(self, text: str, lo: int, ws: int, we: int, cue: str) -> bool:
        """Whether the cue after the quantifier ``text[ws:we]`` is no verb of its own (round 21): a noun that
        does not agree with the quantifier ("One question left unanswered", "One report offered" - a base form
        after a singular quantifier; "Several reports say", "Many advocates for reform read" - an -s form after
        a plural one), or the writer's generic "one" ("a provision that would, one hopes, allow ...")."""
        w = text[ws:we].lower()
        sg, pl = w in self._quant_sg, w in self._quant_pl
        if not (sg or pl) or " " in cue:
            return False
        if text[ws:ws + 1].isupper() and not _opens_sentence(text, ws):
            return False  # a capitalised number inside a name: "Gang of Eight seeks ..."
        c = cue.lower()
        if w == "one" and c in self._generic_one:
            s, e = _word_before(text, lo, ws)
            return text[s:e].lower() not in ("no", "the", "every", "any", "each")
        lem = self.speech.get(c) or self.stance.get(c) or self.belief.get(c)
        if lem is None:
            return False
        if sg:
            return c == lem and not c.endswith(("s", "ed", "ing"))
        return c != lem and c.endswith("s") and not c.endswith("ss")

    def _purpose_clause(self, text: str, lo: int, ws: int, we: int, cue: str) -> bool:
        """Whether a base-form cue after "to" opens a purpose clause whose subject is the sentence
        subject: "X went on Twitter to applaud ...", "X visited the studio to discuss ..."."""
        if text[ws:we].lower() != "to" or cue not in self.speech and cue not in self.stance and cue not in self.belief:
            return False
        lem = self.speech.get(cue) or self.stance.get(cue) or self.belief.get(cue)
        if lem != cue:
            return False
        s, e = _word_before(text, lo, ws)
        w = text[s:e]
        if not w:
            # after a closing quote, bracket or comma: 'visited NBC's "Today" to discuss ...'
            j = ws - 1
            while j > lo and text[j] in " \u00a0":
                j -= 1
            return j > lo and text[j] in "\"\u201d\u2019),."
        return w[:1].isupper() or w.lower() not in self.func

    def hint(self, ci: re.Pattern, low: re.Pattern | None, text: str, lo: int, hi: int) -> bool:
        """``ci.search(text, lo, hi)`` for a case-insensitive hint regex ``ci`` (``(?i:body)``) with its
        case-sensitive twin ``low`` (see :func:`_lower_twin`): a search of the lower-cased text (lower-cased
        once per text) when the text holds no character of :data:`CASE_SPECIAL`, where the engine no
        longer enters every first-letter branch in both cases at each word start."""
        if low is not None:
            seen = self._lowered
            if seen[0] is not text:
                seen = self._lower_text(text)
            if seen[1] is not None:
                return low.search(seen[1], lo, hi) is not None
        return ci.search(text, lo, hi) is not None

    def _lower_text(self, text: str) -> tuple[str, str | None]:
        """``(text, text.lower())``, or ``(text, None)`` when the text holds a :data:`CASE_SPECIAL`
        character; kept for the last text (``self._lowered``)."""
        plain = text.isascii() or not any(c in text for c in _CASE_SPECIAL_SEQ)  # (4 fast substring scans)
        seen = self._lowered = (text, text.lower() if plain else None)
        return seen

    def _is_adverb(self, w: str) -> bool:
        """A lower-case -ly adverb ("largely", "fiercely"), not a noun like "family" or "rally"."""
        return len(w) > 4 and w[-2:] == "ly" and w.islower() and w.isalpha() and w not in self._non_adverbs

    def _is_cap(self, w: str) -> bool:
        return w[:1].isupper()

    def np_before(self, text: str, lb: int, x: int, allow_prep: bool = False) -> NP | None:
        """The subject noun phrase ending right before offset ``x`` (a cue), not before ``lb``.

        Handles gap words ("also", "has"), an appositive between commas and a role
        phrase linked to an organisation ("a spokesman for the Home Office").
        Returns None when the words before are not a plausible speaker, e.g. the
        object of a preposition ("seen by GB News reveal").
        """
        key = (lb, x, allow_prep)
        if self._np_memo_text is text and key in self._np_memo:
            return self._np_memo[key]
        if self._np_memo_text is not text:
            self._np_memo_text = text
            self._np_memo = {}
        w0 = max(lb, x - 80)
        np = self._np_before(text, lb, x, allow_prep, w0)
        if np is _MORE:
            np = self._np_before(text, lb, x, allow_prep, max(lb, x - 220))  # a long appositive
            if np is _MORE:
                np = None
        self._np_memo[key] = np
        return np

    def _np_before(self, text: str, lb: int, x: int, allow_prep: bool, w0: int):
        toks = _tokens(text, w0, x)
        i = len(toks) - 1
        timed = False
        while i >= 0:
            if toks[i][2] in self.gap or self._is_adverb(toks[i][2]):
                i -= 1
            elif i >= 1 and toks[i][2] in self.lex.non_names and toks[i - 1][2] in ("on", "last", "this", "early"):
                i -= 2  # "Trump on Tuesday dismissed ...", "the campaign last Friday said ..."
                if i >= 0 and self._verb_like(toks[i][2]):
                    return None  # "a survey released on Tuesday showed": not the subject's end
            elif toks[i][2] in self._time_last and self._time_tail(toks, i):
                i -= self._time_tail(toks, i)  # "Jo Roe this week announced", "Jo Roe late Friday said"
                timed = True
            else:
                break
        if i < 0:
            return None
        description = None
        app = None
        if toks[i][2] == ")":
            # a parenthesis before the cue: "Rep. John Mica (R-Fla.) said"
            j = i - 1
            while j >= 0 and i - j < 15 and toks[j][2] != "(":
                j -= 1
            if j < 1:
                return None
            i = j - 1
        if toks[i][2] == ",":
            # appositive: "Robert Bates, founder of X, said" / "Smith, who ..., said"
            j = i - 1
            while j >= 0 and i - j < 30 and toks[j][2] not in (",", ";", ":", "(", ")", "!", "?") \
                    and toks[j][2] not in QUOTE_CHARS and toks[j][2] not in ("\u2014", "\u2013"):
                if toks[j][2] == "." and not (j > 0 and (toks[j - 1][2] in self.abbrev or (
                        len(toks[j - 1][2]) == 1 and toks[j - 1][2].isupper()))):
                    break
                j -= 1
            if j < 0 and w0 > lb:
                return _MORE
            if j < 0 or toks[j][2] != "," or i - j < 2:
                return None
            description = text[toks[j + 1][0]:toks[i - 1][1]]
            app = toks[j + 1:i]
            i = j - 1
            if i < 0:
                return None
            if toks[i][2][:1].isdigit() and i >= 1 and toks[i - 1][2] == ",":
                i -= 2  # an age between commas: "Jane Roe, 60, a doctor, said"
        np = self._collect_back(text, toks, i, allow_prep)
        if w0 > lb and toks and (np is None or np.start <= toks[0][0] + 1) and i < 12:
            return _MORE  # the phrase may start before the window
        if timed and np is not None and description is None:
            lead = text[lb:np.start].rstrip(" \u00a0")
            if lead and lead[-1] not in ",;:.!?\n(\u2014\u2013\"\u201c\u201d":
                return None  # "attacked the director Sunday tweeting": the words before are an object
        if description and app is not None:
            named = self._role_then_name(text, toks, i, np, app)
            if named is not None:
                return named
        if np is not None and description:
            d = description
            if d.lower().startswith(("who ", "which ", "whose ", "whom ")):
                d = None
            np.description = d or np.description
        return np

    def _time_phrase(self, np: NP) -> bool:
        """Whether a phrase read after a cue is only a time adverbial ("Sunday", "late Friday", "this week")."""
        return all(w in self._time_last or w.lower() in self.time_modifiers for w in np.text.split())

    def _time_tail(self, toks, i: int) -> int:
        """How many tokens ending at ``toks[i]`` make a time adverbial between a subject and its cue
        ("Jo Roe *this week* announced", "*late Friday* said", "a statement *Friday* saying",
        "*Friday night* said"), else 0. A capitalised weekday counts alone; a month only after a time
        word ("in late June", not "Theresa May"); a lower-case time noun only after this/last/next/that."""
        w = toks[i][2]
        wl = w.lower()
        prev = toks[i - 1][2].lower() if i > 0 else ""
        n = 0
        if w[:1].isupper() and wl in self.time_nouns and wl.endswith("day"):
            n = 1  # a weekday ("Friday")
        elif w in _MONTHS and (prev in self.time_modifiers or prev in ("in", "on")):
            n = 1
        elif w.islower() and wl in self.time_nouns and (
                prev in ("this", "last", "next", "that") or (
                i > 0 and toks[i - 1][2][:1].isupper() and prev in self.time_nouns and prev.endswith("day"))):
            n = 2  # "this week", "Friday night"
        if n == 0:
            return 0
        k = i - n
        if k >= 0 and toks[k][2].lower() in self.time_modifiers:
            n += 1  # "late Friday", "earlier this week"
        return n

    def _collect_back(self, text: str, toks, i: int, allow_prep: bool) -> NP | None:
        w = toks[i][2]
        wl = w.lower()
        if wl in self.subject_pron or wl in self.self_pron:
            if wl in self.self_pron and wl not in ("i", "we"):
                return None
            prev = toks[i - 1][2].lower() if i > 0 else ""
            if prev in _PREPOSITIONS and not (prev == "as" and wl != "it"):
                return None  # "as he seeks ...": a conjunction, the pronoun is a subject
            s, e = toks[i][0], toks[i][1]
            return NP(s, e, text[s:e], "pronoun", plural=wl in ("they", "we"))
        k = i
        n_lower = 0
        n_cap = 0
        first = i + 1
        while k >= 0 and i - k < 12:
            s, e, w = toks[k]
            wl = w.lower()
            if w == ".":
                # a title/initial's full stop: "Sen. Graham", "George W. Bush"
                if k > 0 and (toks[k - 1][2] in self.abbrev or toks[k - 1][2].lower() in self.titles
                              or (len(toks[k - 1][2]) == 1 and toks[k - 1][2].isupper())) \
                        and first <= i and toks[first][2][:1].isupper():
                    first = k
                    k -= 1
                    continue
                break
            if not (w[:1].isalnum()):
                break
            initial = len(w) == 1 and w.isupper() and k < i and toks[k + 1][2] == "."  # "Brian A. Benczkowski"
            if wl in self.det and not initial:
                first = k
                break
            if w[:1].isupper():
                if wl in self.closed and not (wl in self.titles):
                    break
                if wl in self.openers and k < i and _opens_sentence(text, s):
                    break  # "Yet Trump said", "Perhaps Jo Roe said": a sentence opener before the subject
                n_cap += 1
                first = k
                k -= 1
                continue
            if wl in _NAME_LINKS and k > 0 \
                    and toks[k - 1][2][:1].isupper() and first <= i and toks[first][2][:1].isupper() \
                    and wl != "and":
                first = k
                k -= 1
                continue
            if wl in self.func or wl in self.subject_pron or wl in self.self_pron:
                break
            if w[:1].isdigit():
                if k > 0 and toks[k - 1][2].lower() in self.det:
                    first = k
                    k -= 1
                    continue
                break
            # lower-case content word: role words, adjectives, possessives
            if n_cap and not (w.endswith(("\u2019s", "'s"))):
                # "question Jess Phillips said": a lower-case word before a name ends the NP,
                # unless it is a role word ("permanent secretary Matthew Rycroft")
                if wl not in self.role_words:
                    break
            n_lower += 1
            if n_lower > 4:
                break
            first = k
            k -= 1
        if first > i:
            return None
        # the word before the NP must not make it an object ("seen by GB News reveal")
        before = toks[first - 1][2].lower() if first > 0 else ""
        ptoks = toks[first:i + 1]
        if before == "as" and first + 1 <= i and toks[first][2].lower() in self.det \
                and toks[first + 1][2][:1].isupper():
            before = ""  # "As the Washington Post's Ishaan Tharoor wrote, ...": a conjunction
        if before in _PREPOSITIONS and not allow_prep and not (before == "as" and toks[first][2][:1].isupper()):
            # "a spokesman for the Home Office said", "a report from the Centre ... revealed"
            ext = self._extend_role_link(text, toks, first)
            if ext is None:
                return self._name_of_org(text, toks, first, i)
            first, ptoks = ext, toks[ext:i + 1]
        return self._interpret(text, ptoks)

    def _role_then_name(self, text: str, toks, i: int, np: NP | None, app) -> NP | None:
        """'Its founder, Ralph Reed, said': the name between commas after a role is the speaker.

        ``i``: the last token before the first comma (the role's head); ``app``: the tokens
        between the commas. Only a bare role ("the group's founder and chairman") qualifies;
        a role linked to someone else ("a spokesman for the governor, Jay Inslee,") does not.
        """
        head = toks[i][2].lower()
        if head not in self.roles:
            return None
        k = i
        while k >= 0 and i - k < 8 and toks[k][2] not in (",", ".", ";", ":") and toks[k][2] not in QUOTE_CHARS:
            if toks[k][2].lower() in _ROLE_LINKS or toks[k][2].lower() in ("by", "in", "on"):
                return None
            k -= 1
        if np is not None and np.kind not in ("role", "nominal"):
            return None
        alt = self._interpret(text, app)
        if alt is None or alt.kind != "name" or not alt.name or len(alt.name.split()) < 2 \
                or alt.start != app[0][0] or alt.end != app[-1][1]:
            return None
        alt.description = text[toks[k + 1][0]:toks[i][1]]
        return alt

    def _name_of_org(self, text: str, toks, first: int, i: int) -> NP | None:
        """'Wade Henderson of the Leadership Conference said': a name linked to an organisation.

        The organisation (tokens ``first..i``, after "of/at/from/with") becomes the NP's
        organisation; the mention stays the name. Full names (two or more capitalised words,
        no title) qualify, so "Speaker of the House Paul Ryan" is not read this way; a titled
        or one-word name only before "the/a/an" ("Mr. Morgan of the Sierra Club said"), so
        "Sen. Smith of Texas" keeps no organisation.
        """
        if first < 2 or toks[first - 1][2].lower() not in ("of", "at", "from", "with"):
            return None
        if not (toks[first - 2][2])[:1].isupper():
            return None
        otoks = toks[first:i + 1]
        article = bool(otoks) and otoks[0][2].lower() in ("the", "a", "an")
        if otoks and otoks[0][2].lower() in self.det:
            otoks = otoks[1:]
        if not otoks or not otoks[0][2][:1].isupper() or not otoks[-1][2][:1].isupper():
            return None
        sub = self._collect_back(text, toks, first - 2, True)
        if sub is None or sub.kind != "name" or sub.plural or not sub.name:
            return None
        words = sub.name.split()
        if (len(words) < 2 or any(w.lower().rstrip(".") in self.titles for w in words)) and not article:
            return None
        os_, oe_ = otoks[0][0], otoks[-1][1]
        return replace(sub, organisation=text[os_:oe_], org_start=os_, org_end=oe_,
                       description=sub.description or text[toks[first - 1][0]:oe_])

    def _person_of_the(self, text: str, body, j: int) -> tuple[int, int] | None:
        """Offsets of the person in "NAME of/at/from/with the ORG" when ``body[j:]`` is the ORG, or None.

        The NAME is two to four capitalised words opening with a first name ("Neil Bradley"), or a title and
        one or more capitalised words ("Mr. Morgan"); so "Speaker of the House Paul Ryan" (a title alone
        before "of") is not read this way.

        Example:
            >>> from newsvoices.attribution import Parser, _tokens
            >>> t = "Neil Bradley of the Chamber of Commerce"
            >>> body = _tokens(t, 0, len(t))
            >>> Parser()._person_of_the(t, body, 4), Parser()._person_of_the("Speaker of the House", _tokens("Speaker of the House", 0, 20), 3)
            ((0, 12), None)
        """
        if j < 3 or body[j - 1][2].lower() != "the" or body[j - 2][2].lower() not in ("of", "at", "from", "with"):
            return None
        k = j - 3
        while k >= 0 and (body[k][2][:1].isupper() or body[k][2] == "."):
            k -= 1
        return self._person_span(body[k + 1:j - 2])

    def _person_span(self, toks) -> tuple[int, int] | None:
        """Offsets of the name in ``toks`` (titles, then the name) when :func:`entities.person_before_of` reads
        them as a person's name; the title passed on is a peer's if any stands there, else the first."""
        ptoks = [t for t in toks if t[2] != "."]
        n_titles = 0
        while n_titles < len(ptoks) and ptoks[n_titles][2].lower().rstrip(".") in self.titles:
            n_titles += 1
        names = ptoks[n_titles:]
        titles = [t[2] for t in ptoks[:n_titles]]
        title = next((t for t in titles if t.lower().rstrip(".") in self.peer_titles), titles[0] if titles else None)
        if not self.person_before_of([_strip_pos(t[2]) for t in names], title, self.lex):
            return None
        return names[0][0], names[-1][1]

    def _extend_role_link(self, text: str, toks, first: int) -> int | None:
        """For "ROLE for/of ORG" or "SOURCE from ORG": index where the whole NP starts."""
        link = toks[first - 1][2].lower()
        if link not in _ROLE_LINKS or first < 2:
            return None
        head = toks[first - 2][2].lower()
        if link == "of" and (head in _QUANTIFIERS or head[:1].isdigit()):
            # "only 52 percent of registered voters", "a majority of Democrats"
            j = first - 2
            while j > 0 and (toks[j - 1][2][:1].isdigit() or toks[j - 1][2].lower() in _QUANTIFIERS
                             or toks[j - 1][2].lower() in self.det or toks[j - 1][2].lower() in ("only", "about",
                                                                                                 "nearly", "almost")):
                j -= 1
            return j
        if head in self.roles or head in self.source_nouns or head in self.plural_roles:
            sub = self._collect_back(text, toks, first - 2, True)
            if sub is None:
                return None
            # find its first token index
            for j in range(first - 2, -1, -1):
                if toks[j][0] == sub.start:
                    return j
            return None
        return None

    def _interpret(self, text: str, ptoks) -> NP | None:
        """Classify the tokens of a noun phrase (in text order)."""
        if not ptoks:
            return None
        s, e = ptoks[0][0], ptoks[-1][1]
        det = ptoks[0][2].lower()
        if det not in self.det:
            det = None
        body = ptoks[1:] if det else ptoks
        if not body:
            return None
        # a linked organisation: "spokesman for the Home Office" / "report from the Centre ..."
        link_idx = None
        for j, t in enumerate(body):
            if t[2].lower() in _ROLE_LINKS and j > 0 and not body[j - 1][2][:1].isupper():
                link_idx = j
                break
        linked_org = None
        os_ = oe_ = None
        if link_idx is not None:
            org_toks = body[link_idx + 1:]
            if org_toks and org_toks[0][2].lower() in self.det:
                org_toks = org_toks[1:]
            if org_toks:
                os_, oe_ = org_toks[0][0], org_toks[-1][1]
                linked_org = _strip_pos(text[os_:oe_])
                oe_ = os_ + len(linked_org)
            body = body[:link_idx]
            if not body:
                return None
            e = body[-1][1]
        bw = [t[2] for t in body]
        blw = [w.lower() for w in bw]
        # role suffix (longest)
        role = None
        role_k = None
        if blw[-1] in self.role_heads:  # (a role phrase ends in one of the roles' last words)
            for k in range(max(0, len(blw) - self._max_role_len), len(blw)):
                cand = " ".join(blw[k:])
                if cand in self.roles:
                    role, role_k = cand, k
                    break
        head = bw[-1]
        head_l = blw[-1]
        if role is not None and not (head[:1].isupper() and head in self.org_words):
            before = body[:role_k]
            owner = None
            org = None
            desc_words = []
            caps = [t for t in before if t[2][:1].isupper()]
            if before and before[-1][2].endswith(("\u2019s", "'s")):
                owner = _strip_pos(text[before[0][0]:before[-1][1]])
                if owner and owner[0].islower():
                    desc_words.append(owner)
                    owner = None
            elif caps:
                org = text[caps[0][0]:caps[-1][1]]
            for t in before:
                if not t[2][:1].isupper() and not t[2].endswith(("\u2019s", "'s")):
                    desc_words.append(t[2])
            # a capitalised role right after a name is a name: "Prime Minister Theresa May" never ends in a role
            np = NP(s, e, text[s:e], "role", role=role, organisation=linked_org or org or owner,
                    determiner=det, plural=role in self.plural_roles)
            if head[:1].isupper() and not det and not org and not owner and len(bw) - role_k == len(bw):
                # "Prime Minister" without determiner: still a role
                pass
            return np
        if det and self.det.get(det) == "indefinite" and head[:1].isupper():
            # "another New Hampshire Democrat", "a Trump supporter": an unnamed source
            return NP(s, e, text[s:e], "role", role=text[body[0][0]:body[-1][1]].lower(), determiner=det)
        if len(body) == 1 and (head_l in _QUANTIFIERS or head_l in ("others", "both", "all", "many", "most", "some")):
            # "Most said ...", "Others said ...": a group
            return NP(s, e, text[s:e], "role", role=head_l, plural=True)
        if head[:1].isupper() and head_l not in self.closed:
            # name (person or organisation): capitalised tail, maybe after role words
            j = len(body) - 1
            pre = []
            while j > 0 and (body[j - 1][2][:1].isupper() or body[j - 1][2] == "."
                             or body[j - 1][2].lower() in ("of", "for", "from", "&", "de", "van", "von")):
                j -= 1
            ntoks = body[j:]
            person_of = self._person_of_the(text, body, j)
            otoks = ntoks
            if person_of is None:
                k_of = next((k for k in range(1, len(ntoks) - 1) if ntoks[k][2] in ("of", "from", "at")), None)
                if k_of is not None and all(t[2][:1].isupper() for t in ntoks[k_of + 1:]):
                    person_of = self._person_span(ntoks[:k_of])
                    otoks = ntoks[k_of + 1:]
            if person_of is not None:
                # round 21 (lead): "said Neil Bradley of the Chamber of Commerce", "Matthew Herren from EduVision":
                # the person speaks, the body after "of (the)" is their organisation (the capitalised tail, or the
                # whole run, was the name)
                ps_, pe_ = person_of
                name = _strip_pos(text[ps_:pe_])
                org_name = _strip_pos(text[otoks[0][0]:otoks[-1][1]])
                return NP(s, e, text[s:e], "name", name=name, name_start=ps_, name_end=ps_ + len(name),
                          determiner=det, organisation=org_name, org_start=otoks[0][0],
                          org_end=otoks[0][0] + len(org_name))
            # strip titles and capitalised roles from the front ("Senate Majority Leader Mitch McConnell")
            t0 = 0
            for t in range(len(ntoks) - 2, -1, -1):
                wl_ = ntoks[t][2].lower().rstrip(".")
                if wl_ in self.titles or wl_ in self.role_heads or ntoks[t][2] == ".":
                    t0 = t + 1
                    break
            if t0 and not pre:
                pre = ntoks[:t0]
                while pre and (pre[-1][2].lower().rstrip(".") in self.titles or pre[-1][2] == "."):
                    pre = pre[:-1]
                pre = pre if len(pre) > 0 and any(t[2].lower() in self.role_words for t in pre) else []
            name_toks = ntoks[t0:]
            owner_of_name = None
            k_pos = next((k for k in range(len(name_toks) - 2, -1, -1)
                          if name_toks[k][2].endswith(("\u2019s", "'s")) and len(name_toks[k][2]) > 2), None)
            if k_pos is not None:
                rest = name_toks[k_pos + 1:]
                if rest and all(t[2][:1].isupper() for t in rest) and (
                        len(rest) >= 2 or _strip_pos(rest[0][2]) not in self.org_words):
                    # "England's Josh Lewsey", "Stanford University's Keith Humphreys", "the UN's International
                    # Labour Organization": the owner is the organisation, the speaker the name after it (not
                    # "the Women's Institute", "Trade Representative's Office": one organisation word after it)
                    owner_of_name = _strip_pos(text[name_toks[0][0]:name_toks[k_pos][1]])
                    name_toks = rest
            ns, ne = name_toks[0][0], name_toks[-1][1]
            name = _strip_pos(text[ns:ne])
            ne = ns + len(name)
            pre = body[:j] + pre
            description = None
            owner = owner_of_name
            if det == "the" and not pre and len(name_toks) == 1 and name_toks[0][2] not in self.org_words \
                    and t0 == 0:
                # "the Tories", "the Democrats": a group, not a person
                return NP(s, e, text[s:e], "role", role=name.lower(), determiner=det, plural=name.endswith("s"))
            if pre:
                desc = text[pre[0][0]:pre[-1][1]]
                if pre[-1][2].endswith(("\u2019s", "'s")) and len(pre) == 1:
                    owner = _strip_pos(desc)
                else:
                    description = desc
            return NP(s, e, text[s:e], "name", name=name, name_start=ns, name_end=ne, description=description,
                      determiner=det, organisation=owner)
        owner_i = next((j for j in range(len(body) - 1, -1, -1) if body[j][2].endswith(("\u2019s", "'s"))), None)
        if owner_i is not None and body[owner_i][2][:1].isupper() and head_l not in self.source_nouns \
                and head_l.isalpha() and not head[:1].isupper():
            # "Clinton's response was:" -> Clinton
            ns = body[0][0] if not body[0][2][:1].isupper() else body[0][0]
            j0 = owner_i
            while j0 > 0 and body[j0 - 1][2][:1].isupper():
                j0 -= 1
            ns = body[j0][0]
            name = _strip_pos(text[ns:body[owner_i][1]])
            return NP(ns, ns + len(name), name, "name", name=name, name_start=ns, name_end=ns + len(name))
        if head_l in self.source_nouns or (head_l.endswith("s") and head_l[:-1] in self.source_nouns):
            owner = None
            before = body[:-1]
            if before and before[-1][2].endswith(("\u2019s", "'s")):
                owner = _strip_pos(text[before[0][0]:before[-1][1]])
            return NP(s, e, text[s:e], "nominal", role=head_l, organisation=linked_org or owner, determiner=det,
                      plural=head_l.endswith("s") and head_l not in ("analysis", "news"),
                      org_start=os_, org_end=oe_)
        if link_idx is not None and any(w[:1].isdigit() or w in _QUANTIFIERS for w in blw):
            # "52 percent of registered voters": a group
            return NP(s, ptoks[-1][1], text[s:ptoks[-1][1]], "nominal", role=text[s:ptoks[-1][1]].lower(),
                      determiner=det, plural=True)
        if linked_org and os_ is not None and head_l not in self.roles and not any(
                w in self.org_words for w in linked_org.split()):
            # "a lesson from Loretta Lynch", "words by Jane Doe": the linked name is the source
            return NP(os_, oe_, linked_org, "name", name=linked_org, name_start=os_, name_end=oe_)
        if det and head.isalpha() and head.islower() and head_l not in self.func \
                and not head_l.endswith(_ADJ_ENDINGS):
            # any "the/a ... noun": "the real estate developer", "another New Hampshire Democrat"
            caps = [t for t in body[:-1] if t[2][:1].isupper()]
            lower = [t[2] for t in body if not t[2][:1].isupper()]
            return NP(s, e, text[s:e], "role", role=" ".join(lower), determiner=det,
                      organisation=linked_org or (text[caps[0][0]:caps[-1][1]] if caps else None))
        if not det and head.isalpha() and head.islower() and len(head) > 3 and head.endswith("s") \
                and not head.endswith("ss") and head_l not in self.func and 2 <= len(body) <= 4:
            # "security specialists say", "local party leaders say": a group
            caps = [t for t in body[:-1] if t[2][:1].isupper()]
            return NP(s, e, text[s:e], "role", role=" ".join(t[2].lower() for t in body if not t[2][:1].isupper()),
                      plural=True, organisation=text[caps[0][0]:caps[-1][1]] if caps else None)
        if det and head[:1].isupper() and len(body) >= 1 and self.det.get(det) == "indefinite":
            # "another New Hampshire Democrat", "a Trump supporter"
            return NP(s, e, text[s:e], "role", role=text[body[0][0]:body[-1][1]].lower(), determiner=det)
        return None

    def np_after(self, text: str, x: int, hi: int) -> NP | None:
        """The noun phrase starting right after offset ``x`` ("said Smith", "said a spokesman for X")."""
        toks = _tokens(text, x, min(hi, x + 160))
        if not toks:
            return None
        w0 = toks[0][2].lower()
        if w0 in self.subject_pron:
            s, e = toks[0][0], toks[0][1]
            return NP(s, e, text[s:e], "pronoun", plural=w0 in ("they", "we"))
        k = 0
        n_lower = 0
        seen_cap = False
        last = -1
        if len(toks) > 3 and w0 in ("one", "some", "many", "several", "most", "two", "three", "each", "none") \
                and toks[1][2].lower() == "of":
            # "one of those advisers", "some of his aides"
            k = 3 if toks[2][2].lower() in self.det or toks[2][2].lower() in ("his", "her", "their", "its", "our") \
                else 2
            j = k
            while j < len(toks) and j < k + 4 and toks[j][2][:1].isalpha() and toks[j][2].lower() not in self.func:
                j += 1
            if j > k:
                s0, e0 = toks[0][0], toks[j - 1][1]
                head = toks[j - 1][2].lower()
                role = head[:-1] if head.endswith("s") and head[:-1] in self.roles else head
                return NP(s0, e0, text[s0:e0], "role", role=role, determiner="one" if w0 == "one" else w0,
                          plural=w0 != "one")
        while k < len(toks) and k < 14:
            s, e, w = toks[k]
            wl = w.lower()
            if k == 0 and wl in self.det:
                last = k
                k += 1
                continue
            if w == ".":
                if k > 0 and (toks[k - 1][2] in self.abbrev or toks[k - 1][2].lower() in self.titles
                              or (len(toks[k - 1][2]) == 1 and toks[k - 1][2].isupper())) \
                        and k + 1 < len(toks) and toks[k + 1][2][:1].isupper():
                    last = k
                    k += 1
                    continue
                break
            if not w[:1].isalnum():
                break
            if w[:1].isupper():
                if wl in self.closed or (k == 0 and wl in self.func and not (
                        k + 1 < len(toks) and toks[k + 1][2][:1].isupper() and wl not in self.det)):  # "Will Doyle"
                    break
                seen_cap = True
                last = k
                k += 1
                continue
            if wl in ("of", "for", "from", "at", "&") and k + 1 < len(toks):
                # "spokesman for the Home Office", "Centre for Migration Control"
                nxt = toks[k + 1][2]
                nxt2 = toks[k + 2][2] if k + 2 < len(toks) else ""
                prev_l = toks[k - 1][2].lower() if k > 0 else ""
                if nxt[:1].isupper() or (nxt.lower() == "the" and nxt2[:1].isupper()):
                    if seen_cap or prev_l in self.roles or prev_l in self.source_nouns:
                        last = k
                        k += 1
                        if nxt.lower() == "the":
                            last = k
                            k += 1
                        continue
                break
            if wl in self.func or wl in self.subject_pron or wl in self.self_pron:
                break
            if seen_cap and wl not in self.role_words:
                if not (toks[0][2].lower() in self.det and wl.isalpha() and n_lower < 2):
                    break
            if w[:1].isdigit() and k > 0:
                break
            n_lower += 1
            if n_lower > 4:
                break
            last = k
            k += 1
        if last < 0:
            return None
        np = self._interpret(text, toks[:last + 1])
        if np is None:
            return None
        # appositive after a comma: "said John Smith, a spokesman for the group."
        j = last + 1
        if j < len(toks) and toks[j][2] == "," and j + 1 < len(toks):
            nxt = toks[j + 1][2].lower()
            if nxt in self.det or nxt in self.role_words or toks[j + 1][2].lower() in ("who",):
                k = j + 1
                while k < len(toks) and k - j < 30 and toks[k][2] not in (",", ".", ";", ":", "!", "?", "(") \
                        and toks[k][2] not in QUOTE_CHARS:
                    k += 1
                if k > j + 1 and nxt != "who":
                    np.description = text[toks[j + 1][0]:toks[k - 1][1]]
        return np

    # ------------------------------------------------------------------ cues
    def cue_words(self, text: str, m: re.Match) -> tuple[int, int]:
        """Extend a cue over "in a statement" and the like; return its span."""
        s, e = m.span()
        tail = text[e:e + 40].lower()
        for phrase in self.speech_nouns:
            if tail.startswith(" " + phrase):
                return s, e + 1 + len(phrase)
        return s, e

    def attribute_post(self, text: str, lo: int, hi: int, ended: bool = False) -> Attribution | None:
        """Attribution right after a closing mark: '..., he said' / 'said Smith' / ', Smith told X'.

        ``ended``: the quotation ends with a full stop, question or exclamation mark; a
        capitalised word after it then starts a new sentence, which attributes the
        quote only when it is short ('"We lost." Smith said on Monday.').
        """
        j = lo
        while j < hi and text[j] in " \u00a0,;\u2014\u2013\u2015-":
            j += 1
        if j >= hi:
            return None
        if text[lo:j].strip(" \u00a0") in ("\u2015", "\u2014", "\u2013", "-", "--") or (
                j > lo and text[j - 1] in "\u2015\u2014\u2013-" and text[j:j + 1].isupper()):
            # '"…" ― Jane Doe' / '"…" -Jane Doe, Ohio.'
            np = self.np_after(text, j, hi)
            if np is not None and np.kind == "name":
                d = text[lo:j].strip(" \u00a0")
                return Attribution(d or "-", lo + text[lo:j].find(d[:1] or "-"), j, np, "post")
        punct = _closed_by_punctuation(text, lo, j)
        m = self.speech_cue_re.match(text, j)
        if m:
            cue = m.group()
            if cue.endswith("ing") and cue.lower() != "according to":
                # '"...," urging Trump to give up': a participle has no inverted subject; the phrase
                # after it is its object or the subject of the reported clause (round 18 of issue 3)
                return None
            np = self.np_after(text, m.end(), hi)
            if np is None and punct and cue.lower() != "according to" and not cue.endswith("ing") \
                    and self.speech.get(cue.lower()) not in self.hearer_verbs:
                np = self._inverted_subject(text, m.end(), hi)  # '"...," said a Rubio ally who ...'
            if np is None:
                return None
            return Attribution(cue, m.start(), m.end(), np, "according" if cue.lower() == "according to" else "post")
        m = (self.post_cue_re.match(text, j) or self.inverted_cue_re.match(text, j)) if punct else None
        if m:  # '"...," shot back Jo Roe.' / '"...," Said Deputy Jo Roe.'
            np = self.np_after(text, m.end(), hi)
            if np is not None and np.kind != "pronoun" and _PHRASE_END_RE.match(text, np.end):
                return Attribution(m.group(), m.start(), m.end(), np, "post")
        # NP then cue, within the first clause
        lim = min(hi, j + 160)
        m = self.speech_cue_re.search(text, j, lim)
        att = self._post_only_cue(text, j, m.start() if m else lim, hi, ended) if punct else None
        if att is not None:
            return att
        if not m or m.group().lower() == "according to":
            return self._sentence_final(text, j, hi) if not ended else None
        seg = text[j:m.start()]
        if any(c in seg for c in "!?;:\u201c\u201d\"") or seg.count(",") > 2 or self._sentence_break(seg):
            # '"...," Jo Roe, 29, of Dover, Del., said.': an appositive chain with abbreviations
            np = self._appositive_chain_subject(text, j, m.start()) if punct and seg.count(",") >= 2 else None
            if np is not None and not (ended and text[j:j + 1].isupper() and not self._short_rest(text, m.end(), hi)):
                return Attribution(m.group(), m.start(), m.end(), np, "post")
            return self._sentence_final(text, j, hi) if not ended else None
        np = self.np_before(text, j, m.start())
        lead = text[j:np.start].strip(" \u00a0,\u2014\u2013-") if np is not None else ""
        if np is None or lead and (len(lead.split()) > 6 or any(c in lead for c in ",;:")):
            # '"...," Nate Silver, the polling guru who founded the site tweeted.': no closing comma
            np = self._appositive_subject(text, j, m.start(), True) or np
        if np is None:
            # a cue word that is the NP's own head ("the report said"): try the next cue of the clause
            m2 = self.speech_cue_re.search(text, m.end(), lim)
            if m2 and m2.group().lower() != "according to" and not any(c in text[m.end():m2.start()] for c in ",;:!?\u201c\u201d\"") \
                    and len(text[m.end():m2.start()].split()) <= 1:
                m = m2
                np = self.np_before(text, j, m.start())
        if np is None and punct and not m.group().endswith("ing") and self._short_rest(text, m.end(), hi) \
                and not (ended and text[j:j + 1].isupper()):
            np = self._post_subject(text, j, m.start())
        if np is None:
            return self._sentence_final(text, j, hi) if not ended else None
        # the NP starts the clause, or follows a few words of its own ("CBS co-anchor Jane Doe said")
        lead = text[j:np.start].strip(" \u00a0,\u2014\u2013-")
        if lead and (len(lead.split()) > 6 or any(c in lead for c in ",;:")):
            return self._sentence_final(text, j, hi) if not ended else None
        if ended and text[j:j + 1].isupper() and not self._short_rest(text, m.end(), hi):
            return None  # '"…." The star then recalled an incident ...': a new sentence
        return Attribution(m.group(), m.start(), m.end(), np, "post")

    def _post_only_cue(self, text: str, j: int, lim: int, hi: int, ended: bool) -> Attribution | None:
        """'"...," she wailed.' / '"...," the memo states.': a verb of ``post_cue_verbs``
        (``direct_quotes.yaml``) before any speech cue, right after the subject that opens the clause."""
        mp = self.post_cue_re.search(text, j, lim)
        if mp is None or mp.group() in self.speech or mp.group().lower() == "according to":
            return None
        seg = text[j:mp.start()]
        if any(c in seg for c in "!?;:,\u201c\u201d\"") or self._sentence_break(seg):
            return None
        if mp.group().endswith("ing") or not (_PHRASE_END_RE.match(text, mp.end()) or self._short_rest(text, mp.end(), hi)):
            return None  # "Missouri state Sen. Jo Roe said": the word is no verb here
        np = self.np_before(text, j, mp.start()) or self._post_subject(text, j, mp.start())
        if np is None or len(text[j:np.start].split()) > 3:
            return None  # the NP opens the clause, or follows a few words of its own ("county lawyer Jo Roe")
        if ended and text[j:j + 1].isupper() and not _PHRASE_END_RE.match(text, mp.end()):
            return None  # '"...." Romney fired back in March, attacking ...': a new sentence
        return Attribution(mp.group(), mp.start(), mp.end(), np, "post")

    def _inverted_subject(self, text: str, x: int, hi: int) -> NP | None:
        """The short speaker phrase after an inverted cue when the noun-phrase rules found none:
        '"...," said a Rubio ally who ...' (up to a comma, a full stop or a relative word)."""
        m = _INVERTED_END_RE.search(text, x, min(hi, x + 80))
        if m is None:
            return None
        return self._post_subject(text, x, m.start())

    def _post_subject(self, text: str, j: int, cs: int) -> NP | None:
        """The few words between a closing mark and its cue as the speaker, when the noun-phrase
        rules found none: '"...," her mom added', '"...," authorities said', '"...," K.T. said',
        '"...," the 18-year-old said'. One to five words, no punctuation but an initial's full stop,
        no function word after the first (which may be a determiner or a possessive), a noun head."""
        toks = _tokens(text, j, cs)
        while toks and (toks[-1][2].lower() in self.gap or self._is_adverb(toks[-1][2])):
            toks.pop()  # "her attacker reportedly said"
        if not 1 <= len(toks) <= 6:
            return None
        words = []
        for k, (_s, _e, w) in enumerate(toks):
            if w == "." and k > 0 and (len(toks[k - 1][2]) == 1 and toks[k - 1][2].isupper()
                                       or toks[k - 1][2] in self.abbrev):
                continue
            if not w[:1].isalnum():
                return None
            words.append(w)
        if not 1 <= len(words) <= 5:
            return None
        first = words[0].lower()
        pron = re.split(r"['\u2019]", first)[0]
        if pron != first and pron in self.subject_pron and len(words) == 1:
            s = toks[0][0]  # "she'd said": the pronoun
            return NP(s, s + len(pron), text[s:s + len(pron)], "pronoun", plural=pron in ("they", "we"))
        poss = self.lex.direct_quotes.get("possessive_determiners", frozenset())
        for k, w in enumerate(words):
            wl = w.lower()
            if (k > 0 or wl not in self.det and wl not in poss) and (
                    wl in self.func or wl in self.subject_pron or wl in self.self_pron):
                return None
            if wl in self.speech or wl in self.belief or wl in self.auxiliaries or (
                    self._verb_like(wl) and k == len(words) - 1):
                return None  # "GEO referred questions": a clause of its own
        head = words[-1].lower()
        if head in self.det or head in poss or _strip_pos(head) in self.non_source_heads or len(words) == 1 \
                and first in self.det:
            return None
        s, e = toks[0][0], toks[-1][1]
        if all(w[:1].isupper() or w[:1].isdigit() for w in words) and first not in self.det:
            return NP(s, e, text[s:e], "name", name=text[s:e], name_start=s, name_end=e)
        if words[-1][:1].isupper():
            return None  # "the Post", "his Facebook": a capitalised head the name rules did not take
        det = first if first in self.det else None
        plural = head.endswith("s") and not head.endswith(("ss", "us")) and det not in ("a", "an", "one", "another")
        return NP(s, e, text[s:e], "role", role=head, determiner=det, plural=plural)

    def _sentence_final(self, text: str, j: int, hi: int) -> Attribution | None:
        """'... signals "the end" for the EU, said Geert Wilders.': the cue closes the sentence."""
        hi = min(hi, j + _MAX_SENTENCE)
        send = hi
        for m in _SENT_PUNCT_RE.finditer(text, j, hi):
            if m.group() == "." and self._sentence_break(text[max(j, m.start() - 12):m.start() + 1]) is False:
                continue
            send = m.start()
            break
        if any(c in text[j:send] for c in "\u201c\u201d\""):
            return None
        c = text.find(",", j, send)
        n = 0
        while c >= 0 and n < 4:
            n += 1
            k = c + 1
            while k < send and text[k] in " \u00a0":
                k += 1
            m = self.speech_cue_re.match(text, k, send)
            if m and m.group().lower() != "according to":
                if self.speech.get(m.group().lower()) in self.hearer_verbs:
                    return None  # ", told the Times.": the one spoken to, not the speaker
                np = self.np_after(text, m.end(), send)
                if np is not None and np.kind != "pronoun":
                    return Attribution(m.group(), m.start(), m.end(), np, "post")
                return None
            nc = text.find(",", k, send)
            m = self.speech_cue_re.search(text, k, nc if nc >= 0 else send)
            if m and m.group().lower() != "according to":
                np = self.np_before(text, k, m.start())
                if np is not None and not text[k:np.start].strip() and self._adverbial_rest(text[m.end():send]):
                    return Attribution(m.group(), m.start(), m.end(), np, "post")
            c = nc
        return None

    def _short_rest(self, text: str, x: int, hi: int) -> bool:
        """Whether the sentence ends within a few words after ``x`` ("said on Monday.")."""
        seg = text[x:min(hi, x + 80)]
        k = len(seg)
        for c in ".!?\u201c\"":
            j = seg.find(c)
            if 0 <= j < k:
                k = j
        if k == len(seg) and len(seg) == 80:
            return False
        rest = seg[:k].strip()
        if rest.endswith((":", ",")):
            return False  # 'He added: "…"' introduces the next quotation
        words = rest.replace(",", " ").split()
        if not words:
            return True
        first = words[0]
        fl = first.lower()
        adverbial = fl in _PREPOSITIONS or fl in self.gap or first in self.lex.non_names or fl in (
            "this", "last", "next", "yesterday", "today", "tonight", "recently") or (fl.endswith("ly") and len(fl) > 4)
        return adverbial and len(words) <= 5 and "that" not in words

    def _sentence_break(self, seg: str) -> bool:
        """Whether ``seg`` holds a full stop that is not an abbreviation's ("Mr.", "U.S.", "J.")."""
        k = seg.find(".")
        while k >= 0:
            j = k
            while j > 0 and (seg[j - 1].isalnum() or seg[j - 1] == "."):
                j -= 1
            word = seg[j:k]
            if not (word in self.abbrev or word.lower() in self.titles or (len(word) == 1 and word.isupper())
                    or "." in word):
                return True
            k = seg.find(".", k + 1)
        return False

    def attribute_pre(self, text: str, lo: int, hi: int) -> Attribution | None:
        """Attribution before an opening mark in the same sentence: 'X said: "' / 'X told Y that "'."""
        cues = list(self.speech_cue_re.finditer(text, lo, hi))
        for m in reversed(cues[-3:]):
            att = self._pre_one(text, lo, hi, m)
            if att is not None:
                return att
        if not cues:
            # a belief or stance verb close before the quote: 'Ryan worried that the net was becoming "…"'
            other = list(self.report_cue_re.finditer(text, max(lo, hi - 80), hi)) \
                or [m for m in self._headline_re.finditer(text, max(lo, hi - 80), hi)
                    if self._headline_cue_ok(text, m.start(), lo, hi)]  # 'Clinton Said Reform “Has To ...”'
            if other and len(text[other[-1].end():hi].split()) <= 8:
                m = other[-1]
                np = self.np_before(text, lo, m.start())
                if np is not None and np.kind in ("name", "pronoun", "role"):
                    return Attribution(m.group(), m.start(), m.end(), np, "pre")
        if text[lo:hi].rstrip(" \u00a0").endswith(":"):
            # "A third question, sent by a nurse, was:" -> the agent
            b = text.rfind(" by ", lo, hi)
            if b >= 0:
                np = self.np_after(text, b + 4, hi)
                if np is not None and np.kind in ("name", "role"):
                    return Attribution("by", b + 1, b + 3, np, "agent")
        if text[lo:hi].rstrip(" \u00a0").endswith(":") or cues:
            # 'Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message: "…"'
            # and participles: 'Sanders stepped up his emphasis, saying, "…"': the sentence subject
            j = lo
            while j < hi and text[j] in " \u00a0\u2014\u2013-(":
                j += 1
            np = self.np_after(text, j, hi)
            if np is not None and np.kind == "name" and " " not in np.text.strip() and (
                    np.text.lower() in self.speech or np.text.lower() in self.belief or np.text.endswith(("ing", "ed"))):
                np = None  # "Asked which county was his favourite, he demurred:": a participle, not a name
            if np is not None and np.kind == "name" and " " not in np.text.strip() \
                    and text[np.end:np.end + 12].split()[:1] and text[np.end:np.end + 12].split()[0] in _PREPOSITIONS:
                np = None  # "Back in 1999, Mr. Trump ...": an introductory phrase
            if np is None:
                comma = text.find(",", j, min(hi, j + 60))
                if comma > 0:
                    np = self.np_after(text, comma + 1, hi)
            if np is not None and np.kind == "name" and " " not in np.text.strip() \
                    and _lower_occurs(text, np.text.strip().lower()):
                np = None  # "Outrage and fury ...": a common noun opening the sentence, not a name
            if np is not None and np.kind in ("name", "pronoun", "role"):
                if np.kind == "role" and "ed" in np.text:
                    # "The university issued a statement Friday saying, ...": the subject before the verb
                    cut = replace(np)
                    self._trim_verb(text, cut)
                    if cut.end < np.end:
                        np = self.np_after(text, np.start, cut.end)
                        if np is None or np.kind not in ("name", "role"):
                            return None
                after = text[np.end:np.end + 60]
                m = cues[-1] if cues else None
                if m is None or m.group().endswith("ing") or text[lo:hi].rstrip().endswith(":"):
                    if not after.lstrip(" \u00a0").startswith(("of ", "'s", "\u2019s")):
                        cue = m.group() if m else ":"
                        cs = m.start() if m else hi - 1
                        return Attribution(cue, cs, cs + len(cue), np, "pre")
        return None

    def attribute_pre_more(self, text: str, lo: int, hi: int) -> Attribution | None:
        """More speaker phrases before an opening mark, for quotes the other rules left without one.

        The last speech cue of the sentence before the quotation (at most eight words before the
        opening mark) and its subject when the noun-phrase rules stopped short of it:

        * an appositive chain, between commas or dashes, after the name or role that opens the
          clause: 'Sen. Jo Roe, D-Ark., another incumbent, said in a statement that he is "'; a
          control phrase may follow it ('Mrs. Roe, whose husband ..., went on to write, "');
        * a relative "who" right before the cue: '..., Jo Roe, who said over the weekend she "';
        * a conjunction "as" before the subject: 'as a retired Army commander told me, "', and adverbs
          before "put it": 'As blogger Jo Roe so bluntly put it, "'.

        Inverted cues written with a capital and "with X saying" are :meth:`attribute_pre_first`'s.
        """
        m = self._last_cue(text, lo, hi)
        if m is None:
            return None
        cs = m.start()
        cue = m.group()
        if cue in ("put it", "puts it"):
            k = cs
            while True:  # "so bluntly put it": adverbs before the cue
                ws, we = _word_before(text, lo, k)
                w = text[ws:we].lower()
                if we <= ws or not (w in ("so", "very", "best", "most", "perhaps", "once") or self._is_adverb(w)):
                    break
                k = ws
            np = self.np_before(text, lo, k, allow_prep=True)
            if np is None or not _AS_BEFORE_RE.search(text, max(lo, np.start - 60), np.start):
                return None
            return Attribution(cue, cs, m.end(), np, "pre")
        if cue.endswith("ing"):
            return None
        as_ = _AS_RE.search(text, max(lo, cs - 60), cs)
        if as_ is not None:  # 'as a retired Army commander told me, "'
            np = self.np_before(text, as_.end(), cs) or self._post_subject(text, as_.end(), cs)
            if np is not None and np.kind in ("name", "pronoun", "role") and np.start == as_.end():
                return Attribution(cue, cs, m.end(), np, "pre")
        who = _WHO_BEFORE_RE.search(text, max(lo, cs - 40), cs)
        if who is not None:  # '..., Jo Roe, who said over the weekend she "'
            np = self.np_before(text, lo, who.start())
            if np is not None and np.kind == "name" and self.plausible_source(np, text):
                return Attribution(cue, cs, m.end(), np, "pre")
            return None
        # the clause's first noun phrase, then an appositive chain and/or a control phrase up to the cue
        start = lo
        while start < cs and text[start] in " \u00a0\n\t\u2014\u2013-(":
            start += 1
        first = text[start:start + 12].split(None, 1)[:1]
        if first and first[0].lower().strip(",") in _LEAD_OK:
            start += len(first[0])
            while start < cs and text[start] in " \u00a0,":
                start += 1
        np = self.np_after(text, start, cs)
        if np is not None and np.kind in ("name", "role") and " " in np.text:
            last = np.text.rsplit(None, 1)
            if last[1].lower() in self.control_verbs:  # "The Sun went [on to note]": the NP ran into its verb
                np = self.np_after(text, start, np.start + len(last[0]))
        if np is None or np.start != start or np.kind not in ("name", "role", "pronoun") \
                or not self.plausible_source(np, text):
            return None
        mid = text[np.end:cs]
        if "(" in mid:
            mid = _SHORT_PAREN_RE.sub("", mid)
        words = mid.split()
        # a control phrase just before the cue: "went on to", "continued to"
        k = len(words)
        if k and words[-1].lower() == "to":
            k -= 1
            while k > 0 and (words[k - 1].lower() in self.control_verbs or words[k - 1].lower() in self.gap):
                k -= 1
            if k == len(words) - 1:
                return None
            mid = mid[:len(mid) - len(" ".join(words[k:])) - 1] if k < len(words) else mid
            mid = mid[:mid.rstrip().rfind(words[k - 1]) + len(words[k - 1])] if k > 0 else ""
        core = mid.strip(" \u00a0")
        if core and not self._appositive_chain_ok(core):
            return None
        if np.kind == "pronoun" and core:
            return None
        return Attribution(cue, cs, m.end(), np, "pre")

    def _last_cue(self, text: str, lo: int, hi: int) -> re.Match | None:
        """The last speech cue before ``hi`` with at most eight words and no quotation mark after it."""
        m = None
        for m in self.speech_cue_re.finditer(text, max(lo, hi - 300), hi):
            pass
        if m is None or m.group() in ("according to", "According to") or len(text[m.end():hi].split()) > 8 \
                or any(c in QUOTE_CHARS for c in text[m.end():hi].rstrip(" \u00a0")):
            return None
        return m

    def attribute_pre_first(self, text: str, lo: int, hi: int) -> Attribution | None:
        """Two precise patterns tried before :meth:`attribute_pre` (whose sentence-subject fallback
        would take the wrong phrase): an inverted cue written with a capital ('Said one state
        trooper. "', 'Writes Jo Roe: "') and 'with X saying: "' (the subject of the participle)."""
        att = self._inverted_pre(text, lo, hi)
        if att is not None:
            return att
        m = self._last_cue(text, lo, hi)
        if m is None or not m.group().endswith("ing"):
            return None
        np = self.np_before(text, lo, m.start(), allow_prep=True)
        if np is not None and np.kind in ("name", "role") and _WITH_BEFORE_RE.search(text, max(lo, np.start - 6), np.start) \
                and not text[np.end:m.start()].strip(" \u00a0"):
            return Attribution(m.group(), m.start(), m.end(), np, "pre")
        return None

    def statement_intro(self, text: str, lo: int, hi: int) -> Attribution | None:
        """The speaker named by a sentence that introduces a quotation with a noun of speech
        (``statement_nouns``) before a colon: "Here is Jo Roe's full statement" (the possessor),
        "Jo Roe posted this tweet", "De la Canal has this account of what happened next" (the
        name opening the sentence). ``text[lo:hi]`` is the sentence without its colon."""
        nouns = self.lex.direct_quotes.get("statement_nouns", frozenset())
        if not nouns:
            return None
        toks = _tokens(text, lo, hi)
        k = next((i for i in range(len(toks) - 1, max(-1, len(toks) - 8), -1) if toks[i][2].lower() in nouns), None)
        if k is None:
            return None
        for i in range(k - 1, max(-1, k - 4), -1):  # "Jo Roe's (full|complete) statement"
            w = toks[i][2]
            if w.endswith(("'s", "\u2019s")) and w[:1].isupper():
                np = self.np_before(text, lo, toks[i][1] - 2)
                if np is not None and np.kind == "name" and np.text[:1].isupper():
                    return Attribution(toks[k][2], toks[k][0], toks[k][1], np, "pre")
                return None
        start = lo
        while start < hi and text[start] in " \u00a0\n\t":
            start += 1
        np = self.np_after(text, start, hi)
        if np is None or np.start != start or np.kind != "name" or not np.text[:1].isupper():
            return None
        between = text[np.end:toks[k][0]].split()
        if not 1 <= len(between) <= 5 or any(w.lower() in ("of", "about", "to", "from", "by") for w in between):
            return None  # "Jo Roe has this account" / "Jo Roe rifled off his own tweet", not "a story about Jo Roe's"
        return Attribution(toks[k][2], toks[k][0], toks[k][1], np, "pre")

    def _appositive_chain_ok(self, core: str) -> bool:
        """Whether ``core`` (stripped) is a chain of appositives between commas or dashes: ", D-Ark.,
        another incumbent," / "-- mother of one victim --" (no cue, no sentence break, at most 30 words)."""
        opened, closed = core[:1], core[-1:]
        if not (opened in ",\u2014\u2013" or core.startswith("--")) or not (closed in ",\u2014\u2013" or core.endswith("--")):
            return False
        return not (any(c in core for c in ";:!?()\"\u201c\u201d") or _BARE_SINGLE_QUOTE_RE.search(core)
                    or len(core.split()) > 30 or core.count(",") > 6 or _FULL_STOP_RE.search(core)
                    or _CHAIN_COORD_RE.search(core) or self.speech_cue_re.search(core) or self.report_cue_re.search(core))

    def _appositive_chain_subject(self, text: str, j: int, cs: int) -> NP | None:
        """The name or role opening ``text[j:cs]`` when the rest up to the cue is an appositive chain."""
        np = self.np_after(text, j, cs)
        if np is None or np.start != j or np.kind not in ("name", "role"):
            return None
        mid = text[np.end:cs]
        if "(" in mid:
            mid = _SHORT_PAREN_RE.sub("", mid)
        core = mid.strip(" \u00a0")
        if not core or not self._appositive_chain_ok(core):
            return None
        return np

    def _inverted_pre(self, text: str, lo: int, hi: int) -> Attribution | None:
        """'Said one state trooper. "' / 'Tweeted Jo Roe @handle, "': a capitalised cue opening the
        sentence, a speaker phrase, then only punctuation (and a handle) before the quotation."""
        start = lo
        for b in _SENTENCE_GAP_RE.finditer(text, lo, hi):
            start = b.end()  # the last sentence start ("... in Norfolk, Va. Writes Jo Roe:")
        while start < hi and text[start] in " \u00a0\n\t":
            start += 1
        m = self.inverted_cue_re.match(text, start, hi)
        if m is None:
            return None
        np = self.np_after(text, m.end(), hi)
        if np is None or np.kind == "pronoun":
            return None
        rest = _HANDLE_RE.sub("", text[np.end:hi]).strip(" \u00a0,:.\u2014\u2013-")
        if rest:
            return None
        return Attribution(m.group(), m.start(), m.end(), np, "pre")

    def _pre_one(self, text: str, lo: int, hi: int, m: re.Match) -> Attribution | None:
        cue = m.group()
        if cue in ("put it", "puts it"):
            # only "As Jane Doe put it, ..."
            np = self.np_before(text, lo, m.start())
            if np is None or text[max(lo, np.start - 3):np.start].lower() != "as ":
                return None
            return Attribution(cue, m.start(), m.end(), np, "pre")
        after = text[m.end():hi]
        if cue in ("according to", "According to"):
            np = self.np_after(text, m.end(), hi)
            return Attribution(cue.lower(), m.start(), m.end(), np, "according") if np else None
        stripped = after.lstrip(" \u00a0")
        if stripped.startswith("by "):
            # passive: "a question asked by a civil servant, seen by GB News, was:"
            np = self.np_after(text, m.end() + (len(after) - len(stripped)) + 3, hi)
            return Attribution(cue, m.start(), m.end(), np, "agent") if np else None
        np = self.np_before(text, lo, m.start())
        if np is not None and cue.endswith("ing") and (text[lo:m.start()].rstrip(" \u00a0").endswith(",") or (
                np.text[:1].islower() and np.text.split()[0].endswith(("ing", "ed")))):
            # 'he sounded a rare note of humility, saying, "...': not "a rare note"; the sentence subject
            np = None if np.kind == "pronoun" and text[lo:np.start].strip() else np
            if np is None or np.kind != "pronoun":
                return None
        if np is not None and np.kind in ("role", "nominal") and not np.plural and cue == self.speech.get(cue) \
                and not any(w in self.base_licensors for w in text[np.end:m.start()].lower().split()):
            return None  # "he sounded a rare note of humility": a base form after a singular noun is a noun
        if np is None:
            before = text[lo:m.start()].rstrip(" \u00a0")
            if before.endswith((" and", " but")) and len(before) > 6:
                np = self.coordinated_subject(text, lo, m.start())
            elif cue.endswith("ing") and before.rsplit(None, 1)[-1:] and \
                    before.rsplit(None, 1)[-1].lower() in self.participle_links:
                np = self._subject(text, lo, m.start())  # 'Husted continued by saying, "..."'
                if np is not None and (np.kind not in ("name", "pronoun", "role") or not self.plausible_source(np, text)):
                    np = None
        if np is not None:
            return Attribution(cue, m.start(), m.end(), np, "pre")
        # inverted: 'said Smith: "' / 'wrote the minister, "' (not "telling CNBC:", whose object is the hearer)
        if cue.endswith("ing"):
            return None  # 'saying the American people "expect ...': no inverted speaker after a participle
        np = self.np_after(text, m.end(), hi)
        if np is not None and np.kind != "pronoun" and self.speech.get(cue.lower()) not in self.hearer_verbs \
                and not self._time_phrase(np):  # 'Jo Roe, R-Ariz., said Sunday: "': no inverted speaker
            rest = text[np.end:hi].strip(" \u00a0,:")
            if not rest or len(rest) < 3:
                return Attribution(cue, m.start(), m.end(), np, "pre")
        return None

    # ------------------------------------------------------------------ reported speech
    def reported_speech(self, text: str, lo: int, hi: int, sent_ends: list[int], blocked,
                        skip_cues=frozenset()) -> list[Reported]:
        """Reported speech in the paragraph ``text[lo:hi]``.

        Args:
            sent_ends: sorted sentence-end offsets of the paragraph (exclusive ends).
            blocked: callable(pos) -> True when pos lies inside a direct quotation.
            skip_cues: cue offsets whose reported speech the caller discards (the cues of direct
                quotations); the ordinary rules, whose results all keep the cue's offset, are not
                run for them (the raising, hearsay and question rules, which may move it, still are).
        """
        out: list[Reported] = []
        if self._cue_claim_after_re is None:
            matches = [(m.start(), m.end(), m.group()) for m in self.report_cue_re.finditer(text, lo, hi)]
            claims = []
        else:
            matches, claims = self._cues_and_claims(text, lo, hi)
        if self._headline_cues:
            heads = list(self._headline_re.finditer(text, lo, hi))
            # (only a paragraph with a capitalised cue needs the Title Case test of its opening)
            if heads and self._headline_cue_ok(text, hi, lo, min(sent_ends[0] if sent_ends else hi, hi, lo + 200),
                                               whole=True):
                # a Title Case line ('Clinton Said Reform "Has To Come From The Industry."'): capitalised cues too
                matches = sorted(matches + [(m.start(), m.end(), m.group()) for m in heads], key=_TOKEN_START)
        for cs, ce, g in matches:
            if blocked(cs):
                continue
            # the word before: "the calls", "his support", "of claims" make the cue a noun
            ws, we = _word_before(text, lo, cs)
            if text[ws:we].lower() in _NOUN_BEFORE and not self._verbal_after(text, lo, ws, we, g) \
                    and not self._purpose_clause(text, lo, ws, we, g):
                continue
            if self._quantified_noun(text, lo, ws, we, g):
                continue  # "One question left ...", "several reports say", "a provision that would, one hopes, ..."
            k = bisect.bisect_right(sent_ends, cs)
            s_start = max(sent_ends[k - 1] if k > 0 else lo, cs - _MAX_SENTENCE)
            s_end = min(sent_ends[k] if k < len(sent_ends) else hi, ce + _MAX_SENTENCE)
            # the clause: after the last ";" or ":" before the cue, up to the next one after it
            for sep in (";", ":"):
                j = text.rfind(sep, s_start, cs)
                if j >= 0:
                    s_start = j + 1
                j = text.find(sep, ce, s_end)
                if j >= 0:
                    s_end = j
            while s_start < hi and text[s_start] in " \u00a0\"\u201c\u201d":
                s_start += 1
            if g in self._headline_cues:
                if cs in skip_cues or not self._headline_cue_ok(text, cs, s_start, s_end):
                    continue
                out.extend(self._reported_one(text, self._headline_cues[g], cs, ce, s_start, s_end))
                continue
            cue_l = g.lower()
            if cue_l in self.raising_verbs or cue_l in self.raising_participles:
                rais = self._raising(text, cue_l, cs, ce, s_start, s_end)
                if rais is not None:
                    out.extend(rais)
                    continue
                if cue_l in self.raising_verbs:
                    continue
            if cue_l in self.hearsay_adverbs:
                out.extend(self._hearsay_adverb(text, g, cs, ce, s_start, s_end))
                continue
            if cue_l in self.question_participles:
                asked = self._asked_participle(text, cs, ce, s_start, s_end)
                if asked is not None:
                    for r in out:  # "it was possible when asked about ...": the earlier content ends before
                        if r.start < cs < r.end:
                            ws, we = _word_before(text, r.start, cs)
                            r.end = ws if text[ws:we].lower() in self.participle_openers else cs
                            while r.end > r.start and text[r.end - 1] in " \u00a0,;:\u2014\u2013-":
                                r.end -= 1
                    out = [r for r in out if r.end - r.start >= 2]
                    out.append(asked)
                    continue
            if cs in skip_cues:
                continue
            found = self._reported_one(text, g, cs, ce, s_start, s_end)
            if not found and self.cue_adverbials:
                found = self._reported_past_adverbial(text, g, cs, ce, s_start, s_end)
            if self.gap_relatives:
                found = self._with_relative(text, g, cs, ce, s_start, s_end, found)
            out.extend(found)
        for m in claims:
            if not blocked(m.start("noun")):
                out.extend(self._claim_noun(text, m, lo, hi, sent_ends))
        return out

    def _cues_and_claims(self, text: str, lo: int, hi: int) -> tuple[list[tuple[int, int, str]], list[re.Match]]:
        """The cues of ``report_cue_re.finditer(text, lo, hi)`` as ``(start, end, cue)`` and the matches of
        ``claim_noun_re.finditer(text, lo, hi)`` (groups ``noun`` and ``fw``), from one scan.

        ``_cue_claim_after_re`` finds every cue and claim noun after a character that is no word
        character (overlapping cues included); ``finditer``'s choice among them is then replayed
        (leftmost first, the next from the end of the last), and one anchored match covers ``lo``
        itself. (No claim noun starts inside a cue, so ``finditer`` skips none of them: checked by a test.)
        """
        cands = []
        claims = []
        m = self.report_cue_re.match(text, lo, hi)
        if m is not None:
            cands.append((lo, m.end(), m.group()))
        m = self.claim_noun_re.match(text, lo, hi)
        if m is not None:
            claims.append(m)
        for m in self._cue_claim_after_re.finditer(text, lo, hi):
            c = text[m.start()]
            if c > "\x7f" and c.isalnum():
                continue  # a letter or digit beyond ASCII: no word start after it
            s, e = m.span("cue")
            if e > s:
                cands.append((s, e, m.group("cue")))
            if m.start("noun") >= 0:
                claims.append(m)
        if len(cands) < 2:
            return cands, claims
        cues = []
        last = lo
        for c in cands:
            if c[0] >= last:
                cues.append(c)
                last = c[1]
        return cues, claims

    # ------------------------------------------------------------------ raising cues
    def _raising(self, text: str, cue: str, cs: int, ce: int, s_start: int, s_end: int) -> list[Reported] | None:
        """A raising cue without a source: "[Trump] is expected [to win Ohio]", "[The plan] seems [like a
        contradiction]", "[The plan] seemed [unfair to them]", "Sanders, [who] appeared [to dismiss the issue]",
        "[She] was seen [as the favourite]".

        PolNeAR marks the subject and the complement as two fragments of one attribution whose source
        is the writer (no speaker). Returns None when the cue is no raising verb here (no be-auxiliary
        before a participle, no "to"/"like"/"as" complement, or a verb of saying in the complement,
        "appeared to imply that ...", which the ordinary rules attribute to the subject)."""
        toks = _tokens(text, ce, min(s_end, ce + 40))
        if not toks:
            return None
        link = toks[0][2].lower()
        if cue in self.raising_verbs and toks[0][2][:1].islower() and link not in ("to", "like", "as"):
            k = cs
            while True:  # "It (now) seems ...", "it would appear ..."
                ws, we = _word_before(text, s_start, k)
                w = text[ws:we].lower()
                if we > ws and we >= k - 2 and (self._is_adverb(w) or w in self.auxiliaries or w in self.gap
                                                or w in ("now", "also", "still", "not", "n't")):
                    k = ws
                    continue
                break
            if w == "it" and we > ws and (link == "that" or link not in self.func):
                # "It seems [increasingly likely that ...]", "it appeared [that Trump was ...]": the
                # complement alone is the content, the writer the source
                c_s = toks[1][0] if link == "that" and len(toks) > 1 else toks[0][0]
                me = _RAISING_END_RE.search(text, c_s, s_end)
                c_e = me.start() if me else s_end
                while c_e > c_s and text[c_e - 1] in " \u00a0.!?\"\u201d\u2019',;:":
                    c_e -= 1
                if len(text[c_s:c_e].split()) < 3:
                    return None
                return [Reported(c_s, c_e, Attribution(cue, cs, ce, None, "raising"))]
        allowed = self.raising_participles.get(cue, "to like as") if cue in self.raising_participles else "to like as"
        adjective = False
        if link == "not" and len(toks) > 2 and toks[1][2].lower() == "to":
            link = "to"  # "Clinton still seems [not to have found a voice]"
        elif link not in allowed.split() and (cue in self.raising_adjective_verbs or "np" in allowed.split()) \
                and link.isalpha() and (link not in self.func or "np" in allowed.split()
                                        and link in self.object_determiners) and not self._is_adverb(link) \
                and link not in _OBJECT_PRON and not link.endswith(("ed", "ing")) and link not in self.time_nouns \
                and link not in self.raising_non_predicates \
                and (toks[0][2].islower() or "np" in allowed.split() and link in self.object_determiners):
            # "[the quota] seemed [unfair to skippers]", "[it] seems [improbable]"; a participle taking a
            # predicate: "[Roe] is considered [the favourite]", "[the ballots] were deemed [invalid]"
            adjective = True
        if not adjective and (link not in allowed.split() or len(toks) < 2 or not toks[1][2][:1].isalnum()):
            return None
        w1 = toks[1][2].lower() if len(toks) > 1 else ""
        if link == "to" and (cue in self.raising_verbs and (w1 in self.speech or w1 in self.belief)
                             or w1 == "be" and len(toks) > 2 and toks[2][2].lower().endswith("ed")):
            return None  # "appeared to imply that ...", "appears to be understated by ...": left to the rules above
        # the verb group: auxiliaries, modals and adverbs before the cue
        vg = cs
        need_aux = cue in self.raising_participles
        has_aux = False
        while True:
            ws, we = _word_before(text, s_start, vg)
            w = text[ws:we].lower()
            if we <= ws or we < vg - 2:
                break
            if w in self.passive_aux or w in self.auxiliaries or w in self.base_licensors:
                has_aux = has_aux or w in self.passive_aux
                vg = ws
            elif self._is_adverb(w) or w in self.gap:
                vg = ws
            else:
                break
        if need_aux and not has_aux:
            return None  # "Clinton expected to win": an active verb, left to the rules above
        lead = text[s_start:vg].rstrip(" \u00a0")
        rel = _word_before(text, s_start, len(lead) + s_start)
        rw = text[rel[0]:rel[1]].lower()
        subj = None
        if rw in ("who", "which", "that") and rel[1] == s_start + len(lead):
            subj = rel
        elif lead and "," not in lead and len(lead.split()) <= 12 and (lead[:1].isupper() or " that " in lead) \
                and lead.split()[0].lower() not in _LEAD_OK and (lead.split()[0].lower() not in ("it", "there")
                                                                 or lead == "It" and link == "like"):
            subj = (s_start, s_start + len(lead))  # "[The idea of wiping away the act] seems like ..."
            j = lead.rfind(" that ")
            if j >= 0 and lead[j + 6:j + 7].isalpha():
                subj = (s_start + j + 6, s_start + len(lead))  # "Roe noted that [Kerr] appeared unsteady"
        else:
            le = s_start + len(lead)
            np = self.np_before(text, s_start, le)
            if np is not None and (np.end == le or lead.endswith(",") and text[np.end:le].startswith(",")) \
                    and (np.kind != "pronoun" or np.text.lower() in self.subject_pron and np.text.lower() != "it"):
                j = np.start
                if np.determiner and text[j:j + len(np.determiner)].lower() != np.determiner:
                    k = text.rfind(np.determiner, max(s_start, j - 20), j)
                    j = k if k >= 0 else j
                subj = (j, np.end)  # "Separately, [the administration], under pressure, is expected to ..."
            elif lead.endswith(",") and lead[:1].isupper() and 0 < lead.find(", ") < len(lead) - 1:
                p = lead.find(", ")
                head = lead[:p].split()
                if 1 <= len(head) <= 8 and head[0].lower() not in _LEAD_OK and head[0].lower() not in ("it", "there") \
                        and not lead[p + 2:].lower().startswith("whose ") \
                        and not any(c in lead for c in "\"\u201c\u201d;:"):
                    subj = (s_start, s_start + p)  # "[The deficit for this year], which ends in May, is projected to ..."
        if subj is None:
            return None
        c_s = toks[1][0] if link in ("like", "as", "of", "with") and not adjective else toks[0][0]
        me = _RAISING_END_RE.search(text, c_s, s_end)  # the next comma, dash or bracket ("2,000" is no comma)
        c_e = me.start() if me else s_end
        while c_e > c_s and text[c_e - 1] in " \u00a0.!?\"\u201d\u2019',;:":
            c_e -= 1
        if len(text[c_s:c_e].split()) < (1 if adjective and "np" in allowed.split() else 2):
            return None
        att = Attribution(text[vg:ce] if need_aux else cue, vg if need_aux else cs, ce, None, "raising")
        return [Reported(subj[0], subj[1], att), Reported(c_s, c_e, att)]

    def _hearsay_adverb(self, text: str, cue: str, cs: int, ce: int, s_start: int, s_end: int) -> list[Reported]:
        """"[Both companies have] reportedly [looked at Twitter]": the clause around a hearsay adverb,
        as two fragments without a speaker (the writer's attribution to unnamed reports)."""
        lead = text[s_start:cs].rstrip(" \u00a0")
        if not lead or lead.endswith((",", ";", ":")) or len(lead.split()) > 15:
            return []
        c0 = max(lead.rfind(", "), lead.rfind(" -- "), lead.rfind("\u2014"))
        subj_s = s_start + c0 + 2 if c0 >= 0 else s_start
        while subj_s < cs and text[subj_s] in " \u00a0\u2014-":
            subj_s += 1
        toks = _tokens(text, ce, min(s_end, ce + 30))
        if not toks or not toks[0][2][:1].isalpha() or toks[0][2].lower() in self.func - self.auxiliaries:
            return []
        me = _RAISING_END_RE.search(text, toks[0][0], s_end)
        c_e = me.start() if me else s_end
        while c_e > ce and text[c_e - 1] in " \u00a0.!?\"\u201d\u2019',;:":
            c_e -= 1
        att = Attribution(cue, cs, ce, None, "raising")
        out = [Reported(subj_s, s_start + len(lead), att)] if s_start + len(lead) - subj_s >= 2 else []
        if c_e - toks[0][0] >= 2:
            out.append(Reported(toks[0][0], c_e, att))
        return out

    # ------------------------------------------------------------------ headline cues
    def _headline_cue_ok(self, text: str, cs: int, s_start: int, s_end: int, whole: bool = False) -> bool:
        """A capitalised cue inside a Title Case headline ("Glenn Beck Says Trump Poses A Threat"):
        a word before it in the same clause, and most longer words of the clause capitalised
        (``whole``: only the second test, on the paragraph ``text[s_start:s_end]``)."""
        if not whole and (not text[s_start:cs].strip() or text[cs - 1:cs] not in (" ", "\u00a0")
                          or text[cs - 2:cs - 1] == "," or text[cs:cs + 12].split(None, 1)[0][-1:] in ",;:"
                          or text.count(",", s_start, s_end) > 4):
            return False  # "..., Christopher Rants, Kim Reem, ...": a name in a list
        words = text[s_start:s_end].split()
        n = up = 0
        rem = len(words)
        for w in words:
            rem -= 1
            if len(w) > 3 and w[0].isalpha():
                n += 1
                if w[0].isupper():
                    up += 1
                elif 10 * (up + rem) < 7 * (n + rem):
                    return False  # even with every word left capitalised the share stays under 70%
        return n >= 3 and up >= 0.7 * n

    # ------------------------------------------------------------------ "Asked about X, ..."
    def _asked_participle(self, text: str, cs: int, ce: int, s_start: int, s_end: int) -> Reported | None:
        """The question of a participle clause: "[Asked] [about her vote], Jo Roe said ...", "he said
        when asked [whether he would run]", "Asked on Monday [why he had not endorsed her], ...". The
        content is the question; its source is the asker ("asked by The Times [if ...]") or nobody.
        None when the cue has a subject ("Jo asked ..."): the ordinary rules handle it."""
        ws, we = _word_before(text, s_start, cs)
        prev = text[ws:we].lower()
        if we > ws and prev not in self.participle_openers:
            return None
        if we <= ws and text[s_start:cs].strip(" \u00a0,\u2014\u2013-\"'\u201c\u201d"):
            return None  # a non-word right before the cue: "X (asked ...)"
        toks = _tokens(text, ce, min(s_end, ce + 120))
        agent = None
        k = 0
        while k < len(toks) and k < 12:
            w = toks[k][2]
            wl = w.lower()
            if wl in self.question_openers and (k + 1 < len(toks) and toks[k + 1][2][:1].isalnum()):
                break
            if wl == "by" and agent is None:
                agent = self.np_after(text, toks[k][1], toks[-1][1])
                if agent is None:
                    return None
                while k < len(toks) and toks[k][0] < agent.end:
                    k += 1
                continue
            if not w[:1].isalnum() or wl in self.func and wl not in self.cue_adverbials and wl not in ("a", "the"):
                return None  # no question after a short adverbial ("asked reporters ...": a hearer)
            if k == 0 and wl not in self.cue_adverbials and wl not in self.time_nouns and not self._is_adverb(w):
                return None  # "asked Clinton whether ...": a hearer first; left to the rules above
            k += 1
        else:
            return None
        if k >= len(toks):
            return None
        c_s = toks[k + 1][0] if toks[k][2].lower() == "about" else toks[k][0]
        me = _RAISING_END_RE.search(text, c_s, s_end)
        c_e = me.start() if me else s_end
        while c_e > c_s and text[c_e - 1] in " \u00a0.!?\"\u201d\u2019',;:":
            c_e -= 1
        if c_e - c_s < 2:
            return None
        return Reported(c_s, c_e, Attribution(text[cs:ce], cs, ce, agent, "agent" if agent is not None else "asked"))

    # ------------------------------------------------------------------ adverbials before the cue
    def adverbial_start(self, text: str, lo: int, cs: int) -> int | None:
        """Start of a short adverbial between a subject and its cue ("Jo Roe *in a statement* said",
        "X, a critic of Y, *last week* said", "Jo Roe, *in an interview on Monday*, said"), or None.
        Looks at the eight words before ``cs`` only."""
        e = cs
        while e > lo and text[e - 1] in " \u00a0":
            e -= 1
        commas = text[e - 1:e] == ","
        if commas:
            e -= 1
        if not self.hint(self._adverbial_hint_re, self._adverbial_hint_low, text, max(lo, e - 70), e):
            return None
        toks = _tokens_within(text, max(lo, e - 70), e, max(lo, cs - 80), cs)  # (the subject search's window)
        best = None
        for i in range(len(toks) - 1, max(-1, len(toks) - 9), -1):
            w = toks[i][2]
            if not (w[:1].isalnum() or w in ("'s", "\u2019s")):
                if commas and w == "," and best == i + 1:
                    return toks[i][0]  # "Jo Roe, in a statement, said": the comma opens it
                break
            wl = w.lower()
            if wl in self.cue_adverbials or wl in self.time_nouns:
                best = i
            elif self.report_cue_re.fullmatch(w) is not None or self._verb_like(w) or wl in self.relative_words:
                break  # a verb or a clause of its own: "Trump later defended his comments", not an adverbial
        if best is None or commas:
            return None
        if best == 0 or not (toks[best - 1][2][:1].isalnum() or toks[best - 1][2] in (")", ",")):
            return None
        return toks[best][0]

    def attribute_pre_adverbial(self, text: str, lo: int, hi: int) -> Attribution | None:
        """'X, a critic of Y, last week said: "' / 'Jo Roe in a statement said, "': the subject of the
        last speech cue before an opening mark, past a short adverbial. Only for quotes the other
        rules left without a speaker."""
        m = None
        for m in self.speech_cue_re.finditer(text, max(lo, hi - 200), hi):
            pass
        if m is None or m.group() in ("according to", "According to") or m.group().endswith("ing") \
                or len(text[m.end():hi].split()) > 2:
            return None
        ws, we = _word_before(text, lo, m.start())
        if text[ws:we].lower() in _NOUN_BEFORE:
            return None  # "his comments", "the charged term": a noun or adjective, not a cue
        p = self.adverbial_start(text, lo, m.start())
        if p is None or p <= lo:
            return None
        before = text[lo:p].rstrip(" \u00a0")
        while lo < p and text[lo] in " \u00a0\n":
            lo += 1
        first = text[lo:lo + 12].split(None, 1)[:1]
        if first and first[0].lower().strip(",") in _LEAD_OK:
            lo += len(first[0])  # "But Jo Roe, a critic of the plan, last week said:"
        np = self._appositive_subject(text, lo, p) if before.endswith(",") else self.np_before(text, lo, p)
        if np is None or np.kind not in ("name", "pronoun", "role") or not self.plausible_source(np, text):
            return None
        return Attribution(m.group(), m.start(), m.end(), np, "pre")

    def _reported_past_adverbial(self, text: str, cue: str, cs: int, ce: int, s_start: int,
                                 s_end: int) -> list[Reported]:
        """Reported speech whose subject stands before a short adverbial: "Jeb Bush in a Medium post
        said he would ...", "X, a critic of Y, last week said ...". Reuses the ordinary rules with the
        cue moved back to the adverbial, then puts the cue back."""
        p = self.adverbial_start(text, s_start, cs)
        if p is None or p <= s_start:
            return []
        found = self._reported_one(text, cue, p, ce, s_start, s_end)
        for r in found:
            if r.attribution.cue_start == p:
                r.attribution.cue_start = cs
        return [r for r in found if r.start >= ce or r.end <= p]

    # ------------------------------------------------------------------ relative-clause fragments
    def _relative_word(self, text: str, s_start: int, np_start: int) -> tuple[int, int] | None:
        """The relative word right before a speaker that opens an object relative clause
        ("an event [that] Carson says led him", "[which] he has denied", "[what] we saw"), or None.
        "that" after a cue or a function word is a conjunction ("said that Carson ..."), not a relative."""
        k = np_start
        while k > s_start and text[k - 1] in " \u00a0":
            k -= 1
        ws, we = _word_before(text, s_start, k)
        if we != k or text[ws:we].lower() not in self.gap_relatives:
            return None
        ps, pe = _word_before(text, s_start, ws)
        prev = text[ps:pe].lower()
        if prev in _PREPOSITIONS and text[ws:we].lower() != "what":
            return None  # "in which students have alleged ...": the relative word is no object of the cue
        if text[ws:we].lower() == "that" and (
                pe <= ps or not prev[:1].isalpha() or prev in self.func or prev in self.closed
                or prev in self.time_nouns or prev in self.claim_nouns or prev.endswith("ing")
                or self.report_cue_re.fullmatch(text, ps, pe) is not None):
            return None  # "said that ...", "the day that ...", "the notion that ...": a conjunction
        return ws, we

    def _with_relative(self, text: str, cue: str, cs: int, ce: int, s_start: int, s_end: int,
                       found: list[Reported]) -> list[Reported]:
        """Add the relative word as a fragment of its own when the speaker stands inside an object
        relative clause: "the drawdown, [which] they say [left a vacuum]" (PolNeAR marks the
        relative word as content). Without a complement ("[which] he has denied and ...") the
        relative word is the whole content. Works on the cue's own speaker phrase: no new scan."""
        if found:
            att = found[0].attribution
            if att.how != "pre" or att.np.end > cs:
                return found
            rel = self._relative_word(text, s_start, att.np.start)
            if rel is None or any(r.start <= rel[0] < r.end for r in found):
                return found
            first = _tokens(text, found[-1].start, min(found[-1].end, found[-1].start + 20))[:1]
            fw = first[0][2].lower() if first else ""
            if found[-1].start < ce or fw == "that":
                return found  # the content is a whole clause with its own subject: the relative word is no gap
            return [Reported(rel[0], rel[1], att)] + found
        if cue in ("according to", "According to") or cs - s_start > 200 \
                or not self.hint(self._relative_hint_re, self._relative_hint_low, text, max(s_start, cs - 80), cs):
            return found
        np = self.np_before(text, s_start, cs)
        if np is None or np.kind not in ("name", "pronoun", "role") or not self.plausible_source(np, text):
            return found
        gap = text[np.end:cs].split()
        if any(w.lower() not in self.gap and w.lower() not in self.base_licensors and w.lower() not in self.auxiliaries
               and not self._is_adverb(w) for w in gap):
            return found
        rel = self._relative_word(text, s_start, np.start)
        if rel is None:
            return found
        after = _tokens(text, ce, min(s_end, ce + 30))
        nxt = after[0][2].lower() if after else ""
        if nxt and nxt[:1].isalnum() and nxt not in ("and", "but", "or") and nxt not in _ADVERBIAL_START:
            return found  # the cue has its own complement ("which he said was ...": left to the rules above)
        return [Reported(rel[0], rel[1], Attribution(cue, cs, ce, np, "pre"))]

    def _claim_noun(self, text: str, m: re.Match, lo: int, hi: int, sent_ends: list[int]) -> list[Reported]:
        """Reported content after a possessed claim noun: "Trump's claim that ...", "her plan to ..."."""
        fw = m.group("fw")
        if fw not in self.claim_nouns.get(m.group("noun").lower(), ()):
            return []
        p = _CLAIM_POSSESSOR_RE.search(text, max(lo, m.start("noun") - 60), m.start("noun"))
        if p is None:
            return []
        if p.group("pron"):
            s, e = p.span("pron")
            wl = text[s:e].lower()
            np = NP(s, e, text[s:e], "pronoun", plural=wl == "their")
        else:
            s, e = p.span("name")
            np = self.np_before(text, lo, e)
            if np is None or np.kind not in ("name", "role") or np.end != e:
                return []
        k = bisect.bisect_right(sent_ends, m.end("fw"))
        s_end = min(sent_ends[k] if k < len(sent_ends) else hi, m.end("fw") + _MAX_SENTENCE)
        j = text.find(";", m.end("fw"), s_end)
        if j >= 0:
            s_end = j
        while s_end > m.end("fw") and text[s_end - 1] in " \u00a0.!?\"\u201d\u2019',":
            s_end -= 1
        att = Attribution(m.group("noun"), m.start("noun"), m.end("noun"), np, "pre")
        if fw == "to":
            c_s = m.start("fw")
        else:
            c_s = m.end("fw")
        c_e = s_end if fw in ("that", "to") else _clause_end(text, c_s, s_end)
        return self._make_all(text, [(c_s, c_e)], att, 3 if fw in ("that", "to") else 1)

    def headline_speech(self, text: str, lo: int, hi: int, is_headline: bool) -> Reported | None:
        """A headline "Jane Doe: Taxes must rise" -> reported speech of Jane Doe."""
        if not is_headline or hi - lo > 250:
            return None
        colon = text.find(":", lo, min(hi, lo + 60))
        if colon < 0 or colon + 2 >= hi:
            return None
        np = self.np_before(text, lo, colon)
        if np is None or np.kind not in ("name", "role") or text[lo:np.start].strip():
            return None
        words = np.text.split()
        if np.kind == "name" and (np.text.isupper()
                                  or words[-1] in self.org_words or words[-1] in self.lex.non_person_heads
                                  or any(w.endswith(("\u2019s", "'s")) for w in words)) \
                or text[colon:hi].rstrip(" .\u00a0").endswith("?"):
            return None  # "EXCLUSIVE:", "The Latest:", "Monday's Morning Email:", "Ted Cruz: conservative or ...?"
        att = Attribution(":", colon, colon + 1, np, "pre")
        e = hi
        while e > colon and text[e - 1] in " .\u00a0":
            e -= 1
        return self._make(text, colon + 1, e, att)

    def _subject(self, text: str, s_start: int, hi: int) -> NP | None:
        """The subject at the start of a clause, after an introductory phrase ending in a comma."""
        np = self.np_after(text, s_start, hi)
        if np is not None and np.kind == "name" and np.text.endswith("ing") and " " not in np.text \
                and _NEXT_LOWER_RE.match(text, np.end):
            np = None  # "Speaking on Tuesday, Roe ...": a participle phrase opens the clause
        if np is None:
            comma = text.find(",", s_start, min(hi, s_start + 60))
            if comma > 0:
                np = self.np_after(text, comma + 1, hi)
        if np is not None and np.kind in ("name", "pronoun", "role", "nominal"):
            return np
        return None

    def _dash_subject(self, text: str, s_start: int, cs: int) -> NP | None:
        """The subject before an aside between dashes that ends right before the cue:
        "Democrats \u2014 and some Republicans \u2014 say", "three scholars - Roe, Poe and Kerr - agreed"."""
        bc = text[s_start:cs].rstrip(" \u00a0")
        d = next(d for d in ("\u2014", "\u2013", " --", " -") if bc.endswith(d))
        opened = bc.rfind(d, 0, len(bc) - len(d))
        if opened <= 0 or len(bc[opened + len(d):-len(d)].split()) > 12:
            return None
        k = s_start + opened
        while k > s_start and text[k - 1] in " \u00a0":
            k -= 1
        np = self.np_before(text, s_start, k) or self._bare_subject(text, s_start, k)
        if np is None or np.kind not in ("name", "pronoun", "role", "nominal"):
            return None
        return np

    def _conjunct_then(self, words: list[str]) -> bool:
        """Whether the words before a cue end in "and"/"but"/"or"/"then" and gap words only
        ("X paused, then revealed", "X ranted and also suggested")."""
        k = len(words) - 1
        while k >= 0 and len(words) - k <= 3:
            w = words[k].lower()
            if w in ("and", "but", "or", "then"):
                return True
            if not (w in self.gap or self._is_adverb(w)):
                return False
            k -= 1
        return False

    def coordinated_subject(self, text: str, s_start: int, cs: int) -> NP | None:
        """Subject of "X laughed and said": the clause before "and", else the sentence subject."""
        amp = max(text.rfind(" and ", s_start, cs), text.rfind(" but ", s_start, cs), text.rfind(" or ", s_start, cs))
        if amp > s_start:
            c0 = max(text.rfind(",", s_start, amp) + 1, s_start)
            np = self.np_after(text, c0, amp)
            if np is not None and np.kind in ("name", "pronoun", "role", "nominal") and np.end < amp:
                return np
        return self._subject(text, s_start, cs)

    def _reported_one(self, text, cue, cs, ce, s_start, s_end) -> list[Reported]:
        c_end = s_end
        while c_end > s_start and text[c_end - 1] in " \u00a0.!?\"\u201d\u2019',":
            c_end -= 1
        if cue in ("according to", "According to"):
            cue = "according to"
            np = self.np_after(text, ce, s_end)
            if np is None or not self.plausible_source(np, text):
                np = self._source_phrase(text, ce, s_end) or np  # "a New York Times/CBS News poll"
            if np is None:
                return []
            att = Attribution(cue, cs, ce, np, "according")
            before = text[s_start:cs].strip(" \u00a0")
            comma = text.find(",", np.end, s_end)
            if before.endswith(",") and comma > 0 and comma - np.end <= 80 and self._adverbial_lead(before):
                # "But the next day, according to Roffman, Trump made further demands": the clause after
                return self._make_all(text, [(comma + 1, c_end)], att)
            if before.endswith(",") and len(before) > 15:
                return self._make_all(text, [(s_start, s_start + len(before) - 1)], att)
            if before.endswith(",") and comma > 0 and comma - np.end <= 80:
                # "Fundraising, according to the campaign, has surged" -> both sides
                return self._make_all(text, [(s_start, s_start + len(before) - 1), (comma + 1, c_end)], att, 1)
            if before and not before.endswith(",") and len(before.split()) >= 4 \
                    and not any(c in before for c in "\"\u201c\u201d"):
                # "Clinton leads by 271 delegates according to a count by the AP." -> the clause before
                rest = text[comma + 1:s_end].split()[:1] if comma > 0 else []
                if comma < 0 or rest and rest[0].lower() in ("but", "and", "while", "though", "although", "even"):
                    return self._make_all(text, [(s_start, s_start + len(before))], att)
            if comma < 0 or comma - np.end > 80 and (before or comma - ce > 200):
                return []
            return self._make_all(text, [(comma + 1, c_end)], att)
        lem = self.speech.get(cue) or self.belief.get(cue) or self.stance.get(cue)
        frames = self.frames.get(lem, ("that",))
        is_speech = cue in self.speech
        # a verb of believing/finding with a clause may also follow its content: "..., records show."
        postposed = is_speech or "clause" in frames
        if cue.endswith(("ed", "en")) and text[ce:ce + 4] in ("by ", "by\u00a0") or text[ce + 1:ce + 4] in ("by ",):
            # "Sanders' stridency was echoed by Martin O'Malley": content before, agent after
            wb = text[max(s_start, cs - 40):cs].split()
            while wb and self._is_adverb(wb[-1]):
                wb.pop()
            if wb and wb[-1].lower() in self.passive_aux:
                return self._passive(text, cue, cs, ce, s_start, s_end, text.rfind(wb[-1], s_start, cs))
            return []
        np = self.np_before(text, s_start, cs)
        if np is not None and np.determiner == "that" and text[s_start:np.start].strip() \
                and not text[s_start:np.start].rstrip()[-1:] in ",;:":
            # "a charge that party leaders denied": "that" is a relative word, not a determiner
            j = np.start + 4
            while j < np.end and text[j] in " \u00a0":
                j += 1
            np.start, np.text, np.determiner = j, text[j:np.end], None
        grp = None
        if np is None or np.kind in ("role", "nominal") and (np.role in _QUANTIFIERS or np.text[:1].isdigit()
                                                            or not np.text[:1].isupper()):
            grp = self._group_subject(text, s_start, cs, cue.endswith("ing"))
            if grp is not None and (np is None or grp.start <= np.start):
                np = grp
        before_cue = text[s_start:cs].rstrip(" \u00a0")
        if np is not None and cue == lem and not lem.endswith("ed") and self._singular(np) \
                and not self._conjoined(text, s_start, np) \
                and not any(w in self.base_licensors or w in self.passive_aux for w in text[np.end:cs].lower().split()):
            return []  # "Ethanol support helped ...": a base form after a singular subject is a noun
        rel_who = False
        if np is None:
            last = before_cue.rsplit(None, 1)[-1].lower() if before_cue.split() else ""
            words_before = before_cue.split()
            j = len(words_before) - 1
            while j >= 0 and (words_before[j].lower() in self.gap or self._is_adverb(words_before[j])):
                j -= 1
            if j >= 0 and (words_before[j].lower() == "who" or words_before[j].lower() == "which" and j >= 1
                           and words_before[j - 1].endswith(",")):
                # "the hacker who first revealed that ...", "Monsanto, which opposed the bill"
                rw = " " + words_before[j].lower()
                who = s_start + before_cue.rfind(rw) + 1 if rw in before_cue else s_start
                k = who
                while k > s_start and text[k - 1] in " \u00a0":
                    k -= 1
                if text[k - 1:k] == ",":
                    k -= 1  # "said Jo Roe, who supports ...": the name before the comma
                np = self.np_before(text, s_start, k)
                if np is None:
                    # "lined up with Priebus, who has said ...": the antecedent may be a prepositional object
                    np = self.np_before(text, s_start, k, allow_prep=True)
                if np is None:
                    w = text[max(s_start, k - 12):k].split()[-1:]
                    if w and w[0].lower() in self.relative_heads:
                        # "those who said ...", "people who support ...": a group
                        np = NP(k - len(w[0]), k, w[0], "nominal", role=w[0].lower(), plural=True)
                if np is None:
                    return []
                rel_who = True
            elif (last in ("and", "but", "or") or self._conjunct_then(words_before)) and len(before_cue) > 4:
                # "X paused, then revealed ...", "X ranted and also hinted ...": the subject of the first verb
                np = self.coordinated_subject(text, s_start, cs)
                if np is None:
                    return []
            elif self._conjunct_before(words_before, j) and len(before_cue) > 4 \
                    and (coord := self.coordinated_subject(text, s_start, cs)) is not None:
                np = coord  # "Roe has voiced doubts but has said ..."
            elif before_cue.rstrip("\"\u201d").endswith((",", "\u2013", "\u2014", "--")) and cue.endswith("ing") \
                    and len(before_cue) > 15:
                # (also after a quoted phrase closed after its comma: 'has "expanded the party," claiming ...')
                # "She escalated her attacks, criticizing him for ...", "... on the spot \u2013 saying ..."
                np = self._subject(text, s_start, cs)
                if np is None:
                    return []
            elif before_cue.endswith(("\u2014", "\u2013", " --", " -")) \
                    and (dash := self._dash_subject(text, s_start, cs)) is not None:
                np = dash  # "Democrats \u2014 and some Republicans \u2014 say ...": the subject before the aside
            elif before_cue.endswith(",") and (apo := self._appositive_subject(text, s_start, cs)) is not None:
                # "Rachel Roe, a doctor from Dover, Delaware, said ...", "Sen. Jo Roe, R-Ohio, a candidate, said"
                np = apo
            elif before_cue.endswith(",") and is_speech:
                # "CONTENT, said Smith."
                np = self.np_after(text, ce, s_end)
                if np is None or len(before_cue) < 15 or np.kind == "pronoun":
                    return []
                tail = text[np.end:s_end]
                appositive = np.kind in ("name", "role") and tail.startswith(",")  # "said Jo Roe, an analyst."
                if not appositive and not self._adverbial_rest(tail.lstrip(" ,")):
                    return []
                att = Attribution(cue, cs, ce, np, "post")
                return self._make_all(text, [(self._skip_opener(text, s_start, cs), s_start + len(before_cue) - 1)], att)
            else:
                np = self._bare_subject(text, s_start, cs) or self._source_noun_subject(text, s_start, cs)
                inner_np = None
                if np is not None and np.in_object:
                    inner_np, np = np, None  # only a prepositional object: the real subject may come later
                if np is None and j >= 1 and words_before[j].lower() == "to":
                    # "Clinton failed to mention ...", "Biden tried to attack ...": the matrix subject
                    jv = j - 2 if words_before[j - 1].lower() == "on" and j >= 2 else j - 1  # "went on to"
                    k = s_start + before_cue.rfind(" " + words_before[jv])
                    closed = words_before[jv][-1:] in "\"\u201d\u2019),"  # 'went on "Harbour Talk" to ...'
                    np = self.np_before(text, s_start, k) if k >= s_start and not closed else None
                    if np is None and words_before[jv].lower() not in self.control_verbs:
                        np = self._subject(text, s_start, cs)  # "X went on Twitter to applaud ...": a purpose clause
                elif np is None and cue.endswith("ing") and j >= 0 and words_before[j].lower() in self.participle_links:
                    # "Bolton distanced himself from the movement by saying ...": the sentence subject
                    np = self._subject(text, s_start, cs)
                if np is None:
                    np = self._postmodified_subject(text, s_start, cs) or inner_np
                if np is None or np.kind not in ("name", "pronoun", "role", "nominal"):
                    return []
                lead = text[s_start:np.start].rstrip(" \u00a0")
                m = _PAREN_END_RE.match(text, ce, s_end)
                if postposed and lead.endswith(",") and len(lead) > 15 and m:
                    # "The top issues, respondents said, are immigration and the economy" -> both sides
                    att = Attribution(cue, cs, ce, np, "pre")
                    return self._make_all(text, [(s_start, s_start + len(lead) - 1), (m.end(), c_end)], att)
            att = Attribution(cue, cs, ce, np, "pre")
        else:
            att = Attribution(cue, cs, ce, np, "pre")
            ante = self._gap_antecedent(text, s_start, np, ce, s_end)
            if ante is not None:
                # "something he denied", "the issues they care about": the object is the noun before
                return [Reported(ante[0], ante[1], att)]
            if before_cue.endswith(",") and is_speech and len(before_cue) > 15 and text[s_end:s_end + 1] not in ":;":
                inv = self.np_after(text, ce, s_end)
                tail = text[inv.end:s_end].lstrip(" \u00a0") if inv is not None else ""
                if inv is not None and inv.kind in ("name", "role") and (
                        tail.startswith(("who ", "which ", ",", "(")) or self._adverbial_rest(tail)):
                    # "..., said an American official who was briefed." -> inverted, content before
                    att = Attribution(cue, cs, ce, inv, "post")
                    return self._make_all(text, [(self._skip_opener(text, s_start, cs),
                                                  s_start + len(before_cue) - 1)], att)
            before_np = text[s_start:np.start].rstrip(" \u00a0")
            lead_end = None
            if before_np.endswith(","):
                lead_end = len(before_np) - 1
            else:
                md = _DESC_TAIL_RE.search(before_np)
                if md:
                    lead_end = md.start()  # "..., psychotherapist Jane Roe says."
            after = text[ce:s_end]
            if lead_end is not None and (text[s_end:s_end + 1] == ":" or any(c in after for c in "\"\u201c\u201d")) \
                    and text[s_start:s_start + 12].split(None, 1)[0].lower() in _ADVERBIAL_START:
                # 'In a speech last July, he said: "..."': the lead is the setting, not content
                lead_end = None
            if lead_end is not None and postposed:
                m = _PAREN_END_RE.match(after)
                if lead_end > 15:
                    if m:
                        # "The plan, he said, would cost less." -> both sides
                        frags = [(s_start, s_start + lead_end), (ce + m.end(), c_end)]
                        return self._make_all(text, frags, att)
                    if self._adverbial_rest(after) or "object" in frames and self._adverbial_rest(self._skip_object(after)):
                        return self._make_all(text, [(self._skip_opener(text, s_start, s_start + lead_end),
                                                      s_start + lead_end)], att)
                elif m and before_np.endswith(","):
                    # "Even then, he said, he would not back her." -> both sides (the lead if two words)
                    return [r for r in (self._make(text, s_start, s_start + lead_end, att, 2),
                                        self._make(text, ce + m.end(), c_end, att)) if r is not None]
            if before_np and np is not grp:
                lead = before_np.strip().rstrip("\"'\u201d\u2019")
                lw = lead.rsplit(None, 1)[-1].lower() if lead else ""
                if lead and not lead.endswith((",", "\u2014", "\u2013", " --", " -")) and lw not in _LEAD_OK and not _sentence_opener_ok(lead) \
                        and not self._np_premodifiers_ok(lead):
                    # "A University poll out this week shows ...": a source noun heads the whole subject
                    src = self._source_noun_subject(text, s_start, cs)
                    if (src is None or src.start >= np.start) and not self._clause_then_modifiers(lead, np):
                        return []
                    if src is not None and src.start < np.start:
                        att = Attribution(cue, cs, ce, src, "pre")
        # "As Comey noted, CONTENT": the content follows the comma
        if text[s_start:att.np.start].split()[-1:] in (["as"], ["As"]) and text[ce:ce + 1] == ",":
            return self._make_all(text, [(ce + 1, c_end)], att)
        # the complement after the cue
        toks = _tokens(text, ce, min(s_end, ce + 90))
        if toks and toks[0][2] == "out" and len(toks) > 1:
            toks = toks[1:]  # "pointed out that ...", "called out Clinton", "spoke out against ..."
        if not toks:
            return []
        first = toks[0][2]
        fl = first.lower()
        if fl not in self.subject_pron and fl.split("'")[0].split("\u2019")[0] in self.subject_pron:
            fl = fl.split("'")[0].split("\u2019")[0]  # "it's", "they're"
        if fl in self.pro_forms and ("clause" in frames or "that" in frames):
            pro = self._pro_form(text, toks, att)
            if pro is not None:
                return pro
        c_s = None
        that_at = None
        for k in range(min(len(toks), 8)):
            w = toks[k][2]
            if w.lower() == "that" and k + 1 < len(toks):
                that_at = k
                break
            if w in (".", ";", "!", "?", ",") and k > 0 or w in QUOTE_CHARS:
                break
        clause_end = c_end
        if that_at is not None and (that_at == 0 or "object" in frames or "clause" in frames or "that" in frames):
            c_s = toks[that_at + 1][0]
        elif fl == "to" and "to" in frames:
            c_s = toks[0][0]
        elif "to" in frames and (kt := self._after_time(toks)) and kt + 1 < len(toks) and toks[kt][2].lower() == "to":
            c_s = toks[kt][0]  # "sought on Wednesday to ...", "voted Thursday to ..."
        elif "object" in frames and (fl not in self.func or fl in ("the", "a", "an") or fl in _OBJECT_PRON):
            # "told reporters to ...", "told POLITICO they were leaning ...", "told the AP his task is ..."
            for k in range(1, min(len(toks), 7)):
                w = toks[k][2]
                wl = w.lower()
                if wl == "to" and k + 1 < len(toks):
                    c_s = toks[k][0]
                    break
                if wl in ("if", "whether", "what", "why", "how") and k + 1 < len(toks):
                    c_s = toks[k][0]  # "asked Mook if ...", "asked the mayor whether ..."
                    break
                if wl in self.subject_pron or (wl in ("the", "a", "an", "his", "her", "their", "its", "this")
                                               and k > 1):
                    if lem in ("tell", "remind", "assure", "inform", "warn"):
                        c_s = toks[k][0]
                    break
                if not w[:1].isalnum():
                    break
        min_words = 3
        if c_s is None and ("clause" in frames or "that" in frames) and fl not in _NOT_CLAUSE \
                and (fl in self.auxiliaries or fl not in self.func) and first[:1].isalpha() \
                and (self._relative_gap(text, s_start, att.np.start) or fl in self.auxiliaries
                     and att.np.kind == "pronoun" and self._noun_before(text, s_start, att.np.start)):
            # "a bill which critics said was discriminatory": the verb phrase is the content
            c_s = toks[0][0]
            clause_end = _clause_end(text, c_s, c_end)
            min_words = 2
        if c_s is None and "clause" in frames and (fl in self.clause_openers or fl == "about" and len(toks) > 1 and (
                toks[1][2][:1].isdigit() or toks[1][2].lower() in ("half", "a", "one", "two", "three"))):
            c_s = toks[0][0]  # "said too many women ...", "said about half of ..."
        if c_s is None and "clause" in frames and fl == "no" and len(toks) > 2 and toks[1][2].isalpha() \
                and toks[1][2].lower() not in self.func:
            c_s = toks[0][0]  # "said no decision had been made" (not "said no to ...")
        if c_s is None and "clause" in frames and self._approximate_number(toks):
            c_s = toks[0][0]  # "reported at least six planes ...", "said more than 20 people ..."
        if c_s is None and "clause" in frames and (first[:1].isupper() or fl in self.subject_pron
                                                   or fl in _CLAUSE_START or first[:1].isdigit()
                                                   or (first.isalpha() and fl not in self.func
                                                       and not fl.endswith("ly"))) \
                and fl not in _NOT_CLAUSE:
            c_s = toks[0][0]
        if c_s is None and (fl in ("whether", "if", "why", "how", "what", "when")
                            or fl in ("which", "where") and fl in self.question_openers and "clause" in frames) and (
                "np" in frames or "object" in frames or "clause" in frames):
            c_s = toks[0][0]
        if fl in ("himself", "herself", "itself", "themselves", "myself", "ourselves") \
                and lem not in self.object_predicate:
            return []  # "found himself playing defense", "find themselves in the thick of war"
        if c_s is None and "np" in frames and first[:1].isalnum() and fl not in self.func | {"to", "that"} \
                or c_s is None and "np" in frames and fl in self.object_determiners:
            c_s = toks[0][0]
            clause_end = self._np_end(text, c_s, c_end)
            min_words = 1
            if lem in self.object_predicate and text.startswith(" as ", clause_end) \
                    and text[clause_end + 4:clause_end + 5].isalnum():
                # "described [the dinner as Washington celebrating itself]": the predicate after "as" too
                clause_end = _clause_end(text, clause_end + 4, c_end)
        if c_s is None:
            # "talked about ...", also past a manner adverb: "spoke passionately about ..."
            k0 = 1 if len(toks) > 2 and (self._is_adverb(fl) or fl in ("much", "again")) else 0
            if k0 == 0 and fl != "about" and "prep:about" in frames:
                k0 = self._pp_then_about(toks)  # "spoke at the White House on Tuesday about ..."
            pl = toks[k0][2].lower()
            for f in frames:
                if f.startswith("prep:") and pl == f[5:] and len(toks) > k0 + 1 and toks[k0 + 1][2][:1].isalnum():
                    c_s = toks[k0 + 1][0]
                    clause_end = self._np_end(text, c_s, c_end)
                    min_words = 1
                    break
        if c_s is None and lem in self.object_predicate:
            c_s = self._object_predicate(toks, self.object_predicate[lem])
            if c_s is not None:
                clause_end = _clause_end(text, c_s, c_end)
                min_words = 2
            elif self._relative_gap(text, s_start, att.np.start) and first[:1].isalnum() \
                    and (fl == "as" and len(toks) > 1 or self.object_predicate[lem] == "pred" and fl not in self.func
                         or fl in ("a", "an", "the")):
                # "which Trump called [a disaster]", "whom he described as [volatile]": the object is the
                # relative word (a fragment of its own), the predicate follows the cue
                c_s = toks[1][0] if fl == "as" else toks[0][0]
                clause_end = _clause_end(text, c_s, c_end)
                min_words = 1
        if c_s is None:
            return []
        if min_words == 3 and (fl in self.subject_pron or fl == "to"):
            min_words = 2  # "I think it's strong", "They want to compromise"
        if rel_who and clause_end == c_end:
            clause_end = _clause_end(text, c_s, c_end)  # "those who said [they were undecided], most ..."
        elif clause_end == c_end and att.np.start - s_start <= 16 and self._subordinate_lead(text[s_start:att.np.start]):
            # "Since regulators announced [a settlement], Wells Fargo has ...": the main clause follows
            j = text.find(", ", c_s, c_end)
            if j > c_s:
                clause_end = j
        return self._make_all(text, [(c_s, clause_end)], att, min_words)

    def plausible_source(self, np: NP, text: str | None = None) -> bool:
        """Whether a subject can be a source (a person, group, organisation or document): not an
        inanimate head ("capital murder charges", "points", "the usual political barbs")."""
        if np.kind == "name" and text is not None:
            # "Capital murder charges are ...": the capitalised word only modifies a lower-case head
            m = _NEXT_LOWER_RE.match(text, np.end)
            if m is None or m.group(1) in self.auxiliaries or m.group(1) in self.speech or m.group(1) in self.belief \
                    or m.group(1) in self.stance:
                return True  # "Trump said ...": the name is the subject (the common case, decided cheaply)
            toks = _tokens(text, np.end, min(len(text), np.end + 50))
            k = 0
            while k < len(toks) and k < 3 and toks[k][2].isalpha() and toks[k][2].islower() \
                    and toks[k][2] not in self.func and toks[k][2] not in self.auxiliaries:
                k += 1
            if 0 < k < len(toks) and (toks[k][2] in self.auxiliaries or toks[k][2].lower() in self.speech
                                      or toks[k][2].lower() in self.belief or toks[k][2].lower() in self.stance):
                return toks[k - 1][2] not in self.non_source_heads
            return True
        if np.kind not in ("role", "nominal"):
            return True
        words = np.text.split()
        for k, w in enumerate(words[1:], 1):
            if w.lower() in ("of", "in", "for", "from", "at") or self._verb_like(w):
                words = words[:k]  # "Supporters of abortion rights": the head comes before "of"
                break
        head = _strip_pos(words[-1]).lower() if words else ""
        return head not in self.non_source_heads

    def _verb_like(self, w: str) -> bool:
        return len(w) > 4 and w.islower() and w.endswith("ed") and not w.endswith("eed") and w not in self.roles

    def _trim_verb(self, text: str, np: NP) -> None:
        """Cut a speaker phrase that ran into its verb: "Several Democrats cautioned" -> "Several Democrats"."""
        if np.kind == "pronoun" or "ed" not in np.text:
            return
        toks = _tokens(text, np.start, np.end)
        for k in range(1, len(toks)):
            if self._verb_like(toks[k][2]):
                np.end = toks[k - 1][1]
                np.text = text[np.start:np.end]
                if np.name_start is not None and np.name_start >= np.end:
                    # the "name" was past the verb ("the judge granted Texas's request"): a role or nominal is left
                    head = toks[k - 1][2].lower()
                    np.name = np.name_start = np.name_end = np.description = None
                    np.kind, np.role = ("role", head) if head in self.roles else ("nominal", None)
                elif np.name_end is not None and np.name_end > np.end:
                    np.name_end = np.end
                    np.name = text[np.name_start:np.end] if np.name_start is not None else np.name
                return

    @staticmethod
    def _singular(np: NP) -> bool:
        if np.kind == "pronoun":
            return np.text.lower() in ("he", "she", "it")
        if np.kind in ("role", "nominal"):
            return not np.plural and np.determiner in ("a", "an", "the", "this", "that", "one", "another") \
                and not np.text.endswith("s")
        return np.kind == "name" and not np.plural and not np.text.endswith("s")

    @staticmethod
    def _skip_object(after: str) -> str:
        """``after`` without a short object: " POLITICO on Monday." -> " on Monday." ("..., Grassley told POLITICO")."""
        words = after.split()
        k = 0
        if words and (words[0][:1].isupper() or words[0].lower() in _OBJECT_PRON):
            k = 1
            while k < len(words) and k < 4 and words[k - 1][-1:] not in ".,;" and words[k][:1].isupper():
                k += 1
        elif words and words[0].lower().rstrip(".") == "reporters":
            k = 1  # (also at the sentence end: "..., Sgt. Roe told reporters.")
        elif len(words) > 1 and words[0].lower() in ("the", "a", "an"):
            # the determiner and its noun phrase (round 21): a name of up to four words ("told the Associated
            # Press on Monday.", "told the New York Times.") or two common nouns ending the sentence ("told a
            # news conference."); not a clause after the object ("told the woman to get in the house")
            k = 2
            while k < len(words) and k < 5 and words[k - 1][-1:] not in ".,;" and words[k][:1].isupper():
                k += 1
            if k == 2 and len(words) == 3 and words[1][:1].islower() and words[2][:1].islower() \
                    and words[2].endswith(".") and words[2][:-1].isalpha():
                k = 3
        return " ".join(words[k:]) if k else after

    def _appositive_subject(self, text: str, s_start: int, cs: int, open_ok: bool = False) -> NP | None:
        """A name or role opening the clause, then appositives between commas up to the cue."""
        np = self.np_after(text, s_start, cs)
        if np is None or np.kind not in ("name", "role") or text[s_start:np.start].strip():
            return None
        if np.kind == "role" and (np.role or "").split()[-1:] and (np.role or "").split()[-1] not in self.roles:
            return None
        mid = text[np.end:cs]
        if not open_ok and not mid.rstrip(" \u00a0").endswith(","):
            return None
        if "(" in mid:
            mid = _SHORT_PAREN_RE.sub("", mid)  # "Sen. Jo Roe (D-Ohio), a candidate, said", "Acme Corp (ACME.N),"
        if not mid.lstrip(" \u00a0").startswith(",") or any(c in mid for c in ";:!?\"\u201c\u201d()") \
                or len(mid.split()) > 25 or mid.count(",") > 4 or self._sentence_break(mid):
            return None
        return np

    def _object_predicate(self, toks, need: str) -> int | None:
        """Start of "OBJECT PREDICATE" after a cue ("called him divisive", "sees trade as a threat",
        "called the plan a disaster"), or None. ``need`` is ``as`` or ``pred``."""
        n = len(toks)
        first = toks[0][2]
        fl = first.lower()
        obj_pron = fl in _OBJECT_PRON or fl in ("it", "himself", "herself", "themselves", "itself")
        if not first[:1].isalnum() or not obj_pron and (fl in self.func and fl not in self.object_determiners
                                                         or fl in self.subject_pron):
            return None
        if need == "as":
            for k in range(1, min(n, 9)):
                w = toks[k][2].lower()
                if w == "as" and k + 1 < n:
                    return toks[0][0]
                if not toks[k][2][:1].isalnum() and toks[k][2] not in ("-", "\u2019s", "'s"):
                    return None
            return None
        # the object: a pronoun, a capitalised name, or a determiner and up to three lower-case words
        if obj_pron:
            k = 1
        elif first[:1].isupper():
            k = 1
            while k < n and k < 5 and (toks[k][2][:1].isupper() or toks[k][2] in ("\u2019s", "'s")):
                k += 1
        elif fl in self.object_determiners:
            k = 1
            while k < n and k < 4 and toks[k][2][:1].islower() and toks[k][2].lower() not in self.func \
                    and toks[k][2].lower() not in self.object_determiners:
                k += 1
            if k == 1:
                return None
        elif need == "pred" and first.isalpha() and first.islower():
            # a bare noun phrase, then "a"/"an": "called climate change a hoax"
            k = 1
            while k < n and k < 3 and toks[k][2].isalpha() and toks[k][2].islower() \
                    and toks[k][2] not in self.func:
                k += 1
            if k + 1 >= n or toks[k][2] not in ("a", "an") or toks[k + 1][2].lower() in self.time_nouns \
                    or toks[k + 1][2] in ("few", "lot", "bit"):
                return None  # not "called reporters a day later"
        else:
            return None
        if k >= n:
            return None
        nxt = toks[k][2]
        nl = nxt.lower()
        if not nxt[:1].isalpha() or nl == "as" or (nl in self.func and nl not in ("a", "an", "the", "his", "her",
                                                                                  "their", "its", "our")):
            return None
        if nl.endswith("ly") or nxt[:1].isupper() and k == 1 and first[:1].isupper():
            return None  # "called Clinton Tuesday", "called him repeatedly"
        return toks[0][0]

    def _passive(self, text: str, cue: str, cs: int, ce: int, s_start: int, s_end: int, aux: int) -> list[Reported]:
        """'X was echoed/criticized/praised by Y': content X (the clause before the auxiliary), speaker Y."""
        k = ce
        while k < s_end and text[k] in " \u00a0":
            k += 1
        if text[k:k + 3] != "by " and text[k:k + 3] != "by\u00a0":
            return []
        np = self.np_after(text, k + 3, s_end)
        if np is None or np.kind not in ("name", "role") or not self.plausible_source(np, text):
            return []
        att = Attribution(cue, cs, ce, np, "agent")
        lead = text[s_start:aux]
        if any(c in lead for c in ",;:\"\u201c\u201d") or len(lead.split()) > 12:
            return []
        return self._make_all(text, [(s_start, aux)], att, 2)

    def _postmodified_subject(self, text: str, s_start: int, cs: int) -> NP | None:
        """The clause's first noun phrase when a modifier separates it from the cue: "Democrats
        trying to regain the Senate say", "Organizers of both conventions insist"."""
        if cs - s_start > 130 or not text[s_start:s_start + 1].isupper():
            return None  # a subject and a modifier of at most a dozen words, opening the sentence
        if not any(w in self.postmodifier_starts or w.endswith("ing") for w in text[s_start:s_start + 50].split()[1:5]):
            return None  # cheap exit: no modifier word among the first words
        np = self.np_after(text, s_start, cs)
        if np is not None and " " in np.text and np.text.rsplit(None, 1)[-1].lower() in self.postmodifier_starts:
            cut = np.start + np.text.rstrip().rfind(" ")  # "A source close [to the talks]": the head ends before
            np = replace(np, end=cut, text=text[np.start:cut])
        if np is None or np.kind not in ("name", "role", "nominal") or text[s_start:np.start].strip() \
                or not self.plausible_source(np, text):
            return None
        mid = text[np.end:cs].strip(" \u00a0")
        words = mid.split()
        if not words or len(words) > 12 or any(c in mid for c in ",;:()\"\u201c\u201d") or self._sentence_break(mid):
            return None
        w0 = words[0].lower()
        if not (w0 in self.postmodifier_starts or (w0.endswith("ing") and len(w0) > 4)):
            return None
        if any(self._verb_like(w) or w.lower() in self.speech or w.lower() in self.belief for w in words[1:]):
            return None
        return np

    def _gap_antecedent(self, text: str, s_start: int, np: NP, ce: int, s_end: int) -> tuple[int, int] | None:
        """The noun phrase a relative clause with the speaker inside modifies, when the cue's
        object is missing: "[something] he denied", "[a charge] that party leaders denied",
        "[the issues] they care about". Returns its span or None."""
        if np.kind not in ("name", "pronoun", "role"):
            return None
        if np.kind != "pronoun" and not self._gap_before_re.search(text, max(0, np.start - 12), np.start):
            return None  # cheap exit: no relative word or "something" right before the speaker
        after = _tokens(text, ce, min(s_end, ce + 30))
        k = 0
        if after and after[0][2].lower() in ("about", "for", "of", "on", "to", "with", "out") and (
                len(after) == 1 or not after[1][2][:1].isalnum() or after[1][2].lower() in _ADVERBIAL_START):
            k = 1  # "the issues they care about.", "what he called for"
        if k < len(after) and after[k][2][:1].isalnum() and after[k][2].lower() not in _ADVERBIAL_START:
            return None  # the cue has its own complement
        toks = _tokens(text, max(s_start, np.start - 70), np.start)
        i = len(toks) - 1
        relative = i >= 0 and toks[i][2].lower() in ("that", "which", "whom")
        if relative:
            i -= 1
        if i < 0 or not (relative or np.kind == "pronoun" or toks[i][2].lower() in self.gap_pronouns):
            return None  # "the network's anchor Ilia Calderón reacted": a description, not an object
        j = i
        found = None
        while j >= 0 and i - j < 6:
            w = toks[j][2]
            wl = w.lower()
            if wl in self.object_determiners or wl in self.gap_pronouns or w.endswith(("\u2019s", "'s")) and j < i:
                found = j
                break
            if not w[:1].isalnum() or (wl in self.func and wl != "of") or wl in self.subject_pron:
                return None
            j -= 1
        if found is None or found == i and toks[i][2].lower() not in self.gap_pronouns:
            return None
        if toks[i][2].lower() in self.time_nouns or (
                found > 0 and toks[found - 1][2].lower() in _PREPOSITIONS and toks[found][2].lower() not in self.gap_pronouns):
            return None  # "This week he said", "In the interview she said": an adverbial, not an object
        return toks[found][0], toks[i][1]

    def _np_end(self, text: str, s: int, e: int) -> int:
        """End of an object noun phrase: it runs on through lists, "including ..." and dashes
        ("several factors, including ..."), up to a new clause (", which", ", but", ", saying")."""
        m = _NP_STOP_RE.search(text, s, e)
        while m is not None and self._np_goes_on(text, s, m):
            m = _NP_STOP_RE.search(text, m.end(), e)
        e = m.start() if m else e
        e = self._coordinated_cue_start(text, s, e)
        k = text.find(",", s, e)
        if k > s and _RELATIVE_RE.search(text, k, e):
            for c in self.report_cue_re.finditer(text, k, e):
                # "a levy, a charge that leaders denied": another attribution starts after the comma
                if _RELATIVE_RE.search(text, k, c.start()):
                    return text.rfind(",", s, c.start())
        return e

    @staticmethod
    def _conjoined(text: str, s_start: int, np: NP) -> bool:
        """Whether "and" stands right before a capitalised noun phrase ("The department and [the FBI]
        say"): the subject is plural, so a base-form cue after it is a verb ("Ethanol and corn
        support helped" stays a noun)."""
        ws, we = _word_before(text, s_start, np.start)
        return we > ws and text[ws:we] == "and" and np.text.split()[-1][:1].isupper()

    def _approximate_number(self, toks) -> bool:
        """Whether the tokens open with a two-word approximator and a number ("at least six",
        "more than 20"): a clause subject, not a prepositional phrase."""
        if len(toks) < 4 or f"{toks[0][2]} {toks[1][2]}".lower() not in self._approx_pairs:
            return False
        n = toks[2][2].lower()
        return n[:1].isdigit() or n in self._numbers

    def _pro_form(self, text: str, toks, att: Attribution) -> list[Reported] | None:
        """"I never said [that].", "He doesn't think [so]": a pro-form closing the clause after the
        cue is the whole content (``pro_form_complements``); None when more words follow."""
        ends = (".", ";", "!", "?", ":") if toks[0][2].lower() == "that" else (".", ",", ";", "!", "?", ":")
        if len(toks) > 1 and toks[1][2] not in ends and toks[1][2] not in QUOTE_CHARS:
            return None  # "said that, like him, she ...": "that" opens a clause after a parenthesis
        if not self.plausible_source(att.np, text):
            return []
        self._trim_verb(text, att.np)
        return [Reported(toks[0][0], toks[0][1], att)]

    def _conjunct_before(self, words: list[str], j: int) -> bool:
        """Whether "and"/"but"/"or" stands before the cue past auxiliaries, adverbs and gap words
        ("Roe has voiced doubts but *has* said ...", "... and *would* later argue ...")."""
        while j >= 0 and (words[j].lower() in self.auxiliaries or words[j].lower() in self.gap
                          or self._is_adverb(words[j])):
            j -= 1
        return j >= 0 and words[j].lower() in ("and", "but", "or") and j < len(words) - 1

    def _coordinated_cue_start(self, text: str, s: int, e: int) -> int:
        """End of an object noun phrase before a second verb of saying coordinated with the first:
        "bemoaned [a lack of unity] and said ...", "voiced [doubts] but has argued ..."."""
        for c in self.report_cue_re.finditer(text, s, e):
            if c.group()[:1].isupper() or c.group().lower() in self.hearsay_adverbs:
                continue
            lem = self.speech.get(c.group()) or self.belief.get(c.group())
            nxt = text[c.end():c.end() + 12].split(None, 1)[:1]
            if lem is None or not nxt or not ("clause" in self.frames.get(lem, ()) and (
                    nxt[0].lower() in self.subject_pron or nxt[0].lower() == "that")):
                continue  # only where a reported clause follows: "and said [he would ...]"
            words = text[s:c.start()].split()
            j = len(words) - 1
            if j >= 1 and self._conjunct_before(words, j) or j >= 1 and words[j].lower() in ("and", "but"):
                k = j
                while k > 0 and words[k].lower() not in ("and", "but", "or"):
                    k -= 1
                cut = text.rfind(" " + words[k], s, c.start())
                if cut > s:
                    return cut
        return e

    def _adverbial_lead(self, lead: str) -> bool:
        """A short introductory adverbial ending in a comma ("But the next day,", "In 2014,",
        "Over the long term,"), not a clause."""
        words = lead.rstrip(",").split()
        if words and words[0].lower() in ("but", "and", "yet", "so", "still"):
            words = words[1:]
        if not words or len(words) > 6:
            return False
        w0 = words[0].lower()
        return w0 in _ADVERBIAL_START or w0 in self.cue_adverbials or w0 in self.time_nouns \
            or w0 in ("the", "one", "that") and words[-1].lower() in self.time_nouns

    def _np_goes_on(self, text: str, s: int, m: re.Match) -> bool:
        """Whether a stop word inside an object noun phrase still belongs to it: "deals *such as*
        NAFTA", "the program *as a* violation of ...", "a bill *which* had support" (a relative clause
        without a comma). A relative clause after a comma, "as" before a clause, "but" ... end it."""
        w = m.group().strip(" \u00a0,").lower()
        nxt = text[m.end():m.end() + 12].split(None, 1)[:1]
        nl = nxt[0].lower() if nxt else ""
        if w == "as":
            ws, we = _word_before(text, s, m.start())
            return text[ws:we].lower() == "such" or nl in self.np_as_followers
        if w in self.np_relatives:
            return not m.group().startswith(",") and nl not in self.subject_pron
        return False

    def _noun_before(self, text: str, s_start: int, np_start: int) -> bool:
        """Whether a lower-case content word stands right before ``np_start`` ("a step [they] believe
        could help": a relative clause without "that")."""
        w = text[max(s_start, np_start - 25):np_start].split()[-1:]
        return bool(w) and w[0].isalpha() and w[0].islower() and w[0] not in self.func and not self._is_adverb(w[0])

    def _relative_gap(self, text: str, s_start: int, np_start: int) -> bool:
        """Whether a relative word stands right before the speaker ("which critics said ...")."""
        k = np_start
        while k > s_start and text[k - 1] in " \u00a0":
            k -= 1
        j = k
        while j > s_start and text[j - 1].isalpha():
            j -= 1
        return j < k and text[j:k].lower() in self.relative_words

    def _group_subject(self, text: str, s_start: int, cs: int, participle: bool) -> NP | None:
        """A group subject right before the cue that starts its clause: "Two in three said",
        "61 percent say", "a majority of Republicans support", "Many in the crowd said"."""
        if self.group_subject_re is None:
            return None
        w0 = max(s_start, cs - 100)
        if not (_DIGIT_RE.search(text, w0, cs) or self.hint(self._group_hint_re, self._group_hint_low, text, w0, cs)):
            return None  # cheap exit: no number, "percent" or group word before the cue
        e = cs
        while True:  # gap words between subject and cue ("61 percent also said")
            while e > w0 and text[e - 1] in " \u00a0":
                e -= 1
            j = e
            while j > w0 and text[j - 1].isalpha():
                j -= 1
            wl = text[j:e].lower()
            if j < e and wl in self.gap and (wl not in self.closed or wl in self.auxiliaries):
                e = j
                continue
            break
        seen = self._lowered
        if seen[0] is not text:
            seen = self._lower_text(text)
        if seen[1] is not None and self._group_subject_low is not None:
            m = self._group_subject_low.search(seen[1], w0, e)  # (the same span: see __init__)
        else:
            m = self.group_subject_re.search(text, w0, e)
        if m is None:
            return None
        s = m.start()
        before = text[s_start:s].rstrip(" \u00a0")
        if before and before[-1] not in ",;:(\u2014\u2013":
            lw = before.rsplit(None, 1)[-1].lower()
            if not (lw in _LEAD_OK or lw in self.relative_words or (participle and lw == "with")):
                return None
        g = text[s:m.end()].rstrip(" \u00a0")
        return NP(s, s + len(g), g, "nominal", role=g.lower(), plural=True)

    def _source_phrase(self, text: str, ce: int, s_end: int) -> NP | None:
        """The source after "according to" when it is not a speaker phrase: the words up to
        the next comma or the clause end ("according to complete but unofficial returns")."""
        s = ce
        while s < s_end and text[s] in " \u00a0":
            s += 1
        e = text.find(",", s, s_end)
        e = s_end if e < 0 else e
        while e > s and text[e - 1] in " \u00a0.;:":
            e -= 1
        words = text[s:e].split()
        if not words or len(words) > 30 or not words[0][:1].isalnum():
            return None
        return NP(s, e, text[s:e], "nominal", plural=words[-1].lower().endswith("s"))

    def _np_premodifiers_ok(self, lead: str) -> bool:
        """The words before a nominal NP are its determiner and modifiers, after a clause
        opener: "as [a new] poll showed", "while [the latest] survey found"."""
        words = lead.split()
        k = len(words)
        while k > 0 and len(words) - k < 3:
            w = words[k - 1].lower()
            if w in self.det:
                k -= 1
                break
            if not w.isalpha() or (w in self.func and w not in self.np_adjectives):
                return False
            k -= 1
        if k == len(words) or words[k].lower() not in self.det and k < len(words) - 1:
            return False
        rest = " ".join(words[:k])
        return not rest or rest.endswith(",") or words[k - 1].lower() in _LEAD_OK or _sentence_opener_ok(rest)

    def _source_noun_subject(self, text: str, s_start: int, cs: int) -> NP | None:
        """A source noun heading a long subject: "a CNN poll of South Carolina released on
        Tuesday showed", "audit files from the vendor show" (the noun is the speaker)."""
        if not self.hint(self._source_hint_re, self._source_hint_low, text, max(s_start, cs - 100), cs):
            return None  # cheap exit: no source noun before the cue
        toks = _tokens(text, max(s_start, cs - 100), cs)
        inner = None
        source_head = self._source_head
        for k in range(len(toks) - 1, max(-1, len(toks) - 12), -1):
            w = toks[k][2]
            if w in (";", ":") or w in QUOTE_CHARS:
                break
            if w.lower() in self.source_nouns:
                if any(t[2].lower() == "by" for t in toks[k + 1:]):
                    break  # "messages seen by GB News show": an agent, the outlet's own reporting
                if k + 1 < len(toks) and toks[k + 1][2].lower() in self.subject_pron:
                    break  # "the report he wrote said": the pronoun is the subject
                prev = toks[k - 1][2].lower() if k > 0 else ""
                if prev in _PREPOSITIONS:
                    continue  # "a poll of voters" ... keep looking for the head before "of"
                i = k - 1 if source_head(w)[1] != "document" else -1
                while i >= 0 and k - i <= 5 and toks[i][2][:1].isalnum() and toks[i][2].lower() not in \
                        self.np_object_preps and (toks[i][2].lower() not in self.func or toks[i][2].lower() in self.det):
                    i -= 1
                if i >= 0 and (toks[i][2].lower() in self.np_object_preps or toks[i][2].lower() in self.np_object_conj
                               and not all(t[2].lower() in self.auxiliaries or self._is_adverb(t[2].lower())
                                           for t in toks[k + 1:])):
                    # "a lawsuit filed in a federal court argues": the court is an object, not the subject
                    if inner is None:
                        inner = k
                    continue
                s, e = toks[k][0], toks[k][1]
                return NP(s, e, text[s:e], "nominal", role=w.lower(), plural=w.lower().endswith("s"))
        if inner is not None:  # no subject but an object: the words stay, without a source
            s, e, w = toks[inner]
            return NP(s, e, text[s:e], "nominal", role=w.lower(), plural=w.lower().endswith("s"), in_object=True)
        return None

    def _bare_subject(self, text: str, s_start: int, cs: int) -> NP | None:
        """A plain noun-phrase subject the speaker rules do not take, before a speech verb:
        "Thirty percent said", "her campaign workers here said", "an earlier version said".

        The words right before the cue (after gap words) must be a run of one to five
        content words or numbers, optionally led by a determiner, that starts the clause
        (sentence start, a comma or "and"/"but" before it). Returns a ``nominal`` NP.
        """
        toks = _tokens(text, max(s_start, cs - 80), cs)
        i = len(toks) - 1
        while i >= 0 and (toks[i][2].lower() in self.gap or toks[i][2].lower() in _PLACE_ADVERBS):
            i -= 1
        if i < 0:
            return None
        head = toks[i][2]
        hl = head.lower()
        if not head.isalpha() or hl in self.func or hl in self.subject_pron or self._is_adverb(hl):
            return None
        k = i
        while k - 1 >= 0 and i - k < 5:
            w = toks[k - 1][2]
            wl = w.lower()
            if wl in self.det:
                k -= 1
                break
            if not (w[:1].isalnum() or w in ("-", "’s", "'s")) or wl in self.func or wl in self.subject_pron:
                break
            k -= 1
        before = toks[k - 1][2].lower() if k > 0 else ""
        sub = k > 0 and before in self.subject_subordinators
        if k > 0 and before not in (",", ";", ":", "and", "but", "—") and not sub \
                or toks[0][0] > s_start and k == 0:
            return None
        s, e = toks[k][0], toks[i][1]
        np = NP(s, e, text[s:e], "nominal", plural=hl.endswith("s"))
        if sub:
            # "as polls show ...", "where authorities reported ...", "with analysts saying ...": a finite cue
            # after a subordinator, a participle after "with" (not "with a speech denouncing ..."); the
            # subject must be able to be a source ("even though sales are expected" is not)
            ing = text[cs:cs + 40].split(None, 1)[0].endswith("ing")
            if ing != (before == "with") or before == "with" and toks[k][2].lower() in ("a", "an") \
                    or not self.plausible_source(np, text):
                return None
        return np

    def _clause_then_modifiers(self, lead: str, np: NP) -> bool:
        """Whether the words before a name or role subject are an opening clause or adverbial closed
        by a comma and then only the subject's own premodifiers: "In the same debate, CNBC moderator
        [Carl Quintanilla] asked", "While X claimed ..., foreign policy [experts] affirm"."""
        if np.kind not in ("name", "role", "nominal") or any(c in lead for c in QUOTE_CHARS):
            return False
        j = lead.rfind(", ")
        if j < 0:
            return False
        tail = lead[j + 2:].split()
        if not 1 <= len(tail) <= 4 or len(lead[:j].split()) < 2:
            return False
        for k, w in enumerate(tail):
            wl = _strip_pos(w).lower()
            if not w[:1].isalnum() or wl in self.subject_pron or self._is_adverb(wl) \
                    or wl in self.func and not (k == 0 and wl in self.det) \
                    and wl not in self.object_determiners and wl not in self._numbers:
                return False  # "..., both [candidates] said", "..., all three [candidates] invoked"
        return True

    def _after_time(self, toks) -> int:
        """Index after a short time adverbial opening ``toks`` ("Thursday", "on Wednesday", "last week",
        "in May"), else 0."""
        k = 0
        if k < len(toks) and toks[k][2].lower() in ("on", "in", "last", "this", "next", "early", "late", "earlier"):
            k += 1
        if k < len(toks) and (toks[k][2].lower() in self.time_nouns or toks[k][2] in _MONTHS):
            return k + 1
        return 0

    def _pp_then_about(self, toks) -> int:
        """Index of "about" after one or two prepositional phrases right after a cue ("spoke *at the
        White House on Tuesday* about ...", "talked *with police leaders* about ..."), else 0."""
        if not toks or toks[0][2].lower() not in _PREPOSITIONS and toks[0][2].lower() not in self.time_nouns:
            return 0
        for k in range(1, min(len(toks) - 1, 12)):
            w = toks[k][2]
            wl = w.lower()
            if wl == "about":
                nx = toks[k + 1][2]
                return k if nx[:1].isalpha() and nx.lower() not in self._numbers else 0  # not "for about 15 minutes"
            if not w[:1].isalnum() or wl in self.subject_pron or wl in self.relative_words or wl in self.auxiliaries:
                return 0
        return 0

    def _skip_opener(self, text: str, s: int, e: int) -> int:
        """Start of content placed before its cue, past a discourse opener and its comma ("In fact,
        [neither plan would ...], analysts say.", "Still, [the vote ...], he said.")."""
        j = text.find(", ", s, min(e, s + 40))
        if j > s and " ".join(text[s:j].lower().split()) in self.content_openers \
                and len(text[j + 2:e].split()) >= 3:
            return j + 2
        return s

    def _subordinate_lead(self, lead: str) -> bool:
        """Whether the words before a subject are only a subordinator opening the sentence
        ("*While* the campaign argued ..., X said"): the clause ends at its comma."""
        words = lead.split()
        return len(words) == 1 and words[0].lower() in self.subject_subordinators and words[0].lower() != "with"

    def _adverbial_rest(self, after: str) -> bool:
        """Only an adverbial (or nothing) follows the cue: "said on Monday", "said in a statement"."""
        rest = after.strip(" \u00a0.!?\u201d\"")
        if not rest:
            return True
        words = rest.split()
        fl = words[0].lower().strip(",")
        return len(words) <= 8 and (fl in _ADVERBIAL_START or words[0].strip(",") in self.lex.non_names)

    def _make_all(self, text: str, frags, att: Attribution, min_words: int = 3) -> list[Reported]:
        if not self.plausible_source(att.np, text):
            return []
        self._trim_verb(text, att.np)
        out = []
        for s, e in frags:
            r = self._make(text, s, e, att, min_words)
            if r is not None:
                out.append(r)
        return out

    def _make(self, text: str, s: int, e: int, att: Attribution, min_words: int = 3) -> Reported | None:
        while s < e and text[s] in " \u00a0,:;\u2014\u2013-":
            s += 1
        while e > s and text[e - 1] in " \u00a0,:;\u2014\u2013-":
            e -= 1
        if e - s < 2 or len(text[s:e].split()) < min_words or (min_words >= 3 and e - s < 12):
            return None
        return Reported(s, e, att)


_DESC_TAIL_RE = re.compile(r",(?:[ \u00a0]+(?!(?:and|but|or|while|whereas|as|so|yet|then|when|because|although|though|"
                           r"which|who|that|if|since|after|before|with|without)\b)[a-z][\w\-]*){1,3}$")

_CLAIM_POSSESSOR_RE = re.compile(
    r"\b(?:(?P<pron>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?P<name>[A-Z][\w.\-]*)(?:'s|\u2019s|'|\u2019))[ \u00a0]+"
    r"(?:[a-z][a-z\-]*[ \u00a0]+){0,2}$")
_OBJECT_PRON = frozenset("me him her us them you".split())
_RELATIVE_RE = re.compile(r"\b(?:that|which|who|whom)\b")
_NEXT_LOWER_RE = re.compile(r"[ \u00a0]+([a-z][a-z\-]*)\b")
_NP_STOP_RE = re.compile(r",?[ \u00a0]+(?:which|who|whose|while|whereas|but|because|although|though|as|after|before|when|"
                         r"if|since|so|saying|adding|arguing|noting|calling|claiming|insisting|and (?:he|she|they|it|"
                         r"we|I|then))\b|[;(]")
_MONTHS = frozenset("January February March April May June July August September October November December".split())
_PLACE_ADVERBS = frozenset("here there overall".split())
_NOUN_BEFORE = frozenset("the a an his her their its our my your this these those of for to with by in on at from "
                         "any no every each such".split())
_ADVERBIAL_START = frozenset("on in at during after before from with via through over near when while earlier later "
                             "recently yesterday today tonight this last next afterward afterwards again then also "
                             "privately publicly repeatedly".split())
_PAREN_END_RE = re.compile(r"(?:[ \u00a0]+[\w\u2019'.\-]+){0,4}[ \u00a0]*,")
_LEAD_OK = frozenset("but and however yet so now also then still that which who whom what because while when "
                     "as if although though since where whereas after before once until unless".split())
_CLAUSE_START = frozenset("the a an this these those there his her their its our my your some many most "
                          "no not all both each every any one two three several few more if".split())
_NOT_CLAUSE = frozenset("to in on at of for by with about as so yes no nothing something little much "
                        "more nor than goodbye hello thanks sorry".split())


_SHORT_PAREN_RE = re.compile(r"[ \u00a0]*\([^()\s]+(?:[ \u00a0][^()\s]+){0,3}\)")
_RAISING_END_RE = re.compile(r",(?!\d)|;|[ \u00a0][\u2014\u2013]|[ \u00a0]--[ \u00a0]|\(")


def _clause_end(text: str, s: int, e: int) -> int:
    """End of the noun phrase or clause starting at ``s``: the next comma, semicolon or dash."""
    best = e
    for sep in (",", ";", " \u2014", " \u2013", " -- ", "("):
        j = text.find(sep, s, best)
        if j >= 0:
            best = j
    return best


def _lower_occurs(text: str, word: str) -> bool:
    """Whether ``word`` (lower case) occurs in ``text`` as a whole word."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if (i == 0 or not text[i - 1].isalnum()) and (i + n >= len(text) or not text[i + n].isalnum()):
            return True
        i = text.find(word, i + 1)
    return False


def _sentence_opener_ok(lead: str) -> bool:
    """Short adverbial openers before a subject: "Last year", "On Monday", "In a statement"."""
    words = lead.split()
    return len(words) <= 4 and not any(c in lead for c in "\"\u201c\u201d")


# a speaker phrase ends the clause: punctuation (a full stop not followed by a lower-case word) or the end
_PHRASE_END_RE = re.compile(r"[ \u00a0]*(?:$|[,;:!?\n\"\u201c\u201d]|\.(?![ \u00a0]*[a-z]))")


_AS_BEFORE_RE = re.compile(r"(?i:\bas)(?:[ \u00a0]+[\w\-\u2019']+){0,4}[ \u00a0]+$")
_AS_RE = re.compile(r"(?i:\bas)[ \u00a0]+(?=[^,;:.!?\"\u201c\u201d]*$)")
_INVERTED_END_RE = re.compile(r"[ \u00a0]*(?:[,;:!?\"\u201c\u201d(]|\.(?![ \u00a0]*[a-z])|$|[ \u00a0]+(?:who|which|whose|that|in|on|at|during|after|before|when)\b)")
_WITH_BEFORE_RE = re.compile(r"(?i:\bwith)[ \u00a0]+$")
_SENTENCE_GAP_RE = re.compile(r"[.!?][\"\u201d\u2019')]*[ \u00a0]+(?=[A-Z])")
_BARE_SINGLE_QUOTE_RE = re.compile(r"(?<!\w)['\u2018\u2019`]|['\u2018\u2019`](?!\w)")  # a mark, not an apostrophe
_CHAIN_COORD_RE = re.compile(r",[ \u00a0]+(?:and|or|but)[ \u00a0]")  # "Jo Roe, who ..., and Al Poe, ..."
_WHO_BEFORE_RE = re.compile(r",[ \u00a0]*who(?:[ \u00a0]+[a-z]+ly)?[ \u00a0]*$")
_HANDLE_RE = re.compile(r"\(?@\w+\)?")
# a full stop ending a sentence inside an appositive: not after an abbreviation, an initial or a
# short capitalised word ("D-Ark.", "N.J.", "Minn.")
_FULL_STOP_RE = re.compile(r"(?<![A-Z])(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z][a-z]{3})(?<!\.\w)\.[ \u00a0]+[A-Z]")


def _closed_by_punctuation(text: str, lo: int, j: int) -> bool:
    """Whether the quotation closing at ``lo`` ends in a comma, full stop, question or exclamation
    mark, or a comma or dash follows its closing mark (``text[lo:j]``): the news convention for a
    quotation whose attribution comes next ('"...," she said'); a bare '"..." Smith demands' is a
    headline or a new clause."""
    k = lo - 1
    while k > 0 and text[k] in QUOTE_CHARS:
        k -= 1
    return text[k:k + 1] in (",", ".", "?", "!", "\u2026") or any(c in text[lo:j] for c in ",\u2014\u2013-")


def _phrase_forms(line: str) -> list[str]:
    """The forms of one ``post_cue_verbs`` entry: "shoot back shot back shoots back" -> the three
    two-word phrases; "wail wailed wails" -> "wailed", "wails" (a phrase's particle repeats after
    each verb; a single word's base form is left out)."""
    words = line.split()
    if len(words) % 2 == 0 and len(words) >= 4 and len(set(words[1::2])) == 1:
        return [f"{v} {words[1]}" for v in words[0::2]]
    return words[1:]  # the base form of a single word is as often a noun ("a welcome message")


def _strip_pos(w: str) -> str:
    if len(w) > 2 and w[-2] in "\u2019'" and w[-1] in "sS":
        return w[:-2]
    if len(w) > 1 and w[-1] in "\u2019'":
        return w[:-1]
    return w


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence: the text start, a line break or . ! ? (with closing quotes) before it.

    >>> _opens_sentence("Hello. Yet Trump said", 7), _opens_sentence("and yet Trump", 4)
    (True, False)
    """
    j = pos - 1
    while j >= 0 and text[j] in " \u00a0\t":
        j -= 1
    while j >= 0 and text[j] in "\"'\u201d\u2019)":
        j -= 1
    return j < 0 or text[j] in "\n.!?"
