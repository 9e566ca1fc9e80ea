"""The learned condition reader: its features, and the findings each reader gives through ``conditions.extract``."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import condition_reader as cr
from ketamine_evidence.analysis.extract import conditions, label_model, make_context
from ketamine_evidence.analysis.records import CONDITIONS, Article, Section

# A title of the condition tests (test_conditions.py): the rules give low_back and other (upper back pain is other).
TITLE = "Comfrey cream in patients with acute upper or low back pain"


def _article() -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=TITLE,
                   abstract=[Section("METHODS", "METHODS", "Patients were randomly assigned to the treatment or placebo.")])


def test_features_name_candidates_where_they_stand_and_the_rules_answer_only_when_given() -> None:
    ctx = make_context(_article())
    text_only = cr.features(ctx, None)
    assert {"c:low_back", "ct:low_back", "cs:low_back:title", "cp:low_back", "c:other", "t:comfrey"} <= text_only
    assert not any(f.startswith("r:") or f == "r_none" for f in text_only)
    assert "r:low_back" in cr.features(ctx, ["low_back"])
    assert "r_none" in cr.features(ctx, [])


def test_rules_reader_returns_the_rules_findings(monkeypatch) -> None:
    monkeypatch.delenv("KE_COND_READER", raising=False)
    ctx = make_context(_article())
    assert [f.value for f in conditions.extract(ctx)] == [f.value for f in conditions._rules(ctx)] == ["low_back", "other"]


@pytest.mark.parametrize("reader, feature_set", [("model", "text"), ("model", "full"), ("hybrid", "text")])
def test_learned_readers_give_the_shipped_models_terms_with_evidence(monkeypatch, reader: str, feature_set: str) -> None:
    monkeypatch.setenv("KE_COND_READER", reader)
    monkeypatch.setenv("KE_COND_FEATURES", feature_set)
    monkeypatch.setenv("KE_COND_DROP", "0.99")  # hybrid: drops every rules' term the model doubts at all
    ctx = make_context(_article())
    rules = [f.value for f in conditions._rules(ctx)]
    model = label_model.load_models(cr.MODEL_FILE)[feature_set]
    probs = model.probabilities(cr.features(ctx, rules if feature_set == "full" else None))
    found = conditions.extract(ctx)
    assert [f.value for f in found] == label_model.combine(rules, probs, reader, CONDITIONS, drop=0.99)
    assert all(f.evidence is not None and f.evidence.text for f in found)
