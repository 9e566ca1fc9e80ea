"""One exception hierarchy; each error knows its one-line message and its exit code.

The CLI prints ``ketamine-evidence: error: <message>`` and exits with ``exit_code``;
library code raises these and never calls ``sys.exit``. Every command uses the same code for the
same kind of failure; ``EXIT_CODES`` is the one table of them (docs/cli.md prints it, and
tests/cli/test_exit_codes.py runs each command into each failure it can meet). Codes are only ever
added, never renumbered: scripts and schedulers depend on them.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1       # a bug: an unexpected exception (rerun with --debug for the traceback)
EXIT_USAGE = 2          # bad command line, or a config file that is unreadable, unknown or invalid
EXIT_UNREACHABLE = 3    # NCBI (or the configured E-utilities URL) cannot be reached
EXIT_QUERY = 4          # NCBI rejected the query
EXIT_STORE = 5          # no store there, or it is empty, foreign, corrupt, or read-only for a harvest
EXIT_LOCKED = 6         # another harvest holds the store lock
EXIT_INPUT = 7          # an input (XML, tables, gold file, corpus folder) is missing, unreadable or broken
EXIT_PARTIAL = 8        # harvest account not all stored/missing; extract skipped unreadable stored records
EXIT_OUTPUT = 9         # an output (tables, report, export) cannot be written
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT) or SIGTERM: the run is logged failed, saved batches kept

# code -> (name, meaning): the table docs/cli.md shows.
EXIT_CODES: dict[int, tuple[str, str]] = {
    EXIT_OK: ("ok", "the command did what it was asked"),
    EXIT_INTERNAL: ("internal", "a bug: an unexpected exception (rerun with --debug for the traceback)"),
    EXIT_USAGE: ("usage", "bad command line, or a config file that is unreadable, has an unknown "
                          "section or key, or an invalid value"),
    EXIT_UNREACHABLE: ("unreachable", "NCBI (or the configured E-utilities URL) cannot be reached"),
    EXIT_QUERY: ("query", "NCBI rejected the query"),
    EXIT_STORE: ("store", "no store there, or it is an empty or foreign file (left untouched), corrupt, "
                          "or read-only for a harvest"),
    EXIT_LOCKED: ("locked", "another harvest holds the store lock"),
    EXIT_INPUT: ("input", "an input (XML, tables, gold file, corpus folder) is missing, unreadable or broken"),
    EXIT_PARTIAL: ("partial", "the harvest's account has failed, refused or beyond-cap records (the next run "
                              "retries), or extract skipped unreadable stored records"),
    EXIT_OUTPUT: ("output", "an output (tables, report, export) cannot be written"),
    EXIT_INTERRUPTED: ("interrupted", "interrupted (Ctrl-C or SIGTERM); the run is logged failed, "
                                      "saved batches kept"),
}


class KetamineEvidenceError(Exception):
    """Base error: ``str(error)`` is a complete one-line message for the user."""

    exit_code = EXIT_INTERNAL


class ConfigError(KetamineEvidenceError):
    exit_code = EXIT_USAGE


class InputError(KetamineEvidenceError):
    exit_code = EXIT_INPUT


class OutputError(KetamineEvidenceError):
    exit_code = EXIT_OUTPUT


class StoreError(KetamineEvidenceError):
    exit_code = EXIT_STORE


class StoreLocked(StoreError):
    exit_code = EXIT_LOCKED


class HarvestError(KetamineEvidenceError):
    exit_code = EXIT_INTERNAL


class Unreachable(HarvestError):
    exit_code = EXIT_UNREACHABLE


class QueryRejected(HarvestError):
    exit_code = EXIT_QUERY


class IncompleteHarvest(HarvestError):
    exit_code = EXIT_PARTIAL


class IncompleteInput(KetamineEvidenceError):
    """The command did its work on what it could read, but some stored records could not be read."""

    exit_code = EXIT_PARTIAL


class MirrorError(HarvestError):
    """A baseline/update file that does not match its checksum (the download is refused, nothing kept)."""

    exit_code = EXIT_INPUT
