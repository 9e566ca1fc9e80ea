"""The durable SQLite store of harvested records: every version kept, every harvest run logged.

Why SQLite: one file, transactions, readable by anyone. Layout (schema version in
``PRAGMA user_version``, our mark in ``PRAGMA application_id``):

- ``records``: one row per key (PMID for ``pubmed``, PMCID for ``pmc``) with its latest version
  number, first/last seen, retraction and ``missing`` flags.
- ``versions``: every distinct XML ever harvested for a key (zlib-compressed, with its sha256);
  a new row only when the bytes differ from the latest version, so re-harvesting writes nothing.
- ``runs``: one row per harvest run (start/end, source, query, windows, counts, status).

Safety: WAL journal, ``synchronous=FULL``, one ``BEGIN IMMEDIATE`` transaction per
``save_batch`` (a crash leaves no half-written record), an ``fcntl.flock`` lock file
``<store>.lock`` held for a whole run (released by the kernel even if the holder is SIGKILLed).
A file that is not SQLite, not our schema, or fails ``PRAGMA quick_check`` raises ``StoreError``
and is never written to.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from ketamine_evidence.harvest.items import RawRecord
from ketamine_evidence.base.errors import StoreError, StoreLocked

SCHEMA_VERSION = 1
APPLICATION_ID = 0x4B455644  # "KEVD": marks a ketamine-evidence store
SQLITE_HEADER = b"SQLite format 3\x00"
KINDS = ("pubmed", "pmc")
RUN_STATUSES = ("running", "ok", "partial", "failed")

_SCHEMA = """
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
CREATE INDEX versions_run ON versions (run_id);
"""


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
    """One harvest run as logged in the store."""

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


def utc_now() -> str:
    """Now as an ISO-8601 UTC string with a ``Z`` suffix (second precision)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _describe(exc: sqlite3.Error) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


class Store:
    """The record store at ``path``; see the module docstring for the layout and guarantees.

    ``create=False`` raises ``StoreError`` when no store exists at ``path`` (for read-only commands).
    """

    def __init__(self, path: str | os.PathLike[str], create: bool = True) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._lock_fd: int | None = None
        # keys seen unchanged per run: their last_seen is stamped once, in finish_run, so that
        # re-harvesting identical records performs no write at all until the run's bookkeeping.
        self._seen: dict[int, set[str]] = {}
        self._conn = self._open(create)

    # -- opening and validation ------------------------------------------------------------

    def _open(self, create: bool) -> sqlite3.Connection:
        exists = self.path.exists()
        if not exists and not create:
            raise StoreError(f"no store at {self.path}: run `ketamine-evidence harvest` first (or pass --store PATH)")
        if exists:
            if self.path.is_dir():
                raise StoreError(f"{self.path} is a directory, not a ketamine-evidence store")
            try:
                with self.path.open("rb") as fh:
                    header = fh.read(len(SQLITE_HEADER))
            except OSError as exc:
                raise StoreError(f"cannot read store {self.path}: {exc.strerror}") from None
            if header and header != SQLITE_HEADER:
                raise StoreError(f"{self.path} is not a SQLite database, so not a ketamine-evidence store "
                                 "(left untouched)")
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the store's folder {self.path.parent}: {exc.strerror}") from None
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {_describe(exc)}") from None
        try:
            self._validate_or_create(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _validate_or_create(self, conn: sqlite3.Connection) -> None:
        """Check the file is our schema and intact; create the schema only in an empty database."""
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            n_objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable SQLite database ({_describe(exc)}); left untouched") from None
        if app_id == 0 and user_version == 0 and n_objects == 0:
            self._create(conn)
            return
        if app_id != APPLICATION_ID:
            raise StoreError(f"{self.path} is a SQLite database but not a ketamine-evidence store; left untouched")
        if user_version > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema version {user_version}, newer than this program's "
                             f"{SCHEMA_VERSION}: upgrade ketamine-evidence")
        if user_version < 1:
            raise StoreError(f"store {self.path} has an unknown schema version {user_version}; left untouched")
        try:
            result = [row[0] for row in conn.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"store {self.path} is corrupt ({_describe(exc)}); left untouched") from None
        if result != ["ok"]:
            raise StoreError(f"store {self.path} is corrupt (quick_check: {result[0]}); left untouched")
        self._configure(conn)

    def _configure(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")

    def _create(self, conn: sqlite3.Connection) -> None:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            self._configure(conn)
            conn.execute("BEGIN IMMEDIATE")
            try:
                # another process may have created it between our check and the lock
                if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"cannot create store {self.path}: {_describe(exc)}") from None

    # -- life cycle --------------------------------------------------------------------------

    def close(self) -> None:
        if self._lock_fd is not None:
            self._release_lock()
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
        if self._lock_fd is not None:
            raise StoreError(f"store {self.path} is already locked by this process")
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {self.lock_path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            os.close(fd)
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise StoreLocked(f"store {self.path} is locked by another harvest{who}; "
                              "try again when it has finished") from None
        except OSError as exc:
            os.close(fd)
            raise StoreError(f"cannot lock store {self.path}: {exc.strerror}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._lock_fd = fd
        try:
            yield
        finally:
            self._release_lock()

    def lock_holder(self) -> int | None:
        """The pid written in ``<store>.lock`` if that process is alive (a harvest is running), else None.

        Read without taking the lock, so asking never makes a starting harvest fail.
        """
        try:
            text = self.lock_path.read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return None
        if not text.isdigit():
            return None
        pid = int(text)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None  # SIGKILLed holder: the kernel released its lock, the pid stayed in the file
        except PermissionError:
            pass  # alive, owned by another user
        return pid

    def _release_lock(self) -> None:
        fd, self._lock_fd = self._lock_fd, None
        if fd is not None:
            try:
                os.ftruncate(fd, 0)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn
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
            if self._lock_fd is not None:
                conn.execute("UPDATE runs SET status='failed', finished=?, "
                             "note=coalesce(note || '; ', '') || 'interrupted: the process ended before the run finished' "
                             "WHERE status='running'", (now,))
            cur = conn.execute("INSERT INTO runs (started, source, query, status) VALUES (?, ?, ?, 'running')",
                               (now, source, query))
        run_id = int(cur.lastrowid)
        self._seen[run_id] = set()
        return run_id

    def finish_run(self, run_id: int, status: str, *, windows: Sequence[str] = (), failed: int = 0,
                   note: str | None = None) -> RunInfo:
        """Close a run: stamp last_seen on records seen unchanged, count new/updated/unchanged/missing."""
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
                "missing=?, note=? WHERE id=?",
                (now, status, json.dumps(list(windows)), new, len(changed) - new, len(unchanged), int(failed),
                 missing, note, run_id))
            if cur.rowcount != 1:
                raise StoreError(f"store {self.path} has no run {run_id}")
        return self.run(run_id)

    def run(self, run_id: int) -> RunInfo:
        row = self._conn.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone()
        if row is None:
            raise StoreError(f"store {self.path} has no run {run_id}")
        return self._run_info(row)

    def runs(self) -> list[RunInfo]:
        """All runs, oldest first."""
        return [self._run_info(row) for row in self._conn.execute("SELECT * FROM runs ORDER BY id")]

    def last_successful_run(self, source: str = "pubmed", query: str | None = None) -> RunInfo | None:
        """The latest run of ``source`` (and ``query``, if given) that finished 'ok'."""
        sql = "SELECT * FROM runs WHERE status='ok' AND source=?"
        params: list[object] = [source]
        if query is not None:
            sql += " AND query=?"
            params.append(query)
        row = self._conn.execute(sql + " ORDER BY id DESC LIMIT 1", params).fetchone()
        return self._run_info(row) if row else None

    @staticmethod
    def _run_info(row: tuple) -> RunInfo:
        (id_, started, finished, source, query, status, windows, new, updated, unchanged, failed,
         missing, note) = row
        return RunInfo(id=id_, started=started, finished=finished, source=source, query=query, status=status,
                       windows=json.loads(windows), new=new, updated=updated, unchanged=unchanged,
                       failed=failed, missing=missing, note=note)

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
            yield self._stored(row)

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
            "runs": [asdict(run) for run in self.runs()],
            "harvest_running_pid": self.lock_holder(),
        }
