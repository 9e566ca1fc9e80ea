"""Pain effect: the scope of a stated benefit (a subgroup only, rule ab) and a trend the next sentence takes back."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.records import Article, Section
from ketamine_evidence.analysis.extract.pain_effect import then_none


def article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title,
                   abstract=[Section(label, label, text) for label, text in parts])


def effect(a: Article, intervention: str):
    found = [f for f in extract_findings(a, intervention) if f.field == "pain_effect"]
    assert len(found) <= 1
    return found[0] if found else None


# pool blind2 PMC5951568 (gold mixed): the benefit on pain is stated only for the females who received information
SUBGROUP = ("Those who received information had a statistically significant lower perception of anxiety during NCS, "
            "whilst only females who received information had a statistically significant lower perception of pain to "
            "both NCS and EMG.")
GENERAL = ("The provision of written information can reduce the degree of pain and anxiety experienced during "
           "electrodiagnostic testing.")
INFO = "written information before electrodiagnostic studies"


def test_benefit_only_in_a_subgroup_is_mixed() -> None:
    a = article("Written information before electrodiagnostic studies: a randomized trial",
                ("Results", SUBGROUP), ("Conclusions", GENERAL))
    f = effect(a, INFO)
    assert f.value == "mixed"
    assert a.text[f.evidence.start:f.evidence.end] == SUBGROUP


def test_benefit_stated_for_all_is_not_restricted() -> None:
    overall = SUBGROUP.replace("whilst only females who", "and those who")
    a = article("Written information before electrodiagnostic studies: a randomized trial",
                ("Results", overall), ("Conclusions", GENERAL))
    assert effect(a, INFO).value == "improved"


# pool blind2 PMC4239745 (gold no_difference): the next sentence says the trend was not significant
TREND = "Patients reported less pain and postoperative discomfort when prophylactic antibiotics were given."
NONE = "However, there were no statistical significant differences between the three groups."
ANTIBIOTICS = "prophylactic systemic antibiotics"


def test_non_significance_in_the_next_sentence_takes_back_the_trend() -> None:
    a = article("Antibiotics in periodontal surgery", ("Results", "No infection was reported in any of 90 sites. "
                                                                  + TREND + " " + NONE))
    f = effect(a, ANTIBIOTICS)
    assert f.value == "no_difference"
    assert a.text[f.evidence.start:f.evidence.end] == NONE
    alone = article("Antibiotics in periodontal surgery", ("Results", TREND))
    assert effect(alone, ANTIBIOTICS).value == "improved"


def test_a_significant_difference_is_not_taken_back_by_the_next_sentence() -> None:
    significant = TREND.replace("less pain", "significantly less pain")
    a = article("Antibiotics in periodontal surgery", ("Results", significant + " " + NONE))
    assert effect(a, ANTIBIOTICS).value != "no_difference"


def test_the_next_sentence_about_another_outcome_takes_nothing_back() -> None:
    # MEDLINE sample: 'However, no significant difference in ΔT max was observed between the two groups (p=0.27).'
    other = "However, no significant difference in ΔT max was observed between the two groups (p=0.27)."
    a = article("Antibiotics in periodontal surgery", ("Results", TREND + " " + other))
    assert effect(a, ANTIBIOTICS).value == "improved"


def test_a_denial_that_names_its_own_outcome_after_the_groups_takes_nothing_back() -> None:
    # batch 7 PMC3381083's sentence, opened by 'However,': the denial is about complications, not the pain trend
    other = ("However, there was no significant difference between the two groups in terms of early and late "
             "postoperative complications.")
    assert then_none(NONE) and not then_none(other)
    a = article("Antibiotics in periodontal surgery", ("Results", TREND + " " + other))
    assert effect(a, ANTIBIOTICS).value == "improved"


@pytest.mark.parametrize("when", [" in the first 24 hours.", " on postoperative day 1.", " at 6 months of follow-up.",
                                  " during the 7-day follow-up period.", " in all time points."])
def test_a_denial_dated_by_a_time_names_no_outcome_of_its_own(when: str) -> None:
    # blind2 PMC4239745's denial with a time after the groups (the metamorphic way): a time phrase is no outcome, so
    # the denial still takes the trend back
    dated = NONE.replace(".", when)
    assert then_none(dated)
    a = article("Antibiotics in periodontal surgery", ("Results", TREND + " " + dated))
    assert effect(a, ANTIBIOTICS).value == "no_difference"


def test_a_denial_whose_outcome_opens_with_a_time_still_names_it() -> None:
    # pool dev PMC5062234's outcome '24 h morphine requirement' after blind2 PMC4239745's groups: the time modifies
    # the outcome noun, so the denial names an outcome of its own and takes nothing back
    assert not then_none(NONE.replace(".", " in 24 h morphine requirement."))
