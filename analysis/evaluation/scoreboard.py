"""Every gold set scored at once, development and blind splits side by side, as a Markdown table.

A figure that does not say its split does not count: each column names its set and whether rules were
written from it (``dev``) or it is only scored (``blind``). Blind sets are scored here and nowhere read:
this prints figures only, never a record or an error.

    .venv/bin/python -m ketamine_evidence.analysis.evaluation.scoreboard [--shared ../shared] [--json]

Sets (paths relative to the repository and ``--shared``):

- dev: ketamine gold (14), chronic-pain gold of other treatments (21), pool dev (100), pool dev batches 4, 5
  and 6 (60 each; batch 6 was scored unseen through the second round and became dev in the third), and
  batch 7: the first pool blind split (60, frozen before any rule was written from the pool), scored blind
  through six rounds and retired at the start of the seventh, when no unread pain-trial text was left to
  freeze in its place (``data/eval/pool/README.md``);
  pool blind2 (60, frozen with batch 5 in the second round, blind through the eighth round, the check set of the
  ninth to eleventh rounds: scored by the lead, aggregate figures only), retired in the eleventh round, when its
  errors were read in a post-mortem after the round's last rule change (``data/eval/pool/README.md``);
- blind: pool blind3 (50, the last pool articles, frozen at the start of the third
  round before annotation), the earlier hold-out of
  15 ketamine articles and 10 other-treatment pain trials (``data/eval/holdout``), and blind4 (61 Evidence
  Inference pain trials outside the pool, frozen at the start of the fourth round before annotation;
  ``data/eval/ei_blind4``; its pain_effect is not fully unseen, since the direction rules of the first rounds
  were tuned on these trials' Evidence Inference pain prompts).

Blind3 and blind4 carry a 95% bootstrap interval per field (rounds 1-6 pooled three blind pool splits, 170
records, and rounds 7-8 two, 110; with blind2 first the check set and then retired, one pool split is left blind, so no pooled column).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ketamine_evidence.analysis.evaluation.gold import evaluate, load_gold, score_records
from ketamine_evidence.base import paths

FIELDS = ("relevant", "design", "conditions", "routes", "n_participants", "relief_duration_days", "follow_up_days",
          "dose_mg_per_kg", "infusion_mg_per_kg_h", "pain_effect", "responder_rate_pct", "adverse_events",
          "negated_adverse_events")


@dataclass(frozen=True)
class GoldSet:
    name: str
    split: str  # 'dev' (rules written from it), 'check' (scored to choose variants, errors unread) or 'blind' (only scored)
    gold: Path
    articles: Path


def gold_sets(repo: Path, shared: Path, tmp: Path) -> list[GoldSet]:
    """The project's gold sets; the chronic hold-out's articles (named by its gold records) are linked into ``tmp``."""
    holdout_gold = repo / "data" / "eval" / "holdout" / "holdout_chronic.jsonl"
    blind4_gold = repo / "data" / "eval" / "ei_blind4" / "gold_blind4.jsonl"
    ei_articles = shared / "eval" / "external" / "evidence_inference" / "articles"
    pool = shared / "eval" / "pain_trials_pool"
    return [
        GoldSet("ketamine dev (14)", "dev", shared / "eval" / "gold_dev.jsonl", shared / "corpus" / "pmc_ketamine"),
        GoldSet("chronic dev (21)", "dev", shared / "eval" / "gold_chronic_pain_dev.jsonl",
                shared / "eval" / "chronic_pain_articles"),
        GoldSet("pool dev (100)", "dev", repo / "data" / "eval" / "pool" / "gold_dev.jsonl", pool),
        GoldSet("pool dev batch 4 (60)", "dev", repo / "data" / "eval" / "pool" / "gold_dev_batch4.jsonl", pool),
        GoldSet("pool dev batch 5 (60)", "dev", repo / "data" / "eval" / "pool" / "gold_dev_batch5.jsonl", pool),
        GoldSet("pool dev batch 6 (60)", "dev", repo / "data" / "eval" / "pool" / "gold_dev_batch6.jsonl", pool),
        GoldSet("pool dev batch 7 (60, retired blind)", "dev", repo / "data" / "eval" / "pool" / "gold_blind.jsonl",
                pool),
        GoldSet("pool blind2 (60, retired check)", "dev", repo / "data" / "eval" / "pool" / "gold_blind2.jsonl", pool),
        GoldSet("pool blind3 (50)", "blind", repo / "data" / "eval" / "pool" / "gold_blind3.jsonl", pool),
        GoldSet("hold-out ketamine (15)", "blind", repo / "data" / "eval" / "holdout" / "holdout_ketamine.jsonl",
                shared / "corpus" / "pmc_ketamine"),
        GoldSet("hold-out other (10)", "blind", holdout_gold, _linked(holdout_gold, ei_articles, tmp / "holdout")),
        GoldSet("blind4 (61)", "blind", blind4_gold, _linked(blind4_gold, ei_articles, tmp / "blind4")),
    ]


def _linked(gold: Path, articles: Path, folder: Path) -> Path:
    """A folder holding links to the JATS files of ``gold``'s records only: the Evidence Inference folder also
    holds a .txt copy of each article and other trials, which a set must not read as its own."""
    folder.mkdir(exist_ok=True)
    for pmcid in (r["pmcid"] for r in load_gold(gold)):
        link = folder / f"{pmcid}.nxml"
        if not link.exists():
            link.symlink_to(articles / f"{pmcid}.nxml")
    return folder


POOLED = "pooled blind pool splits"  # the blind pool splits as one sample, when more than one is still blind
WITH_INTERVAL = ("pool blind3", "blind4")  # single sets that also carry a 95% interval (besides a pooled column)
BOOTSTRAP_ROUNDS = 1000
Pairs = list[tuple[dict, dict]]


Intervals = dict[str, dict[str, tuple[float, float]]]


def scoreboard(repo: Path, shared: Path, intervals: Intervals | None = None) -> dict[str, dict[str, float]]:
    """{set name: {field: value}} for every gold set, plus the blind pool splits pooled when more than one is left. ``intervals``, when
    given, receives {column: {field: 95% bootstrap interval}} (records resampled) for the pooled column and
    the sets named in ``WITH_INTERVAL``."""
    out: dict[str, dict[str, float]] = {}
    pooled: Pairs = []
    pooled_sets = 0
    with tempfile.TemporaryDirectory() as tmp:
        for s in gold_sets(repo, shared, Path(tmp)):
            ev = evaluate(s.gold, s.articles)
            column = f"{s.name} [{s.split}]"
            out[column] = {f: round(ev.scores[f].value, 3) for f in FIELDS if f in ev.scores}
            if intervals is not None and s.name.startswith(WITH_INTERVAL):
                intervals[column] = bootstrap_intervals(list(zip(ev.predictions, ev.gold)))
            if s.split == "blind" and s.name.startswith("pool blind"):
                pooled += list(zip(ev.predictions, ev.gold))
                pooled_sets += 1
    if pooled_sets > 1:
        scores = score_records(pooled)
        column = f"{POOLED} ({len(pooled)}) [blind]"
        out[column] = {f: round(scores[f].value, 3) for f in FIELDS if f in scores}
        if intervals is not None:
            intervals[column] = bootstrap_intervals(pooled)
    return out


def bootstrap_intervals(pairs: Pairs, rounds: int = BOOTSTRAP_ROUNDS, seed: int = 0) -> dict[str, tuple[float, float]]:
    """The 2.5th and 97.5th percentiles of each field's figure over ``rounds`` resamples of the records: how far
    a figure on a few dozen records can move by which records happened to be drawn."""
    import random

    rng = random.Random(seed)
    draws: dict[str, list[float]] = {f: [] for f in FIELDS}
    for _ in range(rounds):
        scores = score_records([pairs[rng.randrange(len(pairs))] for _ in pairs])
        for f in FIELDS:
            draws[f].append(scores[f].value)
    out = {}
    for f, values in draws.items():
        values.sort()
        out[f] = (round(values[int(0.025 * rounds)], 3), round(values[int(0.975 * rounds) - 1], 3))
    return out


def to_markdown(board: dict[str, dict[str, float]], intervals: Intervals | None = None) -> str:
    """The board as a Markdown table; a column with intervals carries its 95% interval after each figure."""
    names = list(board)
    lines = ["| field | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]

    def cell(name: str, f: str) -> str:
        if f not in board[name]:
            return "–"
        ci = (intervals or {}).get(name, {}).get(f)
        return f"{board[name][f]:.3f}" + (f" ({ci[0]:.2f}-{ci[1]:.2f})" if ci else "")

    for f in FIELDS:
        lines.append(f"| {f} | " + " | ".join(cell(n, f) for n in names) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=paths.REPO_DIR.parent / "shared",
                    help="the shared/ folder with the corpora (default ../shared beside the checkout)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    args = ap.parse_args(argv)
    intervals: Intervals = {}
    board = scoreboard(paths.REPO_DIR, args.shared, intervals)
    if args.json:
        pooled = next((v for k, v in intervals.items() if k.startswith(POOLED)), {})
        print(json.dumps({"sets": board, "intervals_95": intervals, "pooled_blind_95ci": pooled}, indent=1))
    else:
        print(to_markdown(board, intervals))


if __name__ == "__main__":
    main()
