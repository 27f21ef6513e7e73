"""What else was tried for ``sentiment.toward()``: alternatives under the nested CV of ``benchmarks/sentiment.py --toward``.

    python benchmarks/toward_variants.py                 # all variants but hgb (slow: name it)
    python benchmarks/toward_variants.py offsets mlp     # only these (the base model always runs)
    python benchmarks/toward_variants.py --cache F.pkl   # keep the mention features in F.pkl between runs
    python benchmarks/toward_variants.py --folds 0,1 distant   # only these outer folds
    python benchmarks/toward_variants.py --save F.npz mlp_boot # also write the predictions (see below)
    python benchmarks/toward_variants.py --folds 0,1 ref xq mform further frames lex2 --lexicon2 AFINN-en-165.txt  # round 11

Issue 8 asks ``toward`` for macro-F1 >= 0.70 on NewsMTSC; the linear model of rounds 1-8 (SVM + NB-SVM
over ``target_features``) reaches 0.684 under 5-fold CV grouped by article. This script measures
alternatives that add information, a decision rule or a different model family, each under exactly the protocol
of the benchmark: outer ``GroupKFold(5)`` over the articles; inside each training fold the inner
3-fold grouped CV of ``fit_target_model`` gives out-of-fold decision values of the linear model (and
of any other model), on which everything a variant tunes (C, offsets, blend weights) is chosen;
the held-out fold is never seen. Prints macro-F1 over all rows and per outer fold. Writes nothing
(besides the optional feature cache, which holds no text); skips (exit 0) when the gold data are absent.

Variants:

* ``base``: the linear model alone (reproduces the benchmark's folds of rounds 1-8);
* ``offsets``: per-class offsets added to the negative and positive scores (``sentiment.tune_offsets``:
  grid 0.05 in [-1, 1], smoothed), chosen for macro-F1 on the inner out-of-fold scores;
* ``mlp``: a small MLP (scikit-learn ``MLPClassifier``, one hidden layer) over the standardised dense
  features (VADER/Pattern/tone scores, reporting and position flags, word vectors left/right/sentence),
  blended with the linear scores as ``linear + w * log P_mlp``, ``w`` chosen on the inner out-of-fold
  values (with and without offsets after the blend; ``mlp_blend_offsets`` is what ``fit_target_model``
  does since round 9, up to the smoothing of the offsets);
* ``mlp_pos``: the same MLP also given the word vectors of the 3 nearest words on each side (concatenated,
  nearest first), which a linear model over averaged vectors cannot use;
* ``mlp_bag``: the MLP's log-probabilities averaged over 5 seeds;
* ``rbf``: the same blend with an RBF kernel approximation (Nystroem, 500 components) + logistic
  regression instead of the MLP;
* ``distant`` (reads ``../shared/corpora``): distant labels from the unlabelled news articles: person
  mentions (found by ``extract``) that are the object of a clearly polar verb (``DISTANT_NEG`` /
  ``DISTANT_POS``: "critics accused X", "X was praised"), added as extra training rows with weight
  0.3 or 1 (or not at all), chosen on the inner out-of-fold macro-F1;
* ``selftrain`` (reads ``../shared/corpora``): self-training: the linear model fitted on the training
  rows labels 30,000 random person mentions of the corpora; its 6,000 most confident (2,000 per
  predicted class, by margin) are added with weight 0.1 or 0.3 (or not at all), chosen likewise.

Round 10 (each also prints ``ref``: the shipped recipe, linear + w x MLP + offsets, which reproduces the
benchmark's folds; "blend" = weights from ``BLEND_GRID`` chosen jointly on the inner out-of-fold
macro-F1, then ``tune_offsets``):

* ``mlp_boot``: variance reduction, a bag of 8 MLPs each fitted on a bootstrap sample of the training
  rows (seeds 0-7), probabilities averaged; ``mlp_boot_only`` blends the bag instead of the single MLP,
  ``mlp_boot_ref`` blends both;
* ``lin_boot``: the linear model averaged over 5 fits on bootstrap samples (row weight = times drawn),
  blended with the single MLP (``lin_boot_mlp``);
* ``cbag``: the linear model averaged over the whole C grid instead of the one pair picked by the inner CV;
* ``hgb``: gradient-boosted trees (``HistGradientBoostingClassifier``, 300 rounds of 15 leaves, balanced,
  fixed seed) over the dense features and the 300 sparse features with the largest chi-squared score on
  the fitting rows, blended with linear + MLP (slow: about 15 min per outer fold on a shared machine);
* ``mlp_sparse``: a bag of 4 bootstrap MLPs over the dense features and those 300 selected sparse ones,
  blended with linear + MLP;
* ``struct``: target-relative structure without a parser (:func:`struct_features`, appended to the
  features; linear model and MLP refitted): what stands between the mention and the nearest sentiment
  word on each side (negator, contrast word, clause boundary, reporting verb, another name, quotation
  mark), the mention as the opener of its clause with the next sentiment word, and the sentiment words
  inside or outside the mention's quotation;
* ``cost``: a cost matrix on the blend's softmax instead of the offsets (temperature, cost of a polar
  prediction for a neutral row per class, cost of the opposite polarity), chosen on the inner scores;
* ``rules``: other decision rules on the same scores: fixed MLP weights 0.3, 0.5, 1 with and without
  offsets, offsets within ±0.3, offsets smoothed over 9 x 9 grid points.

Round 11 (new information only; each appends features to ``target_features``, refits the linear model and
the MLP, and blends them as shipped: ``NAME_linear`` the linear model alone, ``NAME_ref`` with MLP + offsets):

* ``xq``: our own quote extractor's structure (:func:`extraction_features`): ``extract.extract`` on the sentence
  as a one-paragraph article; the mention as the speaker of a direct / reported quote, inside a quotation or a
  reported-speech span (someone else's or unattributed), the object or subject of a reporting cue, or talked
  about by someone else; with the news tone model on the quote it speaks or stands in and on the narrator's
  words outside every quotation;
* ``mform``: the form of the mention that ``TGT`` hides (:func:`mention_form_features`: pronoun and its case,
  possessive, a title word, length);
* ``lex2`` (needs ``--lexicon2 PATH``, an AFINN-style ``word<TAB>score`` file such as ``AFINN-en-165.txt`` of the
  ``afinn`` sdist; not shipped: that sdist declares GPL and its data ODbL, neither permissive): a second,
  independent lexicon near the mention (:func:`lexicon2_features`);
* ``xq_mform``, ``all11``: those combined;
* ``further``: the gold set's own further mentions of each training row's target (``further_mentions_json``,
  mostly pronouns, same label) as extra training rows, weight 0.3 or 1 (or none) chosen on the inner CV;
* ``frames``: the sentence's Policy Frames scores from the shipped frames lexicon (:func:`frame_features`,
  learned from another gold set, SemEval-2023 framing).

``--save F.npz`` writes the per-row test scores and the per-fold numbers (and, for round 10, the
components' inner out-of-fold and test scores to ``F_parts.npz``) for combining runs over several folds.
"""

from __future__ import annotations

import csv
import pickle
import sys
import time
from pathlib import Path

import numpy as np
from _gold import NEWSMTSC, newsmtsc_group, require

from newsvoices import sentiment

CLASSES = np.asarray(sentiment.CLASSES)
BLEND_GRID = sentiment.TARGET_BLEND_GRID


def load(cache: str | None):
    """(features, labels, groups) of the NewsMTSC train rows; features cached in ``cache`` if given."""
    if cache and Path(cache).exists():
        with open(cache, "rb") as fh:
            d = pickle.load(fh)
        return d["feats"], np.asarray(d["y"]), d["groups"]
    with open(NEWSMTSC, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    feats = [sentiment.target_features(r["sentence"], int(r["char_from"]), int(r["char_to"])) for r in rows]
    y = [r["polarity"] for r in rows]
    groups = [newsmtsc_group(r["primary_gid"]) for r in rows]
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump({"feats": feats, "y": y, "groups": groups}, fh)
    return feats, np.asarray(y), groups


#: Verbs whose object is clearly criticised / praised, for distant labels ("critics accused TGT", "TGT was praised").
DISTANT_NEG = ("criticized criticised attacked accused blamed condemned slammed blasted denounced mocked ridiculed rebuked "
               "chastised berated scolded lambasted derided vilified castigated sued indicted charged convicted arrested "
               "fired ousted impeached censured").split()
DISTANT_POS = ("praised thanked hailed lauded applauded commended congratulated honored honoured celebrated welcomed "
               "endorsed championed admired defended backed").split()
N_UNLABELED = 30000


def distant_label(sent: str, a: int, b: int) -> str | None:
    """negative / positive when the mention is the object of a polar verb ("accused X", "X was praised"), else None."""
    import re

    left = re.findall(r"[A-Za-z']+", sent[:a].lower())
    right = re.findall(r"[A-Za-z']+", sent[b:].lower())
    polar = DISTANT_NEG + DISTANT_POS
    v = None
    if left and left[-1] in polar and not (len(left) > 1 and left[-2] in ("not", "never")):
        v = left[-1]
    elif len(right) >= 2 and right[0] in ("was", "were", "is", "are", "been", "being") and right[1] in polar:
        v = right[1]
    elif len(right) >= 3 and right[0] in ("has", "had", "have") and right[1] == "been" and right[2] in polar:
        v = right[2]
    return None if v is None else "negative" if v in DISTANT_NEG else "positive"


def corpus_mentions():
    """(sentence, start, end) of every person mention (name, surname or pronoun, as found by
    ``extract``) in the sentences of 6-60 words of the unlabelled articles of ``../shared/corpora``."""
    import bisect

    from build_word_vectors import corpus_texts

    from newsvoices import extract as ex
    from newsvoices.model import Article

    _, parser = ex._tools()
    out, seen = [], set()
    for n, text in enumerate(corpus_texts()):
        art = Article(f"a{n}", text)
        e = ex.extract(art)
        kinds = {x.key: x.kind for x in e.entities}
        bounds = []
        for lo, hi in art.paragraphs:
            s = lo
            for end in ex.sentence_ends(text, lo, hi, parser.abbrev) + [hi]:
                if end > s:
                    bounds.append((s, end))
                s = end
        starts = [b[0] for b in bounds]
        for m in e.mentions:
            if m.kind not in ("name", "surname", "pronoun") or kinds.get(m.entity) != "person":
                continue
            k = bisect.bisect_right(starts, m.start) - 1
            if k < 0 or m.end > bounds[k][1]:
                continue
            a, b = bounds[k]
            raw = text[a:b]
            lead = len(raw) - len(raw.lstrip())
            sent = raw.strip()
            st, en = m.start - a - lead, m.end - a - lead
            if not 6 <= len(sent.split()) <= 60 or sent[st:en] != m.text or (sent, st) in seen:
                continue
            seen.add((sent, st))
            out.append((sent, st, en))
    return out


def corpus_rows(cache: str | None):
    """Distant-labelled rows (features, labels) and the features of ``N_UNLABELED`` random unlabelled
    mentions (seed 0) from the shared corpora; cached (features only, no text) next to ``cache``."""
    path = Path(cache + ".corpus") if cache else None
    if path and path.exists():
        with open(path, "rb") as fh:
            return pickle.load(fh)
    ments = corpus_mentions()
    dist = [(m, distant_label(*m)) for m in ments]
    dist = [(m, lab) for m, lab in dist if lab]
    idx = sorted(np.random.RandomState(0).choice(len(ments), min(N_UNLABELED, len(ments)), replace=False))
    res = (([sentiment.target_features(*m) for m, _ in dist], [lab for _, lab in dist]),
           [sentiment.target_features(*ments[i]) for i in idx])
    print(f"corpora: {len(ments)} person mentions, {len(dist)} with distant labels "
          f"({sum(lab == 'negative' for _, lab in dist)} negative)", flush=True)
    if path:
        with open(path, "wb") as fh:
            pickle.dump(res, fh)
    return res


def macro_f1(y, scores) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, CLASSES[np.asarray(scores).argmax(1)], average="macro"))


def tune_offsets(scores, y):
    """(o_neg, 0, o_pos) added to the scores for macro-F1: ``sentiment.tune_offsets`` within ±1, as
    ``fit_target_model`` does."""
    o = sentiment.tune_offsets(np.exp(scores - scores.max(1, keepdims=True)), list(y), limit=1.0)
    return np.array([o[0], 0.0, o[1]])


def position_vectors(sentence: str, start: int, end: int, k: int = 3):
    """The word vectors of the ``k`` nearest words with a vector on each side of the mention, concatenated
    (nearest first; zeros where there are fewer): which word stands where, for the MLP."""
    from newsvoices.sentiment import _TOKEN, _mask_names, analyzer, word_vectors

    vecs = word_vectors()
    dim = len(next(iter(vecs.values())))
    lex = analyzer().lexicon
    L0, R0 = _TOKEN.findall(sentence[:start]), _TOKEN.findall(sentence[end:])
    L, R = _mask_names(L0, True, lex), _mask_names(R0, not L0, lex)
    out = []
    for seq in (L[::-1], R):
        got = [vecs[w] for w in seq if w in vecs][:k]
        got += [np.zeros(dim)] * (k - len(got))
        out += got
    return np.concatenate(out)


def dense_matrix(feats, names):
    return np.array([[d.get(f, 0.0) for f in names] for d in feats])


def linear_parts(feats, y, tr, te, inner):
    """The shipped fit on ``tr``: inner out-of-fold scores (C chosen as in fit_target_model) and test scores."""
    from newsvoices.sentiment import _apply_design, _fit_nbsvm, _fit_svm, _sparse_design, choose_linear_c

    ytr = y[tr]
    ftr = [feats[i] for i in tr]
    (a, b), (sa, sb), oof = choose_linear_c(ftr, ytr, inner, 3, 3.0)
    X, names, dense = _sparse_design(ftr, 3, 3.0)
    Xt = _apply_design([feats[i] for i in te], names, 3.0)
    Ws, bs = _fit_svm(X, ytr, a)
    Wn, bn = _fit_nbsvm(X, ytr, dense, b)
    test = (Xt @ Ws.T + bs) / sa + (Xt @ Wn.T + bn) / sb
    return oof, test, (a, b), (sa, sb)


def fit_weighted(X, y, dense, C, scales, sw):
    """The shipped SVM + NB-SVM sum with per-row weights ``sw`` (NB ratios from weighted counts)."""
    import scipy.sparse as sp
    from sklearn.svm import LinearSVC

    from newsvoices.sentiment import _int32

    svm = LinearSVC(C=C[0], class_weight="balanced", random_state=0, max_iter=5000).fit(X, y, sample_weight=sw)
    order = [list(svm.classes_).index(c) for c in CLASSES]
    Ws, bs = svm.coef_[order], svm.intercept_[order]
    present = (X != 0).astype(float).tocsr()
    Wn, bn = [], []
    for c in CLASSES:
        pos = y == c
        p = 1.0 + np.asarray(present[pos].T @ sw[pos]).ravel()
        q = 1.0 + np.asarray(present[~pos].T @ sw[~pos]).ravel()
        r = np.log((p / p.sum()) / (q / q.sum()))
        r[dense] = 1.0
        m = LinearSVC(C=C[1], class_weight="balanced", random_state=0, max_iter=5000)
        m.fit(_int32((X @ sp.diags(r)).tocsr()), pos.astype(int), sample_weight=sw)
        Wn.append(m.coef_.ravel() * r)
        bn.append(m.intercept_[0])
    return Ws / scales[0] + np.array(Wn) / scales[1], bs / scales[0] + np.array(bn) / scales[1]


def extra_rows_scores(ftr, ytr, fte, C, scales, weights, extra=None, unlabeled=None, n_pseudo=0):
    """Test scores of the linear model refitted with extra rows at each weight in ``weights``.

    ``extra``: (features, labels) added as they are (distant labels); ``unlabeled``: features
    pseudo-labelled by the model fitted on ``ftr`` alone, of which the ``n_pseudo`` most confident
    (largest margin, the same number per predicted class) are added. Returns {weight: scores}.
    """
    from newsvoices.sentiment import _apply_design, _sparse_design

    if unlabeled is not None:
        X, names, dense = _sparse_design(ftr, 3, 3.0)
        W, b = fit_weighted(X, ytr, dense, C, scales, np.ones(len(ytr)))
        S = _apply_design(unlabeled, names, 3.0) @ W.T + b
        top = np.sort(S, 1)
        margin = top[:, -1] - top[:, -2]
        lab = S.argmax(1)
        pick = []
        for k in range(3):
            idx = np.flatnonzero(lab == k)
            pick += list(idx[np.argsort(-margin[idx], kind="stable")][: n_pseudo // 3])
        pick = sorted(pick)
        extra = ([unlabeled[i] for i in pick], CLASSES[lab[pick]])
    rows = ftr + list(extra[0])
    y = np.concatenate([ytr, np.asarray(extra[1])])
    X, names, dense = _sparse_design(rows, 3, 3.0)
    Xt = _apply_design(fte, names, 3.0)
    out = {}
    for w in weights:
        sw = np.concatenate([np.ones(len(ytr)), np.full(len(extra[1]), w)])
        W, b = fit_weighted(X, y, dense, C, scales, sw)
        out[w] = Xt @ W.T + b
    return out


def _pick_extra_weight(y_tr, oof, oofw: dict, weights) -> tuple[float, str]:
    """The weight of the extra rows whose inner-CV macro-F1 beats the base's (0.0: none does)."""
    base = round(macro_f1(y_tr, oof), 9)
    inner_f = {w: macro_f1(y_tr, oofw[w]) for w in weights}
    best = (base, 0.0)
    for w in weights:
        if round(inner_f[w], 9) > best[0]:
            best = (round(inner_f[w], 9), w)
    info = f"w={best[1]} (inner " + " ".join(f"{x}:{inner_f[x]:.3f}" for x in weights) + f", base {base:.3f})"
    return best[1], info


def extra_rows_variant(feats, y, tr, te, inner, oof, C, scales, weights, **kw):
    """Weight of the extra rows chosen on the inner out-of-fold macro-F1 (0 = the base model); test scores."""
    ftr = [feats[i] for i in tr]
    oofw = {w: np.zeros((len(tr), 3)) for w in weights}
    for itr, ite in inner:
        sc = extra_rows_scores([ftr[i] for i in itr], y[tr][itr], [ftr[i] for i in ite], C, scales, weights, **kw)
        for w in weights:
            oofw[w][ite] = sc[w]
    w, info = _pick_extra_weight(y[tr], oof, oofw, weights)
    if w == 0.0:
        return None, info
    return extra_rows_scores(ftr, y[tr], [feats[i] for i in te], C, scales, [w], **kw)[w], info


def mlp_model(seed=0, hidden=64, alpha=1e-2):
    from sklearn.neural_network import MLPClassifier

    return MLPClassifier(hidden_layer_sizes=(hidden,), alpha=alpha, max_iter=300, early_stopping=True,
                         validation_fraction=0.1, n_iter_no_change=10, random_state=seed)


def rbf_model(seed=0):
    from sklearn.kernel_approximation import Nystroem
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(Nystroem(gamma=1.0 / 200, n_components=500, random_state=seed),
                         LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced"))


def dense_parts(D, y, tr, te, inner, make, seeds=(0,)):
    """Inner out-of-fold and test log-probabilities (CLASSES order) of a model on standardised dense
    features (averaged over the models fitted with each of ``seeds``)."""
    from sklearn.preprocessing import StandardScaler

    def fit_predict(a, b):
        sc = StandardScaler().fit(D[a])
        out = 0.0
        for seed in seeds:
            m = make(seed).fit(sc.transform(D[a]), y[a])
            order = [list(m.classes_).index(c) for c in CLASSES]
            out = out + np.log(np.clip(m.predict_proba(sc.transform(D[b]))[:, order], 1e-6, 1.0))
        return out / len(seeds)

    oof = np.zeros((len(tr), 3))
    for itr, ite in inner:
        oof[ite] = fit_predict(tr[itr], tr[ite])
    return oof, fit_predict(tr, te)


def blend(oof_lin, oof_o, test_lin, test_o, ytr, offsets: bool):
    """Blend weight (and offsets) chosen on the inner out-of-fold values; test scores."""
    best = None
    for w in BLEND_GRID:
        f = round(macro_f1(ytr, oof_lin + w * oof_o), 9)
        if best is None or f > best[0]:
            best = (f, w)
    w = best[1]
    off = tune_offsets(oof_lin + w * oof_o, ytr) if offsets else np.zeros(3)
    return test_lin + w * test_o + off, (w, *off[[0, 2]])


# --------------------------------------------------------------------------- round 10 (issue 8: toward 0.688 -> 0.70)

#: Words between the mention and the nearest sentiment word that change what that word says about the
#: mention (round 10 ``struct`` variant).
STRUCT_CONTRAST = frozenset("but however although though yet while whereas".split())
STRUCT_CLAUSE = frozenset(", ; : ( ) who which whom whose that because since when after before".split())


def struct_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """Target-relative structure without a parser: for the nearest sentiment word on each side of the
    mention (``POS``/``NEG`` of ``sentiment._polarity_class``), what stands between it and the mention
    (a negator, a contrast word, a clause boundary, a reporting verb, another name, a quotation mark),
    as sparse features ``sx{L,R}:{POS,NEG}|{flag}`` and its closeness ``sxd_{L,R}``; whether the mention
    opens its clause and is followed by a word (a subject, ``sx_subj:{POS,NEG,none}`` with the next
    sentiment word of the clause); the mention inside quotation marks with the sentiment words inside
    the same quotation or outside it (``sxq:``)."""
    from newsvoices.lexicon import load_lexicon
    from newsvoices.sentiment import _QUOTE_CHARS, _TOKEN, _mask_names, _polarity_class, analyzer, cue_words, pattern_lexicon

    lex, pat = analyzer().lexicon, pattern_lexicon()
    verbs = load_lexicon().speech_verbs
    negators = cue_words()["negators"]
    L0, R0 = _TOKEN.findall(sentence[:start]), _TOKEN.findall(sentence[end:])
    L, R = _mask_names(L0, True, lex), _mask_names(R0, not L0, lex)
    f: dict[str, float] = {}
    for side, seq in (("L", L[::-1]), ("R", R)):
        for d, w in enumerate(seq):
            pol = _polarity_class(w, lex, pat)
            if pol is None:
                continue
            between = seq[:d]
            flags = []
            if any(x in negators or x.endswith("n't") for x in between):
                flags.append("neg")
            if any(x in STRUCT_CONTRAST for x in between):
                flags.append("contrast")
            if any(x in STRUCT_CLAUSE for x in between):
                flags.append("clause")
            if any(x in verbs for x in between):
                flags.append("rep")
            if "ENT" in between:
                flags.append("ent")
            if any(x in _QUOTE_CHARS for x in between):
                flags.append("quote")
            f[f"sx{side}:{pol}"] = 1.0
            for fl in flags or ["none"]:
                f[f"sx{side}:{pol}|{fl}"] = 1.0
            f[f"sxd_{side}"] = 1.0 / (1 + d)
            break
    opens = not L or L[-1] in STRUCT_CLAUSE or L[-1] in STRUCT_CONTRAST or L[-1] in ('"', "“", "”", "and")
    if opens and R and R[0] not in STRUCT_CLAUSE and R[0] not in (".", "!", "?"):
        nxt = "none"
        for w in R:
            if w in STRUCT_CLAUSE or w in (".", "!", "?"):
                break
            pol = _polarity_class(w, lex, pat)
            if pol:
                nxt = pol
                break
        f["sx_subj:" + nxt] = 1.0
        f["sx_subj"] = 1.0
    inside = sum(c in _QUOTE_CHARS for c in L) % 2 == 1
    # quotation status of each sentiment word relative to the mention
    depth, status = 0, []
    for w in L + ["TGT"] + R:
        if w in _QUOTE_CHARS:
            depth ^= 1
            continue
        status.append((w, depth))
    tgt_q = [d for w, d in status if w == "TGT"][0]
    for w, d in status:
        pol = _polarity_class(w, lex, pat) if w != "TGT" else None
        if pol:
            f[f"sxq:{pol}|{'same' if d == tgt_q else 'other'}|{'in' if inside else 'out'}"] = 1.0
    return f


def bagged_mlp_log_proba(Xa, ya, Xb, n: int):
    """Log of the probabilities (columns in ``CLASSES`` order) that ``n`` MLPs, each fitted on a
    bootstrap sample of the rows ``Xa`` (seeds 0..n-1), give the rows ``Xb``, averaged (bagging)."""
    p = 0.0
    for seed in range(n):
        idx = np.random.RandomState(seed).randint(0, len(Xa), len(Xa))
        m = mlp_model(seed).fit(Xa[idx], ya[idx])
        order = [list(m.classes_).index(c) for c in CLASSES]
        p = p + m.predict_proba(Xb)[:, order]
    return np.log(np.clip(p / n, 1e-6, 1.0))


def bootstrap_mlp_parts(D, y, tr, te, inner, n: int = 8):
    """Inner out-of-fold and test log-probabilities of ``n`` MLPs, each fitted on a bootstrap sample of
    the training rows (seeds 0..n-1), probabilities averaged (bagging)."""
    from sklearn.preprocessing import StandardScaler

    def fit_predict(a, b):
        sc = StandardScaler().fit(D[a])
        return bagged_mlp_log_proba(sc.transform(D[a]), y[a], sc.transform(D[b]), n)

    oof = np.zeros((len(tr), 3))
    for itr, ite in inner:
        oof[ite] = fit_predict(tr[itr], tr[ite])
    return oof, fit_predict(tr, te)


def bootstrap_linear_parts(feats, y, tr, te, inner, C, scales, n: int = 5):
    """Inner out-of-fold and test scores of the linear model (constants ``C``, ``scales``) averaged over
    ``n`` fits on bootstrap samples of the training rows (the average of linear models is one linear model)."""
    from newsvoices.sentiment import _apply_design, _sparse_design

    def fit_predict(a, b):
        fa = [feats[i] for i in a]
        X, names, dense = _sparse_design(fa, 3, 3.0)
        Xt = _apply_design([feats[i] for i in b], names, 3.0)
        s = 0.0
        for seed in range(n):
            cnt = np.bincount(np.random.RandomState(seed).randint(0, len(a), len(a)), minlength=len(a)).astype(float)
            keep = np.flatnonzero(cnt)
            W, bb = fit_weighted(X[keep], y[a][keep], dense, C, scales, cnt[keep])
            s = s + Xt @ W.T + bb
        return s / n

    oof = np.zeros((len(tr), 3))
    for itr, ite in inner:
        oof[ite] = fit_predict(tr[itr], tr[ite])
    return oof, fit_predict(tr, te)


def hgb_parts(feats, D, y, tr, te, inner, k_sparse: int = 300):
    """Inner out-of-fold and test log-probabilities of a gradient-boosted tree ensemble (scikit-learn
    ``HistGradientBoostingClassifier``, balanced classes, fixed seed, no early stopping) over the dense
    features plus the ``k_sparse`` sparse features with the largest chi-squared score on the fitting rows."""
    import scipy.sparse as sp
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_selection import chi2

    from newsvoices.sentiment import _apply_design, _sparse_design

    sparse_feats = [{f: v for f, v in d.items() if ":" in f} for d in feats]

    def fit_predict(a, b):
        X, names, _ = _sparse_design([sparse_feats[i] for i in a], 5, 1.0)
        score, _ = chi2(X, y[a])
        top = np.argsort(-np.nan_to_num(score), kind="stable")[:k_sparse]
        cols = [names[j] for j in sorted(top)]
        Xa = sp.hstack([_apply_design([sparse_feats[i] for i in a], cols, 1.0)]).toarray()
        Xb = _apply_design([sparse_feats[i] for i in b], cols, 1.0).toarray()
        m = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300, max_leaf_nodes=15, min_samples_leaf=20,
                                           l2_regularization=1.0, class_weight="balanced", early_stopping=False,
                                           random_state=0)
        m.fit(np.hstack([D[a], Xa]), y[a])
        order = [list(m.classes_).index(c) for c in CLASSES]
        return np.log(np.clip(m.predict_proba(np.hstack([D[b], Xb]))[:, order], 1e-6, 1.0))

    oof = np.zeros((len(tr), 3))
    for itr, ite in inner:
        oof[ite] = fit_predict(tr[itr], tr[ite])
    return oof, fit_predict(tr, te)


def cbag_linear_parts(feats, y, tr, te, inner):
    """Inner out-of-fold and test scores of the mean over the whole C grid (``TARGET_C_GRID``: every SVM
    and every NB-SVM constant, each divided by the sd of its inner out-of-fold scores) instead of the one
    pair the inner CV picks (averaging instead of selecting; still one linear model)."""
    from newsvoices.sentiment import TARGET_C_GRID, _apply_design, _fit_nbsvm, _fit_svm, _sparse_design

    grid_s = sorted({a for a, _ in TARGET_C_GRID})
    grid_n = sorted({b for _, b in TARGET_C_GRID})

    def parts(a, b):
        X, names, dense = _sparse_design([feats[i] for i in a], 3, 3.0)
        Xt = _apply_design([feats[i] for i in b], names, 3.0)
        out = [Xt @ W.T + bb for W, bb in (_fit_svm(X, y[a], c) for c in grid_s)]
        return out + [Xt @ W.T + bb for W, bb in (_fit_nbsvm(X, y[a], dense, c) for c in grid_n)]

    oofs = [np.zeros((len(tr), 3)) for _ in range(len(grid_s) + len(grid_n))]
    for itr, ite in inner:
        for o, s in zip(oofs, parts(tr[itr], tr[ite])):
            o[ite] = s
    sds = [float(o.std()) for o in oofs]
    oof = sum(o / s for o, s in zip(oofs, sds)) / len(oofs) * 2
    test = sum(p / s for p, s in zip(parts(tr, te), sds)) / len(oofs) * 2
    return oof, test


def sparse_dense_matrix(feats, y, a, b, k_sparse=300):
    """The dense matrix plus the ``k_sparse`` sparse features with the largest chi-squared score on rows ``a``
    (rows ``a`` and ``b``), for an MLP that also sees some words."""
    from sklearn.feature_selection import chi2

    from newsvoices.sentiment import _apply_design, _sparse_design

    sparse_feats = [{f: v for f, v in d.items() if ":" in f} for d in feats]
    X, names, _ = _sparse_design([sparse_feats[i] for i in a], 5, 1.0)
    score, _ = chi2(X, y[a])
    cols = [names[j] for j in sorted(np.argsort(-np.nan_to_num(score), kind="stable")[:k_sparse])]
    return (_apply_design([sparse_feats[i] for i in a], cols, 1.0).toarray(),
            _apply_design([sparse_feats[i] for i in b], cols, 1.0).toarray())


def mlp_sparse_parts(feats, D, y, tr, te, inner, n: int = 4):
    """A bag of ``n`` bootstrap MLPs over the dense features plus 300 chi-squared-selected sparse ones
    (selected on the fitting rows): inner out-of-fold and test log-probabilities."""
    from sklearn.preprocessing import StandardScaler

    def fit_predict(a, b):
        Sa, Sb = sparse_dense_matrix(feats, y, a, b)
        sc = StandardScaler().fit(D[a])
        Xa, Xb = np.hstack([sc.transform(D[a]), Sa]), np.hstack([sc.transform(D[b]), Sb])
        return bagged_mlp_log_proba(Xa, y[a], Xb, n)

    oof = np.zeros((len(tr), 3))
    for itr, ite in inner:
        oof[ite] = fit_predict(tr[itr], tr[ite])
    return oof, fit_predict(tr, te)


def blend2(parts, ytr, offsets: bool = True):
    """Weights of two extra components (each from ``BLEND_GRID``) added to the linear scores, chosen
    jointly on the inner out-of-fold macro-F1, then offsets. ``parts``: [(oof, test)] linear first."""
    (ol, tl), (o1, t1), (o2, t2) = parts
    best = None
    for w1 in BLEND_GRID:
        for w2 in BLEND_GRID:
            f = round(macro_f1(ytr, ol + w1 * o1 + w2 * o2), 9)
            if best is None or f > best[0]:
                best = (f, w1, w2)
    _, w1, w2 = best
    oof = ol + w1 * o1 + w2 * o2
    off = tune_offsets(oof, ytr) if offsets else np.zeros(3)
    return tl + w1 * t1 + w2 * t2 + off, oof + off, (w1, w2, *off[[0, 2]])


COST_T = (0.5, 1.0, 2.0)
COST_A = (0.6, 0.8, 1.0, 1.25, 1.5)
COST_C = (1.0, 1.5, 2.0, 3.0)


def cost_decide(scores, T, a_neg, a_pos, c):
    """Class of least expected cost under p = softmax(scores / T): predicting a polar class for a neutral
    row costs ``a_neg`` / ``a_pos``, predicting neutral for a polar row 1, the opposite polarity ``c``."""
    z = scores / T
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    cost = np.array([[0.0, a_neg, c], [1.0, 0.0, 1.0], [c, a_pos, 0.0]])  # rows: predicted, cols: true
    return (p @ cost.T).argmin(1)


def cost_variant(oof, test, ytr):
    """The cost matrix of :func:`cost_decide` chosen on the inner out-of-fold scores for macro-F1
    (ties to the plainest); returns test scores as one-hot of the decision and the parameters."""
    from sklearn.metrics import f1_score

    best = None
    yi = np.asarray([list(CLASSES).index(c) for c in ytr])
    for T in COST_T:
        for a0 in COST_A:
            for a2 in COST_A:
                for c in COST_C:
                    k = cost_decide(oof, T, a0, a2, c)
                    f = round(float(f1_score(yi, k, average="macro")), 9)
                    key = (f, -abs(T - 1) - abs(a0 - 1) - abs(a2 - 1) - abs(c - 1))
                    if best is None or key > best[0]:
                        best = (key, (T, a0, a2, c))
    params = best[1]
    return np.eye(3)[cost_decide(test, *params)], params



# --------------------------------------------------------------------------- round 11 (issue 8: new information)


def extraction_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """What newsvoices' own quote extractor (``extract.extract`` on the sentence as a one-paragraph
    article) says about the mention at ``sentence[start:end]``: its role towards each quotation or
    reported-speech span (``xq:ROLE``, ``xr:ROLE|CUE`` with the lower-cased cue word) and the news
    tone model's P(negative), P(positive) of the quotation it speaks (``xq_spk_neg``/``_pos``), stands
    in (``xq_in_*``), or of the narrator's words outside every quotation (``xq_out_*``).

    Roles: ``spk_direct`` / ``spk_indirect`` (the mention is the attributed speaker), ``in_direct`` /
    ``in_indirect`` + ``_other`` (someone else speaks) or ``_unattr`` (no speaker), ``cue_obj`` (within
    3 words after the cue and not the speaker: "X told Y", "X accused Y"), ``cue_subj`` (within 3 words
    before the cue and not the speaker: "Y was accused"), ``about`` (someone else speaks, the mention
    stands outside the span), ``none`` (no quotation in the sentence)."""
    from newsvoices import extract as ex
    from newsvoices.model import Article
    from newsvoices.sentiment import _news_tone_proba

    e = ex.extract(Article("s", sentence))
    f: dict[str, float] = {}
    if not e.quotes:
        f["xq:none"] = 1.0
        return f
    outside = []
    last = 0
    for q in sorted(e.quotes, key=lambda q: (q.start, q.end)):
        if q.start > last:
            outside.append(sentence[last:q.start])
        last = max(last, q.end)
    outside.append(sentence[last:])
    out_txt = " ".join(outside).strip()
    if out_txt:
        p = _news_tone_proba(out_txt)
        f["xq_out_neg"], f["xq_out_pos"] = p[0], p[2]
    for q in e.quotes:
        cue = (q.cue or "").lower().split()[-1] if q.cue else "none"
        spk = q.speaker_start is not None and q.speaker_start < end and start < q.speaker_end
        inside = q.start <= start and end <= q.end
        role = None
        if spk:
            role = "spk_" + q.kind
            p = _news_tone_proba(q.text)
            f["xq_spk_neg"] = max(f.get("xq_spk_neg", 0.0), p[0])
            f["xq_spk_pos"] = max(f.get("xq_spk_pos", 0.0), p[2])
        elif inside:
            role = f"in_{q.kind}_{'other' if q.speaker_start is not None else 'unattr'}"
            p = _news_tone_proba(q.text)
            f["xq_in_neg"], f["xq_in_pos"] = p[0], p[2]
        elif q.cue_end is not None and q.cue_end <= start and len(sentence[q.cue_end:start].split()) <= 3:
            role = "cue_obj"
        elif q.cue_start is not None and end <= q.cue_start and len(sentence[end:q.cue_start].split()) <= 3:
            role = "cue_subj"
        elif q.speaker_start is not None:
            role = "about"
        if role:
            f["xq:" + role] = 1.0
            f[f"xr:{role}|{cue}"] = 1.0
    return f


def mention_form_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """The form of the mention itself, which ``target_features`` masks as ``TGT``: a pronoun (and
    which case), a possessive ("Clinton's"), a title or role word before the name ("President",
    "Sen."), one word or several (``mf:...``); no name is a feature."""
    from newsvoices.sentiment import _TOKEN

    m = sentence[start:end]
    toks = _TOKEN.findall(m)
    low = [t.lower() for t in toks]
    f: dict[str, float] = {}
    pron = {"he": "subj", "she": "subj", "they": "subj", "him": "obj", "her": "obj", "them": "obj",
            "his": "poss", "their": "poss", "hers": "poss", "i": "subj", "me": "obj", "my": "poss",
            "we": "subj", "us": "obj", "our": "poss", "himself": "refl", "herself": "refl"}
    if len(low) == 1 and low[0] in pron:
        f["mf:pron_" + pron[low[0]]] = 1.0
    else:
        f["mf:name"] = 1.0
        f[f"mf:len{min(len(toks), 3)}"] = 1.0
        if m.endswith(("'s", "’s", "s'", "s’")):
            f["mf:poss"] = 1.0
        if toks and toks[0][:1].isupper() and len(toks) > 1 and low[0] in MENTION_TITLES:
            f["mf:title_" + low[0].rstrip(".")] = 1.0
            f["mf:title"] = 1.0
    after = sentence[end:end + 2]
    if after.startswith(("'s", "’s")):
        f["mf:poss"] = 1.0
    return f


#: Title and role words that open a mention ("President Trump", "Sen. Warren"): the form, not the name.
MENTION_TITLES = frozenset(("president", "sen", "senator", "rep", "representative", "gov", "governor", "mr",
                            "mrs", "ms", "dr", "secretary", "speaker", "leader", "chairman", "judge", "justice",
                            "gen", "general", "attorney", "vice", "former", "mayor", "prime", "minister",
                            "candidate", "chief", "director", "first", "lady", "king", "queen", "pope",
                            "prince", "rev", "special", "counsel", "house", "white", "democratic", "republican"))


def second_lexicon(path: str | None) -> dict[str, float] | None:
    """word -> valence / 5 from an AFINN-style file (``word<TAB>score``, scores -5..5), or None."""
    if not path or not Path(path).exists():
        return None
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            w, _, v = line.rstrip("\n").rpartition("\t")
            if w:
                out[w.lower()] = float(v) / 5.0
    return out


def lexicon2_features(sentence: str, start: int, end: int, lex2: dict[str, float]) -> dict[str, float]:
    """Polarity from a second lexicon near the mention (multi-word entries matched as phrases):
    closeness-weighted sums left and right (``l2_left``, ``l2_right``), the sum over the 4 tokens
    either side (``l2_win``) and the sentence (``l2_sent``), counts of positive / negative entries in the
    window (``l2_win_pos``, ``l2_win_neg``), and the polarity class of the nearest entry on each side
    with its distance bucket (``l2{L,R}{1-4}:{POS,NEG}``)."""
    from newsvoices.sentiment import _TOKEN, _distance_bucket

    L = [w.lower() for w in _TOKEN.findall(sentence[:start])]
    R = [w.lower() for w in _TOKEN.findall(sentence[end:])]
    f: dict[str, float] = {}
    tot = 0.0
    for side, seq in (("left", L[::-1]), ("right", R)):
        s = 0.0
        near = None
        for k, w in enumerate(seq):
            v = lex2.get(w)
            if v:
                s += v / (1 + k)
                tot += v
                if near is None:
                    near = (k, v)
                if k < 4:
                    f["l2_win"] = f.get("l2_win", 0.0) + v
                    key = "l2_win_pos" if v > 0 else "l2_win_neg"
                    f[key] = f.get(key, 0.0) + 1.0
        f["l2_" + side] = s
        if near:
            f[f"l2{side[0].upper()}{_distance_bucket(near[0])}:{'POS' if near[1] > 0 else 'NEG'}"] = 1.0
    f["l2_sent"] = tot
    return f



def further_mention_rows(rows) -> tuple[list[int], list[dict], list[str]]:
    """The gold set's own further mentions of each row's target (``further_mentions_json``: the same
    person again in the sentence, mostly a pronoun, with the row's label) as extra training rows:
    (index of the row they come from, features, labels). Used only when that row is a training row."""
    import json

    origin, fx, ys = [], [], []
    for i, r in enumerate(rows):
        for m in json.loads(r["further_mentions_json"] or "[]"):
            a, b = int(m["from"]), int(m["to"])
            if r["sentence"][a:b] != m["mention"]:
                continue
            origin.append(i)
            fx.append(sentiment.target_features(r["sentence"], a, b))
            ys.append(r["polarity"])
    return origin, fx, ys


def further_variant(feats, y, tr, te, inner, oof, C, scales, further, weights=(0.3, 1.0)):
    """Linear model refitted with the further-mention rows of the fitting rows at a weight chosen on the
    inner out-of-fold macro-F1 (0: none); returns (inner out-of-fold scores, test scores, info)."""
    origin, fx, ys = further
    origin = np.asarray(origin)
    ftr = [feats[i] for i in tr]

    def extras(idx):
        keep = np.flatnonzero(np.isin(origin, idx))
        return [fx[j] for j in keep], [ys[j] for j in keep]

    oofw = {w: np.zeros((len(tr), 3)) for w in weights}
    for itr, ite in inner:
        sc = extra_rows_scores([ftr[i] for i in itr], y[tr][itr], [ftr[i] for i in ite], C, scales, weights,
                               extra=extras(tr[itr]))
        for w in weights:
            oofw[w][ite] = sc[w]
    w, info = _pick_extra_weight(y[tr], oof, oofw, weights)
    if w == 0.0:
        return oof, None, info
    test = extra_rows_scores(ftr, y[tr], [feats[i] for i in te], C, scales, [w], extra=extras(tr))[w]
    return oofw[w], test, info



def frame_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """The sentence's Policy Frames scores from the shipped frames lexicon (``frames.yml``, learned from the
    SemEval-2023 framing articles, another gold set): ``fr_0``..``fr_13`` (dense) and ``fr:NAME`` for the
    frames ``frames.classify`` returns."""
    from newsvoices import frames

    lex = frames.lexicon()
    sc = lex._scores(frames.lower_words(sentence))
    f = {f"fr_{j}": float(x) for j, x in enumerate(sc) if x}
    for name in lex.classify([sentence])[0]:
        f["fr:" + name] = 1.0
    return f


ROUND10 = {"ref", "cost", "rules", "mlp_boot", "hgb", "lin_boot", "struct", "cbag", "mlp_sparse"}
#: Round 11 variants: the features added to ``target_features`` (linear model and MLP refitted, blend and offsets as shipped).
ROUND11 = {"xq", "mform", "lex2", "xq_mform", "all11", "further", "frames"}


def main(argv: list[str]) -> None:
    if not require(NEWSMTSC):
        return
    from sklearn.model_selection import GroupKFold

    cache = None
    if "--cache" in argv:
        k = argv.index("--cache")
        cache = argv[k + 1]
        argv = argv[:k] + argv[k + 2:]
    save = None
    if "--save" in argv:
        k = argv.index("--save")
        save = argv[k + 1]
        argv = argv[:k] + argv[k + 2:]
    lex2_path = None
    if "--lexicon2" in argv:
        k = argv.index("--lexicon2")
        lex2_path = argv[k + 1]
        argv = argv[:k] + argv[k + 2:]
    folds = None
    if "--folds" in argv:
        k = argv.index("--folds")
        folds = {int(x) for x in argv[k + 1].split(",")}
        argv = argv[:k] + argv[k + 2:]
    wanted = set(argv) or {"offsets", "mlp", "mlp_pos", "mlp_bag", "rbf", "distant", "selftrain"} | (ROUND10 - {"hgb"}) | ROUND11
    t0 = time.time()
    feats, y, groups = load(cache)
    names = sorted({f for d in feats for f in d if ":" not in f})
    D = dense_matrix(feats, names)
    if "mlp_pos" in wanted or "struct" in wanted or wanted & ROUND11:
        with open(NEWSMTSC, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    if "struct" in wanted:
        feats_s = [dict(d, **struct_features(r["sentence"], int(r["char_from"]), int(r["char_to"])))
                   for d, r in zip(feats, rows)]
        names_s = sorted({f for d in feats_s for f in d if ":" not in f})
        D_s = dense_matrix(feats_s, names_s)
    r11 = {}
    if wanted & ROUND11:
        spans = [(r["sentence"], int(r["char_from"]), int(r["char_to"])) for r in rows]
        t1 = time.time()
        xq = [extraction_features(*m) for m in spans] if wanted & {"xq", "xq_mform", "all11"} else None
        print(f"extraction features: {time.time() - t1:.0f} s", flush=True)
        mf = [mention_form_features(*m) for m in spans]
        lex2 = second_lexicon(lex2_path)
        l2 = [lexicon2_features(*m, lex2) for m in spans] if lex2 else None
        further = further_mention_rows(rows) if "further" in wanted else None
        if further:
            print(f"further mentions: {len(further[0])} extra rows", flush=True)
        fr = [frame_features(*m) for m in spans] if "frames" in wanted else None
        parts = {"frames": (fr,), "xq": (xq,), "mform": (mf,), "lex2": (l2,), "xq_mform": (xq, mf), "all11": (xq, mf, l2)}
        for name in sorted(wanted & ROUND11 - {"further"}):
            if any(p is None for p in parts[name]):
                print(f"{name}: skipped (give --lexicon2 PATH, an AFINN-style word<TAB>score file)")
                continue
            fx = [dict(d, **{k: v for p in parts[name] for k, v in p[i].items()}) for i, d in enumerate(feats)]
            nx = sorted({f for d in fx for f in d if ":" not in f})
            r11[name] = (fx, dense_matrix(fx, nx))
    if "mlp_pos" in wanted:
        DP = np.hstack([D, np.array([position_vectors(r["sentence"], int(r["char_from"]), int(r["char_to"]))
                                     for r in rows])])
    print(f"{len(y)} rows, {len(names)} dense features ({time.time() - t0:.0f} s)", flush=True)
    distant = unlabeled = None
    if "distant" in wanted or "selftrain" in wanted:
        distant, unlabeled = corpus_rows(cache)
    pred: dict[str, np.ndarray] = {}
    per_fold: dict[str, list[float]] = {}
    parts_dump: dict[str, np.ndarray] = {}

    def record(name, k, te, scores, info=""):
        pred.setdefault(name, np.zeros((len(y), 3)))[te] = scores
        per_fold.setdefault(name, []).append(macro_f1(y[te], scores))
        print(f"  fold {k} {name:<22} {per_fold[name][-1]:.3f} {info}", flush=True)

    for k, (tr, te) in enumerate(GroupKFold(5).split(feats, y, groups)):
        if folds is not None and k not in folds:
            continue
        g = [groups[i] for i in tr]
        inner = list(GroupKFold(3).split(tr, y[tr], g))
        oof, test, C, scales = linear_parts(feats, y, tr, te, inner)
        record("base", k, te, test, f"C={C} ({time.time() - t0:.0f} s)")
        for name, kw, weights in (("distant", {"extra": distant}, (0.3, 1.0)),
                                  ("selftrain", {"unlabeled": unlabeled, "n_pseudo": 6000}, (0.1, 0.3))):
            if name in wanted:
                s, info = extra_rows_variant(feats, y, tr, te, inner, oof, C, scales, weights, **kw)
                record(name, k, te, test if s is None else s, info + f" ({time.time() - t0:.0f} s)")
        if "offsets" in wanted:
            off = tune_offsets(oof, y[tr])
            record("offsets", k, te, test + off, f"offsets {off[0]:+.2f} {off[2]:+.2f}")
        for name, make, seeds in (("mlp", mlp_model, (0,)), ("mlp_pos", mlp_model, (0,)),
                                  ("mlp_bag", mlp_model, (0, 1, 2, 3, 4)), ("rbf", rbf_model, (0,))):
            if name not in wanted:
                continue
            oof_o, test_o = dense_parts(DP if name == "mlp_pos" else D, y, tr, te, inner, make, seeds)
            record(name + "_alone", k, te, test_o, f"(inner {macro_f1(y[tr], oof_o):.3f})")
            s, info = blend(oof, oof_o, test, test_o, y[tr], False)
            record(name + "_blend", k, te, s, f"w={info[0]}")
            s, info = blend(oof, oof_o, test, test_o, y[tr], True)
            record(name + "_blend_offsets", k, te, s, "w={} offsets {:+.2f} {:+.2f} ({:.0f} s)".format(
                *info, time.time() - t0))
        if wanted & ROUND10:
            oof_m, test_m = dense_parts(D, y, tr, te, inner, mlp_model)
            w = max(BLEND_GRID, key=lambda x: (round(macro_f1(y[tr], oof + x * oof_m), 9), -x))
            oof_r, test_r = oof + w * oof_m, test + w * test_m
            off = tune_offsets(oof_r, y[tr])
            record("ref", k, te, test_r + off, f"w={w} offsets {off[0]:+.2f} {off[2]:+.2f} ({time.time() - t0:.0f} s)")
            if "rules" in wanted:  # other decision rules on the same scores
                for wf in (0.3, 0.5, 1.0):
                    record(f"rules_w{wf}", k, te, test + wf * test_m)
                    record(f"rules_w{wf}_offsets", k, te, test + wf * test_m + tune_offsets(oof + wf * oof_m, y[tr]))
                for name, kw in (("rules_offsets_0.3", {"limit": 0.3}), ("rules_offsets_smooth4", {"limit": 1.0, "smooth": 4})):
                    o = sentiment.tune_offsets(np.exp(oof_r - oof_r.max(1, keepdims=True)), list(y[tr]), **kw)
                    record(name, k, te, test_r + np.array([o[0], 0.0, o[1]]), f"offsets {o[0]:+.2f} {o[1]:+.2f}")
            if "cost" in wanted:
                s, params = cost_variant(oof_r, test_r, y[tr])
                record("cost", k, te, s, f"T, a_neg, a_pos, c = {params}")
            extra = []
            if "mlp_boot" in wanted:
                extra.append(("mlp_boot", bootstrap_mlp_parts(D, y, tr, te, inner)))
            if "hgb" in wanted:
                extra.append(("hgb", hgb_parts(feats, D, y, tr, te, inner)))
            if "lin_boot" in wanted:
                extra.append(("lin_boot", bootstrap_linear_parts(feats, y, tr, te, inner, C, scales)))
            if "cbag" in wanted:
                extra.append(("cbag", cbag_linear_parts(feats, y, tr, te, inner)))
            if "mlp_sparse" in wanted:
                extra.append(("mlp_sparse", mlp_sparse_parts(feats, D, y, tr, te, inner)))
            parts_dump.update({f"{k}_tr": tr, f"{k}_te": te, f"{k}_lin_oof": oof, f"{k}_lin_test": test,
                               f"{k}_mlp_oof": oof_m, f"{k}_mlp_test": test_m})
            for name, (oo, to) in extra:
                parts_dump.update({f"{k}_{name}_oof": oo, f"{k}_{name}_test": to})
                record(name + "_alone", k, te, to, f"(inner {macro_f1(y[tr], oo):.3f})")
                if name in ("lin_boot", "cbag"):  # replaces the linear model
                    s, _, info = blend2([(oo, to), (oof_m, test_m), (0 * oo, 0 * to)], y[tr])
                    record(name + "_mlp", k, te, s, "w={} {} offsets {:+.2f} {:+.2f}".format(*info))
                    continue
                s, _, info = blend2([(oof, test), (oof_m, test_m), (oo, to)], y[tr])
                record(name + "_ref", k, te, s, "w={} {} offsets {:+.2f} {:+.2f} ({:.0f} s)".format(*info, time.time() - t0))
                if name == "mlp_boot":  # the bag instead of the single MLP
                    s, _, info = blend2([(oof, test), (oo, to), (0 * oo, 0 * to)], y[tr])
                    record(name + "_only", k, te, s, "w={} {} offsets {:+.2f} {:+.2f}".format(*info))
            if "struct" in wanted:
                oof_s, test_s, C_s, _ = linear_parts(feats_s, y, tr, te, inner)
                record("struct_linear", k, te, test_s, f"C={C_s}")
                oof_ms, test_ms = dense_parts(D_s, y, tr, te, inner, mlp_model)
                parts_dump.update({f"{k}_slin_oof": oof_s, f"{k}_slin_test": test_s,
                                   f"{k}_smlp_oof": oof_ms, f"{k}_smlp_test": test_ms})
                s, _, info = blend2([(oof_s, test_s), (oof_ms, test_ms), (0 * oof_s, 0 * test_s)], y[tr])
                record("struct_ref", k, te, s, "w={} {} offsets {:+.2f} {:+.2f} ({:.0f} s)".format(*info, time.time() - t0))
        if "further" in wanted:
            oof_f, test_f, info = further_variant(feats, y, tr, te, inner, oof, C, scales, further)
            record("further_linear", k, te, test if test_f is None else test_f, info)
            if test_f is not None:
                oof_m, test_m = dense_parts(D, y, tr, te, inner, mlp_model)
                s, _, info = blend2([(oof_f, test_f), (oof_m, test_m), (0 * oof_f, 0 * test_f)], y[tr])
                record("further_ref", k, te, s, "w={} {} offsets {:+.2f} {:+.2f} ({:.0f} s)".format(*info, time.time() - t0))
        for name, (fx, Dx) in r11.items():
            oof_x, test_x, C_x, _ = linear_parts(fx, y, tr, te, inner)
            record(name + "_linear", k, te, test_x, f"C={C_x}")
            oof_mx, test_mx = dense_parts(Dx, y, tr, te, inner, mlp_model)
            parts_dump.update({f"{k}_{name}_lin_oof": oof_x, f"{k}_{name}_lin_test": test_x,
                               f"{k}_{name}_mlp_oof": oof_mx, f"{k}_{name}_mlp_test": test_mx})
            s, _, info = blend2([(oof_x, test_x), (oof_mx, test_mx), (0 * oof_x, 0 * test_x)], y[tr])
            record(name + "_ref", k, te, s, "w={} {} offsets {:+.2f} {:+.2f} ({:.0f} s)".format(*info, time.time() - t0))
    if save:
        np.savez(save, y=y, **{n: p for n, p in pred.items()}, **{"folds_" + n: np.asarray(v) for n, v in per_fold.items()})
        if parts_dump:  # the components' inner out-of-fold and test scores, to study decision rules offline
            np.savez(save.replace(".npz", "") + "_parts.npz", **parts_dump)
    print()
    done = np.concatenate([te for k, (_, te) in enumerate(GroupKFold(5).split(feats, y, groups))
                           if folds is None or k in folds])
    for name in pred:
        f = macro_f1(y[done], pred[name][done])
        print(f"{name:<24} macro-F1 {f:.3f}  folds " + " ".join(f"{x:.3f}" for x in per_fold[name]))


if __name__ == "__main__":
    main(sys.argv[1:])
