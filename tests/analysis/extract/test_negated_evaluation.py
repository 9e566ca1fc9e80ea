"""A benefit word under a negator or with a negative prefix, and an equivalence word qualifying pain, are no benefit
(``negated_evaluation``)."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import comparisons
from ketamine_evidence.analysis.extract.negated_evaluation import equivalent_outcome, negated_benefit, negative_evaluation
from ketamine_evidence.analysis.extract.outcomes import _ANY_PAIN

# batch 7 22737365 and 26917621 as the negated_benefit rewrite words them ('There was no significant difference in
# postoperative pain between the study groups (P = 0.22).'): read as `worse` and `better` before.
PRK = "There was no significant superiority of either group in postoperative pain relief (P = 0.22)."
RATINGS = "There was no significant superiority of either treatment in pain relief."
# batch 7 23351337: a benefit, its negator only in a later clause
CFE = ("The severity of pain during defecation and consistency of stool improved significantly better in CFE group "
       "than MO group (p < 0.05)")


def test_a_negated_benefit_word_is_no_benefit() -> None:
    for clause in (PRK, RATINGS):
        assert negated_benefit(clause, clause.index("superiority"))
        assert comparisons.direction_at(clause)[0] == "none"


def test_a_benefit_without_a_negator_before_it_stays_a_benefit() -> None:
    assert not negated_benefit(CFE, CFE.index("improved"))
    assert negative_evaluation(CFE) is None
    assert comparisons.direction_at(CFE)[0] == "better"


def test_a_negative_prefix_is_no_benefit_after_the_clauses_own_benefit_word() -> None:
    """Pool dev 29316960: 'ineffective' is found as an evaluation of no benefit; a benefit word before it ('the
    favoured drug') keeps the clause's direction, as the first evaluation word of a clause does."""
    clause = "This hinders interchange wherever the favoured drug is either ineffective or not tolerated"
    assert negative_evaluation(clause).group(0) == "ineffective"
    assert comparisons.direction_at(clause)[0] == "better"
    assert comparisons.direction_at(clause[clause.index("is either"):])[0] == "none"


# batch 7 26917621 and batch 4 22844334 as the similar_analgesia rewrite words them ('There were no significant
# differences in pain ratings between treatments.'): read as `better` through 'provided ... analgesia' before.
TREATMENTS = "The treatments provided similar analgesia."
POINTS = "The groups provided similar analgesia at all points."
# batch 5 20198404: equivalence of the pain outcome in a dev abstract's own words
ALL_GROUPS = "All treatment groups had similar pain relief (P = 0.172, F = 1.802)"
# batch 5 15265230 (gold improved, against placebo): likened to another active treatment, relative efficacy
NAPROXEN = "Single dose rofecoxib 50 mg provided similar pain relief to naproxen sodium 550 mg over 12 hours"


def test_an_equivalence_word_qualifying_pain_is_no_difference() -> None:
    for clause in (TREATMENTS, POINTS, ALL_GROUPS):
        assert equivalent_outcome(clause, _ANY_PAIN) is not None
        assert comparisons.direction_at(clause)[0] == "none"


def test_pain_likened_to_another_active_treatment_is_not_read_as_equivalence() -> None:
    assert equivalent_outcome(NAPROXEN, _ANY_PAIN) is None


# review10: the reference ends at a conjunction; the placebo of a later coordinated clause is not what pain is likened to
MORPHINE_AND_PLACEBO = "Ketamine provided analgesia similar to that of morphine and superior to placebo"


def test_the_reference_ends_at_a_conjunction() -> None:
    assert equivalent_outcome(MORPHINE_AND_PLACEBO, _ANY_PAIN) is None
    assert comparisons.direction_at(MORPHINE_AND_PLACEBO)[0] == "better"
    assert equivalent_outcome("Ketamine provided analgesia similar to that of placebo and saline", _ANY_PAIN) is not None


# review10: a negative evaluation of an earlier treatment in a relative clause of the population
WHOM = "In patients in whom opioids were ineffective, ketamine provided significant pain relief"
WHOSE = ("In patients whose pain was ineffectively controlled by opioids, ketamine provided significant benefit in "
         "reducing pain compared with placebo")


def test_a_negative_evaluation_in_a_relative_clause_of_the_persons_is_not_the_trials() -> None:
    for clause in (WHOM, WHOSE):
        assert negative_evaluation(clause) is None
        assert comparisons.direction_at(clause)[0] == "better"
    assert negative_evaluation("Ketamine, which we gave to patients, was ineffective").group(0) == "ineffective"
