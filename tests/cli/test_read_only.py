"""Read means read: status, export, report and extract open the store read-only and never write it.

A 0-byte file, another program's empty SQLite database and a text file are refused with exit 5 and
left byte-for-byte as they were, with no -wal/-shm/.lock beside them. A healthy store whose folder
is read-only is read; a harvest into a read-only store gets a message saying so (exit 5).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from ketamine_evidence.base import paths
from ketamine_evidence.base.errors import EXIT_PARTIAL, EXIT_STORE
from ketamine_evidence.cli import main
from ketamine_evidence.harvest import store_file
from ketamine_evidence.harvest.store import Store

READERS = [["status"], ["status", "--json"], ["export", "--format", "pmids"], ["report"], ["extract"]]


def _foreign(kind: str, path: Path) -> None:
    if kind == "zero-bytes":
        path.touch()
    elif kind == "empty-sqlite":  # another program's fresh database: a SQLite header, no tables
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.execute("DROP TABLE t")
        conn.commit()
        conn.close()
        assert path.read_bytes().startswith(b"SQLite format 3")
    else:
        path.write_text("name,dose\nketamine,0.5\n")


def _state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("kind", ["zero-bytes", "empty-sqlite", "text"])
@pytest.mark.parametrize("command", READERS, ids=lambda c: "-".join(c))
def test_readers_refuse_a_file_that_is_not_ours_untouched(home: Path, capsys: pytest.CaptureFixture[str],
                                                          kind: str, command: list[str]) -> None:
    folder = home / "stores"
    folder.mkdir()
    path = folder / "store.sqlite"
    _foreign(kind, path)
    before = _state(folder)
    code = main([*command, "--store", str(path), *(["--out", str(home / "out")] if command[0] in ("report", "extract") else [])])
    err = capsys.readouterr().err
    assert code == EXIT_STORE, err
    assert err.count("\n") == 1 and "not a ketamine-evidence store" in err and "Traceback" not in err
    assert _state(folder) == before  # same bytes, and no -wal/-shm/.lock beside it


def test_a_healthy_store_in_a_read_only_folder_is_read(home: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["harvest", "--source", "snapshot"]) == 0
    store = paths.default_store()
    capsys.readouterr()
    folder = store.parent
    # The tests may run as root, for whom chmod does not deny writes: the permission check is what
    # the code consults, so it is made to answer as it would for a read-only folder.
    real_access = os.access
    monkeypatch.setattr(store_file.os, "access",
                        lambda p, mode: False if mode & os.W_OK and Path(p).resolve() in (folder.resolve(), store.resolve())
                        else real_access(p, mode))
    before = _state(folder)
    assert main(["status", "--store", str(store)]) == 0
    assert "records: 644" in capsys.readouterr().out
    assert main(["export", "--store", str(store)]) == 0
    assert _state(folder) == before
    code = main(["harvest", "--source", "snapshot", "--store", str(store)])
    err = capsys.readouterr().err
    assert code == EXIT_STORE and "is read-only" in err and "Traceback" not in err
    assert _state(folder) == before


def test_old_schema_is_read_as_is_and_upgraded_only_by_a_harvest(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with Store(path):
        pass
    conn = sqlite3.connect(path)  # make it a schema-1 store: no account column
    conn.execute("ALTER TABLE runs DROP COLUMN account")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with Store(path, create=False, read_only=True) as s:
        assert s.schema_version == 1 and s.runs() == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    with Store(path) as s:
        assert s.schema_version == 2
        with s.lock():
            run = s.begin_run("pubmed", "q")
            info = s.finish_run(run, "ok", account={"count": 0, "new": 0, "updated": 0, "unchanged": 0,
                                                     "missing": 0, "failed": 0, "beyond_cap": 0})
        assert info.account_adds_up is True


def test_one_corrupt_blob_is_counted_not_fatal_exit_8(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["harvest", "--source", "snapshot"]) == 0
    store = paths.default_store()
    conn = sqlite3.connect(store)
    (key,) = conn.execute("SELECT key FROM records WHERE kind='pubmed' ORDER BY rowid LIMIT 1").fetchone()
    conn.execute("UPDATE versions SET xml=? WHERE key=?", (b"\x78\x9c not zlib at all", key))
    conn.commit()
    conn.close()
    capsys.readouterr()
    code = main(["extract", "--no-progress", "--out", str(home / "tables")])
    out, err = capsys.readouterr()
    assert code == EXIT_PARTIAL, err
    assert "643 records from" in out  # every other record was extracted and written
    assert f"1 stored record(s) could not be read and are not in the tables: {key}" in err
    assert (home / "tables" / "studies.parquet").is_file()
