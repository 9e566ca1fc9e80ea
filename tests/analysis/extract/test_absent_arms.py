"""Arms defined by the absence of a treatment (analysis/extract/absent_arms.py), on pool dev sentences."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.absent_arms import absent_words
from ketamine_evidence.analysis.records import Article, Section


def effect(title: str, intervention: str, *parts: tuple[str, str]) -> str | None:
    a = Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(l, l, t) for l, t in parts])
    found = [f for f in extract_findings(a, intervention) if f.field == "pain_effect"]
    return found[0].value if found else None


def test_the_non_x_group_is_the_comparator() -> None:
    """Batch 6 PMC3488177: lower pain 'in the non-tourniquet group' is a harm of tourniquet use."""
    assert effect("Tourniquet use in total knee replacement does not improve fixation",
                  "tourniquet use in cemented total knee replacement",
                  ("METHODS", "50 patients with osteoarthritis of the knee were randomized to cemented TKA with or without "
                              "tourniquet."),
                  ("RESULTS", "Pain VAS measurements were lower in the non-tourniquet group (p = 0.01).")) == "worse"


def test_what_an_absence_intervention_leaves_out_names_the_comparator() -> None:
    """Pool dev PMC4450164: 'those with internal stent' is the comparator of pyeloplasty without internal drainage."""
    name = "dismembered pyeloplasty without internal drainage (double J stent)"
    assert absent_words(name) == ["internal", "drainage", "double", "stent"]
    assert absent_words("tourniquet use in cemented total knee replacement") == []
    assert effect("Surgical Results of Anderson-Hynes Dismembered Pyeloplasty Without Internal Drainage", name,
                  ("OBJECTIVE", "We have compared the surgical outcome of Anderson-Hynes dismembered pyeloplasty for "
                                "UPJO repair, with or without internal stenting."),
                  ("RESULTS", "However, a higher incidence of catheter related urinary symptoms and flank pain was "
                              "reported among those with internal stent.")) == "improved"
