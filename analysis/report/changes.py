"""What changed in the latest harvest: new, revised and retracted studies, read from the store's run history."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ketamine_evidence.analysis.report.evidence_tables import PUBMED_URL
from ketamine_evidence.analysis.report.values import as_bool, as_text, is_missing


@dataclass(frozen=True)
class ChangedStudy:
    key: str
    pmid: str | None
    url: str | None
    title: str
    included: bool = False


@dataclass
class Changes:
    """The latest run and what it changed; ``note`` explains an absent store or an empty history."""

    store: str
    run: dict[str, Any] | None = None
    previous: dict[str, Any] | None = None
    new: list[ChangedStudy] = field(default_factory=list)
    revised: list[ChangedStudy] = field(default_factory=list)
    retracted: list[ChangedStudy] = field(default_factory=list)
    note: str | None = None

    @staticmethod
    def included_count(items: list[ChangedStudy]) -> int:
        return sum(1 for s in items if s.included)


def _run_dict(run: Any) -> dict[str, Any]:
    return {k: getattr(run, k, None) for k in ("id", "started", "finished", "source", "query", "status",
                                               "new", "updated", "unchanged", "failed", "missing")}


def _titles(studies: pd.DataFrame) -> dict[str, tuple[str | None, str, bool]]:
    """Key (PMID or PMCID) -> (pmid, title, included in the evidence), from the studies table."""
    out: dict[str, tuple[str | None, str, bool]] = {}
    if studies.empty:
        return out
    cols = ["pmid", "pmcid", "title", "included", "duplicate_of"]
    for pmid, pmcid, title, included, duplicate in studies[cols].itertuples(index=False, name=None):
        p, c, t = as_text(pmid), as_text(pmcid), as_text(title) or "(no title)"
        for key in (p, c):
            if key:
                out.setdefault(key, (p, t, as_bool(included) and is_missing(duplicate)))
    return out


def changes_from_store(store_path: Path | None, studies: pd.DataFrame) -> Changes:
    """Read the store (never creating it); a missing store gives a note, not an error."""
    if store_path is None or not Path(store_path).exists():
        return Changes(store=str(store_path or ""), note="No harvest store was found, so the report cannot say what "
                                                         "changed since the previous harvest.")
    from ketamine_evidence.harvest.store import Store  # imported here: the report needs the store only for this section

    with Store(Path(store_path), create=False, read_only=True) as store:
        runs = store.runs()
        if not runs:
            return Changes(store=str(store_path), note="The store holds no harvest run yet.")
        ordered = sorted(runs, key=lambda r: r.id)
        latest = ordered[-1]
        raw = store.changes(latest.id)
    titles = _titles(studies)

    def resolve(keys: list[str]) -> list[ChangedStudy]:
        out = []
        for key in keys:
            pmid, title, included = titles.get(str(key), (None, "(not in the tables)", False))
            if pmid is None and str(key).isdigit():
                pmid = str(key)
            out.append(ChangedStudy(str(key), pmid, PUBMED_URL.format(pmid=pmid) if pmid else None, title, included))
        return out

    retracted = list(raw.get("retracted", []))
    # A retraction arrives as a revision too: list each record once, under the change that matters.
    revised = [k for k in raw.get("revised", []) if k not in set(retracted)]
    return Changes(store=str(store_path), run=_run_dict(latest),
                   previous=_run_dict(ordered[-2]) if len(ordered) > 1 else None,
                   new=resolve(raw.get("new", [])), revised=resolve(revised), retracted=resolve(retracted))
