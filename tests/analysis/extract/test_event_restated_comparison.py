"""Round 10 (ae10): 'without significant complications' that restates the abstract's comparison of complications is
that comparison (rule k), not a general negation (rule y). Real dev sentences (pool dev, batch 5)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ketamine_evidence.analysis.extract import event_roles
from ketamine_evidence.analysis.extract.event_negation import find_event_mentions

# pool dev PMC5556332 (results, conclusion): gold negates nothing
COMPARED = "The complications were not significantly different between the two groups."
CONCLUSION = ("Preemptive use of pregabalin-acetaminophen-naproxen decreases intensity of pain and morphine consumption "
              "in the cancer patients after laparotomy without significant complications.")
# batch 5 PMC5712123 (conclusion, no comparison of side effects): gold negates serious_adverse_events (rule y)
RULE_Y = ("The perioperative administration of the combination of etoricoxib and duloxetine improved analgesia and "
          "reduced opioid consumption without significant side effects.")


def _restated(sentences: list[str], text: str) -> bool:
    ctx = SimpleNamespace(sentences=[SimpleNamespace(text=s) for s in sentences])
    m = next(x for x in find_event_mentions(text) if x.kind != "term")
    assert m.negated and event_roles.general_negation(text, m) == "serious"
    return event_roles.restated_comparison(ctx, text, m)


@pytest.mark.parametrize("sentences, text, expected", [
    ([COMPARED, CONCLUSION], CONCLUSION, True),
    ([CONCLUSION], CONCLUSION, False),  # no comparison to restate: rule y
    ([COMPARED, RULE_Y], RULE_Y, False),  # another general word ('side effects') than the one compared
])
def test_restated_comparison(sentences: list[str], text: str, expected: bool) -> None:
    assert _restated(sentences, text) is expected


def test_dev_record_restating_its_comparison_negates_nothing() -> None:
    from ketamine_evidence.analysis.extract import adverse_events, make_context
    from ketamine_evidence.analysis.parse.files import parse_file
    from tests.conftest import EVAL

    article = next(iter(parse_file(EVAL / "pain_trials_pool" / "PMC5556332.nxml")))
    found = adverse_events.extract(make_context(article, "preemptive oral pregabalin-acetaminophen-naproxen (PAN)"))
    assert [f.value for f in found if f.field == "negated_adverse_events"] == []
