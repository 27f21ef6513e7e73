"""Rebuild data/lexicons/first_names_gender.tsv: first names whose sex is clearly one-sided.

    pip download --no-deps names==0.3.0      # then unpack the sdist
    python benchmarks/build_first_names.py /path/to/names-0.3.0/names

Source: the US Census Bureau's 1990 first-name frequency files ``dist.male.first`` and
``dist.female.first`` (public domain, a work of the US government), as shipped inside the
MIT-licensed ``names`` 0.3.0 sdist (the package is not a dependency of newsvoices). Each line
is ``NAME  percent  cumulative-percent  rank``; percent is the share of males (females) in the
1990 census sample who carry the name; each list stops at 90% of its population.

Rule: for a name on both lists, m and f are its percents in the male and female list; it is
written as ``male`` when m / (m + f) >= :data:`SHARE` (0.9) and as ``female`` when
f / (m + f) >= SHARE; any other name (Jordan, Leslie, Marion, Chris ...) is left out, so its
bearer's gender stays unknown. A name on one list only is written with that list's sex when its
percent is at least the other list's smallest listed percent (male 0.004, female 0.001): the
other list stops at that frequency, so the name is rarer there than anything listed while at
least as common on its own list (Hillary 0.013 female, absent from the male list; a rarer
one-list name, such as Kamala 0.001, is left out). Words of :data:`NOT_FIRST` (US states,
months, surname particles) are never written. The output is sorted by name, so reruns are
byte-identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARE = 0.9
# words the census lists as first names that in news open other names: US states and months ("Florida
# Republican Marco Rubio", "Virginia Tech", "May Day") and surname particles ("Mac Donald", "Von Spakovsky")
NOT_FIRST = frozenset("""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
virginia washington wisconsin wyoming carolina dakota jersey york
january february march april may june july august september october november december
mac mc van von del de della di da du la le st ten ter""".split())
OUT = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "first_names_gender.tsv"


def read(path: Path) -> dict[str, float]:
    """``name -> percent`` of one census file (names lower-cased)."""
    out: dict[str, float] = {}
    for n, line in enumerate(path.read_text(encoding="ascii").splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4:
            raise ValueError(f"{path}:{n}: want NAME PERCENT CUMULATIVE RANK, got {line!r}")
        out[parts[0].lower()] = float(parts[1])
    return out


def build(src: Path) -> list[tuple[str, str]]:
    """The ``(name, gender)`` rows kept by the rule of the module docstring."""
    male = read(src / "dist.male.first")
    female = read(src / "dist.female.first")
    m_floor = min(male.values())
    f_floor = min(female.values())
    rows = []
    for name in sorted((set(male) | set(female)) - NOT_FIRST):
        if name in male and name in female:
            m, f = male[name], female[name]
            if m / (m + f) >= SHARE:
                rows.append((name, "male"))
            elif f / (m + f) >= SHARE:
                rows.append((name, "female"))
        elif name in male:
            if male[name] >= f_floor:
                rows.append((name, "male"))
        elif female[name] >= m_floor:
            rows.append((name, "female"))
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    rows = build(Path(argv[1]))
    head = ("# First names and the sex of nearly all their bearers in the US Census 1990 first-name files\n"
            "# (public domain; via the MIT-licensed `names` 0.3.0 sdist). Built by benchmarks/build_first_names.py:\n"
            f"# kept when one sex holds >= {SHARE} of the combined percent (a name on one list only: when its percent\n"
            "# is at least the other list's smallest). See data/README.md. name<TAB>male|female\n")
    OUT.write_text(head + "".join(f"{n}\t{g}\n" for n, g in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} names ({sum(g == 'male' for _, g in rows)} male, "
          f"{sum(g == 'female' for _, g in rows)} female)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
