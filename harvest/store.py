"""The durable SQLite store of harvested records: every version kept, every harvest run logged.

Why SQLite: one file, transactions, readable by anyone. Tables (``store_schema.SCHEMA``):

- ``records``: one row per key (PMID for ``pubmed``, PMCID for ``pmc``) with its latest version
  number, first/last seen, retraction and ``missing`` flags.
- ``versions``: every distinct XML ever harvested for a key (zlib-compressed, with its sha256);
  a new row only when the bytes differ from the latest version, so re-harvesting writes nothing.
- ``runs``: one row per harvest run (start/end, source, query, windows, counts, status, account).

Safety: WAL journal, ``synchronous=FULL``, one ``BEGIN IMMEDIATE`` transaction per
``save_batch`` (a crash leaves no half-written record), ``<store>.lock`` held for a whole run
(``store_file.RunLock``). Opening (``store_file.connect``) refuses, untouched, any file that is
not our store; ``read_only=True`` opens it read-only for commands that only read.

Connection API for other modules that keep their own tables in the store: ``Store.connection``
(the ``sqlite3.Connection``, autocommit mode) and ``with store.transaction() as conn:`` (one
``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception, errors as ``StoreError``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from ketamine_evidence.base.errors import StoreError
from ketamine_evidence.harvest.items import RawRecord
from ketamine_evidence.harvest.store_file import RunLock, connect
from ketamine_evidence.harvest.store_schema import (APPLICATION_ID, KINDS, RUN_STATUSES, SCHEMA_VERSION,  # noqa: F401
                                                     SQLITE_HEADER, RunInfo, StoredRecord, describe, utc_now)

_describe = describe


class Store:
    """The record store at ``path``; see the module docstring for the layout and guarantees.

    ``create=False`` raises ``StoreError`` when no store exists at ``path`` (for read-only commands).
    """

    def __init__(self, path: str | os.PathLike[str], create: bool = True, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._run_lock = RunLock(self.path)
        self.lock_path = self._run_lock.path
        # keys seen unchanged per run: their last_seen is stamped once, in finish_run, so that
        # re-harvesting identical records performs no write at all until the run's bookkeeping.
        self._seen: dict[int, set[str]] = {}
        #: keys whose stored XML could not be decompressed while iterating (see ``iter_records``)
        self.corrupt: list[str] = []
        self._conn, self.schema_version = connect(self.path, create=create and not read_only, read_only=read_only)

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection (autocommit; use ``transaction()`` to write)."""
        return self._conn

    # -- life cycle --------------------------------------------------------------------------

    def close(self) -> None:
        self._run_lock.release()
        if self._conn is not None:
            self._conn.close()
            self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold ``<store>.lock`` exclusively; raises ``StoreLocked`` if another process holds it."""
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only: it cannot be locked for a harvest")
        self._run_lock.acquire()
        try:
            yield
        finally:
            self._run_lock.release()

    def lock_holder(self) -> int | None:
        """The pid of the harvest holding ``<store>.lock`` if it is alive, else None (never takes the lock)."""
        return self._run_lock.holder()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``); rolled back if the block raises."""
        with self._transaction() as conn:
            yield conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to store {self.path}: {_describe(exc)}") from None
        try:
            yield conn
        except BaseException:
            self._rollback()
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"cannot commit to store {self.path}: {_describe(exc)}") from None

    def _rollback(self) -> None:
        if self._conn.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
            self._conn.execute("ROLLBACK")

    # -- runs --------------------------------------------------------------------------------

    def begin_run(self, source: str, query: str | None) -> int:
        """Log a new run as 'running' and return its id.

        Runs left 'running' by a killed process are marked 'failed' here, but only while this
        process holds the lock (so they cannot still be alive).
        """
        now = utc_now()
        with self._transaction() as conn:
            if self._run_lock.fd is not None:
                conn.execute("UPDATE runs SET status='failed', finished=?, "
                             "note=coalesce(note || '; ', '') || 'interrupted: the process ended before the run finished' "
                             "WHERE status='running'", (now,))
            cur = conn.execute("INSERT INTO runs (started, source, query, status) VALUES (?, ?, ?, 'running')",
                               (now, source, query))
        run_id = int(cur.lastrowid)
        self._seen[run_id] = set()
        return run_id

    def finish_run(self, run_id: int, status: str, *, windows: Sequence[str] = (), failed: int = 0,
                   note: str | None = None, account: dict[str, int] | None = None) -> RunInfo:
        """Close a run: stamp last_seen on records seen unchanged, count new/updated/unchanged/missing.

        ``account`` (the crawl's ``count`` and its terms, see ``RunInfo``) is stored as given.
        """
        if status not in RUN_STATUSES or status == "running":
            raise ValueError(f"finish_run status must be ok, partial or failed, not {status!r}")
        now = utc_now()
        seen = self._seen.pop(run_id, set())
        with self._transaction() as conn:
            changed = {row[0]: row[1] for row in conn.execute(
                "SELECT key, min(version) FROM versions WHERE run_id=? GROUP BY key", (run_id,))}
            unchanged = seen - changed.keys()
            conn.executemany("UPDATE records SET last_seen=?, last_seen_run=? WHERE key=?",
                             ((now, run_id, key) for key in unchanged))
            new = sum(1 for v in changed.values() if v == 1)
            missing = conn.execute("SELECT count(*) FROM records WHERE missing=1 AND missing_run=?",
                                   (run_id,)).fetchone()[0]
            cur = conn.execute(
                "UPDATE runs SET finished=?, status=?, windows=?, new=?, updated=?, unchanged=?, failed=?, "
                "missing=?, note=?, account=? WHERE id=?",
                (now, status, json.dumps(list(windows)), new, len(changed) - new, len(unchanged), int(failed),
                 missing, note, json.dumps(account) if account is not None else None, run_id))
            if cur.rowcount != 1:
                raise StoreError(f"store {self.path} has no run {run_id}")
        return self.run(run_id)

    def run(self, run_id: int) -> RunInfo:
        cur = self._conn.execute("SELECT * FROM runs WHERE id=?", (run_id,))
        row = cur.fetchone()
        if row is None:
            raise StoreError(f"store {self.path} has no run {run_id}")
        return self._run_info(cur, row)

    def runs(self) -> list[RunInfo]:
        """All runs, oldest first."""
        cur = self._conn.execute("SELECT * FROM runs ORDER BY id")
        return [self._run_info(cur, row) for row in cur.fetchall()]

    def last_successful_run(self, source: str = "pubmed", query: str | None = None) -> RunInfo | None:
        """The latest run of ``source`` (and ``query``, if given) that finished 'ok'."""
        sql = "SELECT * FROM runs WHERE status='ok' AND source=?"
        params: list[object] = [source]
        if query is not None:
            sql += " AND query=?"
            params.append(query)
        cur = self._conn.execute(sql + " ORDER BY id DESC LIMIT 1", params)
        row = cur.fetchone()
        return self._run_info(cur, row) if row else None

    @staticmethod
    def _run_info(cur: sqlite3.Cursor, row: tuple) -> RunInfo:
        """A ``runs`` row by column name (a store of schema 1, read read-only, has no ``account``)."""
        values = dict(zip((d[0] for d in cur.description), row))
        account = values.get("account")
        return RunInfo(id=values["id"], started=values["started"], finished=values["finished"],
                       source=values["source"], query=values["query"], status=values["status"],
                       windows=json.loads(values["windows"]), new=values["new"], updated=values["updated"],
                       unchanged=values["unchanged"], failed=values["failed"], missing=values["missing"],
                       note=values["note"], account=json.loads(account) if account else None)

    # -- records -----------------------------------------------------------------------------

    def save_batch(self, records: Sequence[RawRecord], run_id: int) -> dict[str, int]:
        """Save records in ONE transaction: all of them or, if anything fails, none.

        A record is 'unchanged' when its XML is byte-identical (sha256) to the latest stored
        version (nothing is written), 'updated' when it differs (a new version row), else 'new'.
        A record marked missing that comes back is un-marked.
        """
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        now = utc_now()
        unchanged: set[str] = set()
        with self._transaction() as conn:
            for rec in records:
                if not isinstance(rec.xml, (bytes, bytearray)):
                    raise TypeError(f"record {rec.key}: xml must be bytes, not {type(rec.xml).__name__}")
                if rec.kind not in KINDS or not rec.key:
                    raise ValueError(f"record {rec.key!r}: kind must be one of {KINDS} and key non-empty")
                digest = hashlib.sha256(rec.xml).digest()
                row = conn.execute(
                    "SELECT r.version, v.sha256, r.missing FROM records r "
                    "JOIN versions v ON v.key = r.key AND v.version = r.version WHERE r.key=?",
                    (rec.key,)).fetchone()
                if row is not None and row[1] == digest:
                    counts["unchanged"] += 1
                    unchanged.add(rec.key)
                    if row[2]:
                        conn.execute("UPDATE records SET missing=0, missing_run=NULL WHERE key=?", (rec.key,))
                    continue
                version = 1 if row is None else row[0] + 1
                if row is None:
                    conn.execute(
                        "INSERT INTO records (key, kind, pmid, pmcid, version, retracted, first_seen, last_seen, "
                        "last_changed, first_run, last_seen_run, last_changed_run) "
                        "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                        (rec.key, rec.kind, rec.pmid, rec.pmcid, int(rec.retracted), now, now, now,
                         run_id, run_id, run_id))
                    counts["new"] += 1
                else:
                    conn.execute(
                        "UPDATE records SET version=?, pmid=coalesce(?, pmid), pmcid=coalesce(?, pmcid), "
                        "retracted=?, missing=0, missing_run=NULL, last_seen=?, last_changed=?, "
                        "last_seen_run=?, last_changed_run=? WHERE key=?",
                        (version, rec.pmid, rec.pmcid, int(rec.retracted), now, now, run_id, run_id, rec.key))
                    counts["updated"] += 1
                conn.execute(
                    "INSERT INTO versions (key, version, run_id, saved, source, pmid, pmcid, date_revised, "
                    "retracted, sha256, size, xml) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (rec.key, version, run_id, now, rec.source, rec.pmid, rec.pmcid, rec.date_revised,
                     int(rec.retracted), digest, len(rec.xml), zlib.compress(bytes(rec.xml), 6)))
        self._seen.setdefault(run_id, set()).update(unchanged)
        return counts

    def mark_missing(self, keys: Sequence[str] | set[str], run_id: int) -> int:
        """Flag records NCBI no longer serves (kept, never deleted); returns how many were newly flagged."""
        with self._transaction() as conn:
            cur = conn.executemany("UPDATE records SET missing=1, missing_run=? WHERE key=? AND missing=0",
                                   ((run_id, str(key)) for key in keys))
            return cur.rowcount

    _LATEST = (
        "SELECT r.key, r.kind, v.pmid, v.pmcid, v.xml, v.date_revised, v.retracted, v.source, r.first_seen, "
        "r.last_seen, r.last_changed, r.version, r.missing, r.first_run, r.last_changed_run "
        "FROM records r JOIN versions v ON v.key = r.key AND v.version = r.version")

    @staticmethod
    def _stored(row: tuple) -> StoredRecord:
        (key, kind, pmid, pmcid, xml, date_revised, retracted, source, first_seen, last_seen, last_changed,
         version, missing, first_run, last_changed_run) = row
        return StoredRecord(key=key, kind=kind, pmid=pmid, pmcid=pmcid, xml=zlib.decompress(xml),
                            date_revised=date_revised, retracted=bool(retracted), source=source,
                            first_seen=first_seen, last_seen=last_seen, last_changed=last_changed,
                            version=version, missing=bool(missing), first_run=first_run,
                            last_changed_run=last_changed_run)

    def iter_records(self, kind: str | None = None, include_missing: bool = False) -> Iterator[StoredRecord]:
        """Latest version of every record, in the order they were first stored."""
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS} or None, not {kind!r}")
        where, params = [], []
        if kind is not None:
            where.append("r.kind=?")
            params.append(kind)
        if not include_missing:
            where.append("r.missing=0")
        sql = self._LATEST + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY r.rowid"
        for row in self._conn.execute(sql, params):
            try:
                record = self._stored(row)
            except zlib.error:
                # one damaged blob must not end the whole read: skip it, name it in ``corrupt``
                self.corrupt.append(str(row[0]))
                continue
            yield record

    def get(self, key: str) -> StoredRecord | None:
        """Latest version of one record (missing or not), or None."""
        row = self._conn.execute(self._LATEST + " WHERE r.key=?", (key,)).fetchone()
        return self._stored(row) if row else None

    def versions(self, key: str) -> list[StoredRecord]:
        """Every stored version of ``key``, oldest first (``last_changed`` = when that version was saved)."""
        rows = self._conn.execute(
            "SELECT r.key, r.kind, v.pmid, v.pmcid, v.xml, v.date_revised, v.retracted, v.source, r.first_seen, "
            "r.last_seen, v.saved, v.version, r.missing, r.first_run, v.run_id "
            "FROM versions v JOIN records r ON r.key = v.key WHERE v.key=? ORDER BY v.version", (key,))
        return [self._stored(row) for row in rows]

    def changes(self, run_id: int | None = None) -> dict[str, list[str]]:
        """Keys that were new, revised, or became retracted in ``run_id`` (default: the latest run)."""
        if run_id is None:
            run_id = self._conn.execute("SELECT max(id) FROM runs").fetchone()[0]
        new: dict[str, None] = {}  # dicts as ordered sets: a key may have several versions in one run
        revised: dict[str, None] = {}
        retracted: dict[str, None] = {}
        if run_id is not None:
            rows = self._conn.execute(
                "SELECT v.key, v.version, v.retracted, p.retracted FROM versions v "
                "LEFT JOIN versions p ON p.key = v.key AND p.version = v.version - 1 "
                "WHERE v.run_id=? ORDER BY v.key, v.version", (run_id,))
            for key, version, is_retracted, was_retracted in rows:
                if version == 1:
                    new[key] = None
                elif key not in new:
                    revised[key] = None
                if is_retracted and not was_retracted:
                    retracted[key] = None
        return {"new": list(new), "revised": list(revised), "retracted": list(retracted)}

    def pmids(self) -> list[str]:
        """Every PMID the store holds (PubMed records and PMC articles' PMIDs), not missing, numerically sorted."""
        rows = self._conn.execute("SELECT DISTINCT pmid FROM records WHERE missing=0 AND pmid IS NOT NULL")
        values = {str(r[0]).strip() for r in rows if str(r[0]).strip()}
        return sorted(values, key=lambda p: (not p.isdigit(), int(p) if p.isdigit() else 0, p))

    def status(self) -> dict[str, object]:
        """Counts, retracted PMIDs, missing keys and all runs (as dicts), for ``ketamine-evidence status``."""
        conn = self._conn
        by_kind = dict(conn.execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall())
        retracted = sorted({r[0] for r in conn.execute(
            "SELECT pmid FROM records WHERE retracted=1 AND pmid IS NOT NULL")},
            key=lambda p: (not p.isdigit(), int(p) if p.isdigit() else 0, p))
        missing = [r[0] for r in conn.execute("SELECT key FROM records WHERE missing=1 ORDER BY rowid")]
        versions = conn.execute("SELECT count(*) FROM versions").fetchone()[0]
        return {
            "store": str(self.path),
            "schema_version": SCHEMA_VERSION,
            "records": sum(by_kind.values()),
            "pubmed": by_kind.get("pubmed", 0),
            "pmc": by_kind.get("pmc", 0),
            "versions": versions,
            "retracted": retracted,
            "missing": missing,
            "runs": [dict(asdict(run), account_adds_up=run.account_adds_up) for run in self.runs()],
            "harvest_running_pid": self.lock_holder(),
            "store_schema_version": self.schema_version,
        }
