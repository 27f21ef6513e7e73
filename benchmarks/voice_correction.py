"""How far to trust each voice type, and official shares corrected for the measured errors.

The honest voice-type figure (``benchmarks/voices.py``) is one accuracy over a blind sample of
speakers. Researchers cite *shares* ("officials get 38% of quoted words in right-rated outlets"),
and those inherit the errors of each type. This script takes the latest blind pair (the
``LATEST_BLIND`` files of ``benchmarks/voices.py``: 200 speakers drawn at random after the last
round and judged blind) and prints

* per voice type: how many of the tool's labels the coders confirmed (precision) and how much
  of each type the tool found (recall) — ``newsvoices.correction.type_scores``;
* the share of directly quoted words per voice type on AllSides, by left/center/right rating,
  as classified and corrected by the sample (``newsvoices.correction.corrected_shares``): each
  label's words are spread over the coders' types in the proportions the sample shows for that
  label, with 95% intervals that resample both the articles and the coded speakers. Rows judged
  "not a speaker" are their own category. Two weightings: by each coded speaker's directly quoted
  words under its label (the estimator that matches a share of words; few speakers carry most
  words, so it is wide and its levels moved by ten points between the blind pairs 23/24 and 25/26)
  and by speaker (tighter, and stable across those pairs, but it assumes a speaker's type is as
  likely right whether quoted at length or briefly; the reports' methods box shows this one);
* the difference in the official share between every two ratings, as classified and corrected
  (``newsvoices.correction.corrected_contrast``): both ratings are corrected with the same
  sample, so the interval of the difference is narrower than the two shares' intervals suggest.

Run ``python benchmarks/voices.py analyze`` first on the code the blind pair was drawn from
(the script warns when the tables' labels differ from the sample's ``predicted`` column), then
``python benchmarks/voice_correction.py [--write]``; ``--write`` stores the figures in
``benchmarks/results/voice_correction.json``. Skips with a message when the tables are absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from voices import LATEST_BLIND, OLD_TYPES_MAP, TABLES, old_type_labels  # noqa: E402

from newsvoices.correction import corrected_contrast, corrected_shares, type_scores  # noqa: E402

HERE = Path(__file__).resolve().parent
NOT_A_SPEAKER = "(not a speaker)"


def coded_sample(paths, quotes: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The blind pair as a coded sample: tool, coder (not-a-speaker rows apart), words.

    Returns the sample and how many coded speakers the tables now label differently.
    """
    d = pd.concat([pd.read_csv(p, keep_default_na=False) for p in paths], ignore_index=True)
    junk = d["note"].str.strip().str.lower().str.startswith("not a speaker")
    d["coder"] = d["judged"].where(~junk, NOT_A_SPEAKER)
    direct = quotes[quotes["kind"] == "direct"]
    words = direct.groupby(["speaker_id", "voice_type"])["n_words"].sum()
    d["words"] = [int(words.get((s, p), 0)) for s, p in zip(d["speaker_id"], d["predicted"])]
    now = quotes.drop_duplicates(["article_id", "speaker_id"]).set_index(["article_id", "speaker_id"])["voice_type"]
    changed = sum(now.get((a, s)) != p for a, s, p in zip(d["article_id"], d["speaker_id"], d["predicted"]))
    return d.rename(columns={"predicted": "tool"})[["article_id", "speaker_id", "tool", "coder", "words"]], changed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tables", default=str(TABLES))
    ap.add_argument("--n-boot", type=int, default=2000)
    ap.add_argument("--write", action="store_true", help="store the figures in benchmarks/results/voice_correction.json")
    args = ap.parse_args(argv)
    qpath = Path(args.tables) / "quotes.parquet"
    if not qpath.is_file():
        print(f"skip: {qpath} is absent (run `python benchmarks/voices.py analyze` with ../shared present)")
        return 0
    missing = [p for p in LATEST_BLIND if not Path(p).is_file()]
    if missing:
        print(f"skip: blind sample {missing[0]} is absent")
        return 0
    quotes = pd.read_parquet(qpath)
    if all(old_type_labels(p) for p in LATEST_BLIND):
        # a pair judged before UK round 5 has no sport_culture (its coders called such speakers other): the
        # tables' sport_culture words are spread as the sample spreads the tool's other
        quotes = quotes.assign(voice_type=quotes["voice_type"].replace(OLD_TYPES_MAP))
    sample, changed = coded_sample(LATEST_BLIND, quotes)
    names = ", ".join(Path(p).name for p in LATEST_BLIND)
    print(f"coded sample: {names} ({len(sample)} speakers, {int((sample['words'] > 0).sum())} with directly quoted words)")
    if changed:
        print(f"warning: {changed} of {len(sample)} coded speakers have another label (or none) in the tables now; "
              f"the correction assumes the tables of the code the sample was drawn from")
    scores = type_scores(sample["tool"], sample["coder"])
    pd.set_option("display.width", 200)
    print("\nper voice type (tool label against the blind coder):")
    print(scores.round(3).to_string(index=False))
    metrics = {}
    for _, r in scores.iterrows():
        v = r["voice_type"]
        if r["tool_n"]:  # kept short: the reports' methods box lists every figure
            metrics[f"precision.{v}"] = round(float(r["precision"]), 3)
    for label, wcol in (("words", "words"), ("speakers", None)):
        c = corrected_shares(quotes, sample, by="bias_text", weight_col=wcol, n_boot=args.n_boot)
        print(f"\nshare of directly quoted words, corrected (weighted by {label}):")
        show = c[c["voice_type"].isin(["official", "politician", "public", NOT_A_SPEAKER, "unattributed"])]
        print(show.drop(columns=["articles", "coded", "n_boot"]).round(3).to_string(index=False))
        for _, r in c[c["voice_type"] == "official"].iterrows():
            for col in ("share", "corrected", "corrected_low", "corrected_high"):
                if label == "words" or col != "share":
                    metrics[f"official_{col}.{label}.{r['bias_text']}"] = round(float(r[col]), 3)
        k = corrected_contrast(quotes, sample, by="bias_text", voice_type="official", weight_col=wcol,
                               n_boot=args.n_boot)
        print(f"\ndifference in the official share between ratings (b minus a), weighted by {label}:")
        print(k.round(3).to_string(index=False))
        for _, r in k[(k["a"] == "left") & (k["b"] == "right")].iterrows():
            for col in ("difference", "corrected", "corrected_low", "corrected_high"):
                if label == "words" or col != "difference":
                    metrics[f"official_{col}.{label}.right-left"] = round(float(r[col]), 3)
    if args.write:
        from newsvoices.report import write_benchmark_result

        out = write_benchmark_result(
            "voice_correction", metrics,
            command="python benchmarks/voices.py analyze && python benchmarks/voice_correction.py --write",
            dataset=f"allsides-abp-immigration-crime; coded sample {names}",
            split="the latest blind pair, drawn after the last voices round and judged blind",
            notes="precision = share of the tool's labels the blind coder confirmed; official shares are of directly "
                  "quoted words by AllSides rating, corrected = each tool label's words spread by the coded sample's "
                  "proportions (weighted by words or by speakers); 95% intervals resample articles and coded speakers",
            headline=[k for k in ("precision.official", "precision.politician", "precision.public",
                                  "official_corrected.speakers.left", "official_corrected.speakers.center",
                                  "official_corrected.speakers.right", "official_corrected.speakers.right-left",
                                  "official_corrected_low.speakers.right-left", "official_corrected_high.speakers.right-left")
                      if k in metrics])
        print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
