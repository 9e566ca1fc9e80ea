"""Abbreviations an abstract defines, and which of them name the intervention (``arm_abbreviations``)."""

from __future__ import annotations

import ketamine_evidence.analysis.extract  # noqa: F401  (wraps the module-level patterns, as at run time)
from ketamine_evidence.analysis.extract.arm_abbreviations import (defined_abbreviations, initials_abbreviations,
                                                                  intervention_abbreviations)
from ketamine_evidence.analysis.extract.interventions import resolve_intervention


def test_abbreviation_spelled_by_the_names_words_is_the_intervention() -> None:
    # PMID 28442930 (pool dev) defines both arms by abbreviation; only PCEA's words are all in the name.
    text = ("patient controlled epidural analgesia (PCEA) or patient controlled intravenous analgesia (PCIA) "
            "with fentanyl")
    name = "thoracic patient-controlled epidural analgesia with bupivacaine and fentanyl"
    assert initials_abbreviations(text, name) == ["PCEA"]
    # PMID 25197113 (pool dev): the bracketed comparator's words do not name the intervention.
    text = "ropivacaine fentanyl (RF) or bupivacaine fentanyl (BF)"
    assert initials_abbreviations(text, "intrathecal ropivacaine-fentanyl (vs bupivacaine-fentanyl)") == ["RF"]


def test_defined_abbreviations_are_read_left_to_right() -> None:
    # PMID 28442930 (pool dev): both arms are spelled out, each followed by its bracketed capitals.
    text = ("patient controlled epidural analgesia (PCEA) or patient controlled intravenous analgesia (PCIA) "
            "with fentanyl")
    assert [abbr for _, abbr in defined_abbreviations(text)] == ["PCEA", "PCIA"]
    assert defined_abbreviations(text)[1][0].strip().endswith("intravenous analgesia")


def test_an_abbreviation_right_after_the_interventions_own_mention() -> None:
    # Pool dev PMC5759865: 'Whilst gabapentin (GBP) and pregabalin (PGB)': only the intervention's own bracket.
    text = "Whilst gabapentin (GBP) and pregabalin (PGB) are both currently used to treat CS, equipoise exists"
    assert intervention_abbreviations(text, resolve_intervention("pregabalin").pattern) == ["PGB"]
    assert intervention_abbreviations(text, resolve_intervention("gabapentin").pattern) == ["GBP"]
