"""``ketamine-evidence`` command line: parses arguments, configures logging, maps errors to exit codes.

Each subcommand lives in ``ketamine_evidence.cli.commands.<name>`` with two functions:
``add_arguments(parser)`` and ``run(args, config) -> int``. Only this module configures
logging handlers or turns exceptions into exit codes.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from pathlib import Path

from ketamine_evidence import __version__
from ketamine_evidence.base.config import load_config
from ketamine_evidence.base.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, KetamineEvidenceError

COMMANDS: dict[str, str] = {
    "harvest": "harvest PubMed (or the bundled snapshot) into the store",
    "status": "show what the store holds and the last harvest runs",
    "export": "export the store's PMIDs or the included studies (csv, ris, bibtex, jsonl)",
    "extract": "parse stored records and extract findings into tables",
    "evaluate": "score extraction against a gold annotation file",
    "report": "write the HTML/Markdown evidence report from the tables",
    "run": "harvest -> extract -> report in one command",
    "baseline": "mirror NLM's PubMed baseline/update files and extract them on Dask",
}

log = logging.getLogger("ketamine_evidence")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ketamine-evidence",
        description="A living, auditable body of evidence on ketamine for pain.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", type=Path, help="TOML config file (default: ketamine-evidence.toml if present)")
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="logging level (default INFO)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"ketamine_evidence.cli.commands.{name}")
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(cmd)
        cmd.set_defaults(_module=module)
    return parser


def _configure_logging(level: str) -> None:
    logging.basicConfig(level=getattr(logging, level), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    # Scrapy and urllib3 are chatty at INFO; their warnings still show.
    for noisy in ("scrapy", "urllib3", "py.warnings", "matplotlib", "filelock"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, getattr(logging, level)))


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.log_level)
    try:
        config = load_config(args.config)
        return int(args._module.run(args, config) or 0)
    except KetamineEvidenceError as exc:
        print(f"ketamine-evidence: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ketamine-evidence: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line unless --debug
        if args.debug:
            raise
        print(f"ketamine-evidence: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
