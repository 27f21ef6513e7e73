"""Policy Frames Codebook frames (Boydstun et al. 2014) per text: quote, speaker or article.

The 14 frames are named as in SemEval-2023 Task 3 (``Economic``, ...,
``External_regulation_and_reputation``). Two ways to get them:

* :func:`classify` applies the shipped, editable lexicon ``data/codebooks/frames.yml``:
  for each frame a short definition (paraphrasing the codebook), a list of weighted
  keywords and a threshold. No training happens at run time. A text's score for a
  frame is the weighted count of its keywords (``1 + ln count`` damping repeated
  words) over the square root of its length; frames whose score passes the
  threshold are returned, the best-scoring frame always when any keyword occurs,
  and at most one frame per ``words_per_frame`` words (so a single sentence gets its
  one most likely frame, a long article up to ``max_frames``).
* :func:`train` fits a TF-IDF + one-vs-rest logistic regression (scikit-learn, classes
  balanced) on a researcher's own coded sample, with each frame's decision threshold
  tuned for micro-F1 by cross-validation inside that sample, and returns a model with
  the same ``classify``.

Example:
    >>> classify(["The court ruled the law unconstitutional, judges said."])
    [['Legality_Constitutionality_and_jurisprudence']]
    >>> classify(["", "Nothing to see."])
    [[], []]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .config import DATA_DIR

CODEBOOK = "codebooks/frames.yml"
#: The 14 frames in codebook order (``semeval2023_label`` of the crosswalk).
FRAMES = (
    "Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation",
    "Crime_and_punishment", "Security_and_defense", "Health_and_safety", "Quality_of_life",
    "Cultural_identity", "Public_opinion", "Political", "External_regulation_and_reputation",
)

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens (the unit the lexicon matches)."""
    return list(lower_words(text or ""))


@lru_cache(maxsize=4096)
def lower_words(text: str) -> tuple[str, ...]:
    """The words ``[a-z]+(?:'[a-z]+)?`` of ``text.lower()``, memoised: the tone features
    (:mod:`newsvoices.sentiment`) cut a quote into the same words just before its frames."""
    return tuple(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class Lexicon:
    """The frames codebook as loaded from ``frames.yml``.

    Attributes:
        keywords: frame -> {word: weight}.
        thresholds: frame -> score a text must reach to carry the frame.
        definitions: frame -> short codebook definition.
        max_frames: at most this many frames per text (highest scores first).
        words_per_frame: a text gets at most one frame per this many words (at least one).
    """

    keywords: dict[str, dict[str, float]]
    thresholds: dict[str, float]
    definitions: dict[str, str] = field(default_factory=dict)
    max_frames: int = 6
    words_per_frame: int = 50

    @property
    def index(self) -> dict[str, list[tuple[int, float]]]:
        return _index(self)

    def scores(self, text: str) -> list[float]:
        """Score per frame (order of :data:`FRAMES`)."""
        return self._scores(tokens(text))

    def _scores(self, words: list[str]) -> list[float]:
        out = [0.0] * len(FRAMES)
        if not words:
            return out
        idx = self.index
        # only the keywords are counted (in order of first occurrence, as Counter(words) would
        # give them, so the same sums); no keyword: 0.0 / norm is 0.0 for every frame
        keys = [w for w in words if w in idx]
        if not keys:
            return out
        counts: dict[str, int] = {}  # as Counter(keys), without its generic update path
        for w in keys:
            counts[w] = counts.get(w, 0) + 1
        for w, c in counts.items():
            damp = 1.0 + math.log(c)
            for j, wt in idx[w]:
                out[j] += wt * damp
        norm = math.sqrt(len(words))
        return [s / norm for s in out]

    def classify(self, texts: list[str]) -> list[list[str]]:
        """Frames of each text (codebook order)."""
        res = []
        thr = [self.thresholds.get(f, math.inf) for f in FRAMES]
        per_frame = max(1, self.words_per_frame)
        for t in texts:
            words = lower_words(t or "")
            s = self._scores(words)
            # the frames ranked by score (ties: codebook order) are only those scoring above 0:
            # ranking just them (a stable sort on the score, highest first, keeps codebook order
            # among ties) gives the same frames as ranking all 14
            pos = [j for j, x in enumerate(s) if x > 0]
            if not pos:  # no keyword: no frame (what the ranking gives)
                res.append([])
                continue
            keep = [j for j in pos if s[j] >= thr[j]]
            if keep:
                keep.sort(key=s.__getitem__, reverse=True)
            else:  # the best-scoring frame (the first one among ties)
                keep = [max(pos, key=s.__getitem__)]
            cap = min(self.max_frames, max(1, len(words) // per_frame))
            keep = sorted(keep[:cap])
            res.append([FRAMES[j] for j in keep])
        return res


_INDEX_CACHE: dict[int, dict[str, list[tuple[int, float]]]] = {}


def _index(lex: Lexicon) -> dict[str, list[tuple[int, float]]]:
    key = id(lex)
    if key not in _INDEX_CACHE:
        idx: dict[str, list[tuple[int, float]]] = {}
        for j, f in enumerate(FRAMES):
            for w, wt in lex.keywords.get(f, {}).items():
                idx.setdefault(w, []).append((j, wt))
        _INDEX_CACHE[key] = idx
    return _INDEX_CACHE[key]


def parse_codebook(data: Any, source: str = CODEBOOK) -> Lexicon:
    """Build a :class:`Lexicon` from the parsed YAML, with errors naming the file and frame."""
    if not isinstance(data, dict) or not isinstance(data.get("frames"), dict):
        raise ValueError(f"{source}: expected a mapping with a 'frames' section")
    unknown = sorted(set(data["frames"]) - set(FRAMES))
    if unknown:
        raise ValueError(f"{source}: unknown frame(s) {unknown}; use the SemEval-2023 names {FRAMES}")
    kw: dict[str, dict[str, float]] = {}
    thr: dict[str, float] = {}
    defs: dict[str, str] = {}
    for f, spec in data["frames"].items():
        if not isinstance(spec, dict):
            raise ValueError(f"{source}: frame {f}: expected a mapping with definition, threshold, keywords")
        try:
            thr[f] = float(spec.get("threshold", math.inf))
            kw[f] = {str(w).lower(): float(v) for w, v in (spec.get("keywords") or {}).items()}
        except (TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"{source}: frame {f}: bad threshold or keyword weight ({exc})") from exc
        defs[f] = str(spec.get("definition", "")).strip()
    try:
        limits = int(data.get("max_frames", 6)), int(data.get("words_per_frame", 50))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{source}: max_frames and words_per_frame must be integers ({exc})") from exc
    return Lexicon(kw, thr, defs, *limits)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped frames lexicon (``data/codebooks/frames.yml``), loaded once."""
    import yaml

    path = DATA_DIR / CODEBOOK
    with path.open(encoding="utf-8") as fh:
        try:
            data = yaml.safe_load(fh)
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    return parse_codebook(data, str(path))


def classify(texts: list[str]) -> list[list[str]]:
    """Frames of each text (a quote, a paragraph or a whole article), from the shipped lexicon.

    Returns:
        One list per text of frame names from :data:`FRAMES`, in codebook order;
        empty when no frame keyword occurs.
    """
    return lexicon().classify(list(texts))


def join(frames: list[str]) -> str:
    """``;``-joined frame names, as stored in the ``frames`` column of the quotes table."""
    return ";".join(frames)


class TrainedFrames:
    """A TF-IDF + one-vs-rest logistic regression frame classifier (see :func:`train`).

    Attributes:
        vectorizer: the fitted ``TfidfVectorizer``.
        classifiers: frame -> fitted ``LogisticRegression`` (or a constant for frames
            that were always / never present in training).
        threshold: default probability a frame needs to be returned.
        thresholds: frame -> probability that frame needs (overrides ``threshold``).
    """

    def __init__(self, vectorizer, classifiers: dict[str, Any], threshold: float,
                 thresholds: dict[str, float] | None = None):
        self.vectorizer = vectorizer
        self.classifiers = classifiers
        self.threshold = threshold
        self.thresholds = dict(thresholds or {})

    def predict_proba(self, texts: list[str]):
        """Array (texts x frames in :attr:`frames`) of probabilities."""
        import numpy as np

        X = self.vectorizer.transform(list(texts))
        cols = []
        for f in self.frames:
            c = self.classifiers[f]
            cols.append(np.full(X.shape[0], float(c)) if isinstance(c, (int, float)) else c.predict_proba(X)[:, 1])
        return np.column_stack(cols) if cols else np.zeros((X.shape[0], 0))

    @property
    def frames(self) -> list[str]:
        return sorted(self.classifiers, key=lambda f: (FRAMES.index(f) if f in FRAMES else len(FRAMES), f))

    def classify(self, texts: list[str], max_frames: int | None = None) -> list[list[str]]:
        """Frames of each text: those whose probability reaches their threshold, at least the most likely one.

        Args:
            texts: articles, paragraphs or single sentences (quotes).
            max_frames: keep at most this many frames per text, the most probable ones
                (``1`` gives each quote its single most likely frame when the model was
                trained on articles that carry several); ``None`` keeps all that pass.

        Returns:
            One list of frame names per text, in codebook order.
        """
        if max_frames is not None and max_frames < 1:
            raise ValueError(f"classify: max_frames must be at least 1, got {max_frames}")
        P = self.predict_proba(texts)
        names = self.frames
        thr = [self.thresholds.get(f, self.threshold) for f in names]
        out = []
        for row in P:
            keep = _decide(row, thr)
            if max_frames is not None and len(keep) > max_frames:
                keep = sorted(sorted(keep, key=lambda j: (-row[j], j))[:max_frames])
            out.append([names[j] for j in keep])
        return out


def _decide(row, thresholds) -> list[int]:
    """Indices whose probability reaches its threshold; the arg-max when none does."""
    keep = [j for j, p in enumerate(row) if p >= thresholds[j]]
    if not keep and len(row):
        keep = [max(range(len(row)), key=lambda j: (row[j], -j))]
    return keep


#: Candidate thresholds searched by :func:`tune_thresholds`.
THRESHOLD_GRID = tuple(round(0.05 + 0.025 * k, 3) for k in range(23))


def tune_thresholds(P, Y, grid=THRESHOLD_GRID) -> tuple[float, list[float]]:
    """Thresholds that maximise micro-F1 of out-of-fold probabilities ``P`` against 0/1 labels ``Y``.

    First one threshold for all frames, then each frame's own by coordinate ascent
    (frames in column order, one pass), starting from the shared one. Ties go to the
    smaller shared threshold and to the per-frame threshold closest to it (deterministic).

    Returns:
        The shared threshold and the per-frame thresholds.
    """
    import numpy as np

    P, Y = np.asarray(P, dtype=float), np.asarray(Y, dtype=int)

    def micro(thr) -> float:
        D = P >= np.asarray(thr)[None, :]
        none = ~D.any(axis=1)
        D[np.where(none)[0], P[none].argmax(axis=1)] = True
        tp = int((D & (Y == 1)).sum())
        denom = int(D.sum()) + int(Y.sum())
        return 2 * tp / denom if denom else 0.0

    k = P.shape[1]
    shared = max(grid, key=lambda t: (micro([t] * k), -t))
    thr = [shared] * k
    for j in range(k):
        thr[j] = max(grid, key=lambda t: (micro(thr[:j] + [t] + thr[j + 1:]), -abs(t - shared)))
    return shared, thr


def _fit(texts: list[str], labels: list[list[str]], C: float, class_weight):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(min_df=2 if len(texts) >= 20 else 1, sublinear_tf=True, stop_words="english")
    X = vec.fit_transform(list(texts))
    names = sorted({f for ls in labels for f in ls})
    clfs: dict[str, Any] = {}
    for f in names:
        y = [int(f in ls) for ls in labels]
        if len(set(y)) < 2:
            clfs[f] = float(y[0])
            continue
        clfs[f] = LogisticRegression(C=C, solver="liblinear", class_weight=class_weight).fit(X, y)
    return vec, clfs


def train(texts: list[str], labels: list[list[str]], threshold: float | None = None, C: float = 10.0,
          class_weight: str | None = "balanced", folds: int = 5, shrink: float = 0.5) -> TrainedFrames:
    """Fit a frame classifier on a coded sample (TF-IDF words + logistic regression per frame).

    Each frame gets a logistic regression on TF-IDF word features (classes balanced,
    so rare frames are not drowned out). With ``threshold=None`` the probability each
    frame needs is tuned for micro-F1 by ``folds``-fold cross-validation *inside* the
    given sample (:func:`tune_thresholds`; the texts are split in a fixed shuffled
    order), so no text outside ``texts`` is ever used; samples smaller than
    ``4 * folds`` texts fall back to 0.5. Each frame's own threshold rests on few
    positive texts, so it is pulled towards the threshold shared by all frames
    (``shrink`` = weight of the shared one; on SemEval-2023 Task 3 under nested CV
    ``0.5`` beat both ``0`` and ``1`` for every feature set tried, by 0.004-0.008 micro-F1).
    Every text gets at least its most likely frame.

    Args:
        texts: the coded texts.
        labels: the frames of each text (any names; the 14 codebook names are usual).
        threshold: one probability for all frames instead of tuning.
        C: inverse L2 regularisation strength of each logistic regression.
        class_weight: passed to ``LogisticRegression`` (``None`` for unweighted).
        folds: cross-validation folds used to tune the thresholds.
        shrink: weight in [0, 1] of the shared threshold in each frame's threshold
            (0: each frame's own tuned threshold; 1: one threshold for all frames).

    Returns:
        A :class:`TrainedFrames` with ``classify(texts)``.
    """
    if len(texts) != len(labels):
        raise ValueError(f"train: {len(texts)} texts but {len(labels)} label lists")
    if not texts:
        raise ValueError("train: no texts")
    if not 0.0 <= shrink <= 1.0:
        raise ValueError(f"train: shrink must be between 0 and 1, got {shrink}")
    texts, labels = list(texts), [list(ls) for ls in labels]
    vec, clfs = _fit(texts, labels, C, class_weight)
    model = TrainedFrames(vec, clfs, 0.5 if threshold is None else float(threshold))
    if threshold is None and len(texts) >= 4 * folds:
        import numpy as np
        from sklearn.model_selection import KFold

        names = model.frames
        P = np.zeros((len(texts), len(names)))
        for tr, te in KFold(folds, shuffle=True, random_state=0).split(texts):
            inner = TrainedFrames(*_fit([texts[i] for i in tr], [labels[i] for i in tr], C, class_weight), 0.5)
            p = inner.predict_proba([texts[i] for i in te])
            for j, f in enumerate(names):
                P[te, j] = p[:, inner.frames.index(f)] if f in inner.classifiers else 0.0
        Y = np.array([[int(f in ls) for f in names] for ls in labels])
        shared, per = tune_thresholds(P, Y)
        model.threshold = shared
        model.thresholds = {f: round(shrink * shared + (1 - shrink) * t, 4) for f, t in zip(names, per)}
    return model
