"""The regex pre-check used by the voice codebook: it may only skip searches that cannot match."""

from __future__ import annotations

import random
import re

import pytest

from newsvoices import patternkeys, voices
from newsvoices.extract import Entity
from newsvoices.patternkeys import TextKeys, may_match, pattern_keys


def whole(p: str) -> str:
    return r"(?<!\w)(?:" + p + r")(?!\w)"


def flat(keys):
    return None if keys is None else sorted(k for _, ks in keys for k in ks)


@pytest.mark.parametrize("pattern, expected", [
    ("senators?|sen\\.", ["sen.", "sena"]),
    ("mps?", ["mp", "mps"]),
    ("(?-i:AEI)", ["aei"]),  # case-sensitive part: keys are compared in lower case
    ("[rd]-[a-z]{2,}", ["d-", "r-"]),  # a large class ends the key
    ("(?:\\w+ ){0,3}commission", ["comm"]),  # "\w+ " ends in a space: what follows starts a word
    ("the (?:\\w+ ){0,2}times", ["the "]),
    ("(?:senior )?adviser", ["advi", "seni"]),
    ("; \\d{1,3}$", ["; 0", "; 1", "; 2", "; 3", "; 4", "; 5", "; 6", "; 7", "; 8", "; 9"]),
    ("sinn f[eé]in", ["sinn"]),
    ("f[eé]in", ["f"]),  # a class with a non-ASCII letter ends the key
    ("\\w+", None),  # nothing known: always searched
    ("x|\\w+ly", None),
    ("(a)\\1b", ["a"]),  # a back-reference ends the key
    ("president of (?!united states)", ["pres"]),
    ("(?:ab ){0,3}x", ["ab ", "x"]),  # after several rounds only the first round's start is known
])
def test_pattern_keys(pattern, expected):
    assert flat(pattern_keys(whole(pattern))) == expected


def test_pattern_keys_need_the_whole_word_wrapper():
    assert pattern_keys("senators?") is None  # not known to start at a word start


def test_text_keys_are_word_start_slices():
    tk = TextKeys("Sen. O'Neil (R-N.Y.)")
    assert tk.ascii
    assert tk.slices(4) == {"sen.", " o'n", "o'ne", "neil", "(r-n", "r-n.", "n.y.", "y.)", ")"}
    assert tk.slices(2) == {s[:2] for s in tk.slices(4)}
    assert not TextKeys("José Martínez").ascii


def test_may_match():
    keys = pattern_keys(whole("senators?|mps?"))
    assert may_match(keys, TextKeys("Senator Smith"))
    assert may_match(keys, TextKeys("the Labour MP"))
    assert not may_match(keys, TextKeys("the Labour leader"))
    assert may_match(keys, TextKeys("the Labour leader – MP"))  # non-ASCII: always searched
    assert may_match(None, TextKeys("anything"))


def _fragments(patterns: list[str]) -> list[str]:
    """Word pieces of the codebook's patterns (letters left after removing regex syntax)."""
    out = set()
    for p in patterns:
        for piece in re.split(r"[|()?:\[\]{}*+\\^$]", p):
            piece = piece.strip()
            if 1 < len(piece) < 30 and not piece.startswith("-i"):
                out.add(piece)
    return sorted(out)


def _random_texts(patterns: list[str], n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words = _fragments(patterns) + ["Smith", "said", "the", "a", "of", "for", "New York", "R-Texas", "U.S.",
                                    "12", "’s", "José", "(D)", "D-N.Y.", "Inc.", "senior", "former", "x"]
    seps = [" ", " ", " ", ", ", " ; ", "-", ". ", "’", "'", "(", ")", ""]
    texts = []
    for _ in range(n):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 6))]
        parts = [p.upper() if rng.random() < 0.1 else p.title() if rng.random() < 0.3 else p for p in parts]
        texts.append("".join(w + rng.choice(seps) for w in parts).strip())
    return texts


def _codebook_patterns(cb) -> list[re.Pattern]:
    pats = [p for r in cb.rules for p in list(r.require.values()) + list(r.unless.values())]
    return list({p.pattern: p for p in pats}.values())


def test_keys_never_skip_a_match_of_the_shipped_codebook():
    cb = voices.load_codebook()
    pats = _codebook_patterns(cb)
    texts = _random_texts([p.pattern for p in pats], 1500)
    tks = [TextKeys(t) for t in texts]
    matched = skipped = 0
    for p in pats:
        keys = pattern_keys(p.pattern)
        for t, tk in zip(texts, tks):
            hit = p.search(t) is not None
            ok = may_match(keys, tk)
            assert ok or not hit, (p.pattern[:80], t)
            matched += hit
            skipped += not ok
    # the check is exercised both ways: many matches, and most searches skipped
    assert matched > 1000
    assert skipped > len(pats) * len(texts) // 2


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    atoms = ["a", "b", "ab", " ", "-", "\\.", "[ab]", "[a-c]", "\\w", "\\d", ".", "\\s", "é", "(?-i:A)", "\\b", "$"]
    out = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.2 and depth < 2:
            item = "(?:" + "|".join(_random_pattern(rng, depth + 1) for _ in range(rng.randint(1, 3))) + ")"
        elif r < 0.25:
            item = "(?!" + rng.choice(atoms) + ")"
        else:
            item = rng.choice(atoms)
        if rng.random() < 0.3 and not item.startswith("(?!") and item not in ("\\b", "$"):
            item = ("(?:" + item + ")" if len(item) > 1 and not item.startswith(("(", "[", "\\")) else item) + rng.choice(
                ["?", "*", "+", "{0,2}", "{1,3}", "{2}"])
        out.append(item)
    return "".join(out)


def test_keys_never_skip_a_match_of_random_patterns():
    rng = random.Random(5)
    alphabet = "aabb  -.1Ac"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(300)]
    tks = [TextKeys(t) for t in texts]
    checked = 0
    for _ in range(400):
        src = whole(_random_pattern(rng))
        p = re.compile(src, re.IGNORECASE)
        keys = pattern_keys(src)
        for t, tk in zip(texts, tks):
            if p.search(t):
                assert may_match(keys, tk), (src, t, flat(keys))
                checked += keys is not None
    assert checked > 1000


def _first_rule_plain(cb, entity):
    """The codebook semantics spelled out: every rule in order, the first match wins."""
    kind, texts = entity.kind or "person", voices._texts(entity)
    for rule in cb.rules:
        if rule.kinds is not None and kind not in rule.kinds:
            continue
        if any(not p.search(texts[f]) for f, p in rule.require.items()):
            continue
        if any(p.search(texts[f]) for f, p in rule.unless.items()):
            continue
        return rule.voice, rule.id
    return "other", voices.DEFAULT_RULE


def test_first_rule_same_as_trying_every_rule_in_order():
    cb = voices.load_codebook()
    texts = _random_texts([p.pattern for p in _codebook_patterns(cb)], 1200, seed=11)
    rng = random.Random(3)
    seen = set()
    for i, t in enumerate(texts):
        kind = voices.KINDS[i % len(voices.KINDS)]
        desc = rng.choice(texts) if rng.random() < 0.6 else None
        org = rng.choice(texts) if rng.random() < 0.3 else None
        e = Entity("e", t, kind=kind, description=desc, organisation=org)
        got = voices._first_rule(cb, e)
        assert got == _first_rule_plain(cb, e), e
        assert voices.explain(e)[:1] == ([got[1]] if got[1] != voices.DEFAULT_RULE else [])
        seen.add(got[1])
    assert len(seen) > 20  # many different rules decided


def test_plan_follows_rule_order_unless_and_kinds():
    data = {"rules": [
        {"id": "a", "voice": "official", "kind": ["organisation"], "name": ["office"]},
        {"id": "b", "voice": "politician", "role": ["mp"], "unless": {"role": ["former"]}},
        {"id": "c", "voice": "expert", "any": ["mp", "professor"]},
        {"id": "d", "voice": "public", "name": ["\\w+"]},
    ]}
    cb = voices.Codebook(voices.parse_codebook(data))
    assert voices._first_rule(cb, Entity("e", "Home Office", kind="organisation")) == ("official", "a")
    assert voices._first_rule(cb, Entity("e", "Home Office")) == ("public", "d")  # kind filter
    assert voices._first_rule(cb, Entity("e", "Jo", description="Labour MP")) == ("politician", "b")
    assert voices._first_rule(cb, Entity("e", "Jo", description="former MP")) == ("expert", "c")  # unless
    assert voices._first_rule(cb, Entity("e", "", description="")) == ("other", "default")
    cb.rules.insert(0, voices.parse_codebook({"rules": [{"id": "z", "voice": "legal", "role": ["jo"]}]})[0])
    assert voices._first_rule(cb, Entity("e", "Jo", description="Labour MP")) == ("legal", "z")  # plan rebuilt


def test_key_length_is_a_small_constant():
    assert 2 <= patternkeys.KEY_LENGTH <= 6


@pytest.mark.parametrize("pattern, expected", [
    ("senators?|sen\\.", True),
    ("(?:\\w+ ){0,3}commission", False),  # the key 'comm' may lie after the match's first words
    ("the (?:\\w+ ){0,2}times", True),
    ("(?:ab ){0,3}x", True),
    ("\\w+", False),  # no keys at all
])
def test_keys_start_match(pattern, expected):
    assert patternkeys.keys_start_match(whole(pattern)) is expected


def _match_at_key_starts(p: re.Pattern, keys, text: str) -> bool:
    low = text.lower()
    starts = [i for i in range(len(low)) if i == 0 or not re.match(r"[a-z0-9_]", low[i - 1])]
    flat_keys = tuple(k for _, ks in keys for k in ks)
    return any(p.match(text, i) for i in starts if low.startswith(flat_keys, i))


def test_match_at_key_starts_equals_search_when_keys_start_match():
    """What voices._Rule._matches_candidate relies on: for such a pattern, ``match`` at the word
    starts where a key occurs finds a match exactly when ``search`` does."""
    rng = random.Random(8)
    alphabet = "aabb  -.1Ac"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(200)]
    used = hits = 0
    for _ in range(600):
        src = whole(_random_pattern(rng))
        if not patternkeys.keys_start_match(src):
            continue
        used += 1
        p, keys = re.compile(src, re.IGNORECASE), pattern_keys(src)
        for t in texts:
            found = p.search(t) is not None
            assert _match_at_key_starts(p, keys, t) == found, (src, t)
            hits += found
    assert used > 100 and hits > 1000
    cb = voices.load_codebook()
    pats = [p for p in _codebook_patterns(cb) if patternkeys.keys_start_match(p.pattern)]
    assert len(pats) > 20
    keyed = [(p, pattern_keys(p.pattern)) for p in pats]
    for t in _random_texts([p.pattern for p in pats], 300, seed=4):
        if t.isascii():
            for p, keys in keyed:
                assert _match_at_key_starts(p, keys, t) == (p.search(t) is not None), (p.pattern[:60], t)
