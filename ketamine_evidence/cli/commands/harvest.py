"""`ketamine-evidence harvest`: PubMed (or the bundled snapshot) into the store, as one logged run.

The store is opened (validated), locked for the whole run (a second harvest exits with
StoreLocked, code 6), the run is logged with ``begin_run`` and closed with ``finish_run``; if
anything goes wrong the run is marked 'failed' and the error re-raised. ``--source pubmed`` calls
``ketamine_evidence.harvest.crawl.crawl_pubmed``; ``--source snapshot`` loads ``data/snapshot`` (or
``--snapshot-dir``). A one-line summary goes to stdout; a run that finished with records missing
ends with IncompleteHarvest (8), a snapshot with unreadable files with InputError (7).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from ketamine_evidence.harvest.store import Store
from ketamine_evidence.base import paths
from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import IncompleteHarvest, InputError

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", choices=["pubmed", "snapshot"], default="pubmed",
                        help="pubmed: NCBI E-utilities (incremental); snapshot: the bundled offline records "
                             "(default pubmed)")
    parser.add_argument("--query", help="PubMed query (default: config pubmed.query)")
    parser.add_argument("--eutils-url", help="E-utilities base URL (default: config pubmed.eutils_url)")
    parser.add_argument("--store", type=Path, default=argparse.SUPPRESS, help="store file (default: config store.path, "
                                                   "data/ketamine-evidence.sqlite)")
    parser.add_argument("--with-fulltext", action="store_true",
                        help="also fetch PMC full text for open-access records")
    parser.add_argument("--full", action="store_true",
                        help="search everything, not only what changed since the last successful run")
    parser.add_argument("--snapshot-dir", type=Path,
                        help="snapshot folder with pubmed/ and pmc/ (default: the bundled data/snapshot)")
    parser.add_argument("--batch-size", type=_positive_int, default=500,
                        help="records per transaction for --source snapshot (default 500)")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


@dataclass(frozen=True)
class Outcome:
    """What a harvest run did, for the summary line and the exit code."""

    status: str
    new: int
    updated: int
    unchanged: int
    failed: int
    problem: str | None = None  # why the run is partial

    def summary(self, source: str, run_id: int, store_path: Path) -> str:
        return (f"harvest ({source}, run {run_id}, {self.status}): {self.new} new, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.failed} failed -> {store_path}")


def _progress() -> bool:
    return sys.stderr.isatty()


def _harvest_snapshot(args: argparse.Namespace, store: Store, run_id: int) -> Outcome:
    from ketamine_evidence.harvest.snapshot import load_snapshot

    directory = args.snapshot_dir or paths.snapshot_dir()
    result = load_snapshot(store, run_id, directory, batch_size=args.batch_size, progress=_progress())
    problem = None
    if result.failures:
        problem = f"{result.failed} unreadable snapshot file(s): " + "; ".join(result.failures)
    store.finish_run(run_id, result.status, failed=result.failed, note=problem)
    return Outcome(result.status, result.new, result.updated, result.unchanged, result.failed, problem)


def _harvest_pubmed(args: argparse.Namespace, config: Config, store: Store, run_id: int) -> Outcome:
    from ketamine_evidence.harvest.crawl import crawl_pubmed  # the Scrapy stage: imported only when crawling

    result = crawl_pubmed(config, store, run_id, query=config.pubmed.query, full=args.full,
                          with_fulltext=args.with_fulltext, progress=_progress())
    detail = getattr(result, "note", "")  # the crawl's own one-line account, if it gives one
    if not detail and result.missing:
        detail = f"{result.missing} ids no longer served by NCBI (marked missing)"
    note = f"{result.requests} requests, {result.retries} retries" + (f"; {detail}" if detail else "")
    store.finish_run(run_id, result.status, windows=list(result.windows), failed=result.failed, note=note,
                     account=result.account or None)
    problem = None
    if result.status == "partial":
        problem = (f"{detail or f'{result.failed} records failed after retries'}; "
                   "the next harvest asks for them again")
    return Outcome(result.status, result.new, result.updated, result.unchanged, result.failed, problem)


class _StopOnce:
    """SIGINT/SIGTERM outside the crawl (which has its own handler): the first one raises
    KeyboardInterrupt (exit 130); later ones are ignored so the run's bookkeeping can finish."""

    def __init__(self) -> None:
        self.received = 0

    def __call__(self, signum: int, frame: object) -> None:
        self.received += 1
        if self.received == 1:
            raise KeyboardInterrupt


def run(args: argparse.Namespace, config: Config) -> int:
    handler = _StopOnce()
    try:
        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        return _run(args, config)
    try:
        result = _run(args, config)
    except KeyboardInterrupt:
        _hold_signals()  # stopping: a second Ctrl-C/SIGTERM must not turn exit 130 into a kill
        raise
    except BaseException:
        for sig, old in previous.items():
            signal.signal(sig, old)
        raise
    for sig, old in previous.items():
        signal.signal(sig, old)
    return result


def _hold_signals() -> None:
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_IGN)
    except ValueError:  # not the main thread
        pass


def _run(args: argparse.Namespace, config: Config) -> int:
    config = config.with_overrides(query=args.query, eutils_url=args.eutils_url)  # validates: ConfigError (2)
    store_path = args.store or config.store_path
    query = config.pubmed.query if args.source == "pubmed" else None
    with Store(store_path, create=True) as store, store.lock():
        run_id = store.begin_run(args.source, query)
        try:
            if args.source == "snapshot":
                outcome = _harvest_snapshot(args, store, run_id)
            else:
                outcome = _harvest_pubmed(args, config, store, run_id)
        except BaseException as exc:
            _hold_signals()  # a further Ctrl-C/SIGTERM must not cut the bookkeeping short
            reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"{type(exc).__name__}: {exc}"
            try:
                store.finish_run(run_id, "failed", note=reason.splitlines()[0] if reason else None)
            except Exception:  # the original error matters more than the bookkeeping one
                log.exception("could not mark run %s failed", run_id)
            raise
    print(outcome.summary(args.source, run_id, store_path))
    if outcome.status == "partial":
        error = InputError if args.source == "snapshot" else IncompleteHarvest
        raise error(f"run {run_id} is partial: {outcome.problem}")
    return 0
