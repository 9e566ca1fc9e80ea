"""Decision values read as the tables write them; a person's value applied with the machine's kept beside it."""

from __future__ import annotations

import pandas as pd
import pytest

from ketamine_evidence.analysis.tables.frames import STUDY_COLUMNS, Tables, coerce, empty_reviews
from ketamine_evidence.analysis.tables.reviews import apply_reviews, check_value
from ketamine_evidence.harvest.decisions import Decision, fold


@pytest.mark.parametrize("field,text,expected", [
    ("included", " TRUE ", "true"), ("n_participants", "121", "121"), ("n_participants", "121.0", "121"),
    ("dose_mg_per_kg", "0.50", "0.5"), ("conditions", "crps; fibromyalgia;crps", "crps;fibromyalgia"),
    ("routes", "", None), ("relief_duration_text", "  up to  3 weeks ", "up to 3 weeks"),
    ("responder_rate_pct", "100", "100"), ("pain_effect", "mixed", "mixed"),
])
def test_values_read_as_in_the_tables(field, text, expected):
    assert check_value(field, text) == expected


@pytest.mark.parametrize("field,text", [
    ("colour", "red"), ("included", "yes"), ("included", ""), ("design", "cohort"), ("n_participants", "12.5"),
    ("n_participants", "-3"), ("responder_rate_pct", "101"), ("dose_mg_per_kg", "nan"), ("routes", "iv"),
])
def test_bad_values_are_refused(field, text):
    with pytest.raises(ValueError):
        check_value(field, text)


def decision(i: int, field: str, value: str | None, reviewer: str, *, reason=None, version=1, now=1) -> Decision:
    return Decision(i, "s1", field, value, reason, reviewer, f"2026-12-06T00:00:0{i}Z", "ketamine", "s1", version, now)


def tables(**study) -> Tables:
    row = {"study_id": "s1", "included": True, "design": "rct", "n_participants": 60, "conditions": "crps",
           "primary_condition": "crps", "version": 2, **study}
    dup = {"study_id": "PMC1", "duplicate_of": "s1", "included": False, "exclusion_reason": "duplicate"}
    studies = coerce(pd.DataFrame([row, dup]), STUDY_COLUMNS)
    return Tables(studies, pd.DataFrame(), pd.DataFrame())


def test_the_person_wins_and_the_machine_stays_beside():
    reviews = {("s1", "n_participants"): fold([decision(1, "n_participants", "61", "Ann", reason="arms added")]),
               ("s1", "conditions"): fold([decision(2, "conditions", "neuropathic;crps", "Ann")])}
    out = apply_reviews(tables(), reviews)
    s = out.studies.iloc[0]
    assert s["n_participants"] == 61 and s["conditions"] == "neuropathic;crps" and s["primary_condition"] == "crps"
    assert s["reviewed"] == "conditions;n_participants" and not s["changed_since_review"]
    r = out.reviews.set_index("field")
    assert r.at["n_participants", "machine_value"] == "60" and r.at["n_participants", "reason"] == "arms added"
    assert pd.isna(out.studies.iloc[1]["reviewed"])   # the duplicate row is untouched


def test_a_revised_record_is_flagged_and_a_conflict_shown():
    reviews = {("s1", "included"): fold([decision(1, "included", "true", "Ann", now=2),
                                         decision(2, "included", "false", "Bob", reason="wrong population", now=2)])}
    out = apply_reviews(tables(), reviews)
    s, r = out.studies.iloc[0], out.reviews.iloc[0]
    assert not s["included"] and s["exclusion_reason"] == "wrong population" and s["changed_since_review"]
    assert r["conflict"] and r["conflict_with"] == "Ann=true;Bob=false" and r["decisions"] == 2


def test_a_retraction_stands_over_an_inclusion():
    reviews = {("s1", "included"): fold([decision(1, "included", "true", "Ann")])}
    out = apply_reviews(tables(included=False, exclusion_reason="retracted"), reviews)
    assert not out.studies.iloc[0]["included"] and out.studies.iloc[0]["exclusion_reason"] == "retracted"
    assert not out.reviews.iloc[0]["applied"] and pd.isna(out.studies.iloc[0]["reviewed"])


def test_tables_without_decisions_have_an_empty_reviews_table():
    assert list(empty_reviews().columns) == list(Tables(pd.DataFrame(), pd.DataFrame(), pd.DataFrame()).reviews.columns)
