"""Every input format and encoding: a correct article, or a skip naming the file and line."""

from __future__ import annotations

import json

import pytest

from newsvoices import analyze, load_corpus
from newsvoices.corpus import decode_bytes, InputError, parse_columns, parse_header

QUOTE = 'Title line\n"We will act now," said Maria Lopez.\nSecond paragraph.\n'


def one(path, **kw):
    corpus = load_corpus(path, **kw)
    assert corpus.skipped == [], corpus.skipped
    (art,) = corpus.articles
    return art


def reasons(corpus):
    return {s.source.rsplit("/", 1)[-1]: s.reason for s in corpus.skipped}


# --------------------------------------------------------------------------- .txt
def test_txt_metadata_header(tmp_path):
    f = tmp_path / "a.txt"
    content = "date: 2021-03-04\noutlet: The Paper\nbias: left\nurl: http://x/y\n\nHeadline here\nBody one.\n"
    f.write_text(content, encoding="utf-8")
    art = one(f)
    assert art.text == content  # offsets index the whole file
    assert (art.date, art.outlet, art.url, art.meta) == ("2021-03-04", "The Paper", "http://x/y", {"bias": "left"})
    assert art.title == "Headline here" and art.title_in_text
    s, e = art.paragraphs[0]
    assert content[s:e] == "Headline here" and len(art.paragraphs) == 2
    res = analyze(f)
    assert res.paragraphs["bias"].tolist() == ["left", "left"]


def test_txt_front_matter_and_id(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text("---\nid: story-7\ntitle: Given title\n---\nHeadline\nBody.\n", encoding="utf-8")
    art = one(f)
    assert art.id == "story-7" and art.title == "Given title"
    assert art.text[art.paragraphs[0][0]:art.paragraphs[0][1]] == "Headline"


@pytest.mark.parametrize("first", ["Profile: David Miliband", "DVD review: I, Robot", "note: only line"])
def test_headlines_with_colons_are_not_headers(first):
    text = f"{first}\n\nBody.\n" if first != "note: only line" else "note: only line\n"
    assert parse_header(text) == ({}, 0)


def test_nested_folders_globs_and_stable_ids(tmp_path):
    for sub in ("business", "sport"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "001.txt").write_text(QUOTE, encoding="utf-8")
    (tmp_path / "sport" / ".hidden.txt").write_text(QUOTE, encoding="utf-8")
    (tmp_path / "sport" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "README.md").write_text("docs", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["business/001", "sport/001"]
    assert list(reasons(corpus)) == ["photo.jpg"] and "unsupported" in reasons(corpus)["photo.jpg"]
    globbed = load_corpus(str(tmp_path / "*" / "001.txt"))
    assert [a.id for a in globbed.articles] == ["business/001", "sport/001"]
    assert [a.id for a in load_corpus(tmp_path / "sport" / "001.txt").articles] == ["001"]
    nothing = load_corpus(str(tmp_path / "*.nope"))
    assert "matched no files" in nothing.skipped[0].reason


# --------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32", "cp1252", "latin-1"])
def test_encodings(tmp_path, encoding):
    text = "Caf\u00e9 owner speaks\n\u201cTr\u00e8s bien,\u201d said Ren\u00e9 Dupont.\n"
    if encoding == "latin-1":
        text = text.replace("\u201c", '"').replace("\u201d", '"')
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode(encoding))
    art = one(f)
    assert art.text == text
    res = analyze(f)
    for q in res.quotes.itertuples():
        assert art.text[q.start:q.end] == q.text


def test_mixed_newlines_and_nul_bytes(tmp_path):
    f = tmp_path / "a.txt"
    raw = b'Title\r\n"One," said Ann Lee.\rTwo\x00 here.\n\r\nThree.'
    f.write_bytes(raw)
    art = one(f)
    assert len(art.text) == len(raw) and "\x00" not in art.text
    assert [art.text[s:e] for s, e in art.paragraphs] == ["Title", '"One," said Ann Lee.', "Two  here.", "Three."]


def test_binary_and_empty(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"\x00\x01\x02abc" * 300)
    (tmp_path / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 50)
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "bad16.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8")  # lone surrogate
    corpus = load_corpus(tmp_path)
    r = reasons(corpus)
    assert corpus.articles == []
    assert "binary" in r["nul.txt"] and "binary" in r["png.txt"]
    assert "empty" in r["blank.txt"] and "UTF-16" in r["bad16.txt"]
    with pytest.raises(InputError, match="x.txt: empty file"):
        decode_bytes(b"", "x.txt")


# --------------------------------------------------------------------------- JSONL
def test_jsonl_bad_lines_are_named(tmp_path):
    f = tmp_path / "e.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "T\n\u201cHi,\u201d said Ann Lee.\u2028More", "bias": 2, "topic": "x"}),
        "{broken json",
        "",
        json.dumps([1, 2]),
        json.dumps({"id": "c", "text": 5}),
        json.dumps({"id": "d", "text": "   "}),
        json.dumps({"text": "No id here."}),
        json.dumps({"id": "a", "text": "Same id again."}),
    ]
    f.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8") + "{\"id\": \"w\", \"text\": \"na\u00efve\"}\n".encode("cp1252"))
    corpus = load_corpus(f)
    r = reasons(corpus)
    assert "malformed JSON" in r["e.jsonl:2"]
    assert "expected a JSON object" in r["e.jsonl:4"]
    assert "not a string" in r["e.jsonl:5"] and "empty" in r["e.jsonl:6"]
    ids = [a.id for a in corpus.articles]
    assert ids[0] == "a" and ids[2] == "a~2" and ids[3] == "w" and len(ids[1]) == 16  # content hash
    assert corpus.articles[0].text.endswith("\u2028More")  # U+2028 does not split a JSONL line
    assert corpus.articles[0].meta == {"bias": 2, "topic": "x"}
    assert corpus.articles[3].text == "na\u00efve"  # a cp1252 line in a UTF-8 file
    assert [a.source.rsplit("/", 1)[-1] for a in corpus.articles] == ["e.jsonl:1", "e.jsonl:7", "e.jsonl:8", "e.jsonl:9"]


def test_jsonl_column_mapping_and_allsides_shape(tmp_path):
    f = tmp_path / "allsides.jsonl"
    rec = {"id": "0CK", "outlet": "Fox News", "date": None, "title": "T", "text": 'Body "quoted words," said Ann Lee.',
           "url": "http://u", "topic": "immigration", "bias_text": "right", "bias": 2, "authors": "",
           "split_random": None, "keywords": ["a", "b"], "phrase_level_annotations": [{"x": 1}]}
    f.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    art = one(f)
    assert (art.id, art.outlet, art.date, art.title) == ("0CK", "Fox News", None, "T")
    assert art.meta == {"topic": "immigration", "bias_text": "right", "bias": 2, "authors": "", "split_random": None}
    g = tmp_path / "other.jsonl"
    g.write_text(json.dumps({"doc_id": 7, "body": "Words.", "source": "Wire", "start": 3}) + "\n", encoding="utf-8")
    art = one(g, columns={"id": "doc_id", "text": "body", "outlet": "source"})
    assert (art.id, art.text, art.outlet) == ("7", "Words.", "Wire")
    assert art.meta == {"meta_start": 3}  # would clash with the offset columns


# --------------------------------------------------------------------------- CSV
def test_csv_mapping_embedded_newlines_and_bad_rows(tmp_path):
    f = tmp_path / "x.csv"
    big = "word " * 60000
    f.write_text(
        'doc,body,paper,lean\n'
        'd1,"Head\n""Yes,"" said Ann Lee.\nMore",Daily,left\n'
        'd2,only two fields\n'
        'd3,"Fine",Weekly,right,EXTRA\n'
        f'd4,"{big}",Big,center\n'
        'd5,,Empty,left\n',
        encoding="utf-8",
    )
    corpus = load_corpus(f, columns={"id": "doc", "text": "body", "outlet": "paper"})
    assert [a.id for a in corpus.articles] == ["d1", "d2", "d4"]
    d1 = corpus.articles[0]
    assert d1.text == 'Head\n"Yes," said Ann Lee.\nMore' and d1.outlet == "Daily" and d1.meta == {"lean": "left"}
    assert corpus.articles[1].meta == {}  # short row: missing columns are simply absent
    r = reasons(corpus)
    assert "5 fields" in r["x.csv:6"] and "empty" in r["x.csv:8"]
    assert d1.source.endswith("x.csv:2")


def test_csv_without_text_column_names_the_fix(tmp_path):
    f = tmp_path / "y.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    r = reasons(load_corpus(f))
    assert "no 'text' column" in r["y.csv"] and "--columns text=NAME" in r["y.csv"]
    assert parse_columns("text=body, id=doc") == {"text": "body", "id": "doc"}
    with pytest.raises(ValueError, match="FIELD=COLUMN"):
        parse_columns("text")


def test_csv_cp1252_and_tsv(tmp_path):
    f = tmp_path / "z.tsv"
    f.write_bytes("id\ttext\nt1\t\u201cAu revoir,\u201d said Zo\u00eb.\n".encode("cp1252"))
    art = one(f)
    assert art.text == "\u201cAu revoir,\u201d said Zo\u00eb."


# --------------------------------------------------------------------------- HTML
def test_saved_html_page(tmp_path):
    body = "".join(f"<p>Paragraph {i} of the story, with enough words to count as article text for the extractor.</p>"
                   for i in range(8))
    page = (f"<html><head><title>Border plan</title></head><body><nav>Home | News</nav><article>"
            f"<h1>Border plan</h1>{body}<p>\u201cWe are ready,\u201d said Ann Lee.</p></article></body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    art = one(f)
    assert art.id == "page" and "We are ready" in art.text and "Home | News" not in art.text
    (tmp_path / "junk.html").write_text("<html><body></body></html>", encoding="utf-8")
    assert "no article text" in reasons(load_corpus(tmp_path / "junk.html"))["junk.html"]
