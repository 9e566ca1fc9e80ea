"""The prompt's arms for the Evidence Inference reading (``ei_arms.prompt_arms``): EI-read spans (round 14)."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.ei_arms import prompt_arms
from ketamine_evidence.analysis.evaluation.ei_corpus import Prompt


def test_capitals_spelling_the_interventions_initials_name_it() -> None:
    span = ("The respiratory rate was significantly lower for the HFNC group than for the air entrainment mask group "
            "(22±3.6 breaths/min vs. 26±4.3 breaths/min, p=0.003).")
    arms = prompt_arms(Prompt("12443", "0", "The respiratory rate", "high-flow nasal cannula", "air entrainment mask", ""),
                       span)
    assert arms.is_intervention("for the HFNC group") and not arms.is_comparator("for the HFNC group")
    assert not prompt_arms(Prompt("12443", "0", "rate", "high-flow nasal cannula", "air entrainment mask", ""),
                           "").is_intervention("for the HFNC group")


def test_a_generic_arm_qualified_by_the_comparators_word_and_a_non_arm() -> None:
    span = ("Conversely, a significant difference between groups in favor of the late intervention group was found for the "
            "acquisition of positive attitudes towards early reading aloud (p < 0.01)")
    arms = prompt_arms(Prompt("13781", "0", "attitudes", "Early video administered  to first-time parents",
                              "Late video administered to first-time parents", ""), span)
    assert not arms.is_intervention("the late intervention group was found")
    span = ("Compared with the patients assigned to the non-lobaplatin-containing regimens, those assigned to the TEL "
            "regimen were more likely to develop grade 3–4 thrombocytopenia")
    arms = prompt_arms(Prompt("12909", "0", "thrombocytopenia", "docetaxel (T) and epirubicin (E) +  lobaplatin (L)",
                              "docetaxel (T) and epirubicin (E)", ""), span)
    assert not arms.is_intervention("the patients assigned to the non-lobaplatin-containing regimens")
