"""Tables: contract columns and dtypes, one row per study, evidence offsets, Parquet/CSV round trip."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from ketamine_evidence.analysis import Tables, load_tables
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.parse import iter_input, parse_file
from ketamine_evidence.analysis.records import Evidence, Finding, StudyRecord
from ketamine_evidence.analysis.extract.screening import screen
from ketamine_evidence.analysis.tables.frames import Entry, Provenance, assign_studies, build_tables, primary_condition
from ketamine_evidence.analysis.tables.io import write_tables
from ketamine_evidence.analysis.tables.build import extract_entries
from ketamine_evidence.base.errors import InputError
from tests.conftest import PMC_KETAMINE, PUBMED_XML

# The contract, spelled out here so a drift in ketamine_evidence.analysis.tables.frames fails this test.
STUDIES = """study_id pmid pmcid doi title journal year authors publication_types mesh_terms language
author_names journal_abbrev volume issue pages issn abstract
source_format has_fulltext retracted missing first_seen last_changed version first_run last_changed_run
intervention relevant design conditions primary_condition routes n_participants dose_mg_per_kg
infusion_mg_per_kg_h relief_duration_days relief_duration_text follow_up_days pain_effect responder_rate_pct
adverse_events negated_adverse_events duplicate_of included exclusion_reason""".split()
FINDINGS = """study_id pmid intervention field value value_num unit arm timepoint detail evidence_text
evidence_start evidence_end evidence_source extractor extractor_version""".split()
EVENTS = """study_id pmid intervention event negated count percent n arm evidence_text evidence_start
evidence_end""".split()
INTS = {"year", "version", "first_run", "last_changed_run", "n_participants", "evidence_start", "evidence_end",
        "count", "n"}
FLOATS = {"dose_mg_per_kg", "infusion_mg_per_kg_h", "relief_duration_days", "follow_up_days",
          "responder_rate_pct", "value_num", "percent"}
BOOLS = {"has_fulltext", "retracted", "missing", "relevant", "included", "negated"}


@pytest.fixture(scope="module")
def built() -> tuple[list[Entry], Tables]:
    ketamine = resolve_intervention("ketamine")
    pmc = list(iter_input(PMC_KETAMINE))
    pubmed = list(parse_file(PUBMED_XML / "biopython_pubmed2.xml"))
    # The rule under test: a PubMed citation and a PMC article with the same PMID are one study.
    citation = dataclasses.replace(pubmed[0], pmid=pmc[2].pmid, pmcid=None)
    entries = [Entry(a) for a in pmc] + [Entry(citation), Entry(pubmed[1])]
    entries = extract_entries(entries, ketamine, progress=False)
    return entries, build_tables(entries, "ketamine")


def _expect_dtype(col: str) -> str:
    return "Int64" if col in INTS else "float64" if col in FLOATS else "boolean" if col in BOOLS else "string"


@pytest.mark.parametrize("name,columns", [("studies", STUDIES), ("findings", FINDINGS), ("adverse_events", EVENTS)])
def test_columns_and_dtypes_follow_the_contract(built, name: str, columns: list[str]) -> None:
    df: pd.DataFrame = getattr(built[1], name)
    assert list(df.columns) == columns
    for col in columns:
        assert str(df[col].dtype) == _expect_dtype(col), col


def test_one_row_per_record_and_dedupe(built) -> None:
    entries, tables = built
    s = tables.studies
    assert len(s) == len(entries) == 31
    assert s["study_id"].is_unique
    dup = s[s["duplicate_of"].notna()]
    assert len(dup) == 1
    (row,) = dup.itertuples()
    assert row.source_format == "pmc" and row.study_id == row.pmcid
    assert not row.included and row.exclusion_reason == "duplicate"
    primary = s[s["study_id"] == row.duplicate_of].iloc[0]
    assert primary["source_format"] == "pubmed" and primary["has_fulltext"]
    assert primary["pmcid"] == row.pmcid  # the citation inherits its PMC article's id
    assert pd.isna(row.relevant)  # duplicates are not extracted
    assert not (tables.findings["study_id"] == row.study_id).any()
    assert not s.loc[s["study_id"] == "11700088", "has_fulltext"].item()


def test_findings_evidence_offsets_slice_article_text(built) -> None:
    entries, tables = built
    texts = {e.study_id: e.article.text for e in entries}
    f = tables.findings
    assert len(f) > 0
    checked = 0
    for row in f[f["evidence_source"].isin(["title", "abstract"])].itertuples():
        if pd.isna(row.evidence_start):
            continue
        assert texts[row.study_id][row.evidence_start:row.evidence_end] == row.evidence_text
        checked += 1
    assert checked > 0


def test_screening_reasons_fill_exclusions(built) -> None:
    s = built[1].studies
    assert (s["included"] == s["exclusion_reason"].isna()).all()
    assert s.loc[s["study_id"] == "11700088", "exclusion_reason"].item() == "not about ketamine"


def test_round_trip_parquet_and_csv(built, tmp_path: Path) -> None:
    tables = built[1]
    write_tables(tables, tmp_path / "pq")
    back = load_tables(tmp_path / "pq")
    for name in ("studies", "findings", "adverse_events"):
        pd.testing.assert_frame_equal(getattr(back, name), getattr(tables, name))
    write_tables(tables, tmp_path / "csv")
    for p in (tmp_path / "csv").glob("*.parquet"):
        p.unlink()
    back = load_tables(tmp_path / "csv")
    for name in ("studies", "findings", "adverse_events"):
        pd.testing.assert_frame_equal(getattr(back, name), getattr(tables, name))


def test_load_tables_without_tables_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no studies table"):
        load_tables(tmp_path)


def _ev(start: int) -> Evidence:
    return Evidence("x", start, start + 1, "conditions", "1")


def test_adverse_event_rows_and_units() -> None:
    article = next(iter(parse_file(PUBMED_XML / "biopython_pubmed7.xml")))
    entry = Entry(article, Provenance(version=2, missing=False))
    entry.study_id = article.pmid
    entry.record = StudyRecord(pmid=article.pmid, pmcid=None, relevant=True, adverse_events=["nausea"],
                               negated_adverse_events=["hallucinations"], dose_mg_per_kg=0.5)
    entry.findings = [
        Finding("adverse_events", "nausea", _ev(3), detail={"count": 4, "percent": 20.0, "n": 20, "arm": "ketamine"}),
        Finding("negated_adverse_events", "hallucinations", _ev(5)),
        Finding("dose_mg_per_kg", 0.5, _ev(7)),
        Finding("pain_score", "3.1", _ev(9), detail={"mean": 3.1, "scale": "0-10", "arm": "ketamine", "timepoint": "24 h"}),
    ]
    t = build_tables([entry], "ketamine")
    ae = t.adverse_events
    assert ae["event"].tolist() == ["nausea", "hallucinations"]
    assert ae["negated"].tolist() == [False, True]
    assert ae["count"].tolist()[0] == 4 and ae["percent"].tolist()[0] == 20.0 and ae["n"].tolist()[0] == 20
    f = t.findings.set_index("field")
    assert f.loc["dose_mg_per_kg", "unit"] == "mg/kg" and f.loc["dose_mg_per_kg", "value_num"] == 0.5
    assert f.loc["pain_score", "value_num"] == 3.1 and f.loc["pain_score", "unit"] == "0-10"
    assert f.loc["pain_score", "timepoint"] == "24 h"
    row = t.studies.iloc[0]
    assert row["included"] and row["version"] == 2 and row["adverse_events"] == "nausea"


def test_primary_condition_is_the_first_stated() -> None:
    record = StudyRecord(pmid="1", pmcid=None, conditions=["neuropathic", "crps"])
    findings = [Finding("conditions", "neuropathic", _ev(50)), Finding("conditions", "crps", _ev(2))]
    assert primary_condition(record, findings) == "crps"
    assert primary_condition(StudyRecord(pmid="1", pmcid=None), []) is None


@pytest.mark.parametrize("kwargs,expected", [
    (dict(retracted=True, missing=True, duplicate_of="1", relevant=True), (False, "retracted")),
    (dict(missing=True, duplicate_of="1", relevant=True), (False, "withdrawn from PubMed")),
    (dict(duplicate_of="1", relevant=True), (False, "duplicate")),
    (dict(relevant=True), (True, None)),
    (dict(relevant=False, design="animal"), (False, "animal study")),
    (dict(relevant=False, mentions_intervention=False), (False, "not about ketamine")),
    (dict(relevant=False), (False, "ketamine not studied for pain")),
])
def test_screening_order(kwargs: dict, expected: tuple) -> None:
    args = dict(retracted=False, missing=False, duplicate_of=None, relevant=None, design=None, findings=[],
                intervention="ketamine", mentions_intervention=True)
    args.update(kwargs)
    d = screen(**args)
    assert (d.included, d.reason) == expected


def test_assign_studies_two_pmc_copies() -> None:
    (a,) = list(parse_file(PMC_KETAMINE / "PMC3172326.nxml"))
    entries = assign_studies([Entry(a), Entry(dataclasses.replace(a))])
    assert entries[0].study_id == a.pmid and entries[0].duplicate_of is None and entries[0].has_fulltext
    assert entries[1].duplicate_of == a.pmid and entries[1].study_id != entries[0].study_id


def test_assign_studies_links_pmc_without_pmid_through_the_citations_pmcid() -> None:
    (a,) = list(parse_file(PMC_KETAMINE / "PMC3172326.nxml"))
    citation = next(iter(parse_file(PUBMED_XML / "biopython_pubmed7.xml")))
    citation = dataclasses.replace(citation, pmcid=a.pmcid)
    orphan = dataclasses.replace(a, pmid=None)
    pmc_entry, cit_entry = assign_studies([Entry(orphan), Entry(citation)])
    assert cit_entry.study_id == citation.pmid and cit_entry.has_fulltext
    assert pmc_entry.duplicate_of == citation.pmid and pmc_entry.study_id == a.pmcid
