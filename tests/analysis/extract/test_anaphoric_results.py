"""A result sentence whose subject refers back to the previous sentence's comparison (``anaphoric_results``)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.anaphoric_results import anaphoric_none
from ketamine_evidence.analysis.records import Article, Section

# pool dev PMC4825255 (gold mixed): lower labour pain in the transitional stage, none at 3-4 cm and the second stage.
LABOUR = ("The Visual Analogue Scale suggested that in the transitional stages (8-10 cm cervical dilation), the level of "
          "pain felt by the experimental group was meaningfully lower than that felt by the control group (p=0.03).")
LABOUR_NONE = ("However, this was not significantly different between the two groups at 3-4 cm cervical dilation and the "
               "second stage of childbirth.")
# MEDLINE sample 26702161: a benefit in female patients, none in male patients (rule ab: mixed).
FEMALE = ("Female patients who received melatonin had a faster rate of reduction of VAS pain (p = 0.020) and anxiety "
          "scores (p = 0.003) over time compared to the placebo group.")
MALE_NONE = "No such effect was demonstrated in male patients."


@pytest.mark.parametrize("sentence", [LABOUR_NONE, MALE_NONE])
def test_anaphoric_denial_with_a_scope_of_its_own(sentence: str) -> None:
    assert anaphoric_none(sentence) == "scoped"


@pytest.mark.parametrize("sentence", [
    # dev full texts: the significance of the comparison the sentence before stated in numbers only
    "This difference was not statistically significant (RR 1.50, 95% CI 0.93\u20132.43, P = 0.13, risk difference 5.7%).",
    "This difference was however not statistically significant (p = 0.30) (Figure 2 and Table 2).",
    "The difference was not significant (p = 0.716).",
])
def test_anaphoric_denial_of_the_same_comparison(sentence: str) -> None:
    assert anaphoric_none(sentence) == "same"


@pytest.mark.parametrize("sentence", [
    LABOUR,  # names its own outcome and states a difference
    "The difference in nausea was not significant.",  # an outcome of its own (``_EMPTY`` lacks 'nausea')
    "However, this did not reduce nausea.",  # the denial has an object of its own
    "These shifts are symmetrical in nature, in that the percentage of subjects who shift from normal to low or high "
    "response is comparable to the percentage of subjects who shift from low or high to normal.",  # MEDLINE 26187300
    "This was not associated with pain.",  # no denial of a difference
])
def test_not_an_anaphoric_denial(sentence: str) -> None:
    assert anaphoric_none(sentence) is None


def _article(title: str, *sentences: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section("", "", " ".join(sentences))])


def _effect(a: Article, intervention: str) -> str | None:
    found = [f for f in extract_findings(a, intervention) if f.field == "pain_effect"]
    return found[0].value if found else None


def test_benefit_at_one_time_point_and_none_at_others_is_mixed() -> None:
    # PMC4825255's abstract (unlabelled), from its methods to its pain results
    methods = ("This clinical trial was conducted to study 195 women (132 in the control group and 63 in the experimental "
               "group) who had attended healthcare centers in the city of Amol after their 16th gestational week. The "
               "experimental group participated in educational classes to learn how to experience a safe childbirth for "
               "6-8 sessions of 1.5 hours almost every three weeks. The control group received only a routine care, pain "
               "assessment scales like Visual Analogue Scale (VAS) and McGill questionnaire, and Hospital Anxiety and "
               "Depression Scale (HADS) were employed to collect data.")
    title = "Effects of prenatal education on maternal stress and labor pain"
    a = _article(title, methods, LABOUR, LABOUR_NONE)
    assert _effect(a, "prenatal education classes") == "mixed"
    assert _effect(_article(title, methods, LABOUR), "prenatal education classes") == "improved"


def test_difference_stated_without_significance_is_taken_back() -> None:
    # the numbers of MEDLINE 26702161's result, stated without significance, then an anaphor denying it
    first = ("Female patients who received melatonin had a faster rate of reduction of VAS pain and anxiety scores over "
             "time compared to the placebo group.")
    a = _article("Melatonin premedication and postoperative pain", first,
                 "This difference was not statistically significant (p = 0.30).")
    assert _effect(a, "melatonin") == "no_difference"
    assert _effect(_article("Melatonin premedication and postoperative pain", first), "melatonin") == "improved"
