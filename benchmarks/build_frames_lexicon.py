"""Build data/codebooks/frames.yml: codebook definitions + seed words + keyword statistics.

    python benchmarks/build_frames_lexicon.py

Reads the hand-written ``data/codebooks/frames_seed.yml`` (definitions and seed words)
and the labelled SemEval-2023 Task 3 English training articles from the shared gold data
(never copied), and writes ``data/codebooks/frames.yml``:

* keywords per frame: the seed words (weight ``seed_weight``) plus the words whose
  document frequency differs most between articles with and without the frame,
  measured by the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
  & Quinn 2008, "Fightin' Words"); weight = z-score / 4, top ``N_KEYWORDS`` with z > 2.
  Only single words occurring in at least ``MIN_DF`` articles are kept;
* threshold per frame: chosen by 5-fold cross-validation (keywords re-derived on the
  training folds, score on the held-out fold; the threshold that maximises the frame's
  F1 over the pooled held-out scores).

Deterministic: same inputs -> byte-identical file.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter

import numpy as np
import yaml
from _gold import SEMEVAL, require

from newsvoices import frames
from newsvoices.config import DATA_DIR

N_KEYWORDS = 60
MIN_DF = 5
Z_MIN = 2.0
STOP = set("""a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves also said says say one two three new
like get got many much may might must us its it's""".split())


def load_articles():
    rows = [json.loads(line) for line in SEMEVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [(r.get("title") or "") + "\n" + r["text"] for r in rows]
    return texts, [r["frames"] for r in rows]


def doc_sets(texts):
    return [set(frames.tokens(t)) for t in texts]


def derive_keywords(sets, labels, seeds, seed_weight):
    """frame -> {word: weight} from document sets of the given articles."""
    df_all = Counter(w for s in sets for w in s)
    vocab = sorted(w for w, c in df_all.items() if c >= MIN_DF and w not in STOP and len(w) > 2)
    n = len(sets)
    alpha0 = 0.01 * n  # prior mass per word, proportional to corpus frequency
    out = {}
    for f in frames.FRAMES:
        pos = [s for s, ls in zip(sets, labels) if f in ls]
        neg = [s for s, ls in zip(sets, labels) if f not in ls]
        kw = {w: seed_weight for w in seeds.get(f, [])}
        if pos and neg:
            cp = Counter(w for s in pos for w in s)
            cn = Counter(w for s in neg for w in s)
            scored = []
            for w in vocab:
                a = alpha0 * df_all[w] / n + 0.01
                yp, yn = cp[w], cn[w]
                np_, nn = len(pos), len(neg)
                d = math.log((yp + a) / (np_ - yp + a)) - math.log((yn + a) / (nn - yn + a))
                var = 1 / (yp + a) + 1 / (np_ - yp + a) + 1 / (yn + a) + 1 / (nn - yn + a)
                z = d / math.sqrt(var)
                if z > Z_MIN:
                    scored.append((-z, w))
            for negz, w in sorted(scored)[:N_KEYWORDS]:
                kw[w] = round(max(kw.get(w, 0.0), -negz / 4), 2)
        out[f] = dict(sorted(kw.items()))
    return out


def best_thresholds(scores, labels):
    """Per frame, the threshold maximising F1 over held-out scores."""
    thr = {}
    for j, f in enumerate(frames.FRAMES):
        s = scores[:, j]
        y = np.array([f in ls for ls in labels])
        cands = sorted(set(np.round(s[s > 0], 3)))
        best = (0.0, math.inf)
        for t in cands:
            p = s >= t
            tp = (p & y).sum()
            f1 = 2 * tp / (p.sum() + y.sum()) if (p.sum() + y.sum()) else 0.0
            if f1 > best[0] + 1e-9:
                best = (f1, t)
        thr[f] = float(best[1]) if best[1] != math.inf else 99.0
    return thr


def cv_scores(texts, labels, seeds, seed_weight, folds=5, seed=0):
    """Held-out lexicon scores for every article (keywords derived without it)."""
    from sklearn.model_selection import KFold

    sets = doc_sets(texts)
    S = np.zeros((len(texts), len(frames.FRAMES)))
    for tr, te in KFold(folds, shuffle=True, random_state=seed).split(texts):
        kw = derive_keywords([sets[i] for i in tr], [labels[i] for i in tr], seeds, seed_weight)
        lex = frames.Lexicon(kw, {f: 0.0 for f in frames.FRAMES})
        for i in te:
            S[i] = lex.scores(texts[i])
    return S


def main() -> None:
    if not require(SEMEVAL):
        return
    seed_path = DATA_DIR / "codebooks" / "frames_seed.yml"
    spec = yaml.safe_load(seed_path.read_text(encoding="utf-8"))
    seeds = {f: v.get("seeds", []) for f, v in spec["frames"].items()}
    sw = float(spec.get("seed_weight", 1.0))
    texts, labels = load_articles()
    S = cv_scores(texts, labels, seeds, sw)
    thr = best_thresholds(S, labels)
    kw = derive_keywords(doc_sets(texts), labels, seeds, sw)
    doc = {
        "about": ("Policy Frames Codebook frames (Boydstun et al. 2014) as named in SemEval-2023 Task 3. "
                  "Built by benchmarks/build_frames_lexicon.py from data/codebooks/frames_seed.yml (definitions, "
                  f"seed words) and keyword statistics over the {len(texts)} SemEval-2023 Task 3 English training "
                  "articles (log-odds with informative Dirichlet prior; thresholds by 5-fold CV). "
                  "Score = sum(weight * (1 + ln count)) / sqrt(words); a frame is returned when its score >= threshold; "
                  "the best frame is always returned when any keyword occurs; at most max_frames frames and one "
                  "per words_per_frame words. Provenance: data/README.md."),
        "max_frames": 6,
        "words_per_frame": 50,
        "frames": {f: {"definition": spec["frames"][f]["definition"], "threshold": round(thr[f], 3),
                       "keywords": kw[f]} for f in frames.FRAMES},
    }
    out = DATA_DIR / frames.CODEBOOK
    out.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
