"""Pain naming who the participants are, or the time a measurement is counted from, is no outcome."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import population_pain
from ketamine_evidence.analysis.extract.outcomes import _ANY_PAIN

LBP = re.compile(r"\bLBP\b")  # the abstract's own abbreviation for its pain condition ('low back pain (LBP)')
DOMS = re.compile(r"\bDOMS\b")


def test_persons_who_report_the_condition() -> None:
    # batch 4 PMC4828818 (gold not_reported): the benefit is for persons described by their pain, not on pain.
    text = ("Mere booklet information is beneficial for employees who report mild LBP in the OH setting, and is also "
            "cost saving for the health care system.")
    blanked = population_pain.blank_population(text, LBP)
    assert not LBP.search(blanked) and len(blanked) == len(text)
    assert blanked.endswith("in the OH setting, and is also cost saving for the health care system.")


def test_time_counted_from_an_induced_condition() -> None:
    # batch 7 PMC4339160 (gold not_reported): DOMS dates the measurement of muscle thickness and MVIC.
    for text in ("Group II showed significant increases in muscle thickness up to the 48-hour interval post induction "
                 "of DOMS, along with a significant decrease in MVIC (%).",
                 "However, in contrast to Group I, Group II did not show a significant difference in muscle thickness or "
                 "MVIC (%) at the 72-hour interval in comparison with the values prior to DOMS induction."):
        assert not DOMS.search(population_pain.blank_population(text, DOMS))


def test_outcomes_stay() -> None:
    # Persons counted by their scores (no 'for / in / among' before them, and a comparison: pool dev PMC4266769).
    text = ("Despite clear instructions, 8 patients with the lowest pain scores did not use any of the prescribed pain "
            "medication.")
    assert population_pain.blank_population(text, _ANY_PAIN) == text


def test_outcome_vocabulary_reads_through_the_frame() -> None:
    # MEDLINE sample 26702390: the population's headache is no outcome; batch 5 PMC4395717's 'pain' after its population still is.
    from ketamine_evidence.analysis.extract.outcomes import is_pain_outcome
    assert not is_pain_outcome("Coping strategies among adolescents with chronic headache and mental health problems: "
                               "a cross-sectional population-based study.")
    assert is_pain_outcome("[Conclusion] Conducting both cervical stability training and upper thoracic manipulation for "
                           "patients with chronic neck pain was more helpful for the improvement of proprioception and "
                           "pain than cervical stability training alone.")
