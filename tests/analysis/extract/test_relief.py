"""Relief duration (``relief``): time points a benefit reaches by reference, procedure variants as active
comparators, and a difference stated right after a single treatment (additions rules e and r), on dev records."""

from __future__ import annotations

import pytest

from tests.analysis.extract.test_durations import _pool_fields


@pytest.mark.parametrize(("pmcid", "intervention", "expected"), [  # batch 4 dev
    # 'Pain reduction was measured ... to 10 or 30 minutes after'; '... compared to placebo at both time points'
    ("PMC4677000", "lidocaine 2% gel (vs placebo) for painful oral cavity sites in children", 30 / 1440),
    # rule r's example: 'The post-intervention between-group mean differences for PPT were 1.1', later gains vs baseline
    ("PMC4085197", "Kaltenborn mobilization (vs placebo ultrasound)", 0.0),
])
def test_both_time_points_and_a_difference_right_after_the_treatment(pmcid: str, intervention: str, expected: float) -> None:
    assert _pool_fields(pmcid, intervention)["relief_duration_days"].value == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize(("pmcid", "intervention"), [  # batch 5 dev, additions rule e
    # 'two different suture techniques': 'between the test and the control group' compares the variants
    ("PMC4464926", "complete suture of triangular flap (vs partial suture) after third molar removal"),
    # '- A Non-randomized Control Trial', 'Centers for Disease Control (CDC)': no control arm
    ("PMC5856421", "harmonic scalpel-assisted laparoscopic cholecystectomy (vs conventional)"),
])
def test_no_difference_between_procedure_variants_gives_no_relief(pmcid: str, intervention: str) -> None:
    assert "relief_duration_days" not in _pool_fields(pmcid, intervention)


def test_a_dated_worse_result_against_no_treatment_gives_zero() -> None:
    # Batch 4 dev PMC5380284: 'The postoperative pain score at 48 hours ... in the Gum group was significantly higher
    # than in the no gum group': no relief at any time against no treatment.
    assert _pool_fields("PMC5380284", "postoperative gum-chewing (vs no gum)")["relief_duration_days"].value == 0
