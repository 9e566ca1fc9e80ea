"""Fitting and scoring the learned candidate rankers (analysis/evaluation/candidate_training.py)."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.candidate_training import SPECS, Example, answer, fit, oracle
from ketamine_evidence.analysis.extract.candidate_ranker import Candidate

_N = SPECS["n"]
_FU = SPECS["fu"]


def _example(gold: float | None, rules: float | None, values: list[tuple[float, str]] | None,
             key: str = "a") -> Example:
    cands = None if values is None else [Candidate(v, {f: 1.0}, None) for v, f in values]
    return Example("set", key, gold, rules, cands)


def test_fit_learns_which_feature_marks_the_gold_value() -> None:
    train = [_example(float(10 + i), None, [(float(10 + i), "total"), (float(3 + i), "arm")], key=str(i))
             for i in range(30)]
    ranker = fit(_N, train, c=10.0)
    assert ranker.weights["total"] > 0 > ranker.weights["arm"]
    test = _example(50.0, 7.0, [(7.0, "arm"), (50.0, "total")])
    assert answer("ranker", ranker, test, _N.tolerance) == 50.0
    assert answer("rules", ranker, test, _N.tolerance) == 7.0


def test_gated_records_are_null_whatever_the_reader() -> None:
    ranker = fit(_N, [_example(5.0, None, [(5.0, "x"), (6.0, "y")], key=str(i)) for i in range(4)])
    gated = _example(None, None, None)
    assert all(answer(mode, ranker, gated, _N.tolerance) is None for mode in ("rules", "ranker", "hybrid", "fill"))


def test_oracle_counts_records_some_candidate_gets_right() -> None:
    data = [_example(84.0, 84.0, [(80.0, "x")], "a"),  # within 10%: right
            _example(84.0, None, [(30.0, "x")], "b"),  # no candidate near
            _example(None, None, None, "c"),  # gated null, gold null
            _example(None, 3.0, [(3.0, "x")], "d")]  # a null answer is open to the reader
    assert oracle(_FU, data) == {"set": 0.75, "pooled": 0.75}
