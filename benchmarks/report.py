"""Report build time for 10,000 studies: the snapshot's tables replicated, then ``build_report`` timed.

The tables come from ``ketamine-evidence harvest --source snapshot`` then ``extract`` (the whole
bundled snapshot: PubMed XML and PMC articles); every row is copied under a new ``study_id`` until
``--studies`` is reached, its findings and adverse events with it. Two figures: the tables as extracted (their own share of
included studies) and the worst case where every study is included (every row in an evidence table).

    .venv/bin/python benchmarks/report.py --studies 10000
"""

from __future__ import annotations

import _repo_path  # noqa: F401  (before any project import: see benchmarks/_repo_path.py)

import argparse
import contextlib
import io
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


import pandas as pd  # noqa: E402

from ketamine_evidence.analysis import load_tables  # noqa: E402
from ketamine_evidence.analysis.report import build_report  # noqa: E402
from ketamine_evidence.cli import main  # noqa: E402


@dataclass
class Replicated:
    studies: pd.DataFrame
    findings: pd.DataFrame
    adverse_events: pd.DataFrame


def replicate(tables, n: int) -> Replicated:
    """``n`` studies: copy k of every row gets ``study_id`` '<id>~k' (duplicate_of follows its copy)."""
    copies = -(-n // len(tables.studies))
    out: dict[str, list[pd.DataFrame]] = {"studies": [], "findings": [], "adverse_events": []}
    for k in range(copies):
        suffix = f"~{k}"
        for name in out:
            frame = getattr(tables, name).copy()
            frame["study_id"] = frame["study_id"] + suffix
            if name == "studies":
                frame["duplicate_of"] = frame["duplicate_of"].where(frame["duplicate_of"].isna(),
                                                                    frame["duplicate_of"] + suffix)
            out[name].append(frame)
    studies = pd.concat(out["studies"], ignore_index=True).iloc[:n]
    keep = set(studies["study_id"])
    findings = pd.concat(out["findings"], ignore_index=True)
    events = pd.concat(out["adverse_events"], ignore_index=True)
    return Replicated(studies, findings[findings["study_id"].isin(keep)], events[events["study_id"].isin(keep)])


def timed(tables: Replicated, out: Path) -> tuple[float, int]:
    start = time.perf_counter()
    files = build_report(tables, out, tables_source="benchmark")
    return time.perf_counter() - start, files.html.stat().st_size


def main_(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        store = str(tmp_path / "store.sqlite")
        with contextlib.redirect_stdout(io.StringIO()):
            for argv in (["harvest", "--source", "snapshot", "--store", store],
                         ["extract", "--store", store, "--out", str(tmp_path / "tables"), "--no-progress"]):
                if code := main(argv):
                    raise SystemExit(f"{argv[0]} failed with exit code {code}")
        base = load_tables(tmp_path / "tables")
        tables = replicate(base, args.studies)
        n_included = int(tables.studies["included"].fillna(False).astype(bool).sum())
        print(f"snapshot tables: {len(base.studies)} studies, {len(base.findings)} findings, "
              f"{len(base.adverse_events)} adverse-event rows")
        print(f"replicated: {len(tables.studies)} studies, {len(tables.findings)} findings, "
              f"{len(tables.adverse_events)} adverse-event rows")
        seconds, size = timed(tables, tmp_path / "as_extracted")
        print(f"report, {len(tables.studies)} studies ({n_included} included): {seconds:.1f} s, "
              f"report.html {size / 1e6:.1f} MB")
        everything = Replicated(tables.studies.assign(included=True, duplicate_of=pd.NA),
                                tables.findings, tables.adverse_events)
        seconds, size = timed(everything, tmp_path / "all_included")
        print(f"report, {len(tables.studies)} studies (all included): {seconds:.1f} s, "
              f"report.html {size / 1e6:.1f} MB")
        print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main_()
