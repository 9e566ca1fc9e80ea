"""`ketamine-evidence export`: the store's PMIDs, or the included studies as csv/ris/bibtex/jsonl.

``pmids`` reads the store (one PMID per line, numerically sorted: PubMed records and the PMIDs of
stored PMC articles, leaving out records NCBI no longer serves). The other formats read the
extraction tables and are written by ``ketamine_evidence.analysis.tables.exports.write_export(fmt, tables_dir, out)``,
imported lazily so this command does not load the analysis stage unless asked to; ``out`` is a
writable text stream. Output goes to ``--output FILE`` (written to a temporary file beside it, then
renamed, so a failed export never leaves half a file; mode 0644, or the mode of the file it replaces)
or to stdout. Every export says how many records it wrote (on stderr when the records go to stdout)
and warns when it wrote none.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ketamine_evidence.base import paths
from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import InputError, OutputError

NEW_FILE_MODE = 0o644  # readable by the group and others, as a file written with open() under umask 022

FORMATS = ["pmids", "csv", "ris", "bibtex", "jsonl"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="pmids",
                        help="pmids (from the store) or csv|ris|bibtex|jsonl (included studies, from the tables); "
                             "default pmids")
    parser.add_argument("--store", type=Path, default=argparse.SUPPRESS, help="store file (default: config store.path, "
                                                   "data/ketamine-evidence.sqlite)")
    parser.add_argument("--tables", type=Path, help="tables folder for csv/ris/bibtex/jsonl "
                                                    "(default: data/processed)")
    parser.add_argument("--output", "-o", type=Path, help="output file (default: stdout)")


def _export_pmids(args: argparse.Namespace, config: Config, out: IO[str]) -> int:
    from ketamine_evidence.harvest.store import Store  # an earlier stage: imported here, not at module import

    n = 0
    with Store(args.store or config.store_path, create=False, read_only=True) as store:
        for pmid in store.pmids():
            out.write(f"{pmid}\n")
            n += 1
    return n


def _export_tables(args: argparse.Namespace, config: Config, out: IO[str]) -> int:
    from ketamine_evidence.analysis.tables.exports import write_export

    tables_dir = args.tables or paths.processed_dir()
    if not tables_dir.is_dir():
        raise InputError(f"no tables at {tables_dir}: run `ketamine-evidence extract` first (or pass --tables DIR)")
    return write_export(args.format, tables_dir, out)


EXPORTERS: dict[str, Callable[[argparse.Namespace, Config, IO[str]], int]] = {
    "pmids": _export_pmids,
    "csv": _export_tables,
    "ris": _export_tables,
    "bibtex": _export_tables,
    "jsonl": _export_tables,
}


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or a temporary file beside ``path`` renamed onto it only when the export succeeded."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {folder} does not exist")
    try:
        mode = path.stat().st_mode & 0o7777 if path.is_file() else NEW_FILE_MODE
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.chmod(tmp, mode)  # mkstemp creates 0600
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _what(fmt: str) -> str:
    return "PMIDs" if fmt == "pmids" else "included studies"


def run(args: argparse.Namespace, config: Config) -> int:
    try:
        with _output(args.output) as out:
            n = EXPORTERS[args.format](args, config, out)
    except BrokenPipeError:  # stdout closed early (`... | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    where = str(args.output) if args.output is not None else "stdout"
    report = sys.stdout if args.output is not None else sys.stderr  # never mixed into exported records
    if n == 0:
        print(f"ketamine-evidence: warning: no {_what(args.format)} to export; {where} holds no records",
              file=sys.stderr)
    else:
        print(f"export: {n} {_what(args.format)} written as {args.format} to {where}", file=report)
    return 0
