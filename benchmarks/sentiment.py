"""How far to trust the tone numbers: measure newsvoices.sentiment on gold data.

    python benchmarks/sentiment.py [--quick | --toward]

* NYT editorial sentences (Hutto & Gilbert 2014; mean of 20 human ratings): Pearson r
  against mean rating / 4 and 3-class macro-F1 at ±0.05, for plain VADER and for the
  news tone model under 5-fold cross-validation grouped by article (each fold's model
  is refitted on the other four; the shipped weights are fitted on all of them).
* NewsMTSC train split (Hamborg & Donnay 2021): macro-F1 of ``toward`` under 5-fold
  cross-validation grouped by article, next to whole-sentence VADER.

Prints the numbers and writes them to ``benchmarks/results/sentiment.json``, which the
notebooks show in their "how far to trust these numbers" box. Skips (exit 0) when
the shared gold data are absent. ``--quick`` skips NewsMTSC; ``--toward`` runs only NewsMTSC
(and writes nothing).
"""

from __future__ import annotations

import csv
import sys

from _gold import NEWSMTSC, NYT, newsmtsc_group, require

from newsvoices import sentiment, validity

#: Groupings of the articles into folds: 0 is the benchmark split, the others give the spread.
SEEDS = (0, 1, 2)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def article_folds(groups: list[str], seed: int) -> list[tuple]:
    """5 folds grouped by article; seed 0 is the benchmark split, other seeds relabel the
    articles at random first (a different grouping into folds, for the spread)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    g = list(groups)
    if seed:
        names = sorted(set(g))
        perm = dict(zip(names, np.random.RandomState(seed).permutation(len(names))))
        g = [perm[x] for x in g]
    return list(GroupKFold(5).split(g, g, g))


def nyt_rows(seeds: tuple[int, ...] = SEEDS) -> list[dict]:
    import numpy as np

    rows = read_csv(NYT)
    texts = [r["text"] for r in rows]
    gold = [float(r["mean_rating"]) / 4 for r in rows]
    groups = [r["article_id"] for r in rows]
    shares = [sentiment.rater_shares(r["ratings"]) for r in rows]
    out = []
    plain = sentiment.plain_vader(texts)
    out.append(_nyt_row("VADER (NLTK, wheel lexicon)", "all rows, no fitting", gold, plain))
    per_seed = []
    for seed in seeds:
        pred = [0.0] * len(texts)
        for tr, te in article_folds(groups, seed):
            # class offsets calibrated by an inner 3-fold CV on the training folds only (nested)
            model = sentiment.fit_tone_model([texts[i] for i in tr], [gold[i] for i in tr],
                                             rater_shares=[shares[i] for i in tr], groups=[groups[i] for i in tr])
            for i, s in zip(te, model.score([texts[i] for i in te])):
                pred[i] = s
        per_seed.append(_nyt_row("newsvoices score()", "5-fold CV grouped by article", gold, pred))
        print(f"  NYT split {seed}: " + ", ".join(f"{r['measure']} {r['value']:.3f}" for r in per_seed[-1]))
    out.append(per_seed[0])
    if len(seeds) > 1:
        for k, measure in enumerate(("pearson_r", "macro_f1")):
            vals = [r[k]["value"] for r in per_seed]
            out.append([{"measure": measure + "_sd", "method": "newsvoices score()", "n": len(gold),
                         "protocol": f"sd over {len(seeds)} groupings of the articles into 5 folds "
                                     f"(mean {np.mean(vals):.3f}, range {min(vals):.3f}-{max(vals):.3f})",
                         "value": round(float(np.std(vals)), 3)}])
    return [dict(r, gold="NYT editorial snippets (dev part)") for r in sum(out, [])]


def _nyt_row(method, protocol, gold, pred):
    import numpy as np
    from sklearn.metrics import f1_score

    g = [sentiment.label(v) for v in gold]
    p = [sentiment.label(v) for v in pred]
    return [
        {"measure": "pearson_r", "method": method, "protocol": protocol, "n": len(gold),
         "value": round(float(np.corrcoef(pred, gold)[0, 1]), 3)},
        {"measure": "macro_f1", "method": method, "protocol": protocol, "n": len(gold),
         "value": round(float(f1_score(g, p, average="macro")), 3)},
    ]


def newsmtsc_rows() -> list[dict]:
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    rows = read_csv(NEWSMTSC)
    sents = [r["sentence"] for r in rows]
    spans = [(int(r["char_from"]), int(r["char_to"])) for r in rows]
    gold = [r["polarity"] for r in rows]
    groups = [newsmtsc_group(r["primary_gid"]) for r in rows]
    base = [sentiment.label(v) for v in sentiment.plain_vader(sents)]
    pred = [""] * len(rows)
    per_fold = []
    for k, (tr, te) in enumerate(GroupKFold(5).split(sents, gold, groups)):
        # the regularisation, the MLP's blend weight and the class offsets are chosen by an inner 3-fold CV
        # grouped by article on the training folds only (nested)
        model = sentiment.fit_target_model([sents[i] for i in tr], [spans[i] for i in tr], [gold[i] for i in tr],
                                           groups=[groups[i] for i in tr])
        for i in te:
            pred[i] = model.toward(sents[i], *spans[i])
        per_fold.append(float(f1_score([gold[i] for i in te], [pred[i] for i in te], average="macro")))
        print(f"  NewsMTSC fold {k}: macro-F1 {per_fold[-1]:.3f} ({model.model.name})")
    g = "NewsMTSC train split"
    return [
        {"gold": g, "measure": "macro_f1", "method": "VADER on the whole sentence", "protocol": "all rows, no fitting",
         "n": len(rows), "value": round(float(f1_score(gold, base, average="macro")), 3)},
        {"gold": g, "measure": "macro_f1", "method": "newsvoices toward()",
         "protocol": "5-fold CV grouped by article (C, MLP blend and offsets by inner grouped CV, nested)",
         "n": len(rows), "value": round(float(f1_score(gold, pred, average="macro")), 3)},
        {"gold": g, "measure": "macro_f1_sd", "method": "newsvoices toward()",
         "protocol": "sd over the 5 folds (" + ", ".join(f"{x:.3f}" for x in per_fold) + ")",
         "n": len(rows), "value": round(float(np.std(per_fold)), 3)},
    ]


def main(argv: list[str]) -> None:
    if not require(NYT, NEWSMTSC):
        return
    rows = [] if "--toward" in argv else nyt_rows()
    if "--quick" not in argv:
        rows += newsmtsc_rows()
    for r in rows:
        print(f"{r['gold']:<36} {r['method']:<30} {r['protocol']:<30} {r['measure']:<10} {r['value']:.3f}  (n={r['n']})")
    if "--quick" not in argv and "--toward" not in argv:
        path = validity.write("sentiment", rows, rerun="python benchmarks/sentiment.py")
        print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
