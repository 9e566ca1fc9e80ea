"""Every gold set scored at once, development and blind splits side by side, as a Markdown table.

A figure that does not say its split does not count: each column names its set and whether rules were
written from it (``dev``) or it is only scored (``blind``). Blind sets are scored here and nowhere read:
this prints figures only, never a record or an error.

    .venv/bin/python -m ketamine_evidence.analysis.evaluation.scoreboard [--shared ../shared] [--json]

Sets (paths relative to the repository and ``--shared``):

- dev: ketamine gold (14), chronic-pain gold of other treatments (21), pool dev (100), pool dev batches 4, 5
  and 6 (60 each; batch 6 was scored unseen through the second round and became dev in the third);
- blind: pool blind (60, frozen before any rule was written from the pool), pool blind2 (60, frozen
  with batch 5 in the second round), pool blind3 (50, the last pool articles, frozen at the start of the third
  round before annotation), the earlier hold-out of
  15 ketamine articles and 10 other-treatment pain trials (``data/eval/holdout``).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ketamine_evidence.analysis.evaluation.gold import evaluate, load_gold
from ketamine_evidence.base import paths

FIELDS = ("relevant", "design", "conditions", "routes", "n_participants", "relief_duration_days", "follow_up_days",
          "dose_mg_per_kg", "infusion_mg_per_kg_h", "pain_effect", "responder_rate_pct", "adverse_events",
          "negated_adverse_events")


@dataclass(frozen=True)
class GoldSet:
    name: str
    split: str  # 'dev' (rules written from it), 'unseen' (read by no one yet) or 'blind' (only scored)
    gold: Path
    articles: Path


def gold_sets(repo: Path, shared: Path, tmp: Path) -> list[GoldSet]:
    """The project's gold sets; the chronic hold-out's articles (named by its gold records) are linked into ``tmp``."""
    holdout_gold = repo / "data" / "eval" / "holdout" / "holdout_chronic.jsonl"
    holdout = tmp / "holdout_chronic"
    holdout.mkdir(exist_ok=True)
    for pmcid in (r["pmcid"] for r in load_gold(holdout_gold)):
        link = holdout / f"{pmcid}.nxml"
        if not link.exists():
            link.symlink_to(shared / "eval" / "external" / "evidence_inference" / "articles" / f"{pmcid}.nxml")
    pool = shared / "eval" / "pain_trials_pool"
    return [
        GoldSet("ketamine dev (14)", "dev", shared / "eval" / "gold_dev.jsonl", shared / "corpus" / "pmc_ketamine"),
        GoldSet("chronic dev (21)", "dev", shared / "eval" / "gold_chronic_pain_dev.jsonl",
                shared / "eval" / "chronic_pain_articles"),
        GoldSet("pool dev (100)", "dev", repo / "data" / "eval" / "pool" / "gold_dev.jsonl", pool),
        GoldSet("pool dev batch 4 (60)", "dev", repo / "data" / "eval" / "pool" / "gold_dev_batch4.jsonl", pool),
        GoldSet("pool dev batch 5 (60)", "dev", repo / "data" / "eval" / "pool" / "gold_dev_batch5.jsonl", pool),
        GoldSet("pool dev batch 6 (60)", "dev", repo / "data" / "eval" / "pool" / "gold_dev_batch6.jsonl", pool),
        GoldSet("pool blind (60)", "blind", repo / "data" / "eval" / "pool" / "gold_blind.jsonl", pool),
        GoldSet("pool blind2 (60)", "blind", repo / "data" / "eval" / "pool" / "gold_blind2.jsonl", pool),
        GoldSet("pool blind3 (50)", "blind", repo / "data" / "eval" / "pool" / "gold_blind3.jsonl", pool),
        GoldSet("hold-out ketamine (15)", "blind", repo / "data" / "eval" / "holdout" / "holdout_ketamine.jsonl",
                shared / "corpus" / "pmc_ketamine"),
        GoldSet("hold-out other (10)", "blind", holdout_gold, holdout),
    ]


def scoreboard(repo: Path, shared: Path) -> dict[str, dict[str, float]]:
    """{set name: {field: value}} for every gold set."""
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for s in gold_sets(repo, shared, Path(tmp)):
            ev = evaluate(s.gold, s.articles)
            out[f"{s.name} [{s.split}]"] = {f: round(ev.scores[f].value, 3) for f in FIELDS if f in ev.scores}
    return out


def to_markdown(board: dict[str, dict[str, float]]) -> str:
    names = list(board)
    lines = ["| field | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for f in FIELDS:
        lines.append(f"| {f} | " + " | ".join(f"{board[n][f]:.3f}" if f in board[n] else "–" for n in names) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=paths.REPO_DIR.parent / "shared",
                    help="the shared/ folder with the corpora (default ../shared beside the checkout)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    args = ap.parse_args(argv)
    board = scoreboard(paths.REPO_DIR, args.shared)
    print(json.dumps(board, indent=1) if args.json else to_markdown(board))


if __name__ == "__main__":
    main()
