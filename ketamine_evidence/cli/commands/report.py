"""`ketamine-evidence report`: the HTML evidence report and its Markdown twin, from the extraction tables.

Reads the tables written by ``ketamine-evidence extract`` (``--tables``, default ``data/processed``) and the
store's run history (``--store``) for "what changed"; writes ``report.html``, ``report.md`` and
``figures/`` under ``--out`` (default ``reports/``) and prints where they are.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ketamine_evidence.base import paths
from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import OutputError

if TYPE_CHECKING:
    from ketamine_evidence.analysis.report import ReportFiles


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, default=argparse.SUPPRESS,
                        help="store whose run history gives 'what changed' (default: config store.path)")
    parser.add_argument("--tables", type=Path, help="folder with the extraction tables (default data/processed)")
    parser.add_argument("--out", type=Path, help="folder to write report.html, report.md and figures/ "
                                                 "(default reports/)")


def write_report(tables_dir: Path, out_dir: Path, store_path: Path | None) -> ReportFiles:
    """Load the tables and write the report; the function the ``run`` command calls too."""
    from ketamine_evidence.analysis import load_tables
    from ketamine_evidence.analysis.report import build_report

    tables = load_tables(tables_dir)
    try:
        return build_report(tables, out_dir, store_path=store_path, tables_source=str(tables_dir))
    except OSError as exc:
        raise OutputError(f"cannot write the report to {out_dir}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace, config: Config) -> int:
    tables_dir = args.tables or paths.processed_dir()
    out_dir = args.out or paths.reports_dir()
    if args.store is not None:  # checked first, read-only: a missing or foreign file is exit 5, untouched
        from ketamine_evidence.harvest.store import Store

        Store(args.store, create=False, read_only=True).close()
    files = write_report(tables_dir, out_dir, args.store or config.store_path)
    print(f"report: {files.html}")
    print(f"markdown: {files.markdown}")
    return 0
