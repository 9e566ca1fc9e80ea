"""Arms of multi-arm trials of combinations (analysis/extract/combination_arms.py), on batch 5 dev sentences."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings, make_context
from ketamine_evidence.analysis.extract.arms import article_arms
from ketamine_evidence.analysis.extract.comparisons import sentence_direction
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.extract.combination_arms import combination_components
from ketamine_evidence.analysis.records import Article, Section

DULOXETINE = "perioperative duloxetine plus etoricoxib combination"
METHODS = ("Patients were divided randomly into four groups of 30 patients: group P received placebo, group E received "
           "etoricoxib 120 mg, group D received duloxetine 60 mg and group D/E received duloxetine 60 mg capsules and "
           "etoricoxib 120 mg; 1 h before surgery and 24 h after.")
RESULTS = ("Neither Duloxetine nor etoricoxib individually had effect on pain with movement, while their combination "
           "revealed a significant reduction in pain scores over the entire postoperative period at rest and on movement. "
           "Etoricoxib showed a significant decrease in pain at all times at rest when compared with group P, while it "
           "showed significant pain decrease only at 0, 2 and 4 h when compared with group D. On the other hand "
           "duloxetine alone showed significant decrease in pain at rest at 24 h and 48 h when compared with group P.")
CONCLUSION = ("The perioperative administration of the combination of etoricoxib and duloxetine improved analgesia "
              "and reduced opioid consumption without significant side effects.")


def effect(title: str, intervention: str, *parts: tuple[str, str]) -> str | None:
    a = Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(l, l, t) for l, t in parts])
    found = [f for f in extract_findings(a, intervention) if f.field == "pain_effect"]
    return found[0].value if found else None


def test_components_of_a_combination_with_arms_of_its_own() -> None:
    """Batch 5 PMC5712123: duloxetine and etoricoxib each have an arm alone; one product or an add-on has none."""
    assert combination_components(DULOXETINE, METHODS + " " + RESULTS) == [["duloxe"], ["etoric"]]
    assert combination_components(DULOXETINE, METHODS) == []  # no component named alone or individually
    assert combination_components("intra-articular Cingal (sodium hyaluronate plus triamcinolone hexacetonide)",
                                  "sodium hyaluronate alone (Monovisc)") == []
    assert combination_components("recombinant mutant human TNF injection combined with chemotherapy",
                                  "chemotherapy alone") == []


def test_a_component_alone_against_placebo_says_nothing_of_the_combination() -> None:
    """Batch 5 PMC5712123 (gold improved): the component arms' results are no verdict on 'their combination'."""
    assert effect("Perioperative Duloxetine and Etoricoxibto improve postoperative pain after lumbar Laminectomy",
                  DULOXETINE, ("METHODS", METHODS), ("RESULTS", RESULTS), ("CONCLUSIONS", CONCLUSION)) == "improved"


def test_arms_of_the_combination_and_of_its_components() -> None:
    """Batch 5 PMC5712123: 'their combination' and 'the D/E group' are the intervention's arm, a component named
    alone a comparator's; a component compared with placebo orients no direction."""
    a = Article(pmid="1", pmcid=None, doi=None, title="t", abstract=[Section("M", "M", METHODS + " " + RESULTS)])
    arms = article_arms(make_context(a, resolve_intervention(DULOXETINE)))
    assert arms.side("while their combination revealed a significant reduction in pain scores") == "intervention"
    assert arms.side("it wassignificantly lower in the D/E group") == "intervention"
    assert arms.side("On the other hand duloxetine alone showed significant decrease in pain") == "comparator"
    assert sentence_direction("On the other hand duloxetine alone showed significant decrease in pain at rest at 24 h "
                              "and 48 h when compared with group P.", arms) is None
