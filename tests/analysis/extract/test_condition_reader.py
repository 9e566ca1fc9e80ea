"""The learned condition reader: its features, its plain-Python scoring, and how each reader combines it with
the rules."""

from __future__ import annotations

import math

import pytest

from ketamine_evidence.analysis.extract import condition_reader as cr
from ketamine_evidence.analysis.extract import conditions, make_context
from ketamine_evidence.analysis.records import Article, Section

# A title of the condition tests (test_conditions.py): the rules give low_back and other (upper back pain is other).
TITLE = "Comfrey cream in patients with acute upper or low back pain"


def _article() -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=TITLE,
                   abstract=[Section("METHODS", "METHODS", "Patients were randomly assigned to the treatment or placebo.")])


def test_features_name_candidates_where_they_stand_and_the_rules_answer_only_when_given() -> None:
    ctx = make_context(_article())
    text_only = cr.features(ctx.sentences, None)
    assert {"c:low_back", "ct:low_back", "cs:low_back:title", "cp:low_back", "c:other", "t:comfrey"} <= text_only
    assert not any(f.startswith("r:") or f == "r_none" for f in text_only)
    assert "r:low_back" in cr.features(ctx.sentences, ["low_back"])
    assert "r_none" in cr.features(ctx.sentences, [])


def test_probabilities_are_the_logistic_of_bias_plus_weights_and_survive_json() -> None:
    model = cr.ConditionModel({"other": -1.0, "low_back": 0.5}, {"c:other": {"other": 3.0}, "t:back": {"low_back": -0.5}})
    probs = model.probabilities({"c:other", "t:back", "unknown"})
    assert probs["other"] == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert probs["low_back"] == pytest.approx(0.5)
    assert cr.ConditionModel.from_json(model.to_json()).probabilities({"c:other"}) == model.probabilities({"c:other"})


@pytest.mark.parametrize("reader, expected", [
    ("rules", ["postoperative_acute", "other"]),
    ("model", ["other"]),  # none reaches the cut (0.97); other is not covered by the model: the rules' answer stands
    ("hybrid", ["low_back", "other"]),  # postoperative_acute dropped (0.02), low_back added (0.95)
])
def test_readers_combine_rules_and_model(reader: str, expected: list[str]) -> None:
    probs = {"postoperative_acute": 0.02, "low_back": 0.95, "neuropathic": 0.6}
    out = cr.combine(["other", "postoperative_acute"], probs, reader, cut=0.97, add=0.9, drop=0.05)
    assert out == expected


def test_hybrid_keeps_the_rules_terms_between_the_thresholds() -> None:
    probs = {"postoperative_acute": 0.3, "low_back": 0.7}
    assert cr.combine(["postoperative_acute"], probs, "hybrid", add=0.9, drop=0.05) == ["postoperative_acute"]


def test_reader_choice_reads_the_environment_and_falls_back_to_the_defaults(monkeypatch) -> None:
    monkeypatch.delenv("KE_COND_READER", raising=False)
    monkeypatch.delenv("KE_COND_FEATURES", raising=False)
    monkeypatch.delenv("KE_COND_ADD", raising=False)
    monkeypatch.delenv("KE_COND_DROP", raising=False)
    assert cr.reader_choice() == ("rules", "text", cr.ADD, cr.DROP)
    monkeypatch.setenv("KE_COND_READER", "hybrid")
    monkeypatch.setenv("KE_COND_FEATURES", "full")
    monkeypatch.setenv("KE_COND_DROP", "0.25")
    monkeypatch.setenv("KE_COND_ADD", "high")
    assert cr.reader_choice() == ("hybrid", "full", cr.ADD, 0.25)
    monkeypatch.setenv("KE_COND_READER", "oracle")
    assert cr.reader_choice()[0] == "rules"


def test_rules_reader_returns_the_rules_findings_unchanged(monkeypatch) -> None:
    monkeypatch.delenv("KE_COND_READER", raising=False)
    ctx = make_context(_article())
    rules = conditions._rules(ctx)
    assert [f.value for f in conditions.extract(ctx)] == [f.value for f in rules] == ["low_back", "other"]


@pytest.mark.skipif(not cr.load_models(), reason="no condition model shipped")
@pytest.mark.parametrize("feature_set", ["text", "full"])
def test_model_reader_gives_the_shipped_models_terms_with_evidence(monkeypatch, feature_set: str) -> None:
    monkeypatch.setenv("KE_COND_READER", "model")
    monkeypatch.setenv("KE_COND_FEATURES", feature_set)
    ctx = make_context(_article())
    rules = [f.value for f in conditions._rules(ctx)]
    model = cr.load_models()[feature_set]
    probs = model.probabilities(cr.features(ctx.sentences, rules if feature_set == "full" else None))
    found = conditions.extract(ctx)
    assert [f.value for f in found] == cr.combine(rules, probs, "model")
    assert all(f.evidence is not None and f.evidence.text for f in found)
