"""The learned route reader: its features, and the findings each reader gives through ``routes.extract``."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import label_model, make_context, route_reader, routes
from ketamine_evidence.analysis.records import ROUTES, Article, Section

# Sentences of the route tests (test_routes.py).
INTRANASAL = "Children randomly received intranasal ketamine (0.5mg/kg) or midazolam."
OTHER_DRUG = "Intravenous hyoscine 20 mg was more effective than ketamine."


def _ctx(*sentences: str):
    return make_context(Article(pmid="1", pmcid=None, doi=None, title="A trial",
                                abstract=[Section("METHODS", "METHODS", " ".join(sentences))]), "ketamine")


def test_features_place_each_route_word_against_the_intervention() -> None:
    feats = route_reader.features(_ctx(INTRANASAL), None)
    assert {"c:intranasal", "ci:intranasal", "ca:intranasal", "cf:intranasal:intranasal", "perkg", "n:ketamine"} <= feats
    assert "cb:intranasal" not in feats  # the route word stands before the intervention, not after it
    assert not any(f.startswith(("r:", "nr:")) or f == "r_none" for f in feats)
    full = route_reader.features(_ctx(INTRANASAL), ["intranasal"])
    assert {"r:intranasal", "nr:intranasal"} <= full


def test_a_route_of_another_drug_is_a_candidate_the_rules_reject() -> None:
    ctx = _ctx(OTHER_DRUG)
    feats = route_reader.features(ctx, None)
    assert {"c:intravenous", "ci:intravenous", "ca:intravenous"} <= feats  # 40 characters before it: near
    assert routes._rules(ctx) == [] and "nr:intravenous" not in route_reader.features(ctx, [])


def test_rules_reader_returns_the_rules_findings(monkeypatch) -> None:
    monkeypatch.setenv("KE_ROUTE_READER", "rules")
    ctx = _ctx(INTRANASAL)
    assert [f.value for f in routes.extract(ctx)] == [f.value for f in routes._rules(ctx)] == ["intranasal"]


def test_the_default_is_the_rules_and_the_hybrid_adds_confident_routes_and_removes_none(monkeypatch) -> None:
    for name in ("READER", "FEATURES", "ADD", "DROP"):
        monkeypatch.delenv(f"KE_ROUTE_{name}", raising=False)
    assert label_model.reader_choice(route_reader.ENV_PREFIX, route_reader.DEFAULT) == ("rules", "text", 0.9, -1.0)
    ctx = _ctx(INTRANASAL)
    assert [f.value for f in routes.extract(ctx)] == ["intranasal"]
    monkeypatch.setenv("KE_ROUTE_READER", "hybrid")
    model = label_model.load_models(route_reader.MODEL_FILE)["text"]
    probs = model.probabilities(route_reader.features(ctx, None))
    found = [f.value for f in routes.extract(ctx)]
    assert "intranasal" in found  # a rules' route stays whatever the model gives it
    assert found == [t for t in ROUTES if t == "intranasal" or probs.get(t, 0.0) >= 0.9]


@pytest.mark.parametrize("reader, feature_set", [("model", "text"), ("model", "full"), ("hybrid", "text")])
@pytest.mark.parametrize("sentence", [INTRANASAL, OTHER_DRUG])
def test_learned_readers_give_the_shipped_models_routes_with_evidence(monkeypatch, reader: str, feature_set: str,
                                                                      sentence: str) -> None:
    monkeypatch.setenv("KE_ROUTE_READER", reader)
    monkeypatch.setenv("KE_ROUTE_FEATURES", feature_set)
    monkeypatch.setenv("KE_ROUTE_ADD", "0.01")  # hybrid: adds every route the model gives any weight
    ctx = _ctx(sentence)
    rules = [f.value for f in routes._rules(ctx)]
    model = label_model.load_models(route_reader.MODEL_FILE)[feature_set]
    probs = model.probabilities(route_reader.features(ctx, rules if feature_set == "full" else None))
    found = routes.extract(ctx)
    assert [f.value for f in found] == label_model.combine(rules, probs, reader, ROUTES, add=0.01)
    assert all(f.evidence is not None and f.evidence.text for f in found)
