"""What else was tried for ``sentiment.toward()``: alternatives under the nested CV of ``benchmarks/sentiment.py --toward``.

    python benchmarks/toward_variants.py                 # all variants
    python benchmarks/toward_variants.py offsets mlp     # only these (the base model always runs)
    python benchmarks/toward_variants.py --cache F.pkl   # keep the mention features in F.pkl between runs
    python benchmarks/toward_variants.py --folds 0,1 distant   # only these outer folds

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


def extra_rows_variant(feats, y, tr, te, inner, oof, C, scales, weights, **kw):
    """Weight of the extra rows chosen on the inner out-of-fold macro-F1 (0 = the base model); test scores."""
    ftr = [feats[i] for i in tr]
    oofw = {w: np.zeros((len(tr), 3)) for w in weights}
    for itr, ite in inner:
        sc = extra_rows_scores([ftr[i] for i in itr], y[tr][itr], [ftr[i] for i in ite], C, scales, weights, **kw)
        for w in weights:
            oofw[w][ite] = sc[w]
    best = (round(macro_f1(y[tr], oof), 9), 0.0)
    inner_f = {w: macro_f1(y[tr], oofw[w]) for w in weights}
    for w in weights:
        if round(inner_f[w], 9) > best[0]:
            best = (round(inner_f[w], 9), w)
    w = best[1]
    info = f"w={w} (inner " + " ".join(f"{x}:{inner_f[x]:.3f}" for x in weights) + f", base {macro_f1(y[tr], oof):.3f})"
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


def main(argv: list[str]) -> None:
    if not require(NEWSMTSC):
        return
    from sklearn.model_selection import GroupKFold

    cache = None
    if "--cache" in argv:
        k = argv.index("--cache")
        cache = argv[k + 1]
        argv = argv[:k] + argv[k + 2:]
    folds = None
    if "--folds" in argv:
        k = argv.index("--folds")
        folds = {int(x) for x in argv[k + 1].split(",")}
        argv = argv[:k] + argv[k + 2:]
    wanted = set(argv) or {"offsets", "mlp", "mlp_pos", "mlp_bag", "rbf", "distant", "selftrain"}
    t0 = time.time()
    feats, y, groups = load(cache)
    names = sorted({f for d in feats for f in d if ":" not in f})
    D = dense_matrix(feats, names)
    if "mlp_pos" in wanted:
        with open(NEWSMTSC, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        DP = np.hstack([D, np.array([position_vectors(r["sentence"], int(r["char_from"]), int(r["char_to"]))
                                     for r in rows])])
    print(f"{len(y)} rows, {len(names)} dense features ({time.time() - t0:.0f} s)", flush=True)
    distant = unlabeled = None
    if "distant" in wanted or "selftrain" in wanted:
        distant, unlabeled = corpus_rows(cache)
    pred: dict[str, np.ndarray] = {}
    per_fold: dict[str, list[float]] = {}

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
    print()
    done = np.concatenate([te for k, (_, te) in enumerate(GroupKFold(5).split(feats, y, groups))
                           if folds is None or k in folds])
    for name in pred:
        f = macro_f1(y[done], pred[name][done])
        print(f"{name:<24} macro-F1 {f:.3f}  folds " + " ".join(f"{x:.3f}" for x in per_fold[name]))


if __name__ == "__main__":
    main(sys.argv[1:])
