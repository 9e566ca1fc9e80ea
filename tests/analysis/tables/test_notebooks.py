"""The notebook helpers on small inline tables (made-up rows in the tables contract's columns)."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from ketamine_evidence.analysis.synthesis.effect_sizes import effect_table, pool_by_condition
from ketamine_evidence.analysis.tables.notebooks import (
    adverse_event_evidence,
    adverse_event_summary,
    corpus_summary,
    count_values,
    exclusion_reasons,
    plot_forest,
    plot_relief,
    relief_summary,
    relief_table,
    select_studies,
    studies_per_year,
    tables_for_notebook,
)
from ketamine_evidence.analysis.tables.frames import ADVERSE_EVENT_COLUMNS, FINDING_COLUMNS, STUDY_COLUMNS, Tables, coerce
from ketamine_evidence.analysis.tables.io import write_tables
from ketamine_evidence.base.errors import InputError


def _study(sid, *, included=True, conditions="crps", design="rct", relief=None, year=2015, **kw):
    row = {"study_id": sid, "pmid": sid, "title": f"Trial {sid}", "year": year, "authors": f"Author{sid} A",
           "included": included, "duplicate_of": None, "has_fulltext": True, "retracted": False,
           "exclusion_reason": None if included else "ketamine not studied for pain",
           "intervention": "ketamine", "design": design, "conditions": conditions,
           "primary_condition": conditions.split(";")[0] if conditions else None, "routes": "intravenous;oral",
           "relief_duration_days": relief}
    row.update(kw)
    return row


def small_tables() -> Tables:
    """Six records (three included, two RCTs with pain scores per arm) in the contract's dtypes."""
    studies = pd.DataFrame([
        _study("1", relief=90.0, relief_duration_text="up to 3 months"),
        _study("2", relief=7.0, conditions="crps;neuropathic"),
        _study("3", relief=0.0, conditions="postoperative_acute", design="non_randomised_trial", year=2020),
        _study("4", included=False, relief=30.0),
        _study("5", included=False, retracted=True, exclusion_reason="retracted"),
        _study("6", included=False, duplicate_of="1", exclusion_reason="duplicate"),
    ])
    findings = pd.DataFrame([
        {"study_id": "1", "field": "relief_duration_days", "value": "90", "evidence_text": "Relief lasted up to 3 months."},
        {"study_id": "2", "field": "relief_duration_days", "value": "7", "evidence_text": "Relief for one week."},
        *[{"study_id": sid, "field": "pain_score", "intervention": "ketamine", "arm": arm,
           "detail": f'{{"arm": "{arm}", "mean": {m}, "sd": 1.5, "n": 20}}', "evidence_text": f"scores {sid}",
           "evidence_start": 5} for sid, arm, m in
          (("1", "ketamine", 3.0), ("1", "placebo", 5.0), ("2", "ketamine", 4.0), ("2", "placebo", 4.5))],
    ])
    events = pd.DataFrame([
        {"study_id": "1", "event": "nausea", "negated": False, "count": 4, "n": 20, "arm": "ketamine",
         "evidence_text": "Nausea in 4 of 20."},
        {"study_id": "2", "event": "nausea", "negated": False, "count": 1, "n": 10, "arm": "ketamine",
         "evidence_text": "One patient had nausea."},
        {"study_id": "3", "event": "nausea", "negated": False, "count": None, "n": None, "arm": None,
         "evidence_text": "Nausea was common."},
        {"study_id": "3", "event": "hallucinations", "negated": True, "count": None, "n": None, "arm": None,
         "evidence_text": "No hallucinations occurred."},
        {"study_id": "4", "event": "dizziness", "negated": False, "count": 3, "n": 9, "arm": None,
         "evidence_text": "excluded study"},
    ])
    return Tables(coerce(studies, STUDY_COLUMNS), coerce(findings, FINDING_COLUMNS),
                  coerce(events, ADVERSE_EVENT_COLUMNS))


@pytest.fixture
def tables() -> Tables:
    return small_tables()


def test_select_studies(tables):
    assert list(select_studies(tables.studies)["study_id"]) == ["1", "2", "3"]
    assert list(select_studies(tables.studies, condition="neuropathic")["study_id"]) == ["2"]
    assert list(select_studies(tables.studies, condition="crps", included_only=False)["study_id"]) == ["1", "2", "4", "5", "6"]
    assert select_studies(tables.studies, intervention="lidocaine").empty
    assert list(select_studies(tables.studies, intervention="esketamine")["study_id"]) == ["1", "2", "3"]
    assert select_studies(tables.studies, condition="fibromyalgia").columns.equals(tables.studies.columns)


def test_corpus_counts(tables):
    summary = dict(corpus_summary(tables.studies).itertuples(index=False))
    assert summary == {"records": 6, "duplicates": 1, "excluded": 3, "included": 3,
                       "included with full text": 3, "retracted": 1}
    reasons = dict(exclusion_reasons(tables.studies).itertuples(index=False))
    assert reasons == {"ketamine not studied for pain": 1, "retracted": 1, "duplicate": 1}
    included = select_studies(tables.studies)
    assert dict(count_values(included, "conditions").itertuples(index=False)) == {
        "crps": 2, "neuropathic": 1, "postoperative_acute": 1}
    assert dict(count_values(included, "routes").itertuples(index=False)) == {"intravenous": 3, "oral": 3}
    assert dict(studies_per_year(included).itertuples(index=False)) == {2015: 2, 2020: 1}


def test_relief(tables):
    included = select_studies(tables.studies)
    relief = relief_table(included, tables.findings)
    assert list(relief["study_id"]) == ["1", "2", "3"]  # longest first; study 4 is excluded
    assert relief.loc[0, "evidence_text"] == "Relief lasted up to 3 months."
    assert pd.isna(relief.loc[2, "evidence_text"])
    summary = relief_summary(relief).set_index("condition")
    assert summary.loc["crps", "studies"] == 2 and summary.loc["crps", "median_days"] == pytest.approx(48.5)
    assert summary.loc["crps", "lasting_2_weeks_or_more"] == 1
    assert summary.loc["postoperative_acute", "max_days"] == 0
    assert isinstance(plot_relief(relief), Figure)
    assert isinstance(plot_relief(relief.iloc[0:0]), Figure)
    assert relief_summary(relief.iloc[0:0]).empty


def test_adverse_event_summary(tables):
    included = select_studies(tables.studies)
    summary = adverse_event_summary(included, tables.adverse_events).set_index("event")
    assert list(summary.index) == ["nausea", "hallucinations"]  # dizziness: excluded study only
    assert summary.loc["nausea", "studies_reporting"] == 3
    assert summary.loc["nausea", "events"] == 5 and summary.loc["nausea", "patients"] == 30
    assert summary.loc["nausea", "percent"] == pytest.approx(100 * 5 / 30)
    assert summary.loc["hallucinations", "studies_negating"] == 1
    assert summary.loc["hallucinations", "studies_reporting"] == 0
    assert pd.isna(summary.loc["hallucinations", "percent"])
    rows = adverse_event_evidence(included, tables.adverse_events, "nausea")
    assert list(rows["evidence_text"]) == ["Nausea in 4 of 20.", "One patient had nausea.", "Nausea was common."]


def test_forest_plot(tables):
    effects = effect_table(tables.findings, tables.studies)
    pooled = pool_by_condition(effects)
    assert len(pooled) == 1
    fig = plot_forest(effects, pooled.iloc[0])
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Author1 2015", "Author2 2015", "pooled", "prediction interval"]


def test_tables_for_notebook(tables, tmp_path, home):
    write_tables(tables, tmp_path / "t")
    loaded = tables_for_notebook(tmp_path / "t")
    assert list(loaded.studies["study_id"]) == list(tables.studies["study_id"])
    with pytest.raises(InputError, match="no tables"):
        tables_for_notebook(tmp_path / "nowhere")
    with pytest.raises(InputError, match="no tables"):
        tables_for_notebook(None, build_if_missing=False)
    write_tables(tables, home / "data" / "processed")
    assert len(tables_for_notebook().studies) == 6  # the default folder, under the data home
