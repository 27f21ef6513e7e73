"""Tone of quotes, and tone towards a named actor.

Two entry points:

* :func:`score` gives one tone score in [-1, 1] per text. It starts from VADER
  (through NLTK, with the lexicon loaded offline from the ``vaderSentiment``
  wheel, MIT) and corrects it for news prose with a small linear model whose
  weights are an editable data file, ``data/lexicons/sentiment_news_weights.csv``
  (VADER's scores, the public-domain Pattern adjective lexicon in
  ``data/lexicons/sentiment_pattern.csv``, and one weight per word learned from
  human-rated news sentences; provenance in ``data/README.md``). The score is
  ``P(positive) - P(negative)`` of that model, placed so that the conventional
  ±0.05 bands give the model's 3-class decision.
* :func:`toward` labels the tone *towards* the actor mentioned at ``[start, end)``
  in a sentence (negative/neutral/positive): how the text speaks about that
  person, which is not the same as the tone of the whole sentence. Its weights are
  ``data/lexicons/sentiment_target_weights.csv``.

Both models are refitted by ``benchmarks/train_sentiment.py`` and measured by
``benchmarks/sentiment.py``; :func:`plain_vader` keeps the unadjusted baseline.

Example:
    >>> s = score(["This is a wonderful, safe plan.", "An absurd disaster."])
    >>> s[0] > 0.05 > -0.05 > s[1]
    True
    >>> toward("Critics accused Smith of lying to parliament.", 16, 21)
    'negative'
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .config import DATA_DIR
from .frames import lower_words

#: The three tone classes, in the column order of the weight files.
CLASSES = ("negative", "neutral", "positive")
#: Band around 0 that counts as neutral (Hutto & Gilbert 2014 use ±0.05).
NEUTRAL_BAND = 0.05

NEWS_WEIGHTS = "lexicons/sentiment_news_weights.csv"
TARGET_WEIGHTS = "lexicons/sentiment_target_weights.csv"
TARGET_MLP = "lexicons/sentiment_target_mlp.csv"
PATTERN_LEXICON = "lexicons/sentiment_pattern.csv"
CUES = "lexicons/sentiment_cues.yaml"
WORD_VECTORS = "lexicons/sentiment_word_vectors.csv"

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|[\"“”]|[.,;:!?()]")
_CLAUSE = re.compile(r"[,;:]|\b(?:but|while|although|though|whereas)\b")
_QUOTE_CHARS = "\"“”"
_DIGITS = re.compile(r"\d+")
_TOKEN_FIRST = re.compile(r"(?<!\S)\S")  # \s is str.isspace, the whitespace str.split() cuts at
# The numbers and capitalised-words features without scanning the text with those two regexes
# (see _numbers_and_capitals): an ASCII text mapped to one byte per character class, whitespace
# (as \s) " ", digit (as \d) "d", upper case "A", anything else "x"; common non-ASCII punctuation
# is first replaced by a character of its own class, so such texts stay ASCII.
_CHAR_CLASS = bytes(
    ord(" ") if re.match(r"\s", chr(i)) else ord("d") if _DIGITS.match(chr(i)) else ord("A") if chr(i).isupper()
    else ord("x") for i in range(256)
)
_PUNCT_OTHER = tuple(c for c in "’“”‘—–…•©£"
                     if not (re.match(r"\s", c) or _DIGITS.match(c) or c.isupper()))  # class "x": "."
_PUNCT_SPACE = tuple(c for c in "\u00a0" if re.match(r"\s", c))  # class " ": " "


# --------------------------------------------------------------------------- VADER


def vader_lexicon_path() -> Path:
    """Path of ``vader_lexicon.txt`` inside the installed ``vaderSentiment`` package."""
    import vaderSentiment

    path = Path(vaderSentiment.__file__).resolve().parent / "vader_lexicon.txt"
    if not path.is_file():
        raise FileNotFoundError(f"VADER lexicon not found at {path}; reinstall vaderSentiment")
    return path


@lru_cache(maxsize=1)
def analyzer():
    """NLTK's ``SentimentIntensityAnalyzer`` built on the wheel's lexicon.

    Same scores as NLTK's class, about 5x faster: NLTK's ``SentiText`` builds a
    dictionary of every word x punctuation pairing for each text to strip
    punctuation from tokens; :class:`_FastSentiText` does the same stripping
    directly (a token is ``punct+word`` or ``word+punct`` with ``punct`` in
    VADER's list and ``word`` a punctuation-free word of the text).
    """
    import string

    from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText, VaderConstants

    delete = str.maketrans("", "", string.punctuation)
    pchars = frozenset(string.punctuation)

    class _FastSentiText(SentiText):
        def _words_and_emoticons(self):
            words_only = {w for w in self.text.translate(delete).split() if len(w) > 1}
            puncs = self.PUNC_LIST
            out = []
            for we in self.text.split():
                if len(we) <= 1:
                    continue
                j = len(we)
                while j and we[j - 1] in pchars:
                    j -= 1
                if 0 < j < len(we) and we[j:] in puncs and we[:j] in words_only:
                    out.append(we[:j])
                    continue
                i = 0
                while i < len(we) and we[i] in pchars:
                    i += 1
                if 0 < i < len(we) and we[:i] in puncs and we[i:] in words_only:
                    out.append(we[i:])
                    continue
                out.append(we)
            return out

    class _OfflineVader(SentimentIntensityAnalyzer):
        # NLTK's constructor insists on nltk.data paths; build from the lexicon text instead.
        def __init__(self, lexicon_text: str):
            self.lexicon_file = lexicon_text.strip("\n")
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()
            self._punc = frozenset(self.constants.PUNC_LIST)

        def polarity_scores(self, text):
            # NLTK 3.9's polarity_scores (Apache-2.0), with the faster SentiText.
            sentitext = _FastSentiText(text, self._punc, self.constants.REGEX_REMOVE_PUNCTUATION)
            sentiments = []
            wes = sentitext.words_and_emoticons
            first_index = {}
            for idx, token in enumerate(wes):
                first_index.setdefault(token, idx)
            boosters = self.constants.BOOSTER_DICT
            lexicon = self.lexicon
            for item in wes:
                low = item.lower()
                if low not in lexicon:  # sentiment_valence would append the 0 it was given
                    sentiments.append(0)
                    continue
                i = first_index[item]
                if (i < len(wes) - 1 and low == "kind" and wes[i + 1].lower() == "of") or low in boosters:
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            sentiments = self._but_check(wes, sentiments)
            return self.score_valence(sentiments, text)

        def scores(self, text: str) -> tuple[float, float, float, float]:
            """``(compound, pos, neg, neu)`` of :meth:`polarity_scores`, the same floats, faster:
            the tokens are split and lower-cased once, only lexicon words are scored (each
            distinct token once: VADER scores a repeated token at its first position), the
            all-caps test runs only when a lexicon word is found, and a text without one
            gets the all-neutral scores directly."""
            wes = _tokens(text)
            if not wes:
                return 0.0, 0.0, 0.0, 0.0
            lexicon = self.lexicon
            lows = [w.lower() for w in wes]
            if lexicon.keys().isdisjoint(lows):
                # score_valence of all-zero sentiments (whatever _but_check does to them)
                return 0.0, 0.0, 0.0, 1.0
            hits = [j for j, low in enumerate(lows) if low in lexicon]
            n = len(wes)
            sentiments: list = [0] * n
            seen: dict[str, float] = {}
            for j in hits:
                low = lows[j]
                item = wes[j]
                v = seen.get(item)
                if v is None:
                    i = wes.index(item)
                    if (i < n - 1 and low == "kind" and lows[i + 1] == "of") or low in self._boosters:
                        v = 0
                    else:
                        v = self._valence(item, low, i, wes, lows)
                    seen[item] = v
                sentiments[j] = v
            if "but" in lows:  # _but_check
                bi = lows.index("but")
                sentiments = [x * 0.5 if k < bi else x * 1.5 if k > bi else x for k, x in enumerate(sentiments)]
            return _score_valence(sentiments, text)

        def _valence(self, item, low, i, wes, lows) -> float:
            """NLTK 3.9's ``sentiment_valence`` for a lexicon word (Apache-2.0), with
            ``scalar_inc_dec`` and ``_never_check`` written out (same arithmetic in the same
            order) and ``_idioms_check`` run only when a word of an idiom or of a two-word
            booster stands in its window (otherwise it returns the valence unchanged); the
            text's ``is_cap_diff`` is worked out only for an all-caps word, the only case that
            reads it."""
            lexicon = self.lexicon
            valence = lexicon[low]
            if item.isupper() and _is_cap_diff(wes):
                if valence > 0:
                    valence += _C_INCR
                else:
                    valence -= _C_INCR
            for start_i in range(0, 3):
                if i > start_i and lows[i - (start_i + 1)] not in lexicon:
                    word = wes[i - (start_i + 1)]
                    # scalar_inc_dec
                    s = 0.0
                    word_lower = lows[i - (start_i + 1)]
                    if word_lower in _BOOSTERS:
                        s = _BOOSTERS[word_lower]
                        if valence < 0:
                            s *= -1
                        if word.isupper() and _is_cap_diff(wes):
                            if valence > 0:
                                s += _C_INCR
                            else:
                                s -= _C_INCR
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    # _never_check
                    if start_i == 0:
                        if _negated(wes[i - 1]):
                            valence = valence * _N_SCALAR
                    elif start_i == 1:
                        if wes[i - 2] == "never" and (wes[i - 1] == "so" or wes[i - 1] == "this"):
                            valence = valence * 1.5
                        elif _negated(wes[i - 2]):
                            valence = valence * _N_SCALAR
                    else:
                        if (wes[i - 3] == "never" and (wes[i - 2] == "so" or wes[i - 2] == "this")
                                or (wes[i - 1] == "so" or wes[i - 1] == "this")):
                            valence = valence * 1.25
                        elif _negated(wes[i - 3]):
                            valence = valence * _N_SCALAR
                        if not _IDIOM_WORDS.isdisjoint(wes[i - 3:i + 3]):
                            valence = self._idioms_check(valence, wes, i)
            # NLTK's _least_check written out: "least" before the word (and no lexicon word
            # itself) negates it, unless "at least" / "very least"
            if i > 0 and lows[i - 1] == "least" and "least" not in lexicon:
                if i == 1 or (lows[i - 2] != "at" and lows[i - 2] != "very"):
                    valence = valence * _N_SCALAR
            return valence

    _C = VaderConstants()
    _C_INCR, _N_SCALAR, _BOOSTERS, _NEGATE = _C.C_INCR, _C.N_SCALAR, _C.BOOSTER_DICT, _C.NEGATE
    # the words _idioms_check looks for (case as written: it compares the tokens unchanged): those
    # of the idioms and of the two-word boosters (it looks up only pairs of words among the boosters)
    _IDIOM_WORDS = frozenset(w for k in [*_C.SPECIAL_CASE_IDIOMS, *_BOOSTERS] if " " in k for w in k.split())

    def _score_valence(sentiments: list, text: str) -> tuple[float, float, float, float]:
        # NLTK 3.9's score_valence for a non-empty list (Apache-2.0), as (compound, pos, neg, neu),
        # with _punctuation_emphasis, normalize and _sift_sentiment_scores written out (the same
        # arithmetic in the same order)
        sum_s = float(sum(sentiments))
        ep_count = text.count("!")
        if ep_count > 4:
            ep_count = 4
        ep_amplifier = ep_count * 0.292
        qm_count = text.count("?")
        qm_amplifier = 0
        if qm_count > 1:
            if qm_count <= 3:
                qm_amplifier = qm_count * 0.18
            else:
                qm_amplifier = 0.96
        punct_emph_amplifier = ep_amplifier + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = 0
        for s in sentiments:
            if s > 0:
                pos_sum += float(s) + 1
            elif s < 0:
                neg_sum += float(s) - 1
            else:
                neu_count += 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return (float(round(compound, 4)), float(round(math.fabs(pos_sum / total), 3)),
                float(round(math.fabs(neg_sum / total), 3)), float(round(math.fabs(neu_count / total), 3)))

    def _negated(word: str) -> bool:
        # VaderConstants.negated([word])
        low = word.lower()
        return low in _NEGATE or "n't" in low

    def _is_cap_diff(wes) -> bool:
        # SentiText's is_cap_diff: some but not all tokens are in capitals
        n_caps = sum(1 for w in wes if w.isupper())
        return 0 < len(wes) - n_caps < len(wes)

    puncs = frozenset(VaderConstants.PUNC_LIST)

    def _tokens(text: str) -> list[str]:
        # _FastSentiText._words_and_emoticons: only a token that starts or ends with
        # punctuation is looked at again. Its "punctuation-free words of the text" are the
        # text's whitespace tokens with the punctuation deleted (at least 2 characters); a
        # part of a token without punctuation is such a word exactly when it is the whole
        # token minus its punctuation, as here (the punctuation cut off at one edge), so
        # the test is: the part has at least 2 characters and no punctuation.
        out = [we for we in text.split() if len(we) > 1]
        for k, we in enumerate(out):
            if we[-1] in pchars:
                j = len(we) - 1
                while j and we[j - 1] in pchars:
                    j -= 1
                if 0 < j and we[j:] in puncs:
                    w = we[:j]
                    if len(w) > 1 and len(w.translate(delete)) == j:
                        out[k] = w
                        continue
            if we[0] in pchars:
                i = 1
                while i < len(we) and we[i] in pchars:
                    i += 1
                if i < len(we) and we[:i] in puncs:
                    w = we[i:]
                    if len(w) > 1 and len(w.translate(delete)) == len(w):
                        out[k] = w
        return out

    vader = _OfflineVader(vader_lexicon_path().read_text(encoding="utf-8"))
    vader._boosters = vader.constants.BOOSTER_DICT
    return vader


def nltk_reference_analyzer():
    """NLTK's unmodified analyzer on the same lexicon (for checking :func:`analyzer`)."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    class _Ref(SentimentIntensityAnalyzer):
        def __init__(self, lexicon_text: str):
            self.lexicon_file = lexicon_text.strip("\n")
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()

    return _Ref(vader_lexicon_path().read_text(encoding="utf-8"))


@lru_cache(maxsize=65536)
def _vader(text: str) -> tuple[float, float, float, float]:
    if not text or not text.strip():
        return 0.0, 0.0, 0.0, 0.0
    return analyzer().scores(text)


def plain_vader(texts: list[str]) -> list[float]:
    """Unadjusted VADER compound score per text (the baseline :func:`score` improves on)."""
    return [_vader(t or "")[0] for t in texts]


# --------------------------------------------------------------------------- lexicons


@lru_cache(maxsize=1)
def pattern_lexicon() -> dict[str, float]:
    """Word -> polarity in [-1, 1] from ``data/lexicons/sentiment_pattern.csv``."""
    path = DATA_DIR / PATTERN_LEXICON
    out: dict[str, float] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            try:
                out[row["word"]] = float(row["polarity"])
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}:{n}: expected columns word,polarity with a number ({exc})") from exc
    return out


#: The word lists of ``data/lexicons/sentiment_cues.yaml`` (plus ``suffix_rules``, see :func:`suffix_rules`).
CUE_LISTS = ("negators", "contrast", "hedges", "first_person", "negative_prefixes")


@lru_cache(maxsize=1)
def _cues_yaml() -> dict:
    import yaml

    path = DATA_DIR / CUES
    with path.open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping of list name -> words")
    unknown = sorted(set(raw) - set(CUE_LISTS) - {"suffix_rules"})
    if unknown:
        raise ValueError(f"{path}: unknown lists {unknown}; expected {[*CUE_LISTS, 'suffix_rules']}")
    return raw


@lru_cache(maxsize=1)
def cue_words() -> dict[str, frozenset[str]]:
    """The cue word lists of ``data/lexicons/sentiment_cues.yaml`` (see :data:`CUE_LISTS`).

    Raises:
        ValueError: naming the file if a list is missing or holds something other than words.
    """
    raw = _cues_yaml()
    out: dict[str, frozenset[str]] = {}
    for key in CUE_LISTS:
        items = raw.get(key)
        if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
            raise ValueError(f"{DATA_DIR / CUES}: '{key}' must be a list of words (quote yes/no/on/off), got {items!r}")
        out[key] = frozenset(x.strip().lower() for x in items)
    return out


@lru_cache(maxsize=1)
def suffix_rules() -> tuple[tuple[str, str], ...]:
    """The ``[suffix, replacement]`` pairs of ``sentiment_cues.yaml``, in file order.

    Raises:
        ValueError: naming the file if an item is not a pair of strings with a non-empty suffix.
    """
    items = _cues_yaml().get("suffix_rules")
    if not isinstance(items, list):
        raise ValueError(f"{DATA_DIR / CUES}: 'suffix_rules' must be a list of [suffix, replacement] pairs")
    out = []
    for n, item in enumerate(items, start=1):
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item) and item[0]):
            raise ValueError(f"{DATA_DIR / CUES}: suffix_rules item {n} must be [suffix, replacement], got {item!r}")
        out.append((item[0].lower(), item[1].lower()))
    return tuple(out)


@lru_cache(maxsize=1)
def base_lexicon() -> dict[str, float]:
    """Word -> mean of its VADER valence / 4 and Pattern polarity (alphabetic words of either)."""
    acc: dict[str, list[float]] = {}
    for w, v in sorted(analyzer().lexicon.items()):
        if w.isalpha():
            acc.setdefault(w, []).append(v / 4)
    for w, v in sorted(pattern_lexicon().items()):
        if w.isalpha():
            acc.setdefault(w, []).append(v)
    return {k: sum(v) / len(v) for k, v in acc.items()}


#: ``[rules, their suffixes, last letter -> the rules whose suffix ends in it (in file order)]`` of
#: the last :func:`suffix_rules` seen (kept by identity: hashing the rules' tuple for an lru_cache
#: look-up cost more than the test it serves)
_SUFFIXES_OF: list = [None, (), {}]


def _base_form_valence(word: str) -> float | None:
    """Valence of the first known base form of ``word`` under :func:`suffix_rules`, else None."""
    rules = suffix_rules()
    of = _SUFFIXES_OF
    if of[0] is not rules:
        by_last: dict[str, list[tuple[str, str]]] = {}
        for rule in rules:
            by_last.setdefault(rule[0][-1], []).append(rule)
        of[1], of[2] = tuple(s for s, _ in rules), by_last
        of[0] = rules
    if not word.endswith(of[1]):  # most words end in no suffix of the rules
        return None
    base = base_lexicon()
    # the rules in file order, skipping those whose suffix ends in another letter (the word
    # cannot end with them); the word ends with one suffix, so its last letter has rules
    for suffix, repl in of[2][word[-1]]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            b = word[: -len(suffix)] + repl
            if b in base:
                return base[b]
            if not repl and len(b) > 3 and b[-1] == b[-2] and b[:-1] in base:  # doubled consonant
                return base[b[:-1]]
    return None


@lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    return tuple(sorted(cue_words()["negative_prefixes"], key=lambda x: (-len(x), x)))


@lru_cache(maxsize=65536)
def unknown_word_valence(word: str) -> float:
    """Valence of a lower-case word in neither VADER's nor Pattern's lexicon, else 0.

    The valence of its first known base form under the ``suffix_rules`` of
    ``sentiment_cues.yaml`` ("wrecked" -> "wreck"); failing that, a word made of
    a negative prefix (``negative_prefixes``) and a known word (or base form) of
    at least 4 letters takes that word's opposite valence ("unsafe").

    >>> unknown_word_valence("wrecked") < 0 and unknown_word_valence("unsafe") < 0
    True
    >>> unknown_word_valence("safe")  # known to VADER: its own valence counts there
    0.0
    """
    if word in analyzer().lexicon or word in pattern_lexicon():
        return 0.0
    v = _base_form_valence(word)
    if v is not None:
        return v
    for p in _prefixes():
        if word.startswith(p) and len(word) > len(p) + 3:
            rest = word[len(p):]
            v0 = base_lexicon().get(rest) or _base_form_valence(rest) or 0.0
            if v0:
                return -v0
    return 0.0


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic model stored as a weight table (feature -> one weight per class).

    Attributes:
        weights: feature name -> weights in the order of :data:`CLASSES`.
        name: where the weights came from (file path or "fitted"), for messages.
    """

    weights: dict[str, tuple[float, float, float]]
    name: str = "fitted"

    @classmethod
    def from_csv(cls, path: Path) -> "LinearModel":
        """Read a ``feature,negative,neutral,positive`` CSV (``#`` lines are comments)."""
        weights: dict[str, tuple[float, float, float]] = {}
        with Path(path).open(encoding="utf-8", newline="") as fh:
            lines = (line for line in fh if not line.startswith("#"))
            reader = csv.reader(lines)
            header = next(reader, None)
            if header != ["feature", *CLASSES]:
                raise ValueError(f"{path}: header must be feature,{','.join(CLASSES)}, got {header}")
            for n, row in enumerate(reader, start=2):
                try:
                    weights[row[0]] = (float(row[1]), float(row[2]), float(row[3]))
                except (IndexError, ValueError) as exc:
                    raise ValueError(f"{path}: data row {n}: bad weights {row!r} ({exc})") from exc
        return cls(weights, str(path))

    def to_rows(self) -> list[list[str]]:
        """Rows for a CSV file, sorted by feature (bias and dense features first)."""
        keys = sorted(self.weights, key=lambda k: (":" in k, k))
        return [[k, *(f"{w:.4f}" for w in self.weights[k])] for k in keys]

    def write_csv(self, path: Path, header_comment: str = "") -> None:
        """Write the weights as CSV (deterministic: sorted, 4 decimals)."""
        with Path(path).open("w", encoding="utf-8", newline="") as fh:
            for line in header_comment.strip().splitlines():
                fh.write(f"# {line}\n")
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["feature", *CLASSES])
            w.writerows(self.to_rows())

    def scores(self, features: dict[str, float]) -> list[float]:
        """The three linear scores (logits) for one feature dict (unknown features are ignored)."""
        z = list(self.weights.get("bias", (0.0, 0.0, 0.0)))
        get = self.weights.get
        for f, v in features.items():
            w = get(f)
            if w is not None:
                z[0] += w[0] * v
                z[1] += w[1] * v
                z[2] += w[2] * v
        return z

    def proba(self, features: dict[str, float]) -> tuple[float, float, float]:
        """Class probabilities for one feature dict (unknown features are ignored)."""
        z = self.scores(features)
        m = max(z)
        e = [math.exp(x - m) for x in z]
        s = sum(e)
        return e[0] / s, e[1] / s, e[2] / s


def fit_linear(features: list[dict[str, float]], labels: list[str], C: float = 0.1, min_df: int = 3,
               dense_scale: float = 10.0, soft: list[tuple[float, float, float]] | None = None) -> LinearModel:
    """Fit a multinomial logistic regression on feature dicts (scikit-learn, balanced classes).

    With ``soft`` (one share per class and example, e.g. the share of human raters
    who called a sentence negative/neutral/positive) each example enters once per
    class, weighted by its share, instead of once with its hard label; the class
    totals are balanced.

    Sparse features (names with a ``:``) seen in fewer than ``min_df`` examples are
    dropped, so the weight file never holds a rare string. Dense features (no ``:``)
    are multiplied by ``dense_scale`` while fitting, so the L2 penalty does not
    swamp them; the stored weights apply to the unscaled values.
    """
    from collections import Counter

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    bad = sorted(set(labels) - set(CLASSES))
    if bad:
        raise ValueError(f"labels must be one of {CLASSES}, got {bad[:3]}")
    df = Counter(f for d in features for f in d if ":" in f)
    keep = [{f: (v * dense_scale if ":" not in f else v) for f, v in d.items() if ":" not in f or df[f] >= min_df}
            for d in features]
    dv = DictVectorizer(sort=True)
    X = dv.fit_transform(keep)
    if soft is None:
        m = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
        m.fit(X, np.asarray(labels))
    else:
        import scipy.sparse as sp

        shares = np.asarray(soft, dtype=float)
        if shares.shape != (len(features), 3) or (shares < 0).any():
            raise ValueError("soft must hold 3 non-negative class shares per example")
        y = np.repeat(np.asarray(CLASSES), len(features))
        w = np.concatenate([shares[:, k] for k in range(3)])
        totals = np.array([w[y == c].sum() for c in CLASSES])
        w = w * (w.sum() / 3 / np.maximum(totals, 1e-9))[np.repeat(np.arange(3), len(features))]
        m = LogisticRegression(C=C, max_iter=5000)
        m.fit(sp.vstack([X, X, X]).tocsr(), y, sample_weight=w)
    order = [list(m.classes_).index(c) for c in CLASSES]
    coef = m.coef_[order]
    weights = {"bias": tuple(float(b) for b in m.intercept_[order])}
    for j, f in enumerate(dv.feature_names_):
        scale = dense_scale if ":" not in f else 1.0
        weights[f] = tuple(float(coef[k, j] * scale) for k in range(3))
    return LinearModel(weights)


# --------------------------------------------------------------------------- tone of a text


def tone_features(text: str) -> dict[str, float]:
    """Features of the news tone model.

    VADER's compound/pos/neg/neu scores; sum, mean, minimum and maximum of the
    VADER valences of the words (/4) and counts of positive and negative words (/3);
    negation and contrast flags; log length; Pattern polarity sum and mean; the
    same for the words neither lexicon knows, valued by :func:`unknown_word_valence`
    (``stem_*``: base forms and negative prefixes); positive/negative VADER words within 3 words after a negator
    (``negated_pos``/``negated_neg``); hedges, first person, quotation, question
    and exclamation marks, numbers, capitalised words and "no sentiment word at
    all" (``no_lexicon``); and ``w:WORD`` presence. Cue words:
    ``data/lexicons/sentiment_cues.yaml``.
    """
    words, dense = _dense_tone_features(text)
    f: dict[str, float] = dict(zip(DENSE_TONE_FEATURES, dense))
    for w in sorted(set(words)):
        f["w:" + w] = 1.0
    return f


#: The dense features of :func:`tone_features`, in order (then one ``w:WORD`` per distinct word).
DENSE_TONE_FEATURES = (
    "vader_compound", "vader_pos", "vader_neg", "vader_neu", "lex_sum", "lex_mean", "lex_npos", "lex_nneg",
    "lex_min", "lex_max", "negation", "contrast", "log_len", "pattern_sum", "pattern_mean",
    "stem_sum", "stem_npos", "stem_nneg", "stem_min", "stem_max", "negated_pos", "negated_neg",
    "hedges", "first_person", "quotation", "question", "exclamation", "numbers", "capitalised", "no_lexicon")


#: per-word facts :func:`_dense_tone_features` reads, made on a word's first sight (see :func:`_word_facts`)
_FACTS: dict = {}
_FACTS_OF: list = [None]  # the (lexicon, pattern lexicon, cue lists) objects _FACTS was made from
_PLAIN = ()  # in no lexicon and no cue list, no unknown-word valence: only counts in a negation scope


def _word_facts(w: str, lex: dict, pat: dict, cues: dict):
    """``(valence or None, pattern polarity or None, unknown-word valence, negator, contrast,
    hedge, first person)`` of a lower-case word, or :data:`_PLAIN`."""
    lv = lex.get(w) if w in lex else None
    pv = pat[w] if w in pat else None
    uv = unknown_word_valence(w) if pv is None and lv is None else 0.0
    neg = w in cues["negators"] or w.endswith("n't")
    con, hed, fst = w in cues["contrast"], w in cues["hedges"], w in cues["first_person"]
    if lv is None and pv is None and not uv and not (neg or con or hed or fst):
        return _PLAIN
    return lv, pv, uv, neg, con, hed, fst


def _dense_tone_features(text: str) -> tuple[list[str], tuple[float, ...]]:
    """The words of ``text`` and the values of :data:`DENSE_TONE_FEATURES`."""
    text = text or ""
    comp, pos, neg, neu = _vader(text)
    words = list(lower_words(text))  # = _WORD.findall(text.lower()), shared with the frames
    pat = pattern_lexicon()
    lex = analyzer().lexicon
    cues = cue_words()
    of = _FACTS_OF[0]
    if of is None or of[0] is not lex or of[1] is not pat or of[2] is not cues or len(_FACTS) > 200_000:
        _FACTS.clear()  # made from other lexicons (a test swapped them), or grown large: start again
        _FACTS_OF[0] = (lex, pat, cues)
    facts = _FACTS
    # one pass over the words, each word's lexicon and cue-list facts looked up once per distinct
    # word (the lists are summed afterwards as before, so the same floats)
    vals: list[float] = []
    pv: list[float] = []
    sv: list[float] = []
    negated_pos = negated_neg = 0.0
    scope = 0
    any_negator = any_contrast = any_first = False
    n_hedges = 0
    vals_pos = vals_neg = sv_pos = sv_neg = 0  # = sum(1 for v in vals if v > 0) etc., counted in the pass
    for w in words:
        f = facts.get(w)
        if f is None:
            f = facts[w] = _word_facts(w, lex, pat, cues)
        if not f:  # _PLAIN
            if scope:
                scope -= 1
            continue
        lv, p, uv, is_neg, is_con, is_hed, is_fst = f
        if lv is not None:
            vals.append(lv)
            if lv > 0:
                vals_pos += 1
            elif lv < 0:
                vals_neg += 1
        if p is not None:
            pv.append(p)
        elif uv:
            sv.append(uv)
            if uv > 0:
                sv_pos += 1
            elif uv < 0:
                sv_neg += 1
        if is_neg:
            any_negator = True
            scope = 3
        elif scope:
            if lv is not None:
                if lv > 0:
                    negated_pos = 1.0
                elif lv < 0:
                    negated_neg = 1.0
            scope -= 1
        if is_con:
            any_contrast = True
        if is_hed:
            n_hedges += 1
        if is_fst:
            any_first = True
    numbers, capitalised = _numbers_and_capitals(text)
    s_vals = sum(vals)  # the same float for both features
    s_pv = sum(pv)
    return words, (
        comp, pos, neg, neu,
        s_vals / 4, s_vals / len(vals) / 4 if vals else 0.0,
        vals_pos / 3, vals_neg / 3,
        min(vals, default=0.0) / 4, max(vals, default=0.0) / 4,
        float(any_negator),
        float(any_contrast),
        math.log1p(len(words)) / 4,
        # = sum(pat.get(w, 0.0) for w in words): adding 0.0 never changes a running float sum
        # that is not -0.0 (and one started at int 0 never is); no words: int 0 as before
        s_pv if pv else (0.0 if words else 0),
        s_pv / len(pv) if pv else 0.0,
        sum(sv), sv_pos / 3, sv_neg / 3, min(sv, default=0.0), max(sv, default=0.0),
        negated_pos, negated_neg,
        n_hedges / 2,
        float(any_first),
        float('"' in text or '“' in text or '”' in text),  # _QUOTE_CHARS
        float("?" in text), float("!" in text),
        numbers,
        capitalised,
        float(not vals and not pv))


def _numbers_and_capitals(text: str) -> tuple[float, float]:
    """``(min(3, number of digit runs) / 3, share of the whitespace tokens after the first that
    start with an upper-case letter)``, the same floats as the plain scans (in a test): for an
    ASCII text (after :data:`_PUNCT_OTHER` and :data:`_PUNCT_SPACE` are replaced) from byte
    counts over its character classes; digits are rare, so the digit regex runs only when the
    text has one."""
    t = text
    if not t.isascii():
        for c in _PUNCT_OTHER:
            t = t.replace(c, ".")
        for c in _PUNCT_SPACE:
            t = t.replace(c, " ")
        if not t.isascii():
            firsts = _TOKEN_FIRST.findall(text)  # the first character of each whitespace token
            return (min(3, len(_DIGITS.findall(text))) / 3,
                    sum(map(str.isupper, firsts[1:])) / max(1, len(firsts)))
    b = t.encode("ascii").translate(_CHAR_CLASS)
    numbers = min(3, len(_DIGITS.findall(text))) / 3 if b"d" in b else 0.0
    upper = b.count(b" A")  # tokens after whitespace that start upper case
    n = upper + b.count(b" x") + b.count(b" d")  # tokens after whitespace
    if b[:1] not in (b"", b" "):
        n += 1  # the first token opens the text (and is not among the counted upper ones)
    elif b.lstrip(b" ")[:1] == b"A":
        upper -= 1  # the first token follows whitespace: it was counted, but is left out
    return numbers, upper / max(1, n)


def _band(p: tuple[float, float, float]) -> float:
    """``P(pos) - P(neg)`` placed so the ±0.05 bands reproduce the arg-max class."""
    s = p[2] - p[0]
    # = max(range(3), key=lambda i: p[i]): the same comparisons in the same order (first maximum)
    k = 1 if p[1] > p[0] else 0
    if p[2] > p[k]:
        k = 2
    if k == 1:
        return NEUTRAL_BAND * s / (abs(s) + NEUTRAL_BAND)
    if k == 2:
        return max(s, NEUTRAL_BAND + 1e-3)
    return min(s, -NEUTRAL_BAND - 1e-3)


@dataclass(frozen=True)
class ToneModel:
    """Tone scorer: a :class:`LinearModel` over :func:`tone_features`."""

    model: LinearModel

    def score(self, texts: list[str]) -> list[float]:
        """Tone in [-1, 1] per text; |score| <= 0.05 means neutral."""
        return [round(_band(self._proba(t)), 6) for t in texts]

    @cached_property
    def _weights(self) -> tuple[tuple, list, dict]:
        get = self.model.weights.get
        words = {f[2:]: w for f, w in self.model.weights.items() if f.startswith("w:")}
        # (index into the dense values, weights) of the dense features that have weights, in order
        dense = [(i, *get(f)) for i, f in enumerate(DENSE_TONE_FEATURES) if get(f) is not None]
        return get("bias", (0.0, 0.0, 0.0)), dense, words

    def _proba(self, text: str) -> tuple[float, float, float]:
        """``self.model.proba(tone_features(text))`` without building the feature dict:
        the same products, added in the same order, so the same floats."""
        bias, dense_w, word_w = self._weights
        words, dense = _dense_tone_features(text)
        z0, z1, z2 = bias
        for i, w0, w1, w2 in dense_w:  # the features with weights, in order
            # a feature at 0 adds a signed zero, which leaves a sum unchanged (a sum at zero
            # at most changes the sign of that zero, and exp(+-0 - m) is the same): skipped
            v = dense[i]
            if v:
                z0 += w0 * v
                z1 += w1 * v
                z2 += w2 * v
        # the weighted words in sorted order (a fixed order: the float sum must not depend on
        # PYTHONHASHSEED); w * 1.0 is w
        for x in sorted(word_w.keys() & words):
            w = word_w[x]
            z0 += w[0]
            z1 += w[1]
            z2 += w[2]
        z = (z0, z1, z2)
        m = max(z)
        e = [math.exp(x - m) for x in z]
        s = sum(e)
        return e[0] / s, e[1] / s, e[2] / s


def fit_tone_model(texts: list[str], ratings: list[float], C: float = 0.1, min_df: int = 3,
                   rater_shares: list[tuple[float, float, float]] | None = None,
                   dense_scale: float = 3.0, groups: list | None = None, calibration_folds: int = 3) -> ToneModel:
    """Fit the news tone model on texts with human tone ratings scaled to [-1, 1].

    The ratings are cut into classes at ±0.05 (as Hutto & Gilbert 2014 do). With
    ``rater_shares`` (per text, the shares of individual raters who rated it
    negative/neutral/positive) the model learns from those soft labels instead.

    With ``groups`` (e.g. the article of each text; at least ``calibration_folds``
    distinct), the class offsets are calibrated for macro-F1: the model is
    refitted under ``calibration_folds``-fold cross-validation grouped by ``groups`` and the two
    offsets on the negative and positive logits (relative to neutral) that give
    the best (smoothed) macro-F1 on the held-out folds are added to the bias
    (:func:`tune_offsets`). Nothing of a held-out fold is seen by the model that
    scores it.
    """
    labels = [label(r) for r in ratings]
    feats = [tone_features(t) for t in texts]

    def fit(idx):
        soft = None if rater_shares is None else [rater_shares[i] for i in idx]
        return fit_linear([feats[i] for i in idx], [labels[i] for i in idx], C=C, min_df=min_df,
                          dense_scale=dense_scale, soft=soft)

    model = fit(range(len(texts)))
    if groups is not None and len(set(groups)) >= calibration_folds:
        from sklearn.model_selection import GroupKFold

        probs: list = [None] * len(texts)
        for tr, te in GroupKFold(calibration_folds).split(texts, labels, list(groups)):
            inner = fit(tr)
            for i in te:
                probs[i] = inner.proba(feats[i])
        b0, b2 = tune_offsets(probs, labels)
        w = dict(model.weights)
        bias = w.get("bias", (0.0, 0.0, 0.0))
        w["bias"] = (bias[0] + b0, bias[1], bias[2] + b2)
        model = LinearModel(w, model.name)
    return ToneModel(model)


def tune_offsets(probs: list[tuple[float, float, float]], labels: list[str], grid: float = 0.05,
                 limit: float = 0.5, smooth: int = 2) -> tuple[float, float]:
    """Offsets added to the negative and positive logits that maximise macro-F1.

    A grid search in steps of ``grid`` over ``[-limit, limit]``. Each grid point
    is judged by the mean macro-F1 of the points within ``smooth`` steps of it
    (edges repeated), so a broad plateau wins over a lone spike of the noisy F1
    surface; ties go to the offsets closest to 0 (then the smaller ones), so the
    result is deterministic.

    Returns:
        ``(negative_offset, positive_offset)``.
    """
    import numpy as np

    logp = np.log(np.clip(np.asarray(probs, dtype=float), 1e-12, 1.0))
    y = np.asarray([CLASSES.index(c) for c in labels])
    steps = np.round(np.arange(-limit, limit + grid / 2, grid), 6)
    f1 = np.zeros((len(steps), len(steps)))
    for i, b0 in enumerate(steps):
        for j, b2 in enumerate(steps):
            k = (logp + np.array([b0, 0.0, b2])).argmax(1)
            f1s = []
            for c in range(3):
                tp = np.sum((k == c) & (y == c))
                denom = np.sum(k == c) + np.sum(y == c)
                f1s.append(2 * tp / denom if denom else 0.0)
            f1[i, j] = np.mean(f1s)
    n = len(steps)
    best, best_key = (0.0, 0.0), None
    for i in range(n):
        for j in range(n):
            rows = [min(max(x, 0), n - 1) for x in range(i - smooth, i + smooth + 1)]
            cols = [min(max(x, 0), n - 1) for x in range(j - smooth, j + smooth + 1)]
            key = (round(float(f1[np.ix_(rows, cols)].mean()), 9), -abs(steps[i]) - abs(steps[j]), -steps[i], -steps[j])
            if best_key is None or key > best_key:
                best, best_key = (float(steps[i]), float(steps[j])), key
    return best


def rater_shares(ratings: str) -> tuple[float, float, float]:
    """Shares of raters below, at and above 0 from a space-separated list of ratings.

    >>> rater_shares("-1 0 2 3")
    (0.25, 0.25, 0.5)
    """
    vals = [float(x) for x in ratings.split()]
    if not vals:
        raise ValueError(f"no ratings in {ratings!r}")
    n = len(vals)
    return sum(v < 0 for v in vals) / n, sum(v == 0 for v in vals) / n, sum(v > 0 for v in vals) / n


@lru_cache(maxsize=1)
def news_tone_model() -> ToneModel:
    """The shipped tone model (``data/lexicons/sentiment_news_weights.csv``)."""
    return ToneModel(LinearModel.from_csv(DATA_DIR / NEWS_WEIGHTS))


def score(texts: list[str]) -> list[float]:
    """Tone score in [-1, 1] for each text (VADER adjusted for news prose).

    Scores within ±0.05 are neutral; the sign gives negative/positive.
    """
    return news_tone_model().score(list(texts))


def label(value: float) -> str:
    """negative / neutral / positive for a score, with the ±0.05 neutral band."""
    return CLASSES[0] if value < -NEUTRAL_BAND else CLASSES[2] if value > NEUTRAL_BAND else CLASSES[1]


# --------------------------------------------------------------------------- tone towards an actor


def _distance_bucket(k: int) -> str:
    """Bucket of a token's distance from the mention: 1 (adjacent), 2 (<= 3), 3 (<= 7), 4 (further)."""
    return "1" if k <= 1 else "2" if k <= 3 else "3" if k <= 7 else "4"


def _polarity_class(word: str, lexicon: dict, pattern: dict) -> str | None:
    """``POS`` / ``NEG`` for a word whose VADER (/4) plus Pattern (/2) valence passes ±0.1, else None."""
    v = lexicon.get(word, 0.0) / 4 + pattern.get(word, 0.0) / 2
    return "POS" if v > 0.1 else "NEG" if v < -0.1 else None


def _mask_names(tokens: list[str], sentence_start: bool, lexicon: dict) -> list[str]:
    """Lower-case tokens; capitalised words that are not sentiment words become ``ENT``.

    Other actors' names are masked so the model learns how the sentence speaks
    about the mention, not which names tended to be liked or disliked in the
    training news (the mention itself is always ``TGT``). A capitalised first
    word of the sentence is kept (it is usually not a name).
    """
    out = []
    for k, w in enumerate(tokens):
        low = w.lower()
        out.append("ENT" if w[:1].isupper() and not (sentence_start and k == 0) and low not in lexicon else low)
    return out


def target_features(sentence: str, start: int, end: int, window: int = 5) -> dict[str, float]:
    """Features for the tone towards the mention at ``sentence[start:end]``.

    The mention becomes ``TGT`` and other capitalised names ``ENT``. Sparse
    features: all words (``s:``), bigrams (``b:``) and the trigrams touching the
    mention (``t:``) of the sentence; words left and right of the mention within
    ``window`` tokens (``l:``/``r:``), the words adjacent to it (``g:``); every
    word with its side and distance bucket (``L1:``..``R4:``, see
    :func:`_distance_bucket`) and side alone (``pre:``/``post:``); the words of the
    clause holding the mention (``c:``); and, with sentiment words replaced by
    ``POS``/``NEG`` (:func:`_polarity_class`), the classes within 3 tokens of the
    mention by side and distance (``pL1:``..``pR2:``), the bigrams holding a class
    (``pb:``) and the trigrams touching the mention (``pt:``). Dense features: VADER on the sentence, a
    window, the clause and each side; VADER and Pattern valences of each side
    weighted by closeness to the mention; Pattern polarity sum; the mention's
    relative position; whether it stands inside quotation marks; and the news
    tone model's (:func:`score`) P(negative) and P(positive) for the sentence and
    for the 8 tokens either side of the mention (``tone_neg_sent`` ..
    ``tone_pos_win``), so refit this model after refitting the tone model. Also the
    words in a negation's scope (``n:``, :func:`_negation_features`), the mention's
    place next to reporting verbs (``rep_*``, :func:`_reporting_features`) and mean
    word vectors left, right and over the sentence (``eL*``, ``eR*``, ``eS*``,
    :func:`_vector_features`).
    """
    if not 0 <= start <= end <= len(sentence):
        raise ValueError(f"mention offsets {start}:{end} outside the sentence (length {len(sentence)})")
    lex = analyzer().lexicon
    left, right = sentence[:start], sentence[end:]
    L0, R0 = _TOKEN.findall(left), _TOKEN.findall(right)
    L = _mask_names(L0, True, lex)
    R = _mask_names(R0, not L0, lex)
    toks = L + ["TGT"] + R
    f: dict[str, float] = {}
    for w in toks:
        f["s:" + w] = 1.0
    for a, b in zip(toks, toks[1:]):
        f["b:" + a + " " + b] = 1.0
    n = len(L)
    for i in range(max(0, n - 2), min(len(toks) - 2, n + 1)):
        f["t:" + " ".join(toks[i:i + 3])] = 1.0
    for w in L[-window:]:
        f["l:" + w] = 1.0
    for w in R[:window]:
        f["r:" + w] = 1.0
    if L:
        f["g:" + L[-1] + " TGT"] = 1.0
    if R:
        f["g:TGT " + R[0]] = 1.0
    for k, w in enumerate(reversed(L)):
        f[f"L{_distance_bucket(k)}:{w}"] = 1.0
        f["pre:" + w] = 1.0
    for k, w in enumerate(R):
        f[f"R{_distance_bucket(k)}:{w}"] = 1.0
        f["post:" + w] = 1.0
    for w in _CLAUSE.split(" ".join(L))[-1].split() + _CLAUSE.split(" ".join(R))[0].split():
        f["c:" + w] = 1.0
    pat = pattern_lexicon()
    # the same n-grams with sentiment words replaced by their class: generalises to rarer words
    ptoks = [_polarity_class(w, lex, pat) or w for w in L] + ["TGT"] + [_polarity_class(w, lex, pat) or w for w in R]
    for d in range(1, 4):
        for side, i in (("L", n - d), ("R", n + d)):
            if 0 <= i < len(ptoks) and ptoks[i] in ("POS", "NEG"):
                f[f"p{side}{_distance_bucket(d - 1)}:{ptoks[i]}"] = 1.0
    for a, b in zip(ptoks, ptoks[1:]):
        if a in ("POS", "NEG") or b in ("POS", "NEG"):
            f["pb:" + a + " " + b] = 1.0
    for i in range(max(0, n - 2), min(len(ptoks) - 2, n + 1)):
        tri = ptoks[i:i + 3]
        if "POS" in tri or "NEG" in tri:
            f["pt:" + " ".join(tri)] = 1.0
    low_left, low_right = left.lower(), right.lower()
    f["v_sent"] = _vader(sentence)[0]
    f["v_window"] = _vader(" ".join(L[-8:] + R[:8]))[0]
    f["v_clause"] = _vader(_CLAUSE.split(low_left)[-1] + " x " + _CLAUSE.split(low_right)[0])[0]
    f["v_left"] = _vader(low_left)[0]
    f["v_right"] = _vader(low_right)[0]
    for side, seq in (("left", L[::-1]), ("right", R)):
        f["near_vader_" + side] = sum(lex.get(w, 0.0) / (1 + k) for k, w in enumerate(seq)) / 4
        f["near_pattern_" + side] = sum(pat.get(w, 0.0) / math.sqrt(1 + k) for k, w in enumerate(seq))
    f["pattern_sum"] = sum(pat.get(w, 0.0) for w in toks)
    # the news tone model (score) on the sentence and on a window around the mention
    for name, txt in (("sent", sentence), ("win", " ".join(L0[-8:] + ["it"] + R0[:8]))):
        p = _news_tone_proba(txt)
        f["tone_neg_" + name] = p[0]
        f["tone_pos_" + name] = p[2]
    f["position"] = start / max(1, len(sentence))
    f["first"] = float(n <= 1)
    f["in_quotes"] = float(sum(left.count(c) for c in _QUOTE_CHARS) % 2 == 1)
    f["has_quotes"] = float(any(c in sentence for c in _QUOTE_CHARS))
    f.update(_negation_features(toks))
    f.update(_reporting_features(L, R))
    f.update(_vector_features(L, R))
    return f


_SCOPE_END = frozenset(",;:.!?()") | frozenset(_QUOTE_CHARS)


def _negation_features(toks: list[str]) -> dict[str, float]:
    """``n:WORD`` for the words after a negator (``negators`` of ``sentiment_cues.yaml`` or
    a word ending in *n't*) up to the next punctuation mark (Das & Chen 2001; Pang et al. 2002)."""
    negators = cue_words()["negators"]
    f: dict[str, float] = {}
    scope = False
    for w in toks:
        if w in _SCOPE_END:
            scope = False
        elif w in negators or w.endswith("n't"):
            scope = True
        elif scope:
            f["n:" + w] = 1.0
    return f


def _reporting_features(L: list[str], R: list[str]) -> dict[str, float]:
    """Whether the mention speaks or is spoken about (reporting verbs of ``speech_verbs.txt``).

    ``rep_subj``: a reporting verb within 3 tokens after the mention ("Smith said");
    ``rep_after``: right before it ("said Smith"); ``rep_acc``: "according to" before it;
    ``rep_other``: a reporting verb earlier with another name before the mention (someone
    else talks about it); ``quoted_other``: the mention stands inside quotation marks and is
    not the subject of a reporting verb.
    """
    from .lexicon import load_lexicon

    verbs = load_lexicon().speech_verbs
    f: dict[str, float] = {}
    if any(w in verbs for w in R[:3]):
        f["rep_subj"] = 1.0
    if L and L[-1] in verbs:
        f["rep_after"] = 1.0
    if L[-2:] == ["according", "to"]:
        f["rep_acc"] = 1.0
    if "ENT" in L and any(w in verbs for w in L[:-1]):
        f["rep_other"] = 1.0
    if sum(w in _QUOTE_CHARS for w in L) % 2 == 1 and "rep_subj" not in f:
        f["quoted_other"] = 1.0
    return f


@lru_cache(maxsize=1)
def word_vectors() -> dict:
    """Word -> unit vector (numpy) from ``data/lexicons/sentiment_word_vectors.csv``.

    Built by ``benchmarks/build_word_vectors.py`` (PPMI + SVD over news corpora; see
    ``data/README.md``).

    Raises:
        ValueError: naming the file and line if a row does not hold a word and the header's numbers.
    """
    import numpy as np

    path = DATA_DIR / WORD_VECTORS
    out: dict = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(line for line in fh if not line.startswith("#"))
        header = next(reader, None)
        if not header or header[0] != "word" or len(header) < 2:
            raise ValueError(f"{path}: header must be word,d0,d1,..., got {header}")
        for n, row in enumerate(reader, start=2):
            try:
                if len(row) != len(header):
                    raise ValueError(f"{len(row)} columns, expected {len(header)}")
                out[row[0]] = np.array([float(x) for x in row[1:]])
            except ValueError as exc:
                raise ValueError(f"{path}: data row {n}: {exc}") from exc
    return out


def _mean_vector(words, decay: bool):
    """Mean of the word vectors of ``words`` (weights 1/(1+k) by position k with ``decay``)."""
    vecs = word_vectors()
    total, acc = 0.0, None
    for k, w in enumerate(words):
        v = vecs.get(w)
        if v is not None:
            wt = 1.0 / (1 + k) if decay else 1.0
            acc = v * wt if acc is None else acc + v * wt
            total += wt
    return None if acc is None else acc / total


def _vector_features(L: list[str], R: list[str]) -> dict[str, float]:
    """Dense features from word vectors: the closeness-weighted mean of the 10 words left
    (``eL0``..) and right (``eR0``..) of the mention and the plain mean over the sentence (``eS0``..)."""
    f: dict[str, float] = {}
    for side, vec in (("eL", _mean_vector(L[::-1][:10], True)), ("eR", _mean_vector(R[:10], True)),
                      ("eS", _mean_vector(L + R, False))):
        if vec is not None:
            for k, x in enumerate(vec):
                if x:
                    f[f"{side}{k}"] = float(x)
    return f


@lru_cache(maxsize=65536)
def _news_tone_proba(text: str) -> tuple[float, float, float]:
    return news_tone_model()._proba(text)


@dataclass(frozen=True)
class DenseMLP:
    """A one-hidden-layer perceptron (ReLU, softmax output) over the dense features of
    :func:`target_features` (the names without ``:``), blended into :class:`TargetModel`'s scores.

    Attributes:
        names: the input features, in order (absent ones count as 0).
        mean, scale: standardisation of each input (``(x - mean) / scale``).
        W1, b1: input -> hidden weights (inputs x hidden) and hidden biases.
        W2, b2: hidden -> output weights (hidden x 3, :data:`CLASSES` order) and output biases.
        blend: the weight of the MLP's log-probabilities added to the linear scores.
    """

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    W1: tuple[tuple[float, ...], ...]
    b1: tuple[float, ...]
    W2: tuple[tuple[float, ...], ...]
    b2: tuple[float, ...]
    blend: float
    name: str = "fitted"

    @cached_property
    def _arrays(self):
        import numpy as np

        return (np.asarray(self.mean), np.asarray(self.scale), np.asarray(self.W1), np.asarray(self.b1),
                np.asarray(self.W2), np.asarray(self.b2))

    def log_proba_matrix(self, X):
        """Log class probabilities (rows x 3, floored at 1e-6) for a matrix of the inputs in ``names`` order."""
        import numpy as np

        mean, scale, W1, b1, W2, b2 = self._arrays
        h = np.maximum((np.asarray(X, dtype=float) - mean) / scale @ W1 + b1, 0.0)
        z = h @ W2 + b2
        z = z - z.max(1, keepdims=True)
        p = np.exp(z)
        return np.log(np.clip(p / p.sum(1, keepdims=True), 1e-6, 1.0))

    def log_proba(self, features: dict[str, float]) -> list[float]:
        """Log class probabilities for one feature dict."""
        return [float(x) for x in self.log_proba_matrix([[features.get(f, 0.0) for f in self.names]])[0]]

    def write_csv(self, path: Path, header_comment: str = "") -> None:
        """Write as CSV ``part,name,values`` (values space-separated, 6 significant digits): one
        ``blend`` row, one ``input`` row per feature (mean, scale, then its weight to each hidden
        unit), one ``hidden,bias`` row and one ``output`` row per class (bias, then the weight
        from each hidden unit)."""
        def num(xs):
            return " ".join(f"{x:.6g}" for x in xs)

        with Path(path).open("w", encoding="utf-8", newline="") as fh:
            for line in header_comment.strip().splitlines():
                fh.write(f"# {line}\n")
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["part", "name", "values"])
            w.writerow(["blend", "weight", num([self.blend])])
            for f, m, s, row in zip(self.names, self.mean, self.scale, self.W1):
                w.writerow(["input", f, num([m, s, *row])])
            w.writerow(["hidden", "bias", num(self.b1)])
            for k, c in enumerate(CLASSES):
                w.writerow(["output", c, num([self.b2[k], *(r[k] for r in self.W2)])])

    @classmethod
    def from_csv(cls, path: Path) -> "DenseMLP":
        """Read the CSV written by :meth:`write_csv` (``#`` lines are comments).

        Raises:
            ValueError: naming the file and data row when a row is malformed or the sizes disagree.
        """
        names, mean, scale, W1, b1, out, blend = [], [], [], [], None, {}, None
        with Path(path).open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(line for line in fh if not line.startswith("#"))
            header = next(reader, None)
            if header != ["part", "name", "values"]:
                raise ValueError(f"{path}: header must be part,name,values, got {header}")
            for n, row in enumerate(reader, start=2):
                try:
                    part, name, vals = row
                    v = [float(x) for x in vals.split()]
                    if part == "blend":
                        blend = v[0]
                    elif part == "input":
                        names.append(name)
                        mean.append(v[0])
                        scale.append(v[1])
                        W1.append(tuple(v[2:]))
                    elif part == "hidden" and name == "bias":
                        b1 = tuple(v)
                    elif part == "output" and name in CLASSES:
                        out[name] = v
                    else:
                        raise ValueError(f"unknown part {part!r} / name {name!r}")
                except (ValueError, IndexError) as exc:
                    raise ValueError(f"{path}: data row {n}: {row!r} ({exc})") from exc
        hidden = len(b1 or ())
        if (blend is None or not names or not hidden or set(out) != set(CLASSES)
                or any(len(r) != hidden for r in W1) or any(len(v) != hidden + 1 for v in out.values())):
            raise ValueError(f"{path}: needs a blend row, input rows with mean, scale and {hidden} weights, "
                             f"a hidden bias row and an output row per class ({', '.join(CLASSES)}) with bias + {hidden} weights")
        W2 = tuple(tuple(out[c][1 + j] for c in CLASSES) for j in range(hidden))
        return cls(tuple(names), tuple(mean), tuple(scale), tuple(W1), b1, W2,
                   tuple(out[c][0] for c in CLASSES), blend, str(path))


@dataclass(frozen=True)
class TargetModel:
    """Tone-towards-an-actor classifier: a :class:`LinearModel` over :func:`target_features`,
    plus ``blend`` x the log-probabilities of an optional :class:`DenseMLP`."""

    model: LinearModel
    mlp: DenseMLP | None = None

    def scores(self, features: dict[str, float]) -> list[float]:
        """Class scores (:data:`CLASSES` order) for one feature dict; the largest wins."""
        z = self.model.scores(features)
        if self.mlp is not None and self.mlp.blend:
            z = [a + self.mlp.blend * b for a, b in zip(z, self.mlp.log_proba(features))]
        return z

    def toward(self, sentence: str, start: int, end: int) -> str:
        z = self.scores(target_features(sentence, start, end))
        return CLASSES[max(range(3), key=lambda i: z[i])]


#: Regularisation grid of :func:`fit_target_model`: (C of the linear SVM, C of the NB-SVM).
TARGET_C_GRID = tuple((a, b) for a in (0.002, 0.004, 0.008) for b in (0.0025, 0.005, 0.01))


def _sparse_design(features: list[dict[str, float]], min_df: int, dense_scale: float):
    """(X, feature names, dense mask) as in :func:`fit_linear`: rare sparse features dropped,
    dense ones (no ``:``) multiplied by ``dense_scale``."""
    from collections import Counter

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    df = Counter(f for d in features for f in d if ":" in f)
    keep = [{f: (v * dense_scale if ":" not in f else v) for f, v in d.items() if ":" not in f or df[f] >= min_df}
            for d in features]
    dv = DictVectorizer(sort=True)
    X = _int32(dv.fit_transform(keep).tocsr())
    names = list(dv.feature_names_)
    return X, names, np.array([":" not in f for f in names])


def _int32(X):
    """``X`` (CSR) with 32-bit index arrays, which liblinear requires."""
    import numpy as np

    X.indices = X.indices.astype(np.int32)
    X.indptr = X.indptr.astype(np.int32)
    return X


def _apply_design(features: list[dict[str, float]], names: list[str], dense_scale: float):
    """``features`` as a matrix over the columns ``names`` of :func:`_sparse_design` (others dropped)."""
    import numpy as np
    import scipy.sparse as sp

    col = {f: j for j, f in enumerate(names)}
    rows, cols, vals = [], [], []
    for i, d in enumerate(features):
        for f, v in d.items():
            j = col.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(v * dense_scale if ":" not in f else v)
    return _int32(sp.csr_matrix((np.asarray(vals, dtype=float), (rows, cols)), shape=(len(features), len(names))))


def _fit_svm(X, y, C: float):
    """Weights (3 x features, :data:`CLASSES` order) and biases of a class-balanced one-vs-rest linear SVM."""
    from sklearn.svm import LinearSVC

    svm = LinearSVC(C=C, class_weight="balanced", random_state=0, max_iter=5000).fit(X, y)
    order = [list(svm.classes_).index(c) for c in CLASSES]
    return svm.coef_[order], svm.intercept_[order]


def _fit_nbsvm(X, y, dense, C: float, alpha: float = 1.0):
    """Weights and biases of an NB-SVM (Wang & Manning 2012), in ``X``'s space.

    For each class, a class-balanced linear SVM (that class against the rest) sees the
    sparse features scaled by their log-count ratio ``log((p/|p|) / (q/|q|))`` (``p``, ``q``:
    ``alpha`` plus the number of examples of the class / of the rest holding the feature);
    dense features are not scaled. The returned weights are the SVM's times the ratios.
    """
    import numpy as np
    import scipy.sparse as sp
    from sklearn.svm import LinearSVC

    present = (X != 0).astype(float).tocsr()
    W, b = [], []
    for c in CLASSES:
        pos = y == c
        p = alpha + np.asarray(present[pos].sum(0)).ravel()
        q = alpha + np.asarray(present[~pos].sum(0)).ravel()
        r = np.log((p / p.sum()) / (q / q.sum()))
        r[dense] = 1.0
        m = LinearSVC(C=C, class_weight="balanced", random_state=0, max_iter=5000)
        m.fit(_int32((X @ sp.diags(r)).tocsr()), pos.astype(int))
        W.append(m.coef_.ravel() * r)
        b.append(m.intercept_[0])
    return np.array(W), np.array(b)


#: Weights of the MLP's log-probabilities tried by :func:`fit_target_model` (0: linear model alone).
TARGET_BLEND_GRID = (0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0)
#: Hidden units and L2 penalty of the MLP of :func:`fit_target_model`.
TARGET_MLP_HIDDEN = 64
TARGET_MLP_ALPHA = 0.01


def _dense_names(features: list[dict[str, float]]) -> list[str]:
    return sorted({f for d in features for f in d if ":" not in f})


def _dense_matrix(features: list[dict[str, float]], names: list[str]):
    import numpy as np

    return np.array([[d.get(f, 0.0) for f in names] for d in features], dtype=float)


def _fit_mlp(D, y, names: list[str], blend: float = 1.0, seed: int = 0) -> DenseMLP:
    """A :class:`DenseMLP` fitted on the dense matrix ``D`` (scikit-learn ``MLPClassifier``: one hidden
    layer of :data:`TARGET_MLP_HIDDEN` ReLU units, L2 :data:`TARGET_MLP_ALPHA`, Adam with early stopping
    on a 10% validation split; fixed seed, so deterministic)."""
    import numpy as np
    from sklearn.neural_network import MLPClassifier

    mean = D.mean(0)
    scale = D.std(0)
    scale[scale == 0] = 1.0
    m = MLPClassifier(hidden_layer_sizes=(TARGET_MLP_HIDDEN,), alpha=TARGET_MLP_ALPHA, max_iter=300,
                      early_stopping=True, validation_fraction=0.1, n_iter_no_change=10, random_state=seed)
    m.fit((D - mean) / scale, np.asarray(y))
    order = [list(m.classes_).index(c) for c in CLASSES]
    W1, b1 = m.coefs_[0], m.intercepts_[0]
    W2, b2 = m.coefs_[1][:, order], m.intercepts_[1][order]
    return DenseMLP(tuple(names), tuple(float(x) for x in mean), tuple(float(x) for x in scale),
                    tuple(tuple(float(x) for x in r) for r in W1), tuple(float(x) for x in b1),
                    tuple(tuple(float(x) for x in r) for r in W2), tuple(float(x) for x in b2), float(blend))


def choose_linear_c(feats: list[dict], y, splits, min_df: int, dense_scale: float):
    """Pick the SVM and NB-SVM constants of :data:`TARGET_C_GRID` by out-of-fold macro-F1.

    Args:
        feats: feature dicts (:func:`target_features`), one per row.
        y: labels (numpy array of :data:`CLASSES` names).
        splits: inner (train, test) index pairs over the rows.
        min_df, dense_scale: as in :func:`fit_target_model`.

    Returns:
        ``((C_svm, C_nbsvm), (scale_svm, scale_nbsvm), oof)``: the constants, the standard
        deviations that put both models' scores on one scale, and the out-of-fold summed scores.
        Ties go to the smaller constants.
    """
    import numpy as np
    from sklearn.metrics import f1_score

    grid_s = sorted({a for a, _ in TARGET_C_GRID})
    grid_n = sorted({b for _, b in TARGET_C_GRID})
    oof_s = {c: np.zeros((len(y), 3)) for c in grid_s}
    oof_n = {c: np.zeros((len(y), 3)) for c in grid_n}
    for tr, te in splits:
        Xi, names, dense = _sparse_design([feats[i] for i in tr], min_df, dense_scale)
        Xt = _apply_design([feats[i] for i in te], names, dense_scale)
        for c in grid_s:
            Ws, bs = _fit_svm(Xi, y[tr], c)
            oof_s[c][te] = Xt @ Ws.T + bs
        for c in grid_n:
            Wn, bn = _fit_nbsvm(Xi, y[tr], dense, c)
            oof_n[c][te] = Xt @ Wn.T + bn
    best = None
    for a, b in TARGET_C_GRID:
        sa, sb = float(oof_s[a].std()), float(oof_n[b].std())
        pred = np.asarray(CLASSES)[(oof_s[a] / sa + oof_n[b] / sb).argmax(1)]
        key = (round(float(f1_score(y, pred, average="macro")), 9), -a, -b)
        if best is None or key > best[0]:
            best = (key, (a, b), (sa, sb))
    C, scales = best[1], best[2]
    return C, scales, oof_s[C[0]] / scales[0] + oof_n[C[1]] / scales[1]


def fit_target_model(sentences: list[str], spans: list[tuple[int, int]], labels: list[str],
                     groups: list | None = None, min_df: int = 3, dense_scale: float = 3.0,
                     C: tuple[float, float] | None = None, inner_folds: int = 3,
                     mlp: bool = True, offsets: bool = True) -> TargetModel:
    """Fit the tone-towards-an-actor model on labelled mentions.

    An ensemble of two linear classifiers over :func:`target_features`: a class-balanced
    one-vs-rest linear SVM and an NB-SVM (:func:`_fit_svm`, :func:`_fit_nbsvm`). Each one's decision values
    are divided by their standard deviation and the two are added; being linear, the sum
    is stored as one weight table (its softmax is not a calibrated probability; only the
    arg-max is used).

    The two regularisation constants are ``C`` if given; otherwise, with ``groups`` (e.g. the
    article of each mention), they are chosen from :data:`TARGET_C_GRID` for macro-F1 by
    ``inner_folds``-fold cross-validation grouped by ``groups`` inside the data given (so a
    benchmark that calls this on its training folds stays nested), and the standard
    deviations come from the same held-out decision values; without ``groups`` the middle of
    the grid and the in-sample standard deviations are used.

    With ``groups``, the same inner cross-validation also decides two additions (each can be
    switched off): with ``mlp``, a small MLP over the dense features (:func:`_fit_mlp`) whose
    log-probabilities are added to the linear scores with the weight from
    :data:`TARGET_BLEND_GRID` that maximises the out-of-fold macro-F1 (0: no MLP); with
    ``offsets``, two offsets added to the negative and positive scores for macro-F1
    (:func:`tune_offsets` on the out-of-fold scores of the blend, within ±1), stored in the
    ``bias`` row.
    """
    import numpy as np

    bad = sorted(set(labels) - set(CLASSES))
    if bad:
        raise ValueError(f"labels must be one of {CLASSES}, got {bad[:3]}")
    feats = [target_features(s, a, b) for s, (a, b) in zip(sentences, spans)]
    y = np.asarray(labels)
    scales = None
    mlp_model = None
    off = (0.0, 0.0)
    if C is None and groups is not None and len(set(groups)) >= inner_folds:
        from sklearn.metrics import f1_score
        from sklearn.model_selection import GroupKFold

        splits = list(GroupKFold(inner_folds).split(feats, y, list(groups)))
        C, scales, oof = choose_linear_c(feats, y, splits, min_df, dense_scale)
        if mlp:
            names_d = _dense_names(feats)
            D = _dense_matrix(feats, names_d)
            oof_m = np.zeros((len(y), 3))
            for tr, te in splits:
                oof_m[te] = _fit_mlp(D[tr], y[tr], names_d).log_proba_matrix(D[te])
            best_w = None
            for w in TARGET_BLEND_GRID:
                f1 = round(float(f1_score(y, np.asarray(CLASSES)[(oof + w * oof_m).argmax(1)], average="macro")), 9)
                if best_w is None or f1 > best_w[0]:
                    best_w = (f1, w)
            blend = best_w[1]
            if blend:
                oof = oof + blend * oof_m
                mlp_model = _fit_mlp(D, y, names_d, blend)
        if offsets:
            off = tune_offsets(np.exp(oof - oof.max(1, keepdims=True)), list(y), limit=1.0)
    if C is None:
        C = TARGET_C_GRID[len(TARGET_C_GRID) // 2]
    X, names, dense = _sparse_design(feats, min_df, dense_scale)
    Ws, bs = _fit_svm(X, y, C[0])
    Wn, bn = _fit_nbsvm(X, y, dense, C[1])
    if scales is None:
        scales = (float((X @ Ws.T + bs).std()), float((X @ Wn.T + bn).std()))
    W = Ws / scales[0] + Wn / scales[1]
    b = bs / scales[0] + bn / scales[1] + np.array([off[0], 0.0, off[1]])
    weights = {"bias": tuple(float(x) for x in b)}
    for j, f in enumerate(names):
        scale = dense_scale if dense[j] else 1.0
        weights[f] = tuple(float(W[k, j] * scale) for k in range(3))
    name = f"C={C[0]} (SVM), {C[1]} (NB-SVM)"
    if offsets and scales is not None and groups is not None:
        name += f", offsets {off[0]:+.2f} {off[1]:+.2f}"
    if mlp_model is not None:
        name += f", MLP blend {mlp_model.blend}"
    return TargetModel(LinearModel(weights, name), mlp_model)


@lru_cache(maxsize=1)
def news_target_model() -> TargetModel:
    """The shipped model (``data/lexicons/sentiment_target_weights.csv``, plus
    ``data/lexicons/sentiment_target_mlp.csv`` when that file exists)."""
    path = DATA_DIR / TARGET_MLP
    return TargetModel(LinearModel.from_csv(DATA_DIR / TARGET_WEIGHTS), DenseMLP.from_csv(path) if path.exists() else None)


def toward(sentence: str, start: int, end: int) -> str:
    """Tone of ``sentence`` towards the actor mentioned at ``sentence[start:end]``.

    Returns:
        ``"negative"``, ``"neutral"`` or ``"positive"``.

    Raises:
        ValueError: if the offsets fall outside the sentence.
    """
    return news_target_model().toward(sentence, start, end)


def tone_toward_actors(quotes, mentions):
    """How each voice speaks about the others: :func:`toward` for every person or
    organisation mentioned inside a quote (other than the speaker).

    Args:
        quotes: the quotes table (``article_id``, ``start``, ``end``, ``text``, ``speaker_id``,
            ``speaker``, ``voice_type``).
        mentions: the mentions table (``article_id``, ``entity_id``, ``name``, ``start``, ``end``).

    Returns:
        Tidy table: article_id, quote_id, speaker, voice_type, target_id, target, tone.
    """
    import pandas as pd

    cols = ["article_id", "quote_id", "speaker", "voice_type", "target_id", "target", "tone"]
    rows = []
    if len(quotes) and len(mentions):
        by_article = {a: m.sort_values(["start", "end"]) for a, m in mentions.groupby("article_id", sort=False)}
        for q in quotes.itertuples(index=False):
            m = by_article.get(q.article_id)
            if m is None:
                continue
            inside = m[(m["start"] >= q.start) & (m["end"] <= q.end) & (m["entity_id"] != q.speaker_id)]
            for t in inside.itertuples(index=False):
                a, b = int(t.start - q.start), int(t.end - q.start)
                if q.text[a:b] != t.text:  # quote text is not a verbatim slice (e.g. joined paragraphs)
                    continue
                rows.append([q.article_id, q.quote_id, q.speaker, q.voice_type, t.entity_id, t.name, toward(q.text, a, b)])
    return pd.DataFrame(rows, columns=cols)
