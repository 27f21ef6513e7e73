"""Refit the shipped sentiment weight files from the shared gold data (dev parts only).

    python benchmarks/train_sentiment.py [--tone-only]

writes

* ``data/lexicons/sentiment_news_weights.csv``: the news tone model behind
  ``newsvoices.sentiment.score``, fitted on ``vader_nyt_editorial_snippets.csv``
  (NYT editorial sentences, mean of 20 human ratings / 4, cut at ±0.05);
* ``data/lexicons/sentiment_target_weights.csv``: the tone-towards-an-actor model
  behind ``newsvoices.sentiment.toward``, fitted on the NewsMTSC ``train`` split;
* ``data/lexicons/sentiment_target_mlp.csv``: the small MLP blended into it (same data).

Only weights of words and word pairs seen in at least 3 examples are written; no
sentence is stored. Same input -> byte-identical files.
"""

from __future__ import annotations

import csv

from _gold import NEWSMTSC, NYT, newsmtsc_group, require

from newsvoices import sentiment
from newsvoices.config import DATA_DIR


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main(argv: list[str]) -> None:
    if not require(NYT, NEWSMTSC):
        return
    nyt = read_csv(NYT)
    tone = sentiment.fit_tone_model([r["text"] for r in nyt], [float(r["mean_rating"]) / 4 for r in nyt],
                                    rater_shares=[sentiment.rater_shares(r["ratings"]) for r in nyt],
                                    groups=[r["article_id"] for r in nyt])
    out = DATA_DIR / sentiment.NEWS_WEIGHTS
    tone.model.write_csv(out, (
        "News tone model for newsvoices.sentiment.score (multinomial logistic regression).\n"
        f"Fitted by benchmarks/train_sentiment.py on {len(nyt)} NYT editorial sentences (Hutto & Gilbert 2014,\n"
        "dev part; soft labels: shares of the 20 raters rating each sentence <0, 0, >0, classes balanced).\n"
        "Features: VADER compound/pos/neg/neu, VADER word valence sum/mean/min/max and counts, negation and\n"
        "contrast flags, log length, Pattern polarity sum/mean, stem_*: the same for words neither lexicon\n"
        "knows (valence of a base form by suffix rules, or negated after a negative prefix),\n"
        "negated_pos/neg, hedges, first_person, quotation, question, exclamation, numbers, capitalised,\n"
        "no_lexicon (cue words in sentiment_cues.yaml), and w:WORD presence for words in >= 3 sentences.\n"
        "The bias row includes class offsets for macro-F1 calibrated by 3-fold CV grouped by article.\n"
        "Edit or refit freely."))
    print(f"wrote {out} ({len(tone.model.weights)} features)")
    if "--tone-only" in argv:
        return
    ms = read_csv(NEWSMTSC)
    tgt = sentiment.fit_target_model([r["sentence"] for r in ms], [(int(r["char_from"]), int(r["char_to"])) for r in ms],
                                     [r["polarity"] for r in ms], groups=[newsmtsc_group(r["primary_gid"]) for r in ms])
    out = DATA_DIR / sentiment.TARGET_WEIGHTS
    tgt.model.write_csv(out, (
        "Tone-towards-an-actor model for newsvoices.sentiment.toward: the sum of a linear SVM and an NB-SVM\n"
        "(Wang & Manning 2012), each divided by the sd of its decision values, stored as one linear model\n"
        "(the bias row also holds two class offsets for macro-F1; sentiment_target_mlp.csv is added to it)\n"
        f"({tgt.model.name}, chosen by 3-fold CV grouped by article). Fitted by benchmarks/train_sentiment.py\n"
        f"on the {len(ms)} NewsMTSC train rows (Hamborg & Donnay 2021). Scores, not probabilities: toward() takes the arg-max.\n"
        "Mention masked as TGT, other capitalised names as ENT. Features: s: sentence words, b: bigrams,\n"
        "t: trigrams touching the mention, l:/r: words within 5 tokens left/right, g: word next to the mention,\n"
        "L1..L4:/R1..R4: words by side and distance bucket, pre:/post: words by side, c: words of the mention's\n"
        "clause, n: words after a negator up to punctuation (all seen in >= 3 rows); VADER on sentence/window/\n"
        "clause/sides, closeness-weighted VADER and Pattern valence per side, Pattern sum, relative position,\n"
        "quotes; rep_*/quoted_other: the mention next to a reporting verb (speech_verbs.txt); pL1..pR2:, pb:, pt:\n"
        "the same near the mention with sentiment words replaced by POS/NEG; tone_*: P(negative)/P(positive) of\n"
        "the news tone model above on the sentence and on 8 tokens either side; eL*/eR*/eS*: mean word vectors\n"
        "(sentiment_word_vectors.csv) left and right of the mention (closeness-weighted) and over the sentence."))
    print(f"wrote {out} ({len(tgt.model.weights)} features)")
    out = DATA_DIR / sentiment.TARGET_MLP
    if tgt.mlp is None:
        out.unlink(missing_ok=True)
        print(f"no MLP chosen (blend weight 0): removed {out}")
        return
    tgt.mlp.write_csv(out, (
        "MLP part of newsvoices.sentiment.toward: blend x log P(class) of this perceptron is added to the scores of\n"
        "sentiment_target_weights.csv. One hidden layer of ReLU units over the dense features of target_features\n"
        "(the names without ':'; absent = 0), standardised by the mean and scale of each input row; softmax output.\n"
        f"Fitted by benchmarks/train_sentiment.py on the {len(ms)} NewsMTSC train rows (Hamborg & Donnay 2021) with\n"
        "scikit-learn's MLPClassifier (fixed seed; early stopping); the blend weight was chosen with the C values by\n"
        "3-fold CV grouped by article. Rows: blend; input,<feature>,'mean scale w_1..w_H'; hidden,bias,'b_1..b_H';\n"
        "output,<class>,'bias w_1..w_H'. Numbers only: no text of the training sentences."))
    print(f"wrote {out} ({len(tgt.mlp.names)} inputs, blend {tgt.mlp.blend})")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
