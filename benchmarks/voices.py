"""Check the voice-type codebook by hand on real coverage, and measure the 'other' share.

Two steps, on the AllSides immigration/crime corpus (../shared/corpora/allsides-abp-immigration-crime):

1. ``python benchmarks/voices.py analyze [--limit N]`` analyses the corpus once and writes the
   tables to ``benchmarks/out/allsides`` (not committed; takes minutes).
2. ``python benchmarks/voices.py sample`` draws 100 quoted speakers at random (seed 0) from those
   tables and writes ``benchmarks/voice_audit_draft.csv``: speaker_id, name, kind, description,
   organisation, the predicted voice and rule, and an empty ``judged`` column. A person fills in
   ``judged`` (the voice type the codebook's definitions call for, reading the speaker's context)
   and saves it as ``benchmarks/voice_audit.csv``. Names and short descriptions only, never
   article text.
   ``python benchmarks/voices.py sample --seed 1 --exclude benchmarks/voice_audit.csv`` drew the
   second, held-out sample (``benchmarks/voice_audit_heldout.csv``);
   ``... sample --seed 2 --exclude benchmarks/voice_audit.csv --exclude benchmarks/voice_audit_heldout.csv``
   drew the third (``benchmarks/voice_audit_check.csv``), judged by hand before any further
   tuning (59% when judged). Seeds 3-6 (``voice_audit_blind3.csv`` ... ``blind6.csv``) were judged
   blind; all seven samples have since been used for development. Seeds 7 and 8
   (``voice_audit_blind7.csv``, ``blind8.csv``) were drawn from the tables after that round
   (excluding the seven files) and judged blind: the honest number of round 5. Seeds 9 and 10
   (``voice_audit_blind9.csv``, ``blind10.csv``) were drawn after round 6 (the source-head test),
   excluding all nine files, and judged blind: the honest number of round 6. Seeds 11 and 12
   (``voice_audit_blind11.csv``, ``blind12.csv``) were drawn after round 7, excluding all eleven
   files, and judged blind: the honest number of round 7. Seeds 13 and 14
   (``voice_audit_blind13.csv``, ``blind14.csv``) were drawn after round 8, excluding all
   thirteen files, and judged blind: the honest number of round 8. Seeds 15 and 16
   (``voice_audit_blind15.csv``, ``blind16.csv``) were drawn after round 9 (junk speakers),
   excluding all fifteen files, and judged blind. Seeds 17 and 18 (``voice_audit_blind17.csv``,
   ``blind18.csv``) were drawn after round 10, excluding all seventeen files, and judged blind.
   Seeds 19 and 20 (``voice_audit_blind19.csv``, ``blind20.csv``) were drawn after round 11,
   excluding all nineteen files, and judged blind. Seeds 21 and 22 (``voice_audit_blind21.csv``,
   ``blind22.csv``) were drawn after round 12, excluding all twenty-one files, and judged blind.
   Seeds 23 and 24 (``voice_audit_blind23.csv``, ``blind24.csv``) were drawn after round 13,
   excluding all twenty-three files, and judged blind. Seeds 25 and 26
   (``voice_audit_blind25.csv``, ``blind26.csv``) were drawn after round 14 (voices, junk speakers
   of reported speech, speakers of unattributed direct quotes), excluding all twenty-five files,
   and judged blind. Seeds 27 and 28 (``voice_audit_blind27.csv``, ``blind28.csv``) were drawn
   after round 15 (types of real speakers, junk speakers, unnamed sources dropped as no source),
   excluding all twenty-seven files, and judged blind. Seeds 29 and 30 (``voice_audit_blind29.csv``,
   ``blind30.csv``) were drawn after round 16 (writers with no role, document issuers) and the
   tone speed pass, excluding all twenty-nine files, and judged blind. Seeds 31 and 32
   (``voice_audit_blind31.csv``, ``blind32.csv``) were drawn after round 17 (junk speakers, types
   of real speakers, pronoun gender, a colon cue binding its quotation, the usability fixes),
   excluding all thirty-one files, and judged blind; the UK round merged after the draw. Seeds 33
   and 34 (``voice_audit_blind33.csv``, ``blind34.csv``) were drawn after round 18 (junk speakers,
   types of real speakers), UK round 3, the corpus-level surname identity and the entity-name fixes
   (Justice Department, St. Louis, copyright footers), excluding all thirty-three files (and the UK
   audit files), and judged blind. Seeds 35 and 36 (``voice_audit_blind35.csv``, ``blind36.csv``)
   were drawn after round 20 (junk speakers, types: one unnamed official is civil_servant, identity:
   title words, acronyms, organisation variants), UK round 4, speed pass 19 and the lead's entity-name
   fixes (sentence openers, modifiers, possessive owners), excluding all thirty-five files (and the UK
   audit files), and judged blind by two coders each working in a folder of their own. Seeds 37 and 38
   (``voice_audit_blind37.csv``, ``blind38.csv``) were drawn after round 21 (junk speakers: "told" with a
   listener, competing spans, quantifier nouns; types: role text after a name, officers' associations, polls,
   one unnamed insider; identity: demonyms, weekdays, photo credits, plural possessives), UK round 5 (the
   ``sport_culture`` type), speed pass 20 and the lead's round 21 ("NAME of PLACE/BODY", titled roles,
   datelines), excluding all thirty-seven files (and the UK audit files), and judged blind by two coders
   each working in a folder of their own, with ``sport_culture`` among the types.
   From seeds 27-28 on, ``benchmarks/blind_judging.py`` prepares the coders' context (no
   prediction shown) and checks and merges their files; ``benchmarks/judging_instructions.md``
   is what each coder follows.
   Seeds 17-38 were also judged by a second, independent blind coder
   (``voice_audit_blindN_coder2.csv``; ``benchmarks/coder_agreement.py``).
   The next honest number needs ``--seed 39`` and up, excluding all thirty-nine files.
   UK round 5 added the voice type ``sport_culture``: every file above (and UK ``uk_blind1``-``8``) was judged
   without it, so ``score`` counts a predicted ``sport_culture`` as ``other`` on them (``old_type_labels``);
   samples drawn from seed 37 (UK: 9) on are judged with it.
3. ``python benchmarks/voices.py score [--write] [--show-errors]`` prints
   * accuracy: the voice the tables give each audited speaker (same article and speaker id),
     against ``judged``; rerun ``analyze`` after editing the codebook to re-score it;
   * the share of directly quoted words whose voice is ``other`` (and unattributed) in the tables;
   * left/center/right official share with 95% bootstrap intervals;
   with ``--write`` it stores them in ``benchmarks/results/voices.json`` (quoted by the reports).

UK news (issue #3): ``--corpus uk`` on ``analyze``, ``sample`` and ``score`` uses all of
``bbc-news-2005`` and ``guardian-qatar-migrant-workers-2022`` instead, with tables in
``benchmarks/out/uk``; judged UK samples are ``voice_audit_uk_blindN.csv`` (+ ``_coder2``), written by
``benchmarks/blind_judging.py merge --corpus uk``, and ``score --corpus uk`` scores those (never the
AllSides files) and prints the 'other' share and the voice shares by outlet (no ``--write``)::

    python benchmarks/voices.py analyze --corpus uk
    python benchmarks/voices.py sample --corpus uk --seed N --out /tmp/judging/uk_draftN.csv
    python benchmarks/voices.py score --corpus uk

Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from newsvoices import measures
from newsvoices.config import SHARED_DIR
from newsvoices.extract import Entity
from newsvoices.voices import VOICE_TYPES, classify

HERE = Path(__file__).resolve().parent
CORPUS = SHARED_DIR / "corpora" / "allsides-abp-immigration-crime" / "articles.jsonl"
TABLES = HERE / "out" / "allsides"
#: ``--corpus uk``: all of the BBC 2005 corpus and the Guardian 2022 subset, tables in out/uk,
#: audit files ``voice_audit_uk_blindN.csv`` (and ``_coder2``); AllSides stays the default.
UK_CORPUS = [SHARED_DIR / "corpora" / "bbc-news-2005",
             SHARED_DIR / "corpora" / "guardian-qatar-migrant-workers-2022" / "articles.jsonl"]
UK_TABLES = HERE / "out" / "uk"
UK_DRAFT = HERE / "voice_audit_uk_draft.csv"
AUDIT = HERE / "voice_audit.csv"
HELDOUT = HERE / "voice_audit_heldout.csv"
CHECK = HERE / "voice_audit_check.csv"
BLIND3 = HERE / "voice_audit_blind3.csv"
BLIND4 = HERE / "voice_audit_blind4.csv"
BLIND5 = HERE / "voice_audit_blind5.csv"
BLIND6 = HERE / "voice_audit_blind6.csv"
BLIND7 = HERE / "voice_audit_blind7.csv"
BLIND8 = HERE / "voice_audit_blind8.csv"
BLIND9 = HERE / "voice_audit_blind9.csv"
BLIND10 = HERE / "voice_audit_blind10.csv"
BLIND11 = HERE / "voice_audit_blind11.csv"
BLIND12 = HERE / "voice_audit_blind12.csv"
BLIND13 = HERE / "voice_audit_blind13.csv"
BLIND14 = HERE / "voice_audit_blind14.csv"
BLIND15 = HERE / "voice_audit_blind15.csv"
BLIND16 = HERE / "voice_audit_blind16.csv"
BLIND17 = HERE / "voice_audit_blind17.csv"
BLIND18 = HERE / "voice_audit_blind18.csv"
BLIND19 = HERE / "voice_audit_blind19.csv"
BLIND20 = HERE / "voice_audit_blind20.csv"
BLIND21 = HERE / "voice_audit_blind21.csv"
BLIND22 = HERE / "voice_audit_blind22.csv"
BLIND23 = HERE / "voice_audit_blind23.csv"
BLIND24 = HERE / "voice_audit_blind24.csv"
BLIND25 = HERE / "voice_audit_blind25.csv"
BLIND26 = HERE / "voice_audit_blind26.csv"
BLIND27 = HERE / "voice_audit_blind27.csv"
BLIND28 = HERE / "voice_audit_blind28.csv"
BLIND29 = HERE / "voice_audit_blind29.csv"
BLIND30 = HERE / "voice_audit_blind30.csv"
BLIND31 = HERE / "voice_audit_blind31.csv"
BLIND32 = HERE / "voice_audit_blind32.csv"
BLIND33 = HERE / "voice_audit_blind33.csv"
BLIND34 = HERE / "voice_audit_blind34.csv"
BLIND35 = HERE / "voice_audit_blind35.csv"
BLIND36 = HERE / "voice_audit_blind36.csv"
BLIND37 = HERE / "voice_audit_blind37.csv"
BLIND38 = HERE / "voice_audit_blind38.csv"
#: The blind pair drawn after the last voices round: its accuracy when drawn is the honest figure.
LATEST_BLIND = (BLIND37, BLIND38)
#: UK round 5 added the voice type ``sport_culture``. Every audit file judged before (AllSides ``voice_audit.csv``,
#: ``_heldout``, ``_check``, ``blind3``-``blind36``; UK ``uk_blind1``-``uk_blind8``; their ``_coder2`` files) was
#: judged with no such option, and the coders were told to call athletes, coaches, performers and sports bodies
#: ``other``: on those files a prediction of ``sport_culture`` counts as ``other`` (:func:`old_type_labels`). Samples
#: drawn after the change (AllSides seed 37 and up, UK seed 9 and up) are judged with the new type and scored as is.
OLD_TYPES_LAST_SEED = {"allsides": 36, "uk": 8}
#: The voice types an audit file judged before UK round 5 could not use, and what its coders chose instead.
OLD_TYPES_MAP = {"sport_culture": "other"}
DRAFT = HERE / "voice_audit_draft.csv"
AUDIT_COLUMNS = ["article_id", "speaker_id", "name", "kind", "description", "organisation", "predicted", "rule",
                 "judged", "note"]


def corpus_paths(name: str = "allsides") -> list[Path]:
    """The corpus files/folders ``--corpus name`` analyses (``allsides`` or ``uk``)."""
    if name == "uk":
        return list(UK_CORPUS)
    if name == "allsides":
        return [CORPUS]
    raise ValueError(f"--corpus {name!r}: expected allsides or uk")


def default_tables(name: str = "allsides") -> Path:
    """Where ``--corpus name`` keeps its tables: ``out/allsides`` or ``out/uk``."""
    corpus_paths(name)
    return UK_TABLES if name == "uk" else TABLES


def uk_audit_files(folder: Path = HERE) -> list[Path]:
    """The judged UK audit files (``voice_audit_uk_blindN.csv``, not the second coders'), by seed."""
    import re

    found = [p for p in Path(folder).glob("voice_audit_uk_blind*.csv") if re.fullmatch(r"voice_audit_uk_blind\d+", p.stem)]
    return sorted(found, key=lambda p: int(p.stem.rsplit("blind", 1)[1]))


def old_type_labels(path) -> bool:
    """Whether the audit file at ``path`` was judged before UK round 5 added ``sport_culture`` (its coders had
    no such option and called those speakers ``other``): the named files of :data:`OLD_TYPES_LAST_SEED`.

    >>> old_type_labels("benchmarks/voice_audit_blind36_coder2.csv"), old_type_labels("voice_audit_uk_blind8.csv")
    (True, True)
    >>> old_type_labels("voice_audit_blind37.csv"), old_type_labels("voice_audit_uk_blind9.csv")
    (False, False)
    >>> old_type_labels("voice_audit_heldout.csv")
    True
    """
    import re

    stem = Path(path).stem
    if stem in ("voice_audit", "voice_audit_heldout", "voice_audit_check"):
        return True
    m = re.fullmatch(r"voice_audit_(uk_)?blind(\d+)(?:_coder\d+)?", stem)
    if m is None:
        return False
    return int(m.group(2)) <= OLD_TYPES_LAST_SEED["uk" if m.group(1) else "allsides"]


def as_judged(labels: pd.Series, path) -> pd.Series:
    """Predicted voice types in the terms the audit file at ``path`` was judged in: ``sport_culture`` is
    ``other`` on files judged before UK round 5 (:func:`old_type_labels`), unchanged on later files.

    >>> as_judged(pd.Series(["sport_culture", "official"]), "voice_audit_uk_blind7.csv").tolist()
    ['other', 'official']
    >>> as_judged(pd.Series(["sport_culture"]), "voice_audit_uk_blind9.csv").tolist()
    ['sport_culture']
    """
    return labels.replace(OLD_TYPES_MAP) if old_type_labels(path) else labels


def _need_corpus(name: str = "allsides") -> bool:
    for path in corpus_paths(name):
        if not path.exists():
            print(f"skip: {path} is absent (the shared corpora live next to the checkout)")
            return False
    return True


def cmd_analyze(args) -> int:
    if not _need_corpus(args.corpus):
        return 0
    from newsvoices import analyze, load_corpus, write_tables

    paths = corpus_paths(args.corpus)
    corpus = load_corpus(paths if args.corpus == "uk" else paths[0])
    if args.limit:
        corpus.articles = corpus.articles[: args.limit]
    result = analyze(corpus, progress=not args.no_progress)
    write_tables(result, args.tables)
    print(f"{len(result.articles)} articles, {len(result.quotes)} quotes -> {args.tables}")
    return 0


def draw_sample(speakers: pd.DataFrame, n: int = 100, seed: int = 0, exclude=()) -> pd.DataFrame:
    """``n`` distinct quoted speakers (one row per speaker id), drawn uniformly with a fixed seed.

    A speaker quoted in several articles is drawn once, with the entity fields of its first
    article (in table order); the draw is over speakers, not over their quotes.
    """
    s = speakers[(speakers["n_quotes"] > 0) & ~speakers["speaker_id"].isin(set(exclude))]
    s = s.drop_duplicates("speaker_id").sort_values("speaker_id")
    return s.sample(min(n, len(s)), random_state=seed).reset_index(drop=True)


def cmd_sample(args) -> int:
    if not (Path(args.tables) / "speakers.parquet").is_file():
        if not _need_corpus(args.corpus):
            return 0
        print(f"no tables in {args.tables}: run `python benchmarks/voices.py analyze --corpus {args.corpus}` first")
        return 1
    sp = pd.read_parquet(Path(args.tables) / "speakers.parquet")
    exclude = []
    for f in args.exclude or []:
        exclude += list(pd.read_csv(f)["speaker_id"])
    s = draw_sample(sp, args.n, args.seed, exclude)
    out = pd.DataFrame({
        "article_id": s["article_id"], "speaker_id": s["speaker_id"], "name": s["name"], "kind": s["kind"],
        "description": s["description"].fillna("").str.slice(0, 60),
        "organisation": s["organisation"].fillna("").str.slice(0, 60),
        "predicted": s["voice_type"], "rule": s["voice_rule"], "judged": "", "note": "",
    })
    out.to_csv(args.out, index=False, lineterminator="\n")
    target = "voice_audit_uk_blindN.csv (benchmarks/blind_judging.py merge --corpus uk)" if args.corpus == "uk" \
        else AUDIT.name
    print(f"wrote {len(out)} speakers to {args.out}; fill in 'judged' and save as {target}")
    return 0


def _reclassify(r) -> str:
    """The current codebook's voice for an audited speaker that a new run no longer has
    (the extractor changed): classified from the audit file's own fields."""
    def val(x):
        return x if isinstance(x, str) and x else None

    ent = Entity("e", r.name, kind=val(r.kind) or "person", description=val(r.description),
                 organisation=val(r.organisation))
    return classify(ent)[0]


def score_audit(audit: pd.DataFrame, speakers: pd.DataFrame | None = None, path=None) -> dict:
    """Accuracy of the predicted voice types on a judged audit table.

    With ``speakers`` (the tables of a fresh run), the prediction is the voice that run gave
    the speaker in the same article, so codebook edits are re-scored on the same speakers
    (a speaker the new run no longer finds is classified from the audit file's fields);
    otherwise the ``predicted`` column of the audit file is used. With ``speakers``, also
    ``n_gone`` (audited speakers the run no longer credits with any quote: a draw from these
    tables would not contain them) and ``accuracy_in_tables`` (accuracy without them). With ``path`` (the
    audit file's name), predictions are put in the terms the file was judged in (:func:`as_judged`: a file
    judged before UK round 5 counts ``sport_culture`` as ``other``).
    """
    bad = sorted(set(audit["judged"].dropna()) - set(VOICE_TYPES))
    if bad:
        raise ValueError(f"audit: judged voice types {bad} are not in {VOICE_TYPES}")
    a = audit.dropna(subset=["judged"]).copy()
    a["current"] = a["predicted"]
    if speakers is not None:
        cur = speakers.drop_duplicates(["article_id", "speaker_id"]).set_index(["article_id", "speaker_id"])["voice_type"]
        key = pd.MultiIndex.from_frame(a[["article_id", "speaker_id"]])
        found = cur.reindex(key).to_numpy()
        a["current"] = [c if isinstance(c, str) else _reclassify(r) for c, r in zip(found, a.itertuples(index=False))]
        quoted = speakers[speakers["n_quotes"] > 0].drop_duplicates(["article_id", "speaker_id"])
        quoted = set(zip(quoted["article_id"], quoted["speaker_id"]))
        a["in_tables"] = [k in quoted for k in zip(a["article_id"], a["speaker_id"])]
    if path is not None:
        a["current"] = as_judged(a["current"], path)
    wrong = a[a["current"] != a["judged"]]
    res = {"n": len(a), "accuracy": float((a["current"] == a["judged"]).mean()) if len(a) else float("nan"),
           "wrong": wrong[["name", "description", "current", "judged", "note"]]}
    if "in_tables" in a:
        kept = a[a["in_tables"]]
        res["n_gone"] = int((~a["in_tables"]).sum())
        res["accuracy_in_tables"] = float((kept["current"] == kept["judged"]).mean()) if len(kept) else float("nan")
    return res


def cmd_score(args) -> int:
    tables = Path(args.tables)
    metrics: dict = {}
    if args.corpus == "uk":
        return _score_uk(args, tables)
    honest = latest_blind_figure()
    if honest:
        metrics.update(honest)
        print(f"honest figure: the blind pair drawn after the last round ({', '.join(p.name for p in LATEST_BLIND)}), "
              f"voice type as predicted when drawn: {honest['blind_latest.accuracy']:.1%} "
              f"[{honest['blind_latest.low']:.1%}, {honest['blind_latest.high']:.1%}] on {honest['blind_latest.n']} speakers")
    sp = pd.read_parquet(tables / "speakers.parquet") if (tables / "speakers.parquet").is_file() else None
    for audit_path in args.audit or [str(p) for p in (AUDIT, HELDOUT, CHECK, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11, BLIND12, BLIND13, BLIND14, BLIND15, BLIND16, BLIND17, BLIND18, BLIND19, BLIND20, BLIND21, BLIND22, BLIND23, BLIND24, BLIND25, BLIND26, BLIND27, BLIND28, BLIND29, BLIND30, BLIND31, BLIND32, BLIND33, BLIND34, BLIND35, BLIND36, BLIND37, BLIND38)]:
        if not Path(audit_path).is_file():
            print(f"no audit file {audit_path}")
            continue
        audit = pd.read_csv(audit_path, keep_default_na=False, na_values=[""])
        res = score_audit(audit, sp, audit_path)
        print(f"voice types vs hand judgement ({'tables in ' + str(tables) if sp is not None else 'audit file'}): "
              f"{res['accuracy']:.1%} right on {res['n']} speakers ({Path(audit_path).name})")
        metrics[f"accuracy.{Path(audit_path).stem}"] = round(res["accuracy"], 3)
        if res.get("n_gone"):
            # a speaker the extractor no longer credits with a quote ("a portion", "October") would not
            # be drawn from these tables: scored above from the audit file's fields (usually wrong),
            # and left out here
            print(f"  {res['n_gone']} of these speakers are no longer credited with a quote (extraction changed); "
                  f"{res['accuracy_in_tables']:.1%} right on the other {res['n'] - res['n_gone']}")
            metrics[f"accuracy_in_tables.{Path(audit_path).stem}"] = round(res["accuracy_in_tables"], 3)
            metrics[f"n_gone.{Path(audit_path).stem}"] = res["n_gone"]
        if len(res["wrong"]) and args.show_errors:
            print(res["wrong"].to_string(index=False))
    if not (tables / "quotes.parquet").is_file():
        if _need_corpus():
            print(f"no tables in {tables}: run `python benchmarks/voices.py analyze` first")
        return 0
    _print_other_share(tables, metrics)
    q = pd.read_parquet(tables / "quotes.parquet")
    a = pd.read_parquet(tables / "articles.parquet")
    group = "bias_text" if "bias_text" in a.columns else "outlet"
    m = measures.article_measures(q, a)
    off = measures.bootstrap_official(m, by=group, n_boot=1000, seed=0)
    for r in off.itertuples(index=False):
        print(f"{getattr(r, group)}: official share of quoted words {r.official_share:.1%} "
              f"[{r.official_share_low:.1%}, {r.official_share_high:.1%}]; articles quoting an official "
              f"{r.has_official:.1%} [{r.has_official_low:.1%}, {r.has_official_high:.1%}] (n={r.articles})")
        for stat in ("official_share", "has_official"):
            for suffix in ("", "_low", "_high"):
                metrics[f"{stat}{suffix}.{getattr(r, group)}"] = round(float(getattr(r, stat + suffix)), 3)
    shares = measures.bootstrap_shares(q, a, by=group, n_boot=1000, seed=0)
    print(shares.pivot_table(index="voice_type", columns=group, values="share").round(3).to_string())
    if args.write:
        from newsvoices.report import write_benchmark_result

        out = write_benchmark_result(
            "voices", metrics, command="python benchmarks/voices.py analyze && python benchmarks/voices.py score --write",
            dataset="allsides-abp-immigration-crime (2,774 articles)",
            split=f"blind_latest: the latest blind pair ({_pair_label(LATEST_BLIND)}, 200 speakers drawn at random "
                  "after the last rules round and judged blind by coders who never saw a prediction), scored with the predictions "
                  "recorded at the draw: the honest figure. accuracy.*: every hand-judged sample scored against the "
                  "current tables; all but the latest pair were studied while writing rules, so those are development "
                  "figures. accuracy_in_tables: the same, leaving out audited speakers the extractor no longer credits "
                  "with a quote (n_gone). The history of every sample and round: the docstring of "
                  "benchmarks/voices.py and docs/validation-log.md",
            notes="accuracy = voice type vs hand judgement per speaker; shares are of directly quoted words; "
                  "official share CIs: 1,000 bootstrap resamples of articles within each AllSides rating",
            headline=[k for k in ("blind_latest.accuracy", "blind_latest.low", "blind_latest.high", "blind_latest.n",
                                  "other_share", "unattributed_share", "official_share.left",
                                  "official_share.center", "official_share.right") if k in metrics])
        print(f"wrote {out}")
    return 0


def _pair_label(paths) -> str:
    """Name a pair of audit files the way the results and the README do.

    >>> _pair_label((Path("voice_audit_blind33.csv"), Path("voice_audit_blind34.csv")))
    'voice_audit_blind33/34'
    """
    stems = [Path(p).stem for p in paths]
    head = stems[0]
    tails = [re.sub(r"^voice_audit_(uk_)?blind", "", s) for s in stems[1:]]
    return "/".join([head, *tails])


def _print_other_share(tables: Path, metrics: dict) -> None:
    q = pd.read_parquet(tables / "quotes.parquet", columns=["kind", "n_words", "voice_type"])
    d = q[q["kind"] == "direct"]
    total = d["n_words"].sum()
    other = d.loc[d["voice_type"] == "other", "n_words"].sum()
    unatt = d.loc[d["voice_type"].isna(), "n_words"].sum()
    sport = d.loc[d["voice_type"] == "sport_culture", "n_words"].sum()
    print(f"directly quoted words: {total:,}; voice 'other' {other / total:.1%}; unattributed {unatt / total:.1%}; "
          f"together {(other + unatt) / total:.1%}; sport_culture {sport / total:.1%}")
    metrics.update({"other_share": round(other / total, 3), "unattributed_share": round(unatt / total, 3)})


def _score_uk(args, tables: Path) -> int:
    """``score --corpus uk``: every UK audit file (or ``--audit``) against the UK tables, the
    'other' share and the voice shares by outlet. Nothing is written (no ``--write`` for UK)."""
    metrics: dict = {}
    sp = pd.read_parquet(tables / "speakers.parquet") if (tables / "speakers.parquet").is_file() else None
    audits = args.audit or [str(p) for p in uk_audit_files()]
    if not audits:
        print("no UK audit files yet (voice_audit_uk_blindN.csv)")
    for audit_path in audits:
        if not Path(audit_path).is_file():
            print(f"no audit file {audit_path}")
            continue
        res = score_audit(pd.read_csv(audit_path, keep_default_na=False, na_values=[""]), sp, audit_path)
        print(f"voice types vs hand judgement ({'tables in ' + str(tables) if sp is not None else 'audit file'}): "
              f"{res['accuracy']:.1%} right on {res['n']} speakers ({Path(audit_path).name})")
        if len(res["wrong"]) and args.show_errors:
            print(res["wrong"].to_string(index=False))
    if not (tables / "quotes.parquet").is_file():
        if _need_corpus("uk"):
            print(f"no tables in {tables}: run `python benchmarks/voices.py analyze --corpus uk` first")
        return 0
    if args.write:
        print("--write stores the AllSides figures only; ignored with --corpus uk")
    _print_other_share(tables, metrics)
    q = pd.read_parquet(tables / "quotes.parquet")
    a = pd.read_parquet(tables / "articles.parquet")
    # the BBC files are plain text with no outlet: name them so their shares are not dropped
    a["outlet"] = a["outlet"].fillna("BBC (bbc-news-2005)")
    q = q.assign(outlet=q["article_id"].map(a.set_index("id")["outlet"])) if "outlet" in q.columns else q
    shares = measures.bootstrap_shares(q, a, by="outlet", n_boot=200, seed=0)
    print(shares.pivot_table(index="voice_type", columns="outlet", values="share").round(3).to_string())
    return 0


def latest_blind_figure(paths=LATEST_BLIND, n_boot: int = 2000) -> dict:
    """Accuracy of the predictions recorded when the latest blind pair was drawn, with a 95%
    bootstrap interval over speakers (fixed seed), or {} when a file is missing."""
    import numpy as np

    if not all(Path(p).is_file() for p in paths):
        return {}
    audit = pd.concat([pd.read_csv(p, keep_default_na=False).assign(_path=str(p)) for p in paths])
    # files judged before UK round 5 had no sport_culture (as_judged; their recorded predictions have none either)
    predicted = pd.concat([as_judged(g["predicted"], p) for p, g in audit.groupby("_path", sort=False)])
    right = (predicted.to_numpy() == audit["judged"].to_numpy()).astype(float)
    rng = np.random.default_rng(0)
    boots = rng.choice(right, size=(n_boot, len(right))).mean(axis=1)
    return {"blind_latest.accuracy": round(float(right.mean()), 3),
            "blind_latest.low": round(float(np.quantile(boots, 0.025)), 3),
            "blind_latest.high": round(float(np.quantile(boots, 0.975)), 3),
            "blind_latest.n": int(len(right))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    corpus_help = "allsides (default) or uk (bbc-news-2005 + guardian-qatar-migrant-workers-2022, tables in out/uk)"
    p = sub.add_parser("analyze")
    p.add_argument("--corpus", choices=("allsides", "uk"), default="allsides", help=corpus_help)
    p.add_argument("--tables", default=None, help="tables folder (default: out/allsides or out/uk)")
    p.add_argument("--limit", type=int, default=0, help="first N articles only")
    p.add_argument("--no-progress", action="store_true")
    p = sub.add_parser("sample")
    p.add_argument("--corpus", choices=("allsides", "uk"), default="allsides", help=corpus_help)
    p.add_argument("--tables", default=None, help="tables folder (default: out/allsides or out/uk)")
    p.add_argument("--n", type=int, default=100)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default=None, help="draft file (default: voice_audit_draft.csv, uk: voice_audit_uk_draft.csv)")
    p.add_argument("--exclude", action="append", help="audit file whose speakers are left out (repeatable)")
    p = sub.add_parser("score")
    p.add_argument("--corpus", choices=("allsides", "uk"), default="allsides", help=corpus_help)
    p.add_argument("--tables", default=None, help="tables folder (default: out/allsides or out/uk)")
    p.add_argument("--audit", action="append", help="audit file(s) to score (default: all eleven audit samples)")
    p.add_argument("--show-errors", action="store_true", help="list the speakers the codebook gets wrong")
    p.add_argument("--write", action="store_true", help="store the numbers in benchmarks/results/voices.json")
    args = ap.parse_args(argv)
    if args.tables is None:
        args.tables = str(default_tables(args.corpus))
    if getattr(args, "out", "unset") is None:
        args.out = str(UK_DRAFT if args.corpus == "uk" else DRAFT)
    return {"analyze": cmd_analyze, "sample": cmd_sample, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
