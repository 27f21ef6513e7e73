"""List the AllSides speakers whose voice type changed between two runs, and show a few in context.

Round 12 of the voice rules judges every candidate change by what it does to the whole corpus,
not to the hand-judged samples::

    cp -r benchmarks/out/allsides /tmp/before        # tables of the run before the change
    python benchmarks/voices.py analyze              # tables after the change
    python benchmarks/voice_changes.py /tmp/before benchmarks/out/allsides --read 15 --seed 0

prints how many speaker rows (and quoted speakers) changed voice, a table of the changes by
(old voice, new voice, new rule), and ``--read`` randomly drawn quoted speakers that changed, each
with the article text around its first mentions and its first quotes, for a person to judge. The
text is printed to the terminal only; nothing of the corpus is written to a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

KEY = ["article_id", "speaker_id"]


def changed_speakers(before: Path, after: Path) -> pd.DataFrame:
    """Speakers (article, speaker id) present in both runs whose voice type differs.

    Args:
        before: folder with the earlier run's ``speakers.parquet``.
        after: folder with the later run's ``speakers.parquet``.

    Returns:
        One row per changed speaker: name, kind, description, n_quotes (after), voice and rule
        before (``voice_before``, ``rule_before``) and after (``voice_after``, ``rule_after``).
    """
    cols = KEY + ["name", "kind", "description", "organisation", "voice_type", "voice_rule", "n_quotes"]
    b = pd.read_parquet(before / "speakers.parquet", columns=cols)
    a = pd.read_parquet(after / "speakers.parquet", columns=cols)
    m = b.merge(a, on=KEY, suffixes=("_b", "_a"))
    m = m[m["voice_type_b"] != m["voice_type_a"]]
    out = pd.DataFrame({
        "article_id": m["article_id"], "speaker_id": m["speaker_id"], "name": m["name_a"],
        "kind": m["kind_a"], "description": m["description_a"], "n_quotes": m["n_quotes_a"],
        "voice_before": m["voice_type_b"], "rule_before": m["voice_rule_b"],
        "voice_after": m["voice_type_a"], "rule_after": m["voice_rule_a"],
    })
    return out.sort_values(KEY).reset_index(drop=True)


def _show(row, articles: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame, width: int) -> None:
    text = articles.loc[row.article_id, "text"]
    print(f"=== {row.name!r} ({row.kind}; {row.description!r}) {row.voice_before}/{row.rule_before}"
          f" -> {row.voice_after}/{row.rule_after}   [{row.article_id}]")
    ms = mentions[(mentions.article_id == row.article_id) & (mentions.entity_id == row.speaker_id)]
    for _, mm in ms.sort_values("start").head(3).iterrows():
        s, e = int(mm.start), int(mm.end)
        print("   M:", text[max(0, s - width):s].replace("\n", " "), "[[", text[s:e], "]]",
              text[e:e + width // 2].replace("\n", " "))
    qs = quotes[(quotes.article_id == row.article_id) & (quotes.speaker_id == row.speaker_id)]
    for _, qq in qs.sort_values("start").head(2).iterrows():
        print(f"   Q({qq.kind}, cue {qq.cue!r}):", str(qq.text)[:160].replace("\n", " "))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("--read", type=int, default=15, help="quoted changed speakers to show in context")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--width", type=int, default=200)
    p.add_argument("--rule", default=None, help="only changes whose new (or old) rule contains this")
    args = p.parse_args(argv)
    if not (args.before / "speakers.parquet").exists() or not (args.after / "speakers.parquet").exists():
        print("skipped: speakers.parquet missing")
        return 0
    ch = changed_speakers(args.before, args.after)
    if args.rule:
        ch = ch[ch.rule_after.str.contains(args.rule, regex=False)
                | ch.rule_before.str.contains(args.rule, regex=False)]
    quoted = ch[ch.n_quotes > 0]
    print(f"{len(ch)} speaker rows changed voice, {len(quoted)} of them quoted")
    pd.set_option("display.width", 200)
    print(quoted.groupby(["voice_before", "voice_after", "rule_after"]).size()
          .sort_values(ascending=False).head(40).to_string())
    if args.read and len(quoted):
        articles = pd.read_parquet(args.after / "articles.parquet", columns=["id", "text"]).set_index("id")
        mentions = pd.read_parquet(args.after / "mentions.parquet", columns=["article_id", "entity_id", "start", "end"])
        quotes = pd.read_parquet(args.after / "quotes.parquet",
                                 columns=["article_id", "speaker_id", "start", "text", "kind", "cue"])
        for row in quoted.sample(min(args.read, len(quoted)), random_state=args.seed).itertuples():
            _show(row, articles, mentions, quotes, args.width)
    return 0


if __name__ == "__main__":
    sys.exit(main())
