"""Extraction throughput on distinct trial abstracts, beside the repeated-text ketamine workload.

The ketamine workload of ``benchmarks/extract.py`` is 5,000 records built from the snapshot's 29 PMC ketamine
abstracts, so the same ~360 sentences come round again and again; any cache keyed by text that outlives an
article makes that workload look faster than a harvest of distinct abstracts would be. This script times
``extract_article`` alone (parsing done beforehand and not timed) on two inputs of the same kind:

- ``distinct``: every development pool trial (``data/eval/pool/gold_dev*.jsonl``: 280 distinct
  abstracts), each extracted for the intervention its gold record names, so every extractor runs;
- ``repeated``: the first ``--repeat`` records of the ketamine workload (29 abstracts in turn).

Both run ``--passes`` times in this process (one core); the first distinct pass sees cold caches and later ones
warm, so the spread shows how much the text caches carry over. Blind gold is never read.

    .venv/bin/python benchmarks/distinct_texts.py [--passes 2] [--repeat 1000] [--by-extractor]

``--by-extractor``: each extractor's share of the CPU time (and the context: sentence split, intervention
widened and its pattern built), per input, summed over the passes.
"""

from __future__ import annotations

import _repo_path  # before any project import: see benchmarks/_repo_path.py

import argparse
import json
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POOL = REPO.parent / "shared" / "eval" / "pain_trials_pool"
DEV_GOLD = sorted((REPO / "data" / "eval" / "pool").glob("gold_dev*.jsonl"))


def distinct_articles() -> list[tuple[object, str]]:
    """(article, intervention) for every dev pool trial, parsed once."""
    from ketamine_evidence.analysis.parse import parse_file

    out = []
    for gold in DEV_GOLD:
        for line in gold.read_text().splitlines():
            record = json.loads(line)
            article = next(iter(parse_file(POOL / f"{record['pmcid']}.nxml")))
            out.append((article, record["intervention"]))
    return out


def repeated_articles(records: int) -> list[tuple[object, str]]:
    """(article, 'ketamine') for the first ``records`` records of the ketamine workload."""
    from ketamine_evidence.analysis.parse import parse_file

    with tempfile.TemporaryDirectory() as tmp:
        path, _ = _repo_path.sibling("extract").build_ketamine(records, Path(tmp))
        return [(a, "ketamine") for a in parse_file(path)]


def rate(pairs: list[tuple[object, str]]) -> tuple[float, float]:
    """Records and thousands of abstract characters per CPU second of ``extract_article`` over ``pairs``
    (pool abstracts are longer than the ketamine ones, so characters compare the two fairly)."""
    from ketamine_evidence.analysis.extract import extract_article
    from ketamine_evidence.analysis.extract.interventions import resolve_intervention

    resolved = {name: resolve_intervention(name) for name in {n for _, n in pairs}}
    start = time.process_time()
    for article, name in pairs:
        extract_article(article, resolved[name])
    seconds = time.process_time() - start
    return len(pairs) / seconds, sum(len(a.text) for a, _ in pairs) / 1000 / seconds


def time_extractors() -> dict[str, float]:
    """Wrap each extractor's ``extract`` and ``make_context`` to add their CPU seconds to the returned dict
    (looked up by name at call time in ``extract_findings``, so the wrappers are what runs)."""
    import ketamine_evidence.analysis.extract as extract

    spent: dict[str, float] = {}

    def timed(name: str, fn):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return run

    extract.make_context = timed("context", extract.make_context)
    for module in extract.EXTRACTORS:
        module.extract = timed(module.__name__.rsplit(".", 1)[-1], module.extract)
    return spent


def _shares(spent: dict[str, float], before: dict[str, float]) -> str:
    part = {k: v - before.get(k, 0.0) for k, v in spent.items()}
    total = sum(part.values()) or 1.0
    return ", ".join(f"{k} {v / total:.0%}" for k, v in sorted(part.items(), key=lambda kv: -kv[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1000, help="ketamine workload records to time")
    parser.add_argument("--by-extractor", action="store_true", help="each extractor's share of the CPU time")
    args = parser.parse_args()
    _repo_path.sibling("extract").pin_one_core()
    distinct = distinct_articles()
    repeated = repeated_articles(args.repeat)
    spent = time_extractors() if args.by_extractor else None
    by_input: dict[str, dict[str, float]] = {"distinct": {}, "repeated": {}}
    for n in range(1, args.passes + 1):
        mark = dict(spent or {})
        d_rec, d_kch = rate(distinct)
        if spent is not None:
            for k, v in spent.items():
                by_input["distinct"][k] = by_input["distinct"].get(k, 0.0) + v - mark.get(k, 0.0)
            mark = dict(spent)
        r_rec, r_kch = rate(repeated)
        if spent is not None:
            for k, v in spent.items():
                by_input["repeated"][k] = by_input["repeated"].get(k, 0.0) + v - mark.get(k, 0.0)
        print(f"pass {n}: distinct ({len(distinct)} pool dev trials) {d_rec:,.0f} records/CPU-s, {d_kch:,.0f} k chars/CPU-s; "
              f"repeated ({len(repeated)} ketamine workload records) {r_rec:,.0f} records/CPU-s, {r_kch:,.0f} k chars/CPU-s")
    for name, part in by_input.items():
        if part:
            print(f"{name}: {_shares(part, {})}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
