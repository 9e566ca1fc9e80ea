"""The learned candidate rankers' run-time scoring and reader choice (analysis/extract/candidate_ranker.py)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.candidate_ranker import (Candidate, LinearRanker, choose, load_ranker, reader,
                                                                 weights_file)


def _equal(a: float, b: float) -> bool:
    return a == b


_RANKER = LinearRanker({"good": 3.0, "bad": -3.0}, 0.0, override=0.8, keep=0.2, fill=0.3, floor=0.5)
_GOOD, _BAD, _MEH = (Candidate(40.0, {"good": 1.0}, "s1"), Candidate(20.0, {"bad": 1.0}, "s2"),
                     Candidate(30.0, {}, "s3"))


def test_probability_is_the_logistic_of_the_summed_weights() -> None:
    assert _RANKER.probability({}) == pytest.approx(0.5)
    assert _RANKER.probability({"good": 1.0}) == pytest.approx(1 / (1 + 2.718281828 ** -3), rel=1e-6)
    assert _RANKER.probability({"unknown": 1.0}) == pytest.approx(0.5)


def test_rules_reader_keeps_the_rules() -> None:
    assert choose("rules", _RANKER, 20.0, [_GOOD, _BAD], _equal) == "rules"


def test_ranker_reader_takes_the_top_candidate_or_none_below_the_floor() -> None:
    assert choose("ranker", _RANKER, 20.0, [_BAD, _GOOD], _equal) is _GOOD
    assert choose("ranker", _RANKER, None, [_BAD], _equal) is None  # 0.05 < floor 0.5
    assert choose("ranker", _RANKER, None, [], _equal) is None


def test_hybrid_overrides_only_a_confident_disagreement_with_a_doubtful_rules_value() -> None:
    assert choose("hybrid", _RANKER, 20.0, [_BAD, _GOOD], _equal) is _GOOD  # 0.95 vs the rules' 0.05
    assert choose("hybrid", _RANKER, 30.0, [_MEH, _GOOD], _equal) == "rules"  # the rules' own value has 0.5 >= keep
    assert choose("hybrid", _RANKER, 40.0, [_BAD, _GOOD], _equal) == "rules"  # agreement


def test_fill_reads_the_ranker_only_where_the_rules_find_nothing() -> None:
    assert choose("fill", _RANKER, 20.0, [_BAD, _GOOD], _equal) == "rules"
    assert choose("fill", _RANKER, None, [_BAD, _GOOD], _equal) is _GOOD
    assert choose("fill", _RANKER, None, [_BAD], _equal) == "rules"  # 0.05 < fill 0.3


@pytest.mark.parametrize(("value", "expected"), [
    (None, ("rules", False)), ("", ("rules", False)), ("ranker", ("ranker", False)), (" Hybrid ", ("hybrid", False)),
    ("ranker-r", ("ranker", True)),
])
def test_reader_reads_the_environment(monkeypatch: pytest.MonkeyPatch, value: str | None,
                                      expected: tuple[str, bool]) -> None:
    if value is None:
        monkeypatch.delenv("KE_TEST_READER", raising=False)
    else:
        monkeypatch.setenv("KE_TEST_READER", value)
    assert reader("KE_TEST_READER") == expected


@pytest.mark.parametrize("value", ["nonsense", "nonsense-r", "rule", "off"])
def test_an_unknown_reader_is_an_error_not_a_silent_fallback(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("KE_TEST_READER", value)
    with pytest.raises(ValueError, match="KE_TEST_READER="):
        reader("KE_TEST_READER")


def test_json_round_trip_and_shipped_weights() -> None:
    again = LinearRanker.from_json(_RANKER.as_json())
    assert again == _RANKER
    assert weights_file("count_ranker.json", True) == "count_ranker_rules.json"
    for name in ("count_ranker.json", "count_ranker_rules.json", "time_ranker.json", "time_ranker_rules.json"):
        shipped = load_ranker(name)
        assert len(shipped.weights) > 100 and 0 < shipped.override <= 1
    assert "rules_pick" in load_ranker("count_ranker_rules.json").weights
    assert "rules_pick" not in load_ranker("count_ranker.json").weights
