"""How far do two blind coders agree on the voice types of the audit samples?

The blind samples (``benchmarks/voice_audit_blindN.csv``) were each judged by one coder who
never saw a prediction. For some of them a second coder judged the same speakers from the
same context, independently and also blind (``voice_audit_blindN_coder2.csv``: columns
``article_id, speaker_id, name, judged, note``). This script prints, per sample and pooled:
percent agreement and Cohen's kappa between the two coders, how often both call a row "not a
speaker", and the tool's accuracy against each coder and against either. The coders'
agreement bounds what the accuracy figure can mean: where coders disagree, no tool can
match both.

Run: ``python benchmarks/coder_agreement.py`` (reads only files in ``benchmarks/``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from newsvoices.coding import cohen_kappa, percent_agreement

HERE = Path(__file__).resolve().parent


def _pairs() -> list[tuple[str, pd.DataFrame, pd.DataFrame]]:
    pairs = []
    for second in sorted(HERE.glob("voice_audit_blind*_coder2.csv")):
        first = second.with_name(second.name.replace("_coder2", ""))
        if not first.exists():
            sys.exit(f"{second}: no first coder's file {first.name}")
        a = pd.read_csv(first, keep_default_na=False)
        b = pd.read_csv(second, keep_default_na=False)
        key = ["article_id", "speaker_id"]
        if a[key].to_numpy().tolist() != b[key].to_numpy().tolist():
            sys.exit(f"{second}: rows do not match {first.name} (article_id, speaker_id in order)")
        pairs.append((first.stem.replace("voice_audit_", ""), a, b))
    return pairs


def main() -> None:
    pairs = _pairs()
    if not pairs:
        print("no second-coder files (benchmarks/voice_audit_blind*_coder2.csv)")
        return
    rows = []
    for name, a, b in pairs + [("pooled", pd.concat([p[1] for p in pairs]), pd.concat([p[2] for p in pairs]))]:
        ns_a = a["note"].str.lower().str.startswith("not a speaker")
        ns_b = b["note"].str.lower().str.startswith("not a speaker")
        tool = a["predicted"]
        rows.append({
            "sample": name,
            "n": len(a),
            "coders agree": round(percent_agreement(a["judged"].tolist(), b["judged"].tolist()), 3),
            "kappa": round(cohen_kappa(a["judged"].tolist(), b["judged"].tolist()), 3),
            "not a speaker (A / B / both)": f"{ns_a.sum()} / {ns_b.sum()} / {(ns_a & ns_b).sum()}",
            "tool vs A": round((tool == a["judged"]).mean(), 3),
            "tool vs B": round((tool == b["judged"].to_numpy()).mean(), 3),
            "tool vs either": round(((tool == a["judged"]) | (tool == b["judged"].to_numpy())).mean(), 3),
        })
    print(pd.DataFrame(rows).to_string(index=False))
    print("\n'tool' is the prediction at the time the sample was drawn (column 'predicted').")


if __name__ == "__main__":
    main()
