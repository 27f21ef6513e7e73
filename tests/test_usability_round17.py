"""Round 17: a new researcher's walk-through (docs/usability-log.md): inputs as researchers have them.

Every test writes its own small inputs; each one failed before the fix it guards.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from newsvoices.cli import main
from newsvoices.coding import agreement
from newsvoices.corpus import load_corpus, parse_header
from newsvoices.evaluate import evaluate_files

STORY = 'Rail strike ends\nUnion leader Bob Crow said: "We have won a fair deal."\n'


# ---- a file reached twice is read once (else its articles count twice in every share)
def test_a_file_given_twice_is_read_once_and_the_repeat_logged(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.csv").write_text('id,text\nr1,"The mayor said: ""We will rebuild."""\n', encoding="utf-8")
    c = load_corpus([tmp_path, tmp_path / "b.csv", str(tmp_path / "*.txt")])
    assert sorted(a.id for a in c.articles) == ["a", "r1"]
    repeats = [s for s in c.skipped if "given twice" in s.reason]
    assert [s.source for s in repeats] == [str(tmp_path / "b.csv"), str(tmp_path / "a.txt")]
    assert repeats[0].reason == "the same file given twice (already read)"
    assert repeats[1].reason == "the same file given twice (already read)"
    (tmp_path / "sub").mkdir()
    c = load_corpus([tmp_path / "a.txt", tmp_path / "sub" / ".." / "a.txt"])
    assert [a.id for a in c.articles] == ["a"]
    assert [s.reason for s in c.skipped] == [f"the same file given twice (already read as {tmp_path / 'a.txt'})"]


# ---- "CSV" as Excel saves it in many locales: BOM, ';' between fields, Windows line ends
def test_semicolon_csv_from_excel_is_read(tmp_path):
    rows = ["id;title;text;outlet;label",
            'x1;Strike ends;"Union leader Bob Crow said: ""We have won a fair deal."";\r\nThe firm was pleased.";'
            '"Paper; Ltd";labour',
            'x2;Flood warning;"Stay away from the water, a spokesman said.";Paper;environment']
    (tmp_path / "excel.csv").write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8") + b"\r\n")
    c = load_corpus(tmp_path / "excel.csv")
    assert c.skipped == []
    assert [a.id for a in c.articles] == ["x1", "x2"]
    assert c.articles[0].outlet == "Paper; Ltd" and c.articles[0].meta == {"label": "labour"}
    assert "fair deal" in c.articles[0].text


def test_comma_csv_with_semicolons_in_quoted_header_names_stays_comma(tmp_path):
    (tmp_path / "a.csv").write_text('id,text,"notes; misc"\nr1,"The mayor said: ""Yes.""",x\n', encoding="utf-8")
    c = load_corpus(tmp_path / "a.csv")
    assert [a.id for a in c.articles] == ["r1"] and c.articles[0].meta == {"notes; misc": "x"}


# ---- a header written with capitalised keys is metadata, not the headline and two paragraphs
def test_capitalised_header_block_is_read_as_metadata(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Title: Rail strike ends\nDate: 2005-04-01\nOutlet: BBC\n\n" + STORY, encoding="utf-8")
    art = load_corpus(f).articles[0]
    assert (art.title, art.date, art.outlet) == ("Rail strike ends", "2005-04-01", "BBC")
    assert art.text[art.paragraphs[0][0]:art.paragraphs[0][1]] == "Rail strike ends"
    assert len(art.paragraphs) == 2


@pytest.mark.parametrize("text", [
    "Profile: David Miliband\n\nBody.\n",               # one line: a headline
    "Update: Minister resigns\nDate: today\n\nBody.\n",  # an unknown key: not a header
    "Title: a\nDate: b\nBody.\n",                      # no blank line after it
])
def test_capitalised_lines_that_are_not_a_header(text):
    assert parse_header(text) == ({}, 0)


# ---- messages
def test_skip_messages_read_well(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "The mayor said \n', encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,extra,text\nr1\n", encoding="utf-8")
    reasons = sorted(s.reason for s in load_corpus(tmp_path).skipped)
    assert reasons == ["malformed JSON (Unterminated string starting at column 21)",
                       "row has 1 field, the header has 3: no 'text' value"]


# ---- notebooks / report on a tables folder, and exports with other column names
def test_notebooks_on_a_tables_folder_do_not_read_its_csvs_as_articles(tmp_path):
    from newsvoices.report import build_reports

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(STORY, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "corpus"), "--out", str(tmp_path / "t"), "--no-progress",
                 "--workers", "1"]) == 0
    build_reports(tmp_path / "t", tmp_path / "rep", notebooks=["01_corpus"], progress=False, summary=False)
    log = pd.read_csv(tmp_path / "rep" / "tables" / "run_log.csv", keep_default_na=False)
    assert list(log["article_id"]) == ["a"] and (tmp_path / "rep" / "01_corpus.html").is_file()


def test_export_coding_takes_columns(tmp_path):
    (tmp_path / "e.csv").write_text('doc_id,headline,body\nd1,Strike ends,"Union leader Bob Crow said: '
                                    '""We have won a fair deal."""\n', encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    assert main(["export-coding", str(tmp_path / "e.csv"), "--out", str(sheet),
                 "--columns", "text=body,id=doc_id,title=headline"]) == 0
    s = pd.read_csv(sheet, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(s["article_id"]) == ["d1"] and "fair deal" in s["quote"][0]


# ---- a coding sheet re-saved by Excel on Windows: cp1252 and ';'
def test_agreement_reads_a_sheet_resaved_by_excel(tmp_path):
    sheet = pd.DataFrame({"item": ["a:0", "a:1"], "tool_speaker": ["Ann Lee", "Bo"],
                          "tool_voice_type": ["official", "public"], "coder": ["jos\u00e9"] * 2,
                          "coder_is_quote": ["yes", "yes"], "coder_speaker": ["ok", "ok"],
                          "coder_voice_type": ["ok", "expert"], "coder_notes": ["\u201cquoted\u201d \u2013 fine", ""]})
    sheet.to_csv(tmp_path / "s.csv", index=False, sep=";", encoding="cp1252", lineterminator="\r\n")
    t = agreement([tmp_path / "s.csv"])
    row = t[(t["field"] == "voice_type")].iloc[0]
    assert row["comparison"] == "jos\u00e9 vs tool" and row["items"] == 2 and row["agree"] == 1


# ---- evaluate: gold offsets outside the text are an error naming file and line
def _gold(tmp_path, *recs, blank_first=False):
    f = tmp_path / "gold.jsonl"
    f.write_text(("\n" if blank_first else "") + "".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return f


def test_evaluate_rejects_offsets_outside_the_text(tmp_path):
    ok = {"id": "a", "text": 'Jo said: "Rain is due."', "quotes": [{"start": 10, "end": 22, "kind": "direct"}]}
    bad = {"id": "b", "text": "x", "quotes": [{"start": 5, "end": 50, "kind": "direct"}]}
    with pytest.raises(ValueError, match=r"gold.jsonl:3 \(b\), quote 1: start/end 5-50 outside the text"):
        evaluate_files(_gold(tmp_path, ok, bad, blank_first=True))
    spk = {"id": "c", "text": 'Jo said: "Rain is due."',
           "quotes": [{"start": 10, "end": 22, "kind": "direct", "speaker": "Jo", "speaker_start": 0, "speaker_end": 99}]}
    with pytest.raises(ValueError, match="speaker_start/speaker_end 0-99"):
        evaluate_files(_gold(tmp_path, spk))
    with pytest.raises(ValueError, match="id 'a' repeats"):
        evaluate_files(_gold(tmp_path, ok, ok))
    assert evaluate_files(_gold(tmp_path, ok))["direct_R"] == 1.0


def test_evaluate_names_the_column_of_malformed_json(tmp_path):
    f = tmp_path / "g.jsonl"
    f.write_text('{"id": "a", "text": "x\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"g.jsonl:1: malformed JSON \(Invalid control character at column 23\)"):
        evaluate_files(f)


# ---- an --out folder inside the corpus is not read back as articles on the next run
def test_tables_folder_inside_the_corpus_is_not_read_as_articles(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(STORY, encoding="utf-8")
    for _ in range(2):
        assert main(["analyze", str(corpus), "--out", str(corpus / "results"), "--no-progress", "--workers", "1"]) == 0
    log = pd.read_csv(corpus / "results" / "run_log.csv", keep_default_na=False)
    assert list(log.loc[log["status"] == "processed", "article_id"]) == ["a"]
    skipped = log[log["status"] == "skipped"]
    assert len(skipped) >= 10 and skipped["reason"].str.startswith("a table written by newsvoices").all()
    assert {"articles.csv", "quotes.csv"} <= {s.rsplit("/", 1)[-1] for s in skipped["source"]}


# ---- one --columns for a mixed corpus: a file without the mapped name falls back to ours
def test_columns_fall_back_to_the_standard_names_per_file(tmp_path):
    (tmp_path / "a.csv").write_text('doc_id,body,source\nd1,"The mayor said: ""Yes.""",Gazette\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "j1", "text": 'Jo said: "No."', "outlet": "Post"}) + "\n"
                                      + json.dumps({"id": "j2", "title": "only a title"}) + "\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text('id,text\nc1,"Ann said: ""Maybe."""\n', encoding="utf-8")
    c = load_corpus(tmp_path, columns={"text": "body", "id": "doc_id", "outlet": "source"})
    assert [(a.id, a.outlet) for a in c.articles] == [("d1", "Gazette"), ("j1", "Post"), ("c1", None)]
    assert [s.reason for s in c.skipped] == ["no 'body' or 'text' field"]


# ---- spreadsheet headers are often capitalised
def test_csv_header_names_match_in_any_case(tmp_path):
    (tmp_path / "a.csv").write_text('ID,Title,Text,Date,Stance\n1,Hello,"The mayor said: ""Yes.""",2020-01-01,left\n',
                                    encoding="utf-8")
    c = load_corpus(tmp_path / "a.csv")
    a = c.articles[0]
    assert (a.id, a.title, a.date, a.meta) == ("1", "Hello", "2020-01-01", {"Stance": "left"})
    assert a.text == 'The mayor said: "Yes."'


# ---- a folder of .json files, one article each, as scrapers (news-please ...) save them
def test_json_files_one_article_each_or_a_list(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.json").write_text(json.dumps({
        "title": "Strike ends", "maintext": 'Union leader Bob Crow said: "We have won a fair deal."',
        "date_publish": "2020-01-02", "source_domain": "example.com", "authors": ["A B"]}), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([{"id": "L1", "text": 'Ann Lee said: "No."'}, {"id": "L2"}]),
                                        encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"text": "x",\n "title": }\n', encoding="utf-8")
    c = load_corpus(tmp_path, columns={"text": "maintext", "date": "date_publish", "outlet": "source_domain"})
    assert [(a.id, a.title, a.date, a.outlet) for a in c.articles] == [
        ("L1", None, None, None), ("site/a", "Strike ends", "2020-01-02", "example.com")]
    assert [(s.source.rsplit("/", 1)[-1], s.reason) for s in c.skipped] == [
        ("bad.json:2", "malformed JSON (Expecting value at column 11)"),
        ("list.json[1]", "no 'maintext' or 'text' field")]


# ---- a run that read no article says so and fails, instead of empty tables and a notebook traceback
def test_no_article_read_is_an_error_not_an_empty_success(tmp_path, capsys):
    typo = str(tmp_path / "corpsu")
    assert main(["analyze", typo, "--out", str(tmp_path / "t"), "--no-progress"]) == 1
    assert (tmp_path / "t" / "run_log.csv").is_file()
    assert main(["quotes", typo, "--workers", "1"]) == 1
    assert main(["export-coding", typo, "--out", str(tmp_path / "s.csv")]) == 1
    err = capsys.readouterr().err
    assert "no such file or folder" in err and err.count("no article was read") == 3
    (tmp_path / "e.csv").write_text('doc_id,body\nd1,"The mayor said: ""Yes."""\n', encoding="utf-8")
    assert main(["notebooks", str(tmp_path / "e.csv"), "--out", str(tmp_path / "rep"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "no article to report on" in err and "no 'text' column" in err and "--columns text=NAME" in err
    assert not (tmp_path / "rep" / "01_corpus.html").exists()


def test_report_on_a_corpus_with_no_article_lists_the_skipped_inputs(tmp_path, capsys):
    assert main(["report", str(tmp_path / "corpsu"), "--out", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "no article to report on (1 inputs skipped)" in err and "no such file or folder" in err
    assert "no article matches" not in err


def test_export_coding_bad_sample_is_a_message_not_a_traceback(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    assert main(["export-coding", str(tmp_path / "a.txt"), "--out", str(tmp_path / "s.csv"), "--sample", "0"]) == 2
    assert "newsvoices export-coding: sample must be a positive number" in capsys.readouterr().err
    assert main(["export-coding", str(tmp_path / "a.txt"), "--out", str(tmp_path / "s.csv"), "--sample", "50"]) == 0
    err = capsys.readouterr().err
    assert "asked for more quotes than there are; the sheet has all 1" in err and "wrote 1 quotes" in err


@pytest.mark.parametrize("spec, said", [
    ("text", "expected FIELD=COLUMN, got 'text'"),
    ("body=text", "body=text maps our field 'body' to your column 'text'"),
    ("text=", "expected FIELD=COLUMN, got 'text='"),
])
def test_a_wrong_columns_option_is_a_usage_error(tmp_path, capsys, spec, said):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["quotes", str(tmp_path / "a.txt"), "--columns", spec])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --columns: {said}" in err and "Traceback" not in err


def test_an_output_folder_that_cannot_be_made_is_a_message(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "afile").write_text("", encoding="utf-8")
    assert main(["analyze", str(tmp_path / "a.txt"), "--out", str(tmp_path / "afile" / "x"), "--no-progress"]) == 2
    assert "cannot write the output folder" in capsys.readouterr().err


def test_corpus_notebook_shows_skip_reasons_in_full_and_first(tmp_path):
    from newsvoices.report import build_reports

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "c" / "z.csv").write_text('doc_id,headline,body,source,published\nd1,H,"B",S,2020\n', encoding="utf-8")
    build_reports(tmp_path / "c", tmp_path / "rep", notebooks=["01_corpus"], progress=False, summary=False)
    page = (tmp_path / "rep" / "01_corpus.html").read_text(encoding="utf-8")
    log = page[page.index("Every input is accounted for"):]
    assert "name the text column with --columns text=NAME" in log
    assert log.index("z.csv") < log.index("a.txt")


# ---- a page saved with "Webpage, complete": its resource folder is not read as articles
def test_saved_page_resource_folder_is_not_read_as_articles(tmp_path):
    page = ("<html><head><title>Strike ends</title></head><body><article><h1>Strike ends</h1>"
            "<p>Union leader Bob Crow said the deal was fair and that members would return to work on Monday "
            "after three weeks on the picket lines outside the depot.</p></article></body></html>")
    (tmp_path / "Story.html").write_text(page, encoding="utf-8")
    (tmp_path / "Story_files").mkdir()
    (tmp_path / "Story_files" / "ad.html").write_text(page.replace("Strike ends", "Buy shoes"), encoding="utf-8")
    (tmp_path / "Story_files" / "app.js").write_text("var a = 1;", encoding="utf-8")
    (tmp_path / "Other_files").mkdir()  # no Other.html beside it: an ordinary folder
    (tmp_path / "Other_files" / "b.txt").write_text(STORY, encoding="utf-8")
    c = load_corpus(tmp_path)
    assert [a.id for a in c.articles] == ["Other_files/b", "Story"]
    assert [(s.source.rsplit("/", 1)[-1], s.reason) for s in c.skipped] == [
        ("ad.html", "part of the saved web page Story.html (its resource folder), not an article"),
        ("app.js", "part of the saved web page Story.html (its resource folder), not an article")]
