"""Small tables with exactly the contract's columns, for testing the report's rules on inline values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

STUDY_COLUMNS = [
    "study_id", "pmid", "pmcid", "doi", "title", "journal", "year", "authors", "publication_types", "mesh_terms",
    "language", "source_format", "has_fulltext", "retracted", "missing", "first_seen", "last_changed", "version",
    "first_run", "last_changed_run", "intervention", "relevant", "design", "conditions", "primary_condition", "routes",
    "n_participants", "dose_mg_per_kg", "infusion_mg_per_kg_h", "relief_duration_days", "relief_duration_text",
    "follow_up_days", "pain_effect", "responder_rate_pct", "adverse_events", "negated_adverse_events",
    "duplicate_of", "included", "exclusion_reason",
]
FINDING_COLUMNS = [
    "study_id", "pmid", "intervention", "field", "value", "value_num", "unit", "arm", "timepoint", "detail",
    "evidence_text", "evidence_start", "evidence_end", "evidence_source", "extractor", "extractor_version",
]
AE_COLUMNS = [
    "study_id", "pmid", "intervention", "event", "negated", "count", "percent", "n", "arm", "evidence_text",
    "evidence_start", "evidence_end",
]
STUDY_DEFAULTS: dict[str, Any] = {
    "intervention": "ketamine", "relevant": True, "design": "rct", "conditions": "", "routes": "",
    "pain_effect": "not_reported", "adverse_events": "", "negated_adverse_events": "", "duplicate_of": None,
    "included": True, "exclusion_reason": None, "retracted": False, "missing": False, "source_format": "pmc",
}


@dataclass
class FakeTables:
    studies: pd.DataFrame
    findings: pd.DataFrame
    adverse_events: pd.DataFrame


def make_tables(studies: list[dict], findings: list[dict] = (), adverse_events: list[dict] = ()) -> FakeTables:
    """Tables from partial rows: unspecified study columns take neutral defaults, others are null."""
    srows = [{c: s.get(c, STUDY_DEFAULTS.get(c)) for c in STUDY_COLUMNS} for s in studies]
    frows = []
    for f in findings:
        row = {c: f.get(c) for c in FINDING_COLUMNS}
        row["intervention"] = row["intervention"] or "ketamine"
        if isinstance(row["detail"], dict):
            row["detail"] = json.dumps(row["detail"])
        frows.append(row)
    arows = [{c: a.get(c) for c in AE_COLUMNS} for a in adverse_events]
    return FakeTables(pd.DataFrame(srows, columns=STUDY_COLUMNS), pd.DataFrame(frows, columns=FINDING_COLUMNS),
                      pd.DataFrame(arows, columns=AE_COLUMNS))


@pytest.fixture
def small_tables() -> FakeTables:
    return build_small_tables()


def build_small_tables() -> FakeTables:
    """Five studies covering the flow: two RCTs in CRPS, one observational, one excluded, one duplicate."""
    return make_tables(
        studies=[
            {"study_id": "s1", "title": "Trial one", "year": 2010, "design": "rct", "conditions": "crps",
             "routes": "intravenous", "n_participants": 60, "infusion_mg_per_kg_h": 0.35, "pain_effect": "improved",
             "relief_duration_days": 84, "relief_duration_text": "12 weeks", "adverse_events": "nausea;hallucinations"},
            {"study_id": "s2", "title": "Trial two", "year": 2012, "design": "rct", "conditions": "crps;neuropathic",
             "n_participants": 40, "pain_effect": "no_difference", "relief_duration_days": 0,
             "negated_adverse_events": "serious_adverse_events"},
            {"study_id": "s3", "title": "Cohort", "year": 2015, "design": "retrospective_observational",
             "conditions": "neuropathic", "n_participants": 200, "pain_effect": "improved",
             "relief_duration_days": 1, "adverse_events": "nausea"},
            {"study_id": "s4", "title": "Depression trial", "design": "rct", "included": False, "relevant": False,
             "exclusion_reason": "not pain"},
            {"study_id": "s5", "title": "Trial one again", "design": "rct", "conditions": "crps", "included": False,
             "duplicate_of": "s1", "exclusion_reason": "duplicate"},
        ],
        findings=[
            {"study_id": "s1", "field": "n_participants", "value": "60", "value_num": 60.0,
             "evidence_text": "Sixty patients were randomised.", "evidence_source": "abstract"},
            {"study_id": "s1", "field": "adverse_events", "value": "nausea",
             "evidence_text": "Nausea occurred in 6 of 30 patients.", "evidence_source": "abstract"},
        ],
        adverse_events=[
            {"study_id": "s1", "event": "nausea", "negated": False, "count": 6, "n": 30, "arm": "ketamine"},
            {"study_id": "s1", "event": "nausea", "negated": False, "count": 2, "n": 30, "arm": "placebo"},
            {"study_id": "s3", "event": "nausea", "negated": False, "count": 20, "n": 200, "arm": None},
        ],
    )


SNAPSHOT_PMC = Path(__file__).resolve().parents[3] / "data" / "snapshot" / "pmc"
XSS_TITLE = "<script>alert(1)</script> probe title"
XSS_EVIDENCE = '<img src=x onerror="alert(2)"> probe sentence'


@pytest.fixture(scope="session")
def snapshot_tables(tmp_path_factory: pytest.TempPathFactory):
    """The real tables of the bundled PMC snapshot, written once per session by `ketamine-evidence extract`."""
    from ketamine_evidence.analysis import load_tables
    from ketamine_evidence.cli import main

    out = tmp_path_factory.mktemp("tables")
    assert main(["extract", "--input", str(SNAPSHOT_PMC), "--out", str(out), "--no-progress"]) == 0
    return load_tables(out)


def with_xss_probe(tables):
    """A copy of ``tables`` whose first study is included, carries a script in its title and an
    ``<img onerror>`` in one evidence sentence, so both reach the evidence table."""
    studies = tables.studies.copy()
    findings = tables.findings.copy()
    first = studies.index[0]
    sid = studies.at[first, "study_id"]
    studies.at[first, "title"] = XSS_TITLE
    studies.at[first, "included"] = True
    studies.at[first, "duplicate_of"] = None
    if pd.isna(studies.at[first, "conditions"]):
        studies.at[first, "conditions"] = "other"
    studies.at[first, "n_participants"] = 12
    probe = {c: None for c in findings.columns}
    probe.update(study_id=sid, pmid=studies.at[first, "pmid"], intervention="ketamine", field="n_participants",
                 value="12", value_num=12.0, evidence_text=XSS_EVIDENCE, evidence_source="abstract")
    findings = pd.concat([findings, pd.DataFrame([probe], columns=findings.columns)], ignore_index=True)
    return FakeTables(studies, findings, tables.adverse_events.copy())
