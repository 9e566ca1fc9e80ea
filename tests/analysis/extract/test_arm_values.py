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


def test_significantly_low_or_high_in_an_arm_is_a_direction() -> None:
    """'significantly low / high in <arm>' (EI-read 13635, 13541; pool dev PMC5735486) is 'lower / higher'."""
    text = "The OHI-S was found to be significantly low in the fluoridated group at the 12 months time interval (P < 0.05)."
    assert arm_values.sentence_direction(text, arms_for(text, re.compile("fluoridated"))) == "down"
    text = ("mean dose of esmolol and the number of patients receiving the same were significantly high in the control "
            "group.")
    assert arm_values.sentence_direction(text, arms_for(text, re.compile("ketamine"))) == "down"
    assert arm_values.raw_direction("the risk was significantly high") is None  # no arm or comparison after it
