"""The comparator's abbreviation read from the design's 'A versus B' (analysis/extract/arm_abbreviations.py
``other_arm_abbreviations``), on pool dev PMC5564145 (gold improved): double against single cartridge of articaine."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import extract_findings, make_context
from ketamine_evidence.analysis.extract.arm_abbreviations import other_arm_abbreviations
from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.records import Article, Section

TITLE = ("Double versus single cartridge of 4% articaine infiltration into the retro-molar area for lower third molar "
         "surgery")
NAME = "double cartridge 4% articaine infiltration"
AIM = ("This study aimed to evaluate the efficacy of infiltration using 1.7 ml (single cartridge: SC) of 4% articaine "
       "versus 3.4 ml (double cartridges: DC) of 4% articaine with 1:100,000 epinephrine in LITM surgery.")
SUCCESS = ("The DC of 4 % articaine had a significantly higher success rate (83.3%) than did the SC (53.3%; P < 0.05).")
# The abstract's third results sentence as the invariance rewrite arms_by_treatment writes it ('in the SC group' ->
# 'with SC'): the arm named by its abbreviation alone, no 'SC group' anywhere in the text.
PAIN_WITH = ("The intra-operative pain was higher with SC with a significant (P < 0.05) requirement for a supplementary "
             "local anesthetic.")
PATTERN = re.compile(r"articaine", re.I)  # the name's pattern matches only the drug both arms share


def article(*parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=TITLE, abstract=[Section(l, l, t) for l, t in parts])


def test_the_other_term_of_the_design_comparison_is_the_comparator() -> None:
    """SC is defined as the other term of 'SC ... versus ... DC' and stands as a term of a comparison in the results
    ('than did the SC'): the comparator, though no 'SC group' is written."""
    assert other_arm_abbreviations(f"{AIM} {SUCCESS}", PATTERN, {"DC"}) == {"SC"}


def test_the_rule_needs_both_readings() -> None:
    """Defined in the contrast but never used as a comparison's term, or used so but defined in no contrast with
    the intervention: no comparator read."""
    assert other_arm_abbreviations(AIM, PATTERN, {"DC"}) == set()
    lone = "Patients received 1.7 ml (single cartridge: SC) of 4% articaine with 1:100,000 epinephrine."
    assert other_arm_abbreviations(f"{lone} {SUCCESS}", PATTERN, {"DC"}) == set()


def test_a_measure_is_no_arm() -> None:
    """A measure's abbreviation beside the contrast ('visual analogue scale (VAS)') is no arm."""
    text = ("The efficacy of 1.7 ml of 4% articaine versus pain on a visual analogue scale (VAS) was assessed. "
            "Pain was lower than VAS 3.")
    assert other_arm_abbreviations(text, PATTERN, {"DC"}) == set()


def test_pain_named_with_the_comparator_abbreviation() -> None:
    """'The intra-operative pain was higher with SC': the comparator's pain, so the intervention is better (before:
    SC was no arm, the sentence read as worse and the article mixed)."""
    a = article(("Background", AIM), ("Results", f"{SUCCESS} {PAIN_WITH}"))
    arms = article_arms(make_context(a, NAME))
    assert arms.side("with SC") == "comparator"
    assert [f.value for f in extract_findings(a, NAME) if f.field == "pain_effect"] == ["improved"]


def test_a_conditions_abbreviation_names_the_patients_not_an_arm() -> None:
    """rv12: batch 6 PMC5047648 (dev), a case-control study of an exercise intervention: 'Fibromyalgia syndrome (FMS)'
    ... 'the FMS group exhibited significant decreases in pain intensity' names the exercised patients by their
    condition, not a comparator arm (before, FMS was read as one). An arm's own abbreviation still is ('in the SC
    group', a term defined as a dose)."""
    text = ("Fibromyalgia syndrome (FMS) is associated with central alterations, but controversies exist regarding the "
            "presence and role of peripheral factors. After the exercise intervention, the FMS group exhibited "
            "significant decreases in pain intensity and in mean interstitial concentrations of glutamate, pyruvate, "
            "and glucose.")
    assert other_arm_abbreviations(text, re.compile(r"exercise", re.I), set()) == set()
    assert other_arm_abbreviations(f"{AIM} Pain was higher in the SC group.", PATTERN, {"DC"}) == {"SC"}
