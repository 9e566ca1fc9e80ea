"""Reading and writing the evidence tables (Parquet and CSV) under ``data/processed/``.

The thin I/O side of ``ketamine_evidence.analysis.tables.frames``: writes each table as ``<name>.parquet`` and ``<name>.csv``;
``load_tables`` reads Parquet when present, else CSV, and restores the contract's dtypes either way
(an empty string in CSV reads back as null; the tables never hold empty strings).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ketamine_evidence.analysis.tables.frames import BOOL, FLOAT, INT, OPTIONAL_TABLES, SCHEMAS, Tables, coerce
from ketamine_evidence.base import paths
from ketamine_evidence.base.errors import InputError, OutputError

NAMES = tuple(SCHEMAS)


def write_tables(tables: Tables, directory: str | Path | None = None) -> list[Path]:
    """Write every table as Parquet and CSV; returns the files written."""
    out = Path(directory) if directory is not None else paths.processed_dir()
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in NAMES:
            df: pd.DataFrame = getattr(tables, name)
            df.to_parquet(out / f"{name}.parquet", index=False)
            df.to_csv(out / f"{name}.csv", index=False)
            written += [out / f"{name}.parquet", out / f"{name}.csv"]
    except OSError as exc:
        raise OutputError(f"cannot write tables to {out}: {exc.strerror or exc}") from None
    return written


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
    frames = {}
    for name, schema in SCHEMAS.items():
        parquet, csv = base / f"{name}.parquet", base / f"{name}.csv"
        try:
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
