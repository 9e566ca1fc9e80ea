"""Every default path of the project, in one place.

Data layers follow cookiecutter-data-science: ``data/snapshot`` (raw, immutable, bundled),
the SQLite store (raw records as harvested), ``data/processed`` (tables), ``reports/``.
``KETAMINE_EVIDENCE_HOME`` moves the whole data tree (for example in tests).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent  # ketamine_evidence/base
REPO_DIR = PACKAGE_DIR.parents[1]


def home() -> Path:
    """Root under which ``data/`` and ``reports/`` live (the repository by default)."""
    env = os.environ.get("KETAMINE_EVIDENCE_HOME")
    return Path(env).expanduser().resolve() if env else REPO_DIR


def data_dir() -> Path:
    return home() / "data"


def snapshot_dir() -> Path:
    """The bundled offline snapshot; always the repository's copy."""
    return REPO_DIR / "data" / "snapshot"


def default_store() -> Path:
    return data_dir() / "ketamine-evidence.sqlite"


def processed_dir() -> Path:
    return data_dir() / "processed"


def reports_dir() -> Path:
    return home() / "reports"


def user_config() -> Path:
    """The editable config file: ``$KETAMINE_EVIDENCE_CONFIG`` or ``ketamine-evidence.toml`` in the home."""
    env = os.environ.get("KETAMINE_EVIDENCE_CONFIG")
    return Path(env).expanduser() if env else home() / "ketamine-evidence.toml"
