"""Tables of the evidence: pure functions from extracted studies to pandas DataFrames.

``studies`` (one row per record: study or duplicate), ``findings`` (one row per extracted value,
each with its evidence sentence and offsets into ``Article.text``) and ``adverse_events`` (study x
event). Column names and dtypes are the contract in ``SCHEMAS``; ``coerce`` applies it, so tables
built here and tables read back from CSV are identical.

Deduplication (``assign_studies``): records are grouped by PMID (a PMC article without a PMID joins the
citation that lists its PMCID; otherwise it stands alone under its PMCID).
A group's primary record is the PubMed citation if there is one (its abstract is what the
guideline's annotators read), else the first PMC article; ``study_id`` is the PMID. The other
records of the group become rows of their own, with ``study_id`` = their record key and
``duplicate_of`` = the primary's ``study_id``; they are not extracted and are excluded as
'duplicate' (the report's PRISMA flow counts them). ``has_fulltext`` marks a study whose group
holds a PMC article; its ``pmcid`` comes from that article when the citation lacks one.

List columns of ``studies`` (``conditions``, ``routes``, ``authors``...) are ';'-joined, null when empty.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ketamine_evidence.analysis.records import Article, Finding, StudyRecord
from ketamine_evidence.analysis.extract.screening import screen
from ketamine_evidence.analysis.parse.xml_text import clean_title

STRING, INT, FLOAT, BOOL = "string", "Int64", "float64", "boolean"

STUDY_COLUMNS: dict[str, str] = {
    "study_id": STRING, "pmid": STRING, "pmcid": STRING, "doi": STRING, "title": STRING, "journal": STRING,
    "year": INT, "authors": STRING, "publication_types": STRING, "mesh_terms": STRING, "language": STRING,
    "author_names": STRING, "journal_abbrev": STRING, "volume": STRING, "issue": STRING, "pages": STRING,
    "issn": STRING, "abstract": STRING,
    "source_format": STRING, "has_fulltext": BOOL, "retracted": BOOL, "missing": BOOL,
    "first_seen": STRING, "last_changed": STRING, "version": INT, "first_run": INT, "last_changed_run": INT,
    "intervention": STRING, "relevant": BOOL, "design": STRING, "conditions": STRING,
    "primary_condition": STRING, "routes": STRING, "n_participants": INT, "dose_mg_per_kg": FLOAT,
    "infusion_mg_per_kg_h": FLOAT, "relief_duration_days": FLOAT, "relief_duration_text": STRING,
    "follow_up_days": FLOAT, "pain_effect": STRING, "responder_rate_pct": FLOAT, "adverse_events": STRING,
    "negated_adverse_events": STRING, "duplicate_of": STRING, "included": BOOL, "exclusion_reason": STRING,
}
FINDING_COLUMNS: dict[str, str] = {
    "study_id": STRING, "pmid": STRING, "intervention": STRING, "field": STRING, "value": STRING,
    "value_num": FLOAT, "unit": STRING, "arm": STRING, "timepoint": STRING, "detail": STRING,
    "evidence_text": STRING, "evidence_start": INT, "evidence_end": INT, "evidence_source": STRING,
    "extractor": STRING, "extractor_version": STRING,
}
ADVERSE_EVENT_COLUMNS: dict[str, str] = {
    "study_id": STRING, "pmid": STRING, "intervention": STRING, "event": STRING, "negated": BOOL,
    "count": INT, "percent": FLOAT, "n": INT, "arm": STRING, "evidence_text": STRING,
    "evidence_start": INT, "evidence_end": INT,
}
SCHEMAS = {"studies": STUDY_COLUMNS, "findings": FINDING_COLUMNS, "adverse_events": ADVERSE_EVENT_COLUMNS}

# Unit of a finding's numeric value, by field (a finding's ``detail["unit"]`` wins).
UNITS = {
    "n_participants": "participants", "relief_duration_days": "days", "follow_up_days": "days",
    "dose_mg_per_kg": "mg/kg", "infusion_mg_per_kg_h": "mg/kg/h", "responder_rate_pct": "%",
    "dose_mg": "mg", "infusion_hours": "h", "treatment_days": "days", "n_infusions": "infusions",
}
# Where a finding's numeric value lives in ``detail`` when ``value`` itself is not a number.
_DETAIL_NUMBER = {"pain_score": "mean", "pain_score_change": "change"}


@dataclass(frozen=True, slots=True)
class Provenance:
    """The store's bookkeeping for one record (all None/False when read from files)."""

    first_seen: str | None = None
    last_changed: str | None = None
    version: int | None = None
    first_run: int | None = None
    last_changed_run: int | None = None
    missing: bool = False
    retracted: bool = False


@dataclass(slots=True)
class Entry:
    """One parsed record on its way to the tables; ``record``/``findings`` stay None for duplicates."""

    article: Article
    provenance: Provenance = field(default_factory=Provenance)
    study_id: str = ""
    duplicate_of: str | None = None
    has_fulltext: bool = False
    pmcid: str | None = None
    record: StudyRecord | None = None
    findings: list[Finding] | None = None
    mentions_intervention: bool = True


@dataclass(frozen=True)
class Tables:
    studies: pd.DataFrame
    findings: pd.DataFrame
    adverse_events: pd.DataFrame


def assign_studies(entries: Sequence[Entry]) -> list[Entry]:
    """Set ``study_id``, ``duplicate_of``, ``has_fulltext`` and ``pmcid`` on every entry (see module doc)."""
    # a PMC article without a PMID joins the citation that lists its PMCID
    by_pmcid = {e.article.pmcid: e.article.pmid for e in entries
                if e.article.source_format != "pmc" and e.article.pmid and e.article.pmcid}
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        a = e.article
        key = a.pmid or by_pmcid.get(a.pmcid) or a.pmcid or a.key
        groups.setdefault(key, []).append(e)
    for group_key, group in groups.items():
        primary = next((e for e in group if e.article.source_format != "pmc"), group[0])
        pmc = next((e for e in group if e.article.source_format == "pmc"), None)
        primary.study_id = group_key
        primary.duplicate_of = None
        primary.has_fulltext = pmc is not None and bool(pmc.article.fulltext) or bool(primary.article.fulltext)
        primary.pmcid = primary.article.pmcid or (pmc.article.pmcid if pmc else None)
        for e in group:
            if e is primary:
                continue
            e.study_id = e.article.pmcid if e.article.source_format == "pmc" and e.article.pmcid else (
                f"{group_key}#{group.index(e)}")
            e.duplicate_of = primary.study_id
            e.has_fulltext = bool(e.article.fulltext)
            e.pmcid = e.article.pmcid
    return list(entries)


def coerce(df: pd.DataFrame, schema: dict[str, str]) -> pd.DataFrame:
    """Exactly the schema's columns, in order, with its dtypes (missing columns become nulls)."""
    out = pd.DataFrame(index=df.index)
    for col, dtype in schema.items():
        values = df[col] if col in df.columns else pd.Series([None] * len(df), index=df.index, dtype="object")
        if dtype == BOOL and values.dtype == object:
            values = values.map(_to_bool)
        out[col] = values.astype(dtype)
    return out.reset_index(drop=True)


def _to_bool(value: Any) -> Any:
    if isinstance(value, str):
        low = value.strip().lower()
        return {"true": True, "false": False, "1": True, "0": False}.get(low, pd.NA)
    return value if value is not None and not (isinstance(value, float) and math.isnan(value)) else pd.NA


def _join(values: Iterable[str]) -> str | None:
    items = [v for v in values if v]
    return ";".join(items) if items else None


def primary_condition(record: StudyRecord, findings: Sequence[Finding]) -> str | None:
    """The condition stated first in the text (title before abstract); list order breaks ties."""
    if not record.conditions:
        return None
    first: dict[str, int] = {}
    for f in findings:
        if f.field == "conditions" and f.evidence is not None and f.evidence.start is not None:
            first[f.value] = min(first.get(f.value, f.evidence.start), f.evidence.start)
    order = {c: i for i, c in enumerate(record.conditions)}
    return min(record.conditions, key=lambda c: (first.get(c, math.inf), order[c]))


def _studied_for_pain(rec: StudyRecord | None, findings: Sequence[Finding]) -> bool | None:
    """Is the chosen intervention studied for pain in humans? (``intervention_relevant``; for
    ketamine the same answer as the guideline's ``relevant``, which stays the ketamine question)."""
    for f in findings:
        if f.field == "intervention_relevant":
            return bool(f.value)
    return rec.relevant if rec else None


def abstract_text(article: Article) -> str | None:
    """The abstract as one text, each labelled part as ``LABEL: text`` (for exports)."""
    parts = [f"{sec.label}: {sec.text}" if sec.label else sec.text for sec in article.abstract]
    return " ".join(parts) or None


def study_row(entry: Entry, intervention: str) -> dict[str, Any]:
    """One ``studies`` row."""
    a, p, rec = entry.article, entry.provenance, entry.record
    findings = entry.findings or []
    retracted = a.retracted or p.retracted
    decision = screen(retracted=retracted, missing=p.missing, duplicate_of=entry.duplicate_of,
                      relevant=_studied_for_pain(rec, findings), design=rec.design if rec else None,
                      findings=findings, intervention=intervention,
                      mentions_intervention=entry.mentions_intervention)
    row: dict[str, Any] = {
        "study_id": entry.study_id or a.key, "pmid": a.pmid, "pmcid": entry.pmcid or a.pmcid, "doi": a.doi,
        "title": clean_title(a.title) or None, "journal": a.journal, "year": a.year, "authors": _join(a.authors),
        "author_names": _join(a.author_names), "journal_abbrev": a.journal_abbrev, "volume": a.volume,
        "issue": a.issue, "pages": a.pages, "issn": a.issn, "abstract": abstract_text(a),
        "publication_types": _join(a.publication_types), "mesh_terms": _join(a.mesh_terms),
        "language": a.language, "source_format": a.source_format, "has_fulltext": entry.has_fulltext,
        "retracted": retracted, "missing": p.missing, "first_seen": p.first_seen,
        "last_changed": p.last_changed, "version": p.version, "first_run": p.first_run,
        "last_changed_run": p.last_changed_run, "intervention": intervention,
        "duplicate_of": entry.duplicate_of, "included": decision.included,
        "exclusion_reason": decision.reason,
    }
    if rec is not None:
        row.update({
            "relevant": rec.relevant, "design": rec.design, "conditions": _join(rec.conditions),
            "primary_condition": primary_condition(rec, findings), "routes": _join(rec.routes),
            "n_participants": rec.n_participants, "dose_mg_per_kg": rec.dose_mg_per_kg,
            "infusion_mg_per_kg_h": rec.infusion_mg_per_kg_h,
            "relief_duration_days": rec.relief_duration_days, "relief_duration_text": rec.relief_duration_text,
            "follow_up_days": rec.follow_up_days, "pain_effect": rec.pain_effect,
            "responder_rate_pct": rec.responder_rate_pct, "adverse_events": _join(rec.adverse_events),
            "negated_adverse_events": _join(rec.negated_adverse_events),
        })
    return row


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return None


def _value_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def finding_row(entry: Entry, f: Finding) -> dict[str, Any]:
    """One ``findings`` row."""
    detail = f.detail or {}
    num = _number(f.value)
    if num is None and f.field in _DETAIL_NUMBER:
        num = _number(detail.get(_DETAIL_NUMBER[f.field]))
    unit = detail.get("unit") or detail.get("scale") or UNITS.get(f.field)
    ev = f.evidence
    return {
        "study_id": entry.study_id, "pmid": entry.article.pmid, "intervention": f.intervention,
        "field": f.field, "value": _value_text(f.value), "value_num": num, "unit": unit,
        "arm": _value_text(detail.get("arm")), "timepoint": _value_text(detail.get("timepoint")),
        "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str) if detail else None,
        "evidence_text": ev.text if ev else None, "evidence_start": ev.start if ev else None,
        "evidence_end": ev.end if ev else None, "evidence_source": ev.source if ev else None,
        "extractor": ev.extractor if ev else None, "extractor_version": ev.version if ev else None,
    }


def _int(value: Any) -> int | None:
    num = _number(value)
    return int(num) if num is not None and num.is_integer() else None


def adverse_event_row(entry: Entry, f: Finding) -> dict[str, Any]:
    """One ``adverse_events`` row from an ``adverse_events``/``negated_adverse_events`` finding."""
    detail = f.detail or {}
    ev = f.evidence
    return {
        "study_id": entry.study_id, "pmid": entry.article.pmid, "intervention": f.intervention,
        "event": f.value, "negated": f.field == "negated_adverse_events",
        "count": _int(detail.get("count")), "percent": _number(detail.get("percent")),
        "n": _int(detail.get("n")), "arm": _value_text(detail.get("arm")),
        "evidence_text": ev.text if ev else None, "evidence_start": ev.start if ev else None,
        "evidence_end": ev.end if ev else None,
    }


def build_tables(entries: Sequence[Entry], intervention: str) -> Tables:
    """The three tables from entries that went through ``assign_studies`` and extraction."""
    studies, findings, events = [], [], []
    for e in entries:
        studies.append(study_row(e, intervention))
        for f in e.findings or []:
            findings.append(finding_row(e, f))
            if f.field in ("adverse_events", "negated_adverse_events"):
                events.append(adverse_event_row(e, f))
    return Tables(
        studies=coerce(pd.DataFrame(studies, columns=list(STUDY_COLUMNS)), STUDY_COLUMNS),
        findings=coerce(pd.DataFrame(findings, columns=list(FINDING_COLUMNS)), FINDING_COLUMNS),
        adverse_events=coerce(pd.DataFrame(events, columns=list(ADVERSE_EVENT_COLUMNS)), ADVERSE_EVENT_COLUMNS),
    )
