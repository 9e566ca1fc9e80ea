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
    return RecordFlow(
        harvested=len(studies),
        missing=int(studies["missing"].map(as_bool).sum()) if len(studies) else 0,
        retracted=int(studies["retracted"].map(as_bool).sum()) if len(studies) else 0,
        duplicates=int(duplicate.sum()),
        screened=len(unique),
        excluded=_ranked(reasons),
        included=len(kept),
        included_by_design=_ranked(designs),
    )
