"""Reading and writing the evidence tables (Parquet and CSV) under ``data/processed/``.

The thin I/O side of ``ketamine_evidence.analysis.tables.frames``: writes each table as ``<name>.parquet`` and ``<name>.csv``;
``load_tables`` reads Parquet when present, else CSV, and restores the contract's dtypes either way
(an empty string in CSV reads back as null; the tables never hold empty strings).

Atomic sets: ``write_tables`` writes every file into a temporary folder inside the target, with a
``tables.manifest.json`` (a run id and each file's sha256), then moves them into place under a
``.tables-writing`` marker, manifest last. A failure while writing leaves the old set untouched;
``load_tables`` refuses a folder whose marker is still there or whose files do not match their
manifest (a set mixed from two runs), so a report is never built from half of an extract.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ketamine_evidence.analysis.tables.frames import BOOL, FLOAT, INT, OPTIONAL_TABLES, SCHEMAS, Tables, coerce
from ketamine_evidence.base import paths
from ketamine_evidence.base.atomic import target_mode
from ketamine_evidence.base.errors import InputError, OutputError

NAMES = tuple(SCHEMAS)
MANIFEST = "tables.manifest.json"
WRITING = ".tables-writing"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_tables(tables: Tables, directory: str | Path | None = None) -> list[Path]:
    """Write every table as Parquet and CSV, as one set (see the module docstring); returns the files."""
    out = Path(directory) if directory is not None else paths.processed_dir()
    run_id = uuid.uuid4().hex
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tables-", suffix=".tmp", dir=out))
    except OSError as exc:
        raise OutputError(f"cannot write tables to {out}: {exc.strerror or exc}") from None
    try:
        files: dict[str, str] = {}
        for name in NAMES:
            df: pd.DataFrame = getattr(tables, name)
            df.to_parquet(staging / f"{name}.parquet", index=False)
            df.to_csv(staging / f"{name}.csv", index=False)
            for ext in ("parquet", "csv"):
                fname = f"{name}.{ext}"
                os.chmod(staging / fname, target_mode(out / fname))
                files[fname] = _sha256(staging / fname)
        manifest = {"run_id": run_id, "written": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "files": files}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        for path in staging.iterdir():
            with path.open("rb") as fh:
                os.fsync(fh.fileno())
        # From here the folder briefly holds files of two runs: the marker makes readers refuse it.
        (out / WRITING).write_text(run_id + "\n", encoding="utf-8")
        for fname in files:
            os.replace(staging / fname, out / fname)
        os.replace(staging / MANIFEST, out / MANIFEST)
        (out / WRITING).unlink()
    except OSError as exc:
        raise OutputError(f"cannot write tables to {out}: {exc.strerror or exc} (the previous tables, if any, "
                          "are left as they were)") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / fname for fname in files]


def check_table_set(base: Path) -> dict[str, str] | None:
    """The manifest's file digests, after refusing an interrupted or mixed set; None for a set without one."""
    if (base / WRITING).exists():
        raise InputError(f"the tables in {base} are an incomplete set (an extract stopped while moving them "
                         "into place): run `ketamine-evidence extract` again")
    manifest = base / MANIFEST
    if not manifest.is_file():
        return None  # tables written by hand or by an older version: nothing to check against
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read the table manifest {manifest}: {exc}") from None
    return {str(k): str(v) for k, v in files.items()}


def _read_csv(path: Path, schema: dict[str, str]) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for col, dtype in schema.items():
        if col in df.columns and dtype in (INT, FLOAT):
            df[col] = pd.to_numeric(df[col])
        elif col in df.columns and dtype == BOOL:
            df[col] = df[col].astype(object)
    return coerce(df, schema)


def load_tables(directory: str | Path | None = None) -> Tables:
    """The ``studies``, ``findings`` and ``adverse_events`` tables (default ``data/processed/``)."""
    base = Path(directory) if directory is not None else paths.processed_dir()
    digests = check_table_set(base)
    frames = {}
    for name, schema in SCHEMAS.items():
        parquet, csv = base / f"{name}.parquet", base / f"{name}.csv"
        try:
            chosen = parquet if parquet.is_file() else csv
            if digests is not None and chosen.is_file() and digests.get(chosen.name) != _sha256(chosen):
                raise InputError(f"the tables in {base} are mixed: {chosen.name} is not the one its manifest "
                                 f"lists ({MANIFEST}); run `ketamine-evidence extract` again")
            if parquet.is_file():
                frames[name] = coerce(pd.read_parquet(parquet), schema)
            elif csv.is_file():
                frames[name] = _read_csv(csv, schema)
            elif name in OPTIONAL_TABLES:
                frames[name] = coerce(pd.DataFrame(columns=list(schema)), schema)
            else:
                raise InputError(f"no {name} table in {base} (run `ketamine-evidence extract` first)")
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the {name} table in {base}: {exc}") from None
    return Tables(**frames)
