"""Speed pass 19: ``voices.company_in_text`` without a regex compiled per name gives exactly what
the per-name patterns give (the fast path against the plain one it replaces)."""

from __future__ import annotations

import random
import re
import sys

from newsvoices import voices
from newsvoices.extract import Entity

NAMES = ["Renault", "EMI", "Titan", "Oracle", "Eton", "Delta", "A.B", "Ab-Cd", "Qwest Ltd", "Big Co", "AA", "A&P", "X"]
PIECES = ["carmaker", "Car Maker", "car  makers", "oil giant", "firm", "FIRM", "company", "tech group", "chief executive",
          "Chief  Executive", "shares", "shares in", "chairman of", "boss", "'s", "’s", "’s new", ",", ", a", ", the",
          "the", "a", "California-based", "Inc", "Corp", "PLC", "plc", "Airlines", "of", "at", "in", "-", "x", "said",
          "\n", " ", "  ", "\u00a0", "\t", ".", "s", "board of directors", "share price", "drugs firm", "drug maker",
          "retail chain", "pharmaceutical company", "Pharmaceutical  Company", "chief technology officer"]


def _plain(monkeypatch, text, entity, cb):
    with monkeypatch.context() as m:
        m.setattr(voices, "_company_patterns", lambda *a: None)  # the per-name patterns
        return voices.company_in_text(text, entity, cb)


def _random_cases(seed: int, n: int):
    rng = random.Random(seed)
    for _ in range(n):
        name = rng.choice(NAMES)
        toks = [rng.choice(PIECES + [name] * 4) for _ in range(rng.randint(1, 12))]
        text = "".join(t + rng.choice(["", " ", " ", "  ", "\n", "-"]) for t in toks)
        yield text, Entity("e1", rng.choice([name, "the " + name, "The " + name]), "organisation")


def test_company_in_text_without_per_name_patterns_equals_them(monkeypatch):
    cb = voices.load_codebook()
    assert voices._company_patterns(cb.company_heads, cb.company_attributes, cb.company_suffixes) is not None
    hits = 0
    for text, e in _random_cases(19, 4000):
        got = voices.company_in_text(text, e, cb)
        assert got == _plain(monkeypatch, text, e, cb), (text, e.name)
        hits += got is not None
    assert 200 < hits < 3800  # both answers are exercised


def test_company_in_text_examples_at_the_window_edges():
    cb = voices.load_codebook()
    hit = ("business", voices.COMPANY_CONTEXT_RULE)
    for text, name in [("pharmaceutical company Renault rose.", "Renault"),  # the longest head, at the text start
                       ("Shares in Pharmaceutical \n Company\tRenault", "Renault"),
                       ("the board of directors  of\n EMI said", "EMI"),  # the longest attribute before "of"
                       ("Titan, a small California-based company", "Titan"),
                       ("Oracle’s new chief executive", "Oracle"), ("Eton Corporation", "Eton"),
                       ("Qwest Ltd Airlines", "Qwest Ltd"), ("x Big Co, the firm", "Big Co"),
                       ("The chief technology officer \n\n  of EMI", "EMI"),  # (the window from the attribute)
                       ("A.A.A boss", "A.A")]:  # (overlapping occurrences of the name)
        assert voices.company_in_text(text, Entity("e1", name, "organisation"), cb) == hit, text
    for text, name in [("harmaceutical companyRenault", "Renault"), ("xcarmaker Renault", "Renault"),
                       ("carmaker Renault-Nissan", "Renault"), ("boss of EMIx", "EMI"), ("EMI-boss", "EMI"),
                       ("Eton Corporations", "Eton"), ("carmaker\n", "Renault")]:
        assert voices.company_in_text(text, Entity("e1", name, "organisation"), cb) is None, text


def test_company_window_starts_far_enough_back(monkeypatch):
    """A window one character too short misses matches (so a wrong window is caught)."""
    cb = voices.load_codebook()
    pats = voices._company_patterns(cb.company_heads, cb.company_attributes, cb.company_suffixes)
    # (the longest company noun of the codebook: UK round 4 added longer ones than "pharmaceutical company")
    assert pats[4] >= len("pharmaceutical company") and pats[6] == len("chief technology officer")
    e, emi = Entity("e1", "Renault", "organisation"), Entity("e1", "EMI", "organisation")
    for short in (pats[:4] + (19,) + pats[5:], pats[:6] + (pats[6] - 1,)):
        with monkeypatch.context() as m:
            m.setattr(voices, "_company_patterns", lambda *a: short)
            got = [voices.company_in_text("pharmaceutical group Renault", e, cb),  # (20 characters: no shorter head)
                   voices.company_in_text("The chief technology officer of EMI", emi, cb)]
        assert got.count(None) == 1, got
    assert voices.company_in_text("pharmaceutical group Renault", e, cb) is not None


def test_company_patterns_fall_back_when_a_part_looks_outside_its_span(monkeypatch):
    assert voices._span_only_width("(?i:(?:firm)|(?:car ?makers?))") == 10
    assert voices._span_only_width("(?i:(?:firms?)+)") is None
    for src in (r"(?i:firm(?=\s+X))", r"(?i:\bfirm)", r"(?i:firm$)", r"(?i:(?<!x)firm)", r"(?i:(f)irm\1)"):
        assert voices._span_only_width(src) == -1, src
    assert voices._company_patterns(r"firm(?=\s+Renault)", "boss", None) is None
    cb = voices.load_codebook()
    monkeypatch.setattr(cb, "company_heads", r"firm(?=\s+Renault)")
    e = Entity("e1", "Renault", "organisation")
    assert voices.company_in_text("the firm Renault", e, cb) == ("business", voices.COMPANY_CONTEXT_RULE)
    assert voices.company_in_text("the firm Lycos", Entity("e1", "Lycos", "organisation"), cb) is None


def test_regex_whitespace_is_str_isspace():
    """``_space_start`` walks back over ``str.isspace`` characters, the regex's ``\\s``."""
    ws = re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert bool(ws.match(c)) == c.isspace(), hex(cp)
