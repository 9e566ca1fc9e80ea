"""Comparators named by description (analysis/extract/contrast_arms.py; adverse events), on pool dev sentences."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import adverse_events, make_context
from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.extract.contrast_arms import contrast_words
from ketamine_evidence.analysis.records import Article, Section

ELECTRO = "electrosurgical incision (electroincision)"
ELECTRO_METHODS = ("Dogs were prospectively recruited and randomized to receive electroincision or cold instrument "
                   "incision. For cold incision, surgeons used basic surgical instruments including scalpel and scissors.")


def _article(title: str, *parts: tuple[str, str]) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(l, l, t) for l, t in parts])


def test_the_contrasted_arm_named_by_its_own_words() -> None:
    """Pool dev PMC5516192: '(cold incision)' names the arm set against electroincision."""
    a = _article("Electrosurgery reduces blood loss compared to cold instruments for midline celiotomy in dogs",
                 ("METHODS", ELECTRO_METHODS),
                 ("RESULTS", "A surgical site infection occurred in 1 dog (cold incision)."))
    arms = article_arms(make_context(a, ELECTRO))
    assert contrast_words(a.text, arms.names, ELECTRO) == ["cold", "instrument"]
    assert arms.side("A surgical site infection occurred in 1 dog (cold incision).") == "comparator"
    assert arms.side("For electroincision, surgeons only used the electrosurgical device in cutting mode.") == "intervention"


def test_an_event_among_those_given_what_the_intervention_leaves_out() -> None:
    """Pool dev PMC4450164 (gold: no adverse event): the symptoms 'among those with internal stent' are the
    comparator's, whose arm only the absence reading (absent_arms.py) names."""
    a = _article("Surgical Results of Anderson-Hynes Dismembered Pyeloplasty Without Internal Drainage in Adults",
                 ("METHODS", "We have compared the surgical outcome of Anderson-Hynes dismembered pyeloplasty for UPJO "
                             "repair, with or without internal stenting."),
                 ("RESULTS", "However, a higher incidence of catheter related urinary symptoms and flank pain was "
                             "reported among those with internal stent."))
    found = adverse_events.extract(make_context(a, "dismembered pyeloplasty without internal drainage (double J stent)"))
    assert [f.value for f in found if f.field == "adverse_events"] == []
