"""The dev records as the rankers' examples (analysis/evaluation/ranker_records.py): the rules' readers only."""

from __future__ import annotations

import os

import pytest

from ketamine_evidence.analysis.evaluation.ranker_records import DEV_SETS, rules_readers


def test_rules_readers_while_inside_and_the_environment_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KE_N_READER", "ranker")
    monkeypatch.delenv("KE_FU_READER", raising=False)
    with rules_readers():
        assert os.environ["KE_N_READER"] == "rules" and os.environ["KE_FU_READER"] == "rules"
    assert os.environ["KE_N_READER"] == "ranker" and "KE_FU_READER" not in os.environ


def test_only_dev_sets_are_read() -> None:
    files = {gold.split(":", 1)[1] for _, gold, _ in DEV_SETS}
    assert "data/eval/pool/gold_blind.jsonl" in files  # batch 7, retired blind: dev now
    assert not any("blind2" in f or "blind3" in f or "holdout" in f or "blind4" in f for f in files)
