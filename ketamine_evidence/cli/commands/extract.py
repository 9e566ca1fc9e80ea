"""`ketamine-evidence extract`: parse stored records (or XML files), extract findings, write the tables.

Reads the store's latest record versions (``--store``, default the configured store) or XML files
(``--input`` file or directory), groups PubMed citations and PMC articles of the same PMID into one
study (``ketamine_evidence.analysis.tables.frames.assign_studies``), runs the extractors once per study for the chosen
intervention, and writes ``studies``, ``findings`` and ``adverse_events`` as Parquet and CSV under
``data/processed/`` (or ``--out``). ``--jsonl`` also writes one gold-format record per study.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path

from ketamine_evidence.analysis.tables.build import extract_entries, file_entries, store_entries, with_reviews
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.tables.frames import Entry, Tables, build_tables
from ketamine_evidence.analysis.tables.io import write_tables
from ketamine_evidence.base import paths
from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import ConfigError, IncompleteInput, InputError, OutputError

def add_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--store", type=Path, default=argparse.SUPPRESS, help="store file to read (default: config store.path, "
                                                   "data/ketamine-evidence.sqlite)")
    source.add_argument("--input", type=Path, metavar="FILE_OR_DIR",
                        help="read PubMed/PMC XML files instead of the store (.xml, .xml.gz, .nxml, or a directory)")
    parser.add_argument("--out", type=Path, metavar="DIR", help="where the tables go (default data/processed/)")
    parser.add_argument("--jsonl", type=Path, metavar="FILE",
                        help="also write one gold-format JSON record (with evidence) per study")
    parser.add_argument("--intervention", metavar="NAME",
                        help="the treatment to read routes, doses, effects and side effects for "
                             "(default: config extract.intervention)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="extract in N processes (default 1; each study is extracted independently)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def write_jsonl(entries: Iterable[Entry], path: Path) -> int:
    """One gold-format record (``StudyRecord.to_gold()``, with evidence) per extracted study."""
    n = 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as fh:
            for e in entries:
                if e.record is not None:
                    fh.write(json.dumps(e.record.to_gold(), ensure_ascii=False) + "\n")
                    n += 1
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return n


def run(args: argparse.Namespace, config: Config) -> int:
    intervention = resolve_intervention(args.intervention or config.intervention, config.interventions)
    unreadable: list[str] = []
    if args.input is not None:
        entries = file_entries(args.input)
        source = str(args.input)
    else:
        store_path = args.store or config.store_path
        entries = store_entries(store_path, unreadable)
        source = str(store_path)
    if args.jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, got {args.jobs}")
    entries = extract_entries(entries, intervention, progress=not args.no_progress, jobs=args.jobs)
    if not entries:
        raise InputError(f"no PubMed or PMC records in {source}")
    tables: Tables = build_tables(entries, intervention.name)
    if args.input is None:  # reviewers' decisions live in the store
        tables = with_reviews(tables, store_path, intervention.name)
    out = args.out or paths.processed_dir()
    write_tables(tables, out)
    s = tables.studies
    print(f"{len(s)} records from {source}: {int((s['duplicate_of'].notna()).sum())} duplicates, "
          f"{int(s['included'].sum())} studies included for {intervention.name}; "
          f"{len(tables.findings)} findings, {len(tables.adverse_events)} adverse-event rows"
          + (f"; {len(tables.reviews)} values checked by a person" if len(tables.reviews) else ""))
    print(f"tables written to {out}/ (studies, findings, adverse_events, reviews; .parquet and .csv)")
    if args.jsonl is not None:
        n = write_jsonl(entries, args.jsonl)
        print(f"{n} gold-format records written to {args.jsonl}")
    if unreadable:
        shown = ", ".join(unreadable[:10]) + (f" and {len(unreadable) - 10} more" if len(unreadable) > 10 else "")
        raise IncompleteInput(f"{len(unreadable)} stored record(s) could not be read and are not in the tables: "
                              f"{shown}; re-harvest them (`ketamine-evidence harvest --full`)")
    return 0
