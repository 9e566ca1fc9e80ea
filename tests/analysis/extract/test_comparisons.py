"""Comparison wording (``comparisons``): Evidence Inference spans of the EI-read split (round 14)."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import comparisons, direction
from ketamine_evidence.analysis.extract.arms import Arms


def test_no_difference_wordings() -> None:
    """EI-read 11702, 12880, 11369."""
    assert comparisons.raw_direction("The between-group difference in mean worse eye IOP was <0.4 mm Hg at all time points "
                                     "and was not statistically or clinically significant") == "none"
    assert comparisons.raw_direction("none statistically differed between arms.") == "none"
    assert comparisons.raw_direction("Presenting cardiovascular risk as either an AR or NNT had no impact reducing "
                                     "cardiovascular risk at 12 month follow up") == "none"


def test_rose_and_easier_are_directions_and_inferior_segment_is_anatomy() -> None:
    """EI-read 11285, 11929, 12387."""
    assert comparisons.raw_direction("Plasma creatinine rose by approximately 11% in those on active treatment.") == "up"
    assert comparisons.raw_direction("Intubation was significantly easier in group PS compared with group GS") == "better"
    text = ("The injection of sAPCs increased the capillary density in the inferior segment of the peri‐infarct zone "
            "(51%, P=0.003 versus vehicle)")
    assert comparisons.raw_direction(text) == "up"
    assert comparisons.raw_direction("Drug A was inferior to drug B for pain relief") == "worse"


def test_a_time_point_before_surgery_is_no_baseline() -> None:
    """EI-read 12156: 'One hour before surgery' is a measurement after the intervention, 'pain before surgery' a baseline."""
    assert not comparisons.BASELINE_ONLY.search("One hour before surgery, mean HAM-A score in Group I was 20")
    assert comparisons.BASELINE_ONLY.search("pain scores before surgery were similar")


def test_the_favoured_arm_is_named_after_in_favour_of() -> None:
    """EI-read 12350: 'in favour of HC' turns the wording to HC's side."""
    text = "global assessment of syringe usability showed highly statistically significant differences in favour of MC"
    arms = Arms(lambda s: bool(re.search(r"\bHC\b", s)), lambda s: bool(re.search(r"\bMC\b", s)))
    assert comparisons.orientation(text, arms) == -1
    assert comparisons.orientation(text.replace("MC", "HC"), arms) == 1


def test_a_change_word_heading_its_pain_outcome_takes_pains_polarity() -> None:
    """Pool dev 22559856 ('lidocaine causes a significant reduction in pain') as the head_noun_change rewrite
    words it: 'pain reduction' is pain reduced, not an amount of reduction (it was read higher-is-better: `worse`)."""
    lidocaine = direction.arms_for("lidocaine", re.compile("lidocaine"))
    for clause in ("lidocaine causes a significant pain reduction", "lidocaine causes a significant reduction in pain"):
        word, position = comparisons.direction_at(clause)
        assert word == "down"
        assert comparisons.local_polarity(clause, position, lidocaine) == "lower_better"
