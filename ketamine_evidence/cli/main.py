"""``ketamine-evidence`` command line: parses arguments, configures logging, maps errors to exit codes.

Each subcommand lives in ``ketamine_evidence.cli.commands.<name>`` with two functions:
``add_arguments(parser)`` and ``run(args, config) -> int``. Only this module configures
logging handlers or turns exceptions into exit codes.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from pathlib import Path

from ketamine_evidence import __version__
from ketamine_evidence.base import paths
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
    "decisions": "import or export reviewers' decisions (CSV) to or from the store",
    "review": "serve the review page: check, correct and screen records in a browser",
}

log = logging.getLogger("ketamine_evidence")


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
# Options every command takes, before or after the command name; dest -> value when not given.
GLOBAL_DEFAULTS: dict[str, object] = {"config": None, "home": None, "log_level": "INFO", "debug": False,
                                      "store": None}


def _log_level(text: str) -> str:
    """``debug``, ``Info``, ``WARNING``...: any case."""
    level = text.upper()
    if level not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(f"invalid log level {text!r} (choose from {', '.join(LOG_LEVELS)}, any case)")
    return level


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    """The global options, with no default of their own (``SUPPRESS``): given before the command, after
    it, or not at all, a value is set once and ``main`` fills in ``GLOBAL_DEFAULTS`` for the rest."""
    group = parser.add_argument_group("global options (before or after the command)")
    group.add_argument("--config", type=Path, default=argparse.SUPPRESS,
                       help="TOML config file (default: ketamine-evidence.toml in the home, if present)")
    group.add_argument("--home", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                       help="where data/ and reports/ go (default: $KETAMINE_EVIDENCE_HOME, else the working folder)")
    group.add_argument("--log-level", type=_log_level, default=argparse.SUPPRESS, metavar="LEVEL",
                       help="logging level: debug, info, warning or error, any case (default info)")
    group.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="show tracebacks for internal errors")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ketamine-evidence",
        description="A living, auditable body of evidence on ketamine for pain.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_global_options(parser)
    parser.add_argument("--store", type=Path, default=argparse.SUPPRESS,
                        help="store file for the commands that read or write one (default: config store.path, "
                             "data/ketamine-evidence.sqlite)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"ketamine_evidence.cli.commands.{name}")
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(cmd)
        _add_global_options(cmd)
        cmd.set_defaults(_module=module)
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse ``argv``; global options not given get their ``GLOBAL_DEFAULTS``."""
    args = build_parser().parse_args(argv)
    for dest, default in GLOBAL_DEFAULTS.items():
        if not hasattr(args, dest):
            setattr(args, dest, default)
    return args


def _configure_logging(level: str) -> None:
    logging.basicConfig(level=getattr(logging, level), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    # Scrapy and urllib3 are chatty at INFO; their warnings still show.
    for noisy in ("scrapy", "urllib3", "py.warnings", "matplotlib", "filelock"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, getattr(logging, level)))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if argv is None:  # the command itself (not a call from Python): what is imported lives as long as the
        gc.freeze()  # process, so the collector need not walk it again in each full collection of a long run
    _configure_logging(args.log_level)
    paths.set_home(args.home)  # every call: an earlier in-process call's --home must not linger
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
