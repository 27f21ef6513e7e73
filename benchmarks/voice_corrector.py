"""Go/no-go measurement: would a learned corrector beat the hand-written voice rules?

Reads only the hand-judged audit samples ``benchmarks/voice_audit*.csv`` (not the
``*_coder2.csv`` second-coder files) and asks whether a logistic regression over the
fields known when a sample is drawn (the rules' ``predicted`` type, the ``rule`` that
fired, the speaker's ``kind``, description and organisation words, the lowercase words
and the shape of the name) predicts the coder's ``judged`` type better than the rules'
``predicted`` does, on samples the model was not trained on. A judged ``other`` whose
note starts with "not a speaker" (an extraction error) becomes the class
``not_speaker``, which the rules never predict.

Protocols:

* A, forward in time (the honest one): for each blind pair (13/14, ..., 21/22) train on
  every file drawn before the pair and test on the pair.
* B: leave one file out over all 23 files.

Models (hyper-parameters chosen by inner cross-validation grouped by file on the
training files only): logistic regression unweighted, class-balanced, and a
"confident" corrector that keeps ``predicted`` unless the model gives another class a
probability above a threshold chosen on the training files; ``selected`` is whichever
of the three the inner cross-validation prefers (the pre-declared model for the
verdict). Go criterion: protocol A pooled over the last three pairs (600 rows) improves
accuracy by at least 3 points with the paired-bootstrap 95% interval above 0.

Prints numbers only (no names, descriptions or notes). Runs in under a minute (one BLAS thread).
Usage: ``python benchmarks/voice_corrector.py``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one BLAS thread: 20x faster on a shared machine

import re
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
ORDER = ["voice_audit", "voice_audit_heldout", "voice_audit_check"] + [
    f"voice_audit_blind{i}" for i in range(3, 23)
]
PAIRS = [(13, 14), (15, 16), (17, 18), (19, 20), (21, 22)]
LAST_PAIRS = PAIRS[-3:]
C_GRID = [0.03, 0.1, 0.3]
THRESHOLDS = [round(t, 2) for t in np.arange(0.30, 0.96, 0.05)]
N_BOOT = 2000
INNER_FOLDS = 3
SEED = 0
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "sgt",
    "lt", "capt", "det", "officer", "prof", "rev", "pres", "president", "judge", "gen",
    "col", "sheriff", "chief", "mayor", "lord", "sir", "dame", "deputy", "secretary",
}
DETERMINERS = {
    "a", "an", "the", "some", "one", "another", "two", "three", "several", "many",
    "other", "others", "most", "few", "his", "her", "their", "its", "this", "that",
    "these", "those", "all", "both", "any", "each", "more",
}
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NAME_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.\-]*")


def load() -> pd.DataFrame:
    """All audit files in draw order, with a ``target`` column and a ``file`` index."""
    frames = []
    for i, stem in enumerate(ORDER):
        path = HERE / f"{stem}.csv"
        if not path.exists():
            print(f"skipped: {path.name} missing")
            sys.exit(0)
        d = pd.read_csv(path, keep_default_na=False, dtype=str)
        d["file"] = i
        d["stem"] = stem
        frames.append(d)
    df = pd.concat(frames, ignore_index=True)
    junk = (df["judged"] == "other") & df["note"].str.lower().str.startswith("not a speaker")
    df["target"] = np.where(junk, "not_speaker", df["judged"])
    return df


def features(row: pd.Series) -> dict:
    """Draw-time features of one speaker row; no capitalised name tokens (no people)."""
    f: dict = {}
    f["pred=" + row["predicted"]] = 1
    f["kind=" + row["kind"]] = 1
    f["pred_kind=" + row["predicted"] + "|" + row["kind"]] = 1
    rule = row["rule"]
    f["rule=" + rule] = 1
    parts = re.split(r"[@:]", rule)
    f["rule0=" + parts[0]] = 1
    for p in parts[1:]:
        f["rulex=" + p] = 1
    for field in ("description", "organisation"):
        text = row[field].lower()
        if not text.strip():
            f[field + "_empty"] = 1
        for w in set(WORD.findall(text)):
            f[field[:4] + ":" + w] = 1
    toks = NAME_WORD.findall(row["name"])
    caps = [t for t in toks if t[:1].isupper()]
    for t in toks:
        if not t[:1].isupper():
            for w in WORD.findall(t.lower()):
                f["name:" + w] = 1
    f["name_ncaps=" + str(min(len(caps), 4))] = 1
    f["name_nwords=" + str(min(len(toks), 6))] = 1
    low = [t.lower().rstrip(".") for t in toks]
    if low and low[0] in TITLES:
        f["name_title"] = 1
    if low and low[0] in DETERMINERS:
        f["name_det"] = 1
    if len(toks) == 1:
        f["name_oneword"] = 1
    if row["name"].rstrip().lower().endswith("s"):
        f["name_ends_s"] = 1
    if toks and not caps:
        f["name_all_lower"] = 1
    n = len(row["name"])
    f["name_len=" + ("short" if n < 8 else "mid" if n < 20 else "long")] = 1
    return f


class Variant:
    """A trained corrector: logistic regression plus an optional keep-unless threshold."""

    def __init__(self, c: float, balanced: bool, threshold: float | None):
        self.c, self.balanced, self.threshold = c, balanced, threshold

    def fit(self, x, y: np.ndarray) -> "Variant":
        self.lr = LogisticRegression(
            C=self.c, class_weight="balanced" if self.balanced else None,
            solver="newton-cg", max_iter=1000,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.lr.fit(x, y)
        return self

    def proba(self, x) -> np.ndarray:
        return self.lr.predict_proba(x)

    def predict(self, feats: list[dict], predicted: np.ndarray) -> np.ndarray:
        return decide(self.proba(feats), self.lr.classes_, predicted, self.threshold)


def decide(p: np.ndarray, classes: np.ndarray, predicted: np.ndarray, threshold):
    """Argmax, or keep ``predicted`` unless another class's probability exceeds threshold."""
    top = classes[p.argmax(1)]
    if threshold is None:
        return top
    out = predicted.copy()
    change = (top != predicted) & (p.max(1) > threshold)
    out[change] = top[change]
    return out


def inner_oof(df: pd.DataFrame, feats: list[dict]) -> dict:
    """Out-of-fold probabilities on the training files for each (C, balanced)."""
    files = sorted(df["file"].unique())
    k = min(INNER_FOLDS, len(files))
    folds = [files[i::k] for i in range(k)]
    y = df["target"].to_numpy()
    out = {}
    for bal in (False, True):
        for c in C_GRID:
            probs = {}
            for held in folds:
                te = df["file"].isin(held).to_numpy()
                m = Variant(c, bal, None).fit(feats[~te], y[~te])
                p = m.proba(feats[te])
                probs[tuple(held)] = (np.flatnonzero(te), p, m.lr.classes_)
            out[(c, bal)] = probs
    return out


def choose(df: pd.DataFrame, feats: list[dict]) -> dict:
    """Pick C (per weighting), the threshold, and the selected variant on training files."""
    y = df["target"].to_numpy()
    pred = df["predicted"].to_numpy()
    oof = inner_oof(df, feats)

    def acc(c, bal, thr):
        right = 0
        for idx, p, classes in oof[(c, bal)].values():
            right += (decide(p, classes, pred[idx], thr) == y[idx]).sum()
        return right / len(y)

    best = {}
    for bal, name in ((False, "LR"), (True, "LR balanced")):
        c = max(C_GRID, key=lambda c: (acc(c, bal, None), -c))
        best[name] = (acc(c, bal, None), Variant(c, bal, None))
    cands = [(acc(c, bal, t), c, bal, t) for c in C_GRID for bal in (False, True) for t in THRESHOLDS]
    a, c, bal, t = max(cands, key=lambda r: (r[0], r[3], -r[1]))
    best["LR confident"] = (a, Variant(c, bal, t))
    sel = max(best, key=lambda n: best[n][0])
    best["selected"] = (best[sel][0], best[sel][1])
    best["selected"][1].chosen = sel
    return best


NAMES = ["LR", "LR balanced", "LR confident", "selected"]


def run_fold(df, feats, train_mask, test_mask):
    """Train each variant on train_mask rows; return predictions on test_mask rows."""
    tr, te = np.flatnonzero(train_mask), np.flatnonzero(test_mask)
    dtr = df.iloc[tr]
    ftr, fte = feats[tr], feats[te]
    best = choose(dtr.reset_index(drop=True), ftr)
    y = dtr["target"].to_numpy()
    pred_te = df["predicted"].to_numpy()[te]
    preds = {}
    info = {}
    fitted = {}
    for name in NAMES:
        m = best[name][1]
        key = (m.c, m.balanced)
        if key not in fitted:
            fitted[key] = Variant(m.c, m.balanced, None).fit(ftr, y).lr
        m.lr = fitted[key]
        preds[name] = m.predict(fte, pred_te)
        info[name] = (m.c, m.balanced, m.threshold, getattr(m, "chosen", ""))
    return te, preds, info


def summarise(y, rules, model):
    """Accuracy with not_speaker as a label, and the figure with model-dropped rows removed."""
    keep = model != "not_speaker"
    real = y != "not_speaker"
    return {
        "n": len(y),
        "rules": (rules == y).mean(),
        "model": (model == y).mean(),
        "dropped": int((~keep).sum()),
        "dropped_real": int((~keep & real).sum()),
        "junk": int((~real).sum()),
        "kept_model": (model[keep] == y[keep]).mean() if keep.any() else float("nan"),
        "kept_rules": (rules[keep] == y[keep]).mean() if keep.any() else float("nan"),
    }


def bootstrap(y, rules, model, seed=SEED):
    """Paired bootstrap over rows of model minus rules accuracy: (diff, lo, hi)."""
    rng = np.random.default_rng(seed)
    d = (model == y).astype(float) - (rules == y).astype(float)
    idx = rng.integers(0, len(d), size=(N_BOOT, len(d)))
    boots = d[idx].mean(1)
    return d.mean(), np.percentile(boots, 2.5), np.percentile(boots, 97.5)


def bootstrap_kept(y, rules, model, seed=SEED):
    """Paired bootstrap of (model on kept rows) minus (rules on all rows)."""
    rng = np.random.default_rng(seed)
    keep = model != "not_speaker"
    diffs = []
    n = len(y)
    for _ in range(N_BOOT):
        i = rng.integers(0, n, size=n)
        k = keep[i]
        diffs.append((model[i][k] == y[i][k]).mean() - (rules[i] == y[i]).mean())
    point = (model[keep] == y[keep]).mean() - (rules == y).mean()
    return point, np.percentile(diffs, 2.5), np.percentile(diffs, 97.5)


def main() -> None:
    df = load()
    # Vocabulary over all rows is harmless: a feature absent from the training rows keeps
    # a zero weight under L2, so test rows contribute nothing but their columns.
    feats = DictVectorizer(sort=True).fit_transform([features(r) for _, r in df.iterrows()]).tocsr()
    feats.indices = feats.indices.astype(np.int32)
    feats.indptr = feats.indptr.astype(np.int32)
    y_all = df["target"].to_numpy()
    rules_all = df["predicted"].to_numpy()
    stem_to_file = dict(zip(df["stem"], df["file"]))
    print(f"{len(df)} judged speakers in {df['file'].nunique()} files; "
          f"{(y_all == 'not_speaker').sum()} not speakers; rules accuracy over all "
          f"{(rules_all == y_all).mean():.3f}")

    # Protocol A: forward in time.
    print("\nProtocol A (forward in time: train on every file drawn before the pair)")
    print(f"{'pair':<8}{'train':>6}{'model':>14}{'rules':>7}{'model':>7}{'diff':>7}"
          f"{'drop':>6}{'real':>6}{'junk':>6}{'kept':>7}{'rules@kept':>11}  chosen")
    pooled = {n: {"te": [], "pred": []} for n in NAMES}
    pooled_pair = {n: [] for n in NAMES}
    for a, b in PAIRS:
        fa, fb = stem_to_file[f"voice_audit_blind{a}"], stem_to_file[f"voice_audit_blind{b}"]
        train = (df["file"] < min(fa, fb)).to_numpy()
        test = df["file"].isin([fa, fb]).to_numpy()
        te, preds, info = run_fold(df, feats, train, test)
        for name in NAMES:
            s = summarise(y_all[te], rules_all[te], preds[name])
            c, bal, thr, chosen = info[name]
            desc = f"C={c} {'bal' if bal else 'unw'}" + (f" t={thr}" if thr is not None else "")
            if name == "selected":
                desc = f"{chosen}: " + desc
            print(f"{a}/{b:<5}{train.sum() // 100:>5}f {name:>13}{s['rules']:>7.3f}{s['model']:>7.3f}"
                  f"{s['model'] - s['rules']:>+7.3f}{s['dropped']:>6}{s['dropped_real']:>6}"
                  f"{s['junk']:>6}{s['kept_model']:>7.3f}{s['kept_rules']:>11.3f}  {desc}")
            pooled_pair[name].append(((a, b), te, preds[name]))

    verdicts = {}
    for label, sel in (("last three pairs (600 rows)", LAST_PAIRS), ("all five pairs (1000 rows)", PAIRS)):
        print(f"\nProtocol A pooled, {label}: paired bootstrap over rows ({N_BOOT}), 95% CI")
        print(f"{'model':>13}{'rules':>7}{'model':>7}{'diff':>8}{'CI':>18}"
              f"{'drop':>6}{'real':>6}{'kept':>7}{'kept-rules':>11}{'CI':>18}")
        for name in NAMES:
            te = np.concatenate([t for p, t, _ in pooled_pair[name] if p in sel])
            pr = np.concatenate([q for p, _, q in pooled_pair[name] if p in sel])
            y, r = y_all[te], rules_all[te]
            s = summarise(y, r, pr)
            d, lo, hi = bootstrap(y, r, pr)
            dk, lok, hik = bootstrap_kept(y, r, pr)
            print(f"{name:>13}{s['rules']:>7.3f}{s['model']:>7.3f}{d:>+8.3f}"
                  f"{f'[{lo:+.3f}, {hi:+.3f}]':>18}{s['dropped']:>6}{s['dropped_real']:>6}"
                  f"{s['kept_model']:>7.3f}{dk:>+11.3f}{f'[{lok:+.3f}, {hik:+.3f}]':>18}")
            if sel is LAST_PAIRS:
                verdicts[name] = d >= 0.03 and lo > 0

    # Protocol B: leave one file out.
    print("\nProtocol B (leave one file out, 23 folds): accuracy with not_speaker as a label")
    allp = {n: np.empty(len(df), dtype=object) for n in NAMES}
    per_file = []
    for i in sorted(df["file"].unique()):
        test = (df["file"] == i).to_numpy()
        te, preds, _ = run_fold(df, feats, ~test, test)
        for name in NAMES:
            allp[name][te] = preds[name]
        per_file.append((ORDER[i], (rules_all[te] == y_all[te]).mean(),
                         (preds["selected"] == y_all[te]).mean()))
    wins = sum(m > r for _, r, m in per_file)
    ties = sum(m == r for _, r, m in per_file)
    print(f"{'model':>13}{'rules':>7}{'model':>7}{'diff':>8}{'CI':>18}{'drop':>6}{'real':>6}{'kept':>7}")
    for name in NAMES:
        pr = allp[name]
        s = summarise(y_all, rules_all, pr)
        d, lo, hi = bootstrap(y_all, rules_all, pr)
        print(f"{name:>13}{s['rules']:>7.3f}{s['model']:>7.3f}{d:>+8.3f}"
              f"{f'[{lo:+.3f}, {hi:+.3f}]':>18}{s['dropped']:>6}{s['dropped_real']:>6}{s['kept_model']:>7.3f}")
    print(f"selected model beats the rules on {wins} of 23 files, ties {ties}")
    print("per file (rules -> selected): " + ", ".join(
        f"{stem.replace('voice_audit', '') or 'first'} {r:.2f}->{m:.2f}" for stem, r, m in per_file))

    go = verdicts["selected"]
    print(f"\nGo criterion (protocol A, last three pairs, selected model: +3 points, CI above 0): "
          f"{'GO' if go else 'NO-GO'}"
          + ("" if go == any(verdicts.values()) else
             f" (variants passing: {[n for n, v in verdicts.items() if v]})"))


if __name__ == "__main__":
    main()
