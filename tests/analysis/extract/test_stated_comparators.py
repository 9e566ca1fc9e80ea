"""The comparator a trial states (analysis/extract/stated_comparators.py), on pool dev text."""

from __future__ import annotations

from ketamine_evidence.analysis.evaluation.invariance_changes import arms_by_treatment
from ketamine_evidence.analysis.extract import make_context
from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.extract.stated_comparators import comparator_words
from ketamine_evidence.analysis.records import Article, Section

# Pool dev PMC5808274 (gold improved): its aims, methods, results and conclusion.
TITLE = ("Retroperitoneal laparoscopic pyelolithotomy in renal pelvic stone versus open surgery - a comparative study")
NAME = "retroperitoneal laparoscopic pyelolithotomy"
PARTS = (
    ("Aims and Objectives", "To study the safety and efficacy of retroperitoneal laparoscopic pyelolithotomy in "
                            "retroperitoneal renal stone. We compared the results of laparoscopic and open surgery in "
                            "terms of easy accessibility, operative period, renal injuries, and early recovery."),
    ("Methods", "This prospective study was conducted on renal pelvic stone cases from January 2009 to February 2016 in "
                "Suchkhand Hospital, Agra, India. The study included a total of 1700 cases with the diagnosis of solitary "
                "renal pelvic stones. In group A - 850 cases - retroperitoneal laparoscopic pyelolithotomy was performed, while group B - 850 "
                "cases – underwent open pyelolithotomy."),
    ("Results", "The mean operative time was less in group B than group A (74.83 min vs. 94.43 min) which was significant "
                "(p<0.001). The blood loss was less in the laparoscopic group than in the open group (63 mL vs. 103mL). "
                "There were statistically significant differences in the post-operative pain scores, and postoperative "
                "complications compared to group B (p<0.001)."),
    ("Conclusion", "Laparoscopic surgery reduces analgesic requirements, hospital stay, and blood loss."),
)


def article(parts: tuple[tuple[str, str], ...], title: str = TITLE) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(l, l, t) for l, t in parts])


def test_the_title_states_the_comparator_without_the_head_both_arms_share() -> None:
    """'versus open surgery - a comparative study': 'open' names the comparator; 'surgery' follows the intervention's
    own word too ('Laparoscopic surgery'), and the title's remark after ' - ' is no arm."""
    a = article(PARTS)
    arms = article_arms(make_context(a, NAME))
    assert comparator_words(NAME, TITLE, a.text, arms.names) == ["open"]


def test_the_bracketed_comparator_of_the_name() -> None:
    """Pool dev PMC4881703's name 'oral tapentadol (vs oral tramadol) after cardiac surgery': 'tramadol' (the route
    word is no name), found in its text; none for a name without a bracket and a title without 'versus'."""
    name = "oral tapentadol (vs oral tramadol) after cardiac surgery"
    a = article((("Results", "Tapentadol produced lesser drowsiness and lesser vomiting than tramadol."),),
                title="Comparison of tapentadol with tramadol for analgesia after cardiac surgery")
    arms = article_arms(make_context(a, name))
    assert comparator_words(name, a.title, a.text, arms.names) == ["tramadol"]
    assert comparator_words("oral tapentadol", a.title, a.text, arms.names) == []


def test_an_arm_named_by_its_treatment() -> None:
    """The same abstract with its arms named by treatment ('less with laparoscopic than with open', the invariance
    rewrite ``arms_by_treatment``): the stated comparator makes 'with open' the comparator's arm by strong evidence
    (a name the trial states; before, 'open' was only a weak 'X group' word, gone with the rewrite), and leaves
    'Laparoscopic surgery reduces analgesic requirements' off the comparator's side."""
    rewritten = tuple((label, arms_by_treatment(text)) for label, text in PARTS)
    assert "less with laparoscopic than with open" in rewritten[2][1]
    arms = article_arms(make_context(article(rewritten), NAME))
    assert arms.is_named_comparator("The blood loss was less with laparoscopic than with open (63 mL vs. 103mL).")
    assert not arms.is_comparator("Laparoscopic surgery reduces analgesic requirements, hospital stay, and blood loss.")
