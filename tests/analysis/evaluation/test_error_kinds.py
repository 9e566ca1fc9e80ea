"""Error kinds: each field's wrong values counted by kind, never naming a record."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.evaluation.error_kinds import (MISSED, SPURIOUS, TOO_HIGH, TOO_LOW, error_kinds,
                                                               field_error_kinds, format_error_kinds, pooled_error_kinds)
from ketamine_evidence.analysis.evaluation.gold import FIELD_ORDER, score_records

from tests.analysis.evaluation.test_gold import GOLD, NULL_GOLD


def test_right_values_have_no_kind():
    kinds = error_kinds([(dict(GOLD), GOLD), (dict(NULL_GOLD), NULL_GOLD)])
    assert list(kinds) == list(FIELD_ORDER)
    assert all(counts == {} for counts in kinds.values())
    assert format_error_kinds(kinds)[1:] == ["  none"]


def test_numbers_tell_missed_invented_low_and_high_within_the_tolerance():
    pairs = [(None, 84), (30, None), (70, 84), (100, 84), (90, 84), (None, None)]  # 90 is within 10% of 84: right
    assert field_error_kinds("relief_duration_days", pairs) == {MISSED: 1, SPURIOUS: 1, TOO_HIGH: 1, TOO_LOW: 1}
    assert field_error_kinds("n_participants", [(39, 40), (40, 40), (12, None)]) == {SPURIOUS: 1, TOO_LOW: 1}


def test_exact_match_fields_count_gold_to_predicted_most_frequent_first():
    pairs = [("improved", "not_reported"), ("improved", "not_reported"), ("mixed", "improved"), ("improved", "improved")]
    assert list(field_error_kinds("pain_effect", pairs).items()) == [("not_reported->improved", 2),
                                                                     ("improved->mixed", 1)]


def test_sets_count_each_label_missed_or_added():
    pairs = [(["oral"], ["intravenous", "oral"]), (["topical"], []), ([], ["intravenous"])]
    assert field_error_kinds("routes", pairs) == {"missed intravenous": 2, "added topical": 1}


def test_counts_agree_with_the_scores():
    wrong = {**GOLD, "routes": ["oral"], "n_participants": None, "design": "case_report"}
    pairs = [(wrong, GOLD), (dict(NULL_GOLD), NULL_GOLD)]
    kinds, scores = error_kinds(pairs), score_records(pairs)
    assert sum(kinds["routes"].values()) == scores["routes"].fp + scores["routes"].fn
    assert sum(kinds["design"].values()) == scores["design"].n - scores["design"].correct
    assert kinds["n_participants"] == {MISSED: 1}
    lines = format_error_kinds(kinds)
    assert "  design: rct->case_report 1" in lines and not any("pmid" in line or "1" == line for line in lines)


def test_pooling_names_no_kind_rarer_than_the_minimum():
    pairs = [("improved", "not_reported"), ("improved", "not_reported"), ("mixed", "improved"), ("worse", "improved")]
    kinds = {"pain_effect": field_error_kinds("pain_effect", pairs), "routes": {}}
    assert pooled_error_kinds(kinds, 2) == {"pain_effect": {"not_reported->improved": 2, "rarer kinds": 2}, "routes": {}}
    assert pooled_error_kinds(kinds, 3) == {"pain_effect": {"rarer kinds": 4}, "routes": {}}
    assert pooled_error_kinds(kinds, 1) == kinds
    with pytest.raises(ValueError):
        pooled_error_kinds(kinds, 0)
