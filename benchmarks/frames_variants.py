"""What else was tried for ``frames.train()``: alternatives under the same nested CV as ``benchmarks/frames.py``.

    python benchmarks/frames_variants.py               # all variants (about 10 min on 2 busy cores)
    python benchmarks/frames_variants.py lr svc knn    # only these
    python benchmarks/frames_variants.py --corpora     # also the corpus-LSA variant (reads ../shared/corpora)

Issue 8 asks ``frames.train(texts, labels)`` for micro-F1 >= 0.75 on SemEval-2023 Task 3
(English); it reaches 0.697 under 5-fold CV. This script measures the alternatives that
change the information or the model, each under exactly the protocol of
``benchmarks/frames.py``: outer ``KFold(5, shuffle=True, random_state=1)``; inside each
training fold an inner ``KFold(5, shuffle=True, random_state=0)`` gives out-of-fold
probabilities, on which ``frames.tune_thresholds`` picks the shared and per-frame
thresholds, each per-frame one pulled halfway to the shared one (as ``train`` does); the
held-out fold is never seen. Blends average two variants' probabilities (inner and
outer alike) before the thresholds are tuned. Prints micro-F1 over all 433 articles and
per outer fold. Writes nothing; skips (exit 0) when the gold data are absent.

Variants (all TF-IDF words, ``min_df=2``, sublinear tf, English stop words, unless said):

* ``lr``: what ``train()`` does (class-balanced logistic regression per frame, C=10);
* ``unbalanced``: the same without class weights;
* ``svc``: class-balanced linear SVM (C=0.5), margin squashed by a logistic;
* ``cnb``: complement naive Bayes per frame (alpha 0.3);
* ``knn``: similarity-weighted label vote of the 30 nearest training articles (cosine);
* ``seeds``: the hand-written codebook seed words of ``data/codebooks/frames_seed.yml``
  (written from the frame definitions, no labelled text) weighted x2 in the TF-IDF rows;
* ``halves``: each training article also enters as its two halves with the article's frames;
* ``chain``: classifier chain in frequency order (each frame's model also sees the
  earlier frames: their gold labels in training, their probabilities when predicting);
* ``corpus_lsa`` (``--corpora``): a 300-dimension LSA (TruncatedSVD of TF-IDF) fitted on the
  5,352 unlabelled news articles of ``../shared/corpora`` (BBC, AllSides, BASIL, Guardian),
  its projection of each article appended (weight 0.5) to the TF-IDF features.
"""

from __future__ import annotations

import json
import sys

import numpy as np
from _gold import SEMEVAL, require
from build_frames_lexicon import load_articles

from newsvoices import frames
from newsvoices.config import DATA_DIR, SHARED_DIR

SEED = DATA_DIR / "codebooks" / "frames_seed.yml"


def _vec(texts, tr, te):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(min_df=2, sublinear_tf=True, stop_words="english")
    return vec, vec.fit_transform([texts[i] for i in tr]), vec.transform([texts[i] for i in te])


def _lr_cols(X, Xt, Y, C=10.0, class_weight="balanced"):
    from sklearn.linear_model import LogisticRegression

    P = np.zeros((Xt.shape[0], Y.shape[1]))
    for j in range(Y.shape[1]):
        m = LogisticRegression(C=C, solver="liblinear", class_weight=class_weight).fit(X, Y[:, j])
        P[:, j] = m.predict_proba(Xt)[:, 1]
    return P


def make_variants(texts, Y, corpora: bool):
    """name -> fn(train indices, test indices) -> probabilities (test x frames)."""
    import scipy.sparse as sp
    import yaml
    from sklearn.naive_bayes import ComplementNB
    from sklearn.preprocessing import normalize
    from sklearn.svm import LinearSVC

    def lr(tr, te):
        _, X, Xt = _vec(texts, tr, te)
        return _lr_cols(X, Xt, Y[tr])

    def unbalanced(tr, te):
        _, X, Xt = _vec(texts, tr, te)
        return _lr_cols(X, Xt, Y[tr], class_weight=None)

    def svc(tr, te):
        _, X, Xt = _vec(texts, tr, te)
        P = np.zeros((len(te), Y.shape[1]))
        for j in range(Y.shape[1]):
            d = LinearSVC(C=0.5, class_weight="balanced").fit(X, Y[tr, j]).decision_function(Xt)
            P[:, j] = 1 / (1 + np.exp(-2 * d))
        return P

    def cnb(tr, te):
        _, X, Xt = _vec(texts, tr, te)
        return np.column_stack([ComplementNB(alpha=0.3).fit(X, Y[tr, j]).predict_proba(Xt)[:, 1]
                                for j in range(Y.shape[1])])

    def knn(tr, te, k=30, power=2):
        _, X, Xt = _vec(texts, tr, te)
        S = (Xt @ X.T).toarray()
        P = np.zeros((len(te), Y.shape[1]))
        for i in range(len(te)):
            nn = np.argsort(-S[i], kind="stable")[:k]
            w = S[i, nn] ** power
            P[i] = (w[:, None] * Y[tr][nn]).sum(0) / max(w.sum(), 1e-9)
        return P

    seeds = sorted({w for v in yaml.safe_load(SEED.read_text(encoding="utf-8"))["frames"].values()
                    for w in v.get("seeds", [])})

    def seeds_x2(tr, te):
        vec, X, Xt = _vec(texts, tr, te)
        w = np.ones(X.shape[1])
        for t in seeds:
            if t in vec.vocabulary_:
                w[vec.vocabulary_[t]] = 2.0
        D = sp.diags(w)
        return _lr_cols(normalize(X @ D), normalize(Xt @ D), Y[tr])

    def halves(tr, te):
        vec, X, Xt = _vec(texts, tr, te)
        extra, ey = [], []
        for i in tr:
            w = texts[i].split()
            if len(w) >= 100:
                h = len(w) // 2
                extra += [" ".join(w[:h]), " ".join(w[h:])]
                ey += [Y[i], Y[i]]
        XA = sp.vstack([X, vec.transform(extra)]).tocsr() if extra else X
        return _lr_cols(XA, Xt, np.vstack([Y[tr]] + ([np.array(ey)] if ey else [])))

    def chain(tr, te, weight=0.5):
        from sklearn.linear_model import LogisticRegression

        _, X, Xt = _vec(texts, tr, te)
        order = sorted(range(Y.shape[1]), key=lambda j: (-Y[tr, j].sum(), j))
        P = np.zeros((len(te), Y.shape[1]))
        done: list[int] = []
        for j in order:
            A = sp.hstack([X, weight * sp.csr_matrix(Y[tr][:, done].astype(float))]).tocsr() if done else X
            At = sp.hstack([Xt, weight * sp.csr_matrix(P[:, done])]).tocsr() if done else Xt
            m = LogisticRegression(C=10.0, solver="liblinear", class_weight="balanced").fit(A, Y[tr, j])
            P[:, j] = m.predict_proba(At)[:, 1]
            done.append(j)
        return P

    out = {"lr": lr, "unbalanced": unbalanced, "svc": svc, "cnb": cnb, "knn": knn, "seeds": seeds_x2,
           "halves": halves, "chain": chain}
    if corpora:
        Z = _corpus_lsa(texts)
        if Z is not None:
            def corpus_lsa(tr, te):
                _, X, Xt = _vec(texts, tr, te)
                return _lr_cols(sp.hstack([X, 0.5 * Z[tr]]).tocsr(), sp.hstack([Xt, 0.5 * Z[te]]).tocsr(), Y[tr])
            out["corpus_lsa"] = corpus_lsa
    return out


def _corpus_lsa(texts):
    """Unit-length 300-d LSA projection of ``texts``, the SVD fitted on the shared news corpora."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    root = SHARED_DIR / "corpora"
    docs = []
    for f in sorted(root.glob("*/articles.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                docs.append((r.get("title") or "") + "\n" + r["text"])
    docs += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.glob("bbc-news-2005/*/*.txt"))]
    if not docs:
        print(f"corpus_lsa skipped: no articles under {root}")
        return None
    vec = TfidfVectorizer(min_df=3, max_df=0.5, sublinear_tf=True, stop_words="english")
    svd = TruncatedSVD(300, random_state=0).fit(vec.fit_transform(docs))
    return normalize(svd.transform(vec.transform(texts)))


def nested(fn, outer):
    """Per outer fold: (test probabilities, inner out-of-fold probabilities of the training fold)."""
    from sklearn.model_selection import KFold

    res = []
    for tr, te in outer:
        P_oof = None
        for itr, ite in KFold(5, shuffle=True, random_state=0).split(tr):
            p = fn(tr[itr], tr[ite])
            if P_oof is None:
                P_oof = np.zeros((len(tr), p.shape[1]))
            P_oof[ite] = p
        res.append((fn(tr, te), P_oof))
    return res


def score(res, Y, outer, shrink=0.5):
    """Micro-F1 overall and per outer fold, thresholds tuned on the inner out-of-fold probabilities."""
    D = np.zeros(Y.shape, dtype=bool)
    per = []
    for (tr, te), (P_te, P_oof) in zip(outer, res):
        shared, own = frames.tune_thresholds(P_oof, Y[tr])
        thr = np.array([shrink * shared + (1 - shrink) * t for t in own])
        d = P_te >= thr[None, :]
        none = ~d.any(axis=1)
        d[np.where(none)[0], P_te[none].argmax(axis=1)] = True
        D[te] = d
        per.append(2 * (d & (Y[te] == 1)).sum() / (d.sum() + Y[te].sum()))
    return 2 * (D & (Y == 1)).sum() / (D.sum() + Y.sum()), per


BLENDS = [("lr", "svc"), ("lr", "cnb"), ("lr", "knn"), ("lr", "seeds"), ("corpus_lsa", "svc")]


def main(argv: list[str]) -> None:
    if not require(SEMEVAL):
        return
    from sklearn.model_selection import KFold

    texts, labels = load_articles()
    Y = np.array([[int(f in ls) for f in frames.FRAMES] for ls in labels])
    outer = list(KFold(5, shuffle=True, random_state=1).split(texts))
    wanted = [a for a in argv if not a.startswith("--")]
    variants = make_variants(texts, Y, corpora="--corpora" in argv)
    unknown = sorted(set(wanted) - set(variants))
    if unknown:
        raise SystemExit(f"unknown variant(s) {unknown}; choose from {sorted(variants)}")
    results = {}
    for name, fn in variants.items():
        if wanted and name not in wanted:
            continue
        results[name] = nested(fn, outer)
        m, per = score(results[name], Y, outer)
        print(f"{name:<22} micro_f1 {m:.3f}  per outer fold {' '.join(f'{x:.3f}' for x in per)}", flush=True)
    for a, b in BLENDS:
        if a in results and b in results:
            mix = [((pa + pb) / 2, (oa + ob) / 2) for (pa, oa), (pb, ob) in zip(results[a], results[b])]
            m, per = score(mix, Y, outer)
            print(f"{a + ' + ' + b:<22} micro_f1 {m:.3f}  per outer fold {' '.join(f'{x:.3f}' for x in per)}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
