"""Rebuild data/lexicons/sentiment_word_vectors.csv: word vectors for ``sentiment.toward``.

    python benchmarks/build_word_vectors.py

Count-based distributional word vectors (Levy, Goldberg & Dagan 2015, "Improving
distributional similarity with lessons learned from word embeddings", TACL): from the
news corpora in ``../shared/corpora`` (AllSides immigration/crime, BASIL, Guardian
Qatar, BBC News 2005; about 3.7 million words, none of the NewsMTSC sentences), count
co-occurrences of lower-case words within 4 words (weight 1/distance), turn them into
positive PMI with context-distribution smoothing (alpha 0.75), and reduce to
:data:`DIM` dimensions by truncated SVD (U S^0.5, rows scaled to unit length). Words seen
at least :data:`MIN_COUNT` times are kept. Only numbers per word are written, no text;
output rounded to 3 decimals and sorted by frequency, so reruns are byte-identical
(the randomized SVD has a fixed seed). Skips (exit 0) when the corpora are absent.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from newsvoices.config import DATA_DIR, SHARED_DIR  # noqa: E402

MIN_COUNT = 10
DIM = 50
WINDOW = 4
JSONL = ("allsides-abp-immigration-crime", "basil-media-bias", "guardian-qatar-migrant-workers-2022")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def corpus_texts() -> list[str]:
    """The article texts of the shared news corpora (sorted file order)."""
    root = SHARED_DIR / "corpora"
    texts = []
    for name in JSONL:
        with (root / name / "articles.jsonl").open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    for p in sorted(glob.glob(str(root / "bbc-news-2005" / "*" / "*.txt"))):
        texts.append(Path(p).read_text(encoding="utf-8", errors="replace"))
    return texts


def build(texts: list[str]):
    """(vocabulary, vectors) from raw texts: PPMI + truncated SVD as in the module docstring."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.decomposition import TruncatedSVD

    docs = [_WORD.findall(t.lower()) for t in texts]
    cnt = Counter(w for d in docs for w in d)
    vocab = [w for w, c in sorted(cnt.items(), key=lambda x: (-x[1], x[0])) if c >= MIN_COUNT]
    idx = {w: i for i, w in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for d in docs:
        ids = np.array([idx.get(w, -1) for w in d], dtype=np.int64)
        for k in range(1, WINDOW + 1):
            a, b = ids[:-k], ids[k:]
            m = (a >= 0) & (b >= 0)
            rows += [a[m], b[m]]
            cols += [b[m], a[m]]
            vals.append(np.full(2 * int(m.sum()), 1.0 / k))
    n = len(vocab)
    M = sp.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)).tocsr()
    M.sum_duplicates()
    total = M.sum()
    row_p = np.asarray(M.sum(1)).ravel() / total
    ctx = np.asarray(M.sum(0)).ravel() ** 0.75
    ctx = ctx / ctx.sum()
    C = M.tocoo()
    pmi = np.log(C.data / total / row_p[C.row] / ctx[C.col])
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (C.row[keep], C.col[keep])), shape=(n, n))
    svd = TruncatedSVD(DIM, random_state=0, n_iter=7)
    us = svd.fit_transform(ppmi)
    vec = us / np.sqrt(svd.singular_values_)
    vec = vec / np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    return vocab, vec


def main() -> None:
    if not (SHARED_DIR / "corpora").is_dir():
        print(f"skipped: {SHARED_DIR / 'corpora'} is absent")
        return
    texts = corpus_texts()
    vocab, vec = build(texts)
    out = DATA_DIR / "lexicons" / "sentiment_word_vectors.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# Word vectors for newsvoices.sentiment.toward: PPMI + SVD ({DIM} dims) over {len(texts)} news\n")
        fh.write("# articles of ../shared/corpora; rebuilt by benchmarks/build_word_vectors.py (see data/README.md).\n")
        fh.write("word," + ",".join(f"d{k}" for k in range(DIM)) + "\n")
        for w, v in zip(vocab, vec):
            fh.write(w + "," + ",".join(f"{x:.3f}".replace("-0.000", "0.000") for x in v) + "\n")
    print(f"wrote {out} ({len(vocab)} words x {DIM})")


if __name__ == "__main__":
    main()
