"""Arms of one abstract (analysis/extract/arms.py), on sentences from the ketamine development articles."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract.arms import arms_for, former_latter

KETAMINE = re.compile(r"\b(?:ketamine|esketamine)\b", re.I)

# PMC2876942 (pmc_ketamine): groups defined by letters in parentheses.
DEFINED = ("The patients were randomly assigned to receive either midazolam (Group M) or ketamine-midazolam "
           "(Group KM) as oral premedication, via computer-generated random numbers. The time of hospital "
           "discharge allowance in group M was longer than in group KM (P < 0.05).")
# PMC5018291 (pmc_ketamine): 'group K' defined after the drug, 'group C' after saline, 'group B' after bupivacaine.
AFTER = ("10 mL of saline solution was infiltrated into the nephrostomy tract (group C). 0.25% bupivacaine was "
         "infiltrated into the nephrostomy tract (group B). 0.5 mg/kg ketamine was administered intravenously (group K).")


def test_group_letters_defined_in_parentheses() -> None:
    arms = arms_for(DEFINED, KETAMINE)
    assert arms.side("in group KM") == "intervention"
    assert arms.side("in group M") == "comparator"
    assert arms.side("group M was longer than in group KM") == "both"
    assert arms.side("the time of hospital discharge") is None


def test_group_letter_of_the_intervention_and_saline_control() -> None:
    arms = arms_for(AFTER, KETAMINE)
    assert arms.is_intervention("pain scores in group K")
    assert arms.is_comparator("pain scores in group C")
    assert arms.placebo_controlled  # saline


def test_former_and_latter_are_the_arms_of_the_previous_sentence() -> None:
    previous = "Oral ketamine-midazolam was compared with oral midazolam in 92 children"
    assert former_latter("The former shortened discharge time more than the latter.", previous) == (
        "Oral ketamine-midazolam shortened discharge time more than oral midazolam.")
    assert former_latter("No former arm is named here.", previous) == "No former arm is named here."
