"""The guideline's scoring rules, each on small hand-made prediction/gold pairs."""

from __future__ import annotations

import json

import pytest

from ketamine_evidence.analysis.evaluation.gold import (FIELD_ORDER, load_gold, numeric_correct, participants_correct, score_categorical,
                               score_numeric, score_participants, score_records, score_sets)
from ketamine_evidence.base.errors import InputError

GOLD = {
    "pmid": "1", "pmcid": None, "relevant": True, "design": "rct", "conditions": ["crps"],
    "routes": ["intravenous"], "n_participants": 40, "relief_duration_days": 84, "follow_up_days": 90,
    "dose_mg_per_kg": 0.5, "infusion_mg_per_kg_h": 0.12, "pain_effect": "improved", "responder_rate_pct": 45.0,
    "adverse_events": ["nausea", "hallucinations"], "negated_adverse_events": ["serious_adverse_events"],
}
NULL_GOLD = {**GOLD, "pmid": "2", "design": "narrative_review", "n_participants": None,
             "relief_duration_days": None, "follow_up_days": None, "dose_mg_per_kg": None,
             "infusion_mg_per_kg_h": None, "responder_rate_pct": None, "adverse_events": [],
             "negated_adverse_events": [], "pain_effect": "not_reported"}


def test_perfect_prediction_scores_one_on_every_field():
    scores = score_records([(dict(GOLD), GOLD), (dict(NULL_GOLD), NULL_GOLD)])
    assert list(scores) == list(FIELD_ORDER)
    assert all(s.value == 1.0 for s in scores.values()), {k: s.value for k, s in scores.items()}


def test_wrong_prediction_scores_less_on_every_field():
    wrong = {"relevant": False, "design": "case_report", "conditions": ["fibromyalgia"], "routes": ["oral"],
             "n_participants": 41, "relief_duration_days": 30, "follow_up_days": None, "dose_mg_per_kg": 1.0,
             "infusion_mg_per_kg_h": None, "pain_effect": "no_difference", "responder_rate_pct": 50.0,
             "adverse_events": ["vomiting"], "negated_adverse_events": []}
    scores = score_records([(wrong, GOLD)])
    assert all(s.value < 1.0 for s in scores.values()), {k: s.value for k, s in scores.items()}


def test_categorical_accuracy_and_per_class_f1():
    s = score_categorical("design", [("rct", "rct"), ("rct", "case_report"), ("animal", "animal"),
                                     ("case_report", "case_report")])
    assert s.value == pytest.approx(0.75) and s.correct == 3 and s.n == 4
    assert s.per_class["rct"]["precision"] == pytest.approx(0.5)
    assert s.per_class["rct"]["recall"] == pytest.approx(1.0)
    assert s.per_class["case_report"]["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert s.per_class["animal"]["f1"] == 1.0


def test_sets_are_micro_averaged_over_all_records():
    s = score_sets("adverse_events", [(["nausea", "other"], ["nausea", "vomiting"]), ([], ["sedation"]),
                                      (["dizziness"], [])])
    assert (s.tp, s.fp, s.fn) == (1, 2, 2)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 3)
    assert s.value == pytest.approx(1 / 3)
    assert s.n == 3  # gold items


def test_sets_both_empty_everywhere_is_perfect():
    assert score_sets("routes", [([], []), ([], [])]).value == 1.0


def test_participants_exact_and_null_rules():
    assert participants_correct(40, 40)
    assert not participants_correct(41, 40)
    assert not participants_correct(None, 40)
    assert not participants_correct(12, None)  # a non-null answer where gold is null counts wrong
    assert participants_correct(None, None)
    s = score_participants([(40, 40), (12, None), (None, None), (None, 30)])
    assert s.n == 4 and s.correct == 2


@pytest.mark.parametrize("field", ["relief_duration_days", "follow_up_days"])
def test_durations_within_ten_percent_or_one_day(field):
    assert numeric_correct(field, 90, 84)        # 6 <= 8.4
    assert not numeric_correct(field, 95, 84)    # 11 > 8.4
    assert numeric_correct(field, 2, 1)          # 1 day beats 10% of 1
    assert not numeric_correct(field, 2.5, 1)
    assert numeric_correct(field, 1, 0)          # relief 0 vs 1 day: within a day
    assert not numeric_correct(field, None, 7)   # null must match null
    assert not numeric_correct(field, 7, None)
    assert numeric_correct(field, None, None)


@pytest.mark.parametrize("field", ["dose_mg_per_kg", "infusion_mg_per_kg_h"])
def test_doses_within_ten_percent_only(field):
    assert numeric_correct(field, 0.54, 0.5)
    assert not numeric_correct(field, 0.56, 0.5)
    assert not numeric_correct(field, 1.5, 1.0)  # no 1-unit slack for doses
    assert not numeric_correct(field, 0.5, None)
    assert numeric_correct(field, None, None)


def test_responder_rate_within_one_point():
    assert numeric_correct("responder_rate_pct", 46.0, 45.0)
    assert not numeric_correct("responder_rate_pct", 46.5, 45.0)
    assert not numeric_correct("responder_rate_pct", None, 45.0)
    s = score_numeric("responder_rate_pct", [(46.0, 45.0), (None, None), (10, None)])
    assert s.correct == 2 and s.n == 3


def test_load_gold_rejects_bad_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n{not json\n")
    with pytest.raises(InputError, match=":2: not valid JSON"):
        load_gold(path)
    path.write_text(json.dumps({"design": "rct"}) + "\n")
    with pytest.raises(InputError, match="pmid or a pmcid"):
        load_gold(path)
    with pytest.raises(InputError, match="cannot read"):
        load_gold(tmp_path / "absent.jsonl")


def test_load_gold_reads_the_shared_gold(tmp_path):
    from tests.conftest import EVAL

    records = load_gold(EVAL / "gold_dev.jsonl")
    assert len(records) == 14 and all(r["pmid"] or r["pmcid"] for r in records)
