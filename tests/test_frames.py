"""Frames per text: shipped lexicon, trained model, pipeline column."""

from __future__ import annotations

import csv

import pytest

from conftest import shared_path
from newsvoices import frames


def test_frames_match_crosswalk_names():
    path = shared_path("eval", "framing", "policy_frames_crosswalk.csv")
    with open(path, encoding="utf-8") as fh:
        names = [r["semeval2023_label"] for r in csv.DictReader(fh) if r["semeval2023_label"]]
    assert list(frames.FRAMES) == names


def test_lexicon_has_every_frame_with_definition_and_keywords():
    lex = frames.lexicon()
    assert set(lex.keywords) == set(frames.FRAMES)
    for f in frames.FRAMES:
        assert lex.definitions[f] and len(lex.keywords[f]) >= 15 and lex.thresholds[f] > 0


@pytest.mark.parametrize("text, frame", [
    ("The judge ruled that the law was unconstitutional.", "Legality_Constitutionality_and_jurisprudence"),
    ("Police arrested two suspects and charged them with murder.", "Crime_and_punishment"),
    ("The outbreak has infected hundreds and hospitals are full of patients.", "Health_and_safety"),
    ("Voters turn against the party ahead of the election, Republicans and Democrats say.", "Political"),
])
def test_single_sentence_gets_its_frame(text, frame):
    (got,) = frames.classify([text])
    assert frame in got


def test_empty_and_frameless_texts():
    assert frames.classify(["", "zzz qqq"]) == [[], []]


def test_output_is_ordered_known_and_deterministic():
    texts = ["Ministers said the EU deal will cost taxpayers billions, while police warned of crime at the border."]
    a, b = frames.classify(texts), frames.classify(texts)
    assert a == b and a[0]
    assert all(f in frames.FRAMES for f in a[0])
    assert a[0] == sorted(a[0], key=frames.FRAMES.index)
    assert frames.join(a[0]).split(";") == a[0]


def test_codebook_errors_name_the_problem():
    with pytest.raises(ValueError, match="unknown frame"):
        frames.parse_codebook({"frames": {"Sports": {"threshold": 1, "keywords": {"goal": 1}}}}, "x.yml")
    with pytest.raises(ValueError, match="x.yml"):
        frames.parse_codebook({"nothing": 1}, "x.yml")


def test_train_returns_model_with_classify():
    texts = ["the court and the judge ruled on the law"] * 6 + ["police arrested the suspect for murder"] * 6
    labels = [["Legality_Constitutionality_and_jurisprudence"]] * 6 + [["Crime_and_punishment"]] * 6
    m = frames.train(texts, labels)
    got = m.classify(["a judge and a court", "the suspect was arrested by police"])
    assert got == [["Legality_Constitutionality_and_jurisprudence"], ["Crime_and_punishment"]]
    with pytest.raises(ValueError, match="2 texts but 1"):
        frames.train(["a", "b"], [["Economic"]])


def test_quotes_table_has_frames_column(seed_result):
    q = seed_result.quotes
    assert "frames" in q.columns
    assert q["frames"].map(lambda s: isinstance(s, str)).all()
    named = {f for s in q["frames"] for f in s.split(";") if f}
    assert named and named <= set(frames.FRAMES)


def test_one_sentence_gets_one_frame_long_text_may_get_more():
    sent = "Police arrested the suspect after the court ruled on the law and voters protested."
    assert len(frames.classify([sent])[0]) == 1
    long = " ".join([sent, "The economy and taxes and budget costs rose.", "Hospitals and doctors warned of disease."] * 12)
    assert len(frames.classify([long])[0]) > 1


def test_tune_thresholds_finds_each_frames_own_cut():
    import numpy as np

    # frame 0 is separable at (0.10, 0.30], frame 1 only at (0.35, 0.50]: no shared threshold does both
    P = np.array([[0.30, 0.50], [0.10, 0.50], [0.30, 0.35], [0.30, 0.50], [0.10, 0.50], [0.30, 0.35]])
    Y = np.array([[1, 1], [0, 1], [1, 0], [1, 1], [0, 1], [1, 0]])
    shared, per = frames.tune_thresholds(P, Y)
    assert shared in frames.THRESHOLD_GRID
    assert 0.10 < per[0] <= 0.30 and 0.35 < per[1] <= 0.50
    decided = P >= np.array(per)
    assert (decided == Y.astype(bool)).all()


def test_train_tunes_thresholds_inside_the_sample():
    words = {"Crime_and_punishment": "police arrested the suspect for murder",
             "Economic": "taxes and the budget cost billions",
             "Health_and_safety": "hospitals treat patients with the disease"}
    texts, labels = [], []
    for k in range(30):
        fs = sorted(words)[k % 3:k % 3 + 1 + (k % 2)]
        texts.append(" ".join(words[f] for f in fs) + f" item {k}")
        labels.append(fs)
    own = frames.train(texts, labels, shrink=0.0)
    assert set(own.thresholds) == set(words) and all(t in frames.THRESHOLD_GRID for t in own.thresholds.values())
    one = frames.train(texts, labels, shrink=1.0)
    assert set(one.thresholds.values()) == {one.threshold}
    m = frames.train(texts, labels)  # default: halfway between a frame's own threshold and the shared one
    for f, t in m.thresholds.items():
        assert t == pytest.approx((own.thresholds[f] + m.threshold) / 2)
    with pytest.raises(ValueError, match="shrink"):
        frames.train(texts, labels, shrink=1.5)
    got = m.classify(["the police arrested a murder suspect", "patients in hospitals and taxes on the budget"])
    assert got[0] == ["Crime_and_punishment"]
    assert got[1] == ["Economic", "Health_and_safety"]
    fixed = frames.train(texts, labels, threshold=0.4)
    assert fixed.thresholds == {} and fixed.threshold == 0.4


def test_trained_classify_caps_frames_per_text():
    words = {"Crime_and_punishment": "police arrested the suspect for murder",
             "Economic": "taxes and the budget cost billions",
             "Health_and_safety": "hospitals treat patients with the disease"}
    texts = [" ".join(words[f] for f in sorted(words)[:1 + k % 3]) + f" item {k}" for k in range(30)]
    labels = [sorted(words)[:1 + k % 3] for k in range(30)]
    m = frames.train(texts, labels, threshold=0.3)
    both = "police arrested the murder suspect; hospitals treat patients with the disease, more taxes"
    assert len(m.classify([both])[0]) >= 2
    P = m.predict_proba([both])[0]
    one = m.classify([both], max_frames=1)[0]
    assert one == [m.frames[int(P.argmax())]]
    two = m.classify([both], max_frames=2)[0]
    top2 = sorted(m.frames, key=lambda f: -P[m.frames.index(f)])[:2]
    assert set(two) == set(top2) and two == sorted(two, key=frames.FRAMES.index)
    with pytest.raises(ValueError, match="max_frames"):
        m.classify([both], max_frames=0)
