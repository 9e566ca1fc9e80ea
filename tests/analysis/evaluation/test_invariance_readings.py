"""Rewrites restating a pain finding in the forms probe sentences showed misread, each on real dev sentences."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance import REWRITES
from ketamine_evidence.analysis.evaluation.invariance_readings import (head_noun_change, negated_benefit,
                                                                        similar_analgesia)

# pool dev 22559856
LIDOCAINE = ("Changing the smooth muscle tone and reducing the transmission of afferent sensory pathways, lidocaine "
             "causes a significant reduction in pain.")
# batch 6 24819710
PROTOCOL = ("A stepwise protocol to treat pain in nursing home residents with moderate to severe dementia significantly "
            "reduced pain intensity.")
# pool dev 25902771, batch 6 21753896, 27695113: the pain noun phrase goes on ('pain levels', 'and duration')
LEVELS = "with a reduction in pain levels by at least 20%"
DURATION = "It significantly reduced pain intensity and duration and improved cytohistologic parameters of the bowel mucosa."
GLUTAMATE = "the FMS group exhibited significant decreases in pain intensity and in mean interstitial concentrations"
# batch 7 22737365, 26917621, batch 4 22844334
PRK = "There was no significant difference in postoperative pain between the study groups (P = 0.22)."
RATINGS = "There were no significant differences in pain ratings between treatments."
POINTS = "No differences were found in pain scores between the groups at all points."
# batch 5 25662551: a list of outcomes is left alone
LIST = "No statistically significant differences were observed for pain (p<0.06), trismus (p<0.71) and swelling."


def test_head_noun_change_puts_the_change_word_after_pain() -> None:
    assert head_noun_change(LIDOCAINE).endswith("lidocaine causes a significant pain reduction.")
    assert head_noun_change(PROTOCOL).endswith("dementia produced a significant pain intensity reduction.")
    assert head_noun_change("The mean reduction in pain was 1.1 in both groups.") == "The mean pain reduction was 1.1 in both groups."


def test_head_noun_change_leaves_a_noun_phrase_that_goes_on() -> None:
    for text in (LEVELS, DURATION, GLUTAMATE):
        assert head_noun_change(text) == text


def test_negated_benefit_restates_no_difference_as_no_superiority() -> None:
    assert negated_benefit(PRK) == "There was no significant superiority of either group in postoperative pain relief (P = 0.22)."
    assert negated_benefit(RATINGS) == "There was no significant superiority of either treatment in pain relief."
    assert negated_benefit(POINTS) == "There was no superiority of either group in pain relief at all points."
    assert negated_benefit(LIST) == LIST


def test_similar_analgesia_restates_no_difference_as_alike_arms() -> None:
    assert similar_analgesia(PRK) == "The study groups provided similar postoperative pain relief (P = 0.22)."
    assert similar_analgesia(RATINGS) == "The treatments provided similar analgesia."
    assert similar_analgesia(POINTS) == "The groups provided similar analgesia at all points."
    assert similar_analgesia(LIST) == LIST


def test_the_rewrites_are_registered() -> None:
    assert {"head_noun_change", "negated_benefit", "similar_analgesia"} <= set(REWRITES)
