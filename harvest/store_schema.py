"""The store's schema, its migrations and the records it hands out (no I/O).

Schema version lives in ``PRAGMA user_version``, our mark in ``PRAGMA application_id``. A newer
program migrates an older store when it opens it for writing (``MIGRATIONS``, one list of
statements per version, applied in one transaction); read-only commands read older versions as
they are. The next schema change (e.g. another module's table) appends version 3 to ``MIGRATIONS``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone

SCHEMA_VERSION = 2
APPLICATION_ID = 0x4B455644  # "KEVD": marks a ketamine-evidence store
SQLITE_HEADER = b"SQLite format 3\x00"
KINDS = ("pubmed", "pmc")
RUN_STATUSES = ("running", "ok", "partial", "failed")
#: The terms of a run's account, in the order they are shown; their sum must equal ``count``.
ACCOUNT_TERMS = ("new", "updated", "unchanged", "missing", "failed", "beyond_cap")

SCHEMA = """
CREATE TABLE runs (
    id        INTEGER PRIMARY KEY,
    started   TEXT NOT NULL,
    finished  TEXT,
    source    TEXT NOT NULL,
    query     TEXT,
    status    TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed')),
    windows   TEXT NOT NULL DEFAULT '[]',          -- JSON list of the date windows searched
    new       INTEGER NOT NULL DEFAULT 0,
    updated   INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failed    INTEGER NOT NULL DEFAULT 0,
    missing   INTEGER NOT NULL DEFAULT 0,
    note      TEXT
);
CREATE TABLE records (
    key              TEXT PRIMARY KEY,             -- PMID (pubmed) or PMCID (pmc)
    kind             TEXT NOT NULL CHECK (kind IN ('pubmed', 'pmc')),
    pmid             TEXT,
    pmcid            TEXT,
    version          INTEGER NOT NULL,             -- latest version number (1-based)
    retracted        INTEGER NOT NULL DEFAULT 0,   -- of the latest version
    missing          INTEGER NOT NULL DEFAULT 0,   -- NCBI no longer serves it
    missing_run      INTEGER REFERENCES runs(id),
    first_seen       TEXT NOT NULL,
    last_seen        TEXT NOT NULL,
    last_changed     TEXT NOT NULL,
    first_run        INTEGER NOT NULL REFERENCES runs(id),
    last_seen_run    INTEGER NOT NULL REFERENCES runs(id),
    last_changed_run INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX records_pmid ON records (pmid);
CREATE TABLE versions (
    key          TEXT NOT NULL REFERENCES records(key),
    version      INTEGER NOT NULL,
    run_id       INTEGER NOT NULL REFERENCES runs(id),
    saved        TEXT NOT NULL,
    source       TEXT NOT NULL,
    pmid         TEXT,
    pmcid        TEXT,
    date_revised TEXT,
    retracted    INTEGER NOT NULL,
    sha256       BLOB NOT NULL,                    -- of the uncompressed XML
    size         INTEGER NOT NULL,                 -- uncompressed bytes
    xml          BLOB NOT NULL,                    -- zlib-compressed XML
    PRIMARY KEY (key, version)
);
CREATE INDEX versions_run ON versions (run_id)
"""

#: version -> statements that bring a store of version - 1 to it.
MIGRATIONS: dict[int, list[str]] = {
    # The run's account (JSON: count and its terms, refused), so `status` can show that it adds up.
    2: ["ALTER TABLE runs ADD COLUMN account TEXT"],
}


@dataclass(frozen=True)
class StoredRecord:
    """One stored version of a record (the latest one unless read through ``Store.versions``)."""

    key: str
    kind: str
    pmid: str | None
    pmcid: str | None
    xml: bytes
    date_revised: str | None
    retracted: bool
    source: str
    first_seen: str
    last_seen: str
    last_changed: str
    version: int
    missing: bool
    first_run: int
    last_changed_run: int


@dataclass(frozen=True)
class RunInfo:
    """One harvest run as logged in the store.

    ``account`` (PubMed records of a ``--source pubmed`` run) holds ``count`` (the hits the searches
    reported), the terms of ``ACCOUNT_TERMS`` and ``refused`` (part of ``failed``); None for runs
    logged before accounts existed or without a server count (snapshot loads).
    """

    id: int
    started: str
    finished: str | None
    source: str
    query: str | None
    status: str
    windows: list[str]
    new: int
    updated: int
    unchanged: int
    failed: int
    missing: int
    note: str | None
    account: dict[str, int] | None = field(default=None)

    @property
    def account_adds_up(self) -> bool | None:
        if not self.account:
            return None
        return sum(int(self.account.get(t, 0)) for t in ACCOUNT_TERMS) == int(self.account.get("count", -1))


def utc_now() -> str:
    """Now as an ISO-8601 UTC string with a ``Z`` suffix (second precision)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def describe(exc: sqlite3.Error) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
