"""Every default path of the project, in one place.

Data layers follow cookiecutter-data-science: the bundled snapshot (raw, immutable, package data),
the SQLite store (raw records as harvested), ``data/processed`` (tables), ``reports/``.

The *home* is where ``data/`` and ``reports/`` go: ``--home`` (``set_home``), else
``$KETAMINE_EVIDENCE_HOME``, else the working folder, so an installed package never writes into
site-packages and each project folder keeps its own store.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent  # ketamine_evidence/base
REPO_DIR = PACKAGE_DIR.parents[1]  # the checkout (meaningful only when running from source)
SNAPSHOT_PACKAGE = "ketamine_evidence.snapshot"  # data/snapshot, shipped as package data (pyproject)

_home_override: Path | None = None


def set_home(path: Path | str | None) -> None:
    """Use ``path`` as the home for this process (``--home``); ``None`` goes back to the default."""
    global _home_override
    _home_override = Path(path).expanduser().resolve() if path is not None else None


def home() -> Path:
    """Root under which ``data/`` and ``reports/`` live: ``--home``, ``$KETAMINE_EVIDENCE_HOME`` or the working folder."""
    if _home_override is not None:
        return _home_override
    env = os.environ.get("KETAMINE_EVIDENCE_HOME")
    return Path(env).expanduser().resolve() if env else Path.cwd()


def data_dir() -> Path:
    return home() / "data"


def snapshot_dir() -> Path:
    """The bundled offline snapshot: the installed package data, or ``data/snapshot`` in a checkout."""
    try:
        spec = importlib.util.find_spec(SNAPSHOT_PACKAGE)
    except ImportError:  # pragma: no cover - a broken install
        spec = None
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        if Path(location, "pubmed").is_dir():
            return Path(location)
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
