"""A change stated for every arm alike (analysis/extract/arm_changes.py), on pool dev text."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings, make_context
from ketamine_evidence.analysis.extract.arm_changes import every_arm_change
from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.records import Article, Section

# Pool dev PMC3895597 (gold no_difference): tiropramide against octylonium.
TITLE = ("Efficacy and Safety of Tiropramide in the Treatment of Patients With Irritable Bowel Syndrome: A Multicenter, "
         "Randomized, Double-blind, Non-inferiority Trial, Compared With Octylonium")
NAME = "tiropramide (vs octylonium)"
# The first clause of its results sentence (the second, 'but the change from baseline did not differ between the 2
# groups', is left out: it alone already gives no_difference).
BOTH_DECREASED = "The VAS scores of abdominal pain at week 4, were significantly decreased in both tiropramide and octylonium groups."


def article(*parts: tuple[str, str], title: str = TITLE) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(l, l, t) for l, t in parts])


def effect(a: Article, name: str) -> str | None:
    found = [f for f in extract_findings(a, name) if f.field == "pain_effect"]
    return found[0].value if found else None


def test_a_decrease_in_both_arms_is_no_difference() -> None:
    """'significantly decreased in both tiropramide and octylonium groups': each arm's change from baseline, no arm
    better; before, the 'both X and Y groups' form was no 'both groups' to the reader and gave improved."""
    assert effect(article(("RESULTS", BOTH_DECREASED)), NAME) == "no_difference"


def test_the_two_arms_must_be_coordinated() -> None:
    """A combination's drugs as the subject (batch 5 PMC3087256: 'Co administration of epidural neostigmine and
    lignocaine ... increases the duration of analgesia') are no two arms' changes; a comparison ('than') neither."""
    arms = article_arms(make_context(article(("RESULTS", BOTH_DECREASED)), NAME))
    assert every_arm_change(BOTH_DECREASED, BOTH_DECREASED, arms)
    compared = "Abdominal pain decreased more in the tiropramide group than in the octylonium group."
    assert not every_arm_change(compared, compared, arms)
    one = "The VAS scores of abdominal pain were significantly decreased in the tiropramide group."
    assert not every_arm_change(one, one, arms)

