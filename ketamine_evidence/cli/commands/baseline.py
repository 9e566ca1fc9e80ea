"""`ketamine-evidence baseline sync|extract`: mirror NLM's PubMed baseline and update files, extract on Dask.

``sync`` mirrors ``baseline/`` and ``updatefiles/`` from an NLM-style HTTPS tree (config
``baseline.url``, default NCBI's) with checksums, atomic writes and resume
(``ketamine_evidence.harvest.baseline_mirror``). ``extract`` runs the same parse + extract + tables code
as ``extract`` over the files with dask.distributed (a local cluster of ``--workers`` processes, or
``--scheduler tcp://HOST:PORT``), applies update files in order, and writes the same tables
(``ketamine_evidence.analysis.tables.baseline``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.tables import baseline as baseline_tables
from ketamine_evidence.analysis.tables.io import write_tables
from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import ConfigError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="baseline_command", metavar="ACTION", required=True)
    sync = sub.add_parser("sync", help="mirror baseline/ and updatefiles/ (checksummed, resumable)",
                          description="mirror baseline/ and updatefiles/ (checksummed, resumable)")
    sync.add_argument("--url", help="the tree's root URL (default: config baseline.url, NCBI's)")
    sync.add_argument("--dest", type=Path, required=True, metavar="DIR", help="local mirror folder")
    sync.add_argument("--only", choices=["baseline", "updatefiles"],
                      help="mirror one of the two folders (default both)")
    sync.add_argument("--pause", type=float, metavar="S", help="seconds between files (default: config)")
    ext = sub.add_parser("extract", help="extract the mirrored files into the evidence tables on Dask",
                         description="extract the mirrored files into the evidence tables on Dask")
    ext.add_argument("--files", type=Path, required=True, metavar="DIR",
                     help="the mirror folder (baseline/ and updatefiles/ inside) or a folder of .xml.gz files")
    ext.add_argument("--out", type=Path, required=True, metavar="DIR", help="where the tables go")
    ext.add_argument("--intervention", metavar="NAME", help="the treatment (default: config extract.intervention)")
    where = ext.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=1, metavar="N",
                       help="local Dask worker processes (default 1)")
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="a running Dask scheduler instead")
    ext.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace, config: Config) -> int:
    if args.baseline_command == "sync":
        return _sync(args, config)
    return _extract(args, config)


def _sync(args: argparse.Namespace, config: Config) -> int:
    # imported here: it loads requests (some 0.05 CPU s), which every other command's start-up would pay
    from ketamine_evidence.harvest import baseline_mirror

    pause = config.baseline.pause_s if args.pause is None else args.pause
    if pause < 0:
        raise ConfigError(f"--pause must not be negative, got {pause}")
    url = args.url or config.baseline.url
    subdirs = (args.only,) if args.only else baseline_mirror.SUBDIRS
    report = baseline_mirror.sync(url, args.dest, subdirs=subdirs, pause_s=pause,
                                  timeout_s=config.baseline.timeout_s,
                                  progress=lambda what, name: print(f"{what} {name}", flush=True))
    print(f"baseline sync from {url}: {len(report.downloaded)} files downloaded "
          f"({report.bytes_downloaded / 1e6:.1f} MB), {len(report.already_complete)} already complete, "
          f"{len(report.retried)} checksum retries; mirror in {args.dest}/")
    return 0


def _extract(args: argparse.Namespace, config: Config) -> int:
    intervention = resolve_intervention(args.intervention or config.intervention, config.interventions)
    tables, stats = baseline_tables.run(args.files, args.out, intervention, workers=args.workers,
                                        scheduler=args.scheduler, progress=not args.no_progress)
    write_tables(tables, args.out)
    (args.out / "baseline_summary.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    print(f"{stats['files']} files, {stats['records_current']} current records ({stats['deleted']} deleted "
          f"by update files): {stats['studies']} studies name {intervention.name}; "
          f"{len(tables.findings)} findings, {len(tables.adverse_events)} adverse-event rows")
    print(f"tables written to {args.out}/ (studies, findings, adverse_events; .parquet and .csv)")
    return 0
