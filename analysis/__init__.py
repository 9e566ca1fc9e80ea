"""Analysis: store -> parse -> extract -> tables -> reports.

``from ketamine_evidence.analysis import load_tables; t = load_tables()`` gives the evidence tables
(``t.studies``, ``t.findings``, ``t.adverse_events``) written by ``ketamine-evidence extract``.
pandas is imported only when the tables are asked for, so parsing and extraction stay light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ketamine_evidence.analysis.tables.frames import Tables
    from ketamine_evidence.analysis.tables.io import load_tables

__all__ = ["Tables", "load_tables"]


def __getattr__(name: str) -> Any:
    if name == "load_tables":
        from ketamine_evidence.analysis.tables.io import load_tables
        return load_tables
    if name == "Tables":
        from ketamine_evidence.analysis.tables.frames import Tables
        return Tables
    raise AttributeError(f"module 'ketamine_evidence.analysis' has no attribute {name!r}")
