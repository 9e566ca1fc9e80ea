"""`ketamine-evidence extract`: parse stored records (or XML files), extract findings, write the tables.

Reads the store's latest record versions (``--store``, default the configured store) or XML files
(``--input`` file or directory), groups PubMed citations and PMC articles of the same PMID into one
study (``analysis.tables.assign_studies``), runs the extractors once per study for the chosen
intervention, and writes ``studies``, ``findings`` and ``adverse_events`` as Parquet and CSV under
``data/processed/`` (or ``--out``). ``--jsonl`` also writes one gold-format record per study.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tqdm import tqdm

from analysis.extract import extract_article
from analysis.interventions import Intervention, resolve_intervention
from analysis.parse import iter_input, parse_record
from analysis.records import Article, Finding, StudyRecord
from analysis.tables import Entry, Provenance, Tables, assign_studies, build_tables
from analysis.tables_io import write_tables
from ketamine_evidence import paths
from ketamine_evidence.config import Config
from ketamine_evidence.errors import ConfigError, InputError

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--store", type=Path, help="store file to read (default: config store.path, "
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


def store_entries(store_path: Path) -> Iterator[Entry]:
    """Entries of every stored record (latest versions, including records NCBI no longer serves)."""
    from harvest.store import Store  # the store is only needed when reading it

    with Store(store_path, create=False) as store:
        for rec in store.iter_records(include_missing=True):
            try:
                article = parse_record(rec)
            except InputError as exc:
                log.warning("skipping stored record %s: %s", rec.key, exc)
                continue
            yield Entry(article=article, provenance=Provenance(
                first_seen=rec.first_seen, last_changed=rec.last_changed, version=rec.version,
                first_run=rec.first_run, last_changed_run=rec.last_changed_run, missing=rec.missing,
                retracted=rec.retracted))


def file_entries(path: Path) -> Iterator[Entry]:
    for article in iter_input(path):
        yield Entry(article=article)


def extract_entry(entry: Entry, intervention: Intervention) -> Entry:
    """Run the extractors on one study (no shared state: safe to run in parallel)."""
    entry.record, entry.findings = extract_article(entry.article, intervention)
    entry.mentions_intervention = intervention.mentioned_in(entry.article.text)
    return entry


def _extract_article(job: tuple[Article, Intervention]) -> tuple[StudyRecord, list[Finding], bool]:
    """Worker side of ``--jobs``: what ``extract_entry`` computes, for one article."""
    article, intervention = job
    record, findings = extract_article(article, intervention)
    return record, findings, intervention.mentioned_in(article.text)


def extract_entries(entries: Iterable[Entry], intervention: Intervention, *, progress: bool = True,
                    jobs: int = 1) -> list[Entry]:
    """Deduplicate, then extract every study that is not a duplicate; returns all entries.

    ``jobs`` > 1 extracts in that many processes; results are the same as with one, in the same order.
    """
    entries = assign_studies(list(entries))
    todo = [e for e in entries if e.duplicate_of is None]
    bar = tqdm(total=len(todo), desc="extract", unit="study", file=sys.stderr, disable=not progress or None,
               mininterval=0.5)
    with bar:
        if jobs <= 1 or len(todo) < 2:
            for entry in todo:
                extract_entry(entry, intervention)
                bar.update()
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                results = pool.map(_extract_article, ((e.article, intervention) for e in todo),
                                   chunksize=max(1, min(64, len(todo) // (4 * jobs))))
                for entry, (record, findings, mentions) in zip(todo, results):
                    entry.record, entry.findings, entry.mentions_intervention = record, findings, mentions
                    bar.update()
    return entries


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
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return n


def run(args: argparse.Namespace, config: Config) -> int:
    intervention = resolve_intervention(args.intervention or config.intervention, config.interventions)
    if args.input is not None:
        if not args.input.exists():
            raise InputError(f"input not found: {args.input}")
        entries = file_entries(args.input)
        source = str(args.input)
    else:
        store_path = args.store or config.store_path
        entries = store_entries(store_path)
        source = str(store_path)
    if args.jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, got {args.jobs}")
    entries = extract_entries(entries, intervention, progress=not args.no_progress, jobs=args.jobs)
    if not entries:
        raise InputError(f"no PubMed or PMC records in {source}")
    tables: Tables = build_tables(entries, intervention.name)
    out = args.out or paths.processed_dir()
    write_tables(tables, out)
    s = tables.studies
    print(f"{len(s)} records from {source}: {int((s['duplicate_of'].notna()).sum())} duplicates, "
          f"{int(s['included'].sum())} studies included for {intervention.name}; "
          f"{len(tables.findings)} findings, {len(tables.adverse_events)} adverse-event rows")
    print(f"tables written to {out}/ (studies, findings, adverse_events; .parquet and .csv)")
    if args.jsonl is not None:
        n = write_jsonl(entries, args.jsonl)
        print(f"{n} gold-format records written to {args.jsonl}")
    return 0
