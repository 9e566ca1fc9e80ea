"""The PRISMA 2020 flow of records, counted from the studies table and the store's run log.

Every record of the studies table is counted once, at the stage its exclusion reason belongs to
(``STAGE_OF_REASON``): duplicates, retractions and records PubMed withdrew are removed before
screening; 'animal study', 'not about <intervention>' and '<intervention> not studied for pain' are
screening exclusions. Reports sought for retrieval are the records that pass screening; a report
without an open-access full text counts as 'full text not retrieved' and is assessed on its title
and abstract (the pipeline reads abstracts), so it stays in the flow.

Who decided: every count is keyed by the decider. The rules are ``machine``; a study row whose
optional ``decided_by`` column says ``human``, or whose ``reviewed`` column (the fields a person checked,
``analysis/tables/reviews.py``) holds ``included``, is counted under ``human``, at the
stage its optional ``decision_stage`` column names (``screening`` or ``eligibility``; a reviewer's
exclusion defaults to ``eligibility``). Without those columns every decision is the machine's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ketamine_evidence.analysis.report.values import as_bool, as_text, is_missing, label

MACHINE, HUMAN = "machine", "human"
BEFORE_SCREENING, SCREENING, ELIGIBILITY = "before screening", "screening", "eligibility"
STAGE_OF_REASON = {"duplicate": BEFORE_SCREENING, "retracted": BEFORE_SCREENING,
                   "withdrawn from PubMed": BEFORE_SCREENING}
SOURCE_NAMES = {"pubmed": "PubMed (NCBI E-utilities)", "snapshot": "Bundled offline snapshot"}
SOURCE_VERBS = {"pubmed": "searched", "snapshot": "loaded"}
FORMAT_NAMES = {"pubmed": "PubMed citations", "medline": "MEDLINE citations", "pmc": "PMC full-text articles"}
NO_REASON = "no reason recorded"


@dataclass(frozen=True)
class Source:
    """Records identified from one source: where, when (first and latest harvest date), the query, and
    how many records of each format."""

    name: str
    verb: str                      # 'searched' (PubMed) or 'loaded' (snapshot)
    first: str | None
    latest: str | None
    query: str | None
    records: int
    formats: list[tuple[str, int]] = field(default_factory=list)

    @property
    def dates(self) -> str:
        if not self.first:
            return "date not in the store"
        when = self.first if self.first == self.latest or not self.latest else f"{self.first} to {self.latest}"
        return f"{self.verb} {when}"


@dataclass(frozen=True)
class Reasons:
    """Exclusions at one stage: decider -> [(reason, count)], largest first."""

    by_decider: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(n for reasons in self.by_decider.values() for _, n in reasons)

    def count(self, decider: str) -> int:
        return sum(n for _, n in self.by_decider.get(decider, ()))

    @property
    def merged(self) -> list[tuple[str, int]]:
        """Reasons over every decider."""
        counts: Counter[str] = Counter()
        for reasons in self.by_decider.values():
            counts.update(dict(reasons))
        return _ranked(counts)


@dataclass(frozen=True)
class PrismaFlow:
    """The counts of each PRISMA 2020 box; the arithmetic is checked by ``consistent``."""

    sources: list[Source]
    identified: int
    removed: Reasons               # before screening
    screened: int
    screening_excluded: Reasons
    sought: int                    # reports sought for retrieval
    not_retrieved: int             # no open-access full text: assessed on title and abstract
    assessed: int
    eligibility_excluded: Reasons
    included: int
    included_by_design: list[tuple[str, int]] = field(default_factory=list)
    missing: int = 0               # records NCBI no longer serves (kept in the store)
    included_by_human: int = 0     # inclusions a reviewer decided (the rest are the rules')
    values_checked: int = 0        # study values a reviewer checked, inclusion aside
    changed_since_review: int = 0  # records revised after a reviewer's decision

    @property
    def deciders(self) -> list[str]:
        """Who made the decisions counted here (``machine`` first)."""
        found = {d for r in (self.removed, self.screening_excluded, self.eligibility_excluded)
                 for d, reasons in r.by_decider.items() if reasons}
        return sorted(found, key=lambda d: (d != MACHINE, d))

    @property
    def consistent(self) -> bool:
        return (self.identified - self.removed.total == self.screened
                and self.screened - self.screening_excluded.total == self.sought == self.assessed
                and self.assessed - self.eligibility_excluded.total == self.included)


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _reviewed(row: dict) -> list[str]:
    return (as_text(row.get("reviewed")) or "").split(";") if as_text(row.get("reviewed")) else []


def _decider(row: dict) -> str:
    human = (as_text(row.get("decided_by")) or "").lower() == HUMAN or "included" in _reviewed(row)
    return HUMAN if human else MACHINE


def _stage(row: dict, reason: str, decider: str) -> str:
    stated = (as_text(row.get("decision_stage")) or "").lower()
    if stated in (SCREENING, ELIGIBILITY):
        return stated
    if reason in STAGE_OF_REASON:
        return STAGE_OF_REASON[reason]
    return ELIGIBILITY if decider == HUMAN else SCREENING


def _reasons(counts: dict[str, Counter[str]]) -> Reasons:
    return Reasons({decider: _ranked(c) for decider, c in sorted(counts.items(), key=lambda kv: kv[0] != MACHINE)})


def _sources(studies: pd.DataFrame, runs: list | None) -> list[Source]:
    """Records by the source of the run that first stored them (the store's run log), else by format."""
    by_run = {r.id: r for r in runs or []}
    groups: dict[str, list[dict]] = {}
    for row in studies.to_dict("records"):
        run = by_run.get(int(row["first_run"])) if not is_missing(row.get("first_run")) else None
        groups.setdefault(run.source if run else "", []).append(row)
    out = []
    for source, rows in sorted(groups.items()):
        source_runs = [r for r in runs or [] if r.source == source]
        formats = _ranked(Counter(FORMAT_NAMES.get(f, f) for f in
                                  (as_text(r.get("source_format")) or "unknown format" for r in rows)))
        queries = sorted({r.query for r in source_runs if r.query})
        out.append(Source(
            name=SOURCE_NAMES.get(source, source or "records with no harvest run in the store"),
            verb=SOURCE_VERBS.get(source, "harvested"),
            first=source_runs[0].started[:10] if source_runs else None,
            latest=source_runs[-1].started[:10] if source_runs else None,
            query="; ".join(queries) or None, records=len(rows), formats=formats))
    return out


def prisma_flow(studies: pd.DataFrame, runs: list | None = None) -> PrismaFlow:
    """The PRISMA 2020 counts of ``studies`` (every row once); ``runs`` is the store's run log, if any."""
    rows = studies.to_dict("records") if len(studies) else []
    stages: dict[str, dict[str, Counter[str]]] = {BEFORE_SCREENING: {}, SCREENING: {}, ELIGIBILITY: {}}
    kept, without_fulltext = [], 0
    for row in rows:
        duplicate = not is_missing(row.get("duplicate_of"))
        if as_bool(row.get("included")) and not duplicate:
            kept.append(row)
            without_fulltext += not as_bool(row.get("has_fulltext"))
            continue
        reason = as_text(row.get("exclusion_reason")) or ("duplicate" if duplicate else NO_REASON)
        decider = _decider(row)
        stage = _stage(row, reason, decider)
        stages[stage].setdefault(decider, Counter())[reason] += 1
        if stage == ELIGIBILITY:
            without_fulltext += not as_bool(row.get("has_fulltext"))
    removed = _reasons(stages[BEFORE_SCREENING])
    screening = _reasons(stages[SCREENING])
    eligibility = _reasons(stages[ELIGIBILITY])
    screened = len(rows) - removed.total
    sought = screened - screening.total
    return PrismaFlow(
        sources=_sources(studies, runs) if rows else [], identified=len(rows), removed=removed, screened=screened,
        screening_excluded=screening, sought=sought, not_retrieved=without_fulltext, assessed=sought,
        eligibility_excluded=eligibility, included=len(kept),
        included_by_design=_ranked(Counter(label(as_text(r.get("design")) or "other") for r in kept)),
        missing=sum(as_bool(r.get("missing")) for r in rows),
        included_by_human=sum(_decider(r) == HUMAN for r in kept),
        values_checked=sum(len([f for f in _reviewed(r) if f != "included"]) for r in rows),
        changed_since_review=sum(as_bool(r.get("changed_since_review")) for r in rows))


def store_runs(store_path: Path | None) -> list | None:
    """The store's run log (oldest first), None when there is no store; never creates one."""
    if store_path is None or not Path(store_path).exists():
        return None
    from ketamine_evidence.harvest.store import Store  # the report needs the store only for dates and changes

    with Store(Path(store_path), create=False) as store:
        return store.runs()
