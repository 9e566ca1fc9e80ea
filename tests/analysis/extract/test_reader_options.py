"""The opt-in readers' environment options are read one way: defaults when unset, errors when unreadable."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract.reader_options import choice, threshold


def test_choice_strips_lowercases_and_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KE_T_READER", raising=False)
    assert choice("KE_T_READER", ("rules", "model"), "rules") == "rules"
    monkeypatch.setenv("KE_T_READER", "  ")
    assert choice("KE_T_READER", ("rules", "model"), "rules") == "rules"
    monkeypatch.setenv("KE_T_READER", " Model ")
    assert choice("KE_T_READER", ("rules", "model"), "rules") == "model"
    monkeypatch.setenv("KE_T_READER", "rule")
    with pytest.raises(ValueError, match="KE_T_READER='rule': expected one of rules, model"):
        choice("KE_T_READER", ("rules", "model"), "rules")


@pytest.mark.parametrize(("raw", "expected"), [(None, 0.9), ("", 0.9), ("0.25", 0.25), ("-1", -1.0)])
def test_threshold_reads_a_finite_number(monkeypatch: pytest.MonkeyPatch, raw: str | None, expected: float) -> None:
    if raw is None:
        monkeypatch.delenv("KE_T_ADD", raising=False)
    else:
        monkeypatch.setenv("KE_T_ADD", raw)
    assert threshold("KE_T_ADD", 0.9) == expected


@pytest.mark.parametrize("raw", ["high", "nan", "inf", "-inf"])
def test_threshold_rejects_what_is_not_a_finite_number(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("KE_T_ADD", raw)
    with pytest.raises(ValueError, match="KE_T_ADD="):
        threshold("KE_T_ADD", 0.9)
