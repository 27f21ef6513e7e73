from __future__ import annotations

import json

from newsvoices import analyze, load_corpus
from newsvoices.config import SEEDS_DIR


def test_seed_txt_offsets_are_file_content(seed_text):
    corpus = load_corpus(SEEDS_DIR)
    (art,) = corpus.articles
    assert art.text == seed_text
    assert art.title.startswith("Home Office civil servants question migrant crime data")
    assert len(art.paragraphs) == 27  # one per line
    assert art.title_in_text and len(art.body_paragraphs) == 26


def test_jsonl_with_metadata_and_bad_lines(tmp_path):
    f = tmp_path / "export.jsonl"
    good = {"id": "a1", "text": "Headline\n\n\"We will win,\" she said.", "title": "T", "outlet": "BBC",
            "date": "2020-01-02", "url": "http://x", "bias_text": "center"}
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "a3"}) + "\n", encoding="utf-8")
    corpus = load_corpus(f)
    assert [a.id for a in corpus.articles] == ["a1"]
    assert corpus.articles[0].meta["bias_text"] == "center"
    reasons = {s.source: s.reason for s in corpus.skipped}
    assert any(src.endswith("export.jsonl:2") and "malformed JSON" in r for src, r in reasons.items())
    assert any(src.endswith("export.jsonl:3") and "no 'text'" in r for src, r in reasons.items())
    result = analyze(corpus)
    assert result.quotes["outlet"].tolist() == ["BBC"] * len(result.quotes)
    assert result.articles.loc[0, "bias_text"] == "center"


def test_bad_inputs_are_logged_not_fatal(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owner speaks\n\"Tr\xe8s bien,\" said Ren\xe9 Dupont.\n".encode("cp1252"))
    (tmp_path / "unclosed.txt").write_text("Title\nShe said: \"this never closes.\nNext paragraph.\n", encoding="utf-8")
    result = analyze(load_corpus(tmp_path))
    log = result.run_log.set_index(result.run_log["source"].str.rsplit("/", n=1).str[-1])
    assert len(log) == 4
    assert log.loc["empty.txt", "status"] == "skipped" and "empty" in log.loc["empty.txt", "reason"]
    assert log.loc["binary.txt", "status"] == "skipped" and "binary" in log.loc["binary.txt", "reason"]
    assert log.loc["latin1.txt", "status"] == "processed"
    assert log.loc["unclosed.txt", "status"] == "processed"
    text = result.articles.set_index("id").loc["latin1", "text"]
    assert "Café" in text and "René" in text
