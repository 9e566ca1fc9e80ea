"""Record flow (PRISMA-style): harvested -> duplicates removed -> excluded by reason -> included by design."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from ketamine_evidence.analysis.report.values import as_bool, as_text, is_missing, label


@dataclass(frozen=True)
class RecordFlow:
    """Counts at each step of the flow; ``excluded`` and ``included_by_design`` are (label, count), largest first."""

    harvested: int
    missing: int          # no longer served by NCBI (kept, flagged)
    retracted: int
    duplicates: int
    screened: int         # harvested minus duplicates
    excluded: list[tuple[str, int]] = field(default_factory=list)
    included: int = 0
    included_by_design: list[tuple[str, int]] = field(default_factory=list)
    excluded_by_person: int = 0   # screening decided by a reviewer (the rest by the machine's rules)
    included_by_person: int = 0
    values_checked: int = 0       # study values a person checked (``reviewed`` column)
    changed_since_review: int = 0

    @property
    def excluded_by_machine(self) -> int:
        return self.excluded_total - self.excluded_by_person

    @property
    def included_by_machine(self) -> int:
        return self.included - self.included_by_person

    @property
    def excluded_total(self) -> int:
        return sum(n for _, n in self.excluded)


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def record_flow(studies: pd.DataFrame) -> RecordFlow:
    """Count every study once: a duplicate is counted as a duplicate, never again as excluded."""
    duplicate = studies["duplicate_of"].map(lambda v: not is_missing(v)) if len(studies) else pd.Series([], dtype=bool)
    included = studies["included"].map(as_bool) if len(studies) else pd.Series([], dtype=bool)
    unique = studies[~duplicate]
    excluded = unique[~included[~duplicate]]
    reasons = Counter(as_text(r) or "no reason recorded" for r in excluded["exclusion_reason"])
    kept = unique[included[~duplicate]]
    designs = Counter(label(as_text(d) or "other") for d in kept["design"])
    reviewed = (unique["reviewed"] if "reviewed" in unique else pd.Series([None] * len(unique), index=unique.index)
                ).map(lambda v: (as_text(v) or "").split(";") if as_text(v) else [])
    by_person = reviewed.map(lambda fields: "included" in fields)
    return RecordFlow(
        harvested=len(studies),
        missing=int(studies["missing"].map(as_bool).sum()) if len(studies) else 0,
        retracted=int(studies["retracted"].map(as_bool).sum()) if len(studies) else 0,
        duplicates=int(duplicate.sum()),
        screened=len(unique),
        excluded=_ranked(reasons),
        included=len(kept),
        included_by_design=_ranked(designs),
        excluded_by_person=int(by_person[excluded.index].sum()) if len(excluded) else 0,
        included_by_person=int(by_person[kept.index].sum()) if len(kept) else 0,
        values_checked=int(reviewed.map(lambda fields: len([f for f in fields if f != "included"])).sum()),
        changed_since_review=int(unique["changed_since_review"].map(as_bool).sum())
        if "changed_since_review" in unique and len(unique) else 0,
    )
