from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

from newsvoices.config import SEEDS_DIR


def test_tables_have_interface_columns(seed_result):
    r = seed_result
    for col in ["id", "title", "outlet", "date", "source", "n_paragraphs", "n_words"]:
        assert col in r.articles.columns
    for col in ["article_id", "paragraph", "start", "end", "text", "kind", "cue", "speaker_id",
                "speaker_mention", "speaker_start", "speaker_end", "n_words", "sentiment"]:
        assert col in r.quotes.columns
    for col in ["speaker_id", "name", "description", "organisation", "voice_type", "voice_rule"]:
        assert col in r.speakers.columns
    assert set(r.run_log["status"]) == {"processed"}


def test_every_quote_is_traceable(seed_result, seed_text):
    for q in seed_result.quotes.itertuples():
        assert seed_text[q.start:q.end] == q.text
        if not pd.isna(q.speaker_start):
            assert seed_text[int(q.speaker_start):int(q.speaker_end)] == q.speaker_mention
    for m in seed_result.mentions.itertuples():
        assert seed_text[m.start:m.end] == m.text


def test_cli_analyze_and_quotes(tmp_path):
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "newsvoices", "analyze", str(SEEDS_DIR), str(tmp_path / "missing.txt"),
                    "--out", str(out), "--no-progress"], check=True, capture_output=True)
    for name in ["articles", "paragraphs", "quotes", "speakers", "mentions"]:
        assert (out / f"{name}.parquet").is_file() and (out / f"{name}.csv").is_file()
    log = pd.read_csv(out / "run_log.csv")
    assert sorted(log["status"]) == ["processed", "skipped"]
    assert "no such file" in log.loc[log["status"] == "skipped", "reason"].item()
    res = subprocess.run([sys.executable, "-m", "newsvoices", "quotes", str(SEEDS_DIR)],
                         check=True, capture_output=True, text=True)
    (line,) = res.stdout.splitlines()
    rec = json.loads(line)
    assert rec["id"] == "000_f057ad0ddaa2ef46"
    assert {"start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end", "voice"} <= set(rec["quotes"][0])


def test_deterministic(seed_result):
    import newsvoices

    again = newsvoices.analyze(SEEDS_DIR)
    for name, df in seed_result.tables.items():
        other = again.tables[name]
        assert df.to_csv(index=False) == other.to_csv(index=False), name
