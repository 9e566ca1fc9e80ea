"""The shared part of the learned readers: plain-Python logistic scores, how a reader combines them with the
rules, and the reader chosen by the environment."""

from __future__ import annotations

import math

import pytest

from ketamine_evidence.analysis.extract import label_model as lm
from ketamine_evidence.analysis.records import CONDITIONS, ROUTES


def test_probabilities_are_the_logistic_of_bias_plus_weights_and_survive_json() -> None:
    model = lm.LabelModel({"other": -1.0, "low_back": 0.5}, {"c:other": {"other": 3.0}, "t:back": {"low_back": -0.5}})
    probs = model.probabilities({"c:other", "t:back", "unknown"})
    assert probs["other"] == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert probs["low_back"] == pytest.approx(0.5)
    assert lm.LabelModel.from_json(model.to_json()).probabilities({"c:other"}) == model.probabilities({"c:other"})


@pytest.mark.parametrize("reader, expected", [
    ("rules", ["postoperative_acute", "other"]),
    ("model", ["other"]),  # none reaches the cut (0.97); other has no model of its own: the rules' answer stands
    ("hybrid", ["low_back", "other"]),  # postoperative_acute dropped (0.02), low_back added (0.95)
])
def test_readers_combine_rules_and_model(reader: str, expected: list[str]) -> None:
    probs = {"postoperative_acute": 0.02, "low_back": 0.95, "neuropathic": 0.6}
    assert lm.combine(["other", "postoperative_acute"], probs, reader, CONDITIONS, cut=0.97, add=0.9, drop=0.05) == expected


def test_hybrid_keeps_the_rules_labels_between_the_thresholds_and_orders_them() -> None:
    probs = {"oral": 0.3, "intravenous": 0.7, "topical": 0.95}
    assert lm.combine(["oral", "intravenous"], probs, "hybrid", ROUTES, add=0.9, drop=0.05) == ["intravenous", "oral", "topical"]


def test_reader_choice_reads_the_environment_and_falls_back_to_the_defaults(monkeypatch) -> None:
    for name in ("READER", "FEATURES", "ADD", "DROP"):
        monkeypatch.delenv(f"KE_X_{name}", raising=False)
    assert lm.reader_choice("KE_X") == ("rules", "text", lm.ADD, lm.DROP)
    monkeypatch.setenv("KE_X_READER", " Hybrid")
    monkeypatch.setenv("KE_X_FEATURES", "full")
    monkeypatch.setenv("KE_X_DROP", "0.25")
    monkeypatch.setenv("KE_X_ADD", "")
    assert lm.reader_choice("KE_X") == ("hybrid", "full", lm.ADD, 0.25)
    monkeypatch.setenv("KE_X_READER", "")
    assert lm.reader_choice("KE_X", ("hybrid", 0.9, -1.0)) == ("hybrid", "full", 0.9, 0.25)  # a field's own default


@pytest.mark.parametrize(("name", "value"), [("READER", "oracle"), ("FEATURES", "all"), ("ADD", "high"),
                                             ("DROP", "nan"), ("ADD", "inf")])
def test_reader_choice_rejects_what_it_cannot_read(monkeypatch, name: str, value: str) -> None:
    monkeypatch.setenv(f"KE_X_{name}", value)
    with pytest.raises(ValueError, match=f"KE_X_{name}="):
        lm.reader_choice("KE_X")
