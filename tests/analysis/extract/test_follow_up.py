"""Follow-up counted from the start of treatment (analysis/extract/follow_up.py), on dev records."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.extract.follow_up import _from_treatment_start
from ketamine_evidence.analysis.extract.text_patterns import TimeMention
from ketamine_evidence.analysis.parse.files import parse_file

_POOL = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "pain_trials_pool"


def _mention(days: float) -> TimeMention:
    return TimeMention((days,), 0, 1, "x", "point")


def test_a_baseline_week_inside_an_assessment_span_is_not_follow_up() -> None:
    # Batch 5 dev PMC5873424 (rule c, counted from the start of treatment): 14 days of actigraphy = 1 baseline week +
    # 1 week of treatment, so 7 days after treatment started.
    article = next(parse_file(_POOL / "PMC5873424.nxml"))
    found = {f.field: f for f in extract_findings(
        article, "stepwise pain treatment (oral paracetamol or transdermal buprenorphine) vs placebo")}
    assert found["follow_up_days"].value == 7.0


@pytest.mark.parametrize(("text", "times", "expected"), [
    ("Sleep was assessed continuously for 14 days by actigraphy, 1 week of baseline measurement, and 1 week of "
     "ongoing treatment.", [14.0, 7.0, 7.0], [7.0, 7.0, 7.0]),
    # a baseline that the span does not enclose leaves the times as they are
    ("Sleep was assessed continuously for 14 days by actigraphy, 1 week of baseline measurement, and 1 week of "
     "ongoing treatment.", [14.0], [14.0]),
])
def test_span_minus_its_baseline_part(text: str, times: list[float], expected: list[float]) -> None:
    assert _from_treatment_start(text, [_mention(d) for d in times]) == expected
