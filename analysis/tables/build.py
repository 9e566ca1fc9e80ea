"""Wiring from records to tables: read entries (store or XML files), group studies, extract, build.

The one place that composes parse -> extract -> tables, used by ``ketamine-evidence extract`` and by
the notebooks; each study is extracted independently, so ``jobs`` > 1 runs them in processes.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tqdm import tqdm

from ketamine_evidence.analysis.extract import extract_article
from ketamine_evidence.analysis.extract.interventions import Intervention
from ketamine_evidence.analysis.parse import iter_input, parse_record
from ketamine_evidence.analysis.records import Article, Finding, StudyRecord
from ketamine_evidence.analysis.tables.frames import Entry, Provenance, Tables, assign_studies, build_tables
from ketamine_evidence.analysis.tables.reviews import apply_reviews
from ketamine_evidence.base.errors import InputError

log = logging.getLogger(__name__)


def store_entries(store_path: Path, unreadable: list[str] | None = None) -> Iterator[Entry]:
    """Entries of every stored record (latest versions, including records NCBI no longer serves).

    A record whose stored blob is damaged or whose XML cannot be parsed is skipped, not fatal:
    its key is appended to ``unreadable`` (when given) so the caller can report the run as partial.
    """
    from ketamine_evidence.harvest.store import Store  # the store is only needed when reading it

    with Store(store_path, create=False, read_only=True) as store:
        for rec in store.iter_records(include_missing=True):
            try:
                article = parse_record(rec)
            except InputError as exc:
                log.warning("skipping stored record %s: %s", rec.key, exc)
                if unreadable is not None:
                    unreadable.append(rec.key)
                continue
            yield Entry(article=article, provenance=Provenance(
                first_seen=rec.first_seen, last_changed=rec.last_changed, version=rec.version,
                first_run=rec.first_run, last_changed_run=rec.last_changed_run, missing=rec.missing,
                retracted=rec.retracted))
        for key in store.corrupt:
            log.warning("skipping stored record %s: its stored XML is damaged (does not decompress)", key)
        if unreadable is not None:
            unreadable.extend(store.corrupt)


def with_reviews(tables: Tables, store_path: Path, intervention: str) -> Tables:
    """``tables`` with the store's decisions for ``intervention`` applied (``analysis/tables/reviews.py``)."""
    from ketamine_evidence.harvest import decisions
    from ketamine_evidence.harvest.store import Store

    with Store(store_path, create=False) as store:
        reviews = decisions.reviews(store, intervention)
    return apply_reviews(tables, reviews) if reviews else tables


def file_entries(path: Path) -> Iterator[Entry]:
    """Entries of every PubMed/PMC record in an XML file or directory."""
    if not path.exists():
        raise InputError(f"input not found: {path}")
    for article in iter_input(path):
        yield Entry(article=article)


def extract_entry(entry: Entry, intervention: Intervention) -> Entry:
    """Run the extractors on one study (no shared state: safe to run in parallel)."""
    entry.record, entry.findings = extract_article(entry.article, intervention)
    entry.mentions_intervention = intervention.mentioned_in(entry.article.text)
    return entry


def _extract_article(job: tuple[Article, Intervention]) -> tuple[StudyRecord, list[Finding], bool]:
    """Worker side of ``jobs`` > 1: what ``extract_entry`` computes, for one article."""
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


def tables_from_files(source: Path, intervention: Intervention, *, progress: bool = False) -> Tables:
    """Parse XML files, extract each study once for ``intervention``, and build the three tables."""
    entries = extract_entries(file_entries(source), intervention, progress=progress)
    if not entries:
        raise InputError(f"no PubMed or PMC records in {source}")
    return build_tables(entries, intervention.name)
