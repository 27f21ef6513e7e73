"""``newsvoices evaluate``: the matching rules on invented gold data, and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsvoices.evaluate import evaluate_files, score_articles, summarize

TEXT = ('Jo Kerr said: "The mill will close in May." He added: "Forty jobs go." '
        'Analysts said the region would struggle.')


def _gold():
    t = TEXT
    q1 = t.index("The mill")
    q2 = t.index("Forty")
    ind = t.index("the region")
    return {"id": "a1", "text": t, "quotes": [
        {"start": q1, "end": q1 + len("The mill will close in May."), "kind": "direct",
         "speaker": "Jo Kerr", "speaker_start": 0, "speaker_end": 7},
        {"start": q2, "end": q2 + len("Forty jobs go."), "kind": "direct",
         "speaker": "He", "speaker_start": t.index("He"), "speaker_end": t.index("He") + 2,
         "speaker_is_pronoun": True},
        {"start": ind, "end": ind + len("the region would struggle"), "kind": "indirect",
         "speaker": "Analysts", "speaker_start": t.index("Analysts"), "speaker_end": t.index("Analysts") + 8},
    ]}


def test_perfect_prediction_scores_one():
    g = _gold()
    preds = {"a1": [dict(q) for q in g["quotes"]]}
    s = summarize(score_articles([g], preds))
    assert s["direct_F1"] == s["speaker_acc"] == s["attributed_direct_F1"] == s["indirect_F1"] == 1.0


def test_pronoun_gold_accepts_the_resolved_name_and_half_overlap_counts():
    g = _gold()
    t = g["text"]
    q2 = g["quotes"][1]
    preds = {"a1": [
        # only the first half of the first quote: >= 50% of its letters -> found
        {"start": g["quotes"][0]["start"], "end": g["quotes"][0]["start"] + 15, "speaker": "Jo Kerr"},
        # resolved name instead of the pronoun mention, no offsets
        {"start": q2["start"], "end": q2["end"], "speaker": "Jo Kerr"},
    ]}
    s = summarize(score_articles([g], preds))
    assert s["direct_R"] == 1.0 and s["speaker_acc"] == 1.0
    assert s["indirect_R"] == 0.0
    del t


def test_wrong_speaker_and_spurious_quote():
    g = _gold()
    q1 = g["quotes"][0]
    preds = {"a1": [{"start": q1["start"], "end": q1["end"], "speaker": "Somebody Else"},
                    {"start": TEXT.index("region"), "end": TEXT.index("region") + 6, "speaker": None},
                    {"start": 0, "end": 7, "speaker": None}]}
    s = summarize(score_articles([g], preds))
    assert s["speaker_acc"] == 0.0
    assert s["direct_P"] == 1.0 and s["direct_R"] == 0.5
    # "region" is inside the indirect gold span, "Jo Kerr" is not in any gold span
    assert s["indirect_P"] == 0.5


def test_cli_evaluate_runs_newsvoices_on_the_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_gold()) + "\n", encoding="utf-8")
    s = evaluate_files(gold)
    assert s["direct_F1"] == 1.0 and s["speaker_acc"] == 1.0
    out = subprocess.run([sys.executable, "-m", "newsvoices", "evaluate", "--gold", str(gold), "--json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["direct_F1"] == 1.0


def test_bad_gold_names_the_file(tmp_path):
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"id": "x", "text": "t", "quotes": [{"start": "a", "end": 3}]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl"):
        evaluate_files(gold)
