"""Numbers attached to their own arm (``arm_values``): sentences from Evidence Inference spans (EI-read split)."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import arm_values
from ketamine_evidence.analysis.extract.direction import arms_for


def test_bare_pair_of_values_follows_the_order_the_arms_are_named() -> None:
    text = ("subjects in the rhGH treatment group had significant reductions in BMI standard deviation scores (SDS) "
            "compared with controls (2.32 ± 0.85 vs. 2.80 ± 0.61; P = 0.041),")
    assert arm_values.numeric_direction(text, arms_for(text, re.compile("rhGH"))) == "down"
    text = ("There was a significant difference for VXP versus placebo comparison of mean (sd) EDITS scores of patients: "
            "82.31(20.23) vs 36.78(22.53)")
    assert arm_values.numeric_direction(text, arms_for(text, re.compile("VXP"))) == "up"


def test_a_p_value_written_out_is_no_arms_value() -> None:
    text = ("Score mean of tenderness on the 6th post-operative day for experimental group is 1.6 and for control group "
            "is 3.6 with P value of 0.001 which shows a highly significant difference.")
    assert arm_values.numeric_direction(text, arms_for(text, re.compile("experimental"))) == "down"
