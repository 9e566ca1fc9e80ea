"""A benefit word under negation, or with a negative prefix, states no benefit."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import negated_evaluation
from ketamine_evidence.analysis.extract.comparisons import direction_at


@pytest.fixture(autouse=True)
def enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(negated_evaluation, "ENABLED", True)
    direction_at.cache_clear()  # per-article cache: the switch changes the reading


def test_negated_benefit_word() -> None:
    # batch 6 PMC4232010: 'no overall improvements' is the absence of an improvement, not one.
    assert direction_at("Although there were no overall improvements in ADL")[0] == "none"


def test_negative_prefix() -> None:
    # MEDLINE sample 26702281.
    assert direction_at("Attempts to retrieve the foreign body were unsuccessful.")[0] == "none"


def test_benefit_words_not_negated_stay() -> None:
    # batch 6 PMC4232010 (gold improved): the benefit words there are not negated.
    assert direction_at("Pain medication significantly improved pain in the intervention group, with indications that "
                        "acetaminophen also improved ADL function.")[0] == "better"
    assert direction_at("The SPTP conferred significant benefit in MOBID-2 scores compared with the control group")[0] \
        == "better"
