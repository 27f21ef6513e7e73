"""Tone per quote, tone towards an actor, bootstrap intervals."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from conftest import shared_path
from newsvoices import sentiment, uncertainty
from newsvoices.config import DATA_DIR


def test_score_range_length_and_determinism():
    texts = ["A wonderful, generous and successful plan.", "A cruel, shameful disaster that killed hundreds.",
             "", "The committee meets on Tuesday."]
    s = sentiment.score(texts)
    assert len(s) == 4 and all(-1 <= v <= 1 for v in s)
    assert s == sentiment.score(texts)
    assert s[0] > sentiment.NEUTRAL_BAND and s[1] < -sentiment.NEUTRAL_BAND
    assert sentiment.label(s[0]) == "positive" and sentiment.label(s[1]) == "negative"


def test_band_reproduces_argmax_class():
    for p in [(0.2, 0.5, 0.3), (0.6, 0.1, 0.3), (0.3, 0.2, 0.5), (0.34, 0.33, 0.33)]:
        k = max(range(3), key=lambda i: p[i])
        assert sentiment.label(sentiment._band(p)) == sentiment.CLASSES[k]


def test_news_adjustment_differs_from_plain_vader():
    # news words VADER does not know ("dictatorship") still move the score
    texts = ["The regime is a brutal dictatorship.", "Unemployment rose and factories closed."]
    assert all(v < -0.05 for v in sentiment.score(texts))


def test_toward_labels_and_offsets():
    s = "Critics accused Smith of lying to parliament and covering up the scandal."
    a = s.index("Smith")
    assert sentiment.toward(s, a, a + 5) == "negative"
    s2 = "Fans cheered as Jones won a brilliant, historic victory."
    b = s2.index("Jones")
    assert sentiment.toward(s2, b, b + 5) == "positive"
    assert sentiment.toward(s, a, a + 5) in sentiment.CLASSES
    with pytest.raises(ValueError, match="outside the sentence"):
        sentiment.toward("short", 3, 40)


def test_target_features_mask_names_and_keep_side_and_distance():
    s = "Senator Brown praised Smith, but Jones attacked him bitterly."
    a = s.index("Smith")
    f = sentiment.target_features(s, a, a + 5)
    assert "s:smith" not in f and "s:jones" not in f and "s:brown" not in f  # names masked
    assert f["s:ENT"] == 1.0 and f["s:TGT"] == 1.0 and f["s:senator"] == 1.0  # sentence-initial word kept
    assert f["L1:praised"] == 1.0 and f["pre:praised"] == 1.0
    assert f["R2:attacked"] == 1.0 and f["post:attacked"] == 1.0 and "L1:attacked" not in f
    assert f["t:praised TGT ,"] == 1.0 and f["g:praised TGT"] == 1.0
    assert f["c:praised"] == 1.0 and "c:attacked" not in f  # the mention's clause ends at "but"
    assert f["near_vader_left"] > 0 > f["near_vader_right"]
    # the same words towards the other actor: "attacked" is now adjacent on the left
    b = s.index("him")
    g = sentiment.target_features(s, b, b + 3)
    assert g["L1:attacked"] == 1.0 and g["near_vader_left"] < 0
    # sentiment words also enter as their class, so unseen words of known polarity still count
    assert f["pL1:POS"] == 1.0 and f["pt:POS TGT ,"] == 1.0 and "pL1:NEG" not in f
    assert g["pL1:NEG"] == 1.0 and g["pb:NEG TGT"] == 1.0 and g["pR1:NEG"] == 1.0  # "bitterly"
    # the news tone model on the sentence (same for both mentions) and on the window around each
    assert f["tone_neg_sent"] == g["tone_neg_sent"] and 0 < f["tone_pos_sent"] < 1
    h = sentiment.target_features("Smith won a brilliant, historic victory.", 0, 5)
    assert h["tone_pos_win"] > h["tone_neg_win"] and h["tone_pos_sent"] > 0.5


@pytest.mark.parametrize("name", [sentiment.NEWS_WEIGHTS, sentiment.TARGET_WEIGHTS])
def test_weight_files_hold_no_sentences(name):
    m = sentiment.LinearModel.from_csv(DATA_DIR / name)
    assert "bias" in m.weights and len(m.weights) > 500
    longest = max(len(f.split(":", 1)[-1].split()) for f in m.weights)
    assert longest <= 3  # words, word pairs and the word triples around the mention only


def test_bad_weight_file_names_the_file(tmp_path):
    p = tmp_path / "w.csv"
    p.write_text("word,neg\nx,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="w.csv"):
        sentiment.LinearModel.from_csv(p)


def test_fit_tone_model_learns_a_word():
    texts = ["the plan is zorbly"] * 5 + ["the plan is fine"] * 5 + ["the plan is blorp"] * 5
    ratings = [-0.5] * 5 + [0.0] * 5 + [0.5] * 5
    m = sentiment.fit_tone_model(texts, ratings, C=10)
    neg, pos = m.score(["so zorbly", "so blorp"])
    assert neg < -0.05 < 0.05 < pos


def test_seed_official_response_is_most_positive_voice(seed_result):
    q = seed_result.quotes
    assert q["sentiment"].between(-1, 1).all()
    by_voice = q.groupby("voice_type")["sentiment"].mean()
    assert by_voice.idxmax() == "official"


def test_bootstrap_is_deterministic_and_brackets_mean():
    q = pd.DataFrame({"article_id": list("aabbccdd"), "voice_type": ["official", "advocacy"] * 4,
                      "sentiment": [0.5, -0.2, 0.3, -0.4, 0.6, 0.0, 0.1, -0.5]})
    t1 = uncertainty.bootstrap_means(q, "sentiment", "voice_type", n_boot=500)
    t2 = uncertainty.bootstrap_means(q, "sentiment", "voice_type", n_boot=500)
    pd.testing.assert_frame_equal(t1, t2)
    off = t1.set_index("voice_type").loc["official"]
    assert off["n_articles"] == 4 and math.isclose(off["mean"], 0.375)
    assert off["ci_low"] < off["mean"] < off["ci_high"]
    single = uncertainty.bootstrap_means(q.iloc[:2], "sentiment", "voice_type")
    assert single["ci_low"].isna().all()
    with pytest.raises(ValueError, match="nope"):
        uncertainty.bootstrap_means(q, "nope", "voice_type")


@pytest.mark.shared
def test_nyt_gold_improves_on_plain_vader():
    path = shared_path("eval", "sentiment", "vader_nyt_editorial_snippets.csv")
    import numpy as np

    d = pd.read_csv(path).iloc[::3]
    gold = d["mean_rating"] / 4
    r_plain = np.corrcoef(sentiment.plain_vader(list(d["text"])), gold)[0, 1]
    r_news = np.corrcoef(sentiment.score(list(d["text"])), gold)[0, 1]
    assert r_plain > 0.4 and r_news > r_plain  # in-sample sanity check; CV figures: benchmarks/sentiment.py


def test_validity_roundtrip_and_trust_box(tmp_path, monkeypatch):
    from newsvoices import validity

    monkeypatch.setattr(validity, "RESULTS_DIR", tmp_path)
    assert validity.table().empty
    rows = [{"gold": "NYT", "method": "m", "protocol": "5-fold CV", "measure": "pearson_r", "value": 0.512, "n": 10}]
    p = validity.write("sentiment", rows, rerun="python benchmarks/sentiment.py")
    assert p.parent == tmp_path
    t = validity.table()
    assert t.loc[0, "value"] == 0.512 and t.loc[0, "rerun"] == "python benchmarks/sentiment.py"
    box = validity.trust_box()
    assert "0.51" in box and "benchmarks/sentiment.py" in box and "How far to trust" in box
    with pytest.raises(ValueError, match="unknown validity part"):
        validity.path("quotes")


def test_tone_charts_return_figures(seed_result):
    from newsvoices import charts_tone

    q = seed_result.quotes
    ci = uncertainty.bootstrap_means(q, "sentiment", "voice_type", n_boot=100)
    assert len(charts_tone.tone_by_voice(ci).axes) == 1
    assert len(charts_tone.tone_strip(q).axes) == 1
    prof = charts_tone.frame_profile(q)
    assert set(prof["frame"]) == set(__import__("newsvoices.frames").frames.FRAMES)
    assert prof["share"].between(0, 1).all()
    assert charts_tone.frame_heatmap(prof).axes


def test_tone_toward_actors_table(seed_result):
    t = sentiment.tone_toward_actors(seed_result.quotes, seed_result.mentions)
    assert list(t.columns) == ["article_id", "quote_id", "speaker", "voice_type", "target_id", "target", "tone"]
    assert t["tone"].isin(sentiment.CLASSES).all()


def test_fast_vader_matches_nltk():
    texts = ["GREAT!!! not bad :) but the plan, sadly, FAILED.", '"Hello," she said... ?!?cat kind of good',
             "", "x", "The food is :-( but ok!!", "He isn't happy -- never was; 'awful' they said?!?"]
    ref = sentiment.nltk_reference_analyzer()
    fast = sentiment.analyzer()
    assert [fast.polarity_scores(t) for t in texts] == [ref.polarity_scores(t) for t in texts]


def test_unknown_words_take_the_valence_of_their_base_form_or_negated_prefix():
    assert sentiment.unknown_word_valence("wrecked") < 0  # "wreck" via the [ed, ""] rule
    assert sentiment.unknown_word_valence("unsafe") < 0 < sentiment.base_lexicon()["safe"]  # negative prefix
    assert sentiment.unknown_word_valence("safe") == 0.0  # known words count through the lexicons themselves
    assert sentiment.unknown_word_valence("tuesday") == 0.0
    f = sentiment.tone_features("The wrecked and unsafe bridge.")
    assert f["stem_nneg"] > 0 and f["stem_min"] < 0 and f["stem_npos"] == 0


def test_tone_cue_features():
    f = sentiment.tone_features("We may not see a good deal, but is 2024 lost?")
    assert f["negated_pos"] == 1.0 and f["negated_neg"] == 0.0  # "good" within 3 words after "not"
    assert f["hedges"] > 0 and f["first_person"] == 1.0 and f["question"] == 1.0 and f["contrast"] == 1.0
    assert f["numbers"] > 0 and f["no_lexicon"] == 0.0
    g = sentiment.tone_features("The committee meets on Tuesday.")
    assert g["no_lexicon"] == 1.0 and g["negated_pos"] == 0.0 and g["first_person"] == 0.0


def test_cue_file_errors_name_the_file(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(DATA_DIR, tmp_path / "data")
    path = tmp_path / "data" / sentiment.CUES
    monkeypatch.setattr(sentiment, "DATA_DIR", tmp_path / "data")
    for text, msg in [("negators: [not, no]\n", "negators"), ("colours: [red]\n", "unknown lists"),
                      (path.read_text(encoding="utf-8").replace("- [ism, \"\"]", "- [ism]"), "suffix_rules item")]:
        path.write_text(text, encoding="utf-8")
        sentiment._cues_yaml.cache_clear()
        sentiment.cue_words.cache_clear()
        sentiment.suffix_rules.cache_clear()
        with pytest.raises(ValueError, match=msg) as err:
            sentiment.cue_words()
            sentiment.suffix_rules()
        assert "sentiment_cues.yaml" in str(err.value)
    monkeypatch.undo()
    sentiment._cues_yaml.cache_clear()
    sentiment.cue_words.cache_clear()
    sentiment.suffix_rules.cache_clear()
    assert "not" in sentiment.cue_words()["negators"] and ("ism", "") in sentiment.suffix_rules()


def test_tune_offsets_moves_the_decision_towards_macro_f1():
    # the model over-predicts neutral: a positive offset on the other two classes fixes it
    probs = [(0.3, 0.4, 0.3)] * 4 + [(0.36, 0.4, 0.24)] * 4 + [(0.24, 0.4, 0.36)] * 4
    labels = ["neutral"] * 4 + ["negative"] * 4 + ["positive"] * 4
    b0, b2 = sentiment.tune_offsets(probs, labels)
    assert b0 > 0 and b2 > 0
    z = [[math.log(p[0]) + b0, math.log(p[1]), math.log(p[2]) + b2] for p in probs]
    assert [sentiment.CLASSES[max(range(3), key=r.__getitem__)] for r in z] == labels
    assert sentiment.tune_offsets(probs, labels) == (b0, b2)  # deterministic
    # already right: ties go to no offset
    right = [(0.8, 0.1, 0.1), (0.1, 0.8, 0.1), (0.1, 0.1, 0.8)]
    assert sentiment.tune_offsets(right, list(sentiment.CLASSES)) == (0, 0)


def test_fit_tone_model_with_groups_calibrates_offsets():
    texts = ["the plan is zorbly"] * 6 + ["the plan is fine"] * 6 + ["the plan is blorp"] * 6
    ratings = [-0.5] * 6 + [0.0] * 6 + [0.5] * 6
    groups = [str(i % 6) for i in range(18)]
    plain = sentiment.fit_tone_model(texts, ratings, C=10)
    tuned = sentiment.fit_tone_model(texts, ratings, C=10, groups=groups)
    assert set(tuned.model.weights) == set(plain.model.weights)
    assert tuned.model.weights["w:zorbly"] == plain.model.weights["w:zorbly"]  # only the bias moves
    assert tuned.score(["so zorbly", "so fine", "so blorp"])[0] < -0.05 < 0.05 < tuned.score(["so blorp"])[0]


def test_target_features_negation_reporting_and_vectors():
    s = "Smith said the plan was not fair, and critics agreed."
    f = sentiment.target_features(s, 0, 5)
    assert f["n:fair"] == 1.0 and "n:critics" not in f and "n:plan" not in f  # scope ends at the comma
    assert f["rep_subj"] == 1.0 and "rep_after" not in f and "quoted_other" not in f
    s2 = "On Monday Jones told reporters that Smith had lied."
    g = sentiment.target_features(s2, s2.index("Smith"), s2.index("Smith") + 5)
    assert g["rep_other"] == 1.0 and "rep_subj" not in g
    s3 = "The report was welcome, according to Smith."
    h = sentiment.target_features(s3, s3.index("Smith"), s3.index("Smith") + 5)
    assert h["rep_acc"] == 1.0
    # word vectors: left/right closeness-weighted means and the sentence mean, 50 dims each
    dims = len(next(iter(sentiment.word_vectors().values())))
    def n_dims(feats, side):
        return sum(k.startswith(side) and k[2:].isdigit() for k in feats)

    assert n_dims(f, "eR") == n_dims(f, "eS") == n_dims(h, "eL") == dims > 0
    assert n_dims(f, "eL") == 0 and n_dims(h, "eR") == 0  # nothing on that side of the mention
    empty = sentiment.target_features("Smith", 0, 5)
    assert not any(k[:2] in ("eL", "eR", "eS") and k[2:].isdigit() for k in empty)


def test_word_vector_file_errors_name_the_file(tmp_path, monkeypatch):
    (tmp_path / "lexicons").mkdir()
    path = tmp_path / sentiment.WORD_VECTORS
    monkeypatch.setattr(sentiment, "DATA_DIR", tmp_path)
    for text, msg in [("# c\nword,d0,d1\ngood,0.1\n", "data row 2: 2 columns"),
                      ("word,d0\ngood,x\n", "data row 2"), ("term,d0\n", "header")]:
        path.write_text(text, encoding="utf-8")
        sentiment.word_vectors.cache_clear()
        with pytest.raises(ValueError, match=msg) as err:
            sentiment.word_vectors()
        assert "sentiment_word_vectors.csv" in str(err.value)
    path.write_text("word,d0,d1\ngood,0.6,0.8\n", encoding="utf-8")
    sentiment.word_vectors.cache_clear()
    assert list(sentiment.word_vectors()["good"]) == [0.6, 0.8]
    monkeypatch.undo()
    sentiment.word_vectors.cache_clear()
    assert len(sentiment.word_vectors()) > 10000


def test_fit_target_model_learns_a_side_dependent_rule_and_is_deterministic():
    import random

    rng = random.Random(0)
    good = ["praised", "thanked", "admired", "honoured"]
    bad = ["attacked", "blamed", "mocked", "sued"]
    verbs = ["met", "called", "visited", "joined"]
    sents, spans, labels, groups = [], [], [], []
    for k in range(240):
        kind = k % 3
        v = rng.choice((bad, verbs, good)[kind])
        s = f"Critics {v} Smith on {rng.choice(['Monday', 'Friday'])} in the capital."
        sents.append(s)
        spans.append((s.index("Smith"), s.index("Smith") + 5))
        labels.append(sentiment.CLASSES[kind])
        groups.append(k // 12)
    m = sentiment.fit_target_model(sents, spans, labels, groups=groups)
    assert "C=" in m.model.name and set(m.model.weights["bias"]) and "L1:praised" in m.model.weights
    s = "Critics thanked Smith on Monday in the capital."
    assert m.toward(s, 16, 21) == "positive"
    assert m.toward("Critics sued Smith on Friday in the capital.", 13, 18) == "negative"
    m2 = sentiment.fit_target_model(sents, spans, labels, groups=groups)
    assert m2.model.weights == m.model.weights
    fixed = sentiment.fit_target_model(sents, spans, labels, C=(0.004, 0.005))
    assert fixed.model.name == "C=0.004 (SVM), 0.005 (NB-SVM)"
    with pytest.raises(ValueError, match="labels must be one of"):
        sentiment.fit_target_model(sents[:3], spans[:3], ["good", "bad", "neutral"])


def test_tone_does_not_depend_on_the_hash_seed():
    """Sums over a text's distinct words run in a fixed order, so the same text gets the same
    floats in every process (set order changes with PYTHONHASHSEED)."""
    import subprocess
    import sys

    code = ("from newsvoices import sentiment; m = sentiment.news_tone_model(); "
            "t = 'The minister failed badly, critics said, but supporters praised the bold and decent plan.'; "
            "print(repr(m._proba(t)), repr(m.model.proba(sentiment.tone_features(t))))")
    outs = set()
    for seed in ("1", "3"):
        env = {**__import__("os").environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                check=True).stdout)
    assert len(outs) == 1, outs


def test_dense_mlp_matches_sklearn_and_round_trips_through_csv(tmp_path):
    import numpy as np

    rng = np.random.RandomState(0)
    D = rng.normal(size=(150, 4))
    y = np.asarray(sentiment.CLASSES)[(D[:, 0] > 0.5).astype(int) + (D[:, 1] > 0).astype(int)]
    names = ["a", "b", "c", "d"]
    m = sentiment._fit_mlp(D, y, names, blend=0.5)
    from sklearn.neural_network import MLPClassifier

    ref = MLPClassifier(hidden_layer_sizes=(sentiment.TARGET_MLP_HIDDEN,), alpha=sentiment.TARGET_MLP_ALPHA,
                        max_iter=300, early_stopping=True, validation_fraction=0.1, n_iter_no_change=10,
                        random_state=0).fit((D - D.mean(0)) / D.std(0), y)
    order = [list(ref.classes_).index(c) for c in sentiment.CLASSES]
    want = np.log(np.clip(ref.predict_proba((D - D.mean(0)) / D.std(0))[:, order], 1e-6, 1))
    assert np.allclose(m.log_proba_matrix(D), want, atol=1e-9)
    assert m.log_proba({"a": 2.0, "b": 1.0}) == [float(x) for x in m.log_proba_matrix([[2.0, 1.0, 0.0, 0.0]])[0]]
    path = tmp_path / "mlp.csv"
    m.write_csv(path, "test model")
    back = sentiment.DenseMLP.from_csv(path)
    assert back.names == tuple(names) and back.blend == 0.5
    assert np.allclose(back.log_proba_matrix(D), m.log_proba_matrix(D), atol=1e-4)  # 6 significant digits
    text = path.read_text(encoding="utf-8")
    m.write_csv(path, "test model")
    assert path.read_text(encoding="utf-8") == text  # byte-identical
    # the blend enters the scores of a TargetModel: log-probabilities x blend on top of the linear scores
    lin = sentiment.LinearModel({"bias": (0.0, 0.0, 0.0), "a": (0.1, 0.0, -0.1)})
    f = {"a": 1.0, "b": -1.0}
    z = sentiment.TargetModel(lin, back).scores(f)
    assert z == pytest.approx([x + 0.5 * p for x, p in zip(lin.scores(f), back.log_proba(f))])
    assert sentiment.TargetModel(lin).scores(f) == lin.scores(f)
    path.write_text(text.replace("hidden,bias", "hidden,bia"), encoding="utf-8")
    with pytest.raises(ValueError, match="mlp.csv: data row"):
        sentiment.DenseMLP.from_csv(path)
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("output,neutral")),
                    encoding="utf-8")
    with pytest.raises(ValueError, match="output row per class"):
        sentiment.DenseMLP.from_csv(path)


def test_fit_target_model_can_leave_out_the_mlp_and_the_offsets():
    import random

    rng = random.Random(1)
    words = (["attacked", "blamed", "mocked"], ["met", "called", "visited"], ["praised", "thanked", "admired"])
    sents, spans, labels, groups = [], [], [], []
    for k in range(180):
        s = f"Critics {rng.choice(words[k % 3])} Smith on {rng.choice(['Monday', 'Friday'])}."
        sents.append(s)
        spans.append((s.index("Smith"), s.index("Smith") + 5))
        labels.append(sentiment.CLASSES[k % 3])
        groups.append(k // 9)
    plain = sentiment.fit_target_model(sents, spans, labels, groups=groups, mlp=False, offsets=False)
    assert plain.mlp is None and "offsets" not in plain.model.name
    full = sentiment.fit_target_model(sents, spans, labels, groups=groups)
    assert "offsets" in full.model.name
    assert full.mlp is None or (full.mlp.blend in sentiment.TARGET_BLEND_GRID and "MLP blend" in full.model.name)
    for s, (a, b), lab in zip(sents[:6], spans, labels):
        assert full.toward(s, a, b) == lab
