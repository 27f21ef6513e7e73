"""Rebuild data/lexicons/sentiment_pattern.csv from Pattern's English sentiment lexicon.

Pattern's ``en-sentiment.xml`` (De Smedt & Daelemans 2012, licence PDDL: public
domain) ships inside the TextBlob wheel (MIT). Get it with
``pip download --no-deps textblob==0.20.1`` and unzip, then run:

    python benchmarks/build_pattern_lexicon.py path/to/textblob/en/en-sentiment.xml

Each word form gets the mean polarity over its senses; forms whose mean is 0 are
dropped. Output is sorted and rounded, so reruns are byte-identical.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from newsvoices.config import DATA_DIR  # noqa: E402


def main(xml_path: str) -> None:
    root = ET.parse(xml_path).getroot()
    pol: dict[str, list[float]] = defaultdict(list)
    for w in root.iter("word"):
        form = (w.get("form") or "").lower().strip()
        if form and " " not in form:
            pol[form].append(float(w.get("polarity", 0)))
    out = DATA_DIR / "lexicons" / "sentiment_pattern.csv"
    rows = sorted((f, sum(v) / len(v)) for f, v in pol.items())
    with out.open("w", encoding="utf-8") as fh:
        fh.write("word,polarity\n")
        for f, v in rows:
            if round(v, 3) != 0:
                fh.write(f"{f},{v:.3f}\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
