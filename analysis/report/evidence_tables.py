"""Evidence tables: one per condition, one row per included study, each value with its evidence sentences."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from ketamine_evidence.analysis.records import CONDITIONS, DESIGNS
from ketamine_evidence.analysis.report.values import (
    as_bool, as_float, as_text, days_text, fmt_number, is_missing, label, lasted_to_follow_up, relief_text, split_list,
)

PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
NO_CONDITION = "not stated"
DESIGN_RANK = {d: i for i, d in enumerate(DESIGNS)}


@dataclass(frozen=True)
class Quote:
    """One evidence sentence and every value read from it ('dose mg per kg = 0.5'), as the reader checks it."""

    text: str
    source: str
    values: tuple[str, ...]


@dataclass
class Cell:
    """What a table cell shows, how it sorts, and the sentences it rests on."""

    text: str
    sort: str | float = ""
    quotes: list[Quote] = field(default_factory=list)
    review: str | None = None   # 'checked by Ann (why: ...; machine: 80)' when a person checked a value here


@dataclass
class EvidenceRow:
    study_id: str
    pmid: str | None
    url: str | None
    title: str
    year: str
    intervention: str
    cells: dict[str, Cell]
    flags: list[str] = field(default_factory=list)   # 'retracted', 'no longer in PubMed'


@dataclass
class ConditionTable:
    condition: str
    label: str
    rows: list[EvidenceRow]

    @property
    def n_rcts(self) -> int:
        return sum(1 for r in self.rows if r.cells["design"].text == label("rct"))


# The study fields behind each column: a column is "checked by a person" when one of them was.
COLUMN_FIELDS = {"design": ("design",), "n": ("n_participants",),
                 "regimen": ("dose_mg_per_kg", "infusion_mg_per_kg_h", "routes"),
                 "effect": ("pain_effect", "responder_rate_pct"),
                 "relief": ("relief_duration_days", "relief_duration_text", "follow_up_days"),
                 "adverse": ("adverse_events", "negated_adverse_events")}
COLUMNS = (("design", "Design"), ("n", "N"), ("regimen", "Regimen"), ("effect", "Pain effect"),
           ("relief", "Relief lasted"), ("adverse", "Adverse events"))


def _value_label(field_name: str, value: str, text: str) -> str:
    """'routes = intravenous'; just the field when the value is the sentence itself (relief_duration_text)."""
    if not value or value in text and len(value) > 40:
        return label(field_name)
    return f"{label(field_name)} = {value}"


class QuoteIndex:
    """Evidence sentences of the findings table, looked up by (study, field)."""

    def __init__(self, findings: pd.DataFrame) -> None:
        self._by: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
        if findings.empty:
            return
        cols = ["study_id", "field", "value", "evidence_text", "evidence_source"]
        for sid, fname, value, text, source in findings[cols].itertuples(index=False, name=None):
            if is_missing(text):
                continue
            text = str(text)
            self._by[(str(sid), str(fname))].append(
                (text, as_text(source) or "abstract", _value_label(str(fname), as_text(value) or "", text)))

    def get(self, study_id: str, *fields: str) -> list[Quote]:
        """The sentences behind ``fields`` of a study, each once, with all the values read from it."""
        merged: dict[str, tuple[str, list[str]]] = {}
        for f in fields:
            for text, source, value in self._by.get((study_id, f), ()):
                _, values = merged.setdefault(text, (source, []))
                if value not in values:
                    values.append(value)
        return [Quote(text, source, tuple(values)) for text, (source, values) in merged.items()]


def _regimen(s: dict, quotes: QuoteIndex, sid: str) -> Cell:
    parts = []
    dose, rate = as_float(s.get("dose_mg_per_kg")), as_float(s.get("infusion_mg_per_kg_h"))
    if dose is not None:
        parts.append(f"{fmt_number(dose, 3)} mg/kg")
    if rate is not None:
        parts.append(f"{fmt_number(rate, 3)} mg/kg/h infusion")
    routes = split_list(s.get("routes"))
    if routes:
        parts.append(", ".join(routes))
    return Cell("; ".join(parts) or "not stated", dose if dose is not None else (rate if rate is not None else -1.0),
                quotes.get(sid, "dose_mg_per_kg", "infusion_mg_per_kg_h", "routes"))


def _relief(s: dict, quotes: QuoteIndex, sid: str) -> Cell:
    days = as_float(s.get("relief_duration_days"))
    follow = as_float(s.get("follow_up_days"))
    text = relief_text(days, follow) if days is not None else "not stated"
    if lasted_to_follow_up(days, follow):
        text += " (still present at the last follow-up)"
    elif follow is not None:
        text += f" (follow-up {days_text(follow)})"
    return Cell(text, days if days is not None else -1.0,
                quotes.get(sid, "relief_duration_days", "relief_duration_text", "follow_up_days"))


def _adverse(s: dict, quotes: QuoteIndex, sid: str) -> Cell:
    events = split_list(s.get("adverse_events"))
    negated = split_list(s.get("negated_adverse_events"))
    text = ", ".join(label(e) for e in events) or "none stated"
    if negated:
        text += "; not: " + ", ".join(label(e) for e in negated)
    return Cell(text, float(len(events)), quotes.get(sid, "adverse_events", "negated_adverse_events"))


def _effect(s: dict, quotes: QuoteIndex, sid: str) -> Cell:
    effect = as_text(s.get("pain_effect")) or "not_reported"
    text = label(effect)
    responders = as_float(s.get("responder_rate_pct"))
    if responders is not None:
        text += f"; {fmt_number(responders, 1)}% responders"
    return Cell(text, label(effect), quotes.get(sid, "pain_effect", "responder_rate_pct"))


def review_notes(reviews: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    """(study, field) -> 'checked by Ann (why: ...; machine: 80)' for every applied review."""
    notes: dict[tuple[str, str], str] = {}
    if reviews is None or reviews.empty:
        return notes
    for r in reviews.to_dict("records"):
        if r.get("applied") is False:
            continue
        why = [f"why: {t}" for t in [as_text(r.get("reason"))] if t]
        machine = as_text(r.get("machine_value"))
        if machine != as_text(r.get("value")):
            why.append(f"machine: {machine if machine is not None else 'no value'}")
        who = f"checked by {as_text(r.get('reviewer'))}" + (f" ({'; '.join(why)})" if why else "")
        notes[(str(r["study_id"]), str(r["field"]))] = f"{label(str(r['field']))} {who}"
    return notes


def _row(s: dict, quotes: QuoteIndex, notes: dict[tuple[str, str], str] | None = None) -> EvidenceRow:
    sid = str(s["study_id"])
    pmid = as_text(s.get("pmid"))
    design = as_text(s.get("design")) or "other"
    n = as_float(s.get("n_participants"))
    cells = {
        "design": Cell(label(design), float(DESIGN_RANK.get(design, len(DESIGNS))), quotes.get(sid, "design")),
        "n": Cell(fmt_number(n) if n is not None else "not stated", n if n is not None else -1.0,
                  quotes.get(sid, "n_participants")),
        "regimen": _regimen(s, quotes, sid),
        "effect": _effect(s, quotes, sid),
        "relief": _relief(s, quotes, sid),
        "adverse": _adverse(s, quotes, sid),
    }
    for key, fields in COLUMN_FIELDS.items():
        checked = [notes[(sid, f)] for f in fields if notes and (sid, f) in notes]
        cells[key].review = "; ".join(checked) or None
    year = as_float(s.get("year"))
    return EvidenceRow(study_id=sid, pmid=pmid, url=PUBMED_URL.format(pmid=pmid) if pmid else None,
                       title=as_text(s.get("title")) or "(no title)", year=fmt_number(year) if year else "",
                       intervention=as_text(s.get("intervention")) or "", cells=cells,
                       flags=[flag for col, flag in (("retracted", "retracted"), ("missing", "no longer in PubMed"),
                                                     ("changed_since_review", "changed since review"))
                              if as_bool(s.get(col))])


def included_studies(studies: pd.DataFrame) -> pd.DataFrame:
    """Studies the report's evidence rests on: included, not a duplicate."""
    if studies.empty:
        return studies
    keep = studies["included"].map(as_bool) & studies["duplicate_of"].map(is_missing)
    return studies[keep]


def evidence_tables(studies: pd.DataFrame, findings: pd.DataFrame,
                    reviews: pd.DataFrame | None = None) -> list[ConditionTable]:
    """One table per condition (guideline order, 'not stated' last); RCTs first, then newest first."""
    quotes = QuoteIndex(findings)
    notes = review_notes(reviews)
    groups: dict[str, list[EvidenceRow]] = defaultdict(list)
    for s in included_studies(studies).to_dict("records"):
        row = _row(s, quotes, notes)
        for condition in split_list(s.get("conditions")) or [NO_CONDITION]:
            groups[condition].append(row)
    order = {c: i for i, c in enumerate(CONDITIONS)}
    tables = []
    for condition in sorted(groups, key=lambda c: (order.get(c, len(order) + (c == NO_CONDITION)), c)):
        rows = sorted(groups[condition], key=lambda r: (r.cells["design"].sort, -(float(r.year or 0))))
        tables.append(ConditionTable(condition, "condition not stated" if condition == NO_CONDITION else label(condition),
                                     rows))
    return tables
