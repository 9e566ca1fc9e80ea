"""Whether a clause states a significant difference (``significance``): Evidence Inference spans of the EI-read split
(round 14)."""

from __future__ import annotations

from ketamine_evidence.analysis.extract.significance import _significance


def test_a_ratios_ci_is_read_against_one() -> None:
    """EI-read 11517: a hazard ratio's CI spanning 1 is no significant difference (it was read as a difference's CI)."""
    text = ("The hazard ratio for myocardial infarction/coronary death with estrogen plus progestin was 1.13 (95% "
            "confidence interval 0.68–1.89) among non-users of COX inhibitors")
    assert _significance(text) == "ns"
    assert _significance("adjusted odds ratio 2.53 (95%CI 1.76 to 3.08)") == "sig"
    assert _significance("the mean difference was 1.2 (95% CI 0.5 to 2.0)") == "sig"
