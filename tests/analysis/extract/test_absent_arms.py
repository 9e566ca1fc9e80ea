"""Arms defined by the absence of a treatment (analysis/extract/absent_arms.py), on pool dev sentences."""

from __future__ import annotations

import re

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.absent_arms import _NEGATION, _NEGATION_AT, _negated, absent_words, may_negate
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
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


def test_the_negation_pre_check_passes_every_text_the_negated_names_match() -> None:
    """``may_negate`` is False only where the compiled negated names find nothing (batch 6 PMC3488177 and pool dev
    sentences): it may let a text through, never hold one back."""
    names = resolve_intervention("tourniquet").pattern  # as the abstract names it
    negated = _negated(names)
    for text in ("Pain VAS measurements were lower in the non-tourniquet group (p = 0.01).",
                 "50 patients with osteoarthritis of the knee were randomized to cemented TKA with or without tourniquet.",
                 "TKA without the tourniquet", "no tourniquet was used", "Tourniquet use did not improve fixation.",
                 "There was no difference in fixation; the tourniquet was released."):
        assert may_negate(names, text) or not negated.search(text), text
    assert may_negate(names, "Pain VAS measurements were lower in the non-tourniquet group (p = 0.01).")
    assert not may_negate(names, "There was no difference in fixation; the tourniquet was released.")
    assert not may_negate(names, "Tourniquet use did not improve fixation.")


def test_negations_are_found_where_the_case_insensitive_pattern_finds_them(sentences: list[str]) -> None:
    """``_NEGATION_AT`` runs in lower case (``fast_re``) with its first letter first: the same positions as the
    ``re.I`` look-ahead of ``_NEGATION`` at every position."""
    plain = re.compile(rf"(?={_NEGATION})", re.I)
    assert type(_NEGATION_AT) is not re.Pattern
    texts = sentences + [t.upper() for t in sentences]  # and in capitals (NON-, NO, WITHOUT)
    found = [[m.start() for m in _NEGATION_AT.finditer(t)] for t in texts]
    assert found == [[m.start() for m in plain.finditer(t)] for t in texts]
    assert sum(map(len, found)) > 20
