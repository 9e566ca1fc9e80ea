"""Rewrites naming the arms of a change or a comparison (analysis/evaluation/invariance_changes.py), on dev text."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance import REWRITES
from ketamine_evidence.analysis.evaluation.invariance_changes import arms_by_treatment, both_groups_named

# Batch 7 PMC2899760 (Trabecular Metal 'TM' against Smith-Robinson autograft 'SR').
TM = ("Fusion rate in the SR group was 92%, and in the TM group 69% (P < 0.05). Pain scores and NDI scores were "
      "significantly improved in both groups when compared with baseline at all follow-ups, except for neck pain at 1 "
      "year for the TM group.")
# Pool dev PMC5808274.
OPEN = ("The blood loss was less in the laparoscopic group than in the open group (63 mL vs. 103mL). There were "
        "statistically significant differences in the post-operative pain scores, and postoperative complications "
        "compared to group B (p<0.001).")


def test_both_groups_named_names_the_two_arms_in_the_order_written() -> None:
    assert both_groups_named(TM).startswith(
        "Fusion rate in the SR group was 92%, and in the TM group 69% (P < 0.05). Pain scores and NDI scores were "
        "significantly improved in the SR group and in the TM group when compared with baseline")


def test_both_groups_named_leaves_a_text_without_two_arm_phrases() -> None:
    assert both_groups_named("The epidural rate was 52% in both groups.") == "The epidural rate was 52% in both groups."
    three = TM + " The SR group and the TM group did better than the placebo group."
    assert both_groups_named(three) == three


def test_arms_by_treatment_names_each_arm_by_its_treatment() -> None:
    assert arms_by_treatment(OPEN).startswith("The blood loss was less with laparoscopic than with open (63 mL")
    assert "compared to group B" in arms_by_treatment(OPEN)  # a letter label is no 'the X group' phrase


def test_arms_by_treatment_leaves_generic_arms() -> None:
    text = "Pain was lower in the study group than in the control group. The study group had less pain."
    assert arms_by_treatment(text) == text


def test_the_rewrites_are_registered() -> None:
    assert {"both_groups_named", "arms_by_treatment"} <= set(REWRITES)
