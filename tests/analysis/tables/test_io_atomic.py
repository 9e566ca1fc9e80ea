"""Tables are written as one set: a failed write leaves the old set, a mixed set is refused.

Disk full is injected as ``OSError(ENOSPC)`` from the third file written (the tests must not need
a tmpfs); the real tables come from the bundled PMC snapshot through ``ketamine-evidence extract``.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ketamine_evidence.analysis.tables.io import MANIFEST, WRITING, load_tables, write_tables
from ketamine_evidence.base.errors import InputError, OutputError
from ketamine_evidence.cli import main

SNAPSHOT_PMC = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pmc"


@pytest.fixture(scope="module")
def tables_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables")
    assert main(["extract", "--input", str(SNAPSHOT_PMC), "--out", str(out), "--no-progress"]) == 0
    return out


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_disk_full_half_way_leaves_the_previous_set(tables_dir: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "processed"
    shutil.copytree(tables_dir, out)
    before = _digests(out)
    tables = load_tables(out)
    tables = dataclasses.replace(tables, studies=tables.studies.iloc[:3])  # a different set: any mix would show
    real = pd.DataFrame.to_csv
    calls = []

    def full_disk(self, path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", full_disk)
    with pytest.raises(OutputError, match="No space left on device"):
        write_tables(tables, out)
    assert _digests(out) == before  # old set intact, nothing half-written, no staging folder left
    assert [p.name for p in out.iterdir() if p.is_dir()] == []
    assert len(load_tables(out).studies) > 3


def test_interrupted_move_and_mixed_sets_are_refused(tables_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "processed"
    shutil.copytree(tables_dir, out)
    assert (out / MANIFEST).is_file()
    (out / WRITING).write_text("abc\n")
    with pytest.raises(InputError, match="incomplete set"):
        load_tables(out)
    (out / WRITING).unlink()
    other = tmp_path / "other"
    tables = load_tables(out)
    tables = dataclasses.replace(tables, findings=tables.findings.iloc[:1])
    write_tables(tables, other)
    shutil.copy(other / "findings.parquet", out / "findings.parquet")  # one table from another run
    with pytest.raises(InputError, match="mixed: findings.parquet"):
        load_tables(out)
    code = main(["report", "--tables", str(out), "--out", str(tmp_path / "report")])
    assert code == 7 and not (tmp_path / "report" / "report.md").exists()


def test_table_files_keep_their_mode(tables_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "processed"
    shutil.copytree(tables_dir, out)
    os.chmod(out / "studies.csv", 0o644)
    os.chmod(out / "findings.csv", 0o640)
    write_tables(load_tables(out), out)
    assert (os.stat(out / "studies.csv").st_mode & 0o777, os.stat(out / "findings.csv").st_mode & 0o777) == (
        0o644, 0o640)
