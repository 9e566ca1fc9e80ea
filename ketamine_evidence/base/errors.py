"""One exception hierarchy; each error knows its one-line message and its exit code.

The CLI prints ``ketamine-evidence: error: <message>`` and exits with ``exit_code``;
library code raises these and never calls ``sys.exit``.
"""

from __future__ import annotations

# Documented exit codes (README "Exit codes").
EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2          # bad command line or config value
EXIT_UNREACHABLE = 3    # NCBI (or the configured E-utilities URL) cannot be reached
EXIT_QUERY = 4          # NCBI rejected the query
EXIT_STORE = 5          # no store there, or it is empty, foreign, corrupt, read-only for harvest
EXIT_LOCKED = 6         # another harvest holds the store lock
EXIT_INPUT = 7          # an input file is missing, unreadable or broken XML
EXIT_PARTIAL = 8        # harvest: not every hit accounted as stored/missing; extract: unreadable stored records
EXIT_INTERRUPTED = 130  # SIGINT or SIGTERM: the run is logged failed ("interrupted"), saved batches kept


class KetamineEvidenceError(Exception):
    """Base error: ``str(error)`` is a complete one-line message for the user."""

    exit_code = EXIT_INTERNAL


class ConfigError(KetamineEvidenceError):
    exit_code = EXIT_USAGE


class InputError(KetamineEvidenceError):
    exit_code = EXIT_INPUT


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
