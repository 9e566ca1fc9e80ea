"""`ketamine-evidence run`: harvest -> extract -> report in one command (the README's main job).

Each stage is the stage's own command: its arguments are built with that command's own parser (so
its defaults apply) and its ``run`` is called in turn. A harvest that ends partial because NCBI never
returned some records (exit 8) still gets its extraction and report, then the run exits 8; any other
error stops the run at the stage that failed, leaving the earlier stages' output in place.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from types import ModuleType

from ketamine_evidence.base import paths
from ketamine_evidence.cli.commands import extract, harvest, report
from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import IncompleteHarvest

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", choices=["pubmed", "snapshot"], default="pubmed",
                        help="pubmed: NCBI E-utilities (incremental); snapshot: the bundled offline records "
                             "(default pubmed)")
    parser.add_argument("--store", type=Path, default=argparse.SUPPRESS, help="store file (default: config store.path, "
                                                   "data/ketamine-evidence.sqlite)")
    parser.add_argument("--tables", type=Path, metavar="DIR", help="where the tables go (default data/processed/)")
    parser.add_argument("--out", type=Path, metavar="DIR", help="where the report goes (default reports/)")
    parser.add_argument("--query", help="PubMed query (default: config pubmed.query)")
    parser.add_argument("--eutils-url", help="E-utilities base URL (default: config pubmed.eutils_url)")
    parser.add_argument("--full", action="store_true",
                        help="search everything, not only what changed since the last successful run")
    parser.add_argument("--with-fulltext", action="store_true", help="also fetch PMC full text for open-access records")
    parser.add_argument("--snapshot-dir", type=Path, help="snapshot folder with pubmed/ and pmc/ "
                                                          "(default: the bundled data/snapshot)")
    parser.add_argument("--intervention", metavar="NAME",
                        help="the treatment to extract for (default: config extract.intervention)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")


def stage_args(module: ModuleType, argv: list[str]) -> argparse.Namespace:
    """``argv`` parsed by ``module``'s own parser: the stage's defaults for everything not given."""
    parser = argparse.ArgumentParser(prog=f"ketamine-evidence {module.__name__.rsplit('.', 1)[-1]}")
    module.add_arguments(parser)
    args = parser.parse_args(argv)
    if not hasattr(args, "store"):  # --store has no default of its own (it is also a global option)
        args.store = None
    return args


def _opt(flag: str, value: object) -> list[str]:
    return [] if value is None else [flag, str(value)]


def run(args: argparse.Namespace, config: Config) -> int:
    store_path = args.store or config.store_path
    tables_dir = args.tables or paths.processed_dir()
    out_dir = args.out or paths.reports_dir()

    harvest_argv = ["--source", args.source, "--store", str(store_path), *_opt("--query", args.query),
                    *_opt("--eutils-url", args.eutils_url), *_opt("--snapshot-dir", args.snapshot_dir)]
    harvest_argv += ["--full"] * args.full + ["--with-fulltext"] * args.with_fulltext
    incomplete: IncompleteHarvest | None = None
    try:
        harvest.run(stage_args(harvest, harvest_argv), config)
    except IncompleteHarvest as exc:  # what did arrive is stored: extract and report it, then say so
        log.warning("%s; extracting and reporting what the store holds", exc)
        incomplete = exc

    extract_argv = ["--store", str(store_path), "--out", str(tables_dir), *_opt("--intervention", args.intervention)]
    extract_argv += ["--no-progress"] * args.no_progress
    extract.run(stage_args(extract, extract_argv), config)

    report.run(stage_args(report, ["--store", str(store_path), "--tables", str(tables_dir), "--out", str(out_dir)]),
               config)
    if incomplete is not None:
        raise incomplete
    print(f"done: open {Path(out_dir) / 'report.html'}")
    return 0
