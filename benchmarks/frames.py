"""How far to trust the frame labels: measure newsvoices.frames on SemEval-2023 Task 3 (English).

    python benchmarks/frames.py

On the 433 labelled training articles (multi-label, 14 frames; micro-F1 is the
task's official measure):

* baseline: always the 4 most frequent frames of the training folds;
* the shipped lexicon ``data/codebooks/frames.yml`` as it is (in-sample: its keyword
  statistics and thresholds came from these articles, so this is an upper bound);
* the lexicon method under nested 5-fold cross-validation: for each outer fold the
  keywords are re-derived and the thresholds re-chosen (inner CV) on the other four
  folds, then applied to the held-out fold. This is the honest estimate;
* ``frames.train()`` (TF-IDF + class-balanced logistic regression per frame) under 5-fold
  cross-validation; its per-frame thresholds are tuned by a further 5-fold CV inside each
  training fold (``train`` does that itself, then pulls each halfway towards the threshold
  shared by all frames), so the held-out fold is never seen.

Also prints micro-F1 per outer fold (the spread of the estimate).

Prints the numbers and writes ``benchmarks/results/frames.json`` for the reports. Skips
(exit 0) when the shared gold data are absent.
"""

from __future__ import annotations

import sys
from collections import Counter

import numpy as np
from _gold import SEMEVAL, require
from build_frames_lexicon import (best_thresholds, cv_scores, derive_keywords, doc_sets, load_articles)

from newsvoices import frames, validity
from newsvoices.config import DATA_DIR


def micro_macro(gold, pred):
    from sklearn.metrics import f1_score
    from sklearn.preprocessing import MultiLabelBinarizer

    mlb = MultiLabelBinarizer(classes=list(frames.FRAMES))
    G, P = mlb.fit_transform(gold), mlb.transform(pred)
    return (round(float(f1_score(G, P, average="micro", zero_division=0)), 3),
            round(float(f1_score(G, P, average="macro", zero_division=0)), 3))


def main() -> None:
    if not require(SEMEVAL):
        return
    import yaml
    from sklearn.model_selection import KFold

    texts, labels = load_articles()
    spec = yaml.safe_load((DATA_DIR / "codebooks" / "frames_seed.yml").read_text(encoding="utf-8"))
    seeds = {f: v.get("seeds", []) for f, v in spec["frames"].items()}
    sw = float(spec.get("seed_weight", 1.0))
    n = len(texts)
    top4 = [None] * n
    lex_cv = [None] * n
    trained = [None] * n
    folds = []
    for tr, te in KFold(5, shuffle=True, random_state=1).split(texts):
        tr_t, tr_l = [texts[i] for i in tr], [labels[i] for i in tr]
        common = [f for f, _ in sorted(Counter(f for ls in tr_l for f in ls).items(), key=lambda x: (-x[1], x[0]))[:4]]
        kw = derive_keywords(doc_sets(tr_t), tr_l, seeds, sw)
        thr = best_thresholds(cv_scores(tr_t, tr_l, seeds, sw), tr_l)
        lex = frames.Lexicon(kw, thr)
        model = frames.train(tr_t, tr_l)
        te_t = [texts[i] for i in te]
        for i, a, b in zip(te, lex.classify(te_t), model.classify(te_t)):
            top4[i], lex_cv[i], trained[i] = common, a, b
        folds.append(te)
    shipped = frames.classify(texts)
    gold = "SemEval-2023 Task 3 English train articles"
    rows = []
    for method, protocol, pred in [
        ("4 most frequent frames", "5-fold CV", top4),
        ("newsvoices frames lexicon", "nested 5-fold CV (keywords and thresholds refitted)", lex_cv),
        ("newsvoices frames lexicon (shipped)", "in-sample (fitted on these articles)", shipped),
        ("frames.train() TF-IDF + logistic regression", "nested 5-fold CV (thresholds tuned inside)", trained),
    ]:
        mi, ma = micro_macro(labels, pred)
        rows.append({"gold": gold, "method": method, "protocol": protocol, "measure": "micro_f1", "value": mi, "n": n})
        rows.append({"gold": gold, "method": method, "protocol": protocol, "measure": "macro_f1", "value": ma, "n": n})
    for r in rows:
        print(f"{r['method']:<45} {r['protocol']:<52} {r['measure']:<9} {r['value']:.3f}")
    for name, pred in [("lexicon, nested CV", lex_cv), ("frames.train()", trained)]:
        per = [micro_macro([labels[i] for i in te], [pred[i] for i in te])[0] for te in folds]
        print(f"{name:<45} micro_f1 per outer fold: {', '.join(f'{x:.3f}' for x in per)}")
    print(f"wrote {validity.write('frames', rows, rerun='python benchmarks/frames.py')}")


if __name__ == "__main__":
    sys.exit(main())
