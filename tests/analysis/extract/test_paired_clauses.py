"""Clause pairs that are one comparison (``paired_clauses``): each arm's result in its own clause."""

from __future__ import annotations

from ketamine_evidence.analysis.extract.arm_values import numeric_direction
from ketamine_evidence.analysis.extract.arms import Arms
from ketamine_evidence.analysis.extract.clause_split import clauses
from ketamine_evidence.analysis.extract.paired_clauses import _paired_arms


def test_whereas_clauses_with_each_arms_value_are_one_comparison() -> None:
    """A 'whereas' split left each arm's value in its own clause (EI-read 12282): joined, the values compare."""
    t = ("Heparin was discontinued in 24/73 (33%) of patients whereas citrate was discontinued in 5/66 (8%) of patients "
         "(P < 0.001).")
    arms = Arms(lambda s: "citrate" in s.lower(), lambda s: "heparin" in s.lower())
    parts = _paired_arms(clauses(t), arms)
    assert len(parts) == 1 and numeric_direction(parts[0], arms) == "down"
    one_arm = "Heparin was discontinued in 24/73 (33%) of patients whereas 5/66 (8%) had bleeding (P < 0.001)."
    assert len(_paired_arms(clauses(one_arm), arms)) == 2  # the second clause names no arm
