"""Fast paths give exactly what the plain code they replace gives."""

from __future__ import annotations

import random

from newsvoices import attribution, frames, identity, sentiment

TEXTS = [
    "", "x", "GREAT!!! not bad :) but the plan, sadly, FAILED.", "He isn't happy -- never was; 'awful' they said?!?",
    "The court ruled the law unconstitutional, judges said.", "A wonderful, safe plan that will help families.",
    "“We will not stand for this,” she said, calling it a disgrace and a betrayal of trust.",
    "Kind of good, sort of bad; at least it was not the worst outcome.",
]


def test_tone_score_path_equals_the_feature_dict_model():
    m = sentiment.news_tone_model()
    rng = random.Random(1)
    words = " ".join(TEXTS).split()
    texts = TEXTS + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(200)]
    for t in texts:
        assert m._proba(t) == m.model.proba(sentiment.tone_features(t)), t
    assert sentiment.score(texts) == [round(sentiment._band(m.model.proba(sentiment.tone_features(t))), 6)
                                      for t in texts]


def test_tokens_equal_the_regex_tokens():
    rng = random.Random(4)
    pieces = ["Sen.", "O’Neil", "(R-N.Y.)", "said", "“Yes,”", "U.S.", "co-op", "AT&T", "—", "3.5%", "\n\n", "  ",
              "José", "naïve", "…", "'quoted'", "e-mail", "x", "!?"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(0, 30)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        ref = [(m.start(), m.end(), m.group()) for m in attribution._WORD_RE.finditer(text, lo, hi)]
        assert attribution._tokens(text, lo, hi) == ref, (text, lo, hi)


def test_frames_without_keywords_get_none():
    assert frames.classify(["", "Nothing to see.", "zzz qqq"]) == [[], [], []]
    assert all(s == 0 for s in frames.lexicon().scores("zzz qqq"))
    assert frames.classify(["The court ruled the law unconstitutional."]) != [[]]


def test_identity_keys_memoised_but_follow_the_data_files(tmp_path, monkeypatch):
    assert identity.person_key("Sen. Edward M. Kennedy Jr.") == "edward kennedy"
    titles = tmp_path / "titles.txt"
    titles.write_text("professor\n", encoding="utf-8")
    monkeypatch.setattr(identity, "TITLES_PATH", titles)
    assert identity.person_key("Sen. Edward M. Kennedy Jr.") == "sen edward kennedy"  # other titles file
    assert identity.person_key("Professor Jo Doe") == "jo doe"


def _person_key_plain(name: str) -> str:
    """identity._person_key as a plain scan of every title (the reference for the grouped look-up)."""
    name = identity._SUFFIX.sub("", name.strip())
    words = identity._words(name)
    titles = identity._titles(str(identity.TITLES_PATH))
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        for t in titles:
            if len(words) > len(t) and tuple(words[: len(t)]) == t:
                words = words[len(t):]
                stripped = True
                break
    cut = 0
    for i in range(1, len(words) - 1):
        for t in titles:
            if tuple(words[i:i + len(t)]) == t and i + len(t) < len(words):
                cut = max(cut, i + len(t))
    words = words[cut:]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return " ".join(words)


def test_person_key_title_lookup_equals_a_scan_of_every_title():
    rng = random.Random(7)
    titles = [" ".join(t) for t in identity._titles(str(identity.TITLES_PATH))]
    assert any(len(t.split()) > 1 for t in titles)  # multi-word titles exercise the longest-first rule
    pieces = titles + ["John", "McCain", "Kennedy", "M.", "Jr.", "Zoë", "Él", "O’Neil", "U.S.", "de"]
    names = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(600)]
    for n in names:
        assert identity.person_key(n) == _person_key_plain(n), n
        assert identity.slug(n) == identity.slug.__wrapped__(n)
    assert identity._ascii_fold("Zoë Él") == "Zoe El"


def _propagation_rows():
    """Speaker and quote rows over 6 articles where propagation changes rows in several parts."""
    sp, qs = [], []
    spec = [  # article, speaker id, kind, voice, rule
        ("a1", "jay-inslee", "person", "official", "executive-office"),
        ("a2", "jay-inslee", "person", "other", "default"),
        ("a3", "jay-inslee", "person", "other", "person-with-description"),
        ("a3", "chuck-grassley", "person", "politician", "politician-role"),
        ("a4", "grassley", "person", "other", "default"),
        ("a4", "a4#a-source", "anonymous", "other", "default"),
        ("a5", "home-office", "organisation", "official", "org-government-uk"),
        ("a6", "home-office", "organisation", "other", "organisation-unknown"),
        ("a6", "jo-doe", "person", "other", "default"),
    ]
    for aid, sid, kind, voice, rule in spec:
        sp.append({"article_id": aid, "speaker_id": sid, "name": sid, "kind": kind, "voice_type": voice,
                   "voice_rule": rule, "n_quotes": 1})
        qs.append({"article_id": aid, "quote_id": len(qs), "speaker_id": sid, "voice_type": voice, "text": "x"})
    return sp, qs


def test_streamed_corpus_pass_equals_propagate_rows(tmp_path):
    from types import SimpleNamespace

    import pandas as pd

    from newsvoices import runner, voices

    sp, qs = _propagation_rows()
    want_sp, want_q = voices.propagate_rows(sp, qs)
    assert sum(a != b for a, b in zip(sp, want_sp)) == 4  # the example exercises the propagation
    sink = runner.TableSink(tmp_path, chunk_articles=1, csv=False)  # one part per article
    for aid in dict.fromkeys(r["article_id"] for r in sp):
        payload = {"speakers": [r for r in sp if r["article_id"] == aid], "quotes": [q for q in qs if q["article_id"] == aid]}
        sink.add(SimpleNamespace(source="mem", id=aid), "processed", payload)
    sink.finish()
    got_sp = pd.read_parquet(tmp_path / "speakers.parquet")
    got_q = pd.read_parquet(tmp_path / "quotes.parquet")
    assert got_sp[["speaker_id", "voice_type", "voice_rule"]].values.tolist() == [
        [r["speaker_id"], r["voice_type"], r["voice_rule"]] for r in want_sp]
    assert got_q["voice_type"].tolist() == [q["voice_type"] for q in want_q]


def test_time_budget_is_enforced_in_worker_threads(monkeypatch):
    """Dask runs analyze_one in worker threads, where SIGALRM cannot be used."""
    import threading
    import time as _time

    from newsvoices import pipeline, runner
    from newsvoices.model import Article

    runner.warm_up()
    real = pipeline.analyze_article

    def slow(article):
        if "slow" in article.text:
            end = _time.monotonic() + 20
            while _time.monotonic() < end:  # pure-Python work, interruptible between instructions
                pass
        return real(article)

    monkeypatch.setattr(pipeline, "analyze_article", slow)
    arts = [Article(id="a", text='Title\n"Yes," said Ann Lee.'), Article(id="b", text="slow\nwork"),
            Article(id="c", text='Title\n"No," said Bo Li.')]
    out: list = []
    t0 = _time.monotonic()
    th = threading.Thread(target=lambda: out.extend(runner.analyze_one(a, time_budget=0.5) for a in arts))
    th.start()
    th.join(15)
    assert not th.is_alive() and _time.monotonic() - t0 < 10
    assert [r[0] for r in out] == ["processed", "skipped", "processed"]
    assert "time budget of 0.5 s exceeded" in out[1][1]
    assert out[0][1]["quotes"] and out[2][1]["quotes"]


def test_lower_words_equals_a_plain_whole_word_scan():
    from newsvoices.entities import LowerWords

    def plain(text: str, word: str) -> bool:
        n = len(word)
        return any(text.startswith(word, i) and not (i > 0 and text[i - 1].isalnum())
                   and not (i + n < len(text) and text[i + n].isalnum()) for i in range(len(text)))

    rng = random.Random(5)
    pieces = ["u", "us", "U.S.", "bus", "_u", "u_", "é", "ué", "u\u0301", "an", "can", "’s", "o'neil", "-", " ", ". "]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        lw = LowerWords(text)
        for word in ("u", "us", "an", "é", "o'neil", "s", "_u"):
            assert (word in lw) == plain(text, word), (text, word)
    assert "u" in LowerWords("bus usu u1 uu " * 5 + "u")  # found by the regex after four near misses
    assert "u" not in LowerWords("bus usu u1 uu " * 5)
    assert "u" in LowerWords("bus usu u1 uu " * 5 + "x_u")  # "_" is no letter or digit


def test_carried_speaker_only_reaches_two_narrative_paragraphs_ahead():
    """Narrative paragraphs far from any quotation paragraph are skipped by extract's carry loop."""
    from newsvoices.extract import extract
    from newsvoices.model import Article

    intro = "Jane Doe, a nurse at the county hospital, said the wards were full."
    filler = "The wards were quiet on Monday morning after the storm."
    other = "Bob Smith ran the night shift at the time."
    quote = "\u201cWe cannot cope with any more patients this winter at all.\u201d"

    def speaker(paras):
        art = Article("t", "Hospital strain\n\n" + "\n\n".join(paras), title="Hospital strain")
        ex = extract(art)
        direct = [q for q in ex.quotes if q.kind == "direct"]
        assert len(direct) == 1
        return ex.entity(direct[0].entity).name if direct[0].entity else None

    assert speaker([filler] * 4 + [intro, quote]) == "Jane Doe"
    assert speaker([filler] * 4 + [intro, filler, quote]) == "Jane Doe"
    assert speaker([intro, filler, filler, quote]) is None
    assert speaker([intro, filler, other, filler, filler, quote]) is None
    assert speaker([intro, other, quote]) is None
    assert speaker([intro, quote, filler, filler, filler]) == "Jane Doe"


def test_role_mention_regex_equals_its_word_boundary_form():
    import re

    from newsvoices.extract import _tools

    fast = _tools()[1].role_mention_re
    head = r"[Tt](?<!\w[Tt])he "
    assert fast.pattern.startswith(head)
    plain = re.compile(r"\b[Tt]he " + fast.pattern[len(head):], fast.flags)
    rng = random.Random(9)
    pieces = ["The", "the", "bathe", "Athe", "_the", "éthe", "Tthe", "spokesman", "Labour MP", "Home Office",
              "minister", " ", " ", ", ", "\n", "The ", "the\u00a0", "Foreign", "x"]
    p = _tools()[1]
    at_he, shift = p.role_mention_at_he_re, p.role_mention_shift
    assert shift == 1 and at_he.pattern.startswith("he ")  # (the fast form is in use with the default roles)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 25)))
        want = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == want, text
        # the form found from "he ": the same matches, each starting one character later
        assert [((m.start() - shift, m.end()), m.groups()) for m in at_he.finditer(text)] == want, text
    # a role ending with a one-character word keeps the plain form (a match could start inside the last)
    from newsvoices.lexicon import load_lexicon

    lex = load_lexicon()
    assert re.search(r"(?<!\w)\w\Z", "vitamin t") and not re.search(r"(?<!\w)\w\Z", "minister")
    assert len(lex.roles) > 10 and not any(re.search(r"(?<!\w)\w\Z", r) for r in lex.roles)
    import dataclasses

    odd = attribution.Parser(dataclasses.replace(lex, roles=lex.roles | {"vitamin t"}))
    assert odd.role_mention_shift == 0 and odd.role_mention_at_he_re is odd.role_mention_re


def test_lexicon_files_are_read_once_per_directory():
    """`load_lexicon` is asked per quote and per article: a lost cache made the analysis ~5x slower."""
    from newsvoices.lexicon import load_lexicon

    assert load_lexicon() is load_lexicon()


def test_token_windows_are_memoised_per_text_only():
    a = "Jane Doe said the plan would fail."
    b = "Mr. O’Neil told reporters: no way."
    first = attribution._tokens(a, 0, 20)
    assert attribution._tokens(a, 0, 20) == first
    assert attribution._tokens(b, 0, 20) == [(m.start(), m.end(), m.group())
                                             for m in attribution._WORD_RE.finditer(b, 0, 20)]
    assert attribution._tokens(b, 0, 20) != first
    assert attribution._tokens(a, 0, 20) == first  # back to the first text: scanned again, same tokens


def test_headline_count_equals_the_share_of_capitalised_words():
    p = attribution.Parser()
    rng = random.Random(7)
    words = ["Glenn", "Beck", "Says", "Trump", "Poses", "A", "Threat", "the", "plan", "would", "cost", "more", "É",
             "état", "Über", "3rd", "(Reform", "\u201cHas", "to"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        ws = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
        want = len(ws) >= 3 and sum(w[:1].isupper() for w in ws) >= 0.7 * len(ws)
        assert p._headline_cue_ok(text, len(text), 0, len(text), whole=True) == want, text


def _vader_texts(n: int, seed: int) -> list[str]:
    """Random texts over VADER's tricky cases: lexicon words, boosters, negations, idioms,
    "kind of", "but", "least", all caps and punctuation glued to words."""
    rng = random.Random(seed)
    vocab = ("good bad great awful happy sad love hate kind of sort very extremely barely not never isn't "
             "no so this least at but the shit bomb kiss death cut mustard yeah right hand to mouth bad ass "
             "plan said it was a disaster wonderful failed hardly just enough U.S. don't e-mail a.m. ok").split()
    glue = ["", "", "", "!", "!!!", "?", "?!?", ",", ".", "'", ":)", "...", "(", ")", "-"]
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(0, 25)):
            w = rng.choice(vocab)
            if rng.random() < 0.15:
                w = w.upper()
            if rng.random() < 0.3:
                w = rng.choice(glue) + w if rng.random() < 0.4 else w + rng.choice(glue)
            words.append(w)
        out.append(" ".join(words))
    return out


def test_vader_scores_equal_nltk_polarity_scores():
    ref = sentiment.nltk_reference_analyzer()
    fast = sentiment.analyzer()
    for t in TEXTS + _vader_texts(1500, seed=5):
        p = ref.polarity_scores(t)
        want = (float(p["compound"]), float(p["pos"]), float(p["neg"]), float(p["neu"])) if t.strip() else (0.0,) * 4
        assert fast.scores(t) == want or not t.split(), t
        assert repr(sentiment._vader(t)) == repr(want), t


def _dense_plain(text: str):
    """sentiment._dense_tone_features as separate passes over the words (the code it replaced)."""
    import math

    text = text or ""
    comp, pos, neg, neu = sentiment._vader(text)
    words = sentiment._WORD.findall(text.lower())
    pat, lex, cues = sentiment.pattern_lexicon(), sentiment.analyzer().lexicon, sentiment.cue_words()
    negators = cues["negators"]
    vals = [lex[w] for w in words if w in lex]
    pv = [pat[w] for w in words if w in pat]
    sv = [v for v in map(sentiment.unknown_word_valence, words) if v]
    negated_pos = negated_neg = 0.0
    scope = 0
    for w in words:
        if w in negators or w.endswith("n't"):
            scope = 3
            continue
        if scope:
            v = lex.get(w, 0.0)
            negated_pos, negated_neg = (1.0 if v > 0 else negated_pos), (1.0 if v < 0 else negated_neg)
            scope -= 1
    tokens = text.split()
    return words, (
        comp, pos, neg, neu, sum(vals) / 4, sum(vals) / len(vals) / 4 if vals else 0.0,
        sum(v > 0 for v in vals) / 3, sum(v < 0 for v in vals) / 3, min(vals, default=0.0) / 4,
        max(vals, default=0.0) / 4, float(any(w in negators or w.endswith("n't") for w in words)),
        float(any(w in cues["contrast"] for w in words)), math.log1p(len(words)) / 4,
        sum(pat.get(w, 0.0) for w in words), sum(pv) / len(pv) if pv else 0.0,
        sum(sv), sum(v > 0 for v in sv) / 3, sum(v < 0 for v in sv) / 3, min(sv, default=0.0), max(sv, default=0.0),
        negated_pos, negated_neg, sum(w in cues["hedges"] for w in words) / 2,
        float(any(w in cues["first_person"] for w in words)), float(any(c in text for c in "\"“”")),
        float("?" in text), float("!" in text), min(3, len(sentiment._DIGITS.findall(text))) / 3,
        sum(1 for x in tokens[1:] if x[:1].isupper()) / max(1, len(tokens)), float(not vals and not pv))


def test_dense_tone_features_in_one_pass_equal_the_separate_passes():
    extra = ["unsafe wrecked but I think maybe not 3 of 4", "We", "no no no good", "I really hate, but love it",
             "A\u00a0Big\x1cDeal \u2003Éclair ǅ\u2028Yes “quoted” ok", " \t", ""]
    for t in TEXTS + extra + _vader_texts(400, seed=6):
        got = sentiment._dense_tone_features(t)
        assert repr(got) == repr(_dense_plain(t)), t


def test_speaker_ids_memoised_by_the_entity_fields():
    from newsvoices.extract import Entity

    a = identity.speaker_id(Entity("e1", "a Home Office spokesperson", "anonymous", None, "Home Office"), "a1")
    b = identity.speaker_id(Entity("e7", "a Home Office spokesperson", "anonymous", None, "Home Office"), "a2")
    assert a == b == "home-office"
    assert identity.speaker_id(Entity("e1", "one civil servant", "anonymous"), "a1") == "a1#one-civil-servant"
    assert identity.speaker_id(Entity("e1", "one civil servant", "anonymous"), "a2") == "a2#one-civil-servant"


def test_skipped_cues_drop_only_their_own_reported_speech():
    # extract() passes the cues of direct quotations, whose reported speech it discards anyway
    p = attribution.Parser()
    text = ("Jo Roe said the plan would fail, and the mayor warned that taxes would rise. "
            "Critics argued the vote was rushed, officials said on Monday.")
    ends = [m.end() for m in attribution._SENT_PUNCT_RE.finditer(text)]
    full = p.reported_speech(text, 0, len(text), ends, lambda pos: False)
    cues = sorted({r.attribution.cue_start for r in full})
    assert len(cues) >= 2
    for skip in cues:
        part = p.reported_speech(text, 0, len(text), ends, lambda pos: False, frozenset([skip]))
        assert [(r.start, r.end, r.attribution.cue_start) for r in part] == \
            [(r.start, r.end, r.attribution.cue_start) for r in full if r.attribution.cue_start != skip]


def test_source_check_memoised_across_articles_equals_can_be_source():
    from newsvoices import entities, extract

    extract.reset_tools()
    assert not extract._SOURCE_MEMO
    cases = [("Jo Bloggs", "person"), ("a portion", "anonymous"), ("October", "person"), ("the report", "group"),
             ("Late Monday", "person"), ("Palo Alto", "person"), ("the Home Office", "organisation")]
    for _ in range(2):  # the second round is answered from the memo
        for name, kind in cases:
            assert extract._can_be_source(name, kind) == entities.can_be_source(name, kind), (name, kind)
    assert set(extract._SOURCE_MEMO) == set(cases)
    extract.reset_tools()
    assert not extract._SOURCE_MEMO


def test_token_windows_derived_from_scanned_windows_equal_the_regex_tokens():
    # _tokens slices a window out of a wider one from the same start (or extends a narrower one);
    # _tokens_within slices it out of a covering window with another start
    rng = random.Random(11)
    pieces = ["Sen.", "O’Neil", "(R-N.Y.)", "said", "“Yes,”", "U.S.", "U.S.-based", "co-op", "AT&T", "—", "3.5%",
              "\n\n", "  ", "José", "…", "'quoted'", "e-mail", "x", "!?", "a.b.c", "--", "&&", "'", "\u00a0", ","]
    for _ in range(1500):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n", "\u00a0"]) for _ in range(rng.randint(0, 30)))
        wlo = rng.randint(0, len(text))
        whi = rng.randint(wlo, len(text))
        attribution._tokens(text, wlo, whi)  # (a new text: the windows of the last one are forgotten)
        for _ in range(4):
            lo = rng.randint(wlo, whi) if rng.random() < 0.7 else wlo
            hi = rng.randint(lo, len(text))
            ref = [(m.start(), m.end(), m.group()) for m in attribution._WORD_RE.finditer(text, lo, hi)]
            assert attribution._tokens_within(text, lo, hi, wlo, whi) == ref, (text, lo, hi, wlo, whi)
            assert attribution._tokens(text, lo, hi) == ref, (text, lo, hi)


def _frames_plain(lex: frames.Lexicon, texts: list[str]) -> list[list[str]]:
    """frames.Lexicon.classify ranking all 14 frames (the code the ranking of scoring frames replaced)."""
    import math

    res = []
    for t in texts:
        words = frames.lower_words(t or "")
        s = lex._scores(words)
        if not any(x > 0 for x in s):
            res.append([])
            continue
        ranked = sorted(range(len(frames.FRAMES)), key=lambda j: (-s[j], j))
        keep = [j for j in ranked if s[j] > 0 and s[j] >= lex.thresholds.get(frames.FRAMES[j], math.inf)]
        if not keep and s[ranked[0]] > 0:
            keep = [ranked[0]]
        cap = min(lex.max_frames, max(1, len(words) // max(1, lex.words_per_frame)))
        res.append([frames.FRAMES[j] for j in sorted(keep[:cap])])
    return res


def test_frames_ranking_of_scoring_frames_equals_ranking_all():
    shipped = frames.lexicon()
    rng = random.Random(9)
    vocab = sorted(shipped.index)[:400] + "the a of said not plan zzz".split()
    texts = TEXTS + [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 160))) for _ in range(400)]
    # ties between frames (equal weights) and low thresholds (several frames kept, capped)
    kw = {f: {"alpha": 1.0, "beta": 2.0 if j % 3 else 1.0, f"w{j}": 0.5} for j, f in enumerate(frames.FRAMES)}
    tied = frames.Lexicon(kw, {f: (0.1 if j % 2 else 9.0) for j, f in enumerate(frames.FRAMES)}, max_frames=3,
                          words_per_frame=2)
    tied_texts = [" ".join(rng.choice(["alpha", "beta", "gamma", *(f"w{j}" for j in range(14))])
                           for _ in range(rng.randint(1, 12))) for _ in range(300)]
    for lex, ts in ((shipped, texts), (tied, tied_texts)):
        got = lex.classify(ts)
        assert got == _frames_plain(lex, ts)
        assert sum(len(x) > 1 for x in got) > 10  # several frames per text are exercised


def _band_plain(p):
    """sentiment._band with the arg-max as max over the classes (the code it replaced)."""
    s = p[2] - p[0]
    k = max(range(3), key=lambda i: p[i])
    if k == 1:
        return sentiment.NEUTRAL_BAND * s / (abs(s) + sentiment.NEUTRAL_BAND)
    if k == 2:
        return max(s, sentiment.NEUTRAL_BAND + 1e-3)
    return min(s, -sentiment.NEUTRAL_BAND - 1e-3)


def test_band_argmax_written_out_equals_max_over_classes():
    rng = random.Random(11)
    vals = [0.0, 0.2, 1 / 3, 0.5, 0.9]
    probs = [(a, b, c) for a in vals for b in vals for c in vals]  # every tie pattern
    probs += [tuple(rng.random() for _ in range(3)) for _ in range(500)]
    for p in probs:
        assert repr(sentiment._band(p)) == repr(_band_plain(p)), p


def test_quote_mark_regex_equals_its_branch_form():
    import re

    from newsvoices import quotes

    branch = re.compile(r"``|''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201b'\u2039\u203a]")
    rng = random.Random(7)
    alphabet = "``''\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201b'\u2039\u203a ab`\n"
    for text, lo, hi in _fuzz_texts(rng, alphabet, 3000, joiners=("",), max_pieces=14):
        ref = [(m.span(), m.group()) for m in branch.finditer(text, lo, hi)]
        assert [(m.span(), m.group()) for m in quotes._MARK_RE.finditer(text, lo, hi)] == ref, (text, lo, hi)


_JOINERS = ("", " ", " ", "\u00a0", "\n", "-", "'")


def _fuzz_texts(rng, pieces, n=400, joiners=_JOINERS, max_pieces=12):
    """Random texts of up to ``max_pieces`` pieces (each followed by a joiner) and a slice lo:hi of each."""
    for _ in range(n):
        text = "".join(rng.choice(pieces) + rng.choice(joiners) for _ in range(rng.randint(0, max_pieces)))
        lo = rng.randint(0, len(text))
        yield text, lo, rng.randint(lo, len(text))


def test_hint_regexes_with_a_lookbehind_equal_their_word_boundary_form():
    import re

    p = attribution.Parser()
    rng = random.Random(11)
    rs = p.lex.reported_speech
    for rx, vocab in ((p._group_hint_re, set(rs.get("group_words", ())) | {"percent"}),
                      (p._source_hint_re, p.source_nouns), (p._adverbial_hint_re, p.cue_adverbials | p.time_nouns),
                      (p._gap_before_re, p.gap_pronouns | {"that", "which", "whom"})):
        assert "(?<!\\w)" in rx.pattern
        plain = re.compile(rx.pattern.replace("(?<!\\w)", "\\b", 1))
        words = sorted(vocab)[:40]
        pieces = words + [w.upper() for w in words[:10]] + [w + "s" for w in words[:10]] + ["x", "_", "3", "é", ".", ","]
        for text, lo, hi in _fuzz_texts(rng, pieces):
            a, b = rx.search(text, lo, hi), plain.search(text, lo, hi)
            assert (a and a.span()) == (b and b.span()), (rx.pattern[:40], text, lo, hi)
    assert attribution._word_start(["percent", "two"]) == r"(?<!\w)"
    assert attribution._word_start(["percent", "%"]) == r"\b"  # a word without a word character first


def test_sentence_end_word_and_whole_word_regexes_equal_their_plain_forms():
    import re

    from newsvoices import entities, extract

    rng = random.Random(12)
    sent_end = re.compile(r"[.!?]+[\"\u201d\u2019')\]]*(?=[ \u00a0]+(?:''|``|[\"\u201c\u2018'(\[])?[A-Z0-9])")
    words = re.compile(r"\w+(?:[\u2019'\-]\w+)*")
    pieces = ["Mr.", "U.S.", "?!", "...", "\u201d", "\u201c", "'", "(", "It", "it", "co-op", "don\u2019t", "9", "a_b",
              "é", "--"]
    for text, lo, hi in _fuzz_texts(rng, pieces, 800):
        assert [m.span() for m in extract._SENT_END_RE.finditer(text, lo, hi)] == \
            [m.span() for m in sent_end.finditer(text, lo, hi)], text
        assert extract._WORDS_RE.findall(text, lo, hi) == words.findall(text, lo, hi), text
    for word in ("an", "u", "co-op", "a.b", "don\u2019t", "x"):
        plain = re.compile(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])")
        for text, lo, _hi in _fuzz_texts(rng, [word, word + "s", "s" + word, "_", " ", "1", "é", word.upper()], 200):
            assert [m.span() for m in entities._whole_word_re(word).finditer(text, lo)] == \
                [m.span() for m in plain.finditer(text, lo)], (word, text)


def test_headline_cue_regex_with_first_letter_checks_equals_its_word_boundary_form():
    import re

    p = attribution.Parser()
    plain = re.compile(r"\b" + attribution.trie_regex(sorted(p._headline_cues)) + r"\b(?!-)")
    assert p._headline_re.pattern != plain.pattern
    words = sorted(p._headline_cues)
    rng = random.Random(13)
    pieces = words[:60] + [w.lower() for w in words[:10]] + [w[:-1] for w in words[:10]] + ["x", "_", "3", "é", "-",
                                                                                            ".", "S", "Says-"]
    for text, lo, hi in _fuzz_texts(rng, pieces, 1500):
        assert [m.span() for m in p._headline_re.finditer(text, lo, hi)] == \
            [m.span() for m in plain.finditer(text, lo, hi)], (text, lo, hi)
    assert re.fullmatch(attribution.first_letter_trie(["Said", "Says", "Sa"]), "Sa")
    try:
        attribution.first_letter_trie(["-x"])
    except ValueError:
        pass
    else:
        raise AssertionError("a word without a word character first must be refused")


def _report_cue_words(p):
    lex = p.lex
    return (list(lex.speech_verbs) + ["according to", "According to"] + list(lex.belief_verbs)
            + list(lex.stance_verbs) + sorted(p.raising_verbs | set(p.raising_participles))
            + sorted(w.capitalize() for w in p.question_participles) + sorted(p.hearsay_adverbs))


def test_one_scan_for_cues_and_claim_nouns_equals_the_two_scans():
    import re

    p = attribution.Parser()
    cue_words = _report_cue_words(p)
    # the plain cue regex is built from these words (so the static check below covers every cue)
    assert p.report_cue_re.pattern == r"\b" + attribution.trie_regex(cue_words) + r"\b(?!-)"
    # no claim noun starts at a word start inside a cue, where the one scan (which goes on after
    # each cue) would step over it
    for w in cue_words:
        for k in range(1, len(w)):
            if not re.match(r"\w", w[k - 1]) and re.match(r"\w", w[k]):
                assert not any(n.startswith(w[k:]) or w[k:].startswith(n) for n in p.claim_nouns), (w, k)

    # the first-letter check of the one scan lets every cue and claim noun through (the fuzz texts below
    # hold only some of them)
    for w in cue_words:
        m = p._cue_claim_after_re.match(" " + w)
        assert m is not None and m.group("cue") == w, w
    for n in p.claim_nouns:
        m = p._cue_claim_after_re.match(" " + n + " that")
        assert m is not None and m.group("noun") == n, n

    def both(rx_cue, rx_claim, text, lo, hi):
        return ([m.span() for m in rx_cue.finditer(text, lo, hi)],
                [(m.span("noun"), m.span("fw")) for m in rx_claim.finditer(text, lo, hi)])

    nouns = sorted(p.claim_nouns)
    cues = [w for w in cue_words if w in ("claims", "warning", "said", "vow", "promised", "according to",
                                          "put it", "opposed to", "believes", "plans", "touted", "offered",
                                          "proud of", "told")] + ["according", "proud", "to"]
    rng = random.Random(14)
    pieces = nouns + [n.capitalize() for n in nouns[:5]] + cues * 3 + ["that", "to", "for", "of", "about", "x",
                                                                       "-", "_", "3", "é", "his", "Roe's", "\u201c",
                                                                       "\u2019", "\u0660", "\u00b2", "\u00d7"]
    pieces += [n + sep + fw for n in nouns[::3] for sep, fw in ((" ", "that"), ("\u00a0 ", "to"), (" ", "about"))]
    n_claims = n_cues = 0
    for text, lo, hi in _fuzz_texts(rng, pieces, 3000):
        ref = both(p.report_cue_re, p.claim_noun_re, text, lo, hi)
        cues_, claims_ = p._cues_and_claims(text, lo, hi)
        assert ([(a, b) for a, b, _g in cues_], [(m.span("noun"), m.span("fw")) for m in claims_]) == ref, \
            (text, lo, hi)
        assert all(text[a:b] == g for a, b, g in cues_)
        n_cues += len(ref[0])
        n_claims += len(ref[1])
    assert n_cues > 800 and n_claims > 300  # the fuzz texts hold both, often at one word


def test_spaced_token_regex_equals_its_plain_form():
    import re

    plain = re.compile(r"(\s*)(" + attribution._WORD_RE.pattern + ")")
    assert attribution._SPACED_WORD_RE.pattern != plain.pattern
    rng = random.Random(15)
    alphabet = "aZ09_é\u00d7\u00f7\u0100\u024f\u0250\u2019'-.&  \u00a0\n\t,;\u201c\u201d\u2014\U0001d400\u0660\u00b2"
    for text, lo, hi in _fuzz_texts(rng, alphabet, 4000, joiners=("",), max_pieces=16):
        assert attribution._SPACED_WORD_RE.findall(text, lo, hi) == plain.findall(text, lo, hi), (text, lo, hi)


def test_name_regex_with_possessive_word_runs_equals_its_plain_form():
    import re

    from newsvoices import entities

    fast = entities.NameFinder().name_re
    new_rest = r"[0-9A-Za-z_\w]*+(?:[\u2019'\-]++[0-9A-Za-z_\w]++)*+\.?"
    assert new_rest in fast.pattern
    plain = re.compile(fast.pattern.replace(new_rest, r"(?:[\w\u2019'\-]*\w)?\.?"))
    rng = random.Random(17)
    alphabet = "AaZzMcé É'\u2019-. \u00a0_1\u0660\u00d7ofthe"
    for text, lo, _hi in _fuzz_texts(rng, alphabet, 20000, joiners=("",), max_pieces=16):
        assert [m.span() for m in fast.finditer(text, lo)] == [m.span() for m in plain.finditer(text, lo)], text
    pieces = ["Jo", "Roe", "I'm", "O\u2019Neil", "R-Ark.", "U.S.", "of", "the", "Sen.", "Mc-", "x", "3", "'", "-"]
    for text, lo, hi in _fuzz_texts(rng, pieces, 2000):
        assert [m.span() for m in fast.finditer(text, lo, hi)] == [m.span() for m in plain.finditer(text, lo, hi)], text


def test_page_furniture_phrase_test_equals_the_case_insensitive_search():
    import re

    from newsvoices import extract

    ascii_ci = re.compile(r"(?i)[\x00-\x7f]")
    # every character beyond ASCII that (?i) pairs with an ASCII one or whose lower case holds one
    special = {c for c in map(chr, range(128, 0x110000))
               if ascii_ci.fullmatch(c) or any(ord(x) < 128 for x in c.lower())}
    assert special <= extract._CASE_SPECIAL, sorted(special - extract._CASE_SPECIAL)
    assert extract._within_phrases() is not None  # the shipped phrases are ASCII: the fast path is used
    within_re = extract._furniture_res()[1]
    phrases = list(extract._within_phrases())
    rng = random.Random(18)
    pieces = phrases + [p.upper() for p in phrases] + [p.title() for p in phrases] + [
        "x", "our", "news", "letter", "\u017fign up for our", "\u0130", "\u0131", "\u212a", "\u00e9", "\u201c",
        "SIGN UP FOR OUR"[:7], "\u00df"]
    hits = 0
    for text, lo, hi in _fuzz_texts(rng, pieces, 3000):
        ref = within_re.search(text, lo, hi) is not None
        assert extract._holds_within(text, lo, hi, within_re) == ref, (text, lo, hi)
        hits += ref
    assert hits > 300


def test_word_count_without_the_regex_equals_the_regex_count():
    import re

    from newsvoices import pipeline

    plain = re.compile(r"\w+(?:[’'-]\w+)*")
    rng = random.Random(6)
    alphabet = ["a", "Z", "9", "_", "é", "½", " ", "\n", "'", "-", "’", "‘", "“", "”", "—", "–", "…", ".", ",", "\u00a0"]
    texts = TEXTS + ["-a", "'a", "a-", "a--b", "a-b-c", "x-y'z", " -a", "a- b", "’s", "O’Neil’s"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20_000)]
    for t in texts:
        assert pipeline.count_words(t) == len(plain.findall(t)), t
    assert pipeline.count_words(None) == 0


def test_numbers_and_capitals_from_byte_counts_equal_the_regex_scans():
    def plain(text):
        firsts = sentiment._TOKEN_FIRST.findall(text)
        return (min(3, len(sentiment._DIGITS.findall(text))) / 3,
                sum(map(str.isupper, firsts[1:])) / max(1, len(firsts)))

    rng = random.Random(7)
    alphabet = ["a", "Z", "9", "٣", " ", "\n", "\t", "\x1c", "’", "“", "—", "É", "é", ".", "\u00a0", "B"]
    texts = TEXTS + [" A b", "A b C", "  ", " 12 x 3 y 4", "\u00a0Hello World", "“Yes” No"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20_000)]
    for t in texts:
        assert sentiment._numbers_and_capitals(t) == plain(t), t



def test_last_boundary_from_the_end_equals_the_last_of_all_boundaries():
    from newsvoices import voices

    def plain(text):
        for m in reversed(list(voices._CTX_BOUNDARY.finditer(text))):
            if m.group(0) == "." and voices._ABBREV_END.search(text[: m.start()]):
                continue
            return m.end()
        return 0

    rng = random.Random(9)
    pieces = ["Sen.", "Gov.", "U.S.", "said", "a", ",", ".", ". ", ";", "“", "”", "—", "(R-Fla.)", "\n", " ", "Dr.", "x.y"]
    texts = TEXTS + ["", ".", "a.", "Sen. ", "a, b. Sen. Jo", "x.\n"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    for t in texts:
        assert voices._last_boundary_end(t) == plain(t), t


def test_lower_casing_keeps_offsets_word_characters_and_ascii_case_matches_outside_case_special():
    """All of Unicode: outside ``CASE_SPECIAL`` lower-casing is one character for one, keeps whether a
    character is a word character, and a character matches an ASCII character case-insensitively
    exactly when its lower case is that character (what ``Parser.hint`` relies on)."""
    import re

    special = attribution.CASE_SPECIAL
    word = re.compile(r"\w")
    chars = [chr(i) for i in range(0x110000) if chr(i) not in special]
    ascii_ci = re.compile(r"(?i)[\x00-\x7f]")
    for c in chars:
        low = c.lower()
        assert len(low) == 1, hex(ord(c))
        assert (word.match(c) is None) == (word.match(low) is None), hex(ord(c))
        if ord(c) >= 128:
            assert ascii_ci.match(c) is None and ord(low) >= 128, hex(ord(c))
    for a in (chr(i) for i in range(128) if not chr(i).isupper()):  # (a twin's pattern is lower case)
        for c in map(chr, range(128)):
            assert (re.fullmatch("(?i:" + re.escape(a) + ")", c) is not None) == (c.lower() == a), (a, c)
    # in context too (str.lower() maps a final capital sigma to a final small sigma)
    text = "".join(chars) + " A\u03a3 \u03a3a\u03a3.\u03a3"
    low = text.lower()
    assert len(low) == len(text)
    assert [m.start() for m in word.finditer(text)] == [m.start() for m in word.finditer(low)]
    assert [(m.start(), m.group().lower()) for m in ascii_ci.finditer(text)] \
        == [(m.start(), m.group()) for m in re.finditer(r"[\x00-\x7f]", low)]
    for c in special:  # each is special for a reason: it would break one of the properties above
        assert len(c.lower()) != 1 or ascii_ci.match(c) or ord(c.lower()) < 128


def test_lower_twin_is_refused_for_patterns_it_cannot_mirror():
    assert attribution._lower_twin(r"(?<!\w)(?:said|s\-x)\b") is not None
    for body in (r"\bSaid\b", r"\bs\Wx", r"[a-z]x", "caf\u00e9", r"\d", r"\Bx"):
        assert attribution._lower_twin(body) is None, body


def test_hint_searches_of_the_lower_cased_text_equal_the_case_insensitive_regexes():
    p = attribution.Parser()
    rng = random.Random(19)
    rs = p.lex.reported_speech
    for ci, low, vocab in (
            (p._group_hint_re, p._group_hint_low, set(rs.get("group_words", ())) | set(rs.get("numbers", ())) | {"percent"}),
            (p._source_hint_re, p._source_hint_low, p.source_nouns),
            (p._adverbial_hint_re, p._adverbial_hint_low, p.cue_adverbials | p.time_nouns),
            (p._relative_hint_re, p._relative_hint_low, p.gap_relatives)):
        assert low is not None, ci.pattern[:60]  # the shipped word lists take the fast path
        words = sorted(vocab)
        words = rng.sample(words, min(30, len(words)))
        pieces = words + [w.upper() for w in words[:10]] + [w.title() for w in words[:10]] + [w + "s" for w in words[:5]] \
            + ["x", "_", "3", "\u00e9", "\u00c9", ".", ",", "\u03a3", "\u0130", "\u0131", "\u017f", "\u212a", "\u00df"] \
            + [w.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131") for w in words[:5]]
        hits = 0
        for text, lo, hi in _fuzz_texts(rng, pieces, 1500):
            ref = ci.search(text, lo, hi)
            assert p.hint(ci, low, text, lo, hi) == (ref is not None), (ci.pattern[:40], text, lo, hi)
            assert p.hint(ci, low, text, lo, hi) == (ref is not None)  # (the lower case kept from the last call)
            if attribution.CASE_SPECIAL.isdisjoint(text):
                twin = low.search(text.lower(), lo, hi)
                assert (twin and twin.span()) == (ref and ref.span()), (text, lo, hi)
            hits += ref is not None
        assert 200 < hits < 1500, (ci.pattern[:40], hits)


def test_non_response_cheap_exit_equals_the_regex_scan():
    """``extract._non_response`` skips the phrase regex when the word at the cue is none the regex can
    match; the answers equal the plain scan at every position of random texts."""
    import re

    from newsvoices import extract
    from newsvoices.measures import NON_RESPONSE_PATH, _load_phrases

    pat = _load_phrases(str(NON_RESPONSE_PATH))
    words = extract._regex_words(pat)
    assert words is not None and {"declined", "didn", "comment", "respond", "t"} <= words
    assert not {"said", "told", "says"} & words

    def plain(text, cs, lo, end):
        return any(m.start() <= cs < m.end()
                   for m in pat.finditer(text, max(lo, cs - 60), min(len(text), max(end, cs) + 5)))

    rng = random.Random(21)
    pieces = ["did not respond to a request for comment", "declined to comment", "Declined Comment",
              "couldn\u2019t be reached", "DIDN'T RESPOND", "was unavailable for comment", "no response from",
              "did not immediately comment", "had not responded by", "said", "told", "comment", "commented",
              "respond", "responded", "declined", "refused to answer", "not", "t", "don", "x", "_", "3", "\u00e9",
              "\u212aelvin", "\u017f", "\u0131", "\u0130", "de\u0307clined", "said_", "5said", ".", ",", "\n"]
    for text, lo, _ in _fuzz_texts(rng, pieces, 300, joiners=(" ", " ", "", ", ", ". ", "\u2019", "-"), max_pieces=8):
        for cs in range(lo, len(text) + 1):
            for end in (cs, min(len(text), cs + 7), len(text)):
                assert extract._non_response(text, cs, lo, end) == plain(text, cs, lo, end), (text, cs, lo, end)
    # the enumeration: words joined across groups; None for a regex beyond it
    assert extract._regex_words(re.compile(r"(?<!\w)(?:did|do)n[\u2019']t (?:yet )?comment(?!\w)", re.I)) == \
        frozenset({"didn", "don", "t", "yet", "comment"})
    assert extract._regex_words(re.compile(r"(?:A|b)(?:c )?(?:x y z|w)", re.I)) == \
        frozenset({"ac", "bc", "x", "y", "z", "w", "ax", "bx", "aw", "bw"})
    assert extract._regex_words(re.compile(r"declined \w+")) is None
    assert extract._regex_words(re.compile(r"no+ comment")) is None


def test_lower_casing_keeps_space_and_digit_classes_and_caseless_characters_outside_case_special():
    """All of Unicode (with the test above): outside ``CASE_SPECIAL`` lower-casing keeps whether a
    character is a space or digit character, and a character of ``CASELESS`` (allowed in a twin's
    pattern) is matched case-insensitively only by itself and is no other character's lower case."""
    import re

    from newsvoices import patternkeys

    assert patternkeys.CASE_SPECIAL == attribution.CASE_SPECIAL
    special = patternkeys.CASE_SPECIAL
    chars = "".join(chr(i) for i in range(0x110000) if chr(i) not in special and not 0xD800 <= i < 0xE000)
    low = chars.lower()
    assert len(low) == len(chars)
    for cls in (r"\s", r"\d", r"\w", r"\n", r"[a-z]", r"[0-9]"):
        assert [m.start() for m in re.finditer(cls, chars)] == [m.start() for m in re.finditer(cls, low)] \
            or cls == r"[a-z]", cls
    # an ASCII lower-case letter set under (?i) matches where the lower-cased text has the letter
    assert [m.start() for m in re.finditer(r"(?i)[a-z]", chars)] == [m.start() for m in re.finditer(r"[a-z]", low)]
    caseless = "".join(sorted(patternkeys.CASELESS))
    cls = "[" + re.escape(caseless) + "]"
    assert [m.start() for m in re.finditer("(?i)" + cls, chars)] == [chars.index(c) for c in caseless]
    assert [m.start() for m in re.finditer(cls, low)] == [chars.index(c) for c in caseless]


def test_lower_twin_is_refused_for_patterns_it_cannot_mirror_in_voices():
    import re

    from newsvoices import patternkeys

    ci = re.IGNORECASE
    twin = patternkeys.lower_twin(re.compile(r"(?<!\w)(?:not authori[sz]ed to|[\w.’'\-]+ polls?$|x\s\d|\bo\B)(?!\w)", ci))
    assert twin is not None and not twin.flags & ci
    for body, flags in ((r"(?-i:AP)|fox", ci), ("Fox", ci), ("caf\u00e9", ci), (r"(a)\1", ci), ("fox", 0),
                        ("(?i)fox", ci), ("[A-Z]x", ci), (r"\u212ax", ci), ("fox", ci | re.ASCII)):
        assert patternkeys.lower_twin(re.compile(body, flags)) is None, body
    assert patternkeys.lowered("Hello \u00c9T\u00c9") == "hello \u00e9t\u00e9"
    assert all(patternkeys.lowered("a" + c) is None for c in patternkeys.CASE_SPECIAL)


def _twin_pieces(pattern: str, rng) -> list[str]:
    words = sorted(set(__import__("re").findall(r"[a-z]{2,}", pattern)))
    words = rng.sample(words, min(25, len(words)))
    return (words + [w.upper() for w in words[:8]] + [w.title() for w in words[:8]]
            + ["of", "the", "for", "AP", "ICE", "Fox", "x", "_", "3", ".", ",", "'", "\u2019", "-", "\u00e9", "\u00c9",
               "\u03a3", "\u0130", "\u0131", "\u017f", "\u212a", "\u00df"]
            + [w.replace("s", "\u017f").replace("k", "\u212a") for w in words[:3]])


def test_voice_patterns_run_as_lower_case_twins_equal_the_case_insensitive_patterns():
    """Every codebook pattern that gets a twin (or a twin and a case-insensitive rest, split by its
    alternatives): ``search`` and ``match`` at every position agree with the pattern on random texts."""
    from newsvoices import patternkeys, voices

    cb = voices.load_codebook()
    pats = {p.pattern: p for r in cb.rules for _f, p, _k in r._require + r._unless}
    pats[cb.anonymity_cues.pattern] = cb.anonymity_cues
    pats["press"] = voices._press_re(cb)
    rng = random.Random(23)
    split = whole = with_hits = 0
    for key in sorted(pats):
        p = pats[key]
        tw = voices._twins(p)
        if tw is None:
            continue
        twin, rest = tw
        split += rest is not None
        whole += rest is None
        hits = 0
        for text, _lo, _hi in _fuzz_texts(rng, _twin_pieces(p.pattern, rng), 120, max_pieces=8):
            low = patternkeys.lowered(text)
            ref = p.search(text)
            assert voices._found(p, text) == (ref is not None), (key[:60], text)
            hits += ref is not None
            if low is None:
                assert patternkeys.CASE_SPECIAL & set(text)
                continue
            if rest is None:
                got = twin.search(low)
                assert (got and got.span()) == (ref and ref.span()), (key[:60], text)
            for i in range(len(text) + 1):
                assert (p.match(text, i) is not None) == (
                    twin.match(low, i) is not None or rest is not None and rest.match(text, i) is not None), (key[:60], text, i)
        with_hits += hits > 0
    assert whole >= 90 and split >= 10, (whole, split)  # the shipped codebook takes the fast path
    assert with_hits >= 0.7 * (whole + split), with_hits  # (random texts hit most patterns)


def test_first_rule_through_pieces_and_key_positions_equals_trying_every_rule():
    """The rule index with the patterns run as pieces (twins on the lower-cased text, alternatives
    that start with a key matched only where a key occurs) picks the rule that trying every rule
    in codebook order (:func:`voices.explain`, the plain patterns) picks, on random speakers."""
    import re

    from newsvoices import voices
    from newsvoices.extract import Entity

    cb = voices.load_codebook()
    assert sum(1 for r in cb.rules for ps in r._require_pieces if ps and any(at for _q, _l, at in ps)) >= 40
    assert any(ps and len(ps) > 2 for r in cb.rules for ps in r._require_pieces)  # some patterns split in pieces
    rng = random.Random(29)
    words = sorted({w for r in cb.rules for p in [*r.require.values(), *r.unless.values()]
                    for w in re.findall(r"[a-z]{2,}", p.pattern)})
    pieces = (words + [w.title() for w in words[::7]] + [w.upper() for w in words[::11]]
              + ["Jo", "Roe", "of", "the", "for", "AP", "ICE", "Fox", "News", "'s", "\u2019s", "U.S.", "3", ",", "-",
                 "\u00e9", "\u00c9cole", "\u0130", "\u017fenator", "\u212aing", "s\u00e9nat"])
    kinds = ["person", "organisation", "anonymous", "group", None]
    placed = 0
    for n in range(1200):
        def phrase(k):
            return " ".join(rng.choice(pieces) for _ in range(rng.randint(0, k)))
        e = Entity(f"e{n}", phrase(4), rng.choice(kinds), phrase(6) or None, phrase(3) or None)
        cb.plan().memo.clear()  # no remembered speakers
        first = voices._first_rule(cb, e)
        ids = voices.explain(e, cb)
        want = ids[0] if ids else voices.DEFAULT_RULE
        assert first[1] == want, (e, first, ids[:3])
        placed += bool(ids)
    assert placed > 300, placed


def test_anonymity_cue_search_at_key_hits_equals_the_pattern_search():
    """The whole-article anonymity-cue search (:func:`voices._found`) tries the twin only where
    ``str.find`` sees one of its start keys: the same answer as ``search`` on random texts made of
    the cues' own phrases, cut, re-cased and glued to other words."""
    from newsvoices import patternkeys, voices

    cb = voices.load_codebook()
    p = cb.anonymity_cues
    keys = voices._start_keys(voices._twins(p)[0])
    assert keys is not None and "with" in keys  # the shipped cues take the key path
    rng = random.Random(31)
    phrases = ["anonymity", "anonymously", "not authorized to", "not authorised to", "on condition that",
               "on condition of", "on background", "requested not to be named", "asked to remain anonymous",
               "without being identified", "to speak freely", "not allowed to comment", "briefed on",
               "familiar with the", "knowledgeable about the", "with direct knowledge of", "with knowledge of",
               "close to the investigation", "close to the talks"]
    pieces = (phrases + [w.upper() for w in phrases[:6]] + [w.title() for w in phrases[6:12]]
              + [w[:rng.randint(1, len(w))] for w in phrases] + [w[rng.randint(0, len(w) - 1):] for w in phrases]
              + ["x", "_", "3", "withheld", "notable", "toward", "on", "with", "\u00e9", "\u2019", "\u0130", "\u212a",
                 "\u017f"])
    hits = 0
    for text, _lo, _hi in _fuzz_texts(rng, pieces, 3000, max_pieces=6):
        want = p.search(text) is not None
        assert voices._found(p, text) == want, text
        hits += want
        low = patternkeys.lowered(text)
        if low is not None and want:  # a match starts with a key
            assert low[p.search(text).start():].startswith(keys), text
    assert 300 < hits < 2700, hits


def test_name_context_stop_memo_equals_the_stop_checks_and_follows_the_codebook():
    """``name_context`` remembers per word whether it stops there (:meth:`Codebook.stops`): the same
    contexts as with the memo emptied before each call, and a changed stop list is seen at once."""
    import dataclasses

    from newsvoices import voices

    cb = voices.load_codebook()
    rng = random.Random(37)
    words = (sorted(cb.stop_words)[:40] + ["Said", "THE", "Mr.", "the.", "Homeland", "Security", "Secretary", "acting",
             "former", "Former", "ICE", "director", "Ignored", "IGNORED", "recall", "Recalls", "bed", "ed",
             "\u212aicked", "\u017fhows", "caf\u00e9d", "Jo", "U.S.", "3", "police", "chief", "the\u2019s"])
    fresh = dataclasses.replace(cb)
    for _ in range(1500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) + " Jo Roe said."
        s = text.index("Jo Roe said")
        fresh._stops = None
        want = voices.name_context(text, s, s + 6, fresh)
        assert voices.name_context(text, s, s + 6, cb) == want, text
    memo = cb.stops()
    assert len(memo) > 20 and any(memo.values()) and not all(memo.values())
    assert all(memo[w] == cb.is_stop(w) for w in memo)
    t = "the acting director Jo Roe"
    assert voices.name_context(t, 20, 26, cb) == "acting director Jo Roe"
    cb2 = dataclasses.replace(cb)
    voices.name_context(t, 20, 26, cb2)
    cb2.stop_words = cb.stop_words | {"acting"}
    assert voices.name_context(t, 20, 26, cb2) == "director Jo Roe"  # the memo follows the new stop words


def test_group_subject_twin_on_the_lower_cased_text_equals_the_case_insensitive_search():
    """``Parser._group_subject`` searches the lower-cased text with a case-sensitive twin of
    ``group_subject_re``: the same spans on random texts of its words (re-cased, with the characters of
    ``CASE_SPECIAL``), and its classes agree with their case-insensitive form over all of Unicode."""
    import re

    p = attribution.Parser()
    assert p._group_subject_low is not None  # (the shipped word lists take the fast path)
    special = attribution.CASE_SPECIAL
    chars = "".join(chr(i) for i in range(0x110000) if chr(i) not in special and not 0xD800 <= i < 0xE000)
    low = chars.lower()
    for cls in (r"[^,;:.!?\"\u201c\u201d()]", r"[\w\-]", r"[\d,.]", r"[a-z]", r"[ \u00a0]"):
        assert [m.start() for m in re.finditer("(?i:" + cls + ")", chars)] \
            == [m.start() for m in re.finditer(cls, low)], cls
    rs = p.lex.reported_speech
    words = sorted(set(rs.get("group_words", ())) | set(rs.get("numbers", ())) | set(rs.get("approximators", ()))
                   | {"percent", "per cent", "%", "of", "in", "out of", "a", "an"})
    rng = random.Random(23)
    pieces = words + [w.upper() for w in words[:12]] + [w.title() for w in words[:12]] \
        + ["12", "3.5", "1,200", "voters", "Voters", "the crowd", "x", "-", ".", ",", "\u00e9", "\u00c9", "\u03a3"] \
        + [w.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131") for w in words[:6]] \
        + ["\u0130", "\u0131", "\u017f", "\u212a"]
    hits = 0
    for text, lo, hi in _fuzz_texts(rng, pieces, 3000, joiners=(" ", " ", "\u00a0", "", ", ")):
        if rng.random() < 0.5:  # a phrase ending at the cue (the search is anchored there)
            text += rng.choice(pieces) + rng.choice(("", " ", "  "))
            hi = len(text)
        ref = p.group_subject_re.search(text, lo, hi)
        if special.isdisjoint(text):
            twin = p._group_subject_low.search(text.lower(), lo, hi)
            assert (twin and twin.span()) == (ref and ref.span()), (text, lo, hi)
        # and through the parser (the clause from lo, the cue at hi): the NP of the plain search
        fast = p._group_subject(text, lo, hi, False)
        twin, p._group_subject_low = p._group_subject_low, None
        try:
            assert fast == p._group_subject(text, lo, hi, False), (text, lo, hi)
        finally:
            p._group_subject_low = twin
        hits += ref is not None
    assert hits > 300, hits


def test_press_verb_search_at_key_hits_equals_the_plain_pattern():
    """The press-verb pattern is written ``(?<!\\w)`` (not ``(?<![\\w])``, the same test) so it gets
    start keys and the whole-article search (:func:`voices._found`) tries it only at the ``str.find``
    hits of "tell"/"told": the same matches as the plain pattern, and the same answer as its
    ``search``, on random texts of cut, re-cased and glued press verbs."""
    import re

    from newsvoices import voices

    cb = voices.load_codebook()
    p = voices._press_re(cb)
    words = "|".join(sorted(map(re.escape, cb.press_verbs)))
    plain = re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.IGNORECASE)
    assert voices._start_keys(voices._twins(p)[0]) == ("tell", "told")  # the key path is taken
    rng = random.Random(41)
    verbs = sorted(cb.press_verbs)
    pieces = (verbs + [w.upper() for w in verbs] + [w.title() for w in verbs] + [w[:rng.randint(1, len(w))] for w in verbs]
              + [w[rng.randint(0, len(w) - 1):] for w in verbs]
              + ["x", "_", "3", "retold", "foretelling", "Told", "stell", "\u00e9", "\u2019", "\u0130", "\u212a", "\u017f"])
    hits = 0
    for text, lo, hi in _fuzz_texts(rng, pieces, 3000, max_pieces=6):
        want = plain.search(text) is not None
        assert voices._found(p, text) == want, text
        assert [m.span() for m in p.finditer(text, lo, hi)] == [m.span() for m in plain.finditer(text, lo, hi)], text
        hits += want
    assert 300 < hits < 2700, hits


def test_codebook_mtime_with_one_stat_equals_exists_then_stat(tmp_path):
    """``load_codebook`` reads each file's modification time with one ``os.stat`` per article: the
    same value as ``path.stat().st_mtime if path.exists() else 0.0``, for a file, a directory, a
    missing file, a path through a file, and a path the file system cannot encode."""
    from pathlib import Path

    from newsvoices import voices

    f = tmp_path / "voices.yml"
    f.write_text("rules: []\n", encoding="utf-8")
    for p in (f, tmp_path, tmp_path / "missing.yml", f / "below.yml", Path("nul\0byte.yml"), voices.CODEBOOK_PATH):
        assert voices._mtime(p) == (p.stat().st_mtime if p.exists() else 0.0), p
    assert voices._mtime(f) > 0 and voices._mtime(tmp_path / "missing.yml") == 0.0


def test_required_literals_guard_equals_the_twin_search():
    """A searched twin runs only in texts holding one of the literals every match of it contains
    (:func:`patternkeys.required_literals`): for every guarded piece of the codebook, the same spans
    as the bare twin's ``search`` on random lower-cased texts of the pattern's words; and the
    literals of hand-made patterns (a match always holds one; a mutation dropping one is caught)."""
    import re

    from newsvoices import patternkeys, voices

    cb = voices.load_codebook()
    guarded = {q.pattern: q for r in cb.rules for ps in [*r._require_pieces, *r._unless_pieces] for q, _l, _a in ps or ()
               if isinstance(q, voices._Guarded)}
    assert len(guarded) >= 20
    rng = random.Random(53)
    hits = skipped = 0
    for key in sorted(guarded):
        g = guarded[key]
        for text, _lo, _hi in _fuzz_texts(rng, _twin_pieces(key, rng) + ["times", ".com", "-", "'s"], 80, max_pieces=8):
            low = text.lower()
            want = g.twin.search(low)
            got = g.search(low)
            assert (got and got.span()) == (want and want.span()), (key[:60], low)
            hits += want is not None
            skipped += want is None
    assert hits > 300 and skipped > 300, (hits, skipped)
    for src, lits in [(r"(?:\w+ ){1,2}(?:times|post)|\w+\.com", {"times", "post", ".com"}), (r"ab(?:c|de)+f", {"ab"}),
                      (r"[xy]z?|q{2,}", {"x", "y", "q"}), (r"a(?i:b)c", {"a"}), (r"\w+(?:x)?", None), (r"(?i)abc", None)]:
        got = patternkeys.required_literals(re.compile(src))
        assert (set(got) if got else None) == lits, src
    for src in [r"(?<!\w)(?:(?:\w+ ){1,2}(?:times|post|herald)|\w+-(?:tribune|gazette)|[kw]\w{2,3})(?!\w)",
                r"(?:director|head) of (?:the )?(?:[\w.\-]+ ){0,3}(?:campaign|fund)"]:
        p = re.compile(src)
        lits = patternkeys.required_literals(p)
        words = re.findall(r"[a-z]+", src) + ["x", "y", " ", "-", "."]
        for _ in range(2000):
            t = "".join(rng.choice(words) + rng.choice(["", " "]) for _ in range(rng.randint(0, 8)))
            if p.search(t):
                assert any(x in t for x in lits), (src, t)


def test_key_finder_led_by_a_consumed_character_equals_the_lookbehind_form():
    """The rule index's key finder (:func:`voices._key_finder`) consumes the character before
    each word start of ``" " + text`` instead of testing ``(?<![a-z0-9_])`` there: the same
    (word start, longest key) hits, overlapping ones included, as the lookbehind form on the text,
    for the codebook's own key indexes and random texts made of cut keys and separators."""
    import re

    from newsvoices import voices

    plan = voices.load_codebook().plan()
    assert len(plan.fields) >= 4
    rng = random.Random(37)
    checked = hits = 0
    for _f, finder, masks, *_rest in plan.fields:
        body = finder.__self__.pattern
        assert body.startswith("[^a-z0-9_](?=(")
        plain = re.compile(r"(?<![a-z0-9_])" + body[len("[^a-z0-9_]"):], re.DOTALL)
        keys = sorted(masks)
        pieces = (keys[::3] + [k[:rng.randint(1, len(k))] for k in keys[::5]]
                  + [k[rng.randint(0, len(k) - 1):] for k in keys[::7]]
                  + ["x", "_", "3", "of", "a", "-", "'", ".", ";", "  "])
        for text, _lo, _hi in _fuzz_texts(rng, pieces, 600, joiners=("", " ", "-", "_", "'", ".", "3"), max_pieces=8):
            low = text.lower()
            want = [(m.start(), m[1]) for m in plain.finditer(low)]
            assert [(m.start(), m[1]) for m in finder(" " + low)] == want, text
            checked += 1
            hits += len(want)
    assert checked >= 2400 and hits > 2000, (checked, hits)


def _base_form_valence_plain(word: str):
    """sentiment._base_form_valence trying every suffix rule in file order (the code it replaced)."""
    rules = sentiment.suffix_rules()
    if not word.endswith(tuple(s for s, _ in rules)):
        return None
    base = sentiment.base_lexicon()
    for suffix, repl in rules:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            b = word[: -len(suffix)] + repl
            if b in base:
                return base[b]
            if not repl and len(b) > 3 and b[-1] == b[-2] and b[:-1] in base:
                return base[b[:-1]]
    return None


def test_base_form_rules_by_last_letter_equal_trying_every_rule():
    """:func:`sentiment._base_form_valence` tries only the suffix rules whose suffix ends in the
    word's last letter: the same valence as trying every rule, on the lexicons' words with each
    rule's suffix added (doubled consonants too), cut words and random letter strings."""
    rng = random.Random(41)
    rules = sentiment.suffix_rules()
    assert len({s[-1] for s, _ in rules}) >= 3  # the index has more than one bucket to skip
    base = sorted(sentiment.base_lexicon())
    words = ["", "x", "ness", "iness", "wrecked", "unsafe", "happily", "stopped", "shopping"]
    for w in base[::7]:
        s, _ = rng.choice(rules)
        words += [w + s, w + w[-1] + s, w[: rng.randint(1, len(w))] + s, w]
    words += ["".join(rng.choice("abdeilmnorstuy") for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    found = 0
    for w in words:
        want = _base_form_valence_plain(w)
        assert repr(sentiment._base_form_valence(w)) == repr(want), w
        found += want is not None
    assert found > 500, found


def test_lazy_gender_evidence_equals_reading_it_at_each_mention(monkeypatch):
    """Speed pass 18: the sex evidence around a mention (``_Resolver._mention_gender``) is read only when
    "he"/"she" ask for its entity; reading it at every mention as it is registered (round 17's order)
    gives the same extractions, on made-up articles where the veto decides and on shared articles."""
    from newsvoices import extract as X
    from newsvoices.model import Article

    q = '"We will fight this plan to the very end,"'
    texts = [f"Senator Abe Orr spoke first. Then Claire Dros spoke. {q} he said.",
             'Laura Hale spoke first. Then Gregory Hale spoke. Later she wrote, "We will fight this plan."',
             f"Dana Dros spoke first. Then Mrs. Robin Orr spoke. {q} he said. Orr left. {q} she said.",
             f"Dana Dros spoke first. Then Robin Orr, 52, the mother of two, spoke. {q} he said.",
             f"Dana Dros spoke first. Then her husband, Robin Orr, spoke. {q} she said. Mr. Orr nodded. {q} he said.",
             f"The victim's mother spoke to reporters. Then Robin Orr, a spokesman, spoke. {q} she said."]
    from newsvoices.config import SHARED_DIR
    corpus = SHARED_DIR / "corpora" / "allsides-abp-immigration-crime"
    arts = [Article(f"t{i}", t) for i, t in enumerate(texts)]
    if corpus.is_dir():
        from newsvoices.corpus import load_corpus
        arts += load_corpus([str(corpus)]).articles[:600:4]
    lazy = [repr(X.extract(a)) for a in arts]
    read = []
    orig_mention = X._Resolver._mention

    def eager(self, key, s, e, kind):  # the evidence read as the mention is registered
        orig_mention(self, key, s, e, kind)
        pending = self._gender_pending.pop(key, None)
        if pending:
            read.append(len(pending))
            self._read_gender(key, pending)

    monkeypatch.setattr(X._Resolver, "_mention", eager)
    assert [repr(X.extract(a)) for a in arts] == lazy
    assert sum(read) >= 12  # (the eager path did read evidence)
