"""The evidence tables from NLM's baseline and update files, one Dask task per file.

The same parse -> extract -> tables code as ``ketamine-evidence extract`` (``extract_entries`` and
``build_tables``), spread over files with dask.distributed: a ``LocalCluster`` on this machine by
default, or any running scheduler (``tcp://HOST:PORT``) unchanged.

Per file, a task reads every record once (a byte-level scan; only records that pass the pre-filter are
parsed with lxml), keeps the PMID of every record (a later file's version replaces an earlier one even when the new version no
longer names the intervention), reads ``DeleteCitation`` lists, and runs the extractors only on records
that name the intervention: first a cheap case-insensitive search of the record's XML bytes for the
intervention's key words, then the exact name match the ``extract`` command uses on the parsed text. It writes its
three tables plus the PMIDs it saw and deleted to ``OUT/_parts/<file>/`` atomically (a temporary folder
renamed into place), so a kill then a re-run resumes at file granularity.

Assembly walks the files in NLM's load order (baseline, then update files by number): the last file
that holds a PMID owns it; a ``DeleteCitation`` removes the versions before it. The surviving studies,
findings and adverse events are written with the same schemas as ``extract``, sorted by PMID.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from ketamine_evidence import __version__
from ketamine_evidence.analysis.extract.interventions import Intervention
from ketamine_evidence.analysis.parse import parse_pubmed_bytes
from ketamine_evidence.analysis.tables.build import extract_entries
from ketamine_evidence.analysis.tables.frames import SCHEMAS, Entry, Tables, build_tables, coerce
from ketamine_evidence.base.errors import ConfigError, InputError

log = logging.getLogger(__name__)

_FILE_NUMBER = re.compile(r"n(\d{4,})\.xml\.gz$")
PARTS = "_parts"
_DONE = "done.json"


@dataclass
class FileSummary:
    """What one file held and what its task kept."""

    file: str
    records: int = 0
    prefiltered: int = 0
    extracted: int = 0
    deleted: int = 0


def data_files(root: Path) -> list[Path]:
    """``.xml.gz`` files under ``root`` (``baseline/`` and ``updatefiles/`` of a mirror, or flat), in load order.

    NLM numbers update files after the baseline's last file, so the number in the name is the load order.
    """
    if not root.is_dir():
        raise InputError(f"baseline folder not found: {root}")
    files = [p for p in root.rglob("*.xml.gz") if p.is_file() and PARTS not in p.parts]

    def order(p: Path) -> tuple[int, str]:
        m = _FILE_NUMBER.search(p.name)
        return (int(m.group(1)) if m else sys.maxsize, p.name)

    files.sort(key=order)
    if not files:
        raise InputError(f"no .xml.gz files under {root}")
    return files


_START = re.compile(rb"<(PubmedArticle|PubmedBookArticle|MedlineCitation|DeleteCitation)[\s>]")
_PMID = re.compile(rb"<PMID[^>]*>\s*(\d+)\s*</PMID>")


def _name_hits(data: bytes, intervention: Intervention) -> list[int] | None:
    """Sorted offsets in ``data`` where one of the intervention's key words starts (None: no pre-filter).

    One lower-casing of the whole file and a substring search per key word: far cheaper than a
    case-insensitive regex per record, and a superset of the records that name the intervention.
    """
    keys = {k.encode("utf-8") for k in intervention.keys}
    if not keys:
        return None
    lowered = data.lower()
    hits: list[int] = []
    for key in keys:
        i = lowered.find(key)
        while i >= 0:
            hits.append(i)
            i = lowered.find(key, i + 1)
    return sorted(hits)


def _read(path: Path) -> bytes:
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read()
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read: {' '.join(str(exc).split())}") from None
    head = data[:4096]
    if b"<PubmedArticleSet" not in head and b"<MedlineCitationSet" not in head:
        raise InputError(f"{path}: not a PubMed/MEDLINE XML file (no PubmedArticleSet or MedlineCitationSet)")
    return data


def _records(data: bytes, path: Path) -> Iterator[tuple[bytes, int, int]]:
    """(tag, start, end) of every top-level record and ``DeleteCitation``, without building a tree.

    NLM files are well-formed and escape ``<`` in text, so a record runs from its start tag to the first
    matching end tag (a ``MedlineCitation`` inside a ``PubmedArticle`` is consumed with it). Only the few
    records that pass the pre-filter are parsed with lxml; the files' integrity is the mirror's checksum.
    """
    pos = 0
    while (m := _START.search(data, pos)) is not None:
        tag = m.group(1)
        close = b"</" + tag + b">"
        end = data.find(close, m.end())
        if end < 0:
            raise InputError(f"{path}: broken XML: <{tag.decode()}> at byte {m.start()} is never closed")
        pos = end + len(close)
        yield tag, m.start(), pos


def _done_marker(path: Path, intervention: Intervention) -> dict[str, object]:
    st = path.stat()
    return {"file": path.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "intervention": intervention.name, "synonyms": sorted(intervention.synonyms), "version": __version__}


def part_is_done(part: Path, path: Path, intervention: Intervention) -> bool:
    """True when an earlier run finished this file for the same intervention and the file is unchanged."""
    try:
        return json.loads((part / _DONE).read_text(encoding="utf-8")) == _done_marker(path, intervention)
    except (OSError, ValueError):
        return False


def extract_file(path: Path, intervention: Intervention, parts_dir: Path) -> FileSummary:
    """One Dask task: read ``path``, extract the records that name the intervention, write its part."""
    part = parts_dir / path.name.removesuffix(".xml.gz")
    summary = FileSummary(file=path.name)  # ``run`` submits only files without a finished part
    data = _read(path)
    hits = _name_hits(data, intervention)
    h = 0
    seen: list[str] = []
    deleted: list[str] = []
    entries: list[Entry] = []
    for tag, start, end in _records(data, path):
        if tag == b"DeleteCitation":
            deleted += [m.group(1).decode() for m in _PMID.finditer(data, start, end)]
            continue
        summary.records += 1
        m = _PMID.search(data, start, end)  # the record's own PMID comes first (MedlineCitation or BookDocument)
        if m:
            seen.append(m.group(1).decode())
        if hits is not None:
            while h < len(hits) and hits[h] < start:
                h += 1
            if h == len(hits) or hits[h] >= end:
                continue
        summary.prefiltered += 1
        try:
            article = parse_pubmed_bytes(data[start:end])
        except InputError as exc:
            raise InputError(f"{path}: {exc}") from None
        if intervention.mentioned_in(article.text):
            entries.append(Entry(article=article))
    extracted = extract_entries(entries, intervention, progress=False)
    summary.extracted, summary.deleted = len(extracted), len(deleted)
    tables = build_tables(extracted, intervention.name)
    tmp = parts_dir / f".{part.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name in SCHEMAS:
        getattr(tables, name).to_parquet(tmp / f"{name}.parquet", index=False)
    (tmp / "seen.txt").write_text("\n".join(seen), encoding="ascii")
    (tmp / "deleted.txt").write_text("\n".join(deleted), encoding="ascii")
    (tmp / "summary.json").write_text(json.dumps(asdict(summary)), encoding="utf-8")
    (tmp / _DONE).write_text(json.dumps(_done_marker(path, intervention)), encoding="utf-8")
    shutil.rmtree(part, ignore_errors=True)
    os.replace(tmp, part)
    return summary


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="ascii")
    return text.split("\n") if text else []


def assemble(files: list[Path], parts_dir: Path) -> tuple[Tables, dict[str, int]]:
    """Apply the files in load order (later versions replace earlier, deletions remove) and join the parts."""
    owner: dict[str, int] = {}
    n_deleted = 0
    for i, path in enumerate(files):
        part = parts_dir / path.name.removesuffix(".xml.gz")
        for pmid in _lines(part / "deleted.txt"):
            if owner.pop(pmid, None) is not None:
                n_deleted += 1
        for pmid in _lines(part / "seen.txt"):
            owner[pmid] = i
    frames: dict[str, list[pd.DataFrame]] = {name: [] for name in SCHEMAS}
    for i, path in enumerate(files):
        part = parts_dir / path.name.removesuffix(".xml.gz")
        for name in SCHEMAS:
            df = pd.read_parquet(part / f"{name}.parquet")
            if len(df):
                keep = df["pmid"].map(lambda p, i=i: owner.get(p) == i)
                frames[name].append(df[keep.astype(bool)])
    out = {}
    for name, schema in SCHEMAS.items():
        df = pd.concat(frames[name], ignore_index=True) if frames[name] else pd.DataFrame(columns=list(schema))
        df = coerce(df, schema)
        out[name] = sort_table(df)
    stats = {"files": len(files), "records_current": len(owner), "deleted": n_deleted,
             "studies": len(out["studies"])}
    return Tables(**out), stats


def sort_table(df: pd.DataFrame) -> pd.DataFrame:
    """Rows by PMID (numerically), keeping each study's rows in the order the extractors wrote them."""
    if df.empty:
        return df.reset_index(drop=True)
    key = pd.to_numeric(df["pmid"], errors="coerce")
    order = sorted(range(len(df)), key=lambda i: (key.iloc[i] if pd.notna(key.iloc[i]) else float("inf"), i))
    return df.iloc[order].reset_index(drop=True)


def run(files_root: Path, out: Path, intervention: Intervention, *, workers: int = 1,
        scheduler: str | None = None, progress: bool = True) -> tuple[Tables, dict[str, int]]:
    """Extract every file on Dask (local cluster of ``workers`` processes, or ``scheduler``) and assemble."""
    from dask.distributed import Client, LocalCluster, as_completed  # heavy: imported only for this command

    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:  # dask's INFO lines drown the progress bar
        logging.getLogger("distributed").setLevel(logging.WARNING)
    files = data_files(files_root)
    parts_dir = out / PARTS
    parts_dir.mkdir(parents=True, exist_ok=True)
    todo = [f for f in files if not part_is_done(parts_dir / f.name.removesuffix(".xml.gz"), f, intervention)]
    log.info("%d files, %d already done", len(files), len(files) - len(todo))
    if todo:
        cluster = None
        try:
            if scheduler:
                client = Client(scheduler, timeout="30s")
            else:
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(cluster)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot start or reach the Dask scheduler {scheduler or ''}: "
                              f"{' '.join(str(exc).split())}") from None
        try:
            futures = client.map(extract_file, todo, intervention=intervention, parts_dir=parts_dir,
                                 pure=False)
            bar = tqdm(total=len(todo), desc="baseline extract", unit="file", file=sys.stderr,
                       disable=not progress or None)
            with bar:
                for future in as_completed(futures):
                    summary = future.result()
                    bar.set_postfix_str(f"{summary.file}: {summary.extracted} studies")
                    bar.update()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return assemble(files, parts_dir)
