"""Which outcome a direction word is about (``outcome_scope``): texts from dev records (batches 4, 6, 7, pool dev)."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.arms import arms_for
from ketamine_evidence.analysis.extract.direction import clause_verdicts
from ketamine_evidence.analysis.extract.outcome_scope import other_outcome_span, without_other_outcome
from ketamine_evidence.analysis.records import Article, Section

MISOPROSTOL = ("The mean cervical dilatation was significantly higher (P < 0.0001) in misoprostol compared to placebo group "
               "(4.6 ± 0.96 mm vs. 3.6 ± 0.82 mm), benefit were also observed on secondary outcome measures which were need "
               "for further dilatation, time taken for further dilatation, ease of dilatation, subjective assessment of pain "
               "by visual analog scale.")


def _arms(name: str, text: str):
    return arms_for(text, re.compile(rf"\b{name}\b", re.I))


def test_subject_of_a_predicate_that_is_not_pain_is_set_aside() -> None:
    """Batch 6 PMC4630743: 'higher' is about cervical dilatation; the pain words belong to the next statement."""
    arms = _arms("misoprostol", MISOPROSTOL)
    reading, elsewhere = without_other_outcome(MISOPROSTOL, arms)
    assert elsewhere and "cervical dilatation" not in reading and "(4.6" not in reading
    assert "benefit were also observed" in reading and len(reading) == len(MISOPROSTOL)
    assert [v.verdict for v in clause_verdicts(MISOPROSTOL, arms, results=True)] == ["better"]


def test_object_of_a_change_noun_that_is_not_pain_leaves_the_next_change() -> None:
    """Batch 7 PMC5735476: 'decrease in onset of ... blockade' is not about pain; 'prolongation of ... analgesia' is."""
    text = ("We concluded that there was decrease in onset of sensory and motor blockade with the prolongation of "
            "duration of anesthesia and analgesia in a dose-dependent manner.")
    arms = _arms("dexmedetomidine", text)
    assert other_outcome_span(text, text.index("decrease"), arms) is not None
    assert [v.verdict for v in clause_verdicts(text, arms)] == ["better"]


def test_a_change_that_causes_another_is_not_the_outcome() -> None:
    """Batch 7 PMC2911596: 'increasing analgesia decreases SSI' names SSI as the outcome, analgesia as its cause."""
    text = "Fentanyl boluses during surgery decreased SSI, indicating that increasing analgesia decreases SSI."
    arms = _arms("sevoflurane", text)
    assert clause_verdicts(text, arms) == []


def test_the_intervention_dose_as_subject_is_not_analgesic_consumption() -> None:
    """Batch 6 PMC4064763: the oxytocin dose needed is not a pain outcome though 'pain' follows."""
    text = "Mean oxytip dosage needed was less than that of oxytocin to reach for appropriate pain (P = 0.042)."
    assert clause_verdicts(text, _arms("oxytip", text), results=True) == []


def test_pain_outcomes_in_the_governed_words_are_kept() -> None:
    """Lists (pool dev PMC5434674), bracketed definitions (batch 7 PMC3511947), enumerations (batch 4 PMC3502183),
    umbrella words (batch 6 PMC3276927) and wordings of analgesic use (batch 4 PMC3403627) stay pain outcomes."""
    kept = [
        "had observed a significant reduction in numbness (P = 0.001), pain (0.002), tingling (P = 0.001)",
        "The total number of epidural top ups (rescue analgesia) required was less in group II (P < 0.05)",
        "a significant decrease in 1) sensation of anorectal obstruction from 90.0% to 45.0% (p < 0.01), 2) pain",
        "found significant reduction of symptoms with P≤0.001 in pain, frequency",
        "analgesic drug usage in the acupressure group patients was significantly lower than in the sham control group",
        "Pain scores, nausea and sedation were lower in group K",
    ]
    for text in kept:
        arms = _arms("acupressure", text)
        assert without_other_outcome(text, arms) == (text, False), text


def test_article_reads_the_pain_statement_not_the_dilatation() -> None:
    """Batch 6 PMC4630743 end to end: improved (gold), not worse."""
    a = Article(pmid="1", pmcid=None, doi=None,
                title="Effect of misoprostol for cervical priming before gynecological procedures",
                abstract=[Section("METHODS", "METHODS", "Study (A) and control (B) group received 400 μg of misoprostol or "
                                  "400 mg of metronidazole tablets (as a placebo) respectively."),
                          Section("RESULTS", "RESULTS", MISOPROSTOL)])
    found = [f for f in extract_findings(a, "misoprostol") if f.field == "pain_effect"]
    assert [f.value for f in found] == ["improved"]
