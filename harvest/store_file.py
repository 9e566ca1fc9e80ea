"""Opening the store file: refuse what is not ours, read-only when only reading, and the run lock.

``connect`` never writes to a file it did not validate: a 0-byte file, another program's SQLite
database (even an empty one), a directory or a corrupt store raise ``StoreError`` (exit 5) and
are left as they were. ``read_only=True`` (status, export, report, extract) opens the database
with ``mode=ro`` (and ``immutable=1`` when its folder is read-only, so no ``-wal``/``-shm`` file
is needed); ``create=True`` (harvest) makes a new store only where no file exists, or in an empty
0-byte file, and first checks that the file and its folder are writable.

``RunLock`` is the ``fcntl.flock`` on ``<store>.lock`` held for a whole harvest run (the kernel
releases it even if the holder is SIGKILLed).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from ketamine_evidence.base.errors import StoreError, StoreLocked
from ketamine_evidence.harvest.store_schema import (APPLICATION_ID, MIGRATIONS, SCHEMA, SCHEMA_VERSION,
                                                     SQLITE_HEADER, describe)


def _writable(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _check_file(path: Path, *, create: bool, read_only: bool) -> bool:
    """Whether ``path`` holds a database already; raises StoreError for anything we must not open."""
    if not path.exists():
        if not create or read_only:
            raise StoreError(f"no store at {path}: run `ketamine-evidence harvest` first (or pass --store PATH)")
        return False
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a ketamine-evidence store")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror}") from None
    if not header:
        if read_only:
            raise StoreError(f"{path} is an empty file, not a ketamine-evidence store (left untouched)")
        return False
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a SQLite database, so not a ketamine-evidence store (left untouched)")
    return True


def connect(path: Path, *, create: bool, read_only: bool) -> tuple[sqlite3.Connection, int]:
    """An open, validated connection to the store at ``path`` and its schema version."""
    existed = _check_file(path, create=create, read_only=read_only)
    if not read_only:
        if not existed:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the store's folder {path.parent}: {exc.strerror}") from None
        if not _writable(path):
            raise StoreError(f"store {path} is read-only (the file or its folder): harvest must write to it; "
                             "check the permissions or pass --store PATH")
    conn = _open(path, read_only)
    try:
        version = _validate(conn, path, read_only)
    except BaseException:
        conn.close()
        raise
    return conn, version


def _open(path: Path, read_only: bool) -> sqlite3.Connection:
    try:
        if not read_only:
            return sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        if not os.access(path.parent, os.W_OK) and not path.with_name(path.name + "-wal").exists():
            uri += "&immutable=1"  # nobody can be writing (no -wal, folder read-only): no -shm needed
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0, check_same_thread=False)
        conn.execute("PRAGMA query_only=ON")
        return conn
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path}: {describe(exc)}") from None


def _validate(conn: sqlite3.Connection, path: Path, read_only: bool) -> int:
    """Check the file is our schema and intact; create or migrate the schema only when writing."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        n_objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if read_only and "unable to open" in str(exc):
            raise StoreError(f"cannot read store {path}: its folder is read-only and a harvest left a "
                             f"write-ahead log ({describe(exc)})") from None
        raise StoreError(f"{path} is not a usable SQLite database ({describe(exc)}); left untouched") from None
    if app_id == 0 and user_version == 0 and n_objects == 0:
        if read_only:
            raise StoreError(f"{path} is an empty SQLite database, not a ketamine-evidence store (left untouched)")
        _create(conn, path)
        return SCHEMA_VERSION
    if app_id != APPLICATION_ID:
        raise StoreError(f"{path} is a SQLite database but not a ketamine-evidence store; left untouched")
    if user_version > SCHEMA_VERSION:
        raise StoreError(f"store {path} has schema version {user_version}, newer than this program's "
                         f"{SCHEMA_VERSION}: upgrade ketamine-evidence")
    if user_version < 1:
        raise StoreError(f"store {path} has an unknown schema version {user_version}; left untouched")
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"store {path} is corrupt ({describe(exc)}); left untouched") from None
    if result != ["ok"]:
        raise StoreError(f"store {path} is corrupt (quick_check: {result[0]}); left untouched")
    configure(conn, read_only)
    if user_version < SCHEMA_VERSION and not read_only:
        _migrate(conn, path, user_version)
        return SCHEMA_VERSION
    return user_version


def configure(conn: sqlite3.Connection, read_only: bool = False) -> None:
    if not read_only:
        conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")


def _in_transaction(conn: sqlite3.Connection, path: Path, statements: list[str], what: str,
                    only_if_empty: bool = False) -> None:
    """Run ``statements`` in one ``BEGIN IMMEDIATE`` transaction (rolled back on any error); with
    ``only_if_empty``, only when the database still holds no table once the write lock is held."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not only_if_empty or conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                for statement in statements:
                    conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise StoreError(f"cannot {what} store {path}: {describe(exc)}") from None


def _create(conn: sqlite3.Connection, path: Path) -> None:
    try:
        conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot create store {path}: {describe(exc)}") from None
    configure(conn)
    statements = [s for s in SCHEMA.split(";") if s.strip()]
    for version in sorted(MIGRATIONS):
        statements += MIGRATIONS[version]
    statements += [f"PRAGMA application_id={APPLICATION_ID}", f"PRAGMA user_version={SCHEMA_VERSION}"]
    # another process may have created it between our check and the write lock: create only if still empty
    _in_transaction(conn, path, statements, "create", only_if_empty=True)


def _migrate(conn: sqlite3.Connection, path: Path, current: int) -> None:
    statements: list[str] = []
    for version in range(current + 1, SCHEMA_VERSION + 1):
        statements += MIGRATIONS.get(version, [])
    _in_transaction(conn, path, [*statements, f"PRAGMA user_version={SCHEMA_VERSION}"], "upgrade")


class RunLock:
    """``<store>.lock`` held with ``fcntl.flock`` (exclusive, non-blocking); the holder's pid written in it."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self.path = store_path.with_name(store_path.name + ".lock")
        self.fd: int | None = None

    def acquire(self) -> None:
        if self.fd is not None:
            raise StoreError(f"store {self.store_path} is already locked by this process")
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {self.path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            os.close(fd)
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise StoreLocked(f"store {self.store_path} is locked by another harvest{who}; "
                              "try again when it has finished") from None
        except OSError as exc:
            os.close(fd)
            raise StoreError(f"cannot lock store {self.store_path}: {exc.strerror}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd

    def release(self) -> None:
        fd, self.fd = self.fd, None
        if fd is not None:
            try:
                os.ftruncate(fd, 0)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)

    def holder(self) -> int | None:
        """The pid written in the lock file if that process is alive (a harvest is running), else None.

        Read without taking the lock, so asking never makes a starting harvest fail.
        """
        try:
            text = self.path.read_text(encoding="ascii", errors="replace").strip()
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
