"""Rewrites of how an abstract ties results and comparisons to its arms, each on real sentences of the dev abstracts."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance_contrast import (arm_counts, comparison_mirror, group_form,
                                                                       p_after_arm, subject_mirror, than_compared)

# batch 4 25589945
RD = "Moreover, these parameters were significantly lower in group RD than in group R (P < 0.05)."
# pool dev 29440956: values follow in the arms' order
BLOOD = "The blood loss was less in the laparoscopic group than in the open group (63 mL vs. 103mL)."
# batch 7 28298754
LN = ("In Group LN (n = 39), 30 ml 0.5% levobupivacaine was given. The number of patients who needed rescue "
      "analgesics was lower in Group LN (P < 0.05) than Group LC. Group LC (n = 39) received levobupivacaine alone.")
# pool dev 28879339
SC = "The duration of soft tissue anesthesia was longer in the DC group. The intra-operative pain was higher in the SC group."
# ketamine dev 25302093: a list of labels
LIST = "Incidence of withdrawal response was significantly lower in group L (20%), group K (30%), and groups K and R."


def test_comparison_mirror_states_the_comparison_from_the_other_arm() -> None:
    assert comparison_mirror(RD) == "Moreover, these parameters were significantly higher in group R than in group RD (P < 0.05)."
    assert comparison_mirror(BLOOD) == BLOOD  # '(63 mL vs. 103mL)' would no longer follow the arms' order


def test_than_compared_keeps_the_order_of_the_arms() -> None:
    assert than_compared(RD) == "Moreover, these parameters were significantly lower in group RD compared with group R (P < 0.05)."


def test_subject_mirror() -> None:
    # pool dev 27375766
    text = "The test group showed lower incidence of oral pain and gastrointestinal mucositis than the control group (P < 0.01)."
    assert subject_mirror(text) == ("The control group showed higher incidence of oral pain and gastrointestinal mucositis "
                                    "than the test group (P < 0.01).")


def test_p_after_arm_moves_the_test_next_to_the_first_arm() -> None:
    assert p_after_arm(RD) == "Moreover, these parameters were significantly lower in group RD (P < 0.05) than in group R."


def test_arm_counts_repeat_a_count_the_text_states_for_the_arm() -> None:
    out = arm_counts(LN)
    assert "than Group LC (n = 39). Group LC (n = 39) received" in out
    assert out.count("Group LN (n = 39)") == 1  # its one count stays where it was
    assert arm_counts(SC) == SC  # no count stated: nothing to repeat


def test_group_form_swaps_label_forms_but_not_lists() -> None:
    assert group_form(RD) == "Moreover, these parameters were significantly lower in the RD group than in the R group (P < 0.05)."
    assert group_form(SC) == SC.replace("the DC group", "group DC").replace("the SC group", "group SC")
    assert "groups K and R" in group_form(LIST) and "the L group (20%)" in group_form(LIST)
