"""The offline source: land the bundled snapshot through the same store path as a PubMed harvest.

``data/snapshot/pubmed/*.xml[.gz]`` (``PubmedArticleSet`` / ``MedlineCitationSet`` files, split by
``ketamine_evidence.harvest.pubmed_xml.iter_pubmed_records``) and ``data/snapshot/pmc/*.nxml`` (JATS full text, one
article per file, via ``parse_pmc``) become ``RawRecord``s with source ``snapshot`` and are saved
with ``Store.save_batch`` in batches, so a second load finds every record unchanged.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ketamine_evidence.harvest.items import RawRecord
from ketamine_evidence.harvest.pubmed_xml import TruncatedBody, iter_pubmed_records, parse_pmc
from ketamine_evidence.harvest.store import Store
from ketamine_evidence.base.errors import InputError

log = logging.getLogger(__name__)

SOURCE = "snapshot"
PUBMED_PATTERNS = ("*.xml", "*.xml.gz")
PMC_PATTERNS = ("*.nxml",)


@dataclass
class SnapshotResult:
    """What one snapshot load did; ``failures`` lists ``"file: reason"`` for files that could not be read."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    files: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def records(self) -> int:
        return self.new + self.updated + self.unchanged

    @property
    def status(self) -> str:
        return "partial" if self.failures else "ok"


def snapshot_files(directory: Path) -> tuple[list[Path], list[Path]]:
    """The PubMed files and the PMC files of a snapshot folder (``pubmed/`` and ``pmc/``), sorted."""
    if not directory.is_dir():
        raise InputError(f"snapshot folder not found: {directory}")

    def glob(sub: str, patterns: tuple[str, ...]) -> list[Path]:
        folder = directory / sub
        return sorted({p for pattern in patterns for p in folder.glob(pattern) if p.is_file()})

    pubmed, pmc = glob("pubmed", PUBMED_PATTERNS), glob("pmc", PMC_PATTERNS)
    if not pubmed and not pmc:
        raise InputError(f"snapshot folder {directory} has no pubmed/*.xml[.gz] or pmc/*.nxml files")
    return pubmed, pmc


def _open(path: Path):
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def iter_file_records(path: Path) -> Iterator[RawRecord]:
    """The records of one snapshot file; raises ``TruncatedBody`` (``OSError``, ``EOFError``,
    ``zlib.error`` for a damaged .gz) if it is broken."""
    if path.suffix == ".nxml":
        yield parse_pmc(path.read_bytes(), SOURCE)
        return
    with _open(path) as stream:
        yield from iter_pubmed_records(stream, SOURCE)


def load_snapshot(store: Store, run_id: int, directory: Path, *, batch_size: int = 500,
                  progress: bool = False) -> SnapshotResult:
    """Save every record of the snapshot in ``directory`` into ``store`` under ``run_id``.

    A file that cannot be read is logged and listed in ``failures`` (the records before its
    break are kept); the other files still load. One transaction per batch of ``batch_size``.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    pubmed, pmc = snapshot_files(directory)
    result = SnapshotResult()
    batch: list[RawRecord] = []

    def flush() -> None:
        counts = store.save_batch(batch, run_id)
        result.new += counts["new"]
        result.updated += counts["updated"]
        result.unchanged += counts["unchanged"]
        bar.update(len(batch))
        bar.set_postfix(new=result.new, updated=result.updated, unchanged=result.unchanged, refresh=False)
        batch.clear()

    with tqdm(desc="snapshot", unit=" records", disable=not progress, leave=False) as bar:
        for path in pubmed + pmc:
            result.files += 1
            try:
                for record in iter_file_records(path):
                    batch.append(record)
                    if len(batch) >= batch_size:
                        flush()
            except (TruncatedBody, OSError, EOFError, zlib.error) as exc:
                reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
                log.warning("snapshot file %s could not be read: %s", path, reason)
                result.failures.append(f"{path}: {reason}")
        if batch:
            flush()
    return result
