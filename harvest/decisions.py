"""Reviewers' decisions in the store: a person's value for a record's field, kept across re-harvests.

A reviewer is a source of data into the store, like a harvest. The ``decisions`` table lives in the
store's SQLite file, beside ``records`` and ``versions``, created on first write (``CREATE TABLE IF
NOT EXISTS``) through the store's own connection and transactions:

- one row per decision: record key (the study's PMID, else its PMCID), field (``included`` or a
  study field of the guideline), value as it reads in the tables (``true``, ``121``,
  ``crps;fibromyalgia``; NULL for "no value"), reason, reviewer, time, the intervention the tables were
  read for, and the record (store key) and version it was made on;
- append-only (triggers refuse UPDATE and DELETE): the latest decision per (key, field, intervention)
  wins and the history stays;
- a record that got a new version after a decision is "changed since review": the decision stays.

Conflicts: the latest decision of each reviewer is compared; two reviewers who disagree make a
conflict, which a decision by a third reviewer settles (or one of the two changing their mind).

Writes take the harvest lock (``Store.lock``) for their transaction, so no decision is written while a
harvest runs (``StoreLocked``, exit 6), and each batch is one transaction: all of it or none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from ketamine_evidence.base.errors import StoreError
from ketamine_evidence.harvest.store import Store, utc_now

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS decisions (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL,       -- study key: PMID, else PMCID
    field          TEXT NOT NULL,       -- 'included' or a guideline study field
    value          TEXT,                -- as in the tables; NULL = no value
    reason         TEXT,
    reviewer       TEXT NOT NULL,
    made           TEXT NOT NULL,       -- UTC, ISO 8601
    intervention   TEXT NOT NULL,
    record         TEXT NOT NULL,       -- the store key whose version was reviewed
    record_version INTEGER NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS decisions_key ON decisions (key, field, id)",
    "CREATE TRIGGER IF NOT EXISTS decisions_no_update BEFORE UPDATE ON decisions "
    "BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS decisions_no_delete BEFORE DELETE ON decisions "
    "BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END",
)


@dataclass(frozen=True)
class NewDecision:
    """A decision to write; ``key`` may be any PMID or PMCID the store holds."""

    key: str
    field: str
    value: str | None
    reason: str | None
    reviewer: str
    intervention: str


@dataclass(frozen=True)
class Decision:
    """One stored decision, with the current version of the record it was made on."""

    id: int
    key: str
    field: str
    value: str | None
    reason: str | None
    reviewer: str
    made: str
    intervention: str
    record: str
    record_version: int
    current_version: int | None

    @property
    def changed_since(self) -> bool:
        """The record got a new version after this decision."""
        return self.current_version is not None and self.current_version > self.record_version


@dataclass(frozen=True)
class FieldReview:
    """Where a (key, field) stands: the winning decision, the history, and any open conflict."""

    latest: Decision
    history: tuple[Decision, ...]
    conflict: tuple[Decision, ...]  # the disagreeing reviewers' latest decisions; empty when none

    @property
    def changed_since(self) -> bool:
        return self.latest.changed_since


@dataclass(frozen=True)
class StudyKey:
    """How a PMID or PMCID resolves in the store: the study key and the record whose version counts."""

    key: str
    record: str
    version: int


# -- the one place that uses the store's connection --------------------------------------------

def _connection(store: Store) -> sqlite3.Connection:
    return store.connection  # decisions share the store's connection, as the harvest does


@contextmanager
def _transaction(store: Store) -> Iterator[sqlite3.Connection]:
    with store.transaction() as conn:  # one BEGIN IMMEDIATE ... COMMIT, rolled back on any exception
        yield conn


def has_table(store: Store) -> bool:
    row = _connection(store).execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='decisions'").fetchone()
    return row is not None


def resolve(store: Store, key: str) -> StudyKey | None:
    """The study key (PMID if known, else PMCID) and the primary record for a PMID or PMCID; None if unknown.

    The primary record is the PubMed citation where there is one (its abstract is what the tables read),
    else the PMC article: the same rule as ``analysis.tables.frames.assign_studies``.
    """
    key = key.strip()
    if key.lower().startswith("pmc"):
        key = "PMC" + key[3:]
    rows = _connection(store).execute(
        "SELECT key, kind, pmid, pmcid, version FROM records WHERE key=? OR pmid=? OR pmcid=? ORDER BY rowid",
        (key, key, key)).fetchall()
    if not rows:
        return None
    pmid = next((r[2] for r in rows if r[2]), None)
    if pmid is not None and not any(r[0] == pmid for r in rows):
        rows += _connection(store).execute(
            "SELECT key, kind, pmid, pmcid, version FROM records WHERE key=?", (pmid,)).fetchall()
    primary = next((r for r in rows if r[1] == "pubmed"), rows[0])
    return StudyKey(key=pmid or primary[3] or primary[0], record=primary[0], version=primary[4])


def record_decisions(store: Store, decisions: Sequence[NewDecision], *, lock: bool = True) -> list[int]:
    """Append ``decisions`` in ONE transaction (all or none), each with its record's current version.

    Raises ``StoreError`` for a key the store does not hold (nothing is written) and ``StoreLocked``
    while a harvest holds the lock. Returns the new rows' ids.
    """
    if lock:
        with store.lock():
            return record_decisions(store, decisions, lock=False)
    now = utc_now()
    ids = []
    with _transaction(store) as conn:
        for statement in SCHEMA:
            conn.execute(statement)
        for d in decisions:
            target = resolve(store, d.key)
            if target is None:
                raise StoreError(f"no record {d.key!r} in store {store.path}")
            if not d.reviewer.strip():
                raise StoreError(f"decision on {d.key} {d.field}: a reviewer's name is required")
            cur = conn.execute(
                "INSERT INTO decisions (key, field, value, reason, reviewer, made, intervention, record, "
                "record_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (target.key, d.field, d.value, d.reason or None, d.reviewer.strip(), now,
                 d.intervention.strip().lower(), target.record, target.version))
            ids.append(int(cur.lastrowid))
    return ids


def _decision(row: tuple) -> Decision:
    return Decision(*row)


_SELECT = ("SELECT d.id, d.key, d.field, d.value, d.reason, d.reviewer, d.made, d.intervention, d.record, "
           "d.record_version, r.version FROM decisions d LEFT JOIN records r ON r.key = d.record")


def history(store: Store, key: str | None = None, intervention: str | None = None) -> list[Decision]:
    """Every decision (of one study key, of one intervention, if given), oldest first."""
    if not has_table(store):
        return []
    where, params = [], []
    if key is not None:
        where.append("d.key=?")
        params.append(key)
    if intervention is not None:
        where.append("d.intervention=?")
        params.append(intervention.strip().lower())
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.id"
    return [_decision(row) for row in _connection(store).execute(sql, params)]


def _reviewer(name: str) -> str:
    return " ".join(name.split()).casefold()


def fold(decisions: Iterable[Decision]) -> FieldReview:
    """Where one (key, field)'s decisions, oldest first, stand (see the module doc for conflicts)."""
    items = list(decisions)
    current: dict[str, Decision] = {}  # reviewer -> their latest decision since the last settling one
    for d in items:
        who = _reviewer(d.reviewer)
        if len({c.value for c in current.values()}) > 1 and who not in current:
            current = {}  # a third reviewer settles an open conflict
        current[who] = d
    open_conflict = len({c.value for c in current.values()}) > 1
    return FieldReview(latest=items[-1], history=tuple(items),
                       conflict=tuple(sorted(current.values(), key=lambda d: d.id)) if open_conflict else ())


def reviews(store: Store, intervention: str, key: str | None = None) -> dict[tuple[str, str], FieldReview]:
    """(study key, field) -> its review, for one intervention's decisions."""
    grouped: dict[tuple[str, str], list[Decision]] = {}
    for d in history(store, key, intervention):
        grouped.setdefault((d.key, d.field), []).append(d)
    return {k: fold(v) for k, v in grouped.items()}
