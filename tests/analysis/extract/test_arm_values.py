"""Numbers attached to their own arm (``arm_values``): sentences from Evidence Inference spans (EI-read split)."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import arm_values
from ketamine_evidence.analysis.extract.arms import Arms
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


def test_changes_of_both_arms_set_against_each_other_compare_the_arms() -> None:
    """EI-read 12369: each arm's change from baseline, joined by 'versus', with significance stated."""
    text = ("After 12 weeks of treatment, the mean (sd) IIEF-EF score at baseline increased from 16.08 (2.87) to 25.08 "
            "(4.56) in the VXP group versus 15.86 (3.24) to 16.47 (4.25) in the placebo group (P < 0.0001).")
    assert arm_values.change_contrast(text, arms_for(text, re.compile("VXP"))) == "up"
    assert arm_values.change_contrast(text.replace(" (P < 0.0001)", ""), arms_for(text, re.compile("VXP"))) is None


def test_a_decimal_after_an_arms_group_is_its_value() -> None:
    """EI-read 13130: 'control group 0.66' is the control's value, not a label like 'group 2'."""
    text = ("And for trismus mean score at 1-hour post-operatively for experimental group is 0.36 and control group 0.66 "
            "with P value of 0.02, which shows a significant difference.")
    assert arm_values.numeric_direction(text, arms_for(text, re.compile("experimental"))) == "down"


def test_values_listed_for_several_doses_and_the_comparator_respectively() -> None:
    """EI-read 13663: two doses of the intervention both above the comparator, a comma list of arms, 'per 1.73 m2'."""
    text = ("Mean estimated GFR (eGFR) plus or minus standard error at 7 years was 53.9 ± 1.9, 54.2 ± 1.9, and 35.3 ± 2.0 "
            "mL/min per 1.73 m2 for belatacept MI, belatacept LI and cyclosporine, respectively (p < 0.001 for overall "
            "treatment effect).")
    arms = Arms(lambda s: "belatacept" in s, lambda s: "cyclosporine" in s)
    assert arm_values.respective_direction(text, arms) == "up"


def test_a_bare_pair_after_was_follows_the_arms_named_after_it() -> None:
    """EI-read 11793: '12.9 cm versus 8.9 (p < 0.05) in the SaphLITE and Clearglide groups'."""
    text = "The total incision length was 12.9 cm versus 8.9 (p < 0.05) in the SaphLITE and Clearglide groups."
    arms = Arms(lambda s: "SaphLITE" in s, lambda s: "Clearglide" in s)
    assert arm_values.numeric_direction(text, arms) == "up"
